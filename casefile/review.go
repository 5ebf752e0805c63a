package casefile

import "slices"

// Periodic review (复核, 动态管理): every running monthly aid has a next
// review date, County.ReviewMonths after its period starts for a stable
// household, County.ReviewMonthsWorking for a household with a member
// able to work. Starting a review opens a review case (Life.ReviewOf)
// with the current household, which needs a fresh economic check and
// goes through the meeting like an application. When the meeting that
// decided it closes, an approval continues or adjusts the aid from the
// month after the meeting, a rejection stops it.

// AbleToWork reports whether p is of working age (16 to 59 on day) and
// neither severely disabled (grade 1 or 2), a student nor seriously ill.
func AbleToWork(p Person, day Date) bool {
	age := p.AgeOn(day)
	if p.Birth.IsZero() || age < 16 || age >= 60 {
		return false
	}
	if p.DisabilityGrade == 1 || p.DisabilityGrade == 2 {
		return false
	}
	return !p.HasFlag(FlagStudent) && !p.HasFlag(FlagSeriousIllness)
}

// ReviewMonthsFor is how often c's household is reviewed: half-yearly
// (config) when a member is able to work, yearly (config) otherwise.
func (cat *Catalog) ReviewMonthsFor(c *Case, day Date) int {
	for _, m := range c.Household.Members {
		if AbleToWork(m.Person, day) {
			return cat.County.ReviewMonthsWorking
		}
	}
	if len(c.Household.Members) == 0 && AbleToWork(c.Applicant, day) {
		return cat.County.ReviewMonthsWorking
	}
	return cat.County.ReviewMonths
}

// nextReviewFrom is the review date of an aid period starting in month
// from.
func (cat *Catalog) nextReviewFrom(c *Case, from string, day Date) Date {
	return FirstDay(AddMonths(from, cat.ReviewMonthsFor(c, day)))
}

// NextReview is when c's running aid is next reviewed (zero when c pays
// no monthly aid).
func (cat *Catalog) NextReview(c *Case, day Date) Date {
	return cat.nextReviewEvery(c, cat.ReviewMonthsFor(c, day))
}

// nextReviewEvery is NextReview for a household reviewed every months.
func (cat *Catalog) nextReviewEvery(c *Case, months int) Date {
	if c.Life != nil && !c.Life.NextReview.IsZero() {
		return c.Life.NextReview
	}
	first := ""
	for _, code := range cat.monthlyGranted(c) {
		if a := c.App(code); first == "" || a.StartMonth < first {
			first = a.StartMonth
		}
	}
	if first == "" {
		return Date{}
	}
	return FirstDay(AddMonths(first, months))
}

// ReviewDue is one running aid due for review.
type ReviewDue struct {
	Case      string   `json:"case"`
	Name      string   `json:"name"`
	MaskedID  string   `json:"masked_id"`
	Projects  []string `json:"projects"`
	Monthly   Money    `json:"monthly"` // paid this month
	Due       Date     `json:"due"`
	Months    int      `json:"every_months"`
	InReview  string   `json:"in_review,omitempty"` // the open review case
	Overdue   bool     `json:"overdue"`
	Township  string   `json:"township,omitempty"`
	Household int      `json:"household"`
}

// ReviewsDue lists the running aids whose review falls on or before
// before, the earliest first.
func (t *Tx) ReviewsDue(before Date) ([]ReviewDue, error) {
	cat := t.s.cat
	today := DateOf(t.now)
	cur := MonthOf(today)
	var out []ReviewDue
	err := t.aidEntries(func(e *aidEntry) error {
		if !e.Status.Effective() {
			return nil
		}
		c := e.asCase()
		var codes []string
		var paid Money
		for _, code := range cat.monthlyGranted(c) {
			if c.Running(code, cur) {
				codes = append(codes, code)
				paid += c.AmountIn(code, cur)
			}
		}
		if len(codes) == 0 {
			return nil
		}
		due := cat.nextReviewEvery(c, e.Every)
		if due.IsZero() || due.After(before) {
			return nil
		}
		r := ReviewDue{Case: e.Number, Name: e.Name, MaskedID: e.MaskedID, Projects: codes,
			Monthly: paid, Due: due, Months: e.Every, Overdue: due.Before(today),
			Township: e.Township, Household: e.Count}
		if c.Life != nil && len(c.Life.Reviews) > 0 {
			last := c.Life.Reviews[len(c.Life.Reviews)-1]
			if rc, err := t.Case(last); err == nil && (rc.Status.Open() || rc.Status == StatusPublicity) {
				r.InReview = last
			}
		}
		out = append(out, r)
		return nil
	})
	slices.SortStableFunc(out, func(a, b ReviewDue) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return compareStrings(a.Case, b.Case)
	})
	return out, err
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// StartReview opens the review of case number's running monthly aid: a
// new case (received, status received) for the same applicant, with the
// household as last recorded and an application for each project still
// running, its proposal computed by the rules; it needs a fresh economic
// check (the projects' evidence) before it goes to the meeting. why is
// what started it (the review date, a reported death or change).
func (s *Store) StartReview(number, why, who string) (*Case, error) {
	why = Clean(why, true)
	var out *Case
	err := s.Update(func(t *Tx) error {
		if err := t.Require(who, PermIntake); err != nil {
			return err
		}
		old, err := t.Case(number)
		if err != nil {
			return err
		}
		if old.ReviewOf() != "" {
			return ErrBadTransition.Withf("%s 本身是复核案件；请复核 %s", "%s is itself a review; review %s", old.Number, old.ReviewOf())
		}
		cur := MonthOf(DateOf(t.now))
		var apps []Application
		for _, code := range s.cat.monthlyGranted(old) {
			if old.Running(code, cur) {
				apps = append(apps, Application{Project: code})
			}
		}
		if len(apps) == 0 {
			return ErrBadTransition.Withf("%s 没有发放中的按月救助", "%s pays no running monthly aid", old.Number)
		}
		hh := old.Household
		if old.Life != nil {
			for _, r := range old.Life.Reviews {
				rc, err := t.Case(r)
				if err != nil {
					return err
				}
				if rc.Status.Open() {
					return ErrBadTransition.Withf("%s 的复核 %s 尚未办结", "the review %s of %s is still open", r, old.Number)
				}
				hh = rc.Household
			}
		}
		note := Text{ZH: "复核 " + old.Number, EN: "review of " + old.Number}
		if why != "" {
			note = T("复核 %s：%s", "review of %s: %s", old.Number, why)
		}
		d := &Draft{Applicant: old.Applicant, Household: hh, Apps: apps, Channel: old.Channel, Received: t.now, Note: note.ZH,
			RepeatReason: note.ZH} // a review applies again for what is held, by design
		rc, err := t.intake(d, who)
		if err != nil {
			return err
		}
		n := cloneCaseLife(rc)
		n.life().ReviewOf = old.Number
		if err := t.PutCase(rc, n, Change{Who: who, Action: string(ActionReview), Note: note}); err != nil {
			return err
		}
		o := cloneCaseLife(old)
		o.life().Reviews = append(o.life().Reviews, n.Number)
		if err := t.putCaseLife(old, o, Change{Who: who, Action: string(ActionReview),
			Note: T("开始复核，复核案件 %s", "review started as case %s", n.Number)}); err != nil {
			return err
		}
		out = n
		return nil
	})
	return out, err
}

// applyReview carries a decided review case's outcome to the aid it
// reviews, in the session-closing transaction: an approved application
// continues or adjusts the aid from its start month (the month after the
// meeting), a declined one or a rejection stops it from then.
func (t *Tx) applyReview(rc *Case, day Date, who string) error {
	old, err := t.Case(rc.ReviewOf())
	if err != nil {
		return err
	}
	c := cloneCaseLife(old)
	from := NextMonth(MonthOf(day))
	var notes []Text
	for _, a := range rc.Apps {
		ch := AidChange{Project: a.Project, From: from, Review: rc.Number, Reason: rc.Decision.Reason}
		if a.Outcome == OutcomeGranted && rc.Status == StatusApproved {
			ch.Amount, ch.Months = a.Granted, a.Months
			if a.StartMonth != "" {
				ch.From = a.StartMonth
			}
			if ch.Reason == "" {
				ch.Reason = T("复核 %s", "review %s", rc.Number).ZH
			}
		} else {
			ch.Kind = ChangeStop
			if ch.Reason == "" {
				ch.Reason = a.Reason
			}
			if ch.Reason == "" {
				ch.Reason = T("复核 %s", "review %s", rc.Number).ZH
			}
		}
		if !c.Running(a.Project, AddMonths(ch.From, -1)) {
			continue
		}
		n, err := t.changeAid(c, ch, who)
		if err != nil {
			return err
		}
		notes = append(notes, n)
	}
	if len(notes) == 0 {
		return nil
	}
	note := notes[0]
	for _, n := range notes[1:] {
		note = Text{ZH: note.ZH + "；" + n.ZH, EN: note.EN + "; " + n.EN}
	}
	return t.putCaseLife(old, c, Change{Who: who, Action: string(ActionAidChange), Note: note})
}
