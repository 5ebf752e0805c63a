package printouts

import (
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/signintech/gopdf"
)

// Measuring text is most of the work of laying out a letter: the line
// breaker measures every candidate line, so a paragraph's characters are
// measured many times over. gopdf's MeasureTextWidth adds the characters
// to the document's subset and looks each one up in the font's cmap on
// every call; a Font instead keeps each character's advance once per
// process, shared read-only by every document and goroutine, and a Doc
// sums them exactly as gopdf does (integer thousandths of an em, no
// kerning), so every width, and so every line break, is the same.

// bmpRunes is the number of runes of the Basic Multilingual Plane: the
// characters a widthCache and a coverage bitmap hold. Rarer characters
// (𠮷) take gopdf's own path.
const bmpRunes = 0x10000

// noGlyph marks, in a widthCache, a character the font's cmap does not
// map (0 is a character not looked up yet, w+1 an advance w).
const noGlyph = ^uint32(0)

// widthCache holds a face's advances of the BMP characters, in
// thousandths of an em, filled the first time each is measured, and a
// bitmap of the BMP characters the face has a glyph for. It is safe for
// concurrent use: a slot is only ever set to the one value gopdf's parsed
// font gives, so racing writers agree.
type widthCache struct {
	metrics *gopdf.GlyphMetrics
	upem    int
	covered [bmpRunes / 64]uint64
	widths  [bmpRunes]atomic.Uint32
}

// cover sets the bitmap from c: before the face can be asked what it has.
func (w *widthCache) cover(c coverage) {
	for _, rr := range c {
		for r := rr.lo; r <= rr.hi && r < bmpRunes; r++ {
			w.covered[r/64] |= 1 << (r % 64)
		}
	}
}

// init reads the metrics of family from fc.
func (w *widthCache) init(fc *gopdf.FontContainer, family string) error {
	m, err := fc.GlyphMetrics(family)
	if err != nil {
		return err
	}
	w.metrics, w.upem = m, m.UnitsPerEm()
	return nil
}

// has reports whether the face has a glyph for r (not .notdef).
func (f *Font) has(r rune) bool {
	if r >= 0 && r < bmpRunes {
		return f.metrics.covered[r/64]&(1<<(r%64)) != 0
	}
	return f.coverage.has(r)
}

// advance returns the advance of r in thousandths of an em and true, or
// false when r is outside the BMP or the face has no glyph for it: the
// caller then measures through gopdf.
func (f *Font) advance(r rune) (int, bool) {
	if r < 0 || r >= bmpRunes || !f.has(r) {
		return 0, false
	}
	slot := &f.metrics.widths[r]
	v := slot.Load()
	if v == 0 {
		w, ok := f.metrics.metrics.Width(r)
		v = noGlyph
		if ok && w < uint(noGlyph-1) {
			v = uint32(w) + 1
		}
		slot.Store(v)
	}
	if v == noGlyph {
		return 0, false
	}
	return int(v - 1), true
}

// fastMeasure is the width of s in the font settings in force, each
// character in the face that prints it, as measure gives it; ok is false
// when a character needs gopdf's own path (outside the BMP, or no face of
// the role has it).
func (d *Doc) fastMeasure(s string) (w float64, ok bool) {
	var (
		face    *Font
		sum     int
		spacing int
	)
	for _, r := range s {
		f := d.fonts.faceFor(d.role, r)
		if f == nil {
			return 0, false
		}
		adv, ok := f.advance(r)
		if !ok {
			return 0, false
		}
		if f != face {
			if face != nil {
				w += gopdf.TextWidth(sum, d.size)
			}
			face, sum = f, 0
			spacing = gopdf.SpacingWidth(f.metrics.upem, d.size, d.spacing)
		}
		sum += adv + spacing
	}
	if face != nil {
		w += gopdf.TextWidth(sum, d.size)
	}
	return w, true
}

// lineMeasure measures the candidate lines of one paragraph for the line
// breaker, which asks for ever longer prefixes of the same line: when s
// extends the string measured last, only the added characters are summed.
// It gives what Doc.measure gives (the same runs summed in the same
// order), and must not outlive a change of the Doc's font settings.
type lineMeasure struct {
	d    *Doc
	last string  // what was measured last, fast; "" after a reset
	done float64 // width of its face runs before the last
	face *Font   // the face of its last run, nil if none
	sum  int     // the last run's advances and spacing, thousandths of an em
	gap  int     // the spacing added to each of its characters
}

// lineMeasurer returns a fresh lineMeasure's measure function.
func (d *Doc) lineMeasurer() func(string) float64 {
	m := &lineMeasure{d: d}
	return m.measure
}

func (m *lineMeasure) measure(s string) float64 {
	if m.last == "" || !strings.HasPrefix(s, m.last) || !fullLastRune(m.last) {
		m.last, m.done, m.face, m.sum = "", 0, nil, 0
	}
	for _, r := range s[len(m.last):] {
		f := m.d.fonts.faceFor(m.d.role, r)
		if f == nil {
			m.last = ""
			return m.d.measure(s)
		}
		adv, ok := f.advance(r)
		if !ok {
			m.last = ""
			return m.d.measure(s)
		}
		if f != m.face {
			if m.face != nil {
				m.done += gopdf.TextWidth(m.sum, m.d.size)
			}
			m.face, m.sum = f, 0
			m.gap = gopdf.SpacingWidth(f.metrics.upem, m.d.size, m.d.spacing)
		}
		m.sum += adv + m.gap
	}
	m.last = s
	w := m.done
	if m.face != nil {
		w += gopdf.TextWidth(m.sum, m.d.size)
	}
	return w
}

// fullLastRune reports whether s ends with a whole UTF-8 character, so
// that a string extending s continues with the characters s lacks.
func fullLastRune(s string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	return r != utf8.RuneError || n > 1
}
