package printouts

import (
	"bytes"
	"image"
	"image/png"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestQRText(t *testing.T) {
	if got, want := QRText("2026-000123", "示融救决〔2026〕123号"), "hall:2026-000123:示融救决〔2026〕123号"; got != want {
		t.Errorf("QRText = %q, want %q", got, want)
	}
	if got, want := QRText("2026-000123", ""), "hall:2026-000123"; got != want {
		t.Errorf("QRText without reference = %q, want %q", got, want)
	}
}

// renderArea renders the rectangle x, y, w, h (points from the top left)
// of page of pdf at dpi as a grey image whose pixel (0, 0) is the
// rectangle's top left corner (pdftoppm).
func renderArea(t testing.TB, pdf []byte, page, dpi int, x, y, w, h float64) image.Image {
	t.Helper()
	return render(t, pdf, page, dpi, "-gray", x, y, w, h)
}

// dark reports whether the pixel at x, y (points from the rendered
// area's corner) of img rendered at dpi is dark.
func dark(img image.Image, dpi int, x, y float64) bool {
	k := float64(dpi) / 72
	r, _, _, _ := img.At(int(x*k), int(y*k)).RGBA()
	return r < 0x8000
}

// TestQRDrawn renders page 1 of each document and reads the QR code back
// module by module: it is where it belongs, carries the modules of its
// text, and has a clear quiet zone.
func TestQRDrawn(t *testing.T) {
	p := testPrinter(t)
	approved, rejected := approvedCase(), rejectedCase()
	receipt, err := p.Receipt(receivedCase(), "张敏", today)
	if err != nil {
		t.Fatal(err)
	}
	approval, err := p.Letter(approved, approvalDay)
	if err != nil {
		t.Fatal(err)
	}
	rejection, err := p.Letter(rejected, today)
	if err != nil {
		t.Fatal(err)
	}
	docs := []struct {
		name, text string
		pdf        []byte
	}{
		{"receipt", "hall:2026-000123", receipt},
		{"approval", "hall:2026-000123:示融救决〔2026〕123号", approval},
		{"rejection", "hall:2026-000124:示融救告〔2026〕124号", rejection},
	}
	const dpi = 300
	for _, d := range docs {
		modules, err := qrModules(d.text)
		if err != nil {
			t.Fatal(err)
		}
		n := len(modules)
		m := qrSize / float64(n)
		x0, y0 := blockRight-qrSize, qrBottom-qrSize
		quiet := 4 * m
		img := renderArea(t, d.pdf, 1, dpi, x0-quiet, y0-quiet, qrSize+2*quiet, qrSize+2*quiet)
		wrong := 0
		for y := -4; y < n+4; y++ {
			for x := -4; x < n+4; x++ {
				want := y >= 0 && y < n && x >= 0 && x < n && modules[y][x]
				if dark(img, dpi, quiet+(float64(x)+0.5)*m, quiet+(float64(y)+0.5)*m) != want {
					wrong++
				}
			}
		}
		if wrong > 0 {
			t.Errorf("%s: %d of %d modules (with the quiet zone) read back wrong", d.name, wrong, (n+8)*(n+8))
		}
		if y0-4*m < 0 || blockTop-(y0+qrSize) < 4*m {
			t.Errorf("%s: the quiet zone leaves the page or touches the text block", d.name)
		}
	}
}

// TestQRDecodes scans the QR codes with zbarimg when it is installed
// (apt-get install zbar-tools).
func TestQRDecodes(t *testing.T) {
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		missing(t, "no zbarimg: apt-get install zbar-tools")
	}
	p := testPrinter(t)
	pdf := printed(t)(p.Letter(approvedCase(), approvalDay))
	dir := t.TempDir()
	// The top margin, where the code is.
	img := renderArea(t, pdf, 1, 150, 0, 0, 595, blockTop)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "page.png"), buf.Bytes())
	out, err := exec.Command(zbar, "-q", "--raw", filepath.Join(dir, "page.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg found no code: %v", err)
	}
	if got, want := strings.TrimSpace(string(out)), QRText("2026-000123", "示融救决〔2026〕123号"); got != want {
		t.Errorf("zbarimg read %q, want %q", got, want)
	}
}
