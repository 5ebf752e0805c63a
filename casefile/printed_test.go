package casefile

import (
	"errors"
	"testing"
)

func TestRecordPrint(t *testing.T) {
	st, _, _ := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	const admin = "local:root"
	for _, u := range []User{
		{Name: "zhao", Role: RoleMember, Fingerprints: []string{"SHA256:member"}},
		{Name: "sun", Role: RolePrinter, Fingerprints: []string{"SHA256:printer"}},
	} {
		if err := st.AddUser(u, admin); err != nil {
			t.Fatal(err)
		}
	}
	a := mustIntake(t, st, draft(idFor("19800101", 1), "甲", []string{code}), admin)
	b := mustIntake(t, st, draft(idFor("19800101", 2), "乙", []string{code}), admin)
	prints := func(c *Case) []HistoryEntry {
		t.Helper()
		var out []HistoryEntry
		if err := st.View(func(tx *Tx) error {
			h, err := tx.History(c.Seq)
			for _, e := range h {
				if e.Action == "print" {
					out = append(out, e)
				}
			}
			if i := VerifyHistory(h); i >= 0 {
				t.Errorf("%s: history chain broken at entry %d", c.Number, i)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}

	minutes := Text{ZH: "会议纪要（YH2026-001）", EN: "minutes (YH2026-001)"}
	letter := Text{ZH: "救助决定书（示融救决〔2026〕2号）", EN: "decision letter (示融救决〔2026〕2号)"}

	// A committee member sees the meeting but prints nothing; nor does a
	// stranger.
	for _, who := range []string{"zhao", "stranger", ""} {
		if err := st.RecordPrint([]string{a.Number}, Text{ZH: "受理回执", EN: "intake receipt"}, who); !errors.Is(err, ErrForbidden) {
			t.Errorf("%q recorded a print: %v", who, err)
		}
	}
	// An unknown case records nothing, not even for the cases before it.
	if err := st.RecordPrint([]string{a.Number, "2026-999999"}, minutes, "sun"); !errors.Is(err, ErrCaseNotFound) {
		t.Errorf("unknown case: %v", err)
	}
	if err := st.RecordPrint([]string{a.Number}, Text{ZH: " \n", EN: "minutes"}, "sun"); !errors.Is(err, ErrInvalid) {
		t.Errorf("print of nothing named: %v", err)
	}
	if got := prints(a); len(got) != 0 {
		t.Fatalf("refused prints were recorded: %+v", got)
	}

	if err := st.RecordPrint([]string{a.Number, b.Number, a.Number}, minutes, "sun"); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordPrint([]string{b.Number}, letter, admin); err != nil {
		t.Fatal(err)
	}
	if got := prints(a); len(got) != 1 || got[0].Who != "sun" || got[0].Text() != minutes {
		t.Errorf("%s print history: %+v, want one entry by sun", a.Number, got)
	}
	got := prints(b)
	if len(got) != 2 || got[1].Who != admin || got[1].Text() != letter {
		t.Errorf("%s print history: %+v", b.Number, got)
	}
	// Printing changes nothing of the case itself.
	var now *Case
	st.View(func(tx *Tx) (err error) { now, err = tx.Case(b.Number); return err })
	if now.Version != b.Version || now.Status != b.Status {
		t.Errorf("printing changed the case: version %d → %d, status %s → %s", b.Version, now.Version, b.Status, now.Status)
	}
}
