package langcheck

import (
	"strings"
	"testing"
)

// check runs the checker on one file, casefile/x.go, and returns the
// problems as "line: reason" strings.
func check(t *testing.T, src string) []string {
	t.Helper()
	return checkFiles2(t, map[string]string{"casefile/x.go": src})
}

func checkFiles2(t *testing.T, srcs map[string]string) []string {
	t.Helper()
	probs, err := CheckSources(srcs)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range probs {
		out = append(out, p.String())
	}
	return out
}

const helpers = `package casefile

type Text struct{ ZH, EN string }

func T(zh, en string, args ...any) Text { return Text{} }

type Error struct{}

func (e *Error) Withf(zh, en string, args ...any) *Error { return e }

func newError(code, zh, en string) *Error { return nil }
`

func TestCheckFindsProblems(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // substrings of the problems, in order
	}{
		{"missing English", `var a = T("你好", "")`, []string{"casefile/x.go:13: T: English is missing"}},
		{"missing English in a literal", `var a = Text{ZH: "你好"}`, []string{"casefile/x.go:13: Text{}: English is missing"}},
		{"missing Chinese", `var a = Text{"", "hello"}`, []string{"Chinese is missing"}},
		{"Chinese in English", `var a = T("你好", "hello 你好")`, []string{`English "hello 你好" contains Chinese "你"`}},
		{"full-width comma in English", `var a = T("你好，%s", "hello，%s", 1)`, []string{`contains Chinese "，"`}},
		{"English on the Chinese side", `var a = T("hello", "hello there")`, []string{`Chinese "hello" has no Chinese in it`}},
		{"verb mismatch", `var a = T("%s 有 %d 个", "%d of %s", 1, 2)`, []string{"printf verbs differ: Chinese [1:s 2:d], English [1:d 2:s]"}},
		{"one verb missing", `var e = (*Error)(nil).Withf("%s：%s", "%s", 1, 2)`, []string{"Withf: printf verbs differ"}},
		{"positional trick", `var e = (*Error)(nil).Withf("%[1]s「%[2]s」", "%[1]s %[3]s", 1, 2, 3)`, []string{"printf verbs differ: Chinese [1:s 2:s], English [1:s 3:s]"}},
		{"newError", `var e = newError("x", "错", "wrong 错")`, []string{"newError: English"}},
		{"elided Text in a map", `var m = map[int]Text{1: {"是", ""}}`, []string{"English is missing"}},
		{"Sprintf sides", `var a = Text{ZH: fmt.Sprintf("%d 元", 1), EN: fmt.Sprintf("%s yuan", 1)}`, []string{"printf verbs differ"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, helpers+"\n"+tc.src+"\n")
			if len(got) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

func TestCheckAcceptsGoodPairs(t *testing.T) {
	src := helpers + `
var (
	a = T("你好，%s", "hello, %s", "x")
	b = T("%s：%v", "%s: %v", 1, 2)    // Chinese punctuation is Chinese
	c = T("%s", "%s", 1)              // a bare format
	d = T("第 %[2]d 页，共 %[1]d 页", "page %[2]d of %[1]d", 1, 2)
	e = T("%d%%", "%d%%", 5)
	f = Text{ZH: "是", EN: "yes"}
	g = Text{}
	h = map[string]Text{"a": {"甲", "A"}}
	i = T(name, "x") // not a literal: the Chinese side is not judged
)
`
	if got := check(t, src); len(got) != 0 {
		t.Errorf("problems in good pairs:\n%s", strings.Join(got, "\n"))
	}
}

func TestCheckLabelTables(t *testing.T) {
	srcs := map[string]string{
		"tui/a.go": `package tui

var labels = map[string][2]string{
	"home.title": {"首页", "Home"},
	"home.bad":   {"坏", "bad 坏"},
	"home.none":  {"无", ""},
	"home.verbs": {"%d 个", "%s items"},
}

func tr(lang, key string) string { return "" }

type Common struct{}

func (c *Common) T(key string) string               { return "" }
func (c *Common) Tf(key string, args ...any) string { return "" }

func use(c *Common) {
	_ = c.T("home.title")
	_ = c.T("home.missing")
	_ = c.Tf("home.gone", 1)
	_ = tr("zh", "home.lost")
	_ = c.T(computed)
}
`,
		"tui/b.go": `package tui

var meetingLabels = map[string][2]string{
	"home.title": {"首页", "Home"},
}
`,
	}
	got := checkFiles2(t, srcs)
	want := []string{
		`tui/a.go:5: label "home.bad": English "bad 坏" contains Chinese`,
		`tui/a.go:6: label "home.none": English is missing`,
		`tui/a.go:7: label "home.verbs": printf verbs differ`,
		`tui/a.go:19: label "home.missing" is not defined`,
		`tui/a.go:20: label "home.gone" is not defined`,
		`tui/a.go:21: label "home.lost" is not defined`,
		`tui/b.go:4: label "home.title" defined twice (first at tui/a.go:4)`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("problem %d = %q, want it to start with %q", i, got[i], w)
		}
	}
}

func TestVerbs(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"%s 和 %d", "%s and %d"},
		{"%-14s|%5.2f", "%s|%f"},
		{"%[2]s %[1]s", "%[2]s, %[1]s"},
		{"%[1]s %[2]d", "%s %d"},
		{"%*d", "%*d"},
	} {
		if verbs(tc.a) != verbs(tc.b) {
			t.Errorf("verbs(%q) = %s, verbs(%q) = %s; want equal", tc.a, verbs(tc.a), tc.b, verbs(tc.b))
		}
	}
	if verbs("%s %d") == verbs("%d %s") {
		t.Error("verbs in another order compare equal")
	}
}
