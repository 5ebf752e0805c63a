package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/tui/common"
)

// Dialog asks the user to confirm something, or to type a short answer
// (a reason). The page that opens it decides what happens on yes.
type Dialog struct {
	c      *common.Common
	title  string
	lines  []string
	Input  *textinput.Model // nil for a yes/no question
	notice bool             // only to be read: any answer closes it
	// Err is shown under the input (e.g. "a reason is required").
	Err string
}

// NewConfirm asks a yes/no question: y or enter answers yes, n or esc no.
func NewConfirm(c *common.Common, title string, lines ...string) *Dialog {
	return &Dialog{c: c, title: title, lines: lines}
}

// NewNotice shows something to read; enter or esc closes it.
func NewNotice(c *common.Common, title string, lines ...string) *Dialog {
	d := NewConfirm(c, title, lines...)
	d.notice = true
	return d
}

// NewPrompt asks for a line of text: enter answers it (Value), esc
// cancels.
func NewPrompt(c *common.Common, title string, lines ...string) *Dialog {
	d := NewConfirm(c, title, lines...)
	in := textinput.New()
	in.Prompt = "> "
	in.SetStyles(c.Styles.Editor)
	in.CharLimit = 200
	in.Focus()
	d.Input = &in
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
	if d.Input == nil {
		return ""
	}
	return strings.TrimSpace(d.Input.Value())
}

// Update runs a message on the dialog.
func (d *Dialog) Update(msg tea.Msg) (DialogResult, tea.Cmd) {
	k := d.c.Keys.Dialog
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if d.Input != nil {
			switch {
			case key.Matches(msg, k.Submit):
				return DialogYes, nil
			case key.Matches(msg, k.Cancel):
				return DialogNo, nil
			}
			in, cmd := d.Input.Update(msg)
			d.Input = &in
			return DialogOpen, cmd
		}
		if d.notice {
			if key.Matches(msg, k.Dismiss) {
				return DialogNo, nil
			}
			return DialogOpen, nil
		}
		switch {
		case key.Matches(msg, k.Yes):
			return DialogYes, nil
		case key.Matches(msg, k.No):
			return DialogNo, nil
		}
	case tea.PasteMsg:
		if d.Input != nil {
			in, cmd := d.Input.Update(cleanPaste(msg))
			d.Input = &in
			return DialogOpen, cmd
		}
	}
	return DialogOpen, nil
}

// View draws the dialog centred in w×h.
func (d *Dialog) View(w, h int) string {
	st := d.c.Styles.Dialog
	bw := min(w-2, 72)
	inner := bw - 4
	var body []string
	body = append(body, "")
	for _, l := range d.lines {
		body = append(body, Wrap(l, inner)...)
	}
	if d.Input != nil {
		d.Input.SetWidth(inner - 3)
		body = append(body, "", d.Input.View())
		if d.Err != "" {
			body = append(body, d.c.Styles.App.StatusError.Render(d.Err))
		}
		body = append(body, "", d.c.Styles.App.Muted.Render(d.c.T(common.LblDialogPromptKeys)))
	} else if d.notice {
		body = append(body, "", d.c.Styles.App.Muted.Render(d.c.T(lblDialogNoticeKeys)))
	} else {
		body = append(body, "", d.c.Styles.App.Muted.Render(d.c.T(lblDialogConfirmKeys)))
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
	if d.notice {
		return []key.Binding{d.c.Keys.Dialog.Close}
	}
	return []key.Binding{d.c.Keys.Dialog.Yes, d.c.Keys.Dialog.No}
}

// FullHelp lists the dialog's keys.
func (d *Dialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
