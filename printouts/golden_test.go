package printouts

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// Golden pages compare loosely: the same size, and at most maxDiffShare of
// the pixels differing by more than pixelTolerance of full scale (small
// shifts of anti-aliasing between poppler versions pass, a moved line or
// block does not).
const (
	maxDiffShare   = 0.02
	pixelTolerance = 0x4000 // a quarter of full scale
)

// TestGoldenPages renders page 1 of each document at 40 dpi and compares
// it with testdata/TestGoldenPages/<document>.png; -update rewrites them.
// The golden pages are set in wqy-microhei.
func TestGoldenPages(t *testing.T) {
	f := testFont(t)
	if f.Spec() != wqyPath+":0" {
		t.Skipf("golden pages are set in %s, the test font is %s", wqyPath, f.Spec())
	}
	p := New(f, testCatalog(t))
	receipt, err := p.Receipt(receivedCase(), "张敏", today)
	if err != nil {
		t.Fatal(err)
	}
	approval, err := p.Letter(approvedCase(), approvalDay)
	if err != nil {
		t.Fatal(err)
	}
	rejection, err := p.Letter(rejectedCase(), today)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct {
		name string
		pdf  []byte
	}{{"receipt", receipt}, {"approval", approval}, {"rejection", rejection}} {
		t.Run(d.name, func(t *testing.T) { checkGoldenPage(t, d.pdf, "TestGoldenPages") })
	}
}

// checkGoldenPage compares page 1 of pdf, rendered at 40 dpi, with
// testdata/<test name>.png loosely; -update writes the file instead.
func checkGoldenPage(t *testing.T, pdf []byte, test string) {
	t.Helper()
	got := renderArea(t, pdf, 1, 40, 0, 0, 595, 842)
	path := filepath.Join("testdata", t.Name()+".png")
	if *update {
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, got); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, buf.Bytes())
		return
	}
	want, err := png.Decode(bytes.NewReader(readFile(t, path)))
	if err != nil {
		t.Fatalf("%v (go test ./printouts -run %s -update writes it)", err, test)
	}
	if share, err := diffShare(got, want); err != nil || share > maxDiffShare {
		t.Errorf("page 1 differs from %s: %.2f%% of pixels, %v (look at it, then -update)", path, 100*share, err)
	}
}

// diffShare is the share of pixels of a and b whose grey levels differ by
// more than pixelTolerance.
func diffShare(a, b image.Image) (float64, error) {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 1, errSize{a.Bounds().Size(), b.Bounds().Size()}
	}
	ab, bb := a.Bounds(), b.Bounds()
	n := 0
	for y := range ab.Dy() {
		for x := range ab.Dx() {
			ga, _, _, _ := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			gb, _, _, _ := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			if d := int(ga) - int(gb); d > pixelTolerance || -d > pixelTolerance {
				n++
			}
		}
	}
	return float64(n) / float64(ab.Dx()*ab.Dy()), nil
}

type errSize [2]image.Point

func (e errSize) Error() string { return "size " + e[0].String() + ", want " + e[1].String() }

func TestDiffShare(t *testing.T) {
	white := image.NewGray(image.Rect(0, 0, 10, 10))
	for i := range white.Pix {
		white.Pix[i] = 0xFF
	}
	marked := image.NewGray(white.Rect)
	copy(marked.Pix, white.Pix)
	marked.Pix[0], marked.Pix[1], marked.Pix[2] = 0, 0xF0, 0x80 // one dark, one close, one mid-grey
	if share, err := diffShare(white, marked); err != nil || share != 0.02 {
		t.Errorf("diffShare = %v, %v; want 0.02 (two of 100 pixels)", share, err)
	}
	if _, err := diffShare(white, image.NewGray(image.Rect(0, 0, 10, 11))); err == nil {
		t.Error("images of different sizes compare")
	}
}
