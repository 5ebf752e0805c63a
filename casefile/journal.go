package casefile

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The journal is the source of truth of the case file. Every write of a
// transaction — to the cases, people, history, counters, indexes, users,
// the meta bucket and every namespace of Tx.Records — goes through one
// seam (Tx.put, Tx.del, Tx.nextSequence), which applies it to the store
// and lists it; when the transaction ends, the list is appended to the
// journal as ONE record under the next sequence number:
//
//	journal: sequence(8) → hash(32) ‖ record
//	record:  version(1) sequence(8) at(8, unix ns) who ops…
//	op:      'P' bucket key value | 'D' bucket key | 'S' bucket n(8)
//	hash:    SHA-256(previous record's hash ‖ record)   (32 zero bytes before the first)
//
// (strings are a uvarint length and the bytes). Replaying the journal
// from the first record gives every bucket entry and bucket sequence of
// the store; Check compares the two and names the first difference,
// check --rebuild rewrites the buckets from the journal.
//
// Drafts are not journaled: they are the front desk's autosave of a form
// not yet submitted, rewritten every few keystrokes, no record of the
// hall; the check leaves the drafts bucket alone.

var bJournal = []byte("journal") // sequence → hash(32) ‖ record

// notJournaled are the buckets the journal does not describe.
var notJournaled = [][]byte{bJournal, bDrafts, bApplied, bRebuild}

func journaled(bucket []byte) bool {
	for _, b := range notJournaled {
		if bytes.Equal(b, bucket) {
			return false
		}
	}
	return true
}

// kv is the narrow storage seam: ordered keys in named buckets, put,
// delete, a per-bucket sequence and a prefix scan, inside one read-write
// transaction at a time. bbolt implements it (boltKV); a replicated
// engine (etcd, whose storage is bbolt) could carry the same journal.
type kv interface {
	Get(bucket, key []byte) []byte
	Put(bucket, key, value []byte) error
	Delete(bucket, key []byte) error
	Sequence(bucket []byte) uint64
	SetSequence(bucket []byte, n uint64) error
	Scan(bucket, prefix []byte) iter.Seq2[[]byte, []byte]
	Last(bucket []byte) (key, value []byte)
}

// boltKV is kv on a bbolt transaction; a bucket is created by its first
// write.
type boltKV struct{ tx *bolt.Tx }

func (b boltKV) Get(bucket, key []byte) []byte {
	if bk := b.tx.Bucket(bucket); bk != nil {
		return bk.Get(key)
	}
	return nil
}

func (b boltKV) wbucket(bucket []byte) (*bolt.Bucket, error) {
	if bk := b.tx.Bucket(bucket); bk != nil {
		return bk, nil
	}
	return b.tx.CreateBucketIfNotExists(bucket)
}

func (b boltKV) Put(bucket, key, value []byte) error {
	bk, err := b.wbucket(bucket)
	if err != nil {
		return err
	}
	return bk.Put(key, value)
}

func (b boltKV) Delete(bucket, key []byte) error {
	if bk := b.tx.Bucket(bucket); bk != nil {
		return bk.Delete(key)
	}
	return nil
}

func (b boltKV) Sequence(bucket []byte) uint64 {
	if bk := b.tx.Bucket(bucket); bk != nil {
		return bk.Sequence()
	}
	return 0
}

func (b boltKV) SetSequence(bucket []byte, n uint64) error {
	bk, err := b.wbucket(bucket)
	if err != nil {
		return err
	}
	return bk.SetSequence(n)
}

func (b boltKV) Scan(bucket, prefix []byte) iter.Seq2[[]byte, []byte] {
	return func(yield func([]byte, []byte) bool) {
		bk := b.tx.Bucket(bucket)
		if bk == nil {
			return
		}
		c := bk.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if !yield(k, v) {
				return
			}
		}
	}
}

func (b boltKV) Last(bucket []byte) ([]byte, []byte) {
	if bk := b.tx.Bucket(bucket); bk != nil {
		return bk.Cursor().Last()
	}
	return nil, nil
}

// Kinds of journal operations.
const (
	opPut    byte = 'P'
	opDelete byte = 'D'
	opSeq    byte = 'S'
)

// jop is one operation of a journal record.
type jop struct {
	kind   byte
	bucket []byte
	key    []byte
	value  []byte // the new value (opPut); the sequence, 8 bytes (opSeq)
}

// ---- the write seam of Tx ----

func (t *Tx) kv() kv { return boltKV{t.tx} }

// note lists op for the journal record of the transaction. A key written
// twice keeps its place and its last operation: the record replays to the
// same state.
func (t *Tx) note(op jop) {
	id := "K" // a put and a delete of one key share an entry
	if op.kind == opSeq {
		id = "S"
	}
	id += string(op.bucket) + "\x00" + string(op.key)
	if t.opIndex == nil {
		t.opIndex = map[string]int{}
	}
	if i, ok := t.opIndex[id]; ok {
		t.ops[i] = op
		return
	}
	t.opIndex[id] = len(t.ops)
	t.ops = append(t.ops, op)
}

// put stores value under key of bucket (creating the bucket) and lists
// it for the journal.
func (t *Tx) put(bucket, key, value []byte) error {
	return t.putOwned(bucket, key, bytes.Clone(value))
}

// putOwned is put of a value nobody else holds (a fresh encoding): it
// is kept without a copy.
func (t *Tx) putOwned(bucket, key, value []byte) error {
	key = bytes.Clone(key)
	if value == nil {
		value = []byte{}
	}
	if deferred(bucket) && !t.direct {
		if err := t.keepLocal(bucket, ovEntry{key: string(key), val: value}); err != nil {
			return err
		}
	} else if err := t.kv().Put(bucket, key, value); err != nil {
		return err
	}
	t.note(jop{kind: opPut, bucket: bucket, key: key, value: value})
	return nil
}

// del deletes key of bucket (nothing when it is absent) and lists it.
func (t *Tx) del(bucket, key []byte) error {
	if t.get(bucket, key) == nil {
		return nil
	}
	key = bytes.Clone(key)
	if deferred(bucket) && !t.direct {
		if err := t.keepLocal(bucket, ovEntry{key: string(key), del: true}); err != nil {
			return err
		}
	} else if err := t.kv().Delete(bucket, key); err != nil {
		return err
	}
	t.note(jop{kind: opDelete, bucket: bucket, key: key})
	return nil
}

// nextSequence is the bucket's next sequence number, listed.
func (t *Tx) nextSequence(bucket []byte) (uint64, error) {
	n := t.seq(bucket) + 1
	if deferred(bucket) && !t.direct {
		if t.lseq == nil {
			t.lseq = map[string]uint64{}
		}
		t.lseq[string(bucket)] = n
	} else if err := t.kv().SetSequence(bucket, n); err != nil {
		return 0, err
	}
	t.note(jop{kind: opSeq, bucket: bucket, value: u64(n)})
	return n, nil
}

// putJSON stores v as JSON under key of bucket.
func (t *Tx) putJSON(bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return t.putOwned(bucket, key, raw)
}

// by notes who the transaction's changes are by, for its journal record.
func (t *Tx) by(who string) {
	if who != "" && t.who == "" {
		t.who = who
	}
}

// Head is the journal's last record: its sequence number and hash.
type Head struct {
	Seq  uint64
	Hash [32]byte
}

// String is "sequence:hash" in hex, as the anchor file and `hall audit
// head` write it.
func (h Head) String() string { return fmt.Sprintf("%d:%x", h.Seq, h.Hash) }

// Short is the head as a closed session's minutes can print it for
// someone to compare later: the record number and the first 16 hex
// digits of its hash ("1234:9f86d081884c7d65").
func (h Head) Short() string { return fmt.Sprintf("%d:%x", h.Seq, h.Hash[:8]) }

// journalHead reads the last record's sequence and hash.
func journalHead(k kv) (Head, error) {
	return headOf(k.Last(bJournal))
}

// headOf is the head that the journal's last record (key, value) makes:
// zero for none.
func headOf(key, v []byte) (Head, error) {
	if key == nil {
		return Head{}, nil
	}
	if len(key) != 8 || len(v) < 32 {
		return Head{}, ErrDatabaseCorrupt.Withf("日志末条记录无法读取", "the journal's last record cannot be read")
	}
	return Head{Seq: binary.BigEndian.Uint64(key), Hash: [32]byte(v[:32])}, nil
}

// appendJournal appends the record of ops (by who at now) to the journal
// and returns the new head.
func appendJournal(k kv, now time.Time, who string, ops []jop) (Head, error) {
	head, err := journalHead(k)
	if err != nil {
		return Head{}, err
	}
	next, val := nextRecord(head, now, who, ops)
	if err := k.Put(bJournal, u64(next.Seq), val); err != nil {
		return Head{}, err
	}
	return next, nil
}

// nextRecord makes the record of ops that follows head: the new head and
// the record's value in the journal bucket (hash ‖ record).
func nextRecord(head Head, now time.Time, who string, ops []jop) (Head, []byte) {
	body := encodeRecord(head.Seq+1, now, who, ops)
	next := Head{Seq: head.Seq + 1, Hash: chainHash(head.Hash, body)}
	val := make([]byte, 0, 32+len(body))
	return next, append(append(val, next.Hash[:]...), body...)
}

// head is the journal's head as the transaction sees it: the last record
// in the file or, newer, in the tail.
func (t *Tx) head() (Head, error) {
	return headOf(t.cursor(bJournal).Last())
}

func chainHash(prev [32]byte, body []byte) [32]byte {
	h := sha256.New()
	h.Write(prev[:])
	h.Write(body)
	var out [32]byte
	h.Sum(out[:0])
	return out
}

const recordVersion = 1

func appendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func encodeRecord(seq uint64, at time.Time, who string, ops []jop) []byte {
	n := 32 + len(who)
	for _, op := range ops {
		n += 8 + len(op.bucket) + len(op.key) + len(op.value)
	}
	b := make([]byte, 0, n)
	b = append(b, recordVersion)
	b = binary.BigEndian.AppendUint64(b, seq)
	b = binary.BigEndian.AppendUint64(b, uint64(at.UnixNano()))
	b = appendBytes(b, []byte(who))
	for _, op := range ops {
		b = append(b, op.kind)
		b = appendBytes(b, op.bucket)
		switch op.kind {
		case opPut:
			b = appendBytes(b, op.key)
			b = appendBytes(b, op.value)
		case opDelete:
			b = appendBytes(b, op.key)
		case opSeq:
			b = append(b, op.value...)
		}
	}
	return b
}

// record is a decoded journal record.
type record struct {
	Seq uint64
	At  time.Time
	Who string
	Ops []jop
}

var errBadRecord = errors.New("malformed journal record")

func readBytes(b []byte) ([]byte, []byte, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < n {
		return nil, nil, errBadRecord
	}
	return b[k : k+int(n)], b[k+int(n):], nil
}

// decodeRecord decodes a record's body. The slices point into body.
func decodeRecord(body []byte) (record, error) {
	var r record
	if len(body) < 17 || body[0] != recordVersion {
		return r, errBadRecord
	}
	r.Seq = binary.BigEndian.Uint64(body[1:])
	r.At = time.Unix(0, int64(binary.BigEndian.Uint64(body[9:])))
	who, rest, err := readBytes(body[17:])
	if err != nil {
		return r, err
	}
	r.Who = string(who)
	for len(rest) > 0 {
		op := jop{kind: rest[0]}
		if op.bucket, rest, err = readBytes(rest[1:]); err != nil {
			return r, err
		}
		switch op.kind {
		case opPut:
			if op.key, rest, err = readBytes(rest); err != nil {
				return r, err
			}
			if op.value, rest, err = readBytes(rest); err != nil {
				return r, err
			}
		case opDelete:
			if op.key, rest, err = readBytes(rest); err != nil {
				return r, err
			}
		case opSeq:
			if len(rest) < 8 {
				return r, errBadRecord
			}
			op.value, rest = rest[:8], rest[8:]
		default:
			return r, errBadRecord
		}
		r.Ops = append(r.Ops, op)
	}
	return r, nil
}

// JournalHead returns the head of the store's journal (zero before the
// first write).
func (s *Store) JournalHead() (Head, error) {
	var h Head
	err := s.View(func(t *Tx) error {
		var err error
		h, err = t.head()
		return err
	})
	return h, err
}

// PagesWritten is the number of pages the store has written since it was
// opened (bbolt's count), for benchmarks that report pages per save.
func (s *Store) PagesWritten() int64 {
	st := s.db.Stats()
	return st.TxStats.GetWrite()
}
