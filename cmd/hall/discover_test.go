package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover"
	"github.com/rongjiuzhu/hall/casefile/discover/discovertest"
)

func TestDiscoverCommand(t *testing.T) {
	h := discovertest.Build(t)
	h.St.Close()
	db := []string{"--db", h.Path, "--lang", "en"}
	run := func(args ...string) string { return mustHall(t, append(db, args...)...) }

	var fs []discover.Finding
	if err := json.Unmarshal([]byte(run("discover", "--project", "MZ-01", "--json")), &fs); err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].Case != h.Low || fs[1].Case != h.Refused || fs[1].Refused == nil {
		t.Fatalf("MZ-01: %+v", fs)
	}
	text := run("discover", "--project", "MZ-01")
	for _, want := range []string{h.Low, "300.00", "790.00", "980.00 a month", "2026-11-20", "refused 2026-11-26", "2 households, 2 projects"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, h.Rich) || strings.Contains(text, h.Applied) || strings.Contains(text, h.Rural) {
		t.Errorf("text lists a household that does not qualify for MZ-01:\n%s", text)
	}

	path := filepath.Join(t.TempDir(), "found.xlsx")
	run("discover", "--out", path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Discovery", excelize.Options{RawCellValue: true})
	f.Close()
	// the CLI runs on today's clock: the income check of 2026-11-20 is
	// this many days old
	evidence, _ := casefile.ParseDate("2026-11-20")
	age := strconv.Itoa(evidence.DaysUntil(casefile.DateOf(time.Now())))
	households := map[string]bool{}
	for _, r := range rows[1:] {
		households[r[0]] = true
		if r[0] == h.Low && r[5] == "MZ-01" && (r[9] != "300" || r[10] != "790" || r[13] != age) {
			t.Errorf("the low household's MZ-01 row: %v", r)
		}
	}
	if len(households) != 4 || households[h.Rich] {
		t.Errorf("households in the file: %v", households)
	}

	out := run("discover", "--apply", h.Low, "MZ-01")
	if !strings.Contains(out, "outreach") {
		t.Errorf("apply: %s", out)
	}
	if err := json.Unmarshal([]byte(run("discover", "--project", "MZ-01", "--json")), &fs); err != nil || len(fs) != 1 {
		t.Errorf("after the application: %+v %v", fs, err)
	}
	if _, errs, code := hall(t, append(db, "discover", "--apply", h.Rich, "MZ-01")...); code != exitFailed || !strings.Contains(errs, "not on the discovery list") {
		t.Errorf("applying for the rich household: exit %d %s", code, errs)
	}
	for _, bad := range [][]string{{"discover", "--project", "XX-99"}, {"discover", "--apply", h.Low}, {"discover", "--out", "x.pdf"}} {
		if _, _, code := hall(t, append(db, bad...)...); code != exitUsage {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
}
