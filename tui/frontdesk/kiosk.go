package frontdesk

import (
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// DefaultKioskIdle is how long a kiosk waits without a key before it
// forgets the applicant on screen.
const DefaultKioskIdle = 2 * time.Minute

// Kiosk is the counter PC's mode: the screen faces the public.
type Kiosk struct {
	// Idle is how long without a key or click until the screen returns
	// to the neutral "请稍候 / 下一位" page (0: DefaultKioskIdle). The
	// intake in progress is saved as the clerk's draft and every page is
	// rebuilt empty: no applicant's name, number, draft or findings stay
	// on screen.
	Idle time.Duration
	// Unlock checks an administrator's code; the right code is the only
	// way out (ctrl+c asks for it; ctrl+z and q do nothing). nil: the
	// kiosk cannot be left from its keyboard (SIGTERM still stops it).
	Unlock func(code string) bool
	// After schedules msg after d (default tea.Tick); tests pass one that
	// schedules nothing and send the idle message themselves.
	After func(d time.Duration, msg tea.Msg) tea.Cmd
}

// WithKiosk runs the front desk as a kiosk (hall --kiosk).
func WithKiosk(k Kiosk) Option {
	return func(o *Options) {
		if k.Idle <= 0 {
			k.Idle = DefaultKioskIdle
		}
		if k.After == nil {
			k.After = func(d time.Duration, msg tea.Msg) tea.Cmd {
				return tea.Tick(d, func(time.Time) tea.Msg { return msg })
			}
		}
		o.kiosk = &k
	}
}

// kiosk is the kiosk's state in the root model.
type kiosk struct {
	cfg     Kiosk
	gen     int  // bumped by every key: an idle message of an older gen is stale
	idle    bool // the neutral page is up
	asking  bool // the administrator's code is being typed
	code    []rune
	refused bool // the last code was wrong
}

// kioskIdleMsg fires Idle after the last key of generation gen.
type kioskIdleMsg struct{ gen int }

// kioskStopMsg asks the kiosk to save and quit (SIGTERM).
type kioskStopMsg struct{}

// Labels of the kiosk.
var (
	lblKioskWait   = casefile.Text{ZH: "请稍候", EN: "Please wait"}
	lblKioskNext   = casefile.Text{ZH: "下一位", EN: "Next, please"}
	lblKioskWake   = casefile.Text{ZH: "工作人员按任意键继续", EN: "Staff: press any key to continue"}
	lblKioskCode   = casefile.Text{ZH: "退出需要管理员代码：", EN: "Leaving needs an administrator's code: "}
	lblKioskHint   = casefile.Text{ZH: "enter 确认  esc 返回", EN: "enter confirm  esc back"}
	lblKioskWrong  = casefile.Text{ZH: "代码不对", EN: "wrong code"}
	lblKioskLocked = casefile.Text{ZH: "本机为窗口专用，不能从键盘退出", EN: "this counter PC cannot be left from its keyboard"}
)

// wait schedules the idle message of the current generation.
func (k *kiosk) wait() tea.Cmd {
	return k.cfg.After(k.cfg.Idle, kioskIdleMsg{gen: k.gen})
}

// kioskUpdate handles what the kiosk takes before the pages see it: it
// reports done when the message was the kiosk's alone.
func (m *FrontDesk) kioskUpdate(msg tea.Msg) (tea.Cmd, bool) {
	k := m.kiosk
	switch msg := msg.(type) {
	case kioskIdleMsg:
		if msg.gen != k.gen || k.idle {
			return nil, true
		}
		return m.forget(), true
	case kioskStopMsg:
		return m.quitNow(), true
	case tea.SuspendMsg, tea.InterruptMsg:
		return nil, true // never suspended nor interrupted from the counter
	case tea.KeyPressMsg:
		k.gen++
		wait := k.wait()
		switch {
		case k.asking:
			return tea.Batch(wait, m.kioskCode(msg)), true
		case k.idle:
			k.idle = false // the clerk is back: the home screen, nobody's data
			return tea.Batch(wait, m.layout()), true
		case msg.String() == "ctrl+c":
			k.asking, k.code, k.refused = true, nil, false
			return wait, true
		case msg.String() == "ctrl+z", msg.String() == "ctrl+\\":
			return wait, true
		case msg.String() == "q" && !m.activePage().Typing():
			return wait, true
		}
		return wait, false
	case tea.MouseClickMsg, tea.PasteMsg:
		k.gen++
		if k.idle || k.asking {
			k.idle = false
			return k.wait(), true
		}
		return k.wait(), false
	}
	return nil, false
}

// kioskCode takes a key of the administrator's code.
func (m *FrontDesk) kioskCode(msg tea.KeyPressMsg) tea.Cmd {
	k := m.kiosk
	switch msg.String() {
	case "esc":
		k.asking = false
	case "enter":
		if k.cfg.Unlock != nil && k.cfg.Unlock(string(k.code)) {
			k.asking = false
			return m.quitNow()
		}
		k.code, k.refused = nil, true
	case "backspace":
		if len(k.code) > 0 {
			k.code = k.code[:len(k.code)-1]
		}
	default:
		if msg.Text != "" && len(k.code) < 64 {
			k.code = append(k.code, []rune(msg.Text)...)
		}
	}
	return nil
}

// forget leaves the screen to the public: the intake in progress is
// saved as the clerk's draft, every page is built again empty, and the
// neutral page goes up. The draft is offered back when the clerk opens
// the intake.
func (m *FrontDesk) forget() tea.Cmd {
	k := m.kiosk
	k.idle, k.asking, k.code = true, false, nil
	data := m.draft()
	store, user := m.store, m.c.User
	// saved, then offered back (one command: the load must follow the save)
	saveAndReload := func() tea.Msg {
		if data != nil {
			_ = store.SaveDraft(user, data)
		}
		b, err := store.Draft(user)
		return draftLoadedMsg{data: b, err: err}
	}
	o := m.opts
	m.intake = newIntakePage(m.c, m.store, o.Printing)
	m.queue = newQueuePage(m.c, userQueue{m.store, user}, m.store)
	m.dossier = newDossierPage(m.c, m.store, o.Printing)
	m.print = newPrintPage(m.c, o.Printing)
	m.pages[common.PageIntake] = m.intake
	m.pages[common.PageQueue] = m.queue
	m.pages[common.PageDossier] = m.dossier
	m.pages[common.PagePrint] = m.print
	if o.meeting != nil {
		mp := o.meeting(m.c)
		if u, ok := mp.(interface{ UsePrinting(Printing) }); ok && o.Printing != nil {
			u.UsePrinting(o.Printing)
		}
		m.pages[common.PageMeeting] = mp
	}
	m.shell = components.NewShell(m.c)
	m.restyle(m.c.IsDark)
	m.active, m.stack = common.PageHome, nil
	m.home.setDraftNote("")
	return tea.Batch(saveAndReload, m.home.Enter(), m.layout())
}

// kioskView is the neutral page or the code prompt; "" when neither is up.
func (m *FrontDesk) kioskView() (string, bool) {
	k := m.kiosk
	c := m.c
	w, h := c.Width, c.Height
	if w <= 0 || h <= 0 || !(k.idle || k.asking) {
		return "", false
	}
	s := c.Styles
	var lines []string
	if k.idle {
		lines = []string{s.App.Title.Render(c.HallName()), "", s.App.Counter.Render(c.T(lblKioskWait)),
			"", s.App.Counter.Render(c.T(lblKioskNext)), "", s.App.Muted.Render(c.T(lblKioskWake))}
	} else {
		prompt := c.T(lblKioskCode) + strings.Repeat("*", len(k.code)) + "_"
		lines = []string{prompt, "", s.App.Muted.Render(c.T(lblKioskHint))}
		if k.cfg.Unlock == nil {
			lines = []string{c.T(lblKioskLocked), "", s.App.Muted.Render(c.T(lblKioskHint))}
		}
		if k.refused {
			lines = append(lines, "", s.App.StatusError.Render(c.T(lblKioskWrong)))
		}
	}
	for i, l := range lines {
		lines[i] = components.FitWidth(l, w)
	}
	block := lipgloss.JoinVertical(lipgloss.Center, lines...)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, block), true
}

// runKiosk runs the program of a kiosk: the terminal's ctrl+c, ctrl+z
// and ctrl+\ are keys (the kiosk swallows them), the same signals sent
// from outside are ignored, and SIGTERM or SIGHUP save the draft and
// quit.
func runKiosk(m *FrontDesk) error {
	signal.Ignore(syscall.SIGINT, syscall.SIGTSTP, syscall.SIGQUIT)
	defer signal.Reset(syscall.SIGINT, syscall.SIGTSTP, syscall.SIGQUIT)
	p := tea.NewProgram(m, append(m.prog, tea.WithoutSignalHandler())...)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(stop)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-stop:
			p.Send(kioskStopMsg{})
		case <-done:
		}
	}()
	_, err := p.Run()
	return err
}
