package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/crypto/ssh"

	"github.com/rongjiuzhu/hall/casefile"
)

// lockedBuffer is written by the command while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitText polls read until it matches re.
func waitText(t *testing.T, what string, read func() string, re string) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := regexp.MustCompile(re).FindStringSubmatch(read()); m != nil {
			return m
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s never showed %q:\n%s", what, re, read())
	return nil
}

// `hall serve` on a loopback port: a registered key gets the front desk,
// SIGTERM stops it, the terminal is closed, the database is free again.
func TestServeCommandAndSIGTERM(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "desk.pub")
	os.WriteFile(keyFile, ssh.MarshalAuthorizedKey(signer.PublicKey()), 0o644)
	mustHall(t, "--db", db, "user", "add", "desk1", "--role", "frontdesk", "--key", keyFile)

	var out, errb lockedBuffer
	code := make(chan int, 1)
	go func() {
		code <- run([]string{"--db", db, "serve", "--listen", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb)
	}()
	addr := waitText(t, "hall serve", out.String, `serving .* on (127\.0\.0\.1:\d+) \(host key (SHA256:\S+)\)|正在 (127\.0\.0\.1:\d+) 上服务`)
	a := addr[1] + addr[3]

	hostKey := filepath.Join(dir, "hall_host_ed25519")
	if fi, err := os.Stat(hostKey); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key beside the database: %v", err)
	}
	cl, err := ssh.Dial("tcp", a, &ssh.ClientConfig{User: "root", Auth: []ssh.AuthMethod{ssh.PublicKeys(signer)},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
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
	stripped := func() string { return ansi.Strip(screen.String()) }
	waitText(t, "the terminal", stripped, `示例县融救助中心[\s\S]*desk1 \(前台受理\)`)

	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("hall serve exit %d: %s", c, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("hall serve did not stop on SIGTERM")
	}
	if err := sess.Wait(); err != nil && !strings.Contains(err.Error(), "exit") {
		t.Logf("session ended: %v", err)
	}
	waitText(t, "the terminal", stripped, `服务器已关闭`)
	if !strings.Contains(out.String(), "stopped; the database is closed") && !strings.Contains(out.String(), "数据库已关闭") {
		t.Fatalf("output %q", out.String())
	}
	for _, want := range []string{"connected", "user=desk1", "shutting down", "disconnected"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, errb.String())
		}
	}
	cat, _ := casefile.DefaultCatalog()
	st, err := casefile.Open(db, cat, casefile.Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("the database was left held: %v", err)
	}
	st.Close()
}

// The default address is this machine only.
func TestServeListensOnLoopbackByDefault(t *testing.T) {
	cmd := (&app{}).newServeCommand()
	if got := cmd.Flags().Lookup("listen").DefValue; got != "127.0.0.1:2323" {
		t.Fatalf("default --listen %q", got)
	}
}
