package casefile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestCheckFindsBrokenInvariants(t *testing.T) {
	st, _, path := newStore(t)
	cat := st.Catalog()
	c := mustIntake(t, st, draft(idFor("19800101", 1), "甲", []string{urbanDibao(t, cat).Code}), "local:desk")
	if probs, err := st.Check(0); err != nil {
		t.Fatalf("fresh store fails its check: %v %v", probs, err)
	}
	st.Close()

	tamper := func(fn func(tx *bolt.Tx) error) {
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(fn); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	reopenCheck := func(want string) {
		t.Helper()
		s, err := Open(path, cat, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		probs, err := s.Check(0)
		if !errors.Is(err, ErrCheckFailed) || !strings.Contains(strings.Join(probs, "\n"), want) {
			t.Errorf("check = %v, %v; want a problem with %q", probs, err, want)
		}
	}
	// Edit a history entry behind the program's back.
	var saved []byte
	tamper(func(tx *bolt.Tx) error {
		k := append(u64(c.Seq), 0, 0, 0, 0)
		v := tx.Bucket(bHistory).Get(k)
		saved = append([]byte(nil), v...)
		return tx.Bucket(bHistory).Put(k, bytes.Replace(v, []byte("local:desk"), []byte("evil"), 1))
	})
	reopenCheck("history chain broken at entry 0")
	// Restore it, then drop an index entry.
	tamper(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bHistory).Put(append(u64(c.Seq), 0, 0, 0, 0), saved); err != nil {
			return err
		}
		return tx.Bucket(bIdxNumber).Delete([]byte(c.Number))
	})
	reopenCheck("number index does not point to it")
}

func TestBackupAndRestore(t *testing.T) {
	st, _, path := newStore(t)
	cat := st.Catalog()
	code := urbanDibao(t, cat).Code
	mustIntake(t, st, draft(idFor("19800101", 1), "甲", []string{code}), "local:desk")
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	// The backup is taken while the store stays open and usable.
	if _, err := st.BackupFile(backup); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Intake(draft(idFor("19800101", 2), "乙", []string{code}), "local:desk"); err != nil {
		t.Fatalf("store unusable after backup: %v", err)
	}
	if fi, _ := os.Stat(backup); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	// Restoring over an open store is refused.
	if err := Restore(backup, path, cat); !errors.Is(err, ErrDatabaseLocked) {
		t.Errorf("restore over an open store: %v", err)
	}
	st.Close()
	// A damaged or foreign file is refused and the target left alone.
	before, _ := os.ReadFile(path)
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte("x"), 40000), 0o600)
	if err := Restore(junk, path, cat); !errors.Is(err, ErrDatabaseCorrupt) {
		t.Errorf("restore of junk: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("refused restore changed the database")
	}
	if err := Restore(backup, path, cat); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.View(func(tx *Tx) error {
		if n := tx.Counts().Total; n != 1 {
			t.Errorf("restored store has %d cases, want the 1 of the backup", n)
		}
		return nil
	})
}
