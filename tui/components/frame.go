package components

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// Smallest window a root model draws in; below it a notice asks for a
// larger one and nothing typed is touched.
const (
	MinWidth  = 60
	MinHeight = 20
)

// windowTooSmall reports whether c's window is under MinWidth×MinHeight.
func TooSmall(c *common.Common) bool { return c.Width < MinWidth || c.Height < MinHeight }

// TooSmallView is the notice drawn instead of the screen in a window that
// is too small.
func TooSmallView(c *common.Common) string {
	s := c.Styles
	// wrapped to the window, so that even a 20-column terminal reads the
	// whole sentence and the size it needs
	lines := []string{s.App.TooSmall.Render(Truncate(c.T(lblAppTooSmall), max(c.Width, 1)))}
	for _, l := range Wrap(c.Tf(lblAppTooSmallSize, MinWidth, MinHeight, c.Width, c.Height), max(c.Width, 1)) {
		lines = append(lines, s.App.Muted.Render(l))
	}
	return lipgloss.Place(c.Width, c.Height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}

// frameHeader is the top line: the hall's name, the screen's title, and
// the user with the day on the right.
func Header(c *common.Common, title string) string {
	s := c.Styles
	w := c.Width
	left := " " + s.App.HeaderTitle.Render(c.HallName()) + s.App.Muted.Render("  |  ") + s.App.Header.Render(title)
	user := c.User
	if !strings.HasPrefix(user, casefile.LocalPrefix) {
		user += " (" + c.Role.Label(c.Lang) + ")"
	}
	right := s.App.HeaderInfo.Render(user+"  "+c.Today().String()) + " "
	gap := w - AnsiWidth(left) - AnsiWidth(right)
	header := left + strings.Repeat(" ", max(gap, 1)) + right
	if gap < 1 {
		header = Truncate(left, w)
	}
	return header
}

// Frame stacks the header, the body (already fitted to its height), the
// status line (its first line, in the style of lv) and the help bar, each
// cut to the window's width.
func Frame(c *common.Common, header, body, status string, lv common.Level, helpView string) string {
	w := c.Width
	statusLine := " " + LevelStyle(c.Styles, lv).Render(Truncate(FirstLine(status), w-2))
	// help.Model lets an item overflow when even its ellipsis does not
	// fit; cut the lines to the window ourselves.
	helpView = FitBlock(strings.Split(helpView, "\n"), w)
	return strings.Join([]string{FitWidth(header, w), body, FitWidth(statusLine, w), helpView}, "\n")
}

// FirstLine is the first line of s, with the count of the others.
func FirstLine(s string) string {
	l, rest, more := strings.Cut(s, "\n")
	if more && rest != "" {
		return l + " (+" + strconv.Itoa(strings.Count(rest, "\n")+1) + ")"
	}
	return l
}

// NewHelp is the help bar both roots show.
func NewHelp(c *common.Common) help.Model {
	h := help.New()
	h.ShortSeparator = "  "
	h.Ellipsis = Ellipsis
	h.Styles = c.Styles.Help
	return h
}

// globalHelp adds the global keys to a page's.
type globalHelp struct {
	page help.KeyMap
	g    common.GlobalKeys
	root bool // no Back: nothing lies behind the page
}

// WithGlobalKeys is page's help with the global keys added.
func WithGlobalKeys(page help.KeyMap, g common.GlobalKeys) help.KeyMap {
	return globalHelp{page: page, g: g}
}

// WithRootKeys is the help of a page with nothing behind it (the meeting
// console on its own): the global keys without esc, which is the page's
// own.
func WithRootKeys(page help.KeyMap, g common.GlobalKeys) help.KeyMap {
	return globalHelp{page: page, g: g, root: true}
}

func (h globalHelp) ShortHelp() []key.Binding { return append(h.page.ShortHelp(), h.g.Help, h.g.Quit) }

func (h globalHelp) FullHelp() [][]key.Binding {
	if h.root {
		return append(h.page.FullHelp(), []key.Binding{h.g.Help, h.g.Quit})
	}
	return append(h.page.FullHelp(), []key.Binding{h.g.Back, h.g.Help, h.g.Quit})
}

// recoverPage is deferred first in a root model's Update and View: it
// catches a page's panic, keeps its text in *fault for the status line,
// and calls onPanic to set the caller's results. Nothing typed is lost.
func Recover(fault *string, onPanic func()) {
	if r := recover(); r != nil {
		*fault = fmt.Sprint(r)
		if onPanic != nil {
			onPanic()
		}
	}
}

// FaultView is the screen drawn when the view itself panicked.
func FaultView(c *common.Common, fault string) tea.View {
	v := tea.NewView(c.Tf(lblErrInternal, fault))
	v.AltScreen = true
	return v
}
