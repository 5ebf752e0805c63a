package casefile

import (
	"bytes"
	"encoding/binary"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Deferred indexes. A save commits the journal record and what the desk
// needs at once — the case, its number, its history, the people, the
// counters — while the entries of the seven lookup indexes (deferred,
// below), keyed at random places of their trees, wait in memory (the
// store's overlay) and are written by a later catch-up transaction for
// many saves together. Every read goes through the overlay (Tx.get,
// Tx.cursor), so nothing reads an index behind its record. The journal
// holds every entry from the start: the "applied" bucket says up to which
// record the index buckets have them, and Open applies (read-write) or
// overlays (read-only) the records after it, so a crash between a save
// and its catch-up loses nothing.

var bApplied = []byte("applied") // "seq" → the last journal record whose index entries are in the buckets (not journaled)

var deferredBuckets = [][]byte{bIdxDoc, bIdxStatus, bIdxPerson, bIdxGroup, bIdxSearch, bIdxDue, bIdxProject}

func deferred(bucket []byte) bool {
	for _, b := range deferredBuckets {
		if bytes.Equal(b, bucket) {
			return true
		}
	}
	return false
}

const (
	// maxPending is the number of pending index entries at which a save
	// catches up at once.
	maxPending = 2048
	// maxLocal is the number of index entries one transaction keeps in
	// memory before it writes them (and those pending) to the buckets
	// itself: an import of thousands gains nothing from waiting.
	maxLocal = 4096
	// catchUpDelay is how long pending entries wait for more saves.
	catchUpDelay = 200 * time.Millisecond
)

// ovEntry is one pending index entry: a value or a deletion.
type ovEntry struct {
	key string
	val []byte
	del bool
}

// overlay is a set of pending entries: bucket → entries sorted by key.
// A published overlay is never changed: writers make a new one.
type overlay map[string][]ovEntry

func (o overlay) size() int {
	n := 0
	for _, es := range o {
		n += len(es)
	}
	return n
}

func (o overlay) get(bucket, key []byte) (ovEntry, bool) {
	es := o[string(bucket)]
	k := string(key)
	i := sort.Search(len(es), func(i int) bool { return es[i].key >= k })
	if i < len(es) && es[i].key == k {
		return es[i], true
	}
	return ovEntry{}, false
}

// merge returns o with the entries of local (bucket → key → entry) over
// it.
func (o overlay) merge(local map[string]map[string]ovEntry) overlay {
	out := make(overlay, len(o)+len(local))
	for b, es := range o {
		out[b] = es
	}
	for b, m := range local {
		add := make([]ovEntry, 0, len(m))
		for _, e := range m {
			add = append(add, e)
		}
		sort.Slice(add, func(i, j int) bool { return add[i].key < add[j].key })
		out[b] = mergeEntries(o[b], add)
	}
	return out
}

// mergeEntries merges two sorted lists; b wins on equal keys.
func mergeEntries(a, b []ovEntry) []ovEntry {
	out := make([]ovEntry, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].key < b[j].key):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].key < a[i].key:
			out = append(out, b[j])
			j++
		default:
			out = append(out, b[j])
			i++
			j++
		}
	}
	return out
}

// ---- reads through the overlay ----

// pendingIn is the sorted pending entries of bucket the transaction sees:
// the store's overlay as of its start, then its own.
func (t *Tx) pendingIn(bucket []byte) []ovEntry {
	es := t.ov[string(bucket)]
	if m := t.local[string(bucket)]; len(m) > 0 {
		add := make([]ovEntry, 0, len(m))
		for _, e := range m {
			add = append(add, e)
		}
		sort.Slice(add, func(i, j int) bool { return add[i].key < add[j].key })
		es = mergeEntries(es, add)
	}
	return es
}

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

// cursor walks bucket as the transaction sees it (First, Seek, Next).
func (t *Tx) cursor(bucket []byte) *mcursor {
	m := &mcursor{}
	if b := t.tx.Bucket(bucket); b != nil {
		m.c = b.Cursor()
	}
	if deferred(bucket) {
		m.ov = t.pendingIn(bucket)
	}
	return m
}

// mcursor merges a bbolt cursor with sorted pending entries, which win.
type mcursor struct {
	c      *bolt.Cursor
	ov     []ovEntry
	i      int
	bk, bv []byte
	fromB  bool // the current item advanced the bbolt side
	fromO  bool // … the pending side
}

func (m *mcursor) First() ([]byte, []byte) {
	if m.c != nil {
		m.bk, m.bv = m.c.First()
	}
	m.i = 0
	return m.cur()
}

func (m *mcursor) Seek(p []byte) ([]byte, []byte) {
	if m.c != nil {
		m.bk, m.bv = m.c.Seek(p)
	}
	s := string(p)
	m.i = sort.Search(len(m.ov), func(i int) bool { return m.ov[i].key >= s })
	return m.cur()
}

func (m *mcursor) Next() ([]byte, []byte) {
	if m.fromB && m.c != nil {
		m.bk, m.bv = m.c.Next()
	}
	if m.fromO {
		m.i++
	}
	return m.cur()
}

func (m *mcursor) cur() ([]byte, []byte) {
	for {
		m.fromB, m.fromO = false, false
		haveO := m.i < len(m.ov)
		switch {
		case m.bk == nil && !haveO:
			return nil, nil
		case !haveO || (m.bk != nil && string(m.bk) < m.ov[m.i].key):
			m.fromB = true
			return m.bk, m.bv
		}
		e := m.ov[m.i]
		m.fromO = true
		m.fromB = m.bk != nil && string(m.bk) == e.key
		if !e.del {
			return []byte(e.key), e.val
		}
		// a pending deletion: skip it (and the entry it deletes)
		if m.fromB && m.c != nil {
			m.bk, m.bv = m.c.Next()
		}
		m.i++
	}
}

// forEach calls fn for every entry of c.
func forEach(c *mcursor, fn func(k, v []byte) error) error {
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// ---- writes ----

// putDeferred keeps an index entry in the transaction's memory.
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
	for b := range t.ov {
		for _, e := range t.pendingIn([]byte(b)) {
			if err := applyEntry(k, []byte(b), e); err != nil {
				return err
			}
		}
	}
	for b := range t.local {
		if _, done := t.ov[b]; done {
			continue
		}
		for _, e := range t.local[b] {
			if err := applyEntry(k, []byte(b), e); err != nil {
				return err
			}
		}
	}
	t.direct, t.local, t.nlocal = true, nil, 0
	return nil
}

func applyEntry(k kv, bucket []byte, e ovEntry) error {
	if e.del {
		return k.Delete(bucket, []byte(e.key))
	}
	return k.Put(bucket, []byte(e.key), e.val)
}

// ---- the applied mark, catch-up, recovery ----

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

// catchUp writes every pending index entry to the buckets in one
// transaction. The caller holds s.wmu.
func (s *Store) catchUpLocked() error {
	if s.db.IsReadOnly() || len(s.ov) == 0 {
		return nil
	}
	err := s.update(func(tx *bolt.Tx) error {
		k := boltKV{tx}
		for b, es := range s.ov {
			for _, e := range es {
				if err := applyEntry(k, []byte(b), e); err != nil {
					return err
				}
			}
		}
		h, err := journalHead(k)
		if err != nil {
			return err
		}
		return setApplied(tx, h.Seq)
	})
	if err != nil {
		return err
	}
	s.publish(nil)
	return nil
}

// CatchUp writes the index entries still pending (a program about to
// hand the file to another, a test).
func (s *Store) CatchUp() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.catchUpLocked()
}

// publish replaces the store's overlay.
func (s *Store) publish(o overlay) {
	s.ovMu.Lock()
	s.ov = o
	s.ovMu.Unlock()
}

// scheduleCatchUp arms the timer of the next catch-up. The caller holds
// s.wmu.
func (s *Store) scheduleCatchUp() {
	if s.timer != nil || s.closed {
		return
	}
	s.timer = time.AfterFunc(catchUpDelay, func() {
		s.wmu.Lock()
		defer s.wmu.Unlock()
		s.timer = nil
		if !s.closed {
			s.catchUpLocked() // a failure is tried again at the next save, close or open
		}
	})
}

// recoverPending reads the index entries of the journal records after the
// applied mark (a save whose catch-up a crash cut off): a read-write store
// writes them at once, a read-only one keeps them as its overlay.
func (s *Store) recoverPending() error {
	var o overlay
	err := s.view(func(tx *bolt.Tx) error {
		applied, ok := appliedSeq(tx)
		jb := tx.Bucket(bJournal)
		if !ok || jb == nil {
			return nil
		}
		local := map[string]map[string]ovEntry{}
		c := jb.Cursor()
		for k, v := c.Seek(u64(applied + 1)); k != nil; k, v = c.Next() {
			if len(v) < 32 {
				return ErrDatabaseCorrupt.Withf("日志记录无法读取", "a journal record cannot be read")
			}
			r, err := decodeRecord(v[32:])
			if err != nil {
				return ErrDatabaseCorrupt.Withf("日志第 %d 条记录无法读取", "journal record %d cannot be read", binary.BigEndian.Uint64(k))
			}
			for _, op := range r.Ops {
				if !deferred(op.bucket) || op.kind == opSeq {
					continue
				}
				m := local[string(op.bucket)]
				if m == nil {
					m = map[string]ovEntry{}
					local[string(op.bucket)] = m
				}
				m[string(op.key)] = ovEntry{key: string(op.key), val: bytes.Clone(op.value), del: op.kind == opDelete}
			}
		}
		if len(local) > 0 {
			o = overlay(nil).merge(local)
		}
		return nil
	})
	if err != nil || len(o) == 0 {
		return err
	}
	s.publish(o)
	if s.db.IsReadOnly() {
		return nil
	}
	return s.CatchUp()
}
