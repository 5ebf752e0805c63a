package casefile

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// fileJournal is the journal bucket as the database file holds it: its
// sequences in order, and the last record's head.
func fileJournal(t *testing.T, s *Store) ([]uint64, Head) {
	t.Helper()
	var seqs []uint64
	var h Head
	s.view(func(tx *bolt.Tx) error {
		tx.Bucket(bJournal).ForEach(func(k, v []byte) error {
			seqs = append(seqs, binary.BigEndian.Uint64(k))
			h = Head{Seq: binary.BigEndian.Uint64(k), Hash: [32]byte(v[:32])}
			return nil
		})
		return nil
	})
	return seqs, h
}

// An intake commits by its record in the journal's tail: the database
// file gets no page, the tail gets the record, and every read — the case,
// the journal head, the revision, `hall audit record` — sees it at once.
// A write to a bucket that is not deferred (a meeting's records) then
// commits to the file with the pending records before its own: the
// journal bucket runs without a gap and the check passes.
func TestSaveCommitsByTheTail(t *testing.T) {
	st, _, path := newStore(t)
	before, _ := st.JournalHead()
	rev0, _ := st.Revision()
	pages := st.PagesWritten()
	c := mustIntake(t, st, draft(idFor("19800101", 1), "赵一", []string{urbanDibao(t, st.Catalog()).Code}), "local:desk")
	if n := st.PagesWritten() - pages; n != 0 {
		t.Errorf("the intake wrote %d pages of the database file, want 0 (its record goes to the tail)", n)
	}
	if st.TailWritten() == 0 {
		t.Fatal("the intake wrote nothing to the tail")
	}
	head, err := st.JournalHead()
	if err != nil || head.Seq != before.Seq+1 {
		t.Fatalf("journal head after the intake: %v %v, want record %d", head, err, before.Seq+1)
	}
	if rev, _ := st.Revision(); rev == rev0 {
		t.Error("the intake did not move the revision")
	}
	if e, err := st.JournalRecord(head.Seq); err != nil || e.Who != "local:desk" || e.Head() != head {
		t.Errorf("audit record %d: %+v %v", head.Seq, e, err)
	}
	if anchors, _ := readAnchors(path); len(anchors) == 0 || anchors[len(anchors)-1] != head {
		t.Errorf("the anchor's last head is %v, want %v", anchors, head)
	}
	if seqs, _ := fileJournal(t, st); len(seqs) != int(before.Seq) {
		t.Errorf("the file's journal has %d records, want %d (the intake's is in the tail)", len(seqs), before.Seq)
	}
	recs, err := readTail(path, before)
	if err != nil || len(recs) != 1 || recs[0].seq != head.Seq {
		t.Fatalf("the tail after one intake: %v %v", recs, err)
	}

	// a meeting's record: not deferred, so committed to the file
	if err := st.Update(func(tx *Tx) error {
		tx.by("local:secretary")
		return tx.Records("test_things").Put(NumKey(1), nil)
	}); err != nil {
		t.Fatal(err)
	}
	seqs, fh := fileJournal(t, st)
	for i, s := range seqs {
		if s != uint64(i+1) {
			t.Fatalf("the file's journal is %v: not every record in order", seqs)
		}
	}
	if h2, _ := st.JournalHead(); fh != h2 || h2.Seq != head.Seq+1 {
		t.Errorf("the file's journal ends at %v, the store's head is %v", fh, h2)
	}
	if st.Pending() != 0 {
		t.Errorf("%d entries still pending after a write to the file", st.Pending())
	}
	if probs, err := st.Verify(CheckOptions{}); err != nil {
		t.Errorf("check: %v %v", probs, err)
	}
	st.View(func(tx *Tx) error {
		if got, err := tx.Case(c.Number); err != nil || got.Seq != c.Seq {
			t.Errorf("case %s: %v %v", c.Number, got, err)
		}
		return nil
	})
	// A clean close leaves no tail: every record is in the file.
	st.Close()
	if _, err := os.Stat(TailPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the tail is still there after a clean close: %v", err)
	}
}

// tailOf writes records 1..n (each chaining to the one before, from the
// zero head) to a fresh tail beside path and returns their heads.
func tailOf(t *testing.T, path string, from Head, n int) (*tail, []Head) {
	t.Helper()
	tl, err := openTail(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tl.close() })
	return tl, appendTail(t, tl, from, n)
}

func appendTail(t *testing.T, tl *tail, from Head, n int) []Head {
	t.Helper()
	var heads []Head
	h := from
	for i := 0; i < n; i++ {
		ops := []jop{{kind: opPut, bucket: bCases, key: u64(h.Seq + 1), value: []byte(`{"n":` + string(rune('0'+i%10)) + `}`)}}
		var val []byte
		h, val = nextRecord(h, time.Unix(1764000000, 0), "local:desk", ops)
		if err := tl.append(h.Seq, val, false); err != nil {
			t.Fatal(err)
		}
		heads = append(heads, h)
	}
	return heads
}

func tailSeqs(rs []tailRecord) []uint64 {
	var out []uint64
	for _, r := range rs {
		out = append(out, r.seq)
	}
	return out
}

// The tail's frames, read after a crash: every whole frame that chains
// on is a save; a frame cut short or never finished ends the tail (that
// save was never acknowledged); an earlier round's frames, left behind
// by a catch-up, are skipped; a damaged frame in the middle, a gap or a
// tail that does not chain to the database is damage, reported.
func TestTailFrames(t *testing.T) {
	dir := t.TempDir()
	read := func(path string, h Head) ([]uint64, error) {
		rs, err := readTail(path, h)
		return tailSeqs(rs), err
	}

	t.Run("whole", func(t *testing.T) {
		path := filepath.Join(dir, "whole.db")
		_, heads := tailOf(t, path, Head{}, 3)
		if got, err := read(path, Head{}); err != nil || !slices.Equal(got, []uint64{1, 2, 3}) {
			t.Errorf("got %v %v, want [1 2 3]", got, err)
		}
		// records the file already holds are not read again
		if got, err := read(path, heads[1]); err != nil || !slices.Equal(got, []uint64{3}) {
			t.Errorf("after head 2: %v %v, want [3]", got, err)
		}
		if got, err := read(filepath.Join(dir, "none.db"), Head{}); err != nil || got != nil {
			t.Errorf("no tail file: %v %v", got, err)
		}
	})
	t.Run("torn", func(t *testing.T) {
		path := filepath.Join(dir, "torn.db")
		tl, _ := tailOf(t, path, Head{}, 3)
		// the third frame cut off halfway: its bytes zero from the middle
		end := tl.off
		raw, _ := os.ReadFile(TailPath(path))
		third := int(end) - (int(binary.BigEndian.Uint32(raw[frameStart(t, raw, 2):])) + tailHeader)
		for i := third + 20; i < int(end); i++ {
			raw[i] = 0
		}
		os.WriteFile(TailPath(path), raw, 0o600)
		if got, err := read(path, Head{}); err != nil || !slices.Equal(got, []uint64{1, 2}) {
			t.Errorf("got %v %v, want [1 2]", got, err)
		}
	})
	t.Run("restarted", func(t *testing.T) {
		path := filepath.Join(dir, "restarted.db")
		tl, heads := tailOf(t, path, Head{}, 6)
		// a catch-up wrote 1..6 to the file: the next round starts over
		tl.restart()
		if got, err := read(path, heads[5]); err != nil || len(got) != 0 {
			t.Errorf("after the restart: %v %v, want none", got, err)
		}
		// the first header zeroed by restart was never synced: a crash may
		// leave it, and the old frames are still skipped
		raw, _ := os.ReadFile(TailPath(path))
		tailOf(t, filepath.Join(dir, "copy.db"), Head{}, 6)
		other, _ := os.ReadFile(TailPath(filepath.Join(dir, "copy.db")))
		copy(raw[:tailHeader], other[:tailHeader])
		os.WriteFile(TailPath(path), raw, 0o600)
		if got, err := read(path, heads[5]); err != nil || len(got) != 0 {
			t.Errorf("old frames after the restart: %v %v, want none", got, err)
		}
		// two new saves, over the start of the old frames
		appendTail(t, tl, heads[5], 2)
		if got, err := read(path, heads[5]); err != nil || !slices.Equal(got, []uint64{7, 8}) {
			t.Errorf("new round: %v %v, want [7 8]", got, err)
		}
	})
	t.Run("damaged", func(t *testing.T) {
		path := filepath.Join(dir, "damaged.db")
		tailOf(t, path, Head{}, 3)
		raw, _ := os.ReadFile(TailPath(path))
		raw[frameStart(t, raw, 1)+tailHeader+50] ^= 0x10 // a byte of record 2
		os.WriteFile(TailPath(path), raw, 0o600)
		_, err := read(path, Head{})
		if !errors.Is(err, ErrDatabaseCorrupt) {
			t.Fatalf("a damaged record between two good ones: %v, want damage", err)
		}
		if m := Message(err, ZH); !containsAll(m, TailPath(path), "第 2 条", "hall restore") {
			t.Errorf("message %q", m)
		}
		if m := Message(err, EN); !containsAll(m, "record 2", "hall restore") {
			t.Errorf("message %q", m)
		}
	})
	t.Run("foreign", func(t *testing.T) {
		path := filepath.Join(dir, "foreign.db")
		tailOf(t, path, Head{}, 2)
		// the database's own record 0 head has another hash: this tail
		// was written beside another file
		other := Head{Seq: 0, Hash: [32]byte{1}}
		if _, err := read(path, other); !errors.Is(err, ErrDatabaseCorrupt) {
			t.Errorf("a tail that does not chain: %v, want damage", err)
		}
	})
	t.Run("gap", func(t *testing.T) {
		path := filepath.Join(dir, "gap.db")
		start := Head{Seq: 4, Hash: [32]byte{9}}
		tailOf(t, path, start, 2) // records 5, 6
		if _, err := read(path, Head{Seq: 2}); !errors.Is(err, ErrDatabaseCorrupt) {
			t.Errorf("records 3 and 4 missing: %v, want damage", err)
		}
	})
}

// frameStart is the offset of frame i of a tail.
func frameStart(t *testing.T, raw []byte, i int) int {
	t.Helper()
	off := 0
	for ; i > 0; i-- {
		_, _, next, ok := frameAt(raw, off)
		if !ok {
			t.Fatalf("frame at %d unreadable", off)
		}
		off = next
	}
	return off
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// A tail damaged between two saves stops the open with the damage named
// and nothing changed; a restore replaces the database and gives up the
// tail beside it.
func TestDamagedTailAndRestore(t *testing.T) {
	st, _, path := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, err := st.BackupFile(backup); err != nil {
		t.Fatal(err)
	}
	holdCatchUps(t)
	for i := range 3 {
		mustIntake(t, st, draft(idFor("19800101", 10+i), "钱二", []string{code}), "local:desk")
	}
	// the files as a crash leaves them, record 2 of the tail damaged
	crashed := crashCopy(t, path)
	tr, _ := os.ReadFile(TailPath(crashed))
	tr[frameStart(t, tr, 1)+tailHeader+60] ^= 0x01
	os.WriteFile(TailPath(crashed), tr, 0o600)
	for _, ro := range []bool{true, false} {
		if s2, err := Open(crashed, st.Catalog(), Options{ReadOnly: ro}); !errors.Is(err, ErrDatabaseCorrupt) {
			if s2 != nil {
				s2.Close()
			}
			t.Fatalf("open (read-only %v) of a file with a damaged tail: %v, want damage", ro, err)
		}
	}
	if after, _ := os.ReadFile(TailPath(crashed)); string(after) != string(tr) {
		t.Error("the failed open changed the tail")
	}
	if err := Restore(backup, crashed, st.Catalog()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(TailPath(crashed)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the restore left the old tail: %v", err)
	}
	s3, err := Open(crashed, st.Catalog(), Options{})
	if err != nil {
		t.Fatalf("open after restore: %v", err)
	}
	s3.Close()
}

// A backup taken from the files a crash left (opened read-only, as `hall
// backup` opens a database no hall holds) has the saves of the tail in
// the copy itself: restored alone, without the tail, it holds them.
func TestBackupOfACrashedTail(t *testing.T) {
	st, _, path := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	holdCatchUps(t)
	c := mustIntake(t, st, draft(idFor("19800101", 30), "李四", []string{code}), "local:desk")
	crashed := crashCopy(t, path)

	ro, err := Open(crashed, st.Catalog(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if ro.Pending() == 0 {
		t.Fatal("the read-only open found nothing pending: the copy has no save in its tail")
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, err := ro.BackupFile(backup); err != nil {
		t.Fatal(err)
	}
	ro.Close()
	b, err := Open(backup, st.Catalog(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Pending() != 0 {
		t.Errorf("the backup has %d entries pending, want them in its file", b.Pending())
	}
	b.View(func(tx *Tx) error {
		if got, err := tx.Case(c.Number); err != nil {
			t.Errorf("the backup lost case %s: %v", c.Number, err)
		} else if p, err := tx.PersonByKey("R:" + idFor("19800101", 30)); err != nil || p.Name != "李四" || p.ID != got.ApplicantID {
			t.Errorf("the backup's ID index: %v %v", p, err)
		}
		return nil
	})
	if probs, err := b.Verify(CheckOptions{}); err != nil {
		t.Errorf("check of the backup: %v %v", probs, err)
	}
}

// holdCatchUps keeps every save pending (its record in the tail) until
// the test ends or the store closes.
func holdCatchUps(t *testing.T) {
	idle, age := catchUpIdle, catchUpAge
	catchUpIdle, catchUpAge = time.Hour, time.Hour
	t.Cleanup(func() { catchUpIdle, catchUpAge = idle, age })
}

// crashCopy copies the database at path and its journal's tail, as a
// crash would leave them, to a new file and returns its path. A database
// without a tail fails the test: the copy would hold no pending save.
func crashCopy(t *testing.T, path string) string {
	t.Helper()
	crashed := filepath.Join(t.TempDir(), "crashed.db")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := os.ReadFile(TailPath(path))
	if err != nil {
		t.Fatalf("the saves left no journal tail: %v", err)
	}
	if err := os.WriteFile(crashed, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(TailPath(crashed), tr, 0o600); err != nil {
		t.Fatal(err)
	}
	return crashed
}

// A file of schema 2 (the journal, no tail) becomes a file of schema 3 by
// its next read-write open, through one journal record by the program:
// a hall of version 2 then refuses the file (ErrSchemaNewer) instead of
// opening it without the saves a crash left in its tail. The check passes.
func TestSchemaTwoBecomesThree(t *testing.T) {
	st, clk, path := newStore(t)
	mustIntake(t, st, draft(idFor("19800101", 1), "赵一", []string{urbanDibao(t, st.Catalog()).Code}), "local:desk")
	if err := st.Update(func(tx *Tx) error {
		tx.by(systemUser)
		return tx.put(bMeta, []byte("schema"), u64(2))
	}); err != nil {
		t.Fatal(err)
	}
	before, _ := st.JournalHead()
	st.Close()

	st2, err := Open(path, defaultCatalog(t), Options{Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	var schema uint64
	st2.view(func(tx *bolt.Tx) error {
		schema = binary.BigEndian.Uint64(tx.Bucket(bMeta).Get([]byte("schema")))
		return nil
	})
	if schema != 3 {
		t.Fatalf("the schema after the open is %d, want 3", schema)
	}
	head, _ := st2.JournalHead()
	if e, err := st2.JournalRecord(head.Seq); err != nil || head.Seq != before.Seq+1 || e.Who != systemUser || e.Ops != 1 {
		t.Errorf("the schema's record: %+v %v (head before %d)", e, err, before.Seq)
	}
	if probs, err := st2.Verify(CheckOptions{}); err != nil {
		t.Errorf("check: %v %v", probs, err)
	}
}

// Salvage carries the saves a crash left in the journal's tail: they go
// to the copy's own tail, which the copy's next open brings in, so a save
// acknowledged before the crash is in the salvaged copy and its check
// passes. A tail that no longer follows the journal salvaged (here the
// journal's last record is gone, as damage would take it) is named in
// the report and not copied, and the copy still opens.
func TestSalvageCarriesTheTail(t *testing.T) {
	st, _, path := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	mustIntake(t, st, draft(idFor("19800101", 40), "周一", []string{code}), "local:desk")
	if err := st.CatchUp(); err != nil {
		t.Fatal(err)
	}
	holdCatchUps(t)
	c := mustIntake(t, st, draft(idFor("19800101", 41), "周二", []string{code}), "local:desk")
	crashed := crashCopy(t, path)

	out := filepath.Join(t.TempDir(), "salvaged.db")
	rep, err := Salvage(crashed, out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Tail != 1 || len(rep.Lost) != 0 {
		t.Fatalf("report %+v, want the tail's one save and nothing lost", rep)
	}
	s2, err := Open(out, st.Catalog(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.View(func(tx *Tx) error { _, err := tx.Case(c.Number); return err }); err != nil {
		t.Errorf("the salvaged copy lost case %s, saved before the crash: %v", c.Number, err)
	}
	if probs, err := s2.Verify(CheckOptions{}); err != nil {
		t.Errorf("check of the salvaged copy: %v %v", probs, err)
	}
	s2.Close()

	// the journal's last record lost: the tail no longer follows
	db, err := bolt.Open(crashed, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bJournal).Cursor().Last()
		return tx.Bucket(bJournal).Delete(k)
	})
	db.Close()
	out2 := filepath.Join(t.TempDir(), "salvaged2.db")
	rep, err = Salvage(crashed, out2)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Tail != 0 || len(rep.Lost) != 1 || !strings.Contains(rep.Lost[0].ZH, "日志尾文件") || !strings.Contains(rep.Lost[0].EN, "tail") {
		t.Fatalf("report %+v, want the tail named as not copied", rep)
	}
	if _, err := os.Stat(TailPath(out2)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a tail that does not follow was copied: %v", err)
	}
	s3, err := Open(out2, st.Catalog(), Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the salvaged copy does not open: %v", err)
	}
	s3.Close()
}
