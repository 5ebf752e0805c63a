package frontdesk

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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
type evidenceForm struct {
	c     *common.Common
	state evidenceState
	form  *components.Form
	start evidenceState // what it held when opened, to tell whether anything was typed
}

func newEvidenceForm(c *common.Common) *evidenceForm {
	e := &evidenceForm{c: c, form: components.NewForm(c)}
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
	str := func(ptr *string) (func() string, func(string)) {
		return func() string { return *ptr }, func(v string) { *ptr = v }
	}
	text := func(id, label string, width int, ptr *string, hint func() (string, common.Level)) components.Field {
		g, set := str(ptr)
		return components.Field{ID: id, Kind: components.FieldText, Label: label, Width: width, Limit: 200, Get: g, Set: set, Hint: hint}
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
	var kinds []components.Option
	for _, k := range casefile.EvidenceKinds {
		kinds = append(kinds, components.Option{Value: string(k), Label: k.Label(c.Lang)})
	}
	var depts []components.Option
	for _, d := range c.Catalog.Departments {
		depts = append(depts, components.Option{Value: d.Key, Label: d.Label(c.Lang)})
	}
	fs := []components.Field{{Kind: components.FieldSection, Label: c.T(lblEvTitle)}}
	g, set := str(&s.Kind)
	fs = append(fs, components.Field{ID: "kind", Kind: components.FieldChoice, Label: c.T(lblEvKind), Get: g, Set: set, Options: kinds})
	g, set = str(&s.Dept)
	fs = append(fs, components.Field{ID: "dept", Kind: components.FieldChoice, Label: c.T(lblEvDept), Get: g, Set: set, Options: depts})
	fs = append(fs,
		text("verifier", c.T(lblEvVerifier), 16, &s.Verifier, nil),
		text("date", c.T(lblEvDate), 12, &s.Date, func() (string, common.Level) {
			if _, err := casefile.ParseDate(strings.TrimSpace(s.Date)); err != nil {
				return c.Msg(err), common.LevelError
			}
			return "", common.LevelPlain
		}))
	switch casefile.EvidenceKind(s.Kind) {
	case casefile.EvIncomeCheck:
		fs = append(fs, text("income", c.T(common.LblEvIncome), 14, &s.Income, money(&s.Income)))
	case casefile.EvAssetCheck:
		fs = append(fs, text("deposits", c.T(common.LblEvDeposits), 14, &s.Deposits, money(&s.Deposits)),
			text("homes", c.T(common.LblEvHomes), 4, &s.Homes, count(&s.Homes)))
	case casefile.EvVehicle:
		fs = append(fs, text("vehicles", c.T(common.LblEvVehicles), 4, &s.Vehicles, count(&s.Vehicles)))
	case casefile.EvHousing:
		fs = append(fs, text("homes", c.T(common.LblEvHomes), 4, &s.Homes, count(&s.Homes)))
	case casefile.EvMedicalBill:
		fs = append(fs, text("total", c.T(common.LblEvTotal), 14, &s.Total, money(&s.Total)),
			text("insurance", c.T(common.LblEvInsurance), 14, &s.Insurance, money(&s.Insurance)),
			text("compliant", c.T(common.LblEvCompliant), 14, &s.Compliant, money(&s.Compliant)))
	default: // home visit, appraisal, department check
		g, set = str(&s.Passed)
		fs = append(fs, components.Field{ID: "passed", Kind: components.FieldChoice, Label: c.T(common.LblEvPassed), Get: g, Set: set,
			Options: []components.Option{{Value: "yes", Label: c.T(common.LblEvPassedYes)}, {Value: "no", Label: c.T(common.LblEvPassedNo)}}})
	}
	fs = append(fs, text("note", c.T(lblEvNote), 50, &s.Note, nil))
	e.form.SetFields(fs)
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

// HandleKey runs a key on the form; it reports whether the kind changed
// (the rows then change too).
func (e *evidenceForm) HandleKey(msg tea.KeyPressMsg) components.FormResult {
	kind := e.state.Kind
	r := e.form.HandleKey(msg)
	if e.state.Kind != kind {
		e.rebuild()
	}
	return r
}

// Click runs a click on the form.
func (e *evidenceForm) Click(x, y int) components.FormResult {
	kind := e.state.Kind
	r := e.form.Click(x, y)
	if e.state.Kind != kind {
		e.rebuild()
	}
	return r
}

func (e *evidenceForm) ShortHelp() []key.Binding {
	k := e.form.Keys()
	return []key.Binding{k.Next, k.Cycle, e.c.Keys.Evidence.Save, e.c.Keys.Global.Back}
}
