package casefile

import (
	"path/filepath"
	"testing"
	"time"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

var testNow = time.Date(2026, 11, 27, 10, 30, 0, 0, time.Local) // a Friday

func defaultCatalog(t testing.TB) *Catalog {
	t.Helper()
	cat, err := DefaultCatalog()
	if err != nil {
		t.Fatalf("default catalogue: %v", err)
	}
	return cat
}

// newStore opens a store on a fresh file in a temp dir, closed at cleanup.
func newStore(t testing.TB) (*Store, *clock, string) {
	t.Helper()
	clk := &clock{testNow}
	path := filepath.Join(t.TempDir(), "hall.db")
	st, err := Open(path, defaultCatalog(t), Options{Now: clk.now})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st, clk, path
}

// idFor builds a valid resident number with the given birth and serial.
func idFor(birth string, serial int) string {
	body := "610602" + birth + string(rune('0'+serial/100%10)) + string(rune('0'+serial/10%10)) + string(rune('0'+serial%10))
	return body + string(IDCheckChar(body))
}

// draft builds a one-person application for the given projects with one
// income line per (kind, amount) pair.
func draft(id, name string, codes []string, incomes ...Income) *Draft {
	d := &Draft{Applicant: Person{DocNumber: id, Name: name, Phone: "13912345678", Township: "城关镇"}}
	d.Household.Members = []Member{{Person: d.Applicant, Relation: RelationSelf, Incomes: incomes}}
	for _, c := range codes {
		d.Apps = append(d.Apps, Application{Project: c})
	}
	return d
}

// mustIntake takes in d on st as who, failing the test where it is refused.
func mustIntake(t testing.TB, st *Store, d *Draft, who string) *Case {
	t.Helper()
	c, err := st.Intake(d, who)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mustResolve resolves the duplicates on st (applying the result or not)
// as who, failing the test on an error.
func mustResolve(t testing.TB, st *Store, apply bool, who string) *DedupReport {
	t.Helper()
	rep, err := st.ResolveDuplicates(apply, who)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// wantNoCases fails unless st holds no case: what was refused left
// nothing behind (why says after what).
func wantNoCases(t testing.TB, st *Store, why string) {
	t.Helper()
	st.View(func(tx *Tx) error {
		if n := tx.Counts().Total; n != 0 {
			t.Errorf("%d cases stored %s", n, why)
		}
		return nil
	})
}

// groupProjects returns the codes of a group's projects in catalogue order.
func groupProjects(cat *Catalog, group string) []*Project {
	var out []*Project
	for _, p := range cat.Projects {
		if p.Group == group {
			out = append(out, p)
		}
	}
	return out
}

// projectWhere finds the first project matching pred.
func projectWhere(t testing.TB, cat *Catalog, pred func(*Project) bool) *Project {
	t.Helper()
	for _, p := range cat.Projects {
		if pred(p) {
			return p
		}
	}
	t.Fatal("no such project in the default catalogue")
	return nil
}

func urbanDibao(t testing.TB, cat *Catalog) *Project {
	return projectWhere(t, cat, func(p *Project) bool {
		return p.Kind == KindMonthly && p.Group == "basic_living" && p.Area == Urban && p.Threshold != nil
	})
}
