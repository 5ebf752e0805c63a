package gopdf

import (
	"fmt"
	"io"
	"strconv"
)

// CIDFontObj is a CID-keyed font.
// cf. https://www.adobe.com/content/dam/acom/en/devnet/font/pdfs/5014.CIDFont_Spec.pdf
type CIDFontObj struct {
	PtrToSubsetFontObj        *SubsetFontObj
	indexObjSubfontDescriptor int
}

func (ci *CIDFontObj) init(funcGetRoot func() *GoPdf) {
}

// SetIndexObjSubfontDescriptor set  indexObjSubfontDescriptor
func (ci *CIDFontObj) SetIndexObjSubfontDescriptor(index int) {
	ci.indexObjSubfontDescriptor = index
}

func (ci *CIDFontObj) getType() string {
	return "CIDFont"
}

func (ci *CIDFontObj) write(w io.Writer, objID int) error {
	io.WriteString(w, "<<\n")
	fmt.Fprintf(w, "/BaseFont /%s\n", CreateEmbeddedFontSubsetName(ci.PtrToSubsetFontObj.GetFamily()))
	io.WriteString(w, "/CIDSystemInfo\n")
	io.WriteString(w, "<<\n")
	io.WriteString(w, "  /Ordering (Identity)\n")
	io.WriteString(w, "  /Registry (Adobe)\n")
	io.WriteString(w, "  /Supplement 0\n")
	io.WriteString(w, ">>\n")
	fmt.Fprintf(w, "/FontDescriptor %d 0 R\n", ci.indexObjSubfontDescriptor+1) //TODO fix
	io.WriteString(w, "/Subtype /CIDFontType2\n")
	io.WriteString(w, "/Type /Font\n")
	// hall patch: the widths of the compact subset's glyphs, in runs of
	// consecutive CIDs: "first [w w w]". A width of 1000, the default
	// (/DW, PDF 32000 9.7.4.3) and that of every Chinese character, is
	// left out.
	f := ci.PtrToSubsetFontObj
	m := f.subsetRemap()
	used := make([]bool, len(m.olds))
	for _, v := range f.CharacterToGlyphIndex.AllVals() {
		used[m.news[v]] = f.GlyphIndexToPdfWidth(v) != 1000
	}
	io.WriteString(w, "/W [")
	for cid := 0; cid < len(used); {
		if !used[cid] {
			cid++
			continue
		}
		fmt.Fprintf(w, "%d[", cid)
		for first := cid; cid < len(used) && used[cid]; cid++ {
			if cid > first {
				io.WriteString(w, " ")
			}
			io.WriteString(w, strconv.FormatUint(uint64(f.GlyphIndexToPdfWidth(m.olds[cid])), 10))
		}
		io.WriteString(w, "]")
	}
	io.WriteString(w, "]\n")
	io.WriteString(w, ">>\n")
	return nil
}

// SetPtrToSubsetFontObj set PtrToSubsetFontObj
func (ci *CIDFontObj) SetPtrToSubsetFontObj(ptr *SubsetFontObj) {
	ci.PtrToSubsetFontObj = ptr
}
