package components_test

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// page is the smallest common.Page: it records what reaches it.
type page struct {
	dirty, typing bool
	got           []tea.Msg
}

func (p *page) ShortHelp() []key.Binding       { return nil }
func (p *page) FullHelp() [][]key.Binding      { return nil }
func (p *page) Enter() tea.Cmd                 { return nil }
func (p *page) Update(msg tea.Msg) tea.Cmd     { p.got = append(p.got, msg); return nil }
func (p *page) View() string                   { return "the page" }
func (p *page) SetSize(int, int)               {}
func (p *page) Title() string                  { return "Title" }
func (p *page) Status() (string, common.Level) { return "status", common.LevelPlain }
func (p *page) Dirty() bool                    { return p.dirty }
func (p *page) Typing() bool                   { return p.typing }

func newShell(t *testing.T, w, h int) (*components.Shell, *common.Common) {
	t.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	c := common.New(cat, casefile.EN, tuitest.TestUser, tuitest.Clock)
	c.Width, c.Height = w, h
	return components.NewShell(c), c
}

func TestShellQuitAsksWhenDirty(t *testing.T) {
	s, c := newShell(t, 80, 24)
	p := &page{}
	keys := components.WithGlobalKeys(p, c.Keys.Global)
	s.Layout(keys)
	if cmd, done := s.Key(tuitest.KeyMsg("ctrl+c"), p, components.Quitting{Dirty: p.Dirty}); !done || cmd == nil || s.Confirming() {
		t.Fatal("nothing unsaved: ctrl+c should quit at once")
	}
	p.dirty = true
	confirmed := false
	q := components.Quitting{Dirty: p.Dirty, Title: common.LblQuitTitle, Text: common.LblQuitText, Confirmed: func() tea.Cmd { confirmed = true; return tea.Quit }}
	s.Key(tuitest.KeyMsg("ctrl+c"), p, q)
	if !s.Confirming() || !strings.Contains(ansi.Strip(s.Render(p, keys)), "Quit the front desk") {
		t.Fatalf("unsaved work: ctrl+c should ask first:\n%s", ansi.Strip(s.Render(p, keys)))
	}
	if _, done := s.Key(tuitest.KeyMsg("a"), p, q); !done || len(p.got) != 0 {
		t.Fatal("the open dialog should take every key")
	}
	s.Key(tuitest.KeyMsg("n"), p, q)
	if s.Confirming() || confirmed {
		t.Fatal("n should close the dialog and stay")
	}
	s.Key(tuitest.KeyMsg("ctrl+c"), p, q)
	if cmd, _ := s.Key(tuitest.KeyMsg("y"), p, q); cmd == nil || !confirmed {
		t.Fatal("y should run the confirmed command")
	}
}

func TestShellHelpAndPageKeys(t *testing.T) {
	s, c := newShell(t, 80, 24)
	p := &page{}
	keys := components.WithGlobalKeys(p, c.Keys.Global)
	s.Layout(keys)
	if _, done := s.Key(tuitest.KeyMsg("x"), p, components.Quitting{}); done {
		t.Fatal("a page's key was taken by the shell")
	}
	s.Key(tuitest.KeyMsg("?"), p, components.Quitting{})
	if !s.HelpShown() {
		t.Fatal("? should open the full help")
	}
	p.typing = true
	if _, done := s.Key(tuitest.KeyMsg("?"), p, components.Quitting{}); done || !s.HelpShown() {
		t.Fatal(`"?" typed into the page is text`)
	}
	s.Key(tuitest.KeyMsg("f1"), p, components.Quitting{})
	if s.HelpShown() {
		t.Fatal("f1 should close the help even while typing")
	}
}

func TestShellFrameAndClicks(t *testing.T) {
	s, c := newShell(t, 80, 24)
	p := &page{}
	keys := components.WithGlobalKeys(p, c.Keys.Global)
	bodyH, changed := s.Layout(keys)
	if !changed || bodyH != 24-3 || s.BodyHeight() != bodyH {
		t.Fatalf("body %d (changed %v), want 21", bodyH, changed)
	}
	v := ansi.Strip(s.Render(p, keys))
	tuitest.CheckFrame(t, v, 80, 24)
	for _, want := range []string{"Title", "the page", "status", "ctrl+c"} {
		if !strings.Contains(v, want) {
			t.Errorf("frame lacks %q:\n%s", want, v)
		}
	}
	if in, ok := s.Click(tea.MouseClickMsg{X: 3, Y: 1}); !ok || in.Y != 0 || in.X != 3 {
		t.Errorf("a click on the page's first line gave %+v, %v", in, ok)
	}
	if _, ok := s.Click(tea.MouseClickMsg{X: 3, Y: 0}); ok {
		t.Error("a click on the header reached the page")
	}
	if _, ok := s.Click(tea.MouseClickMsg{X: 3, Y: 1 + bodyH}); ok {
		t.Error("a click on the status line reached the page")
	}

	c.Width, c.Height = 50, 15
	s.Layout(keys)
	if !strings.Contains(ansi.Strip(s.Render(p, keys)), "too small") {
		t.Errorf("no notice in a small window:\n%s", ansi.Strip(s.Render(p, keys)))
	}
	if _, done := s.Key(tuitest.KeyMsg("x"), p, components.Quitting{}); !done || !s.Blocked() {
		t.Error("keys should do nothing in a window too small to see")
	}
	if _, ok := s.Click(tea.MouseClickMsg{X: 3, Y: 1}); ok {
		t.Error("a click reached a page too small to see")
	}
}

func TestShellViewRecovers(t *testing.T) {
	s, c := newShell(t, 80, 24)
	v := s.View("hall", func() string { panic("boom") })
	if !strings.Contains(v.Content, "boom") || !v.AltScreen {
		t.Fatalf("the fault is not shown: %q", v.Content)
	}
	if *s.Fault() != "boom" {
		t.Fatalf("fault %q", *s.Fault())
	}
	p := &page{}
	keys := components.WithGlobalKeys(p, c.Keys.Global)
	s.Layout(keys)
	if got := ansi.Strip(s.Render(p, keys)); !strings.Contains(got, "boom") {
		t.Fatalf("the status line does not show the fault:\n%s", got)
	}
}
