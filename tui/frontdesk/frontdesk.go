package frontdesk

import (
	"io"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// Option changes how the front desk is built.
type Option func(*Options)

// Options are the settings an Option changes. The meeting console reads
// the clock, role, printing and program options given to its own root.
type Options struct {
	Clock    func() time.Time
	Role     casefile.Role
	meeting  func(*common.Common) common.Page
	reports  func(*common.Common) common.Page
	Printing Printing
	autosave *time.Duration
	Program  []tea.ProgramOption
	desk     string
	kiosk    *Kiosk
}

// WithClock sets the clock (tests use a fixed one).
func WithClock(now func() time.Time) Option { return func(o *Options) { o.Clock = now } }

// WithRole sets the user's role, which decides the screens and keys shown
// (hall serve: the registered user's). Without it a local user
// (casefile.LocalPrefix) is the administrator and anyone else may do
// nothing.
func WithRole(r casefile.Role) Option { return func(o *Options) { o.Role = r } }

// WithMeeting plugs in a meeting console: the home screen's meeting entry
// opens the page it builds.
func WithMeeting(build func(*common.Common) common.Page) Option {
	return func(o *Options) { o.meeting = build }
}

// WithReports plugs in the statistics screen: the home screen's reports
// entry opens the page it builds.
func WithReports(build func(*common.Common) common.Page) Option {
	return func(o *Options) { o.reports = build }
}

// WithPrinting lets the screens print: the receipt after an intake, the
// receipt or letter of a case in its dossier, any of them or a whole
// closed session on the print page, and a closed session in the meeting
// console. Without it the print keys say that printing is not set up.
func WithPrinting(pr Printing) Option { return func(o *Options) { o.Printing = pr } }

// WithAutosaveDelay sets how long the intake waits after a change before
// it saves the draft (0: at once).
func WithAutosaveDelay(d time.Duration) Option { return func(o *Options) { o.autosave = &d } }

// WithIO makes Run read keys from in and draw to out instead of the
// terminal (nil keeps the terminal's); for tests of the command.
func WithIO(in io.Reader, out io.Writer) Option {
	return func(o *Options) {
		if in != nil {
			o.Program = append(o.Program, tea.WithInput(in))
		}
		if out != nil {
			o.Program = append(o.Program, tea.WithOutput(out))
		}
	}
}

// FrontDesk is the root model of the front desk. It owns the shared
// Common, routes keys and clicks to the active page and results of
// commands to every page, keeps the navigation stack, and draws the
// frame: header, page, status line and help.
type FrontDesk struct {
	c     *common.Common
	store Store
	pages map[common.PageID]common.Page

	home    *homePage
	intake  *intakePage
	queue   *queuePage
	dossier *dossierPage
	print   *printPage

	active common.PageID
	stack  []common.PageID
	shell  *components.Shell // help bar, quit dialog, fault, frame
	prog   []tea.ProgramOption
	opts   Options // what the pages were built with (a kiosk rebuilds them)
	kiosk  *kiosk  // nil unless the counter PC runs as a kiosk
}

// New builds the front desk over store, speaking lang, for user
// (recorded as officer and owner of the autosaved draft).
func New(store Store, lang casefile.Lang, user string, opts ...Option) *FrontDesk {
	var o Options
	for _, f := range opts {
		f(&o)
	}
	c := common.New(store.Catalog(), lang, user, o.Clock)
	if o.Role != "" {
		c.Role = o.Role
	}
	if o.autosave != nil {
		c.AutosaveDelay = *o.autosave
	}
	if o.desk != "" {
		store = deskStore{store, o.desk}
	}
	m := &FrontDesk{c: c, store: store, pages: map[common.PageID]common.Page{}, prog: o.Program, opts: o}
	if o.kiosk != nil {
		m.kiosk = &kiosk{cfg: *o.kiosk}
	}
	m.home = newHomePage(c, store, o.meeting != nil, o.reports != nil)
	m.intake = newIntakePage(c, store, o.Printing)
	m.queue = newQueuePage(c, userQueue{store, user}, store)
	m.dossier = newDossierPage(c, store, o.Printing)
	m.print = newPrintPage(c, o.Printing)
	m.pages[common.PageHome] = m.home
	m.pages[common.PageIntake] = m.intake
	m.pages[common.PageQueue] = m.queue
	m.pages[common.PageDossier] = m.dossier
	m.pages[common.PagePrint] = m.print
	m.pages[common.PageNotice] = newNoticePage(c, store)
	m.pages[common.PageReview] = newReviewPage(c, store)
	if o.meeting != nil {
		mp := o.meeting(c)
		if u, ok := mp.(interface{ UsePrinting(Printing) }); ok && o.Printing != nil {
			u.UsePrinting(o.Printing)
		}
		m.pages[common.PageMeeting] = mp
	}
	if o.reports != nil {
		m.pages[common.PageReports] = o.reports(c)
	}
	m.shell = components.NewShell(c)
	return m
}

// Run opens the front desk in the terminal and returns when it quits.
func Run(store Store, lang casefile.Lang, user string, opts ...Option) error {
	m := New(store, lang, user, opts...)
	if m.kiosk != nil {
		return runKiosk(m)
	}
	_, err := tea.NewProgram(m, m.prog...).Run()
	return err
}

// Init asks for the terminal's background, the home counters and a draft
// left by an earlier session.
func (m *FrontDesk) Init() tea.Cmd {
	cmd := tea.Batch(tea.RequestBackgroundColor, m.home.Enter(), loadDraft(m.store, m.c.User))
	if m.kiosk != nil {
		cmd = tea.Batch(cmd, m.kiosk.wait())
	}
	return cmd
}

func (m *FrontDesk) activePage() common.Page { return m.pages[m.active] }

// Update routes a message. A panic in a page is caught here as a last
// resort: the screen shows it and nothing typed is lost.
func (m *FrontDesk) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	defer components.Recover(m.shell.Fault(), func() { model, cmd = m, nil })
	if m.kiosk != nil {
		if cmd, done := m.kioskUpdate(msg); done {
			return m, cmd
		} else if cmd != nil {
			next, more := m.route(msg)
			return next, tea.Batch(cmd, more)
		}
	}
	return m.route(msg)
}

// route routes a message the kiosk left to the pages.
func (m *FrontDesk) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		return m, m.layout()
	case tea.BackgroundColorMsg:
		m.restyle(msg.IsDark())
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.MouseClickMsg:
		return m, m.handleClick(msg)
	case tea.PasteMsg:
		if m.shell.Blocked() {
			return m, nil
		}
		return m, tea.Batch(m.activePage().Update(msg), m.layout())
	case common.NavigateMsg:
		return m, m.navigate(msg)
	case common.BackMsg:
		return m, m.back()
	case draftLoadedMsg:
		cmd := m.intake.Update(msg)
		m.noteDraft()
		return m, cmd
	case ChangedMsg:
		// only the page in view reloads; the others do when entered
		return m, tea.Batch(m.activePage().Update(msg), m.layout())
	}
	return m, m.broadcast(msg)
}

// broadcast gives a command's result to every page; each takes its own.
func (m *FrontDesk) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range []common.PageID{common.PageHome, common.PageIntake, common.PageQueue, common.PageDossier, common.PageMeeting, common.PagePrint, common.PageReports, common.PageNotice, common.PageReview} {
		if p := m.pages[id]; p != nil {
			cmds = append(cmds, p.Update(msg))
		}
	}
	cmds = append(cmds, m.layout())
	return tea.Batch(cmds...)
}

// restyle rebuilds the styles for a dark or light background.
func (m *FrontDesk) restyle(dark bool) {
	m.shell.SetDark(dark)
	m.intake.form.Restyle()
	m.queue.search.SetStyles(m.c.Styles.Editor)
	// the print page's huh fields follow c.IsDark themselves (HuhTheme)
}

func (m *FrontDesk) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	return m.shell.RouteKey(msg, m.activePage(), components.Quitting{Dirty: m.dirty, Title: common.LblQuitTitle, Text: common.LblQuitText, Confirmed: m.quitNow}, m.layout)
}

func (m *FrontDesk) dirty() bool {
	for _, p := range m.pages {
		if p.Dirty() {
			return true
		}
	}
	return false
}

// quitNow saves the intake draft and quits. The draft is copied first:
// the command runs outside Update.
func (m *FrontDesk) quitNow() tea.Cmd {
	data := m.draft()
	store, user := m.store, m.c.User
	return func() tea.Msg {
		if data != nil {
			_ = store.SaveDraft(user, data)
		}
		return tea.QuitMsg{}
	}
}

// draft is the intake form in progress, or nil.
func (m *FrontDesk) draft() []byte {
	if !m.intake.Dirty() {
		return nil
	}
	return m.intake.draftData()
}

// SaveDraft stores the intake form in progress, so the user gets it back
// next time, and reports whether there was one. hall serve calls it when
// a connection's program has ended (the terminal went away, or the
// server is shutting down); it must not be called while the program runs.
func (m *FrontDesk) SaveDraft() (bool, error) {
	data := m.draft()
	if data == nil {
		return false, nil
	}
	return true, m.store.SaveDraft(m.c.User, data)
}

func (m *FrontDesk) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	inner, ok := m.shell.Click(msg)
	if !ok {
		return nil
	}
	return tea.Batch(m.activePage().Update(inner), m.layout())
}

func (m *FrontDesk) navigate(msg common.NavigateMsg) tea.Cmd {
	p := m.pages[msg.To]
	if p == nil {
		return nil
	}
	if msg.To != m.active {
		m.stack = append(m.stack, m.active)
		m.active = msg.To
	}
	m.layout()
	if msg.To == common.PageDossier && msg.Number != "" {
		return m.dossier.open(msg.Number)
	}
	return p.Enter()
}

func (m *FrontDesk) back() tea.Cmd {
	if len(m.stack) == 0 {
		return nil
	}
	m.active = m.stack[len(m.stack)-1]
	m.stack = m.stack[:len(m.stack)-1]
	if m.active == common.PageHome {
		m.noteDraft()
	}
	m.layout()
	return m.activePage().Enter()
}

// noteDraft tells the home screen about an unfinished intake. The note
// names no applicant: whoever stands at the counter sees the home screen.
func (m *FrontDesk) noteDraft() {
	if !m.intake.Dirty() {
		m.home.setDraftNote("")
		return
	}
	m.home.setDraftNote(m.c.T(lblHomeDraftKept))
}

func (m *FrontDesk) keys() help.KeyMap {
	return components.WithGlobalKeys(m.activePage(), m.c.Keys.Global)
}

// layout gives every page the room left by the header, the status line
// and the help; the active page, when its size changed, is told with a
// WindowSizeMsg so it can fetch more (or fewer) rows.
func (m *FrontDesk) layout() tea.Cmd {
	bodyH, changed := m.shell.Layout(m.keys())
	if bodyH == 0 {
		return nil
	}
	for _, p := range m.pages {
		p.SetSize(m.c.Width, bodyH)
	}
	if changed && !components.TooSmall(m.c) {
		return m.activePage().Update(tea.WindowSizeMsg{Width: m.c.Width, Height: bodyH})
	}
	return nil
}

// View draws the frame. Like Update it recovers from a page's panic.
func (m *FrontDesk) View() tea.View {
	if m.kiosk != nil {
		if v, ok := m.kioskView(); ok {
			return m.shell.View(m.c.HallName(), func() string { return v })
		}
	}
	return m.shell.View(m.c.HallName(), func() string { return m.shell.Render(m.activePage(), m.keys()) })
}
