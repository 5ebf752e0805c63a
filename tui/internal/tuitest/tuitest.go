package tuitest

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

// FixedNow is the clock of every test: Friday 27 November 2026, 10:00.
var FixedNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// Clock returns FixedNow.
func Clock() time.Time { return FixedNow }

// TestUser is the local desk every test signs in as (an administrator).
const TestUser = "local:desk"

// Demo sessions of meeting.FillDemo: the closed one and the open one.
const (
	DemoClosed = "YH2026-001"
	DemoOpen   = "YH2026-002"
)

// OpenStore opens a temp database (filled with the demo cases when demo
// is set) on the fixed clock; it is closed when the test ends.
func OpenStore(t testing.TB, demo bool) *casefile.Store {
	t.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	st, err := casefile.Open(filepath.Join(t.TempDir(), "hall.db"), cat, casefile.Options{Now: Clock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if demo {
		if _, err := gen.FillDemo(st, TestUser, 2026); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// ValidID makes a valid resident number from 17 digits.
func ValidID(first17 string) string { return first17 + string(casefile.IDCheckChar(first17)) }

// Pump feeds msg to m and runs the commands it causes, and the messages
// they return, to the end, as a program does. It reports whether the
// model asked to quit.
func Pump(t testing.TB, m tea.Model, msg tea.Msg) (quit bool) {
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
		queue = append(queue, RunCmd(cmd)...)
	}
	return quit
}

// RunCmd runs cmd (and the commands of a batch) and returns the messages.
func RunCmd(cmd tea.Cmd) []tea.Msg {
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
			out = append(out, RunCmd(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// KeyMsg builds the key press for a key name as bubbletea reports it.
func KeyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp,
		"down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"home": tea.KeyHome, "end": tea.KeyEnd, "delete": tea.KeyDelete, "backspace": tea.KeyBackspace, "f1": tea.KeyF1, "f2": tea.KeyF2, "f5": tea.KeyF5}
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

// TextKeys are the key presses that type s, one per character, as a
// person (or a scanner) does.
func TextKeys(s string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range s {
		if r == ' ' {
			out = append(out, tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
			continue
		}
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// GoldenLangs are the languages every golden screen is drawn in.
var GoldenLangs = []casefile.Lang{casefile.ZH, casefile.EN}

// CheckFrame asserts the screen v fills a w×h window exactly, no line
// wider than the window (CJK counted double).
func CheckFrame(t testing.TB, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("screen has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide (window %d): %q", i, n, w, l)
		}
	}
}

// Driver runs a root model like the program does, synchronously.
type Driver struct {
	T    testing.TB
	M    tea.Model
	Quit bool // the model asked to quit
}

// NewDriver drives m; it does not run m.Init (Run it when needed).
func NewDriver(t testing.TB, m tea.Model) *Driver { return &Driver{T: t, M: m} }

// Send feeds a message and runs the commands it causes to the end.
func (d *Driver) Send(msg tea.Msg) {
	d.T.Helper()
	if Pump(d.T, d.M, msg) {
		d.Quit = true
	}
}

// Run runs cmd and sends its messages.
func (d *Driver) Run(cmd tea.Cmd) {
	d.T.Helper()
	for _, msg := range RunCmd(cmd) {
		d.Send(msg)
	}
}

// Press sends key presses by name.
func (d *Driver) Press(names ...string) {
	d.T.Helper()
	for _, n := range names {
		d.Send(KeyMsg(n))
	}
}

// Type types s one key press per character.
func (d *Driver) Type(s string) {
	d.T.Helper()
	for _, k := range TextKeys(s) {
		d.Send(k)
	}
}

// Click sends a left click at (x, y) of the screen.
func (d *Driver) Click(x, y int) {
	d.Send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
}

// View is the screen without colours.
func (d *Driver) View() string { return ansi.Strip(d.M.View().Content) }

// LineOf returns the screen line holding s, or -1.
func (d *Driver) LineOf(s string) int {
	for i, l := range strings.Split(d.View(), "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

// Must fails unless the screen shows every s.
func (d *Driver) Must(ss ...string) {
	d.T.Helper()
	v := d.View()
	for _, s := range ss {
		if !strings.Contains(v, s) {
			d.T.Fatalf("screen lacks %q:\n%s", s, v)
		}
	}
}

// MustNot fails when the screen shows any s.
func (d *Driver) MustNot(ss ...string) {
	d.T.Helper()
	v := d.View()
	for _, s := range ss {
		if strings.Contains(v, s) {
			d.T.Fatalf("screen shows %q:\n%s", s, v)
		}
	}
}
