package casefile

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"iter"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// Records is a namespace of keyed records that a package building on the
// case file (the meeting) keeps in the case file's database, so that its
// writes and the case file's share one transaction. It is valid only
// inside the transaction it came from.
//
// A namespace is created by its first write; reads treat a namespace not
// yet written as empty, so a read-only store can be read before any of
// its records exist. Values are JSON, a bare uint64 (PutUint) or nothing
// (Put with a nil value: a set member or an index entry).
type Records struct {
	t    *Tx
	name []byte
}

// Records returns the namespace name of the transaction. Names are those
// of the caller's own records ("mtg_sessions"); a name of the case file's
// own layout is a programming error and panics.
func (t *Tx) Records(name string) *Records {
	if name == "" || !journaled([]byte(name)) || slices.ContainsFunc(allBuckets, func(b []byte) bool { return string(b) == name }) {
		panic(fmt.Sprintf("casefile: %q is not a namespace of its own", name))
	}
	return &Records{t: t, name: []byte(name)}
}

// Key is a record's key: either a row of numbers (NumKey), stored
// big-endian so that a namespace iterates in numeric order and a row is
// the scan prefix of the longer rows that start with it, or a name
// (NameKey). The zero Key is the empty prefix: Scan(Key{}) yields every
// record. Keys compare with == by their bytes.
type Key struct{ b string }

// NumKey is the key of the numbers n, in order.
func NumKey(n ...uint64) Key {
	b := make([]byte, 0, 8*len(n))
	for _, v := range n {
		b = binary.BigEndian.AppendUint64(b, v)
	}
	return Key{string(b)}
}

// NameKey is the key name.
func NameKey(name string) Key { return Key{name} }

// Num returns the i-th number of a NumKey (counted from 0); 0 when the
// key has no such number.
func (k Key) Num(i int) uint64 {
	if i < 0 || len(k.b) < 8*(i+1) {
		return 0
	}
	return binary.BigEndian.Uint64([]byte(k.b[8*i : 8*(i+1)]))
}

// Name returns the name of a NameKey.
func (k Key) Name() string { return k.b }

// bucket is the namespace's bucket for reading; nil before its first
// write.
func (r *Records) bucket() *bolt.Bucket { return r.t.tx.Bucket(r.name) }

// Get decodes the record k into v and reports whether it exists. A record
// that cannot be decoded gives ErrDatabaseCorrupt.
func (r *Records) Get(k Key, v any) (bool, error) {
	b := r.bucket()
	if b == nil {
		return false, nil
	}
	return getJSON(b, []byte(k.b), v)
}

// Has reports whether the record k exists.
func (r *Records) Has(k Key) bool {
	b := r.bucket()
	return b != nil && b.Get([]byte(k.b)) != nil
}

// Put stores v as JSON under k; a nil v stores the key alone.
func (r *Records) Put(k Key, v any) error {
	if v == nil {
		return r.t.put(r.name, []byte(k.b), []byte{})
	}
	return r.t.putJSON(r.name, []byte(k.b), v)
}

// Uint returns the number stored under k with PutUint, and whether there
// is one. A record that is not a number gives ErrDatabaseCorrupt.
func (r *Records) Uint(k Key) (uint64, bool, error) {
	b := r.bucket()
	if b == nil {
		return 0, false, nil
	}
	v := b.Get([]byte(k.b))
	if v == nil {
		return 0, false, nil
	}
	if len(v) != 8 {
		return 0, false, ErrDatabaseCorrupt.Withf("记录 %s/%x 不是数字", "record %s/%x is not a number", r.name, k.b)
	}
	return binary.BigEndian.Uint64(v), true, nil
}

// PutUint stores the number n under k (a counter, an index entry).
func (r *Records) PutUint(k Key, n uint64) error {
	return r.t.put(r.name, []byte(k.b), u64(n))
}

// Delete removes the record k; removing a record that does not exist is
// not an error.
func (r *Records) Delete(k Key) error {
	return r.t.del(r.name, []byte(k.b))
}

// NextSequence returns the namespace's next sequence number (1, 2, …). A
// number is never given twice, even after its record is deleted.
func (r *Records) NextSequence() (uint64, error) {
	return r.t.nextSequence(r.name)
}

// Record is one record met by a scan. Its value is valid only during the
// iteration step that yields it: decode it there.
type Record struct {
	Key Key
	ns  []byte
	raw []byte
}

// Decode decodes the record's JSON value into v; a value that cannot be
// decoded gives ErrDatabaseCorrupt.
func (rec Record) Decode(v any) error {
	return decodeJSON(rec.ns, []byte(rec.Key.b), rec.raw, v)
}

// Scan yields the records whose keys start with prefix (every record for
// the zero Key), in key order. The namespace must not be changed during
// the scan: collect the keys and change it afterwards.
func (r *Records) Scan(prefix Key) iter.Seq[Record] {
	return r.scan(prefix, false)
}

// ScanBackward is Scan in reverse key order.
func (r *Records) ScanBackward(prefix Key) iter.Seq[Record] {
	return r.scan(prefix, true)
}

func (r *Records) scan(prefix Key, backward bool) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		b := r.bucket()
		if b == nil {
			return
		}
		p := []byte(prefix.b)
		c := b.Cursor()
		var k, v []byte
		step := c.Next
		switch {
		case !backward && len(p) == 0:
			k, v = c.First()
		case !backward:
			k, v = c.Seek(p)
		default:
			step = c.Prev
			k, v = lastWithPrefix(c, p)
		}
		for ; k != nil && bytes.HasPrefix(k, p); k, v = step() {
			// The key is copied: a caller may keep it past the
			// transaction (to delete the record after the scan).
			if !yield(Record{Key: Key{string(k)}, ns: r.name, raw: v}) {
				return
			}
		}
	}
}

// lastWithPrefix positions c on the last key starting with p (the last
// key of all for an empty p); nil when there is none.
func lastWithPrefix(c *bolt.Cursor, p []byte) ([]byte, []byte) {
	if len(p) == 0 {
		return c.Last()
	}
	// The least key after every key with prefix p: p with its last byte
	// below 0xff incremented and what follows dropped.
	end := bytes.Clone(p)
	for len(end) > 0 && end[len(end)-1] == 0xff {
		end = end[:len(end)-1]
	}
	var k, v []byte
	if len(end) == 0 {
		k, v = c.Last()
	} else {
		end[len(end)-1]++
		if k, v = c.Seek(end); k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
	}
	if k != nil && !bytes.HasPrefix(k, p) {
		return nil, nil
	}
	return k, v
}
