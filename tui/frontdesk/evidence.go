package frontdesk

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// evidenceState is the evidence form as typed.
type evidenceState struct {
	Kind      string
	Dept      string
	Verifier  string
	Date      string
	Income    string
	Deposits  string
	Homes     string
	Vehicles  string
	Total     string
	Insurance string
	Compliant string
	Passed    string // "yes" or "no"
	Note      string
}

// evidenceForm adds one verification item to a case: its kind, source
// department, verifier and date, the figures of that kind and a note.
//
// Its rows are huh fields (inline Selects for the kind, the department and
// whether the check passed; Inputs for the rest) under a label column,
// each with its live hint; the rows follow the kind.
type evidenceForm struct {
	c     *common.Common
	state evidenceState
	stops []evStop
	focus int
	rows  []int // the line each stop was drawn on, relative to the form
	width int
	start evidenceState // what it held when opened, to tell whether anything was typed
}

// evStop is one row of the evidence form.
type evStop struct {
	id    string
	label string
	field huh.Field
	text  bool // an Input: letters are typed
	w     int  // an Input's width in cells, its "> " prompt left out
	hint  func() (string, common.Level)
}

func newEvidenceForm(c *common.Common) *evidenceForm {
	e := &evidenceForm{c: c, width: 80}
	e.state = evidenceState{Kind: string(casefile.EvIncomeCheck), Date: c.Today().String(), Passed: "yes"}
	if len(c.Catalog.Departments) > 0 {
		e.state.Dept = c.Catalog.Departments[0].Key
	}
	e.start = e.state
	e.rebuild()
	return e
}

// touched reports whether anything was typed.
func (e *evidenceForm) touched() bool { return e.state != e.start }

func (e *evidenceForm) rebuild() {
	c := e.c
	s := &e.state
	km := huh.NewDefaultKeyMap()
	km.Select.Filter.SetEnabled(false)
	theme := components.HuhTheme(c)
	text := func(id, label string, w, limit int, ptr *string, hint func() (string, common.Level)) evStop {
		in := huh.NewInput().Prompt("> ").CharLimit(limit).Value(ptr)
		in.WithTheme(theme)
		in.WithKeyMap(km)
		return evStop{id: id, label: label, field: in, text: true, w: w, hint: hint}
	}
	choice := func(id, label string, ptr *string, opts []huh.Option[string]) evStop {
		sel := huh.NewSelect[string]().Inline(true).Options(opts...).Value(ptr)
		sel.WithTheme(theme)
		sel.WithKeyMap(km)
		return evStop{id: id, label: label, field: sel}
	}
	money := func(ptr *string) func() (string, common.Level) {
		return func() (string, common.Level) {
			if _, err := moneyOf(*ptr); err != nil {
				return c.Msg(err), common.LevelError
			}
			return c.T(lblIntakeIncomeUnitYuan), common.LevelMuted
		}
	}
	count := func(ptr *string) func() (string, common.Level) {
		return func() (string, common.Level) {
			if _, err := countOf(*ptr); err != nil {
				return c.T(lblEvCountBad), common.LevelError
			}
			return "", common.LevelPlain
		}
	}
	var kinds []huh.Option[string]
	for _, k := range casefile.EvidenceKinds {
		kinds = append(kinds, huh.NewOption(k.Label(c.Lang), string(k)))
	}
	var depts []huh.Option[string]
	for _, d := range c.Catalog.Departments {
		depts = append(depts, huh.NewOption(d.Label(c.Lang), d.Key))
	}
	fs := []evStop{
		choice("kind", c.T(lblEvKind), &s.Kind, kinds),
		choice("dept", c.T(lblEvDept), &s.Dept, depts),
		text("verifier", c.T(lblEvVerifier), 16, 200, &s.Verifier, nil),
		text("date", c.T(lblEvDate), 12, 200, &s.Date, func() (string, common.Level) {
			if _, err := casefile.ParseDate(strings.TrimSpace(s.Date)); err != nil {
				return c.Msg(err), common.LevelError
			}
			return "", common.LevelPlain
		}),
	}
	switch casefile.EvidenceKind(s.Kind) {
	case casefile.EvIncomeCheck:
		fs = append(fs, text("income", c.T(common.LblEvIncome), 14, 200, &s.Income, money(&s.Income)))
	case casefile.EvAssetCheck:
		fs = append(fs, text("deposits", c.T(common.LblEvDeposits), 14, 200, &s.Deposits, money(&s.Deposits)),
			text("homes", c.T(common.LblEvHomes), 4, 200, &s.Homes, count(&s.Homes)))
	case casefile.EvVehicle:
		fs = append(fs, text("vehicles", c.T(common.LblEvVehicles), 4, 200, &s.Vehicles, count(&s.Vehicles)))
	case casefile.EvHousing:
		fs = append(fs, text("homes", c.T(common.LblEvHomes), 4, 200, &s.Homes, count(&s.Homes)))
	case casefile.EvMedicalBill:
		fs = append(fs, text("total", c.T(common.LblEvTotal), 14, 200, &s.Total, money(&s.Total)),
			text("insurance", c.T(common.LblEvInsurance), 14, 200, &s.Insurance, money(&s.Insurance)),
			text("compliant", c.T(common.LblEvCompliant), 14, 200, &s.Compliant, money(&s.Compliant)))
	default: // home visit, appraisal, department check
		fs = append(fs, choice("passed", c.T(common.LblEvPassed), &s.Passed,
			[]huh.Option[string]{huh.NewOption(c.T(common.LblEvPassedYes), "yes"), huh.NewOption(c.T(common.LblEvPassedNo), "no")}))
	}
	fs = append(fs, text("note", c.T(lblEvNote), 50, 200, &s.Note, nil))
	e.stops = fs
	e.setFocus(min(e.focus, len(fs)-1))
}

// setFocus moves the focus to row i.
func (e *evidenceForm) setFocus(i int) {
	n := len(e.stops)
	e.focus = (i%n + n) % n
	for j, st := range e.stops {
		if j == e.focus {
			st.field.Focus()
		} else {
			st.field.Blur()
		}
	}
}

// FocusID moves the focus to the row id.
func (e *evidenceForm) FocusID(id string) {
	for i, st := range e.stops {
		if st.id == id {
			e.setFocus(i)
		}
	}
}

// Typing reports whether letters are text: the focused row is an input.
func (e *evidenceForm) Typing() bool { return e.stops[e.focus].text }

// SetSize sets the form's width.
func (e *evidenceForm) SetSize(w, _ int) { e.width = w }

// HandlePaste puts pasted text in the focused input.
func (e *evidenceForm) HandlePaste(msg tea.PasteMsg) {
	if st := e.stops[e.focus]; st.text {
		st.field.Update(components.CleanPaste(msg))
	}
}

// View draws the form: its title, then a row per field with its hint.
func (e *evidenceForm) View() string {
	c := e.c
	s := c.Styles
	lw := 0
	for _, st := range e.stops {
		lw = max(lw, lipgloss.Width(st.label))
	}
	fw := max(e.width-lw-6, 8)
	lines := []string{"", " " + s.Form.Section.Render(c.T(lblEvTitle))}
	e.rows = e.rows[:0]
	for i, st := range e.stops {
		lst := s.App.Muted
		if i == e.focus {
			lst = s.App.Title
		}
		w := min(fw, 40)
		if st.w > 0 {
			w = min(st.w+3, fw) // the prompt and the cursor
		}
		st.field.WithWidth(w)
		e.rows = append(e.rows, len(lines))
		row := "  " + lst.Render(components.PadRight(st.label, lw)) + "  "
		if st.hint != nil {
			if h, lv := st.hint(); h != "" {
				row += components.PadRight(st.field.View(), w) + " " + components.LevelStyle(s, lv).Render(h)
			} else {
				row += st.field.View()
			}
		} else {
			row += st.field.View()
		}
		lines = append(lines, row)
	}
	return components.FitBlock(lines, e.width)
}

func countOf(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// evidence builds the item, or lists what does not parse. Checking the
// item itself (department, verifier, figures that add up) is casefile's.
func (e *evidenceForm) evidence() (casefile.Evidence, []string) {
	c := e.c
	s := e.state
	var probs []string
	kind := casefile.EvidenceKind(s.Kind)
	ev := casefile.Evidence{Kind: kind, Department: s.Dept, Verifier: s.Verifier, Note: s.Note}
	d, err := casefile.ParseDate(strings.TrimSpace(s.Date))
	if err != nil {
		probs = append(probs, c.T(lblEvDate)+": "+c.Msg(err))
	}
	ev.Date = d
	mon := func(label, v string) casefile.Money {
		m, err := moneyOf(v)
		if err != nil {
			probs = append(probs, label+": "+c.Msg(err))
		}
		return m
	}
	cnt := func(label, v string) int {
		n, err := countOf(v)
		if err != nil {
			probs = append(probs, label+": "+c.T(lblEvCountBad))
		}
		return n
	}
	switch kind {
	case casefile.EvIncomeCheck:
		ev.MonthlyIncome = mon(c.T(common.LblEvIncome), s.Income)
	case casefile.EvAssetCheck:
		ev.Deposits = mon(c.T(common.LblEvDeposits), s.Deposits)
		ev.Homes = cnt(c.T(common.LblEvHomes), s.Homes)
	case casefile.EvVehicle:
		ev.Vehicles = cnt(c.T(common.LblEvVehicles), s.Vehicles)
	case casefile.EvHousing:
		ev.Homes = cnt(c.T(common.LblEvHomes), s.Homes)
	case casefile.EvMedicalBill:
		ev.MedicalTotal = mon(c.T(common.LblEvTotal), s.Total)
		ev.InsurancePaid = mon(c.T(common.LblEvInsurance), s.Insurance)
		ev.Compliant = mon(c.T(common.LblEvCompliant), s.Compliant)
	default:
		passed := s.Passed != "no"
		ev.Passed = &passed
	}
	return ev, probs
}

// HandleKey runs a key on the form; the rows follow a change of kind.
func (e *evidenceForm) HandleKey(msg tea.KeyPressMsg) tea.Cmd {
	kind := e.state.Kind
	k := e.c.Keys.Form
	st := e.stops[e.focus]
	switch {
	case key.Matches(msg, k.Next):
		e.setFocus(e.focus + 1)
	case key.Matches(msg, k.Prev):
		e.setFocus(e.focus - 1)
	case components.IsFieldNav(msg):
	case st.text:
		st.field.Update(msg) // its commands are cursor blinks: a steady cursor
	case key.Matches(msg, k.Cycle):
		st.field.Update(msg)
	}
	if e.state.Kind != kind {
		e.rebuild()
	}
	return nil
}

// Click focuses the row on line y.
func (e *evidenceForm) Click(_, y int) tea.Cmd {
	for i, row := range e.rows {
		if row == y {
			e.setFocus(i)
		}
	}
	return nil
}

// keys are the form's keys: left/right only on a choice.
func (e *evidenceForm) keys() (next, prev, cycle key.Binding) {
	k := e.c.Keys.Form
	cycle = k.Cycle
	cycle.SetEnabled(!e.stops[e.focus].text)
	return k.Next, k.Prev, cycle
}

func (e *evidenceForm) ShortHelp() []key.Binding {
	next, _, cycle := e.keys()
	return []key.Binding{next, cycle, e.c.Keys.Evidence.Save, e.c.Keys.Global.Back}
}
