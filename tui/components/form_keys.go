package components

// How a form answers keys, pastes and clicks, and which keys are live.

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// Keys are the form keys as they work on the focused row: a key that does
// nothing there is off, so help shows only live keys. They are worked out
// from the focus on each use; the shared keymap is never changed.
func (f *Form) Keys() common.FormKeys {
	k := f.c.Keys.Form // a copy: SetEnabled below changes only it
	kind, del := FieldKind(-1), false
	if fd := f.Focused(); fd != nil {
		kind, del = fd.Kind, fd.Deletable
	}
	k.Toggle.SetEnabled(kind == FieldCheck || kind == FieldMulti || kind == FieldChoice)
	k.Cycle.SetEnabled(kind == FieldChoice || kind == FieldMulti)
	k.Activate.SetEnabled(kind == FieldButton)
	k.Delete.SetEnabled(del)
	return k
}

// HandleKey runs a key on the form.
func (f *Form) HandleKey(msg tea.KeyPressMsg) FormResult {
	k := f.Keys()
	fd := f.Focused()
	if fd == nil {
		return FormResult{}
	}
	switch {
	case fd.Kind == FieldButton && key.Matches(msg, k.Activate):
		var cmd tea.Cmd
		if fd.Do != nil {
			cmd = fd.Do()
		}
		return FormResult{Handled: true, Changed: true, Cmd: cmd}
	case key.Matches(msg, k.Delete):
		if fd.Deletable {
			return FormResult{Handled: true, Delete: true}
		}
		return FormResult{Handled: true}
	case key.Matches(msg, k.Next, k.Prev):
		f.move(step(msg, k.Next))
		return FormResult{Handled: true}
	case key.Matches(msg, k.NextSec, k.PrevSec):
		f.moveSection(step(msg, k.NextSec))
		return FormResult{Handled: true}
	}
	switch fd.Kind {
	case FieldText:
		before := f.editor.Value()
		if f.selected {
			if r, done := f.replaceSelection(fd, msg); done {
				return r
			}
		}
		var cmd tea.Cmd
		f.editor, cmd = f.editor.Update(msg)
		if after := f.editor.Value(); after != before {
			fd.Set(after)
			return FormResult{Handled: true, Changed: true, Cmd: cmd}
		}
		return FormResult{Handled: true, Cmd: cmd}
	case FieldChoice:
		switch {
		case key.Matches(msg, k.Left):
			return FormResult{Handled: true, Changed: f.cycle(fd, -1)}
		case key.Matches(msg, k.Right, k.Toggle):
			return FormResult{Handled: true, Changed: f.cycle(fd, 1)}
		case fd.Filter:
			return f.filterKey(fd, msg)
		}
	case FieldCheck:
		if key.Matches(msg, k.Toggle) {
			f.toggle(fd)
			return FormResult{Handled: true, Changed: true}
		}
	case FieldMulti:
		switch {
		case key.Matches(msg, k.Left):
			f.sub = max(f.sub-1, 0)
			return FormResult{Handled: true}
		case key.Matches(msg, k.Right):
			f.sub = min(f.sub+1, len(fd.Options)-1)
			return FormResult{Handled: true}
		case key.Matches(msg, k.Toggle):
			f.toggleMulti(fd, f.sub)
			return FormResult{Handled: true, Changed: true}
		}
	}
	return FormResult{}
}

// cleanPaste drops control characters and whole escape sequences from
// pasted text: the text input would drop the ESC alone and keep the rest
// of a sequence ("[31m") as if typed.
func cleanPaste(msg tea.PasteMsg) tea.PasteMsg {
	msg.Content = casefile.Clean(msg.Content, false)
	return msg
}

// HandlePaste puts pasted text into the focused text row.
func (f *Form) HandlePaste(msg tea.PasteMsg) FormResult {
	fd := f.Focused()
	if fd == nil || fd.Kind != FieldText {
		return FormResult{}
	}
	before := f.editor.Value()
	if f.selected {
		f.editor.SetValue("")
		f.selected = false
	}
	f.editor, _ = f.editor.Update(cleanPaste(msg))
	if after := f.editor.Value(); after != before {
		fd.Set(after)
		return FormResult{Handled: true, Changed: true}
	}
	return FormResult{Handled: true}
}

// replaceSelection runs a key on a selected value: Backspace or Delete
// clears it (done), typed text empties the editor first, any other key
// drops the selection and keeps the text. done reports that the key was
// used up here.
func (f *Form) replaceSelection(fd *Field, msg tea.KeyPressMsg) (r FormResult, done bool) {
	f.selected = false
	km := f.editor.KeyMap
	switch {
	case key.Matches(msg, km.DeleteCharacterBackward, km.DeleteCharacterForward, km.DeleteWordBackward,
		km.DeleteWordForward, km.DeleteBeforeCursor, km.DeleteAfterCursor):
		f.editor.SetValue("")
		fd.Set("")
		return FormResult{Handled: true, Changed: true}, true
	case msg.Text != "":
		f.editor.SetValue("")
	}
	return FormResult{}, false
}

// cycle moves a choice d options on, among the options that match what
// was typed on a filtering choice.
func (f *Form) cycle(fd *Field, d int) bool {
	opts := fd.Options
	if fd.Filter {
		opts = f.matches(fd)
	}
	if len(opts) == 0 {
		return false
	}
	cur := -1
	v := fd.value()
	for i, o := range opts {
		if o.Value == v {
			cur = i
		}
	}
	next := (cur + d + len(opts)) % len(opts)
	if cur < 0 {
		next = 0
		if d < 0 {
			next = len(opts) - 1
		}
	}
	fd.Set(opts[next].Value)
	return opts[next].Value != v
}

// filterKey types on a filtering choice: text narrows the options and
// picks the first that matches, backspace widens them again.
func (f *Form) filterKey(fd *Field, msg tea.KeyPressMsg) FormResult {
	switch {
	case msg.Code == tea.KeyBackspace:
		if f.query == "" {
			return FormResult{Handled: true}
		}
		r := []rune(f.query)
		f.query = string(r[:len(r)-1])
	case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
		f.query += casefile.Clean(msg.Text, false)
	default:
		return FormResult{}
	}
	m := f.matches(fd)
	if len(m) == 0 || slices.ContainsFunc(m, func(o Option) bool { return o.Value == fd.value() }) {
		return FormResult{Handled: true} // nothing matches, or what is chosen still does
	}
	fd.Set(m[0].Value)
	return FormResult{Handled: true, Changed: true}
}

// FilterQuery is what was typed on the focused filtering choice, and how
// many options match it.
func (f *Form) FilterQuery() (string, int) {
	fd := f.Focused()
	if fd == nil || !fd.Filter || f.query == "" {
		return "", 0
	}
	return f.query, len(f.matches(fd))
}

func (f *Form) toggle(fd *Field) {
	if fd.value() == "" {
		fd.Set("1")
	} else {
		fd.Set("")
	}
}

func (f *Form) toggleMulti(fd *Field, i int) {
	if i < 0 || i >= len(fd.Options) {
		return
	}
	set := multiValues(fd.value())
	o := fd.Options[i].Value
	if set[o] {
		delete(set, o)
	} else {
		set[o] = true
	}
	var out []string
	for _, opt := range fd.Options {
		if set[opt.Value] {
			out = append(out, opt.Value)
		}
	}
	fd.Set(strings.Join(out, ","))
}

func multiValues(v string) map[string]bool {
	set := map[string]bool{}
	for _, s := range strings.Split(v, ",") {
		if s != "" {
			set[s] = true
		}
	}
	return set
}

// Click handles a left click at (x, y) inside the form's area.
func (f *Form) Click(x, y int) FormResult {
	i := f.offset + y
	if y < 0 || i < 0 || i >= len(f.fields) || !f.fields[i].focusable() {
		return FormResult{}
	}
	already := i == f.focus
	f.setFocus(i)
	fd := &f.fields[i]
	switch fd.Kind {
	case FieldCheck:
		f.toggle(fd)
		return FormResult{Handled: true, Changed: true}
	case FieldButton:
		var cmd tea.Cmd
		if fd.Do != nil {
			cmd = fd.Do()
		}
		return FormResult{Handled: true, Changed: true, Cmd: cmd}
	case FieldChoice:
		if already {
			return FormResult{Handled: true, Changed: f.cycle(fd, 1)}
		}
	case FieldMulti:
		col := x - (2 + fd.Indent + f.labelWidth() + 1)
		for j, o := range fd.Options {
			w := lipgloss.Width(multiOption(false, o.Label)) + 1
			if col >= 0 && col < w {
				f.sub = j
				f.toggleMulti(fd, j)
				return FormResult{Handled: true, Changed: true}
			}
			col -= w
		}
	}
	return FormResult{Handled: true}
}

// step is 1 for a key of forward, -1 for one of its opposite.
func step(msg tea.KeyPressMsg, forward key.Binding) int {
	if key.Matches(msg, forward) {
		return 1
	}
	return -1
}
