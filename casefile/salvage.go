package casefile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// SalvageReport says what Salvage copied.
type SalvageReport struct {
	Buckets int    // buckets met
	Entries int    // entries copied
	Lost    []Text // one line for each bucket a damaged page cut short
	// Tail is the saves of src's journal tail (saves a crash left before
	// their catch-up) written to dst's own tail, which dst's next open
	// brings in; a tail that does not follow the journal salvaged is a
	// line of Lost instead.
	Tail int
}

// Salvage copies what can still be read of the database at src (which
// may be damaged) into a new file dst: every bucket is walked from its
// first key forward and from its last key backward, each walk under
// guard, so a damaged page costs only the entries behind it. The copy is
// not checked: `hall check` on it names what the journal says is
// missing, and `hall check --rebuild` restores the records from the
// journal when the journal itself was readable. The saves in src's tail
// that follow the journal copied go to dst's tail.
func Salvage(src, dst string) (*SalvageReport, error) {
	if _, err := os.Stat(dst); err == nil {
		return nil, ErrInvalid.Withf("%s 已存在", "%s exists already", dst)
	}
	in, err := openBolt(src, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return nil, translateOpenError(src, err)
	}
	defer in.Close()
	out, err := bolt.Open(dst, 0o600, &bolt.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		return nil, err
	}
	defer out.Close()
	rep := &SalvageReport{}
	var names [][]byte
	err = guard(src, func() error {
		return in.View(func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
				names = append(names, bytes.Clone(name))
				return nil
			})
		})
	})
	if err != nil {
		return nil, err // not even the list of buckets can be read
	}
	for _, name := range names {
		rep.Buckets++
		type kv struct{ k, v []byte }
		var seq uint64
		var fwd, back []kv
		errF := guard(src, func() error {
			return in.View(func(tx *bolt.Tx) error {
				b := tx.Bucket(name)
				seq = b.Sequence()
				c := b.Cursor()
				for k, v := c.First(); k != nil; k, v = c.Next() {
					if v != nil {
						fwd = append(fwd, kv{bytes.Clone(k), bytes.Clone(v)})
					}
				}
				return nil
			})
		})
		var errB error
		if errF != nil { // walk back from the end to the damage
			errB = guard(src, func() error {
				return in.View(func(tx *bolt.Tx) error {
					c := tx.Bucket(name).Cursor()
					for k, v := c.Last(); k != nil; k, v = c.Prev() {
						if len(fwd) > 0 && bytes.Compare(k, fwd[len(fwd)-1].k) <= 0 {
							break
						}
						if v != nil {
							back = append(back, kv{bytes.Clone(k), bytes.Clone(v)})
						}
					}
					return nil
				})
			})
			rep.Lost = append(rep.Lost, T("%s：损坏的页面之后的记录无法读取（向前读到 %d 条，从末尾读回 %d 条）",
				"%s: the entries behind a damaged page cannot be read (%d read forward, %d back from the end)", string(name), len(fwd), len(back)))
			_ = errB
		}
		err := out.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists(name)
			if err != nil {
				return err
			}
			if err := b.SetSequence(seq); err != nil {
				return err
			}
			for _, e := range append(fwd, back...) {
				if err := b.Put(e.k, e.v); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return rep, fmt.Errorf("salvage %s: %w", name, err)
		}
		rep.Entries += len(fwd) + len(back)
	}
	if err := out.Sync(); err != nil {
		return rep, err
	}
	return rep, salvageTail(src, dst, out, rep)
}

// salvageTail writes the saves of src's tail that follow the journal
// salvaged into dst (whose handle is out) to dst's tail. A tail that is
// damaged, or that does not follow (the journal's last records were lost
// to the damage), is reported in rep.Lost and not copied: the next open
// of dst would refuse it.
func salvageTail(src, dst string, out *bolt.DB, rep *SalvageReport) error {
	if _, err := os.Stat(TailPath(src)); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	var head Head
	err := out.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bJournal) == nil {
			return nil
		}
		var err error
		head, err = journalHead(boltKV{tx})
		return err
	})
	var recs []tailRecord
	if err == nil {
		recs, err = readTail(src, head)
	}
	if err != nil {
		rep.Lost = append(rep.Lost, T("%s：日志尾文件中的保存无法接在抢救出的日志（第 %d 条）之后，未写入副本（%s）",
			"%s: the saves in the journal's tail do not follow the journal salvaged (record %d) and were not copied (%s)",
			TailPath(src), head.Seq, Text{ZH: Message(err, ZH), EN: Message(err, EN)}))
		return nil
	}
	if len(recs) == 0 {
		return nil
	}
	t, err := openTail(dst)
	if err != nil {
		return fmt.Errorf("salvage %s: %w", TailPath(src), err)
	}
	defer t.close()
	for _, r := range recs {
		if err := t.append(r.seq, r.val, true); err != nil {
			return fmt.Errorf("salvage %s: %w", TailPath(src), err)
		}
	}
	rep.Tail = len(recs)
	return nil
}
