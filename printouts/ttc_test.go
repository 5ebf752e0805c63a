package printouts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signintech/gopdf"
)

const (
	wqyPath   = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	droidPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
)

// makeCollection builds a font collection of faces, each given as its sfnt
// version and tables (tag → bytes); one face without the 'ttcf' header when
// plain is true.
func makeCollection(plain bool, faces ...testFace) []byte {
	be := binary.BigEndian
	var head []byte
	if !plain {
		head = be.AppendUint32(nil, tagCollection)
		head = be.AppendUint32(head, 0x00010000)
		head = be.AppendUint32(head, uint32(len(faces)))
		head = append(head, make([]byte, 4*len(faces))...)
	}
	dirs := len(head)
	for _, f := range faces {
		dirs += 12 + 16*len(f.tables)
	}
	out := append(head, make([]byte, dirs-len(head))...)
	at := len(head)
	for i, f := range faces {
		if !plain {
			be.PutUint32(out[12+4*i:], uint32(at))
		}
		be.PutUint32(out[at:], f.version)
		be.PutUint16(out[at+4:], uint16(len(f.tables)))
		for j, tb := range f.tables {
			rec := out[at+12+16*j:]
			copy(rec, tb.tag)
			be.PutUint32(rec[8:], uint32(len(out)))
			be.PutUint32(rec[12:], uint32(len(tb.data)))
			out = append(out, tb.data...)
			out = append(out, make([]byte, pad4(len(tb.data))-len(tb.data))...)
		}
		at += 12 + 16*len(f.tables)
	}
	return out
}

type testFace struct {
	version uint32
	tables  []testTable
}

type testTable struct {
	tag  string
	data []byte
}

// sampleFace is a tiny TrueType-shaped face; marker tells faces apart.
func sampleFace(version uint32, marker byte) testFace {
	head := make([]byte, 54)
	head[0], head[1], head[8], head[53] = 0, 1, 0xEE, marker // checkSumAdjustment garbage
	return testFace{version, []testTable{
		{"cmap", []byte{0, 0, 0, 0}},
		{"glyf", []byte{1, 2, 3, 4, 5, marker}}, // needs padding
		{"head", head},
	}}
}

// checkStandalone verifies that font is a well-formed single TrueType face.
func checkStandalone(t *testing.T, font []byte) []table {
	t.Helper()
	if got := binary.BigEndian.Uint32(font); got != sfntTrueType {
		t.Fatalf("sfnt version %#x, want 0x00010000", got)
	}
	_, tables, err := readTables(font, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, tb := range tables {
		if tb.offset%4 != 0 {
			t.Errorf("table %q at unaligned offset %d", tb.tag, tb.offset)
		}
		if i > 0 && tables[i-1].tag >= tb.tag {
			t.Errorf("tables not sorted: %q before %q", tables[i-1].tag, tb.tag)
		}
		data := bytes.Clone(font[tb.offset : int(tb.offset)+pad4(int(tb.length))])
		if tb.tag == "head" {
			clear(data[8:12])
		}
		rec := 12 + 16*i
		if want := binary.BigEndian.Uint32(font[rec+4:]); checksum(data) != want {
			t.Errorf("table %q checksum %#x, directory says %#x", tb.tag, checksum(data), want)
		}
	}
	if len(font)%4 != 0 || checksum(font) != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA", checksum(font))
	}
	return tables
}

func TestExtractFaceFromCollection(t *testing.T) {
	ttc := makeCollection(false, sampleFace(sfntTrueType, 'a'), sampleFace(tagTrueApple, 'b'))
	for index, marker := range []byte{'a', 'b'} {
		face, err := ExtractFace(ttc, index)
		if err != nil {
			t.Fatalf("face %d: %v", index, err)
		}
		tables := checkStandalone(t, face)
		if len(tables) != 3 {
			t.Fatalf("face %d has %d tables, want 3", index, len(tables))
		}
		glyf := lookupTable(face, tables, "glyf")
		if want := []byte{1, 2, 3, 4, 5, marker}; !bytes.Equal(glyf, want) {
			t.Errorf("face %d glyf = %v, want %v", index, glyf, want)
		}
	}
}

func TestExtractFacePlain(t *testing.T) {
	ttf := makeCollection(true, sampleFace(sfntTrueType, 'a'))
	face, err := ExtractFace(ttf, 0)
	if err != nil {
		t.Fatal(err)
	}
	if &face[0] != &ttf[0] {
		t.Error("plain TrueType font was copied, want it passed through")
	}
	apple := makeCollection(true, sampleFace(tagTrueApple, 'a'))
	face, err = ExtractFace(apple, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkStandalone(t, face)
	if _, err := ExtractFace(ttf, 1); err == nil {
		t.Error("face 1 of a plain font: no error")
	}
}

func TestExtractFaceRefusesCFF(t *testing.T) {
	otf := makeCollection(true, sampleFace(tagCFF, 'a'))
	ttc := makeCollection(false, sampleFace(sfntTrueType, 'a'), sampleFace(tagCFF, 'b'))
	if _, err := ExtractFace(otf, 0); !errors.Is(err, ErrCFFFont) {
		t.Errorf("OTTO font: err = %v, want ErrCFFFont", err)
	}
	if _, err := ExtractFace(ttc, 1); !errors.Is(err, ErrCFFFont) {
		t.Errorf("OTTO face of a collection: err = %v, want ErrCFFFont", err)
	}
	path := filepath.Join(t.TempDir(), "NotoSerifCJK.otf")
	if err := os.WriteFile(path, otf, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFont(path)
	if !errors.Is(err, ErrCFFFont) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "CFF") {
		t.Errorf("LoadFont(%s) = %v, want ErrCFFFont naming the file", path, err)
	}
}

func TestExtractFaceBadInput(t *testing.T) {
	ttc := makeCollection(false, sampleFace(sfntTrueType, 'a'), sampleFace(sfntTrueType, 'b'))
	for n := range len(ttc) - 2 { // every cut into face 1's data (2 bytes of padding end it)
		if _, err := ExtractFace(ttc[:n], 1); err == nil {
			t.Errorf("ExtractFace of %d of %d bytes: no error", n, len(ttc))
		}
	}
	for _, index := range []int{-1, 2} {
		if _, err := ExtractFace(ttc, index); err == nil {
			t.Errorf("face %d of 2: no error", index)
		}
	}
	if _, err := ExtractFace([]byte("wOFF0000000000000000"), 0); err == nil {
		t.Error("WOFF data: no error")
	}
}

func TestExtractFaceRealCollection(t *testing.T) {
	data := readTestFile(t, wqyPath, "fonts-wqy-microhei")
	for index, name := range []string{"WenQuanYiMicroHei", "WenQuanYiMicroHeiMono"} {
		face, err := ExtractFace(data, index)
		if err != nil {
			t.Fatal(err)
		}
		checkStandalone(t, face)
		f, err := LoadFont(fmt.Sprintf("%s:%d", wqyPath, index))
		if err != nil {
			t.Fatal(err)
		}
		if prefix, got, _ := strings.Cut(f.Family(), "+"); got != name || len(prefix) != 6 || strings.ToUpper(prefix) != prefix {
			t.Errorf("face %d family %q, want ABCDEF+%s", index, f.Family(), name)
		}
		pdfPath := filepath.Join(t.TempDir(), "letter.pdf")
		writeTestPDF(t, f, pdfPath, "关于第2024-017号案件的复函：身份证号61060219900101123X，金额¥1,234.56。")
		checkPDFFont(t, pdfPath, f.Family())
	}
}

func TestLoadFontTruncated(t *testing.T) {
	data := readTestFile(t, wqyPath, "fonts-wqy-microhei")
	_, tables, err := readTables(data, binary.BigEndian.Uint32(data[12:]))
	if err != nil {
		t.Fatal(err)
	}
	end := 0 // where face 0's last table ends
	for _, tb := range tables {
		end = max(end, int(tb.offset+tb.length))
	}
	dir := t.TempDir()
	for _, n := range []int{0, 3, 11, 100, 5000, len(data) / 2, end - 1} {
		path := filepath.Join(dir, fmt.Sprintf("cut%d.ttc", n))
		if err := os.WriteFile(path, data[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadFont(path); err == nil {
			t.Errorf("LoadFont of %d of %d bytes: no error", n, len(data))
		}
	}
}

func FuzzExtractFace(f *testing.F) {
	ttc := makeCollection(false, sampleFace(sfntTrueType, 'a'), sampleFace(tagTrueApple, 'b'))
	f.Add(ttc, 1)
	f.Add(ttc[:len(ttc)/2], 0)
	f.Add(makeCollection(true, sampleFace(sfntTrueType, 'a')), 0)
	f.Add(makeCollection(true, sampleFace(tagTrueApple, 'a')), 0)
	f.Add(makeCollection(true, sampleFace(tagCFF, 'a')), 0)
	f.Add([]byte("ttcf\x00\x01\x00\x00\xff\xff\xff\xff"), 7)
	f.Add([]byte{}, 0)
	f.Fuzz(func(t *testing.T, data []byte, index int) {
		face, err := ExtractFace(data, index)
		if err != nil {
			return
		}
		again, err := ExtractFace(face, 0)
		if err != nil {
			t.Fatalf("extracted face does not read back: %v", err)
		}
		if !bytes.Equal(again, face) {
			t.Fatal("extracted face changes when extracted again")
		}
	})
}

// missing skips the test for lack of something the machine can install, or
// fails it under CI (CI=true), which must have it.
func missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// readTestFile reads a file that Debian package pkg installs.
func readTestFile(t testing.TB, path, pkg string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		missing(t, "no "+path+": apt-get install "+pkg)
	}
	return data
}

// writeTestPDF writes a one-page PDF with text set in f to path.
func writeTestPDF(t *testing.T, f *Font, path, text string) {
	t.Helper()
	pdf, err := testPDF(f, text)
	if err == nil {
		err = pdf.WritePdf(path)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// testPDF builds a one-page document with text set in f.
func testPDF(f *Font, text string) (*gopdf.GoPdf, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	pdf.AddPage()
	if err := f.AddTo(pdf); err != nil {
		return nil, err
	}
	if err := pdf.SetFont(f.Family(), "", 16); err != nil {
		return nil, err
	}
	return pdf, pdf.Cell(nil, text)
}

// checkPDFFont checks with pdffonts that family is embedded as a subset in
// the PDF at path. Without pdffonts it only logs, except under CI.
func checkPDFFont(t *testing.T, path, family string) {
	t.Helper()
	if _, err := exec.LookPath("pdffonts"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("no pdffonts: apt-get install poppler-utils")
		}
		t.Log("no pdffonts: embedding not checked (apt-get install poppler-utils)")
		return
	}
	out, err := exec.Command("pdffonts", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	// name type... encoding emb sub uni object ID
	for _, line := range strings.Split(string(out), "\n") {
		if fields := strings.Fields(line); len(fields) > 6 && fields[0] == family {
			if emb, sub := fields[len(fields)-5], fields[len(fields)-4]; emb != "yes" || sub != "yes" {
				t.Errorf("pdffonts: %s emb=%s sub=%s, want yes yes\n%s", family, emb, sub, out)
			}
			return
		}
	}
	t.Errorf("pdffonts does not list %s:\n%s", family, out)
}
