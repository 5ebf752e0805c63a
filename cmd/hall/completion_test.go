package main

import (
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// completions runs hall __complete args and returns the values offered
// with their descriptions.
func completions(t *testing.T, args ...string) map[string]string {
	t.Helper()
	out := mustHall(t, append([]string{"__complete"}, args...)...)
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(line, ":") {
			continue // the directive
		}
		v, desc, _ := strings.Cut(line, "\t")
		got[v] = desc
	}
	return got
}

func TestCompletion(t *testing.T) {
	t.Setenv("HALL_LANG", "")
	got := completions(t, "cases", "--status", "")
	for _, s := range casefile.Statuses {
		if got[string(s)] != s.Label(casefile.ZH) {
			t.Errorf("--status: %s offered as %q, want %q", s, got[string(s)], s.Label(casefile.ZH))
		}
	}
	if len(got) != len(casefile.Statuses) {
		t.Errorf("--status offers %v", got)
	}
	if got := completions(t, "--lang", "en", "cases", "--status", ""); got["approved"] != "approved" {
		t.Errorf("--status in English: %v", got)
	}
	if got := completions(t, "--lang", ""); got["zh"] == "" || got["en"] == "" || len(got) != 2 {
		t.Errorf("--lang: %v", got)
	}
	got = completions(t, "user", "add", "li", "--role", "")
	for _, r := range casefile.Roles {
		if got[string(r)] != r.Label(casefile.ZH) {
			t.Errorf("--role: %s offered as %q", r, got[string(r)])
		}
	}
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"cases", "--project", ""}, {"--lang=en", "session", "agenda", "YH2026-001", "--project", ""}} {
		got = completions(t, args...)
		lang := preLang(args, "")
		if len(got) != len(cat.Projects) {
			t.Errorf("%v: %d projects offered, want %d", args, len(got), len(cat.Projects))
		}
		for _, p := range cat.Projects {
			if got[p.Code] != p.Label(lang) {
				t.Errorf("%v: %s offered as %q, want %q", args, p.Code, got[p.Code], p.Label(lang))
			}
		}
	}
}

func TestPreLang(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  string
		want casefile.Lang
	}{
		{nil, "", casefile.ZH},
		{nil, "en", casefile.EN},
		{[]string{"cases", "--lang", "en"}, "", casefile.EN},
		{[]string{"--lang=en", "cases"}, "zh", casefile.EN},
		{[]string{"--lang", "zh"}, "en", casefile.ZH},
		{[]string{"--lang", "fr"}, "en", casefile.ZH}, // refused when the command runs
		{[]string{"case", "show", "--", "--lang=en"}, "", casefile.ZH},
	} {
		if got := preLang(c.args, c.env); got != c.want {
			t.Errorf("preLang(%q, %q) = %s, want %s", c.args, c.env, got, c.want)
		}
	}
}
