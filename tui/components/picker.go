package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// pickItem is one project of the catalogue with what a search matches.
type pickItem struct {
	code   string
	dept   string
	search string // lower-case code, names, pinyin, department names
}

// pickRow is a line of the picker: a department heading or a project.
type pickRow struct {
	dept string
	item int // index into items; -1 for a heading
}

// Picker is the searchable project chooser of the intake: every project of
// the catalogue grouped by department, filtered as you type by code, name
// or pinyin (initials or full). It draws only the rows that fit.
type Picker struct {
	c        *common.Common
	filter   textinput.Model
	items    []pickItem
	rows     []pickRow
	cursor   int // index into rows (always a project row when any)
	offset   int
	width    int
	height   int
	selected func(code string) bool
}

// NewPicker lists the catalogue's projects to choose from; selected
// tells which are already chosen.
func NewPicker(c *common.Common, selected func(string) bool) *Picker {
	in := textinput.New()
	in.Prompt = "> "
	in.SetStyles(c.Styles.Editor)
	in.CharLimit = 40
	in.Focus()
	p := &Picker{c: c, filter: in, selected: selected}
	cat := c.Catalog
	for _, d := range cat.Departments {
		for _, pr := range cat.ProjectsOf(d.Key) {
			ini, full := casefile.Pinyin(pr.Name)
			dini, dfull := casefile.Pinyin(d.Name)
			s := strings.ToLower(strings.Join([]string{pr.Code, strings.ReplaceAll(pr.Code, "-", ""), pr.Name, pr.NameEN,
				ini, full, d.Name, d.NameEN, d.Short, dini, dfull}, "|"))
			p.items = append(p.items, pickItem{code: pr.Code, dept: d.Key, search: s})
		}
	}
	p.refilter()
	return p
}

// refilter rebuilds the rows for the filter text.
func (p *Picker) refilter() {
	terms := strings.Fields(strings.ToLower(p.filter.Value()))
	cur := p.current()
	p.rows = p.rows[:0]
	lastDept := ""
	for i, it := range p.items {
		ok := true
		for _, t := range terms {
			if !strings.Contains(it.search, t) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if it.dept != lastDept {
			p.rows = append(p.rows, pickRow{dept: it.dept, item: -1})
			lastDept = it.dept
		}
		p.rows = append(p.rows, pickRow{dept: it.dept, item: i})
	}
	p.cursor = -1
	for i, r := range p.rows {
		if r.item >= 0 && (p.cursor < 0 || p.items[r.item].code == cur) {
			p.cursor = i
			if p.items[r.item].code == cur || cur == "" {
				break
			}
		}
	}
	p.offset = 0
	p.ensureVisible()
}

// current is the code under the cursor, or "".
func (p *Picker) current() string {
	if p.cursor < 0 || p.cursor >= len(p.rows) || p.rows[p.cursor].item < 0 {
		return ""
	}
	return p.items[p.rows[p.cursor].item].code
}

func (p *Picker) move(d int) {
	for i := p.cursor + d; i >= 0 && i < len(p.rows); i += d {
		if p.rows[i].item >= 0 {
			p.cursor = i
			break
		}
	}
	p.ensureVisible()
}

func (p *Picker) listHeight() int { return max(p.height-3, 1) }

func (p *Picker) ensureVisible() {
	h := p.listHeight()
	if p.cursor < 0 {
		return
	}
	top := p.cursor
	if top > 0 && p.rows[top-1].item < 0 {
		top-- // keep the department heading in view
	}
	if top < p.offset {
		p.offset = top
	}
	if p.cursor >= p.offset+h {
		p.offset = p.cursor - h + 1
	}
}

// SetSize sets the picker's area.
func (p *Picker) SetSize(w, h int) {
	p.width, p.height = w, h
	p.filter.SetWidth(max(w-20, 8))
	p.ensureVisible()
}

// pickerResult is what a key did in the picker.
type pickerResult struct {
	Toggle string // a project code to add or remove
	Close  bool
}

// Update runs a message on the picker.
func (p *Picker) Update(msg tea.Msg) (pickerResult, tea.Cmd) {
	k := p.c.Keys.Picker
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Close):
			return pickerResult{Close: true}, nil
		case key.Matches(msg, k.Up):
			p.move(-1)
			return pickerResult{}, nil
		case key.Matches(msg, k.Down):
			p.move(1)
			return pickerResult{}, nil
		case key.Matches(msg, k.PageDown):
			for i := 0; i < p.listHeight()-1; i++ {
				p.move(1)
			}
			return pickerResult{}, nil
		case key.Matches(msg, k.PageUp):
			for i := 0; i < p.listHeight()-1; i++ {
				p.move(-1)
			}
			return pickerResult{}, nil
		case key.Matches(msg, k.Toggle):
			return pickerResult{Toggle: p.current()}, nil
		}
		before := p.filter.Value()
		var cmd tea.Cmd
		p.filter, cmd = p.filter.Update(msg)
		if p.filter.Value() != before {
			p.refilter()
		}
		return pickerResult{}, cmd
	case tea.PasteMsg:
		var cmd tea.Cmd
		p.filter, cmd = p.filter.Update(msg)
		p.refilter()
		return pickerResult{}, cmd
	}
	return pickerResult{}, nil
}

// Click selects (and toggles) the project drawn at line y.
func (p *Picker) Click(y int) pickerResult {
	i := p.offset + y - 2 // filter line and the blank line above the list
	if y < 2 || i < 0 || i >= len(p.rows) || p.rows[i].item < 0 {
		return pickerResult{}
	}
	p.cursor = i
	return pickerResult{Toggle: p.current()}
}

// View draws the picker in its area.
func (p *Picker) View() string {
	c := p.c
	s := c.Styles
	lines := []string{
		s.Form.LabelFocused.Render(c.T(lblPickerFilter)) + " " + p.filter.View(),
		s.App.Muted.Render(c.Tf(lblPickerCount, p.countProjects())),
	}
	h := p.listHeight()
	for i := p.offset; i < len(p.rows) && len(lines) < h+2; i++ {
		r := p.rows[i]
		if r.item < 0 {
			lines = append(lines, s.Table.Group.Render(c.DeptName(r.dept)))
			continue
		}
		code := p.items[r.item].code
		pr := c.Catalog.Project(code)
		mark := "[ ] "
		if p.selected(code) {
			mark = "[x] "
		}
		l := "  " + mark + PadRight(code, 7) + " " + pr.Label(c.Lang) + "  " + s.App.Muted.Render(pr.Kind.Label(c.Lang))
		if i == p.cursor {
			l = s.Table.Selected.Render(FitWidth(l, p.width))
		}
		lines = append(lines, l)
	}
	if len(p.rows) == 0 {
		lines = append(lines, s.App.Muted.Render(c.T(lblPickerNothing)))
	}
	lines = append(lines, "")
	for len(lines) < p.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:p.height-1], s.App.Muted.Render(c.T(lblPickerHint)))
	return FitBlock(lines, p.width)
}

func (p *Picker) countProjects() int {
	n := 0
	for _, r := range p.rows {
		if r.item >= 0 {
			n++
		}
	}
	return n
}

// ShortHelp lists the picker's keys.
func (p *Picker) ShortHelp() []key.Binding {
	k := p.c.Keys.Picker
	return []key.Binding{k.Up, k.Toggle, k.Close}
}

// FullHelp lists the picker's keys.
func (p *Picker) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
