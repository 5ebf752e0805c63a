package gopdf

import (
	"encoding/binary"
	"sort"
)

// hall patch: compact subsets. gopdf v0.33.0 keeps every glyph of the face
// at its own index in the embedded font program, so each document carries
// loca and hmtx for all glyphs of the face (~400 KB before compression for
// a CJK face) while it draws a few hundred. A compact subset renumbers the
// glyphs it keeps 0…n-1 in the order of their original indices (.notdef
// stays 0, components of composite glyphs are kept and their references
// renumbered), and the content streams, /W and /ToUnicode name glyphs by
// the new numbers (CIDs, with the default Identity CIDToGIDMap). Widths
// and outlines are the face's own, so the page looks the same.

// glyphRemap maps a document's glyphs of one face to the compact subset.
type glyphRemap struct {
	keys int           // len(CharacterToGlyphIndex.Keys) when made
	olds []uint        // olds[new] is the face's index of subset glyph new
	news map[uint]uint // the subset index of a face index
}

// subsetRemap returns the compact numbering of the glyphs added so far,
// made again when characters were added since.
func (s *SubsetFontObj) subsetRemap() *glyphRemap {
	if m := s.remap; m != nil && m.keys == len(s.CharacterToGlyphIndex.Keys) {
		return m
	}
	numGlyphs := s.ttfp.NumGlyphs()
	seen := map[uint]bool{0: true}
	todo := []uint{0}
	add := func(g uint) {
		if g < numGlyphs && !seen[g] {
			seen[g] = true
			todo = append(todo, g)
		}
	}
	for _, g := range s.CharacterToGlyphIndex.Vals {
		add(g)
	}
	for i := 0; i < len(todo); i++ { // components of composites, at any depth
		for _, at := range s.componentRefs(s.glyphData(todo[i])) {
			add(uint(binary.BigEndian.Uint16(s.glyphData(todo[i])[at:])))
		}
	}
	sort.Slice(todo, func(i, j int) bool { return todo[i] < todo[j] })
	m := &glyphRemap{keys: len(s.CharacterToGlyphIndex.Keys), olds: todo, news: make(map[uint]uint, len(todo))}
	for n, g := range todo {
		m.news[g] = uint(n)
	}
	s.remap = m
	return m
}

// SubsetGlyph returns the index in the compact subset (the CID a content
// stream draws) of the face's glyph g; 0 (.notdef) for a glyph not kept.
func (s *SubsetFontObj) SubsetGlyph(g uint) uint {
	return s.subsetRemap().news[g]
}

// glyphData is the outline of the face's glyph g in its glyf table.
func (s *SubsetFontObj) glyphData(g uint) []byte {
	loca := s.ttfp.LocaTable
	if int(g)+1 >= len(loca) {
		return nil
	}
	glyf := s.ttfp.GetTables()["glyf"]
	data := s.ttfp.FontData()
	start, end := glyf.Offset+loca[g], glyf.Offset+loca[g+1]
	if end < start || end > uint(len(data)) {
		return nil
	}
	return data[start:end]
}

// componentRefs returns the offsets, in a composite glyph's data, of the
// glyph indices of its components; none for a simple glyph.
func (s *SubsetFontObj) componentRefs(glyph []byte) []int {
	if len(glyph) < 10 || int16(binary.BigEndian.Uint16(glyph)) >= 0 {
		return nil
	}
	var refs []int
	for at := 10; at+4 <= len(glyph); {
		flags := binary.BigEndian.Uint16(glyph[at:])
		refs = append(refs, at+2)
		at += 4
		if flags&arg1and2areWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&hasScale != 0:
			at += 2
		case flags&xAndYScale != 0:
			at += 4
		case flags&twoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	return refs
}

// makeCompactFont writes the font program of the compact subset: the
// kept glyphs' outlines, loca and hmtx for them only, maxp and hhea
// counting them, and the face's hinting tables.
func (p *PdfDictionaryObj) makeCompactFont() []byte {
	s := p.PtrToSubsetFontObj
	ttfp := s.GetTTFParser()
	m := s.subsetRemap()
	be := binary.BigEndian
	face := ttfp.FontData()
	faceTable := func(tag string) []byte {
		e, ok := ttfp.GetTables()[tag]
		if !ok || e.Offset+e.Length > uint(len(face)) {
			return nil
		}
		return face[e.Offset : e.Offset+e.Length]
	}

	// glyf and loca
	size := 0
	for _, g := range m.olds {
		size += len(s.glyphData(g)) + 1
	}
	glyf := make([]byte, 0, size)
	loca := make([]uint, 0, len(m.olds)+1)
	for _, g := range m.olds {
		loca = append(loca, uint(len(glyf)))
		data := s.glyphData(g)
		at := len(glyf)
		glyf = append(glyf, data...)
		for _, ref := range s.componentRefs(data) {
			old := uint(be.Uint16(data[ref:]))
			be.PutUint16(glyf[at+ref:], uint16(m.news[old]))
		}
		if ttfp.IsShortIndex && len(glyf)%2 == 1 {
			glyf = append(glyf, 0)
		}
	}
	loca = append(loca, uint(len(glyf)))
	locaData := make([]byte, 0, 4*len(loca))
	for _, off := range loca {
		if ttfp.IsShortIndex {
			locaData = be.AppendUint16(locaData, uint16(off/2))
		} else {
			locaData = be.AppendUint32(locaData, uint32(off))
		}
	}

	// hmtx: a long metric for every kept glyph
	hmtxFace := faceTable("hmtx")
	metrics := int(ttfp.NumberOfHMetrics())
	hmtx := make([]byte, 0, 4*len(m.olds))
	for _, g := range m.olds {
		var adv, lsb uint16
		if i := int(g); i < metrics {
			if 4*i+4 <= len(hmtxFace) {
				adv, lsb = be.Uint16(hmtxFace[4*i:]), be.Uint16(hmtxFace[4*i+2:])
			}
		} else if metrics > 0 {
			if 4*metrics <= len(hmtxFace) {
				adv = be.Uint16(hmtxFace[4*(metrics-1):])
			}
			if at := 4*metrics + 2*(i-metrics); at+2 <= len(hmtxFace) {
				lsb = be.Uint16(hmtxFace[at:])
			}
		}
		hmtx = be.AppendUint16(be.AppendUint16(hmtx, adv), lsb)
	}

	// hhea and maxp count the kept glyphs
	hhea := append([]byte(nil), faceTable("hhea")...)
	if len(hhea) >= 36 {
		be.PutUint16(hhea[34:], uint16(len(m.olds)))
	}
	maxp := append([]byte(nil), faceTable("maxp")...)
	if len(maxp) >= 6 {
		be.PutUint16(maxp[4:], uint16(len(m.olds)))
	}

	type table struct {
		tag  string
		data []byte
	}
	var tables []table
	for _, tag := range []string{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"} { // sorted
		var data []byte
		switch tag {
		case "glyf":
			data = glyf
		case "loca":
			data = locaData
		case "hmtx":
			data = hmtx
		case "hhea":
			data = hhea
		case "maxp":
			data = maxp
		default:
			if _, ok := ttfp.GetTables()[tag]; !ok {
				continue
			}
			data = faceTable(tag)
		}
		tables = append(tables, table{tag, data})
	}

	n := len(tables)
	selector := 0
	for 1<<(selector+1) <= n {
		selector++
	}
	total := 12 + 16*n
	for _, t := range tables {
		total += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, total)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16<<selector))
	be.PutUint16(out[8:], uint16(selector))
	be.PutUint16(out[10:], uint16(16*n-16<<selector))
	for i, t := range tables {
		offset := len(out)
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		entry := out[12+16*i:]
		copy(entry, t.tag)
		be.PutUint32(entry[4:], uint32(CheckSum(out[offset:])))
		be.PutUint32(entry[8:], uint32(offset))
		be.PutUint32(entry[12:], uint32(len(t.data)))
	}
	return out
}
