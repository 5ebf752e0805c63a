package serve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// hall is a server on a loopback port over a temp database.
type hall struct {
	t      testing.TB
	st     *casefile.Store
	db     string
	srv    *Server
	addr   string
	cancel context.CancelFunc
	done   chan error
	closed bool
}

func openStore(t testing.TB, db string, noSync bool) *casefile.Store {
	t.Helper()
	st, _ := casefiletest.Open(t, db, casefile.Options{NoSync: noSync})
	return st
}

// startHall serves a fresh database (fsync off unless sync); mods change
// the server's Config.
func startHall(t testing.TB, sync bool, mods ...func(*Config)) *hall {
	t.Helper()
	dir := t.TempDir()
	h := &hall{t: t, db: filepath.Join(dir, "hall.db"), done: make(chan error, 1)}
	h.st = openStore(t, h.db, !sync)
	cfg := Config{HostKey: filepath.Join(dir, DefaultHostKeyName), Lang: casefile.ZH, Grace: 5 * time.Second,
		WatchEvery: 50 * time.Millisecond, Options: consoleOptions(h.st)}
	for _, m := range mods {
		m(&cfg)
	}
	h.serve(cfg)
	return h
}

// serve starts a server of cfg over h.st on a loopback port; the test's
// cleanup stops it and closes the store.
func (h *hall) serve(cfg Config) {
	h.t.Helper()
	srv, err := New(h.st, cfg)
	if err != nil {
		h.t.Fatal(err)
	}
	h.srv = srv
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		h.t.Fatal(err)
	}
	h.addr = ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- srv.Serve(ctx, ln) }()
	h.t.Cleanup(func() {
		if !h.closed {
			h.stop()
			h.st.Close()
		}
	})
}

// stop shuts the server down as SIGTERM does and returns Serve's error.
func (h *hall) stop() error {
	h.closed = true
	h.cancel()
	select {
	case err := <-h.done:
		return err
	case <-time.After(15 * time.Second):
		h.t.Fatal("the server did not stop")
		return nil
	}
}

// newKey makes an ed25519 key pair.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// register adds a user with a new key and returns the key.
func (h *hall) register(name string, role casefile.Role) gossh.Signer {
	h.t.Helper()
	k := newKey(h.t)
	u := casefile.User{Name: name, Role: role, Keys: []string{strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k.PublicKey())))},
		Fingerprints: []string{gossh.FingerprintSHA256(k.PublicKey())}}
	if err := h.st.AddUser(u, "local:admin"); err != nil {
		h.t.Fatal(err)
	}
	return k
}

// dial connects as login (which the server must ignore) with key.
func (h *hall) dial(login string, key gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", h.addr, &gossh.ClientConfig{User: login, Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.FixedHostKey(h.srv.signer.PublicKey()), Timeout: 5 * time.Second})
}

// term is an SSH session with a pty, as a desk's terminal.
type term struct {
	t    testing.TB
	cl   *gossh.Client
	sess *gossh.Session
	in   io.WriteCloser
	w, h int

	mu    sync.Mutex
	out   []byte
	ended chan struct{}
}

// open connects with key and starts the front desk in a w×h terminal.
func (h *hall) open(key gossh.Signer, w, ht int) *term {
	h.t.Helper()
	return h.openWith(key, w, ht)
}

// openWith is open with environment variables (NAME=value) sent first.
func (h *hall) openWith(key gossh.Signer, w, ht int, env ...string) *term {
	h.t.Helper()
	cl, err := h.dial("someone-else", key)
	if err != nil {
		h.t.Fatal(err)
	}
	sess, err := cl.NewSession()
	if err != nil {
		h.t.Fatal(err)
	}
	for _, e := range env {
		name, value, _ := strings.Cut(e, "=")
		if err := sess.Setenv(name, value); err != nil {
			h.t.Fatal(err)
		}
	}
	if err := sess.RequestPty("xterm-256color", ht, w, gossh.TerminalModes{}); err != nil {
		h.t.Fatal(err)
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	tm := &term{t: h.t, cl: cl, sess: sess, in: in, w: w, h: ht, ended: make(chan struct{})}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			tm.mu.Lock()
			tm.out = append(tm.out, buf[:n]...)
			tm.mu.Unlock()
			if err != nil {
				close(tm.ended)
				return
			}
		}
	}()
	if err := sess.Shell(); err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { cl.Close() })
	return tm
}

// screen is what the terminal shows now.
func (tm *term) screen() string {
	tm.mu.Lock()
	out := append([]byte(nil), tm.out...)
	tm.mu.Unlock()
	return strings.Join(screenOf(out, tm.w, tm.h), "\n")
}

// output is everything written to the terminal, as sent.
func (tm *term) output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return string(tm.out)
}

// waitFor polls the screen until it matches every pattern (regular
// expressions), failing after a timeout.
func (tm *term) waitFor(patterns ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		ok := true
		for _, p := range patterns {
			if !regexp.MustCompile(p).MatchString(s) {
				ok = false
				break
			}
		}
		if ok {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %q:\n%s", patterns, s)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// keys sends what a keyboard would; an escape is followed by a pause so
// the next key is not read as alt+key.
func (tm *term) keys(ks ...string) {
	tm.t.Helper()
	for _, k := range ks {
		if _, err := io.WriteString(tm.in, k); err != nil {
			tm.t.Fatal(err)
		}
		if strings.HasPrefix(k, "\x1b") {
			time.Sleep(250 * time.Millisecond)
		}
	}
}

// Keys as a terminal sends them.
const (
	keyEsc   = "\x1b"
	keyTab   = "\t"
	keyEnter = "\r"
	keyF2    = "\x1bOQ"
	keyCtrlS = "\x13"
)

// intake types a new application at the intake window and saves it.
func (tm *term) intake(id, name string) {
	tm.t.Helper()
	tm.keys("1")
	tm.waitFor("身份证号")
	tm.keys(id, keyTab, name, keyF2)
	tm.waitFor("选择申请项目")
	tm.keys("mz-01")
	tm.waitFor("1 个项目", "\\[ \\] MZ-01")
	tm.keys(" ")
	tm.waitFor("\\[x\\] MZ-01")
	tm.keys(keyEsc, keyCtrlS)
	tm.waitFor("确认")
	tm.keys("y")
	tm.waitFor("已受理")
}

func validID(first17 string) string { return first17 + string(casefile.IDCheckChar(first17)) }

func TestUnregisteredKeyIsRefused(t *testing.T) {
	h := startHall(t, false)
	h.register("desk1", casefile.RoleFrontDesk)
	_, err := h.dial("desk1", newKey(t)) // the right name, someone else's key
	if err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("an unregistered key got in: %v", err)
	}
	// and the host key was created readable by its owner only
	fi, err := os.Stat(filepath.Join(filepath.Dir(h.db), DefaultHostKeyName))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key: %v, mode %v", err, fi.Mode())
	}
}

func TestHostKeyReadableByOthersIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	if _, _, _, err := loadHostKey(path); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o644)
	if _, _, _, err := loadHostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a world-readable host key was used: %v", err)
	}
}

// A front-desk user sees the home screen under their registered name
// and role, whatever login name the client sent; the meeting is not
// there for them, its keys are answered with a refusal, and the domain
// refuses a vote in their name.
func TestFrontDeskSessionShowsRoleAndNoMeeting(t *testing.T) {
	h := startHall(t, false)
	key := h.register("desk1", casefile.RoleFrontDesk)
	sec := h.open(h.register("sec1", casefile.RoleSecretary), 100, 30)
	sec.waitFor("sec1 \\(研判会秘书\\)", "3  研判会")
	tm := h.open(key, 100, 30)
	s := tm.waitFor("示例县融救助中心", "desk1 \\(前台受理\\)", "今日受理", "1  前台受理", "2  案件")
	if strings.Contains(s, "研判会") || strings.Contains(s, "someone-else") {
		t.Fatalf("front desk screen:\n%s", s)
	}
	tm.keys("3")
	tm.waitFor("无此操作权限（角色：前台受理）")
	tm.keys("m")
	if s := tm.screen(); strings.Contains(s, "研判会") {
		t.Fatalf("the meeting opened for the front desk:\n%s", s)
	}

	// the meeting writes are refused in the domain for the front desk,
	// not for the secretary (whose vote fails only for want of a session)
	m := meeting.New(h.st)
	b := meeting.Ballot{Case: "2026-000001", Member: 1, Choice: meeting.Agree}
	if _, err := m.Vote("YH2026-001", b, "desk1"); !errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("vote by the front desk: %v, want ErrForbidden", err)
	}
	if _, err := m.Vote("YH2026-001", b, "sec1"); err == nil || errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("vote by the secretary: %v, want a refusal other than ErrForbidden", err)
	}
	if sessions, _ := m.Sessions(); len(sessions) != 0 {
		t.Fatal("a meeting record was written")
	}
}

// Two desks at once: what one stores appears on the other's screen
// without a restart, and history records the registered users.
func TestTwoTerminalsSeeEachOthersChanges(t *testing.T) {
	h := startHall(t, false)
	desk := h.open(h.register("desk1", casefile.RoleFrontDesk), 100, 30)
	ver := h.open(h.register("ver1", casefile.RoleVerifier), 100, 30)
	desk.waitFor("今日受理 +0")
	ver.waitFor("今日受理 +0", "待核查 +0")

	// the desk takes an application: the verifier's home counters move
	desk.intake(validID("61060219800101123"), "张三")
	ver.waitFor("今日受理 +1", "待核查 +1")
	var c *casefile.Case
	h.st.View(func(tx *casefile.Tx) error {
		cs, _, err := tx.Cases(casefile.CaseFilter{Limit: 10})
		if len(cs) != 1 {
			return fmt.Errorf("%d cases stored", len(cs))
		}
		c = cs[0]
		return err
	})
	if c.Officer != "desk1" {
		t.Fatalf("case recorded for %q, want the registered desk1", c.Officer)
	}

	// the desk watches the queue; the verifier adds evidence to the case:
	// the desk's queue shows the new status
	desk.keys(keyEsc)
	desk.keys(keyEsc)
	desk.keys("2")
	desk.waitFor(c.Number + ".*张三.*已受理")
	ver.keys("2")
	ver.waitFor(c.Number)
	ver.keys(keyEnter)
	ver.waitFor(c.Number+" +张三", "\\[已受理\\]")
	ver.keys("e")
	ver.waitFor("补充核查材料")
	ver.keys("\x1b[B", "\x1b[B", "王核查", keyCtrlS)
	ver.waitFor("已添加核查材料", "\\[核查中\\]")
	desk.waitFor(c.Number + ".*张三.*核查中")

	var hist []casefile.HistoryEntry
	h.st.View(func(tx *casefile.Tx) (err error) { hist, err = tx.History(c.Seq); return })
	var who []string
	for _, e := range hist {
		who = append(who, e.Who+":"+e.Action)
	}
	if got := strings.Join(who, " "); got != "desk1:intake ver1:evidence" {
		t.Fatalf("history %s", got)
	}
}

// Shutting down (what SIGTERM does) quits every terminal, saves the
// intake being typed as the user's draft, refuses new connections, and
// leaves the database whole for the next open.
func TestShutdownKeepsDraftsAndClosesCleanly(t *testing.T) {
	h := startHall(t, true)
	key := h.register("desk1", casefile.RoleFrontDesk)
	tm := h.open(key, 100, 30)
	tm.waitFor("今日受理")
	tm.intake(validID("61060219800101123"), "张三")
	tm.keys("n") // another applicant
	tm.waitFor("身份证号")
	tm.keys(validID("61060219900202234"), keyTab, "李四未存")
	tm.waitFor("李四未存")

	if err := h.stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	select {
	case <-tm.ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the terminal was not closed")
	}
	if out := tm.output(); !strings.Contains(out, "服务器已关闭；未完成的受理已保存为草稿") {
		t.Fatalf("the terminal was not told why it closed: %q", out[max(0, len(out)-300):])
	}
	if _, err := h.dial("desk1", key); err == nil {
		t.Fatal("a connection was accepted after shutdown")
	}
	if err := h.st.Close(); err != nil {
		t.Fatal(err)
	}

	st := openStore(t, h.db, false) // the file is free again
	defer st.Close()
	draft, err := st.Draft(frontdesk.DraftOwner("desk1", "127.0.0.1")) // kept per user and desk
	if err != nil || !strings.Contains(string(draft), "李四未存") {
		t.Fatalf("draft %q, %v", draft, err)
	}
	st.View(func(tx *casefile.Tx) error {
		if n := tx.Counts().Total; n != 1 {
			t.Fatalf("%d cases after the restart, want 1", n)
		}
		return nil
	})
}

// A write that does not go through a terminal's store (the meeting
// console writes through its own) still reaches the terminals: the bus
// sees the database's transaction id move.
func TestWritesElsewhereReachTheTerminals(t *testing.T) {
	h := startHall(t, false)
	tm := h.open(h.register("ver1", casefile.RoleVerifier), 100, 30)
	tm.waitFor("今日受理 +0")
	g := gen.New(h.st.Catalog(), 5, h.st.Today())
	if _, err := h.st.Intake(g.Draft(0), "local:admin"); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("今日受理 +1")
}

// A client may ask for English with HALL_LANG; without a terminal it is
// told to ask for one.
func TestSessionLanguageAndTerminalNeeded(t *testing.T) {
	h := startHall(t, false)
	key := h.register("ver1", casefile.RoleVerifier)
	cl, err := h.dial("x", key)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	sess, _ := cl.NewSession()
	out, err := sess.CombinedOutput("")
	if err == nil || !strings.Contains(string(out), "hall 需要终端") {
		t.Fatalf("a session without a terminal: %v %q", err, out)
	}

	tm := h.openWith(key, 100, 30, "HALL_LANG=en")
	tm.waitFor("Received today", `ver1 \(verifier\)`)
}
