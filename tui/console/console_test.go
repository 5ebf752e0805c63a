package console

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

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
	m := frontdesk.New(frontdesk.NewStore(st), casefile.ZH, tuitest.TestUser, frontdesk.WithClock(tuitest.Clock), frontdesk.WithAutosaveDelay(0),
		frontdesk.WithMeeting(Page(NewStore(ms))))
	d := &tuitest.Driver{t: t, m: m}
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.press("3")
	d.must("综合研判会", demoOpen)
	d.press("enter", "w")
	d.must("2026-000025", "a 同意")
	x, y := d.lineOfXY("张志强")
	d.click(x, y)
	if got := m.pages[common.PageMeeting].(*meetingPage).walk.selectedMember(); got == nil || got.Name != "张志强" {
		t.Fatalf("the click selected %+v", got)
	}
	d.press("esc", "esc")
	if d.m.active != common.PageHome {
		t.Fatal("esc did not lead home")
	}
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
