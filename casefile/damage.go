package casefile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Damage is reported, never panicked. bbolt trusts the pages it reads: a
// flipped byte in a page header makes it panic (or fault on memory past
// the map). Every transaction of the store runs under guard, which turns
// such a panic into ErrDatabaseCorrupt; bbolt's own page walk (Tx.Check,
// and the free-list rebuild of a read-write open) runs in goroutines no
// recover can reach, so it runs in a child process of the same binary
// (pageCheckFile), whose death is a finding, not ours.

// damaged is the error of a damaged database file: bbolt panicked or the
// page walk failed. It is an ErrDatabaseCorrupt (exit code 4 in hall).
func damaged(path string, what any) error {
	detail := strings.TrimSpace(fmt.Sprint(what))
	if path != "" {
		detail = path + ": " + detail
	}
	return &Error{Code: "db_damaged",
		Text: T("数据库文件已损坏（%s）：请用 hall restore 从备份恢复", "the database file is damaged (%s): restore it from a backup with hall restore", detail),
		base: ErrDatabaseCorrupt}
}

// guard runs fn, turning a panic raised inside bbolt, or a memory fault
// (a page pointer past the file), into the damaged-database error. A
// panic of any other code is a bug and is not hidden.
func guard(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			if !fromStorage(r) {
				panic(r)
			}
			err = damaged(path, r)
		}
	}()
	return fn()
}

// fromStorage reports whether the panic being recovered was raised by
// bbolt's code or is a memory fault.
func fromStorage(r any) bool {
	if re, ok := r.(runtime.Error); ok && strings.Contains(re.Error(), "fault") {
		return true
	}
	pcs := make([]uintptr, 64)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && strings.HasPrefix(f.Function, "runtime."):
			// runtime.panicIndex, sigpanic, …: the panic's own frames
		case panicking:
			return strings.HasPrefix(f.Function, "go.etcd.io/bbolt")
		}
		if !more {
			return false
		}
	}
}

// view and update are bbolt's View and Update under guard.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	return guard(s.path, func() error { return s.db.View(fn) })
}

func (s *Store) update(fn func(*bolt.Tx) error) error {
	return guard(s.path, func() error { return s.db.Update(fn) })
}

// ---- meta pages ----

// boltMeta is what the store reads of a bbolt meta page itself (the
// layout of go.etcd.io/bbolt/internal/common.Meta, native byte order).
type boltMeta struct {
	pageSize uint32
	freelist uint64
	pgid     uint64
	txid     uint64
	valid    bool
}

const boltMagic = 0xED0CDAED

func (m boltMeta) freelistSynced() bool { return m.freelist != ^uint64(0) }

// parseMeta reads the meta page at the start of page (its 16-byte page
// header first).
func parseMeta(page []byte) boltMeta {
	if len(page) < 16+64 {
		return boltMeta{}
	}
	b := page[16:]
	ne := binary.NativeEndian
	m := boltMeta{pageSize: ne.Uint32(b[8:]), freelist: ne.Uint64(b[32:]), pgid: ne.Uint64(b[40:]), txid: ne.Uint64(b[48:])}
	h := fnv.New64a()
	h.Write(b[:56])
	m.valid = ne.Uint32(b[0:]) == boltMagic && ne.Uint32(b[4:]) == 2 && h.Sum64() == ne.Uint64(b[56:])
	return m
}

// readMeta returns the meta page bbolt will use: the valid one of the two
// with the higher transaction id.
func readMeta(path string) (boltMeta, error) {
	m0, m1, _, err := readMetas(path)
	if err != nil {
		return boltMeta{}, err
	}
	switch {
	case m0.valid && (!m1.valid || m0.txid >= m1.txid):
		return m0, nil
	case m1.valid:
		return m1, nil
	}
	return boltMeta{}, errors.New("no valid meta page")
}

// readMetas reads both meta pages and the page size.
func readMetas(path string) (m0, m1 boltMeta, pageSize int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return m0, m1, 0, err
	}
	defer f.Close()
	buf := make([]byte, 4096)
	if _, err := io.ReadFull(f, buf); err != nil {
		return m0, m1, 0, err
	}
	m0 = parseMeta(buf)
	pageSize = os.Getpagesize()
	if m0.valid {
		pageSize = int(m0.pageSize)
	}
	if _, err := f.ReadAt(buf, int64(pageSize)); err != nil && !errors.Is(err, io.EOF) {
		return m0, m1, 0, err
	}
	m1 = parseMeta(buf)
	return m0, m1, pageSize, nil
}

// ---- the page walk in a child process ----

// pageCheckEnv names the database a child process started by
// pageCheckFile walks; the child is the running binary itself (hall, or a
// test binary), which this package's init turns into the walker.
const pageCheckEnv = "HALL_PAGE_CHECK_CHILD"

// Exit codes of the page-check child.
const (
	pageCheckOK     = 0
	pageCheckFound  = 10 // problems listed on stdout, one a line
	pageCheckLocked = 11
	pageCheckOpen   = 12 // the file cannot be opened as a bbolt file
)

func init() {
	if path := os.Getenv(pageCheckEnv); path != "" {
		os.Exit(pageCheckChild(path, os.Stdout))
	}
}

// pageCheckChild walks the pages of the database at path with bbolt's
// Tx.Check and prints what it finds. A damaged page may kill it: that is
// what it is for.
func pageCheckChild(path string, w io.Writer) int {
	debug.SetPanicOnFault(true)
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 2 * time.Second})
	if err != nil {
		fmt.Fprintln(w, err)
		if strings.Contains(err.Error(), "timeout") {
			return pageCheckLocked
		}
		return pageCheckOpen
	}
	defer db.Close()
	found := 0
	db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			fmt.Fprintln(w, err)
			found++
		}
		return nil
	})
	if found > 0 {
		return pageCheckFound
	}
	return pageCheckOK
}

// pageCheckFile walks the pages of the database file at path (which no
// process may hold open for writing) in a child process and returns nil,
// ErrDatabaseLocked, or the damaged-database error naming the first
// problem.
func pageCheckFile(path string) error {
	probs, err := pageCheckProblems(path)
	if err != nil {
		return err
	}
	if len(probs) > 0 {
		return damaged(path, probs[0])
	}
	return nil
}

// pageCheckProblems runs the child and returns the problems it found.
func pageCheckProblems(path string) ([]string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("page check: %w", err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), pageCheckEnv+"="+path)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return nil, fmt.Errorf("page check: %w", err)
		}
		code = ee.ExitCode()
	}
	lines := func(b *bytes.Buffer) []string {
		var l []string
		for _, s := range strings.Split(strings.TrimSpace(b.String()), "\n") {
			if s = strings.TrimSpace(s); s != "" {
				l = append(l, s)
			}
		}
		return l
	}
	switch code {
	case pageCheckOK:
		return nil, nil
	case pageCheckFound:
		return lines(&out), nil
	case pageCheckLocked:
		return nil, ErrDatabaseLocked.Withf("%s", "%s", path)
	case pageCheckOpen:
		return nil, ErrDatabaseCorrupt.Withf("%s（%s）", "%s (%s)", path, strings.Join(lines(&out), "; "))
	}
	// The walker died: its first panic or fault line says why; the Go
	// stack trace stays out of the user's sight.
	why := fmt.Sprintf("page walk ended with code %d", code)
	for _, l := range lines(&errOut) {
		if strings.HasPrefix(l, "panic:") || strings.HasPrefix(l, "fatal error:") || strings.HasPrefix(l, "unexpected fault") {
			why = "page walk: " + strings.TrimSpace(strings.TrimPrefix(l, "panic:"))
			break
		}
	}
	return []string{why}, nil
}
