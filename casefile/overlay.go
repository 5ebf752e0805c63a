package casefile

import (
	"sort"

	bolt "go.etcd.io/bbolt"
)

// The overlay holds the entries of the deferred buckets (journal_defer.go)
// that saves have journaled but no catch-up has written yet. It is a
// stack of immutable segments, oldest first: a save adds one small
// segment, and whenever the newest segment has grown to half the size of
// the one below, the two are merged (the sizes fall geometrically, so a
// pending entry is copied O(log n) times and a read looks at O(log n)
// segments). A published overlay is never changed: a save publishes a
// new one that shares the old segments.

// ovEntry is one pending entry: a value or a deletion.
type ovEntry struct {
	key string
	val []byte
	del bool
}

// segment is the pending entries of consecutive journal records lo..hi.
type segment struct {
	lo, hi uint64
	b      map[string][]ovEntry // bucket → entries sorted by key
	seq    map[string]uint64    // bucket → its sequence
	n      int                  // entries
	bytes  int                  // bytes of keys and values, roughly
}

// overlay is the pending segments, oldest first; nil is empty.
type overlay struct {
	segs  []*segment
	n     int
	bytes int
}

func (o *overlay) size() int {
	if o == nil {
		return 0
	}
	return o.n
}

func (o *overlay) memory() int {
	if o == nil {
		return 0
	}
	return o.bytes
}

func (o *overlay) empty() bool { return o == nil || len(o.segs) == 0 }

// get is the newest pending entry of key in bucket.
func (o *overlay) get(bucket, key []byte) (ovEntry, bool) {
	if o == nil {
		return ovEntry{}, false
	}
	k := string(key)
	for i := len(o.segs) - 1; i >= 0; i-- {
		es := o.segs[i].b[string(bucket)]
		j := sort.Search(len(es), func(j int) bool { return es[j].key >= k })
		if j < len(es) && es[j].key == k {
			return es[j], true
		}
	}
	return ovEntry{}, false
}

// seqOf is the newest pending sequence of bucket.
func (o *overlay) seqOf(bucket []byte) (uint64, bool) {
	if o == nil {
		return 0, false
	}
	for i := len(o.segs) - 1; i >= 0; i-- {
		if n, ok := o.segs[i].seq[string(bucket)]; ok {
			return n, true
		}
	}
	return 0, false
}

// newSegment sorts a transaction's entries (bucket → key → entry) and
// sequences into a segment of record seq.
func newSegment(seq uint64, local map[string]map[string]ovEntry, seqs map[string]uint64) *segment {
	s := &segment{lo: seq, hi: seq, b: make(map[string][]ovEntry, len(local)), seq: seqs}
	for b, m := range local {
		es := make([]ovEntry, 0, len(m))
		for _, e := range m {
			es = append(es, e)
			s.bytes += len(e.key) + len(e.val) + 48
		}
		sort.Slice(es, func(i, j int) bool { return es[i].key < es[j].key })
		s.b[b] = es
		s.n += len(es)
	}
	return s
}

// mergeSegments merges a and the newer b into one segment.
func mergeSegments(a, b *segment) *segment {
	out := &segment{lo: a.lo, hi: b.hi, b: make(map[string][]ovEntry, len(a.b)+len(b.b)), seq: make(map[string]uint64, len(a.seq)+len(b.seq))}
	for k, v := range a.b {
		out.b[k] = v
	}
	for k, v := range b.b {
		out.b[k] = mergeEntries(a.b[k], v)
	}
	for k, v := range a.seq {
		out.seq[k] = v
	}
	for k, v := range b.seq {
		out.seq[k] = v
	}
	for _, es := range out.b {
		out.n += len(es)
		for _, e := range es {
			out.bytes += len(e.key) + len(e.val) + 48
		}
	}
	return out
}

// with is o with seg on top, merged down while the top segment is at
// least half the size of the one below.
func (o *overlay) with(seg *segment) *overlay {
	var segs []*segment
	if o != nil {
		segs = make([]*segment, len(o.segs), len(o.segs)+1)
		copy(segs, o.segs)
	}
	segs = append(segs, seg)
	for len(segs) >= 2 && 2*segs[len(segs)-1].n >= segs[len(segs)-2].n {
		m := mergeSegments(segs[len(segs)-2], segs[len(segs)-1])
		segs = append(segs[:len(segs)-2], m)
	}
	out := &overlay{segs: segs}
	for _, s := range segs {
		out.n += s.n
		out.bytes += s.bytes
	}
	return out
}

// flat is every pending entry merged into one segment (nil when none).
func (o *overlay) flat() *segment {
	if o.empty() {
		return nil
	}
	s := o.segs[0]
	for _, t := range o.segs[1:] {
		s = mergeSegments(s, t)
	}
	return s
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

// ---- the merged cursor ----

// source is one sorted input of a merged cursor: a bbolt cursor or a
// list of pending entries.
type source struct {
	c   *bolt.Cursor
	es  []ovEntry
	i   int // position in es (len(es) or -1: off the end)
	k   []byte
	v   []byte
	del bool
	ok  bool
}

func (s *source) load() {
	if s.c != nil {
		s.ok = s.k != nil
		return
	}
	s.ok = s.i >= 0 && s.i < len(s.es)
	if s.ok {
		e := s.es[s.i]
		s.k, s.v, s.del = []byte(e.key), e.val, e.del
	} else {
		s.k, s.v, s.del = nil, nil, false
	}
}

func (s *source) first() {
	if s.c != nil {
		s.k, s.v = s.c.First()
	} else {
		s.i = 0
	}
	s.load()
}

func (s *source) last() {
	if s.c != nil {
		s.k, s.v = s.c.Last()
	} else {
		s.i = len(s.es) - 1
	}
	s.load()
}

func (s *source) seek(p []byte) {
	if s.c != nil {
		s.k, s.v = s.c.Seek(p)
	} else {
		k := string(p)
		s.i = sort.Search(len(s.es), func(i int) bool { return s.es[i].key >= k })
	}
	s.load()
}

func (s *source) next() {
	if s.c != nil {
		s.k, s.v = s.c.Next()
	} else {
		s.i++
	}
	s.load()
}

func (s *source) prev() {
	if s.c != nil {
		s.k, s.v = s.c.Prev()
	} else {
		s.i--
	}
	s.load()
}

// before places s at its last key below p.
func (s *source) before(p []byte) {
	s.seek(p)
	if s.ok {
		s.prev()
	} else {
		s.last()
	}
}

// after places s at its first key above p.
func (s *source) after(p []byte) {
	s.seek(p)
	if s.ok && string(s.k) == string(p) {
		s.next()
	}
}

// mcursor walks a bucket as a transaction sees it: the bbolt tree with
// the pending entries over it, newer sources winning on equal keys and
// pending deletions hiding their keys. It goes both ways (First, Seek,
// Next, Last, Prev).
type mcursor struct {
	srcs []*source // oldest first: the bbolt tree, then pending lists
	back bool      // walking backwards
	k, v []byte
}

// pick sets the cursor at the smallest (largest, backwards) key of the
// sources, skipping deleted keys, and returns it.
func (m *mcursor) pick() ([]byte, []byte) {
	for {
		var best *source
		var bk []byte
		for _, s := range m.srcs {
			if !s.ok {
				continue
			}
			c := 0
			if best != nil {
				c = compareBytes(s.k, bk)
				if m.back {
					c = -c
				}
			}
			if best == nil || c <= 0 { // later sources win on equal keys
				best, bk = s, s.k
			}
		}
		if best == nil {
			m.k, m.v = nil, nil
			return nil, nil
		}
		m.k, m.v = bk, best.v
		if !best.del {
			return m.k, m.v
		}
		m.step()
	}
}

// step moves every source at the current key one further.
func (m *mcursor) step() {
	k := string(m.k)
	for _, s := range m.srcs {
		if s.ok && string(s.k) == k {
			if m.back {
				s.prev()
			} else {
				s.next()
			}
		}
	}
}

func compareBytes(a, b []byte) int {
	switch sa, sb := string(a), string(b); {
	case sa < sb:
		return -1
	case sa > sb:
		return 1
	}
	return 0
}

func (m *mcursor) First() ([]byte, []byte) {
	m.back = false
	for _, s := range m.srcs {
		s.first()
	}
	return m.pick()
}

func (m *mcursor) Last() ([]byte, []byte) {
	m.back = true
	for _, s := range m.srcs {
		s.last()
	}
	return m.pick()
}

func (m *mcursor) Seek(p []byte) ([]byte, []byte) {
	m.back = false
	for _, s := range m.srcs {
		s.seek(p)
	}
	return m.pick()
}

func (m *mcursor) Next() ([]byte, []byte) {
	if m.k == nil {
		return nil, nil
	}
	if m.back {
		m.back = false
		cur := m.k
		for _, s := range m.srcs {
			s.after(cur)
		}
		return m.pick()
	}
	m.step()
	return m.pick()
}

func (m *mcursor) Prev() ([]byte, []byte) {
	if m.k == nil {
		return nil, nil
	}
	if !m.back {
		m.back = true
		cur := m.k
		for _, s := range m.srcs {
			s.before(cur)
		}
		return m.pick()
	}
	m.step()
	return m.pick()
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
