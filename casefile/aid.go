package casefile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A running monthly aid and its changes. A granted monthly application
// pays Granted from StartMonth for Months months; every later change
// (a review's outcome, an increase, a decrease, a stop with or without a
// phase-out) is an AidChange on the case that granted it, from a month
// on. Nothing is ever deleted: AidHistory lists every period held, from
// when to when and why it changed.

// ChangeKind is what a change does to a running aid.
type ChangeKind string

// Change kinds.
const (
	ChangeContinue ChangeKind = "continue" // a review keeps the amount, for a new period
	ChangeIncrease ChangeKind = "increase" // 增发
	ChangeDecrease ChangeKind = "decrease" // 减发
	ChangeStop     ChangeKind = "stop"     // 停发 (with a phase-out: paid on for PhaseOut months, then stopped)
)

// ChangeKinds lists the kinds in display order.
var ChangeKinds = []ChangeKind{ChangeContinue, ChangeIncrease, ChangeDecrease, ChangeStop}

// Label returns the kind's name in lang.
func (k ChangeKind) Label(lang Lang) string { return LabelFrom(changeKindLabels, k, lang) }

var changeKindLabels = map[ChangeKind]Text{
	ChangeContinue: {"继续享受", "continued"},
	ChangeIncrease: {"增发", "increased"},
	ChangeDecrease: {"减发", "reduced"},
	ChangeStop:     {"停发", "stopped"},
}

// AidChange is one decided change of a running monthly aid.
type AidChange struct {
	Project string     `json:"project"`
	Kind    ChangeKind `json:"kind"`
	From    string     `json:"from"`   // first month it applies, "2027-12"
	Amount  Money      `json:"amount"` // per month from From; 0 when stopped
	Months  int        `json:"months,omitempty"`
	// PhaseOut is, for a stop, the months still paid (渐退) before it.
	PhaseOut int    `json:"phase_out,omitempty"`
	Reason   string `json:"reason"`
	Review   string `json:"review,omitempty"` // the review case that decided it
	// Notice is the public notice a stop of a noticed project
	// (Project.NoticeBeforeStop) runs before it takes effect; Withdrawn
	// says an objection during it suspended the stop (kept, not applied).
	Notice    *Notice   `json:"notice,omitempty"`
	Withdrawn string    `json:"withdrawn,omitempty"`
	Reference string    `json:"reference,omitempty"`
	At        time.Time `json:"at"`
	By        string    `json:"by"`
}

// month is a "YYYY-MM" as a count of months.
func month(s string) (int, bool) {
	y, m, ok := strings.Cut(s, "-")
	if !ok {
		return 0, false
	}
	yy, err1 := strconv.Atoi(y)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || mm < 1 || mm > 12 || yy < 1900 || yy > 9999 || len(m) != 2 {
		return 0, false
	}
	return yy*12 + mm - 1, true
}

func monthString(n int) string { return fmt.Sprintf("%04d-%02d", n/12, n%12+1) }

// ParseMonth checks a "YYYY-MM" month and returns it normalised.
func ParseMonth(s string) (string, error) {
	n, ok := month(strings.TrimSpace(s))
	if !ok {
		return "", ErrInvalid.Withf("月份 %q 无效（应为 2026-12）", "month %q is invalid (want 2026-12)", s)
	}
	return monthString(n), nil
}

// MonthOf is the "YYYY-MM" of day d.
func MonthOf(d Date) string { return monthKey(d.Year, d.Month) }

// NextMonth is the month after m ("2026-12" → "2027-01").
func NextMonth(m string) string {
	n, _ := month(m)
	return monthString(n + 1)
}

// AddMonths is month m moved by n months.
func AddMonths(m string, n int) string {
	k, _ := month(m)
	return monthString(k + n)
}

// FirstDay is the first day of month m.
func FirstDay(m string) Date {
	n, _ := month(m)
	return Date{Year: n / 12, Month: time.Month(n%12 + 1), Day: 1}
}

// AidPeriod is one stretch of a monthly aid at one amount.
type AidPeriod struct {
	Project string     `json:"project"`
	Case    string     `json:"case"`
	From    string     `json:"from"`
	To      string     `json:"to,omitempty"` // last month paid; "" while running
	Amount  Money      `json:"amount"`
	Kind    ChangeKind `json:"kind,omitempty"` // "" for the first grant
	Why     string     `json:"why,omitempty"`
	// Ended is why the period ended: the next change's kind and reason
	// ("" while running or when its months ran out).
	Ended string `json:"ended,omitempty"`
}

// segments is the schedule of project code on c: the grant, then every
// change in the order recorded (a later change from an earlier month
// overrides what an earlier one said from there on).
func (c *Case) segments(code string) []AidPeriod {
	a := c.App(code)
	if a == nil || a.Outcome != OutcomeGranted || a.StartMonth == "" {
		return nil
	}
	type seg struct {
		from, end int // end exclusive; -1 open
		amount    Money
		kind      ChangeKind
		why       string
	}
	mk := func(from string, months int, amount Money, kind ChangeKind, why string) seg {
		f, _ := month(from)
		end := -1
		if months > 0 {
			end = f + months
		}
		return seg{f, end, amount, kind, why}
	}
	segs := []seg{mk(a.StartMonth, a.Months, a.Granted, "", "")}
	if c.Life != nil {
		for _, ch := range c.Life.Changes {
			if ch.Project != code || ch.Withdrawn != "" {
				continue
			}
			s := mk(ch.From, ch.Months, ch.Amount, ch.Kind, ch.Reason)
			if ch.Kind == ChangeStop {
				s = mk(ch.From, ch.PhaseOut, ch.Amount, ch.Kind, ch.Reason)
				if ch.PhaseOut == 0 {
					s.amount, s.end = 0, s.from
				}
			}
			// cut what came before at the change's month
			var kept []seg
			for _, p := range segs {
				if p.from >= s.from {
					continue
				}
				if p.end < 0 || p.end > s.from {
					p.end = s.from
				}
				kept = append(kept, p)
			}
			segs = append(kept, s)
		}
	}
	var out []AidPeriod
	for i, s := range segs {
		if i > 0 && len(out) > 0 && out[len(out)-1].To == monthString(s.from-1) {
			out[len(out)-1].Ended = string(s.kind) + ": " + s.why
		}
		if s.end >= 0 && s.end <= s.from {
			continue
		}
		p := AidPeriod{Project: code, Case: c.Number, From: monthString(s.from), Amount: s.amount, Kind: s.kind, Why: s.why}
		if s.end >= 0 {
			p.To = monthString(s.end - 1)
		}
		out = append(out, p)
	}
	return out
}

// AmountIn is what project code of c pays in month m (0: nothing). A
// case that does not hold (undecided, on notice, rejected) pays nothing;
// nor does a review case (the aid it reviews is paid on the reviewed
// case).
func (c *Case) AmountIn(code, m string) Money {
	if !c.Status.Effective() || c.ReviewOf() != "" {
		return 0
	}
	k, ok := month(m)
	if !ok {
		return 0
	}
	for _, p := range c.segments(code) {
		f, _ := month(p.From)
		to := 1 << 30
		if p.To != "" {
			to, _ = month(p.To)
		}
		if f <= k && k <= to {
			return p.Amount
		}
	}
	return 0
}

// Running reports whether c pays project code in month m or later.
func (c *Case) Running(code, m string) bool {
	if !c.Status.Effective() || c.ReviewOf() != "" {
		return false
	}
	k, _ := month(m)
	for _, p := range c.segments(code) {
		if p.To == "" {
			return true
		}
		if to, _ := month(p.To); to >= k {
			return true
		}
	}
	return false
}

// AidHistory lists every period of every monthly aid c granted, oldest
// first: what was held, from when to when, and why it changed.
func (c *Case) AidHistory() []AidPeriod {
	var out []AidPeriod
	if c.ReviewOf() != "" {
		return nil
	}
	for _, a := range c.Apps {
		out = append(out, c.segments(a.Project)...)
	}
	return out
}

// ChangeAid records a change of case number's running monthly aid of
// project: a new amount (increase, decrease) or a stop from month from,
// with a written reason; a stop may keep paying the current amount for
// phaseOut months (up to County.PhaseOutMonths) first. The change gets
// its own letter reference (示融救变〔2027〕1号).
func (s *Store) ChangeAid(number string, ch AidChange, who string) (*Case, error) {
	ch.Reason = Clean(ch.Reason, true)
	if ch.Reason == "" {
		return nil, ErrReasonRequired.Withf("变更、停发须写明理由", "a change or a stop needs a written reason")
	}
	from, err := ParseMonth(ch.From)
	if err != nil {
		return nil, err
	}
	ch.From = from
	if ch.PhaseOut < 0 || ch.PhaseOut > s.cat.County.PhaseOutMonths {
		return nil, ErrInvalid.Withf("渐退期 %d 个月超过上限 %d 个月", "a phase-out of %d months exceeds the limit of %d", ch.PhaseOut, s.cat.County.PhaseOutMonths)
	}
	if ch.Amount < 0 || ch.Amount > MaxMoney {
		return nil, ErrBadAmount.Withf("%s 元", "%s yuan", ch.Amount)
	}
	return s.changeLife(number, who, PermMeeting, ActionAidChange, func(t *Tx, c *Case) (Text, error) {
		return t.changeAid(c, ch, who)
	})
}

// changeAid applies ch to c (a case paying ch.Project) and returns the
// history note.
func (t *Tx) changeAid(c *Case, ch AidChange, who string) (Text, error) {
	a := c.App(ch.Project)
	if a == nil || t.s.cat.kindOf(ch.Project) != KindMonthly || !(c.Running(ch.Project, ch.From) || (ch.Review != "" && c.Running(ch.Project, AddMonths(ch.From, -1)))) {
		return Text{}, ErrBadTransition.Withf("%s 在 %s 没有发放中的按月救助「%s」", "%s pays no monthly aid %s in %s", c.Number, t.s.cat.projectLabeler(ch.Project), ch.From)
	}
	cur := c.AmountIn(ch.Project, ch.From)
	if cur == 0 {
		cur = c.AmountIn(ch.Project, AddMonths(ch.From, -1))
	}
	switch {
	case ch.Kind == ChangeStop && ch.PhaseOut > 0:
		ch.Amount = cur
	case ch.Kind == ChangeStop:
		ch.Amount = 0
	case ch.Kind == "" || ch.Kind == ChangeIncrease || ch.Kind == ChangeDecrease || ch.Kind == ChangeContinue:
		switch {
		case ch.Amount > cur:
			ch.Kind = ChangeIncrease
		case ch.Amount < cur && ch.Amount == 0:
			ch.Kind = ChangeStop
		case ch.Amount < cur:
			ch.Kind = ChangeDecrease
		default:
			ch.Kind = ChangeContinue
		}
	default:
		return Text{}, ErrInvalid.Withf("变更类别 %q 无效", "change kind %q is invalid", ch.Kind)
	}
	if ch.Months == 0 && ch.Kind != ChangeStop {
		// the new amount runs to the end of the current period, or a new one
		ch.Months = a.Months
		if ch.Review == "" {
			ch.Months = 0
			for _, p := range c.segments(ch.Project) {
				if p.To != "" {
					if to, _ := month(p.To); to >= mustMonth(ch.From) {
						ch.Months = to - mustMonth(ch.From) + 1
					}
				}
			}
		}
	}
	var noticed Text
	if p := t.s.cat.Project(ch.Project); ch.Kind == ChangeStop && p != nil && p.NoticeBeforeStop {
		today := DateOf(t.now)
		n := &Notice{Session: ch.Review, From: today, Until: today.AddDays(t.s.cat.County.NoticeDays - 1)}
		if first := NextMonth(MonthOf(n.Until)); mustMonth(ch.From) < mustMonth(first) {
			ch.From = first // the stop takes effect only after its notice
		}
		ch.Notice = n
		noticed = T("；终止前公示 %s 至 %s", "; noticed from %s to %s before it takes effect", n.From, n.Until)
	}
	ref, err := t.counter(fmt.Sprintf("ref/变/%04d", t.now.Year()), 1)
	if err != nil {
		return Text{}, err
	}
	ch.Reference = fmt.Sprintf("%s变〔%d〕%d号", t.s.cat.County.ReferencePrefix, t.now.Year(), ref)
	ch.At, ch.By = t.now, who
	c.life().Changes = append(c.life().Changes, ch)
	if ch.Kind != ChangeStop && ch.Review != "" {
		// a review starts a new period: the next review counts from it
		c.life().NextReview = t.s.cat.nextReviewFrom(c, ch.From, DateOf(t.now))
	}
	return T("%s「%s」自 %s 起%s：每月 %s 元（原 %s 元）；%s%s", "%s %s from %s %s: %s yuan a month (was %s); %s%s",
		ch.Reference, t.s.cat.projectLabeler(ch.Project), ch.From, ch.Kind, ch.Amount.Grouped(), cur.Grouped(), ch.Reason, noticed), nil
}

func mustMonth(s string) int { n, _ := month(s); return n }

// LastChange is the change of c with reference ref, or the newest one
// ("" ref); nil when there is none.
func (c *Case) LastChange(ref string) *AidChange {
	if c.Life == nil {
		return nil
	}
	for i := len(c.Life.Changes) - 1; i >= 0; i-- {
		if ref == "" || c.Life.Changes[i].Reference == ref || c.Life.Changes[i].Review == ref {
			return &c.Life.Changes[i]
		}
	}
	return nil
}

// stopped reports whether a stop of project code was decided on c (and
// not suspended by an objection).
func (c *Case) stopped(code string) bool {
	if c.Life == nil {
		return false
	}
	for _, ch := range c.Life.Changes {
		if ch.Project == code && ch.Kind == ChangeStop && ch.Withdrawn == "" {
			return true
		}
	}
	return false
}

// StopNotice is the stop of c still on its public notice on day today,
// or nil.
func (c *Case) StopNotice(today Date) *AidChange {
	if c.Life == nil {
		return nil
	}
	for i := len(c.Life.Changes) - 1; i >= 0; i-- {
		ch := &c.Life.Changes[i]
		if ch.Notice != nil && ch.Withdrawn == "" && ch.Notice.Ended.IsZero() && !today.After(ch.Notice.Until) {
			return ch
		}
	}
	return nil
}

// monthlyGranted lists the codes of c's granted monthly projects.
func (cat *Catalog) monthlyGranted(c *Case) []string {
	var out []string
	for _, a := range c.Apps {
		if a.Outcome == OutcomeGranted && cat.kindOf(a.Project) == KindMonthly && !slices.Contains(out, a.Project) {
			out = append(out, a.Project)
		}
	}
	return out
}

// HouseholdAidHistory lists the monthly aid periods of every case of c's
// household (its members as applicants or members, c included), oldest
// first: what the household held, from when to when, and why it changed.
func (t *Tx) HouseholdAidHistory(c *Case) ([]AidPeriod, error) {
	aids, err := t.householdAid(&c.Household, c)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{c.Number: true}
	out := c.AidHistory()
	for _, a := range aids {
		if seen[a.CaseNumber] {
			continue
		}
		seen[a.CaseNumber] = true
		o, err := t.Case(a.CaseNumber)
		if err != nil {
			return nil, err
		}
		out = append(out, o.AidHistory()...)
	}
	slices.SortStableFunc(out, func(a, b AidPeriod) int {
		if a.From != b.From {
			return compareStrings(a.From, b.From)
		}
		return compareStrings(a.Case, b.Case)
	})
	return out, nil
}
