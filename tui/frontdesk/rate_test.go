package frontdesk

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// ratings are the ratings stored for case number.
func ratings(t *testing.T, st *casefile.Store, number string) []feedback.Rating {
	t.Helper()
	var out []feedback.Rating
	if err := st.View(func(tx *casefile.Tx) error {
		return feedback.Each(tx, func(r feedback.Rating) bool {
			if r.Case == number {
				out = append(out, r)
			}
			return true
		})
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// savedCase is a store with one received case, the case, and a printer
// that counts: what the intake's saved screen starts from.
func savedCase(t *testing.T) (*casefile.Store, *casefile.Case, countingPrinting) {
	t.Helper()
	st := openStore(t, true)
	number := casefiletest.CaseIn(t, st, casefile.StatusReceived)
	var c *casefile.Case
	if err := st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case(number); return }); err != nil {
		t.Fatal(err)
	}
	return st, c, countingPrinting{letters: new(atomic.Int32), receipts: new(atomic.Int32)}
}

// After the receipt prints, r turns the screen to the applicant: the
// rating screen's large keys, 4 and enter store a window rating of 4;
// any key gives the screen back to the clerk, whose screen says the
// rating is recorded without the score, and offers no second rating.
func TestIntakeOffersTheRatingAfterTheReceipt(t *testing.T) {
	st, c, pr := savedCase(t)
	number := c.Number

	d := newPrintDriver(t, st, testUser, "", pr)
	d.press("1")
	d.send(caseSavedMsg{c: c})
	d.mustNot("r 请申请人评价") // not before the receipt
	d.press("r")
	d.mustNot("请您对本次服务作出评价")

	d.press("p")
	d.must("已打印受理回执", "r 请申请人评价", "按 r 将屏幕转向申请人")
	d.press("r")
	d.must("请您对本次服务作出评价", "案件 "+number, "很满意")
	d.mustNot("r 请申请人评价", "p 打印回执") // the desk's keys are not shown to the applicant
	d.press("4")
	d.press("enter")
	d.must("感谢您的评价", "请将屏幕转回窗口工作人员")
	d.mustNot("满意") // the thanks do not repeat the score
	if got := ratings(t, st, number); len(got) != 1 || got[0].Score != 4 || got[0].Channel != feedback.ChannelWindow || got[0].Who != testUser {
		t.Fatalf("ratings %+v, want one window rating of 4 by %s", got, testUser)
	}

	d.press("x") // the clerk takes the screen back
	d.must("受理成功", number+"：评价已记录")
	d.mustNot("4 分", "满意", "r 请申请人评价") // no score, and one rating per visit
	d.press("r")
	if got := ratings(t, st, number); len(got) != 1 {
		t.Fatalf("a second r stored %d ratings", len(got))
	}
}

// esc on the rating screen gives the screen back with nothing stored.
func TestIntakeRatingLeftUnrated(t *testing.T) {
	st, c, pr := savedCase(t)
	number := c.Number

	d := newPrintDriver(t, st, testUser, "", pr)
	d.press("1")
	d.send(caseSavedMsg{c: c})
	d.press("p", "r", "esc")
	d.must("受理成功", number+"：未评价", "r 请申请人评价")
	if got := ratings(t, st, number); len(got) != 0 {
		t.Fatalf("ratings %+v, want none", got)
	}
	if strings.Contains(d.view(), "请您对本次服务作出评价") {
		t.Fatal("the rating screen is still up")
	}
}

// The rating screen as the applicant sees it on the desk, the 4 chosen,
// at 80×24 and 120×40 in both languages.
func TestIntakeRatingScreen(t *testing.T) {
	st, c, pr := savedCase(t)
	for _, lang := range tuitest.GoldenLangs {
		for _, sz := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				d := startDriver(t, NewStore(st), lang, testUser, sz[0], sz[1], WithPrinting(pr))
				d.press("1")
				d.send(caseSavedMsg{c: c})
				d.press("p", "r", "4")
				v := d.view()
				tuitest.CheckFrame(t, v, sz[0], sz[1])
				tuitest.CheckSpeaks(t, v, lang, tuitest.StoreData(t, st, nil))
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}
