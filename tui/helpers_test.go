package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

// fixedNow is the clock of every test: Friday 27 November 2026, 10:00.
var fixedNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func clock() time.Time { return fixedNow }

func TestMain(m *testing.M) {
	// The demo generator and the store read the local zone; pin it so
	// golden files do not depend on the machine.
	time.Local = time.UTC
	code := m.Run()
	cleanupBench()
	os.Exit(code)
}

const testUser = "local:desk"

// openStore opens a temp database (filled with the demo cases when demo
// is set) on the fixed clock.
func openStore(t testing.TB, demo bool) *casefile.Store {
	t.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	st, err := casefile.Open(filepath.Join(t.TempDir(), "hall.db"), cat, casefile.Options{Now: clock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if demo {
		if _, err := gen.FillDemo(st, testUser, 2026); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// driver runs the front desk like the program does, but synchronously:
// every command a message returns is run and its message fed back.
type driver struct {
	t    testing.TB
	m    *FrontDesk
	quit bool
}

func newDriver(t testing.TB, store Store, lang casefile.Lang, w, h int) *driver {
	t.Helper()
	m := NewFrontDesk(store, lang, testUser, WithClock(clock), WithAutosaveDelay(0))
	d := &driver{t: t, m: m}
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// send feeds a message and runs the commands it causes to the end.
func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	if pump(d.t, d.m, msg) {
		d.quit = true
	}
}

// pump feeds msg to m and runs the commands it causes, and the messages
// they return, to the end, as a program does. It reports whether the
// model asked to quit.
func pump(t testing.TB, m tea.Model, msg tea.Msg) (quit bool) {
	t.Helper()
	queue := []tea.Msg{msg}
	for n := 0; len(queue) > 0; n++ {
		if n > 10000 {
			t.Fatal("the model keeps producing messages")
		}
		msg, queue = queue[0], queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			quit = true
			continue
		}
		_, cmd := m.Update(msg)
		queue = append(queue, runCmd(cmd)...)
	}
	return quit
}

func (d *driver) run(cmd tea.Cmd) {
	for _, msg := range runCmd(cmd) {
		d.send(msg)
	}
}

func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// keyMsg builds the key press for a key name as bubbletea reports it.
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp,
		"down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"home": tea.KeyHome, "backspace": tea.KeyBackspace, "f1": tea.KeyF1, "f2": tea.KeyF2, "f5": tea.KeyF5}
	if name == "space" {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if name == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	if r, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	if strings.HasPrefix(name, "ctrl+") && len(name) == 6 {
		return tea.KeyPressMsg{Code: rune(name[5]), Mod: tea.ModCtrl}
	}
	r := []rune(name)
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

// press sends key presses by name.
func (d *driver) press(names ...string) {
	d.t.Helper()
	for _, n := range names {
		d.send(keyMsg(n))
	}
}

// typeText types text one key press per character, as a person (or a
// scanner) does.
func typeText(d *driver, s string) {
	d.t.Helper()
	for _, r := range s {
		if r == ' ' {
			d.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
			continue
		}
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// click sends a left click at (x, y) of the screen.
func (d *driver) click(x, y int) {
	d.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
}

// view is the screen without colours.
func (d *driver) view() string {
	v := d.m.View()
	return ansi.Strip(v.Content)
}

// lineOf returns the screen line holding s, or -1.
func (d *driver) lineOf(s string) int {
	for i, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

// must fails unless the screen shows every s.
func (d *driver) must(ss ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range ss {
		if !strings.Contains(v, s) {
			d.t.Fatalf("screen lacks %q:\n%s", s, v)
		}
	}
}

// mustNot fails when the screen shows any s.
func (d *driver) mustNot(ss ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range ss {
		if strings.Contains(v, s) {
			d.t.Fatalf("screen shows %q:\n%s", s, v)
		}
	}
}

// validID makes a valid resident number from 17 digits.
func validID(first17 string) string { return first17 + string(casefile.IDCheckChar(first17)) }
