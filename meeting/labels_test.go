package meeting

import (
	"strings"
	"testing"
	"unicode"

	"github.com/rongjiuzhu/hall/casefile"
)

// TestEnumLabels: every role, session status, vote choice and duplicate
// mark has a label in both languages, the Chinese one Chinese and not the
// raw key, the English one without Chinese.
func TestEnumLabels(t *testing.T) {
	type value struct {
		enum, key string
		l         casefile.Labeler
	}
	var values []value
	for _, v := range []Role{RoleChair, RoleMember, RoleSecretary} {
		values = append(values, value{"Role", string(v), v})
	}
	for _, v := range []SessionStatus{SessionOpen, SessionClosed} {
		values = append(values, value{"SessionStatus", string(v), v})
	}
	for _, v := range []Choice{Agree, Disagree, Abstain} {
		values = append(values, value{"Choice", string(v), v})
	}
	for _, v := range []Mark{MarkKept, MarkDecline, MarkStale} { // MarkNone shows nothing
		values = append(values, value{"Mark", string(v), v})
	}
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	for _, v := range values {
		zh, en := v.l.Label(casefile.ZH), v.l.Label(casefile.EN)
		if zh == "" || zh == v.key || !strings.ContainsFunc(zh, han) {
			t.Errorf("%s %q: Chinese label %q", v.enum, v.key, zh)
		}
		if en == "" || strings.ContainsFunc(en, han) {
			t.Errorf("%s %q: English label %q", v.enum, v.key, en)
		}
	}
}

func TestRulingVerbs(t *testing.T) {
	for _, r := range Rulings {
		v := RulingVerb(r)
		if v.ZH == "" || v.EN == "" || v.EN == string(r) {
			t.Errorf("%s: verb %+v", r, v)
		}
		for _, s := range []string{v.ZH, v.EN, string(r)} {
			if got, ok := ParseRuling(s); !ok || got != r {
				t.Errorf("ParseRuling(%q) = %q, %v", s, got, ok)
			}
		}
	}
	if _, ok := ParseRuling(string(casefile.StatusReady)); ok {
		t.Error("ready parsed as a ruling")
	}
	if v := RulingVerb(casefile.StatusReady); v != (casefile.Text{}) {
		t.Errorf("no ruling: %+v", v)
	}
}
