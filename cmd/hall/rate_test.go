package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/casefile/report"
)

func TestCaseRateAndFollowUps(t *testing.T) {
	h := reportHall(t)
	db := []string{"--db", h.Path, "--lang", "en"}
	run := func(args ...string) string { return mustHall(t, append(db, args...)...) }

	out := run("case", "rate", h.G, "--score", "2", "--channel", "phone", "--comment", "waited too long")
	if !strings.Contains(out, "rated 2 (by phone), counted for County Charity Association") || !strings.Contains(out, "follow-up 4 opened") {
		t.Errorf("rate:\n%s", out)
	}
	out = run("case", "rate", h.F, "--score", "5", "--channel", "window")
	if !strings.Contains(out, "Civil Affairs") || !strings.Contains(out, "Education") || !strings.Contains(out, "Youth") || strings.Contains(out, "follow-up") {
		t.Errorf("rate F:\n%s", out)
	}
	// open follow-ups: C's 1 (from the builder) and G's 2
	var items []feedback.FollowUp
	if err := json.Unmarshal([]byte(run("followups", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Case != h.C || items[1].Case != h.G || items[1].Score != 2 {
		t.Fatalf("follow-ups %+v", items)
	}
	run("followups", "close", "4", "--note", "called back, explained the delay")
	if err := json.Unmarshal([]byte(run("followups", "--json")), &items); err != nil || len(items) != 1 || items[0].Case != h.C {
		t.Errorf("after closing: %+v %v", items, err)
	}
	// the history of G records both, in one entry each
	show := run("case", "show", h.G, "--json")
	if strings.Count(show, `"action": "rating"`) != 2 || !strings.Contains(show, "waited too long") {
		t.Errorf("G's history lacks the rating entries:\n%s", show)
	}
	// the report counts the new ratings for the departments of the cases
	var rep report.Departments
	if err := json.Unmarshal([]byte(run("report", "departments", "--period", "2026", "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Rows {
		if r.Department == "charity" && (r.Ratings != 1 || r.RatingSum != 2) {
			t.Errorf("charity ratings %d/%d", r.Ratings, r.RatingSum)
		}
		if r.Department == "youth_league" && (r.Ratings != 1 || r.RatingSum != 5) {
			t.Errorf("youth league ratings %d/%d", r.Ratings, r.RatingSum)
		}
	}
	if rep.County.Ratings != 5 || rep.County.RatingSum != 5+4+1+2+5 {
		t.Errorf("county ratings %d/%d", rep.County.Ratings, rep.County.RatingSum)
	}

	for _, bad := range [][]string{
		{"case", "rate", h.A, "--score", "6", "--channel", "phone"},
		{"case", "rate", h.A, "--score", "3", "--channel", "email"},
		{"followups", "close", "x", "--note", "n"},
		{"followups", "close", "1"},
	} {
		if _, _, code := hall(t, append(db, bad...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, exitUsage)
		}
	}
	if _, _, code := hall(t, append(db, "case", "rate", "2026-999999", "--score", "3", "--channel", "phone")...); code != exitFailed {
		t.Errorf("unknown case: exit %d", code)
	}
	if _, _, code := hall(t, append(db, "followups", "close", "4", "--note", "again")...); code != exitFailed {
		t.Errorf("closing a closed follow-up: exit %d", code)
	}
}

// TestRateOnScreen: the applicant presses 4 and enter on the desk's
// terminal, the clerk any key; what the command prints for the clerk does
// not name the score, and the rating is stored.
func TestRateOnScreen(t *testing.T) {
	h := reportHall(t)
	out, errs, code := hallWith(t, "4\rx", "--db", h.Path, "--lang", "en", "case", "rate", h.G, "--screen")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "\x1b[?1049h") || !strings.Contains(errs, h.G+": the rating is recorded") || strings.Contains(errs, "4") && strings.Contains(errs, "score") {
		t.Errorf("out %q\nerr %q", out, errs)
	}
	var rep report.Departments
	if err := json.Unmarshal([]byte(mustHall(t, "--db", h.Path, "report", "departments", "--period", "2026", "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.County.Ratings != 4 || rep.County.RatingSum != 5+4+1+4 {
		t.Errorf("ratings %d/%d", rep.County.Ratings, rep.County.RatingSum)
	}
	// ctrl+c: nothing stored
	if _, errs, code := hallWith(t, "\x03", "--db", h.Path, "--lang", "en", "case", "rate", h.G, "--screen"); code != 0 || !strings.Contains(errs, "not rated") {
		t.Errorf("esc: exit %d %q", code, errs)
	}
}
