package printouts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
)

// ErrCFFFont reports a font whose glyphs are CFF (PostScript) outlines, such
// as an .otf file or a .ttc face with sfnt version 'OTTO'. gopdf embeds only
// TrueType outlines. LoadFont wraps it with the file name.
var ErrCFFFont = errors.New("CFF (OpenType/PostScript outline) fonts are not supported; use a TrueType font (.ttf or .ttc)")

// sfnt and collection tags, as big-endian 32-bit numbers.
const (
	tagCollection = 0x74746366 // "ttcf"
	tagTrueApple  = 0x74727565 // "true"
	tagCFF        = 0x4F54544F // "OTTO"
	sfntTrueType  = 0x00010000
)

// table is one entry of an sfnt table directory.
type table struct {
	tag            string
	offset, length uint32
}

// malformed returns the error for font data that cannot be read.
func malformed(format string, args ...any) error {
	return fmt.Errorf("malformed font: "+format, args...)
}

// ExtractFace returns face index of the font file data as a standalone
// TrueType font. A face of a TrueType Collection (.ttc) is copied into a new
// file: its tables are laid out 4-byte aligned after a fresh table directory,
// with table checksums and head.checkSumAdjustment recomputed. A plain
// TrueType font has one face (index 0) and is returned as it is, except that
// an Apple 'true' font gets the standard sfnt version gopdf requires. Fonts
// with CFF outlines are refused with ErrCFFFont. Truncated or inconsistent
// data gives an error.
func ExtractFace(data []byte, index int) ([]byte, error) {
	if len(data) < 12 {
		return nil, malformed("only %d bytes", len(data))
	}
	var offset uint32
	switch tag := binary.BigEndian.Uint32(data); tag {
	case tagCollection:
		n := binary.BigEndian.Uint32(data[8:])
		if index < 0 || uint64(index) >= uint64(n) {
			return nil, fmt.Errorf("font collection has %d faces, no face %d", n, index)
		}
		at := 12 + 4*index
		if at+4 > len(data) {
			return nil, malformed("collection header truncated")
		}
		offset = binary.BigEndian.Uint32(data[at:])
	case tagCFF:
		return nil, ErrCFFFont
	case sfntTrueType, tagTrueApple:
		if index != 0 {
			return nil, fmt.Errorf("font is not a collection, no face %d", index)
		}
	default:
		return nil, malformed("unknown format %q", data[:4])
	}
	version, tables, err := readTables(data, offset)
	if err != nil {
		return nil, err
	}
	if offset == 0 && version == sfntTrueType {
		return data, nil
	}
	return buildFont(data, tables)
}

// readTables reads the table directory at offset in data and checks that
// every table lies inside data.
func readTables(data []byte, offset uint32) (version uint32, tables []table, err error) {
	be := binary.BigEndian
	if uint64(offset)+12 > uint64(len(data)) {
		return 0, nil, malformed("table directory at %d is past the end", offset)
	}
	dir := data[offset:]
	switch version = be.Uint32(dir); version {
	case sfntTrueType, tagTrueApple:
	case tagCFF:
		return 0, nil, ErrCFFFont
	default:
		return 0, nil, malformed("unknown sfnt version %#08x", version)
	}
	n := int(be.Uint16(dir[4:]))
	if n == 0 || 12+16*n > len(dir) {
		return 0, nil, malformed("table directory of %d tables truncated", n)
	}
	tables = make([]table, n)
	var total uint64
	for i := range tables {
		rec := dir[12+16*i:]
		t := table{tag: string(rec[:4]), offset: be.Uint32(rec[8:]), length: be.Uint32(rec[12:])}
		if uint64(t.offset)+uint64(t.length) > uint64(len(data)) {
			return 0, nil, malformed("table %q truncated", t.tag)
		}
		total += uint64(t.length)
		tables[i] = t
	}
	// The tables of one face never overlap; this bound also keeps a hostile
	// directory from asking buildFont for gigabytes.
	if total > uint64(len(data)) {
		return 0, nil, malformed("tables overlap")
	}
	return version, tables, nil
}

// lookupTable returns the bytes of the table with tag, or nil.
func lookupTable(data []byte, tables []table, tag string) []byte {
	for _, t := range tables {
		if t.tag == tag {
			return data[t.offset : t.offset+t.length]
		}
	}
	return nil
}

// buildFont writes tables (read from data) as a standalone TrueType font.
func buildFont(data []byte, tables []table) ([]byte, error) {
	be := binary.BigEndian
	tables = slices.Clone(tables)
	slices.SortFunc(tables, func(a, b table) int { return strings.Compare(a.tag, b.tag) })
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += pad4(int(t.length))
	}
	out := make([]byte, size)
	entrySelector := bits.Len(uint(n)) - 1
	searchRange := 16 << entrySelector
	be.PutUint32(out, sfntTrueType)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(searchRange))
	be.PutUint16(out[8:], uint16(entrySelector))
	be.PutUint16(out[10:], uint16(16*n-searchRange))
	at, head, sum := 12+16*n, -1, uint32(0)
	for i, t := range tables {
		end := at + pad4(int(t.length))
		copy(out[at:], data[t.offset:t.offset+t.length])
		if t.tag == "head" {
			if t.length < 12 {
				return nil, malformed("head table of %d bytes", t.length)
			}
			clear(out[at+8 : at+12]) // checkSumAdjustment counts as 0
			head = at
		}
		tableSum := checksum(out[at:end])
		sum += tableSum
		rec := out[12+16*i:]
		copy(rec, t.tag)
		be.PutUint32(rec[4:], tableSum)
		be.PutUint32(rec[8:], uint32(at))
		be.PutUint32(rec[12:], t.length)
		at = end
	}
	if head >= 0 {
		// Tables are padded, so the file's checksum is the directory's plus theirs.
		be.PutUint32(out[head+8:], 0xB1B0AFBA-sum-checksum(out[:12+16*n]))
	}
	return out, nil
}

// pad4 rounds n up to a multiple of 4.
func pad4(n int) int { return (n + 3) &^ 3 }

// checksum is the sfnt checksum of b, whose length is a multiple of 4.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}
