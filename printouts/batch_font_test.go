package printouts

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/signintech/gopdf/fontmaker/core"
)

// fontFileStream matches the head of the embedded font program (FontFile2)
// of a letter as gopdf writes it.
var fontFileStream = regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 \d+\n>>\nstream\n`)

// letterFontFile is the embedded font program (FontFile2) of a letter,
// inflated.
func letterFontFile(t testing.TB, pdf []byte) []byte {
	t.Helper()
	m := fontFileStream.FindSubmatchIndex(pdf)
	if m == nil {
		t.Fatal("no FontFile2 stream in the letter")
	}
	n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
	return inflate(t, pdf[m[1]:m[1]+n])
}

// inflate decompresses a zlib stream.
func inflate(t testing.TB, z []byte) []byte {
	t.Helper()
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// letterToUnicode reads the ToUnicode CMap of a one-font letter: the
// character each CID stands for.
func letterToUnicode(t testing.TB, pdf []byte) map[int]rune {
	t.Helper()
	streams := regexp.MustCompile(`/Filter /FlateDecode\n/Length (\d+)\n>>\nstream\n`)
	for _, m := range streams.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		cmap := inflate(t, pdf[m[1]:m[1]+n])
		if !bytes.Contains(cmap, []byte("beginbfchar")) {
			continue
		}
		out := map[int]rune{}
		_, entries, _ := bytes.Cut(cmap, []byte("endcodespacerange"))
		for _, e := range regexp.MustCompile(`<([0-9A-F]{4})><([0-9A-F]{4})>`).FindAllSubmatch(entries, -1) {
			cid, _ := strconv.ParseUint(string(e[1]), 16, 16)
			r, _ := strconv.ParseUint(string(e[2]), 16, 16)
			out[int(cid)] = rune(r)
		}
		return out
	}
	t.Fatal("no ToUnicode CMap in the letter")
	return nil
}

// sfntTable is table tag of a font program, or nil.
func sfntTable(font []byte, tag string) []byte {
	for i := range int(binary.BigEndian.Uint16(font[4:])) {
		e := font[12+16*i:]
		if string(e[:4]) == tag {
			off, n := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
			return font[off : off+n]
		}
	}
	return nil
}

// sfntGlyphs returns, for a TrueType font program, its number of glyphs
// (maxp), of long horizontal metrics (hhea), and each glyph's outline,
// advance and left side bearing.
func sfntGlyphs(t testing.TB, font []byte) (glyphs [][]byte, adv, lsb []uint16, numMetrics int) {
	t.Helper()
	be := binary.BigEndian
	head, hhea, maxp, loca, glyf, hmtx := sfntTable(font, "head"), sfntTable(font, "hhea"), sfntTable(font, "maxp"), sfntTable(font, "loca"), sfntTable(font, "glyf"), sfntTable(font, "hmtx")
	if head == nil || hhea == nil || maxp == nil || loca == nil || glyf == nil || hmtx == nil {
		t.Fatal("font program lacks a table")
	}
	n := int(be.Uint16(maxp[4:]))
	numMetrics = int(be.Uint16(hhea[34:]))
	long := be.Uint16(head[50:]) == 1
	offset := func(g int) int {
		if long {
			return int(be.Uint32(loca[4*g:]))
		}
		return 2 * int(be.Uint16(loca[2*g:]))
	}
	for g := range n {
		glyphs = append(glyphs, glyf[offset(g):offset(g+1)])
		m := min(g, numMetrics-1)
		adv = append(adv, be.Uint16(hmtx[4*m:]))
		if g < numMetrics {
			lsb = append(lsb, be.Uint16(hmtx[4*g+2:]))
		} else {
			lsb = append(lsb, be.Uint16(hmtx[4*numMetrics+2*(g-numMetrics):]))
		}
	}
	return glyphs, adv, lsb, numMetrics
}

// TestLetterFontCompact checks third_party/gopdf's compact subset in a
// letter's embedded font: it holds only the glyphs the letter draws (and
// .notdef), numbered from 0, and each CID's outline, advance and side
// bearing are those of the face's glyph for the character the CID stands
// for, so every character is drawn as the face draws it. (The golden
// pages and the pdftotext tests show the letters render and extract.)
func TestLetterFontCompact(t *testing.T) {
	f := testFont(t)
	p := New(f, testCatalog(t))
	pdf, err := p.Letter(approvedCase(), approvalDay)
	if err != nil {
		t.Fatal(err)
	}
	glyphs, adv, lsb, metrics := sfntGlyphs(t, letterFontFile(t, pdf))
	chars := letterToUnicode(t, pdf)

	data, err := os.ReadFile(f.Path())
	if err != nil {
		t.Fatal(err)
	}
	faceData, err := ExtractFace(data, f.index)
	if err != nil {
		t.Fatal(err)
	}
	var parser core.TTFParser
	if err := parser.ParseFontData(faceData); err != nil {
		t.Fatal(err)
	}
	face, faceAdv, faceLsb, _ := sfntGlyphs(t, faceData)

	if len(chars) < 100 || len(glyphs) > len(face)/20 {
		t.Fatalf("the subset has %d glyphs of the face's %d for the %d characters the letter draws: not compact", len(glyphs), len(face), len(chars))
	}
	if metrics != len(glyphs) {
		t.Errorf("hhea counts %d metrics for %d glyphs", metrics, len(glyphs))
	}
	// same reports whether subset glyph cid is face glyph g: the same
	// metrics and outline, a composite's components being the same
	// glyphs in turn.
	checked := map[[2]int]bool{}
	var same func(cid, g int) bool
	same = func(cid, g int) bool {
		if cid >= len(glyphs) || g >= len(face) || adv[cid] != faceAdv[g] || lsb[cid] != faceLsb[g] || len(glyphs[cid]) != len(face[g]) {
			return false
		}
		if checked[[2]int{cid, g}] {
			return true
		}
		checked[[2]int{cid, g}] = true
		refs := componentOffsets(face[g])
		sub, orig := bytes.Clone(glyphs[cid]), bytes.Clone(face[g])
		for _, at := range refs {
			if !same(int(binary.BigEndian.Uint16(sub[at:])), int(binary.BigEndian.Uint16(orig[at:]))) {
				return false
			}
			binary.BigEndian.PutUint16(sub[at:], 0)
			binary.BigEndian.PutUint16(orig[at:], 0)
		}
		return bytes.Equal(sub, orig)
	}
	composites := 0
	for cid, r := range chars {
		g := int(parser.Chars()[int(r)])
		if g == 0 || !same(cid, g) {
			t.Errorf("CID %d (%q) is not the face's glyph %d", cid, r, g)
		}
		if len(componentOffsets(face[g])) > 0 {
			composites++
		}
	}
	t.Logf("%d glyphs for %d characters, %d of them composite", len(glyphs), len(chars), composites)
	if f.Spec() == wqyPath+":0" && len(pdf) > 50_000 { // other faces' outlines weigh differently
		t.Errorf("a letter is %d bytes, want under 50 KB with the compact subset (59 KB without)", len(pdf))
	}
}

// componentOffsets returns the offsets, in a composite glyph's outline,
// of its components' glyph indices; none for a simple glyph (OpenType
// glyf table, composite glyph description).
func componentOffsets(glyph []byte) []int {
	be := binary.BigEndian
	if len(glyph) < 10 || int16(be.Uint16(glyph)) >= 0 {
		return nil
	}
	var refs []int
	for at := 10; at+4 <= len(glyph); {
		flags := be.Uint16(glyph[at:])
		refs = append(refs, at+2)
		at += 4 + 2
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			at += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			at += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			at += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			at += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return refs
}
