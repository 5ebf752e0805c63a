// Package discovertest builds, for tests, a hall with households planted
// to qualify, or not, for aid they do not get: what the discovery (政策
// 找人) must find, and nothing else. It is for tests only.
package discovertest

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/meeting/meetingtest"
)

// Users recorded in the histories.
const (
	Desk      = "local:desk"
	Secretary = "local:secretary"
)

// Hall is the built hall: the store (closed when the test ends), its
// path, its clock, and the newest case of each planted household.
type Hall struct {
	St   *casefile.Store
	Path string
	Now  time.Time
	// Low: an urban household of two with 600.00 a month verified by an
	// income check on 2026-11-20 (300.00 a head, under the urban dibao
	// line of 790.00); it applied for temporary aid only.
	Low string
	// Rich: an urban household of two with 20,000.00 a month: nothing.
	Rich string
	// Applied: an urban household of two with 500.00 a month that has
	// applied for urban dibao (MZ-01), still open.
	Applied string
	// Refused: an urban household of two with 700.00 a month verified,
	// refused urban dibao on 2026-11-26.
	Refused string
	// Rural: a rural household of two with 400.00 a month declared: not
	// urban dibao (urban only), rural dibao (MZ-02) instead.
	Rural string
}

// Clock is the hall's clock: Friday 27 November 2026, 10:00 local time.
var Clock = time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)

// Build makes the hall in a new database under tb's temp directory.
func Build(tb testing.TB) *Hall {
	tb.Helper()
	h := &Hall{Path: filepath.Join(tb.TempDir(), "hall.db"), Now: Clock}
	st, cat := casefiletest.Open(tb, h.Path, casefile.Options{Now: func() time.Time { return h.Now }})
	h.St = st
	tb.Cleanup(func() { st.Close() })
	g := gen.New(cat, 5, casefile.DateOf(h.Now))

	person := func(min, max int) casefile.Person {
		p := g.Person(min, max)
		p.Flags, p.DisabilityGrade = nil, 0
		return p
	}
	day := func(s string) casefile.Date {
		d, err := casefile.ParseDate(s)
		if err != nil {
			tb.Fatal(err)
		}
		return d
	}
	intake := func(area casefile.Area, income casefile.Money, received string, apps ...casefile.Application) *casefile.Case {
		tb.Helper()
		ap := person(35, 45)
		spouse := person(35, 45)
		d := &casefile.Draft{Applicant: ap, Channel: casefile.ChannelWindow, Apps: apps,
			Received: day(received).Time(time.Local).Add(9 * time.Hour),
			Household: casefile.Household{Area: area, Members: []casefile.Member{
				{Person: ap, Relation: casefile.RelationSelf, Incomes: []casefile.Income{{Kind: "wages", Source: "县城超市", Monthly: income}}},
				{Person: spouse, Relation: "配偶"}}}}
		for _, a := range apps {
			d.Documents = append(d.Documents, cat.RequiredDocuments([]string{a.Project})...)
		}
		c, err := st.Intake(d, Desk)
		if err != nil {
			tb.Fatalf("intake: %v", err)
		}
		return c
	}
	passed := true
	evidence := func(c *casefile.Case, evs ...casefile.Evidence) *casefile.Case {
		tb.Helper()
		for _, ev := range evs {
			ev.Department, ev.Verifier = "civil_affairs", "王核查"
			if ev.Kind == casefile.EvHomeVisit {
				ev.Passed = &passed
			}
			var err error
			if c, err = st.AddEvidence(c.Number, c.Version, ev, Desk); err != nil {
				tb.Fatalf("evidence: %v", err)
			}
		}
		return c
	}
	dibaoChecks := func(c *casefile.Case, income casefile.Money, on string) *casefile.Case {
		return evidence(c,
			casefile.Evidence{Kind: casefile.EvIncomeCheck, Date: day(on), MonthlyIncome: income},
			casefile.Evidence{Kind: casefile.EvAssetCheck, Date: day(on), Homes: 1},
			casefile.Evidence{Kind: casefile.EvVehicle, Date: day(on)},
			casefile.Evidence{Kind: casefile.EvHousing, Date: day(on), Homes: 1},
			casefile.Evidence{Kind: casefile.EvHomeVisit, Date: day(on)})
	}

	low := intake(casefile.Urban, casefile.Yuan(600), "2026-11-16", casefile.Application{Project: "MZ-05", Requested: casefile.Yuan(1000)})
	low = evidence(low, casefile.Evidence{Kind: casefile.EvIncomeCheck, Date: day("2026-11-20"), MonthlyIncome: casefile.Yuan(600)})
	h.Low = low.Number
	h.Rich = intake(casefile.Urban, casefile.Yuan(20000), "2026-11-17", casefile.Application{Project: "MZ-05", Requested: casefile.Yuan(1000)}).Number
	h.Applied = intake(casefile.Urban, casefile.Yuan(500), "2026-11-18", casefile.Application{Project: "MZ-01"}).Number
	refused := intake(casefile.Urban, casefile.Yuan(700), "2026-11-02", casefile.Application{Project: "MZ-01"})
	refused = dibaoChecks(refused, casefile.Yuan(700), "2026-11-05")
	refused, err := st.Move(refused.Number, refused.Version, casefile.StatusReady, Desk, "")
	if err != nil {
		tb.Fatal(err)
	}
	h.Refused = refused.Number
	h.Rural = intake(casefile.Rural, casefile.Yuan(400), "2026-11-19", casefile.Application{Project: "MZ-05", Requested: casefile.Yuan(800)}).Number

	// the meeting of 2026-11-26 refuses Refused's dibao
	h.Now = time.Date(2026, 11, 26, 15, 0, 0, 0, time.Local)
	m := meeting.New(st)
	sit := meetingtest.Sit(tb, m, []meeting.Member{
		{Name: "王建国", Department: "civil_affairs", Role: meeting.RoleChair},
		{Name: "李秀兰", Department: "education", Role: meeting.RoleMember},
		{Name: "郭冬梅", Department: "civil_affairs", Role: meeting.RoleSecretary},
	}, Secretary)
	sit.VoteAll(tb, h.Refused, meeting.Disagree, "入户调查与申报不符")
	if _, err := m.Decide(sit.Number, meeting.Ruling{Case: h.Refused, Result: casefile.StatusRejected, Reason: "入户调查发现有未申报的经营收入"}, Secretary); err != nil {
		tb.Fatal(err)
	}
	h.Now = Clock
	return h
}
