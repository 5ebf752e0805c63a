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

// anchorStore is an open store with a few intakes.
func anchorStore(t *testing.T) (*casefile.Store, string, *gen.Gen) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.db")
	st, cat := casefiletest.Open(t, path, casefile.Options{Now: func() time.Time { return journalNow }})
	g := gen.New(cat, 9, casefile.DateOf(journalNow))
	for range 3 {
		if _, err := st.Intake(g.Draft(10), "local:desk"); err != nil {
			t.Fatal(err)
		}
	}
	return st, path, g
}

func verifyFile(t *testing.T, path string) ([]casefile.Text, error) {
	t.Helper()
	cat, _ := casefile.DefaultCatalog()
	st, err := casefile.Open(path, cat, casefile.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return st.Verify(casefile.CheckOptions{})
}

func wantProblem(t *testing.T, probs []casefile.Text, err error, want string) {
	t.Helper()
	if !errors.Is(err, casefile.ErrCheckFailed) {
		t.Fatalf("check = %v, %v; want a failure naming %q", probs, err, want)
	}
	for _, p := range probs {
		if strings.Contains(p.EN, want) {
			return
		}
	}
	t.Errorf("no problem names %q: %v", want, probs)
}

// Every commit's head lands in the anchor file, which AnchoredHead reads
// back, 0600.
func TestAnchorFollowsEveryCommit(t *testing.T) {
	st, path, _ := anchorStore(t)
	defer st.Close()
	h, err := st.JournalHead()
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.AnchoredHead()
	if err != nil || a != h || h.Seq < 4 { // the schema, three intakes
		t.Fatalf("anchored %v (%v), journal head %v", a, err, h)
	}
	fi, err := os.Stat(casefile.AnchorPath(path))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("anchor file: %v %v", fi, err)
	}
}

// A database rolled back one commit (the file copied before the last
// commit put back) is behind its anchor, and check says so.
func TestCheckFindsADatabaseRolledBack(t *testing.T) {
	st, path, g := anchorStore(t)
	st.Close()
	before := filepath.Join(t.TempDir(), "before.db")
	casefiletest.CopyFile(t, path, before)
	cat, _ := casefile.DefaultCatalog()
	st, err := casefile.Open(path, cat, casefile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Intake(g.Draft(10), "local:desk"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if probs, err := verifyFile(t, path); err != nil {
		t.Fatalf("before the roll-back: %v %v", probs, err)
	}
	casefiletest.CopyFile(t, before, path)
	probs, err := verifyFile(t, path)
	wantProblem(t, probs, err, "behind its anchor")
}

// A flipped byte in the newest meta page makes bbolt open the previous
// transaction: the last commit is silently gone from the file, but not
// from the anchor.
func TestCheckFindsALostCommitAfterAMetaFlip(t *testing.T) {
	st, path, _ := anchorStore(t)
	// The last transaction a save of no index entry (after the catch-up
	// of the intakes' entries): its loss is a lost commit.
	if err := st.CatchUp(); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDisplayName("local:desk", "李四", "local:desk"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var txid int
	db.View(func(tx *bolt.Tx) error { txid = tx.ID(); return nil })
	size := db.Info().PageSize
	db.Close()
	// The newest meta page is page txid%2; flip a byte of its root field.
	casefiletest.FlipByte(t, path, int64(txid%2*size)+16+20, 0x01)
	probs, err := verifyFile(t, path)
	wantProblem(t, probs, err, "behind its anchor")
}

// A journal rewritten consistently inside the file (a record changed and
// every hash after it recomputed) no longer holds the anchored head.
func TestCheckFindsARewrittenChain(t *testing.T) {
	st, path, _ := anchorStore(t)
	st.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("journal"))
		c := b.Cursor()
		var prev [32]byte
		for k, v := c.First(); k != nil; k, v = c.Next() {
			body := append([]byte(nil), v[32:]...)
			if binary.BigEndian.Uint64(k) == 2 {
				body[len(body)-1] ^= 1 // the last byte of a value
			}
			h := casefiletest.ChainHash(prev, body)
			if err := b.Put(append([]byte(nil), k...), append(h[:], body...)); err != nil {
				return err
			}
			prev = h
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	probs, err := verifyFile(t, path)
	wantProblem(t, probs, err, "is not in the journal's chain")
}
