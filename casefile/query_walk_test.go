package casefile

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
)

// walkStore is a store of n cases over several projects and departments,
// every third moved on to verifying; the last few saves' index entries
// are still pending (in the overlay) unless caughtUp.
func walkStore(t *testing.T, n int, caughtUp bool) *Store {
	t.Helper()
	st, _, _ := newStore(t)
	codes := []string{"MZ-01", "CL-01", "MZ-02", "JY-01", "YB-01"}
	for i := 0; i < n; i++ {
		var c *Case
		for j := range codes {
			var err error
			d := draft(idFor("19800101", i), "王"+string(rune('一'+i)), []string{codes[(i+j)%len(codes)]})
			if c, err = st.Intake(d, "local:desk"); err == nil {
				break
			}
		}
		if c == nil {
			t.Fatalf("case %d refused for every project", i)
		}
		if i%3 == 0 {
			if _, err := st.Move(c.Number, c.Version, StatusVerifying, "local:desk", ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	if caughtUp {
		if err := st.CatchUp(); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestCasesPagesNewestFirstThroughTheIndex: paging a filter by status,
// project, department, query or none gives, page after page, the cases a
// walk over every case gives, newest first, with indexes caught up or
// still pending.
func TestCasesPagesNewestFirstThroughTheIndex(t *testing.T) {
	for _, caughtUp := range []bool{false, true} {
		st := walkStore(t, 40, caughtUp)
		dept := st.cat.Project("CL-01").Department
		filters := []CaseFilter{{}, {Status: StatusVerifying}, {Status: StatusReceived}, {Project: "MZ-01"},
			{Department: dept}, {Department: dept, Status: StatusVerifying}, {Project: "MZ-02", Status: StatusReceived},
			{Query: "王"}, {Query: "王", Status: StatusVerifying}, {DueWithin: 30}}
		for _, f := range filters {
			var all []string
			st.View(func(tx *Tx) error {
				// the walk over every case
				for seq := uint64(40); seq >= 1; seq-- {
					c, err := tx.CaseBySeq(seq)
					if err != nil {
						t.Fatal(err)
					}
					ok := f.Status == "" || c.Status == f.Status
					ok = ok && (f.Project == "" || c.App(f.Project) != nil)
					ok = ok && (f.Department == "" || slices.ContainsFunc(c.Apps, func(a Application) bool {
						return st.cat.Project(a.Project).Department == f.Department
					}))
					ok = ok && (f.DueWithin == 0 || c.Status.Watched())
					if ok {
						all = append(all, c.Number)
					}
				}
				return nil
			})
			if len(all) == 0 {
				t.Fatalf("%+v matches nothing: a useless case", f)
			}
			var got []string
			f.Limit, f.Brief = 7, true
			for pages := 0; ; pages++ {
				var cs []*Case
				var next uint64
				st.View(func(tx *Tx) (err error) {
					cs, next, err = tx.Cases(f)
					return err
				})
				for _, c := range cs {
					got = append(got, c.Number)
				}
				if next == 0 || pages > 10 {
					break
				}
				f.After = next
			}
			if !slices.Equal(got, all) {
				t.Errorf("caught up %v, %+v: pages give\n%v\nwant\n%v", caughtUp, f, got, all)
			}
			// the lazy count: the index alone decides a query, a project or
			// a department; any other filter is not counted
			st.View(func(tx *Tx) error {
				n, exact, err := tx.CountCases(f)
				decided := (f.Query != "") != (f.Project != "" || f.Department != "") && f.Status == "" && f.DueWithin == 0
				switch {
				case err != nil:
					t.Error(err)
				case decided && (n != len(all) || !exact):
					t.Errorf("%+v counted %d (exact %v), want %d", f, n, exact, len(all))
				case !decided && n != -1:
					t.Errorf("%+v counted %d, want -1 (not decided by the index)", f, n)
				}
				return nil
			})
		}
	}
}

// countingCtx is a context that counts how often the walk asks whether
// it should stop, and is cancelled after stopAt asks (0: never).
type countingCtx struct {
	context.Context
	asks   atomic.Int64
	stopAt int64
}

func (c *countingCtx) Err() error {
	if n := c.asks.Add(1); c.stopAt > 0 && n >= c.stopAt {
		return context.Canceled
	}
	return nil
}

// TestCasesOfAnEmptyStatusVisitNoCase: a status no case has lists no case
// and reads none (before: an empty index fell back to a walk over every
// case, 5–10 s for `hall cases --status verifying` at 100,000 cases).
func TestCasesOfAnEmptyStatusVisitNoCase(t *testing.T) {
	st := walkStore(t, 30, true)
	for _, f := range []CaseFilter{{Status: StatusClosed}, {Project: "SF-01"}, {Status: StatusClosed, Project: "MZ-01"}} {
		ctx := &countingCtx{Context: context.Background()}
		f.Ctx = ctx
		st.View(func(tx *Tx) error {
			cs, next, err := tx.Cases(f)
			if err != nil || len(cs) != 0 || next != 0 {
				t.Errorf("%+v: %d cases, next %d, %v", f, len(cs), next, err)
			}
			return nil
		})
		if n := ctx.asks.Load(); n != 0 {
			t.Errorf("%+v: %d cases visited, want none", f, n)
		}
	}
}

// TestCasesWalkIsBoundedByThePage: a page of a filter the index decides
// visits the rows of the page (and one more to know there is a next),
// whatever the store holds (before: every case of a status or project was
// collected and sorted); a cancelled walk stops at once with the
// context's error and no cases.
func TestCasesWalkIsBoundedByThePage(t *testing.T) {
	st := walkStore(t, 60, false)
	for _, f := range []CaseFilter{{}, {Status: StatusReceived}, {Project: "MZ-01"}, {Query: "王"}} {
		ctx := &countingCtx{Context: context.Background()}
		f.Limit, f.Ctx = 5, ctx
		st.View(func(tx *Tx) error {
			cs, next, err := tx.Cases(f)
			if err != nil || len(cs) != 5 || next == 0 {
				t.Fatalf("%+v: %d cases, next %d, %v", f, len(cs), next, err)
			}
			return nil
		})
		// a query first asks once for each person it found (60 here, at
		// most 200), then for each row
		bound := int64(6)
		if f.Query != "" {
			bound += 60
		}
		if n := ctx.asks.Load(); n > bound {
			t.Errorf("%+v: %d rows visited for a page of 5", f, n)
		}
		stop := &countingCtx{Context: context.Background(), stopAt: 3}
		f.Ctx = stop
		st.View(func(tx *Tx) error {
			cs, _, err := tx.Cases(f)
			if !errors.Is(err, context.Canceled) || len(cs) != 0 {
				t.Errorf("%+v cancelled: %d cases, %v", f, len(cs), err)
			}
			return nil
		})
		if n := stop.asks.Load(); n != 3 {
			t.Errorf("%+v: the walk went on %d rows after it was cancelled", f, n-3)
		}
	}
}
