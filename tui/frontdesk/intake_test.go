package frontdesk

import (
	"errors"

	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

func TestIntakeChecksIDAsTyped(t *testing.T) {
	st := openStore(t, false)
	d := intakeDriver(t, st)
	typeText(d, "61060219800101")
	d.must("已输入 14 位")
	id := validID("61060219800101123")
	wrong := "0"
	if id[17:] == "0" {
		wrong = "1"
	}
	typeText(d, "123"+wrong)
	d.must("校验位不符")
	d.press("backspace")
	typeText(d, id[17:])
	d.must("有效：男，1980-01-01 出生，46 岁", "新申请人")
}

func TestIntakeFindsKnownPersonAndConflicts(t *testing.T) {
	st := openStore(t, true)
	var student casefile.Person
	st.View(func(tx *casefile.Tx) error {
		c, err := tx.Case("2026-000001")
		if err == nil {
			student = c.Applicant
		}
		return err
	})
	d := newDriver(t, NewStore(st), casefile.ZH, 120, 40)
	d.press("1")
	typeText(d, student.DocNumber)
	d.must("系统已有记录："+student.Name, "已申请 "+student.Name+" CS-01", "在办案件 2026-000001")
	if got := d.m.intake.state.Name; got != student.Name {
		t.Fatalf("name not filled from the known person: %q", got)
	}
	// apply for a project of the same group: the live check warns
	d.press("f2")
	typeText(d, "xsrx")
	d.press("space", "esc")
	d.must("同一救助政策只能享受一次", "缺少材料")
	if len(d.m.intake.check.Conflicts) == 0 {
		t.Fatal("no conflict found for a second freshman grant")
	}
}

func TestPickerFiltersByPinyinAndCode(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("1", "f2")
	typeText(d, "yljz") // 医疗救助
	d.must("YB-01", "医疗救助")
	d.mustNot("MZ-01")
	for i := 0; i < 4; i++ {
		d.press("backspace")
	}
	typeText(d, "mz-01")
	d.must("MZ-01", "城市最低生活保障", "1 个项目")
	d.press("space", "esc")
	if codes := d.m.intake.state.codes(); len(codes) != 1 || codes[0] != "MZ-01" {
		t.Fatalf("projects %v", codes)
	}
	d.must("MZ-01 城市最低生活保障", "申请书") // the checklist follows the project
}

// TestIntakeTypedKeyByKey types a whole application through the model and
// reads the stored case back.
func TestIntakeTypedKeyByKey(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	appID := validID("61060219800101123")
	spouseID := validID("61060219820202224")

	d.press("1")
	typeText(d, appID)
	d.press("tab")
	typeText(d, "张三丰")
	d.press("tab")
	typeText(d, "13800001234")
	d.press("tab")
	typeText(d, "城关镇")
	d.press("tab")
	typeText(d, "东村")
	d.press("tab")
	typeText(d, "解放路1号")
	d.press("tab", "right") // disability: grade 1
	d.press("tab")          // flags
	d.press("tab")          // flags, second row
	d.press("tab")          // area: urban
	d.press("tab", "enter") // + add an income (wages)
	d.press("tab")
	typeText(d, "1500")
	d.press("tab", "tab", "enter") // skip "+ add an income"; + add a member (spouse)
	d.press("tab")
	typeText(d, "李四")
	d.press("tab")
	typeText(d, spouseID)
	d.press("tab", "right", "right") // the spouse's own disability: grade 2
	d.press("tab", "right", "space") // the spouse's own flags: seriously ill
	d.press("tab", "enter")          // + add an income for the spouse
	d.press("right")                 // second income kind
	d.press("tab")
	typeText(d, "800.50")
	d.press("tab", "tab", "tab", "enter") // + add income, + add member, + choose projects
	typeText(d, "mz-01")
	d.press("space", "esc") // focus moves to the documents
	d.press("space", "down", "space", "down", "space")
	d.must("人均月收入 1150.25 元", "城市最低生活保障")
	d.press("ctrl+s")
	d.must("确认受理", "张三丰", "已收材料 3 份")
	d.press("y")
	d.must("受理成功", "2026-000001")

	var c *casefile.Case
	if err := st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case("2026-000001"); return }); err != nil {
		t.Fatal(err)
	}
	if c.Applicant.Name != "张三丰" || c.Applicant.DocNumber != appID || c.Applicant.Phone != "13800001234" ||
		c.Applicant.Township != "城关镇" || c.Applicant.Village != "东村" || c.Applicant.Address != "解放路1号" ||
		c.Applicant.DisabilityGrade != 1 {
		t.Fatalf("applicant stored as %+v", c.Applicant)
	}
	if len(c.Household.Members) != 2 {
		t.Fatalf("members %+v", c.Household.Members)
	}
	self, sp := c.Household.Members[0], c.Household.Members[1]
	if len(self.Incomes) != 1 || self.Incomes[0].Kind != "wages" || self.Incomes[0].Monthly != casefile.Yuan(1500) {
		t.Fatalf("applicant incomes %+v", self.Incomes)
	}
	second := st.Catalog().IncomeKinds[1].Key
	if sp.Person.Name != "李四" || sp.Person.DocNumber != spouseID || sp.Relation != "配偶" ||
		len(sp.Incomes) != 1 || sp.Incomes[0].Kind != second || sp.Incomes[0].Monthly != 80050 {
		t.Fatalf("spouse %+v", sp)
	}
	// the member's own flags and grade (before: only the applicant had any)
	if sp.Person.DisabilityGrade != 2 || len(sp.Person.Flags) != 1 || sp.Person.Flags[0] != casefile.FlagSeriousIllness {
		t.Fatalf("spouse's grade %d and flags %v, want 2 and serious illness", sp.Person.DisabilityGrade, sp.Person.Flags)
	}
	if len(c.Apps) != 1 || c.Apps[0].Project != "MZ-01" {
		t.Fatalf("projects %+v", c.Apps)
	}
	want := st.Catalog().RequiredDocuments([]string{"MZ-01"})[:3]
	if strings.Join(c.Documents, ",") != strings.Join(want, ",") {
		t.Fatalf("documents %v, want %v", c.Documents, want)
	}
	if c.Officer != testUser || c.Channel != casefile.ChannelWindow {
		t.Fatalf("officer %q channel %q", c.Officer, c.Channel)
	}
	// the autosaved draft is gone once the case is stored
	if b, _ := st.Draft(testUser); b != nil {
		t.Fatalf("draft left behind: %s", b)
	}
	d.press("p") // this front desk was built without printing
	d.must("本程序未配置打印")
	d.press("o")
	if d.m.active != common.PageDossier {
		t.Fatal("o should open the dossier")
	}
	d.must("2026-000001", "张三丰", "[已受理]")
}

func TestSaveListsProblemsAndKeepsTyping(t *testing.T) {
	st := openStore(t, false)
	d := intakeDriver(t, st)
	typeText(d, "610602")
	d.press("ctrl+s")
	d.must("保存前请更正", "至少申请一个救助项目", "姓名不能为空")
	d.press("enter")
	if d.m.intake.state.ID != "610602" {
		t.Fatalf("typed ID lost: %q", d.m.intake.state.ID)
	}
	if b, _ := st.Draft(testUser); b == nil {
		t.Fatal("the draft was not autosaved")
	}
}

func TestDraftSurvivesRestart(t *testing.T) {
	st := openStore(t, false)
	d := intakeDriver(t, st)
	typeText(d, "61060219800101")
	d.press("tab")
	typeText(d, "王五")
	// a new front desk on the same database: the crash case
	d2 := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	// the home screen notes the draft but names nobody: the next
	// applicant may be reading it
	d2.must("有未完成的受理（草稿已自动保存）")
	d2.mustNot("王五", "61060219800101")
	d2.press("1")
	d2.must("已恢复上次未保存的受理草稿", "[61060219800101", "[王五")
}

// failingStore refuses every write as a locked database would.
type failingStore struct{ Store }

func (f failingStore) Intake(*casefile.Draft, string) (*casefile.Case, error) {
	return nil, casefile.ErrReadOnly.Withf("%s", "%s", "/tmp/x.db")
}

func TestStoreErrorShownAndTypingKept(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, failingStore{NewStore(st)}, casefile.EN, 80, 24)
	d.press("1")
	id := validID("61060219800101123")
	typeText(d, id)
	d.press("tab")
	typeText(d, "Zhang")
	d.press("f2")
	typeText(d, "mz-01")
	d.press("space", "esc", "ctrl+s", "y")
	d.must("Not saved (everything typed is still here): the database is read-only")
	if d.m.intake.saved != nil || d.m.intake.state.Name != "Zhang" || d.m.intake.state.ID != id {
		t.Fatal("the form was lost")
	}
	if !errors.Is(casefile.ErrReadOnly.With(casefile.Text{}), casefile.ErrReadOnly) {
		t.Fatal("sentinel check")
	}
}
