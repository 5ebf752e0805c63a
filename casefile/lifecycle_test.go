package casefile

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// decideAs stores on c the decision of session on day (as the meeting
// records it: the status, each application granted its amount, monthly
// ones from start for months) and closes the session over it, in one
// transaction.
func decideAs(t *testing.T, st *Store, number string, result Status, session string, day Date, amount Money, start string, months int) *Case {
	t.Helper()
	var out *Case
	err := st.Update(func(tx *Tx) error {
		old, err := tx.Case(number)
		if err != nil {
			return err
		}
		c := cloneCaseLife(old)
		for i := range c.Apps {
			a := &c.Apps[i]
			if result == StatusApproved {
				a.Outcome, a.Granted = OutcomeGranted, amount
				if st.cat.kindOf(a.Project) == KindMonthly {
					a.StartMonth, a.Months = start, months
				}
			} else {
				a.Outcome, a.Reason = OutcomeDeclined, "家庭人均收入高于低保标准"
			}
		}
		c.Status = result
		c.Decision = &Decision{Session: session, Result: result, Reason: "家庭人均收入高于低保标准", At: tx.Now(), By: "local:sec"}
		if err := tx.PutCase(old, c, Change{Who: "local:sec", Action: string(ActionDecision)}); err != nil {
			return err
		}
		if err := tx.SessionClosedInTx(session, day, []uint64{c.Seq}, "local:sec"); err != nil {
			return err
		}
		out, err = tx.Case(number)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func day(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func rollOf(t *testing.T, st *Store, m, project string) *Roll {
	t.Helper()
	var r *Roll
	if err := st.View(func(tx *Tx) (err error) { r, err = tx.Roll(m, project); return err }); err != nil {
		t.Fatal(err)
	}
	return r
}

// An approved one-off (急难型临时救助, requested 2,000.00, capped at 3 ×
// the base) is delivered, so notified; it is on the next roll until the
// roll is marked paid, which closes the case.
func TestOneOffNotifiedThenPaidCloses(t *testing.T) {
	st, clk, _ := newStore(t)
	d := draft(idFor("19700101", 1), "刘芳", []string{"MZ-05"})
	d.Apps[0].Requested = 200000
	c := mustIntake(t, st, d, "local:desk")
	c = decideAs(t, st, c.Number, StatusApproved, "YH2026-001", day(t, "2026-11-27"), 200000, "", 0)
	if c.Status != StatusApproved || c.Life != nil {
		t.Fatalf("a one-off is not noticed: %s, %+v", c.Status, c.Life)
	}
	// delivery refused before the decision, after today, without receiver
	for _, bad := range []Delivery{
		{Method: DeliverDirect, Date: day(t, "2026-11-26"), Receiver: "刘芳"},
		{Method: DeliverDirect, Date: day(t, "2026-11-28"), Receiver: "刘芳"},
		{Method: DeliverDirect, Date: day(t, "2026-11-27")},
		{Method: "pigeon", Date: day(t, "2026-11-27"), Receiver: "刘芳"},
	} {
		if _, err := st.Notify(c.Number, bad, "local:desk"); !errors.Is(err, ErrInvalid) {
			t.Errorf("notify %+v: %v, want invalid", bad, err)
		}
	}
	c, err := st.Notify(c.Number, Delivery{Method: DeliverPost, Date: day(t, "2026-11-27"), Receiver: "刘芳"}, "local:desk")
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != StatusNotified {
		t.Fatalf("after delivery: %s, want notified (the one-off is not paid)", c.Status)
	}
	r := rollOf(t, st, "2026-12", "")
	if len(r.Rows) != 1 || r.Rows[0].Monthly || r.Rows[0].Amount != 200000 || r.Total != (Amounts{OneOff: 200000}) {
		t.Fatalf("roll %+v", r)
	}
	clk.t = clk.t.Add(72 * time.Hour)
	rows, err := st.MarkPaid("2026-12", "", "local:finance")
	if err != nil || len(rows) != 1 {
		t.Fatalf("mark paid: %v, %+v", err, rows)
	}
	if r := rollOf(t, st, "2026-12", ""); len(r.Rows) != 0 {
		t.Errorf("a paid one-off is still on the roll: %+v", r.Rows)
	}
	var h []HistoryEntry
	st.View(func(tx *Tx) error {
		c, err = tx.Case(c.Number)
		h, _ = tx.History(c.Seq)
		return err
	})
	if c.Status != StatusClosed || !c.Paid("MZ-05") || c.Life.Payments[0].Roll != "2026-12" || c.Life.Payments[0].Amount != 200000 {
		t.Errorf("after payment: %s, %+v", c.Status, c.Life.Payments)
	}
	last := h[len(h)-1]
	if last.Action != string(ActionPaid) || last.Who != "local:finance" || last.From != StatusNotified || last.To != StatusClosed ||
		!strings.Contains(last.Note.ZH, "2,000.00") {
		t.Errorf("history %+v", last)
	}
	if i := VerifyHistory(h); i >= 0 {
		t.Errorf("history chain breaks at %d", i)
	}
}

// A rejection decided on Friday 27 November 2026 must reach the person
// within 3 working days: Monday 30 November, Tuesday 1 and Wednesday 2
// December. It is watched (due soon) until it is delivered, then closed.
func TestRejectionNoticeDeadlineWatched(t *testing.T) {
	st, _, _ := newStore(t)
	c := mustIntake(t, st, draft(idFor("19700101", 2), "陈刚", []string{"MZ-01"}), "local:desk")
	due := func() int {
		var n int
		st.View(func(tx *Tx) error { n = tx.Counts().DueSoon; return nil })
		return n
	}
	c = decideAs(t, st, c.Number, StatusRejected, "YH2026-001", day(t, "2026-11-27"), 0, "", 0)
	if c.Deadline.String() != "2026-12-02" || c.Status != StatusRejected {
		t.Fatalf("rejection deadline %s (%s), want 2026-12-02", c.Deadline, c.Status)
	}
	if n := due(); n != 1 {
		t.Errorf("due soon %d, want the rejection", n)
	}
	var f []Finding
	st.View(func(tx *Tx) error { f = tx.Assess(c); return nil })
	found := false
	for _, x := range f {
		found = found || (x.Kind == FindDeadline && strings.Contains(x.Text.EN, "2026-12-02"))
	}
	if !found {
		t.Errorf("no deadline finding on the rejection: %+v", f)
	}
	c, err := st.Notify(c.Number, Delivery{Method: DeliverLeft, Date: day(t, "2026-11-27"), Receiver: "陈刚之妻"}, "local:desk")
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != StatusClosed || due() != 0 {
		t.Errorf("after delivery: %s, due soon %d", c.Status, due())
	}
}

// A monthly aid of 1,000.00 from December 2026 for 12 months, reduced to
// 800.00 from March 2027, then stopped from June 2027 with a phase-out of
// 3 months (June, July, August still paid at 800.00): the roll follows
// each month and the history keeps every period.
func TestAidChangesAndPhaseOut(t *testing.T) {
	st, _, _ := newStore(t)
	c := mustIntake(t, st, draft(idFor("19500101", 3), "黄梅", []string{"MZ-03"}), "local:desk")
	if st.cat.kindOf("MZ-03") != KindMonthly {
		t.Fatal("MZ-03 is not monthly")
	}
	c = decideAs(t, st, c.Number, StatusApproved, "YH2026-001", day(t, "2026-11-20"), 100000, "2026-12", 12)
	if c.Status == StatusPublicity {
		// extreme-poverty support is noticed: let the notice end
		for _, n := range c.Life.Notices {
			if n.Until.String() != "2026-11-26" {
				t.Errorf("notice %+v", n)
			}
		}
		cs, err := st.CloseNotices("local:desk")
		if err != nil || len(cs) != 1 {
			t.Fatalf("close notices: %v %d", err, len(cs))
		}
	}
	if _, err := st.ChangeAid(c.Number, AidChange{Project: "MZ-03", From: "2027-03", Amount: 80000}, "local:sec"); !errors.Is(err, ErrReasonRequired) {
		t.Errorf("change without reason: %v", err)
	}
	if _, err := st.ChangeAid(c.Number, AidChange{Project: "MZ-03", From: "2027-06", Kind: ChangeStop, PhaseOut: 7, Reason: "就业"}, "local:sec"); !errors.Is(err, ErrInvalid) {
		t.Errorf("a 7-month phase-out: %v", err)
	}
	if _, err := st.ChangeAid(c.Number, AidChange{Project: "MZ-03", From: "2027-03", Amount: 80000, Reason: "子女就业，收入增加"}, "local:sec"); err != nil {
		t.Fatal(err)
	}
	c, err := st.ChangeAid(c.Number, AidChange{Project: "MZ-03", From: "2027-06", Kind: ChangeStop, PhaseOut: 3, Reason: "家庭收入高于标准"}, "local:sec")
	if err != nil {
		t.Fatal(err)
	}
	for m, want := range map[string]Money{"2026-11": 0, "2026-12": 100000, "2027-02": 100000, "2027-03": 80000, "2027-05": 80000,
		"2027-06": 80000, "2027-08": 80000, "2027-09": 0, "2027-12": 0} {
		if got := c.AmountIn("MZ-03", m); got != want {
			t.Errorf("%s pays %s, want %s", m, got, want)
		}
	}
	h := c.AidHistory()
	want := []AidPeriod{
		{Project: "MZ-03", Case: c.Number, From: "2026-12", To: "2027-02", Amount: 100000},
		{Project: "MZ-03", Case: c.Number, From: "2027-03", To: "2027-05", Amount: 80000, Kind: ChangeDecrease, Why: "子女就业，收入增加"},
		{Project: "MZ-03", Case: c.Number, From: "2027-06", To: "2027-08", Amount: 80000, Kind: ChangeStop, Why: "家庭收入高于标准"},
	}
	if len(h) != len(want) {
		t.Fatalf("history %+v", h)
	}
	for i := range want {
		h[i].Ended = ""
		if h[i] != want[i] {
			t.Errorf("period %d: %+v, want %+v", i, h[i], want[i])
		}
	}
	ch := c.LastChange("")
	if ch.Kind != ChangeStop || ch.Amount != 80000 || !strings.Contains(ch.Reference, "变〔2026〕2号") {
		t.Errorf("last change %+v", ch)
	}
	// the stopped aid is no longer held once its last month has passed
	if c.Running("MZ-03", "2027-09") {
		t.Error("running after the phase-out")
	}
}

// A child's aid is paid to the guardian: the roll names the guardian as
// payee and the child as recipient.
func TestRollPaysAChildsGuardian(t *testing.T) {
	st, _, _ := newStore(t)
	d := draft(idFor("20150101", 4), "刘小明", []string{"MZ-01"})
	d.Applicant.GuardianName = "刘建军"
	d.Household.Members[0].Person = d.Applicant
	d.Household.Members = append(d.Household.Members, Member{Person: Person{DocNumber: idFor("19800101", 5), Name: "刘建军"}, Relation: "父亲"})
	c := mustIntake(t, st, d, "local:desk")
	c = decideAs(t, st, c.Number, StatusApproved, "YH2026-001", day(t, "2026-11-10"), 50000, "2026-12", 12)
	if c.Status != StatusPublicity {
		t.Fatalf("a dibao approval: %s, want on notice", c.Status)
	}
	if r := rollOf(t, st, "2026-12", ""); len(r.Rows) != 0 {
		t.Errorf("an aid on notice is on the roll: %+v", r.Rows)
	}
	if _, err := st.CloseNotices("local:desk"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetAccount(c.Number, Account{Bank: "农业银行", Number: "6228 4800 1234 5678"}, "local:desk"); err != nil {
		t.Fatal(err)
	}
	r := rollOf(t, st, "2026-12", "MZ-01")
	if len(r.Rows) != 1 || r.Rows[0].Payee != "刘建军" || r.Rows[0].Recipient != "刘小明" || r.Rows[0].Account != "6228480012345678" ||
		r.Rows[0].MaskedAccount() != "************5678" || r.Rows[0].Amount != 50000 {
		t.Errorf("roll %+v", r.Rows)
	}
	if _, err := st.SetAccount(c.Number, Account{Number: "12ab"}, "local:desk"); !errors.Is(err, ErrInvalid) {
		t.Errorf("a bad account: %v", err)
	}
}

// An objection needs what it says and who (or anonymous), and only a
// case on notice takes one.
func TestObjectionRules(t *testing.T) {
	st, _, _ := newStore(t)
	c := mustIntake(t, st, draft(idFor("19700101", 6), "马丽", []string{"MZ-01"}), "local:desk")
	if _, err := st.Object(c.Number, Objection{By: "邻居", Way: ObjectPhone, Reason: "有车"}, "local:desk"); !errors.Is(err, ErrBadTransition) {
		t.Errorf("objection to a case not on notice: %v", err)
	}
	c = decideAs(t, st, c.Number, StatusApproved, "YH2026-003", day(t, "2026-11-25"), 50000, "2026-12", 12)
	for _, o := range []Objection{
		{By: "邻居", Way: ObjectPhone},
		{Way: ObjectPhone, Reason: "有车"},
		{By: "邻居", Way: "telepathy", Reason: "有车"},
		{By: "邻居", Way: ObjectPhone, Reason: "有车", Date: day(t, "2026-11-20")},
	} {
		if _, err := st.Object(c.Number, o, "local:desk"); err == nil {
			t.Errorf("objection %+v accepted", o)
		}
	}
	c, err := st.Object(c.Number, Objection{By: "邻居", Way: ObjectVisit, Reason: "家有轿车一辆"}, "local:desk")
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != StatusVerifying || c.Apps[0].Outcome != OutcomePending || c.OpenNotice() != nil || c.Life.Objections[0].Date.String() != "2026-11-27" {
		t.Errorf("after the objection: %s, %+v, %+v", c.Status, c.Apps[0], c.Life)
	}
}

// A case received on Monday 26 September 2022, a year the catalogue's
// calendar does not list: its 30-working-day limit is counted on Monday
// to Friday only (26 September + 30 weekdays = Monday 7 November 2022,
// the National Day holidays not deducted), and the case says so.
func TestDeadlineOutsideTheCalendarWarns(t *testing.T) {
	st, _, _ := newStore(t)
	if st.cat.Calendar.Covers(day(t, "2022-10-01")) || !st.cat.Calendar.Covers(day(t, "2026-10-01")) {
		t.Fatalf("calendar years %v", st.cat.Calendar.Years())
	}
	d := draft(idFor("19700101", 7), "杨帆", []string{"MZ-01"})
	d.Received = time.Date(2022, 9, 26, 9, 0, 0, 0, time.Local)
	c := mustIntake(t, st, d, "local:desk")
	if c.Deadline.String() != "2022-11-07" {
		t.Errorf("deadline %s, want 2022-11-07", c.Deadline)
	}
	var f []Finding
	st.View(func(tx *Tx) error { f = tx.Assess(c); return nil })
	found := false
	for _, x := range f {
		if x.Kind == FindDeadline && strings.Contains(x.Text.ZH, "未录入 2022 年的节假日") && strings.Contains(x.Text.EN, "no holidays for 2022") {
			found = true
		}
	}
	if !found {
		t.Errorf("no calendar warning: %+v", f)
	}
	// a 2026 case gets none
	c2 := mustIntake(t, st, draft(idFor("19700101", 8), "杨光", []string{"MZ-01"}), "local:desk")
	st.View(func(tx *Tx) error { f = tx.Assess(c2); return nil })
	for _, x := range f {
		if strings.Contains(x.Text.EN, "no holidays for") {
			t.Errorf("a 2026 case warns: %+v", x)
		}
	}
}

// Emergency pay-first on Friday 27 November 2026: 1,000.00 of an
// emergency temporary aid paid at once (the cap is 3,000.00), papers due
// 5 working days later, Friday 4 December; on Monday 7 December they are
// overdue. The meeting then grants 3,000.00: the roll pays the 2,000.00
// left.
func TestPayFirst(t *testing.T) {
	st, clk, _ := newStore(t)
	d := draft(idFor("19700101", 9), "何伟", []string{"MZ-05"})
	d.Apps[0].Requested = 300000
	c := mustIntake(t, st, d, "local:desk")
	if _, err := st.PayFirst(c.Number, 300001, "local:desk"); !errors.Is(err, ErrBadAmount) {
		t.Errorf("over the cap: %v", err)
	}
	other := mustIntake(t, st, draft(idFor("19700101", 10), "何丽", []string{"MZ-01"}), "local:desk")
	if _, err := st.PayFirst(other.Number, 100000, "local:desk"); !errors.Is(err, ErrBadTransition) {
		t.Errorf("pay-first of a dibao: %v", err)
	}
	c, err := st.PayFirst(c.Number, 100000, "local:desk")
	if err != nil {
		t.Fatal(err)
	}
	if u := c.Life.Urgent; u.DocsBy.String() != "2026-12-04" || u.Amount != 100000 {
		t.Errorf("urgent %+v", u)
	}
	overdue := func() int {
		var n int
		st.View(func(tx *Tx) error { n = tx.Counts().UrgentOverdue; return nil })
		return n
	}
	clk.t = time.Date(2026, 12, 4, 16, 0, 0, 0, time.Local)
	if n := overdue(); n != 0 {
		t.Errorf("on the last day: %d overdue", n)
	}
	clk.t = time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local)
	if n := overdue(); n != 1 {
		t.Errorf("after the last day: %d overdue, want 1", n)
	}
	var f []Finding
	st.View(func(tx *Tx) error { f = tx.Assess(c); return nil })
	if !slices.ContainsFunc(f, func(x Finding) bool {
		return x.Severity == SevError && strings.Contains(x.Text.EN, "paid first on 2026-11-27 (1,000.00 yuan); its papers were due by 2026-12-04")
	}) {
		t.Errorf("no overdue finding: %+v", f)
	}
	if _, err := st.UrgentDocumented(c.Number, "local:desk"); err != nil {
		t.Fatal(err)
	}
	if n := overdue(); n != 0 {
		t.Errorf("papers in: %d overdue", n)
	}
	c = decideAs(t, st, c.Number, StatusApproved, "YH2026-004", day(t, "2026-12-07"), 300000, "", 0)
	r := rollOf(t, st, "2026-12", "MZ-05")
	if len(r.Rows) != 1 || r.Rows[0].Amount != 200000 {
		t.Errorf("roll %+v, want the 2,000.00 left", r.Rows)
	}
}

// Ending extreme-poverty support is noticed first (notice_before_stop):
// a stop decided on Friday 27 November 2026 "from December" is noticed 27
// November to 3 December and takes effect from January 2027; an
// objection on 30 November suspends it (kept in the record, not applied).
func TestExtremePovertyStopIsNoticed(t *testing.T) {
	st, clk, _ := newStore(t)
	c := mustIntake(t, st, draft(idFor("19400101", 11), "冯大爷", []string{"MZ-03"}), "local:desk")
	c = decideAs(t, st, c.Number, StatusApproved, "YH2026-001", day(t, "2026-11-10"), 100000, "2026-12", 12)
	if _, err := st.CloseNotices("local:desk"); err != nil {
		t.Fatal(err)
	}
	c, err := st.ChangeAid(c.Number, AidChange{Project: "MZ-03", From: "2026-12", Kind: ChangeStop, Reason: "已由子女赡养"}, "local:sec")
	if err != nil {
		t.Fatal(err)
	}
	ch := c.LastChange("")
	if ch.From != "2027-01" || ch.Notice == nil || ch.Notice.From.String() != "2026-11-27" || ch.Notice.Until.String() != "2026-12-03" {
		t.Fatalf("stop %+v (notice %+v)", ch, ch.Notice)
	}
	if c.AmountIn("MZ-03", "2026-12") != 100000 || c.AmountIn("MZ-03", "2027-01") != 0 {
		t.Errorf("December pays %s, January %s", c.AmountIn("MZ-03", "2026-12"), c.AmountIn("MZ-03", "2027-01"))
	}
	var stops []*Case
	st.View(func(tx *Tx) (err error) { stops, err = tx.StopNotices(day(t, "2026-11-30")); return err })
	if len(stops) != 1 || stops[0].Number != c.Number {
		t.Errorf("stop notices %v", stops)
	}
	clk.t = time.Date(2026, 11, 30, 10, 0, 0, 0, time.Local)
	c, err = st.Object(c.Number, Objection{Anonymous: true, Way: ObjectPhone, Reason: "子女并未赡养"}, "local:desk")
	if err != nil {
		t.Fatal(err)
	}
	if ch := c.LastChange(""); ch.Withdrawn == "" || !ch.Notice.Objected || c.AmountIn("MZ-03", "2027-01") != 100000 || c.Status != StatusApproved {
		t.Errorf("after the objection: %+v, January pays %s, %s", ch, c.AmountIn("MZ-03", "2027-01"), c.Status)
	}
}

// Once an aid is stopped it no longer stands in the way of a new
// application for the same group ("the same policy only once" sees it
// held before, not after).
func TestStoppedAidIsNotHeld(t *testing.T) {
	st, _, _ := newStore(t)
	d := draft(idFor("19700101", 12), "郭强", []string{"MZ-01"})
	c := mustIntake(t, st, d, "local:desk")
	c = decideAs(t, st, c.Number, StatusApproved, "YH2026-001", day(t, "2026-11-10"), 50000, "2026-12", 12)
	if _, err := st.CloseNotices("local:desk"); err != nil {
		t.Fatal(err)
	}
	held := func() int {
		n := 0
		st.View(func(tx *Tx) error {
			for _, cf := range tx.LiveCheck(&c.Applicant, []string{"MZ-01"}, day(t, "2026-11-27")) {
				if cf.CaseNumber == c.Number && cf.Status.Holding() {
					n++
				}
			}
			return nil
		})
		return n
	}
	if n := held(); n != 1 {
		t.Fatalf("held before the stop: %d", n)
	}
	if _, err := st.ChangeAid(c.Number, AidChange{Project: "MZ-01", From: "2027-01", Kind: ChangeStop, Reason: "收入高于标准"}, "local:sec"); err != nil {
		t.Fatal(err)
	}
	if n := held(); n != 0 {
		t.Errorf("held after the stop: %d", n)
	}
	// applying again later: the household's record keeps the first aid
	d2 := draft(idFor("19700101", 12), "郭强", []string{"MZ-01"})
	d2.RepeatReason = "停发后重新申请" // the stop takes effect next month: still held today
	c2 := mustIntake(t, st, d2, "local:desk")
	c2 = decideAs(t, st, c2.Number, StatusApproved, "YH2026-009", day(t, "2026-11-27"), 60000, "2027-06", 12)
	var h []AidPeriod
	if err := st.View(func(tx *Tx) (err error) { h, err = tx.HouseholdAidHistory(c2); return err }); err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Case != c.Number || h[0].From != "2026-12" || h[0].To != "2026-12" || !strings.Contains(h[0].Ended, "收入高于标准") ||
		h[1].Case != c2.Number || h[1].From != "2027-06" || h[1].Amount != 60000 {
		t.Errorf("household history %+v", h)
	}
}

// The check finds a running aid the roll would miss: a notified case
// written without its projection, and an entry whose case holds nothing.
func TestCheckFindsTheAidProjectionOutOfStep(t *testing.T) {
	st, _, _ := newStore(t)
	c := mustIntake(t, st, draft(idFor("19700101", 13), "钱进", []string{"MZ-05"}), "local:desk")
	c = decideAs(t, st, c.Number, StatusApproved, "YH2026-001", day(t, "2026-11-27"), 100000, "", 0)
	if probs, err := st.Check(0); err != nil {
		t.Fatalf("a consistent store: %v %v", err, probs)
	}
	err := st.Update(func(tx *Tx) error {
		old, _ := tx.Case(c.Number)
		n := cloneCaseLife(old)
		n.Status = StatusNotified
		if err := tx.PutCase(old, n, Change{Who: "local:x", Action: "status"}); err != nil {
			return err
		}
		return tx.Records(aidNS).Delete(NumKey(n.Seq))
	})
	if err != nil {
		t.Fatal(err)
	}
	probs, err := st.Check(0)
	if err == nil || len(probs) != 1 || !strings.Contains(probs[0], "not in the aid projection") {
		t.Errorf("check: %v %q", err, probs)
	}
}

// A delivered rejection is closed at once, and a later meeting may still
// reconsider it (as it could a notified one before closing existed).
func TestClosedDecisionIsReconsiderable(t *testing.T) {
	st, _, _ := newStore(t)
	c := mustIntake(t, st, draft(idFor("19700101", 14), "孙丽", []string{"MZ-01"}), "local:desk")
	c = decideAs(t, st, c.Number, StatusRejected, "YH2026-001", day(t, "2026-11-27"), 0, "", 0)
	c, err := st.Notify(c.Number, Delivery{Method: DeliverDirect, Date: day(t, "2026-11-27"), Receiver: "孙丽"}, "local:desk")
	if err != nil || c.Status != StatusClosed {
		t.Fatalf("delivered: %v %s", err, c.Status)
	}
	err = st.Update(func(tx *Tx) error {
		n := cloneCaseLife(c)
		return tx.ReconsiderInTx(n, StatusApproved)
	})
	if err != nil {
		t.Errorf("reconsider a closed rejection: %v", err)
	}
}
