package tui

import (
	"strings"
)

// column is one column of a table: a fixed width, or a share of what is
// left when Flex > 0.
type column struct {
	Title string
	Width int
	Flex  int
}

// table is a small virtualised table: it draws only the rows it is given
// (one page from the store), never the whole data set, and never uses the
// bubbles list (its paginator is quadratic in the number of items).
type table struct {
	cols   []column
	rows   [][]string
	warn   []bool
	cursor int
	width  int
	height int // rows of data, the header excluded
}

// SetRows replaces the rows; warn marks rows drawn in the warning colour.
func (t *table) SetRows(rows [][]string, warn []bool) {
	t.rows, t.warn = rows, warn
	t.cursor = max(0, min(t.cursor, len(rows)-1))
}

// widths spreads the table width over the columns.
func (t *table) widths() []int {
	ws := make([]int, len(t.cols))
	fixed, flex := 0, 0
	for i, c := range t.cols {
		ws[i] = c.Width
		fixed += c.Width
		flex += c.Flex
	}
	gaps := len(t.cols) - 1
	left := t.width - fixed - gaps
	if left > 0 && flex > 0 {
		for i, c := range t.cols {
			if c.Flex > 0 {
				add := left * c.Flex / flex
				ws[i] += add
			}
		}
	}
	return ws
}

// View draws the header and height rows.
func (t *table) View(s *Styles) string {
	ws := t.widths()
	line := func(cells []string) string {
		parts := make([]string, len(ws))
		for i, w := range ws {
			v := ""
			if i < len(cells) {
				v = cells[i]
			}
			parts[i] = fitWidth(v, w)
		}
		return fitWidth(strings.Join(parts, " "), t.width)
	}
	titles := make([]string, len(t.cols))
	for i, c := range t.cols {
		titles[i] = c.Title
	}
	out := []string{s.Table.Header.Render(line(titles))}
	for i := 0; i < t.height; i++ {
		if i >= len(t.rows) {
			out = append(out, "")
			continue
		}
		l := line(t.rows[i])
		switch {
		case i == t.cursor:
			l = s.Table.Selected.Render(l)
		case i < len(t.warn) && t.warn[i]:
			l = s.Table.Warn.Render(l)
		default:
			l = s.Table.Cell.Render(l)
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// RowAt returns the row drawn at line y of the table (the header is line
// 0), or -1.
func (t *table) RowAt(y int) int {
	i := y - 1
	if i < 0 || i >= len(t.rows) || i >= t.height {
		return -1
	}
	return i
}
