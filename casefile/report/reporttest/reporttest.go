// Package reporttest builds, for tests, a hall whose composition is known
// to the fen and the working day: the cases, decisions and evaluations
// the department report and its screens are checked against. It is for
// tests only.
package reporttest

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/meeting/meetingtest"
)

// Users recorded in the histories.
const (
	Desk      = "local:desk-li"
	Verifier  = "local:verifier-wang"
	Secretary = "local:secretary"
)

// Hall is the built hall: its store (open; closed when the test ends),
// its path, the clock it was built on and the case numbers by role.
type Hall struct {
	St   *casefile.Store
	Path string
	Now  time.Time
	// A: MZ-01 (civil affairs, monthly) and HS-01 (Red Cross, one-off),
	// received 2026-11-02, approved 2026-11-30 with 620.00 a month and
	// 5,000.00 once; rated 5 at the window.
	A string
	// B: MZ-05 (civil affairs, one-off, requested 1,500.00), received
	// 2026-11-16, approved 2026-11-30 granting 1,500.00; rated 4 by phone.
	B string
	// C: JY-03 (education), received 2026-11-09, rejected 2026-11-30;
	// rated 1 by phone (a follow-up opens).
	C string
	// D: CL-01 (disabled persons' federation), received 2026-11-20,
	// deferred 2026-11-30.
	D string
	// E: MZ-06 (civil affairs, one-off, time limit 20), received
	// 2026-10-20, approved 2026-11-30 granting 2,400.00: 29 working days,
	// late.
	E string
	// F: a student's MZ-10, JY-01 and TW-01 (college freshman aid of civil
	// affairs, education and the youth league: the same policy), received
	// 2026-11-25, approved 2026-11-30: the highest kept, the others
	// declined by the same-policy rule.
	F string
	// G: CS-03 (charity), received 2026-11-27, still open.
	G string
}

// Build makes the hall in a new database under tb's temp directory. The
// clock stands at 2026-11-30 09:00 local time (a Monday).
func Build(tb testing.TB) *Hall {
	tb.Helper()
	h := &Hall{Path: filepath.Join(tb.TempDir(), "hall.db"), Now: time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)}
	st, cat := casefiletest.Open(tb, h.Path, casefile.Options{Now: func() time.Time { return h.Now }})
	h.St = st
	tb.Cleanup(func() { st.Close() })
	g := gen.New(cat, 7, casefile.DateOf(h.Now))
	m := meeting.New(st)

	day := func(s string) time.Time {
		d, err := casefile.ParseDate(s)
		if err != nil {
			tb.Fatal(err)
		}
		return d.Time(time.Local).Add(10 * time.Hour)
	}
	ready := func(p casefile.Person, received string, requested map[string]casefile.Money, codes ...string) string {
		tb.Helper()
		d := g.DraftFor(p, codes, 0)
		d.Received = day(received)
		d.Documents = cat.RequiredDocuments(codes)
		d.Channel = casefile.ChannelWindow
		for i := range d.Apps {
			if m, ok := requested[d.Apps[i].Project]; ok {
				d.Apps[i].Requested = m
			}
		}
		c, err := st.Intake(d, Desk)
		if err != nil {
			tb.Fatalf("intake %v: %v", codes, err)
		}
		for _, k := range cat.MissingEvidence(c) {
			ev := g.Evidence(c, k)
			ev.Date = c.ReceivedDate().AddDays(1)
			if c, err = st.AddEvidence(c.Number, c.Version, ev, Verifier); err != nil {
				tb.Fatalf("evidence: %v", err)
			}
		}
		if c, err = st.Move(c.Number, c.Version, casefile.StatusReady, Desk, "核查完毕"); err != nil {
			tb.Fatalf("ready: %v", err)
		}
		return c.Number
	}
	adult := func() casefile.Person { return g.Person(30, 55) }
	student := g.Person(18, 18)
	student.Flags = []string{casefile.FlagStudent}

	h.A = ready(adult(), "2026-11-02", nil, "MZ-01", "HS-01")
	h.B = ready(adult(), "2026-11-16", map[string]casefile.Money{"MZ-05": casefile.Yuan(1500)}, "MZ-05")
	h.C = ready(adult(), "2026-11-09", nil, "JY-03")
	h.D = ready(adult(), "2026-11-20", nil, "CL-01")
	h.E = ready(adult(), "2026-10-20", map[string]casefile.Money{"MZ-06": casefile.Yuan(2400)}, "MZ-06")
	h.F = ready(student, "2026-11-25", nil, "MZ-10", "JY-01", "TW-01")
	dg := g.DraftFor(adult(), []string{"CS-03"}, 0)
	dg.Received = day("2026-11-27")
	cg, err := st.Intake(dg, Desk)
	if err != nil {
		tb.Fatal(err)
	}
	h.G = cg.Number

	// the meeting: a chair, two members and a secretary, all present
	sit := meetingtest.Sit(tb, m, []meeting.Member{
		{Name: "王建国", Department: "civil_affairs", Role: meeting.RoleChair},
		{Name: "李秀兰", Department: "education", Role: meeting.RoleMember},
		{Name: "张志强", Department: "red_cross", Role: meeting.RoleMember},
		{Name: "郭冬梅", Department: "civil_affairs", Role: meeting.RoleSecretary},
	}, Secretary)
	decide := func(number string, r meeting.Ruling) {
		tb.Helper()
		r.Case = number
		if len(r.Amounts) > 0 && r.AmountReason == "" {
			r.AmountReason = "会上按核实的家庭情况核定金额" // the fixture's amounts are set by hand
		}
		if _, err := m.Decide(sit.Number, r, Secretary); err != nil {
			tb.Fatalf("decide %s: %v", number, err)
		}
	}
	for _, n := range []string{h.A, h.B, h.E, h.F, h.D} {
		sit.VoteAll(tb, n, meeting.Agree, "")
	}
	decide(h.A, meeting.Ruling{Result: casefile.StatusApproved, Amounts: map[string]casefile.Money{
		"MZ-01": casefile.Yuan(620), "HS-01": casefile.Yuan(5000)}})
	decide(h.B, meeting.Ruling{Result: casefile.StatusApproved, Amounts: map[string]casefile.Money{"MZ-05": casefile.Yuan(1500)}})
	decide(h.E, meeting.Ruling{Result: casefile.StatusApproved, Amounts: map[string]casefile.Money{"MZ-06": casefile.Yuan(2400)}})
	decide(h.F, meeting.Ruling{Result: casefile.StatusApproved})
	decide(h.D, meeting.Ruling{Result: casefile.StatusDeferred, Override: true, Reason: "需补充残疾人证", Verify: []string{"残疾人证"}})
	sit.VoteAll(tb, h.C, meeting.Disagree, "家庭收入高于标准")
	decide(h.C, meeting.Ruling{Result: casefile.StatusRejected, Reason: "家庭人均收入高于低保边缘标准"})

	for _, r := range []struct {
		n     string
		score int
		ch    feedback.Channel
	}{{h.A, 5, feedback.ChannelWindow}, {h.B, 4, feedback.ChannelPhone}, {h.C, 1, feedback.ChannelPhone}} {
		if _, err := feedback.Rate(st, r.n, r.score, r.ch, "", Desk); err != nil {
			tb.Fatalf("rate %s: %v", r.n, err)
		}
	}
	return h
}
