package casefile

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrNoJournalRecord: `hall audit record N` names a record the journal
// does not hold.
var ErrNoJournalRecord = newError("no_journal_record", "日志中没有这条记录", "the journal has no such record")

// JournalHead is the head of the journal as the transaction found it: the
// last record committed before this transaction's own, which (when the
// transaction writes) is appended as record Seq+1 and chains to it. A
// closed session stores it (meeting.Session.ClosedHead): the close's own
// record cannot carry its own hash, so the minutes print the record just
// before it, exact and checkable with `hall audit record N`.
func (t *Tx) JournalHead() (Head, error) {
	return t.head()
}

// MarshalText writes the head as String does ("sequence:hash", hex).
func (h Head) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText reads what MarshalText wrote.
func (h *Head) UnmarshalText(b []byte) error {
	seq, hash, ok := strings.Cut(string(b), ":")
	n, err := strconv.ParseUint(seq, 10, 64)
	raw, herr := hex.DecodeString(hash)
	if !ok || err != nil || herr != nil || len(raw) != len(h.Hash) {
		return fmt.Errorf("journal head %q: want sequence:64 hex digits", b)
	}
	h.Seq = n
	copy(h.Hash[:], raw)
	return nil
}

// JournalEntry is one journal record as `hall audit record N` prints it:
// its sequence, time, who wrote it, its hash, and how many operations it
// holds.
type JournalEntry struct {
	Seq  uint64
	At   time.Time
	Who  string
	Hash [32]byte
	Ops  int
}

// Head is the entry's sequence and hash.
func (e JournalEntry) Head() Head { return Head{Seq: e.Seq, Hash: e.Hash} }

// JournalRecord reads record seq of the journal and checks that its hash
// chains to the record before it (SHA-256 of the previous hash and the
// record); a record that does not is ErrCheckFailed, one the journal does
// not hold ErrNoJournalRecord.
func (s *Store) JournalRecord(seq uint64) (JournalEntry, error) {
	var e JournalEntry
	err := s.View(func(t *Tx) error {
		v := t.get(bJournal, u64(seq))
		if seq == 0 || v == nil {
			return ErrNoJournalRecord.Withf("第 %d 条", "record %d", seq)
		}
		var prev [32]byte
		if seq > 1 {
			pv := t.get(bJournal, u64(seq-1))
			if len(pv) < 32 {
				return ErrCheckFailed.Withf("日志第 %d 条记录缺失或无法读取", "journal record %d is missing or unreadable", seq-1)
			}
			copy(prev[:], pv)
		}
		if len(v) < 32 {
			return ErrCheckFailed.Withf("日志第 %d 条记录无法读取", "journal record %d cannot be read", seq)
		}
		body := v[32:]
		r, err := decodeRecord(body)
		if err != nil || r.Seq != seq {
			return ErrCheckFailed.Withf("日志第 %d 条记录无法读取", "journal record %d cannot be read", seq)
		}
		copy(e.Hash[:], v)
		if chainHash(prev, body) != e.Hash {
			return ErrCheckFailed.Withf("日志第 %d 条记录的哈希与记录链不符", "journal record %d: its hash does not match the chain", seq)
		}
		e.Seq, e.At, e.Who, e.Ops = r.Seq, r.At, r.Who, len(r.Ops)
		return nil
	})
	return e, err
}
