package casefile

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterr "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the version of the store's layout this code writes:
// 1 the first; 2 adds the journal (journal.go), built from the records
// of a version-1 file when it is first opened for writing; 3 lets saves
// wait in the tail file beside the database (tail.go) until they are
// caught up. Version 3 changes no bucket: it is there so that a program
// of version 2, which would not read a tail a crash left and would lose
// the saves in it, refuses the file instead.
const SchemaVersion = 3

// schemaJournal is the first version with the journal; a file of it
// becomes a file of the current version by saying so.
const schemaJournal = 2

// Bucket names. Keys are big-endian uint64s where they are numbers, so
// cursors walk them in order. Every write goes through Tx.put, Tx.del or
// Tx.nextSequence (journal.go: a write past them is not in the journal,
// and check reports it), and every read of the idx_* buckets but
// idx_number through Tx.get or Tx.cursor (journal_defer.go: their newest
// entries may still be pending in memory). Packages building on the case file keep
// their own buckets beside these through Tx.Records (the meeting's
// "mtg_*", tabled in meeting/store.go).
var (
	bMeta       = []byte("meta")        // "schema" → version
	bPersons    = []byte("persons")     // person id → Person JSON
	bCases      = []byte("cases")       // case seq → Case JSON
	bHistory    = []byte("history")     // case seq | entry seq(4) → HistoryEntry JSON
	bCounters   = []byte("counters")    // "case/2026" → n; "received/2026-11-29" → n
	bIdxDoc     = []byte("idx_doc")     // Person.Key() → person id
	bIdxNumber  = []byte("idx_number")  // case number → case seq
	bIdxStatus  = []byte("idx_status")  // status 0 case seq → ""
	bIdxPerson  = []byte("idx_person")  // person id | case seq → role
	bIdxGroup   = []byte("idx_group")   // person id | group 0 | case seq | project → groupEntry
	bIdxSearch  = []byte("idx_search")  // term 0 person id → ""
	bIdxDue     = []byte("idx_due")     // deadline yyyymmdd | case seq → "" (open cases only)
	bIdxProject = []byte("idx_project") // project 0 case seq → ""
	bDrafts     = []byte("drafts")      // owner → draft bytes (front-desk autosave; not journaled)
	allBuckets  = [][]byte{bMeta, bPersons, bCases, bHistory, bCounters, bIdxDoc, bIdxNumber, bIdxStatus,
		bIdxPerson, bIdxGroup, bIdxSearch, bIdxDue, bIdxProject, bDrafts, bUsers, bJournal, bApplied}
)

// Store errors.
var (
	ErrDatabaseLocked  = newError("db_locked", "数据库正被另一个程序使用", "database is in use by another process")
	ErrDatabaseCorrupt = newError("db_corrupt", "数据库文件已损坏或不是本系统的数据库", "the database file is damaged or not a hall database")
	ErrSchemaNewer     = newError("db_newer", "数据库由更新版本的程序创建，请升级本程序", "the database was written by a newer version of hall; upgrade hall")
	ErrDatabaseOpen    = newError("db_open", "无法打开数据库", "cannot open the database")
	ErrReadOnly        = newError("db_readonly", "数据库只读，无法保存", "the database is read-only; nothing can be saved")
	ErrDiskFull        = newError("disk_full", "磁盘已满，本次未保存（已保存的数据不受影响）", "the disk is full; this change was not saved (what was saved before is intact)")
	ErrCaseNotFound    = newError("case_not_found", "找不到案件", "case not found")
	ErrPersonNotFound  = newError("person_not_found", "找不到此人", "person not found")
	ErrStaleCase       = newError("stale_case", "案件已被他人修改，请刷新后再保存", "the case was changed by someone else; reload before saving")
	ErrBadTransition   = newError("bad_transition", "案件状态不允许此操作", "the case's status does not allow this")
	ErrMissingEvidence = newError("missing_evidence", "核查材料不全，不能提交研判", "required evidence is missing; the case cannot go to the meeting")
	ErrInvalid         = newError("invalid", "输入有误", "invalid input")
	ErrReasonRequired  = newError("reason_required", "必须填写理由", "a reason is required")
)

// Options tune Open.
type Options struct {
	// Timeout is how long to wait for a database held by another process
	// (default 1 s).
	Timeout time.Duration
	// ReadOnly opens the file for reading only.
	ReadOnly bool
	// NoSync skips fsync; for bulk loads in benchmarks only.
	NoSync bool
	// Progress receives the progress of a long migration (default
	// standard error, for stores of more than 20,000 records).
	Progress io.Writer
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Store is the case file on one bbolt database file.
type Store struct {
	wmu       sync.Mutex    // held across a write and its anchor line, so lines follow the journal's order
	anchorF   *os.File      // the anchor file, opened at the first commit
	tail      *tail         // the journal's tail (tail.go), opened at the first save that goes there
	rev       atomic.Uint64 // committed writes since Open (Revision)
	tailBytes atomic.Int64  // bytes written to the tail since Open (TailWritten)
	noTail    bool          // the tail could not be made: saves commit to bbolt
	progress  io.Writer
	ovMu      sync.RWMutex // guards ov against readers starting a transaction
	ov        *overlay     // pending entries of the deferred buckets (journal_defer.go); changed under wmu
	timer     *time.Timer  // the next catch-up of pending entries
	// pendingSince is when the oldest pending entry was saved
	pendingSince time.Time
	closed       bool
	db           *bolt.DB
	cat          *Catalog
	now          func() time.Time
	path         string
}

// DefaultDBPath is hall.db in the user's data directory
// ($XDG_DATA_HOME/hall or ~/.local/share/hall on Linux).
func DefaultDBPath() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "hall", "hall.db")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "hall", "hall.db")
	}
	return "hall.db"
}

// Open opens (creating when absent) the database at path with catalogue
// cat. A file held by another process gives ErrDatabaseLocked after the
// timeout, a damaged or foreign file ErrDatabaseCorrupt, a newer schema
// ErrSchemaNewer. Nothing in the file is changed by a failed open.
func Open(path string, cat *Catalog, opt Options) (*Store, error) {
	if opt.Timeout == 0 {
		opt.Timeout = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if !opt.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, ErrDatabaseOpen.Withf("%v", "%v", err)
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 && fi.Size() < 4096*2 {
		return nil, ErrDatabaseCorrupt.Withf("%s（文件过小，%d 字节）", "%s (file too small, %d bytes)", path, fi.Size())
	}
	if !opt.ReadOnly {
		// A read-write open of a file whose free list is not stored makes
		// bbolt rebuild it by walking every page in a goroutine of its
		// own, where a damaged page kills the process: walk it first
		// where that cannot hurt.
		if m, err := readMeta(path); err == nil && !m.freelistSynced() {
			if err := pageCheckFile(path); err != nil {
				return nil, err
			}
		}
	}
	db, err := openBolt(path, &bolt.Options{Timeout: opt.Timeout, ReadOnly: opt.ReadOnly, NoSync: opt.NoSync})
	if err != nil {
		return nil, translateOpenError(path, err)
	}
	s := &Store{db: db, cat: cat, now: opt.Now, path: path, progress: opt.Progress}
	if err := s.checkSize(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.init(opt.ReadOnly); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.recoverPending(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// openBolt opens the file, turning a panic inside bbolt on a damaged file
// into an error: the program never panics at a user.
func openBolt(path string, o *bolt.Options) (db *bolt.DB, err error) {
	err = guard(path, func() error {
		var err error
		db, err = bolt.Open(path, 0o600, o)
		return err
	})
	return db, err
}

func translateOpenError(path string, err error) error {
	switch {
	case errors.Is(err, bolterr.ErrTimeout):
		return ErrDatabaseLocked.Withf("%s", "%s", path)
	case errors.Is(err, bolterr.ErrInvalid), errors.Is(err, bolterr.ErrVersionMismatch), errors.Is(err, bolterr.ErrChecksum),
		strings.Contains(err.Error(), "invalid"), strings.Contains(err.Error(), "file size too small"):
		return ErrDatabaseCorrupt.Withf("%s（%v）", "%s (%v)", path, err)
	case errors.Is(err, os.ErrPermission):
		return ErrReadOnly.Withf("%s", "%s", path)
	}
	return ErrDatabaseOpen.Withf("%s：%v", "%s: %v", path, err)
}

// checkSize refuses a file shorter than the pages its meta page claims: a
// truncated copy would fault when those pages are read.
func (s *Store) checkSize() error {
	fi, err := os.Stat(s.path)
	if err != nil {
		return ErrDatabaseOpen.Withf("%v", "%v", err)
	}
	return s.view(func(tx *bolt.Tx) error {
		if tx.Size() > fi.Size() {
			return ErrDatabaseCorrupt.Withf("%s（文件被截断：应有 %d 字节，实有 %d 字节）", "%s (truncated: %d bytes expected, %d found)", s.path, tx.Size(), fi.Size())
		}
		return nil
	})
}

func (s *Store) init(readOnly bool) error {
	if readOnly {
		return s.view(func(tx *bolt.Tx) error {
			m := tx.Bucket(bMeta)
			if m == nil {
				return ErrDatabaseCorrupt.Withf("%s 不是本系统的数据库", "%s is not a hall database", s.path)
			}
			return checkSchema(m, s.path)
		})
	}
	var schema uint64
	err := s.update(func(tx *bolt.Tx) error {
		fresh := tx.Bucket(bMeta) == nil
		if fresh {
			// A bbolt file that has buckets of another program.
			if k, _ := tx.Cursor().First(); k != nil {
				return ErrDatabaseCorrupt.Withf("%s 属于另一个程序（含有 %q）", "%s belongs to another program (has %q)", s.path, k)
			}
		}
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if _, ok := appliedSeq(tx); !ok {
			// every index entry so far was written with its record
			h, err := journalHead(boltKV{tx})
			if err != nil {
				return err
			}
			if err := setApplied(tx, h.Seq); err != nil {
				return err
			}
		}
		m := tx.Bucket(bMeta)
		if fresh || m.Get([]byte("schema")) == nil {
			return nil
		}
		if err := checkSchema(m, s.path); err != nil {
			return err
		}
		schema = binary.BigEndian.Uint64(m.Get([]byte("schema")))
		return nil
	})
	switch {
	case err != nil:
		return err
	case schema == 0, schema >= schemaJournal && schema < SchemaVersion:
		// a new file, or one with the journal: a journal record says the
		// schema it is now
		return s.Update(func(t *Tx) error {
			t.by(systemUser)
			return t.put(bMeta, []byte("schema"), u64(SchemaVersion))
		})
	case schema < SchemaVersion:
		return s.migrate(schema)
	}
	return nil
}

// systemUser names the program itself in the journal (a new file's
// schema, a migration).
const systemUser = "system:hall"

func checkSchema(m *bolt.Bucket, path string) error {
	v := m.Get([]byte("schema"))
	if len(v) != 8 {
		return ErrDatabaseCorrupt.Withf("%s 没有版本标记", "%s has no schema version", path)
	}
	if n := binary.BigEndian.Uint64(v); n > SchemaVersion {
		return ErrSchemaNewer.Withf("文件版本 %d，本程序支持 %d", "file schema %d, this program knows %d", n, SchemaVersion)
	}
	return nil
}

// Close writes the pending entries and closes the database. A catch-up
// that finds the file damaged is its error: the saves are in the
// journal, but the file needs restoring.
func (s *Store) Close() error {
	s.wmu.Lock()
	s.closed = true
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	// What fails stays in the journal for the next open; a damaged file
	// is reported.
	cerr := s.catchUpLocked()
	if s.tail != nil {
		s.tail.close()
		s.tail = nil
		if cerr == nil && s.ov.empty() {
			removeTail(s.path) // every record is in the file
		}
	}
	if s.anchorF != nil {
		s.anchorF.Close()
		s.anchorF = nil
	}
	s.wmu.Unlock()
	err := s.db.Close()
	if cerr != nil && errors.Is(cerr, ErrDatabaseCorrupt) {
		return cerr
	}
	return err
}

// Catalog returns the store's policy catalogue.
func (s *Store) Catalog() *Catalog { return s.cat }

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Now returns the store's clock's time.
func (s *Store) Now() time.Time { return s.now() }

// Today returns the store clock's calendar day.
func (s *Store) Today() Date { return DateOf(s.now()) }

// Revision identifies the store's last committed write: it moves with
// every write, so two equal readings mean nothing was written between
// them. (It counts the writes since Open: only this process writes the
// file while it is open.)
func (s *Store) Revision() (uint64, error) {
	err := s.view(func(*bolt.Tx) error { return nil }) // a closed store's error
	return s.rev.Load(), err
}

// Tx is one transaction on the store. Packages that build on the case
// file (the meeting) use it to change cases and their own records
// (Records) in the same transaction.
type Tx struct {
	tx  *bolt.Tx
	s   *Store
	now time.Time
	// the journal record being made: its operations (opIndex: the
	// position of each key's), and who the changes are by
	ops     []jop
	opIndex map[string]int
	who     string
	// entries of the deferred buckets (journal_defer.go): the store's
	// pending ones as of the start, the transaction's own and its
	// bucket sequences, and whether it writes them directly
	ov     *overlay
	local  map[string]map[string]ovEntry
	lseq   map[string]uint64
	nlocal int
	direct bool
}

// Now is the time of the transaction.
func (t *Tx) Now() time.Time { return t.now }

// Catalog is the store's catalogue.
func (t *Tx) Catalog() *Catalog { return t.s.cat }

// Update runs fn in one read-write transaction. A transaction whose
// changes all go to deferred buckets is committed by its journal record
// in the tail (tail.go); any other is committed to bbolt with the entries
// still pending, so the journal bucket has no gap.
func (s *Store) Update(fn func(*Tx) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	var head Head
	var t *Tx
	var next *overlay
	var rec []byte // the journal record, when it goes to the tail
	publishing := false
	err := s.update(func(tx *bolt.Tx) error {
		t = &Tx{tx: tx, s: s, now: s.now(), ov: s.ov}
		if err := fn(t); err != nil {
			return err
		}
		if len(t.ops) == 0 {
			return nil
		}
		if s.toTail(t) {
			prev, err := t.head()
			if err != nil {
				return err
			}
			head, rec = nextRecord(prev, t.now, t.who, t.ops)
			if t.local == nil {
				t.local = map[string]map[string]ovEntry{}
			}
			key := string(u64(head.Seq))
			t.local[string(bJournal)] = map[string]ovEntry{key: {key: key, val: rec}}
			next = s.ov.with(newSegment(head.Seq, t.local, t.lseq))
			return errToTail // nothing was written to the file: roll back
		}
		if !t.direct {
			// the pending entries and records first, then this one
			if err := t.goDirect(); err != nil {
				return err
			}
		}
		var err error
		if head, err = appendJournal(t.kv(), t.now, t.who, t.ops); err != nil {
			return err
		}
		if err := setApplied(tx, head.Seq); err != nil {
			return err
		}
		// Readers must not start between this commit and the empty
		// overlay: they would read the pending entries twice over.
		s.ovMu.Lock()
		publishing = true
		return nil
	})
	switch {
	case errors.Is(err, errToTail):
		if err = s.writeTail(head.Seq, rec); err == nil {
			s.publish(next)
		}
	case publishing:
		if err == nil {
			s.ov = nil
		}
		s.ovMu.Unlock()
		if err == nil && s.tail != nil {
			s.tail.restart()
		}
	}
	if err == nil {
		s.rev.Add(1)
	}
	if err == nil && head.Seq > 0 {
		s.anchor(head)
		if !s.ov.empty() {
			s.afterSave()
		}
	}
	return writeError(s, err)
}

// writeError names a full disk or a read-only file (a write's error, of
// Update or of a bulk load's chunk).
func writeError(s *Store, err error) error {
	switch {
	case errors.Is(err, bolterr.ErrTxNotWritable), errors.Is(err, bolterr.ErrDatabaseReadOnly), errors.Is(err, syscall.EROFS):
		return ErrReadOnly.Withf("%s", "%s", s.path)
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return ErrDiskFull.Withf("%s", "%s", s.path)
	}
	return err
}

// Transact runs fn in one transaction: read-write when write, else
// read-only.
func (s *Store) Transact(write bool, fn func(*Tx) error) error {
	if write {
		return s.Update(fn)
	}
	return s.View(fn)
}

// View runs fn in one read-only transaction.
func (s *Store) View(fn func(*Tx) error) error {
	s.ovMu.RLock()
	held := true
	release := func() {
		if held {
			held = false
			s.ovMu.RUnlock()
		}
	}
	defer release()
	return s.view(func(tx *bolt.Tx) error {
		ov := s.ov
		release()
		return fn(&Tx{tx: tx, s: s, now: s.now(), ov: ov})
	})
}

// ---- encoding helpers ----

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func join(parts ...[]byte) []byte {
	return bytes.Join(parts, nil)
}

// getJSON decodes the JSON record key of b into v and reports whether it
// exists.
func getJSON(b *bolt.Bucket, key []byte, v any) (bool, error) {
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	if err := decodeJSON(nil, key, raw, v); err != nil {
		return false, err
	}
	return true, nil
}

// loadJSON decodes the JSON record key of b, or returns the error
// notFound makes when there is none.
func loadJSON[T any](b *bolt.Bucket, key []byte, notFound func() error) (*T, error) {
	var v T
	ok, err := getJSON(b, key, &v)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, notFound()
	}
	return &v, nil
}

// loadRaw decodes raw, the JSON record key, or returns the error
// notFound makes when raw is nil.
func loadRaw[T any](raw, key []byte, notFound func() error) (*T, error) {
	if raw == nil {
		return nil, notFound()
	}
	var v T
	if err := decodeJSON(nil, key, raw, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// decodeJSON decodes the raw value of record key (of namespace ns, nil
// for the case file's own buckets) into v; a value that cannot be
// decoded is a damaged file.
func decodeJSON(ns, key, raw []byte, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		where := fmt.Sprintf("%x", key)
		if len(ns) > 0 {
			where = fmt.Sprintf("%s/%x", ns, key)
		}
		return ErrDatabaseCorrupt.Withf("记录 %s 无法读取：%v", "record %s cannot be read: %v", where, err)
	}
	return nil
}

// ---- cases ----

// CaseBySeq loads a case by its internal sequence number.
func (t *Tx) CaseBySeq(seq uint64) (*Case, error) {
	return loadRaw[Case](t.get(bCases, u64(seq)), u64(seq), func() error {
		return ErrCaseNotFound.Withf("内部编号 %d", "internal number %d", seq)
	})
}

// Case loads a case by its case number.
func (t *Tx) Case(number string) (*Case, error) {
	seq := t.get(bIdxNumber, []byte(strings.TrimSpace(number)))
	if seq == nil {
		return nil, ErrCaseNotFound.Withf("%s", "%s", number)
	}
	return t.CaseBySeq(binary.BigEndian.Uint64(seq))
}

// Change is one history entry's content, recorded with PutCase.
type Change struct {
	Who    string
	Action string
	Why    string // free text typed by a user (a withdrawal's reason)
	Note   Text   // what the system says about the change, in both languages
}

// writeCase stores c over old (nil: a new case): the record, its index
// entries and the status counters.
func (t *Tx) writeCase(old, c *Case) error {
	if err := t.unindexCase(old); err != nil {
		return err
	}
	if err := t.putJSON(bCases, u64(c.Seq), c); err != nil {
		return err
	}
	if err := t.indexCase(c); err != nil {
		return err
	}
	if old == nil || old.Status != c.Status {
		if old != nil {
			if _, err := t.counter("status/"+string(old.Status), -1); err != nil {
				return err
			}
		}
		if err := t.bump("status/" + string(c.Status)); err != nil {
			return err
		}
	}
	return nil
}

// PutCase stores a changed case: it checks that old (the stored version,
// as loaded in this transaction) is the version the caller started from,
// keeps every index in step, bumps the version and appends one history
// entry. old is nil for a new case.
func (t *Tx) PutCase(old, c *Case, ch Change) error {
	if ch.Who == "" {
		return ErrInvalid.Withf("未记录操作人", "no user recorded for the change")
	}
	t.by(ch.Who)
	if old != nil && old.Version != c.Version {
		return ErrStaleCase.Withf("%s（版本 %d，当前 %d）", "%s (version %d, now %d)", c.Number, c.Version, old.Version)
	}
	c.Version++
	c.Updated = t.now
	if err := t.writeCase(old, c); err != nil {
		return err
	}
	e := HistoryEntry{At: t.now, Who: ch.Who, Action: ch.Action, Why: ch.Why, Note: ch.Note, To: c.Status}
	if old != nil {
		e.From = old.Status
	}
	return t.appendHistory(c.Seq, e)
}

// appendHistory adds e to the case's chain, hashing it with the previous
// entry's hash.
func (t *Tx) appendHistory(seq uint64, e HistoryEntry) error {
	prefix := u64(seq)
	cur := t.cursor(bHistory)
	k, v := cur.Seek(u64(seq + 1))
	if k == nil {
		k, v = cur.Last()
	} else {
		k, v = cur.Prev()
	}
	if k != nil && bytes.HasPrefix(k, prefix) {
		var last HistoryEntry
		if err := json.Unmarshal(v, &last); err != nil {
			return ErrDatabaseCorrupt.Withf("历史记录无法读取", "history entry cannot be read")
		}
		e.Seq, e.Prev = last.Seq+1, last.Hash
	}
	e.Hash = HashEntry(e)
	key := make([]byte, 12)
	copy(key, prefix)
	binary.BigEndian.PutUint32(key[8:], e.Seq)
	t.by(e.Who)
	return t.putJSON(bHistory, key, e)
}

// HashEntry computes the chained hash of a history entry: SHA-256 over
// its JSON with Hash empty (Prev included).
func HashEntry(e HistoryEntry) string {
	e.Hash = ""
	raw, _ := json.Marshal(e)
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// History returns the case's history, oldest first.
func (t *Tx) History(seq uint64) ([]HistoryEntry, error) {
	var out []HistoryEntry
	prefix := u64(seq)
	c := t.cursor(bHistory)
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var e HistoryEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, ErrDatabaseCorrupt.Withf("历史记录无法读取", "history entry cannot be read")
		}
		out = append(out, e)
	}
	return out, nil
}

// VerifyHistory walks a case's chain and returns the first entry whose
// hash or link does not match, or -1 when it holds.
func VerifyHistory(h []HistoryEntry) int {
	prev := ""
	for i, e := range h {
		if e.Prev != prev || HashEntry(e) != e.Hash || e.Seq != uint32(i) {
			return i
		}
		prev = e.Hash
	}
	return -1
}

// RecordReveal records in the case's history that who saw the full ID
// numbers and phones of the case; only roles that need them may.
func (t *Tx) RecordReveal(c *Case, who, why string) error {
	if err := t.Require(who, PermReveal); err != nil {
		return err
	}
	return t.AddHistory(c, Change{Who: who, Action: "reveal", Why: why})
}

// AddHistory appends a history entry to a case without changing it (a
// printout, a reveal of a full ID number).
func (t *Tx) AddHistory(c *Case, ch Change) error {
	return t.appendHistory(c.Seq, HistoryEntry{At: t.now, Who: ch.Who, Action: ch.Action, Why: ch.Why, Note: ch.Note})
}

const (
	roleApplicant byte = 'A'
	roleMember    byte = 'M'
)

func statusKey(st Status, seq uint64) []byte {
	return join([]byte(st), []byte{0}, u64(seq))
}

func dueKey(d Date, seq uint64) []byte {
	return join([]byte(fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)), u64(seq))
}

func groupPrefix(pid uint64, group string) []byte {
	return join(u64(pid), []byte(group), []byte{0})
}

// groupEntry is the compact value of the group index: what the duplicate
// checks need without decoding the case.
type groupEntry struct {
	Seq      uint64
	Project  string
	Amount   Money
	Received int64 // unix seconds
	Status   Status
	Mark     byte // 0 none, 'K' kept, 'D' declined by the batch resolution
	Number   string
}

func (g groupEntry) encode() []byte {
	b := make([]byte, 0, 40+len(g.Number)+len(g.Status))
	b = binary.BigEndian.AppendUint64(b, uint64(g.Amount))
	b = binary.BigEndian.AppendUint64(b, uint64(g.Received))
	b = append(b, g.Mark, byte(len(g.Status)))
	b = append(b, g.Status...)
	b = append(b, g.Number...)
	return b
}

func decodeGroupEntry(k, v []byte) (groupEntry, bool) {
	// key: pid(8) group 0 seq(8) project
	i := bytes.IndexByte(k[8:], 0)
	if i < 0 || len(k) < 8+i+1+8 || len(v) < 18 {
		return groupEntry{}, false
	}
	rest := k[8+i+1:]
	g := groupEntry{Seq: binary.BigEndian.Uint64(rest[:8]), Project: string(rest[8:])}
	g.Amount = Money(binary.BigEndian.Uint64(v[:8]))
	g.Received = int64(binary.BigEndian.Uint64(v[8:16]))
	g.Mark = v[16]
	n := int(v[17])
	if len(v) < 18+n {
		return groupEntry{}, false
	}
	g.Status = Status(v[18 : 18+n])
	g.Number = string(v[18+n:])
	return g, true
}

func (t *Tx) indexCase(c *Case) error {
	if err := t.put(bIdxNumber, []byte(c.Number), u64(c.Seq)); err != nil {
		return err
	}
	if err := t.put(bIdxStatus, statusKey(c.Status, c.Seq), nil); err != nil {
		return err
	}
	if c.Status.Watched() && !c.Deadline.IsZero() {
		if err := t.put(bIdxDue, dueKey(c.Deadline, c.Seq), nil); err != nil {
			return err
		}
	}
	for _, m := range c.Household.Members {
		if m.Person.ID == 0 {
			continue
		}
		role := roleMember
		if m.Person.ID == c.ApplicantID {
			role = roleApplicant
		}
		if err := t.put(bIdxPerson, join(u64(m.Person.ID), u64(c.Seq)), []byte{role}); err != nil {
			return err
		}
	}
	if err := t.put(bIdxPerson, join(u64(c.ApplicantID), u64(c.Seq)), []byte{roleApplicant}); err != nil {
		return err
	}
	for _, a := range c.Apps {
		if err := t.put(bIdxProject, join([]byte(a.Project), []byte{0}, u64(c.Seq)), nil); err != nil {
			return err
		}
		p := t.s.cat.Project(a.Project)
		if p == nil || p.Group == "" || c.ReviewOf() != "" {
			continue // a review case competes with nobody: it reviews an aid held
		}
		if a.Outcome == OutcomeDeclined {
			continue // a declined application holds nothing and conflicts with nothing
		}
		if a.Outcome == OutcomeGranted && c.stopped(a.Project) {
			continue // an aid decided to end no longer stands in the way of a new application
		}
		g := groupEntry{Amount: a.Proposed, Received: c.Received.Unix(), Status: c.Status, Number: c.Number}
		if a.Outcome == OutcomeGranted {
			g.Amount = a.Granted
		}
		if a.Dedup != nil {
			g.Mark = 'D'
			if a.Dedup.Keep {
				g.Mark = 'K'
			}
		}
		key := join(groupPrefix(c.ApplicantID, p.Group), u64(c.Seq), []byte(a.Project))
		if err := t.put(bIdxGroup, key, g.encode()); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tx) unindexCase(c *Case) error {
	if c == nil {
		return nil
	}
	if err := t.del(bIdxStatus, statusKey(c.Status, c.Seq)); err != nil {
		return err
	}
	if !c.Deadline.IsZero() {
		if err := t.del(bIdxDue, dueKey(c.Deadline, c.Seq)); err != nil {
			return err
		}
	}
	for _, a := range c.Apps {
		if err := t.del(bIdxProject, join([]byte(a.Project), []byte{0}, u64(c.Seq))); err != nil {
			return err
		}
		if p := t.s.cat.Project(a.Project); p != nil && p.Group != "" {
			if err := t.del(bIdxGroup, join(groupPrefix(c.ApplicantID, p.Group), u64(c.Seq), []byte(a.Project))); err != nil {
				return err
			}
		}
	}
	return nil
}

// ---- people ----

// Person loads a person by internal id.
func (t *Tx) Person(id uint64) (*Person, error) {
	return loadRaw[Person](t.get(bPersons, u64(id)), u64(id), func() error { return ErrPersonNotFound })
}

// PersonByKey finds a person by Person.Key() (resident number etc.).
func (t *Tx) PersonByKey(key string) (*Person, error) {
	id := t.get(bIdxDoc, []byte(key))
	if id == nil {
		return nil, ErrPersonNotFound
	}
	return t.Person(binary.BigEndian.Uint64(id))
}

// SavePerson stores p, merging with the stored record of the same key:
// known details are kept unless p brings newer ones. It sets p.ID.
func (t *Tx) SavePerson(p *Person) error {
	key := p.Key()
	if id := t.get(bIdxDoc, []byte(key)); id != nil {
		old, err := t.Person(binary.BigEndian.Uint64(id))
		if err != nil {
			return err
		}
		mergePerson(p, old)
		p.ID = old.ID
		if samePerson(p, old) {
			return nil // nothing new: no write, no index churn
		}
		if err := t.unindexPersonTerms(old); err != nil {
			return err
		}
	} else {
		id, err := t.nextSequence(bPersons)
		if err != nil {
			return err
		}
		p.ID = id
		if err := t.put(bIdxDoc, []byte(key), u64(id)); err != nil {
			return err
		}
	}
	if err := t.putJSON(bPersons, u64(p.ID), p); err != nil {
		return err
	}
	return t.indexPersonTerms(p)
}

// samePerson reports whether two person records are identical.
func samePerson(a, b *Person) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// mergePerson fills p's empty fields from old.
func mergePerson(p, old *Person) {
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&p.Name, old.Name)
	fill(&p.Phone, old.Phone)
	fill(&p.Township, old.Township)
	fill(&p.Village, old.Village)
	fill(&p.Address, old.Address)
	fill(&p.GuardianDoc, old.GuardianDoc)
	fill(&p.GuardianName, old.GuardianName)
	if p.Sex == "" {
		p.Sex = old.Sex
	}
	if p.Birth.IsZero() {
		p.Birth = old.Birth
	}
	if p.DisabilityGrade == 0 {
		p.DisabilityGrade = old.DisabilityGrade
	}
	for _, f := range old.Flags {
		if !p.HasFlag(f) {
			p.Flags = append(p.Flags, f)
		}
	}
}

func (t *Tx) indexPersonTerms(p *Person) error {
	return t.indexTerms(p.ID, SearchTerms(p))
}

// indexTerms adds the search index entries of person id's terms.
func (t *Tx) indexTerms(id uint64, terms []string) error {
	for _, term := range terms {
		if err := t.put(bIdxSearch, join([]byte(term), []byte{0}, u64(id)), nil); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tx) unindexPersonTerms(p *Person) error {
	for _, term := range SearchTerms(p) {
		if err := t.del(bIdxSearch, join([]byte(term), []byte{0}, u64(p.ID))); err != nil {
			return err
		}
	}
	return nil
}

// PersonCaseSeqs lists the cases a person is in (as applicant or member),
// newest first, with their role ('A' or 'M').
func (t *Tx) PersonCaseSeqs(pid uint64) (seqs []uint64, roles []byte) {
	prefix := u64(pid)
	c := t.cursor(bIdxPerson)
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		seqs = append(seqs, binary.BigEndian.Uint64(k[8:]))
		roles = append(roles, v[0])
	}
	for i, j := 0, len(seqs)-1; i < j; i, j = i+1, j-1 {
		seqs[i], seqs[j] = seqs[j], seqs[i]
		roles[i], roles[j] = roles[j], roles[i]
	}
	return seqs, roles
}

// ---- drafts ----

// SaveDraft stores the front desk's draft for owner (autosave); nil
// deletes it.
func (s *Store) SaveDraft(owner string, data []byte) error {
	return s.Update(func(t *Tx) error {
		b := t.tx.Bucket(bDrafts)
		if data == nil {
			return b.Delete([]byte(owner))
		}
		return b.Put([]byte(owner), data)
	})
}

// Draft returns owner's saved draft, or nil.
func (s *Store) Draft(owner string) ([]byte, error) {
	var out []byte
	err := s.View(func(t *Tx) error {
		if v := t.tx.Bucket(bDrafts).Get([]byte(owner)); v != nil {
			out = append([]byte(nil), v...)
		}
		return nil
	})
	return out, err
}

func beUint64(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// timeoutShort is how long Restore waits for locks.
const timeoutShort = time.Second
