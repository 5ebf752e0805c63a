package casefile_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/rongjiuzhu/hall/casefile"
)

// The check's replay spills sorted batches to temporary files past a
// memory budget (journal_spill.go). With a budget of a few kilobytes the
// demo store's journal goes to disk in dozens of batches, and the check
// finds exactly what the replay in memory finds — a value changed in an
// entry written early (so in a batch on disk), a key deleted, a key
// added, a bucket's sequence moved — and leaves no file behind.
func TestCheckSpilledReplayFindsTheSame(t *testing.T) {
	path, cat, _ := demoStore(t)
	type result struct {
		probs []string
		err   error
		runs  int
	}
	verify := func(p string, spillAt int) result {
		t.Helper()
		st, err := casefile.Open(p, cat, casefile.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		tmp := t.TempDir()
		var r result
		probs, err := st.Verify(casefile.CheckOptions{SpillAt: spillAt, TempDir: tmp,
			Stage: func(s casefile.Text) {
				if s.EN == "comparing records and indexes" { // the batches are on disk now
					runs, _ := filepath.Glob(filepath.Join(tmp, "hall-check-*", "run-*"))
					r.runs = len(runs)
					for _, f := range runs {
						if fi, err := os.Stat(f); err != nil || fi.Mode().Perm() != 0o600 {
							t.Errorf("batch %s: %v %v, want mode 0600", f, fi.Mode(), err)
						}
					}
				}
			}})
		for _, p := range probs {
			r.probs = append(r.probs, p.EN)
		}
		r.err = err
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("the check left %d files in its temporary directory", len(left))
		}
		return r
	}
	if r := verify(path, 2048); r.err != nil || r.runs < 10 {
		t.Fatalf("untouched store, spilled: %v %v in %d batches; want a pass from at least 10 batches", r.probs, r.err, r.runs)
	}
	if r := verify(path, 0); r.err != nil || r.runs != 0 {
		t.Fatalf("untouched store, in memory: %v %v in %d batches; want a pass with no file", r.probs, r.err, r.runs)
	}
	first := func(bucket string) (k, v []byte) {
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.View(func(tx *bolt.Tx) error {
			k, v = tx.Bucket([]byte(bucket)).Cursor().First()
			k, v = bytes.Clone(k), bytes.Clone(v)
			return nil
		})
		return k, v
	}
	pk, pv := first("persons")
	hk, _ := first("history")
	sk, _ := first("idx_search")
	edits := map[string]func(tx *bolt.Tx) error{
		// the first person, written by the first records of the journal
		"changed": func(tx *bolt.Tx) error {
			v := bytes.Clone(pv)
			v[len(v)/2] ^= 0x04
			return tx.Bucket([]byte("persons")).Put(pk, v)
		},
		"deleted":  func(tx *bolt.Tx) error { return tx.Bucket([]byte("history")).Delete(hk) },
		"added":    func(tx *bolt.Tx) error { return tx.Bucket([]byte("idx_search")).Put(append(bytes.Clone(sk), 'x'), nil) },
		"sequence": func(tx *bolt.Tx) error { b := tx.Bucket([]byte("cases")); return b.SetSequence(b.Sequence() + 1) },
		"all four": func(tx *bolt.Tx) error {
			v := bytes.Clone(pv)
			v[len(v)/2] ^= 0x04
			b := tx.Bucket([]byte("cases"))
			return errors.Join(tx.Bucket([]byte("persons")).Put(pk, v), tx.Bucket([]byte("history")).Delete(hk),
				tx.Bucket([]byte("idx_search")).Put(append(bytes.Clone(sk), 'x'), nil), b.SetSequence(b.Sequence()+1))
		},
	}
	for what, edit := range edits {
		cp := tamper(t, path, edit)
		mem, spilled := verify(cp, 0), verify(cp, 2048)
		if !errors.Is(mem.err, casefile.ErrCheckFailed) || len(mem.probs) == 0 {
			t.Errorf("%s: in memory: %v %v; want it reported", what, mem.probs, mem.err)
		}
		if !slices.Equal(mem.probs, spilled.probs) || spilled.runs < 10 {
			t.Errorf("%s: in memory\n%q\nspilled (%d batches)\n%q", what, mem.probs, spilled.runs, spilled.probs)
		}
	}
}

// A check cancelled (Ctrl+C) stops with the context's error and removes
// its batches.
func TestCheckCancelledRemovesItsBatches(t *testing.T) {
	path, cat, _ := demoStore(t)
	st, err := casefile.Open(path, cat, casefile.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tmp := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err = st.Verify(casefile.CheckOptions{SpillAt: 2048, TempDir: tmp, Context: ctx,
		Progress: func(done, total int) {
			if runs, _ := filepath.Glob(filepath.Join(tmp, "hall-check-*", "run-*")); len(runs) > 3 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("check = %v; want it cancelled", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the cancelled check left %d files", len(left))
	}
}
