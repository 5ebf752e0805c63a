package console

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// MeetingOption changes how the meeting console is built.
type MeetingOption func(*meetingOptions)

type meetingOptions struct {
	root    []frontdesk.Option
	print   func(session string) tea.Cmd
	session string
	tick    time.Duration
}

// WithPrint plugs in the printing of a session's letters and minutes:
// the closing screen's print key runs the command it returns. Without it
// the console prints with the Printing its root was given
// (WithPrinting, for the console on its own through WithRoot), showing
// the progress and a summary; without either the key says the function
// is not yet available.
func WithPrint(print func(session string) tea.Cmd) MeetingOption {
	return func(o *meetingOptions) { o.print = print }
}

// WithSession opens session number at once instead of the list of
// sessions.
func WithSession(number string) MeetingOption {
	return func(o *meetingOptions) { o.session = strings.TrimSpace(number) }
}

// WithTick redraws the time spent in the session every d (0, the
// default: only when something happens; tests keep it off).
func WithTick(d time.Duration) MeetingOption { return func(o *meetingOptions) { o.tick = d } }

// WithRoot passes options of the console's own root when it runs on its
// own (`hall meeting`): WithClock, WithIO, WithRole, WithPrinting.
func WithRoot(opts ...frontdesk.Option) MeetingOption {
	return func(o *meetingOptions) { o.root = append(o.root, opts...) }
}

func meetingOpts(opts []MeetingOption) meetingOptions {
	var o meetingOptions
	for _, f := range opts {
		f(&o)
	}
	return o
}

// MeetingPage builds the meeting console as a page of another root: pass
// it to WithMeeting and the front desk's home opens it.
func MeetingPage(store MeetingStore, opts ...MeetingOption) func(*common.Common) common.Page {
	o := meetingOpts(opts)
	return func(c *common.Common) common.Page { return newMeetingPage(c, store, o) }
}

// MeetingConsole is the root model of `hall meeting`: the meeting console
// on its own, in the same frame as the front desk (header, status line,
// help, quit dialog) and with the same shared Common.
type MeetingConsole struct {
	c     *common.Common
	page  *meetingPage
	help  help.Model
	quit  *components.Dialog
	fault string
	bodyH int
	prog  []tea.ProgramOption

	findRole bool // the user's role is asked of the store at Init
}

// NewMeeting builds the meeting console over store, speaking lang, for
// user (recorded as who took attendance, votes and decisions). The keys
// follow the user's role: WithRoot(WithRole(r)), else the administrator
// for a local user, else the role the user is registered with (read from
// the store at Init; until then, and for an unknown user, the console is
// read-only). The domain checks the role again on every write.
func NewMeeting(store MeetingStore, lang casefile.Lang, user string, opts ...MeetingOption) *MeetingConsole {
	mo := meetingOpts(opts)
	var o frontdesk.Options
	for _, f := range mo.root {
		f(&o)
	}
	c := common.New(store.Catalog(), lang, user, o.Clock)
	if o.Role != "" {
		c.Role = o.Role
	}
	m := &MeetingConsole{c: c, page: newMeetingPage(c, store, mo), prog: o.Program, findRole: c.Role == ""}
	m.page.sh.standalone = true
	if o.Printing != nil {
		m.page.usePrinting(o.Printing)
	}
	m.help = components.NewHelp(c)
	return m
}

// RunMeeting opens the meeting console in the terminal and returns when
// it quits.
func RunMeeting(store MeetingStore, lang casefile.Lang, user string, opts ...MeetingOption) error {
	m := NewMeeting(store, lang, user, opts...)
	_, err := tea.NewProgram(m, m.prog...).Run()
	return err
}

// Init asks for the terminal's background, the sessions and, when it is
// not known yet, the user's role.
func (m *MeetingConsole) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.page.Enter()}
	if m.findRole {
		cmds = append(cmds, loadRole(m.page.sh.store, m.c.User))
	}
	return tea.Batch(cmds...)
}

func (m *MeetingConsole) tooSmall() bool {
	return m.c.Width < components.MinWidth || m.c.Height < components.MinHeight
}

// Update routes a message; a panic in the page is caught and shown, and
// nothing typed is lost.
func (m *MeetingConsole) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.fault = fmt.Sprint(r)
			model, cmd = m, nil
		}
	}()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		return m, m.layout()
	case tea.BackgroundColorMsg:
		m.c.SetDark(msg.IsDark())
		m.help.Styles = m.c.Styles.Help
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.MouseClickMsg:
		if m.quit != nil || m.tooSmall() || msg.Y < 1 || msg.Y > m.bodyH {
			return m, nil
		}
		inner := tea.MouseClickMsg{X: msg.X, Y: msg.Y - 1, Button: msg.Button, Mod: msg.Mod}
		return m, tea.Batch(m.page.Update(inner), m.layout())
	case tea.MouseWheelMsg:
		if m.quit != nil || m.tooSmall() {
			return m, nil
		}
		inner := tea.MouseWheelMsg{X: msg.X, Y: msg.Y - 1, Button: msg.Button, Mod: msg.Mod}
		return m, m.page.Update(inner)
	case tea.PasteMsg:
		if m.quit != nil || m.tooSmall() {
			return m, nil
		}
		return m, tea.Batch(m.page.Update(msg), m.layout())
	case common.BackMsg:
		return m, nil // nothing lies behind the console: ctrl+c quits
	case roleLoadedMsg:
		m.c.Role = msg.role // "" for an unknown user: read-only
		m.page.setRoleError(msg.err)
		return m, m.layout()
	}
	return m, tea.Batch(m.page.Update(msg), m.layout())
}

func (m *MeetingConsole) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	g := m.c.Keys.Global
	if m.quit != nil {
		switch res, _ := m.quit.Update(msg); res {
		case components.DialogYes:
			return tea.Quit
		case components.DialogNo:
			m.quit = nil
		}
		return nil
	}
	if key.Matches(msg, g.Quit) {
		if m.page.Dirty() {
			m.quit = components.NewConfirm(m.c, m.c.T("mtg.quit_title"), m.c.T("mtg.quit_text"))
			return nil
		}
		return tea.Quit
	}
	if m.tooSmall() {
		return nil // nothing can be seen, so nothing is changed
	}
	// help, unless the key types text ("?") into the page
	if key.Matches(msg, g.Help) && (msg.Text == "" || !m.page.Typing()) {
		m.help.ShowAll = !m.help.ShowAll
		return m.layout()
	}
	return tea.Batch(m.page.Update(msg), m.layout())
}

func (m *MeetingConsole) keys() help.KeyMap {
	if m.quit != nil {
		return m.quit
	}
	return consoleHelp{page: m.page, g: m.c.Keys.Global}
}

// consoleHelp adds the global keys to the console's; esc is the page's
// own (back to the list of sessions), so it is not listed twice.
type consoleHelp struct {
	page common.Page
	g    common.GlobalKeys
}

func (h consoleHelp) ShortHelp() []key.Binding { return append(h.page.ShortHelp(), h.g.Help, h.g.Quit) }

func (h consoleHelp) FullHelp() [][]key.Binding {
	return append(h.page.FullHelp(), []key.Binding{h.g.Help, h.g.Quit})
}

// layout gives the page the room left by the header, the status line and
// the help.
func (m *MeetingConsole) layout() tea.Cmd {
	w, h := m.c.Width, m.c.Height
	if w == 0 || h == 0 {
		return nil
	}
	m.help.SetWidth(w)
	m.bodyH = max(h-2-lipgloss.Height(m.help.View(m.keys())), 1)
	m.page.SetSize(w, m.bodyH)
	return nil
}

// View draws the frame; like Update it recovers from a page's panic.
func (m *MeetingConsole) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			m.fault = fmt.Sprint(r)
			v = tea.NewView(m.c.Tf("err.internal", m.fault))
			v.AltScreen = true
		}
	}()
	v = tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.c.HallName() + " - " + m.c.T("mtg.title")
	return v
}

func (m *MeetingConsole) render() string {
	c := m.c
	w, h := c.Width, c.Height
	if w == 0 || h == 0 {
		return ""
	}
	s := c.Styles
	if m.quit != nil {
		return m.quit.View(w, h)
	}
	if m.tooSmall() {
		msg := s.App.TooSmall.Render(c.T("app.too_small")) + "\n" + s.App.Muted.Render(c.Tf("app.too_small_size", components.MinWidth, components.MinHeight, w, h))
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, msg)
	}
	left := " " + s.App.HeaderTitle.Render(c.HallName()) + s.App.Muted.Render("  |  ") + s.App.Header.Render(m.page.Title())
	right := s.App.HeaderInfo.Render(c.User+"  "+c.Today().String()) + " "
	gap := w - components.AnsiWidth(left) - components.AnsiWidth(right)
	header := left + strings.Repeat(" ", max(gap, 1)) + right
	if gap < 1 {
		header = components.Truncate(left, w)
	}
	body := components.FitHeight(m.page.View(), m.bodyH)
	text, lv := m.page.Status()
	if m.fault != "" {
		text, lv = c.Tf("err.internal", m.fault), common.LevelError
	}
	statusLine := " " + components.LevelStyle(s, lv).Render(components.Truncate(components.FirstLine(text), w-2))
	helpView := components.FitBlock(strings.Split(m.help.View(m.keys()), "\n"), w)
	return strings.Join([]string{components.FitWidth(header, w), body, components.FitWidth(statusLine, w), helpView}, "\n")
}
