package gen_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
)

// TestDemoFamiliesLookReal fills a demo store (cases and meetings, as
// `hall demo` does) and checks the families and the dates over all of it
// (before: children of other surnames, a 52-year-old applying as a child
// without a carer, a meeting dated the next working day, no case notified
// or closed):
//   - every child (子女, 孙子女) carries the surname of the applicant or of
//     the spouse; a brother or sister the applicant's;
//   - two parents listed are one man and one woman;
//   - every resident number's sequence agrees with the sex (odd male);
//   - whoever is flagged a child without a carer or an orphan is under 18;
//   - no session is dated after the store's day;
//   - some cases are notified (已告知) and some closed (已办结).
func TestDemoFamiliesLookReal(t *testing.T) {
	for _, seed := range []uint64{2026, 1, 7} {
		cat, err := casefile.DefaultCatalog()
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)
		st, err := casefile.Open(filepath.Join(t.TempDir(), "demo.db"), cat, casefile.Options{NoSync: true, Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := gen.FillDemo(st, "local:demo", seed); err != nil {
			t.Fatal(err)
		}
		if err := meeting.FillDemo(st, "local:demo"); err != nil {
			t.Fatal(err)
		}
		today := st.Today()
		var cases []*casefile.Case
		st.View(func(tx *casefile.Tx) error {
			cases, _, err = tx.Cases(casefile.CaseFilter{Limit: 1000})
			return err
		})
		statuses := map[casefile.Status]int{}
		for _, c := range cases {
			statuses[c.Status]++
			checkFamily(t, seed, c, today)
		}
		if statuses[casefile.StatusNotified] == 0 || statuses[casefile.StatusClosed] == 0 {
			t.Errorf("seed %d: statuses %v, want some notified and some closed", seed, statuses)
		}
		sessions, err := meeting.New(st).Sessions()
		if err != nil || len(sessions) == 0 {
			t.Fatalf("sessions: %v %v", sessions, err)
		}
		for _, s := range sessions {
			if s.Date.After(today) {
				t.Errorf("seed %d: session %s dated %s, after today %s", seed, s.Number, s.Date, today)
			}
		}
	}
}

func checkFamily(t *testing.T, seed uint64, c *casefile.Case, today casefile.Date) {
	t.Helper()
	surnames := map[string]bool{gen.Surname(c.Applicant.Name): true}
	var parents []casefile.Sex
	for _, m := range c.Household.Members {
		if m.Relation == "配偶" {
			surnames[gen.Surname(m.Person.Name)] = true
		}
	}
	for _, m := range c.Household.Members {
		p := m.Person
		switch m.Relation {
		case "子女", "孙子女":
			if !surnames[gen.Surname(p.Name)] {
				t.Errorf("seed %d case %s: %s %s carries neither parent's surname (%v)", seed, c.Number, m.Relation, p.Name, surnames)
			}
		case "兄弟姐妹":
			if gen.Surname(p.Name) != gen.Surname(c.Applicant.Name) {
				t.Errorf("seed %d case %s: sibling %s of %s", seed, c.Number, p.Name, c.Applicant.Name)
			}
		case "父母":
			parents = append(parents, p.Sex)
		}
		if p.DocType == casefile.DocResidentID && len(p.DocNumber) == 18 {
			odd := (p.DocNumber[16]-'0')%2 == 1
			if odd != (p.Sex == casefile.Male) {
				t.Errorf("seed %d case %s: %s's number %s has the sequence of the other sex (%s)", seed, c.Number, p.Name, p.DocNumber, p.Sex)
			}
		}
		if (p.HasFlag(casefile.FlagChildWithoutCarer) || p.HasFlag(casefile.FlagOrphan)) && p.AgeOn(today) >= 18 {
			t.Errorf("seed %d case %s: %s is %d and flagged a child without a carer", seed, c.Number, p.Name, p.AgeOn(today))
		}
	}
	for _, a := range c.Apps {
		if (a.Project == "MZ-07" || a.Project == "MZ-08") && c.Applicant.AgeOn(c.ReceivedDate()) >= 18 {
			t.Errorf("seed %d case %s: %s applies for %s at %d", seed, c.Number, c.Applicant.Name, a.Project, c.Applicant.AgeOn(c.ReceivedDate()))
		}
	}
	if len(parents) == 2 && parents[0] == parents[1] {
		t.Errorf("seed %d case %s: two parents of one sex", seed, c.Number)
	}
}
