package components_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

func newCommon(t *testing.T, lang casefile.Lang) *common.Common {
	t.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return common.New(cat, lang, tuitest.TestUser, tuitest.Clock)
}

func press(d *components.Dialog, names ...string) components.DialogResult {
	res := components.DialogOpen
	for _, n := range names {
		res, _ = d.Update(tuitest.KeyMsg(n))
	}
	return res
}

func TestDialogConfirmKeys(t *testing.T) {
	c := newCommon(t, casefile.EN)
	for _, tc := range []struct {
		keys []string
		want components.DialogResult
	}{
		{[]string{"y"}, components.DialogYes},
		{[]string{"enter"}, components.DialogYes},
		{[]string{"n"}, components.DialogNo},
		{[]string{"esc"}, components.DialogNo},
		{[]string{"a"}, components.DialogOpen},
		{[]string{"right", "enter"}, components.DialogNo},
		{[]string{"right", "left", "enter"}, components.DialogYes},
		{[]string{"right", "y"}, components.DialogYes},
	} {
		d := components.NewConfirm(c, "Title", "text")
		if got := press(d, tc.keys...); got != tc.want {
			t.Errorf("%v: got %v, want %v", tc.keys, got, tc.want)
		}
	}
}

func TestDialogPromptValidates(t *testing.T) {
	c := newCommon(t, casefile.ZH)
	d := components.NewPrompt(c, "撤回", "请说明原因").Validate(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(c.Msg(casefile.ErrReasonRequired))
		}
		return nil
	})
	if got := press(d, "enter"); got != components.DialogOpen || d.Err == "" {
		t.Fatalf("empty reason: got %v, err %q; want the prompt open with an error", got, d.Err)
	}
	if v := ansi.Strip(d.View(80, 24)); !strings.Contains(v, d.Err) {
		t.Errorf("the error is not shown:\n%s", v)
	}
	for _, k := range tuitest.TextKeys("yn 原因") {
		d.Update(k)
	}
	d.Update(tea.PasteMsg{Content: "\x1b[31m!"})
	if d.Value() != "yn 原因!" {
		t.Errorf("Value = %q, want the typed text (y and n are text here)", d.Value())
	}
	if got := press(d, "enter"); got != components.DialogYes {
		t.Errorf("a reason given: got %v, want yes", got)
	}
	d = components.NewPrompt(c, "撤回")
	if got := press(d, "x", "esc"); got != components.DialogNo {
		t.Errorf("esc: got %v, want no", got)
	}
	d.SetValue("again")
	if d.Value() != "again" || !strings.Contains(ansi.Strip(d.View(80, 24)), "again") {
		t.Errorf("SetValue: %q", d.Value())
	}
}

// TestDialogGolden draws the three dialogs in both languages at the
// sizes of the roots' goldens; huh's own words never show.
func TestDialogGolden(t *testing.T) {
	for _, lang := range tuitest.GoldenLangs {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				c := newCommon(t, lang)
				title := casefile.Text{ZH: "确认提交", EN: "Submit"}
				text := casefile.Text{ZH: "提交后案件进入待审核。", EN: "The case will wait for review."}
				var views []string
				conf := components.NewConfirm(c, c.T(title), c.T(text))
				views = append(views, conf.View(sz[0], 12))
				press(conf, "right")
				views = append(views, conf.View(sz[0], 12))
				pr := components.NewPrompt(c, c.T(title), c.T(text))
				for _, k := range tuitest.TextKeys("abc") {
					pr.Update(k)
				}
				pr.Err = c.Msg(casefile.ErrReasonRequired)
				views = append(views, pr.View(sz[0], 12))
				views = append(views, components.NewNotice(c, c.T(title), c.T(text)).View(sz[0], 10))
				v := ansi.Strip(strings.Join(views, "\n"))
				if lang == casefile.ZH {
					for _, w := range []string{"Yes", "No", "submit", "next"} {
						if strings.Contains(v, w) {
							t.Errorf("huh's %q on a Chinese screen:\n%s", w, v)
						}
					}
				}
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

func TestDialogNarrow(t *testing.T) {
	c := newCommon(t, casefile.ZH)
	for w := 1; w <= 24; w++ {
		for _, d := range []*components.Dialog{
			components.NewConfirm(c, "确认", "一段很长的说明文字"),
			components.NewPrompt(c, "原因", "一段很长的说明文字"),
		} {
			d.Update(tuitest.KeyMsg("x"))
			_ = d.View(w, 6)
		}
	}
}
