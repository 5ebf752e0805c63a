package casefile

import "slices"

// Public notice (公示) and objections: an approval of a noticed project
// (Project.NoticeBeforeApproval; County.NoticeDays) waits in status
// publicity from the session's close; it takes effect when the notice
// ends without objection (CloseNotices). An objection sends the case
// back to re-check (verifying) with its outcomes cleared; the next
// meeting decides it again and a new notice follows.

// OnNotice lists the cases on public notice, the notice ending first
// first.
func (t *Tx) OnNotice() ([]*Case, error) {
	var out []*Case
	f := CaseFilter{Status: StatusPublicity, Limit: 500}
	for {
		page, next, err := t.Cases(f)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if next == 0 {
			break
		}
		f.After = next
	}
	slices.SortStableFunc(out, func(a, b *Case) int {
		na, nb := a.OpenNotice(), b.OpenNotice()
		if na == nil || nb == nil {
			return 0
		}
		return na.Until.Compare(nb.Until)
	})
	return out, nil
}

// StopNotices lists the cases whose termination of an aid is on public
// notice on day today (Project.NoticeBeforeStop).
func (t *Tx) StopNotices(today Date) ([]*Case, error) {
	var out []*Case
	err := t.aidEntries(func(e *aidEntry) error {
		if e.asCase().StopNotice(today) == nil {
			return nil
		}
		c, err := t.CaseBySeq(e.Seq)
		if err == nil {
			out = append(out, c)
		}
		return err
	})
	return out, err
}

// Object records an objection to case number's approval during its
// notice and sends the case to re-check: status verifying, the
// decision's outcomes cleared (the proposals are recomputed from the new
// evidence), the notice ended as objected. A reason is required; the
// objector may stay anonymous.
func (s *Store) Object(number string, o Objection, who string) (*Case, error) {
	o.By, o.Reason = Clean(o.By, false), Clean(o.Reason, true)
	if o.Reason == "" {
		return nil, ErrReasonRequired.Withf("请写明异议的内容", "what the objection says is required")
	}
	if o.By == "" && !o.Anonymous {
		return nil, ErrInvalid.Withf("请写明异议人，或注明匿名", "name the objector, or record the objection as anonymous")
	}
	if o.Anonymous {
		o.By = ""
	}
	if _, ok := objectionWayLabels[o.Way]; !ok {
		return nil, ErrInvalid.Withf("异议方式 %q 无效", "way of objecting %q is invalid", o.Way)
	}
	o.Recorded = who
	return s.changeLife(number, who, PermMove, ActionObjection, func(t *Tx, c *Case) (Text, error) {
		if o.Date.IsZero() {
			o.Date = DateOf(t.now)
		}
		if stop := c.StopNotice(DateOf(t.now)); stop != nil && c.OpenNotice() == nil {
			// an objection to a termination on notice suspends it
			n := stop.Notice
			if o.Date.Before(n.From) || o.Date.After(DateOf(t.now)) {
				return Text{}, ErrInvalid.Withf("异议日期 %s 不在公示期 %s 至今天之间", "the objection's date %s is not between the notice's start %s and today", o.Date, n.From)
			}
			o.Session = stop.Reference
			n.Ended, n.Objected = DateOf(t.now), true
			stop.Withdrawn = o.Reason
			c.life().Objections = append(c.life().Objections, o)
			return T("终止公示期间收到异议（%s，%s）：%s；%s 暂不执行，须复核后重新决定",
				"objection to the termination on notice (%s, %s): %s; %s is suspended until a review decides again", o.Way, o.Date, o.Reason, stop.Reference), nil
		}
		n := c.OpenNotice()
		if n == nil {
			return Text{}, ErrBadTransition.Withf("%s 不在公示期，不能登记异议", "%s is not on public notice; no objection can be recorded", c.Number)
		}
		if o.Date.Before(n.From) || o.Date.After(DateOf(t.now)) {
			return Text{}, ErrInvalid.Withf("异议日期 %s 不在公示期 %s 至今天之间", "the objection's date %s is not between the notice's start %s and today", o.Date, n.From)
		}
		o.Session = n.Session
		n.Ended, n.Objected = DateOf(t.now), true
		c.life().Objections = append(c.life().Objections, o)
		if err := t.MoveInTx(c, StatusVerifying); err != nil {
			return Text{}, err
		}
		for i := range c.Apps {
			a := &c.Apps[i]
			a.Outcome, a.Granted, a.StartMonth, a.Months, a.Reason, a.ReasonText = OutcomePending, 0, "", 0, "", Text{}
		}
		by := Text{ZH: o.By, EN: o.By}
		if o.Anonymous {
			by = T("匿名", "anonymous")
		}
		return T("公示期间收到异议（%s，%s，%s）：%s；转入复查，复查后重新提交研判",
			"objection during the notice (%s, %s, %s): %s; back to re-check, then to a meeting again", by, o.Way, o.Date, o.Reason), nil
	})
}

// CloseNotices ends every notice that has run out by day today (its
// last day before today): the approvals take effect (status approved)
// and their letters can be issued. It returns the cases moved.
func (s *Store) CloseNotices(who string) ([]*Case, error) {
	var out []*Case
	err := s.Update(func(t *Tx) error {
		if err := t.Require(who, PermMove); err != nil {
			return err
		}
		today := DateOf(t.now)
		cases, err := t.OnNotice()
		if err != nil {
			return err
		}
		for _, old := range cases {
			n := old.OpenNotice()
			if n == nil || !today.After(n.Until) {
				continue
			}
			c := cloneCaseLife(old)
			cn := c.OpenNotice()
			cn.Ended = today
			if err := t.MoveInTx(c, StatusApproved); err != nil {
				return err
			}
			note := T("公示 %s 至 %s 期满无异议，批准生效", "the public notice from %s to %s ended without objection; the approval takes effect", cn.From, cn.Until)
			if err := t.putCaseLife(old, c, Change{Who: who, Action: string(ActionNotice), Note: note}); err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}
