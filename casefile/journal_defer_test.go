package casefile

import (
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A save leaves its lookup-index entries pending; every read sees them at
// once, and a copy of the files taken before their catch-up (a crash right
// after the save) gets them back from the journal's tail: overlaid when
// opened read-only, written when opened for writing.
func TestDeferredIndexEntries(t *testing.T) {
	st, _, path := newStore(t)
	holdCatchUps(t) // the copy below is taken before the catch-up, however slow the machine
	cat := st.Catalog()
	id := idFor("19800101", 7)
	c := mustIntake(t, st, draft(id, "王五", []string{urbanDibao(t, cat).Code}), "local:desk")
	key := "R:" + id

	inBucket := func(s *Store) bool {
		found := false
		s.view(func(tx *bolt.Tx) error {
			found = tx.Bucket(bIdxDoc).Get([]byte(key)) != nil
			return nil
		})
		return found
	}
	if inBucket(st) {
		t.Fatal("the ID index entry was written with the save: nothing is deferred")
	}
	seen := func(s *Store) {
		t.Helper()
		err := s.View(func(tx *Tx) error {
			if p, err := tx.PersonByKey(key); err != nil || p.Name != "王五" {
				t.Errorf("lookup by ID: %v %v", p, err)
			}
			if ids := tx.SearchPeople("王五", 10); len(ids) != 1 {
				t.Errorf("search by name: %v", ids)
			}
			cs, _, err := tx.Cases(CaseFilter{Status: StatusReceived})
			if err != nil || len(cs) != 1 || cs[0].Number != c.Number {
				t.Errorf("cases by status: %v %v", cs, err)
			}
			if seqs, _ := tx.PersonCaseSeqs(c.ApplicantID); len(seqs) != 1 {
				t.Errorf("person's cases: %v", seqs)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	seen(st)

	// The files as a crash right after the save leaves them: the
	// database and the journal's tail, which holds the save's record.
	crashed := crashCopy(t, path)
	ro, err := Open(crashed, cat, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if inBucket(ro) {
		t.Fatal("the copy has the entry: it was not taken before the catch-up")
	}
	seen(ro)
	if probs, err := ro.Verify(CheckOptions{}); err != nil {
		t.Errorf("check of the read-only copy: %v %v", probs, err)
	}
	ro.Close()
	rw, err := Open(crashed, cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if !inBucket(rw) {
		t.Error("a read-write open did not write the pending entries")
	}
	seen(rw)
	if probs, err := rw.Verify(CheckOptions{}); err != nil {
		t.Errorf("check after recovery: %v %v", probs, err)
	}
	// The store itself catches up on its own.
	if err := st.CatchUp(); err != nil || !inBucket(st) {
		t.Errorf("catch-up: %v", err)
	}
}
