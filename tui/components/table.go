package components

import (
	"strings"

	"github.com/rongjiuzhu/hall/tui/common"
)

// Column is one column of a table: a fixed width, or a share of what is
// left when Flex > 0.
type Column struct {
	Title string
	Width int
	Flex  int
}

// Table is a small virtualised table: it draws only the rows it is given
// (one page from the store), never the whole data set, and never uses the
// bubbles list (its paginator is quadratic in the number of items).
type Table struct {
	Cols   []Column
	rows   [][]string
	warn   []bool
	Cursor int
	Width  int
	Height int // rows of data, the header excluded
}

// SetRows replaces the rows; warn marks rows drawn in the warning colour.
func (t *Table) SetRows(rows [][]string, warn []bool) {
	t.rows, t.warn = rows, warn
	t.Cursor = max(0, min(t.Cursor, len(rows)-1))
}

// widths spreads the table width over the columns.
func (t *Table) widths() []int {
	ws := make([]int, len(t.Cols))
	fixed, flex := 0, 0
	for i, c := range t.Cols {
		ws[i] = c.Width
		fixed += c.Width
		flex += c.Flex
	}
	gaps := len(t.Cols) - 1
	left := t.Width - fixed - gaps
	if left > 0 && flex > 0 {
		for i, c := range t.Cols {
			if c.Flex > 0 {
				add := left * c.Flex / flex
				ws[i] += add
			}
		}
	}
	return ws
}

// View draws the header and height rows.
func (t *Table) View(s *common.Styles) string {
	ws := t.widths()
	line := func(cells []string) string {
		parts := make([]string, len(ws))
		for i, w := range ws {
			v := ""
			if i < len(cells) {
				v = cells[i]
			}
			parts[i] = FitWidth(v, w)
		}
		return FitWidth(strings.Join(parts, " "), t.Width)
	}
	titles := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		titles[i] = c.Title
	}
	out := []string{s.Table.Header.Render(line(titles))}
	for i := 0; i < t.Height; i++ {
		if i >= len(t.rows) {
			out = append(out, "")
			continue
		}
		l := line(t.rows[i])
		switch {
		case i == t.Cursor:
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
func (t *Table) RowAt(y int) int {
	i := y - 1
	if i < 0 || i >= len(t.rows) || i >= t.Height {
		return -1
	}
	return i
}
