package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Theme is the palette of the front desk for one kind of terminal
// background. Styles are built from it in styles.go; nothing else names a
// colour.
type Theme struct {
	IsDark   bool
	Fg       color.Color // ordinary text
	Muted    color.Color // labels, secondary text
	Subtle   color.Color // separators, borders of inactive parts
	Accent   color.Color // titles, focus
	OnAccent color.Color // text on an accent background
	SelBg    color.Color // selected row background
	SelFg    color.Color // selected row text
	Error    color.Color
	Warning  color.Color
	Info     color.Color
	OK       color.Color
}

// NewTheme returns the palette for a dark (true) or light background
// (lipgloss.LightDark picks the colour).
func NewTheme(isDark bool) Theme {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return Theme{
		IsDark:   isDark,
		Fg:       ld(c("#1F2328"), c("#E6E6E6")),
		Muted:    ld(c("#57606A"), c("#9DA5B4")),
		Subtle:   ld(c("#AAB2BD"), c("#4B5263")),
		Accent:   ld(c("#0B5CAD"), c("#61AFEF")),
		OnAccent: ld(c("#FFFFFF"), c("#101418")),
		SelBg:    ld(c("#DCEBFA"), c("#2C3E55")),
		SelFg:    ld(c("#0A2540"), c("#FFFFFF")),
		Error:    ld(c("#C21F1F"), c("#FF6B6B")),
		Warning:  ld(c("#9A6700"), c("#E5C07B")),
		Info:     ld(c("#0969DA"), c("#56B6C2")),
		OK:       ld(c("#1A7F37"), c("#98C379")),
	}
}
