package printouts

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/signintech/gopdf"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts/linebreak"
)

// Page geometry after GB/T 9704-2012, in points (1 mm = 72/25.4 pt), with
// the origin at the top left of an A4 page.
const (
	mm          = 72 / 25.4
	blockTop    = 37 * mm  // top margin
	blockLeft   = 28 * mm  // left margin
	blockWidth  = 156 * mm // text block (版心) width
	blockHeight = 225 * mm // text block height
	blockRight  = blockLeft + blockWidth
	blockBottom = blockTop + blockHeight

	bodySize    = 16.0 // 3号: body text
	titleSize   = 22.0 // 2号: title
	tableSize   = 14.0 // 4号: table cells
	pageNumSize = 14.0 // 4号: page numbers

	// linePitch sets 22 lines of body text in the text block.
	linePitch = blockHeight / 22
	// bodySpacing narrows every character a little so that 28 Chinese
	// characters of 16 pt fill the 156 mm line, as the standard asks.
	bodySpacing = blockWidth/28 - bodySize - 0.05
	// bodyChar is the advance of one Chinese character of body text.
	bodyChar = bodySize + bodySpacing
	// maxStretch is the most a justified line spreads each character;
	// a line that would need more (a long number moved down) stays ragged.
	maxStretch = 1.5

	titlePitch = 1.3 * titleSize
	tablePitch = 1.4 * tableSize
	cellPadX   = 5.0
	cellPadY   = 3.5
	ruleWidth  = 0.75 // table rules

	sealRadius = 21 * mm // a 42 mm office seal
)

// Align is the horizontal alignment of text in a table column.
type Align int

// Alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Doc builds one PDF document page by page on the GB/T 9704 grid: titles,
// paragraphs, ruled tables and the signature block, breaking pages by
// itself and numbering them "— 1 —". Its methods do not return errors:
// the first error, and every character the font cannot print, are kept
// and returned by Bytes, which never gives a PDF with blanks. A Doc is
// used by one goroutine; the Font it is set in may be shared.
type Doc struct {
	pdf   *gopdf.GoPdf
	fonts *FontSet
	y     float64 // top of the next line, from the top of the page
	pages int

	role          Role    // whose face text is set in
	cur           *Font   // the face set in gopdf
	size, spacing float64 // font size and character spacing in force
	added         []*Font // faces registered with gopdf

	// redHeader asks for the issuing body in red above a red rule at the
	// head of page 1 (GB/T 9704 发文机关标志); headerTop is where the
	// first title reserved its place, 0 before.
	redHeader bool
	headerTop float64
	headerSet bool

	// pitch and tablePitch are the line pitches of body text and table
	// cells: linePitch and tablePitch, less when lines are squeezed.
	pitch, tablePitch float64
	// sealAlone is set when the signature block had to go to a page of its
	// own: the printer then sets the document again with closer lines.
	sealAlone bool

	missing []rune
	err     error
}

// NewDoc starts an A4 document set in font, on its first page.
func NewDoc(font *Font) (*Doc, error) { return NewDocFonts(SingleFont(font, "")) }

// NewDocFonts starts an A4 document set in the faces of fonts, each role
// in its own, on its first page.
func NewDocFonts(fonts *FontSet) (*Doc, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	d := &Doc{pdf: pdf, fonts: fonts, pitch: linePitch, tablePitch: tablePitch}
	if d.addFont(fonts.Face(RoleBody)); d.err != nil {
		return nil, d.err
	}
	d.newPage()
	return d, nil
}

// addFont registers f with the document once.
func (d *Doc) addFont(f *Font) {
	if !slices.Contains(d.added, f) {
		d.added = append(d.added, f)
		d.fail(f.AddTo(d.pdf))
	}
}

// squeeze sets lines closer, by factor f < 1, to keep the signature block
// on the page of the text it signs (GB/T 9704 7.3.5.1 asks for adjusted
// line spacing rather than a page with nothing but the seal).
func (d *Doc) squeeze(f float64) {
	d.pitch, d.tablePitch = linePitch*f, tablePitch*f
}

// SetInfo names the document in the PDF's metadata. Keep personal data
// out of it: viewers show it in their title bar.
func (d *Doc) SetInfo(title string) {
	d.pdf.SetInfo(gopdf.PdfInfo{Title: title, Creator: "hall"})
}

// Pages returns the number of pages so far.
func (d *Doc) Pages() int { return d.pages }

// Bytes returns the PDF. It fails with a *MissingGlyphsError naming every
// character of the document the font has no glyph for, or with the first
// error met while building it.
func (d *Doc) Bytes() ([]byte, error) {
	if len(d.missing) > 0 {
		return nil, &MissingGlyphsError{Font: d.fonts.Face(RoleBody).Spec(), Runes: slices.Clone(d.missing)}
	}
	if d.err != nil {
		return nil, d.err
	}
	return d.pdf.GetBytesPdfReturnErr()
}

// fail keeps the first error.
func (d *Doc) fail(err error) {
	if err != nil && d.err == nil {
		d.err = err
	}
}

// check records the characters of texts no face of the document can
// print (in the role in force, or a fallback) and reports whether they
// can all be printed.
func (d *Doc) check(texts ...string) bool {
	ok := true
	for _, s := range texts {
		for _, r := range s {
			if r < 0x20 || r == 0x7F || d.fonts.faceFor(d.role, r) != nil {
				continue
			}
			ok = false
			if !slices.Contains(d.missing, r) {
				d.missing = append(d.missing, r)
			}
		}
	}
	return ok
}

// setRole sets the role whose face text is set in, and returns the one
// before.
func (d *Doc) setRole(r Role) Role {
	old := d.role
	d.role = r
	return old
}

// setFont sets the font size and character spacing for what follows, in
// the face of the role in force.
func (d *Doc) setFont(size, spacing float64) {
	d.setFace(d.fonts.Face(d.role), size)
	if spacing != d.spacing {
		d.fail(d.pdf.SetCharSpacing(spacing))
		d.spacing = spacing
	}
}

// setFace sets face f at size in gopdf, registering it at first use.
func (d *Doc) setFace(f *Font, size float64) {
	if f != d.cur || size != d.size {
		d.addFont(f)
		d.fail(d.pdf.SetFont(f.Family(), "", size))
		d.cur, d.size = f, size
	}
}

// faceRun is a stretch of text set in one face.
type faceRun struct {
	face *Font
	text string
}

// runs splits s into stretches by the face that prints them: the role's
// face, or a fallback for a character it lacks. Characters no face can
// print are left out: gopdf never sees them.
func (d *Doc) runs(s string) []faceRun {
	base := d.fonts.Face(d.role)
	var out []faceRun
	start := 0
	var cur *Font
	for i, r := range s {
		f := d.fonts.faceFor(d.role, r)
		if f != cur || f == nil {
			if cur != nil && i > start {
				out = append(out, faceRun{cur, s[start:i]})
			}
			cur, start = f, i
			if f == nil {
				start = i + utf8.RuneLen(r)
			}
		}
	}
	if cur != nil && start < len(s) {
		out = append(out, faceRun{cur, s[start:]})
	}
	if len(out) == 0 {
		out = append(out, faceRun{base, ""})
	}
	return out
}

// measure is the width of s in the font settings in force, each character
// in the face that prints it. Characters no face can print (checked
// before text is measured) count as nothing.
func (d *Doc) measure(s string) float64 {
	if w, ok := d.fastMeasure(s); ok {
		return w
	}
	base, w := d.cur, 0.0
	for _, r := range d.runs(s) {
		d.setFace(r.face, d.size)
		rw, err := d.pdf.MeasureTextWidth(r.text)
		d.fail(err)
		w += rw
	}
	if base != nil {
		d.setFace(base, d.size)
	}
	return w
}

// text draws s with its baseline at y, each character in the face that
// prints it. Text no face can print is recorded, not drawn: gopdf would
// print spaces for it.
func (d *Doc) text(x, baseline float64, s string) {
	if s == "" || !d.check(s) {
		return
	}
	base := d.cur
	for _, r := range d.runs(s) {
		d.setFace(r.face, d.size)
		d.pdf.SetXY(x, baseline)
		d.fail(d.pdf.Text(r.text))
		w, ok := d.fastMeasure(r.text)
		if !ok {
			var err error
			w, err = d.pdf.MeasureTextWidth(r.text)
			d.fail(err)
		}
		x += w
	}
	if base != nil {
		d.setFace(base, d.size)
	}
}

// baseline returns where text of size sits in a line of pitch starting at
// top: the middle of a Chinese character (about 0.38 em above the
// baseline) on the middle of the line.
func baseline(top, pitch, size float64) float64 {
	return top + pitch/2 + 0.38*size
}

// newPage starts a page and numbers it.
func (d *Doc) newPage() {
	d.pdf.AddPage()
	d.pages++
	d.y = blockTop
	size, spacing := d.size, d.spacing
	role := d.setRole(RoleBody)
	d.pageNumber()
	d.setRole(role)
	if size > 0 {
		d.setFont(size, spacing) // as it was: a page breaks mid-paragraph
	}
}

// pageNumber prints "— n —" in 4号 7 mm below the text block: right with
// one character's space on odd pages, left on even ones (GB/T 9704 7.5).
func (d *Doc) pageNumber() {
	s := "— " + strconv.Itoa(d.pages) + " —"
	d.setFont(pageNumSize, 0)
	w := d.measure(s)
	x := blockRight - pageNumSize - w
	if d.pages%2 == 0 {
		x = blockLeft + pageNumSize
	}
	d.text(x, blockBottom+7*mm+0.8*pageNumSize, s)
}

// fits reports whether h points fit below the current position.
func (d *Doc) fits(h float64) bool { return d.y+h <= blockBottom+0.01 }

// need starts a new page unless h points fit on this one.
func (d *Doc) need(h float64) {
	if !d.fits(h) {
		d.newPage()
	}
}

// line is one line of set text.
type line struct {
	text  string
	first bool // first line of a paragraph: indented
	last  bool // last line of a paragraph: never justified
}

// wrap breaks s into lines width wide, the first line of each paragraph
// ("\n" separates them) indent narrower.
func (d *Doc) wrap(s string, width, indent float64) []line {
	var out []line
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		lines := linebreak.Lines(para, width-indent, d.lineMeasurer())
		if indent > 0 && len(lines) > 1 {
			// Only the first line is indented: set the rest again at full
			// width. The first line is a prefix of the paragraph, less the
			// spaces dropped at the break.
			rest := strings.TrimLeft(para[len(lines[0]):], " ")
			lines = append(lines[:1], linebreak.Lines(rest, width, d.lineMeasurer())...)
		}
		for i, l := range lines {
			out = append(out, line{text: l, first: i == 0, last: i == len(lines)-1})
		}
	}
	return out
}

// flow sets s in body text across the text block: lines of linePitch,
// broken onto new pages as needed.
func (d *Doc) flow(s string, al Align, indent float64, justify bool) {
	d.check(s)
	d.setFont(bodySize, bodySpacing)
	for _, l := range d.wrap(s, blockWidth, indent) {
		d.need(d.pitch)
		x, avail := blockLeft, blockWidth
		if l.first {
			x, avail = x+indent, avail-indent
		}
		w := d.measure(l.text)
		switch al {
		case AlignCenter:
			x += (avail - w) / 2
		case AlignRight:
			x += avail - w
		}
		if justify && !l.last {
			d.justify(x, baseline(d.y, d.pitch, bodySize), avail, l.text)
		} else {
			d.text(x, baseline(d.y, d.pitch, bodySize), l.text)
		}
		d.y += d.pitch
	}
}

// justify draws s from x spread to width avail: the extra space goes
// between characters but never inside a word of letters and digits, so
// "5,000.00" and ID numbers keep their spacing. A line that would need
// more than maxStretch per gap (a long number moved down) stays ragged.
func (d *Doc) justify(x, baseline, avail float64, s string) {
	type run struct {
		text string
		gaps int // gaps the run spreads: its characters, or 1 for a word
		word bool
	}
	var runs []run
	gaps, pos := 0, 0 // pos: where atom a starts in s (atoms are consecutive)
	for _, a := range atoms(s) {
		word := wordLen(a) == len(a)
		n := 1
		if !word {
			n = utf8.RuneCountInString(a)
		}
		if k := len(runs) - 1; !word && k >= 0 && !runs[k].word {
			runs[k].text = s[pos-len(runs[k].text) : pos+len(a)] // the run so far and a
			runs[k].gaps += n
		} else {
			runs = append(runs, run{a, n, word})
		}
		gaps += n
		pos += len(a)
	}
	gaps-- // none after the last character
	extra := 0.0
	if gaps > 0 {
		extra = (avail - d.measure(s)) / float64(gaps)
	}
	if extra <= 0 || extra > maxStretch || len(runs) == 0 {
		d.text(x, baseline, s)
		return
	}
	for _, r := range runs {
		w := d.measure(r.text)
		if !r.word {
			d.setFont(bodySize, bodySpacing+extra)
		}
		d.text(x, baseline, r.text)
		d.setFont(bodySize, bodySpacing)
		x += w + float64(r.gaps)*extra
	}
}

// wordJoiners stay inside a word of letters and digits that justify never
// stretches: 1,234.56 ¥80 50% 2024-05-01 10:30 2024/05.
const wordJoiners = ".-,:/%¥"

// atoms splits a line into the units justify spreads: words (see wordLen)
// and single other characters. Where a line may break is package
// linebreak's business; this only decides where extra space may go.
func atoms(s string) []string {
	var out []string
	for len(s) > 0 {
		n := wordLen(s)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(s)
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// wordLen returns the length in bytes of the word s starts with, or 0. A
// word is a run of letters and digits of alphabetic scripts (below the CJK
// blocks at U+2E80) and wordJoiners, holding at least one letter or digit;
// of the joiners only '¥' and '-' may start it.
func wordLen(s string) int {
	end, hasAlnum := 0, false
	for i, r := range s {
		switch {
		case r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			hasAlnum = true
		case strings.ContainsRune(wordJoiners, r) && (i > 0 || r == '¥' || r == '-'):
		default:
			if hasAlnum {
				return end
			}
			return 0
		}
		end = i + utf8.RuneLen(r)
	}
	if hasAlnum {
		return end
	}
	return 0
}

// Title sets s as the document's title: 2号 in the title face, centred,
// one or more lines. The first title of a document with a red header
// leaves the header its place above it.
func (d *Doc) Title(s string) {
	defer d.setRole(d.setRole(RoleTitle))
	if d.redHeader && d.headerTop == 0 && d.pages == 1 {
		d.headerTop = d.y + headerGap
		d.y = d.headerTop + headerSize + headerRuleGap + 2*d.pitch
	}
	d.check(s)
	d.setFont(titleSize, 0)
	for _, l := range d.wrap(s, blockWidth, 0) {
		d.need(titlePitch)
		w := d.measure(l.text)
		d.text(blockLeft+(blockWidth-w)/2, baseline(d.y, titlePitch, titleSize), l.text)
		d.y += titlePitch
	}
}

// Para sets s as a body paragraph: first line indented by two
// characters, lines justified to the text block but the last. "\n" starts
// a new paragraph. Numbers, ID numbers and amounts are never split and no
// line starts with closing punctuation (see package linebreak).
func (d *Doc) Para(s string) { d.flow(s, AlignLeft, 2*bodyChar, true) }

// Line sets s flush left without indent, e.g. the addressee "王某某：".
func (d *Doc) Line(s string) { d.flow(s, AlignLeft, 0, false) }

// Right sets s flush right, e.g. a reference number.
func (d *Doc) Right(s string) { d.flow(s, AlignRight, 0, false) }

// Center sets s centred in body text.
func (d *Doc) Center(s string) { d.flow(s, AlignCenter, 0, false) }

// Blank leaves one empty line of body text.
func (d *Doc) Blank() {
	if d.fits(d.pitch) {
		d.y += d.pitch
	}
}

// PageBreak starts a new page.
func (d *Doc) PageBreak() { d.newPage() }

// SignatureBlock sets the issuing body and the date after GB/T 9704
// 7.3.5.1: the date (Arabic numerals, "2026年11月29日") right-aligned four
// characters in, the issuer centred above it, and a dashed circle where
// the seal goes over both, its top within a line of the text above. The
// block moves to a new page whole when it does not fit.
func (d *Doc) SignatureBlock(issuer string, date casefile.Date) {
	d.drawRedHeader(issuer)
	defer d.setRole(d.setRole(RoleSign))
	dateText := date.Chinese()
	d.check(issuer, dateText)
	d.setFont(bodySize, bodySpacing)
	issuerTop := 2 * d.pitch                          // below the text, past two empty lines
	sealY := max(issuerTop+0.3*d.pitch, sealRadius+3) // clear of the text above
	// The date must be in the text block; the seal may reach a little
	// below it, above the page number.
	if !d.fits(issuerTop + 2*d.pitch) {
		d.newPage()
		d.sealAlone = true
	}
	issuerTop += d.y
	sealY += d.y

	wDate, wIssuer := d.measure(dateText), d.measure(issuer)
	dateRight := blockRight - 4*bodyChar
	center := dateRight - wDate/2
	if wIssuer > wDate {
		// A long name ends two characters in; the date centres under it.
		center = blockRight - 2*bodyChar - wIssuer/2
	}
	center = max(center, blockLeft+max(wIssuer, wDate)/2)
	d.text(center-wIssuer/2, baseline(issuerTop, d.pitch, bodySize), issuer)
	d.text(center-wDate/2, baseline(issuerTop+d.pitch, d.pitch, bodySize), dateText)
	d.seal(center, sealY)
	d.y = issuerTop + 2*d.pitch
}

// seal draws the dashed circle of the seal's place centred at x, y.
func (d *Doc) seal(x, y float64) {
	d.pdf.SetLineWidth(0.6)
	d.pdf.SetStrokeColor(170, 170, 170)
	d.pdf.SetCustomLineType([]float64{4, 3}, 0)
	d.pdf.Oval(x-sealRadius, y-sealRadius, x+sealRadius, y+sealRadius)
	d.pdf.SetLineType("solid")
	d.pdf.SetStrokeColor(0, 0, 0)
}

// The red header (红头, GB/T 9704-2012 7.2.4 and 7.2.7): the issuing body's
// name, centred in red in the title face, its top headerGap below the top
// of the text block, and a red rule as wide as the block headerRuleGap
// below it; the title starts two lines under the rule (7.3.1).
const (
	headerGap     = 35 * mm
	headerSize    = 30.0 // the name's size, less when a long name must fit the block
	headerRuleGap = 6 * mm
	headerRule    = 1.0 // the rule's width
)

// redRGB is the red of the header and its rule.
var redRGB = [3]uint8{230, 0, 18}

// RedHeader asks for the red header on page 1: the first Title leaves its
// place, the first SignatureBlock names the issuing body in it.
func (d *Doc) RedHeader() { d.redHeader = true }

// drawRedHeader draws the red header with issuer's name in the place the
// first title left, once.
func (d *Doc) drawRedHeader(issuer string) {
	if !d.redHeader || d.headerTop == 0 || d.headerSet || issuer == "" {
		return
	}
	d.headerSet = true
	if !d.check(issuer) {
		return
	}
	prev := d.setRole(RoleTitle)
	size, spacing := d.size, d.spacing
	d.fail(d.pdf.SetPage(1))
	n := float64(utf8.RuneCountInString(issuer))
	hs := min(headerSize, blockWidth/max(n, 1)*0.95)
	d.setFont(hs, 0)
	w := d.measure(issuer)
	d.pdf.SetTextColor(redRGB[0], redRGB[1], redRGB[2])
	d.text(blockLeft+(blockWidth-w)/2, baseline(d.headerTop, headerSize, hs), issuer)
	d.pdf.SetTextColor(0, 0, 0)
	ruleY := d.headerTop + headerSize + headerRuleGap
	d.pdf.SetLineWidth(headerRule)
	d.pdf.SetStrokeColor(redRGB[0], redRGB[1], redRGB[2])
	d.pdf.Line(blockLeft, ruleY, blockRight, ruleY)
	d.pdf.SetStrokeColor(0, 0, 0)
	d.fail(d.pdf.SetPage(d.pages))
	d.setRole(prev)
	if size > 0 {
		d.setFont(size, spacing)
	}
}
