package report_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/report"
	"github.com/rongjiuzhu/hall/casefile/report/reporttest"
)

// weekdays counts Monday–Friday days after from up to and including to:
// the working days of a span with no public holiday or make-up day in it
// (2026-10-08 to 2026-12-31 has none in the default catalogue).
func weekdays(from, to string) int {
	f, _ := time.Parse("2006-01-02", from)
	t, _ := time.Parse("2006-01-02", to)
	n := 0
	for d := f.AddDate(0, 0, 1); !d.After(t); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

func build(t *testing.T, h *reporttest.Hall, p report.Period) *report.Departments {
	t.Helper()
	var rep *report.Departments
	err := h.St.View(func(tx *casefile.Tx) error {
		var err error
		rep, err = report.Build(tx, p, report.Options{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func row(t *testing.T, rep *report.Departments, dept string) report.DeptRow {
	t.Helper()
	for _, r := range rep.Rows {
		if r.Department == dept {
			return r
		}
	}
	t.Fatalf("no row for %s", dept)
	return report.DeptRow{}
}

func TestDepartmentReportFromFirstPrinciples(t *testing.T) {
	h := reporttest.Build(t)
	cat := h.St.Catalog()
	rep := build(t, h, report.Month(2026, time.November))

	// Working days from acceptance to the decision on 2026-11-30.
	wdA, wdB, wdC, wdE, wdF := weekdays("2026-11-02", "2026-11-30"), weekdays("2026-11-16", "2026-11-30"),
		weekdays("2026-11-09", "2026-11-30"), weekdays("2026-10-20", "2026-11-30"), weekdays("2026-11-25", "2026-11-30")
	if wdA != 20 || wdB != 10 || wdC != 15 || wdE != 29 || wdF != 3 {
		t.Fatalf("the hand count of working days drifted: %d %d %d %d %d", wdA, wdB, wdC, wdE, wdF)
	}
	// The freshman aid: the youth league's 4,000 is the highest of the
	// three (civil affairs 3,000, education 3,500); it is kept.
	civilF, eduF, youthF := cat.Standard("college_freshman_civil_affairs"), cat.Standard("college_freshman_education"),
		cat.Standard("college_freshman_youth_league")
	if !(youthF > eduF && eduF > civilF) {
		t.Fatalf("freshman standards changed: %s %s %s", civilF, eduF, youthF)
	}

	civil := row(t, rep, "civil_affairs")
	// received in November: A, B, F (E came in October)
	want := report.DeptRow{Department: "civil_affairs", Received: 3,
		// granted: A's MZ-01, B's MZ-05, E's MZ-06
		Approved: 3, SamePolicyDeclined: 1, SamePolicyAvoided: casefile.Amounts{OneOff: civilF},
		Funds:   casefile.Amounts{Monthly: 620_00, OneOff: 1500_00 + 2400_00},
		Decided: 4, WorkdaysTotal: wdA + wdB + wdE + wdF, AvgWorkdays: 15.5, WorstWorkdays: wdE, WorstCase: h.E, WorstLimit: 20,
		Late: 1, OnlyHelper: 2, // B and E; A was helped by the Red Cross too, F by the youth league
		Ratings: 2, RatingSum: 9, AvgScore: 4.5}
	civil.Cases = nil
	if !reflect.DeepEqual(civil, want) {
		t.Errorf("civil affairs:\n got %+v\nwant %+v", civil, want)
	}
	red := row(t, rep, "red_cross")
	if red.Received != 1 || red.Approved != 1 || red.Funds != (casefile.Amounts{OneOff: 5000_00}) || red.Decided != 1 ||
		red.WorkdaysTotal != wdA || red.OnlyHelper != 0 || red.Ratings != 1 || red.AvgScore != 5 || red.Late != 0 {
		t.Errorf("red cross: %+v", red)
	}
	edu := row(t, rep, "education")
	if edu.Received != 2 || edu.Rejected != 1 || edu.Approved != 0 || edu.SamePolicyDeclined != 1 ||
		edu.SamePolicyAvoided != (casefile.Amounts{OneOff: eduF}) || !edu.Funds.IsZero() ||
		edu.Decided != 2 || edu.WorkdaysTotal != wdC+wdF || edu.AvgWorkdays != 9 || edu.Ratings != 1 || edu.RatingSum != 1 {
		t.Errorf("education: %+v", edu)
	}
	youth := row(t, rep, "youth_league")
	if youth.Approved != 1 || youth.Funds != (casefile.Amounts{OneOff: youthF}) || youth.OnlyHelper != 1 || youth.WorstWorkdays != wdF {
		t.Errorf("youth league: %+v", youth)
	}
	dis := row(t, rep, "disabled_federation")
	if dis.Received != 1 || dis.Deferred != 1 || dis.Decided != 0 || dis.Approved != 0 {
		t.Errorf("disabled federation: %+v", dis)
	}
	if ch := row(t, rep, "charity"); ch.Received != 1 || ch.Decided != 0 {
		t.Errorf("charity: %+v", ch)
	}

	cty := rep.County
	if cty.Received != 6 || cty.Approved != 5 || cty.Rejected != 1 || cty.Deferred != 1 || cty.SamePolicyDeclined != 2 ||
		cty.SamePolicyAvoided != (casefile.Amounts{OneOff: civilF + eduF}) ||
		cty.Funds != (casefile.Amounts{Monthly: 620_00, OneOff: 5000_00 + 1500_00 + 2400_00 + youthF}) ||
		cty.Decided != 5 || cty.WorkdaysTotal != wdA+wdB+wdC+wdE+wdF || cty.WorstCase != h.E || cty.Late != 1 ||
		cty.OnlyHelper != 3 || cty.Ratings != 3 || cty.RatingSum != 10 || cty.AvgScore != 3.33 || cty.ReviewsOnTime != 0 {
		t.Errorf("county: %+v", cty)
	}
	if cty.AvgWorkdays != 15.4 { // 77 / 5
		t.Errorf("county average working days %v, want 15.4", cty.AvgWorkdays)
	}

	// funds by project, each apart
	funds := map[string]casefile.Amounts{}
	for _, f := range rep.Funds {
		funds[f.Project] = f.Amounts
	}
	wantFunds := map[string]casefile.Amounts{"MZ-01": {Monthly: 620_00}, "HS-01": {OneOff: 5000_00}, "MZ-05": {OneOff: 1500_00},
		"MZ-06": {OneOff: 2400_00}, "TW-01": {OneOff: youthF}}
	if len(funds) != len(wantFunds) {
		t.Errorf("funds by project: %v", funds)
	}
	for p, a := range wantFunds {
		if funds[p] != a {
			t.Errorf("funds of %s: %+v, want %+v", p, funds[p], a)
		}
	}

	// the desk that took every case was rated 5, 4 and 1
	if len(rep.Desks) != 1 || rep.Desks[0] != (report.DeskRow{Desk: reporttest.Desk, Ratings: 3, RatingSum: 10, AvgScore: 3.33, Low: 1}) {
		t.Errorf("desks %+v", rep.Desks)
	}

	// drill-down: the civil affairs row lists A, B, E and F
	var nums []string
	for _, c := range row(t, rep, "civil_affairs").Cases {
		nums = append(nums, c.Number)
	}
	if len(nums) != 4 {
		t.Errorf("civil affairs cases %v, want A B E F", nums)
	}
}

func TestReportPeriodsSplitTheWork(t *testing.T) {
	h := reporttest.Build(t)
	oct := build(t, h, report.Month(2026, time.October))
	if oct.County.Received != 1 || oct.County.Decided != 0 || !oct.County.Funds.IsZero() || oct.County.Ratings != 0 {
		t.Errorf("October: %+v", oct.County)
	}
	year := build(t, h, report.Year(2026))
	if year.County.Received != 7 || year.County.Decided != 5 {
		t.Errorf("2026: %+v", year.County)
	}
	dec := build(t, h, report.Month(2026, time.December))
	if !reflect.DeepEqual(dec.County, report.DeptRow{}) {
		t.Errorf("December is empty: %+v", dec.County)
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2026":                   "2026-01-01..2026-12-31",
		"2026Q4":                 "2026-10-01..2026-12-31",
		"2026-q1":                "2026-01-01..2026-03-31",
		"2026-02":                "2026-02-01..2026-02-28",
		"2026-01-05..2026-03-31": "2026-01-05..2026-03-31",
	} {
		p, err := report.ParsePeriod(in)
		if err != nil || p.String() != want {
			t.Errorf("%s: %v %v, want %s", in, p, err, want)
		}
	}
	for _, bad := range []string{"", "26", "2026Q5", "2026-13", "2026-03-01..2026-02-01", "soon"} {
		if _, err := report.ParsePeriod(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A case stored without a deadline has no time limit: the report says 0,
// not the working days back to the year 0 (which it took ~740,000 steps
// a case to count: a 20,000-case hall's report ran for minutes).
func TestCaseWithoutDeadlineHasNoLimit(t *testing.T) {
	h := reporttest.Build(t)
	err := h.St.Update(func(tx *casefile.Tx) error {
		cs, _, err := tx.Cases(casefile.CaseFilter{Limit: 100})
		if err != nil {
			return err
		}
		for _, c := range cs {
			nc := *c
			nc.Deadline = casefile.Date{}
			if err := tx.PutCase(c, &nc, casefile.Change{Who: "local:test", Action: "note"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rep := build(t, h, report.Year(2026))
	if rep.County.Decided == 0 {
		t.Fatal("the hall decided nothing this year")
	}
	for _, r := range append(rep.Rows, rep.County) {
		if r.WorstLimit != 0 {
			t.Errorf("%s: worst case %s has a limit of %d working days without a deadline", r.Department, r.WorstCase, r.WorstLimit)
		}
	}
}
