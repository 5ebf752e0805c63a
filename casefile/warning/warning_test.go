package warning_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover/discovertest"
	"github.com/rongjiuzhu/hall/casefile/report/reporttest"
	"github.com/rongjiuzhu/hall/casefile/warning"
)

const who = "local:verifier"

func rules(t *testing.T, st *casefile.Store) *warning.Rules {
	t.Helper()
	r, err := warning.DefaultRules(st.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// raised names each warning "rule case" for comparing.
func raised(ws []warning.Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Rule+" "+w.Event.Case)
	}
	slices.Sort(out)
	return out
}

func TestWarningsFireOnThePlantedEvents(t *testing.T) {
	h := discovertest.Build(t) // clean households: no flags, no disability, adults only
	st := h.St
	today := casefile.DateOf(h.Now) // Friday 2026-11-27
	day := func(s string) casefile.Date { d, _ := casefile.ParseDate(s); return d }

	// a heavy bill (30,000.00 of 50,000.00 left to pay: 60 %) and a light
	// one (10,000.00 of 50,000.00: 20 %)
	bill := func(number string, total, insurance casefile.Money) {
		c, err := st.AddEvidence(number, 0, casefile.Evidence{Kind: casefile.EvMedicalBill, Department: "medical_insurance",
			Verifier: "赵核查", Date: day("2026-11-25"), MedicalTotal: total, InsurancePaid: insurance}, discovertest.Desk)
		if err != nil || c == nil {
			t.Fatal(err)
		}
	}
	bill(h.Low, casefile.Yuan(50000), casefile.Yuan(20000))
	bill(h.Rich, casefile.Yuan(50000), casefile.Yuan(40000))

	// a household with a disabled mother, a child of six and a student of eighteen
	mother := casefile.Person{DocType: casefile.DocResidentID, DocNumber: "610602198803150025", Name: "韩秀梅", Sex: casefile.Female,
		Birth: day("1988-03-15"), DisabilityGrade: 2}
	child := casefile.Person{DocType: casefile.DocBirthCert, DocNumber: "O20200301", Name: "韩小宇", Birth: day("2020-03-01"), GuardianName: "韩秀梅"}
	student := casefile.Person{DocType: casefile.DocResidentID, DocNumber: "610602200801100016", Name: "韩志远", Sex: casefile.Male,
		Birth: day("2008-01-10"), Flags: []string{casefile.FlagStudent}}
	c, err := st.Intake(&casefile.Draft{Applicant: mother, Channel: casefile.ChannelWindow, Apps: []casefile.Application{{Project: "MZ-01"}},
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{{Person: mother, Relation: casefile.RelationSelf},
			{Person: child, Relation: "子女"}, {Person: student, Relation: "子女"}}}}, discovertest.Desk)
	if err != nil {
		t.Fatal(err)
	}
	family := c.Number

	ws, err := warning.Scan(st, rules(t, st), who)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"disability_new " + family, "medical_heavy " + h.Low, "school_start " + family, "university_start " + family}
	if got := raised(ws); !slices.Equal(got, want) {
		t.Fatalf("scan raised %v, want %v", got, want)
	}
	for _, w := range ws {
		switch w.Rule {
		case "medical_heavy":
			// 5 working days after Friday 2026-11-27: Nov 30, Dec 1, 2, 3, 4
			if w.Department != "medical_insurance" || w.Due.String() != "2026-12-04" || w.Event.Figures["share"] != 60 ||
				w.Event.Figures["out_of_pocket"] != casefile.Yuan(30000) {
				t.Errorf("medical warning %+v", w)
			}
		case "school_start":
			if w.Department != "education" || !w.Event.Minor || w.Event.Person != "韩小宇" {
				t.Errorf("school warning %+v", w)
			}
		}
		if w.Raised != today {
			t.Errorf("raised on %s", w.Raised)
		}
	}
	// the same events raise nothing again
	if again, err := warning.Scan(st, rules(t, st), who); err != nil || len(again) != 0 {
		t.Errorf("second scan raised %v %v", raised(again), err)
	}

	// events recorded by staff: a member losing work, a death
	lost, err := warning.Record(st, rules(t, st), h.Rural, warning.EventJobLoss, "", today, "县城超市裁员", who)
	if err != nil || len(lost) != 1 || lost[0].Department != "hrss" || lost[0].Rule != "job_lost" {
		t.Fatalf("job loss: %+v %v", lost, err)
	}
	if _, err := warning.Record(st, rules(t, st), h.Rural, warning.EventDeath, "没有这个人", today, "", who); !errors.Is(err, casefile.ErrInvalid) {
		t.Errorf("a death of someone not in the household: %v", err)
	}

	// listing by department, handling
	var open []warning.Warning
	st.View(func(tx *casefile.Tx) (err error) { open, err = warning.List(tx, "education", false); return })
	if len(open) != 2 {
		t.Fatalf("education's warnings %v", raised(open))
	}
	if _, err := warning.Handle(st, open[0].Seq, warning.ActionNone, " ", who); !errors.Is(err, casefile.ErrReasonRequired) {
		t.Errorf("no action without a reason: %v", err)
	}
	if _, err := warning.Handle(st, open[0].Seq, warning.ActionApplied, "已受理教育资助申请", who); err != nil {
		t.Fatal(err)
	}
	if _, err := warning.Handle(st, open[0].Seq, warning.ActionReferred, "again", who); !errors.Is(err, warning.ErrHandled) {
		t.Errorf("handled twice: %v", err)
	}
	st.View(func(tx *casefile.Tx) (err error) { open, err = warning.List(tx, "education", false); return })
	if len(open) != 1 {
		t.Errorf("after handling: %v", raised(open))
	}
	if _, err := warning.Handle(st, 99, warning.ActionApplied, "x", who); !errors.Is(err, warning.ErrNoWarning) {
		t.Errorf("no such warning: %v", err)
	}
	if _, err := warning.Scan(st, rules(t, st), "stranger"); !errors.Is(err, casefile.ErrForbidden) {
		t.Errorf("a stranger scans: %v", err)
	}
}

func TestAidEndingWarns(t *testing.T) {
	h := reporttest.Build(t)
	// A's urban dibao runs from 2026-12 for 12 months: to 2027-11-30
	h.Now = time.Date(2027, 10, 25, 9, 0, 0, 0, time.Local) // 36 days before: not yet
	ws, err := warning.Scan(h.St, rules(t, h.St), reporttest.Verifier)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		if w.Rule == "aid_ending" {
			t.Errorf("aid ending raised 36 days before: %+v", w)
		}
	}
	h.Now = time.Date(2027, 11, 5, 9, 0, 0, 0, time.Local) // 25 days before
	ws, err = warning.Scan(h.St, rules(t, h.St), reporttest.Verifier)
	if err != nil {
		t.Fatal(err)
	}
	var ending []warning.Warning
	for _, w := range ws {
		if w.Rule == "aid_ending" {
			ending = append(ending, w)
		}
	}
	if len(ending) != 1 || ending[0].Event.Case != h.A || ending[0].Event.Project != "MZ-01" || ending[0].Event.Date.String() != "2027-11-30" ||
		ending[0].Event.Figures["monthly"] != casefile.Yuan(620) {
		t.Errorf("aid ending: %+v", ending)
	}
}

func TestRulesAreChecked(t *testing.T) {
	cat, _ := casefile.DefaultCatalog()
	_, err := warning.ParseRules([]byte(`[[rules]]
key = "x"
name = "甲"
name_en = "x"
event = "flood"
department = "nowhere"
days = 0
colour = "red"
`), "bad.toml", cat)
	if !errors.Is(err, warning.ErrRules) {
		t.Fatalf("%v", err)
	}
	for _, want := range []string{"unknown key rules.colour", `unknown event "flood"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
}
