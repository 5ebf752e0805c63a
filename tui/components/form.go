package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/tui/common"
)

// FieldKind is what a form row is.
type FieldKind int

const (
	FieldSection FieldKind = iota // a section heading (not focusable)
	FieldInfo                     // a line of information (not focusable)
	FieldText                     // one line of typed text
	FieldChoice                   // one of a few options, changed with left/right
	FieldCheck                    // a check box, toggled with space
	FieldMulti                    // several check boxes on one line
	FieldButton                   // an action, run with enter
)

// Option is one choice of a choice or multi field.
type Option struct {
	Value string
	Label string
	// Search holds more words a filtering choice matches on (the key,
	// pinyin, other names), besides the label.
	Search string
}

// Field is one row of a form. Values live in the page's own state: Get and
// Set reach them, so the page's state is the single source of truth.
type Field struct {
	ID      string
	Kind    FieldKind
	Label   string
	Section int
	Indent  int
	Get     func() string
	Set     func(string)
	Options []Option
	Width   int // text input width in cells
	Limit   int // character limit of a text field
	Hint    func() (string, common.Level)
	Do      func() tea.Cmd // a button's action
	// Deletable rows (an income, a member, a project) are removed by the
	// page when the delete key is pressed on them.
	Deletable bool
	Level     common.Level // of an info line
	// Filter makes a choice searchable: what is typed on it narrows the
	// options to those whose label or Search contains it and picks the
	// first; left/right then move among those.
	Filter bool
}

func (f *Field) focusable() bool { return f.Kind >= FieldText }

func (f *Field) value() string {
	if f.Get == nil {
		return ""
	}
	return f.Get()
}

// FormResult tells the page what a key or click did.
type FormResult struct {
	Handled bool // the form used the message
	Changed bool // a value changed
	Delete  bool // the delete key was pressed on a deletable row
	Cmd     tea.Cmd
}

// Form is a scrolling list of one-line rows with one text editor that
// follows the focus. Every row is exactly one screen line, so line i of
// the form is field i.
type Form struct {
	c      *common.Common
	fields []Field
	focus  int    // index of the focused field, -1 when none is focusable
	sub    int    // option under the cursor of a multi field
	query  string // what is typed on a filtering choice since it was focused
	editor textinput.Model
	// selected: the focused text row's whole value is selected, as on
	// entering a filled row; typing replaces it, Backspace clears it, a
	// cursor key drops the selection and keeps the text.
	selected bool
	offset   int
	width    int
	height   int
}

// NewForm builds an empty form; SetFields gives it its rows.
func NewForm(c *common.Common) *Form {
	ed := textinput.New()
	ed.Prompt = ""
	ed.SetStyles(c.Styles.Editor)
	ed.KeyMap.AcceptSuggestion = key.NewBinding(key.WithDisabled())
	ed.KeyMap.NextSuggestion = key.NewBinding(key.WithDisabled())
	ed.KeyMap.PrevSuggestion = key.NewBinding(key.WithDisabled())
	ed.KeyMap.Paste = key.NewBinding(key.WithDisabled()) // terminals paste with bracketed paste
	return &Form{c: c, editor: ed, focus: -1}
}

// Restyle applies new styles (light or dark background).
func (f *Form) Restyle() { f.editor.SetStyles(f.c.Styles.Editor) }

// SetSize sets the form's area.
func (f *Form) SetSize(w, h int) {
	f.width, f.height = w, max(h, 1)
	f.loadEditor(false)
	f.ensureVisible()
}

// SetFields replaces the rows, keeping the focus on the row with the same
// ID (or the nearest focusable row).
func (f *Form) SetFields(fs []Field) {
	oldID := ""
	if fd := f.Focused(); fd != nil {
		oldID = fd.ID
	}
	old := f.focus
	f.fields = fs
	f.focus = -1
	for i := range fs {
		if fs[i].ID == oldID && oldID != "" && fs[i].focusable() {
			f.focus = i
			break
		}
	}
	if f.focus < 0 {
		f.focus = f.nearestFocusable(max(old, 0))
		f.sub = 0
	}
	f.loadEditor(f.focus < 0 || f.fields[f.focus].ID != oldID)
	f.ensureVisible()
}

func (f *Form) nearestFocusable(i int) int {
	if len(f.fields) == 0 {
		return -1
	}
	i = min(i, len(f.fields)-1)
	for j := i; j < len(f.fields); j++ {
		if f.fields[j].focusable() {
			return j
		}
	}
	for j := i; j >= 0; j-- {
		if f.fields[j].focusable() {
			return j
		}
	}
	return -1
}

// Focused returns the focused row, or nil.
func (f *Form) Focused() *Field {
	if f.focus < 0 || f.focus >= len(f.fields) {
		return nil
	}
	return &f.fields[f.focus]
}

// FocusID moves the focus to the row with id; it reports whether found.
func (f *Form) FocusID(id string) bool {
	for i := range f.fields {
		if f.fields[i].ID == id && f.fields[i].focusable() {
			f.setFocus(i)
			return true
		}
	}
	return false
}

// FocusPrefix moves the focus to the first row whose ID starts with p.
func (f *Form) FocusPrefix(p string) bool {
	for i := range f.fields {
		if strings.HasPrefix(f.fields[i].ID, p) && f.fields[i].focusable() {
			f.setFocus(i)
			return true
		}
	}
	return false
}

// Selected reports whether the focused text row's value is selected, so
// that typing replaces it.
func (f *Form) Selected() bool { return f.selected && f.Typing() }

// Typing reports whether the focused row takes typed text: a text row,
// or a choice that filters as it is typed into.
func (f *Form) Typing() bool {
	fd := f.Focused()
	return fd != nil && (fd.Kind == FieldText || (fd.Kind == FieldChoice && fd.Filter))
}

// matches are the options of a filtering choice that contain the query
// typed on it (all of them when nothing is typed).
func (f *Form) matches(fd *Field) []Option {
	q := strings.ToLower(strings.TrimSpace(f.query))
	if q == "" {
		return fd.Options
	}
	var out []Option
	for _, o := range fd.Options {
		if strings.Contains(strings.ToLower(o.Label+" "+o.Search+" "+o.Value), q) {
			out = append(out, o)
		}
	}
	return out
}

// Section is the section of the focused row.
func (f *Form) Section() int {
	if fd := f.Focused(); fd != nil {
		return fd.Section
	}
	return 0
}

// FocusSection focuses the first focusable row of section s.
func (f *Form) FocusSection(s int) {
	for i := range f.fields {
		if f.fields[i].Section == s && f.fields[i].focusable() {
			f.setFocus(i)
			return
		}
	}
}

func (f *Form) setFocus(i int) {
	if i == f.focus {
		return
	}
	f.focus = i
	f.sub = 0
	f.query = ""
	f.loadEditor(true)
	f.ensureVisible()
}

// Refresh reloads the editor from the focused row's value after the page
// changed values itself.
func (f *Form) Refresh() { f.loadEditor(false) }

// loadEditor points the editor at the focused text row. With force the
// value is reloaded and the cursor put at its end; otherwise only when the
// stored value differs from what the editor holds.
func (f *Form) loadEditor(force bool) {
	fd := f.Focused()
	if fd == nil || fd.Kind != FieldText {
		f.editor.Blur()
		f.selected = false
		return
	}
	w := f.textWidth(fd)
	f.editor.SetWidth(max(w-1, 1))
	f.editor.CharLimit = fd.Limit
	if force || f.editor.Value() != fd.value() {
		f.editor.SetValue(fd.value())
		f.editor.CursorEnd()
		f.selected = f.editor.Value() != ""
	}
	// recompute the visible part for the (maybe new) width
	f.editor.SetCursor(f.editor.Position())
	f.editor.Focus()
}

// labelWidth is the width of the label column.
func (f *Form) labelWidth() int {
	w := 8
	for i := range f.fields {
		fd := &f.fields[i]
		if fd.Kind == FieldText || fd.Kind == FieldChoice || fd.Kind == FieldMulti {
			w = max(w, lipgloss.Width(fd.Label))
		}
	}
	return min(w, 18)
}

// textWidth is the width of a text row's input box.
func (f *Form) textWidth(fd *Field) int {
	avail := f.width - 2 - fd.Indent - f.labelWidth() - 1 - 2
	w := fd.Width
	if w <= 0 {
		w = 30
	}
	return max(min(w, avail), 4)
}

func (f *Form) ensureVisible() {
	if f.focus < 0 {
		f.offset = 0
		return
	}
	top := f.focus
	// show the section heading above the first row of a section
	if top > 0 && f.fields[top-1].Kind == FieldSection {
		top--
	}
	if top < f.offset {
		f.offset = top
	}
	if f.focus >= f.offset+f.height {
		f.offset = f.focus - f.height + 1
	}
	f.offset = max(0, min(f.offset, len(f.fields)-f.height))
	f.offset = max(f.offset, 0)
}

func (f *Form) move(delta int) bool {
	for i := f.focus + delta; i >= 0 && i < len(f.fields); i += delta {
		if f.fields[i].focusable() {
			f.setFocus(i)
			return true
		}
	}
	return false
}

func (f *Form) moveSection(delta int) bool {
	cur := f.Section()
	if delta > 0 {
		for i := f.focus + 1; i < len(f.fields); i++ {
			if f.fields[i].Section > cur && f.fields[i].focusable() {
				f.setFocus(i)
				return true
			}
		}
		return false
	}
	// the first row of the previous section (or of this one when not on it)
	target := -1
	for i := 0; i < f.focus; i++ {
		if f.fields[i].focusable() && f.fields[i].Section < cur {
			if target < 0 || f.fields[i].Section != f.fields[target].Section {
				target = i
			}
		}
	}
	if target >= 0 {
		f.FocusSection(f.fields[target].Section)
		return true
	}
	return false
}
