package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/crypto/ssh"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
)

// keyFileIn writes a new ed25519 public key to dir/name and returns the
// file and the signer.
func keyFileIn(t *testing.T, dir, name string) (string, ssh.Signer) {
	t.Helper()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, name)
	os.WriteFile(f, ssh.MarshalAuthorizedKey(signer.PublicKey()), 0o644)
	return f, signer
}

// volatile drops what differs between two runs of one command: times,
// the size of a backup (the file's pages depend on when entries were
// caught up).
var volatile = regexp.MustCompile(`\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?(\.\d+)?([+-]\d\d:\d\d|Z)?|[(（]\d+ (bytes|字节)[)）]`)

// TestAdminCommandsWhileServing: with hall serve holding the database,
// backup, check, audit verify, user add/list/remove, cases, case show,
// dedup, import, print and session commands run through the owner and
// give what they give offline (the same output, the same exit code);
// removing a user closes their open terminal within a second. Before the
// owner, each of them exited 3 ("database is in use").
func TestAdminCommandsWhileServing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	mustHall(t, "demo", "--db", db)
	deskKey, deskSigner := keyFileIn(t, dir, "desk.pub")
	mustHall(t, "--db", db, "user", "add", "desk1", "--role", "frontdesk", "--key", deskKey)
	newKey, _ := keyFileIn(t, dir, "new.pub")
	csv := filepath.Join(dir, "apps.csv")
	os.WriteFile(csv, []byte("身份证号,姓名,项目,受理日期\n"+validID("19800101", 123)+",王秀英,MZ-01,2026-11-02\n"), 0o644)

	var numbers []string
	for _, m := range regexp.MustCompile(`"number": "(\d{4}-\d{6})"`).FindAllStringSubmatch(mustHall(t, "--db", db, "cases", "--json"), 3) {
		numbers = append(numbers, m[1])
	}
	sessions := regexp.MustCompile(`"number": "([^"]+)"`).FindAllStringSubmatch(mustHall(t, "--db", db, "session", "list", "--json"), 1)
	if len(numbers) < 3 || len(sessions) < 1 {
		t.Fatalf("demo: cases %v sessions %v", numbers, sessions)
	}
	// each command, in order; the writes change what later ones see, so
	// offline and served runs start from copies of the same file
	commands := [][]string{
		{"check"},
		{"audit", "verify"},
		{"user", "list"},
		{"cases"},
		{"cases", "--json"},
		{"case", "show", numbers[0]},
		{"case", "show", numbers[1], "--json"},
		{"dedup", "--json"},
		{"session", "list"},
		{"session", "show", sessions[0][1], "--json"},
		{"user", "add", "clerk2", "--role", "verifier", "--key", "new.pub"},
		{"user", "add", "clerk2", "--role", "verifier", "--key", "new.pub"}, // exists: exit 1
		{"user", "list"},
		{"import", "apps.csv"},
		{"cases", "--search", "王秀英"},
		{"case", "show", "no-such-case"}, // exit 1
		{"print", "receipt", numbers[2], "--out", "out"},
		{"backup", "copy.db"},
		{"user", "remove", "clerk2"},
		{"bogus"}, // usage: exit 2, never reaches the owner
	}
	offline := filepath.Join(dir, "offline")
	os.Mkdir(offline, 0o700)
	casefiletest.CopyFile(t, db, filepath.Join(offline, "hall.db"))
	casefiletest.CopyFile(t, deskKey, filepath.Join(offline, "desk.pub"))
	casefiletest.CopyFile(t, newKey, filepath.Join(offline, "new.pub"))
	casefiletest.CopyFile(t, csv, filepath.Join(offline, "apps.csv"))
	served := filepath.Join(dir, "served")
	os.Mkdir(served, 0o700)
	for _, f := range []string{"hall.db", "new.pub", "apps.csv"} {
		casefiletest.CopyFile(t, filepath.Join(offline, f), filepath.Join(served, f))
	}
	type result struct {
		out, err string
		code     int
	}
	runIn := func(wd string, args []string) result {
		t.Helper()
		old, _ := os.Getwd()
		if err := os.Chdir(wd); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(old)
		out, errs, code := hall(t, append([]string{"--db", "hall.db"}, args...)...)
		norm := func(s string) string { return strings.ReplaceAll(volatile.ReplaceAllString(s, "T"), wd, "DIR") }
		return result{norm(out), norm(errs), code}
	}
	var want []result
	for _, args := range commands {
		want = append(want, runIn(offline, args))
	}

	// serve the other copy
	var out, errb lockedBuffer
	code := make(chan int, 1)
	go func() {
		code <- run([]string{"--db", filepath.Join(served, "hall.db"), "serve", "--listen", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb)
	}()
	addr := waitText(t, "hall serve", out.String, `正在 (127\.0\.0\.1:\d+) 上服务`)[1]
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		select {
		case c := <-code:
			if c != 0 {
				t.Errorf("hall serve exit %d: %s", c, errb.String())
			}
		case <-time.After(15 * time.Second):
			t.Fatal("hall serve did not stop")
		}
	}
	defer stop()
	sock := ownerSocket(filepath.Join(served, "hall.db"))
	if fi, err := os.Stat(sock); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("owner socket: %v %v, want mode 0600", fi, err)
	}

	// a desk logged in; clerk2 too, once added
	deskScreen := openTerminal(t, addr, deskSigner)
	waitText(t, "desk1's terminal", deskScreen, `desk1 \(前台受理\)`)

	for i, args := range commands {
		got := runIn(served, args)
		if got != want[i] {
			t.Errorf("hall %s while served:\n got exit %d\n%s\n%s\nwant exit %d (offline)\n%s\n%s", strings.Join(args, " "),
				got.code, got.out, got.err, want[i].code, want[i].out, want[i].err)
		}
	}
	if _, err := os.Stat(filepath.Join(served, "copy.db")); err != nil {
		t.Errorf("the backup was not written beside the client: %v", err)
	}

	// removing a user ends their open terminal within a second of the
	// removal (timed from its command's end, not its process's start)
	mustHall(t, "--db", filepath.Join(served, "hall.db"), "user", "remove", "desk1")
	start := time.Now()
	waitText(t, "desk1's terminal", deskScreen, `账号或公钥已被管理员删除`)
	if d := time.Since(start); d > time.Second {
		t.Errorf("the removed user's terminal closed after %s", d)
	}
	stop()
	// the copy is a sound database
	mustHall(t, "--db", filepath.Join(served, "copy.db"), "check")
}

// openTerminal logs in to addr with key and returns the screen's text.
func openTerminal(t *testing.T, addr string, key ssh.Signer) func() string {
	t.Helper()
	cl, err := ssh.Dial("tcp", addr, &ssh.ClientConfig{User: "x", Auth: []ssh.AuthMethod{ssh.PublicKeys(key)},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cl.Close() })
	sess, err := cl.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	sess.RequestPty("xterm-256color", 30, 100, ssh.TerminalModes{})
	var screen lockedBuffer
	sess.Stdout = &screen
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return func() string { return ansi.Strip(screen.String()) }
}

// TestOwnerRefusesAnotherOSUser: a peer whose uid is not the owner's is
// refused by its kernel credentials, even where the socket's mode would
// let it connect.
func TestOwnerRefusesAnotherOSUser(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to connect as another user")
	}
	db := tempDB(t)
	mustHall(t, "cases", "--db", db)
	cat, _ := casefile.DefaultCatalog()
	st, err := casefile.Open(db, cat, casefile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := &app{dbPath: db}
	stop, err := a.startOwner(st)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	sock := ownerSocket(db)
	os.Chmod(filepath.Dir(sock), 0o755)
	os.Chmod(filepath.Dir(filepath.Dir(sock)), 0o755)
	os.Chmod(sock, 0o666) // as a careless admin might
	// connect as nobody: a thread with another uid (setresuid is per
	// thread under Linux's raw syscall)
	res := make(chan string, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with the goroutine
		if _, _, e := syscall.RawSyscall(syscall.SYS_SETRESUID, 65534, 65534, 0); e != 0 {
			res <- "setresuid: " + e.Error()
			return
		}
		c, err := net.Dial("unix", sock)
		if err != nil {
			res <- "dial: " + err.Error()
			return
		}
		defer c.Close()
		writeFrame(c, frameRequest, []byte(`{"args":["user","list"]}`))
		b, _ := io.ReadAll(c)
		res <- string(b)
	}()
	got := <-res
	if !strings.Contains(got, "refused") && !strings.Contains(got, "拒绝") {
		t.Errorf("another OS user got: %q", got)
	}
	if strings.Contains(got, "desk") || strings.Contains(got, "没有登记的用户") {
		t.Errorf("another OS user was answered: %q", got)
	}
}

// TestLocalLoginsMapToUsers: before any login is mapped the local user is
// the administrator; a login mapped with --local-user acts as its hall
// user (the history names them); once any login is mapped an unmapped one
// may only read, or nothing with unmapped_local = "none".
func TestLocalLoginsMapToUsers(t *testing.T) {
	db := tempDB(t)
	mustHall(t, "demo", "--db", db)
	me := strings.TrimPrefix(osWho(), casefile.LocalPrefix)
	// someone else's login mapped: mine is unmapped now
	mustHall(t, "--db", db, "user", "add", "zhang", "--role", "frontdesk", "--local-user", "zhang-login")
	if _, errs, code := hall(t, "--db", db, "user", "add", "x", "--role", "admin", "--local-user", "x-login"); code == 0 {
		t.Fatal("an unmapped login still administers the hall")
	} else if !strings.Contains(errs, "无此操作权限") {
		t.Errorf("refusal: %q", errs)
	}
	mustHall(t, "--db", db, "cases") // reading is allowed
	os.WriteFile(filepath.Join(filepath.Dir(db), "hall.toml"), []byte(`unmapped_local = "none"`+"\n"), 0o600)
	if _, errs, code := hall(t, "--db", db, "cases"); code == 0 || !strings.Contains(errs, me) {
		t.Errorf("unmapped_local = none: exit %d %q", code, errs)
	}
	os.Remove(filepath.Join(filepath.Dir(db), "hall.toml"))

	// the bootstrap: a fresh hall maps its administrator to my login
	db2 := tempDB(t)
	mustHall(t, "--db", db2, "demo")
	mustHall(t, "--db", db2, "user", "add", "boss", "--role", "admin", "--local-user", me)
	number := regexp.MustCompile(`\d{4}-\d{6}`).FindString(mustHall(t, "--db", db2, "cases", "--status", "received"))
	mustHall(t, "--db", db2, "case", "withdraw", number, "--reason", "applicant moved away")
	if h := mustHall(t, "--db", db2, "case", "show", number); !strings.Contains(h, "boss") {
		t.Errorf("the history does not name the mapped user boss:\n%s", h)
	}
}
