// Package report computes what the county's yearly assessment of each
// department needs (the assessment baton: funds contributed, projects
// contributed, work contributed, evaluations of the people aided) for any
// period, from the cases, their histories and the applicants'
// evaluations. It only reads: a report is one read-only transaction.
//
// Money stays integer fen in casefile.Amounts: monthly, one-off and loan
// amounts are kept apart and never added.
package report

import (
	"math"
	"slices"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/feedback"
)

// Departments is the department contribution report of one period: a row
// per department of the catalogue, in catalogue order, the county's
// totals, and the funds by project.
type Departments struct {
	Period Period    `json:"period"`
	Rows   []DeptRow `json:"departments"`
	County DeptRow   `json:"county"`
	// Funds are the granted amounts by project, for projects that granted
	// anything in the period, in catalogue order.
	Funds []ProjectFunds `json:"funds"`
	// Desks are the evaluations in the period by the desk (the officer who
	// took the case), in the order of their names.
	Desks []DeskRow `json:"desks"`
	// ReviewsNote says why ReviewsOnTime is 0: periodic reviews are not
	// recorded yet.
	ReviewsNote casefile.Text `json:"reviews_note"`
}

// DeskRow is the evaluations of one desk in the period.
type DeskRow struct {
	Desk      string  `json:"desk"`
	Ratings   int     `json:"ratings"`
	RatingSum int     `json:"rating_sum"`
	AvgScore  float64 `json:"avg_score"`
	Low       int     `json:"low"` // ratings of feedback.LowScore or less
}

// DeptRow is one department's contribution in the period (the county's
// totals when Department is "").
//
// What each figure counts:
//   - Received: cases received in the period that apply for at least one
//     of the department's projects (the county: every case received).
//   - Approved, Rejected: applications to the department's projects on
//     cases whose decision (approve or reject) is dated in the period,
//     by their outcome: granted, or declined for a reason other than the
//     same-policy rule. A project left undecided by such a decision counts
//     as Deferred.
//   - Deferred: also each application of a case deferred in the period
//     (every deferral of the case counts, from its history).
//   - SamePolicyDeclined and SamePolicyAvoided: applications declined in
//     the period because the person got the same policy elsewhere (同一救助
//     政策只能享受一次): the duplicate payments avoided, with the amounts
//     that would have been paid.
//   - Funds: the granted amounts, monthly (per month), one-off and loans
//     apart.
//   - Decided, WorkdaysTotal, AvgWorkdays, WorstWorkdays, Late: cases
//     involving the department approved or rejected in the period; working
//     days from acceptance to the decision on the catalogue's calendar;
//     Late counts decisions after the case's deadline (its time limit).
//   - OnlyHelper: cases approved in the period whose granted projects are
//     all the department's.
//   - Reviews, ReviewsOnTime: periodic reviews (复核) of a running aid
//     decided in the period, and of them those decided within the review
//     case's time limit (ReviewsNote says so).
//   - Ratings, RatingSum, AvgScore: applicants' evaluations recorded in the
//     period on cases involving the department.
type DeptRow struct {
	Department         string           `json:"department,omitempty"`
	Received           int              `json:"received"`
	Approved           int              `json:"approved"`
	Rejected           int              `json:"rejected"`
	Deferred           int              `json:"deferred"`
	SamePolicyDeclined int              `json:"same_policy_declined"`
	SamePolicyAvoided  casefile.Amounts `json:"same_policy_avoided"`
	Funds              casefile.Amounts `json:"funds"`
	Decided            int              `json:"decided"`
	WorkdaysTotal      int              `json:"workdays_total"`
	AvgWorkdays        float64          `json:"avg_workdays"`
	WorstWorkdays      int              `json:"worst_workdays"`
	WorstCase          string           `json:"worst_case,omitempty"`
	WorstLimit         int              `json:"worst_limit,omitempty"` // the time limit of the worst case, working days
	Late               int              `json:"late"`
	OnlyHelper         int              `json:"only_helper"`
	Reviews            int              `json:"reviews"`
	ReviewsOnTime      int              `json:"reviews_on_time"`
	Ratings            int              `json:"ratings"`
	RatingSum          int              `json:"rating_sum"`
	AvgScore           float64          `json:"avg_score"`
	// Cases are the cases behind the row (received, decided, deferred or
	// rated in the period), newest first: the screen's drill-down.
	Cases []CaseRef `json:"-"`
}

// ProjectFunds is what one project granted in the period.
type ProjectFunds struct {
	Project    string           `json:"project"`
	Department string           `json:"department"`
	Granted    int              `json:"granted"` // applications granted
	Amounts    casefile.Amounts `json:"amounts"`
}

// CaseRef is one case behind a row.
type CaseRef struct {
	Number   string           `json:"number"`
	Status   casefile.Status  `json:"status"`
	Received casefile.Date    `json:"received"`
	Decided  casefile.Date    `json:"decided,omitzero"`
	Workdays int              `json:"workdays"` // acceptance to decision; 0 when not decided in the period
	Limit    int              `json:"limit"`    // the case's time limit, working days
	Late     bool             `json:"late"`
	Granted  casefile.Amounts `json:"granted"` // the department's granted amounts (the county: all)
}

// Options tune Build.
type Options struct {
	// Progress, when set, is told how many cases have been read.
	Progress func(done int)
}

// pageSize is how many cases Build reads at a time.
const pageSize = 1000

// EachCase calls fn with every case of the store, newest first, reading
// pageSize cases at a time.
func EachCase(t *casefile.Tx, fn func(*casefile.Case) error) error {
	var after uint64
	for {
		cs, next, err := t.Cases(casefile.CaseFilter{After: after, Limit: pageSize})
		if err != nil {
			return err
		}
		for _, c := range cs {
			if err := fn(c); err != nil {
				return err
			}
		}
		if next == 0 {
			return nil
		}
		after = next
	}
}

// Build computes the department contribution report of period p in the
// transaction t.
func Build(t *casefile.Tx, p Period, opt Options) (*Departments, error) {
	cat := t.Catalog()
	b := &builder{cat: cat, p: p, rows: map[string]*DeptRow{}, funds: map[string]*ProjectFunds{}, refs: map[string]map[string]int{}}
	rep := &Departments{Period: p, ReviewsNote: casefile.T("按时复核：本期作出决定的复核案件中，在办理时限内决定的件数", "reviews on time: review cases decided in the period within their time limit")}
	for _, d := range cat.Departments {
		rep.Rows = append(rep.Rows, DeptRow{Department: d.Key})
	}
	for i := range rep.Rows {
		b.rows[rep.Rows[i].Department] = &rep.Rows[i]
	}
	b.rows[""] = &rep.County
	n := 0
	err := EachCase(t, func(c *casefile.Case) error {
		if err := b.addCase(t, c); err != nil {
			return err
		}
		if n++; opt.Progress != nil && n%pageSize == 0 {
			opt.Progress(n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if opt.Progress != nil {
		opt.Progress(n)
	}
	desks := map[string]*DeskRow{}
	err = feedback.Each(t, func(r feedback.Rating) bool {
		if !p.Contains(casefile.DateOf(r.At)) {
			return true
		}
		d := desks[r.Desk]
		if d == nil {
			d = &DeskRow{Desk: r.Desk}
			desks[r.Desk] = d
		}
		d.Ratings++
		d.RatingSum += r.Score
		if r.Score <= feedback.LowScore {
			d.Low++
		}
		for _, d := range append([]string{""}, r.Departments...) {
			if row := b.rows[d]; row != nil {
				row.Ratings++
				row.RatingSum += r.Score
				b.ref(d, CaseRef{Number: r.Case})
			}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	rows := []*DeptRow{&rep.County}
	for i := range rep.Rows {
		rows = append(rows, &rep.Rows[i])
	}
	for _, row := range rows {
		row.AvgWorkdays = ratio(row.WorkdaysTotal, row.Decided, 1)
		row.AvgScore = ratio(row.RatingSum, row.Ratings, 2)
		row.Cases = b.list[row.Department]
	}
	for _, d := range desks {
		d.AvgScore = ratio(d.RatingSum, d.Ratings, 2)
		rep.Desks = append(rep.Desks, *d)
	}
	slices.SortFunc(rep.Desks, func(a, b DeskRow) int { return strings.Compare(a.Desk, b.Desk) })
	for _, pr := range cat.Projects {
		if f := b.funds[pr.Code]; f != nil {
			rep.Funds = append(rep.Funds, *f)
		}
	}
	return rep, nil
}

// ratio is a/b rounded to digits decimals (0 when b is 0).
func ratio(a, b, digits int) float64 {
	if b == 0 {
		return 0
	}
	f := math.Pow10(digits)
	return math.Round(float64(a)/float64(b)*f) / f
}

type builder struct {
	cat   *casefile.Catalog
	p     Period
	rows  map[string]*DeptRow
	funds map[string]*ProjectFunds
	// refs: department → case number → index in list
	refs map[string]map[string]int
	list map[string][]CaseRef
}

// ref notes case r behind the row of dept (merging with what is known).
func (b *builder) ref(dept string, r CaseRef) {
	if b.list == nil {
		b.list = map[string][]CaseRef{}
	}
	m := b.refs[dept]
	if m == nil {
		m = map[string]int{}
		b.refs[dept] = m
	}
	if i, ok := m[r.Number]; ok {
		old := &b.list[dept][i]
		if old.Status == "" {
			*old = r // a rating met before: the case's own figures win
		} else {
			old.Granted = old.Granted.Plus(r.Granted)
		}
		return
	}
	m[r.Number] = len(b.list[dept])
	b.list[dept] = append(b.list[dept], r)
}

// deptOf is the department of project code ("" when unknown).
func (b *builder) deptOf(code string) string {
	if p := b.cat.Project(code); p != nil {
		return p.Department
	}
	return ""
}

// addCase adds what case c contributes to the period.
func (b *builder) addCase(t *casefile.Tx, c *casefile.Case) error {
	depts := map[string]bool{}
	for _, a := range c.Apps {
		if d := b.deptOf(a.Project); d != "" {
			depts[d] = true
		}
	}
	base := CaseRef{Number: c.Number, Status: c.Status, Received: c.ReceivedDate()}
	if !c.Deadline.IsZero() { // a case without a deadline has no limit (not one from the year 0)
		base.Limit = b.cat.Calendar.WorkdaysBetween(c.ReceivedDate(), c.Deadline)
	}
	involved := map[string]bool{} // departments (and "") this case shows under
	granted := map[string]casefile.Amounts{}
	if b.p.Contains(c.ReceivedDate()) {
		b.rows[""].Received++
		involved[""] = true
		for d := range depts {
			b.rows[d].Received++
			involved[d] = true
		}
	}
	dec := c.Decision
	if dec != nil && (dec.Result == casefile.StatusDeferred || dec.Refers != "") {
		h, err := t.History(c.Seq)
		if err != nil {
			return err
		}
		for _, e := range h {
			if e.Action != string(casefile.ActionDecision) || e.To != casefile.StatusDeferred || !b.p.Contains(casefile.DateOf(e.At)) {
				continue
			}
			for _, a := range c.Apps {
				if d := b.deptOf(a.Project); d != "" {
					b.rows[d].Deferred++
					b.rows[""].Deferred++
					involved[d], involved[""] = true, true
				}
			}
		}
	}
	if dec != nil && dec.Result != casefile.StatusDeferred && b.p.Contains(casefile.DateOf(dec.At)) {
		day := casefile.DateOf(dec.At)
		base.Decided = day
		base.Workdays = b.cat.Calendar.WorkdaysBetween(c.ReceivedDate(), day)
		base.Late = day.After(c.Deadline)
		if c.ReviewOf() != "" {
			for d := range depts {
				b.rows[d].Reviews++
				if !base.Late {
					b.rows[d].ReviewsOnTime++
				}
			}
			b.rows[""].Reviews++
			if !base.Late {
				b.rows[""].ReviewsOnTime++
			}
		}
		helpers := map[string]bool{}
		for i := range c.Apps {
			a := &c.Apps[i]
			d := b.deptOf(a.Project)
			if d == "" {
				continue
			}
			kind := b.cat.Project(a.Project).Kind
			rows := []*DeptRow{b.rows[d], b.rows[""]}
			involved[d], involved[""] = true, true
			switch {
			case a.Outcome == casefile.OutcomeGranted:
				f := b.funds[a.Project]
				if f == nil {
					f = &ProjectFunds{Project: a.Project, Department: d}
					b.funds[a.Project] = f
				}
				f.Granted++
				f.Amounts.Add(kind, a.Granted)
				for _, r := range rows {
					r.Approved++
					r.Funds.Add(kind, a.Granted)
				}
				g := granted[d]
				g.Add(kind, a.Granted)
				granted[d] = g
				g = granted[""]
				g.Add(kind, a.Granted)
				granted[""] = g
				helpers[d] = true
			case a.Outcome == casefile.OutcomeDeclined && a.Dedup != nil && !a.Dedup.Keep:
				for _, r := range rows {
					r.SamePolicyDeclined++
					r.SamePolicyAvoided.Add(kind, a.Proposed)
				}
			case a.Outcome == casefile.OutcomeDeclined:
				for _, r := range rows {
					r.Rejected++
				}
			default:
				for _, r := range rows {
					r.Deferred++
				}
			}
		}
		for d := range depts {
			b.decided(b.rows[d], c, base)
		}
		b.decided(b.rows[""], c, base)
		if len(helpers) == 1 {
			for d := range helpers {
				b.rows[d].OnlyHelper++
			}
			b.rows[""].OnlyHelper++
		}
	}
	for d := range involved {
		r := base
		r.Granted = granted[d]
		b.ref(d, r)
	}
	return nil
}

// decided adds a decided case's working days to row.
func (b *builder) decided(row *DeptRow, c *casefile.Case, ref CaseRef) {
	row.Decided++
	row.WorkdaysTotal += ref.Workdays
	if ref.Late {
		row.Late++
	}
	if ref.Workdays > row.WorstWorkdays || row.WorstCase == "" {
		row.WorstWorkdays, row.WorstCase, row.WorstLimit = ref.Workdays, c.Number, ref.Limit
	}
}
