package casefile_test

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
)

var journalNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)

// demoStore is a closed store with every kind of record: demo cases in
// every stage, meetings, a registered user, a display name, the seal key.
// It returns the path and the ID numbers and phones stored in it.
func demoStore(t *testing.T) (string, *casefile.Catalog, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.db")
	st, cat := casefiletest.Open(t, path, casefile.Options{Now: func() time.Time { return journalNow }})
	defer st.Close()
	if _, err := gen.FillDemo(st, "local:admin", 2026); err != nil {
		t.Fatal(err)
	}
	if err := meeting.FillDemo(st, "local:admin"); err != nil {
		t.Fatal(err)
	}
	if err := st.AddUser(casefile.User{Name: "zhang", Role: casefile.RoleMember, Fingerprints: []string{"SHA256:abc"}}, "local:admin"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDisplayName("local:admin", "王主任", "local:admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SealKey(); err != nil {
		t.Fatal(err)
	}
	var secrets []string
	st.View(func(tx *casefile.Tx) error {
		cs, _, err := tx.Cases(casefile.CaseFilter{Limit: 1000})
		for _, c := range cs {
			for _, m := range c.Household.Members {
				secrets = append(secrets, m.Person.DocNumber)
				if m.Person.Phone != "" {
					secrets = append(secrets, m.Person.Phone)
				}
			}
		}
		return err
	})
	if len(secrets) == 0 {
		t.Fatal("no people in the demo store")
	}
	return path, cat, secrets
}

// tamper copies the database at path and edits the copy with bbolt.
func tamper(t *testing.T, path string, edit func(tx *bolt.Tx) error) string {
	t.Helper()
	cp := filepath.Join(t.TempDir(), "tampered.db")
	casefiletest.CopyFile(t, path, cp)
	db, err := bolt.Open(cp, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(edit); err != nil {
		t.Fatal(err)
	}
	return cp
}

// Every change made to a copy of the database behind hall's back — a
// digit changed, a bit flipped, a value deleted, a value added, a
// bucket's sequence moved — in every bucket, is reported by the check,
// which names the bucket and masks ID numbers and phones. The old check
// (history chains, a few indexes) let a changed digit in persons, counters, meeting records
// and most indexes passed the check (issue 13: 17 of 30 tries).
func TestCheckFindsEveryEditInEveryBucket(t *testing.T) {
	path, cat, secrets := demoStore(t)
	verify := func(p string) ([]casefile.Text, error) {
		st, err := casefile.Open(p, cat, casefile.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		return st.Verify(casefile.CheckOptions{})
	}
	if probs, err := verify(path); err != nil {
		t.Fatalf("the untouched store fails its check: %v %v", probs, err)
	}
	// The buckets and, in each, an entry in the middle.
	type entry struct {
		bucket, key, val []byte
		seq              uint64
	}
	var entries []entry
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			// drafts are not journaled; "applied" is the mark of the
			// index entries written (lower: they are written again at
			// the next open; higher: the entries missing are reported)
			if string(name) == "drafts" || string(name) == "applied" {
				return nil
			}
			var keys [][]byte
			b.ForEach(func(k, _ []byte) error { keys = append(keys, bytes.Clone(k)); return nil })
			if len(keys) == 0 {
				return nil
			}
			k := keys[len(keys)/2]
			entries = append(entries, entry{bytes.Clone(name), k, bytes.Clone(b.Get(k)), b.Sequence()})
			return nil
		})
	})
	db.Close()
	if len(entries) < 20 {
		t.Fatalf("only %d buckets with records: the demo store lacks some kinds", len(entries))
	}
	changeDigit := func(v []byte) []byte {
		v = bytes.Clone(v)
		for i := range v {
			if v[i] >= '0' && v[i] <= '9' {
				v[i] = '0' + (v[i]-'0'+1)%10
				return v
			}
		}
		if len(v) == 0 {
			return []byte("0")
		}
		v[len(v)-1]++ // a binary number
		return v
	}
	flipBit := func(v []byte) []byte {
		if len(v) == 0 {
			return []byte{1}
		}
		v = bytes.Clone(v)
		v[len(v)/2] ^= 0x04
		return v
	}
	for _, e := range entries {
		edits := map[string]func(b *bolt.Bucket) error{
			"digit":  func(b *bolt.Bucket) error { return b.Put(e.key, changeDigit(e.val)) },
			"bit":    func(b *bolt.Bucket) error { return b.Put(e.key, flipBit(e.val)) },
			"delete": func(b *bolt.Bucket) error { return b.Delete(e.key) },
			"add":    func(b *bolt.Bucket) error { return b.Put(append(bytes.Clone(e.key), 'x'), e.val) },
		}
		if e.seq > 0 {
			edits["sequence"] = func(b *bolt.Bucket) error { return b.SetSequence(e.seq + 1) }
		}
		for what, edit := range edits {
			cp := tamper(t, path, func(tx *bolt.Tx) error { return edit(tx.Bucket(e.bucket)) })
			probs, err := verify(cp)
			name := fmt.Sprintf("%s/%q %s", e.bucket, e.key, what)
			if !errors.Is(err, casefile.ErrCheckFailed) || len(probs) == 0 {
				t.Errorf("%s: check = %v, %v; want it reported", name, probs, err)
				continue
			}
			first := probs[0]
			if want := string(e.bucket); string(e.bucket) != "journal" && !strings.HasPrefix(first.EN, want+":") {
				t.Errorf("%s: the first problem does not name the bucket: %s", name, first.EN)
			}
			for _, p := range probs {
				for _, s := range secrets {
					if strings.Contains(p.ZH, s) || strings.Contains(p.EN, s) {
						t.Errorf("%s: the report shows %s unmasked: %s", name, s, p.EN)
					}
				}
			}
		}
	}
	t.Logf("%d buckets edited 4–5 ways each", len(entries))
}

// The case a changed record belongs to is named by its number, in both
// languages; check --rebuild puts every edit of the records back from the
// journal.
func TestCheckNamesTheCaseAndRebuildRepairs(t *testing.T) {
	path, cat, _ := demoStore(t)
	var number string
	cp := tamper(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("cases"))
		k, v := b.Cursor().First()
		i := bytes.Index(v, []byte(`"number":"`))
		number = string(v[i+10 : i+21])
		// 4500 → 45000: an amount grows a digit
		return b.Put(k, bytes.Replace(v, []byte(`"proposed":`), []byte(`"proposed":9`), 1))
	})
	cp = func() string { // and an index entry dropped, a counter changed
		db, _ := bolt.Open(cp, 0o600, nil)
		defer db.Close()
		db.Update(func(tx *bolt.Tx) error {
			k, _ := tx.Bucket([]byte("idx_search")).Cursor().First()
			tx.Bucket([]byte("idx_search")).Delete(k)
			return tx.Bucket([]byte("counters")).Put([]byte("status/received"), []byte{0, 0, 0, 0, 0, 0, 0, 99})
		})
		return cp
	}()
	st, err := casefile.Open(cp, cat, casefile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	probs, err := st.Verify(casefile.CheckOptions{Max: 1})
	if !errors.Is(err, casefile.ErrCheckFailed) || len(probs) != 1 {
		t.Fatalf("check = %v, %v", probs, err)
	}
	if want := "case " + number; !strings.Contains(probs[0].EN, want) || !strings.Contains(probs[0].ZH, "案件 "+number) {
		t.Errorf("first problem %q / %q does not name %s", probs[0].ZH, probs[0].EN, want)
	}
	if msg := casefile.Message(err, casefile.ZH); !strings.Contains(msg, "被改动") {
		t.Errorf("the error in Chinese: %s", msg)
	}
	if _, err := st.Rebuild(casefile.CheckOptions{}); err != nil {
		t.Fatal(err)
	}
	if probs, err := st.Verify(casefile.CheckOptions{}); err != nil {
		t.Errorf("after rebuild: %v %v", probs, err)
	}
}
