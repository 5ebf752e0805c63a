package casefile

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"syscall"
)

// The journal's tail (<db>.tail) holds the journal records of saves that
// no catch-up has written to the database file yet. A save whose changes
// all go to the deferred buckets (an intake, a case's evidence, a status
// move: journal_defer.go) does not commit a bbolt transaction at all: its
// journal record is written to the tail with ONE fdatasync, in place,
// over bytes the file already has (no size change, so the file system
// writes no metadata), and its entries wait in the overlay. The catch-up
// writes the records to the journal bucket with their entries, and the
// tail starts again at its beginning. A save that touches any other
// bucket (a vote, a user, a print record) commits to bbolt as before,
// writing the pending entries and records with it, so the journal in the
// file never has a gap.
//
// A bbolt commit writes its pages and then its meta page, each with an
// fdatasync; the tail's one data-only sync measured 0.35x a bare bbolt
// put on this machine's disk (append to a growing file: 0.85x).
//
//	frame: length(4) crc32c(4) sequence(8) hash(32) record
//
// (length of what follows the crc; crc32c of the same). Open reads the
// frames after the database's head: each must carry the next sequence
// and chain to the hash before it (journal.go). The first frame that is
// all zeros, cut short, or fails its crc ends the tail: a save cut off
// while its frame was written was never acknowledged. Frames whose
// records the file already holds are skipped; after a frame that chains
// on, such a frame is an earlier round's (each round starts at the file's
// beginning once a catch-up wrote the round before to the database) and
// ends the tail. A frame that fails its crc while the frame after it
// chains on is damage, as is a first frame that skips sequences or does
// not chain (a tail left beside another database): Open reports it and
// changes nothing.
//
// The tail is made at the first such save (256 KiB of zeros, synced
// with its directory) and grows by doubling; a clean Close, after its
// catch-up, removes it. Only the process that holds the database's lock
// writes or reads it for writing; a read-only open overlays what it finds.

// TailPath is the journal tail file of the database at path.
func TailPath(path string) string { return path + ".tail" }

const (
	tailChunk   = 256 << 10
	tailHeader  = 8       // length, crc
	tailMaxBody = 1 << 30 // a frame longer than this is garbage
)

var crc32c = crc32.MakeTable(crc32.Castagnoli)

// tail is the open tail file of a read-write store.
type tail struct {
	f    *os.File
	off  int64 // where the next frame goes
	size int64 // bytes the file has
	buf  []byte
}

// openTail opens (making it when absent) the tail of the database at
// path for writing from its beginning.
func openTail(path string) (*tail, error) {
	name := TailPath(path)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	t := &tail{f: f, size: fi.Size()}
	if t.size < tailChunk {
		if err := t.grow(tailChunk); err != nil {
			f.Close()
			if t.size == 0 {
				os.Remove(name) // made here: give the disk its space back
			}
			return nil, err
		}
		// the file's name must outlive a crash as its bytes do
		if err := syncDir(filepath.Dir(name)); err != nil {
			f.Close()
			return nil, err
		}
	}
	return t, nil
}

// grow writes zeros to the file until it holds at least n bytes (at least
// doubling it), and syncs it, size and all.
func (t *tail) grow(n int64) error {
	to := max(t.size*2, int64(tailChunk))
	for to < n {
		to *= 2
	}
	zero := make([]byte, 64<<10)
	for off := t.size; off < to; {
		k := min(int64(len(zero)), to-off)
		if _, err := t.f.WriteAt(zero[:k], off); err != nil {
			return err
		}
		off += k
	}
	if err := t.f.Sync(); err != nil {
		return err
	}
	t.size = to
	return nil
}

// append writes the journal record seq (its value in the journal bucket:
// hash ‖ record) as the next frame and syncs it (unless !sync: a store
// opened with Options.NoSync). On an error the frame is not counted: the
// next one is written over it.
func (t *tail) append(seq uint64, val []byte, sync bool) error {
	n := tailHeader + 8 + len(val)
	if t.off+int64(n) > t.size {
		if err := t.grow(t.off + int64(n)); err != nil {
			return err
		}
	}
	b := t.buf[:0]
	b = binary.BigEndian.AppendUint32(b, uint32(8+len(val)))
	b = append(b, 0, 0, 0, 0)
	b = binary.BigEndian.AppendUint64(b, seq)
	b = append(b, val...)
	binary.BigEndian.PutUint32(b[4:], crc32.Checksum(b[tailHeader:], crc32c))
	t.buf = b
	if _, err := t.f.WriteAt(b, t.off); err != nil {
		return err
	}
	if sync {
		if err := fdatasync(t.f); err != nil {
			// the save is refused: a frame that reached the disk anyway
			// must not come back at the next open
			t.f.WriteAt(make([]byte, tailHeader), t.off)
			return err
		}
	}
	t.off += int64(n)
	return nil
}

// restart begins the tail again after a catch-up has written its records
// to the database. The first header is zeroed (unsynced: an old frame
// left by a crash is skipped anyway, its sequence being at or below the
// database's head).
func (t *tail) restart() {
	if t.off == 0 {
		return
	}
	t.off = 0
	t.f.WriteAt(make([]byte, tailHeader), 0)
}

func (t *tail) close() error { return t.f.Close() }

// tailRecord is one frame's journal record.
type tailRecord struct {
	seq uint64
	val []byte // hash(32) ‖ record
	rec record // the record decoded
}

// readTail reads the records of the tail of the database at path that
// follow head. No file is no records.
func readTail(path string, head Head) ([]tailRecord, error) {
	name := TailPath(path)
	raw, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, ErrDatabaseOpen.Withf("%s：%v", "%s: %v", name, err)
	}
	return parseTail(name, raw, head)
}

// frameAt is the frame at off: its sequence and value, and where the next
// one starts; ok is false for zeros, a short or a failing frame.
func frameAt(raw []byte, off int) (seq uint64, val []byte, next int, ok bool) {
	if off+tailHeader+8+32 > len(raw) {
		return 0, nil, 0, false
	}
	n := int(binary.BigEndian.Uint32(raw[off:]))
	if n < 8+32 || n > tailMaxBody || off+tailHeader+n > len(raw) {
		return 0, nil, 0, false
	}
	body := raw[off+tailHeader : off+tailHeader+n]
	if crc32.Checksum(body, crc32c) != binary.BigEndian.Uint32(raw[off+4:]) {
		return 0, nil, off + tailHeader + n, false
	}
	return binary.BigEndian.Uint64(body), body[8:], off + tailHeader + n, true
}

func parseTail(name string, raw []byte, head Head) ([]tailRecord, error) {
	damaged := func(zh, en string, args ...any) error {
		return &Error{Code: "db_damaged", base: ErrDatabaseCorrupt,
			Text: T("数据库文件已损坏（日志尾文件 %s："+zh+"）：请用 hall restore 从备份恢复",
				"the database file is damaged (journal tail %s: "+en+"): restore it from a backup with hall restore", append([]any{name}, args...)...)}
	}
	var out []tailRecord
	prev := head
	for off := 0; ; {
		seq, val, next, ok := frameAt(raw, off)
		if !ok {
			// the end, unless a frame that fails its crc is followed by
			// one that chains on: then a record in the middle was damaged
			if next > 0 {
				if s2, _, _, ok2 := frameAt(raw, next); ok2 && s2 == prev.Seq+2 {
					return nil, damaged("第 %d 条记录已损坏", "record %d is damaged", prev.Seq+1)
				}
			}
			return out, nil
		}
		switch {
		case seq <= prev.Seq && len(out) == 0:
			off = next // the file has this record already
			continue
		case seq <= prev.Seq:
			return out, nil // an earlier round's frame: its record is in the file
		case seq > prev.Seq+1:
			return nil, damaged("缺少第 %d 至 %d 条记录", "records %d to %d are missing", prev.Seq+1, seq-1)
		}
		r, err := decodeRecord(val[32:])
		if err != nil || r.Seq != seq {
			return nil, damaged("第 %d 条记录无法读取", "record %d cannot be read", seq)
		}
		if chainHash(prev.Hash, val[32:]) != [32]byte(val[:32]) {
			return nil, damaged("第 %d 条记录与数据库的日志链不符", "record %d does not chain to the database's journal", seq)
		}
		out = append(out, tailRecord{seq: seq, val: val, rec: r})
		prev = Head{Seq: seq, Hash: [32]byte(val[:32])}
		off = next
	}
}

// removeTail removes the tail of the database at path (nothing when there
// is none).
func removeTail(path string) error {
	err := os.Remove(TailPath(path))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// errToTail rolls back the bbolt transaction of a save whose record goes
// to the tail.
var errToTail = errors.New("casefile: committed by the tail")

// toTail reports whether t's record goes to the tail: every change is to
// a deferred bucket and the tail can be written (when it cannot be made —
// a directory that takes no new file — saves commit to bbolt as before).
func (s *Store) toTail(t *Tx) bool {
	if t.direct || s.noTail || s.db.IsReadOnly() {
		return false
	}
	for _, op := range t.ops {
		if !deferred(op.bucket) {
			return false
		}
	}
	if s.tail == nil {
		tl, err := openTail(s.path)
		if err != nil {
			s.noTail = true
			return false
		}
		s.tail = tl
	}
	return true
}

// writeTail appends record seq to the tail: the save's commit.
func (s *Store) writeTail(seq uint64, val []byte) error {
	if err := s.tail.append(seq, val, !s.db.NoSync); err != nil {
		if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
			return err // ErrDiskFull (writeError)
		}
		return ErrDatabaseOpen.Withf("日志尾文件 %s 无法写入，本次未保存：%v", "the journal tail %s cannot be written; this change was not saved: %v", TailPath(s.path), err)
	}
	s.tailBytes.Add(int64(tailHeader + 8 + len(val)))
	return nil
}

// TailWritten is the number of bytes saves have written to the journal's
// tail since the store was opened, for benchmarks that report what a save
// writes (PagesWritten counts the database file's pages).
func (s *Store) TailWritten() int64 { return s.tailBytes.Load() }
