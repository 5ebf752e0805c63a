package components_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/components"
)

// TestTooSmallSaysAllOfItAt20Columns: in a terminal 20 columns wide the
// notice still reads whole — the sentence and the size it needs, wrapped,
// every line within the width (before: 请将窗口放大到至少 6 and the rest
// cut off).
func TestTooSmallSaysAllOfItAt20Columns(t *testing.T) {
	for _, tc := range []struct {
		lang casefile.Lang
		want string
	}{
		{casefile.ZH, "请将窗口放大到至少60x20（当前20x10）"},
		{casefile.EN, "Pleaseenlargethewindowtoatleast60x20(now20x10)"},
	} {
		c := newCommon(t, tc.lang)
		c.Width, c.Height = 20, 10
		view := ansi.Strip(components.TooSmallView(c))
		for _, l := range strings.Split(view, "\n") {
			if w := ansi.StringWidth(l); w > 20 {
				t.Errorf("%s: line %q is %d columns wide", tc.lang, l, w)
			}
		}
		if got := strings.Join(strings.Fields(view), ""); !strings.Contains(got, tc.want) {
			t.Errorf("%s: the notice reads %q, want it to contain %q", tc.lang, got, tc.want)
		}
	}
}
