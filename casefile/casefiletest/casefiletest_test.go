package casefiletest_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
)

// An altered entry is read back as altered and breaks the chain exactly
// there: AlterHistory edits the buckets casefile reads.
func TestAlterHistoryBreaksTheChain(t *testing.T) {
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	var code string
	for _, p := range cat.Projects {
		if p.Kind == casefile.KindMonthly && p.Group == "basic_living" && p.Area == casefile.Urban {
			code = p.Code
			break
		}
	}
	path := filepath.Join(t.TempDir(), "hall.db")
	now := func() time.Time { return time.Date(2026, 11, 27, 10, 30, 0, 0, time.Local) }
	open := func() *casefile.Store {
		st, err := casefile.Open(path, cat, casefile.Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := open()
	body := "61060219800101001"
	id := body + string(casefile.IDCheckChar(body))
	d := &casefile.Draft{Applicant: casefile.Person{DocNumber: id, Name: "甲", Township: "城关镇"},
		Apps: []casefile.Application{{Project: code}}}
	d.Household.Members = []casefile.Member{{Person: d.Applicant, Relation: casefile.RelationSelf}}
	c, err := st.Intake(d, "local:desk")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Move(c.Number, c.Version, casefile.StatusWithdrawn, "local:desk", "申请人撤回"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	casefiletest.AlterHistory(t, path, c.Number, 1, func(e *casefile.HistoryEntry) { e.Why = "改过的理由" })

	st = open()
	defer st.Close()
	var h []casefile.HistoryEntry
	if err := st.View(func(tx *casefile.Tx) error {
		h, err = tx.History(c.Seq)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Action != "intake" || h[1].Why != "改过的理由" {
		t.Fatalf("history after the edit: %+v", h)
	}
	if i := casefile.VerifyHistory(h); i != 1 {
		t.Errorf("VerifyHistory = %d, want 1 (the altered entry)", i)
	}
	probs, err := st.Check(0)
	if !errors.Is(err, casefile.ErrCheckFailed) || !strings.Contains(strings.Join(probs, "\n"), "history chain broken at entry 1") {
		t.Errorf("Check = %v, %v", probs, err)
	}
}
