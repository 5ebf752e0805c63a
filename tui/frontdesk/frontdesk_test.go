package frontdesk

import (
	"errors"
	"image/color"
	"strings"
	"testing"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

func TestHomeShowsCountersAndMenu(t *testing.T) {
	st := openStore(t, true)
	var counts casefile.Counts
	st.View(func(tx *casefile.Tx) error { counts = tx.Counts(); return nil })
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.must("示例县融救助中心", "今日受理", "待核查", "待研判", "3 个工作日内到期", "前台受理", "尚未开放")
	line := strings.Split(d.view(), "\n")[d.lineOf("待研判")]
	if want := counts.ByStatus[casefile.StatusReady]; !strings.Contains(line, " "+itoa(want)) {
		t.Fatalf("ready counter line %q lacks %d", line, want)
	}
	// a not-yet-available screen says so and stays home
	d.press("3")
	d.must("「研判会」尚未开放")
	if d.m.active != common.PageHome {
		t.Fatal("left home for an unavailable screen")
	}
	d.press("2")
	if d.m.active != common.PageQueue {
		t.Fatalf("2 should open the queue, active %d", d.m.active)
	}
	d.press("esc")
	if d.m.active != common.PageHome {
		t.Fatal("esc should go back home")
	}
}

func itoa(n int) string { return fmtInt(n) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestEnglishHomeHasNoChineseLabels(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.EN, 100, 30)
	v := d.view()
	for _, r := range v {
		if unicode.Is(unicode.Han, r) {
			t.Fatalf("English home shows Chinese %q:\n%s", string(r), v)
		}
	}
	d.must("Example County Integrated Social Assistance Hall", "Received today", "not yet available")
}

func TestLabelsComplete(t *testing.T) {
	for k, l := range common.Labels {
		if l[0] == "" || l[1] == "" {
			t.Errorf("label %q lacks a language: %q", k, l)
		}
		if strings.Count(l[0], "%") != strings.Count(l[1], "%") {
			t.Errorf("label %q: the languages take different arguments: %q", k, l)
		}
	}
}

func TestIntakeChecksIDAsTyped(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("1")
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
	d.press("tab")          // area: urban
	d.press("tab", "enter") // + add an income (wages)
	d.press("tab")
	typeText(d, "1500")
	d.press("tab", "tab", "enter") // skip "+ add an income"; + add a member (spouse)
	d.press("tab")
	typeText(d, "李四")
	d.press("tab")
	typeText(d, spouseID)
	d.press("tab", "enter") // + add an income for the spouse
	d.press("right")        // second income kind
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
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("1")
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

func TestWindowTooSmallKeepsData(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("1")
	typeText(d, "6106021980")
	d.send(tea.WindowSizeMsg{Width: 50, Height: 15})
	d.must("窗口太小", "60x20", "50x15")
	d.mustNot("身份证号")
	typeText(d, "999") // nothing visible, nothing changed
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.must("[6106021980", "身份证号")
	if d.m.intake.state.ID != "6106021980" {
		t.Fatalf("ID %q", d.m.intake.state.ID)
	}
}

func TestDraftSurvivesRestart(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("1")
	typeText(d, "61060219800101")
	d.press("tab")
	typeText(d, "王五")
	// a new front desk on the same database: the crash case
	d2 := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d2.must("有未保存的受理：王五")
	d2.press("1")
	d2.must("已恢复上次未保存的受理草稿", "[61060219800101", "[王五")
}

func TestQuitAsksWhenUnsaved(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("ctrl+c")
	if !d.Quit {
		t.Fatal("nothing unsaved: ctrl+c should quit at once")
	}
	d = newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("1")
	typeText(d, "赵")
	d.press("ctrl+c")
	d.must("退出前台", "确定退出吗")
	d.press("n")
	if d.Quit || d.m.quit != nil {
		t.Fatal("n should keep the front desk open")
	}
	d.must("[赵")
	d.press("ctrl+c", "y")
	if !d.Quit {
		t.Fatal("y should quit")
	}
}

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
	if d.m.dossier.evOpen == false {
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

// stubConsole is a page from elsewhere, as a meeting console would be.
type stubConsole struct {
	c       *common.Common
	entered int
}

func (s *stubConsole) ShortHelp() []key.Binding       { return []key.Binding{s.c.Keys.Global.Back} }
func (s *stubConsole) FullHelp() [][]key.Binding      { return [][]key.Binding{s.ShortHelp()} }
func (s *stubConsole) Enter() tea.Cmd                 { s.entered++; return nil }
func (s *stubConsole) View() string                   { return "MEETING CONSOLE" }
func (s *stubConsole) SetSize(int, int)               {}
func (s *stubConsole) Title() string                  { return "meeting" }
func (s *stubConsole) Status() (string, common.Level) { return "", common.LevelPlain }
func (s *stubConsole) Dirty() bool                    { return false }
func (s *stubConsole) Typing() bool                   { return false }
func (s *stubConsole) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" {
		return common.GoBack
	}
	return nil
}

func TestMeetingConsolePlugsIn(t *testing.T) {
	st := openStore(t, false)
	var console *stubConsole
	m := New(NewStore(st), casefile.ZH, testUser, WithClock(clock), WithAutosaveDelay(0),
		WithMeeting(func(c *common.Common) common.Page { console = &stubConsole{c: c}; return console }))
	d := wrap(t, m)
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if l := strings.Split(d.view(), "\n")[d.lineOf("3  研判会")]; strings.Contains(l, "尚未开放") {
		t.Fatalf("the meeting entry should be live: %q", l)
	}
	d.press("3")
	d.must("MEETING CONSOLE")
	if console.entered != 1 {
		t.Fatalf("console entered %d times", console.entered)
	}
	d.press("esc")
	d.must("今日受理")
}

func TestHelpAndBackground(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.mustNot("4 打印")
	d.press("?")
	d.must("4 打印", "5 统计报表") // the full help lists every menu key
	d.press("?")
	d.mustNot("4 打印")
	if !d.m.c.IsDark {
		t.Fatal("dark is the default")
	}
	d.send(tea.BackgroundColorMsg{Color: color.White})
	if d.m.c.IsDark || d.m.c.Styles.Theme.IsDark {
		t.Fatal("a white background should give the light theme")
	}
	// in a text field "?" is text, f1 is help
	d.press("1", "?")
	if d.m.intake.state.ID != "?" || d.m.help.ShowAll {
		t.Fatalf("? in a text field: ID %q, help %v", d.m.intake.state.ID, d.m.help.ShowAll)
	}
	d.press("f1")
	if !d.m.help.ShowAll {
		t.Fatal("f1 should open the full help")
	}
}
