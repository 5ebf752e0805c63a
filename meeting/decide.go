package meeting

import (
	"fmt"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// Decide records the decision on an agenda case in ONE transaction: the
// session's record of it, and on the case its status (ready → approved,
// rejected or deferred), the decision, each application's outcome and a
// history entry.
//
// The votes must be complete (every present, non-recused member has
// voted) under a quorum. The result must be what the rules propose
// (Tally.Proposed) unless Override records the chair's final word with a
// reason. Approve grants each application its proposed amount (or
// Ruling.Amounts) and declines those the "same policy only once" rule
// declines, with its reason; monthly projects start the month after the
// session's date and run for the project's months. Reject needs a written
// reason (Tally.RejectWording offers one) and declines every application.
// Defer needs what must be verified; the case keeps status deferred with
// Case.Missing listing it, and returns to verifying when evidence is
// added. A case put on the agenda by Reconsider is decided anew, its
// decision referring to the earlier session's.
func (s *Store) Decide(number string, r Ruling, who string) (*Item, error) {
	r.Reason = casefile.Clean(r.Reason, true)
	var verify []string
	for _, v := range r.Verify {
		if v = casefile.Clean(v, false); v != "" {
			verify = append(verify, v)
		}
	}
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
		if r.Result != casefile.StatusDeferred {
			for _, a := range apps {
				if a.Mark == MarkStale {
					return ErrDedupStale.Withf("%s %s：%s", "%s %s: %s", old.Number, a.Project, a.MarkReason)
				}
			}
		}
		if r.Result == casefile.StatusApproved && !reconsider {
			if err := checkProposals(t, old, it, r.Amounts); err != nil {
				return err
			}
		}
		if err := checkRuling(&r, verify, tl); err != nil {
			return err
		}
		c := cloneCase(old)
		apps, err = applyOutcome(t, sess, c, apps, &r)
		if err != nil {
			return err
		}
		refers := it.Refers
		if refers == "" && old.Decision != nil {
			refers = old.Decision.Session // back from a deferral
		}
		ref, err := t.NextReference(r.Result, t.Now().Year())
		if err != nil {
			return err
		}
		c.Decision = &casefile.Decision{Session: sess.Number, Result: r.Result, Reason: r.Reason, Reference: ref, At: t.Now(), By: who, Refers: refers}
		c.Missing = nil
		if r.Result == casefile.StatusDeferred {
			if len(verify) == 0 {
				verify = []string{r.Reason}
			}
			c.Missing = verify
		}
		if reconsider {
			err = t.ReconsiderInTx(c, r.Result)
		} else {
			err = t.MoveInTx(c, r.Result)
		}
		if err != nil {
			return err
		}
		dec := &Decision{Result: r.Result, Proposed: tl.Proposed, Override: r.Override && r.Result != tl.Proposed,
			Reason: r.Reason, Tally: tl, Refers: refers, At: t.Now(), By: who}
		if r.Result == casefile.StatusDeferred {
			dec.Verify = verify
		}
		dec.Amounts = grantedAmounts(apps)
		if err := t.PutCase(old, c, casefile.Change{Who: who, Action: string(casefile.ActionDecision), Note: decisionNote(sess, dec)}); err != nil {
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

// checkRuling checks the secretary's ruling against the tally.
func checkRuling(r *Ruling, verify []string, tl Tally) error {
	switch r.Result {
	case casefile.StatusApproved, casefile.StatusRejected, casefile.StatusDeferred:
	default:
		return casefile.ErrInvalid.Withf("决定只能是批准、不予救助或暂缓，不能是 %q", "a decision is approve, reject or defer, not %q", r.Result)
	}
	if r.Result != tl.Proposed {
		if !r.Override {
			return ErrOverrideRequired.Withf("表决结果为「%s」，拟作「%s」", "the vote gives %s; the ruling is %s",
				tl.Proposed, r.Result)
		}
		if r.Reason == "" {
			return ErrReasonRequired.Withf("主持人最终意见须写明理由", "the chair's final word needs a reason")
		}
	}
	switch r.Result {
	case casefile.StatusRejected:
		if r.Reason == "" {
			return ErrReasonRequired.Withf("不予救助须写明理由，例如：%s", "a rejection needs a written reason, e.g.: %s", tl.RejectWording)
		}
	case casefile.StatusDeferred:
		if r.Reason == "" && len(verify) == 0 {
			return ErrReasonRequired.Withf("暂缓须写明需补充核查的事项", "a deferral needs what must be verified")
		}
	}
	if len(r.Amounts) > 0 && r.Result != casefile.StatusApproved {
		return casefile.ErrInvalid.Withf("只有批准才能核定金额", "amounts are set by an approval only")
	}
	return nil
}

// applyOutcome sets the applications of c for the ruling and returns
// them as the item records them.
func applyOutcome(t *casefile.Tx, sess *Session, c *casefile.Case, apps []ItemApp, r *Ruling) ([]ItemApp, error) {
	cat := t.Catalog()
	for code, m := range r.Amounts {
		if c.App(code) == nil {
			return nil, casefile.ErrInvalid.Withf("%s 没有申请项目 %s", "%s has no application for %s", c.Number, code)
		}
		if m < 0 || m > casefile.MaxMoney {
			return nil, casefile.ErrBadAmount.Withf("%s：%s 元", "%s: %s yuan", code, m)
		}
	}
	granted := 0
	for i := range c.Apps {
		a, ia := &c.Apps[i], &apps[i]
		a.Outcome, a.Granted, a.StartMonth, a.Months, a.Reason, a.ReasonText = casefile.OutcomePending, 0, "", 0, "", casefile.Text{}
		switch {
		case r.Result == casefile.StatusDeferred:
		case ia.Mark == MarkDecline:
			a.Outcome, a.Reason, a.ReasonText = casefile.OutcomeDeclined, ia.MarkReason, ia.MarkText
		case r.Result == casefile.StatusRejected:
			a.Outcome, a.Reason = casefile.OutcomeDeclined, r.Reason
		default:
			a.Outcome, a.Granted = casefile.OutcomeGranted, a.Proposed
			if m, ok := r.Amounts[a.Project]; ok {
				a.Granted = m
			}
			if p := cat.Project(a.Project); p != nil && p.Kind == casefile.KindMonthly {
				a.StartMonth, a.Months = monthAfter(sess.Date), p.Months
			}
			granted++
		}
		if ia.Mark == MarkDecline && r.Amounts[a.Project] != 0 {
			return nil, casefile.ErrInvalid.Withf("%s 因同一救助政策只能享受一次不予救助，不能核定金额", "%s is declined (same policy only once); it takes no amount", a.Project)
		}
		ia.Outcome, ia.Granted, ia.StartMonth, ia.Months, ia.Reason, ia.ReasonText = a.Outcome, a.Granted, a.StartMonth, a.Months, a.Reason, a.ReasonText
	}
	if r.Result == casefile.StatusApproved && granted == 0 {
		return nil, ErrNothingGranted.Withf("%s 的申请项目均不予重复救助，应作不予救助决定", "every application of %s is declined as a duplicate; reject it instead", c.Number)
	}
	return apps, nil
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
// languages.
func decisionNote(sess *Session, d *Decision) casefile.Text {
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
