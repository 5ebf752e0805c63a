package components

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/tui/common"
)

// HuhTheme styles huh's fields from the palette of common/theme.go, so a
// huh field inside one of our boxes looks like the rest of the screen,
// light and dark. The fields sit inside our own frames: no border, no
// padding of their own. The background is c's (c.IsDark, kept by the
// roots), not huh's own guess, so a field never needs the
// BackgroundColorMsg forwarded to it.
func HuhTheme(c *common.Common) huh.Theme {
	return huh.ThemeFunc(func(bool) *huh.Styles {
		if c.IsDark {
			return huhStyles[1]
		}
		return huhStyles[0]
	})
}

// huhStyles are built once per background: light, dark.
var huhStyles = [2]*huh.Styles{newHuhStyles(false), newHuhStyles(true)}

func newHuhStyles(isDark bool) *huh.Styles {
	p := common.NewTheme(isDark)
	t := huh.ThemeBase(isDark)
	ns := lipgloss.NewStyle
	button := ns().Padding(0, 2).MarginRight(1)

	f := &t.Focused
	f.Base = ns()
	f.Card = ns()
	f.Title = ns().Foreground(p.Accent).Bold(true)
	f.NoteTitle = f.Title
	f.Description = ns().Foreground(p.Muted)
	f.ErrorIndicator = ns().Foreground(p.Error).SetString(" *")
	f.ErrorMessage = ns().Foreground(p.Error)
	f.SelectSelector = ns().Foreground(p.Accent).SetString("> ")
	f.Option = ns().Foreground(p.Fg)
	f.SelectedOption = ns().Foreground(p.Accent).Bold(true)
	f.UnselectedOption = ns().Foreground(p.Fg)
	// ASCII, not arrows: arrows are ambiguous width in some terminals
	f.NextIndicator = ns().Foreground(p.Accent).MarginLeft(1).SetString(">")
	f.PrevIndicator = ns().Foreground(p.Accent).MarginRight(1).SetString("<")
	f.FocusedButton = button.Foreground(p.OnAccent).Background(p.Accent).Bold(true)
	f.BlurredButton = button.Foreground(p.Fg).Background(p.SelBg)
	f.TextInput.Cursor = ns().Foreground(p.Accent)
	f.TextInput.Prompt = ns().Foreground(p.Accent)
	f.TextInput.Text = ns().Foreground(p.Fg)
	f.TextInput.Placeholder = ns().Foreground(p.Muted)

	t.Blurred = t.Focused
	t.Blurred.Title = ns().Foreground(p.Muted)
	t.Blurred.SelectSelector = ns().SetString("  ")
	t.Blurred.SelectedOption = ns().Foreground(p.Fg)
	t.Blurred.UnselectedOption = ns().Foreground(p.Muted)
	t.Blurred.TextInput.Prompt = ns().Foreground(p.Muted)
	t.Blurred.NextIndicator = ns().Foreground(p.Muted).MarginLeft(1).SetString(">")
	t.Blurred.PrevIndicator = ns().Foreground(p.Muted).MarginRight(1).SetString("<")
	t.Blurred.FocusedButton = button.Foreground(p.Fg).Background(p.SelBg)
	return t
}

// CleanPaste drops control characters and escape sequences from pasted
// text before it reaches a field.
func CleanPaste(msg tea.PasteMsg) tea.PasteMsg { return cleanPaste(msg) }
