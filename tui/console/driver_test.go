package console

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// openMeeting opens a temp database with the demo cases and the demo
// meeting (a closed session and an open one with attendance taken and the
// ready cases on its agenda).
func openMeeting(t testing.TB) (*casefile.Store, *meeting.Store) {
	t.Helper()
	st := tuitest.OpenStore(t, true)
	if err := meeting.FillDemo(st, tuitest.TestUser); err != nil {
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
	m    *Console
	quit bool
}

func newMtgConsole(t testing.TB, ms *meeting.Store, lang casefile.Lang, w, h int, opts ...Option) *mtgConsole {
	t.Helper()
	return newMtgConsoleAs(t, ms, tuitest.TestUser, lang, w, h, opts...)
}

func newMtgConsoleAs(t testing.TB, ms *meeting.Store, user string, lang casefile.Lang, w, h int, opts ...Option) *mtgConsole {
	t.Helper()
	opts = append([]Option{WithRoot(frontdesk.WithClock(tuitest.Clock))}, opts...)
	m := New(NewStore(ms), lang, user, opts...)
	d := &mtgConsole{t: t, m: m}
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// send feeds a message and runs the commands it causes to the end.
func (d *mtgConsole) send(msg tea.Msg) {
	d.t.Helper()
	if tuitest.Pump(d.t, d.m, msg) {
		d.quit = true
	}
}

func (d *mtgConsole) run(cmd tea.Cmd) {
	for _, msg := range tuitest.RunCmd(cmd) {
		d.send(msg)
	}
}

func (d *mtgConsole) press(names ...string) {
	d.t.Helper()
	for _, n := range names {
		d.send(tuitest.KeyMsg(n))
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

// lineOfXY is the screen position of s.
func (d *tuitest.Driver) lineOfXY(s string) (int, int) {
	for i, l := range strings.Split(d.view(), "\n") {
		if j := strings.Index(l, s); j >= 0 {
			return ansi.StringWidth(l[:j]), i
		}
	}
	d.t.Fatalf("screen lacks %q", s)
	return 0, 0
}
