package casefile

import (
	"slices"
	"strconv"
)

// Years the calendar knows. The catalogue lists each year's public
// holidays and make-up working days (调休); a deadline that runs through
// a year it does not list is computed on Monday to Friday only, and the
// case says so (calendarFinding) rather than silently ignoring the
// holidays of that year. To add a year, copy the State Council's notice
// into [calendar] holidays and workdays of the catalogue.

// Years lists the years whose holidays the calendar holds, ascending.
func (c Calendar) Years() []int {
	seen := map[int]bool{}
	for d := range c.Holidays {
		seen[d.Year] = true
	}
	for d := range c.Workdays {
		seen[d.Year] = true
	}
	var out []int
	for y := range seen {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

// Covers reports whether the calendar holds the holidays of d's year.
func (c Calendar) Covers(d Date) bool {
	for h := range c.Holidays {
		if h.Year == d.Year {
			return true
		}
	}
	for w := range c.Workdays {
		if w.Year == d.Year {
			return true
		}
	}
	return false
}

// UncoveredYears lists the years from from to to (inclusive) that the
// calendar does not hold.
func (c Calendar) UncoveredYears(from, to Date) []int {
	var out []int
	for y := from.Year; y <= to.Year; y++ {
		if !c.Covers(Date{Year: y, Month: 1, Day: 1}) {
			out = append(out, y)
		}
	}
	return out
}

// calendarFinding warns that a watched deadline of c runs through a year
// the calendar does not hold: it was counted on weekdays only.
func (cat *Catalog) calendarFinding(c *Case) (Finding, bool) {
	if !c.Status.Watched() || c.Deadline.IsZero() {
		return Finding{}, false
	}
	from := c.ReceivedDate()
	if c.Decision != nil && c.Status == StatusRejected {
		from = DateOf(c.Decision.At)
	}
	if from.IsZero() || from.After(c.Deadline) {
		from = c.Deadline
	}
	years := cat.Calendar.UncoveredYears(from, c.Deadline)
	if len(years) == 0 {
		return Finding{}, false
	}
	var ys List
	for _, y := range years {
		ys = append(ys, Text{ZH: strconv.Itoa(y), EN: strconv.Itoa(y)})
	}
	return Finding{Kind: FindDeadline, Severity: SevWarning,
		Text: T("政策目录日历未录入 %s 年的节假日：办理期限 %s 按周一至周五计算，未扣除节假日，请核对",
			"the catalogue's calendar has no holidays for %s: the deadline %s was counted on Monday to Friday only; check it", ys, c.Deadline)}, true
}
