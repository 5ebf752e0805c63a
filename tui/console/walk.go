package console

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/common"
)

// walkScreen is the walkthrough: the member selected and how far the
// case in view (meetingShared.cur) is scrolled.
type walkScreen struct {
	sh     *meetingShared
	member int // index into the voters
	scroll int
	cols   int // member grid columns of the last view
	viewH  int // dossier lines shown in the last view
}

// reset forgets the selection and the scroll (another session is shown).
func (ws *walkScreen) reset() { *ws = walkScreen{sh: ws.sh} }

// clamp keeps the selection among the voters.
func (ws *walkScreen) clamp() { ws.member = min(ws.member, max(len(ws.sh.voters())-1, 0)) }

// selectedMember is the voter selected, or nil.
func (ws *walkScreen) selectedMember() *meeting.Member {
	vs := ws.sh.voters()
	if ws.member < 0 || ws.member >= len(vs) {
		return nil
	}
	return &vs[ws.member]
}

// tallyOf is the tally of it: the decision's, the one read with the
// session, or the counts alone while the case's tally is being read.
func (ws *walkScreen) tallyOf(it *meeting.Item) (meeting.Tally, bool) {
	b := ws.sh.b
	switch {
	case it.Decision != nil:
		return it.Decision.Tally, true
	case b.tally != nil && b.cur == it.Case:
		return *b.tally, true
	}
	return b.sess.Count(it), false
}

// ---- keys ----

// keys are the screen's live keys: vote keys only with a quorum, on an
// undecided case of an open session, for a present member not recused,
// and for a user who may write the meeting.
func (ws *walkScreen) keys() walkKeys {
	sh := ws.sh
	k := sh.keys.Walk
	has := sh.b != nil && len(sh.b.sess.Agenda) > 0
	it, m := sh.currentItem(), ws.selectedMember()
	undecided := sh.open() && sh.writer() && it != nil && it.Decision == nil
	present := m != nil && sh.b.sess.IsPresent(m.ID) && it != nil && !it.Recused(m.ID)
	canVote := undecided && sh.b.quorum && present
	k.Agree.SetEnabled(canVote)
	k.Disagree.SetEnabled(canVote)
	k.Abstain.SetEnabled(canVote)
	k.Recuse.SetEnabled(undecided && present)
	k.Decide.SetEnabled(undecided && sh.b.quorum)
	k.NextUndecided.SetEnabled(sh.b != nil && len(sh.b.sum.Undecided) > 0)
	k.PrevCase.SetEnabled(has && len(sh.b.sess.Agenda) > 1)
	k.NextCase.SetEnabled(has && len(sh.b.sess.Agenda) > 1)
	return k
}

func (ws *walkScreen) ShortHelp() []key.Binding {
	k := ws.keys()
	return []key.Binding{k.Agree, k.Disagree, k.Abstain, k.Recuse, k.Decide, k.NextUndecided, k.Move, k.ScrollUp}
}

func (ws *walkScreen) FullHelp() [][]key.Binding {
	k := ws.keys()
	return [][]key.Binding{{k.Move, k.Agree, k.Disagree, k.Abstain, k.Recuse},
		{k.Decide, k.NextUndecided, k.PrevCase, k.ScrollUp},
		{k.Attendance, k.ToClosing, ws.sh.tabsKey(), k.SessionsList}}
}

func (ws *walkScreen) refused(msg tea.KeyPressMsg) bool {
	k := ws.sh.keys.Walk
	return ws.sh.refuse(msg, k.Agree, k.Disagree, k.Abstain, k.Recuse, k.Decide)
}

func (ws *walkScreen) wheel(d int) { ws.scroll += d }

func (ws *walkScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	sh := ws.sh
	k := ws.keys()
	switch {
	case key.Matches(msg, k.SessionsList):
		return sh.toSessions()
	case key.Matches(msg, k.Agree):
		return ws.vote(meeting.Agree)
	case key.Matches(msg, k.Disagree):
		ws.askVote(meeting.Disagree)
	case key.Matches(msg, k.Abstain):
		ws.askVote(meeting.Abstain)
	case key.Matches(msg, k.Recuse):
		ws.askRecusal()
	case key.Matches(msg, k.Decide):
		ws.openChooser()
	case key.Matches(msg, k.NextUndecided):
		return ws.goCase(firstUndecided(sh.b.sess, sh.cur))
	case key.Matches(msg, k.PrevCase):
		return ws.stepCase(-1)
	case key.Matches(msg, k.NextCase):
		return ws.stepCase(1)
	case key.Matches(msg, k.ScrollUp):
		ws.scroll -= max(ws.viewH-2, 1)
	case key.Matches(msg, k.ScrollDown):
		ws.scroll += max(ws.viewH-2, 1)
	case key.Matches(msg, k.Attendance):
		sh.show(stateSetup)
	case key.Matches(msg, k.ToClosing):
		sh.show(stateClosing)
	default:
		ws.moveMember(msg, k)
	}
	return nil
}

// moveMember moves the selection in the grid of voters.
func (ws *walkScreen) moveMember(msg tea.KeyPressMsg, k walkKeys) {
	n := len(ws.sh.voters())
	cols := max(ws.cols, 1)
	switch {
	case key.Matches(msg, k.Left):
		ws.member = max(ws.member-1, 0)
	case key.Matches(msg, k.Right):
		ws.member = min(ws.member+1, max(n-1, 0))
	case key.Matches(msg, k.Up):
		ws.member = max(ws.member-cols, 0)
	case key.Matches(msg, k.Down):
		if ws.member+cols < n {
			ws.member += cols
		}
	}
}

// goCase shows case number, read afresh with its tally and dossier.
func (ws *walkScreen) goCase(number string) tea.Cmd {
	sh := ws.sh
	if number == "" || sh.b == nil {
		return nil
	}
	if number != sh.cur {
		sh.cur, ws.scroll = number, 0
	}
	store := sh.store
	return sh.do(func() tea.Cmd {
		if sh.number == "" {
			return nil
		}
		return loadBoard(store, sh.number, sh.cur)
	})
}

// stepCase shows the case d places further on the agenda.
func (ws *walkScreen) stepCase(d int) tea.Cmd {
	sh := ws.sh
	ag := sh.b.sess.Agenda
	if len(ag) == 0 {
		return nil
	}
	i := 0
	for j, it := range ag {
		if it.Case == sh.cur {
			i = j
		}
	}
	return ws.goCase(ag[(i+d+len(ag))%len(ag)].Case)
}

// nextVoter moves the selection to the next member after the selected
// one who can vote on the case in view.
func (ws *walkScreen) nextVoter() {
	sh := ws.sh
	it := sh.currentItem()
	vs := sh.voters()
	for j := ws.member + 1; j < len(vs); j++ {
		if sh.b.sess.IsPresent(vs[j].ID) && (it == nil || !it.Recused(vs[j].ID)) {
			ws.member = j
			return
		}
	}
}

// vote records the selected member's agreeing vote and selects the next
// member, so a run of agreeing votes is a run of key presses.
func (ws *walkScreen) vote(choice meeting.Choice) tea.Cmd {
	sh := ws.sh
	it, m := sh.currentItem(), ws.selectedMember()
	if it == nil || m == nil {
		return nil
	}
	b := meeting.Ballot{Case: it.Case, Member: m.ID, Choice: choice}
	store, number, who, name := sh.store, sh.number, sh.c.User, m.Name
	ws.nextVoter()
	return sh.do(func() tea.Cmd { return recordVote(store, number, b, name, who) })
}

// askVote asks the reason of a disagreeing or abstaining vote. On a case
// of several projects still to decide it first asks which project the
// choice is on: every project, or one (the member agrees to the others,
// and a choice on another project made before is kept).
func (ws *walkScreen) askVote(choice meeting.Choice) {
	sh := ws.sh
	c := sh.c
	it, m := sh.currentItem(), ws.selectedMember()
	if it == nil || m == nil {
		return
	}
	codes := ws.openProjects(it)
	if len(codes) < 2 {
		ws.askVoteOn(choice, "")
		return
	}
	lines := []string{c.Tf(lblMtgCaseLine, it.Case, it.Applicant), c.T(lblMtgVoteWhichLine)}
	sh.chooseProject(c.Tf(lblMtgVoteWhich, m.Name, choice.Label(c.Lang)), lines, codes, func(code string) tea.Cmd {
		ws.askVoteOn(choice, code)
		return nil
	})
}

// openProjects are the projects of it still to decide (not standing
// from an earlier session's decision).
func (ws *walkScreen) openProjects(it *meeting.Item) []string {
	tl, _ := ws.tallyOf(it)
	var out []string
	for _, a := range it.Apps {
		if pt := tl.Project(a.Project); pt != nil && pt.Stands != "" {
			continue
		}
		out = append(out, a.Project)
	}
	return out
}

// askVoteOn asks the reason of the selected member's choice on project
// code ("": every project) and records the vote.
func (ws *walkScreen) askVoteOn(choice meeting.Choice, code string) {
	c := ws.sh.c
	title := func(m *meeting.Member) string { return c.Tf(lblMtgVoteTitle, m.Name, choice.Label(c.Lang)) }
	if code != "" {
		title = func(m *meeting.Member) string {
			return c.Tf(lblMtgVoteOnTitle, m.Name, choice.Label(c.Lang), c.ProjectName(code))
		}
	}
	var prior *meeting.Vote
	if it, m := ws.sh.currentItem(), ws.selectedMember(); it != nil && m != nil && code != "" {
		prior = it.Vote(m.ID)
	}
	ws.askReason(draftKey{what: draftVote, choice: choice, project: code}, title, lblMtgVoteReason, func(a reasonAsked) tea.Cmd {
		b := meeting.Ballot{Case: a.caseNo, Member: a.member, Choice: choice, Reason: a.reason}
		if code != "" {
			b.Choice, b.Projects = meeting.Agree, map[string]meeting.Choice{code: choice}
			if prior != nil && prior.Choice == meeting.Agree {
				// keep the member's choices on the other projects
				for p, ch := range prior.Projects {
					if p != code {
						b.Projects[p] = ch
					}
				}
				if prior.Reason != "" && prior.Reason != a.reason && len(b.Projects) > 1 {
					b.Reason = prior.Reason + "；" + a.reason
				}
			}
		}
		return recordVote(a.store, a.number, b, a.name, a.who)
	})
}

// askRecusal asks the reason of the selected member's recusal.
func (ws *walkScreen) askRecusal() {
	c := ws.sh.c
	title := func(m *meeting.Member) string { return c.Tf(lblMtgRecuseTitle, m.Name) }
	ws.askReason(draftKey{what: draftRecusal}, title, lblMtgRecuseReason, func(a reasonAsked) tea.Cmd {
		d := meeting.Declaration{Case: a.caseNo, Member: a.member, Reason: a.reason}
		return recordRecusal(a.store, a.number, d, a.name, a.who)
	})
}

// reasonAsked is a reason the selected member gave on a case, with what
// recording it needs, copied when the prompt opened.
type reasonAsked struct {
	store          Store
	number         string // the session
	caseNo, reason string
	member         uint64
	name, who      string // the member's name, the user recording
}

// askReason asks the reason the selected member gives on the case in
// view (a vote or a recusal, as draft says; the case and member are
// filled in here) in a prompt titled title(member) over question; record
// is the command that records it. The selection then moves on to the
// next member who can vote.
func (ws *walkScreen) askReason(draft draftKey, title func(*meeting.Member) string, question casefile.Text, record func(reasonAsked) tea.Cmd) {
	sh := ws.sh
	it, m := sh.currentItem(), ws.selectedMember()
	if it == nil || m == nil {
		return
	}
	c := sh.c
	asked := reasonAsked{store: sh.store, number: sh.number, caseNo: it.Case, member: m.ID, name: m.Name, who: c.User}
	draft.caseNo, draft.member = it.Case, m.ID
	lines := []string{c.Tf(lblMtgCaseLine, it.Case, it.Applicant), c.T(question)}
	pr := sh.ask(draft, title(m), lines, "", func(text string) tea.Cmd {
		a := asked
		a.reason = text
		return record(a)
	})
	pr.onDone = ws.nextVoter
}

// rulePerProject is the chooser's option "per project, as voted": each
// project decided as the rule proposes for it.
const rulePerProject casefile.Status = "per_project"

// openChooser offers the ruling on the case in view, the rules'
// proposal first. When the projects' votes propose different outcomes,
// "per project, as voted" is offered first, and each project's proposal
// is listed.
func (ws *walkScreen) openChooser() {
	sh := ws.sh
	it := sh.currentItem()
	if it == nil {
		return
	}
	tl, ok := ws.tallyOf(it)
	if !ok {
		sh.st.Set(sh.c.T(lblMtgLoading), common.LevelMuted)
		return
	}
	c := sh.c
	lines := []string{c.Tf(lblMtgCaseLine, it.Case, it.Applicant), ws.tallyText(tl), ws.proposalText(tl)}
	if len(tl.Pending) > 0 {
		lines = append(lines, c.Tf(lblMtgPending, len(tl.Pending), strings.Join(tl.Pending, c.T(common.LblListSep))))
	}
	if len(tl.Missing) > 0 {
		lines = append(lines, c.Tf(lblMtgMissing, meeting.MissingList(c.Catalog, tl.Missing)))
	}
	options, first := meeting.Rulings, tl.Proposed
	if len(tl.Projects) > 1 {
		for _, pt := range tl.Projects {
			if pt.Stands != "" {
				lines = append(lines, c.Tf(lblMtgProjectStands, pt.Project, c.ProjectName(pt.Project), pt.Stands))
				continue
			}
			lines = append(lines, c.Tf(lblMtgProjectProposal, pt.Project, c.ProjectName(pt.Project), ws.verb(pt.Proposed), pt.Agree, pt.Disagree, pt.Abstain))
		}
		if splitProposals(tl) {
			options, first = append([]casefile.Status{rulePerProject}, meeting.Rulings...), rulePerProject
		}
	}
	sh.choose(c.Tf(lblMtgDecideTitle, it.Case), lines, options, first, ws.verb, ws.rule)
}

// splitProposals reports whether the rule proposes different outcomes
// for the projects still to decide.
func splitProposals(tl meeting.Tally) bool {
	var first casefile.Status
	for _, pt := range tl.Projects {
		if pt.Stands != "" || pt.Proposed == "" {
			continue
		}
		if first == "" {
			first = pt.Proposed
		} else if pt.Proposed != first {
			return true
		}
	}
	return false
}

// rulePerProjectAsVoted confirms and records each project's outcome as
// its votes give: approvals at the proposed amounts, rejections with the
// reason built when the decision is recorded, deferrals with the missing
// items.
func (ws *walkScreen) rulePerProjectAsVoted(it *meeting.Item, tl meeting.Tally) tea.Cmd {
	sh := ws.sh
	c := sh.c
	r := meeting.Ruling{Case: it.Case, DefaultReason: true, Projects: map[string]meeting.ProjectRuling{}}
	lines := []string{c.Tf(lblMtgCaseLine, it.Case, it.Applicant)}
	for _, a := range it.Apps {
		pt := tl.Project(a.Project)
		if pt == nil || pt.Stands != "" {
			continue
		}
		pr := meeting.ProjectRuling{Result: pt.Proposed}
		switch pt.Proposed {
		case casefile.StatusApproved:
			lines = append(lines, "  "+c.Tf(lblMtgGrant, a.Project, c.ProjectName(a.Project), a.Proposed.Grouped()))
		case casefile.StatusRejected:
			lines = append(lines, c.Tf(lblMtgRejectLine, a.Project, c.ProjectName(a.Project)))
		case casefile.StatusDeferred:
			pr.Verify = tl.Missing
			lines = append(lines, c.Tf(lblMtgDeferLine, a.Project, c.ProjectName(a.Project), meeting.MissingList(c.Catalog, tl.Missing)))
		}
		r.Projects[a.Project] = pr
	}
	store, number, who := sh.store, sh.number, c.User
	sh.confirm(c.Tf(lblMtgRuleTitle, c.T(lblMtgPerProject), it.Case), append(lines, c.T(lblMtgPerProjectConfirm)), func() tea.Cmd {
		return sh.do(func() tea.Cmd { return decideCase(store, number, r, who) })
	})
	return nil
}

// rule goes on with the ruling chosen: a confirmation for the rules'
// approval, else a prompt for the written reason (the default rejection
// wording and the missing items offered, editable). A ruling other than
// the rules' proposal is recorded as the chair's final word.
func (ws *walkScreen) rule(result casefile.Status) tea.Cmd {
	sh := ws.sh
	it := sh.currentItem()
	if it == nil {
		return nil
	}
	tl, _ := ws.tallyOf(it)
	if result == rulePerProject {
		return ws.rulePerProjectAsVoted(it, tl)
	}
	c := sh.c
	store, number, who := sh.store, sh.number, sh.c.User
	r := meeting.Ruling{Case: it.Case, Result: result, Override: overrides(it, tl, result)}
	offered := ""
	if result == casefile.StatusRejected {
		offered = tl.RejectWording.In(c.Lang)
	}
	submit := func(text string) tea.Cmd {
		rr := r
		rr.Reason = text
		if offered != "" && strings.TrimSpace(text) == strings.TrimSpace(offered) {
			// The wording offered, unchanged: built again when the
			// decision is recorded, from the votes as they are then.
			rr.Reason, rr.DefaultReason = "", true
		}
		if rr.Result == casefile.StatusDeferred {
			rr.Verify = splitItems(text)
		}
		return decideCase(store, number, rr, who)
	}
	head := c.Tf(lblMtgCaseLine, it.Case, it.Applicant)
	var lines []string
	if r.Override {
		proposed := tl.Proposed
		if splitProposals(tl) {
			proposed = rulePerProject
		}
		lines = append(lines, c.Styles.App.StatusWarn.Render(c.Tf(lblMtgOverrideNote, ws.verb(proposed))))
	}
	title := c.Tf(lblMtgRuleTitle, ws.verb(result), it.Case)
	draft := draftKey{what: draftRuling, caseNo: it.Case, ruling: result}
	switch {
	case result == casefile.StatusApproved && !r.Override:
		lines = append([]string{head}, ws.grantLines(it)...)
		sh.confirm(title, append(lines, c.T(lblMtgApproveConfirm)), func() tea.Cmd {
			return sh.do(func() tea.Cmd { return decideCase(store, number, r, who) })
		})
	case result == casefile.StatusApproved:
		sh.ask(draft, title, append([]string{head}, append(lines, c.T(lblMtgOverrideReason))...), "", submit)
	case result == casefile.StatusRejected:
		sh.ask(draft, title, append([]string{head}, append(lines, c.T(lblMtgRejectReason))...), offered, submit)
	default:
		sh.ask(draft, title, append([]string{head}, append(lines, c.T(lblMtgDeferReason))...), strings.Join(tl.Missing, "；"), submit)
	}
	return nil
}

// overrides reports whether ruling result on every project of it departs
// from what the votes give for some project (the chair's final word): a
// duplicate the rule declines is refused under an approval, as proposed.
func overrides(it *meeting.Item, tl meeting.Tally, result casefile.Status) bool {
	if len(tl.Projects) == 0 {
		return result != tl.Proposed
	}
	for _, a := range it.Apps {
		pt := tl.Project(a.Project)
		if pt == nil || pt.Stands != "" {
			continue
		}
		got := result
		if a.Mark == meeting.MarkDecline && result == casefile.StatusApproved {
			got = casefile.StatusRejected
		}
		if got != pt.Proposed {
			return true
		}
	}
	return false
}

// splitItems splits what a deferral asks to verify at semicolons.
func splitItems(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '；' || r == ';' || r == '\n' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// grantLines are the applications an approval grants or declines, as the
// "same policy only once" marks say.
func (ws *walkScreen) grantLines(it *meeting.Item) []string {
	c := ws.sh.c
	var out []string
	for _, a := range it.Apps {
		if a.Mark == meeting.MarkDecline {
			out = append(out, "  "+c.Tf(lblMtgGrantDeclined, a.Project, c.ProjectName(a.Project)))
			continue
		}
		out = append(out, "  "+c.Tf(lblMtgGrant, a.Project, c.ProjectName(a.Project), a.Proposed.Grouped()))
	}
	return out
}
