package casefile

import (
	"io"
	"strings"
	"testing"
)

// endless is a reader that never ends: the byte b forever.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// countingReader counts what was read from r.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestImportStopsOnEndlessInput: /dev/zero and a file of one endless line
// are refused after reading little more than one line's limit, with a
// message saying what the file is not. Before the guard, both were read
// to the 256 MB limit (610 MB RSS for /dev/zero).
func TestImportStopsOnEndlessInput(t *testing.T) {
	cat := defaultCatalog(t)
	for name, src := range map[string]io.Reader{
		"zeros":        endless(0),
		"endless line": endless('a'),
		"long header":  io.MultiReader(strings.NewReader("身份证号,姓名\n"), endless('x')),
	} {
		cr := &countingReader{r: src}
		_, err := cat.ParseImport(name, cr, DateOf(testNow))
		if err == nil {
			t.Fatalf("%s: imported", name)
		}
		msg := Message(err, ZH)
		if !strings.Contains(msg, "NUL") && !strings.Contains(msg, "超过 64 KB") {
			t.Errorf("%s: %s", name, msg)
		}
		if cr.n > 2*MaxImportLine+128<<10 {
			t.Errorf("%s: read %d bytes before stopping", name, cr.n)
		}
	}
}
