package casefile_test

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

// damageFixture is a store of n generated cases, closed, and its pages by
// type.
func damageFixture(t *testing.T, n int) (path string, cat *casefile.Catalog, pages []uint64, pageSize int) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "hall.db")
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)
	st, cat := casefiletest.Open(t, path, casefile.Options{Now: func() time.Time { return now }})
	g := gen.New(cat, 5, casefile.DateOf(now))
	drafts := make([]*casefile.Draft, n)
	for i := range drafts {
		drafts[i] = g.Draft(50)
	}
	if _, err := st.IntakeBatch(drafts, "local:desk"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pageSize = db.Info().PageSize
	db.View(func(tx *bolt.Tx) error {
		for id := 2; int64(id)*int64(pageSize) < tx.Size(); id++ {
			p, err := tx.Page(id)
			if err != nil || p == nil {
				continue
			}
			if p.Type == "branch" || p.Type == "leaf" {
				pages = append(pages, uint64(id))
			}
			id += p.OverflowCount
		}
		return nil
	})
	if len(pages) < 10 {
		t.Fatalf("only %d data pages: the fixture is too small to test anything", len(pages))
	}
	return path, cat, pages, pageSize
}

// A flipped byte in the header of any branch or leaf page is reported by
// the check as a damaged database, and the paths that read and write
// report it too or work around it: nothing panics (a panic here would end
// the test binary). Written first against the old code, the check died in
// bbolt's page-walk goroutine.
func TestDamagedPageHeadersAreReported(t *testing.T) {
	path, cat, pages, pageSize := damageFixture(t, 300)
	step := max(1, len(pages)/30)
	for i := 0; i < len(pages); i += step {
		id := pages[i]
		for _, off := range []int64{0, 8} { // the page id, the type flags
			cp := filepath.Join(t.TempDir(), "copy.db")
			casefiletest.CopyFile(t, path, cp)
			casefiletest.FlipByte(t, cp, int64(id)*int64(pageSize)+off, 0x40)
			for _, ro := range []bool{true, false} {
				st, err := casefile.Open(cp, cat, casefile.Options{ReadOnly: ro})
				if err != nil {
					if !errors.Is(err, casefile.ErrDatabaseCorrupt) {
						t.Errorf("page %d+%d: open: %v, want the damaged-database error", id, off, err)
					}
					continue
				}
				// Reads and writes either work or report damage.
				for what, err := range map[string]error{
					"cases": st.View(func(tx *casefile.Tx) error {
						_, _, err := tx.Cases(casefile.CaseFilter{Limit: 1000})
						return err
					}),
					"audit": func() error { _, err := st.Audit(); return err }(),
				} {
					if err != nil && !errors.Is(err, casefile.ErrDatabaseCorrupt) {
						t.Errorf("page %d+%d: %s: %v", id, off, what, err)
					}
				}
				probs, err := st.Check(1)
				if !errors.Is(err, casefile.ErrDatabaseCorrupt) {
					t.Errorf("page %d+%d (read-only %v): check = %v, %v; want the damaged-database error", id, off, ro, probs, err)
				}
				st.Close()
			}
		}
	}
}

// Salvage copies what can still be read of a file with a damaged leaf of
// the cases: every bucket, and of the cases those before and after the
// damaged page; the check of the copy then names what is missing.
func TestSalvageCopiesWhatCanBeRead(t *testing.T) {
	path, cat, _, pageSize := damageFixture(t, 300)
	// The second child page of the cases bucket's root: the cases before
	// it survive the forward walk, those after it the backward one.
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var root uint64
	var total int
	db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("cases"))
		root, total = uint64(b.Root()), b.Stats().KeyN
		return nil
	})
	db.Close()
	raw, _ := os.ReadFile(path)
	page := raw[int(root)*pageSize:]
	if page[8] != 0x01 { // the branch flag
		t.Fatalf("the cases bucket's root is not a branch page: 300 cases should not fit one page")
	}
	// branch elements after the 16-byte header: pos u32, ksize u32, pgid u64
	child := binary.LittleEndian.Uint64(page[16+16+8:])
	casefiletest.FlipByte(t, path, int64(child)*int64(pageSize)+8, 0x40)

	out := filepath.Join(t.TempDir(), "salvaged.db")
	rep, err := casefile.Salvage(path, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Lost) != 1 || !strings.HasPrefix(rep.Lost[0].EN, "cases:") || rep.Buckets < 15 {
		t.Fatalf("report %+v", rep)
	}
	st, err := casefile.Open(out, cat, casefile.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var got int
	st.View(func(tx *casefile.Tx) error {
		cs, _, _ := tx.Cases(casefile.CaseFilter{Limit: 1000})
		got = len(cs)
		return nil
	})
	if got < total/2 || got >= total {
		t.Errorf("salvaged %d of %d cases", got, total)
	}
	if probs, err := st.Verify(casefile.CheckOptions{Max: 1}); !errors.Is(err, casefile.ErrCheckFailed) || !strings.Contains(probs[0].EN, "missing") {
		t.Errorf("check of the salvaged copy: %v %v", probs, err)
	}
}
