package casefile

import (
	"bytes"
	"context"
	"encoding/binary"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// The rebuild in bounded memory. The journal is replayed as the check
// replays it (journal_spill.go), but with each entry's value: batches of
// 64 MB sorted to temporary files and merged, so the buckets come out in
// key order, the last write of each key once. They are written, in
// transactions of rebuildChunk bytes, to a staging bucket holding a new
// bucket of each name; one last transaction deletes the old buckets and
// moves the new ones into their place. The store is never half rebuilt:
// a rebuild cut short (a crash, Ctrl+C, a full disk) leaves the buckets
// as they were, and the staging bucket, which the next rebuild empties
// first. Memory stays near the replay's budget and one chunk; the disk
// needs room for the temporary batches (about the journal's size) and,
// until the old buckets are freed, a second copy of the records.

// bRebuild is the staging bucket of a rebuild (not journaled).
var bRebuild = []byte("rebuild")

// rebuildChunk is the bytes of keys and values written per transaction
// (a variable for the tests).
var rebuildChunk = 32 << 20

// ErrJournalBroken: the journal's hash chain does not hold, so nothing can
// be rebuilt from it.
var ErrJournalBroken = newError("journal_broken", "日志的哈希链不完整，不能据以重建", "the journal's hash chain does not hold; nothing can be rebuilt from it")

// Rebuild rewrites every journaled bucket — cases, people, history,
// counters, indexes, users, the meta bucket, every Records namespace —
// from the journal: what was changed, deleted or added behind the
// journal's back is undone. The journal's chain must hold
// (ErrJournalBroken otherwise); drafts are left alone. opt's Progress,
// Stage, Context, SpillAt and TempDir work as for Verify. It returns the
// number of records replayed.
func (s *Store) Rebuild(opt CheckOptions) (int, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.catchUpLocked(); err != nil { // the tail's records into the journal bucket
		return 0, err
	}
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	rp := newReplay(ctx, opt.SpillAt, opt.TempDir)
	defer rp.close()
	seqs := map[string]uint64{} // bucket → the sequence the journal gives it
	var last uint64
	opt.stage(T("重放日志", "replaying the journal"))
	err := s.view(func(tx *bolt.Tx) error {
		jb := tx.Bucket(bJournal)
		if jb == nil {
			return ErrJournalBroken.Withf("没有日志", "there is no journal")
		}
		c := jb.Cursor()
		total := 0
		if k, _ := c.Last(); len(k) == 8 {
			total = int(binary.BigEndian.Uint64(k))
		}
		var prev [32]byte
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if len(k) != 8 || binary.BigEndian.Uint64(k) != last+1 || len(v) < 32 || chainHash(prev, v[32:]) != [32]byte(v[:32]) {
				return ErrJournalBroken.Withf("第 %d 条记录", "record %d", last+1)
			}
			r, err := decodeRecord(v[32:])
			if err != nil || r.Seq != last+1 {
				return ErrJournalBroken.Withf("第 %d 条记录无法读取", "record %d cannot be read", last+1)
			}
			last++
			copy(prev[:], v)
			for _, op := range r.Ops {
				switch op.kind {
				case opPut:
					err = rp.add(&jentry{bucket: op.bucket, key: op.key, seq: last, val: op.value})
				case opDelete:
					err = rp.add(&jentry{bucket: op.bucket, key: op.key, seq: last, del: true})
				case opSeq:
					seqs[string(op.bucket)] = binary.BigEndian.Uint64(op.value)
				}
				if err != nil {
					return err
				}
			}
			if last%256 == 0 {
				opt.progress(int(last), total)
				if err := ctx.Err(); err != nil {
					return err
				}
			}
		}
		opt.progress(total, total)
		return nil
	})
	if err != nil {
		return 0, err
	}

	opt.stage(T("重建存储区", "rebuilding the buckets"))
	st, err := rp.stream()
	if err != nil {
		return 0, err
	}
	defer st.close()
	if err := s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(bRebuild) != nil { // left by a rebuild cut short
			if err := tx.DeleteBucket(bRebuild); err != nil {
				return err
			}
		}
		_, err := tx.CreateBucket(bRebuild)
		return err
	}); err != nil {
		return 0, err
	}
	more, err := st.next()
	if err != nil {
		return 0, err
	}
	done := 0
	for more {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		err := s.update(func(tx *bolt.Tx) error {
			staging := tx.Bucket(bRebuild)
			var b *bolt.Bucket
			var name []byte
			for size := 0; more && size < rebuildChunk; {
				if !st.e.del {
					if b == nil || !bytes.Equal(st.e.bucket, name) {
						name = bytes.Clone(st.e.bucket)
						var err error
						if b, err = staging.CreateBucketIfNotExists(name); err != nil {
							return err
						}
						b.FillPercent = 0.9 // keys come in order: fuller pages, room for a few inserts
					}
					// bbolt keeps the key and value until the commit; the
					// stream reuses its buffers
					if err := b.Put(bytes.Clone(st.e.key), bytes.Clone(st.e.val)); err != nil {
						return err
					}
					size += len(st.e.key) + len(st.e.val)
				}
				done++
				var err error
				if more, err = st.next(); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
		opt.progress(min(done, st.size), st.size)
	}

	// The new buckets in place of the old, in one transaction.
	err = s.update(func(tx *bolt.Tx) error {
		var old, built [][]byte
		tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			if journaled(name) {
				old = append(old, bytes.Clone(name))
			}
			return nil
		})
		for _, name := range old {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		staging := tx.Bucket(bRebuild)
		staging.ForEachBucket(func(name []byte) error {
			built = append(built, bytes.Clone(name))
			return nil
		})
		for _, name := range built {
			if err := tx.MoveBucket(name, staging, nil); err != nil {
				return err
			}
		}
		if err := tx.DeleteBucket(bRebuild); err != nil {
			return err
		}
		// every bucket the journal names, and the store's own, even empty
		names := append(slices.Clone(allBuckets), rp.bucketNames()...)
		for name := range seqs {
			names = append(names, []byte(name))
		}
		for _, name := range names {
			b, err := tx.CreateBucketIfNotExists(name)
			if err != nil {
				return err
			}
			if !journaled(name) {
				continue // the journal, drafts, the applied mark: left as they are
			}
			if err := b.SetSequence(seqs[string(name)]); err != nil {
				return err
			}
		}
		return setApplied(tx, last)
	})
	if err != nil {
		return 0, err
	}
	s.publish(nil)
	return int(last), nil
}
