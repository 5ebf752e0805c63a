package console

import (
	"github.com/rongjiuzhu/hall/tui/common"
)

import tea "charm.land/bubbletea/v2"

// The answers of the store calls (see jobQueue), one handler each. A
// handler shows what the answer changed and returns the error the call
// met; settle then closes the prompt that waited for the call, or shows
// the error.

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
		err = p.onBoard(msg)
	case sessionOpenedMsg:
		err = p.onSessionOpened(msg)
	case attendanceTakenMsg:
		err = p.onAttendance(msg)
	case agendaBuiltMsg:
		err = p.onAgenda(msg)
	case voteRecordedMsg:
		err = p.onVote(msg)
	case caseDecidedMsg:
		err = p.onDecided(msg)
	case sessionClosedMsg:
		err = p.onClosed(msg)
	}
	p.sh.settle(job.id, err)
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
func (p *meetingPage) onBoard(msg boardLoadedMsg) error {
	if msg.err != nil {
		return msg.err
	}
	if p.sh.state == stateSessions {
		return nil
	}
	p.setBoard(msg.b)
	p.sh.st.Clear()
	return nil
}

// onSessionOpened shows a new session on its attendance; the form starts
// afresh.
func (p *meetingPage) onSessionOpened(msg sessionOpenedMsg) error {
	if msg.err != nil {
		return msg.err
	}
	sh := p.sh
	p.sessions.resetForm()
	p.forget()
	p.setBoard(msg.b)
	sh.state = stateSetup
	sh.st.Set(sh.c.Tf(lblMtgOpened, msg.b.sess.Number), common.LevelOK)
	return nil
}

func (p *meetingPage) onAttendance(msg attendanceTakenMsg) error {
	if msg.err != nil {
		return msg.err
	}
	sh := p.sh
	p.setBoard(msg.b)
	word := sh.c.T(lblMtgAbsent)
	if msg.present {
		word = sh.c.T(lblMtgPresent)
	}
	sh.st.Set(sh.c.Tf(lblMtgAttendanceTaken, msg.name, word, sh.quorumText()), common.LevelOK)
	return nil
}

func (p *meetingPage) onAgenda(msg agendaBuiltMsg) error {
	if msg.err != nil {
		return msg.err
	}
	sh := p.sh
	p.setup.rep = msg.rep
	p.setBoard(msg.b)
	sh.st.Set(sh.c.Tf(lblMtgAgendaBuilt, len(msg.rep.Added), len(msg.b.sess.Agenda)), common.LevelOK)
	return nil
}

func (p *meetingPage) onVote(msg voteRecordedMsg) error {
	if msg.err != nil {
		return msg.err
	}
	sh := p.sh
	p.setBoard(msg.b)
	if msg.recusal {
		sh.st.Set(sh.c.Tf(lblMtgRecused, msg.name), common.LevelOK)
	} else {
		sh.st.Set(sh.c.Tf(lblMtgVoted, msg.name, msg.choice.Label(sh.c.Lang)), common.LevelOK)
	}
	return nil
}

func (p *meetingPage) onDecided(msg caseDecidedMsg) error {
	if msg.err != nil {
		return msg.err
	}
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
	return nil
}

func (p *meetingPage) onClosed(msg sessionClosedMsg) error {
	if msg.err != nil {
		return msg.err
	}
	p.setBoard(msg.b)
	p.sh.st.Set(p.sh.c.Tf(lblMtgClosed, msg.b.sess.Number), common.LevelOK)
	return nil
}
