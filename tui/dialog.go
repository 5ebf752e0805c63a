package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// dialog asks the user to confirm something, or to type a short answer
// (a reason). The page that opens it decides what happens on yes.
type dialog struct {
	c      *Common
	title  string
	lines  []string
	input  *textinput.Model // nil for a yes/no question
	notice bool             // only to be read: any answer closes it
	// Err is shown under the input (e.g. "a reason is required").
	Err string
}

func newConfirm(c *Common, title string, lines ...string) *dialog {
	return &dialog{c: c, title: title, lines: lines}
}

// newNotice shows something to read; enter or esc closes it.
func newNotice(c *Common, title string, lines ...string) *dialog {
	d := newConfirm(c, title, lines...)
	d.notice = true
	return d
}

func newPrompt(c *Common, title string, lines ...string) *dialog {
	d := newConfirm(c, title, lines...)
	in := textinput.New()
	in.Prompt = "> "
	in.SetStyles(c.Styles.Editor)
	in.CharLimit = 200
	in.Focus()
	d.input = &in
	return d
}

// dialogResult is what a key did to a dialog.
type dialogResult int

const (
	dialogOpen dialogResult = iota
	dialogYes
	dialogNo
)

// Value is the typed answer of a prompt.
func (d *dialog) Value() string {
	if d.input == nil {
		return ""
	}
	return strings.TrimSpace(d.input.Value())
}

// Update runs a message on the dialog.
func (d *dialog) Update(msg tea.Msg) (dialogResult, tea.Cmd) {
	k := d.c.Keys.Dialog
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if d.input != nil {
			switch msg.String() {
			case "enter":
				return dialogYes, nil
			case "esc":
				return dialogNo, nil
			}
			in, cmd := d.input.Update(msg)
			d.input = &in
			return dialogOpen, cmd
		}
		if d.notice {
			switch msg.String() {
			case "enter", "esc", "space", "y", "n":
				return dialogNo, nil
			}
			return dialogOpen, nil
		}
		switch {
		case key.Matches(msg, k.Yes):
			return dialogYes, nil
		case key.Matches(msg, k.No):
			return dialogNo, nil
		}
	case tea.PasteMsg:
		if d.input != nil {
			in, cmd := d.input.Update(cleanPaste(msg))
			d.input = &in
			return dialogOpen, cmd
		}
	}
	return dialogOpen, nil
}

// View draws the dialog centred in w×h.
func (d *dialog) View(w, h int) string {
	st := d.c.Styles.Dialog
	bw := min(w-2, 72)
	inner := bw - 4
	var body []string
	body = append(body, "")
	for _, l := range d.lines {
		body = append(body, wrap(l, inner)...)
	}
	if d.input != nil {
		d.input.SetWidth(inner - 3)
		body = append(body, "", d.input.View())
		if d.Err != "" {
			body = append(body, d.c.Styles.App.StatusError.Render(d.Err))
		}
		body = append(body, "", d.c.Styles.App.Muted.Render(d.c.T("dialog.prompt_keys")))
	} else if d.notice {
		body = append(body, "", d.c.Styles.App.Muted.Render(d.c.T("dialog.notice_keys")))
	} else {
		body = append(body, "", d.c.Styles.App.Muted.Render(d.c.T("dialog.confirm_keys")))
	}
	maxLines := max(h-2, 3)
	if len(body) > maxLines {
		// keep the keys line visible
		last := body[len(body)-1]
		body = append(body[:maxLines-2], tail, last)
	}
	bh := len(body) + 2
	b := box(st.Box, st.Title.Render(d.title), body, bw, bh)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, b)
}

// ShortHelp lists the dialog's keys.
func (d *dialog) ShortHelp() []key.Binding {
	if d.notice {
		return []key.Binding{d.c.Keys.Dialog.Close}
	}
	return []key.Binding{d.c.Keys.Dialog.Yes, d.c.Keys.Dialog.No}
}

// FullHelp lists the dialog's keys.
func (d *dialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
