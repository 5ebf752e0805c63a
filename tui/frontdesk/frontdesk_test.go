package frontdesk

import (
	"image/color"
	"strings"
	"testing"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

func TestHomeShowsCountersAndMenu(t *testing.T) {
	st := openStore(t, true)
	var counts casefile.Counts
	st.View(func(tx *casefile.Tx) error { counts = tx.Counts(); return nil })
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.must("示例县融救助中心", "今日受理", "待核查", "待研判", "3 个工作日内到期", "前台受理", "尚未开放")
	line := strings.Split(d.view(), "\n")[d.lineOf("待研判")]
	if want := counts.ByStatus[casefile.StatusReady]; !strings.Contains(line, " "+itoa(want)) {
		t.Fatalf("ready counter line %q lacks %d", line, want)
	}
	// a not-yet-available screen says so and stays home
	d.press("3")
	d.must("「研判会」尚未开放")
	if d.m.active != common.PageHome {
		t.Fatal("left home for an unavailable screen")
	}
	d.press("2")
	if d.m.active != common.PageQueue {
		t.Fatalf("2 should open the queue, active %d", d.m.active)
	}
	d.press("esc")
	if d.m.active != common.PageHome {
		t.Fatal("esc should go back home")
	}
}

func itoa(n int) string { return fmtInt(n) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestEnglishHomeHasNoChineseLabels(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.EN, 100, 30)
	v := d.view()
	for _, r := range v {
		if unicode.Is(unicode.Han, r) {
			t.Fatalf("English home shows Chinese %q:\n%s", string(r), v)
		}
	}
	d.must("Example County Integrated Social Assistance Hall", "Received today", "not yet available")
}

func TestWindowTooSmallKeepsData(t *testing.T) {
	st := openStore(t, false)
	d := intakeDriver(t, st)
	typeText(d, "6106021980")
	d.send(tea.WindowSizeMsg{Width: 50, Height: 15})
	d.must("窗口太小", "60x20", "50x15")
	d.mustNot("身份证号")
	typeText(d, "999") // nothing visible, nothing changed
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.must("[6106021980", "身份证号")
	if d.m.intake.state.ID != "6106021980" {
		t.Fatalf("ID %q", d.m.intake.state.ID)
	}
}

func TestQuitAsksWhenUnsaved(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("ctrl+c")
	if !d.Quit {
		t.Fatal("nothing unsaved: ctrl+c should quit at once")
	}
	d = newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("1")
	typeText(d, "赵")
	d.press("ctrl+c")
	d.must("退出前台", "确定退出吗")
	d.press("n")
	if d.Quit || d.m.shell.Confirming() {
		t.Fatal("n should keep the front desk open")
	}
	d.must("[赵")
	d.press("ctrl+c", "y")
	if !d.Quit {
		t.Fatal("y should quit")
	}
}

// stubConsole is a page from elsewhere, as a meeting console would be.
type stubConsole struct {
	c       *common.Common
	entered int
}

func (s *stubConsole) ShortHelp() []key.Binding       { return []key.Binding{s.c.Keys.Global.Back} }
func (s *stubConsole) FullHelp() [][]key.Binding      { return [][]key.Binding{s.ShortHelp()} }
func (s *stubConsole) Enter() tea.Cmd                 { s.entered++; return nil }
func (s *stubConsole) View() string                   { return "MEETING CONSOLE" }
func (s *stubConsole) SetSize(int, int)               {}
func (s *stubConsole) Title() string                  { return "meeting" }
func (s *stubConsole) Status() (string, common.Level) { return "", common.LevelPlain }
func (s *stubConsole) Dirty() bool                    { return false }
func (s *stubConsole) Typing() bool                   { return false }
func (s *stubConsole) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" {
		return common.GoBack
	}
	return nil
}

func TestMeetingConsolePlugsIn(t *testing.T) {
	st := openStore(t, false)
	var console *stubConsole
	m := New(NewStore(st), casefile.ZH, testUser, WithClock(clock), WithAutosaveDelay(0),
		WithMeeting(func(c *common.Common) common.Page { console = &stubConsole{c: c}; return console }))
	d := wrap(t, m)
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if l := strings.Split(d.view(), "\n")[d.lineOf("3  研判会")]; strings.Contains(l, "尚未开放") {
		t.Fatalf("the meeting entry should be live: %q", l)
	}
	d.press("3")
	d.must("MEETING CONSOLE")
	if console.entered != 1 {
		t.Fatalf("console entered %d times", console.entered)
	}
	d.press("esc")
	d.must("今日受理")
}

func TestHelpAndBackground(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.mustNot("4 打印")
	d.press("?")
	d.must("4 打印", "5 统计报表") // the full help lists every menu key
	d.press("?")
	d.mustNot("4 打印")
	if !d.m.c.IsDark {
		t.Fatal("dark is the default")
	}
	d.send(tea.BackgroundColorMsg{Color: color.White})
	if d.m.c.IsDark || d.m.c.Styles.Theme.IsDark {
		t.Fatal("a white background should give the light theme")
	}
	// in a text field "?" is text, f1 is help
	d.press("1", "?")
	if d.m.intake.state.ID != "?" || d.m.shell.HelpShown() {
		t.Fatalf("? in a text field: ID %q, help %v", d.m.intake.state.ID, d.m.shell.HelpShown())
	}
	d.press("f1")
	if !d.m.shell.HelpShown() {
		t.Fatal("f1 should open the full help")
	}
}
