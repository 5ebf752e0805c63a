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
)

// letterFontFile is the embedded font program (FontFile2) of a letter,
// inflated, as gopdf's subsetter writes it: the used glyphs' outlines in
// glyf, but loca and hmtx for every glyph of the face.
func letterFontFile(t testing.TB, pdf []byte) []byte {
	t.Helper()
	m := regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 \d+\n>>\nstream\n`).FindSubmatchIndex(pdf)
	if m == nil {
		t.Fatal("no FontFile2 stream in the letter")
	}
	n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
	zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
	if err != nil {
		t.Fatal(err)
	}
	font, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return font
}

// zeroUnusedMetrics returns a copy of the subset font program font with
// the horizontal metrics (hmtx) of every glyph without an outline set to
// zero: the trim a patched subsetter could make (a PDF viewer takes
// advances from the /W array and positions only drawn outlines by their
// side bearing). It also returns how many glyphs the face has and how
// many the subset keeps.
func zeroUnusedMetrics(t testing.TB, font []byte) (trimmed []byte, glyphs, used int) {
	t.Helper()
	tables := map[string][2]int{}
	for i := range int(binary.BigEndian.Uint16(font[4:])) {
		e := font[12+16*i:]
		tables[string(e[:4])] = [2]int{int(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:]))}
	}
	hhea, head, loca, hmtx := tables["hhea"], tables["head"], tables["loca"], tables["hmtx"]
	if hhea[1] == 0 || head[1] == 0 || loca[1] == 0 || hmtx[1] == 0 {
		t.Fatalf("font program lacks a table: %v", tables)
	}
	metrics := int(binary.BigEndian.Uint16(font[hhea[0]+34:])) // numberOfHMetrics
	long := binary.BigEndian.Uint16(font[head[0]+50:]) == 1    // indexToLocFormat
	offset := func(g int) int {
		if long {
			return int(binary.BigEndian.Uint32(font[loca[0]+4*g:]))
		}
		return 2 * int(binary.BigEndian.Uint16(font[loca[0]+2*g:]))
	}
	glyphs = loca[1]/2 - 1
	if long {
		glyphs = loca[1]/4 - 1
	}
	trimmed = bytes.Clone(font)
	for g := range glyphs {
		if offset(g+1) > offset(g) {
			used++
			continue
		}
		if g < metrics {
			binary.BigEndian.PutUint32(trimmed[hmtx[0]+4*g:], 0) // advance and side bearing
		} else {
			binary.BigEndian.PutUint16(trimmed[hmtx[0]+4*metrics+2*(g-metrics):], 0)
		}
	}
	return trimmed, glyphs, used
}

// BenchmarkLetterFontTrim measures the trim of the whole-face hmtx that
// gopdf's subsetter copies into every letter: it deflates a letter's font
// program as gopdf does (default level) as written and with the metrics
// of the glyphs it does not use zeroed, and reports the compressed sizes
// and the letter's size. Unpatched gopdf v0.33.0 gave 68,584 font bytes
// (a 91 KB letter) and ~8× the deflate time of the trimmed program; with
// third_party/gopdf's patch both lines are the same. (gopdf deflates the
// font whatever SetCompressLevel says, so the trim has to be made in its
// subsetter, not after the fact.)
func BenchmarkLetterFontTrim(b *testing.B) {
	p := testPrinter(b)
	pdf, err := p.Letter(approvedCase(), approvalDay)
	if err != nil {
		b.Fatal(err)
	}
	font := letterFontFile(b, pdf)
	trimmed, glyphs, used := zeroUnusedMetrics(b, font)
	for _, f := range []struct {
		name string
		font []byte
	}{{"as-written", font}, {"unused-metrics-zeroed", trimmed}} {
		b.Run(f.name, func(b *testing.B) {
			var z bytes.Buffer
			for b.Loop() {
				z.Reset()
				w := zlib.NewWriter(&z)
				w.Write(f.font)
				w.Close()
			}
			b.ReportMetric(float64(z.Len()), "font-bytes")
			b.ReportMetric(float64(len(pdf)-len(letterCompressed(pdf))+z.Len()), "letter-bytes")
			b.ReportMetric(float64(used)/float64(glyphs)*100, "%glyphs-used")
		})
	}
}

// letterCompressed is the compressed font stream of a letter as written.
func letterCompressed(pdf []byte) []byte {
	m := regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 \d+\n>>\nstream\n`).FindSubmatchIndex(pdf)
	n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
	return pdf[m[1] : m[1]+n]
}

// TestLetterFontTrimmed checks third_party/gopdf's patch in a letter's
// embedded font: the metrics of every glyph the subset leaves out are
// zero, and those of every glyph it keeps are the face's own, so the
// outlines sit where the face puts them. (The golden pages and the
// letters' pdftotext tests show the trimmed letters render and extract.)
func TestLetterFontTrimmed(t *testing.T) {
	f := testFont(t)
	p := New(f, testCatalog(t))
	pdf, err := p.Letter(approvedCase(), approvalDay)
	if err != nil {
		t.Fatal(err)
	}
	font := letterFontFile(t, pdf)
	trimmed, glyphs, used := zeroUnusedMetrics(t, font)
	if used == 0 || used == glyphs {
		t.Fatalf("%d of %d glyphs have outlines: not a subset", used, glyphs)
	}
	// Only the few kept glyphs without an outline (spaces) may keep
	// metrics that zeroUnusedMetrics zeroes: 4 bytes each at most.
	kept := 0
	for i := range trimmed {
		if trimmed[i] != font[i] {
			kept++
		}
	}
	if kept > 4*8 {
		t.Errorf("the letter's font keeps %d bytes of metrics of glyphs without outline (%d of %d glyphs drawn): not trimmed", kept, used, glyphs)
	}
	data, err := os.ReadFile(f.Path())
	if err != nil {
		t.Fatal(err)
	}
	face, err := ExtractFace(data, f.index)
	if err != nil {
		t.Fatal(err)
	}
	_, tables, err := readTables(face, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := lookupTable(face, tables, "hmtx")
	got := subsetTable(t, font, "hmtx")
	if len(got) != len(want) {
		t.Fatalf("hmtx is %d bytes, the face's %d", len(got), len(want))
	}
	differ := 0
	for i := range got {
		if got[i] != 0 && got[i] != want[i] {
			differ++
		}
	}
	if differ > 0 {
		t.Errorf("%d bytes of the kept glyphs' metrics differ from the face's", differ)
	}
	if len(pdf) > 64_000 {
		t.Errorf("a letter is %d bytes, want under 64 KB with the trim (91 KB without)", len(pdf))
	}
}

// subsetTable is table tag of a font program.
func subsetTable(t testing.TB, font []byte, tag string) []byte {
	t.Helper()
	for i := range int(binary.BigEndian.Uint16(font[4:])) {
		e := font[12+16*i:]
		if string(e[:4]) == tag {
			off, n := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
			return font[off : off+n]
		}
	}
	t.Fatalf("no %s table", tag)
	return nil
}
