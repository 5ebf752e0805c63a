package casefile

import (
	"fmt"
	"strings"
)

// Support for the meeting package: work that must run inside the
// meeting's own transaction so that "build the agenda" and "reconsider a
// decision" each stay one transaction.

// ResolveDuplicatesInTx runs the batch "same policy only once" resolution
// (see Store.ResolveDuplicates) in the caller's read-write transaction and
// writes the marks, one history entry per changed case. The meeting runs
// it while building an agenda, in the agenda's transaction.
func (t *Tx) ResolveDuplicatesInTx(who string) (*DedupReport, error) {
	return t.ResolveDuplicatesFor(nil, who)
}

// ResolveDuplicatesFor is ResolveDuplicatesInTx restricted to the given
// people (person ids): every group and period they apply for is resolved
// against all their applications, and nobody else's is walked. An agenda
// of a few hundred cases out of a million resolves in milliseconds. nil
// means everyone.
func (t *Tx) ResolveDuplicatesFor(pids []uint64, who string) (*DedupReport, error) {
	if err := t.Require(who, PermMeeting); err != nil {
		return nil, err
	}
	if pids != nil && len(pids) == 0 {
		return &DedupReport{}, nil
	}
	rep, marks, err := t.resolve(pids)
	if err != nil {
		return nil, err
	}
	changed, err := t.writeMarks(marks, who)
	if err != nil {
		return nil, err
	}
	rep.Changed, rep.ChangedSeqs = len(changed), changed
	return rep, nil
}

// Reconsiderable reports whether a case in status s carries a decision
// that a later meeting may reconsider: approved or rejected, notified or
// not yet, or closed (a delivered rejection, a running monthly aid).
func (s Status) Reconsiderable() bool {
	return s == StatusApproved || s == StatusRejected || s == StatusNotified || s == StatusClosed
}

// ReconsiderInTx applies a later meeting's new decision to a decided case
// without storing it. It is the one exception to the life cycle, which
// never moves a decided case back: c must be reconsiderable and carry its
// earlier decision, and to must be a decision result (approved, rejected
// or deferred). The caller records the link (Decision.Refers) and stores
// the case with PutCase in the same transaction.
func (t *Tx) ReconsiderInTx(c *Case, to Status) error {
	if !c.Status.Reconsiderable() || c.Decision == nil {
		return ErrBadTransition.Withf("%s 为「%s」，没有可复议的决定", "%s is %s; it has no decision to reconsider",
			c.Number, c.Status)
	}
	if to != StatusApproved && to != StatusRejected && to != StatusDeferred {
		return ErrBadTransition.Withf("复议结果只能是批准、不予救助或暂缓，不能是「%s」", "a reconsideration decides approved, rejected or deferred, not %s",
			to)
	}
	c.Status = to
	return nil
}

// NextReference allocates the reference number of a decision letter for
// a result, per year and per kind: 示融救决〔2026〕12号 for approvals,
// 示融救告〔2026〕3号 for rejection notices (the prefix is the
// catalogue's County.ReferencePrefix). Deferrals get no letter and no
// number ("").
func (t *Tx) NextReference(result Status, year int) (string, error) {
	var kind string
	switch result {
	case StatusApproved:
		kind = "决"
	case StatusRejected:
		kind = "告"
	default:
		return "", nil
	}
	n, err := t.counter(fmt.Sprintf("ref/%s/%04d", kind, year), 1)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s%s〔%d〕%d号", t.s.cat.County.ReferencePrefix, kind, year, n), nil
}

// ProposalChange is one application whose proposed amount a
// recomputation changed.
type ProposalChange struct {
	Project string `json:"project"`
	From    Money  `json:"from"`
	To      Money  `json:"to"`
}

// ReproposeInTx recomputes, in the caller's read-write transaction, the
// proposed amounts of c's undecided applications from what they depend
// on now: the case's evidence and household, and the aid the household
// holds (a dibao approval since intake raises the medical-aid share).
// When a proposal changed it stores the case with one history entry
// naming each change, and returns the case as stored and the changes; c
// itself is not modified. Nothing changed: (c, nil, nil).
func (t *Tx) ReproposeInTx(c *Case, who string) (*Case, []ProposalChange, error) {
	if !c.Status.Open() {
		return c, nil, nil // a decided case is never edited
	}
	n := *c
	n.Apps = append([]Application(nil), c.Apps...)
	holding := t.householdHolding(&c.Household, c)
	var changes []ProposalChange
	for i := range n.Apps {
		a := &n.Apps[i]
		if a.Outcome != OutcomePending {
			continue
		}
		m, err := t.s.cat.ProposeAmount(&n, a, holding)
		if err != nil {
			return nil, nil, err
		}
		if m != a.Proposed {
			changes = append(changes, ProposalChange{Project: a.Project, From: a.Proposed, To: m})
			a.Proposed = m
		}
	}
	if len(changes) == 0 {
		return c, nil, nil
	}
	if err := t.PutCase(c, &n, Change{Who: who, Action: string(ActionPropose), Note: t.s.cat.ProposalNote(changes)}); err != nil {
		return nil, nil, err
	}
	return &n, changes, nil
}

// ProposalNote is the history text of recomputed proposals, in both
// languages: 重新核算拟定金额：「医疗救助」由 500.00 元调整为 700.00 元.
func (cat *Catalog) ProposalNote(changes []ProposalChange) Text {
	var zh, en []string
	for _, ch := range changes {
		var name Labeler = Text{ZH: ch.Project, EN: ch.Project}
		if p := cat.Project(ch.Project); p != nil {
			name = p
		}
		t := T("「%s」由 %s 元调整为 %s 元", "%s from %s to %s yuan", name, ch.From.Grouped(), ch.To.Grouped())
		zh, en = append(zh, t.ZH), append(en, t.EN)
	}
	return Text{
		ZH: "按当前核查材料、家庭情况和本户已享受的救助重新核算拟定金额：" + strings.Join(zh, "；"),
		EN: "proposal recomputed from the current evidence, household and the household's aid: " + strings.Join(en, "; "),
	}
}
