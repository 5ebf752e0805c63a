package casefile

import (
	"bytes"
	"context"
	"iter"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// Newest-first walks for the queue: a page of cases costs what the page
// shows, never a collection of every case a filter matches.

// rcursor walks a bucket backwards as the transaction sees it: bbolt's
// cursor merged with the pending index entries (Tx.pendingIn), which win
// over the stored ones, as Tx.cursor does forwards.
type rcursor struct {
	c            *bolt.Cursor
	ov           []ovEntry
	i            int // the pending entry at or before the position (-1: none)
	bk, bv       []byte
	fromB, fromO bool
}

func (t *Tx) rcursor(bucket []byte) *rcursor {
	r := &rcursor{}
	if b := t.tx.Bucket(bucket); b != nil {
		r.c = b.Cursor()
	}
	if deferred(bucket) {
		r.ov = t.pendingIn(bucket)
	}
	return r
}

// Before positions the cursor on the greatest key below end (the last
// key when end is nil) and returns it.
func (r *rcursor) Before(end []byte) ([]byte, []byte) {
	if r.c != nil {
		if end == nil {
			r.bk, r.bv = r.c.Last()
		} else if k, _ := r.c.Seek(end); k == nil {
			r.bk, r.bv = r.c.Last()
		} else {
			r.bk, r.bv = r.c.Prev()
		}
	}
	r.i = len(r.ov) - 1
	if end != nil {
		s := string(end)
		r.i = sort.Search(len(r.ov), func(i int) bool { return r.ov[i].key >= s }) - 1
	}
	return r.cur()
}

// Prev moves to the next smaller key.
func (r *rcursor) Prev() ([]byte, []byte) {
	if r.fromB && r.c != nil {
		r.bk, r.bv = r.c.Prev()
	}
	if r.fromO {
		r.i--
	}
	return r.cur()
}

func (r *rcursor) cur() ([]byte, []byte) {
	for {
		r.fromB, r.fromO = false, false
		haveO := r.i >= 0
		switch {
		case r.bk == nil && !haveO:
			return nil, nil
		case !haveO || (r.bk != nil && string(r.bk) > r.ov[r.i].key):
			r.fromB = true
			return r.bk, r.bv
		}
		e := r.ov[r.i]
		r.fromO = true
		r.fromB = r.bk != nil && string(r.bk) == e.key
		if !e.del {
			return []byte(e.key), e.val
		}
		// a pending deletion: skip it and the entry it deletes
		if r.fromB && r.c != nil {
			r.bk, r.bv = r.c.Prev()
		}
		r.i--
	}
}

// prefixEnd is the first key after every key with prefix p (nil: none).
func prefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// seqsBack yields, newest first, the case seqs of the index entries of
// bucket whose keys are prefix followed by a big-endian seq, starting
// below seq after (0: from the newest).
func (t *Tx) seqsBack(bucket, prefix []byte, after uint64) iter.Seq[uint64] {
	return func(yield func(uint64) bool) {
		end := prefixEnd(prefix)
		if after != 0 {
			end = join(prefix, u64(after))
		}
		r := t.rcursor(bucket)
		for k, _ := r.Before(end); k != nil && bytes.HasPrefix(k, prefix); k, _ = r.Prev() {
			if len(k) != len(prefix)+8 {
				continue
			}
			if !yield(beUint64(k[len(prefix):])) {
				return
			}
		}
	}
}

// mergeBack merges newest-first seq streams into one, each seq once.
func mergeBack(streams []iter.Seq[uint64]) iter.Seq[uint64] {
	if len(streams) == 1 {
		return streams[0]
	}
	return func(yield func(uint64) bool) {
		type head struct {
			next func() (uint64, bool)
			stop func()
			seq  uint64
			ok   bool
		}
		heads := make([]*head, len(streams))
		for i, s := range streams {
			next, stop := iter.Pull(s)
			defer stop()
			h := &head{next: next, stop: stop}
			h.seq, h.ok = next()
			heads[i] = h
		}
		var last uint64
		for {
			var best *head
			for _, h := range heads {
				if h.ok && (best == nil || h.seq > best.seq) {
					best = h
				}
			}
			if best == nil {
				return
			}
			seq := best.seq
			best.seq, best.ok = best.next()
			if seq == last {
				continue
			}
			last = seq
			if !yield(seq) {
				return
			}
		}
	}
}

// casesBack yields every case seq newest first, below after (0: all).
func (t *Tx) casesBack(after uint64) iter.Seq[uint64] {
	return func(yield func(uint64) bool) {
		cur := t.tx.Bucket(bCases).Cursor()
		var k []byte
		if after != 0 {
			if k, _ = cur.Seek(u64(after)); k == nil {
				k, _ = cur.Last()
			} else {
				k, _ = cur.Prev()
			}
		} else {
			k, _ = cur.Last()
		}
		for ; k != nil; k, _ = cur.Prev() {
			if !yield(beUint64(k)) {
				return
			}
		}
	}
}

// sliceBack yields the seqs of a newest-first slice below after.
func sliceBack(seqs []uint64, after uint64) iter.Seq[uint64] {
	return func(yield func(uint64) bool) {
		for _, s := range seqs {
			if after != 0 && s >= after {
				continue
			}
			if !yield(s) {
				return
			}
		}
	}
}

// stopped reports whether ctx (nil: never) is done.
func stopped(ctx context.Context) error {
	if ctx == nil {
		return nil
	}
	return ctx.Err()
}
