package casefile_test

import (
	"errors"
	"os"
	"path/filepath"
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
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "hall.db")
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)
	st, err := casefile.Open(path, cat, casefile.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
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

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
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
			copyFile(t, path, cp)
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
