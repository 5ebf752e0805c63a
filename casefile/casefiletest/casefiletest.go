// Package casefiletest helps tests of the packages built on the case file
// find what they need in a store (CaseIn, Prints) and damage a database
// the way only a program other than hall could, to see that hall
// notices. It is for tests only.
//
// It is the one place outside package casefile that opens the database
// file with bbolt; it knows only the few buckets it edits, named as in
// the table at the top of casefile/store.go (its own tests fail when the
// two drift apart).
package casefiletest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/rongjiuzhu/hall/casefile"
)

// Open opens the store at path with the default catalogue and opts, and
// returns both; the caller closes the store. Any failure fails the test.
func Open(tb testing.TB, path string, opts casefile.Options) (*casefile.Store, *casefile.Catalog) {
	tb.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		tb.Fatal(err)
	}
	st, err := casefile.Open(path, cat, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return st, cat
}

// CopyFile copies a database file that no process holds.
func CopyFile(tb testing.TB, src, dst string) {
	tb.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		tb.Fatal(err)
	}
}

// Buckets of casefile/store.go this package edits.
var (
	bHistory   = []byte("history")    // case seq | entry seq(4) → HistoryEntry JSON
	bIdxNumber = []byte("idx_number") // case number → case seq
)

// AlterHistory changes entry (counted from 0) of the history of case
// number in the database at path, which no store may hold open, without
// re-hashing it: as someone editing the file behind hall's back would.
// Anything missing fails the test.
func AlterHistory(tb testing.TB, path, number string, entry int, edit func(*casefile.HistoryEntry)) {
	tb.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		tb.Fatalf("casefiletest: open %s: %v", path, err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		idx, hist := tx.Bucket(bIdxNumber), tx.Bucket(bHistory)
		if idx == nil || hist == nil {
			return fmt.Errorf("%s is not a hall database", path)
		}
		seq := idx.Get([]byte(number))
		if len(seq) != 8 {
			return fmt.Errorf("no case %s in %s", number, path)
		}
		key := binary.BigEndian.AppendUint32(append([]byte(nil), seq...), uint32(entry))
		raw := hist.Get(key)
		if raw == nil {
			return fmt.Errorf("case %s has no history entry %d", number, entry)
		}
		var e casefile.HistoryEntry
		if err := json.Unmarshal(raw, &e); err != nil {
			return err
		}
		edit(&e)
		out, err := json.Marshal(e)
		if err != nil {
			return err
		}
		return hist.Put(key, out)
	})
	if err != nil {
		tb.Fatalf("casefiletest: alter history of %s: %v", number, err)
	}
}

// CaseIn is the number of a case of st in status; the test fails where
// there is none.
func CaseIn(tb testing.TB, st *casefile.Store, status casefile.Status) string {
	tb.Helper()
	var number string
	st.View(func(tx *casefile.Tx) error {
		cs, _, err := tx.Cases(casefile.CaseFilter{Status: status, Limit: 1})
		if err == nil && len(cs) > 0 {
			number = cs[0].Number
		}
		return err
	})
	if number == "" {
		tb.Fatalf("no %s case in the store", status)
	}
	return number
}

// Prints are the "print" entries of the history of st's case number.
func Prints(tb testing.TB, st *casefile.Store, number string) []casefile.HistoryEntry {
	tb.Helper()
	var out []casefile.HistoryEntry
	err := st.View(func(tx *casefile.Tx) error {
		c, err := tx.Case(number)
		if err != nil {
			return err
		}
		h, err := tx.History(c.Seq)
		for _, e := range h {
			if e.Action == "print" {
				out = append(out, e)
			}
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// DamagePageHeader flips the type flags in the header of the root page of
// bucket (the tree of every bucket for ""), in the database at path, which
// no store may hold open: what a bad sector or a stray write does. It
// returns the page's id.
func DamagePageHeader(tb testing.TB, path, bucket string) uint64 {
	tb.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		tb.Fatalf("casefiletest: open %s: %v", path, err)
	}
	var id uint64
	err = db.View(func(tx *bolt.Tx) error {
		if bucket == "" {
			id = uint64(tx.Cursor().Bucket().Root())
			return nil
		}
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return fmt.Errorf("no bucket %s", bucket)
		}
		if id = uint64(b.Root()); id == 0 {
			return fmt.Errorf("bucket %s is inline: it has no page of its own", bucket)
		}
		return nil
	})
	size := db.Info().PageSize
	db.Close()
	if err != nil {
		tb.Fatalf("casefiletest: %v", err)
	}
	FlipByte(tb, path, int64(id)*int64(size)+8, 0x40)
	return id
}

// FlipByte XORs the byte at offset of the file at path with mask.
func FlipByte(tb testing.TB, path string, offset int64, mask byte) {
	tb.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 1)
	if _, err := f.ReadAt(b, offset); err != nil {
		tb.Fatal(err)
	}
	b[0] ^= mask
	if _, err := f.WriteAt(b, offset); err != nil {
		tb.Fatal(err)
	}
}

// ChainHash is the journal's chain hash, SHA-256(previous hash ‖ record),
// for a test that rewrites the chain the way an insider with the file
// would (casefile/journal.go has the layout).
func ChainHash(prev [32]byte, record []byte) [32]byte {
	return sha256.Sum256(append(prev[:], record...))
}
