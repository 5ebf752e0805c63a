package main

import (
	"strings"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
)

// runningAidIn stores at db an urban dibao approved in January 2026,
// 790.00 a month from February 2026 for 24 months, in effect as an
// import of existing recipients is, and returns its number.
func runningAidIn(t *testing.T, db string) string {
	t.Helper()
	st, _ := casefiletest.Open(t, db, casefile.Options{})
	defer st.Close()
	c, err := st.Intake(&casefile.Draft{
		Applicant: casefile.Person{DocType: casefile.DocResidentID, DocNumber: validID("19560302", 2), Name: "王秀兰",
			Birth: casefile.Date{Year: 1956, Month: 3, Day: 2}, Township: "城关镇", Village: "东关村"},
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{{Relation: casefile.RelationSelf}}},
		Apps:      []casefile.Application{{Project: "MZ-01"}},
		Channel:   casefile.ChannelWindow,
		Received:  time.Date(2026, 1, 5, 9, 0, 0, 0, time.Local),
	}, osWho())
	if err != nil {
		t.Fatal(err)
	}
	err = st.Update(func(tx *casefile.Tx) error {
		old, err := tx.Case(c.Number)
		if err != nil {
			return err
		}
		n := *old
		n.Apps = []casefile.Application{{Project: "MZ-01", Proposed: 79000, Outcome: casefile.OutcomeGranted, Granted: 79000, StartMonth: "2026-02", Months: 24}}
		n.Status = casefile.StatusApproved
		n.Decision = &casefile.Decision{Session: "YH2026-001", Result: casefile.StatusApproved, At: time.Date(2026, 1, 20, 15, 0, 0, 0, time.Local), By: osWho()}
		if err := tx.PutCase(old, &n, casefile.Change{Who: osWho(), Action: string(casefile.ActionDecision)}); err != nil {
			return err
		}
		return tx.SyncAid(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return c.Number
}

// hall review start --event death words the reason as a reported death
// with the details of --why; an unknown event is a usage error.
func TestReviewStartEvent(t *testing.T) {
	db := tempDB(t)
	n := runningAidIn(t, db)
	at(t, "2026-12-01")
	_, errs, code := hall(t, "--db", db, "--lang", "en", "review", "start", n, "--event", "fire")
	if code != exitUsage || !strings.Contains(errs, "--event must be death or household: fire") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	mustHall(t, "--db", db, "review", "start", n, "--event", "death", "--why", "户主11月20日去世，女儿报告")
	c := lifeOf(t, db, n)
	if c.Life == nil || len(c.Life.Reviews) != 1 {
		t.Fatalf("reviews %+v", c.Life)
	}
	st, _ := casefiletest.Open(t, db, casefile.Options{})
	defer st.Close()
	var rc *casefile.Case
	if err := st.View(func(tx *casefile.Tx) (err error) { rc, err = tx.Case(c.Life.Reviews[0]); return }); err != nil {
		t.Fatal(err)
	}
	if want := "复核 " + n + "：报告死亡：户主11月20日去世，女儿报告"; rc.Note != want {
		t.Fatalf("review note %q, want %q", rc.Note, want)
	}
}
