package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
)

// Period is a span of calendar days, both ends included.
type Period struct {
	From casefile.Date `json:"from"`
	To   casefile.Date `json:"to"`
}

// ErrBadPeriod is a period that cannot be read or ends before it starts.
var ErrBadPeriod = casefile.NewError("bad_period", "统计期间无效", "invalid period")

// Year is the calendar year y.
func Year(y int) Period {
	return Period{casefile.Date{Year: y, Month: 1, Day: 1}, casefile.Date{Year: y, Month: 12, Day: 31}}
}

// Quarter is quarter q (1–4) of year y.
func Quarter(y, q int) Period {
	first := time.Month(3*(q-1) + 1)
	return Period{casefile.Date{Year: y, Month: first, Day: 1}, lastDay(y, first+2)}
}

// Month is month m of year y.
func Month(y int, m time.Month) Period {
	return Period{casefile.Date{Year: y, Month: m, Day: 1}, lastDay(y, m)}
}

func lastDay(y int, m time.Month) casefile.Date {
	return casefile.DateOf(time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC))
}

// Custom is the days from..to; to before from is refused.
func Custom(from, to casefile.Date) (Period, error) {
	if to.Before(from) {
		return Period{}, ErrBadPeriod.Withf("%s 早于 %s", "%s is before %s", to, from)
	}
	return Period{from, to}, nil
}

// ParsePeriod reads a year ("2026"), a quarter ("2026Q4", "2026-Q4"), a
// month ("2026-11") or a span of days ("2026-01-05..2026-03-31").
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(strings.ToUpper(s))
	bad := func() (Period, error) {
		return Period{}, ErrBadPeriod.Withf("%q（应为 2026、2026Q4、2026-11 或 2026-01-05..2026-03-31）",
			"%q (expected 2026, 2026Q4, 2026-11 or 2026-01-05..2026-03-31)", s)
	}
	if from, to, ok := strings.Cut(s, ".."); ok {
		f, err1 := casefile.ParseDate(from)
		t, err2 := casefile.ParseDate(to)
		if err1 != nil || err2 != nil {
			return bad()
		}
		return Custom(f, t)
	}
	if y, q, ok := strings.Cut(strings.Replace(s, "-Q", "Q", 1), "Q"); ok {
		yy, err1 := strconv.Atoi(y)
		qq, err2 := strconv.Atoi(q)
		if err1 != nil || err2 != nil || qq < 1 || qq > 4 || yy < 2000 || yy > 2100 {
			return bad()
		}
		return Quarter(yy, qq), nil
	}
	if y, m, ok := strings.Cut(s, "-"); ok {
		yy, err1 := strconv.Atoi(y)
		mm, err2 := strconv.Atoi(m)
		if err1 != nil || err2 != nil || mm < 1 || mm > 12 || yy < 2000 || yy > 2100 {
			return bad()
		}
		return Month(yy, time.Month(mm)), nil
	}
	yy, err := strconv.Atoi(s)
	if err != nil || yy < 2000 || yy > 2100 {
		return bad()
	}
	return Year(yy), nil
}

// Contains reports whether day d is in the period.
func (p Period) Contains(d casefile.Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// Text names the period: 2026-01-01 至 2026-12-31 / 2026-01-01 to 2026-12-31.
func (p Period) Text() casefile.Text {
	return casefile.T("%s 至 %s", "%s to %s", p.From, p.To)
}

// String is "2026-01-01..2026-12-31".
func (p Period) String() string { return fmt.Sprintf("%s..%s", p.From, p.To) }
