package frontdesk

import (
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

func TestQueuePagesAndSearches(t *testing.T) {
	st := openStore(t, true)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("2")
	rows := d.m.queue.tbl.Height
	d.must("第 1 页，本页 "+itoa(rows)+" 件", "后面还有")
	first := d.m.queue.rows[0].number
	d.press("pgdown")
	d.must("第 2 页")
	if d.m.queue.rows[0].number == first {
		t.Fatal("pgdown showed the same page")
	}
	d.press("pgup")
	if d.m.queue.rows[0].number != first {
		t.Fatal("pgup did not come back")
	}
	// walking down past the last row loads the next page
	for i := 0; i < rows; i++ {
		d.press("down")
	}
	if len(d.m.queue.starts) != 2 || d.m.queue.tbl.Cursor != 0 {
		t.Fatalf("down past the page: pages %d cursor %d", len(d.m.queue.starts), d.m.queue.tbl.Cursor)
	}
	// search by the tail of an ID number
	var c *casefile.Case
	st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case("2026-000005"); return })
	typeText(d, c.Applicant.DocNumber[14:])
	d.must(c.Number, c.Applicant.Name)
	for _, r := range d.m.queue.rows {
		if !strings.HasSuffix(r.id, c.Applicant.DocNumber[14:]) {
			t.Fatalf("search by ID tail shows %v", r)
		}
	}
	d.press("enter")
	if d.m.active != common.PageDossier || d.m.dossier.number != d.m.queue.rows[0].number {
		t.Fatal("enter should open the selected case")
	}
	d.press("esc")
	// filter by status with the chips
	d.press("ctrl+l", "tab", "right", "right", "right") // status: ready
	for _, r := range d.m.queue.rows {
		if r.status != casefile.StatusReady.Label(casefile.ZH) {
			t.Fatalf("status filter shows %v", r)
		}
	}
	d.must("状态:待研判")
}

func TestMouseSelectsRowsAndTabs(t *testing.T) {
	st := openStore(t, true)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.click(6, d.lineOf("2  案件"))
	if d.m.active != common.PageQueue {
		t.Fatal("a click on the menu should open the queue")
	}
	y := d.lineOf(d.m.queue.rows[2].number)
	d.click(3, y)
	if d.m.queue.tbl.Cursor != 2 {
		t.Fatalf("click selected row %d", d.m.queue.tbl.Cursor)
	}
	d.click(3, y) // a second click opens
	if d.m.active != common.PageDossier {
		t.Fatal("a second click should open the case")
	}
	tabsLine := d.lineOf("1 概况")
	x := strings.Index(strings.Split(d.view(), "\n")[tabsLine], "6 历史")
	d.click(components.AnsiWidth(strings.Split(d.view(), "\n")[tabsLine][:x])+1, tabsLine)
	if d.m.dossier.tab != 5 {
		t.Fatalf("tab click gave tab %d", d.m.dossier.tab)
	}
	d.must("受理")
}

func TestDossierActions(t *testing.T) {
	st := openStore(t, true)
	// a received case that still lacks evidence
	var number string
	st.View(func(tx *casefile.Tx) error {
		cs, _, err := tx.Cases(casefile.CaseFilter{Status: casefile.StatusReceived, Limit: 1})
		if err == nil && len(cs) > 0 {
			number = cs[0].Number
		}
		return err
	})
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.send(common.NavigateMsg{To: common.PageDossier, Number: number})
	d.must(number, "[已受理]", "尚缺核查")
	d.press("r")
	d.must("提交研判")
	d.press("y")
	d.must("核查材料不全，不能提交研判：缺少")

	// add an income check through the evidence form
	d.press("e")
	d.must("补充核查材料", "核查类别", "家庭收入核对")
	d.press("down", "down")
	typeText(d, "王核查")
	d.press("down", "down")
	typeText(d, "12x")
	d.must("金额无效")
	d.press("ctrl+s")
	if d.m.dossier.mode != dossierEvidence {
		t.Fatal("a bad amount must keep the form open")
	}
	d.press("backspace")
	d.press("ctrl+s")
	d.must("已添加核查材料：家庭收入核对", "[核查中]", "核对月收入 12.00 元")
	var c *casefile.Case
	st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case(number); return })
	last := c.Evidence[len(c.Evidence)-1]
	if last.Kind != casefile.EvIncomeCheck || last.Verifier != "王核查" || last.MonthlyIncome != 1200 || last.Date != casefile.DateOf(fixedNow) {
		t.Fatalf("evidence stored as %+v", last)
	}

	// withdrawing needs a reason
	d.press("w", "enter")
	d.must("必须填写理由")
	typeText(d, "申请人主动撤回")
	d.press("enter")
	d.must("案件已转为「已撤回」", "[已撤回]")
	if d.m.dossier.keys().Evidence.Enabled() {
		t.Fatal("a withdrawn case cannot take evidence: the key must be off")
	}
	d.mustNot("e 补充核查")
}
