package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// mtgScreen is one screen of the console.
type mtgScreen int

const (
	scrSessions mtgScreen = iota // pick or open a session
	scrSetup                     // attendance and the agenda
	scrWalk                      // the agenda case by case
	scrClosing                   // the summary and closing
)

// meetingPage is the meeting console: the list of sessions, then for one
// session its attendance and agenda, the walkthrough of its cases and its
// closing. It is a Page, so the front desk shows it too (WithMeeting).
//
// Every store call is a job in a queue run one at a time, in the order
// the keys were pressed: each result carries the session read afresh, so
// the screen never shows an older state after a newer one.
type meetingPage struct {
	c     *Common
	store MeetingStore
	keys  *MeetingKeys
	opts  meetingOptions

	printing Printing // prints a closed session when opts.print is not set
	// roleErr is why the user has no role (not registered): what a
	// write key says.
	roleErr error

	screen mtgScreen
	ss     sessionsState
	b      *sessionBoard // the open session; nil on the list of sessions
	number string
	setup  setupState
	walk   walkState
	close  closingState

	prompt  *reasonPrompt
	chooser *rulingChooser
	confirm *dialog
	onYes   func() tea.Cmd    // what a yes to confirm does
	drafts  map[string]string // reasons typed, then cancelled

	// standalone is set for the console's own root: nothing lies
	// behind the list of sessions.
	standalone bool

	queue   []meetingJob
	busy    bool
	nextJob int
	ticking bool

	st            status
	width, height int
	hits          []clickZone // clickable places of the last view
}

// meetingJob is a store call waiting its turn; build runs when the call
// before it has answered, so it sees the state that call left.
type meetingJob struct {
	id    int
	build func() tea.Cmd
}

// meetingJobMsg is the answer of a job, tagged with the job's id.
type meetingJobMsg struct {
	id  int
	msg tea.Msg
}

// meetingTickMsg redraws the time spent.
type meetingTickMsg struct{}

// clickZone is a clickable place of the page: line y, columns [x0, x1).
type clickZone struct {
	y, x0, x1 int
	do        func() tea.Cmd
}

func newMeetingPage(c *Common, store MeetingStore, o meetingOptions) *meetingPage {
	p := &meetingPage{c: c, store: store, keys: newMeetingKeys(c), opts: o, drafts: map[string]string{}}
	p.ss.form = newSessionForm(c, p.keys, p.createSession)
	p.setup.init(c)
	p.updateKeys()
	return p
}

// usePrinting lets the closing screen print the session's documents.
func (p *meetingPage) usePrinting(pr Printing) { p.printing = pr }

// writer reports whether the user's role may write the meeting:
// attendance, agenda, votes, recusals, decisions, opening and closing.
// The domain checks it again on every write.
func (p *meetingPage) writer() bool { return p.c.Can(casefile.PermMeeting) }

// roleName names the user's role, for the read-only notes.
func (p *meetingPage) roleName() string {
	if p.c.Role == "" {
		return p.c.T("mtg.ro_unregistered")
	}
	return p.c.Role.Label(p.c.Lang)
}

// refusal says why a write key does nothing for this user.
func (p *meetingPage) refusal() string {
	if p.roleErr != nil {
		return p.c.Msg(p.roleErr)
	}
	return p.c.forbidden()
}

// refused answers a key the user's role may not use on the screen in
// view: the key is off (help leaves it out), and pressing it says why.
func (p *meetingPage) refused(msg tea.KeyPressMsg) bool {
	k := p.keys
	var writes []key.Binding
	switch p.screen {
	case scrSessions:
		if !p.ss.formOpen {
			writes = []key.Binding{k.Sessions.New}
		}
	case scrSetup:
		writes = []key.Binding{k.Setup.Toggle, k.Setup.Build}
	case scrWalk:
		writes = []key.Binding{k.Walk.Agree, k.Walk.Disagree, k.Walk.Abstain, k.Walk.Recuse, k.Walk.Decide}
	case scrClosing:
		writes = []key.Binding{k.Closing.Close}
		if !p.c.Can(casefile.PermPrint) && pressed(msg, k.Closing.Print) {
			p.st.set(p.c.forbidden(), LevelError)
			return true
		}
	}
	if p.writer() {
		return false
	}
	for _, b := range writes {
		if pressed(msg, b) {
			p.st.set(p.refusal(), LevelError)
			return true
		}
	}
	return false
}

// enqueue adds a job and starts it when nothing else runs; it returns the
// command to run now (nil when the job waits) and the job's id.
func (p *meetingPage) enqueue(build func() tea.Cmd) (tea.Cmd, int) {
	p.nextJob++
	p.queue = append(p.queue, meetingJob{id: p.nextJob, build: build})
	return p.pump(), p.nextJob
}

// do enqueues a job whose id nobody waits for.
func (p *meetingPage) do(build func() tea.Cmd) tea.Cmd {
	cmd, _ := p.enqueue(build)
	return cmd
}

// pump starts the next job.
func (p *meetingPage) pump() tea.Cmd {
	for !p.busy && len(p.queue) > 0 {
		j := p.queue[0]
		p.queue = p.queue[1:]
		cmd := j.build()
		if cmd == nil {
			continue
		}
		p.busy = true
		id := j.id
		return func() tea.Msg { return meetingJobMsg{id: id, msg: cmd()} }
	}
	return nil
}

func (p *meetingPage) Enter() tea.Cmd {
	var cmds []tea.Cmd
	if p.opts.tick > 0 && !p.ticking {
		p.ticking = true
		cmds = append(cmds, p.tickCmd())
	}
	switch {
	case p.b != nil:
		cmds = append(cmds, p.reload())
	case p.opts.session != "":
		number := p.opts.session
		p.opts.session = ""
		cmds = append(cmds, p.openSession(number, scrSetup))
	default:
		cmds = append(cmds, p.do(func() tea.Cmd { return loadSessions(p.store) }))
	}
	p.updateKeys()
	return tea.Batch(cmds...)
}

func (p *meetingPage) tickCmd() tea.Cmd {
	return tea.Tick(p.opts.tick, func(time.Time) tea.Msg { return meetingTickMsg{} })
}

// reload reads the open session again.
func (p *meetingPage) reload() tea.Cmd {
	return p.do(func() tea.Cmd {
		if p.number == "" {
			return nil
		}
		return loadBoard(p.store, p.number, p.walk.cur)
	})
}

// openSession reads session number and shows it on screen scr.
func (p *meetingPage) openSession(number string, scr mtgScreen) tea.Cmd {
	p.st.set(p.c.T("mtg.loading"), LevelMuted)
	return p.do(func() tea.Cmd {
		p.number, p.screen = number, scr
		p.walk = walkState{}
		p.setup.rep = nil
		return loadBoard(p.store, number, "")
	})
}

func (p *meetingPage) Title() string {
	t := p.c.T("mtg.title")
	if p.b != nil {
		t += " " + p.b.sess.Number
	}
	if !p.writer() {
		t += p.c.Tf("mtg.ro_mark", p.roleName())
	}
	return t
}

func (p *meetingPage) Status() (string, Level) { return p.st.text, p.st.lv }

// Dirty reports a reason being typed, or a new session's form filled in.
func (p *meetingPage) Dirty() bool {
	return (p.prompt != nil && p.prompt.Value() != "") || p.ss.form.touched()
}

// Typing reports whether letters typed are text.
func (p *meetingPage) Typing() bool {
	return p.prompt != nil || (p.screen == scrSessions && p.ss.formOpen && p.ss.form.f.Typing())
}

func (p *meetingPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.ss.form.SetSize(w, h)
}

// open reports whether the session on screen still takes changes.
func (p *meetingPage) open() bool { return p.b != nil && p.b.sess.Status == meeting.SessionOpen }

// ---- update ----

func (p *meetingPage) Update(msg tea.Msg) tea.Cmd {
	defer p.updateKeys()
	switch msg := msg.(type) {
	case meetingJobMsg:
		p.busy = false
		cmd := p.onResult(msg)
		return tea.Batch(cmd, p.pump())
	case meetingTickMsg:
		return p.tickCmd()
	case printProgressMsg:
		return p.onPrintProgress(msg)
	case sessionPrintedMsg:
		p.onSessionPrinted(msg)
	case ChangedMsg:
		// another terminal wrote: what is shown is read afresh
		if p.b != nil {
			return p.reload()
		}
		return p.do(func() tea.Cmd { return loadSessions(p.store) })
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		switch {
		case p.prompt != nil:
			_, cmd := p.prompt.Update(msg)
			return cmd
		case p.screen == scrSessions && p.ss.formOpen:
			p.ss.form.f.HandlePaste(msg)
		}
	case tea.MouseClickMsg:
		return p.handleClick(msg)
	case tea.MouseWheelMsg:
		return p.handleWheel(msg)
	}
	return nil
}

// onResult handles the answer of a store call.
func (p *meetingPage) onResult(job meetingJobMsg) tea.Cmd {
	var err error
	switch msg := job.msg.(type) {
	case sessionsLoadedMsg:
		return p.onSessions(msg)
	case boardLoadedMsg:
		err = msg.err
		if err == nil {
			p.setBoard(msg.b)
			p.st.clear()
		} else if p.b == nil {
			// the session could not be opened: back to the list, which
			// keeps the message
			p.screen = scrSessions
			p.settle(job.id, err)
			return p.do(func() tea.Cmd { return loadSessions(p.store) })
		}
	case sessionOpenedMsg:
		err = msg.err
		if err == nil {
			p.ss.form = newSessionForm(p.c, p.keys, p.createSession)
			p.ss.form.SetSize(p.width, p.height)
			p.ss.formOpen = false
			p.number, p.screen = msg.b.sess.Number, scrSetup
			p.walk, p.setup.rep = walkState{}, nil
			p.setBoard(msg.b)
			p.st.set(p.c.Tf("mtg.opened", msg.b.sess.Number), LevelOK)
		}
	case attendanceTakenMsg:
		err = msg.err
		if err == nil {
			p.setBoard(msg.b)
			word := p.c.T("mtg.absent")
			if msg.present {
				word = p.c.T("mtg.present")
			}
			p.st.set(p.c.Tf("mtg.attendance_taken", msg.name, word, p.quorumText()), LevelOK)
		}
	case agendaBuiltMsg:
		err = msg.err
		if err == nil {
			p.setup.rep = msg.rep
			p.setBoard(msg.b)
			p.st.set(p.c.Tf("mtg.agenda_built", len(msg.rep.Added), len(msg.b.sess.Agenda)), LevelOK)
		}
	case voteRecordedMsg:
		err = msg.err
		if err == nil {
			p.setBoard(msg.b)
			if msg.recusal {
				p.st.set(p.c.Tf("mtg.recused", msg.name), LevelOK)
			} else {
				p.st.set(p.c.Tf("mtg.voted", msg.name, msg.choice.Label(p.c.Lang)), LevelOK)
			}
		}
	case caseDecidedMsg:
		err = msg.err
		if err == nil {
			p.setBoard(msg.b)
			text := p.c.Tf("mtg.decided", msg.it.Case, msg.it.Decision.Result.Label(p.c.Lang))
			if g := msg.it.Decision.Granted; g > 0 {
				text += p.c.Tf("mtg.decided_granted", g.Grouped())
			}
			if p.b.sum != nil && len(p.b.sum.Undecided) > 0 {
				text += p.c.T("mtg.decided_next")
			}
			p.st.set(text, LevelOK)
		}
	case sessionClosedMsg:
		err = msg.err
		if err == nil {
			p.setBoard(msg.b)
			p.st.set(p.c.Tf("mtg.closed", msg.b.sess.Number), LevelOK)
		}
	}
	p.settle(job.id, err)
	return nil
}

// settle closes the prompt waiting for job id when the job succeeded, or
// shows why it failed (in the prompt, keeping the text, or on the status
// line).
func (p *meetingPage) settle(id int, err error) {
	if pr := p.prompt; pr != nil && pr.waiting && pr.job == id {
		pr.waiting = false
		if err != nil {
			pr.Err = p.c.Msg(err)
			return
		}
		delete(p.drafts, pr.key)
		p.prompt = nil
		if pr.onDone != nil {
			pr.onDone()
		}
		return
	}
	if err != nil {
		p.st.set(p.c.Msg(err), LevelError)
	}
}

func (p *meetingPage) onSessions(msg sessionsLoadedMsg) tea.Cmd {
	if msg.err != nil {
		p.st.set(p.c.Tf("mtg.load_failed", p.c.Msg(msg.err)), LevelError)
		return nil
	}
	p.ss.list = msg.list
	p.ss.cursor = 0
	for i, s := range msg.list { // the newest open session first
		if s.Status == meeting.SessionOpen {
			p.ss.cursor = i
			break
		}
	}
	switch {
	case p.st.lv == LevelError: // why a session did not open stays shown
	case len(msg.list) == 0 && p.writer():
		p.st.set(p.c.T("mtg.no_sessions_hint"), LevelMuted)
	default:
		p.st.clear()
	}
	return nil
}

// setBoard shows a session read afresh.
func (p *meetingPage) setBoard(b *sessionBoard) {
	p.b = b
	p.number = b.sess.Number
	if p.walk.cur == "" || b.sess.Item(p.walk.cur) == nil {
		p.walk.cur = b.cur
		p.walk.scroll = 0
	}
	p.walk.member = min(p.walk.member, max(len(p.voters())-1, 0))
	p.setup.clamp(p)
}

func (p *meetingPage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case p.prompt != nil:
		return p.handlePrompt(msg)
	case p.chooser != nil:
		return p.handleChooser(msg)
	case p.confirm != nil:
		res, _ := p.confirm.Update(msg)
		switch res {
		case dialogYes:
			do := p.onYes
			p.confirm, p.onYes = nil, nil
			if do != nil {
				return do()
			}
		case dialogNo:
			p.confirm, p.onYes = nil, nil
		}
		return nil
	}
	if p.refused(msg) {
		return nil
	}
	if p.screen != scrSessions && p.b != nil && key.Matches(msg, p.keys.Tabs) {
		p.setScreen(mtgScreen(int(msg.String()[0]-'1') + 1))
		return nil
	}
	switch p.screen {
	case scrSessions:
		return p.sessionsKey(msg)
	case scrSetup:
		return p.setupKey(msg)
	case scrWalk:
		return p.walkKey(msg)
	case scrClosing:
		return p.closingKey(msg)
	}
	return nil
}

// setScreen shows one of the session's screens.
func (p *meetingPage) setScreen(s mtgScreen) {
	if s < scrSetup || s > scrClosing || p.b == nil {
		return
	}
	p.screen = s
	p.st.clear()
}

// confirmBox opens a yes/no question; its lines are wrapped the Chinese
// way first (the dialog's own wrap breaks only at spaces).
func (p *meetingPage) confirmBox(title string, lines []string, yes func() tea.Cmd) {
	inner := max(min(p.width-2, 72)-4, 10)
	var ls []string
	for _, l := range lines {
		ls = append(ls, wrapCJK(l, inner)...)
	}
	p.confirm, p.onYes = newConfirm(p.c, title, ls...), yes
}

// ask opens a reason prompt; the text kept from a cancelled prompt of the
// same draft key comes back.
func (p *meetingPage) ask(draft, title string, lines []string, value string, submit func(string) tea.Cmd) {
	if v, ok := p.drafts[draft]; ok {
		value = v
	}
	p.prompt = newReasonPrompt(p.c, p.keys.Prompt, title, lines, value, submit)
	p.prompt.key = draft
}

func (p *meetingPage) handlePrompt(msg tea.KeyPressMsg) tea.Cmd {
	pr := p.prompt
	res, cmd := pr.Update(msg)
	switch res {
	case dialogYes:
		text := pr.Value()
		pr.Err = ""
		pr.waiting = true
		run, id := p.enqueue(func() tea.Cmd { return pr.submit(text) })
		pr.job = id
		return run
	case dialogNo:
		if v := pr.area.Value(); strings.TrimSpace(v) != "" {
			p.drafts[pr.key] = v
		}
		p.prompt = nil
	}
	return cmd
}

func (p *meetingPage) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || p.confirm != nil || p.prompt != nil {
		return nil
	}
	if p.chooser != nil {
		return nil
	}
	if p.screen == scrSessions && p.ss.formOpen {
		r := p.ss.form.Click(msg.X, msg.Y-p.ss.formTop)
		return r.Cmd
	}
	for _, h := range p.hits {
		if msg.Y == h.y && msg.X >= h.x0 && msg.X < h.x1 {
			return h.do()
		}
	}
	return nil
}

func (p *meetingPage) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	if p.prompt != nil || p.chooser != nil || p.confirm != nil {
		return nil
	}
	d := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		d = -3
	case tea.MouseWheelDown:
		d = 3
	}
	switch p.screen {
	case scrWalk:
		p.walk.scroll += d
	case scrClosing:
		p.close.scroll += d
	}
	return nil
}

// addHit records a clickable place.
func (p *meetingPage) addHit(y, x0, x1 int, do func() tea.Cmd) {
	p.hits = append(p.hits, clickZone{y: y, x0: x0, x1: x1, do: do})
}

// ---- view ----

func (p *meetingPage) View() string {
	p.hits = p.hits[:0]
	w, h := p.width, p.height
	if w <= 0 || h <= 0 {
		return ""
	}
	switch {
	case p.prompt != nil:
		return p.prompt.View(w, h)
	case p.chooser != nil:
		return p.chooser.View(w, h)
	case p.confirm != nil:
		return p.confirm.View(w, h)
	}
	var out string
	switch {
	case p.screen == scrSessions || p.b == nil:
		out = p.sessionsView()
	case p.screen == scrSetup:
		out = p.setupView()
	case p.screen == scrWalk:
		out = p.walkView()
	default:
		out = p.closingView()
	}
	return fitHeight(out, h)
}

// topLine is the first line of a session's screens: the tabs on the left
// and the progress on the right.
func (p *meetingPage) topLine() string {
	c := p.c
	s := c.Styles
	labels := []string{"1 " + c.T("mtg.tab_setup"), "2 " + c.T("mtg.tab_walk"), "3 " + c.T("mtg.tab_closing")}
	row, spans := tabs(s, labels, int(p.screen)-1)
	for i, sp := range spans {
		scr := mtgScreen(i + 1)
		p.addHit(0, sp[0], sp[1], func() tea.Cmd { p.setScreen(scr); return nil })
	}
	right := p.progress()
	gap := p.width - ansiWidth(row) - ansiWidth(right)
	if gap < 2 {
		return fitWidth(row, p.width)
	}
	return row + strings.Repeat(" ", gap) + right
}

// progress is "decided 3/12  time 0:25  present 15/17".
func (p *meetingPage) progress() string {
	c := p.c
	s := c.Styles
	sess := p.b.sess
	decided := len(sess.Agenda) - len(p.b.sum.Undecided)
	tl := sess.Count(&meeting.Item{})
	q := s.App.StatusOK
	if !p.b.quorum {
		q = s.App.StatusError
	}
	status := ""
	if sess.Status == meeting.SessionClosed {
		status = s.App.StatusWarn.Render(sess.Status.Label(c.Lang)) + "  "
	}
	return status + s.App.Muted.Render(c.Tf("mtg.progress", decided, len(sess.Agenda), p.elapsed())) + "  " +
		q.Render(c.Tf("mtg.present_short", tl.Present, tl.Members)) + " "
}

// elapsed is the time since the session opened (until it closed), h:mm.
func (p *meetingPage) elapsed() string {
	sess := p.b.sess
	end := p.c.Now()
	if sess.Status == meeting.SessionClosed && !sess.ClosedAt.IsZero() {
		end = sess.ClosedAt
	}
	d := max(end.Sub(sess.OpenedAt), 0)
	return fmt.Sprintf("%d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

// quorumText is "出席 9/17，已达法定人数" or its opposite.
func (p *meetingPage) quorumText() string {
	tl := p.b.sess.Count(&meeting.Item{})
	if p.b.quorum {
		return p.c.Tf("mtg.quorum_yes", tl.Present, tl.Members)
	}
	return p.c.Tf("mtg.quorum_no", tl.Present, tl.Members)
}

// voters are the session's voting members: the chair, then the members.
func (p *meetingPage) voters() []meeting.Member {
	if p.b == nil {
		return nil
	}
	var out []meeting.Member
	for _, m := range p.b.sess.Members {
		if m.Votes() {
			out = append(out, m)
		}
	}
	return out
}

// ---- keys ----

// updateKeys switches keys on and off for the state on screen.
func (p *meetingPage) updateKeys() {
	k := p.keys
	w := p.writer() // a role that may not write the meeting sees no write key
	open := p.open()
	has := p.b != nil && len(p.b.sess.Agenda) > 0
	k.Tabs.SetEnabled(p.b != nil && p.screen != scrSessions)

	k.Sessions.Open.SetEnabled(len(p.ss.list) > 0 && !p.ss.formOpen)
	k.Sessions.Up.SetEnabled(!p.ss.formOpen)
	k.Sessions.Down.SetEnabled(!p.ss.formOpen)
	k.Sessions.New.SetEnabled(!p.ss.formOpen && w)
	k.Sessions.Create.SetEnabled(p.ss.formOpen && w)

	st := &k.Setup
	area := p.setup.area
	st.Toggle.SetEnabled(open && w && area == areaMembers)
	st.Change.SetEnabled(open && w && area.filter())
	st.Build.SetEnabled(open && w)
	st.OpenCase.SetEnabled(has && area == areaAgenda)
	st.Walkthrough.SetEnabled(has)

	wk := &k.Walk
	it := p.currentItem()
	m := p.selectedMember()
	undecided := open && w && it != nil && it.Decision == nil
	present := m != nil && p.b.sess.IsPresent(m.ID) && it != nil && !it.Recused(m.ID)
	canVote := undecided && p.b.quorum && present
	wk.Agree.SetEnabled(canVote)
	wk.Disagree.SetEnabled(canVote)
	wk.Abstain.SetEnabled(canVote)
	wk.Recuse.SetEnabled(undecided && present)
	wk.Decide.SetEnabled(undecided && p.b.quorum)
	wk.NextUndecided.SetEnabled(p.b != nil && len(p.b.sum.Undecided) > 0)
	wk.PrevCase.SetEnabled(has && len(p.b.sess.Agenda) > 1)
	wk.NextCase.SetEnabled(has && len(p.b.sess.Agenda) > 1)

	k.Closing.Close.SetEnabled(open && w)
	k.Closing.Print.SetEnabled(p.b != nil && !open && p.c.Can(casefile.PermPrint))
}

func (p *meetingPage) ShortHelp() []key.Binding {
	switch {
	case p.prompt != nil:
		return p.prompt.ShortHelp()
	case p.chooser != nil:
		return p.chooser.ShortHelp()
	case p.confirm != nil:
		return p.confirm.ShortHelp()
	}
	k := p.keys
	switch p.screen {
	case scrSetup:
		s := k.Setup
		return []key.Binding{s.Toggle, s.Change, s.Area, s.Build, s.Walkthrough, s.OpenCase, k.Tabs}
	case scrWalk:
		w := k.Walk
		return []key.Binding{w.Agree, w.Disagree, w.Abstain, w.Recuse, w.Decide, w.NextUndecided, w.Move, w.ScrollUp}
	case scrClosing:
		cl := k.Closing
		return []key.Binding{cl.Close, cl.Print, cl.Up, cl.Back, k.Tabs}
	}
	s := k.Sessions
	if p.ss.formOpen {
		f := p.c.Keys.Form
		return []key.Binding{f.Next, f.Prev, s.Create, p.c.Keys.Global.Back}
	}
	if p.standalone {
		return []key.Binding{s.Up, s.Open, s.New}
	}
	return []key.Binding{s.Up, s.Open, s.New, p.c.Keys.Global.Back}
}

func (p *meetingPage) FullHelp() [][]key.Binding {
	if p.prompt != nil || p.chooser != nil || p.confirm != nil {
		return [][]key.Binding{p.ShortHelp()}
	}
	k := p.keys
	switch p.screen {
	case scrSetup:
		s := k.Setup
		return [][]key.Binding{{s.Area, s.Move, s.Toggle, s.Change}, {s.Build, s.OpenCase, s.Walkthrough, k.Tabs, s.SessionsList}}
	case scrWalk:
		w := k.Walk
		return [][]key.Binding{{w.Move, w.Agree, w.Disagree, w.Abstain, w.Recuse},
			{w.Decide, w.NextUndecided, w.PrevCase, w.ScrollUp},
			{w.Attendance, w.ToClosing, k.Tabs, w.SessionsList}}
	case scrClosing:
		cl := k.Closing
		return [][]key.Binding{{cl.Close, cl.Print}, {cl.Up, cl.Down, cl.Back, k.Tabs}}
	}
	return [][]key.Binding{p.ShortHelp()}
}
