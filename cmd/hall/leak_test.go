package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

// secret is what masking hides of one person: the full number and phone,
// and every form in which the hidden digits of either could be read.
type secret struct {
	who      string
	needles  []string // none of these may appear in masked output
	idNumber string
}

// secretsOf lists the hidden parts of every person on every case.
func secretsOf(t *testing.T, db string) []secret {
	t.Helper()
	cat, err := casefile.LoadCatalogFrom("")
	if err != nil {
		t.Fatal(err)
	}
	st, err := casefile.Open(db, cat, casefile.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	seen := map[string]bool{}
	var out []secret
	add := func(p casefile.Person) {
		if seen[p.Key()] {
			return
		}
		seen[p.Key()] = true
		s := secret{who: p.Name}
		if n := p.DocNumber; len(n) == 18 {
			// the hidden digits of a resident number are its birth date
			hidden := n[6:14]
			s.idNumber = n
			s.needles = append(s.needles, n, n[:14], hidden, hidden[:4]+"-"+hidden[4:6]+"-"+hidden[6:], n[6:])
		} else if n != "" {
			s.needles = append(s.needles, n)
		}
		if !p.Birth.IsZero() {
			s.needles = append(s.needles, p.Birth.String())
		}
		if ph := p.Phone; len(ph) == 11 {
			s.needles = append(s.needles, ph, ph[:7], ph[3:])
		}
		if g := p.GuardianDoc; len(g) >= 8 {
			s.needles = append(s.needles, g)
		}
		out = append(out, s)
	}
	err = st.View(func(tx *casefile.Tx) error {
		cases, _, err := tx.Cases(casefile.CaseFilter{Limit: 100000})
		for _, c := range cases {
			add(c.Applicant)
			for _, m := range c.Household.Members {
				add(m.Person)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 40 {
		t.Fatalf("only %d people in the demo", len(out))
	}
	return out
}

// jsonCommands lists every command path of the CLI that has a --json flag.
func jsonCommands(cmd *cobra.Command) []string {
	var out []string
	if cmd.Flags().Lookup("json") != nil {
		out = append(out, strings.TrimPrefix(cmd.CommandPath(), "hall "))
	}
	for _, c := range cmd.Commands() {
		out = append(out, jsonCommands(c)...)
	}
	return out
}

// revealingKeys are JSON keys whose value, next to a masked number, gives
// its hidden digits away (the birth date, the age; a person's store key
// holds the number or the birth date, which the needles catch).
var revealingKeys = []string{"birth", "birth_date", "age"}

// walkJSON calls fn with every object key and its value in v.
func walkJSON(v any, path string, fn func(path, key string, val any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			fn(path, k, val)
			walkJSON(val, path+"."+k, fn)
		}
	case []any:
		for i, val := range x {
			walkJSON(val, fmt.Sprintf("%s[%d]", path, i), fn)
		}
	}
}

// TestJSONOutputsHideMaskedDigits walks every --json output of the CLI on
// the demo hall (every case, every session) and finds in none of them a
// hidden digit of a masked ID number or phone: not the full number, not
// the birth date its hidden digits are, not an age or key beside it.
func TestJSONOutputsHideMaskedDigits(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "demo", "--db", db)
	secrets := secretsOf(t, db)

	var cases []struct{ Number string }
	if err := json.Unmarshal([]byte(mustHall(t, "cases", "--db", db, "--json", "--limit", "1000")), &cases); err != nil {
		t.Fatal(err)
	}
	var sessions []struct {
		Number string
		Status string
	}
	if err := json.Unmarshal([]byte(mustHall(t, "session", "list", "--db", db, "--json")), &sessions); err != nil {
		t.Fatal(err)
	}
	runs := map[string][][]string{
		"cases":              {{"cases", "--json", "--limit", "1000"}},
		"dedup":              {{"dedup", "--json"}},
		"catalog":            {{"catalog", "--json"}},
		"version":            {{"version", "--json"}},
		"session list":       {{"session", "list", "--json"}},
		"session committee":  {{"session", "committee", "--json"}},
		"discover":           {{"discover", "--json"}},
		"followups":          {{"followups", "--json"}},
		"helpers list":       {{"helpers", "list", "--json"}},
		"helpers overdue":    {{"helpers", "overdue", "--days", "0", "--json"}},
		"report departments": {{"report", "departments", "--period", "2026", "--json"}},
		"warnings":           {{"warnings", "--json"}},
		"publicity list":     {{"publicity", "list", "--json"}},
		"review due":         {{"review", "due", "--before", "2027-12-31", "--json"}},
		"roster":             {{"roster", "2026-12", "--json"}},
	}
	// give the lists of warnings and follow-ups something to show
	mustHall(t, "warnings", "scan", "--db", db)
	mustHall(t, "case", "rate", cases[0].Number, "--score", "1", "--channel", "phone", "--comment", "等了很久", "--db", db)
	for _, c := range cases {
		runs["case show"] = append(runs["case show"], []string{"case", "show", c.Number, "--json"})
		runs["aid history"] = append(runs["aid history"], []string{"aid", "history", c.Number, "--json"})
	}
	for _, s := range sessions {
		runs["session show"] = append(runs["session show"], []string{"session", "show", s.Number, "--json"})
		if s.Status != "closed" {
			runs["session agenda"] = append(runs["session agenda"], []string{"session", "agenda", s.Number, "--json"})
		}
	}
	for _, path := range jsonCommands((&app{}).newRootCommand()) {
		if len(runs[path]) == 0 {
			t.Errorf("hall %s has --json but this test does not run it", path)
		}
	}
	paths := make([]string, 0, len(runs))
	for p := range runs {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		for _, args := range runs[p] {
			out := mustHall(t, append(args, "--db", db)...)
			var v any
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatalf("hall %s: not JSON: %v", strings.Join(args, " "), err)
			}
			walkJSON(v, "", func(path, key string, val any) {
				if slices.Contains(revealingKeys, key) && val != nil && val != "" && val != float64(0) {
					t.Errorf("hall %s: %s.%s = %v beside masked numbers", strings.Join(args, " "), path, key, val)
				}
			})
			for _, s := range secrets {
				for _, n := range s.needles {
					if strings.Contains(out, n) {
						t.Errorf("hall %s: shows %q, hidden digits of %s", strings.Join(args, " "), n, s.who)
					}
				}
			}
		}
	}
	// the reveal still shows what it reveals
	out := mustHall(t, "case", "show", cases[0].Number, "--json", "--reveal", "--db", db)
	if !strings.Contains(out, `"birth": "`) {
		t.Errorf("case show --reveal lost the birth date:\n%s", out)
	}
}

// TestDatabaseFileTightened: a database others may read (0644, as a copy
// made with cp under a loose umask is) is made private on the next open,
// and the user is told; a new one is created 0600.
func TestDatabaseFileTightened(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "cases", "--db", db)
	if fi, err := os.Stat(db); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("new database: %v %v, want 0600", fi.Mode(), err)
	}
	if err := os.Chmod(db, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := hall(t, "cases", "--db", db)
	if code != 0 || !strings.Contains(errs, "已改为仅所有者可读（0600）") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if fi, _ := os.Stat(db); fi.Mode().Perm() != 0o600 {
		t.Errorf("after the open the file is %v, want 0600", fi.Mode())
	}
}

// TestKioskInTmux runs scripts/e2e-kiosk.sh: the real binary as a kiosk
// left idle shows no applicant data, and ctrl+c does not end it.
func TestKioskInTmux(t *testing.T) {
	e2eScript(t, "e2e-kiosk.sh", 2*time.Minute)
}
