package components

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// Shell is what the two root models (the front desk, the meeting
// console) share around the page they show: the help bar, the quit
// dialog, the fault of a recovered panic, the damaged-database screen
// and the height left to the page.
// The root keeps its pages and routes; the shell answers the keys every
// root answers the same way and draws the frame.
type Shell struct {
	c     *common.Common
	help  help.Model
	quit  *Dialog
	fault string // a recovered panic, shown instead of crashing
	bodyH int
}

// NewShell is the frame of a root model over c.
func NewShell(c *common.Common) *Shell { return &Shell{c: c, help: NewHelp(c)} }

// SetDark restyles the shared Common and the help bar for a dark or light
// background.
func (s *Shell) SetDark(dark bool) {
	s.c.SetDark(dark)
	s.help.Styles = s.c.Styles.Help
}

// BodyHeight is the height the page was last given.
func (s *Shell) BodyHeight() int { return s.bodyH }

// Blocked reports that the page cannot take clicks, pastes or the wheel:
// the quit dialog is open or the window is too small to see it.
func (s *Shell) Blocked() bool { return s.quit != nil || TooSmall(s.c) || s.Damaged() }

// Damaged reports that a page met a damaged database (common.Common's
// Damage, kept by Msg): the window then shows DamageView and nothing but
// the quit key is taken. Under hall serve only this terminal's screen
// changes; the others go on until they meet the damage themselves.
func (s *Shell) Damaged() bool { return s.c.Damage != nil }

// Confirming reports that the quit dialog is open.
func (s *Shell) Confirming() bool { return s.quit != nil }

// HelpShown reports that the help bar shows every key (the help key
// toggles it).
func (s *Shell) HelpShown() bool { return s.help.ShowAll }

// Click is a click in the window made relative to the page's area (below
// the header); false when it falls outside it or the page is blocked.
func (s *Shell) Click(msg tea.MouseClickMsg) (tea.MouseClickMsg, bool) {
	y := msg.Y - 1
	if s.Blocked() || y < 0 || y >= s.bodyH {
		return msg, false
	}
	return tea.MouseClickMsg{X: msg.X, Y: y, Button: msg.Button, Mod: msg.Mod}, true
}

// Fault is where a root's deferred Recover keeps a page's panic, shown
// on the status line:
//
//	defer components.Recover(m.shell.Fault(), func() { model, cmd = m, nil })
func (s *Shell) Fault() *string { return &s.fault }

// Quitting is how the shell asks before a root quits.
type Quitting struct {
	// Dirty reports unsaved work: quitting then asks first.
	Dirty func() bool
	// Title and Text are the question.
	Title, Text casefile.Text
	// Confirmed is the command run when the user says yes (tea.Quit when
	// nil).
	Confirmed func() tea.Cmd
}

// Key answers the keys every root answers the same way: the quit dialog
// while it is open, the quit key (asking first when q.Dirty), nothing at
// all in a window too small to see, and the help key (unless "?" is text
// typed into page). It reports false for a key the page should get.
func (s *Shell) Key(msg tea.KeyPressMsg, page common.Page, q Quitting) (tea.Cmd, bool) {
	g := s.c.Keys.Global
	confirmed := func() tea.Cmd {
		if q.Confirmed != nil {
			return q.Confirmed()
		}
		return tea.Quit
	}
	if s.Damaged() {
		// nothing can be read or saved: only quitting is left
		if key.Matches(msg, g.Quit) {
			return confirmed(), true
		}
		return nil, true
	}
	if s.quit != nil {
		switch res, _ := s.quit.Update(msg); res {
		case DialogYes:
			return confirmed(), true
		case DialogNo:
			s.quit = nil
		}
		return nil, true
	}
	if key.Matches(msg, g.Quit) {
		if q.Dirty != nil && q.Dirty() {
			s.quit = NewConfirm(s.c, s.c.T(q.Title), s.c.T(q.Text))
			return nil, true
		}
		return tea.Quit, true
	}
	if TooSmall(s.c) {
		return nil, true // nothing can be seen, so nothing is changed
	}
	if key.Matches(msg, g.HelpTyping) || (key.Matches(msg, g.Help) && !page.Typing()) {
		s.help.ShowAll = !s.help.ShowAll
		return nil, true
	}
	return nil, false
}

// RouteKey gives a key to the shell (Key) and, when the shell leaves it,
// to page; then the root lays out again with layout.
func (s *Shell) RouteKey(msg tea.KeyPressMsg, page common.Page, q Quitting, layout func() tea.Cmd) tea.Cmd {
	cmd, done := s.Key(msg, page, q)
	if !done {
		cmd = page.Update(msg)
	}
	return tea.Batch(cmd, layout())
}

// Layout works out the room left to the page by the header, the status
// line and the help bar showing keys, and reports whether it changed. It
// reports 0 before the window's size is known. The quit dialog covers the
// whole window, so it never changes the page's room.
func (s *Shell) Layout(keys help.KeyMap) (bodyH int, changed bool) {
	w, h := s.c.Width, s.c.Height
	if w == 0 || h == 0 {
		return 0, false
	}
	s.help.SetWidth(w)
	bodyH = max(h-2-lipgloss.Height(s.help.View(keys)), 1)
	changed = bodyH != s.bodyH
	s.bodyH = bodyH
	return bodyH, changed
}

// Render draws the window: the quit dialog, the too-small notice, or the
// header, the page (cut to its height), its status (or the fault) and
// the help bar showing keys.
func (s *Shell) Render(page common.Page, keys help.KeyMap) string {
	c := s.c
	w, h := c.Width, c.Height
	if w == 0 || h == 0 {
		return ""
	}
	if s.Damaged() {
		return DamageView(c)
	}
	if s.quit != nil {
		return s.quit.View(w, h)
	}
	if TooSmall(c) {
		return TooSmallView(c)
	}
	text, lv := page.Status()
	if s.fault != "" {
		text, lv = c.Tf(lblErrInternal, s.fault), common.LevelError
	}
	return Frame(c, Header(c, page.Title()), FitHeight(page.View(), s.bodyH), text, lv, s.help.View(keys))
}

// View is the program's view of render(), with the window's title; a
// panic while drawing is caught and shown instead.
func (s *Shell) View(title string, render func() string) (v tea.View) {
	defer Recover(&s.fault, func() { v = FaultView(s.c, s.fault) })
	content := render()
	if s.Damaged() && s.c.Width > 0 && s.c.Height > 0 {
		// met while drawing (a page shows a load's error through Msg)
		content = DamageView(s.c)
	}
	v = tea.NewView(content)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = title
	return v
}

// DamageView is the whole window when the database is damaged: what
// happened (the error in the user's language, which names hall restore),
// what to do, and the key that quits. It replaces the pages, never a
// stack trace.
func DamageView(c *common.Common) string {
	st := c.Styles
	w := max(min(c.Width-4, 76), 20)
	center := func(s string) string { return lipgloss.PlaceHorizontal(w, lipgloss.Center, s) }
	block := func(s string) []string {
		var out []string
		for _, l := range Wrap(s, w) {
			out = append(out, PadRight(l, w))
		}
		return out
	}
	lines := []string{center(st.App.StatusError.Render(c.T(lblDamageTitle))), ""}
	lines = append(lines, block(casefile.Message(c.Damage, c.Lang))...)
	lines = append(lines, "")
	lines = append(lines, block(c.T(lblDamageWhat))...)
	lines = append(lines, "", center(st.App.Muted.Render(c.Tf(lblDamageQuit, c.Keys.Global.Quit.Help().Key))))
	return lipgloss.Place(c.Width, c.Height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}
