package console

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// Option changes how the meeting console is built.
type Option func(*options)

type options struct {
	root    []frontdesk.Option
	print   func(session string) tea.Cmd
	session string
	tick    time.Duration
}

// withPrint (for tests) plugs in the printing of a session's letters and
// minutes: the closing screen's print key runs the command it returns.
// Without it the console prints with the Printing its root was given
// (frontdesk.WithPrinting, for the console on its own through WithRoot), showing
// the progress and a summary; without either the key says the function
// is not yet available.
func withPrint(print func(session string) tea.Cmd) Option {
	return func(o *options) { o.print = print }
}

// WithSession opens session number at once instead of the list of
// sessions.
func WithSession(number string) Option {
	return func(o *options) { o.session = strings.TrimSpace(number) }
}

// WithTick redraws the time spent in the session every d (0, the
// default: only when something happens; tests keep it off).
func WithTick(d time.Duration) Option { return func(o *options) { o.tick = d } }

// WithRoot passes options of the console's own root when it runs on its
// own (`hall meeting`): frontdesk.WithClock, WithIO, WithRole,
// WithPrinting.
func WithRoot(opts ...frontdesk.Option) Option {
	return func(o *options) { o.root = append(o.root, opts...) }
}

func buildOptions(opts []Option) options {
	var o options
	for _, f := range opts {
		f(&o)
	}
	return o
}

// Page builds the meeting console as a page of another root: pass it to
// frontdesk.WithMeeting and the front desk's home opens it (printing with
// the front desk's frontdesk.WithPrinting).
func Page(store Store, opts ...Option) func(*common.Common) common.Page {
	o := buildOptions(opts)
	return func(c *common.Common) common.Page { return newMeetingPage(c, store, o) }
}

// Console is the root model of `hall meeting`: the meeting console
// on its own, in the same frame as the front desk (components.Shell:
// header, status line, help, quit dialog) and with the same shared
// Common.
type Console struct {
	c     *common.Common
	page  *meetingPage
	shell *components.Shell
	prog  []tea.ProgramOption

	findRole bool // the user's role is asked of the store at Init
}

// New builds the meeting console over store, speaking lang, for
// user (recorded as who took attendance, votes and decisions). The keys
// follow the user's role: WithRoot(frontdesk.WithRole(r)), else the
// administrator for a local user, else the role the user is registered
// with (read from the store at Init; until then, and for an unknown user,
// the console is read-only). The domain checks the role again on every
// write.
func New(store Store, lang casefile.Lang, user string, opts ...Option) *Console {
	mo := buildOptions(opts)
	var o frontdesk.Options
	for _, f := range mo.root {
		f(&o)
	}
	c := common.New(store.Catalog(), lang, user, o.Clock)
	if o.Role != "" {
		c.Role = o.Role
	}
	m := &Console{c: c, page: newMeetingPage(c, store, mo), shell: components.NewShell(c), prog: o.Program, findRole: c.Role == ""}
	m.page.sh.standalone = true
	if o.Printing != nil {
		m.page.UsePrinting(o.Printing)
	}
	return m
}

// Run opens the meeting console in the terminal and returns when it
// quits.
func Run(store Store, lang casefile.Lang, user string, opts ...Option) error {
	m := New(store, lang, user, opts...)
	_, err := tea.NewProgram(m, m.prog...).Run()
	return err
}

// Init asks for the terminal's background, the sessions and, when it is
// not known yet, the user's role.
func (m *Console) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.page.Enter()}
	if m.findRole {
		cmds = append(cmds, loadRole(m.page.sh.store, m.c.User))
	}
	return tea.Batch(cmds...)
}

// Update routes a message; a panic in the page is caught and shown, and
// nothing typed is lost.
func (m *Console) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	defer components.Recover(m.shell.Fault(), func() { model, cmd = m, nil })
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		return m, m.layout()
	case tea.BackgroundColorMsg:
		m.shell.SetDark(msg.IsDark())
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.MouseClickMsg:
		inner, ok := m.shell.Click(msg)
		if !ok {
			return m, nil
		}
		return m, tea.Batch(m.page.Update(inner), m.layout())
	case tea.MouseWheelMsg:
		if m.shell.Blocked() {
			return m, nil
		}
		inner := tea.MouseWheelMsg{X: msg.X, Y: msg.Y - 1, Button: msg.Button, Mod: msg.Mod}
		return m, m.page.Update(inner)
	case tea.PasteMsg:
		if m.shell.Blocked() {
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

func (m *Console) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	return m.shell.RouteKey(msg, m.page, components.Quitting{Dirty: m.page.Dirty, Title: lblMtgQuitTitle, Text: lblMtgQuitText}, m.layout)
}

// keys are the page's keys with the global ones; esc is the page's own
// (back to the list of sessions), so it is not listed twice.
func (m *Console) keys() help.KeyMap { return components.WithRootKeys(m.page, m.c.Keys.Global) }

// layout gives the page the room left by the header, the status line and
// the help.
func (m *Console) layout() tea.Cmd {
	if bodyH, _ := m.shell.Layout(m.keys()); bodyH > 0 {
		m.page.SetSize(m.c.Width, bodyH)
	}
	return nil
}

// View draws the frame; like Update it recovers from a page's panic.
func (m *Console) View() tea.View {
	return m.shell.View(m.c.HallName()+" - "+m.c.T(lblMtgTitle), func() string { return m.shell.Render(m.page, m.keys()) })
}
