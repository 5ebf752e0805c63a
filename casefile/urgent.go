package casefile

import (
	"slices"
	"strconv"
)

// Emergency pay-first (先行救助): for urgent temporary aid (the
// catalogue's County.UrgentProjects) a desk pays at once up to
// County.UrgentCap; the papers follow within County.UrgentDocsDays
// working days and the case goes to the next meeting, which confirms the
// grant (the roll then pays only what the first payment left). Papers
// overdue are counted on the home screen (Counts.UrgentOverdue).

// urgentNS keeps case seq → the day the papers are due, for the cases
// whose papers have not come.
const urgentNS = "life_urgent"

// PayFirst records an emergency payment of amount on case number's
// urgent project: paid today, papers due in County.UrgentDocsDays working
// days.
func (s *Store) PayFirst(number string, amount Money, who string) (*Case, error) {
	cat := s.cat
	if amount <= 0 || amount > cat.County.UrgentCap {
		return nil, ErrBadAmount.Withf("先行救助金额 %s 元超出上限 %s 元", "an emergency payment of %s yuan exceeds the cap of %s yuan", amount.Grouped(), cat.County.UrgentCap.Grouped())
	}
	return s.changeLife(number, who, PermMove, ActionUrgent, func(t *Tx, c *Case) (Text, error) {
		if !c.Status.Open() {
			return Text{}, ErrBadTransition.Withf("%s 为「%s」，不能先行救助", "%s is %s; it cannot be paid first", c.Number, c.Status)
		}
		if c.Life != nil && c.Life.Urgent != nil {
			return Text{}, ErrBadTransition.Withf("%s 已先行救助", "%s was paid first already", c.Number)
		}
		i := slices.IndexFunc(c.Apps, func(a Application) bool { return slices.Contains(cat.County.UrgentProjects, a.Project) })
		if i < 0 {
			return Text{}, ErrBadTransition.Withf("%s 没有可先行救助的项目", "%s applies for no project that may be paid first", c.Number)
		}
		today := DateOf(t.now)
		u := &Urgent{Amount: amount, Paid: today, DocsBy: cat.Calendar.AddWorkdays(today, cat.County.UrgentDocsDays), By: who, At: t.now}
		c.life().Urgent = u
		code := c.Apps[i].Project
		c.life().Payments = append(c.life().Payments, Payment{Project: code, Amount: amount, Roll: "urgent", At: t.now, By: who})
		if err := t.Records(urgentNS).Put(NumKey(c.Seq), u.DocsBy.String()); err != nil {
			return Text{}, err
		}
		return T("先行救助「%s」%s 元；%s 前补齐手续，提交下次研判会确认", "emergency payment of %s: %s yuan; papers due by %s, then the next meeting confirms it",
			cat.projectLabeler(code), amount.Grouped(), u.DocsBy), nil
	})
}

// UrgentDocumented records that the papers of case number's emergency
// payment have come.
func (s *Store) UrgentDocumented(number, who string) (*Case, error) {
	return s.changeLife(number, who, PermEvidence, ActionUrgent, func(t *Tx, c *Case) (Text, error) {
		if c.Life == nil || c.Life.Urgent == nil || !c.Life.Urgent.DocsIn.IsZero() {
			return Text{}, ErrBadTransition.Withf("%s 没有待补手续的先行救助", "%s has no emergency payment waiting for its papers", c.Number)
		}
		c.Life.Urgent.DocsIn = DateOf(t.now)
		if err := t.Records(urgentNS).Delete(NumKey(c.Seq)); err != nil {
			return Text{}, err
		}
		late := ""
		if c.Life.Urgent.DocsIn.After(c.Life.Urgent.DocsBy) {
			late = strconv.Itoa(t.s.cat.Calendar.WorkdaysBetween(c.Life.Urgent.DocsBy, c.Life.Urgent.DocsIn))
		}
		if late != "" {
			return T("先行救助手续已补齐（逾期 %s 个工作日）", "the emergency payment's papers came (%s working days late)", late), nil
		}
		return T("先行救助手续已补齐", "the emergency payment's papers came"), nil
	})
}

// urgentOverdue counts the emergency payments whose papers were due
// before today.
func (t *Tx) urgentOverdue(today Date) int {
	n := 0
	for rec := range t.Records(urgentNS).Scan(Key{}) {
		var due Date
		if rec.Decode(&due) == nil && due.Before(today) {
			n++
		}
	}
	return n
}

// paidSoFar is what was paid on project code of c so far.
func (c *Case) paidSoFar(code string) Money {
	var m Money
	if c.Life != nil {
		for _, p := range c.Life.Payments {
			if p.Project == code {
				m += p.Amount
			}
		}
	}
	return m
}

// urgentFinding tells the meeting (and the desk) that c was paid first:
// the meeting confirms the payment; papers overdue are a problem.
func (cat *Catalog) urgentFinding(c *Case, today Date) (Finding, bool) {
	if c.Life == nil || c.Life.Urgent == nil || !c.Status.Open() {
		return Finding{}, false
	}
	u := c.Life.Urgent
	switch {
	case u.DocsIn.IsZero() && u.DocsBy.Before(today):
		return Finding{Kind: FindDeadline, Severity: SevError,
			Text: T("已于 %s 先行救助 %s 元，手续应于 %s 前补齐，已逾期", "paid first on %s (%s yuan); its papers were due by %s and are overdue",
				u.Paid, u.Amount.Grouped(), u.DocsBy)}, true
	case u.DocsIn.IsZero():
		return Finding{Kind: FindDeadline, Severity: SevWarning,
			Text: T("已于 %s 先行救助 %s 元，手续须于 %s 前补齐，并经研判会确认", "paid first on %s (%s yuan); papers due by %s, then the meeting confirms it",
				u.Paid, u.Amount.Grouped(), u.DocsBy)}, true
	}
	return Finding{Kind: FindAmount, Severity: SevInfo,
		Text: T("已于 %s 先行救助 %s 元，须经研判会确认；批准后只发放余额", "paid first on %s (%s yuan), to be confirmed by the meeting; an approval pays only the rest",
			u.Paid, u.Amount.Grouped())}, true
}
