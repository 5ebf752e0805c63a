package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover/discovertest"
	"github.com/rongjiuzhu/hall/casefile/pairing"
)

func TestHelpersCommands(t *testing.T) {
	h := discovertest.Build(t)
	// a household with a left-behind child of nine
	gran := casefile.Person{DocType: casefile.DocResidentID, DocNumber: "610602195604120022", Name: "周桂兰", Sex: casefile.Female,
		Birth: casefile.Date{Year: 1956, Month: 4, Day: 12}}
	child := casefile.Person{DocType: casefile.DocBirthCert, DocNumber: "O20170601", Name: "周小雨",
		Birth: casefile.Date{Year: 2017, Month: 6, Day: 1}, GuardianName: "周桂兰"}
	c, err := h.St.Intake(&casefile.Draft{Applicant: gran, Channel: casefile.ChannelWindow, Apps: []casefile.Application{{Project: "MZ-02"}},
		Household: casefile.Household{Area: casefile.Rural, Members: []casefile.Member{{Person: gran, Relation: casefile.RelationSelf},
			{Person: child, Relation: "孙子女"}}}}, discovertest.Desk)
	if err != nil {
		t.Fatal(err)
	}
	h.St.Close()
	db := []string{"--db", h.Path, "--lang", "en"}
	run := func(args ...string) string { return mustHall(t, append(db, args...)...) }

	if out := run("helpers", "add", "刘书记", "--kind", "leader", "--unit", "县民政局"); !strings.Contains(out, "helper 1") {
		t.Errorf("add: %s", out)
	}
	run("helpers", "add", "马老板", "--kind", "entrepreneur")
	run("helpers", "pair", "1", c.Number, "--category", "left_behind", "--child", "周小雨", "--since", "2026-09-01")
	run("helpers", "pair", "2", h.Low, "--category", "household", "--since", "2026-11-01")
	run("helpers", "visit", "1", "--date", "2026-10-20", "--money", "300", "--goods", "书包", "--note", "看望")
	out := run("helpers", "list")
	if !strings.Contains(out, "周**") || strings.Contains(out, "周小雨") || !strings.Contains(out, "left-behind child") {
		t.Errorf("list does not mask the child:\n%s", out)
	}
	// the CLI runs on today's clock: both pairings are long unvisited by
	// now, the child's since 2026-10-20, the household's since 2026-11-01
	var od []pairing.Row
	if err := json.Unmarshal([]byte(run("helpers", "overdue", "--days", "10", "--json")), &od); err != nil {
		t.Fatal(err)
	}
	if len(od) != 2 || od[0].Pairing.Seq != 1 || od[0].Support != casefile.Yuan(300) || od[0].Pairing.Child != "周**" {
		t.Errorf("overdue: %+v", od)
	}
	if err := json.Unmarshal([]byte(run("helpers", "overdue", "--days", "100000", "--json")), &od); err != nil || len(od) != 0 {
		t.Errorf("overdue by 100000 days: %+v %v", od, err)
	}
	for _, bad := range [][]string{
		{"helpers", "add", "张三", "--kind", "boss"},
		{"helpers", "pair", "x", c.Number, "--category", "household"},
		{"helpers", "pair", "1", c.Number, "--category", "orphanage"},
		{"helpers", "visit", "1"},
		{"helpers", "visit", "1", "--note", "n", "--money", "lots"},
	} {
		if _, _, code := hall(t, append(db, bad...)...); code != exitUsage {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
	if _, _, code := hall(t, append(db, "helpers", "pair", "1", c.Number, "--category", "left_behind", "--child", "周桂兰")...); code != exitFailed {
		t.Errorf("pairing an adult as a child: exit %d", code)
	}
}
