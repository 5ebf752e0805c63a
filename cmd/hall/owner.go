package main

// One owner, many clients. The process holding the database (hall serve,
// or the local front desk) listens on a unix socket beside the file
// (mode 0600; a peer of another OS user is refused by its credentials).
// Any other hall command that finds the file held sends its arguments
// there; the owner runs the same command in-process on its open store and
// streams back stdout, stderr and the exit code, so the output and the
// code are those of the command run offline.
//
// Wire format, both ways: frames of one kind byte, a big-endian uint32
// length and the payload. The client sends one request frame ('q', JSON);
// the owner answers with 'o' (stdout), 'e' (stderr) frames and one 'x'
// frame holding the exit code.

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
)

// errViaOwner ends a command whose database is held by an owner that
// takes it instead (run forwards it).
var errViaOwner = errors.New("the database is held by an owner: the command goes there")

// Frame kinds.
const (
	frameRequest = 'q'
	frameStdout  = 'o'
	frameStderr  = 'e'
	frameExit    = 'x'
)

// maxFrame bounds one frame's payload.
const maxFrame = 1 << 20

// ownerRequest is what a client asks the owner to run.
type ownerRequest struct {
	Args []string `json:"args"`
	Cwd  string   `json:"cwd"`
}

// ownerSocket is the owner's socket beside the database file.
func ownerSocket(db string) string {
	return filepath.Join(filepath.Dir(db), "."+filepath.Base(db)+".sock")
}

// ownerAnswers reports whether an owner listens on path.
func ownerAnswers(path string) bool {
	if _, err := os.Stat(path); err != nil {
		return false
	}
	c, err := net.DialTimeout("unix", path, time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// ownsFile reports whether a command must hold the file itself: the
// screens (they become the owner), serve, restore.
func ownsFile(path string) bool {
	switch path {
	case "hall", "hall serve", "hall meeting", "hall restore":
		return true
	}
	return false
}

// mayForward reports whether the running command may be sent to an owner.
func (a *app) mayForward() bool {
	return a.owned == nil && a.current != nil && !ownsFile(a.current.CommandPath())
}

// actAs works out who the run acts as on st: the hall user mapped to the
// local login, else the login itself ("local:LOGIN"), which settings may
// refuse (unmapped_local = "none") once logins are mapped.
func (a *app) actAs(st *casefile.Store) error {
	login := a.login
	if login == "" {
		login = strings.TrimPrefix(osWho(), casefile.LocalPrefix)
	}
	var mapped, any bool
	err := st.View(func(t *casefile.Tx) error {
		a.actor, mapped = t.LocalActor(login)
		r, err := t.RoleOf(casefile.LocalPrefix + login)
		any = err == nil && r != casefile.RoleAdmin
		return nil
	})
	if err != nil || mapped || !any {
		return err
	}
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	if cfg.UnmappedLocal == unmappedNone {
		return casefile.ErrForbidden.Withf("本机登录名 %s 没有对应的 hall 用户（hall user add 名字 --local-user %[1]s）",
			"the local login %s is not mapped to a hall user (hall user add NAME --local-user %[1]s)", login)
	}
	return nil
}

// abs resolves a path the user typed against their working directory
// (the client's, when the owner runs the command).
func (a *app) abs(p string) string {
	if p == "" || filepath.IsAbs(p) || a.cwd == "" {
		return p
	}
	return filepath.Join(a.cwd, p)
}

// writeFrame writes one frame.
func writeFrame(w io.Writer, kind byte, payload []byte) error {
	var h [5]byte
	h[0] = kind
	binary.BigEndian.PutUint32(h[1:], uint32(len(payload)))
	if _, err := w.Write(h[:]); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// readFrame reads one frame.
func readFrame(r io.Reader) (byte, []byte, error) {
	var h [5]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(h[1:])
	if n > maxFrame {
		return 0, nil, fmt.Errorf("frame of %d bytes", n)
	}
	b := make([]byte, n)
	_, err := io.ReadFull(r, b)
	return h[0], b, err
}

// forward sends args to the owner and copies its output; it returns the
// owner's exit code.
func (a *app) forward(args []string, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "hall: %s\n", casefile.Message(casefile.ErrDatabaseLocked.Withf("%s：%v", "%s: %v", a.dbPath, err), a.lang))
		return exitLocked
	}
	c, err := net.Dial("unix", ownerSocket(a.dbPath))
	if err != nil {
		return fail(err)
	}
	defer c.Close()
	cwd, _ := os.Getwd()
	// the language the user chose by environment travels as a flag
	if l := os.Getenv("HALL_LANG"); l != "" && preLang(args, "") == casefile.ZH && !hasFlag(args, "--lang") {
		args = append([]string{"--lang", l}, args...)
	}
	req, _ := json.Marshal(ownerRequest{Args: args, Cwd: cwd})
	if err := writeFrame(c, frameRequest, req); err != nil {
		return fail(err)
	}
	r := bufio.NewReader(c)
	for {
		kind, b, err := readFrame(r)
		if err != nil {
			return fail(fmt.Errorf("the owner went away: %w", err))
		}
		switch kind {
		case frameStdout:
			stdout.Write(b)
		case frameStderr:
			stderr.Write(b)
		case frameExit:
			code, err := strconv.Atoi(string(b))
			if err != nil {
				return fail(err)
			}
			return code
		}
	}
}

// hasFlag reports whether args name flag (as --flag or --flag=…).
func hasFlag(args []string, flag string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == flag || strings.HasPrefix(a, flag+"=") {
			return true
		}
	}
	return false
}

// owner serves clients' commands on an open store.
type owner struct {
	a    *app
	st   *casefile.Store
	ln   net.Listener
	path string
	wg   sync.WaitGroup
}

// startOwnerOrNote is startOwner that, when the socket cannot be made
// (a folder it may not write), notes why on w and goes on without it:
// other commands then find the file in use, as before.
func (a *app) startOwnerOrNote(st *casefile.Store, w io.Writer) (stop func()) {
	stop, err := a.startOwner(st)
	if err != nil {
		fmt.Fprintf(w, a.t("hall：无法在数据库旁建立供其他 hall 命令使用的套接字（%v）；运行期间其他命令将提示数据库正被使用\n",
			"hall: cannot make the socket other hall commands use beside the database (%v); while this runs they will find the database in use\n"), err)
		return func() {}
	}
	return stop
}

// startOwner makes this process the owner of st's file: it listens on the
// socket beside the database until stop is called.
func (a *app) startOwner(st *casefile.Store) (stop func(), err error) {
	path := ownerSocket(a.dbPath)
	_ = os.Remove(path) // a socket left by a process that died: we hold the file now
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	o := &owner{a: a, st: st, ln: ln, path: path}
	o.wg.Add(1)
	go o.accept()
	var once sync.Once
	return func() {
		once.Do(func() {
			ln.Close()
			o.wg.Wait()
			os.Remove(path)
		})
	}, nil
}

func (o *owner) accept() {
	defer o.wg.Done()
	for {
		c, err := o.ln.Accept()
		if err != nil {
			return
		}
		o.wg.Add(1)
		go func() {
			defer o.wg.Done()
			defer c.Close()
			o.serve(c)
		}()
	}
}

// frameWriter writes what it is given as frames of one kind.
type frameWriter struct {
	mu   *sync.Mutex
	w    io.Writer
	kind byte
}

func (f frameWriter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for rest := p; len(rest) > 0; {
		n := min(len(rest), maxFrame)
		if err := writeFrame(f.w, f.kind, rest[:n]); err != nil {
			return 0, err
		}
		rest = rest[n:]
	}
	return len(p), nil
}

// serve runs one client's command.
func (o *owner) serve(c net.Conn) {
	var mu sync.Mutex
	stdout := frameWriter{&mu, c, frameStdout}
	stderr := frameWriter{&mu, c, frameStderr}
	exit := func(code int) {
		mu.Lock()
		defer mu.Unlock()
		writeFrame(c, frameExit, []byte(strconv.Itoa(code)))
	}
	login, err := peerLogin(c)
	if err != nil {
		fmt.Fprintf(stderr, "hall: %s\n", o.a.t("拒绝："+err.Error(), "refused: "+err.Error()))
		exit(exitFailed)
		return
	}
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	kind, b, err := readFrame(c)
	var req ownerRequest
	if err == nil && kind == frameRequest {
		err = json.Unmarshal(b, &req)
	}
	if err != nil || kind != frameRequest {
		exit(exitUsage)
		return
	}
	c.SetReadDeadline(time.Time{})
	// the owner's database and settings: the client's --db named the same file
	a := &app{stdin: strings.NewReader(""), stderr: stderr, lang: preLang(req.Args, ""),
		owned: o.st, login: login, cwd: req.Cwd, dbPath: o.a.dbPath, configFile: o.a.configFile}
	if err := a.actAs(o.st); err != nil {
		fmt.Fprintf(stderr, "hall: %s\n", casefile.Message(err, a.lang))
		exit(exitCode(runError{err}))
		return
	}
	code, _ := a.execute(req.Args, stdout, stderr)
	exit(code)
}

// peerLogin is the OS login of the process at the other end of c; a
// process of another OS user than the owner's is refused.
func peerLogin(c net.Conn) (string, error) {
	uid, err := peerUID(c)
	if err != nil {
		return "", err
	}
	if uid != os.Getuid() {
		return "", fmt.Errorf("uid %d is not the owner's (%d)", uid, os.Getuid())
	}
	u, err := user.LookupId(strconv.Itoa(uid))
	if err != nil || u.Username == "" {
		return strconv.Itoa(uid), nil
	}
	return u.Username, nil
}
