package meeting

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// Decide records the decision on an agenda case in ONE transaction: the
// session's record of it, and on the case its status (ready → approved,
// rejected or deferred), the decision, each application's outcome and a
// history entry.
//
// A decision has one outcome per project: approve with its amount,
// reject with a written reason, or defer with what must be verified. The
// ruling gives one Result for every project, or rules project by project
// (Ruling.Projects); the case's result is CaseResult of the projects'.
//
// The votes must be complete (every present, non-recused member has
// voted) under a quorum. Each project's result must be what the rules
// propose for it (ProjectTally.Proposed, from the votes on that project)
// unless Override records the chair's final word with a reason. An
// approval grants the proposed amount, or another amount with a reason
// (Ruling.Amounts, ProjectRuling.Amount); a project the "same policy only
// once" rule declines is declined with that rule's reason under a
// whole-case approval, and cannot be approved on its own. Monthly
// projects start the month after the session's date and run for the
// project's months. A rejected project needs a written reason: typed, or
// with DefaultReason built now from the findings and the votes as they
// are (never a vote count, and a reason holding one is refused: the count
// belongs in the minutes, not on the applicant's notice). A deferral
// needs what must be verified; the case keeps status deferred with
// Case.Missing listing it, and returns to verifying when evidence is
// added; the projects decided with it stand, and the next session decides
// the deferred ones. A case put on the agenda by Reconsider is decided
// anew, every project, its decision referring to the earlier session's.
func (s *Store) Decide(number string, r Ruling, who string) (*Item, error) {
	r.Reason = casefile.Clean(r.Reason, true)
	r.AmountReason = casefile.Clean(r.AmountReason, true)
	r.Verify = cleanList(r.Verify)
	var out *Item
	_, err := s.write(number, who, func(t *casefile.Tx, sess *Session) error {
		old, it, err := item(t, sess, r.Case)
		if err != nil {
			return err
		}
		if it.Decision != nil {
			return ErrAlreadyDecided.Withf("%s", "%s", old.Number)
		}
		reconsider := it.Refers != ""
		if !reconsider && old.Status != casefile.StatusReady {
			return casefile.ErrBadTransition.Withf("%s 为「%s」，不是待研判", "%s is %s, not ready", old.Number, old.Status)
		}
		tl := tally(t, sess, it, old)
		if !tl.Quorum {
			return ErrNoQuorum.Withf("应到 %d 人，实到 %d 人", "%d members, %d present", tl.Members, tl.Present)
		}
		if len(tl.Pending) > 0 {
			return ErrVotesPending.Withf("%s", "%s", strings.Join(tl.Pending, "、"))
		}
		apps := appMarks(t, old)
		plan, err := planRuling(t, old, it, apps, &r, tl)
		if err != nil {
			return err
		}
		result := CaseResult(plan.results())
		c := cloneCase(old)
		apps = applyOutcome(t, sess, c, apps, plan)
		refers := it.Refers
		if refers == "" && old.Decision != nil {
			refers = old.Decision.Session // back from a deferral
		}
		ref, err := t.NextReference(result, t.Now().Year())
		if err != nil {
			return err
		}
		reason := r.Reason
		if reason == "" && result == casefile.StatusRejected {
			reason = plan.reasons(casefile.StatusRejected).ZH
		}
		c.Decision = &casefile.Decision{Session: sess.Number, Result: result, Reason: reason, Reference: ref, At: t.Now(), By: who, Refers: refers}
		if result == casefile.StatusApproved && plan.has(casefile.StatusRejected) {
			// What was refused gets a rejection notice of its own.
			if c.Decision.NoticeReference, err = t.NextReference(casefile.StatusRejected, t.Now().Year()); err != nil {
				return err
			}
		}
		verify := plan.verify()
		c.Missing = nil
		if result == casefile.StatusDeferred {
			c.Missing = verify
		}
		if reconsider {
			err = t.ReconsiderInTx(c, result)
		} else {
			err = t.MoveInTx(c, result)
		}
		if err != nil {
			return err
		}
		dec := &Decision{Result: result, Proposed: tl.Proposed, Override: plan.override,
			Reason: reason, Tally: tl, Refers: refers, At: t.Now(), By: who, Projects: plan.projects}
		if result == casefile.StatusDeferred {
			dec.Verify = verify
		}
		var decided []ItemApp // what stands from an earlier session was granted there
		for i, a := range apps {
			if plan.projects[i].Stands == "" {
				decided = append(decided, a)
			}
		}
		dec.Amounts = grantedAmounts(decided)
		if err := t.PutCase(old, c, casefile.Change{Who: who, Action: string(casefile.ActionDecision), Note: decisionNote(t.Catalog(), sess, dec)}); err != nil {
			return err
		}
		it.Apps, it.Decision = apps, dec
		if err := saveItem(t, sess, it); err != nil {
			return err
		}
		sess.Decided++
		out = it
		return nil
	})
	return out, err
}

// cleanList cleans each entry of a list and drops the empty ones.
func cleanList(in []string) []string {
	var out []string
	for _, v := range in {
		if v = casefile.Clean(v, false); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// rulingPlan is a ruling checked against the tally: the outcome of each
// application of the case, in its order.
type rulingPlan struct {
	projects []ProjectDecision
	override bool
}

// results are the results of the projects decided now (what stands when
// nothing else is left).
func (p *rulingPlan) results() []casefile.Status {
	var out, all []casefile.Status
	for _, d := range p.projects {
		all = append(all, d.Result)
		if d.Stands == "" {
			out = append(out, d.Result)
		}
	}
	// A case back from a deferral is decided on all its projects: those
	// decided now and those that stand.
	if len(out) < len(all) && !slices.Contains(out, casefile.StatusDeferred) {
		return all
	}
	return out
}

func (p *rulingPlan) has(s casefile.Status) bool {
	return slices.ContainsFunc(p.projects, func(d ProjectDecision) bool { return d.Result == s })
}

// reasons joins the reasons of the projects with result s, each once.
func (p *rulingPlan) reasons(s casefile.Status) casefile.Text {
	var zh, en []string
	for _, d := range p.projects {
		if d.Result == s {
			w := d.Why()
			zh, en = append(zh, w.ZH), append(en, w.EN)
		}
	}
	return joinWordings(zh, en)
}

// verify is what the deferred projects ask to verify, each once.
func (p *rulingPlan) verify() []string {
	var out []string
	for _, d := range p.projects {
		for _, v := range d.Verify {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// tallyInReason finds a vote count in a written reason: "同意 0 票",
// "表决：", "15 agree".
var tallyInReason = regexp.MustCompile(`(?i)\d+\s*票|表决[：:]|\d+\s*(agree|disagree|abstain)|votes?:`)

// checkReason refuses a reason that carries a vote count: the minutes
// record the vote as it was, and a reason goes onto the applicant's
// notice, where a count drafted earlier would be wrong (and a count is
// never the applicant's business).
func checkReason(code, reason string) error {
	if reason != "" && tallyInReason.MatchString(reason) {
		return casefile.ErrInvalid.Withf("%s 的理由不要写表决票数（票数由会议纪要按实际表决记载，不写入告知书）：%s",
			"the reason for %s must not carry a vote count (the minutes record the actual vote; a notice never does): %s", code, reason)
	}
	return nil
}

func validRuling(s casefile.Status) error {
	switch s {
	case casefile.StatusApproved, casefile.StatusRejected, casefile.StatusDeferred:
		return nil
	}
	return casefile.ErrInvalid.Withf("决定只能是批准、不予救助或暂缓，不能是 %q", "a decision is approve, reject or defer, not %q", s)
}

// planRuling checks ruling r on case c against the tally and returns the
// outcome of each application.
func planRuling(t *casefile.Tx, c *casefile.Case, it *Item, apps []ItemApp, r *Ruling, tl Tally) (*rulingPlan, error) {
	if r.Result != "" {
		if err := validRuling(r.Result); err != nil {
			return nil, err
		}
	}
	for code := range r.Projects {
		if c.App(code) == nil {
			return nil, casefile.ErrInvalid.Withf("%s 没有申请项目 %s", "%s has no application for %s", c.Number, code)
		}
	}
	for code, m := range r.Amounts {
		if c.App(code) == nil {
			return nil, casefile.ErrInvalid.Withf("%s 没有申请项目 %s", "%s has no application for %s", c.Number, code)
		}
		if m < 0 || m > casefile.MaxMoney {
			return nil, casefile.ErrBadAmount.Withf("%s：%s 元", "%s: %s yuan", code, m)
		}
	}
	if err := checkReason(c.Number, r.Reason); err != nil {
		return nil, err
	}
	plan := &rulingPlan{}
	set := map[string]casefile.Money{}
	for i := range c.Apps {
		d, err := planProject(c, i, apps[i], r, tl, set)
		if err != nil {
			return nil, err
		}
		plan.override = plan.override || d.Override
		plan.projects = append(plan.projects, d)
	}
	if !slices.ContainsFunc(plan.projects, func(d ProjectDecision) bool { return d.Stands == "" }) {
		return nil, casefile.ErrInvalid.Withf("%s 没有待决定的项目", "%s has no project left to decide", c.Number)
	}
	if CaseResult(plan.results()) != casefile.StatusDeferred {
		for _, a := range apps {
			if a.Mark == MarkStale {
				return nil, ErrDedupStale.Withf("%s %s：%s", "%s %s: %s", c.Number, a.Project, a.MarkReason)
			}
		}
	}
	if r.Result == casefile.StatusApproved && len(r.Projects) == 0 && !plan.has(casefile.StatusApproved) {
		return nil, ErrNothingGranted.Withf("%s 的申请项目均不予重复救助，应作不予救助决定", "every application of %s is declined as a duplicate; reject it instead", c.Number)
	}
	if plan.has(casefile.StatusApproved) && it.Refers == "" {
		if err := checkProposals(t, c, it, set); err != nil {
			return nil, err
		}
	}
	return plan, nil
}

// planProject checks the ruling on application i of c and returns its
// outcome; set collects the amounts the ruling sets.
func planProject(c *casefile.Case, i int, ia ItemApp, r *Ruling, tl Tally, set map[string]casefile.Money) (ProjectDecision, error) {
	a := &c.Apps[i]
	pt := tl.Project(a.Project)
	if pt == nil {
		pt = &ProjectTally{Project: a.Project}
	}
	d := ProjectDecision{Project: a.Project, Proposed: pt.Proposed, ProposedAmount: a.Proposed,
		Agree: pt.Agree, Disagree: pt.Disagree, Abstain: pt.Abstain}
	pr, named := r.Projects[a.Project]
	if pt.Stands != "" {
		if named {
			return d, casefile.ErrInvalid.Withf("%s 已由 %s 作出决定，本次不再表决", "%s was decided by %s and is not decided again", a.Project, pt.Stands)
		}
		d.Stands, d.Result, d.Amount, d.Reason, d.ReasonText = pt.Stands, casefile.StatusRejected, a.Granted, a.Reason, a.ReasonText
		if a.Outcome == casefile.OutcomeGranted {
			d.Result = casefile.StatusApproved
		}
		return d, nil
	}
	if !named {
		pr = ProjectRuling{Result: r.Result}
	}
	if pr.Result == "" {
		return d, casefile.ErrInvalid.Withf("%s 的项目 %s 没有决定（批准、不予救助或暂缓）", "%s: project %s has no decision (approve, reject or defer)", c.Number, a.Project)
	}
	if err := validRuling(pr.Result); err != nil {
		return d, err
	}
	reason := casefile.Clean(pr.Reason, true)
	if reason == "" {
		reason = r.Reason
	}
	if err := checkReason(a.Project, reason); err != nil {
		return d, err
	}
	amount, hasAmount := r.Amounts[a.Project]
	if pr.Set {
		amount, hasAmount = pr.Amount, true
	}
	d.Result = pr.Result
	if ia.Mark == MarkStale && d.Result != casefile.StatusDeferred {
		return d, ErrDedupStale.Withf("%s %s：%s", "%s %s: %s", c.Number, a.Project, ia.MarkReason)
	}
	// A duplicate the "same policy only once" rule declines is refused
	// with the rule's reason (unless the meeting wrote its own).
	dup := ia.Mark == MarkDecline && (d.Result == casefile.StatusApproved || (d.Result == casefile.StatusRejected && pr.Reason == ""))
	if dup && d.Result == casefile.StatusApproved {
		if named {
			return d, casefile.ErrInvalid.Withf("%s 因同一救助政策只能享受一次不予救助，不能批准：%s", "%s is declined (same policy only once) and cannot be approved: %s", a.Project, ia.MarkWhy())
		}
		if hasAmount && amount != 0 {
			return d, casefile.ErrInvalid.Withf("%s 因同一救助政策只能享受一次不予救助，不能核定金额", "%s is declined (same policy only once); it takes no amount", a.Project)
		}
		hasAmount = false
	}
	if dup {
		d.Result, d.Reason, d.ReasonText = casefile.StatusRejected, ia.MarkReason, ia.MarkWhy()
	}
	if d.Result != pt.Proposed {
		if !r.Override {
			return d, ErrOverrideRequired.Withf("%s：表决结果为「%s」，拟作「%s」", "%s: the vote gives %s; the ruling is %s",
				a.Project, pt.Proposed, d.Result)
		}
		if r.Reason == "" && pr.Reason == "" && !(d.Result == casefile.StatusRejected && r.DefaultReason) {
			return d, ErrReasonRequired.Withf("主持人最终意见须写明理由", "the chair's final word needs a reason")
		}
		d.Override = true
	}
	if hasAmount && d.Result != casefile.StatusApproved {
		return d, casefile.ErrInvalid.Withf("只有批准才能核定金额", "amounts are set by an approval only")
	}
	switch {
	case d.Result == casefile.StatusApproved:
		d.Amount = a.Proposed
		if hasAmount {
			if amount < 0 || amount > casefile.MaxMoney {
				return d, casefile.ErrBadAmount.Withf("%s：%s 元", "%s: %s yuan", a.Project, amount)
			}
			set[a.Project], d.Amount = amount, amount
		}
		if d.Amount != a.Proposed {
			d.AmountReason = casefile.Clean(pr.AmountReason, true)
			if d.AmountReason == "" {
				d.AmountReason = r.AmountReason
			}
			if d.AmountReason == "" {
				return d, ErrReasonRequired.Withf("%s 核定金额 %s 元与拟定金额 %s 元不同，须写明调整理由",
					"%s: granting %s yuan instead of the proposed %s yuan needs a reason",
					a.Project, d.Amount.Grouped(), a.Proposed.Grouped())
			}
			if err := checkReason(a.Project, d.AmountReason); err != nil {
				return d, err
			}
		}
	case d.Result == casefile.StatusRejected && dup:
	case d.Result == casefile.StatusRejected:
		switch {
		case reason != "":
			d.Reason = reason
		case r.DefaultReason && pt.RejectWording.ZH != "":
			d.ReasonText = pt.RejectWording // built now, from the votes as they are
			d.Reason = d.ReasonText.ZH
		case pt.RejectWording.ZH == "":
			return d, ErrReasonRequired.Withf("%s 不予救助须写明理由", "%s: a rejection needs a written reason", a.Project)
		default:
			return d, ErrReasonRequired.Withf("%s 不予救助须写明理由，例如：%s", "%s: a rejection needs a written reason, e.g.: %s", a.Project, pt.RejectWording)
		}
	case d.Result == casefile.StatusDeferred:
		d.Verify = cleanList(pr.Verify)
		if len(d.Verify) == 0 {
			d.Verify = r.Verify
		}
		d.Reason = reason
		if len(d.Verify) == 0 && reason == "" {
			return d, ErrReasonRequired.Withf("%s 暂缓须写明需补充核查的事项", "%s: a deferral needs what must be verified", a.Project)
		}
		if len(d.Verify) == 0 {
			d.Verify = []string{reason}
		}
	}
	return d, nil
}

// checkProposals refuses to grant by default an amount the committee did
// not see: when what an application of c would be proposed now (evidence
// added, the household's aid changed since the agenda was built) differs
// from the item's snapshot, the agenda must be built again (which
// recomputes it and clears the votes) unless the ruling sets the amount.
func checkProposals(t *casefile.Tx, c *casefile.Case, it *Item, set map[string]casefile.Money) error {
	cat := t.Catalog()
	holding := t.HouseholdHolding(&c.Household)
	for i := range c.Apps {
		a := &c.Apps[i]
		if _, ok := set[a.Project]; ok || a.Outcome != casefile.OutcomePending || i >= len(it.Apps) || it.Apps[i].Project != a.Project {
			continue
		}
		now, err := cat.ProposeAmount(c, a, holding)
		if err != nil {
			return err
		}
		if seen := it.Apps[i].Proposed; now != seen {
			return ErrProposalStale.Withf("%s %s：议程上为 %s 元，现应为 %s 元", "%s %s: %s yuan on the agenda, %s yuan now",
				c.Number, a.Project, seen.Grouped(), now.Grouped())
		}
	}
	return nil
}

// applyOutcome sets the applications of c for the plan and returns them
// as the item records them. Deferred applications stay pending: the next
// session decides them. Applications whose earlier decision stands keep
// it.
func applyOutcome(t *casefile.Tx, sess *Session, c *casefile.Case, apps []ItemApp, plan *rulingPlan) []ItemApp {
	cat := t.Catalog()
	for i := range c.Apps {
		a, ia, d := &c.Apps[i], &apps[i], &plan.projects[i]
		if d.Stands == "" {
			a.Outcome, a.Granted, a.StartMonth, a.Months, a.Reason, a.ReasonText = casefile.OutcomePending, 0, "", 0, "", casefile.Text{}
			switch d.Result {
			case casefile.StatusRejected:
				a.Outcome, a.Reason, a.ReasonText = casefile.OutcomeDeclined, d.Reason, d.ReasonText
			case casefile.StatusApproved:
				a.Outcome, a.Granted = casefile.OutcomeGranted, d.Amount
				if p := cat.Project(a.Project); p != nil && p.Kind == casefile.KindMonthly {
					a.StartMonth, a.Months = monthAfter(sess.Date), p.Months
				}
			}
		}
		ia.Outcome, ia.Granted, ia.StartMonth, ia.Months, ia.Reason, ia.ReasonText = a.Outcome, a.Granted, a.StartMonth, a.Months, a.Reason, a.ReasonText
	}
	return apps
}

// monthAfter is "YYYY-MM" of the month after d.
func monthAfter(d casefile.Date) string {
	y, m := d.Year, int(d.Month)+1
	if m > 12 {
		y, m = y+1, 1
	}
	return fmt.Sprintf("%04d-%02d", y, m)
}

// decisionNote is the history entry's text of a decision, in both
// languages: the session, the result and the vote, then each project's
// outcome with its amount (and why it differs from the proposal), its
// reason or what must be verified.
func decisionNote(cat *casefile.Catalog, sess *Session, d *Decision) casefile.Text {
	tl := d.Tally
	why := casefile.T("%s %s：同意 %d，不同意 %d，弃权 %d，回避 %d", "%s %s: %d agree, %d disagree, %d abstain, %d recused",
		sess.Number, d.Result, tl.Agree, tl.Disagree, tl.Abstain, tl.Recused)
	if d.Override {
		why = casefile.T("%s；主持人最终意见", "%s; the chair's final ruling", why)
	}
	if d.Refers != "" {
		why = casefile.T("%s；复议 %s", "%s; reconsiders %s", why, d.Refers)
	}
	if !d.Amounts.IsZero() {
		why = casefile.T("%s；核定%s", "%s; granted %s", why, d.Amounts.Text())
	}
	if d.Reason != "" {
		why = casefile.T("%s；%s", "%s; %s", why, d.Reason)
	}
	for _, p := range d.Projects {
		if p.Stands != "" {
			continue
		}
		var name casefile.Labeler = casefile.Text{ZH: p.Project, EN: p.Project}
		if pr := cat.Project(p.Project); pr != nil {
			name = pr
		}
		switch p.Result {
		case casefile.StatusApproved:
			why = casefile.T("%s；「%s」批准 %s 元", "%s; %s approved, %s yuan", why, name, p.Amount.Grouped())
			if p.AmountReason != "" {
				why = casefile.T("%s（拟定 %s 元，调整理由：%s）", "%s (proposed %s yuan; changed because: %s)", why, p.ProposedAmount.Grouped(), p.AmountReason)
			}
		case casefile.StatusRejected:
			why = casefile.T("%s；「%s」不予救助：%s", "%s; %s rejected: %s", why, name, p.Why())
		case casefile.StatusDeferred:
			why = casefile.T("%s；「%s」暂缓，待核查：%s", "%s; %s deferred, to verify: %s", why, name, MissingList(cat, p.Verify))
		}
	}
	return why
}

// cloneCase copies c deeply enough to change its applications and lists.
func cloneCase(c *casefile.Case) *casefile.Case {
	n := *c
	n.Apps = append([]casefile.Application(nil), c.Apps...)
	n.Evidence = append([]casefile.Evidence(nil), c.Evidence...)
	n.Documents = append([]string(nil), c.Documents...)
	n.Missing = append([]string(nil), c.Missing...)
	return &n
}
