package casefile

import (
	"errors"
	"strings"
	"testing"
)

// TestRepeatApplicationNeedsAReason: a second application for a project
// the person already has open is refused without a reason, stored with
// one, and the reason and the earlier case are in the new case's history
// (before: stored without a word, the live check only warned). A project
// of another group is not a repeat; a repeat row of an import is refused
// naming the row.
func TestRepeatApplicationNeedsAReason(t *testing.T) {
	st, _, _ := newStore(t)
	id := idFor("19700101", 123)
	first := mustIntake(t, st, draft(id, "李桂兰", []string{"MZ-05"}), "local:desk")

	again := draft(id, "李桂兰", []string{"MZ-05"})
	_, err := st.Intake(again, "local:desk")
	if !errors.Is(err, ErrRepeatApplication) {
		t.Fatalf("second MZ-05 while %s is open: err = %v, want ErrRepeatApplication", first.Number, err)
	}
	if msg := Message(err, ZH); !strings.Contains(msg, first.Number) || !strings.Contains(msg, "临时救助") {
		t.Errorf("refusal %q does not name the open case and project", msg)
	}

	// another project is no repeat
	mustIntake(t, st, draft(id, "李桂兰", []string{"MZ-01"}), "local:desk")

	again = draft(id, "李桂兰", []string{"MZ-05"})
	again.RepeatReason = "火灾后再次受灾，续期申请"
	c := mustIntake(t, st, again, "local:desk")
	var h []HistoryEntry
	st.View(func(tx *Tx) error { h, err = tx.History(c.Seq); return err })
	if err != nil || len(h) == 0 {
		t.Fatalf("history: %v %v", h, err)
	}
	note := h[0].Text()
	if !strings.Contains(note.ZH, "火灾后再次受灾，续期申请") || !strings.Contains(note.ZH, first.Number) ||
		!strings.Contains(note.EN, "reason: 火灾后再次受灾") {
		t.Errorf("intake history %+v lacks the reason or the earlier case", note)
	}

	// in a batch (an import), the repeat row is named
	other := idFor("19800202", 246)
	_, err = st.IntakeBatch([]*Draft{draft(other, "王秀英", []string{"MZ-05"}), draft(other, "王秀英", []string{"MZ-05"})}, "local:desk")
	var be BatchErrors
	if !errors.As(err, &be) || len(be) != 1 || be[0].Index != 1 || !errors.Is(be[0].Err, ErrRepeatApplication) {
		t.Fatalf("batch with a repeat row: %v", err)
	}
}

// TestWithdrawnIsNoRepeat: a withdrawn application does not stand in the
// way of a new one.
func TestWithdrawnIsNoRepeat(t *testing.T) {
	st, _, _ := newStore(t)
	id := idFor("19700101", 123)
	first := mustIntake(t, st, draft(id, "李桂兰", []string{"MZ-05"}), "local:desk")
	if _, err := st.Move(first.Number, first.Version, StatusWithdrawn, "local:desk", "申请人撤回"); err != nil {
		t.Fatal(err)
	}
	mustIntake(t, st, draft(id, "李桂兰", []string{"MZ-05"}), "local:desk")
}

// TestHeldProjectIsARepeat: a project granted in a decided case is held:
// applying for it again needs a reason; one declined in that case does
// not.
func TestHeldProjectIsARepeat(t *testing.T) {
	st, _, _ := newStore(t)
	id := idFor("19700101", 123)
	first := mustIntake(t, st, draft(id, "李桂兰", []string{"MZ-05", "MZ-06"}), "local:desk")
	err := st.Update(func(tx *Tx) error {
		old, err := tx.Case(first.Number)
		if err != nil {
			return err
		}
		c := *old
		c.Apps = append([]Application(nil), old.Apps...)
		c.Status = StatusApproved
		c.Apps[0].Outcome, c.Apps[0].Granted = OutcomeGranted, Yuan(800)
		c.Apps[1].Outcome = OutcomeDeclined
		return tx.PutCase(old, &c, Change{Who: "local:desk", Action: "decision"})
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.Intake(draft(id, "李桂兰", []string{"MZ-05"}), "local:desk")
	if !errors.Is(err, ErrRepeatApplication) {
		t.Fatalf("MZ-05 held: err = %v, want ErrRepeatApplication", err)
	}
	if msg := Message(err, ZH); !strings.Contains(msg, "已批准") {
		t.Errorf("refusal %q does not say the case is approved", msg)
	}
	mustIntake(t, st, draft(id, "李桂兰", []string{"MZ-06"}), "local:desk") // declined: no repeat
}
