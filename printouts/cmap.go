package printouts

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
)

// runeRange is an inclusive range of runes.
type runeRange struct{ lo, hi rune }

// coverage is the sorted, non-overlapping set of runes a font maps to a
// real glyph (not .notdef).
type coverage []runeRange

// has reports whether r is in c.
func (c coverage) has(r rune) bool {
	i, _ := slices.BinarySearchFunc(c, r, func(rr runeRange, r rune) int { return cmp.Compare(rr.hi, r) })
	return i < len(c) && c[i].lo <= r
}

// readCoverage reads the runes a font can print from its cmap table. It reads
// exactly the subtables gopdf draws with: Windows Unicode BMP (3,1) format 4
// for runes up to U+FFFF and Windows Unicode full (3,10) format 12 for the
// runes above, so a rune it reports is a rune gopdf prints.
func readCoverage(cmap []byte) (coverage, error) {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return nil, malformed("cmap table truncated")
	}
	var bmp, full []byte
	for i := range int(be.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, malformed("cmap table truncated")
		}
		platform, encoding, offset := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:]), be.Uint32(cmap[rec+4:])
		if platform != 3 || uint64(offset) >= uint64(len(cmap)) {
			continue
		}
		switch {
		case encoding == 1 && bmp == nil:
			bmp = cmap[offset:]
		case encoding == 10 && full == nil:
			full = cmap[offset:]
		}
	}
	if bmp == nil {
		return nil, malformed("no Windows Unicode (3,1) cmap")
	}
	c, err := appendFormat4(nil, bmp)
	if err == nil && full != nil {
		c, err = appendFormat12(c, full)
	}
	if err != nil {
		return nil, err
	}
	return normalize(c), nil
}

// appendFormat4 adds the runes mapped by a format 4 cmap subtable to c.
func appendFormat4(c coverage, sub []byte) (coverage, error) {
	be := binary.BigEndian
	if len(sub) < 14 || be.Uint16(sub) != 4 {
		return nil, malformed("cmap (3,1) is not format 4")
	}
	segs := int(be.Uint16(sub[6:]) / 2)
	if 16+8*segs > len(sub) {
		return nil, malformed("cmap format 4 truncated")
	}
	next := uint32(0) // segments are sorted and disjoint: this bounds the work
	for i := range segs {
		end := uint32(be.Uint16(sub[14+2*i:]))
		start := uint32(be.Uint16(sub[16+2*segs+2*i:]))
		delta := be.Uint16(sub[16+4*segs+2*i:])
		rangeAt := 16 + 6*segs + 2*i
		rangeOffset := int(be.Uint16(sub[rangeAt:]))
		if start < next || end < start {
			return nil, malformed("cmap format 4 segments out of order")
		}
		next = end + 1
		for r := start; r <= end && r < 0xFFFF; r++ {
			glyph := uint16(r) + delta
			if rangeOffset != 0 {
				at := rangeAt + rangeOffset + 2*int(r-start)
				if glyph = 0; at+2 <= len(sub) {
					if glyph = be.Uint16(sub[at:]); glyph != 0 {
						glyph += delta
					}
				}
			}
			if glyph != 0 {
				c = addRune(c, rune(r))
			}
		}
	}
	return c, nil
}

// appendFormat12 adds the runes above U+FFFF mapped by a format 12 cmap
// subtable to c (gopdf looks up BMP runes in format 4 only).
func appendFormat12(c coverage, sub []byte) (coverage, error) {
	be := binary.BigEndian
	if len(sub) < 16 || be.Uint16(sub) != 12 {
		return nil, malformed("cmap (3,10) is not format 12")
	}
	n := uint64(be.Uint32(sub[12:]))
	if 16+12*n > uint64(len(sub)) {
		return nil, malformed("cmap format 12 truncated")
	}
	for g := sub[16 : 16+12*n]; len(g) > 0; g = g[12:] {
		start, end := int64(be.Uint32(g)), int64(be.Uint32(g[4:]))
		if be.Uint32(g[8:]) == 0 {
			start++ // the first code maps to .notdef
		}
		start, end = max(start, 0x10000), min(end, unicode.MaxRune)
		if start <= end {
			c = append(c, runeRange{rune(start), rune(end)})
		}
	}
	return c, nil
}

// addRune appends r to c, extending the last range when r follows it.
func addRune(c coverage, r rune) coverage {
	if n := len(c); n > 0 && c[n-1].hi+1 == r {
		c[n-1].hi = r
		return c
	}
	return append(c, runeRange{r, r})
}

// normalize sorts c and merges overlapping and adjacent ranges.
func normalize(c coverage) coverage {
	slices.SortFunc(c, func(a, b runeRange) int { return cmp.Compare(a.lo, b.lo) })
	out := c[:0]
	for _, rr := range c {
		if n := len(out); n > 0 && rr.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, rr.hi)
			continue
		}
		out = append(out, rr)
	}
	return out
}

// fontName returns the PostScript name (name ID 6), or else the family name
// (name ID 1), from an sfnt name table, reduced to characters that are safe
// in a PDF name; "" if there is none.
func fontName(name []byte) string {
	be := binary.BigEndian
	if len(name) < 6 {
		return ""
	}
	count, storage := int(be.Uint16(name[2:])), int(be.Uint16(name[4:]))
	for _, want := range []uint16{6, 1} {
		for i := range count {
			rec := 6 + 12*i
			if rec+12 > len(name) {
				break
			}
			platform, id := be.Uint16(name[rec:]), be.Uint16(name[rec+6:])
			length, offset := int(be.Uint16(name[rec+8:])), int(be.Uint16(name[rec+10:]))
			start := storage + offset
			if id != want || start+length > len(name) {
				continue
			}
			raw := name[start : start+length]
			s := string(raw) // Macintosh (platform 1): 8-bit, ASCII survives
			if platform != 1 {
				s = decodeUTF16(raw)
			}
			if s = pdfName(s); s != "" {
				return s
			}
		}
	}
	return ""
}

// decodeUTF16 decodes big-endian UTF-16.
func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// pdfName keeps the ASCII letters, digits, '-' and '_' of s, at most 56 of
// them so that a subset prefix still fits PostScript's 63-character limit.
func pdfName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x80 && (r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return -1
	}, s)
	return s[:min(len(s), 56)]
}
