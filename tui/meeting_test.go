package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// openMeeting opens a temp database with the demo cases and the demo
// meeting (a closed session and an open one with attendance taken and the
// ready cases on its agenda).
func openMeeting(t testing.TB) (*casefile.Store, *meeting.Store) {
	t.Helper()
	st := openStore(t, true)
	if err := meeting.FillDemo(st, testUser); err != nil {
		t.Fatal(err)
	}
	return st, meeting.New(st)
}

// Demo sessions: the closed one and the open one (see meeting.FillDemo).
const (
	demoClosed = "YH2026-001"
	demoOpen   = "YH2026-002"
)

// mtgConsole drives the meeting console like the program does, but
// synchronously: every command a message returns is run and its message
// fed back.
type mtgConsole struct {
	t    testing.TB
	m    *MeetingConsole
	quit bool
}

func newMtgConsole(t testing.TB, ms *meeting.Store, lang casefile.Lang, w, h int, opts ...MeetingOption) *mtgConsole {
	t.Helper()
	return newMtgConsoleAs(t, ms, testUser, lang, w, h, opts...)
}

func newMtgConsoleAs(t testing.TB, ms *meeting.Store, user string, lang casefile.Lang, w, h int, opts ...MeetingOption) *mtgConsole {
	t.Helper()
	opts = append([]MeetingOption{WithRoot(WithClock(clock))}, opts...)
	m := NewMeeting(NewMeetingStore(ms), lang, user, opts...)
	d := &mtgConsole{t: t, m: m}
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// send feeds a message and runs the commands it causes to the end.
func (d *mtgConsole) send(msg tea.Msg) {
	d.t.Helper()
	if pump(d.t, d.m, msg) {
		d.quit = true
	}
}

func (d *mtgConsole) run(cmd tea.Cmd) {
	for _, msg := range runCmd(cmd) {
		d.send(msg)
	}
}

func (d *mtgConsole) press(names ...string) {
	d.t.Helper()
	for _, n := range names {
		d.send(keyMsg(n))
	}
}

func (d *mtgConsole) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		if r == ' ' {
			d.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
			continue
		}
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (d *mtgConsole) click(x, y int) { d.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}) }

func (d *mtgConsole) view() string { return ansi.Strip(d.m.View().Content) }

func (d *mtgConsole) must(ss ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range ss {
		if !strings.Contains(v, s) {
			d.t.Fatalf("screen lacks %q:\n%s", s, v)
		}
	}
}

func (d *mtgConsole) mustNot(ss ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range ss {
		if strings.Contains(v, s) {
			d.t.Fatalf("screen shows %q:\n%s", s, v)
		}
	}
}

// find returns the screen position of the first s, or fails.
func (d *mtgConsole) find(s string) (x, y int) {
	d.t.Helper()
	for i, l := range strings.Split(d.view(), "\n") {
		if j := strings.Index(l, s); j >= 0 {
			return ansi.StringWidth(l[:j]), i
		}
	}
	d.t.Fatalf("screen lacks %q:\n%s", s, d.view())
	return 0, 0
}

// page is the console page under test.
func (d *mtgConsole) page() *meetingPage { return d.m.page }

// storedSession reads a session with its agenda from the store.
func storedSession(t testing.TB, ms *meeting.Store, number string) *meeting.Session {
	t.Helper()
	s, err := ms.Session(number)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// presentCount counts the voting members present.
func presentCount(s *meeting.Session) int { return s.Count(&meeting.Item{}).Present }

// openDemoSession opens the demo's open session on its attendance screen.
func openDemoSession(t testing.TB, d *mtgConsole) {
	t.Helper()
	d.press("enter")
	if d.page().sh.b == nil || d.page().sh.b.sess.Number != demoOpen || d.page().sh.state != stateSetup {
		t.Fatalf("the open session did not open:\n%s", d.view())
	}
}

func TestMeetingListsSessionsAndOpensOne(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24)
	d.must("综合研判会", demoOpen, demoClosed, "进行中", "已闭会", "15/17", "0/12", "10/10", "n  新开研判会")
	openDemoSession(t, d)
	d.must("出席 15/17，已达法定人数", "[x] 王建国", "[ ] 林秋菊", "议程", "12 件，已决 0 件", "2026-000025")
	d.press("esc")
	d.must("综合研判会", demoClosed)
	// a closed session opens on its summary, read-only
	d.press("down", "enter")
	d.must("已闭会，记录已冻结（只读）", "批准 2", "不予救助 2", "暂缓 6", "按部门", "按项目")
	d.press("2")
	k := d.page().walk.keys()
	if k.Agree.Enabled() || k.Decide.Enabled() || k.Recuse.Enabled() {
		t.Fatal("a closed session takes votes")
	}
	d.press("1")
	if d.page().setup.keys().Toggle.Enabled() || d.page().setup.keys().Build.Enabled() {
		t.Fatal("a closed session takes attendance")
	}
}

// Attendance toggles change the quorum at once; vote keys are off
// without a quorum (and out of the help), on with it.
func TestMeetingQuorumReachedAndLost(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 100, 30)
	openDemoSession(t, d)
	// 15 of 17 present: mark seven voting members absent (the chair
	// first, then the members after him), keeping 8
	d.press("space")
	for i := 0; i < 6; i++ {
		d.press("right", "space")
	}
	if n := presentCount(storedSession(t, ms, demoOpen)); n != 8 {
		t.Fatalf("%d present in the store, want 8", n)
	}
	d.must("出席 8/17，未达法定人数，不能表决")
	// the walkthrough, a present member selected: no vote key is live
	d.press("w", "right", "right", "right", "right", "right", "right", "right")
	m := d.page().walk.selectedMember()
	if !d.page().sh.b.sess.IsPresent(m.ID) {
		t.Fatalf("%s is absent", m.Name)
	}
	k := d.page().walk.keys()
	if k.Agree.Enabled() || k.Disagree.Enabled() || k.Abstain.Enabled() || k.Decide.Enabled() {
		t.Fatal("vote keys live without a quorum")
	}
	d.mustNot("a 同意", "enter 决定")
	d.must("未达法定人数")
	// pressing a vote key does nothing
	d.press("a")
	if it := storedSession(t, ms, demoOpen).Item(d.page().sh.cur); len(it.Votes) != 0 {
		t.Fatalf("a vote was recorded without a quorum: %+v", it.Votes)
	}
	// back to attendance: a click on an absent member brings the quorum back
	d.press("1")
	x, y := d.find("[ ] 王建国")
	d.click(x+1, y)
	d.must("出席 9/17，已达法定人数")
	if n := presentCount(storedSession(t, ms, demoOpen)); n != 9 {
		t.Fatalf("%d present in the store, want 9", n)
	}
	d.press("2")
	k = d.page().walk.keys()
	if !k.Agree.Enabled() || !k.Decide.Enabled() {
		t.Fatal("vote keys off with a quorum")
	}
	d.must("a 同意", "enter 决定")
	d.press("a")
	if v := storedSession(t, ms, demoOpen).Item(d.page().sh.cur).Vote(m.ID); v == nil || v.Choice != meeting.Agree {
		t.Fatalf("vote %+v", v)
	}
}

// walkTo opens the demo's open session on its first case, with member i
// selected.
func walkTo(t testing.TB, d *mtgConsole, member int) {
	t.Helper()
	openDemoSession(t, d)
	d.press("w")
	for i := 0; i < member; i++ {
		d.press("right")
	}
}

// A disagreeing vote asks a reason: an empty one is refused by the domain
// and the prompt stays open; the reason is stored with the vote.
func TestMeetingVoteWithReason(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24)
	walkTo(t, d, 1)
	cur := d.page().sh.cur
	m := d.page().walk.selectedMember()
	d.press("d")
	d.must(m.Name+"：不同意", "请写明理由")
	d.press("enter")
	d.must("必须填写理由", m.Name+"「不同意」须写明理由")
	if d.page().prompt() == nil {
		t.Fatal("the prompt closed on an empty reason")
	}
	d.typeText("该户有稳定收入来源")
	d.press("enter")
	if d.page().prompt() != nil {
		t.Fatalf("the prompt stayed open:\n%s", d.view())
	}
	v := storedSession(t, ms, demoOpen).Item(cur).Vote(m.ID)
	if v == nil || v.Choice != meeting.Disagree || v.Reason != "该户有稳定收入来源" || v.By != testUser {
		t.Fatalf("stored vote %+v", v)
	}
	d.must("已记录："+m.Name+" 不同意", "不同意 1", m.Name+" 不同意")
	// the selection moved on to the next member
	if got := d.page().walk.selectedMember(); got == nil || got.ID == m.ID {
		t.Fatal("the selection did not move on")
	}
	// an agreeing vote needs no reason and is counted at once
	d.press("a")
	d.must("同意 1  不同意 1")
}

// A prompt cancelled keeps what was typed; ctrl+c asks first while a
// reason is being typed.
func TestMeetingNothingTypedIsLost(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24)
	walkTo(t, d, 0)
	d.press("s")
	d.typeText("情况不掌握")
	d.press("esc")
	if d.page().prompt() != nil {
		t.Fatal("esc did not close the prompt")
	}
	d.press("s")
	if got := d.page().prompt().Value(); got != "情况不掌握" {
		t.Fatalf("the reason came back as %q", got)
	}
	d.press("ctrl+c")
	if d.quit {
		t.Fatal("quit with a reason being typed")
	}
	d.must("退出研判会", "正在填写的理由尚未记录")
	d.press("n")
	if got := d.page().prompt().Value(); got != "情况不掌握" {
		t.Fatalf("the reason is now %q", got)
	}
	d.press("ctrl+c", "y")
	if !d.quit {
		t.Fatal("did not quit")
	}
}

func TestMeetingRecusal(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24)
	walkTo(t, d, 2)
	cur := d.page().sh.cur
	m := d.page().walk.selectedMember()
	d.press("r")
	d.must(m.Name+" 申请回避", "回避理由")
	d.press("enter")
	d.must("必须填写理由")
	d.typeText("系申请人表兄")
	d.press("enter")
	it := storedSession(t, ms, demoOpen).Item(cur)
	if !it.Recused(m.ID) || it.Recusals[0].Reason != "系申请人表兄" {
		t.Fatalf("recusals %+v", it.Recusals)
	}
	d.must("已记录回避："+m.Name, "回避 1")
	// a recused member cannot vote on the case
	d.press("left")
	d.must(m.Name + "  县妇联  委员：回避 - 系申请人表兄")
	if d.page().walk.keys().Agree.Enabled() {
		t.Fatal("a recused member may vote")
	}
}

// agreeAll records an agreeing vote for every present member, from the
// first.
func agreeAll(d *mtgConsole) {
	for d.page().walk.member > 0 {
		d.press("left")
	}
	for _, m := range d.page().sh.voters() {
		if d.page().sh.b.sess.IsPresent(m.ID) {
			d.press("a")
		}
	}
}

// caseAfterMeeting reads a case's status from the case file.
func caseAfterMeeting(t testing.TB, st *casefile.Store, number string) *casefile.Case {
	t.Helper()
	var c *casefile.Case
	if err := st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case(number); return }); err != nil {
		t.Fatal(err)
	}
	return c
}

// Deciding before every present member voted is refused by the domain;
// once all agree, the rules' approval is confirmed and the case is
// approved in the case file.
func TestMeetingDecisionChangesTheCase(t *testing.T) {
	st, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24)
	walkTo(t, d, 0)
	cur := d.page().sh.cur
	d.press("a", "enter")
	d.must("决定 "+cur, "尚有 14 人未表决", "按规则拟：不予救助")
	d.press("enter") // the rules' rejection: its wording offered
	d.must("不予救助："+cur, "经综合研判会研判，不予救助")
	d.press("enter")
	d.must("尚有出席委员未表决：李秀兰")
	d.press("esc")
	if caseAfterMeeting(t, st, cur).Status != casefile.StatusReady {
		t.Fatal("decided with votes pending")
	}
	agreeAll(d)
	d.must("同意 15", "按规则拟：批准")
	d.press("enter")
	d.must("1 批准", "2 不予救助", "3 暂缓")
	d.press("enter")
	d.must("按表决结果批准并记录？")
	d.press("y")
	c := caseAfterMeeting(t, st, cur)
	if c.Status != casefile.StatusApproved || c.Decision == nil || c.Decision.Session != demoOpen {
		t.Fatalf("case %s is %s, decision %+v", cur, c.Status, c.Decision)
	}
	d.must("已决定 "+cur+"：已批准", "已决 1/12", "已决定：已批准")
	if d.page().walk.keys().Agree.Enabled() {
		t.Fatal("votes on a decided case")
	}
	// n goes to the next undecided case
	d.press("n")
	if d.page().sh.cur == cur {
		t.Fatal("n stayed on the decided case")
	}
}

// A ruling other than the rules' proposal is the chair's final word: a
// rejection after all agree offers the default wording, editable, and is
// stored as an override with that reason.
func TestMeetingOverrideWithDefaultWording(t *testing.T) {
	st, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 120, 40)
	walkTo(t, d, 0)
	cur := d.page().sh.cur
	agreeAll(d)
	d.press("enter", "2")
	d.must("不予救助："+cur, "与表决结果（批准）不同", "经综合研判会研判，不予救助")
	wording := d.page().prompt().Value()
	d.typeText("另查明申请人已有工作")
	d.press("enter")
	it := storedSession(t, ms, demoOpen).Item(cur)
	if it.Decision == nil || it.Decision.Result != casefile.StatusRejected || !it.Decision.Override ||
		it.Decision.Reason != wording+"另查明申请人已有工作" {
		t.Fatalf("decision %+v", it.Decision)
	}
	if c := caseAfterMeeting(t, st, cur); c.Status != casefile.StatusRejected {
		t.Fatalf("case is %s", c.Status)
	}
	d.must("主持人最终意见；按规则为批准")
}

// A deferral offers what is missing and stores each item to verify.
func TestMeetingDeferral(t *testing.T) {
	st, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 120, 40)
	walkTo(t, d, 0)
	d.press("]") // the second case lacks documents
	cur := d.page().sh.cur
	agreeAll(d)
	d.press("enter", "3")
	d.must("暂缓："+cur, "须补充核查的事项")
	d.press("ctrl+u") // clear what was offered
	d.typeText("补充申请书；补充残疾证")
	d.press("enter")
	it := storedSession(t, ms, demoOpen).Item(cur)
	if it.Decision == nil || it.Decision.Result != casefile.StatusDeferred || len(it.Decision.Verify) != 2 ||
		it.Decision.Verify[1] != "补充残疾证" {
		t.Fatalf("decision %+v", it.Decision)
	}
	if c := caseAfterMeeting(t, st, cur); c.Status != casefile.StatusDeferred {
		t.Fatalf("case is %s", c.Status)
	}
}

// Closing shows the summary, asks, freezes the session; after it no key
// changes anything, and print says it is not available yet.
func TestMeetingClosingFreezesTheSession(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 120, 40)
	walkTo(t, d, 0)
	agreeAll(d)
	d.press("enter", "enter", "y")
	d.press("c")
	d.must("议程 12 件：批准 1  不予救助 0  暂缓 0  未决 11", "按部门", "县民政局", "c 闭会")
	d.press("p") // printing is for a closed session
	d.press("c")
	d.must("闭会 "+demoOpen, "11 件未作决定", "闭会后本次研判会的出席、表决和决定记录将冻结")
	d.press("y")
	s := storedSession(t, ms, demoOpen)
	if s.Status != meeting.SessionClosed || len(s.Undecided) != 11 {
		t.Fatalf("session %s, undecided %v", s.Status, s.Undecided)
	}
	d.must("已闭会："+demoOpen+"，记录已冻结", "已闭会，记录已冻结（只读）")
	d.press("p")
	d.must("「打印决定书和会议纪要」尚未开放")
	d.press("2", "n")
	for _, k := range []bool{d.page().walk.keys().Agree.Enabled(), d.page().walk.keys().Recuse.Enabled(), d.page().walk.keys().Decide.Enabled()} {
		if k {
			t.Fatal("a key changes a closed session")
		}
	}
	d.press("a", "r")
	if d.page().prompt() != nil {
		t.Fatal("a prompt opened on a closed session")
	}
}

// A write refused because the session was closed elsewhere shows the
// domain's message.
func TestMeetingSessionClosedElsewhere(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.EN, 100, 30)
	walkTo(t, d, 0)
	if _, err := ms.Close(demoOpen, true, testUser); err != nil {
		t.Fatal(err)
	}
	d.press("a")
	d.must("the session is closed; its record can no longer change")
}

func TestMeetingPrintHook(t *testing.T) {
	_, ms := openMeeting(t)
	var printed string
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24, WithPrint(func(s string) tea.Cmd { printed = s; return nil }))
	d.press("down", "enter", "p")
	if printed != demoClosed {
		t.Fatalf("printed %q", printed)
	}
}

// A user who may not write the meeting sees the domain's refusal.
func TestMeetingForbidden(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsoleAs(t, ms, "clerk", casefile.ZH, 80, 24)
	openDemoSession(t, d)
	d.press("space")
	d.must("无此操作权限", "clerk 未登记")
	if n := presentCount(storedSession(t, ms, demoOpen)); n != 15 {
		t.Fatalf("attendance changed: %d present", n)
	}
}

// A new session: date and place, attendance by clicks, then the agenda
// built with a group filter (duplicates resolved first).
func TestMeetingNewSessionAndAgenda(t *testing.T) {
	st := openStore(t, true)
	ms := meeting.New(st)
	if _, err := ms.SetCommittee(meeting.DefaultCommittee(st.Catalog()), testUser); err != nil {
		t.Fatal(err)
	}
	d := newMtgConsole(t, ms, casefile.ZH, 100, 30)
	d.must("还没有研判会")
	d.press("n")
	if !d.page().Typing() {
		t.Fatal("the place is not being typed")
	}
	d.typeText("三楼会议室")
	d.press("ctrl+s")
	d.must("已开会：YH2026-001", "出席 0/17，未达法定人数")
	for i := 0; i < 9; i++ {
		x, y := d.find("[ ] ")
		d.click(x+1, y)
	}
	d.must("出席 9/17，已达法定人数")
	d.press("tab", "tab", "tab") // the group filter
	for !strings.Contains(d.view(), "< 大学新生入学资助 >") {
		d.press("right")
	}
	d.press("b")
	s := storedSession(t, ms, "YH2026-001")
	if len(s.Agenda) == 0 {
		t.Fatal("nothing on the agenda")
	}
	for _, it := range s.Agenda {
		found := false
		for _, a := range it.Apps {
			if p := st.Catalog().Project(a.Project); p != nil && p.Group == "college_freshman" {
				found = true
			}
		}
		if !found {
			t.Fatalf("%s is not in the group", it.Case)
		}
	}
	d.must(fmt.Sprintf("议程已生成：新增 %d 件", len(s.Agenda)), "同一救助政策只能享受一次")
	// a duplicate to decline shows its mark and why
	var declined string
	for _, it := range s.Agenda {
		for _, a := range it.Apps {
			if a.Mark == meeting.MarkDecline && declined == "" {
				declined = it.Case
			}
		}
	}
	if declined == "" {
		t.Fatal("no duplicate to decline on the agenda")
	}
	d.press("w")
	for d.page().sh.cur != declined {
		d.press("]")
	}
	d.must("不予重复救助", "同一救助政策只能享受一次")
}

func TestMeetingTooSmall(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.EN, 50, 15)
	d.must("Window too small")
	d.press("enter", "w", "a")
	if d.page().sh.b != nil {
		t.Fatal("keys acted on a screen too small to see")
	}
}

// The front desk's home opens the same console.
func TestMeetingFromTheFrontDesk(t *testing.T) {
	st, ms := openMeeting(t)
	m := NewFrontDesk(NewStore(st), casefile.ZH, testUser, WithClock(clock), WithAutosaveDelay(0),
		WithMeeting(MeetingPage(NewMeetingStore(ms))))
	d := &driver{t: t, m: m}
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.press("3")
	d.must("综合研判会", demoOpen)
	d.press("enter", "w")
	d.must("2026-000025", "a 同意")
	x, y := d.lineOfXY("张志强")
	d.click(x, y)
	if got := m.pages[pageMeeting].(*meetingPage).walk.selectedMember(); got == nil || got.Name != "张志强" {
		t.Fatalf("the click selected %+v", got)
	}
	d.press("esc", "esc")
	if d.m.active != pageHome {
		t.Fatal("esc did not lead home")
	}
}

// lineOfXY is the screen position of s.
func (d *driver) lineOfXY(s string) (int, int) {
	for i, l := range strings.Split(d.view(), "\n") {
		if j := strings.Index(l, s); j >= 0 {
			return ansi.StringWidth(l[:j]), i
		}
	}
	d.t.Fatalf("screen lacks %q", s)
	return 0, 0
}

// In the wide layout the agenda is beside the case; a click opens a case.
func TestMeetingProjectorLayout(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.EN, 160, 45)
	walkTo(t, d, 0)
	d.must("Agenda", "12 cases, 0 decided", "│")
	third := storedSession(t, ms, demoOpen).Agenda[2].Case
	x, y := d.find(third)
	d.click(x, y)
	if d.page().sh.cur != third {
		t.Fatalf("the click opened %s", d.page().sh.cur)
	}
}

// `hall meeting NUMBER` opens the session at once; an unknown number is
// said on screen in the user's language.
func TestMeetingOpensNamedSession(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24, WithSession(demoOpen))
	d.must("出席 15/17，已达法定人数", "研判会 "+demoOpen)
	d = newMtgConsole(t, ms, casefile.EN, 80, 24, WithSession("YH1999-001"))
	d.must("session not found: YH1999-001", "Adjudication meetings", demoOpen)
}

// Full help lists every key of the screen; "?" in a prompt is text.
func TestMeetingFullHelp(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 120, 40)
	walkTo(t, d, 0)
	d.press("?")
	d.must("上/下一件", "闭会页", "研判会列表", "切换页面")
	d.press("?", "d")
	d.typeText("为何?")
	if got := d.page().prompt().Value(); got != "为何?" {
		t.Fatalf("typed %q", got)
	}
}
