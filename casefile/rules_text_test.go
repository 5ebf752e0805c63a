package casefile

import "testing"

func TestCountRuleText(t *testing.T) {
	for src, want := range map[string]Text{
		"present * 2 > members": {ZH: "实到委员数超过应到委员数的一半", EN: "members present are more than half of members invited"},
		"agree*2>voting":        {ZH: "同意票数超过参加表决人数的一半", EN: "votes to agree are more than half of members voting"},
		"agree * 3 >= voting * 2 && present > 3": {ZH: "同意票数 × 3 ≥ 参加表决人数 × 2 并且 实到委员数 ＞ 3",
			EN: "votes to agree × 3 ≥ members voting × 2 and members present > 3"},
	} {
		r, err := compileCountRule(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Text(); got != want {
			t.Errorf("%q: Text() = %+v, want %+v", src, got, want)
		}
	}
	if got := (*CountRule)(nil).Text(); got != (Text{}) {
		t.Errorf("nil rule: %+v", got)
	}
}
