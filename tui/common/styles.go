package common

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles are the styles of every part of the front desk, built from a
// Theme. Pages take what they need from the struct of their part.
type Styles struct {
	Theme  Theme
	App    AppStyles
	Form   FormStyles
	Table  TableStyles
	Panel  PanelStyles
	Tabs   TabStyles
	Dialog DialogStyles
	Help   help.Styles
	Editor textinput.Styles
}

// AppStyles style the frame: header, status line, the too-small notice.
type AppStyles struct {
	Header      lipgloss.Style
	HeaderTitle lipgloss.Style
	HeaderInfo  lipgloss.Style
	StatusInfo  lipgloss.Style
	StatusOK    lipgloss.Style
	StatusError lipgloss.Style
	StatusWarn  lipgloss.Style
	TooSmall    lipgloss.Style
	Title       lipgloss.Style
	Muted       lipgloss.Style
	Counter     lipgloss.Style
	MenuItem    lipgloss.Style
	MenuActive  lipgloss.Style
	MenuOff     lipgloss.Style
}

// FormStyles style form rows.
type FormStyles struct {
	Label        lipgloss.Style
	LabelFocused lipgloss.Style
	Value        lipgloss.Style
	Section      lipgloss.Style
	Info         lipgloss.Style
	Hint         lipgloss.Style
	HintError    lipgloss.Style
	HintOK       lipgloss.Style
	Marker       lipgloss.Style
	Button       lipgloss.Style
	Option       lipgloss.Style
	OptionActive lipgloss.Style
	Selection    lipgloss.Style // a text row's value while selected (typing replaces it)
}

// TableStyles style the virtualised tables.
type TableStyles struct {
	Header   lipgloss.Style
	Cell     lipgloss.Style
	Selected lipgloss.Style
	Warn     lipgloss.Style
	Group    lipgloss.Style
}

// PanelStyles style bordered panels such as the findings panel.
type PanelStyles struct {
	Box     lipgloss.Style // the border
	Title   lipgloss.Style
	Error   lipgloss.Style
	Warning lipgloss.Style
	Info    lipgloss.Style
	Text    lipgloss.Style
}

// TabStyles style tab rows.
type TabStyles struct {
	Active   lipgloss.Style
	Inactive lipgloss.Style
}

// DialogStyles style confirmation dialogs.
type DialogStyles struct {
	Box   lipgloss.Style
	Title lipgloss.Style
	Text  lipgloss.Style
}

// NewStyles builds every style from the theme.
func NewStyles(t Theme) *Styles {
	ns := lipgloss.NewStyle
	s := &Styles{Theme: t}
	s.App = AppStyles{
		Header:      ns().Foreground(t.Fg),
		HeaderTitle: ns().Foreground(t.Accent).Bold(true),
		HeaderInfo:  ns().Foreground(t.Muted),
		StatusInfo:  ns().Foreground(t.Info),
		StatusOK:    ns().Foreground(t.OK),
		StatusError: ns().Foreground(t.Error).Bold(true),
		StatusWarn:  ns().Foreground(t.Warning),
		TooSmall:    ns().Foreground(t.Warning).Bold(true),
		Title:       ns().Foreground(t.Accent).Bold(true),
		Muted:       ns().Foreground(t.Muted),
		Counter:     ns().Foreground(t.Accent).Bold(true),
		MenuItem:    ns().Foreground(t.Fg),
		MenuActive:  ns().Foreground(t.SelFg).Background(t.SelBg).Bold(true),
		MenuOff:     ns().Foreground(t.Muted),
	}
	s.Form = FormStyles{
		Label:        ns().Foreground(t.Muted),
		LabelFocused: ns().Foreground(t.Accent).Bold(true),
		Value:        ns().Foreground(t.Fg),
		Section:      ns().Foreground(t.Accent).Bold(true),
		Info:         ns().Foreground(t.Fg),
		Hint:         ns().Foreground(t.Muted),
		HintError:    ns().Foreground(t.Error),
		HintOK:       ns().Foreground(t.OK),
		Marker:       ns().Foreground(t.Accent).Bold(true),
		Button:       ns().Foreground(t.Accent),
		Option:       ns().Foreground(t.Fg),
		OptionActive: ns().Foreground(t.SelFg).Background(t.SelBg),
		Selection:    ns().Foreground(t.SelFg).Background(t.SelBg),
	}
	s.Table = TableStyles{
		Header:   ns().Foreground(t.Accent).Bold(true),
		Cell:     ns().Foreground(t.Fg),
		Selected: ns().Foreground(t.SelFg).Background(t.SelBg),
		Warn:     ns().Foreground(t.Warning),
		Group:    ns().Foreground(t.Muted).Bold(true),
	}
	s.Panel = PanelStyles{
		Box:     ns().Foreground(t.Subtle),
		Title:   ns().Foreground(t.Accent).Bold(true),
		Error:   ns().Foreground(t.Error),
		Warning: ns().Foreground(t.Warning),
		Info:    ns().Foreground(t.Info),
		Text:    ns().Foreground(t.Fg),
	}
	s.Tabs = TabStyles{
		Active:   ns().Foreground(t.OnAccent).Background(t.Accent).Bold(true).Padding(0, 1),
		Inactive: ns().Foreground(t.Muted).Padding(0, 1),
	}
	s.Dialog = DialogStyles{
		Box:   ns().Foreground(t.Accent),
		Title: ns().Foreground(t.Accent).Bold(true),
		Text:  ns().Foreground(t.Fg),
	}
	s.Help = help.DefaultStyles(t.IsDark)
	s.Editor = textinput.DefaultStyles(t.IsDark)
	// A steady cursor: no blink ticks, stable screens for tmux and tests.
	s.Editor.Cursor.Blink = false
	s.Editor.Cursor.Color = t.Accent
	return s
}
