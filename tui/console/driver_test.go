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
// synchronously (tuitest.Driver), with the console at hand.
type mtgConsole struct {
	*tuitest.Driver
	m *Console
}

func newMtgConsole(t testing.TB, ms *meeting.Store, lang casefile.Lang, w, h int, opts ...Option) *mtgConsole {
	t.Helper()
	return newMtgConsoleAs(t, ms, tuitest.TestUser, lang, w, h, opts...)
}

func newMtgConsoleAs(t testing.TB, ms *meeting.Store, user string, lang casefile.Lang, w, h int, opts ...Option) *mtgConsole {
	t.Helper()
	opts = append([]Option{WithRoot(frontdesk.WithClock(tuitest.Clock))}, opts...)
	m := New(NewStore(ms), lang, user, opts...)
	d := &mtgConsole{Driver: tuitest.NewDriver(t, m), m: m}
	d.Run(m.Init())
	d.Send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// find returns the screen position of the first s, or fails.
func (d *mtgConsole) find(s string) (x, y int) {
	d.T.Helper()
	x, y, ok := findXY(d.View(), s)
	if !ok {
		d.T.Fatalf("screen lacks %q:\n%s", s, d.View())
	}
	return x, y
}

// findXY is the screen position of the first s in view.
func findXY(view, s string) (x, y int, ok bool) {
	for i, l := range strings.Split(view, "\n") {
		if j := strings.Index(l, s); j >= 0 {
			return ansi.StringWidth(l[:j]), i, true
		}
	}
	return 0, 0, false
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
	d.Press("enter")
	if d.page().sh.b == nil || d.page().sh.b.sess.Number != demoOpen || d.page().sh.state != stateSetup {
		t.Fatalf("the open session did not open:\n%s", d.View())
	}
}

// walkTo opens the demo's open session on its first case, with member i
// selected.
func walkTo(t testing.TB, d *mtgConsole, member int) {
	t.Helper()
	openDemoSession(t, d)
	d.Press("w")
	for i := 0; i < member; i++ {
		d.Press("right")
	}
}

// walking opens the demo meeting in a console of w×h columns in lang,
// walked to the open session's first case with member i selected.
func walking(t testing.TB, lang casefile.Lang, w, h, member int) (*casefile.Store, *meeting.Store, *mtgConsole) {
	t.Helper()
	st, ms := openMeeting(t)
	d := newMtgConsole(t, ms, lang, w, h)
	walkTo(t, d, member)
	return st, ms, d
}

// giveReason answers the open reason prompt empty first, which is
// refused (saying "必须填写理由" and what else must show) with the prompt
// left open, then with reason.
func giveReason(t testing.TB, d *mtgConsole, reason string, refused ...string) {
	t.Helper()
	d.Press("enter")
	d.Must(append([]string{"必须填写理由"}, refused...)...)
	if d.page().prompt() == nil {
		t.Fatal("the prompt closed on an empty reason")
	}
	d.Type(reason)
	d.Press("enter")
}

// agreeAll records an agreeing vote for every present member, from the
// first.
func agreeAll(d *mtgConsole) {
	for d.page().walk.member > 0 {
		d.Press("left")
	}
	for _, m := range d.page().sh.voters() {
		if d.page().sh.b.sess.IsPresent(m.ID) {
			d.Press("a")
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
