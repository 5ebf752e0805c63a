package casefile

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// idWithX builds a valid resident number of birth whose check character
// is X.
func idWithX(t *testing.T, birth string) string {
	t.Helper()
	for serial := 1; serial < 1000; serial++ {
		if id := idFor(birth, serial); strings.HasSuffix(id, "X") {
			return id
		}
	}
	t.Fatal("no serial gives X")
	return ""
}

func TestKnownPerson(t *testing.T) {
	st, _, _ := newStore(t)
	dibao, temp := urbanDibao(t, st.Catalog()).Code, "MZ-05"
	mother := idWithX(t, "19800101")
	child := idFor("20150601", 2)

	// First case: the mother alone, dibao (stays open).
	first := mustIntake(t, st, draft(mother, "甲", []string{dibao}), "local:desk")
	// Newest case: the mother with her child, temporary aid, withdrawn.
	d := draft(mother, "甲", []string{temp})
	d.Household.Members = append(d.Household.Members, Member{Person: Person{DocNumber: child, Name: "乙"}, Relation: "子女"})
	second := mustIntake(t, st, d, "local:desk")
	second, err := st.Move(second.Number, second.Version, StatusWithdrawn, "local:desk", "申请人撤回")
	if err != nil {
		t.Fatal(err)
	}

	// Asked with a lower-case x and blanks, as typed.
	kp, err := st.KnownPerson("  " + strings.ToLower(mother) + " ")
	if err != nil {
		t.Fatal(err)
	}
	if kp.Person.DocNumber != mother || kp.Person.Name != "甲" {
		t.Errorf("person = %s %s", kp.Person.DocNumber, kp.Person.Name)
	}
	if kp.Cases != 2 {
		t.Errorf("cases = %d, want 2", kp.Cases)
	}
	// The household is the newest case's: mother and child.
	var names []string
	for _, m := range kp.Household.Members {
		names = append(names, m.Person.Name)
	}
	if !slices.Equal(names, []string{"甲", "乙"}) {
		t.Errorf("household = %v, want 甲 乙 (the newest case's)", names)
	}
	// Only the first case is open; the newest is withdrawn.
	if len(kp.Open) != 1 || kp.Open[0].Number != first.Number {
		t.Errorf("open = %v, want only %s", caseNumbers(kp.Open), first.Number)
	}
	// The household's aid: the newest case's application, then the first's.
	var aid []string
	for _, a := range kp.Aid {
		aid = append(aid, a.CaseNumber+" "+a.Project+" "+string(a.Status))
	}
	want := []string{second.Number + " " + temp + " withdrawn", first.Number + " " + dibao + " received"}
	if !slices.Equal(aid, want) {
		t.Errorf("aid = %v, want %v", aid, want)
	}

	// The child is only a member: one case, the same household, nothing open.
	kc, err := st.KnownPerson(child)
	if err != nil {
		t.Fatal(err)
	}
	if kc.Person.Name != "乙" || kc.Cases != 1 || len(kc.Open) != 0 || len(kc.Household.Members) != 2 {
		t.Errorf("child = %s, %d cases, %d open, %d in household", kc.Person.Name, kc.Cases, len(kc.Open), len(kc.Household.Members))
	}
}

// A person known without a case is their own household, with no aid.
func TestKnownPersonWithoutCases(t *testing.T) {
	st, _, _ := newStore(t)
	id := idFor("19700101", 5)
	err := st.Update(func(tx *Tx) error {
		return tx.SavePerson(&Person{DocType: DocResidentID, DocNumber: id, Name: "丙"})
	})
	if err != nil {
		t.Fatal(err)
	}
	kp, err := st.KnownPerson(id)
	if err != nil {
		t.Fatal(err)
	}
	if kp.Cases != 0 || len(kp.Open) != 0 || len(kp.Aid) != 0 {
		t.Errorf("cases %d, open %d, aid %d; want none", kp.Cases, len(kp.Open), len(kp.Aid))
	}
	if len(kp.Household.Members) != 1 || kp.Household.Members[0].Person.Name != "丙" || kp.Household.Members[0].Relation != RelationSelf {
		t.Errorf("household = %+v, want 丙 alone as 本人", kp.Household.Members)
	}
}

func TestKnownPersonUnknown(t *testing.T) {
	st, _, _ := newStore(t)
	mustIntake(t, st, draft(idFor("19800101", 1), "甲", []string{urbanDibao(t, st.Catalog()).Code}), "local:desk")
	for _, n := range []string{idFor("19800101", 3), "", "   "} {
		if kp, err := st.KnownPerson(n); kp != nil || !errors.Is(err, ErrPersonNotFound) {
			t.Errorf("KnownPerson(%q) = %v, %v; want ErrPersonNotFound", n, kp, err)
		}
	}
}

// Only the newest maxKnownCases cases are decoded; the count is of all.
func TestKnownPersonDecodesTheNewestCases(t *testing.T) {
	st, _, _ := newStore(t)
	id := idFor("19800101", 1)
	code := urbanDibao(t, st.Catalog()).Code
	drafts := make([]*Draft, maxKnownCases+2)
	for i := range drafts {
		drafts[i] = draft(id, "甲", []string{code})
		drafts[i].RepeatReason = "续期" // the same project again needs a reason
	}
	cases, err := st.IntakeBatch(drafts, "local:desk")
	if err != nil {
		t.Fatal(err)
	}
	kp, err := st.KnownPerson(id)
	if err != nil {
		t.Fatal(err)
	}
	if kp.Cases != maxKnownCases+2 || len(kp.Open) != maxKnownCases {
		t.Fatalf("cases %d, open %d; want %d, %d", kp.Cases, len(kp.Open), maxKnownCases+2, maxKnownCases)
	}
	if kp.Open[0].Number != cases[len(cases)-1].Number || kp.Open[maxKnownCases-1].Number != cases[2].Number {
		t.Errorf("open runs %s … %s, want the newest %s … %s", kp.Open[0].Number, kp.Open[maxKnownCases-1].Number,
			cases[len(cases)-1].Number, cases[2].Number)
	}
}

func caseNumbers(cs []*Case) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Number)
	}
	return out
}
