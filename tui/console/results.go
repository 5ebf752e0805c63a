package console

import (
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/tui/common"
)

// The answers of the store calls (see jobQueue), one handler each. A
// handler shows what the answer of a call that succeeded changed; settle
// then closes the prompt that waited for the call, or shows the error
// the call met.

// sessionShownMsg carries a session read to be shown on screen to.
type sessionShownMsg struct {
	b   *sessionBoard
	err error
	to  consoleState
}

// showSession reads session number to show it on screen to.
func showSession(store Store, number string, to consoleState) tea.Cmd {
	return func() tea.Msg {
		b, err := readBoard(store, number, "")
		return sessionShownMsg{b: b, err: err, to: to}
	}
}

// onResult routes the answer of a store call to its handler.
func (p *meetingPage) onResult(job meetingJobMsg) tea.Cmd {
	var err error
	switch msg := job.msg.(type) {
	case sessionsLoadedMsg:
		p.sessions.onLoaded(msg)
		return nil
	case sessionShownMsg:
		return p.onSessionShown(job.id, msg)
	case boardLoadedMsg:
		err = answered(msg.err, msg, p.onBoard)
	case sessionOpenedMsg:
		err = answered(msg.err, msg, p.onSessionOpened)
	case attendanceTakenMsg:
		err = answered(msg.err, msg, p.onAttendance)
	case agendaBuiltMsg:
		err = answered(msg.err, msg, p.onAgenda)
	case voteRecordedMsg:
		err = answered(msg.err, msg, p.onVote)
	case caseDecidedMsg:
		err = answered(msg.err, msg, p.onDecided)
	case sessionClosedMsg:
		err = answered(msg.err, msg, p.onClosed)
	}
	p.sh.settle(job.id, err)
	return nil
}

// answered gives msg to its handler on unless the call failed; it
// returns the call's error.
func answered[M any](err error, msg M, on func(M)) error {
	if err != nil {
		return err
	}
	on(msg)
	return nil
}

// onSessionShown shows a session opened from the list (or by number);
// one that could not be read leaves the list, which keeps the message.
func (p *meetingPage) onSessionShown(id int, msg sessionShownMsg) tea.Cmd {
	sh := p.sh
	if msg.err != nil {
		sh.state = stateSessions
		sh.settle(id, msg.err)
		return sh.loadSessions()
	}
	p.setBoard(msg.b)
	sh.state = msg.to
	sh.st.Clear()
	sh.settle(id, nil)
	return nil
}

// onBoard shows the open session read afresh; an answer that comes after
// the session was left is dropped.
func (p *meetingPage) onBoard(msg boardLoadedMsg) {
	if p.sh.state == stateSessions {
		return
	}
	p.setBoard(msg.b)
	p.sh.st.Clear()
}

// onSessionOpened shows a new session on its attendance; the form starts
// afresh.
func (p *meetingPage) onSessionOpened(msg sessionOpenedMsg) {
	sh := p.sh
	p.sessions.resetForm()
	p.forget()
	p.setBoard(msg.b)
	sh.state = stateSetup
	sh.st.Set(sh.c.Tf(lblMtgOpened, msg.b.sess.Number), common.LevelOK)
}

func (p *meetingPage) onAttendance(msg attendanceTakenMsg) {
	sh := p.sh
	p.setBoard(msg.b)
	word := sh.c.T(lblMtgAbsent)
	if msg.present {
		word = sh.c.T(lblMtgPresent)
	}
	sh.st.Set(sh.c.Tf(lblMtgAttendanceTaken, msg.name, word, sh.quorumText()), common.LevelOK)
}

func (p *meetingPage) onAgenda(msg agendaBuiltMsg) {
	sh := p.sh
	p.setup.rep = msg.rep
	p.setBoard(msg.b)
	sh.st.Set(sh.c.Tf(lblMtgAgendaBuilt, len(msg.rep.Added), len(msg.b.sess.Agenda)), common.LevelOK)
}

func (p *meetingPage) onVote(msg voteRecordedMsg) {
	sh := p.sh
	p.setBoard(msg.b)
	if msg.recusal {
		sh.st.Set(sh.c.Tf(lblMtgRecused, msg.name), common.LevelOK)
	} else {
		sh.st.Set(sh.c.Tf(lblMtgVoted, msg.name, voteChoices(sh.c, &msg.vote)), common.LevelOK)
	}
}

func (p *meetingPage) onDecided(msg caseDecidedMsg) {
	sh := p.sh
	c := sh.c
	p.setBoard(msg.b)
	text := c.Tf(lblMtgDecided, msg.it.Case, msg.it.Decision.Result.Label(c.Lang))
	if g := msg.it.Decision.Amounts; !g.IsZero() {
		text += c.Tf(lblMtgDecidedGranted, g.Text())
	}
	if sh.b.sum != nil && len(sh.b.sum.Undecided) > 0 {
		text += c.T(lblMtgDecidedNext)
	}
	sh.st.Set(text, common.LevelOK)
}

func (p *meetingPage) onClosed(msg sessionClosedMsg) {
	p.setBoard(msg.b)
	p.sh.st.Set(p.sh.c.Tf(lblMtgClosed, msg.b.sess.Number), common.LevelOK)
}
