package casefile_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/rongjiuzhu/hall/casefile"
)

// A schema-1 file (no journal) is migrated by its first read-write open:
// a backup copy first, then the journal built from the records as they
// are, the schema current; the check then passes and every record is covered.
func TestMigrationBuildsTheJournal(t *testing.T) {
	path, cat, _ := demoStore(t)
	// Make it a file of the first schema: no journal, schema 1, no anchor.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket([]byte("journal")); err != nil {
			return err
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 1})
	})
	db.Close()
	os.Remove(casefile.AnchorPath(path))
	old, _ := os.ReadFile(path)

	var progress bytes.Buffer
	st, err := casefile.Open(path, cat, casefile.Options{Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if fi, err := os.Stat(casefile.MigrationBackup(path, 1)); err != nil || fi.Size() < int64(len(old))/2 || fi.Mode().Perm() != 0o600 {
		t.Errorf("no backup before the migration: %v %v", fi, err)
	}
	if !strings.Contains(progress.String(), "upgrading the database") {
		t.Errorf("no progress shown: %q", progress.String())
	}
	if probs, err := st.Verify(casefile.CheckOptions{}); err != nil {
		t.Fatalf("check after the migration: %v %v", probs, err)
	}
	h, _ := st.JournalHead()
	if a, _ := st.AnchoredHead(); a != h || h.Seq < 2 {
		t.Errorf("journal head %v, anchored %v", h, a)
	}
	// Reopening does not migrate again.
	st.Close()
	st, err = casefile.Open(path, cat, casefile.Options{Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if h2, _ := st.JournalHead(); h2 != h {
		t.Errorf("reopen changed the journal: %v → %v", h, h2)
	}
	// And the migrated journal covers what it found: an edit is reported.
	st.Close()
	cp := tamper(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("persons"))
		k, v := b.Cursor().First()
		return b.Put(k, bytes.Replace(v, []byte(`"name":"`), []byte(`"name":"X`), 1))
	})
	probs, err := verifyFile(t, cp)
	wantProblem(t, probs, err, "persons: person #")
}
