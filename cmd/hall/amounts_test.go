package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/meeting/meetingtest"
)

// readyApart adds to the demo database at db a ready case applying for
// urban dibao (MZ-01, monthly) and temporary aid (MZ-06, one-off), puts it
// on the open session's agenda with every present member agreeing, and
// returns the session and the case numbers.
func readyApart(t *testing.T, db string) (session, number string) {
	t.Helper()
	st, cat := casefiletest.Open(t, db, casefile.Options{})
	defer st.Close()
	ms := meeting.New(st)
	codes := []string{"MZ-01", "MZ-06"}
	g := gen.New(cat, 7, casefile.DateOf(time.Now()))
	d := g.DraftFor(g.Person(30, 50), codes, 3)
	d.Documents = cat.RequiredDocuments(codes)
	c := meetingtest.Ready(t, st, g, d, osWho())
	heads, err := ms.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range heads {
		if h.Status == meeting.SessionOpen {
			session = h.Number
		}
	}
	if _, err := ms.BuildAgenda(session, meeting.AgendaFilter{Project: "MZ-06"}, osWho()); err != nil {
		t.Fatal(err)
	}
	meetingtest.AgreePresent(t, ms, session, c.Number, osWho())
	return session, c.Number
}

// A case granted 620.00 a month and 3,000.00 once: `session decide`,
// `session show` and `session list` (text and --json) give the two apart
// and never their sum 3,620.00.
func TestSessionMonthlyAndOneOffApart(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	mustHall(t, "--db", db, "demo")
	session, number := readyApart(t, db)
	args := []string{"--db", db, "session", "decide", session, number, "approve", "--amount", "MZ-01=620", "--amount", "MZ-06=3000", "--amount-reason", "按核查结果核定"}
	out, _, code := hall(t, args...)
	if code != 0 { // the rules proposed otherwise: the chair's final word
		out = mustHall(t, append(args, "--override", "--reason", "主持人最终意见")...)
	}
	never := func(what, s string) {
		t.Helper()
		if strings.Contains(s, "3,620.00") || strings.Contains(s, "3620.00") {
			t.Errorf("%s adds the monthly and the one-off amount:\n%s", what, s)
		}
	}
	if want := "核定 每月 620.00 元，一次性 3,000.00 元"; !strings.Contains(out, want) {
		t.Errorf("decide says %q, want %q", out, want)
	}
	never("decide", out)

	show := mustHall(t, "--db", db, "session", "show", session)
	for _, want := range []string{"决定：已批准，核定 每月 620.00 元，一次性 3,000.00 元", "核定 每月 620.00 元，一次性 3,000.00 元\n"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
	never("show", show)
	en := mustHall(t, "--db", db, "--lang", "en", "session", "show", session)
	if want := "granted 620.00 yuan a month, 3,000.00 yuan one-off"; !strings.Contains(en, want) {
		t.Errorf("English show lacks %q:\n%s", want, en)
	}
	never("English show", en)

	raw := mustHall(t, "--db", db, "session", "show", session, "--json")
	never("show --json", raw)
	var shown shownSession
	if err := json.Unmarshal([]byte(raw), &shown); err != nil {
		t.Fatal(err)
	}
	want := casefile.Amounts{Monthly: 62000, OneOff: 300000}
	if shown.Summary.Amounts != want {
		t.Errorf("summary amounts %+v, want %+v", shown.Summary.Amounts, want)
	}
	for _, it := range shown.Agenda {
		if it.Case == number && (it.Decision == nil || it.Decision.Amounts != want) {
			t.Errorf("decision of %s: %+v, want %+v", number, it.Decision, want)
		}
	}
	var keys struct {
		Agenda []struct {
			Decision map[string]any `json:"decision"`
		} `json:"agenda"`
		Summary map[string]any `json:"summary"`
	}
	if err := json.Unmarshal([]byte(raw), &keys); err != nil {
		t.Fatal(err)
	}
	if _, ok := keys.Summary["granted"]; ok {
		t.Error("show --json: the summary still has a mixed granted total")
	}
	for _, it := range keys.Agenda {
		if _, ok := it.Decision["granted"]; ok {
			t.Error("show --json: a decision still has a mixed granted total")
		}
	}

	raw = mustHall(t, "--db", db, "session", "list", "--json")
	never("list --json", raw)
	var list []map[string]any
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		t.Fatal(err)
	}
	for _, l := range list {
		if l["number"] != session {
			continue
		}
		if l["monthly"] != "620.00" || l["one_off"] != "3000.00" || l["granted"] != nil {
			t.Errorf("session list --json: %v; want monthly 620.00 and one_off 3000.00 apart, no granted", l)
		}
	}
	text := mustHall(t, "--db", db, "session", "list")
	never("list", text)
}
