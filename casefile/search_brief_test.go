package casefile

import (
	"fmt"
	"slices"
	"testing"
)

// TestBriefPagesMatchFull: the queue's brief decode pages through the
// same cases, with the same row fields and the same next-page cursors, as
// the full decode, for a search, a status filter and no filter at all.
func TestBriefPagesMatchFull(t *testing.T) {
	st, _, _ := newStore(t)
	for i := range 7 {
		name := "王秀英"
		if i%3 == 2 {
			name = "李四"
		}
		mustIntake(t, st, draft(idFor(fmt.Sprintf("198001%02d", i+1), 123), name, []string{"MZ-01"}), "local:desk")
	}
	row := func(c *Case) string {
		var apps []string
		for _, a := range c.Apps {
			apps = append(apps, a.Project)
		}
		return fmt.Sprintf("%d %s %s %s %v %s %s", c.Seq, c.Number, c.Applicant.Name, c.Applicant.DocNumber, apps, c.Status, c.Deadline)
	}
	pages := func(f CaseFilter) (rows []string, cursors []uint64) {
		t.Helper()
		f.Limit = 2
		for {
			var cs []*Case
			var next uint64
			err := st.View(func(tx *Tx) (err error) {
				cs, next, err = tx.Cases(f)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				rows = append(rows, row(c))
			}
			cursors = append(cursors, next)
			if next == 0 {
				return rows, cursors
			}
			f.After = next
		}
	}
	for _, f := range []CaseFilter{{Query: "王"}, {Query: "wxy"}, {}, {Status: StatusReceived}} {
		full, fullNext := pages(f)
		f.Brief = true
		brief, briefNext := pages(f)
		if !slices.Equal(full, brief) || !slices.Equal(fullNext, briefNext) {
			t.Errorf("%+v:\nbrief %q %v\nfull  %q %v", f, brief, briefNext, full, fullNext)
		}
		if f.Query == "王" && len(full) != 5 {
			t.Errorf("王 found %d cases, want 5: %q", len(full), full)
		}
		if f.Query == "" && f.Status == "" && len(full) != 7 {
			t.Errorf("no filter listed %d cases, want 7", len(full))
		}
	}
}

// TestFullIDSearchBriefKeepsTheCase: a full ID number searched from the
// queue (a brief filter) records the reveal in the history and leaves the
// stored case whole: a brief case is never written back.
func TestFullIDSearchBriefKeepsTheCase(t *testing.T) {
	st, _, _ := newStore(t)
	id := idFor("19800101", 123)
	d := draft(id, "张三", []string{"MZ-01"}, Income{Kind: "wages", Monthly: Yuan(800)})
	d.Household.Members = append(d.Household.Members, Member{Relation: "父母",
		Person: Person{DocNumber: idFor("19520303", 124), Name: "李桂兰"}})
	c := mustIntake(t, st, d, "local:root")
	got, _, err := st.SearchCases(CaseFilter{Query: id, Limit: 20, Brief: true}, "local:root")
	if err != nil || len(got) != 1 {
		t.Fatalf("full ID search: %v %v", numbers(got), err)
	}
	var after *Case
	st.View(func(tx *Tx) (err error) { after, err = tx.Case(c.Number); return err })
	if len(after.Household.Members) != 2 || len(after.Household.Members[0].Incomes) != 1 || after.Household.Members[1].Person.Name != "李桂兰" {
		t.Errorf("after the reveal the household is %+v, want the applicant with one income and 李桂兰", after.Household.Members)
	}
}
