package printouts

import (
	"strings"
	"unicode"

	"github.com/rongjiuzhu/hall/printouts/linebreak"
)

// Column is one column of a Table.
type Column struct {
	Head  string  // heading, repeated on every page the table runs onto; "" for none
	Width float64 // share of the text block's width; the shares are scaled to fill it
	Align Align   // alignment of the column's cells (headings are centred)
	// Short gives shorter forms of texts in the column's cells, e.g. a
	// department's short name (县退役军人事务局 → 退役军人局): a table too
	// narrow for the full names uses them (Printer.ShortNames).
	Short map[string]string
}

// Table sets a ruled table across the text block in 4号 type. Each cell is
// wrapped to its column like a paragraph (numbers and amounts stay whole,
// "\n" breaks a line); a row's cells are centred vertically. A table runs
// onto as many pages as it needs, repeating the headings; a row moves to
// the next page whole unless it is taller than a page.
//
// Words are never split: a name in Chinese (县退役军人事务局, 王秀兰) is a
// word, as is a number. Columns are widened, taking width from columns
// with room to spare, until each column's widest word fits (see
// tableLayout); only when the block is too narrow for that are the Short
// forms used, and then the longest names allowed to break.
func (d *Doc) Table(cols []Column, rows [][]string) {
	if len(cols) == 0 {
		return
	}
	d.setFont(tableSize, 0)
	lay := d.tableLayout(cols, rows)
	xs, rows := lay.xs, lay.rows

	var head [][]string
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.Head
		if c.Head != "" {
			head = d.cells(xs, heads, lay.glue)
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
		first += min(float64(rowLines(d.cells(xs, rows[0], lay.glue)))*d.tablePitch, blockHeight/2)
	}
	d.need(first)
	fresh := d.y == blockTop // at the top of a page: a row too tall splits here
	drawHead()
	for _, r := range rows {
		cells := d.cells(xs, r, lay.glue)
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

// cells wraps each cell of a row to its column, checking its characters:
// words of up to glue Chinese characters stay whole (see glueWords).
func (d *Doc) cells(xs []float64, row []string, glue int) [][]string {
	d.setFont(tableSize, 0)
	out := make([][]string, len(xs)-1)
	for i := range out {
		text := ""
		if i < len(row) {
			text = row[i]
		}
		d.check(text)
		measure := d.lineMeasurer()
		lines := linebreak.Lines(glueWords(text, glue), xs[i+1]-xs[i]-2*cellPadX, func(s string) float64 {
			return measure(strings.ReplaceAll(s, wordJoiner, ""))
		})
		for j, l := range lines {
			lines[j] = strings.ReplaceAll(l, wordJoiner, "")
		}
		out[i] = lines
	}
	return out
}

// wordJoiner (U+2060) forbids a line break beside it (UAX #14 LB11):
// glueWords puts it between the characters of a word, and it is taken out
// again before anything is measured or drawn.
const wordJoiner = "\u2060"

// measureGlued measures s without its word joiners.
func (d *Doc) measureGlued(s string) float64 {
	return d.measure(strings.ReplaceAll(s, wordJoiner, ""))
}

// maxWordRunes is the longest run of Chinese characters a table keeps
// whole as a word: the longest names of bodies (县人力资源和社会保障局, 11).
// A longer run is prose, broken between any two characters.
const maxWordRunes = 12

// nameEnds are the last characters of the names of bodies, and nameStarts
// the first: a run of Chinese characters holds two names where one ends
// and the next begins (县民政局县教育局 is 县民政局 + 县教育局).
const (
	nameEnds   = "局委院办所部站队厅处科联团行司馆会"
	nameStarts = "县市省乡镇"
)

// glueWords joins the characters of each word of s with wordJoiner so that
// linebreak never breaks inside it. A word is a run of Chinese characters
// between other characters (punctuation, spaces, digits, letters) and
// between two names of bodies (see nameEnds), of at most limit characters;
// a longer run is left free. Numbers and Latin words linebreak keeps whole
// by itself. limit < 2 glues nothing.
func glueWords(s string, limit int) string {
	if limit < 2 || !strings.ContainsFunc(s, isHan) {
		return s
	}
	var b strings.Builder
	var word []rune
	flush := func() {
		if len(word) <= limit {
			for i, r := range word {
				if i > 0 {
					b.WriteString(wordJoiner)
				}
				b.WriteRune(r)
			}
		} else {
			b.WriteString(string(word))
		}
		word = word[:0]
	}
	box := false // the last character was a check box: it goes with the word after it
	for _, r := range s {
		if !isHan(r) {
			flush()
			b.WriteRune(r)
			box = strings.ContainsRune(checkBoxes, r)
			continue
		}
		if box {
			b.WriteString(wordJoiner)
			box = false
		}
		if n := len(word); n > 0 && strings.ContainsRune(nameEnds, word[n-1]) && strings.ContainsRune(nameStarts, r) {
			flush()
		}
		word = append(word, r)
	}
	flush()
	return b.String()
}

// checkBoxes are the boxes of a form's choices (□直接送达): a box never
// ends a line apart from the word it ticks.
const checkBoxes = "□☐☑☒■"

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// layout is how a table is set: the x of each column rule, the cells'
// texts (with Short forms, when used) and the longest word kept whole.
type layout struct {
	xs   []float64
	rows [][]string
	glue int
}

// tableLayout sizes the columns of a table: each column gets its share of
// the block, then a column too narrow for its widest word (its longest
// piece between line-break opportunities, the padding included) is
// widened, the width coming from the columns with room to spare in
// proportion to that room. When the words of all columns together are
// wider than the block, it tries, in turn: the Short forms of the
// columns' texts, then words of fewer characters kept whole (names longer
// than that may break), and at last no Chinese word kept whole.
func (d *Doc) tableLayout(cols []Column, rows [][]string) layout {
	total := 0.0
	for _, c := range cols {
		total += max(c.Width, 0)
	}
	share := make([]float64, len(cols))
	for i, c := range cols {
		share[i] = blockWidth / float64(len(cols))
		if total > 0 {
			share[i] = max(c.Width, 0) / total * blockWidth
		}
	}
	widths := map[string]float64{} // measured pieces
	pieceWidth := func(p string) float64 {
		w, ok := widths[p]
		if !ok {
			w = d.measureGlued(p)
			widths[p] = w
		}
		return w
	}
	need := func(rows [][]string, glue int) []float64 {
		min := make([]float64, len(cols))
		for i, c := range cols {
			texts := []string{c.Head}
			for _, r := range rows {
				if i < len(r) {
					texts = append(texts, r[i])
				}
			}
			for _, t := range texts {
				for _, p := range linebreak.Segments(glueWords(t, glue)) {
					min[i] = max(min[i], pieceWidth(p)+2*cellPadX)
				}
			}
		}
		return min
	}
	short := shortRows(cols, rows)
	type try struct {
		rows [][]string
		glue int
	}
	tries := []try{{rows, maxWordRunes}}
	if short != nil {
		tries = append(tries, try{short, maxWordRunes})
	} else {
		short = rows
	}
	for g := maxWordRunes - 1; g >= 2; g-- {
		tries = append(tries, try{short, g})
	}
	for _, t := range tries {
		if ws, ok := fitColumns(share, need(t.rows, t.glue)); ok {
			return layout{columnRules(ws), t.rows, t.glue}
		}
	}
	ws, _ := fitColumns(share, need(short, 0))
	return layout{columnRules(ws), short, 0}
}

// shortRows returns rows with the Short forms of their columns, or nil
// when no column has any that applies.
func shortRows(cols []Column, rows [][]string) [][]string {
	var out [][]string
	changed := false
	for _, r := range rows {
		r2 := append([]string(nil), r...)
		for i := range r2 {
			if i >= len(cols) {
				break
			}
			for full, short := range cols[i].Short {
				if full != "" && short != "" && strings.Contains(r2[i], full) {
					r2[i] = strings.ReplaceAll(r2[i], full, short)
					changed = true
				}
			}
		}
		out = append(out, r2)
	}
	if !changed {
		return nil
	}
	return out
}

// fitColumns widens the columns of share narrower than need, taking the
// width from the others in proportion to their room (share - need). It
// reports false when the needs together exceed the block: the widths are
// then the needs scaled down to fit.
func fitColumns(share, need []float64) ([]float64, bool) {
	ws := append([]float64(nil), share...)
	var deficit, room, sum float64
	for i := range ws {
		sum += need[i]
		if need[i] > ws[i] {
			deficit += need[i] - ws[i]
		} else {
			room += ws[i] - need[i]
		}
	}
	if sum > blockWidth+0.01 {
		for i := range ws {
			ws[i] = need[i] * blockWidth / sum
		}
		return ws, false
	}
	for i := range ws {
		if need[i] > ws[i] {
			ws[i] = need[i]
		} else if room > 0 {
			ws[i] -= (ws[i] - need[i]) * deficit / room
		}
	}
	return ws, true
}

// columnRules turns column widths into the x of each rule, the last at
// the right edge of the block.
func columnRules(ws []float64) []float64 {
	xs := make([]float64, len(ws)+1)
	xs[0] = blockLeft
	for i, w := range ws {
		xs[i+1] = xs[i] + w
	}
	xs[len(ws)] = blockRight
	return xs
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

// ShortNames maps the full name of each department of the catalogue that
// has a short name to it (县退役军人事务局 → 县退役军人局), for a table's
// Column.Short: a narrow table prints the short names rather than break
// the full ones.
func (p *Printer) ShortNames() map[string]string {
	m := map[string]string{}
	for _, d := range p.cat.Departments {
		if d.Short != "" && d.Name != "" && d.Short != d.Name {
			m[d.Name] = d.Short
		}
	}
	return m
}
