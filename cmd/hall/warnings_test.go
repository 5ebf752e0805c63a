package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile/discover/discovertest"
	"github.com/rongjiuzhu/hall/casefile/warning"
)

func TestWarningsCommands(t *testing.T) {
	h := discovertest.Build(t)
	h.St.Close()
	db := []string{"--db", h.Path, "--lang", "en"}
	run := func(args ...string) string { return mustHall(t, append(db, args...)...) }

	// a bill leaving 60 % to pay, and the scan that finds it
	run("case", "evidence", h.Low, "--kind", "medical_bill", "--source", "medical_insurance", "--date", "2026-11-25",
		"--set", "medical_total=50000", "--set", "insurance_paid=20000", "--set", "compliant_oop=25000")
	out := run("warnings", "scan")
	if !strings.Contains(out, "1 new warnings") || !strings.Contains(out, "heavy medical out-of-pocket costs") {
		t.Fatalf("scan:\n%s", out)
	}
	if out := run("warnings", "scan"); !strings.Contains(out, "0 new warnings") {
		t.Errorf("second scan:\n%s", out)
	}
	out = run("warnings", "event", h.Rural, "--kind", "job_loss", "--date", "2026-11-20", "--note", "laid off")
	if !strings.Contains(out, "1 warnings raised") || !strings.Contains(out, "County Human Resources") {
		t.Errorf("event:\n%s", out)
	}
	var ws []warning.Warning
	if err := json.Unmarshal([]byte(run("warnings", "--department", "medical_insurance", "--json")), &ws); err != nil {
		t.Fatal(err)
	}
	if len(ws) != 1 || ws[0].Event.Case != h.Low || ws[0].Rule != "medical_heavy" {
		t.Fatalf("medical insurance's warnings %+v", ws)
	}
	run("warnings", "handle", "1", "--action", "applied", "--note", "medical assistance application taken")
	if out := run("warnings"); strings.Contains(out, h.Low) || !strings.Contains(out, h.Rural) {
		t.Errorf("open warnings after handling:\n%s", out)
	}
	if out := run("warnings", "--all"); !strings.Contains(out, "policy applied: medical assistance application taken") {
		t.Errorf("--all:\n%s", out)
	}
	for _, bad := range [][]string{
		{"warnings", "--department", "nowhere"},
		{"warnings", "event", h.Rural, "--kind", "flood"},
		{"warnings", "handle", "2", "--action", "ignored", "--note", "x"},
		{"warnings", "handle", "2", "--action", "no_action"},
	} {
		if _, _, code := hall(t, append(db, bad...)...); code != exitUsage {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
	if _, _, code := hall(t, append(db, "warnings", "handle", "1", "--action", "applied", "--note", "again")...); code != exitFailed {
		t.Errorf("handling twice: exit %d", code)
	}
}
