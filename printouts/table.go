package printouts

import "github.com/rongjiuzhu/hall/printouts/linebreak"

// Column is one column of a Table.
type Column struct {
	Head  string  // heading, repeated on every page the table runs onto; "" for none
	Width float64 // share of the text block's width; the shares are scaled to fill it
	Align Align   // alignment of the column's cells (headings are centred)
}

// Table sets a ruled table across the text block in 4号 type. Each cell is
// wrapped to its column like a paragraph (numbers and amounts stay whole,
// "\n" breaks a line); a row's cells are centred vertically. A table runs
// onto as many pages as it needs, repeating the headings; a row moves to
// the next page whole unless it is taller than a page.
func (d *Doc) Table(cols []Column, rows [][]string) {
	if len(cols) == 0 {
		return
	}
	d.setFont(tableSize, 0)
	total := 0.0
	for _, c := range cols {
		total += max(c.Width, 0)
	}
	xs := make([]float64, len(cols)+1)
	xs[0] = blockLeft
	for i, c := range cols {
		share := 1 / float64(len(cols))
		if total > 0 {
			share = max(c.Width, 0) / total
		}
		xs[i+1] = xs[i] + share*blockWidth
	}
	xs[len(cols)] = blockRight

	var head [][]string
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.Head
		if c.Head != "" {
			head = d.cells(xs, heads)
		}
	}
	drawHead := func() {
		if head != nil {
			d.row(xs, cols, head, 0, rowLines(head), true)
		}
	}
	// The headings never stand alone at the foot of a page: the first row
	// (or half a page of it) comes with them.
	first := 2 * cellPadY
	if head != nil {
		first += float64(rowLines(head))*d.tablePitch + 2*cellPadY
	}
	if len(rows) > 0 {
		first += min(float64(rowLines(d.cells(xs, rows[0])))*d.tablePitch, blockHeight/2)
	}
	d.need(first)
	fresh := d.y == blockTop // at the top of a page: a row too tall splits here
	drawHead()
	for _, r := range rows {
		cells := d.cells(xs, r)
		n := rowLines(cells)
		for from := 0; from < n; {
			avail := int((blockBottom - d.y - 2*cellPadY) / d.tablePitch)
			switch {
			case avail >= n-from:
				d.row(xs, cols, cells, from, n, false)
				from = n
			case fresh:
				// Taller than what is left of a fresh page: split it.
				to := from + max(avail, 1)
				d.row(xs, cols, cells, from, to, false)
				from = to
				d.newPage()
				drawHead()
			default:
				d.newPage()
				drawHead()
				fresh = true
				continue
			}
		}
		fresh = false
	}
	d.y += d.pitch / 2
}

// cells wraps each cell of a row to its column, checking its characters.
func (d *Doc) cells(xs []float64, row []string) [][]string {
	d.setFont(tableSize, 0)
	out := make([][]string, len(xs)-1)
	for i := range out {
		text := ""
		if i < len(row) {
			text = row[i]
		}
		d.check(text)
		out[i] = linebreak.Lines(text, xs[i+1]-xs[i]-2*cellPadX, d.measure)
	}
	return out
}

// rowLines is the number of lines of a row's tallest cell.
func rowLines(cells [][]string) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

// row draws lines from..to of a row's cells with the rules around them.
// A row drawn whole has its shorter cells centred vertically.
func (d *Doc) row(xs []float64, cols []Column, cells [][]string, from, to int, head bool) {
	d.setFont(tableSize, 0)
	top := d.y
	h := float64(to-from)*d.tablePitch + 2*cellPadY
	whole := from == 0 && to == rowLines(cells)
	for i, c := range cells {
		shift := 0.0
		if whole {
			shift = float64(to-len(c)) * d.tablePitch / 2
		}
		for j := from; j < to && j < len(c); j++ {
			left, avail := xs[i]+cellPadX, xs[i+1]-xs[i]-2*cellPadX
			x := left
			al := cols[i].Align
			if head {
				al = AlignCenter
			}
			switch w := d.measure(c[j]); al {
			case AlignCenter:
				x += (avail - w) / 2
			case AlignRight:
				x += avail - w
			}
			y := top + cellPadY + shift + float64(j-from)*d.tablePitch
			d.text(x, baseline(y, d.tablePitch, tableSize), c[j])
		}
	}
	d.pdf.SetLineWidth(ruleWidth)
	d.pdf.SetStrokeColor(0, 0, 0)
	d.pdf.Line(xs[0], top, xs[len(xs)-1], top)
	d.pdf.Line(xs[0], top+h, xs[len(xs)-1], top+h)
	for _, x := range xs {
		d.pdf.Line(x, top, x, top+h)
	}
	d.y = top + h
}
