package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// wideWidth is the width from which the walkthrough shows the agenda
// beside the case (a projector's terminal).
const wideWidth = 140

// walkState is the walkthrough: the case in view, the member selected
// and how far the case is scrolled.
type walkState struct {
	cur    string // case number
	member int    // index into the voters
	scroll int
	cols   int // member grid columns of the last view
	viewH  int // dossier lines shown in the last view
}

// currentItem is the agenda item in view, or nil.
func (p *meetingPage) currentItem() *meeting.Item {
	if p.b == nil {
		return nil
	}
	return p.b.sess.Item(p.walk.cur)
}

// selectedMember is the voter selected, or nil.
func (p *meetingPage) selectedMember() *meeting.Member {
	vs := p.voters()
	if p.walk.member < 0 || p.walk.member >= len(vs) {
		return nil
	}
	return &vs[p.walk.member]
}

// tallyOf is the tally of it: the decision's, the one read with the
// session, or the counts alone while the case's tally is being read.
func (p *meetingPage) tallyOf(it *meeting.Item) (meeting.Tally, bool) {
	switch {
	case it.Decision != nil:
		return it.Decision.Tally, true
	case p.b.tally != nil && p.b.cur == it.Case:
		return *p.b.tally, true
	}
	return p.b.sess.Count(it), false
}

// ---- keys ----

func (p *meetingPage) walkKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys.Walk
	w := &p.walk
	n := len(p.voters())
	cols := max(w.cols, 1)
	switch {
	case key.Matches(msg, k.SessionsList):
		return p.toSessions()
	case key.Matches(msg, k.Agree):
		return p.vote(meeting.Agree)
	case key.Matches(msg, k.Disagree):
		p.askVote(meeting.Disagree)
	case key.Matches(msg, k.Abstain):
		p.askVote(meeting.Abstain)
	case key.Matches(msg, k.Recuse):
		p.askRecusal()
	case key.Matches(msg, k.Decide):
		p.openChooser()
	case key.Matches(msg, k.NextUndecided):
		return p.goCase(firstUndecided(p.b.sess, w.cur))
	case key.Matches(msg, k.PrevCase):
		return p.stepCase(-1)
	case key.Matches(msg, k.NextCase):
		return p.stepCase(1)
	case key.Matches(msg, k.ScrollUp):
		w.scroll -= max(w.viewH-2, 1)
	case key.Matches(msg, k.ScrollDown):
		w.scroll += max(w.viewH-2, 1)
	case key.Matches(msg, k.Attendance):
		p.setScreen(scrSetup)
	case key.Matches(msg, k.ToClosing):
		p.setScreen(scrClosing)
	case key.Matches(msg, k.Left):
		w.member = max(w.member-1, 0)
	case key.Matches(msg, k.Right):
		w.member = min(w.member+1, max(n-1, 0))
	case key.Matches(msg, k.Up):
		w.member = max(w.member-cols, 0)
	case key.Matches(msg, k.Down):
		if w.member+cols < n {
			w.member += cols
		}
	}
	return nil
}

// goCase shows case number, read afresh with its tally and dossier.
func (p *meetingPage) goCase(number string) tea.Cmd {
	if number == "" || p.b == nil {
		return nil
	}
	if number != p.walk.cur {
		p.walk.cur, p.walk.scroll = number, 0
	}
	store := p.store
	return p.do(func() tea.Cmd {
		if p.number == "" {
			return nil
		}
		return loadBoard(store, p.number, p.walk.cur)
	})
}

// stepCase shows the case d places further on the agenda.
func (p *meetingPage) stepCase(d int) tea.Cmd {
	ag := p.b.sess.Agenda
	if len(ag) == 0 {
		return nil
	}
	i := 0
	for j, it := range ag {
		if it.Case == p.walk.cur {
			i = j
		}
	}
	return p.goCase(ag[(i+d+len(ag))%len(ag)].Case)
}

// nextVoter moves the selection to the next member after the selected
// one who can vote on the case in view.
func (p *meetingPage) nextVoter() {
	it := p.currentItem()
	vs := p.voters()
	for j := p.walk.member + 1; j < len(vs); j++ {
		if p.b.sess.IsPresent(vs[j].ID) && (it == nil || !it.Recused(vs[j].ID)) {
			p.walk.member = j
			return
		}
	}
}

// vote records the selected member's agreeing vote and selects the next
// member, so a run of agreeing votes is a run of key presses.
func (p *meetingPage) vote(choice meeting.Choice) tea.Cmd {
	it, m := p.currentItem(), p.selectedMember()
	if it == nil || m == nil {
		return nil
	}
	b := meeting.Ballot{Case: it.Case, Member: m.ID, Choice: choice}
	store, number, who, name := p.store, p.number, p.c.User, m.Name
	p.nextVoter()
	return p.do(func() tea.Cmd { return recordVote(store, number, b, name, who) })
}

// askVote asks the reason of a disagreeing or abstaining vote.
func (p *meetingPage) askVote(choice meeting.Choice) {
	it, m := p.currentItem(), p.selectedMember()
	if it == nil || m == nil {
		return
	}
	c := p.c
	store, number, who, name := p.store, p.number, p.c.User, m.Name
	ballot := meeting.Ballot{Case: it.Case, Member: m.ID, Choice: choice}
	title := c.Tf("mtg.vote_title", m.Name, choice.Label(c.Lang))
	lines := []string{c.Tf("mtg.case_line", it.Case, it.Applicant), c.T("mtg.vote_reason")}
	p.ask(fmt.Sprintf("vote:%s:%d:%s", it.Case, m.ID, choice), title, lines, "", func(text string) tea.Cmd {
		b := ballot
		b.Reason = text
		return recordVote(store, number, b, name, who)
	})
	p.prompt.onDone = p.nextVoter
}

// askRecusal asks the reason of the selected member's recusal.
func (p *meetingPage) askRecusal() {
	it, m := p.currentItem(), p.selectedMember()
	if it == nil || m == nil {
		return
	}
	c := p.c
	store, number, who, name := p.store, p.number, p.c.User, m.Name
	d := meeting.Declaration{Case: it.Case, Member: m.ID}
	title := c.Tf("mtg.recuse_title", m.Name)
	lines := []string{c.Tf("mtg.case_line", it.Case, it.Applicant), c.T("mtg.recuse_reason")}
	p.ask(fmt.Sprintf("recuse:%s:%d", it.Case, m.ID), title, lines, "", func(text string) tea.Cmd {
		dd := d
		dd.Reason = text
		return recordRecusal(store, number, dd, name, who)
	})
	p.prompt.onDone = p.nextVoter
}

// openChooser offers the ruling on the case in view, the rules'
// proposal first.
func (p *meetingPage) openChooser() {
	it := p.currentItem()
	if it == nil {
		return
	}
	tl, ok := p.tallyOf(it)
	if !ok {
		p.st.set(p.c.T("mtg.loading"), LevelMuted)
		return
	}
	c := p.c
	lines := []string{c.Tf("mtg.case_line", it.Case, it.Applicant), p.tallyText(tl), p.proposalText(tl)}
	if len(tl.Pending) > 0 {
		lines = append(lines, c.Tf("mtg.pending", len(tl.Pending), strings.Join(tl.Pending, c.T("list.sep"))))
	}
	if len(tl.Missing) > 0 {
		lines = append(lines, c.Tf("mtg.missing", strings.Join(tl.Missing, c.T("list.sep"))))
	}
	p.chooser = newRulingChooser(c, p.keys.Prompt, c.Tf("mtg.decide_title", it.Case), lines, tl.Proposed, p.verb)
}

func (p *meetingPage) handleChooser(msg tea.KeyPressMsg) tea.Cmd {
	switch p.chooser.Update(msg) {
	case dialogNo:
		p.chooser = nil
	case dialogYes:
		result := p.chooser.Chosen()
		p.chooser = nil
		return p.rule(result)
	}
	return nil
}

// rule goes on with the ruling chosen: a confirmation for the rules'
// approval, else a prompt for the written reason (the default rejection
// wording and the missing items offered, editable). A ruling other than
// the rules' proposal is recorded as the chair's final word.
func (p *meetingPage) rule(result casefile.Status) tea.Cmd {
	it := p.currentItem()
	if it == nil {
		return nil
	}
	tl, _ := p.tallyOf(it)
	c := p.c
	store, number, who := p.store, p.number, p.c.User
	r := meeting.Ruling{Case: it.Case, Result: result, Override: result != tl.Proposed}
	submit := func(text string) tea.Cmd {
		rr := r
		rr.Reason = text
		if rr.Result == casefile.StatusDeferred {
			rr.Verify = splitItems(text)
		}
		return decideCase(store, number, rr, who)
	}
	head := c.Tf("mtg.case_line", it.Case, it.Applicant)
	var lines []string
	if r.Override {
		lines = append(lines, c.Styles.App.StatusWarn.Render(c.Tf("mtg.override_note", p.verb(tl.Proposed))))
	}
	title := c.Tf("mtg.rule_title", p.verb(result), it.Case)
	draft := fmt.Sprintf("rule:%s:%s", it.Case, result)
	switch {
	case result == casefile.StatusApproved && !r.Override:
		lines = append([]string{head}, p.grantLines(it)...)
		p.confirmBox(title, append(lines, c.T("mtg.approve_confirm")), func() tea.Cmd {
			return p.do(func() tea.Cmd { return decideCase(store, number, r, who) })
		})
	case result == casefile.StatusApproved:
		p.ask(draft, title, append([]string{head}, append(lines, c.T("mtg.override_reason"))...), "", submit)
	case result == casefile.StatusRejected:
		p.ask(draft, title, append([]string{head}, append(lines, c.T("mtg.reject_reason"))...), tl.RejectWording.In(c.Lang), submit)
	default:
		p.ask(draft, title, append([]string{head}, append(lines, c.T("mtg.defer_reason"))...), strings.Join(tl.Missing, "；"), submit)
	}
	return nil
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
func (p *meetingPage) grantLines(it *meeting.Item) []string {
	c := p.c
	var out []string
	for _, a := range it.Apps {
		if a.Mark == meeting.MarkDecline {
			out = append(out, "  "+c.Tf("mtg.grant_declined", a.Project, c.projectName(a.Project)))
			continue
		}
		out = append(out, "  "+c.Tf("mtg.grant", a.Project, c.projectName(a.Project), a.Proposed.Grouped()))
	}
	return out
}

// ---- view ----

func (p *meetingPage) walkView() string {
	c := p.c
	w, h := p.width, p.height
	lines := []string{p.topLine()}
	if p.currentItem() == nil {
		hint := c.T("mtg.agenda_empty")
		if !p.open() {
			hint = c.T("mtg.read_only")
		}
		return strings.Join(append(lines, "", "  "+c.Styles.App.Muted.Render(hint)), "\n")
	}
	if w >= wideWidth {
		lw := min(52, w/3)
		left := p.agendaColumn(lw, h-1, 1)
		right := p.caseColumn(w-lw-3, h-1, lw+3, 1)
		sep := c.Styles.Panel.Box.Render("│")
		for i := 0; i < h-1; i++ {
			lines = append(lines, fitWidth(left[i], lw)+" "+sep+" "+right[i])
		}
		return strings.Join(lines, "\n")
	}
	return strings.Join(append(lines, p.caseColumn(w, h-1, 0, 1)...), "\n")
}

// agendaColumn is the agenda beside the case: h lines of width w, drawn
// from line y0 of the page.
func (p *meetingPage) agendaColumn(w, h, y0 int) []string {
	c := p.c
	s := c.Styles
	sess := p.b.sess
	out := []string{s.Form.Section.Render(c.T("mtg.agenda")) + "  " + s.App.Muted.Render(c.Tf("mtg.agenda_head", len(sess.Agenda), len(sess.Agenda)-len(p.b.sum.Undecided)))}
	cur := 0
	for i, it := range sess.Agenda {
		if it.Case == p.walk.cur {
			cur = i
		}
	}
	room := h - 1
	first := max(0, min(cur-room/2, len(sess.Agenda)-room))
	for i := first; i < len(sess.Agenda) && len(out) < h; i++ {
		it := sess.Agenda[i]
		state := c.T("mtg.undecided")
		if it.Decision != nil {
			state = it.Decision.Result.Label(c.Lang)
		}
		mark := "  "
		if i == cur {
			mark = "> "
		}
		left := fmt.Sprintf("%s%2d %s %s", mark, i+1, it.Case, it.Applicant)
		l := fitWidth(left, w-ansiWidth(state)-1) + " " + state
		switch {
		case i == cur:
			l = s.Table.Selected.Render(l)
		case it.Decision != nil:
			l = s.App.Muted.Render(l)
		}
		y := y0 + len(out)
		number := it.Case
		p.addHit(y, 0, w, func() tea.Cmd { return p.goCase(number) })
		out = append(out, l)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// caseColumn is the case in view: its title line, its dossier (scrolled)
// and the votes; h lines of width w, drawn from column x0 and line y0 of
// the page.
func (p *meetingPage) caseColumn(w, h, x0, y0 int) []string {
	it := p.currentItem()
	votes, gridTop, cols, cellW := p.votesBlock(it, w)
	p.walk.cols = cols
	viewH := max(h-1-len(votes), 1)
	if viewH < 3 && len(votes) > 3 { // a tiny window: keep the dossier readable
		votes = votes[:max(h-4, 1)]
		viewH = max(h-1-len(votes), 1)
	}
	p.walk.viewH = viewH
	dl := p.caseLines(it, w)
	p.walk.scroll = max(0, min(p.walk.scroll, len(dl)-viewH))
	end := min(p.walk.scroll+viewH, len(dl))
	out := []string{fitWidth(p.caseTitle(it, w, len(dl), viewH), w)}
	out = append(out, dl[p.walk.scroll:end]...)
	for len(out) < 1+viewH {
		out = append(out, "")
	}
	vy := y0 + len(out)
	out = append(out, votes...)
	// clicks on a member select them
	vs := p.voters()
	for i := range vs {
		r, col := i/max(cols, 1), i%max(cols, 1)
		if gridTop+r >= len(votes) {
			break
		}
		idx := i
		p.addHit(vy+gridTop+r, x0+col*cellW, x0+(col+1)*cellW-1, func() tea.Cmd { p.walk.member = idx; return nil })
	}
	for i := range out {
		out[i] = fitWidth(out[i], w)
	}
	return out[:min(len(out), h)]
}

// caseTitle is "3/12  2026-000014  秦力  611022********7612  3 人  期限 …".
func (p *meetingPage) caseTitle(it *meeting.Item, w, total, viewH int) string {
	c := p.c
	s := c.Styles
	sess := p.b.sess
	pos := 0
	for i, x := range sess.Agenda {
		if x == it {
			pos = i + 1
		}
	}
	state := s.App.StatusWarn.Render(c.T("mtg.undecided"))
	if it.Decision != nil {
		state = s.App.StatusOK.Render(it.Decision.Result.Label(c.Lang))
	}
	due := c.Tf("dossier.deadline", it.Deadline.String())
	if d := p.b.d; d != nil && p.b.cur == it.Case && d.Case.Status.Open() {
		st := s.App.Muted
		if c.Catalog.DeadlineNear(d.Case, c.Today()) {
			st = s.App.StatusWarn
		}
		due += st.Render(c.Tf("dossier.days_left", c.Catalog.WorkdaysLeft(d.Case, c.Today())))
	}
	l := fmt.Sprintf("%d/%d  %s  %s  %s  %s  %s  ", pos, len(sess.Agenda), s.App.Title.Render(it.Case), it.Applicant, it.IDNumber,
		c.Tf("mtg.household", it.Household), due) + state
	if total > viewH {
		more := s.App.Muted.Render(fmt.Sprintf(" [%d-%d/%d]", p.walk.scroll+1, min(p.walk.scroll+viewH, total), total))
		if ansiWidth(l)+ansiWidth(more) <= w {
			l += strings.Repeat(" ", w-ansiWidth(l)-ansiWidth(more)) + more
		}
	}
	return l
}

// votesBlock is the tally line, the grid of voters with their votes and
// the selected member's line; it also gives the grid's first line, its
// columns and the cell width.
func (p *meetingPage) votesBlock(it *meeting.Item, w int) (lines []string, gridTop, cols, cellW int) {
	c := p.c
	s := c.Styles
	tl, _ := p.tallyOf(it)
	head := p.tallyText(tl)
	switch {
	case it.Decision != nil:
		head = c.Tf("mtg.decision_short", p.decisionText(it.Decision)) + "  " + head
	case !p.b.quorum:
		head += "  " + s.App.StatusError.Render(c.T("mtg.no_quorum"))
	default:
		head += "  " + p.proposalText(tl)
	}
	rule := s.Panel.Box.Render("── ")
	lines = append(lines, rule+head+" "+s.Panel.Box.Render(strings.Repeat("─", max(w-ansiWidth(head)-4, 0))))
	gridTop = len(lines)

	vs := p.voters()
	lw := 0
	for _, l := range []string{c.T("mtg.v_absent"), c.T("mtg.v_recused"), c.T("mtg.v_pending"),
		meeting.Agree.Label(c.Lang), meeting.Disagree.Label(c.Lang), meeting.Abstain.Label(c.Lang)} {
		lw = max(lw, ansiWidth(l))
	}
	cells := make([]string, len(vs))
	styles := make([]lipgloss.Style, len(vs))
	for i, m := range vs {
		word, st := p.voteWord(it, m)
		mark := "  "
		if i == p.walk.member {
			mark = "> "
		}
		cells[i] = mark + padRight(truncate(m.Name, 6), 6) + " " + padRight(word, lw)
		styles[i] = st
	}
	grid, cols, cellW := cellGrid(cells, w, func(i int, cell string) string {
		if i == p.walk.member {
			return s.Table.Selected.Render(cell)
		}
		return styles[i].Render(cell)
	})
	lines = append(lines, grid...)
	if m := p.selectedMember(); m != nil {
		lines = append(lines, s.App.Muted.Render(truncate(p.voterLine(it, *m), w)))
	}
	return lines, gridTop, cols, cellW
}

// voteWord is what member m did on it, and the style to draw it in.
func (p *meetingPage) voteWord(it *meeting.Item, m meeting.Member) (string, lipgloss.Style) {
	c := p.c
	s := c.Styles
	switch {
	case it.Recused(m.ID):
		return c.T("mtg.v_recused"), s.App.StatusWarn
	case it.Vote(m.ID) != nil:
		v := it.Vote(m.ID)
		switch v.Choice {
		case meeting.Agree:
			return v.Choice.Label(c.Lang), s.App.StatusOK
		case meeting.Disagree:
			return v.Choice.Label(c.Lang), s.App.StatusError
		}
		return v.Choice.Label(c.Lang), s.App.StatusWarn
	case !p.b.sess.IsPresent(m.ID):
		return c.T("mtg.v_absent"), s.App.Muted
	}
	return c.T("mtg.v_pending"), s.Table.Cell
}

// voterLine is the selected member: department, role, vote and reason.
func (p *meetingPage) voterLine(it *meeting.Item, m meeting.Member) string {
	c := p.c
	l := fmt.Sprintf("%s  %s  %s：", m.Name, c.deptName(m.Department), m.Role.Label(c.Lang))
	if c.EN() {
		l = fmt.Sprintf("%s  %s  %s: ", m.Name, c.deptName(m.Department), m.Role.Label(c.Lang))
	}
	word, _ := p.voteWord(it, m)
	l += word
	for _, r := range it.Recusals {
		if r.Member == m.ID {
			l += " - " + r.Reason
		}
	}
	if v := it.Vote(m.ID); v != nil && v.Reason != "" {
		l += " - " + v.Reason
	}
	return l
}

// tallyText is "同意 10  不同意 1  弃权 1  回避 1  未投 2".
func (p *meetingPage) tallyText(tl meeting.Tally) string {
	return p.c.Tf("mtg.tally", tl.Agree, tl.Disagree, tl.Abstain, tl.Recused, len(tl.Pending))
}

// proposalText is what the rules propose on the votes so far.
func (p *meetingPage) proposalText(tl meeting.Tally) string {
	c := p.c
	return c.Tf("mtg.proposal", p.verb(tl.Proposed))
}

// verb names a ruling as the committee says it: 批准, 不予救助, 暂缓.
func (p *meetingPage) verb(s casefile.Status) string {
	switch s {
	case casefile.StatusApproved, casefile.StatusRejected, casefile.StatusDeferred:
		return p.c.T("mtg.r." + string(s))
	}
	return p.c.T("mtg.no_proposal")
}

// decisionText is the decision in a few words.
func (p *meetingPage) decisionText(d *meeting.Decision) string {
	c := p.c
	t := d.Result.Label(c.Lang)
	if d.Override {
		t += c.Tf("mtg.override_short", p.verb(d.Proposed))
	}
	if d.Granted > 0 {
		t += c.Tf("mtg.decided_granted", d.Granted.Grouped())
	}
	return t
}

// caseLines are the dossier of the case as the committee sees it,
// wrapped to w: applicant, projects with the duplicate marks and the
// proposal, findings with figures, evidence, household and the votes'
// reasons.
func (p *meetingPage) caseLines(it *meeting.Item, w int) []string {
	c := p.c
	s := c.Styles
	var out []string
	sec := func(key string) { out = append(out, "", s.Form.Section.Render(c.T(key))) }
	// hang adds text after lead at indent, continuation lines under the
	// text's start.
	hang := func(indent int, lead, text string) {
		pad := strings.Repeat(" ", indent)
		lw := ansiWidth(lead)
		for i, l := range wrapCJK(text, max(w-indent-lw, 10)) {
			if i == 0 {
				out = append(out, pad+lead+l)
			} else {
				out = append(out, pad+strings.Repeat(" ", lw)+l)
			}
		}
	}

	area := c.T("area.urban")
	if it.Area == casefile.Rural {
		area = c.T("area.rural")
	}
	hang(0, "", c.Tf("mtg.applicant", it.Applicant, it.IDNumber, it.Household, area, it.Received.String()))
	if it.Refers != "" {
		hang(0, "", s.App.StatusWarn.Render(c.Tf("mtg.reconsider", it.Refers, it.ReconsiderWhy)))
	}

	sec("mtg.sec_projects")
	for _, a := range it.Apps {
		hang(2, a.Project+" ", fmt.Sprintf("%s  %s  %s  %s", c.projectName(a.Project), c.deptName(a.Department), a.Kind.Label(c.Lang),
			c.Tf("mtg.amounts", a.Requested.Grouped(), a.Proposed.Grouped())))
		switch a.Mark {
		case meeting.MarkKept:
			hang(4, s.App.StatusOK.Render(a.Mark.Label(c.Lang))+"  ", a.MarkReason)
		case meeting.MarkDecline, meeting.MarkStale:
			hang(4, s.App.StatusWarn.Render(a.Mark.Label(c.Lang))+"  ", a.MarkReason)
		}
		switch a.Outcome {
		case casefile.OutcomeGranted:
			g := c.Tf("mtg.granted", a.Granted.Grouped())
			if a.StartMonth != "" {
				g += c.Tf("mtg.period", a.StartMonth, a.Months)
			}
			hang(4, "-> ", s.App.StatusOK.Render(g))
		case casefile.OutcomeDeclined:
			hang(4, "-> ", c.Tf("dossier.declined", a.Reason))
		}
	}

	tl, ok := p.tallyOf(it)
	if d := it.Decision; d != nil {
		sec("mtg.sec_decision")
		hang(2, "", p.decisionText(d)+"  "+s.App.Muted.Render(c.Tf("mtg.decided_by", d.At.Format("2006-01-02 15:04"), d.By)))
		if d.Reason != "" {
			hang(2, c.Tf("mtg.reason", ""), d.Reason)
		}
		if len(d.Verify) > 0 {
			hang(2, c.Tf("mtg.verify", ""), strings.Join(d.Verify, c.T("list.sep")))
		}
	} else if ok {
		sec("mtg.sec_proposal")
		switch {
		case !p.b.quorum:
			hang(2, "", s.App.StatusError.Render(c.T("mtg.no_quorum")))
		case len(tl.Pending) > 0:
			hang(2, "", p.proposalText(tl)+c.Tf("mtg.so_far", len(tl.Pending)))
		default:
			hang(2, "", p.proposalText(tl))
			if tl.Proposed == casefile.StatusRejected {
				hang(2, c.Tf("mtg.default_wording", ""), tl.RejectWording.In(c.Lang))
			}
		}
		if len(tl.Missing) > 0 {
			hang(2, c.Tf("mtg.missing", ""), strings.Join(tl.Missing, c.T("list.sep")))
		}
	}

	sec("findings.title")
	if len(it.Findings) == 0 {
		hang(2, "", s.App.Muted.Render(c.T("findings.none")))
	}
	for _, f := range it.Findings {
		tag, st := severityTag(c, f.Severity)
		hang(2, st.Render(tag)+" ", c.Text(f.Text))
	}

	sec("dossier.tab_evidence")
	if len(it.Evidence) == 0 {
		hang(2, "", s.App.Muted.Render(c.T("dossier.no_evidence")))
	}
	for i, ev := range it.Evidence {
		lead := fmt.Sprintf("%d. ", i+1)
		hang(2, lead, fmt.Sprintf("%s  %s  %s  %s", ev.Kind.Label(c.Lang), c.deptName(ev.Department), ev.Date.String(),
			c.Tf("dossier.verifier", ev.Verifier)))
		if f := evidenceFigures(c, ev); f != "" {
			hang(2+len(lead), "", f)
		}
		if ev.Note != "" {
			hang(2+len(lead), "", ev.Note)
		}
	}

	sec("dossier.tab_household")
	if p.b.d != nil && p.b.cur == it.Case {
		dp := &dossierPage{c: c, d: p.b.d, width: w}
		for _, l := range dp.householdLines() {
			body := strings.TrimLeft(l, " ")
			hang(2+len(l)-len(body), "", body)
		}
	} else {
		hang(2, "", s.App.Muted.Render(c.T("mtg.loading")))
	}

	if len(it.Recusals) > 0 || hasReasons(it) {
		sec("mtg.sec_votes")
		for _, r := range it.Recusals {
			hang(2, r.Name+" "+c.T("mtg.v_recused")+" - ", r.Reason)
		}
		for _, v := range it.Votes {
			if v.Reason != "" {
				hang(2, v.Name+" "+v.Choice.Label(c.Lang)+" - ", v.Reason)
			}
		}
	}
	return out
}

func hasReasons(it *meeting.Item) bool {
	for _, v := range it.Votes {
		if v.Reason != "" {
			return true
		}
	}
	return false
}

// evidenceFigures are an evidence item's figures in a line.
func evidenceFigures(c *Common, ev casefile.Evidence) string {
	var fig []string
	switch ev.Kind {
	case casefile.EvIncomeCheck:
		fig = append(fig, c.T("ev.income")+" "+c.money(ev.MonthlyIncome))
	case casefile.EvAssetCheck:
		fig = append(fig, c.T("ev.deposits")+" "+c.money(ev.Deposits), c.T("ev.homes")+fmt.Sprintf(" %d", ev.Homes))
	case casefile.EvVehicle:
		fig = append(fig, c.T("ev.vehicles")+fmt.Sprintf(" %d", ev.Vehicles))
	case casefile.EvHousing:
		fig = append(fig, c.T("ev.homes")+fmt.Sprintf(" %d", ev.Homes))
	case casefile.EvMedicalBill:
		fig = append(fig, c.T("ev.total")+" "+c.money(ev.MedicalTotal), c.T("ev.insurance")+" "+c.money(ev.InsurancePaid),
			c.T("ev.compliant")+" "+c.money(ev.Compliant))
	}
	if ev.Passed != nil {
		v := c.T("ev.passed_yes")
		if !*ev.Passed {
			v = c.T("ev.passed_no")
		}
		fig = append(fig, c.T("ev.passed")+" "+v)
	}
	return strings.Join(fig, c.T("list.sep"))
}
