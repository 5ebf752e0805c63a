package casefile

import (
	"bytes"
	"context"
	"iter"
)

// Newest-first walks for the queue: a page of cases costs what the page
// shows, never a collection of every case a filter matches.

// before positions c on the greatest key below end (the last key when
// end is nil) and returns it; c.Prev walks on towards smaller keys. The
// cursor merges the stored entries with the pending ones (Tx.cursor).
func before(c *mcursor, end []byte) ([]byte, []byte) {
	if end == nil {
		return c.Last()
	}
	if k, _ := c.Seek(end); k == nil {
		return c.Last()
	}
	return c.Prev()
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
		c := t.cursor(bucket)
		for k, _ := before(c, end); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
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
		cur := t.cursor(bCases)
		var end []byte
		if after != 0 {
			end = u64(after)
		}
		for k, _ := before(cur, end); k != nil; k, _ = cur.Prev() {
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
