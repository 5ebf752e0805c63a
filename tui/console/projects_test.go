package console

import (
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// Item 13 in the console: "a" stays one key for "agree to all"; "d" on a
// case of two projects asks which project first, and a disagreement on
// one project is recorded on that project alone (the member agrees to
// the other). When the projects' votes then propose different outcomes
// the ruling chooser offers "per project, as voted" first, and recording
// it approves one project and refuses the other, the refusal's reason
// built when it is recorded (here from the finding against the aid: no
// amount was asked), with no count.
func TestMeetingVotePerProject(t *testing.T) {
	st, ms := openMeeting(t)
	number := readyApart(t, st, ms)
	d := newMtgConsole(t, ms, casefile.ZH, 120, 40)
	walkTo(t, d, 0)
	for i := 0; d.page().sh.cur != number && i < 20; i++ {
		d.Press("]")
	}
	if d.page().sh.cur != number {
		t.Fatalf("case %s not reached:\n%s", number, d.View())
	}
	m := d.page().walk.selectedMember()
	const why = "支出票据与医院收费记录不符"
	d.Press("d")
	d.Must(m.Name+"：不同意（哪个项目？）", "1 全部项目", "2 "+apartMonthly+" 城市最低生活保障", "3 "+apartOneOff+" 支出型临时救助")
	d.Press("3")
	d.Must(m.Name + "：不同意「支出型临时救助」")
	d.Type(why)
	d.Press("enter")
	v := storedSession(t, ms, demoOpen).Item(number).Vote(m.ID)
	if v == nil || v.Choice != meeting.Agree || v.On(apartOneOff) != meeting.Disagree || v.On(apartMonthly) != meeting.Agree || v.Reason != why {
		t.Fatalf("stored vote %+v", v)
	}
	d.Must("已记录："+m.Name+" 同意，"+apartOneOff+" 不同意", "分项")
	disagreeOnOneOff(t, ms, number, m.ID, why)

	d.Press("]", "[") // read the board again
	d.Must("本项目按规则拟：批准", "本项目按规则拟：不予救助")
	d.Press("enter")
	d.Must("1 按表决结果逐项决定", "2 批准", apartMonthly+" 城市最低生活保障：按规则拟批准", apartOneOff+" 支出型临时救助：按规则拟不予救助")
	d.Press("1")
	d.Must("按表决结果逐项决定并记录？", apartOneOff+" 支出型临时救助：不予救助")
	d.Press("y")
	c := caseAfterMeeting(t, st, number)
	mz01, mz06 := c.App(apartMonthly), c.App(apartOneOff)
	if c.Status != casefile.StatusApproved || mz01.Outcome != casefile.OutcomeGranted || mz06.Outcome != casefile.OutcomeDeclined ||
		mz06.Reason == "" || strings.Contains(mz06.Reason, "票") {
		t.Fatalf("case %s: %+v / %+v", c.Status, mz01, mz06)
	}
}

// disagreeOnOneOff has present members other than except disagree on the
// temporary aid alone, for why, so that with except's disagreement (or
// without it when except is 0) a majority disagrees.
func disagreeOnOneOff(t *testing.T, ms *meeting.Store, number string, except uint64, why string) {
	t.Helper()
	s := storedSession(t, ms, demoOpen)
	n, want := 0, s.Count(&meeting.Item{}).Present/2
	if except == 0 {
		want++ // nobody disagreed yet
	}
	for _, mb := range s.Members {
		if mb.Votes() && s.IsPresent(mb.ID) && mb.ID != except && n < want {
			n++
			b := meeting.Ballot{Case: number, Member: mb.ID, Choice: meeting.Agree, Projects: map[string]meeting.Choice{apartOneOff: meeting.Disagree}, Reason: why}
			if _, err := ms.Vote(demoOpen, b, tuitest.TestUser); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// Approving every project when the votes refuse one is the chair's final
// word: the console says so and asks its reason, and the override is
// recorded on that project.
func TestMeetingApproveAllAgainstOneProject(t *testing.T) {
	st, ms := openMeeting(t)
	number := readyApart(t, st, ms)
	disagreeOnOneOff(t, ms, number, 0, "支出票据不全")
	d := newMtgConsole(t, ms, casefile.ZH, 120, 40)
	walkTo(t, d, 0)
	for i := 0; d.page().sh.cur != number && i < 20; i++ {
		d.Press("]")
	}
	d.Press("enter", "2")
	d.Must("与表决结果（按表决结果逐项决定）不同", "主持人最终意见的理由")
	d.Type("该户确有大额医疗支出，主持人决定一并批准")
	d.Press("enter")
	it := storedSession(t, ms, demoOpen).Item(number)
	if it.Decision == nil || it.Decision.Result != casefile.StatusApproved || !it.Decision.Override {
		t.Fatalf("decision %+v", it.Decision)
	}
	if p := it.Decision.Project(apartOneOff); p == nil || !p.Override || p.Proposed != casefile.StatusRejected {
		t.Errorf("the temporary aid's decision %+v", p)
	}
	if p := it.Decision.Project(apartMonthly); p == nil || p.Override {
		t.Errorf("dibao's decision %+v", p)
	}
}
