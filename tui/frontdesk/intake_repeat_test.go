package frontdesk

import (
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// TestIntakeRepeatAsksForAReason: a person with an open MZ-05 case
// applying for MZ-05 again is not saved; the desk is asked why (an empty
// answer is refused), and the reason given is kept in the new case's
// history (before: saved at once, only a warning on the panel).
func TestIntakeRepeatAsksForAReason(t *testing.T) {
	st := openStore(t, false)
	id := validID("61060219800101123")
	first, err := st.Intake(&casefile.Draft{Applicant: casefile.Person{DocNumber: id, Name: "李桂兰"},
		Apps: []casefile.Application{{Project: "MZ-05", Requested: casefile.Yuan(800)}}}, testUser)
	if err != nil {
		t.Fatal(err)
	}
	d := intakeDriver(t, st)
	typeText(d, id)
	d.must("系统已有记录：李桂兰")
	d.press("f2")
	typeText(d, "mz-05")
	d.press("space", "esc")
	d.m.intake.form.FocusID("app.MZ-05")
	typeText(d, "500")
	d.must("再次申请同一项目（已有「急难型临时救助」案件 " + first.Number) // warned before the save
	d.press("ctrl+s")
	d.must("确认受理")
	d.press("y")
	d.must("再次申请同一项目", first.Number, "请填写理由")
	d.press("enter") // no reason: refused in the prompt
	d.must("必须填写理由")
	typeText(d, "再次受灾")
	d.press("enter")
	d.must("受理成功", "2026-000002")

	var h []casefile.HistoryEntry
	st.View(func(tx *casefile.Tx) error {
		c, err := tx.Case("2026-000002")
		if err == nil {
			h, err = tx.History(c.Seq)
		}
		return err
	})
	if len(h) == 0 || !strings.Contains(h[0].Text().ZH, "理由：再次受灾") || !strings.Contains(h[0].Text().ZH, first.Number) {
		t.Fatalf("history of the repeat: %+v", h)
	}
}
