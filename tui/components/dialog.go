package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/tui/common"
)

// Dialog asks the user to confirm something, or to type a short answer
// (a reason). The page that opens it decides what happens on yes.
//
// The question is a huh Confirm, the answer a huh Input, drawn inside the
// dialog's own frame; the dialog keeps the keys (y/n, enter/esc) and the
// help line in the user's language, and never shows huh's own.
type Dialog struct {
	c     *common.Common
	title string
	lines []string
	// confirm is the yes/no buttons (nil for a prompt); yes is its value.
	confirm *huh.Confirm
	yes     bool
	// input is the prompt's line (nil for a question); text its value.
	input  *huh.Input
	text   string
	notice bool // only to be read: any answer closes it
	// Err is shown under the input (e.g. "a reason is required").
	Err string
}

// NewConfirm asks a yes/no question: y or enter answers yes (enter answers
// the button chosen with ←/→), n or esc no.
func NewConfirm(c *common.Common, title string, lines ...string) *Dialog {
	d := &Dialog{c: c, title: title, lines: lines, yes: true}
	d.confirm = huh.NewConfirm().
		Affirmative(c.T(lblDialogYes)).
		Negative(c.T(lblDialogNo)).
		Value(&d.yes)
	d.confirm.WithTheme(HuhTheme(c))
	d.confirm.WithKeyMap(huh.NewDefaultKeyMap())
	d.confirm.Focus()
	return d
}

// NewNotice shows something to read; enter or esc closes it.
func NewNotice(c *common.Common, title string, lines ...string) *Dialog {
	return &Dialog{c: c, title: title, lines: lines, notice: true}
}

// NewPrompt asks for a line of text: enter answers it (Value), esc
// cancels.
func NewPrompt(c *common.Common, title string, lines ...string) *Dialog {
	d := &Dialog{c: c, title: title, lines: lines}
	d.input = huh.NewInput().Prompt("> ").CharLimit(200).Value(&d.text)
	d.input.WithTheme(HuhTheme(c))
	d.input.WithKeyMap(huh.NewDefaultKeyMap())
	d.input.Focus()
	return d
}

// Validate has the prompt check its answer on enter: an error keeps the
// dialog open and shows the error's text (the page's message, in the
// user's language) under the input.
func (d *Dialog) Validate(fn func(string) error) *Dialog {
	if d.input != nil {
		d.input.Validate(fn)
	}
	return d
}

// DialogResult is what a key did to a dialog.
type DialogResult int

// What a key did to a dialog: nothing final, yes (or the prompt answered),
// no (or closed).
const (
	DialogOpen DialogResult = iota
	DialogYes
	DialogNo
)

// Value is the typed answer of a prompt.
func (d *Dialog) Value() string {
	return strings.TrimSpace(d.text)
}

// Typing reports whether the dialog takes text (a prompt): letters are
// typed, not keys.
func (d *Dialog) Typing() bool { return d.input != nil }

// SetValue puts text in a prompt's input (e.g. a reason given back after a
// failed write).
func (d *Dialog) SetValue(text string) {
	if d.input != nil {
		d.text = text
		d.input.Value(&d.text)
	}
}

// Update runs a message on the dialog.
func (d *Dialog) Update(msg tea.Msg) (DialogResult, tea.Cmd) {
	k := d.c.Keys.Dialog
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case d.input != nil:
			return d.updatePrompt(msg)
		case d.notice:
			if key.Matches(msg, k.Dismiss) {
				return DialogNo, nil
			}
			return DialogOpen, nil
		}
		switch {
		case key.Matches(msg, k.Submit): // enter: the button chosen
			if d.yes {
				return DialogYes, nil
			}
			return DialogNo, nil
		case key.Matches(msg, k.Yes):
			return DialogYes, nil
		case key.Matches(msg, k.No):
			return DialogNo, nil
		}
		// ←/→, h/l, tab move between the buttons; huh's own commands
		// (next field) have no form to go to here.
		d.confirm.Update(msg)
	case tea.PasteMsg:
		if d.input != nil {
			d.input.Update(cleanPaste(msg))
			return DialogOpen, nil
		}
	}
	return DialogOpen, nil
}

// updatePrompt runs a key on the prompt: enter answers once the input's
// validation passes, esc cancels, anything else edits.
func (d *Dialog) updatePrompt(msg tea.KeyPressMsg) (DialogResult, tea.Cmd) {
	k := d.c.Keys.Dialog
	switch {
	case key.Matches(msg, k.Submit):
		d.input.Update(msg) // validates; its next-field command is dropped
		if err := d.input.Error(); err != nil {
			d.Err = err.Error()
			return DialogOpen, nil
		}
		return DialogYes, nil
	case key.Matches(msg, k.Cancel):
		return DialogNo, nil
	}
	if !IsFieldNav(msg) {
		// its commands are the cursor's blink ticks: the cursor stays
		// steady, screens stay stable for tmux and tests
		d.input.Update(msg)
	}
	return DialogOpen, nil
}

// IsFieldNav reports the keys huh's fields read as "next/previous field"
// (tab, shift+tab), or as "paste from the clipboard" (ctrl+v; a terminal
// paste arrives as a PasteMsg): a lone field in a box has no other field
// to go to and reads no clipboard.
func IsFieldNav(msg tea.KeyPressMsg) bool {
	s := msg.String()
	return s == "tab" || s == "shift+tab" || s == "ctrl+v"
}

// View draws the dialog centred in w×h.
func (d *Dialog) View(w, h int) string {
	st := d.c.Styles.Dialog
	bw := max(min(w-2, 72), 8)
	inner := bw - 4
	var body []string
	body = append(body, "")
	for _, l := range d.lines {
		body = append(body, Wrap(l, inner)...)
	}
	muted := d.c.Styles.App.Muted
	switch {
	case d.input != nil:
		d.input.WithWidth(inner)
		body = append(body, "", d.input.View())
		if d.Err != "" {
			body = append(body, d.c.Styles.App.StatusError.Render(d.Err))
		}
		body = append(body, "", muted.Render(d.c.T(common.LblDialogPromptKeys)))
	case d.notice:
		body = append(body, "", muted.Render(d.c.T(lblDialogNoticeKeys)))
	default:
		d.confirm.WithWidth(inner)
		body = append(body, "")
		body = append(body, strings.Split(d.confirm.View(), "\n")...)
		body = append(body, "", muted.Render(d.c.T(lblDialogConfirmKeys)))
	}
	maxLines := max(h-2, 3)
	if len(body) > maxLines {
		// keep the keys line visible
		last := body[len(body)-1]
		body = append(body[:maxLines-2], Ellipsis, last)
	}
	bh := len(body) + 2
	b := Box(st.Box, st.Title.Render(d.title), body, bw, bh)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, b)
}

// ShortHelp lists the dialog's keys.
func (d *Dialog) ShortHelp() []key.Binding {
	switch {
	case d.notice:
		return []key.Binding{d.c.Keys.Dialog.Close}
	case d.input != nil: // letters are text here
		return []key.Binding{d.c.Keys.Dialog.Submit, d.c.Keys.Dialog.Cancel}
	}
	return []key.Binding{d.c.Keys.Dialog.Yes, d.c.Keys.Dialog.No}
}

// FullHelp lists the dialog's keys.
func (d *Dialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
