package casefile

import (
	"errors"
	"slices"
	"testing"
)

// A deferred case lacking the household register collects it and the
// missing evidence, and goes back to the meeting: the finding "缺少材料"
// clears, the case moves deferred → verifying → ready, and every step is
// one history entry by who.
func TestDeferredCaseCollectsWhatWasMissing(t *testing.T) {
	st, _, _ := newStore(t)
	cat := st.Catalog()
	p := urbanDibao(t, cat)
	c := mustIntake(t, st, draft(idFor("19800101", 1), "欧阳娜娜", []string{p.Code}), "local:desk")
	for _, k := range p.Evidence {
		var err error
		if c, err = st.AddEvidence(c.Number, 0, Evidence{Kind: k, Department: "civil_affairs", Verifier: "v", Date: DateOf(testNow)}, "local:v"); err != nil {
			t.Fatal(err)
		}
	}
	// the meeting deferred it for the household register
	c, err := st.ChangeCase(c.Number, 0, Change{Who: "local:sec", Action: string(ActionDecision)}, func(t *Tx, c *Case) error {
		c.Status, c.Missing = StatusDeferred, []string{"户口簿"}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(cat.MissingDocuments(c), "户口簿") {
		t.Fatalf("missing documents %q lack 户口簿", cat.MissingDocuments(c))
	}

	// what the deferral asked for is still missing: not ready yet
	if _, err := st.Move(c.Number, 0, StatusReady, "local:v", ""); !errors.Is(err, ErrMissingEvidence) || Message(err, EN) != "required evidence is missing; the case cannot go to the meeting: missing household register" {
		t.Fatalf("ready while the deferral's document is missing: %v", err)
	}
	if _, err := st.ReceiveDocuments(c.Number, 0, []string{"户口本"}, "local:v"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("an unknown document: %v, want ErrInvalid", err)
	}
	c, err = st.ReceiveDocuments(c.Number, 0, p.Documents, "local:v")
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != StatusVerifying || len(cat.MissingDocuments(c)) != 0 {
		t.Fatalf("after the documents: %s, missing %q", c.Status, cat.MissingDocuments(c))
	}
	// English names are the same documents; nothing is recorded twice
	if c, err = st.ReceiveDocuments(c.Number, 0, []string{cat.DocumentLabel("户口簿").EN}, "local:v"); err != nil {
		t.Fatal(err)
	}
	if len(c.Documents) != len(p.Documents) {
		t.Errorf("documents %q, want each of %q once", c.Documents, p.Documents)
	}
	if c, err = st.Move(c.Number, 0, StatusReady, "local:v", ""); err != nil {
		t.Fatal(err)
	}
	if c.Status != StatusReady || c.Missing != nil {
		t.Fatalf("after ready: %s, to verify %q", c.Status, c.Missing)
	}
	var h []HistoryEntry
	st.Transact(false, func(t *Tx) error { h, err = t.History(c.Seq); return err })
	last := h[len(h)-3:]
	if last[0].Action != string(ActionDocuments) || last[0].Who != "local:v" || last[0].From != StatusDeferred || last[0].To != StatusVerifying ||
		last[0].Note.ZH == "" || last[0].Note.EN == "" {
		t.Errorf("documents entry %+v", last[0])
	}
	if last[2].Action != string(ActionStatus) || last[2].To != StatusReady || last[2].Note.EN != "moved to ready" {
		t.Errorf("ready entry %+v", last[2])
	}
}

// Documents are refused on a decided case.
func TestReceiveDocumentsOnDecidedCase(t *testing.T) {
	st, _, _ := newStore(t)
	p := urbanDibao(t, st.Catalog())
	c := mustIntake(t, st, draft(idFor("19800101", 2), "王五", []string{p.Code}), "local:desk")
	if _, err := st.Move(c.Number, 0, StatusWithdrawn, "local:desk", "申请人撤回"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ReceiveDocuments(c.Number, 0, []string{"户口簿"}, "local:v"); !errors.Is(err, ErrBadTransition) {
		t.Fatalf("documents on a withdrawn case: %v", err)
	}
}
