package frontdesk

import (
	"os"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// The shared test drivers (tuitest) under the short names the front
// desk's tests read with.
var (
	fixedNow  = tuitest.FixedNow
	clock     = tuitest.Clock
	openStore = tuitest.OpenStore
	validID   = tuitest.ValidID
	keyMsg    = tuitest.KeyMsg
)

const (
	testUser   = tuitest.TestUser
	demoClosed = tuitest.DemoClosed
)

func TestMain(m *testing.M) {
	// The demo generator and the store read the local zone; pin it so
	// golden files do not depend on the machine.
	time.Local = time.UTC
	code := m.Run()
	cleanupBench()
	os.Exit(code)
}

// driver runs the front desk like the program does, but synchronously:
// every command a message returns is run and its message fed back.
type driver struct {
	*tuitest.Driver
	t testing.TB
	m *FrontDesk
}

// wrap drives m without starting it.
func wrap(t testing.TB, m *FrontDesk) *driver {
	return &driver{Driver: tuitest.NewDriver(t, m), t: t, m: m}
}

// newDriver is the front desk of the test user on store in a w×h window.
func newDriver(t testing.TB, store Store, lang casefile.Lang, w, h int) *driver {
	t.Helper()
	return startDriver(t, store, lang, testUser, w, h)
}

// startDriver is the front desk of user on store in a w×h window, on the
// test clock, saving drafts at once, with opts.
func startDriver(t testing.TB, store Store, lang casefile.Lang, user string, w, h int, opts ...Option) *driver {
	t.Helper()
	m := New(store, lang, user, append([]Option{WithClock(clock), WithAutosaveDelay(0)}, opts...)...)
	d := wrap(t, m)
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// intakeDriver is the front desk on st in an 80×24 window, in Chinese,
// on the intake.
func intakeDriver(t testing.TB, st *casefile.Store) *driver {
	t.Helper()
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("1")
	return d
}

// openDossier opens the dossier of case number from the queue.
func openDossier(d *driver, number string) {
	d.t.Helper()
	d.press("2")
	typeText(d, number)
	d.press("enter")
}

func (d *driver) send(msg tea.Msg)      { d.t.Helper(); d.Send(msg) }
func (d *driver) run(cmd tea.Cmd)       { d.t.Helper(); d.Run(cmd) }
func (d *driver) press(names ...string) { d.t.Helper(); d.Press(names...) }
func (d *driver) click(x, y int)        { d.Click(x, y) }
func (d *driver) view() string          { return d.View() }
func (d *driver) lineOf(s string) int   { return d.LineOf(s) }
func (d *driver) must(ss ...string)     { d.t.Helper(); d.Must(ss...) }
func (d *driver) mustNot(ss ...string)  { d.t.Helper(); d.MustNot(ss...) }

// keyOff fails unless k is off: help (its key and words) is not shown
// and pressing its key says why.
func (d *driver) keyOff(k key.Binding, help, why string) {
	d.t.Helper()
	if k.Enabled() {
		d.t.Fatalf("%s: the key must be off", help)
	}
	d.mustNot(help)
	d.press(k.Keys()[0])
	d.must(why)
}

// typeText types text one key press per character, as a person (or a
// scanner) does.
func typeText(d *driver, s string) { d.t.Helper(); d.Type(s) }
