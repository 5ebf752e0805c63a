package reports

// The screen's view: the heading, the table with its bars, the selected
// row's details; or the cases behind a row.

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/report"
	"github.com/rongjiuzhu/hall/tui/components"
)

// barRune draws the bars.
const barRune = "█"

// layout are the table's column widths for a screen w cells wide.
type layout struct{ name, num, money, avg, score, bar int }

func layoutFor(w int) layout {
	l := layout{name: 12, num: 5, money: 11, avg: 6, score: 6}
	if w >= 100 {
		l.name, l.money = 24, 13
	}
	l.bar = w - 2 - l.name - 4*l.num - 2*l.money - l.avg - l.score - 1
	return l
}

// rowName names a row's department for the table.
func (p *Page) rowName(r report.DeptRow, wide bool) string {
	c := p.c
	if r.Department == "" {
		return c.T(lblCounty)
	}
	d := c.Catalog.Department(r.Department)
	if d == nil {
		return r.Department
	}
	if !c.EN() && !wide && d.Short != "" {
		return d.Short
	}
	if c.EN() && !wide {
		return strings.TrimPrefix(d.Label(c.Lang), "County ")
	}
	return d.Label(c.Lang)
}

// money prints m in at most w cells: with its decimals when they fit.
func money(m casefile.Money, w int) string {
	s := m.Grouped()
	if len(s) > w {
		s = strings.TrimSuffix(s, s[len(s)-3:])
	}
	return s
}

// avg prints an average of count items, "-" when there are none.
func avg(v float64, count, digits int) string {
	if count == 0 {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', digits, 64)
}

// value is what the bars measure for row r.
func (p *Page) value(r report.DeptRow) float64 {
	switch p.metric {
	case metricOneOff:
		return float64(r.Funds.OneOff)
	case metricMonthly:
		return float64(r.Funds.Monthly)
	case metricWorkdays:
		return r.AvgWorkdays
	}
	return float64(r.Received)
}

// View draws the screen.
func (p *Page) View() string {
	if p.finding {
		return p.found.view(p.w, p.h)
	}
	if p.drill {
		return p.drillView()
	}
	c := p.c
	s := c.Styles
	per := p.period()
	lines := []string{
		s.App.Title.Render(c.Tf(lblHeading, spanLabels[p.span], per.Text())),
		s.App.Muted.Render(c.Tf(lblBarsOf, metricLabels[p.metric])),
	}
	if !p.loaded || p.rep == nil {
		lines = append(lines, "", c.T(lblLoading))
		return components.FitHeight(components.FitBlock(lines, p.w), p.h)
	}
	l := layoutFor(p.w)
	cell := func(st string, w int, right bool) string {
		if right {
			return components.PadLeft(components.Truncate(st, w), w)
		}
		return components.FitWidth(st, w)
	}
	head := make([]string, len(tableHead))
	for i, h := range tableHead {
		head[i] = c.T(h)
	}
	header := " " + cell(head[0], l.name, false) + cell(head[1], l.num, true) + cell(head[2], l.num, true) +
		cell(head[3], l.num, true) + cell(head[4], l.num, true) + cell(head[5], l.money, true) + cell(head[6], l.money, true) +
		cell(head[7], l.avg, true) + cell(head[8], l.score, true)
	lines = append(lines, s.Table.Header.Render(components.FitWidth(header, p.w)))

	rows := p.rows()
	depts := len(rows) - 1 // the county's row is pinned under the table
	var most float64
	for _, r := range rows[:depts] {
		most = max(most, p.value(r))
	}
	detail := p.detailLines(rows[p.cursor])
	room := p.h - len(lines) - len(detail) - 2
	if room < 3 {
		detail, room = nil, p.h-len(lines)-1
	}
	room = max(room, 1)
	if p.cursor < depts {
		p.top = scroll(p.cursor, p.top, room, depts)
	}
	barStyle := lipgloss.NewStyle().Foreground(s.Theme.Accent)
	n := strconv.Itoa
	draw := func(i int) string {
		r := rows[i]
		line := " " + cell(p.rowName(r, l.name > 12), l.name, false) + cell(n(r.Received), l.num, true) + cell(n(r.Approved), l.num, true) +
			cell(n(r.Rejected), l.num, true) + cell(n(r.Deferred), l.num, true) + cell(money(r.Funds.Monthly, l.money-1), l.money, true) +
			cell(money(r.Funds.OneOff, l.money-1), l.money, true) + cell(avg(r.AvgWorkdays, r.Decided, 1), l.avg, true) +
			cell(avg(r.AvgScore, r.Ratings, 2), l.score, true)
		bar := ""
		if r.Department != "" && most > 0 && l.bar > 0 {
			bar = strings.Repeat(barRune, int(p.value(r)/most*float64(l.bar)+0.5))
		}
		st := s.Table.Cell
		if i == p.cursor {
			st = s.Table.Selected
		}
		return st.Render(components.FitWidth(line, p.w-max(l.bar, 0)-1)) + " " + barStyle.Render(bar)
	}
	for i := p.top; i < depts && i < p.top+room; i++ {
		lines = append(lines, draw(i))
	}
	lines = append(lines, draw(depts))
	if detail != nil {
		lines = append(lines, "")
		lines = append(lines, detail...)
	}
	return components.FitHeight(components.FitBlock(lines, p.w), p.h)
}

// detailLines are the selected row's other figures, wrapped.
func (p *Page) detailLines(r report.DeptRow) []string {
	c := p.c
	one := c.Tf(lblDetail1, r.Approved, r.Rejected, r.Deferred, r.SamePolicyDeclined, r.SamePolicyAvoided.OneOff.Grouped(),
		r.Funds.Monthly.Grouped(), r.Funds.OneOff.Grouped())
	worst := r.WorstCase
	if worst == "" {
		worst = "-"
	}
	two := c.Tf(lblDetail2, avg(r.AvgWorkdays, r.Decided, 1), r.WorstWorkdays, worst, r.WorstLimit, r.Late, r.OnlyHelper,
		r.ReviewsOnTime, r.Ratings, avg(r.AvgScore, r.Ratings, 2))
	var out []string
	name := c.Styles.Form.Section.Render(p.rowName(r, true))
	out = append(out, name)
	for _, t := range []string{one, two, c.T(lblReviewsNote)} {
		for _, w := range components.Wrap(t, p.w-2) {
			out = append(out, " "+c.Styles.App.Muted.Render(w))
		}
	}
	return out
}

// scroll keeps cursor in a window of room rows starting at top.
func scroll(cursor, top, room, n int) int {
	if cursor < top {
		top = cursor
	}
	if cursor >= top+room {
		top = cursor - room + 1
	}
	return max(0, min(top, n-room))
}

// drillView lists the cases behind the selected row.
func (p *Page) drillView() string {
	c := p.c
	s := c.Styles
	rows := p.rows()
	r := rows[p.cursor]
	lines := []string{s.App.Title.Render(c.Tf(lblDrillTitle, p.rowName(r, true), p.period().Text(), len(r.Cases)))}
	widths := []int{13, 9, 11, 11, 6, 6, 11, 11}
	head := ""
	for i, h := range caseHead {
		if i < 4 {
			head += components.FitWidth(c.T(h), widths[i])
		} else {
			head += components.PadLeft(c.T(h), widths[i])
		}
	}
	lines = append(lines, s.Table.Header.Render(components.FitWidth(" "+head, p.w)))
	room := max(p.h-len(lines)-2, 1)
	p.dtop = scroll(p.dcur, p.dtop, room, len(r.Cases))
	anyLate := false
	for i := p.dtop; i < len(r.Cases) && i < p.dtop+room; i++ {
		cr := r.Cases[i]
		status := ""
		if cr.Status != "" {
			status = cr.Status.Label(c.Lang)
		}
		days, limit := "-", "-"
		narrow := p.w < 100
		if !cr.Decided.IsZero() {
			days = strconv.Itoa(cr.Workdays)
			if cr.Late && narrow {
				days += "*" // the footnote says what it means
				anyLate = true
			}
		}
		if cr.Limit > 0 {
			limit = strconv.Itoa(cr.Limit)
		}
		line := " " + components.FitWidth(cr.Number, widths[0]) + components.FitWidth(status, widths[1]) +
			components.FitWidth(cr.Received.String(), widths[2]) + components.FitWidth(cr.Decided.String(), widths[3]) +
			components.PadLeft(days, widths[4]) + components.PadLeft(limit, widths[5]) +
			components.PadLeft(money(cr.Granted.Monthly, widths[6]-1), widths[6]) + components.PadLeft(money(cr.Granted.OneOff, widths[7]-1), widths[7])
		if cr.Late && !narrow {
			line += "  " + c.T(lblLate)
		}
		st := s.Table.Cell
		if i == p.dcur {
			st = s.Table.Selected
		}
		lines = append(lines, st.Render(components.FitWidth(line, p.w)))
	}
	if anyLate {
		lines = append(lines, "", " "+s.App.Muted.Render(c.T(lblLateNote)))
	}
	return components.FitHeight(components.FitBlock(lines, p.w), p.h)
}
