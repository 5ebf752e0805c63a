package console

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

func TestMeetingTooSmall(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.EN, 50, 15)
	d.Must("Window too small")
	d.Press("enter", "w", "a")
	if d.page().sh.b != nil {
		t.Fatal("keys acted on a screen too small to see")
	}
}

// The front desk's home opens the same console: keys and clicks reach
// it through the front desk's frame, and esc leads back home.
func TestMeetingFromTheFrontDesk(t *testing.T) {
	st, ms := openMeeting(t)
	m := frontdesk.New(frontdesk.NewStore(st), casefile.ZH, tuitest.TestUser, frontdesk.WithClock(tuitest.Clock), frontdesk.WithAutosaveDelay(0),
		frontdesk.WithMeeting(Page(NewStore(ms))))
	d := tuitest.NewDriver(t, m)
	d.Run(m.Init())
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	header := func() string { return strings.SplitN(d.View(), "\n", 2)[0] }
	home := header()
	d.Press("3")
	d.Must("综合研判会", demoOpen)
	d.Press("enter", "w")
	d.Must("2026-000013", "a 同意")
	// the line under the members' grid describes the one selected
	selected := regexp.MustCompile(`(?m)^\s*(\S+)  \S+  \S+：`)
	name := func() string {
		m := selected.FindStringSubmatch(d.View())
		if m == nil {
			t.Fatalf("no member is described:\n%s", d.View())
		}
		return m[1]
	}
	if got := name(); got == "张志强" {
		t.Fatalf("张志强 is selected before the click:\n%s", d.View())
	}
	x, y, ok := findXY(d.View(), "张志强")
	if !ok {
		t.Fatalf("screen lacks 张志强:\n%s", d.View())
	}
	d.Click(x, y)
	if got := name(); got != "张志强" {
		t.Fatalf("the click selected %s:\n%s", got, d.View())
	}
	d.Press("esc", "esc")
	if got := header(); got != home {
		t.Fatalf("esc did not lead home: header %q, want %q\n%s", got, home, d.View())
	}
}

// In the wide layout the agenda is beside the case; a click opens a case.
func TestMeetingProjectorLayout(t *testing.T) {
	_, ms, d := walking(t, casefile.EN, 160, 45, 0)
	d.Must("Agenda", "11 cases, 0 decided", "│")
	third := storedSession(t, ms, demoOpen).Agenda[2].Case
	x, y := d.find(third)
	d.Click(x, y)
	if d.page().sh.cur != third {
		t.Fatalf("the click opened %s", d.page().sh.cur)
	}
}

// Full help lists every key of the screen; "?" in a prompt is text.
func TestMeetingFullHelp(t *testing.T) {
	_, _, d := walking(t, casefile.ZH, 120, 40, 0)
	d.Press("?")
	d.Must("上/下一件", "闭会页", "研判会列表", "切换页面")
	d.Press("?", "d")
	d.Type("为何?")
	if got := d.page().prompt().Value(); got != "为何?" {
		t.Fatalf("typed %q", got)
	}
}
