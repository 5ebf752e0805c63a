package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// shownSession is what the test reads of `hall session show --json`.
type shownSession struct {
	Number  string   `json:"number"`
	Status  string   `json:"status"`
	Present []uint64 `json:"present"`
	Members []struct {
		ID   uint64 `json:"id"`
		Name string `json:"name"`
		Role string `json:"role"`
	} `json:"members"`
	Agenda []struct {
		Case string `json:"case"`
		Apps []struct {
			Project string               `json:"project"`
			Kind    casefile.ProjectKind `json:"kind"`
			Dedup   string               `json:"dedup"`
			Outcome string               `json:"outcome"`
			Granted casefile.Money       `json:"granted"`
			Reason  string               `json:"reason"`
		} `json:"applications"`
		Votes []struct {
			Name   string `json:"name"`
			Choice string `json:"choice"`
			Reason string `json:"reason"`
		} `json:"votes"`
		Recusals []struct {
			Name   string `json:"name"`
			Reason string `json:"reason"`
		} `json:"recusals"`
		Decision *struct {
			Result  string           `json:"result"`
			Amounts casefile.Amounts `json:"amounts"`
			Reason  string           `json:"reason"`
			Verify  []string         `json:"verify"`
		} `json:"decision"`
	} `json:"agenda"`
	Summary struct {
		Approved     int              `json:"approved"`
		Rejected     int              `json:"rejected"`
		Deferred     int              `json:"deferred"`
		Amounts      casefile.Amounts `json:"amounts"`
		ByDepartment []struct {
			Key     string           `json:"key"`
			Amounts casefile.Amounts `json:"amounts"`
		} `json:"by_department"`
	} `json:"summary"`
}

func TestSessionCommandsOnTheDemo(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "--db", db, "demo")

	var list []sessionLine
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "session", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	var closed, open *sessionLine
	for i := range list {
		switch list[i].Status {
		case "closed":
			closed = &list[i]
		case "open":
			open = &list[i]
		}
	}
	if closed == nil || open == nil {
		t.Fatalf("want a closed and an open session, got %+v", list)
	}
	if closed.Items == 0 || closed.Decided != closed.Items || closed.Approved == 0 || closed.Rejected == 0 ||
		closed.Deferred == 0 || closed.Amounts.IsZero() {
		t.Fatalf("closed session %+v: want every case decided, some approved, rejected and deferred, money granted", closed)
	}
	if open.Items == 0 || open.Decided != 0 || open.Present <= open.Members/2 {
		t.Fatalf("open session %+v: want an agenda, nothing decided, a quorum present", open)
	}

	var shown shownSession
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "session", "show", closed.Number, "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.Number != closed.Number || len(shown.Agenda) != closed.Items || len(shown.Present) == 0 {
		t.Fatalf("show %s: %d items, %d present", shown.Number, len(shown.Agenda), len(shown.Present))
	}
	var granted casefile.Amounts
	reasons, recusals := 0, 0
	for _, it := range shown.Agenda {
		d := it.Decision
		if d == nil {
			t.Fatalf("%s has no decision in a closed session", it.Case)
		}
		switch d.Result {
		case "approved":
			var sum casefile.Amounts
			for _, a := range it.Apps {
				if a.Outcome == "granted" {
					sum.Add(a.Kind, a.Granted)
				}
			}
			if sum != d.Amounts {
				t.Errorf("%s: applications grant %+v, the decision says %+v", it.Case, sum, d.Amounts)
			}
			granted = granted.Plus(d.Amounts)
		case "rejected":
			if d.Reason == "" {
				t.Errorf("%s rejected without a reason", it.Case)
			}
			for _, a := range it.Apps {
				if a.Outcome != "declined" || a.Reason == "" {
					t.Errorf("%s: application %+v of a rejected case", it.Case, a)
				}
			}
		case "deferred":
			if len(d.Verify) == 0 {
				t.Errorf("%s deferred without what to verify", it.Case)
			}
		default:
			t.Errorf("%s: result %q", it.Case, d.Result)
		}
		if len(it.Votes) == 0 {
			t.Errorf("%s decided without votes", it.Case)
		}
		for _, v := range it.Votes {
			if v.Choice != "agree" {
				if v.Reason == "" {
					t.Errorf("%s: %s votes %s without a reason", it.Case, v.Name, v.Choice)
				}
				reasons++
			}
		}
		for _, r := range it.Recusals {
			if r.Reason == "" {
				t.Errorf("%s: %s recused without a reason", it.Case, r.Name)
			}
			recusals++
		}
	}
	if granted.IsZero() || granted != shown.Summary.Amounts || reasons == 0 || recusals == 0 {
		t.Fatalf("granted %+v (summary %+v), %d reasoned votes, %d recusals", granted, shown.Summary.Amounts, reasons, recusals)
	}
	if len(shown.Summary.ByDepartment) == 0 {
		t.Fatal("no amounts by department")
	}
	text := mustHall(t, "--db", db, "session", "show", closed.Number)
	if !strings.Contains(text, "综合研判会 "+closed.Number) || !strings.Contains(text, "已闭会") || !strings.Contains(text, "理由") {
		t.Fatalf("text show:\n%s", text)
	}

	// Run the open session as a script would.
	var next shownSession
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "session", "show", open.Number, "--json")), &next); err != nil {
		t.Fatal(err)
	}
	// the first case with something to grant, and another left undecided
	var cs, left string
	for _, it := range next.Agenda {
		grantable := false
		for _, a := range it.Apps {
			grantable = grantable || a.Dedup != "decline"
		}
		switch {
		case grantable && cs == "":
			cs = it.Case
		case left == "":
			left = it.Case
		}
	}
	var voters []string
	for _, m := range next.Members {
		for _, p := range next.Present {
			if p == m.ID && m.Role != "secretary" {
				voters = append(voters, m.Name)
			}
		}
	}
	_, errs, code := hall(t, "--db", db, "session", "vote", open.Number, cs, voters[0], "disagree")
	if code == 0 || !strings.Contains(errs, "必须填写理由") {
		t.Fatalf("disagree without a reason: exit %d, %q", code, errs)
	}
	_, errs, code = hall(t, "--db", db, "--lang", "en", "session", "vote", open.Number, cs, voters[0], "abstain")
	if code == 0 || !strings.Contains(errs, "a reason is required") {
		t.Fatalf("abstain without a reason in English: exit %d, %q", code, errs)
	}
	mustHall(t, "--db", db, "session", "vote", open.Number, cs, voters[0], "abstain", "--reason", "本部门未掌握该户情况")
	for _, v := range voters[1:] {
		mustHall(t, "--db", db, "session", "vote", open.Number, cs, v, "agree")
	}
	out := mustHall(t, "--db", db, "session", "decide", open.Number, cs, "approve")
	if !strings.Contains(out, "已决定 "+cs) {
		t.Fatalf("decide: %q", out)
	}
	_, errs, code = hall(t, "--db", db, "session", "close", open.Number)
	if code == 0 || !strings.Contains(errs, "未作决定") {
		t.Fatalf("close with undecided cases: exit %d, %q", code, errs)
	}
	out = mustHall(t, "--db", db, "session", "close", open.Number, "--leave-undecided")
	if !strings.Contains(out, "已闭会") || !strings.Contains(out, left) {
		t.Fatalf("close: %q", out)
	}
	_, errs, code = hall(t, "--db", db, "session", "vote", open.Number, left, voters[0], "agree")
	if code == 0 || !strings.Contains(errs, "研判会已闭会") {
		t.Fatalf("vote in a closed session: exit %d, %q", code, errs)
	}
	var c struct {
		Status   string `json:"status"`
		Decision struct {
			Session string `json:"session"`
		} `json:"decision"`
	}
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "case", "show", cs, "--json")), &c); err != nil {
		t.Fatal(err)
	}
	if c.Status != "approved" || c.Decision.Session != open.Number {
		t.Fatalf("case %s after the decision: %+v", cs, c)
	}
}
