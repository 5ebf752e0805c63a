package casefile

import (
	"strings"
	"testing"
	"time"
	"unicode"
)

// labelCase is one value of an enumeration, its raw key and its label.
type labelCase struct {
	key   string
	label func(Lang) string
}

// enumCases adds the values vs of the enumeration enum to out.
func enumCases[T interface {
	~string
	Labeler
}](out map[string][]labelCase, enum string, vs ...T) {
	for _, v := range vs {
		out[enum] = append(out[enum], labelCase{string(v), v.Label})
	}
}

func labelCases() map[string][]labelCase {
	out := map[string][]labelCase{}
	enumCases(out, "Sex", Male, Female)
	enumCases(out, "DocType", DocTypes...)
	enumCases(out, "Area", Areas...)
	enumCases(out, "Channel", Channels...)
	enumCases(out, "Status", Statuses...)
	enumCases(out, "Outcome", Outcomes...)
	enumCases(out, "EvidenceKind", EvidenceKinds...)
	enumCases(out, "Severity", Severities...)
	enumCases(out, "FindingKind", FindingKinds...)
	enumCases(out, "ProjectKind", ProjectKinds()...)
	enumCases(out, "Role", Roles...)
	enumCases(out, "Perm", Perms...)
	return out
}

// TestEnumLabels: every value of every enumeration has a label in both
// languages; the Chinese one is Chinese and never the raw key, the
// English one has no Chinese and is not the raw key where the key is no
// English word ("income_check" reads "income check").
func TestEnumLabels(t *testing.T) {
	for enum, cases := range labelCases() {
		seen := map[Lang]map[string]string{ZH: {}, EN: {}}
		for _, c := range cases {
			zh, en := c.label(ZH), c.label(EN)
			if zh == "" || en == "" {
				t.Errorf("%s %q: label zh=%q en=%q, want both", enum, c.key, zh, en)
				continue
			}
			if zh == c.key || !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s %q: Chinese label %q is not Chinese", enum, c.key, zh)
			}
			if strings.ContainsFunc(en, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s %q: English label %q has Chinese in it", enum, c.key, en)
			}
			if en == c.key && strings.ContainsAny(c.key, "_-") {
				t.Errorf("%s %q: English label is the raw key", enum, c.key)
			}
			for lang, l := range map[Lang]string{ZH: zh, EN: en} {
				if other, dup := seen[lang][l]; dup {
					t.Errorf("%s: %q and %q share the %s label %q", enum, other, c.key, lang, l)
				}
				seen[lang][l] = c.key
			}
		}
	}
}

// TestLabelersSpeakInT: an enumeration value passed to T is put in each
// side in that side's language.
func TestLabelersSpeakInT(t *testing.T) {
	got := T("%s 为「%s」，%s", "%s is %s, %s", "2026-000001", StatusReady, Text{ZH: "是", EN: "yes"})
	want := Text{ZH: "2026-000001 为「待研判」，是", EN: "2026-000001 is ready, yes"}
	if got != want {
		t.Errorf("T = %+v, want %+v", got, want)
	}
	err := ErrBadTransition.Withf("不能从「%s」转为「%s」", "cannot move from %s to %s", StatusReceived, StatusApproved)
	if m := err.Message(ZH); !strings.Contains(m, "不能从「已受理」转为「已批准」") {
		t.Errorf("Chinese message %q", m)
	}
	if m := err.Message(EN); !strings.Contains(m, "cannot move from received to approved") {
		t.Errorf("English message %q", m)
	}
}

func TestDedupPeriodLabel(t *testing.T) {
	for _, tc := range []struct{ period, zh, en string }{{"2026", "2026年", "2026"}, {"ongoing", "持续享受期间", "while held"}} {
		g := &DedupGroup{Period: tc.period}
		if zh, en := g.PeriodLabel(ZH), g.PeriodLabel(EN); zh != tc.zh || en != tc.en {
			t.Errorf("%q: %q / %q", tc.period, zh, en)
		}
	}
}

func TestActionLabels(t *testing.T) {
	for _, a := range Actions {
		zh, en := a.Label(ZH), a.Label(EN)
		if zh == string(a) || zh == "" || en == "" || !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("action %q: %q / %q", a, zh, en)
		}
	}
}

// TestValueLabels: relations, flags, disability grades and weekdays the
// screens offer have labels in both languages that match the front
// desk's words.
func TestValueLabels(t *testing.T) {
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	var all []Text
	for _, r := range append([]string{RelationSelf}, Relations...) {
		all = append(all, RelationLabel(r))
	}
	for _, f := range Flags {
		all = append(all, FlagLabel(f))
		if FlagLabel(f).ZH == f {
			t.Errorf("flag %q has no Chinese label", f)
		}
	}
	for g := 0; g <= 4; g++ {
		all = append(all, DisabilityLabel(g))
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		all = append(all, WeekdayLabel(wd))
	}
	for _, l := range all {
		if !strings.ContainsFunc(l.ZH, han) || l.EN == "" || strings.ContainsFunc(l.EN, han) {
			t.Errorf("label %+v", l)
		}
	}
	if got := DisabilityLabel(2); got != (Text{"二级", "grade 2"}) {
		t.Errorf("DisabilityLabel(2) = %+v", got)
	}
	if got := RelationLabel("表亲"); got != (Text{"表亲", "表亲"}) {
		t.Errorf("unknown relation: %+v", got)
	}
}
