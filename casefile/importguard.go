package casefile

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// MaxImportLine is the longest line a CSV or JSON Lines import may have:
// an application is a few hundred bytes; a line longer than this is not
// one (a file of one endless line, a binary file read as text).
const MaxImportLine = 64 << 10

// errNotText and errLongLine stop reading an import at once.
var (
	errNotText  = errors.New("not text")
	errLongLine = errors.New("line too long")
)

// importGuard reads an import file and stops as soon as it cannot be
// one: a NUL byte (/dev/zero, a binary file) or a line over MaxImportLine.
// Memory stays within one line's worth beyond what was read; the caller
// bounds the whole file.
type importGuard struct {
	r       io.Reader
	line    int // the line being read (1-based)
	lineLen int
}

func (g *importGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	for _, b := range p[:n] {
		switch b {
		case 0:
			return 0, errNotText
		case '\n':
			g.line++
			g.lineLen = 0
			continue
		}
		g.lineLen++
		if g.lineLen > MaxImportLine {
			return 0, errLongLine
		}
	}
	return n, err
}

// guardImport wraps r unless the file is a workbook (binary by nature):
// it returns the reader to read the file from.
func guardImport(r io.Reader) (io.Reader, *importGuard) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8)
	if bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, oleMagic) {
		return br, nil
	}
	// UTF-16 text has NULs: let decodeImportText say what it is
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return br, nil
	}
	g := &importGuard{r: br, line: 1}
	return g, g
}

// guardProblem is the problem an importGuard stopped on, or nil.
func guardProblem(err error, g *importGuard) *ImportProblem {
	switch {
	case g == nil:
		return nil
	case errors.Is(err, errNotText):
		return &ImportProblem{Line: g.line, Field: "file", Text: T("含有 NUL 字节：不是 CSV 或 JSON Lines 文本（是否选错了文件？）",
			"holds NUL bytes: not CSV or JSON Lines text (the wrong file?)")}
	case errors.Is(err, errLongLine):
		return &ImportProblem{Line: g.line, Field: "file", Text: T("这一行超过 %d KB，不是一份申请（是否选错了文件？）",
			"this line is over %d KB, not an application (the wrong file?)", MaxImportLine>>10)}
	}
	return nil
}
