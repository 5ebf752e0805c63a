package casefile

import (
	"fmt"
	"testing"
)

// TestFullIDSearchByRole: a whole ID number finds its holder for a role
// that may see full numbers, and the find is recorded as a reveal; anyone
// else is answered from the masked part only (the last four characters),
// so the search confirms nothing and records nothing.
func TestFullIDSearchByRole(t *testing.T) {
	st, _, _ := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	admin := "local:root"
	for _, u := range []User{
		{Name: "wang", Role: RoleFrontDesk, Fingerprints: []string{"SHA256:desk"}},
		{Name: "zhao", Role: RoleMember, Fingerprints: []string{"SHA256:member"}},
	} {
		if err := st.AddUser(u, admin); err != nil {
			t.Fatal(err)
		}
	}
	a := idFor("19800101", 123)
	b := "" // another person, same last four
	for d := 1; d <= 28 && (b == "" || b[14:] != a[14:]); d++ {
		b = idFor(fmt.Sprintf("199002%02d", d), 123)
	}
	if a[14:] != b[14:] {
		t.Fatalf("fixture: %s and %s differ in the tail", a, b)
	}
	ca := mustIntake(t, st, draft(a, "张三", []string{code}), admin)
	cb := mustIntake(t, st, draft(b, "李四", []string{code}), admin)

	reveals := func(c *Case) int {
		t.Helper()
		n := 0
		err := st.View(func(tx *Tx) error {
			h, err := tx.History(c.Seq)
			for _, e := range h {
				if e.Action == string(ActionReveal) {
					n++
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	got, _, err := st.SearchCases(CaseFilter{Query: a}, "wang")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Number != ca.Number {
		t.Fatalf("front desk searching %s found %v", a, numbers(got))
	}
	if n := reveals(ca); n != 1 {
		t.Errorf("the full-ID search left %d reveal entries, want 1", n)
	}

	got, _, err = st.SearchCases(CaseFilter{Query: a}, "zhao")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Errorf("member searching a full ID found %v, want both holders of the tail %s", numbers(got), a[14:])
	}
	if n := reveals(ca) + reveals(cb); n != 1 {
		t.Errorf("a member's search recorded reveals: %d entries, want still 1", n)
	}

	// a query that is not a whole number reads only
	if got, _, err = st.SearchCases(CaseFilter{Query: "张"}, "zhao"); err != nil || len(got) != 1 {
		t.Errorf("name search: %v %v", numbers(got), err)
	}
}

func numbers(cs []*Case) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Number)
	}
	return out
}
