package console

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// meetingPage is the meeting console: the list of sessions, then for one
// session its attendance and agenda, the walkthrough of its cases and its
// closing, each screen a model of its own. The page only routes: keys and
// clicks to the box over the screen (consoleModal) or to the screen shown
// (meetingShared.state), the answers of store calls to a handler each
// (results.go). It is a Page, so the front desk shows it too
// (WithMeeting).
type meetingPage struct {
	sh       *meetingShared
	sessions *sessionsScreen
	setup    *setupScreen
	walk     *walkScreen
	closing  *closingScreen
	ticking  bool
}

// consoleScreen is one screen of the console.
type consoleScreen interface {
	help.KeyMap
	// refused answers a key the user's role may not use on the screen:
	// it says why and reports true.
	refused(msg tea.KeyPressMsg) bool
	handleKey(msg tea.KeyPressMsg) tea.Cmd
	// wheel scrolls by d lines.
	wheel(d int)
	view() string
}

var (
	_ common.Page   = (*meetingPage)(nil)
	_ consoleScreen = (*sessionsScreen)(nil)
	_ consoleScreen = (*setupScreen)(nil)
	_ consoleScreen = (*walkScreen)(nil)
	_ consoleScreen = (*closingScreen)(nil)
)

// meetingTickMsg redraws the time spent.
type meetingTickMsg struct{}

func newMeetingPage(c *common.Common, store Store, o options) *meetingPage {
	sh := &meetingShared{c: c, store: store, keys: newMeetingKeys(c), opts: o, drafts: map[draftKey]string{}}
	p := &meetingPage{sh: sh}
	p.walk = &walkScreen{sh: sh}
	p.sessions = newSessionsScreen(sh, p.openSession)
	p.setup = newSetupScreen(sh, func(number string) tea.Cmd {
		sh.state = stateWalk
		return p.walk.goCase(number)
	})
	p.closing = &closingScreen{sh: sh}
	return p
}

// UsePrinting lets the closing screen print the session's documents;
// the front desk calls it with its own Printing (frontdesk.WithPrinting).
func (p *meetingPage) UsePrinting(pr frontdesk.Printing) { p.sh.printing = pr }

// setRoleError records why the user has no role.
func (p *meetingPage) setRoleError(err error) { p.sh.roleErr = err }

// screen is the model of the screen shown.
func (p *meetingPage) screen() consoleScreen {
	switch p.sh.state {
	case stateSetup:
		return p.setup
	case stateWalk:
		return p.walk
	case stateClosing:
		return p.closing
	}
	return p.sessions
}

func (p *meetingPage) Enter() tea.Cmd {
	var cmds []tea.Cmd
	if p.sh.opts.tick > 0 && !p.ticking {
		p.ticking = true
		cmds = append(cmds, p.tickCmd())
	}
	switch {
	case p.sh.b != nil:
		cmds = append(cmds, p.sh.reload())
	case p.sh.opts.session != "":
		number := p.sh.opts.session
		p.sh.opts.session = ""
		cmds = append(cmds, p.openSession(number, stateSetup))
	default:
		cmds = append(cmds, p.sh.loadSessions())
	}
	return tea.Batch(cmds...)
}

func (p *meetingPage) tickCmd() tea.Cmd {
	return tea.Tick(p.sh.opts.tick, func(time.Time) tea.Msg { return meetingTickMsg{} })
}

// openSession reads session number and shows it on screen to.
func (p *meetingPage) openSession(number string, to consoleState) tea.Cmd {
	sh := p.sh
	sh.st.Set(sh.c.T(lblMtgLoading), common.LevelMuted)
	return sh.do(func() tea.Cmd {
		p.forget()
		return showSession(sh.store, number, to)
	})
}

// forget drops what the screens kept of the session shown before.
func (p *meetingPage) forget() {
	p.sh.cur = ""
	p.walk.reset()
	p.setup.rep = nil
}

// setBoard shows a session read afresh.
func (p *meetingPage) setBoard(b *sessionBoard) {
	sh := p.sh
	sh.b = b
	sh.number = b.sess.Number
	if sh.cur == "" || b.sess.Item(sh.cur) == nil {
		sh.cur = b.cur
		p.walk.scroll = 0
	}
	p.walk.clamp()
	p.setup.clamp()
}

func (p *meetingPage) Title() string {
	sh := p.sh
	t := sh.c.T(lblMtgTitle)
	if sh.b != nil {
		t += " " + sh.b.sess.Number
	}
	if !sh.writer() {
		t += sh.c.Tf(lblMtgRoMark, sh.roleName())
	}
	return t
}

func (p *meetingPage) Status() (string, common.Level) { return p.sh.st.Text, p.sh.st.Level }

// prompt is the reason prompt open, or nil.
func (p *meetingPage) prompt() *reasonPrompt {
	pr, _ := p.sh.modal.(*reasonPrompt)
	return pr
}

// Dirty reports a reason being typed, or a new session's form filled in.
func (p *meetingPage) Dirty() bool {
	pr := p.prompt()
	return (pr != nil && pr.Value() != "") || p.sessions.form.touched()
}

// Typing reports whether letters typed are text.
func (p *meetingPage) Typing() bool {
	return p.prompt() != nil || (p.sh.state == stateSessions && p.sessions.typing())
}

func (p *meetingPage) SetSize(w, h int) {
	p.sh.width, p.sh.height = w, h
	p.sessions.form.SetSize(w, h)
}

// ---- update: routing only ----

func (p *meetingPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case meetingJobMsg:
		p.sh.jobs.busy = false
		cmd := p.onResult(msg)
		return tea.Batch(cmd, p.sh.jobs.pump())
	case meetingTickMsg:
		return p.tickCmd()
	case frontdesk.PrintProgressMsg:
		return p.closing.onPrintProgress(msg)
	case frontdesk.SessionPrintedMsg:
		p.closing.onSessionPrinted(msg)
	case frontdesk.ChangedMsg:
		return p.onChanged()
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		return p.handlePaste(msg)
	case tea.MouseClickMsg:
		return p.handleClick(msg)
	case tea.MouseWheelMsg:
		p.handleWheel(msg)
	}
	return nil
}

// onChanged reads afresh what is shown: another terminal wrote.
func (p *meetingPage) onChanged() tea.Cmd {
	if p.sh.b != nil {
		return p.sh.reload()
	}
	return p.sh.loadSessions()
}

func (p *meetingPage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	sh := p.sh
	if sh.modal != nil {
		return sh.modal.handle(sh, msg)
	}
	scr := p.screen()
	if scr.refused(msg) {
		return nil
	}
	if key.Matches(msg, sh.tabsKey()) {
		for i, b := range sh.keys.Screens {
			if key.Matches(msg, b) {
				sh.show(stateSetup + consoleState(i))
			}
		}
		return nil
	}
	return scr.handleKey(msg)
}

func (p *meetingPage) handlePaste(msg tea.PasteMsg) tea.Cmd {
	switch {
	case p.sh.modal != nil:
		return p.sh.modal.handle(p.sh, msg)
	case p.sh.state == stateSessions:
		p.sessions.paste(msg)
	}
	return nil
}

func (p *meetingPage) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	sh := p.sh
	if msg.Button != tea.MouseLeft || sh.modal != nil {
		return nil
	}
	if sh.state == stateSessions && p.sessions.formOpen {
		return p.sessions.clickForm(msg)
	}
	for _, h := range sh.hits {
		if msg.Y == h.y && msg.X >= h.x0 && msg.X < h.x1 {
			return h.do()
		}
	}
	return nil
}

func (p *meetingPage) handleWheel(msg tea.MouseWheelMsg) {
	if p.sh.modal != nil {
		return
	}
	switch msg.Button {
	case tea.MouseWheelUp:
		p.screen().wheel(-3)
	case tea.MouseWheelDown:
		p.screen().wheel(3)
	}
}

// ---- view ----

func (p *meetingPage) View() string {
	sh := p.sh
	sh.hits = sh.hits[:0]
	w, h := sh.width, sh.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if sh.modal != nil {
		return sh.modal.View(w, h)
	}
	return components.FitHeight(p.screen().view(), h)
}

// ---- keys: each screen derives its live keys from its state ----

func (p *meetingPage) ShortHelp() []key.Binding {
	if p.sh.modal != nil {
		return p.sh.modal.ShortHelp()
	}
	return p.screen().ShortHelp()
}

func (p *meetingPage) FullHelp() [][]key.Binding {
	if p.sh.modal != nil {
		return modalHelp(p.sh.modal)
	}
	return p.screen().FullHelp()
}
