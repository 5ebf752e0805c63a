package printouts

// Keeping blocks together: a heading never stands alone at the foot of a
// page, away from the text and table it introduces. The heights are
// measured with the same wrapping the layout uses.

// paraHeight is the height Para gives s.
func (d *Doc) paraHeight(s string) float64 {
	d.setFont(bodySize, bodySpacing)
	return float64(len(d.wrap(s, blockWidth, 2*bodyChar))) * d.pitch
}

// tableHeight is the height Table gives cols with the first n rows of rows
// (every row when n < 0 or n > len(rows)), headings included, when the
// table does not break.
func (d *Doc) tableHeight(cols []Column, rows [][]string, n int) float64 {
	if len(cols) == 0 {
		return 0
	}
	if n < 0 || n > len(rows) {
		n = len(rows)
	}
	d.setFont(tableSize, 0)
	lay := d.tableLayout(cols, rows) // the whole table's columns, as Table sets them
	h := 0.0
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.Head
		if c.Head != "" {
			h = float64(rowLines(d.cells(lay.xs, heads, lay.glue)))*d.tablePitch + 2*cellPadY
		}
	}
	for _, r := range lay.rows[:n] {
		h += float64(rowLines(d.cells(lay.xs, r, lay.glue)))*d.tablePitch + 2*cellPadY
	}
	return h + d.pitch/2
}

// keep starts a new page unless a block of the heights given fits below
// the current position. A block taller than a page is left to break where
// it must.
func (d *Doc) keep(heights ...float64) {
	h := 0.0
	for _, x := range heights {
		h += x
	}
	if h <= blockHeight {
		d.need(h)
	}
}
