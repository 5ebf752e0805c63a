package console

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// consoleState is the screen the console shows.
type consoleState int

const (
	stateSessions consoleState = iota // pick or open a session
	stateSetup                        // attendance and the agenda
	stateWalk                         // the agenda case by case
	stateClosing                      // the summary and closing
)

// meetingShared is what the console's screens share: the Common context,
// the store, the session on screen, the box over the screen, the status
// line and the queue of store calls. The root owns it; each screen holds
// a pointer to it. A screen is shown only with a session read
// (state != stateSessions implies b != nil).
type meetingShared struct {
	c     *common.Common
	store Store
	// keys are the console's bindings as built: never switched on or
	// off; each screen derives its live keys from its state.
	keys *meetingKeys
	opts options

	printing frontdesk.Printing // prints a closed session when opts.print is not set
	// roleErr is why the user has no role (not registered): what a
	// write key says.
	roleErr error
	// standalone is set for the console's own root: nothing lies
	// behind the list of sessions.
	standalone bool

	state  consoleState
	b      *sessionBoard // the open session; nil on the list of sessions
	number string        // the open session's number
	cur    string        // the case in view in the walkthrough

	modal  consoleModal        // a prompt, chooser or question over the screen
	drafts map[draftKey]string // reasons typed, then cancelled

	jobs jobQueue
	st   common.StatusLine

	width, height int
	hits          []clickZone // clickable places of the last view
}

// clickZone is a clickable place of the page: line y, columns [x0, x1).
type clickZone struct {
	y, x0, x1 int
	do        func() tea.Cmd
}

// addHit records a clickable place.
func (sh *meetingShared) addHit(y, x0, x1 int, do func() tea.Cmd) {
	sh.hits = append(sh.hits, clickZone{y: y, x0: x0, x1: x1, do: do})
}

// do runs a store call in its turn (see jobQueue).
func (sh *meetingShared) do(build func() tea.Cmd) tea.Cmd {
	cmd, _ := sh.jobs.enqueue(build)
	return cmd
}

// loadSessions reads the list of sessions in its turn.
func (sh *meetingShared) loadSessions() tea.Cmd {
	return sh.do(func() tea.Cmd { return loadSessions(sh.store) })
}

// reload reads the open session again.
func (sh *meetingShared) reload() tea.Cmd {
	return sh.do(func() tea.Cmd {
		if sh.number == "" {
			return nil
		}
		return loadBoard(sh.store, sh.number, sh.cur)
	})
}

// show shows one of the session's screens.
func (sh *meetingShared) show(s consoleState) {
	if s < stateSetup || s > stateClosing || sh.b == nil {
		return
	}
	sh.state = s
	sh.st.Clear()
}

// toSessions goes back to the list of sessions, read afresh.
func (sh *meetingShared) toSessions() tea.Cmd {
	sh.state = stateSessions
	sh.b, sh.number = nil, ""
	sh.st.Clear()
	return sh.loadSessions()
}

// writer reports whether the user's role may write the meeting:
// attendance, agenda, votes, recusals, decisions, opening and closing.
// The domain checks it again on every write.
func (sh *meetingShared) writer() bool { return sh.c.Can(casefile.PermMeeting) }

// roleName names the user's role, for the read-only notes.
func (sh *meetingShared) roleName() string {
	if sh.c.Role == "" {
		return sh.c.T(lblMtgRoUnregistered)
	}
	return sh.c.Role.Label(sh.c.Lang)
}

// refusal says why a write key does nothing for this user.
func (sh *meetingShared) refusal() string {
	if sh.roleErr != nil {
		return sh.c.Msg(sh.roleErr)
	}
	return sh.c.Forbidden()
}

// refuse answers a write key the user's role may not use: the key is off
// (help leaves it out), and pressing it says why.
func (sh *meetingShared) refuse(msg tea.KeyPressMsg, writes ...key.Binding) bool {
	if sh.writer() {
		return false
	}
	for _, b := range writes {
		if common.Pressed(msg, b) {
			sh.st.Set(sh.refusal(), common.LevelError)
			return true
		}
	}
	return false
}

// open reports whether the session on screen still takes changes.
func (sh *meetingShared) open() bool { return sh.b != nil && sh.b.sess.Status == meeting.SessionOpen }

// tabsKey is 1/2/3, live on a session's screens.
func (sh *meetingShared) tabsKey() key.Binding {
	k := sh.keys.Tabs
	k.SetEnabled(sh.b != nil && sh.state != stateSessions)
	return k
}

// currentItem is the agenda item in view, or nil.
func (sh *meetingShared) currentItem() *meeting.Item {
	if sh.b == nil {
		return nil
	}
	return sh.b.sess.Item(sh.cur)
}

// voters are the session's voting members: the chair, then the members.
func (sh *meetingShared) voters() []meeting.Member {
	if sh.b == nil {
		return nil
	}
	var out []meeting.Member
	for _, m := range sh.b.sess.Members {
		if m.Votes() {
			out = append(out, m)
		}
	}
	return out
}

// topLine is the first line of a session's screens: the tabs on the left
// and the progress on the right.
func (sh *meetingShared) topLine() string {
	c := sh.c
	s := c.Styles
	labels := []string{"1 " + c.T(lblMtgTabSetup), "2 " + c.T(lblMtgTabWalk), "3 " + c.T(lblMtgTabClosing)}
	row, spans := components.Tabs(s, labels, int(sh.state)-1)
	for i, sp := range spans {
		scr := consoleState(i + 1)
		sh.addHit(0, sp[0], sp[1], func() tea.Cmd { sh.show(scr); return nil })
	}
	right := sh.progress()
	gap := sh.width - components.AnsiWidth(row) - components.AnsiWidth(right)
	if gap < 2 {
		return components.FitWidth(row, sh.width)
	}
	return row + strings.Repeat(" ", gap) + right
}

// progress is "decided 3/12  time 0:25  present 15/17".
func (sh *meetingShared) progress() string {
	c := sh.c
	s := c.Styles
	sess := sh.b.sess
	decided := len(sess.Agenda) - len(sh.b.sum.Undecided)
	tl := sess.Count(&meeting.Item{})
	q := s.App.StatusOK
	if !sh.b.quorum {
		q = s.App.StatusError
	}
	status := ""
	if sess.Status == meeting.SessionClosed {
		status = s.App.StatusWarn.Render(sess.Status.Label(c.Lang)) + "  "
	}
	return status + s.App.Muted.Render(c.Tf(lblMtgProgress, decided, len(sess.Agenda), sh.elapsed())) + "  " +
		q.Render(c.Tf(lblMtgPresentShort, tl.Present, tl.Members)) + " "
}

// elapsed is the time since the session opened (until it closed), h:mm.
func (sh *meetingShared) elapsed() string {
	sess := sh.b.sess
	end := sh.c.Now()
	if sess.Status == meeting.SessionClosed && !sess.ClosedAt.IsZero() {
		end = sess.ClosedAt
	}
	d := max(end.Sub(sess.OpenedAt), 0)
	return fmt.Sprintf("%d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

// quorumText is "出席 9/17，已达法定人数" or its opposite.
func (sh *meetingShared) quorumText() string {
	tl := sh.b.sess.Count(&meeting.Item{})
	if sh.b.quorum {
		return sh.c.Tf(lblMtgQuorumYes, tl.Present, tl.Members)
	}
	return sh.c.Tf(lblMtgQuorumNo, tl.Present, tl.Members)
}

// sessionLine is the session's number, date, place, chair and secretary.
func (sh *meetingShared) sessionLine() string {
	c := sh.c
	s := c.Styles
	sess := sh.b.sess
	l := " " + s.App.Title.Render(sess.Number) + "  " + sess.Date.String() + "  " + sess.Place + "  " +
		s.App.Muted.Render(c.Tf(lblMtgChairSecretary, sess.Chair.Name, sess.Secretary.Name))
	if sess.Status == meeting.SessionClosed {
		l += "  " + s.App.StatusWarn.Render(c.Tf(lblMtgClosedAt, sess.ClosedAt.Format("2006-01-02 15:04"), sess.ClosedBy))
	}
	return l
}

// jobQueue runs store calls one at a time, in the order the keys were
// pressed: each result carries the session read afresh, so the screen
// never shows an older state after a newer one.
type jobQueue struct {
	queue []meetingJob
	busy  bool
	next  int
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

// enqueue adds a job and starts it when nothing else runs; it returns the
// command to run now (nil when the job waits) and the job's id.
func (q *jobQueue) enqueue(build func() tea.Cmd) (tea.Cmd, int) {
	q.next++
	q.queue = append(q.queue, meetingJob{id: q.next, build: build})
	return q.pump(), q.next
}

// pump starts the next job.
func (q *jobQueue) pump() tea.Cmd {
	for !q.busy && len(q.queue) > 0 {
		j := q.queue[0]
		q.queue = q.queue[1:]
		cmd := j.build()
		if cmd == nil {
			continue
		}
		q.busy = true
		id := j.id
		return func() tea.Msg { return meetingJobMsg{id: id, msg: cmd()} }
	}
	return nil
}
