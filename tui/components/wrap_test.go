package components

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want []string
	}{
		{"尚有 14 人未表决：李秀兰、张志强", 12, []string{"尚有 14 人未", "表决：李秀", "兰、张志强"}},
		{"拟定 1,250.00 元", 10, []string{"拟定", "1,250.00", "元"}},
		{"同意 1  不同意 0", 40, []string{"同意 1  不同意 0"}},
		{"", 5, []string{""}},
		{"2026-000014-2026-000015", 10, []string{"2026-00001", "4-2026-000", "015"}},
	} {
		got := Wrap(tc.in, tc.w)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
		for _, l := range got {
			if AnsiWidth(l) > tc.w {
				t.Errorf("line %q wider than %d", l, tc.w)
			}
		}
	}
}

func TestRecoverKeepsTheFault(t *testing.T) {
	var fault string
	called := false
	func() {
		defer Recover(&fault, func() { called = true })
		panic("boom")
	}()
	if fault != "boom" || !called {
		t.Fatalf("fault %q, onPanic called %v", fault, called)
	}
}
