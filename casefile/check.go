package casefile

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// ErrCheckFailed is returned by Check for a store that breaks an
// invariant; the detail names the first problem.
var ErrCheckFailed = newError("check_failed", "数据库检查未通过", "the database check failed")

// CheckOptions tune Verify (and Rebuild).
type CheckOptions struct {
	// Max is the most problems to report (0: all).
	Max int
	// Progress, when set, is called as the journal is replayed and the
	// records compared, with the entries done so far and the total of
	// the current stage.
	Progress func(done, total int)
	// Stage, when set, is called as each stage of the check starts,
	// with its name (the page walk, the replay, the comparison, the
	// cases).
	Stage func(Text)
	// Context, when set, ends the check early (Ctrl+C): its temporary
	// files are removed and its error returned.
	Context context.Context
	// SpillAt is the bytes of replayed entries kept in memory before a
	// sorted batch goes to a temporary file (0: 64 MB; journal_spill.go).
	SpillAt int
	// TempDir is where the batches go ("": the system's, $TMPDIR).
	TempDir string
}

func (o CheckOptions) progress(done, total int) {
	if o.Progress != nil {
		o.Progress(done, total)
	}
}

func (o CheckOptions) stage(t Text) {
	if o.Stage != nil {
		o.Stage(t)
	}
}

// Check verifies the store (Verify) and returns the problems in English.
func (s *Store) Check(max int) ([]string, error) {
	probs, err := s.Verify(CheckOptions{Max: max})
	var out []string
	for _, p := range probs {
		out = append(out, p.EN)
	}
	return out, err
}

// Verify checks the store: bbolt's page walk (in a child process); the
// journal's hash chain; the anchor file (a database behind its anchor,
// a chain without an anchored head); that every record, index entry,
// counter and bucket sequence is what the journal gives, and nothing
// more; then the hall's invariants — every index entry points to a
// record that agrees with it, every case's history chain holds, the
// status counters match the cases. It returns the problems in both
// languages, first found first, and ErrCheckFailed naming the first (or
// the damaged-database error when pages are damaged).
func (s *Store) Verify(opt CheckOptions) ([]Text, error) {
	var probs []Text
	full := func() bool { return opt.Max > 0 && len(probs) >= opt.Max }
	add := func(t Text) {
		if !full() {
			probs = append(probs, t)
		}
	}
	if err := s.CatchUp(); err != nil { // a read-write store: the pending index entries first
		return nil, err
	}
	if opt.Stage != nil {
		opt.Stage(T("逐页检查文件结构", "walking the file's pages"))
	}
	pageProbs, err := s.pageCheck()
	if opt.Context != nil && opt.Context.Err() != nil {
		return nil, opt.Context.Err() // Ctrl+C reaches the page walk's child too: no damage to report
	}
	if err != nil {
		return nil, err
	}
	if len(pageProbs) > 0 {
		for _, p := range pageProbs {
			add(T("页面：%s", "pages: %s", p))
		}
		return probs, damaged(s.path, pageProbs[0])
	}
	anchors, err := readAnchors(s.path)
	if err != nil {
		return nil, err
	}
	err = s.View(func(t *Tx) error {
		tx := t.tx
		ncases, err := verifyJournal(t, anchors, add, full, opt)
		if err != nil || full() {
			return err
		}
		if opt.Stage != nil {
			opt.Stage(T("核对案件、办理记录和索引", "checking cases, histories and indexes"))
		}
		done := 0
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil {
				add(T("缺少存储区 %s", "bucket %s is missing", b))
			}
		}
		if full() {
			return nil
		}
		status := map[Status]uint64{}
		aid := t.aidWalk(add, full) // the running-aid projection, in case order alongside
		defer aid.stop()
		err = forEach(t.cursor(bCases), func(k, v []byte) error {
			if full() {
				return nil
			}
			if done++; done%1024 == 0 && opt.Progress != nil {
				opt.Progress(min(done, ncases), ncases)
				if opt.Context != nil && opt.Context.Err() != nil {
					return opt.Context.Err()
				}
			}
			var c Case
			if err := json.Unmarshal(v, &c); err != nil {
				add(T("案件 %x：无法读取：%v", "case %x: cannot be read: %v", k, err))
				return nil
			}
			if len(k) != 8 || binary.BigEndian.Uint64(k) != c.Seq {
				add(T("案件 %s：存放在键 %x 下", "case %s: stored under key %x", c.Number, k))
			}
			status[c.Status]++
			aid.visit(&c)
			if seq := t.get(bIdxNumber, []byte(c.Number)); len(seq) != 8 || binary.BigEndian.Uint64(seq) != c.Seq {
				add(T("案件 %s：案号索引不指向它", "case %s: number index does not point to it", c.Number))
			}
			if t.get(bIdxStatus, statusKey(c.Status, c.Seq)) == nil {
				add(T("案件 %s：状态索引缺少 %s", "case %s: status index lacks %s", c.Number, string(c.Status)))
			}
			if t.get(bIdxPerson, join(u64(c.ApplicantID), u64(c.Seq))) == nil {
				add(T("案件 %s：人员索引缺少申请人", "case %s: person index lacks the applicant", c.Number))
			}
			h, err := t.History(c.Seq)
			if err != nil {
				add(T("案件 %s：办理记录无法读取", "case %s: history cannot be read", c.Number))
			} else if len(h) == 0 {
				add(T("案件 %s：没有办理记录", "case %s: has no history", c.Number))
			} else if i := VerifyHistory(h); i >= 0 {
				add(T("案件 %s：办理记录链在第 %d 条断开（%s %s）", "case %s: history chain broken at entry %d (%s %s)", c.Number, i, h[i].At.Format("2006-01-02 15:04"), h[i].Action))
			}
			return nil
		})
		if err != nil {
			return err
		}
		// every index entry points to a record that agrees
		forEach(t.cursor(bIdxNumber), func(k, v []byte) error {
			if len(v) != 8 || t.get(bCases, v) == nil {
				add(T("案号索引 %s 不指向任何案件", "number index %s points to no case", maskKey(k)))
			}
			return nil
		})
		// Every case has its status entry (above); as many entries as cases
		// means none points anywhere else.
		nstatus := 0
		forEach(t.cursor(bIdxStatus), func(k, _ []byte) error {
			if i := bytes.IndexByte(k, 0); i < 0 || len(k) != i+9 {
				add(T("状态索引键 %x 格式不对", "status index key %x is malformed", k))
			}
			nstatus++
			return nil
		})
		if ncases := int(sum(status)); nstatus != ncases {
			add(T("状态索引有 %d 项，案件有 %d 件", "the status index has %d entries for %d cases", nstatus, ncases))
		}
		forEach(t.cursor(bIdxDoc), func(k, v []byte) error {
			if len(v) != 8 || t.get(bPersons, v) == nil {
				add(T("证件索引 %s 不指向任何人", "person index %s points to no person", maskKey(k)))
			}
			return nil
		})
		forEach(t.cursor(bIdxPerson), func(k, _ []byte) error {
			if len(k) != 16 || t.get(bPersons, k[:8]) == nil || t.get(bCases, k[8:]) == nil {
				add(T("人员—案件索引 %x 不指向任何记录", "person-case index %x points to nothing", k))
			}
			return nil
		})
		for _, st := range Statuses {
			if n := t.Counter("status/" + string(st)); n != status[st] {
				add(T("计数 status/%s = %d，但有 %d 个案件为此状态", "counter status/%s = %d, but %d cases have that status", string(st), n, status[st]))
			}
		}
		aid.finish()
		return nil
	})
	if err != nil {
		return probs, err
	}
	if len(probs) > 0 {
		return probs, ErrCheckFailed.With(probs[0])
	}
	return nil, nil
}

// aidWalk compares the running-aid projection (aid_index.go) with the
// cases as the check walks them, both in case order: every entry points
// to a case that holds what it says, and every case past its session's
// close (on notice, notified, closed) that holds a grant has an entry. An
// approved case may lack one while the session that approved it is still
// open. Each case is decoded once, by the check's walk.
type aidWalk struct {
	t    *Tx
	add  func(Text)
	full func() bool
	next func() (Record, bool)
	stop func()
	rec  Record
	more bool
}

func (t *Tx) aidWalk(add func(Text), full func() bool) *aidWalk {
	w := &aidWalk{t: t, add: add, full: full}
	w.next, w.stop = iter.Pull(t.Records(aidNS).Scan(Key{}))
	w.rec, w.more = w.next()
	return w
}

// entry checks one entry against c (nil, or another case than the
// entry's: looked up) and returns the case it names.
func (w *aidWalk) entry(rec Record, c *Case) (uint64, bool) {
	var e aidEntry
	if err := rec.Decode(&e); err != nil {
		w.add(T("救助发放投影 %d 无法读取", "aid projection %d: cannot be read", rec.Key.Num(0)))
		return 0, false
	}
	if c == nil || c.Seq != e.Seq {
		var err error
		if c, err = w.t.CaseBySeq(e.Seq); err != nil {
			w.add(T("救助发放投影 %s：没有此案件", "aid projection %s: no such case", e.Number))
			return e.Seq, true
		}
	}
	want, ok := w.t.s.cat.entryOf(c, DateOf(w.t.now))
	switch {
	case !ok:
		w.add(T("救助发放投影 %s：案件没有享受中的救助（%s）", "aid projection %s: the case holds nothing (%s)", c.Number, c.Status))
	case want.Status.Effective() != e.Status.Effective() || len(want.Apps) != len(e.Apps) || lifeChanges(want.Life) != lifeChanges(e.Life):
		// (approved, notified and closed pay alike: a move between
		// them by another path leaves the entry right)
		w.add(T("救助发放投影 %s：记为「%s」%d 项，案件为「%s」%d 项", "aid projection %s: says %s with %d grants, the case %s with %d", c.Number, e.Status, len(e.Apps), want.Status, len(want.Apps)))
	}
	return e.Seq, true
}

// visit checks the entries up to c's and that c, holding a grant past
// its session's close, has one.
func (w *aidWalk) visit(c *Case) {
	seen := false
	for w.more && w.rec.Key.Num(0) <= c.Seq && !w.full() {
		var with *Case
		if w.rec.Key.Num(0) == c.Seq {
			with = c
		}
		if seq, ok := w.entry(w.rec, with); ok && seq == c.Seq {
			seen = true
		}
		w.rec, w.more = w.next()
	}
	switch c.Status {
	case StatusPublicity, StatusNotified, StatusClosed:
		if _, ok := w.t.s.cat.entryOf(c, DateOf(w.t.now)); ok && !seen {
			w.add(T("案件 %s 享受救助，但不在救助发放投影中", "case %s: holds a grant but is not in the aid projection", c.Number))
		}
	}
}

// finish checks the entries after the last case.
func (w *aidWalk) finish() {
	for w.more && !w.full() {
		w.entry(w.rec, nil)
		w.rec, w.more = w.next()
	}
}

func sum(m map[Status]uint64) uint64 {
	var n uint64
	for _, v := range m {
		n += v
	}
	return n
}

// Backup writes a consistent copy of the database to w from one read
// transaction, while others keep working. A read-only store writes the
// file as it is, without the saves pending in its journal's tail
// (BackupFile adds them).
func (s *Store) Backup(w io.Writer) (int64, error) {
	// the pending entries first: the copy is the file as a Close leaves it
	if err := s.CatchUp(); err != nil {
		return 0, err
	}
	var n int64
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// BackupFile writes a consistent copy to path (0600) through a temporary
// file renamed into place, so a failed backup leaves no half file.
func (s *Store) BackupFile(path string) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".hall-backup-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return 0, err
	}
	n, err := s.Backup(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// a read-only store cannot catch up: its pending saves (a tail a
		// crash left) go into the copy instead
		err = s.pendingInto(tmp.Name())
	}
	if err != nil {
		return n, err
	}
	// A copy of damaged pages is no backup: walk the copy's pages first.
	if err := pageCheckFile(tmp.Name()); err != nil {
		return 0, err
	}
	return n, os.Rename(tmp.Name(), path)
}

// pageCheck walks every page of the file with bbolt's Tx.Check in a child
// process (damaged pages make that walk panic where no recover reaches).
// A store open read-write holds the file's lock: its committed state is
// copied to a temporary file for the child to walk.
func (s *Store) pageCheck() ([]string, error) {
	if s.db.IsReadOnly() {
		return pageCheckProblems(s.path)
	}
	tmp, err := os.CreateTemp("", "hall-check-*.db")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, err
	}
	_, err = s.Backup(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return pageCheckProblems(tmp.Name())
}

// Restore replaces the database at dst with the backup at src. The backup
// is opened read-only and checked first (schema, bbolt consistency, the
// hall's invariants); a damaged or foreign file is refused and dst is left
// as it was. dst must not be open in any process (the lock is taken while
// the copy is made).
func Restore(src, dst string, cat *Catalog) error {
	b, err := Open(src, cat, Options{ReadOnly: true, Timeout: timeoutShort})
	if err != nil {
		return err
	}
	if _, err := b.Check(1); err != nil {
		b.Close()
		return err
	}
	head, err := b.JournalHead()
	b.Close()
	if err != nil {
		return err
	}
	// Take dst's lock so no hall process is using it while it is replaced.
	if _, err := os.Stat(dst); err == nil {
		lock, err := bolt.Open(dst, 0o600, &bolt.Options{Timeout: timeoutShort})
		if err != nil {
			return translateOpenError(dst, err)
		}
		defer lock.Close()
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".hall-restore-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// A journal tail beside dst belongs to the file being replaced: the
	// saves in it are given up with it.
	if err := removeTail(dst); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return err
	}
	// The anchor restarts at the restored file's head: what it witnessed
	// after that was given up by the restore.
	return writeAnchorRestart(dst, head)
}

// BrokenLink names the first history entry whose chain does not hold.
type BrokenLink struct {
	Case  string
	Entry int
	At    string
	Who   string
}

// Audit walks every case's history chain in case order and returns the
// first entry whose hash or link to the previous entry does not match, or
// nil when every chain holds.
func (s *Store) Audit() (*BrokenLink, error) {
	var bad *BrokenLink
	err := s.View(func(t *Tx) error {
		return forEach(t.cursor(bCases), func(k, v []byte) error {
			if bad != nil {
				return nil
			}
			var c struct {
				Number string `json:"number"`
			}
			if err := json.Unmarshal(v, &c); err != nil {
				bad = &BrokenLink{Case: fmt.Sprintf("%x", k)}
				return nil
			}
			h, err := t.History(beUint64(k))
			if err != nil {
				bad = &BrokenLink{Case: c.Number}
				return nil
			}
			if i := VerifyHistory(h); i >= 0 {
				bad = &BrokenLink{Case: c.Number, Entry: i, At: h[i].At.Format("2006-01-02 15:04:05"), Who: h[i].Who}
			}
			return nil
		})
	})
	return bad, err
}
