package gopdf

// hall patch: glyph metrics of a font in a FontContainer, read without a
// document, so that a caller can measure text many times over without
// gopdf's per-call work (AddChars, createContent) and without adding the
// measured characters to any document's subset.

// GlyphMetrics reads the advance widths of one font of a FontContainer.
// It only reads the parsed font and is safe for concurrent use.
type GlyphMetrics struct {
	f *SubsetFontObj
}

// GlyphMetrics returns the metrics of the font family of fc.
func (fc *FontContainer) GlyphMetrics(family string) (*GlyphMetrics, error) {
	v, ok := fc.fonts.Load(family)
	if !ok {
		return nil, ErrFontNotFound
	}
	f := v.(SubsetFontObj)
	return &GlyphMetrics{f: &f}, nil
}

// Width returns the advance of r in thousandths of an em, as a document's
// CharWidth gives it once r has been added; ok is false when the font's
// cmap has no glyph for r (a document would then call OnGlyphNotFound).
func (m *GlyphMetrics) Width(r rune) (width uint, ok bool) {
	g, err := m.f.CharCodeToGlyphIndex(r)
	if err != nil {
		return 0, false
	}
	return m.f.GlyphIndexToPdfWidth(g), true
}

// UnitsPerEm returns the font's design units per em.
func (m *GlyphMetrics) UnitsPerEm() int { return int(m.f.ttfp.UnitsPerEm()) }

// SpacingWidth is the advance, in thousandths of an em, that character
// spacing adds to every character of text set at size in a font of upem
// units per em, rounded as MeasureTextWidth rounds it.
func SpacingWidth(upem int, size, spacing float64) int {
	unitsPerPt := float64(upem) / size
	return convertTTFUnit2PDFUnit(int(unitsPerPt*spacing), upem)
}

// TextWidth converts a sum of advances and spacings in thousandths of an
// em into the width, in points, that MeasureTextWidth gives at size
// (no kerning).
func TextWidth(sum int, size float64) float64 {
	return float64(sum) * (float64(size) / 1000.0)
}
