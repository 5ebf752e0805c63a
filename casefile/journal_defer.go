package casefile

import (
	"bytes"
	"encoding/binary"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Deferred buckets. A save commits its journal record — ONE sequential
// append — and nothing else: the new versions of the records it touches
// (case, people, history, counters) and their index entries, keyed at
// random places of their trees, wait in memory (the store's overlay,
// overlay.go) and are written by a later catch-up transaction for many
// saves together, where the pages of each tree are shared. Every read of
// these buckets goes through the overlay (Tx.get, Tx.cursor, Tx.seq), so
// nothing reads a record or an index behind the journal. The "applied"
// bucket says up to which journal record the deferred buckets hold every
// entry, and Open writes (read-write) or overlays (read-only) the records
// after it, so a crash between a save and its catch-up loses nothing.
//
// A catch-up runs when the desk has been idle for catchUpIdle, at the
// latest catchUpAge after the first pending save, at once (after the
// save that passed them returned) when the pending entries pass
// maxPending or maxPendingBytes, and on Close.

var bApplied = []byte("applied") // "seq" → the last journal record whose deferred entries are in the buckets (not journaled)

var deferredBuckets = [][]byte{bPersons, bCases, bHistory, bCounters,
	bIdxDoc, bIdxNumber, bIdxStatus, bIdxPerson, bIdxGroup, bIdxSearch, bIdxDue, bIdxProject}

var deferredSet = func() map[string]bool {
	m := map[string]bool{}
	for _, b := range deferredBuckets {
		m[string(b)] = true
	}
	m[string(bJournal)] = true // records in the tail (tail.go), read through the overlay
	return m
}()

func deferred(bucket []byte) bool { return deferredSet[string(bucket)] }

// Catch-up thresholds (variables for the tests that hold a catch-up
// back).
var (
	// maxPending and maxPendingBytes bound the overlay: a save that
	// leaves more pending catches up at once.
	maxPending      = 1 << 17
	maxPendingBytes = 48 << 20
	// catchUpIdle is how long pending entries wait for more saves;
	// catchUpAge is how long they wait at most.
	catchUpIdle = time.Second
	catchUpAge  = 30 * time.Second
)

// maxLocal is the number of deferred entries one transaction keeps in
// memory before it writes them (and those pending) to the buckets
// itself: an import of thousands gains nothing from waiting.
const maxLocal = 4096

// ---- reads through the overlay ----

// get reads key of bucket as the transaction sees it.
func (t *Tx) get(bucket, key []byte) []byte {
	if deferred(bucket) {
		if e, ok := t.local[string(bucket)][string(key)]; ok {
			if e.del {
				return nil
			}
			return e.val
		}
		if e, ok := t.ov.get(bucket, key); ok {
			if e.del {
				return nil
			}
			return e.val
		}
	}
	if b := t.tx.Bucket(bucket); b != nil {
		return b.Get(key)
	}
	return nil
}

// seq is the sequence of bucket as the transaction sees it.
func (t *Tx) seq(bucket []byte) uint64 {
	if deferred(bucket) {
		if n, ok := t.lseq[string(bucket)]; ok {
			return n
		}
		if n, ok := t.ov.seqOf(bucket); ok {
			return n
		}
	}
	return t.kv().Sequence(bucket)
}

// cursor walks bucket as the transaction sees it (First, Seek, Next,
// Last, Prev).
func (t *Tx) cursor(bucket []byte) *mcursor {
	m := &mcursor{}
	if b := t.tx.Bucket(bucket); b != nil {
		m.srcs = append(m.srcs, &source{c: b.Cursor()})
	}
	if deferred(bucket) {
		if t.ov != nil {
			for _, s := range t.ov.segs {
				if es := s.b[string(bucket)]; len(es) > 0 {
					m.srcs = append(m.srcs, &source{es: es})
				}
			}
		}
		if l := t.local[string(bucket)]; len(l) > 0 {
			es := make([]ovEntry, 0, len(l))
			for _, e := range l {
				es = append(es, e)
			}
			sort.Slice(es, func(i, j int) bool { return es[i].key < es[j].key })
			m.srcs = append(m.srcs, &source{es: es})
		}
	}
	return m
}

// ---- writes ----

// keepLocal keeps an entry of a deferred bucket in the transaction's
// memory.
func (t *Tx) keepLocal(bucket []byte, e ovEntry) error {
	if t.local == nil {
		t.local = map[string]map[string]ovEntry{}
	}
	m := t.local[string(bucket)]
	if m == nil {
		m = map[string]ovEntry{}
		t.local[string(bucket)] = m
	}
	m[e.key] = e
	t.nlocal++
	if t.nlocal > maxLocal {
		return t.goDirect()
	}
	return nil
}

// goDirect writes the pending entries the transaction sees to the
// buckets and writes every later entry directly: the transaction then
// leaves nothing pending.
func (t *Tx) goDirect() error {
	k := t.kv()
	if f := t.ov.flat(); f != nil {
		if err := applySegment(k, f); err != nil {
			return err
		}
	}
	if len(t.local) > 0 || len(t.lseq) > 0 {
		if err := applySegment(k, newSegment(0, t.local, t.lseq)); err != nil {
			return err
		}
	}
	t.direct, t.ov, t.local, t.lseq, t.nlocal = true, nil, nil, nil, 0
	return nil
}

// applySegment writes the entries and sequences of s to the buckets.
func applySegment(k kv, s *segment) error {
	names := make([]string, 0, len(s.b))
	for b := range s.b {
		names = append(names, b)
	}
	sort.Strings(names)
	for _, b := range names {
		for _, e := range s.b[b] {
			var err error
			if e.del {
				err = k.Delete([]byte(b), []byte(e.key))
			} else {
				err = k.Put([]byte(b), []byte(e.key), e.val)
			}
			if err != nil {
				return err
			}
		}
	}
	for b, n := range s.seq {
		if err := k.SetSequence([]byte(b), n); err != nil {
			return err
		}
	}
	return nil
}

// ---- the applied mark, catch-up, recovery ----

// applyPending writes the pending entries f (the journal's records among
// them) to the buckets of tx and marks them applied: a catch-up.
func applyPending(tx *bolt.Tx, f *segment) error {
	k := boltKV{tx}
	if err := applySegment(k, f); err != nil {
		return err
	}
	h, err := journalHead(k)
	if err != nil {
		return err
	}
	return setApplied(tx, h.Seq)
}

func appliedSeq(tx *bolt.Tx) (uint64, bool) {
	if b := tx.Bucket(bApplied); b != nil {
		if v := b.Get([]byte("seq")); len(v) == 8 {
			return binary.BigEndian.Uint64(v), true
		}
	}
	return 0, false
}

func setApplied(tx *bolt.Tx, seq uint64) error {
	b, err := tx.CreateBucketIfNotExists(bApplied)
	if err != nil {
		return err
	}
	return b.Put([]byte("seq"), u64(seq))
}

// catchUpLocked writes every pending entry to the buckets in one
// transaction. The caller holds s.wmu.
func (s *Store) catchUpLocked() error {
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	if s.db.IsReadOnly() || s.ov.empty() {
		s.pendingSince = time.Time{}
		return nil
	}
	f := s.ov.flat()
	err := s.update(func(tx *bolt.Tx) error { return applyPending(tx, f) })
	if err != nil {
		return err // still pending: tried again at the next save, close or open
	}
	s.pendingSince = time.Time{}
	s.publish(nil)
	if s.tail != nil {
		s.tail.restart()
	}
	return nil
}

// CatchUp writes the entries still pending (a program about to hand the
// file to another, a check, a test).
func (s *Store) CatchUp() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.catchUpLocked()
}

// Pending is the number of entries saved but not yet caught up.
func (s *Store) Pending() int {
	s.ovMu.RLock()
	defer s.ovMu.RUnlock()
	return s.ov.size()
}

// publish replaces the store's overlay. Readers hold ovMu from the start
// of their bbolt transaction until they have taken the overlay, so none
// pairs an overlay with a tree it does not belong to.
func (s *Store) publish(o *overlay) {
	s.ovMu.Lock()
	s.ov = o
	s.ovMu.Unlock()
}

// afterSave decides when the entries a save left pending are written.
// The caller holds s.wmu.
func (s *Store) afterSave() {
	if s.closed {
		return
	}
	now := time.Now()
	if s.pendingSince.IsZero() {
		s.pendingSince = now
	}
	wait := min(catchUpIdle, max(0, s.pendingSince.Add(catchUpAge).Sub(now)))
	if s.ov.size() >= maxPending || s.ov.memory() >= maxPendingBytes {
		// at once, but not in this save's time: the next save waits
		// for it (s.wmu), so the overlay stays bounded
		wait = 0
	}
	if s.timer != nil {
		s.timer.Stop()
	}
	var me *time.Timer
	me = time.AfterFunc(wait, func() {
		s.wmu.Lock()
		defer s.wmu.Unlock()
		if s.timer != me || s.closed {
			return // replaced by a later save's timer, or closed
		}
		s.catchUpLocked()
	})
	s.timer = me
}

// recoverPending reads the deferred entries of the journal records after
// the applied mark (saves whose catch-up a crash cut off) and the records
// of the tail (tail.go): a read-write store writes them at once, a
// read-only one keeps them as its overlay.
func (s *Store) recoverPending() error {
	var seg *segment
	err := s.view(func(tx *bolt.Tx) error {
		applied, ok := appliedSeq(tx)
		jb := tx.Bucket(bJournal)
		if !ok || jb == nil {
			return nil
		}
		head, err := journalHead(boltKV{tx})
		if err != nil {
			return err
		}
		tailed, err := readTail(s.path, head)
		if err != nil {
			return err
		}
		local := map[string]map[string]ovEntry{}
		seqs := map[string]uint64{}
		var last uint64
		keep := func(bucket []byte, e ovEntry) {
			m := local[string(bucket)]
			if m == nil {
				m = map[string]ovEntry{}
				local[string(bucket)] = m
			}
			m[e.key] = e
		}
		apply := func(r record) {
			last = r.Seq
			for _, op := range r.Ops {
				if !deferred(op.bucket) {
					continue
				}
				if op.kind == opSeq {
					seqs[string(op.bucket)] = binary.BigEndian.Uint64(op.value)
					continue
				}
				keep(op.bucket, ovEntry{key: string(op.key), val: bytes.Clone(op.value), del: op.kind == opDelete})
			}
		}
		c := jb.Cursor()
		for k, v := c.Seek(u64(applied + 1)); k != nil; k, v = c.Next() {
			if len(v) < 32 {
				return ErrDatabaseCorrupt.Withf("日志记录无法读取", "a journal record cannot be read")
			}
			r, err := decodeRecord(v[32:])
			if err != nil {
				return ErrDatabaseCorrupt.Withf("日志第 %d 条记录无法读取", "journal record %d cannot be read", binary.BigEndian.Uint64(k))
			}
			apply(r)
		}
		for _, tr := range tailed {
			apply(tr.rec)
			keep(bJournal, ovEntry{key: string(u64(tr.seq)), val: tr.val})
		}
		if len(local) > 0 || len(seqs) > 0 {
			seg = newSegment(last, local, seqs)
			seg.lo = applied + 1
		}
		return nil
	})
	if err != nil {
		return err
	}
	if seg != nil {
		s.publish((*overlay)(nil).with(seg))
	}
	if s.db.IsReadOnly() {
		return nil
	}
	if err := s.CatchUp(); err != nil {
		return err
	}
	// every record of a tail a crash left is in the file now
	return removeTail(s.path)
}

// pendingInto writes the entries pending in a read-only store's overlay
// (the records of a tail a crash left, and their entries) into the copy
// of its file at path, as a catch-up would have written them.
func (s *Store) pendingInto(path string) error {
	s.ovMu.RLock()
	ov := s.ov
	s.ovMu.RUnlock()
	if !s.db.IsReadOnly() || ov.empty() {
		return nil
	}
	db, err := openBolt(path, &bolt.Options{Timeout: timeoutShort})
	if err != nil {
		return translateOpenError(path, err)
	}
	err = guard(path, func() error {
		return db.Update(func(tx *bolt.Tx) error { return applyPending(tx, ov.flat()) })
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}
