package meeting

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// agendaPage is how many cases one page of the ready index yields.
const agendaPage = 200

// BuildAgenda puts the ready cases matching f on the session's agenda, in
// one transaction: it takes off the undecided items whose case is no
// longer ready, pages through the ready index for the cases to add
// (earliest deadline first, then by case number), runs the batch "same
// policy only once" resolution for the applicants of every item on the
// agenda (marks written to their cases; nobody else's cases are walked)
// after recomputing every undecided proposal on it from what it depends
// on now (evidence, household, the household's other aid: a history
// entry on each case whose proposal changed, AgendaReport.Reproposed),
// then refreshes the undecided items with their case's current figures
// (the votes on an item whose proposal changed are cleared, to be cast
// again) and adds the new ones. A case undecided on another open session's agenda
// is left there (AgendaReport.Busy). Building again later adds what has
// become ready since.
func (s *Store) BuildAgenda(number string, f AgendaFilter, who string) (*AgendaReport, error) {
	rep := &AgendaReport{Added: []string{}, Removed: []string{}, Busy: []string{}, Revote: []string{}, Reproposed: []string{}}
	cat := s.cases.Catalog()
	if f.Group != "" && cat.Group(f.Group) == nil {
		return nil, casefile.ErrInvalid.Withf("未知的项目组 %q", "unknown group %q", f.Group)
	}
	_, err := s.write(number, who, func(t *casefile.Tx, sess *Session) error {
		items, err := loadItems(t, sess)
		if err != nil {
			return err
		}
		// First what stays, what goes and what may join; then "the same
		// policy only once" for exactly those people, so that the
		// snapshots carry fresh marks and nobody else's cases are walked.
		onAgenda := map[uint64]bool{}
		var keep []*Item
		var pids []uint64
		for _, it := range items {
			onAgenda[it.CaseSeq] = true
			if it.Decision != nil {
				continue
			}
			c, err := t.CaseBySeq(it.CaseSeq)
			if err != nil {
				return err
			}
			if it.Refers == "" && c.Status != casefile.StatusReady {
				if err := deleteItem(t, sess, it); err != nil {
					return err
				}
				rep.Removed = append(rep.Removed, it.Case)
				sess.Items--
				continue
			}
			if _, ch, err := t.ReproposeInTx(c, who); err != nil {
				return err
			} else if len(ch) > 0 {
				rep.Reproposed = append(rep.Reproposed, c.Number)
			}
			keep = append(keep, it)
			pids = append(pids, c.ApplicantID)
		}
		open := openSessions(t)
		var cands []*casefile.Case
		cf := casefile.CaseFilter{Status: casefile.StatusReady, Project: f.Project, Department: f.Department, Limit: agendaPage}
		for {
			page, next, err := t.Cases(cf)
			if err != nil {
				return err
			}
			for _, c := range page {
				if onAgenda[c.Seq] || !inGroup(cat, c, f.Group) {
					continue
				}
				busy, err := busyElsewhere(t, open, c.Seq, sess.Seq)
				if err != nil {
					return err
				}
				if busy != "" {
					rep.Busy = append(rep.Busy, c.Number)
					continue
				}
				cands = append(cands, c)
			}
			if next == 0 {
				break
			}
			cf.After = next
		}
		sort.Slice(cands, func(i, j int) bool {
			if c := cands[i].Deadline.Compare(cands[j].Deadline); c != 0 {
				return c < 0
			}
			return cands[i].Number < cands[j].Number
		})
		if f.Limit > 0 && len(cands) > f.Limit {
			cands = cands[:f.Limit]
		}
		for i, c := range cands {
			fresh, ch, err := t.ReproposeInTx(c, who)
			if err != nil {
				return err
			}
			if len(ch) > 0 {
				rep.Reproposed = append(rep.Reproposed, c.Number)
			}
			cands[i] = fresh
			pids = append(pids, c.ApplicantID)
		}
		if pids == nil {
			pids = []uint64{}
		}
		dedup, err := t.ResolveDuplicatesFor(pids, who)
		if err != nil {
			return err
		}
		rep.Dedup = dedup
		for _, it := range keep {
			c, err := t.CaseBySeq(it.CaseSeq) // with the marks just written
			if err != nil {
				return err
			}

			fresh := snapshot(t, c)
			fresh.Refers, fresh.ReconsiderWhy = it.Refers, it.ReconsiderWhy
			fresh.Votes, fresh.Recusals = it.Votes, it.Recusals
			if len(it.Votes) > 0 && !sameProposal(it.Apps, fresh.Apps) {
				fresh.Votes = []Vote{} // they were cast on another proposal
				rep.Revote = append(rep.Revote, it.Case)
			}
			if err := saveItem(t, sess, fresh); err != nil {
				return err
			}
			rep.Refreshed++
		}
		for _, c := range cands {
			if dedup.ChangedSeqs[c.Seq] {
				if c, err = t.CaseBySeq(c.Seq); err != nil { // with the marks just written
					return err
				}
			}
			if err := saveItem(t, sess, snapshot(t, c)); err != nil {
				return err
			}
			rep.Added = append(rep.Added, c.Number)
			sess.Items++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// sameProposal reports whether two snapshots of an item's applications
// propose the same: the same projects, amounts and marks.
func sameProposal(a, b []ItemApp) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Project != b[i].Project || a[i].Proposed != b[i].Proposed || a[i].Mark != b[i].Mark {
			return false
		}
	}
	return true
}

func inGroup(cat *casefile.Catalog, c *casefile.Case, group string) bool {
	if group == "" {
		return true
	}
	for _, a := range c.Apps {
		if p := cat.Project(a.Project); p != nil && p.Group == group {
			return true
		}
	}
	return false
}

// Reconsider puts a decided case (approved or rejected, notified or not)
// on the open session's agenda again so that a new decision replaces the
// decision of the earlier session, which the item and the new decision
// refer to. why is required; the case's history records the request in
// the same transaction.
func (s *Store) Reconsider(number, caseNumber, why, who string) (*Item, error) {
	why = casefile.Clean(why, true)
	if why == "" {
		return nil, ErrReasonRequired.Withf("请写明复议理由", "give the reason to reconsider")
	}
	var out *Item
	_, err := s.write(number, who, func(t *casefile.Tx, sess *Session) error {
		c, err := t.Case(caseNumber)
		if err != nil {
			return err
		}
		if !c.Status.Reconsiderable() || c.Decision == nil {
			return casefile.ErrBadTransition.Withf("%s 为「%s」，没有可复议的决定", "%s is %s; it has no decision to reconsider",
				c.Number, c.Status)
		}
		if it, err := loadItem(t, sess, c.Seq); err != nil {
			return err
		} else if it != nil {
			return ErrAlreadyDecided.Withf("%s 已在 %s 议程上", "%s is on the agenda of %s already", c.Number, sess.Number)
		}
		if busy, err := busyElsewhere(t, openSessions(t), c.Seq, sess.Seq); err != nil {
			return err
		} else if busy != "" {
			return casefile.ErrBadTransition.Withf("%s 已在 %s 议程上", "%s is on the agenda of %s", c.Number, busy)
		}
		it := snapshot(t, c)
		it.Refers, it.ReconsiderWhy = c.Decision.Session, why
		if err := saveItem(t, sess, it); err != nil {
			return err
		}
		sess.Items++
		out = it
		return t.AddHistory(c, casefile.Change{Who: who, Action: string(casefile.ActionReconsider),
			Note: casefile.T("%s 复议 %s 的决定：%s", "%s reconsiders the decision of %s: %s", sess.Number, it.Refers, why)})
	})
	return out, err
}

// snapshot builds the agenda item of case c: what the committee sees.
func snapshot(t *casefile.Tx, c *casefile.Case) *Item {
	return &Item{CaseSeq: c.Seq, Case: c.Number, Applicant: c.Applicant.Name, IDNumber: c.Applicant.MaskedDoc(),
		Household: c.Household.Count(), Area: c.Household.Area, Received: c.ReceivedDate(), Deadline: c.Deadline,
		Apps: appMarks(t, c), Evidence: append([]casefile.Evidence(nil), c.Evidence...), Findings: t.Assess(c), Votes: []Vote{}}
}

// appMarks says for each application of c what the "same policy only
// once" rule does with it now: the batch resolution's mark when what it
// kept instead is still alive, or a decline when the person already holds
// a project of the same group from another case.
func appMarks(t *casefile.Tx, c *casefile.Case) []ItemApp {
	cat := t.Catalog()
	out := make([]ItemApp, len(c.Apps))
	for i, a := range c.Apps {
		ia := ItemApp{Project: a.Project, Requested: a.Requested, Proposed: a.Proposed}
		out[i] = ia
		p := cat.Project(a.Project)
		if p == nil {
			continue
		}
		ia.Department, ia.Kind = p.Department, p.Kind
		if p.Group == "" {
			out[i] = ia
			continue
		}
		var rivals, held []casefile.Conflict
		for _, cf := range t.LiveCheck(&c.Applicant, []string{a.Project}, c.ReceivedDate()) {
			if cf.CaseNumber == "" || (cf.CaseNumber == c.Number && cf.Project == a.Project) || cf.CaseNumber == c.ReviewOf() {
				continue
			}
			rivals = append(rivals, cf)
			if cf.Status.Holding() && cf.CaseNumber != c.Number {
				held = append(held, cf)
			}
		}
		switch {
		case a.Dedup != nil && !a.Dedup.Keep && len(rivals) > 0:
			ia.Mark, ia.MarkText = MarkDecline, a.Dedup.Why()
		case a.Dedup != nil && !a.Dedup.Keep:
			ia.Mark, ia.MarkText = MarkStale, a.Dedup.Why()
		case len(held) > 0:
			h := held[0]
			var dept, proj casefile.Labeler = casefile.Text{ZH: h.Department, EN: h.Department}, casefile.Text{ZH: h.Project, EN: h.Project}
			if d := cat.Department(h.Department); d != nil {
				dept = d
			}
			if hp := cat.Project(h.Project); hp != nil {
				proj = hp
			}
			ia.Mark = MarkDecline
			ia.MarkText = casefile.T("同一救助政策只能享受一次：已享受%s「%s」%s（案件 %s），本项不予重复救助",
				"the same policy is enjoyed only once: %s's %s, %s (case %s), is already held; this one is declined",
				dept, proj, cat.AmountText(h.Project, h.Amount), h.CaseNumber)
		case a.Dedup != nil:
			ia.Mark, ia.MarkText = MarkKept, a.Dedup.Why()
		}
		ia.MarkReason = ia.MarkText.ZH
		out[i] = ia
	}
	return out
}

// missing lists the evidence kinds and documents case c lacks.
func missing(cat *casefile.Catalog, c *casefile.Case) []string {
	var out []string
	for _, k := range cat.MissingEvidence(c) {
		out = append(out, k.Label(casefile.ZH))
	}
	return append(out, cat.MissingDocuments(c)...)
}

// tally counts the votes on it under the catalogue's rules and proposes the
// outcome of each project of case c, and the case's (CaseResult). A
// project decided at an earlier session (the case came back from a
// deferral of its other projects) stands and gets no proposal.
func tally(t *casefile.Tx, sess *Session, it *Item, c *casefile.Case) Tally {
	cat := t.Catalog()
	tl := sess.Count(it)
	env := tl.Env()
	tl.Quorum = eval(cat.Meeting.Quorum, env)
	tl.Passes = eval(cat.Meeting.Approve, env)
	tl.Missing = missing(cat, c)
	apps := appMarks(t, c)
	findings := t.Assess(c)
	var results, held []casefile.Status
	var zh, en []string
	for i, a := range apps {
		pt := sess.CountProject(it, a.Project)
		penv := env
		penv.Agree, penv.Disagree, penv.Abstain = pt.Agree, pt.Disagree, pt.Abstain
		pt.Passes = eval(cat.Meeting.Approve, penv)
		if st := stands(it, c, i); st != "" {
			pt.Stands = st
			tl.Projects = append(tl.Projects, pt)
			held = append(held, casefile.StatusRejected)
			if c.Apps[i].Outcome == casefile.OutcomeGranted {
				held[len(held)-1] = casefile.StatusApproved
			}
			continue
		}
		switch {
		case !tl.Quorum:
		case pt.Passes && a.Mark != MarkDecline:
			pt.Proposed = casefile.StatusApproved
		case pt.Passes:
			pt.Proposed = casefile.StatusRejected
		case len(tl.Missing) > 0:
			pt.Proposed = casefile.StatusDeferred
		default:
			pt.Proposed = casefile.StatusRejected
		}
		if pt.Proposed != "" {
			results = append(results, pt.Proposed)
		}
		pt.RejectWording = projectWording(cat, sess, it, a, findings, pt.Passes)
		zh, en = append(zh, pt.RejectWording.ZH), append(en, pt.RejectWording.EN)
		tl.Projects = append(tl.Projects, pt)
	}
	if tl.Quorum && len(results) > 0 {
		if !slices.Contains(results, casefile.StatusDeferred) {
			results = append(results, held...) // what stands counts once nothing is deferred
		}
		tl.Proposed = CaseResult(results)
	}
	tl.RejectWording = joinWordings(zh, en)
	return tl
}

// stands is the session whose decision on application i of c stands (the
// case came back from a deferral, and the application was granted or
// declined then), or "" when the application is to be decided.
func stands(it *Item, c *casefile.Case, i int) string {
	if it.Refers != "" || c.Decision == nil || i >= len(c.Apps) || c.Apps[i].Outcome == casefile.OutcomePending {
		return ""
	}
	return c.Decision.Session
}

func eval(r *casefile.CountRule, env casefile.CountEnv) bool {
	return r != nil && r.Eval(env)
}

// projectWording is the written reason of a rejection of application a
// as it would be recorded now: the "same policy only once" reason of a
// declined duplicate; else the error findings of the case that concern
// the project, with their figures; else the reasons of the members who
// disagreed with it; else, when it did not win the rule, that it did not
// (when it did, nothing: the chair's final word needs its own reason). It
// never holds a vote count: the count is a fact of the minutes, and a
// reason goes onto the applicant's notice.
func projectWording(cat *casefile.Catalog, sess *Session, it *Item, a ItemApp, findings []casefile.Finding, passes bool) casefile.Text {
	if a.Mark == MarkDecline {
		return a.MarkWhy()
	}
	var zh, en []string
	add := func(z, e string) {
		if z != "" && !slices.Contains(zh, z) {
			zh, en = append(zh, z), append(en, e)
		}
	}
	for _, f := range findings {
		if f.Severity == casefile.SevError && f.Kind != casefile.FindDeadline && (f.Project == "" || f.Project == a.Project) { // a passed deadline is no ground to reject
			add(f.Text.ZH, f.Text.EN)
		}
	}
	if len(zh) == 0 {
		for _, m := range sess.Members {
			v := it.Vote(m.ID)
			if v == nil || v.On(a.Project) != Disagree || v.Reason == "" || tallyInReason.MatchString(v.Reason) ||
				!sess.IsPresent(m.ID) || it.Recused(m.ID) {
				continue // only the reasons of those who disagreed, and never a count
			}
			add(v.Reason, v.Reason)
		}
	}
	if len(zh) == 0 && !passes {
		rule := cat.Meeting.Approve.Text()
		add(fmt.Sprintf("未获出席且未回避委员过半数同意（决定规则：%s）", rule.ZH),
			fmt.Sprintf("the proposal did not win the majority of present, non-recused members (rule: %s)", rule.EN))
	}
	return casefile.Text{ZH: strings.Join(zh, "；"), EN: strings.Join(en, "; ")}
}

// joinWordings joins the projects' wordings, each once.
func joinWordings(zh, en []string) casefile.Text {
	var z, e []string
	for i := range zh {
		if zh[i] != "" && !slices.Contains(z, zh[i]) {
			z, e = append(z, zh[i]), append(e, en[i])
		}
	}
	return casefile.Text{ZH: strings.Join(z, "；"), EN: strings.Join(e, "; ")}
}
