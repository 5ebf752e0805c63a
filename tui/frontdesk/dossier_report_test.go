package frontdesk

import (
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// A death reported at the desk starts the review at once: d on the
// dossier of a running aid asks what was reported (an empty answer is
// refused), enter opens the review case with the reason worded as a
// reported death, and the dossier lists the review case.
func TestDossierReportsADeath(t *testing.T) {
	st := openStore(t, false)
	n := runningAid(t, st)
	d := newDriver(t, NewStore(st), casefile.ZH, 120, 40)
	d.send(common.NavigateMsg{To: common.PageDossier, Number: n})
	d.must("d 报告死亡", "h 家庭变化")
	d.press("d")
	d.must("报告死亡", n+"：谁去世、何时，由谁报告？", "确认后立即开始复核")
	d.press("enter")
	d.must("必须填写理由") // refused: nothing typed
	typeText(d, "户主王秀兰11月20日去世，女儿报告")
	d.press("enter")

	var old, rc *casefile.Case
	st.View(func(tx *casefile.Tx) (err error) {
		if old, err = tx.Case(n); err != nil {
			return err
		}
		if old.Life == nil || len(old.Life.Reviews) != 1 {
			t.Fatalf("reviews of %s: %+v, want one", n, old.Life)
		}
		rc, err = tx.Case(old.Life.Reviews[0])
		return err
	})
	if rc.ReviewOf() != n || rc.Status != casefile.StatusReceived || rc.Note != "复核 "+n+"：报告死亡：户主王秀兰11月20日去世，女儿报告" {
		t.Fatalf("review case %s of %q, %s, note %q", rc.Number, rc.ReviewOf(), rc.Status, rc.Note)
	}
	d.must("已开始复核：复核案件 "+rc.Number+" 已受理", "复核案件 "+rc.Number)
	// the review is open: a second report is refused by the domain
	d.press("h")
	typeText(d, "女儿迁出")
	d.press("enter")
	d.must("尚未办结")
}

// The report keys are off for a case without a running aid (on notice)
// and for a role that may not take cases in.
func TestDossierReportKeysOff(t *testing.T) {
	st := openStore(t, false)
	n := lifeCase(t, st, "李建国", validID("61060219620715001"), date(t, "1962-07-15"), "YH2026-012", date(t, "2026-11-25"), 79000, "2026-12", 12, true)
	d := newDriver(t, NewStore(st), casefile.EN, 120, 40)
	d.send(common.NavigateMsg{To: common.PageDossier, Number: n})
	d.press("d")
	d.mustNot("Report a death", "d report death")

	r := runningAid(t, st)
	addUser(t, st, "zhao", casefile.RoleMember)
	m := startDriver(t, NewStore(st), casefile.EN, "zhao", 120, 40, WithRole(casefile.RoleMember))
	m.send(common.NavigateMsg{To: common.PageDossier, Number: r})
	m.mustNot("d report death")
	m.press("d")
	m.mustNot("Report a death")
}
