package casefile

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// The check's replay of the journal in bounded memory. Every operation
// of the journal becomes one small entry — bucket, key, the record that
// wrote it, and a 16-byte digest of the value (or that it was deleted) —
// never the value itself. The entries gather in memory up to a budget;
// a full batch is sorted by (bucket, key, record), the last write of each
// key kept, and written to a temporary file (0600, in a private
// directory removed when the check ends, also on an error or Ctrl+C).
// The batches are then merged into one stream in the order bbolt keeps
// the buckets and their keys, so the check walks every bucket of the
// store alongside it. A store whose journal fits in one batch never
// touches the disk. At a million cases the journal holds some 35 million
// entries (about 1.8 GB of batches on disk) and the check stays at the
// budget's size in memory.

// spillBudget is the bytes of entries kept in memory before a batch is
// written to disk.
const spillBudget = 64 << 20

// jentry is what the journal gives for one bucket entry. The check keeps
// the value's digest (sum); the rebuild keeps the value itself (val).
type jentry struct {
	bucket, key []byte
	seq         uint64
	del         bool
	sum         [16]byte
	val         []byte
}

func (e *jentry) compare(o *jentry) int {
	if c := bytes.Compare(e.bucket, o.bucket); c != 0 {
		return c
	}
	if c := bytes.Compare(e.key, o.key); c != 0 {
		return c
	}
	switch {
	case e.seq < o.seq:
		return -1
	case e.seq > o.seq:
		return 1
	}
	return 0
}

// An encoded entry: uvarint len ‖ bucket ‖ uvarint len ‖ key ‖ seq(8) ‖
// flag(1: 1 deleted) ‖ digest(16) ‖ uvarint len ‖ value (empty for the
// check).
const entryTail = 8 + 1 + 16

func appendEntry(b []byte, e *jentry) []byte {
	b = appendBytes(b, e.bucket)
	b = appendBytes(b, e.key)
	b = binary.BigEndian.AppendUint64(b, e.seq)
	var flag byte
	if e.del {
		flag = 1
	}
	b = append(b, flag)
	b = append(b, e.sum[:]...)
	return appendBytes(b, e.val)
}

// decodeEntry decodes the entry at the start of b; the slices point into
// b. It returns the length of the entry.
func decodeEntry(b []byte, e *jentry) (int, error) {
	var err error
	rest := b
	if e.bucket, rest, err = readBytes(rest); err != nil {
		return 0, err
	}
	if e.key, rest, err = readBytes(rest); err != nil {
		return 0, err
	}
	if len(rest) < entryTail {
		return 0, errBadRecord
	}
	e.seq = binary.BigEndian.Uint64(rest)
	e.del = rest[8] == 1
	copy(e.sum[:], rest[9:entryTail])
	if e.val, rest, err = readBytes(rest[entryTail:]); err != nil {
		return 0, err
	}
	return len(b) - len(rest), nil
}

// replay gathers the journal's entries (add) and gives them back merged
// (stream).
type replay struct {
	ctx    context.Context
	budget int    // bytes of entries kept in memory
	tmp    string // where the private directory is made ("": os.TempDir)
	dir    string // the private directory, once a batch is written
	arena  []byte // the batch in memory, encoded entries
	items  []item // … and where each one's key is, to sort them
	ids    map[string]uint16
	names  []string // bucket id → name
	runs   []string // the batches on disk
	n      int      // entries in the batches (after their own merge)
}

// item is an entry of the batch in memory: where it starts in the arena,
// where its key is, and its bucket's id (ranked by name when sorting).
type item struct {
	pre             uint64 // the key's first 8 bytes, big-endian: most comparisons end here
	off, koff, klen uint32
	bucket          uint16 // its id, then (sortBatch) its rank by name
}

const itemSize = 24

func newReplay(ctx context.Context, budget int, tmp string) *replay {
	if budget <= 0 {
		budget = spillBudget
	}
	if ctx == nil {
		ctx = context.Background()
	}
	return &replay{ctx: ctx, budget: budget, tmp: tmp, ids: map[string]uint16{}}
}

// add lists what one journal operation did to an entry.
func (r *replay) add(e *jentry) error {
	id, ok := r.ids[string(e.bucket)]
	if !ok {
		if len(r.names) == 1<<16-1 {
			return fmt.Errorf("check: the journal names more than %d buckets", len(r.names))
		}
		id = uint16(len(r.names))
		r.ids[string(e.bucket)] = id
		r.names = append(r.names, string(e.bucket))
	}
	if need := len(r.arena) + len(e.bucket) + len(e.key) + len(e.val) + 3*binary.MaxVarintLen64 + entryTail; need > cap(r.arena) && len(r.arena) >= 1<<20 {
		// A journal past a megabyte: the batch takes its whole budget at
		// once, rather than doubling and leaving the old copies to the
		// garbage collector.
		r.arena = append(make([]byte, 0, max(r.budget, need)), r.arena...)
		r.items = append(make([]item, 0, max(r.budget/(itemSize+32), len(r.items)+1)), r.items...)
	}
	off := len(r.arena)
	r.arena = appendBytes(r.arena, e.bucket)
	r.arena = binary.AppendUvarint(r.arena, uint64(len(e.key)))
	koff := len(r.arena)
	r.arena = append(r.arena, e.key...)
	r.arena = binary.BigEndian.AppendUint64(r.arena, e.seq)
	var flag byte
	if e.del {
		flag = 1
	}
	r.arena = append(append(r.arena, flag), e.sum[:]...)
	r.arena = appendBytes(r.arena, e.val)
	var pre [8]byte
	copy(pre[:], e.key)
	r.items = append(r.items, item{pre: binary.BigEndian.Uint64(pre[:]), off: uint32(off), koff: uint32(koff), klen: uint32(len(e.key)), bucket: id})
	if len(r.arena)+itemSize*len(r.items) >= r.budget {
		return r.spill()
	}
	return nil
}

func (r *replay) entryAt(i int, e *jentry) {
	decodeEntry(r.arena[r.items[i].off:], e) // written by add: cannot fail
}

// sortBatch sorts the batch in memory and keeps the last write of each
// key.
func (r *replay) sortBatch() {
	byName := make([]int, len(r.names))
	for i := range byName {
		byName[i] = i
	}
	slices.SortFunc(byName, func(a, b int) int { return strings.Compare(r.names[a], r.names[b]) })
	rank := make([]uint16, len(r.names))
	for i, id := range byName {
		rank[id] = uint16(i)
	}
	for i := range r.items {
		r.items[i].bucket = rank[r.items[i].bucket]
	}
	key := func(it *item) []byte { return r.arena[it.koff : it.koff+it.klen] }
	seq := func(it *item) uint64 { return binary.BigEndian.Uint64(r.arena[it.koff+it.klen:]) }
	slices.SortFunc(r.items, func(a, b item) int {
		if a.bucket != b.bucket {
			return int(a.bucket) - int(b.bucket)
		}
		if a.pre != b.pre {
			return cmp.Compare(a.pre, b.pre)
		}
		if c := bytes.Compare(key(&a), key(&b)); c != 0 {
			return c
		}
		return cmp.Compare(seq(&a), seq(&b))
	})
	out := r.items[:0]
	for i := range r.items {
		if i+1 < len(r.items) && r.items[i].bucket == r.items[i+1].bucket && bytes.Equal(key(&r.items[i]), key(&r.items[i+1])) {
			continue // a later write of the same key follows
		}
		out = append(out, r.items[i])
	}
	r.items = out
}

// spill writes the batch in memory to a new file, sorted.
func (r *replay) spill() error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	r.sortBatch()
	if r.dir == "" {
		dir, err := os.MkdirTemp(r.tmp, "hall-check-")
		if err != nil {
			return err
		}
		r.dir = dir // MkdirTemp makes it 0700
	}
	f, err := os.OpenFile(fmt.Sprintf("%s/run-%04d", r.dir, len(r.runs)), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	r.runs = append(r.runs, f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	var e jentry
	for _, it := range r.items {
		n, _ := decodeEntry(r.arena[it.off:], &e) // written by add: cannot fail
		if _, err := w.Write(r.arena[it.off : int(it.off)+n]); err != nil {
			f.Close()
			return err
		}
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	r.n += len(r.items)
	r.arena, r.items = r.arena[:0], r.items[:0]
	return err
}

// bucketNames is the name of every bucket an entry was added for.
func (r *replay) bucketNames() [][]byte {
	out := make([][]byte, len(r.names))
	for i, n := range r.names {
		out[i] = []byte(n)
	}
	return out
}

// close removes the batches written to disk.
func (r *replay) close() {
	if r.dir != "" {
		os.RemoveAll(r.dir)
		r.dir = ""
	}
}

// stream merges the batches: every (bucket, key) once, with its last
// write, in bbolt's order. size is the number of entries it gives at
// most.
func (r *replay) stream() (*entryStream, error) {
	r.sortBatch()
	s := &entryStream{ctx: r.ctx}
	s.size = r.n + len(r.items)
	if len(r.items) > 0 {
		s.srcs = append(s.srcs, &memSource{r: r})
	}
	for _, name := range r.runs {
		f, err := os.Open(name)
		if err != nil {
			s.close()
			return nil, err
		}
		s.srcs = append(s.srcs, &fileSource{f: f, br: bufio.NewReaderSize(f, 256<<10)})
	}
	for i, src := range s.srcs {
		ok, err := src.next()
		if err != nil {
			s.close()
			return nil, err
		}
		if ok {
			s.h = append(s.h, i)
		}
	}
	heap.Init(s)
	return s, nil
}

// A spillSource gives the entries of one batch in order; cur is valid after
// next returned true, until the next call.
type spillSource interface {
	next() (bool, error)
	cur() *jentry
}

type memSource struct {
	r *replay
	i int
	e jentry
}

func (m *memSource) next() (bool, error) {
	if m.i >= len(m.r.items) {
		return false, nil
	}
	m.r.entryAt(m.i, &m.e)
	m.i++
	return true, nil
}

func (m *memSource) cur() *jentry { return &m.e }

type fileSource struct {
	f   *os.File
	br  *bufio.Reader
	buf []byte
	e   jentry
}

func (f *fileSource) next() (bool, error) {
	f.buf = f.buf[:0]
	if err := f.prefixed(); err == io.EOF { // before the bucket: the end of the batch
		return false, nil
	} else if err != nil {
		return false, errSpill(err)
	}
	// the key, the fixed part, the value
	if err := f.prefixed(); err != nil {
		return false, errSpill(err)
	}
	if err := f.read(entryTail); err != nil {
		return false, errSpill(err)
	}
	if err := f.prefixed(); err != nil {
		return false, errSpill(err)
	}
	if _, err := decodeEntry(f.buf, &f.e); err != nil {
		return false, errSpill(err)
	}
	return true, nil
}

// read appends the next n bytes of the batch to buf; none left is a
// batch cut short.
func (f *fileSource) read(n int) error {
	start := len(f.buf)
	f.buf = slices.Grow(f.buf, n)[:start+n]
	if _, err := io.ReadFull(f.br, f.buf[start:]); err == io.EOF {
		return io.ErrUnexpectedEOF
	} else if err != nil {
		return err
	}
	return nil
}

// prefixed appends a length-prefixed field to buf; io.EOF before its
// length is the end of the batch.
func (f *fileSource) prefixed() error {
	n, err := binary.ReadUvarint(f.br)
	if err != nil {
		return err
	}
	f.buf = binary.AppendUvarint(f.buf, n)
	return f.read(int(n))
}

func (f *fileSource) cur() *jentry { return &f.e }

func errSpill(err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("check: reading back a sorted batch: %w", err)
}

// entryStream is the k-way merge of the sources (a heap of their
// indexes by their current entries).
type entryStream struct {
	ctx  context.Context
	srcs []spillSource
	h    []int
	size int
	e    jentry // the current entry (copied: the sources move on)
	buf  []byte
	n    int
}

func (s *entryStream) Len() int { return len(s.h) }
func (s *entryStream) Less(i, j int) bool {
	return s.srcs[s.h[i]].cur().compare(s.srcs[s.h[j]].cur()) < 0
}
func (s *entryStream) Swap(i, j int) { s.h[i], s.h[j] = s.h[j], s.h[i] }
func (s *entryStream) Push(x any)    { s.h = append(s.h, x.(int)) }
func (s *entryStream) Pop() any {
	x := s.h[len(s.h)-1]
	s.h = s.h[:len(s.h)-1]
	return x
}

// next moves to the next (bucket, key), whose last write wins; false at
// the end.
func (s *entryStream) next() (bool, error) {
	if len(s.h) == 0 {
		return false, nil
	}
	s.n++
	if s.n%4096 == 0 {
		if err := s.ctx.Err(); err != nil {
			return false, err
		}
	}
	first := true
	for len(s.h) > 0 {
		top := s.srcs[s.h[0]]
		e := top.cur()
		if !first && (!bytes.Equal(e.bucket, s.e.bucket) || !bytes.Equal(e.key, s.e.key)) {
			break
		}
		if first || e.seq > s.e.seq {
			s.buf = appendEntry(s.buf[:0], e)
			decodeEntry(s.buf, &s.e)
		}
		first = false
		ok, err := top.next()
		if err != nil {
			return false, err
		}
		if ok {
			heap.Fix(s, 0)
		} else {
			heap.Pop(s)
		}
	}
	return true, nil
}

func (s *entryStream) close() {
	for _, src := range s.srcs {
		if f, ok := src.(*fileSource); ok {
			f.f.Close()
		}
	}
	s.srcs, s.h = nil, nil
}
