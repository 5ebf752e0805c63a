package casefile

import (
	"fmt"
	"time"
)

// Date is a calendar day without a time of day or zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads "2006-01-02" (also "2006/01/02" and "20060102").
func ParseDate(s string) (Date, error) {
	for _, layout := range []string{"2006-01-02", "2006/01/02", "20060102", "2006-1-2", "2006/1/2"} {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), nil
		}
	}
	return Date{}, ErrBadDate.Withf("%q 不是日期（应为 年-月-日，如 2026-05-01）", "%q is not a date (expected YYYY-MM-DD, e.g. 2026-05-01)", s)
}

// ErrBadDate is returned for a date that cannot be read.
var ErrBadDate = newError("bad_date", "日期无效", "invalid date")

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// Time returns midnight of d in loc (UTC when nil).
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// String returns "2006-01-02", or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Chinese returns "2006年1月2日".
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// AddDays returns d moved by n calendar days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time(nil).AddDate(0, 0, n)) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int { return d.Time(nil).Compare(e.Time(nil)) }

// DaysUntil returns the calendar days from d to e (negative when e is
// earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time(nil).Sub(d.Time(nil)).Hours() / 24)
}

// MarshalText writes "2006-01-02".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "2006-01-02"; empty is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Calendar knows which days are working days: Monday to Friday, less
// public holidays, plus the weekend days that are worked in exchange
// (调休). Both lists come from the catalogue.
type Calendar struct {
	Holidays map[Date]bool
	Workdays map[Date]bool
}

// IsWorkday reports whether d is a working day.
func (c Calendar) IsWorkday(d Date) bool {
	if c.Workdays[d] {
		return true
	}
	if c.Holidays[d] {
		return false
	}
	wd := d.Time(nil).Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddWorkdays returns the day n working days after d (d itself not
// counted). n <= 0 returns d.
func (c Calendar) AddWorkdays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.IsWorkday(d) {
			n--
		}
	}
	return d
}

// WorkdaysBetween counts working days after from up to and including to;
// negative when to is before from.
func (c Calendar) WorkdaysBetween(from, to Date) int {
	if to.Before(from) {
		return -c.WorkdaysBetween(to, from)
	}
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}

func unixTime(sec int64) time.Time { return time.Unix(sec, 0) }
