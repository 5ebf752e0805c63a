package printouts

import (
	"fmt"

	qrcode "github.com/skip2/go-qrcode"
)

// QR code geometry: the code sits in the top margin of page 1, flush with
// the right edge of the text block, clear of the block by more than its
// quiet zone.
const (
	qrSize        = 20 * mm // the code without its quiet zone
	qrBottom      = blockTop - 7*mm
	qrCaptionSize = 8.0 // points: the caption under the code, in the margin
)

// QRText is what the QR code of a document carries:
// "hall:{case number}:{reference}", e.g. "hall:2026-000123:示融救决〔2026〕123号",
// or "hall:{case number}" when there is no reference yet (a receipt). It
// holds no personal data.
func QRText(caseNumber, reference string) string {
	if reference == "" {
		return "hall:" + caseNumber
	}
	return "hall:" + caseNumber + ":" + reference
}

// qrModules encodes text (UTF-8 in byte mode, digits and capitals in
// their own compact modes; error correction level M) and returns its
// modules, true for dark, without the quiet zone. The same text always
// gives the same modules: the mask is the first of the lowest penalty.
func qrModules(text string) ([][]bool, error) {
	code, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("QR code for %q: %w", text, err)
	}
	code.DisableBorder = true
	return code.Bitmap(), nil
}

// QR draws a QR code carrying text in the top-right corner of page 1, as
// vector rectangles (one per run of dark modules in a row) filled as one
// path. It keeps the current page.
func (d *Doc) QR(text string) { d.qrOn(1, text) }

// QRHere draws the QR code on the current page: the first page of the
// second and later letters of one PDF.
func (d *Doc) QRHere(text string) { d.qrOn(d.pages, text) }

func (d *Doc) qrOn(page int, text string) {
	modules, err := qrModules(text)
	if err != nil {
		d.fail(err)
		return
	}
	if err := d.pdf.SetPage(page); err != nil {
		d.fail(err)
		return
	}
	defer func() { d.fail(d.pdf.SetPage(d.pages)) }()
	n := float64(len(modules))
	m := qrSize / n
	x0, y0 := blockRight-qrSize, qrBottom-qrSize
	d.pdf.SetFillColor(0, 0, 0)
	var rects [][4]float64
	for y, row := range modules {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			end := x
			for end < len(row) && row[end] {
				end++
			}
			// A hair taller than a module, so that no seam shows
			// between rows when the page is rasterised.
			rects = append(rects, [4]float64{x0 + float64(x)*m, y0 + float64(y)*m, float64(end-x) * m, m + 0.05})
			x = end
		}
	}
	d.pdf.FillRectsFromUpperLeft(rects) // one path, filled once
}

// QRCaption prints s in small type under the QR code of page 1, flush
// with the right edge of the text block, in the top margin: the code's
// text for whoever has no scanner. It keeps the current page.
func (d *Doc) QRCaption(s string) {
	if err := d.pdf.SetPage(1); err != nil {
		d.fail(err)
		return
	}
	defer func() { d.fail(d.pdf.SetPage(d.pages)) }()
	d.setFont(qrCaptionSize, 0)
	d.text(blockRight-d.measure(s), qrBottom+3.5*mm, s)
}
