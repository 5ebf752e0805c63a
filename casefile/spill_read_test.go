package casefile

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"testing"
)

// A sorted batch read back gives every entry as written, values and
// digests and deletions; a batch cut short anywhere inside an entry is an
// error, never a batch that merely ends early.
func TestSpilledBatchReadBack(t *testing.T) {
	r := newReplay(context.Background(), 1<<20, t.TempDir())
	defer r.close()
	want := []jentry{
		{bucket: []byte("cases"), key: []byte("k1"), seq: 3, val: []byte("value one")},
		{bucket: []byte("cases"), key: []byte("k2"), seq: 4, del: true},
		{bucket: []byte("persons"), key: []byte("p"), seq: 5, sum: [16]byte{1, 2, 3}},
	}
	for i := range want {
		if err := r.add(&want[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.spill(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(r.runs[0])
	if err != nil {
		t.Fatal(err)
	}
	readAll := func() ([]jentry, error) {
		f, err := os.Open(r.runs[0])
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		src := &fileSource{f: f, br: bufio.NewReader(f)}
		var out []jentry
		for {
			ok, err := src.next()
			if err != nil || !ok {
				return out, err
			}
			e := src.cur()
			out = append(out, jentry{bucket: []byte(string(e.bucket)), key: []byte(string(e.key)), seq: e.seq, del: e.del, sum: e.sum, val: []byte(string(e.val))})
		}
	}
	got, err := readAll()
	if err != nil || len(got) != len(want) {
		t.Fatalf("read back %d entries, %v; want %d", len(got), err, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if string(g.bucket) != string(w.bucket) || string(g.key) != string(w.key) || g.seq != w.seq || g.del != w.del || g.sum != w.sum || string(g.val) != string(w.val) {
			t.Errorf("entry %d: %+v, want %+v", i, g, w)
		}
	}
	for cut := 1; cut < len(raw); cut++ {
		if err := os.WriteFile(r.runs[0], raw[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := readAll()
		if err == nil && len(got) != len(want) {
			// a cut at an entry's end reads as fewer entries: only there
			n := 0
			for _, e := range want[:len(got)] {
				n += len(appendEntry(nil, &e))
			}
			if n != cut {
				t.Fatalf("cut at byte %d of %d: %d entries and no error", cut, len(raw), len(got))
			}
			continue
		}
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("cut at byte %d: %v, want an unexpected end", cut, err)
		}
	}
}
