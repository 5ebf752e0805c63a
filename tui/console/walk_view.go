package console

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// wideWidth is the width from which the walkthrough shows the agenda
// beside the case (a projector's terminal).
const wideWidth = 140

// ---- view ----

func (ws *walkScreen) view() string {
	sh := ws.sh
	c := sh.c
	w, h := sh.width, sh.height
	lines := []string{sh.topLine()}
	if sh.currentItem() == nil {
		hint := c.T(lblMtgAgendaEmpty)
		if !sh.open() {
			hint = c.T(lblMtgReadOnly)
		}
		return strings.Join(append(lines, "", "  "+c.Styles.App.Muted.Render(hint)), "\n")
	}
	if w >= wideWidth {
		lw := min(52, w/3)
		left := ws.agendaColumn(lw, h-1, 1)
		right := ws.caseColumn(w-lw-3, h-1, lw+3, 1)
		sep := c.Styles.Panel.Box.Render("│")
		for i := 0; i < h-1; i++ {
			lines = append(lines, components.FitWidth(left[i], lw)+" "+sep+" "+right[i])
		}
		return strings.Join(lines, "\n")
	}
	return strings.Join(append(lines, ws.caseColumn(w, h-1, 0, 1)...), "\n")
}

// agendaColumn is the agenda beside the case: h lines of width w, drawn
// from line y0 of the page.
func (ws *walkScreen) agendaColumn(w, h, y0 int) []string {
	sh := ws.sh
	c := sh.c
	s := c.Styles
	sess := sh.b.sess
	out := []string{s.Form.Section.Render(c.T(lblMtgAgenda)) + "  " + s.App.Muted.Render(c.Tf(lblMtgAgendaHead, len(sess.Agenda), len(sess.Agenda)-len(sh.b.sum.Undecided)))}
	cur := 0
	for i, it := range sess.Agenda {
		if it.Case == sh.cur {
			cur = i
		}
	}
	room := h - 1
	first := max(0, min(cur-room/2, len(sess.Agenda)-room))
	for i := first; i < len(sess.Agenda) && len(out) < h; i++ {
		it := sess.Agenda[i]
		state := c.T(lblMtgUndecided)
		if it.Decision != nil {
			state = it.Decision.Result.Label(c.Lang)
		}
		mark := "  "
		if i == cur {
			mark = "> "
		}
		left := fmt.Sprintf("%s%2d %s %s", mark, i+1, it.Case, it.Applicant)
		l := components.FitWidth(left, w-components.AnsiWidth(state)-1) + " " + state
		switch {
		case i == cur:
			l = s.Table.Selected.Render(l)
		case it.Decision != nil:
			l = s.App.Muted.Render(l)
		}
		y := y0 + len(out)
		number := it.Case
		sh.addHit(y, 0, w, func() tea.Cmd { return ws.goCase(number) })
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
func (ws *walkScreen) caseColumn(w, h, x0, y0 int) []string {
	sh := ws.sh
	it := sh.currentItem()
	votes, gridTop, cols, cellW := ws.votesBlock(it, w)
	ws.cols = cols
	viewH := max(h-1-len(votes), 1)
	if viewH < 3 && len(votes) > 3 { // a tiny window: keep the dossier readable
		votes = votes[:max(h-4, 1)]
		viewH = max(h-1-len(votes), 1)
	}
	ws.viewH = viewH
	dl := ws.caseLines(it, w)
	ws.scroll = max(0, min(ws.scroll, len(dl)-viewH))
	end := min(ws.scroll+viewH, len(dl))
	out := []string{components.FitWidth(ws.caseTitle(it, w, len(dl), viewH), w)}
	out = append(out, dl[ws.scroll:end]...)
	for len(out) < 1+viewH {
		out = append(out, "")
	}
	vy := y0 + len(out)
	out = append(out, votes...)
	// clicks on a member select them
	vs := sh.voters()
	for i := range vs {
		r, col := i/max(cols, 1), i%max(cols, 1)
		if gridTop+r >= len(votes) {
			break
		}
		idx := i
		sh.addHit(vy+gridTop+r, x0+col*cellW, x0+(col+1)*cellW-1, func() tea.Cmd { ws.member = idx; return nil })
	}
	for i := range out {
		out[i] = components.FitWidth(out[i], w)
	}
	return out[:min(len(out), h)]
}

// caseTitle is "3/12  2026-000014  秦力  611022********7612  3 人  期限 …".
func (ws *walkScreen) caseTitle(it *meeting.Item, w, total, viewH int) string {
	sh := ws.sh
	c := sh.c
	s := c.Styles
	sess := sh.b.sess
	pos := 0
	for i, x := range sess.Agenda {
		if x == it {
			pos = i + 1
		}
	}
	state := s.App.StatusWarn.Render(c.T(lblMtgUndecided))
	if it.Decision != nil {
		state = s.App.StatusOK.Render(it.Decision.Result.Label(c.Lang))
	}
	due := c.Tf(common.LblDossierDeadline, it.Deadline.String())
	if d := sh.b.d; d != nil && sh.b.cur == it.Case && d.Case.Status.Open() {
		st := s.App.Muted
		if c.Catalog.DeadlineNear(d.Case, c.Today()) {
			st = s.App.StatusWarn
		}
		due += st.Render(c.Tf(common.LblDossierDaysLeft, c.Catalog.WorkdaysLeft(d.Case, c.Today())))
	}
	l := fmt.Sprintf("%d/%d  %s  %s  %s  %s  %s  ", pos, len(sess.Agenda), s.App.Title.Render(it.Case), it.Applicant, it.IDNumber,
		c.Tf(lblMtgHousehold, it.Household), due) + state
	if total > viewH {
		more := s.App.Muted.Render(fmt.Sprintf(" [%d-%d/%d]", ws.scroll+1, min(ws.scroll+viewH, total), total))
		if components.AnsiWidth(l)+components.AnsiWidth(more) <= w {
			l += strings.Repeat(" ", w-components.AnsiWidth(l)-components.AnsiWidth(more)) + more
		}
	}
	return l
}

// votesBlock is the tally line, the grid of voters with their votes and
// the selected member's line; it also gives the grid's first line, its
// columns and the cell width.
func (ws *walkScreen) votesBlock(it *meeting.Item, w int) (lines []string, gridTop, cols, cellW int) {
	sh := ws.sh
	c := sh.c
	s := c.Styles
	tl, _ := ws.tallyOf(it)
	head := ws.tallyText(tl)
	switch {
	case it.Decision != nil:
		head = c.Tf(lblMtgDecisionShort, ws.decisionText(it.Decision)) + "  " + head
	case !sh.b.quorum:
		head += "  " + s.App.StatusError.Render(c.T(lblMtgNoQuorum))
	default:
		head += "  " + ws.proposalText(tl)
	}
	rule := s.Panel.Box.Render("── ")
	lines = append(lines, rule+head+" "+s.Panel.Box.Render(strings.Repeat("─", max(w-components.AnsiWidth(head)-4, 0))))
	gridTop = len(lines)

	vs := sh.voters()
	lw := 0
	for _, l := range []string{c.T(lblMtgVAbsent), c.T(lblMtgVRecused), c.T(lblMtgVPending),
		meeting.Agree.Label(c.Lang), meeting.Disagree.Label(c.Lang), meeting.Abstain.Label(c.Lang)} {
		lw = max(lw, components.AnsiWidth(l))
	}
	cells := make([]string, len(vs))
	styles := make([]lipgloss.Style, len(vs))
	for i, m := range vs {
		word, st := ws.voteWord(it, m)
		mark := "  "
		if i == ws.member {
			mark = "> "
		}
		cells[i] = mark + components.PadRight(components.Truncate(m.Name, 6), 6) + " " + components.PadRight(word, lw)
		styles[i] = st
	}
	grid, cols, cellW := cellGrid(cells, w, func(i int, cell string) string {
		if i == ws.member {
			return s.Table.Selected.Render(cell)
		}
		return styles[i].Render(cell)
	})
	lines = append(lines, grid...)
	if m := ws.selectedMember(); m != nil {
		lines = append(lines, s.App.Muted.Render(components.Truncate(ws.voterLine(it, *m), w)))
	}
	return lines, gridTop, cols, cellW
}

// voteWord is what member m did on it, and the style to draw it in.
func (ws *walkScreen) voteWord(it *meeting.Item, m meeting.Member) (string, lipgloss.Style) {
	sh := ws.sh
	c := sh.c
	s := c.Styles
	switch {
	case it.Recused(m.ID):
		return c.T(lblMtgVRecused), s.App.StatusWarn
	case it.Vote(m.ID) != nil:
		v := it.Vote(m.ID)
		if v.Split() { // a choice of its own on some project: the voter line has them
			return c.T(lblMtgVSplit), s.App.StatusWarn
		}
		switch v.Choice {
		case meeting.Agree:
			return v.Choice.Label(c.Lang), s.App.StatusOK
		case meeting.Disagree:
			return v.Choice.Label(c.Lang), s.App.StatusError
		}
		return v.Choice.Label(c.Lang), s.App.StatusWarn
	case !sh.b.sess.IsPresent(m.ID):
		return c.T(lblMtgVAbsent), s.App.Muted
	}
	return c.T(lblMtgVPending), s.Table.Cell
}

// voterLine is the selected member: department, role, vote and reason.
func (ws *walkScreen) voterLine(it *meeting.Item, m meeting.Member) string {
	sh := ws.sh
	c := sh.c
	l := fmt.Sprintf("%s  %s  %s：", m.Name, c.DeptName(m.Department), m.Role.Label(c.Lang))
	if c.EN() {
		l = fmt.Sprintf("%s  %s  %s: ", m.Name, c.DeptName(m.Department), m.Role.Label(c.Lang))
	}
	word, _ := ws.voteWord(it, m)
	if v := it.Vote(m.ID); v != nil && v.Split() {
		word = voteChoices(c, v)
	}
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
func (ws *walkScreen) tallyText(tl meeting.Tally) string {
	sh := ws.sh
	return sh.c.Tf(lblMtgTally, tl.Agree, tl.Disagree, tl.Abstain, tl.Recused, len(tl.Pending))
}

// proposalText is what the rules propose on the votes so far.
func (ws *walkScreen) proposalText(tl meeting.Tally) string {
	sh := ws.sh
	c := sh.c
	return c.Tf(lblMtgProposal, ws.verb(tl.Proposed))
}

// verb names a ruling as the committee says it: 批准, 不予救助, 暂缓.
func (ws *walkScreen) verb(s casefile.Status) string {
	sh := ws.sh
	switch s {
	case casefile.StatusApproved, casefile.StatusRejected, casefile.StatusDeferred:
		return sh.c.T(meeting.RulingVerb(s))
	case rulePerProject:
		return sh.c.T(lblMtgPerProject)
	}
	return sh.c.T(lblMtgNoProposal)
}

// decisionText is the decision in a few words.
func (ws *walkScreen) decisionText(d *meeting.Decision) string {
	sh := ws.sh
	c := sh.c
	t := d.Result.Label(c.Lang)
	if d.Override {
		t += c.Tf(lblMtgOverrideShort, ws.verb(d.Proposed))
	}
	if !d.Amounts.IsZero() {
		t += c.Tf(lblMtgDecidedGranted, d.Amounts.Text())
	}
	return t
}

// caseLines are the dossier of the case as the committee sees it,
// wrapped to w: applicant, projects with the duplicate marks and the
// proposal, findings with figures, evidence, household and the votes'
// reasons.
func (ws *walkScreen) caseLines(it *meeting.Item, w int) []string {
	sh := ws.sh
	c := sh.c
	s := c.Styles
	var out []string
	sec := func(title casefile.Text) { out = append(out, "", s.Form.Section.Render(c.T(title))) }
	// hang adds text after lead at indent, continuation lines under the
	// text's start.
	hang := func(indent int, lead, text string) {
		pad := strings.Repeat(" ", indent)
		lw := components.AnsiWidth(lead)
		for i, l := range components.Wrap(text, max(w-indent-lw, 10)) {
			if i == 0 {
				out = append(out, pad+lead+l)
			} else {
				out = append(out, pad+strings.Repeat(" ", lw)+l)
			}
		}
	}

	hang(0, "", c.Tf(lblMtgApplicant, it.Applicant, it.IDNumber, it.Household, it.Area.Label(c.Lang), it.Received.String()))
	if it.Refers != "" {
		hang(0, "", s.App.StatusWarn.Render(c.Tf(lblMtgReconsider, it.Refers, it.ReconsiderWhy)))
	}

	tl, ok := ws.tallyOf(it)
	sec(lblMtgSecProjects)
	for _, a := range it.Apps {
		hang(2, a.Project+" ", fmt.Sprintf("%s  %s  %s  %s", c.ProjectName(a.Project), c.DeptName(a.Department), a.Kind.Label(c.Lang),
			c.Tf(lblMtgAmounts, a.Requested.Grouped(), a.Proposed.Grouped())))
		switch a.Mark {
		case meeting.MarkKept:
			hang(4, s.App.StatusOK.Render(a.Mark.Label(c.Lang))+"  ", c.T(a.MarkWhy()))
		case meeting.MarkDecline, meeting.MarkStale:
			hang(4, s.App.StatusWarn.Render(a.Mark.Label(c.Lang))+"  ", c.T(a.MarkWhy()))
		}
		switch a.Outcome {
		case casefile.OutcomeGranted:
			g := c.Tf(lblMtgGranted, a.Granted.Grouped())
			if a.StartMonth != "" {
				g += c.Tf(lblMtgPeriod, a.StartMonth, a.Months)
			}
			hang(4, "-> ", s.App.StatusOK.Render(g))
		case casefile.OutcomeDeclined:
			hang(4, "-> ", c.Tf(common.LblDossierDeclined, a.Why()))
		}
		ws.projectLines(it, tl, ok, a, hang)
	}

	if d := it.Decision; d != nil {
		sec(lblMtgSecDecision)
		hang(2, "", ws.decisionText(d)+"  "+s.App.Muted.Render(c.Tf(lblMtgDecidedBy, d.At.Format("2006-01-02 15:04"), d.By)))
		if d.Reason != "" {
			hang(2, c.Tf(lblMtgReason, ""), d.Reason)
		}
		if len(d.Verify) > 0 {
			hang(2, c.Tf(lblMtgVerify, ""), meeting.MissingList(c.Catalog, d.Verify).Label(c.Lang))
		}
	} else if ok {
		sec(lblMtgSecProposal)
		switch {
		case !sh.b.quorum:
			hang(2, "", s.App.StatusError.Render(c.T(lblMtgNoQuorum)))
		case len(tl.Pending) > 0:
			hang(2, "", ws.proposalText(tl)+c.Tf(lblMtgSoFar, len(tl.Pending)))
		default:
			hang(2, "", ws.proposalText(tl))
			if tl.Proposed == casefile.StatusRejected {
				hang(2, c.Tf(lblMtgDefaultWording, ""), tl.RejectWording.In(c.Lang))
			}
		}
		if len(tl.Missing) > 0 {
			hang(2, c.Tf(lblMtgMissing, ""), meeting.MissingList(c.Catalog, tl.Missing).Label(c.Lang))
		}
	}

	sec(common.LblFindingsTitle)
	if len(it.Findings) == 0 {
		hang(2, "", s.App.Muted.Render(c.T(common.LblFindingsNone)))
	}
	for _, f := range it.Findings {
		tag, st := components.SeverityTag(c, f.Severity)
		hang(2, st.Render(tag)+" ", c.T(f.Text))
	}

	sec(common.LblDossierTabEvidence)
	if len(it.Evidence) == 0 {
		hang(2, "", s.App.Muted.Render(c.T(common.LblDossierNoEvidence)))
	}
	for i, ev := range it.Evidence {
		lead := fmt.Sprintf("%d. ", i+1)
		hang(2, lead, fmt.Sprintf("%s  %s  %s  %s", ev.Kind.Label(c.Lang), c.DeptName(ev.Department), ev.Date.String(),
			c.Tf(common.LblDossierVerifier, ev.Verifier)))
		if f := components.EvidenceFigures(c, ev); f != "" {
			hang(2+len(lead), "", f)
		}
		if ev.Note != "" {
			hang(2+len(lead), "", ev.Note)
		}
	}

	sec(common.LblDossierTabHousehold)
	if sh.b.d != nil && sh.b.cur == it.Case {
		for _, l := range components.HouseholdLines(c, sh.b.d.Case, sh.b.d.Aid, false) {
			body := strings.TrimLeft(l, " ")
			hang(2+len(l)-len(body), "", body)
		}
	} else {
		hang(2, "", s.App.Muted.Render(c.T(lblMtgLoading)))
	}

	if len(it.Recusals) > 0 || hasReasons(it) {
		sec(lblMtgSecVotes)
		for _, r := range it.Recusals {
			hang(2, r.Name+" "+c.T(lblMtgVRecused)+" - ", r.Reason)
		}
		for _, v := range it.Votes {
			if v.Reason != "" {
				hang(2, v.Name+" "+voteChoices(c, &v)+" - ", v.Reason)
			}
		}
	}
	return out
}

// projectLines add what is particular to project a of it: on a decided
// case a deferral with what to verify, a changed amount with its
// proposal and reason, an outcome that stands from an earlier session;
// on an undecided case of several projects the rule's proposal for the
// project from its own votes.
func (ws *walkScreen) projectLines(it *meeting.Item, tl meeting.Tally, ok bool, a meeting.ItemApp, hang func(int, string, string)) {
	c := ws.sh.c
	s := c.Styles
	if d := it.Decision; d != nil {
		pd := d.Project(a.Project)
		switch {
		case pd == nil:
		case pd.Stands != "":
			hang(4, "   ", s.App.Muted.Render(c.Tf(lblMtgStands, pd.Stands)))
		case pd.Result == casefile.StatusDeferred:
			hang(4, "-> ", s.App.StatusWarn.Render(c.Tf(lblMtgProjectDeferred, meeting.MissingList(c.Catalog, pd.Verify))))
		case pd.AmountReason != "":
			hang(4, "   ", c.Tf(lblMtgAmountChanged, pd.ProposedAmount.Grouped(), pd.AmountReason))
		}
		return
	}
	if pt := tl.Project(a.Project); ok && len(tl.Projects) > 1 && pt != nil {
		if pt.Stands != "" {
			hang(4, "   ", s.App.Muted.Render(c.Tf(lblMtgStands, pt.Stands)))
			return
		}
		hang(4, "   ", c.Tf(lblMtgProjectVotes, ws.verb(pt.Proposed), pt.Agree, pt.Disagree, pt.Abstain))
	}
}

// voteChoices is a vote's choice and, where the member chose otherwise
// on a project, that project's: "同意，MZ-05 不同意".
func voteChoices(c *common.Common, v *meeting.Vote) string {
	out := v.Choice.Label(c.Lang)
	for _, code := range slices.Sorted(maps.Keys(v.Projects)) {
		out += c.Tf(lblMtgVoteOn, code, v.Projects[code].Label(c.Lang))
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
