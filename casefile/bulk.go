package casefile

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Bulk loading: a new hall of a million generated cases (`hall demo
// --cases N`, the benchmarks' store) in minutes. Every write still goes
// through the journaled seam (Tx.put, Tx.del, Tx.nextSequence): each
// Loader.Chunk is one transaction and one journal record, and replaying
// the journal gives the same buckets. What differs from saves one by one
// is where the entries of the seven lookup indexes go: as with a save's
// deferred entries (journal_defer.go) they are in the journal at once and
// in their buckets later, but instead of waiting in memory they are
// sorted into runs on disk, and Finish writes each index once, in key
// order, into fully packed pages — a random put into a big tree touches a
// page per entry, a sorted append one page per hundred. The applied mark
// moves only then, so a load whose program stopped half way is finished
// by the next Open as any pending catch-up is. The chunks are not synced
// one by one, Finish syncs once: the machine failing during a load may
// damage the new file (build it again).
//
// The load does not look people up: a person without an ID is new to the
// store (the generator makes every person once), a person with one was
// stored earlier in the load.

// Loader builds a new hall in large transactions. It holds the store's
// write lock only while a call of it runs; between them the store's
// index buckets lag behind its records, so nothing else may use the
// store until Finish.
type Loader struct {
	s    *Store
	who  string
	runs []*os.File
	buf  []byte   // the current run's entries
	offs []uint32 // … their starts in buf
	n    int      // index entries so far
	done bool
	// spilling, when a run is being sorted and written in the
	// background, hears how that went
	spilling chan error
	synced   bool // the store syncs its writes (the load's do not)
}

// bulkRunSize is how many bytes of index entries a run holds at most.
var bulkRunSize = 64 << 20

// bulkBuckets are the buckets a load appends to in key order: their pages
// are filled completely.
var bulkBuckets = [][]byte{bCases, bPersons, bHistory, bJournal, bIdxNumber}

// bulkRunBuckets are the lookup indexes, keyed at random places, whose
// entries go to the load's runs and are written once by Finish.
var bulkRunBuckets = [][]byte{bIdxDoc, bIdxStatus, bIdxPerson, bIdxGroup, bIdxSearch, bIdxDue, bIdxProject}

// NewLoader starts a bulk load into st, which must have no cases.
func (s *Store) NewLoader(who string) (*Loader, error) {
	if err := s.CatchUp(); err != nil {
		return nil, err
	}
	var total int
	if err := s.View(func(t *Tx) error { total = t.Counts().Total; return t.Require(who, PermIntake) }); err != nil {
		return nil, err
	}
	if total > 0 {
		return nil, ErrInvalid.Withf("数据库已有 %d 个案件，不能批量写入", "the database already has %d cases; a bulk load needs an empty one", total)
	}
	return &Loader{s: s, who: who}, nil
}

// BulkTx is one transaction of a bulk load.
type BulkTx struct {
	t    *Tx
	l    *Loader
	buf  []byte
	offs []uint32
}

// Tx is the transaction, for the changes of a case after its intake
// (PutCase, SyncAid, NextReference …). A case's changes come before the
// next case's Intake: an index entry of an earlier case is no longer
// visible to the transaction.
func (b *BulkTx) Tx() *Tx { return b.t }

// Chunk runs fn in one write transaction of the load: one journal record.
func (l *Loader) Chunk(fn func(b *BulkTx) error) error {
	if l.done {
		return errors.New("casefile: bulk load already finished")
	}
	s := l.s
	s.wmu.Lock()
	defer s.wmu.Unlock()
	// the chunk's record follows the journal in the file
	if err := s.catchUpLocked(); err != nil {
		return err
	}
	var head Head
	var b *BulkTx
	defer l.unsynced()()
	err := s.update(func(tx *bolt.Tx) error {
		for _, name := range bulkBuckets {
			if bk := tx.Bucket(name); bk != nil {
				bk.FillPercent = 1.0
			}
		}
		b = &BulkTx{t: &Tx{tx: tx, s: s, now: s.now(), ov: s.ov, opIndex: make(map[string]int, 1<<16)}, l: l}
		if err := fn(b); err != nil {
			return err
		}
		if err := b.drain(); err != nil {
			return err
		}
		if len(b.t.ops) == 0 {
			return nil
		}
		var err error
		head, err = appendJournal(b.t.kv(), b.t.now, b.t.who, b.t.ops)
		return err
	})
	if err != nil {
		return writeError(s, err)
	}
	if head.Seq > 0 {
		s.anchor(head)
	}
	base := uint32(len(l.buf))
	l.buf = append(l.buf, b.buf...)
	for _, o := range b.offs {
		l.offs = append(l.offs, base+o)
	}
	l.n += len(b.offs)
	if len(l.buf) > bulkRunSize {
		// the next chunk is made and stored while this run is written
		if err := l.waitSpill(); err != nil {
			return err
		}
		buf, offs := l.buf, l.offs
		l.buf, l.offs = make([]byte, 0, len(buf)+len(buf)/8), make([]uint32, 0, len(offs)+len(offs)/8)
		l.spilling = make(chan error, 1)
		go func() { l.spilling <- l.spill(buf, offs) }()
	}
	return nil
}

// unsynced turns off the store's fsyncs until the returned func runs: no
// fsync per chunk, and none per growth of the file either (bbolt syncs
// the file each time it grows it by its allocation step, 16 MB: some
// 900 syncs of a 14 GB load); Finish syncs once. A load cut short by a
// crash of the machine (not of the program) may leave a damaged file: it
// was a new hall, build it again.
func (l *Loader) unsynced() func() {
	db := l.s.db
	if !db.NoSync {
		l.synced = true
	}
	noSync, noGrowSync := db.NoSync, db.NoGrowSync
	db.NoSync, db.NoGrowSync = true, true
	return func() { db.NoSync, db.NoGrowSync = noSync, noGrowSync }
}

// waitSpill waits for the run being written.
func (l *Loader) waitSpill() error {
	if l.spilling == nil {
		return nil
	}
	err := <-l.spilling
	l.spilling = nil
	return err
}

// drain moves the index entries the transaction keeps in memory to its
// run: entry = bucket index(1) key length(2) key del(1) value length(4)
// value.
func (b *BulkTx) drain() error {
	t := b.t
	// The records, the counters, the number index and the bucket
	// sequences, which the store also defers, are written now: they are
	// keyed in load order (or read back by the next case).
	direct := map[string]map[string]ovEntry{}
	for name, m := range t.local {
		if !slices.ContainsFunc(bulkRunBuckets, func(x []byte) bool { return string(x) == name }) {
			direct[name] = m
		}
	}
	if len(direct) > 0 || len(t.lseq) > 0 {
		if err := applySegment(t.kv(), newSegment(0, direct, t.lseq)); err != nil {
			return err
		}
	}
	for name, m := range t.local {
		if direct[name] != nil {
			continue
		}
		bi := slices.IndexFunc(deferredBuckets, func(x []byte) bool { return string(x) == name })
		for _, e := range m {
			b.offs = append(b.offs, uint32(len(b.buf)))
			del := byte(0)
			if e.del {
				del = 1
			}
			b.buf = append(b.buf, byte(bi))
			b.buf = binary.BigEndian.AppendUint16(b.buf, uint16(len(e.key)))
			b.buf = append(b.buf, e.key...)
			b.buf = append(b.buf, del)
			b.buf = binary.BigEndian.AppendUint32(b.buf, uint32(len(e.val)))
			b.buf = append(b.buf, e.val...)
		}
	}
	t.local, t.lseq, t.nlocal = nil, nil, 0
	return nil
}

// bulkEntry decodes the entry at the start of p.
func bulkEntry(p []byte) (bucket int, del bool, key, val []byte, n int) {
	kl := int(binary.BigEndian.Uint16(p[1:]))
	key = p[3 : 3+kl]
	del = p[3+kl] == 1
	vl := int(binary.BigEndian.Uint32(p[4+kl:]))
	val = p[8+kl : 8+kl+vl]
	return int(p[0]), del, key, val, 8 + kl + vl
}

// entryKey is an entry's key.
func entryKey(p []byte) []byte { return p[3 : 3+int(binary.BigEndian.Uint16(p[1:]))] }

// compareEntries orders entries by bucket, then key.
func compareEntries(a, b []byte) int {
	if a[0] != b[0] {
		return int(a[0]) - int(b[0])
	}
	return bytes.Compare(entryKey(a), entryKey(b))
}

// spill sorts entries (offs into buf) and writes them to a run file of
// their own (the later of two entries of one key wins).
func (l *Loader) spill(buf []byte, offs []uint32) error {
	if len(offs) == 0 {
		return nil
	}
	slices.SortFunc(offs, func(x, y uint32) int {
		if c := compareEntries(buf[x:], buf[y:]); c != 0 {
			return c
		}
		return cmp.Compare(x, y) // the earlier first
	})
	f, err := os.CreateTemp("", "hall-bulk-*.run")
	if err != nil {
		return err
	}
	os.Remove(f.Name())        // gone when closed
	l.runs = append(l.runs, f) // (the writer waits for a spill before it reads runs)
	w := bufio.NewWriterSize(f, 1<<20)
	doc := byte(slices.IndexFunc(deferredBuckets, func(x []byte) bool { return bytes.Equal(x, bIdxDoc) }))
	for i, o := range offs {
		if i+1 < len(offs) && compareEntries(buf[o:], buf[offs[i+1]:]) == 0 {
			if buf[o] == doc {
				return ErrInvalid.Withf("批量写入的人员重复：%s", "a person is twice in the bulk load: %s", maskKey(entryKey(buf[o:])))
			}
			continue // a later entry of the same key follows
		}
		_, _, _, _, n := bulkEntry(buf[o:])
		if _, err := w.Write(buf[o : int(o)+n]); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	_, err = f.Seek(0, io.SeekStart)
	return err
}

// Close drops what an unfinished load gathered (its run files).
func (l *Loader) Close() {
	l.waitSpill()
	for _, f := range l.runs {
		f.Close()
	}
	l.runs, l.buf, l.offs = nil, nil, nil
}

// runReader reads a run's entries in order.
type runReader struct {
	r   *bufio.Reader
	idx int
	cur []byte // the current entry (owned: handed to bbolt)
}

func (r *runReader) next() (bool, error) {
	var hdr [3]byte
	if _, err := io.ReadFull(r.r, hdr[:]); err != nil {
		if err == io.EOF {
			return false, nil
		}
		return false, err
	}
	kl := int(binary.BigEndian.Uint16(hdr[1:]))
	var mid [5]byte
	e := make([]byte, 3+kl, 8+kl+64)
	copy(e, hdr[:])
	if _, err := io.ReadFull(r.r, e[3:]); err != nil {
		return false, err
	}
	if _, err := io.ReadFull(r.r, mid[:]); err != nil {
		return false, err
	}
	e = append(e, mid[:]...)
	vl := int(binary.BigEndian.Uint32(mid[1:]))
	e = slices.Grow(e, vl)[:len(e)+vl]
	if _, err := io.ReadFull(r.r, e[8+kl:]); err != nil {
		return false, err
	}
	r.cur = e
	return true, nil
}

// runHeap merges runs: the smallest entry first, of equal ones the later
// run's first.
type runHeap []*runReader

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	if c := compareEntries(h[i].cur, h[j].cur); c != 0 {
		return c < 0
	}
	return h[i].idx > h[j].idx
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// bulkIndexTx is how many index entries one transaction of Finish writes.
const bulkIndexTx = 1 << 19

// bulkBatch is a batch of merged entries on their way to the buckets.
type bulkBatch struct {
	entries [][]byte
	read    int // entries read from the runs for it (duplicates included)
	err     error
}

// merge sends the runs' entries in order, each key once (the latest),
// in batches; it stops at a closed stop.
func (l *Loader) merge(h runHeap, out chan<- bulkBatch, stop <-chan struct{}) {
	defer close(out)
	doc := byte(slices.IndexFunc(deferredBuckets, func(x []byte) bool { return bytes.Equal(x, bIdxDoc) }))
	var last []byte // of equal keys, the first popped (the latest run's) wins
	b := bulkBatch{entries: make([][]byte, 0, 1<<14)}
	send := func() bool {
		select {
		case out <- b:
			b = bulkBatch{entries: make([][]byte, 0, 1<<14)}
			return true
		case <-stop:
			return false
		}
	}
	for len(h) > 0 {
		r := h[0]
		e := r.cur
		ok, err := r.next()
		if err != nil {
			b.err = err
			send()
			return
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
		b.read++
		if last != nil && compareEntries(last, e) == 0 {
			if e[0] == doc {
				b.err = ErrInvalid.Withf("批量写入的人员重复：%s", "a person is twice in the bulk load: %s", maskKey(entryKey(e)))
				send()
				return
			}
			continue
		}
		last = e
		b.entries = append(b.entries, e)
		if len(b.entries) == cap(b.entries) && !send() {
			return
		}
	}
	if len(b.entries) > 0 || b.read > 0 {
		send()
	}
}

// Finish writes the gathered index entries to their buckets, each in key
// order into full pages, in transactions of half a million entries (the
// runs are merged on another goroutine meanwhile), and marks every
// journal record applied. progress (nil: none) hears how many of the
// entries are written.
func (l *Loader) Finish(progress func(done, total int)) error {
	if l.done {
		return nil
	}
	defer l.Close()
	if err := l.waitSpill(); err != nil {
		return err
	}
	if err := l.spill(l.buf, l.offs); err != nil {
		return err
	}
	l.buf, l.offs = nil, nil
	if progress == nil {
		progress = func(int, int) {}
	}
	h := runHeap{}
	for i, f := range l.runs {
		r := &runReader{r: bufio.NewReaderSize(f, 256<<10), idx: i}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			h = append(h, r)
		}
	}
	heap.Init(&h)
	batches := make(chan bulkBatch, 8)
	stop := make(chan struct{})
	defer close(stop)
	go l.merge(h, batches, stop)
	s := l.s
	s.wmu.Lock()
	defer s.wmu.Unlock()
	defer l.unsynced()()
	total, written := l.n, 0
	progress(0, total)
	more := true
	for more {
		err := s.update(func(tx *bolt.Tx) error {
			var bk *bolt.Bucket
			bi := -1
			for n := 0; n < bulkIndexTx; {
				b, ok := <-batches
				if !ok {
					more = false
					break
				}
				if b.err != nil {
					return b.err
				}
				written += b.read
				n += len(b.entries)
				for _, e := range b.entries {
					bucket, del, key, val, _ := bulkEntry(e)
					if del {
						continue // its record was written and removed within the load
					}
					if bucket != bi {
						bi = bucket
						var err error
						if bk, err = tx.CreateBucketIfNotExists(deferredBuckets[bucket]); err != nil {
							return err
						}
						bk.FillPercent = 1.0
					}
					if err := bk.Put(key, val); err != nil {
						return err
					}
				}
			}
			if more {
				return nil
			}
			hd, err := journalHead(boltKV{tx})
			if err != nil {
				return err
			}
			return setApplied(tx, hd.Seq)
		})
		if err != nil {
			return writeError(s, err)
		}
		progress(written, total)
	}
	if l.synced {
		if err := s.db.Sync(); err != nil {
			return writeError(s, err)
		}
	}
	l.done = true
	return nil
}

// ---- the intake of a bulk load ----

// PrepareIntake is the case Store.Intake would make of d received at
// now, before it is stored: validated, the amounts proposed (as for
// people who hold no aid yet), the time limit, the intake's history note.
// It reads nothing from the store: many goroutines may prepare cases
// while one stores them (BulkTx.Intake).
func (cat *Catalog) PrepareIntake(d *Draft, now time.Time, who string) (*Case, Text, error) {
	if err := cat.Validate(d, DateOf(now)); err != nil {
		return nil, Text{}, err
	}
	received := d.Received
	if received.IsZero() {
		received = now
	}
	hh := Household{Area: d.Household.Area, Size: d.Household.Size, Members: slices.Clone(d.Household.Members)}
	c := &Case{Applicant: d.Applicant, Household: hh, Documents: d.Documents, Channel: d.Channel, Received: received,
		Status: StatusReceived, Note: d.Note, Officer: who}
	c.Apps = make([]Application, len(d.Apps))
	codes := make([]string, len(d.Apps))
	for i, a := range d.Apps {
		c.Apps[i] = Application{Project: a.Project, Requested: a.Requested}
		codes[i] = a.Project
	}
	for i := range c.Apps {
		m, err := cat.ProposeAmount(c, &c.Apps[i], nil)
		if err != nil {
			return nil, Text{}, err
		}
		c.Apps[i].Proposed = m
	}
	c.Deadline = cat.Deadline(DateOf(received), codes)
	return c, cat.IntakeNote(c), nil
}

// IntakeStep is the history step of c's intake with note (PrepareIntake's):
// again lists the projects the applicant already has open or holds, with
// reason (the note says so, as Store.Intake's does).
func (cat *Catalog) IntakeStep(c *Case, note Text, again []Repeat, reason string) Step {
	if len(again) > 0 {
		rn := T("再次申请（已有%s），理由：%s", "applies again (already %s); reason: %s", cat.repeatsText(again), reason)
		if note.ZH == "" {
			note = rn
		} else {
			note = Text{ZH: note.ZH + "；" + rn.ZH, EN: note.EN + "; " + rn.EN}
		}
	}
	return Step{Change: Change{Who: c.Officer, Action: string(ActionIntake), Note: note}, To: StatusReceived, At: c.Received}
}

// History is a new case's history entries, chained and encoded.
type History struct {
	raw    [][]byte
	last   Status
	who    string    // the first step's (the journal record names the first of a transaction)
	at     time.Time // the last step's
	people []newPerson
}

// newPerson is a person without an ID encoded ahead (without the ID) with
// its search terms.
type newPerson struct {
	p     *Person
	was   Person // p as encoded
	raw   []byte
	terms []string
}

// EncodePeople encodes ahead the people of c that have no ID yet and
// lists their search terms, on any goroutine, so that the writer of a
// bulk load only adds their IDs (BulkTx.Intake). A person changed
// between (another document number) is encoded again when stored.
func (h *History) EncodePeople(c *Case) error {
	add := func(p *Person) error {
		if p.ID != 0 {
			return nil
		}
		raw, err := json.Marshal(p)
		if err != nil {
			return err
		}
		if len(raw) < 2 || raw[0] != '{' || raw[1] == '}' {
			return nil
		}
		h.people = append(h.people, newPerson{p: p, was: *p, raw: raw, terms: SearchTerms(p)})
		return nil
	}
	if err := add(&c.Applicant); err != nil {
		return err
	}
	for i := range c.Household.Members {
		if m := &c.Household.Members[i]; m.Relation != RelationSelf {
			if err := add(&m.Person); err != nil {
				return err
			}
		}
	}
	return nil
}

// withID is raw, a person's JSON without an ID, as json.Marshal writes
// it with ID id (the first field).
func withID(raw []byte, id uint64) []byte {
	b := make([]byte, 0, len(raw)+24)
	b = strconv.AppendUint(append(b, `{"id":`...), id, 10)
	return append(append(b, ','), raw[1:]...)
}

// person is p's encoding made ahead, nil when there is none or p changed
// since.
func (h *History) person(p *Person) *newPerson {
	if h == nil {
		return nil
	}
	for i := range h.people {
		if pr := &h.people[i]; pr.p == p {
			if !reflect.DeepEqual(pr.was, *p) {
				return nil
			}
			return pr
		}
	}
	return nil
}

// NewHistory chains and encodes steps as the history of a new case, the
// intake's first: hashing and encoding on any goroutine, so that the
// writer of a bulk load only stores them.
func NewHistory(steps ...Step) (*History, error) {
	h := &History{raw: make([][]byte, len(steps))}
	prev := ""
	for i, st := range steps {
		if st.Who == "" {
			return nil, ErrInvalid.Withf("未记录操作人", "no user recorded for the change")
		}
		if st.At.IsZero() {
			return nil, ErrInvalid.Withf("未记录时间", "no time recorded for the change")
		}
		e := HistoryEntry{At: st.At, Who: st.Who, Action: st.Action, Why: st.Why, Note: st.Note, From: st.From, To: st.To,
			Seq: uint32(i), Prev: prev}
		e.Hash = HashEntry(e)
		raw, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		h.raw[i], prev, h.last, h.at = raw, e.Hash, st.To, st.At
		if i == 0 {
			h.who = st.Who
		}
	}
	return h, nil
}

// Intake stores a prepared case as Store.Intake does: its people (a
// person without an ID is new and gets one; one with an ID, an earlier
// case's, is not written again), its sequence and number, its history h
// (NewHistory: the intake's step, then those of what happened since),
// the day's counter. When later is given, what the case became since,
// later is stored instead of c, with c's sequence, number and people:
// one write of the case, not one per step. The index entries of the
// earlier cases move to the load's runs first.
func (b *BulkTx) Intake(c *Case, later *Case, h *History) error {
	if err := b.drain(); err != nil {
		return err
	}
	t := b.t
	t.by(c.Officer)
	save := func(p *Person) error {
		if p.ID != 0 {
			return nil
		}
		id, err := t.nextSequence(bPersons)
		if err != nil {
			return err
		}
		pr := h.person(p)
		p.ID = id
		if err := t.put(bIdxDoc, []byte(p.Key()), u64(id)); err != nil {
			return err
		}
		if pr == nil {
			if err := t.putJSON(bPersons, u64(id), p); err != nil {
				return err
			}
			return t.indexPersonTerms(p)
		}
		if err := t.put(bPersons, u64(id), withID(pr.raw, id)); err != nil {
			return err
		}
		return t.indexTerms(id, pr.terms)
	}
	if err := save(&c.Applicant); err != nil {
		return err
	}
	for i := range c.Household.Members {
		m := &c.Household.Members[i]
		if m.Relation == RelationSelf {
			m.Person = c.Applicant
			continue
		}
		if err := save(&m.Person); err != nil {
			return err
		}
	}
	seq, err := t.nextSequence(bCases)
	if err != nil {
		return err
	}
	if c.Number, err = t.nextCaseNumber(c.Received.Year()); err != nil {
		return err
	}
	c.Seq, c.ApplicantID = seq, c.Applicant.ID
	if later == nil {
		later = c
	} else {
		later.Seq, later.Number, later.ApplicantID, later.Applicant, later.Household, later.Version = c.Seq, c.Number, c.ApplicantID, c.Applicant, c.Household, 0
	}
	if h == nil || len(h.raw) == 0 || h.last != later.Status {
		return ErrInvalid.Withf("%s 的办理记录与状态不符", "the history of %s does not lead to its status", c.Number)
	}
	if err := b.store(nil, later, h.who, h.at, func() error {
		for i, raw := range h.raw {
			key := make([]byte, 12)
			binary.BigEndian.PutUint64(key, later.Seq)
			binary.BigEndian.PutUint32(key[8:], uint32(i))
			if err := t.put(bHistory, key, raw); err != nil {
				return err
			}
		}
		return nil
	}, len(h.raw)); err != nil {
		return err
	}
	return t.bump("received/" + DateOf(c.Received).String())
}

// Step is one history entry of BulkTx.Put: a change from one status to
// another (equal when the status stays) at a time (zero: the
// transaction's).
type Step struct {
	Change
	From, To Status
	At       time.Time
}

// Put stores c as PutCase does, with one history entry per step (the
// changes that led from old to c, oldest first; the first step's From is
// old's status). c.Version grows by one per step.
func (b *BulkTx) Put(old, c *Case, steps ...Step) error {
	t := b.t
	if len(steps) == 0 {
		return ErrInvalid.Withf("未记录变更", "no change recorded")
	}
	for _, st := range steps {
		if st.Who == "" {
			return ErrInvalid.Withf("未记录操作人", "no user recorded for the change")
		}
	}
	return b.store(old, c, steps[0].Who, steps[len(steps)-1].At, func() error {
		for i, st := range steps {
			e := HistoryEntry{At: st.At, Who: st.Who, Action: st.Action, Why: st.Why, Note: st.Note, From: st.From, To: st.To}
			if e.At.IsZero() {
				e.At = t.now
			}
			if i == 0 && old != nil {
				e.From = old.Status
			}
			if err := t.appendHistory(c.Seq, e); err != nil {
				return err
			}
		}
		return nil
	}, len(steps))
}

// store is Put with the history written by history, n entries of them,
// the first by who, the last at at.
func (b *BulkTx) store(old, c *Case, who string, at time.Time, history func() error, n int) error {
	t := b.t
	t.by(who)
	if old != nil && old.Version != c.Version {
		return ErrStaleCase.Withf("%s（版本 %d，当前 %d）", "%s (version %d, now %d)", c.Number, c.Version, old.Version)
	}
	c.Version += uint64(n)
	c.Updated = t.now
	if !at.IsZero() {
		c.Updated = at
	}
	if err := t.writeCase(old, c); err != nil {
		return err
	}
	return history()
}
