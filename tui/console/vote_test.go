package console

import (
	"slices"
	"strings"

	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// A disagreeing vote asks a reason: an empty one is refused by the domain
// and the prompt stays open; the reason is stored with the vote.
func TestMeetingVoteWithReason(t *testing.T) {
	_, ms, d := walking(t, casefile.ZH, 80, 24, 1)
	cur := d.page().sh.cur
	m := d.page().walk.selectedMember()
	d.Press("d")
	d.Must(m.Name+"：不同意", "请写明理由")
	giveReason(t, d, "该户有稳定收入来源", m.Name+"「不同意」须写明理由")
	if d.page().prompt() != nil {
		t.Fatalf("the prompt stayed open:\n%s", d.View())
	}
	v := storedSession(t, ms, demoOpen).Item(cur).Vote(m.ID)
	if v == nil || v.Choice != meeting.Disagree || v.Reason != "该户有稳定收入来源" || v.By != tuitest.TestUser {
		t.Fatalf("stored vote %+v", v)
	}
	d.Must("已记录："+m.Name+" 不同意", "不同意 1", m.Name+" 不同意")
	// the selection moved on to the next member
	if got := d.page().walk.selectedMember(); got == nil || got.ID == m.ID {
		t.Fatal("the selection did not move on")
	}
	// an agreeing vote needs no reason and is counted at once
	d.Press("a")
	d.Must("同意 1  不同意 1")
}

// A prompt cancelled keeps what was typed; ctrl+c asks first while a
// reason is being typed.
func TestMeetingNothingTypedIsLost(t *testing.T) {
	_, _, d := walking(t, casefile.ZH, 80, 24, 0)
	d.Press("s")
	d.Type("情况不掌握")
	d.Press("esc")
	if d.page().prompt() != nil {
		t.Fatal("esc did not close the prompt")
	}
	d.Press("s")
	if got := d.page().prompt().Value(); got != "情况不掌握" {
		t.Fatalf("the reason came back as %q", got)
	}
	d.Press("ctrl+c")
	if d.Quit {
		t.Fatal("quit with a reason being typed")
	}
	d.Must("退出研判会", "正在填写的理由尚未记录")
	d.Press("n")
	if got := d.page().prompt().Value(); got != "情况不掌握" {
		t.Fatalf("the reason is now %q", got)
	}
	d.Press("ctrl+c", "y")
	if !d.Quit {
		t.Fatal("did not quit")
	}
}

func TestMeetingRecusal(t *testing.T) {
	_, ms, d := walking(t, casefile.ZH, 80, 24, 2)
	cur := d.page().sh.cur
	m := d.page().walk.selectedMember()
	d.Press("r")
	d.Must(m.Name+" 申请回避", "回避理由")
	giveReason(t, d, "系申请人表兄")
	it := storedSession(t, ms, demoOpen).Item(cur)
	if !it.Recused(m.ID) || it.Recusals[0].Reason != "系申请人表兄" {
		t.Fatalf("recusals %+v", it.Recusals)
	}
	d.Must("已记录回避："+m.Name, "回避 1")
	// a recused member cannot vote on the case
	d.Press("left")
	d.Must(m.Name + "  县妇联  委员：回避 - 系申请人表兄")
	if d.page().walk.keys().Agree.Enabled() {
		t.Fatal("a recused member may vote")
	}
}

// Deciding before every present member voted is refused by the domain;
// once all agree, the rules' approval is confirmed and the case is
// approved in the case file.
func TestMeetingDecisionChangesTheCase(t *testing.T) {
	st, ms, d := walking(t, casefile.ZH, 80, 24, 0)
	// the first case whose findings give a reason to reject
	for _, it := range storedSession(t, ms, demoOpen).Agenda {
		if slices.ContainsFunc(it.Findings, func(f casefile.Finding) bool {
			return f.Severity == casefile.SevError && f.Kind != casefile.FindDeadline
		}) {
			break
		}
		d.Press("n")
	}
	cur := d.page().sh.cur
	d.Press("a", "enter")
	d.Must("决定 "+cur, "尚有 14 人未表决", "按规则拟：不予救助")
	d.Press("enter") // the rules' rejection: its wording offered
	d.Must("不予救助：" + cur)
	if w := d.page().prompt().Value(); w == "" || strings.Contains(w, "票") {
		t.Fatalf("the offered wording %q: want the findings' reason and no vote count", w)
	}
	d.Press("enter")
	d.Must("尚有出席委员未表决：李秀兰")
	d.Press("esc")
	if caseAfterMeeting(t, st, cur).Status != casefile.StatusReady {
		t.Fatal("decided with votes pending")
	}
	agreeAll(d)
	d.Must("同意 15", "按规则拟：批准")
	d.Press("enter")
	d.Must("1 批准", "2 不予救助", "3 暂缓")
	d.Press("enter")
	d.Must("按表决结果批准并记录？")
	d.Press("y")
	c := caseAfterMeeting(t, st, cur)
	if c.Status != casefile.StatusApproved || c.Decision == nil || c.Decision.Session != demoOpen {
		t.Fatalf("case %s is %s, decision %+v", cur, c.Status, c.Decision)
	}
	d.Must("已决定 "+cur+"：已批准", "已决 1/11", "已决定：已批准")
	if d.page().walk.keys().Agree.Enabled() {
		t.Fatal("votes on a decided case")
	}
	// n goes to the next undecided case
	d.Press("n")
	if d.page().sh.cur == cur {
		t.Fatal("n stayed on the decided case")
	}
}

// A ruling other than the rules' proposal is the chair's final word: a
// rejection after all agree offers the default wording, editable, and is
// stored as an override with that reason.
func TestMeetingOverrideWithDefaultWording(t *testing.T) {
	st, ms, d := walking(t, casefile.ZH, 120, 40, 0)
	cur := d.page().sh.cur
	agreeAll(d)
	d.Press("enter", "2")
	d.Must("不予救助："+cur, "与表决结果（批准）不同")
	wording := d.page().prompt().Value()
	d.Type("另查明申请人已有工作")
	d.Press("enter")
	it := storedSession(t, ms, demoOpen).Item(cur)
	if it.Decision == nil || it.Decision.Result != casefile.StatusRejected || !it.Decision.Override ||
		it.Decision.Reason != wording+"另查明申请人已有工作" {
		t.Fatalf("decision %+v", it.Decision)
	}
	if c := caseAfterMeeting(t, st, cur); c.Status != casefile.StatusRejected {
		t.Fatalf("case is %s", c.Status)
	}
	d.Must("主持人最终意见；按规则为批准")
}

// A deferral offers what is missing and stores each item to verify.
func TestMeetingDeferral(t *testing.T) {
	st, ms, d := walking(t, casefile.ZH, 120, 40, 0)
	d.Press("]") // the second case lacks documents
	cur := d.page().sh.cur
	agreeAll(d)
	d.Press("enter", "3")
	d.Must("暂缓："+cur, "须补充核查的事项")
	d.Press("ctrl+u") // clear what was offered
	d.Type("补充申请书；补充残疾证")
	d.Press("enter")
	it := storedSession(t, ms, demoOpen).Item(cur)
	if it.Decision == nil || it.Decision.Result != casefile.StatusDeferred || len(it.Decision.Verify) != 2 ||
		it.Decision.Verify[1] != "补充残疾证" {
		t.Fatalf("decision %+v", it.Decision)
	}
	if c := caseAfterMeeting(t, st, cur); c.Status != casefile.StatusDeferred {
		t.Fatalf("case is %s", c.Status)
	}
}

// A write refused because the session was closed elsewhere shows the
// domain's message.
func TestMeetingSessionClosedElsewhere(t *testing.T) {
	_, ms, d := walking(t, casefile.EN, 100, 30, 0)
	if _, err := ms.Close(demoOpen, true, tuitest.TestUser); err != nil {
		t.Fatal(err)
	}
	d.Press("a")
	d.Must("the session is closed; its record can no longer change")
}
