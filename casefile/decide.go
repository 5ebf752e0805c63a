package casefile

import "fmt"

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
// not yet.
func (s Status) Reconsiderable() bool {
	return s == StatusApproved || s == StatusRejected || s == StatusNotified
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
