package gopdf

import (
	"io"
	"strconv"
)

// hall patch: many filled rectangles in one path. A QR code drawn with
// RectFromUpperLeftWithStyle(…, "F") costs a q/re/f/Q group, formatted
// with fmt, per run of dark modules (~300 a code); one path filled once
// draws the same modules.

// FillRectsFromUpperLeft fills rects, each {x, y, width, height} with its
// upper left corner at x, y in the document's units, as one path with the
// fill colour in force.
func (gp *GoPdf) FillRectsFromUpperLeft(rects [][4]float64) {
	if len(rects) == 0 {
		return
	}
	c := cacheContentRects{pageHeight: gp.curr.pageSize.H, rects: make([][4]float64, len(rects))}
	for i, r := range rects {
		x, y, w, h := gp.UnitsToPoints(r[0]), gp.UnitsToPoints(r[1]), gp.UnitsToPoints(r[2]), gp.UnitsToPoints(r[3])
		c.rects[i] = [4]float64{x, y + h, w, h}
	}
	gp.getContent().listCache.append(c)
}

type cacheContentRects struct {
	pageHeight float64
	rects      [][4]float64 // x, y of the lower left corner from the top, w, h; in points
}

func (c cacheContentRects) write(w io.Writer, protection *PDFProtection) error {
	buf := make([]byte, 0, 8+32*len(c.rects))
	buf = append(buf, "q\n"...)
	for _, r := range c.rects {
		buf = strconv.AppendFloat(buf, r[0], 'f', 2, 64)
		buf = append(buf, ' ')
		buf = strconv.AppendFloat(buf, c.pageHeight-r[1], 'f', 2, 64)
		buf = append(buf, ' ')
		buf = strconv.AppendFloat(buf, r[2], 'f', 2, 64)
		buf = append(buf, ' ')
		buf = strconv.AppendFloat(buf, r[3], 'f', 2, 64)
		buf = append(buf, " re\n"...)
	}
	buf = append(buf, "f\nQ\n"...)
	_, err := w.Write(buf)
	return err
}
