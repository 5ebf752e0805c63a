package console

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// Store is everything the meeting console asks of the meeting and
// the case file. Each screen holds only the narrow part it needs.
// NewStore satisfies it over a *meeting.Store; the domain checks
// every rule and every role (a user who may not write gets
// casefile.ErrForbidden, shown on screen).
type Store interface {
	SessionStore
	AttendanceStore
	BallotStore
	// RoleOf is the role of user who (the local administrator for a
	// local run); an unknown user gets the domain's refusal.
	RoleOf(who string) (casefile.Role, error)
	Catalog() *casefile.Catalog
}

// SessionStore lists, opens, reads and closes sessions.
type SessionStore interface {
	// Sessions lists every session, newest first, without agendas.
	Sessions() ([]*meeting.Session, error)
	// Session returns a session with its agenda.
	Session(number string) (*meeting.Session, error)
	// NewSession opens a session with the committee.
	NewSession(p meeting.Plan, who string) (*meeting.Session, error)
	// Close closes a session and freezes its record; undecided cases are
	// listed as such when leaveUndecided is set.
	Close(number string, leaveUndecided bool, who string) (*meeting.Session, error)
}

// AttendanceStore takes attendance and builds the agenda.
type AttendanceStore interface {
	Attend(number string, members []uint64, who string) (*meeting.Session, error)
	Leave(number string, member uint64, who string) (*meeting.Session, error)
	// BuildAgenda runs the batch "same policy only once" resolution and
	// puts the ready cases matching f on the agenda.
	BuildAgenda(number string, f meeting.AgendaFilter, who string) (*meeting.AgendaReport, error)
}

// BallotStore records votes, recusals and decisions on one case and
// reads what the committee sees of it.
type BallotStore interface {
	Tally(number, caseNumber string) (*meeting.Tally, error)
	Vote(number string, b meeting.Ballot, who string) (*meeting.Tally, error)
	Recuse(number string, d meeting.Declaration, who string) (*meeting.Tally, error)
	Decide(number string, r meeting.Ruling, who string) (*meeting.Item, error)
	// Dossier is the case as it is now: household, evidence, history.
	Dossier(number string) (*frontdesk.Dossier, error)
}

// meetingFile adapts *meeting.Store to Store: each method is one
// transaction of the meeting (or one read of the case file); values
// returned are fresh copies decoded from the database.
type meetingFile struct {
	*meeting.Store
	cases frontdesk.Store
}

// NewStore returns the meeting console's view of a meeting store.
func NewStore(m *meeting.Store) Store {
	return &meetingFile{Store: m, cases: frontdesk.NewStore(m.Cases())}
}

var _ Store = (*meetingFile)(nil)

func (s *meetingFile) Catalog() *casefile.Catalog { return s.Cases().Catalog() }

func (s *meetingFile) Dossier(number string) (*frontdesk.Dossier, error) {
	return s.cases.Dossier(number)
}

func (s *meetingFile) RoleOf(who string) (r casefile.Role, err error) {
	err = s.Cases().View(func(t *casefile.Tx) error {
		if r, err = t.RoleOf(who); errors.Is(err, casefile.ErrUnknownUser) {
			return t.Require(who, casefile.PermMeeting) // the domain's words: "… is not registered"
		}
		return err
	})
	return r, err
}

// sessionBoard is what the console shows of one session: the session with its
// agenda and the sums of its decisions, and for the case in view the
// tally the rules give and the case as it is now.
type sessionBoard struct {
	sess   *meeting.Session
	sum    *meeting.Summary
	quorum bool
	cur    string             // the case the tally and dossier are of ("" none)
	tally  *meeting.Tally     // nil when cur is ""
	d      *frontdesk.Dossier // nil when cur is "" or the case could not be read
	dErr   error              // why d is nil
}

// readBoard reads session number and, for the case cur (or, when cur is
// not on the agenda, the first undecided case), its tally and dossier.
// It runs inside a tea.Cmd.
func readBoard(store Store, number, cur string) (*sessionBoard, error) {
	sess, err := store.Session(number)
	if err != nil {
		return nil, err
	}
	cat := store.Catalog()
	b := &sessionBoard{sess: sess, sum: meeting.Summarize(cat, sess), quorum: sess.HasQuorum(cat.Meeting)}
	if sess.Item(cur) == nil {
		cur = firstUndecided(sess, "")
	}
	if cur == "" {
		return b, nil
	}
	b.cur = cur
	if b.tally, err = store.Tally(number, cur); err != nil {
		return nil, err
	}
	b.d, b.dErr = store.Dossier(cur)
	return b, nil
}

// firstUndecided is the first undecided case after case from on the
// agenda (wrapping round), else the first case; "" for an empty agenda.
func firstUndecided(sess *meeting.Session, from string) string {
	n := len(sess.Agenda)
	if n == 0 {
		return ""
	}
	start := 0
	for i, it := range sess.Agenda {
		if it.Case == from {
			start = i + 1
		}
	}
	for k := 0; k < n; k++ {
		if it := sess.Agenda[(start+k)%n]; it.Decision == nil {
			return it.Case
		}
	}
	if from != "" && sess.Item(from) != nil {
		return from
	}
	return sess.Agenda[0].Case
}

// ---- messages and the commands that send them ----

// sessionsLoadedMsg carries the list of sessions.
type sessionsLoadedMsg struct {
	list []*meeting.Session
	err  error
}

func loadSessions(store SessionStore) tea.Cmd {
	return func() tea.Msg {
		l, err := store.Sessions()
		return sessionsLoadedMsg{list: l, err: err}
	}
}

// boardLoadedMsg carries a session read afresh.
type boardLoadedMsg struct {
	b   *sessionBoard
	err error
}

func loadBoard(store Store, number, cur string) tea.Cmd {
	return func() tea.Msg {
		b, err := readBoard(store, number, cur)
		return boardLoadedMsg{b: b, err: err}
	}
}

// sessionOpenedMsg reports a new session opened (or refused).
type sessionOpenedMsg struct {
	b   *sessionBoard
	err error
}

func openSession(store Store, p meeting.Plan, who string) tea.Cmd {
	return func() tea.Msg {
		s, err := store.NewSession(p, who)
		if err != nil {
			return sessionOpenedMsg{err: err}
		}
		b, err := readBoard(store, s.Number, "")
		return sessionOpenedMsg{b: b, err: err}
	}
}

// attendanceTakenMsg reports a member marked present or absent.
type attendanceTakenMsg struct {
	name    string
	present bool
	b       *sessionBoard
	err     error
}

func takeAttendance(store Store, number, cur string, m meeting.Member, present bool, who string) tea.Cmd {
	return func() tea.Msg {
		var err error
		if present {
			_, err = store.Attend(number, []uint64{m.ID}, who)
		} else {
			_, err = store.Leave(number, m.ID, who)
		}
		msg := attendanceTakenMsg{name: m.Name, present: present, err: err}
		if err == nil {
			msg.b, msg.err = readBoard(store, number, cur)
		}
		return msg
	}
}

// agendaBuiltMsg reports the agenda built (or refused).
type agendaBuiltMsg struct {
	rep *meeting.AgendaReport
	b   *sessionBoard
	err error
}

func buildAgenda(store Store, number, cur string, f meeting.AgendaFilter, who string) tea.Cmd {
	return func() tea.Msg {
		rep, err := store.BuildAgenda(number, f, who)
		msg := agendaBuiltMsg{rep: rep, err: err}
		if err == nil {
			msg.b, msg.err = readBoard(store, number, cur)
		}
		return msg
	}
}

// voteRecordedMsg reports a vote or a recusal recorded (or refused).
type voteRecordedMsg struct {
	name    string
	choice  meeting.Choice // "" for a recusal
	vote    meeting.Vote   // the choices as cast (per project where they differ)
	recusal bool
	b       *sessionBoard
	err     error
}

func recordVote(store Store, number string, b meeting.Ballot, name, who string) tea.Cmd {
	return func() tea.Msg {
		_, err := store.Vote(number, b, who)
		msg := voteRecordedMsg{name: name, choice: b.Choice, vote: meeting.Vote{Choice: b.Choice, Projects: b.Projects}, err: err}
		if err == nil {
			msg.b, msg.err = readBoard(store, number, b.Case)
		}
		return msg
	}
}

func recordRecusal(store Store, number string, d meeting.Declaration, name, who string) tea.Cmd {
	return func() tea.Msg {
		_, err := store.Recuse(number, d, who)
		msg := voteRecordedMsg{name: name, recusal: true, err: err}
		if err == nil {
			msg.b, msg.err = readBoard(store, number, d.Case)
		}
		return msg
	}
}

// caseDecidedMsg reports a decision recorded (or refused).
type caseDecidedMsg struct {
	it  *meeting.Item
	b   *sessionBoard
	err error
}

func decideCase(store Store, number string, r meeting.Ruling, who string) tea.Cmd {
	return func() tea.Msg {
		it, err := store.Decide(number, r, who)
		msg := caseDecidedMsg{it: it, err: err}
		if err == nil {
			msg.b, msg.err = readBoard(store, number, r.Case)
		}
		return msg
	}
}

// roleLoadedMsg carries the role of the console's user.
type roleLoadedMsg struct {
	role casefile.Role
	err  error
}

func loadRole(store Store, who string) tea.Cmd {
	return func() tea.Msg {
		r, err := store.RoleOf(who)
		return roleLoadedMsg{role: r, err: err}
	}
}

// sessionClosedMsg reports the session closed and frozen (or refused).
type sessionClosedMsg struct {
	b   *sessionBoard
	err error
}

func closeSession(store Store, number, cur string, who string) tea.Cmd {
	return func() tea.Msg {
		_, err := store.Close(number, true, who)
		msg := sessionClosedMsg{err: err}
		if err == nil {
			msg.b, msg.err = readBoard(store, number, cur)
		}
		return msg
	}
}
