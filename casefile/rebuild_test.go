package casefile

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"maps"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// bucketDigests is a digest of every journaled bucket of the file at path
// (each key and value in order, and the bucket's sequence), and whether
// the rebuild's staging bucket is there.
func bucketDigests(t *testing.T, st *Store) (map[string][32]byte, bool) {
	t.Helper()
	out := map[string][32]byte{}
	staging := false
	st.view(func(tx *bolt.Tx) error {
		staging = tx.Bucket(bRebuild) != nil
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if !journaled(name) {
				return nil
			}
			h := sha256.New()
			h.Write(binary.BigEndian.AppendUint64(nil, b.Sequence()))
			b.ForEach(func(k, v []byte) error {
				h.Write(binary.BigEndian.AppendUint32(nil, uint32(len(k))))
				h.Write(k)
				h.Write(binary.BigEndian.AppendUint32(nil, uint32(len(v))))
				h.Write(v)
				return nil
			})
			out[string(name)] = [32]byte(h.Sum(nil))
			return nil
		})
	})
	return out, staging
}

// rebuildFixture is a store of 40 intakes, a meeting's record and a user,
// with a draft, closed; then edited behind hall's back: a case's value
// changed, a search-index entry deleted, a stray person added, the cases'
// counter moved. It opens the store again, with rebuilds writing 512
// bytes a transaction, and returns it, its path, the buckets as the
// journal gives them (before the edits) and the draft.
func rebuildFixture(t *testing.T) (*Store, string, map[string][32]byte, []byte) {
	t.Helper()
	st, _, path := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	for i := range 40 {
		mustIntake(t, st, draft(idFor("19800101", i), "吴"+string(rune('一'+i)), []string{code}), "local:desk")
	}
	if err := st.Update(func(tx *Tx) error {
		tx.by("local:secretary")
		return tx.Records("test_things").Put(NumKey(1), []byte("minutes"))
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.AddUser(User{Name: "li", Role: RoleMember, Fingerprints: []string{"SHA256:li"}}, "local:admin"); err != nil {
		t.Fatal(err)
	}
	draftData := []byte(`{"id":"610602"}`)
	if err := st.SaveDraft("local:desk", draftData); err != nil {
		t.Fatal(err)
	}
	if err := st.CatchUp(); err != nil {
		t.Fatal(err)
	}
	want, _ := bucketDigests(t, st)
	cat := st.Catalog()
	st.Close()

	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		cases := tx.Bucket(bCases)
		k, v := cases.Cursor().First()
		if err := cases.Put(k, append([]byte(nil), v[:len(v)-1]...)); err != nil {
			return err
		}
		k, _ = tx.Bucket(bIdxSearch).Cursor().First()
		if err := tx.Bucket(bIdxSearch).Delete(k); err != nil {
			return err
		}
		if err := tx.Bucket(bPersons).Put([]byte("zzz-stray"), []byte("{}")); err != nil {
			return err
		}
		return tx.Bucket(bCases).SetSequence(9999)
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	chunk := rebuildChunk
	rebuildChunk = 512
	t.Cleanup(func() { rebuildChunk = chunk })
	st, err = Open(path, cat, Options{Now: (&clock{testNow}).now})
	if err != nil {
		t.Fatal(err)
	}
	return st, path, want, draftData
}

// check --rebuild writes the buckets from the journal in transactions of
// a bounded size (here 512 bytes, batches of 8 KB spilled to disk) and
// puts them in place in one last transaction: every bucket equals what
// the journal gives, entry for entry, the edits undone, the draft kept,
// no staging bucket left, and the check passes.
func TestRebuildInChunks(t *testing.T) {
	st, _, want, draftData := rebuildFixture(t)
	defer st.Close()
	if _, err := st.Verify(CheckOptions{Max: 1}); !errors.Is(err, ErrCheckFailed) {
		t.Fatalf("the edits passed the check: %v", err)
	}
	head, _ := st.JournalHead()
	var stages []string
	chunks := 0
	n, err := st.Rebuild(CheckOptions{SpillAt: 8 << 10, TempDir: t.TempDir(),
		Stage: func(x Text) { stages = append(stages, x.EN) },
		Progress: func(done, total int) {
			if len(stages) == 2 {
				chunks++
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if n != int(head.Seq) {
		t.Errorf("rebuilt from %d records, the journal has %d", n, head.Seq)
	}
	if len(stages) != 2 || chunks < 10 {
		t.Errorf("stages %q, %d chunks: want the replay and the rebuild, in many transactions", stages, chunks)
	}
	got, staging := bucketDigests(t, st)
	if staging {
		t.Error("the staging bucket is left in the file")
	}
	if !maps.Equal(got, want) {
		for name := range want {
			if got[name] != want[name] {
				t.Errorf("bucket %s differs from what the journal gives", name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("bucket %s is not the journal's", name)
			}
		}
	}
	if d, err := st.Draft("local:desk"); err != nil || string(d) != string(draftData) {
		t.Errorf("the draft after the rebuild: %q %v", d, err)
	}
	if probs, err := st.Verify(CheckOptions{}); err != nil {
		t.Errorf("check after the rebuild: %v %v", probs, err)
	}
}

// A rebuild cut short (Ctrl+C after its first transaction) leaves every
// bucket as it was, edits and all; the store opens and works, and the
// next rebuild clears the staging bucket and finishes.
func TestRebuildCutShortLeavesTheStore(t *testing.T) {
	st, path, want, _ := rebuildFixture(t)
	cat := st.Catalog()
	before, _ := bucketDigests(t, st)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stage := ""
	_, err := st.Rebuild(CheckOptions{Context: ctx, TempDir: t.TempDir(),
		Stage: func(x Text) { stage = x.EN },
		Progress: func(done, total int) {
			if stage == "rebuilding the buckets" && done < total {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("the rebuild was not cut short: %v", err)
	}
	after, staging := bucketDigests(t, st)
	if !staging {
		t.Fatal("no staging bucket: the rebuild was cut before it wrote anything")
	}
	if !maps.Equal(after, before) {
		t.Error("a rebuild cut short changed the buckets")
	}
	st.Close()

	st, err = Open(path, cat, Options{Now: (&clock{testNow}).now})
	if err != nil {
		t.Fatalf("the store does not open after a rebuild cut short: %v", err)
	}
	defer st.Close()
	mustIntake(t, st, draft(idFor("19800102", 1), "郑一", []string{urbanDibao(t, cat).Code}), "local:desk")
	if _, err := st.Rebuild(CheckOptions{TempDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	got, staging := bucketDigests(t, st)
	if staging {
		t.Error("the second rebuild left the staging bucket")
	}
	if got[string(bIdxSearch)] == want[string(bIdxSearch)] {
		t.Error("the intake after the cut-short rebuild is not in the search index")
	}
	if probs, err := st.Verify(CheckOptions{}); err != nil {
		t.Errorf("check after the second rebuild: %v %v", probs, err)
	}
}
