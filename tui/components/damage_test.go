package components_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// A damaged-database error shown through Common.Msg turns the shell's
// window into the damage screen, even when met while drawing; the pages
// get no key, mouse or paste; the quit key still quits. Other errors
// leave the pages alone.
func TestShellDamageScreen(t *testing.T) {
	s, c := newShell(t, 80, 24)
	p := &page{}
	keys := components.WithGlobalKeys(p, c.Keys.Global)
	s.Layout(keys)
	c.Msg(casefile.ErrCaseNotFound)
	if s.Damaged() || !strings.Contains(ansi.Strip(s.Render(p, keys)), "the page") {
		t.Fatal("a case not found is no damage")
	}
	damage := casefile.ErrDatabaseCorrupt.Withf("页头无法识别", "a page header is unreadable")
	view := s.View("hall", func() string { c.Msg(damage); return s.Render(p, keys) })
	if got := ansi.Strip(view.Content); !strings.Contains(got, "The database file is damaged") || strings.Contains(got, "the page") {
		t.Fatalf("drawn after the damage was met:\n%s", got)
	}
	if !s.Damaged() || !s.Blocked() {
		t.Fatal("the shell should be damaged and blocked")
	}
	if _, ok := s.Click(tea.MouseClickMsg{X: 5, Y: 5}); ok {
		t.Error("a click reached the page")
	}
	if cmd, done := s.Key(tuitest.KeyMsg("?"), p, components.Quitting{}); !done || cmd != nil || len(p.got) != 0 {
		t.Error("a key reached the page")
	}
	p.dirty = true // nothing can be saved: quitting does not ask
	if cmd, done := s.Key(tuitest.KeyMsg("ctrl+c"), p, components.Quitting{Dirty: p.Dirty}); !done || cmd == nil || s.Confirming() {
		t.Error("ctrl+c should quit at once")
	}
}
