package gopdf

import (
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
	"unicode"
	"unicode/utf16"
)

// UnicodeMap unicode map
type UnicodeMap struct {
	PtrToSubsetFontObj *SubsetFontObj
	//getRoot            func() *GoPdf
	pdfProtection *PDFProtection
}

func (u *UnicodeMap) init(funcGetRoot func() *GoPdf) {
	//u.getRoot = funcGetRoot
}

func (u *UnicodeMap) setProtection(p *PDFProtection) {
	u.pdfProtection = p
}

func (u *UnicodeMap) protection() *PDFProtection {
	return u.pdfProtection
}

// SetPtrToSubsetFontObj set pointer to SubsetFontObj
func (u *UnicodeMap) SetPtrToSubsetFontObj(ptr *SubsetFontObj) {
	u.PtrToSubsetFontObj = ptr
}

func (u *UnicodeMap) getType() string {
	return "Unicode"
}

func (u *UnicodeMap) write(w io.Writer, objID int) error {
	// hall patch: the compact subset's CIDs in order, one character each
	// (the first added for a glyph), in blocks of at most 100 entries as
	// the CMap format asks, UTF-16 for characters outside the BMP, and the
	// stream deflated.
	prefix :=
		"/CIDInit /ProcSet findresource begin\n" +
			"12 dict begin\n" +
			"begincmap\n" +
			"/CIDSystemInfo << /Registry (Adobe)/Ordering (UCS)/Supplement 0>> def\n" +
			"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
	suffix := "endcmap CMapName currentdict /CMap defineresource pop end end"

	f := u.PtrToSubsetFontObj
	m := f.subsetRemap()
	chars := make([]rune, len(m.olds))
	set := make([]bool, len(m.olds))
	for i, k := range f.CharacterToGlyphIndex.AllKeys() {
		if cid := m.news[f.CharacterToGlyphIndex.Vals[i]]; !set[cid] {
			chars[cid], set[cid] = k, true
		}
	}
	var cids []int
	for cid, ok := range set {
		if ok {
			cids = append(cids, cid)
		}
	}

	hex4 := func(b []byte, v int) []byte {
		const digits = "0123456789ABCDEF"
		return append(b, digits[v>>12&15], digits[v>>8&15], digits[v>>4&15], digits[v&15])
	}
	text := make([]byte, 0, len(prefix)+len(suffix)+128+20*len(cids))
	text = append(text, prefix...)
	text = append(text, "1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n"...)
	for len(cids) > 0 {
		n := len(cids)
		if n > 100 {
			n = 100
		}
		text = strconv.AppendInt(text, int64(n), 10)
		text = append(text, " beginbfchar\n"...)
		for _, cid := range cids[:n] {
			text = append(hex4(append(text, '<'), cid), "><"...)
			if r := chars[cid]; r >= 0x10000 && r <= unicode.MaxRune {
				hi, lo := utf16.EncodeRune(r)
				text = hex4(hex4(text, int(hi)), int(lo))
			} else {
				text = hex4(text, int(r))
			}
			text = append(text, ">\n"...)
		}
		text = append(text, "endbfchar\n"...)
		cids = cids[n:]
	}
	text = append(text, suffix...)
	text = append(text, '\n')

	buff := GetBuffer()
	defer PutBuffer(buff)
	if err := deflate(buff, text, zlib.DefaultCompression); err != nil {
		return err
	}

	io.WriteString(w, "<<\n")
	io.WriteString(w, "/Filter /FlateDecode\n")
	fmt.Fprintf(w, "/Length %d\n", buff.Len())
	io.WriteString(w, ">>\n")
	io.WriteString(w, "stream\n")
	if u.protection() != nil {
		tmp, err := rc4Cip(u.protection().objectkey(objID), buff.Bytes())
		if err != nil {
			return err
		}
		w.Write(tmp)
	} else {
		buff.WriteTo(w)
	}
	io.WriteString(w, "\nendstream\n")

	return nil
}

type mapGlyphIndexToCharacter struct {
	runes  []rune
	indexs []int
}

func newMapGlyphIndexToCharacter() *mapGlyphIndexToCharacter {
	var m mapGlyphIndexToCharacter
	return &m
}

func (m *mapGlyphIndexToCharacter) set(index int, r rune) {
	m.runes = append(m.runes, r)
	m.indexs = append(m.indexs, index)
}

func (m *mapGlyphIndexToCharacter) size() int {
	return len(m.indexs)
}

func (m *mapGlyphIndexToCharacter) allIndexs() []int {
	return m.indexs
}

func (m *mapGlyphIndexToCharacter) runeByIndex(index int) (rune, bool) {
	var r rune
	ok := false
	for i, idx := range m.indexs {
		if idx == index {
			r = m.runes[i]
			ok = true
			break
		}
	}
	return r, ok
}
