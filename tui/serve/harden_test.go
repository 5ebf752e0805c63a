package serve

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/rongjiuzhu/hall/casefile"
)

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// closedSoon reports whether the server closed c within d: it reads
// (the server's version line first) until EOF or the deadline.
func closedSoon(c net.Conn, d time.Duration) bool {
	c.SetReadDeadline(time.Now().Add(d))
	buf := make([]byte, 256)
	for {
		if _, err := c.Read(buf); err != nil {
			var ne net.Error
			return !(errors.As(err, &ne) && ne.Timeout())
		}
	}
}

// TestIdleSocketFloodDoesNotLockDesksOut: 300 TCP connections that never
// start the handshake do not keep a desk from logging in; those over the
// per-source cap are closed at once, the rest when the handshake time is
// up. Before the caps and the timeout they were held forever.
//
// Nothing is timed against the clock but the handshake timeout: the desk
// gets in before any socket of the flood has timed out (the server logs
// each timeout), by the cap closing one more of the flood (the server
// logs each of those too); the timeout's 6 s leaves a loaded machine time
// to accept the desk's connection.
func TestIdleSocketFloodDoesNotLockDesksOut(t *testing.T) {
	const handshake = 6 * time.Second
	log := &syncBuffer{}
	h := startHall(t, false, func(c *Config) {
		c.HandshakeTimeout = handshake
		c.MaxUnauthPerHost, c.MaxUnauth = 16, 64
		c.Log = slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	key := h.register("desk1", casefile.RoleFrontDesk)
	var idle []net.Conn
	for range 300 {
		c, err := net.Dial("tcp", h.addr)
		if err != nil {
			t.Fatalf("after %d idle sockets: %v", len(idle), err)
		}
		idle = append(idle, c)
	}
	t.Cleanup(func() {
		for _, c := range idle {
			c.Close()
		}
	})
	// The server has taken them all in once it has closed the 284 over
	// the cap (it admits them concurrently, in no set order, and lags
	// the dials under load).
	const overCap = "too many waiting"
	for deadline := time.Now().Add(handshake); strings.Count(log.String(), overCap) < 300-16; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of the flood's sockets closed over the cap, want %d", strings.Count(log.String(), overCap), 300-16)
		}
	}
	tm := h.open(key, 100, 30)
	tm.waitFor("今日受理")
	// in before any of the flood timed out, by closing one more over the cap
	if strings.Contains(log.String(), "i/o timeout") {
		t.Errorf("the flood's sockets timed out before the desk got in: the cap made no room")
	}
	if n := strings.Count(log.String(), overCap); n != 300-16+1 {
		t.Errorf("%d connections closed over the cap, want %d (the flood's %d and one for the desk)", n, 300-16+1, 300-16)
	}
	if !closedSoon(idle[0], time.Second) {
		t.Error("the oldest idle socket is still open beside the desk's login")
	}
	// the handshake time is up for all of them
	deadline := time.Now().Add(handshake + 10*time.Second)
	open := 0
	for _, c := range idle {
		if !closedSoon(c, max(time.Until(deadline), 50*time.Millisecond)) {
			open++
		}
	}
	if open > 0 {
		t.Errorf("%d of %d idle sockets still open after the handshake timeout", open, len(idle))
	}
	if n := h.srv.unauth.Waiting(); n != 0 {
		t.Errorf("%d connections still counted as waiting", n)
	}
	// the desk is still there
	tm.keys("2")
	tm.waitFor("案件")
	if !strings.Contains(log.String(), "connected") || !strings.Contains(log.String(), "desk1") {
		t.Errorf("the log lacks the login:\n%s", log)
	}
}

// authorizedLine is the authorized_keys line of k with options.
func authorizedLine(k gossh.PublicKey, opts string) []byte {
	line := gossh.MarshalAuthorizedKey(k)
	if opts != "" {
		line = append([]byte(opts+" "), line...)
	}
	return line
}

func TestAuthorizedKeysChecks(t *testing.T) {
	ed := newKey(t).PublicKey()
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecPub, _ := gossh.NewPublicKey(&ec.PublicKey)
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	smallPub, _ := gossh.NewPublicKey(&small.PublicKey)
	big, _ := rsa.GenerateKey(rand.Reader, 2048)
	bigPub, _ := gossh.NewPublicKey(&big.PublicKey)

	for _, ok := range [][]byte{authorizedLine(ed, ""), authorizedLine(ecPub, ""), authorizedLine(bigPub, ""),
		authorizedLine(ed, `from="10.1.2.0/24,!10.1.2.9",no-agent-forwarding`)} {
		if _, _, err := ParseAuthorizedKeys(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for line, why := range map[string]string{
		string(authorizedLine(smallPub, "")):                        "1024 位 RSA",
		string(authorizedLine(ed, `command="/bin/sh"`)):             "command",
		string(authorizedLine(ed, `from="*.example.org"`)):          "不是地址",
		string(authorizedLine(ed, `environment="HALL_LANG=en"`)):    "environment",
		string(authorizedLine(ed, `permitopen="10.0.0.1:22"`)):      "permitopen",
		string(authorizedLine(ed, `from="10.0.0.0/8",command="x"`)): "command",
	} {
		_, _, err := ParseAuthorizedKeys([]byte(line))
		if err == nil || !strings.Contains(casefile.Message(err, casefile.ZH), why) {
			t.Errorf("%s: %v, want refused naming %q", line, err, why)
		}
	}
	lines, _, _ := ParseAuthorizedKeys(authorizedLine(ed, `from="10.1.2.0/24,!10.1.2.9"`))
	for addr, want := range map[string]bool{"10.1.2.3": true, "10.1.2.9": false, "10.1.3.1": false, "127.0.0.1": false} {
		err := keyAdmits(lines[0], ed, &net.TCPAddr{IP: net.ParseIP(addr), Port: 50000})
		if (err == nil) != want {
			t.Errorf("from %s: %v, want admitted %v", addr, err, want)
		}
	}
	// wildcards as sshd writes them
	if !fromAllows("10.1.*", net.ParseIP("10.1.9.9")) || fromAllows("10.1.?.1", net.ParseIP("10.1.22.1")) {
		t.Error("wildcards do not match as in sshd")
	}
}

// TestFromIsHonouredAtLogin: a registered key with from= gets in from
// where it allows and nowhere else; a key kept from before the size rule
// is refused at login.
func TestFromIsHonouredAtLogin(t *testing.T) {
	log := &syncBuffer{}
	h := startHall(t, false, func(c *Config) { c.Log = slog.New(slog.NewTextHandler(log, nil)) })
	reg := func(name, opts string) gossh.Signer {
		k := newKey(t)
		lines, fps, err := ParseAuthorizedKeys(authorizedLine(k.PublicKey(), opts))
		if err != nil {
			t.Fatal(err)
		}
		if err := h.st.AddUser(casefile.User{Name: name, Role: casefile.RoleFrontDesk, Keys: lines, Fingerprints: fps}, "local:admin"); err != nil {
			t.Fatal(err)
		}
		return k
	}
	away := reg("away", `from="10.0.0.0/8"`)
	home := reg("home", `from="127.0.0.1"`)
	if _, err := h.dial("x", away); err == nil {
		t.Error("a key for 10.0.0.0/8 got in from 127.0.0.1")
	}
	cl, err := h.dial("x", home)
	if err != nil {
		t.Fatalf("a key for 127.0.0.1 was refused: %v", err)
	}
	cl.Close()
	if !strings.Contains(log.String(), "outside the key's from=") {
		t.Errorf("the refusal is not logged with its reason:\n%s", log)
	}
}

// TestAgentForwardingRefused: a session that asks for agent forwarding
// is closed with the reason.
func TestAgentForwardingRefused(t *testing.T) {
	h := startHall(t, false)
	key := h.register("desk1", casefile.RoleFrontDesk)
	cl, err := h.dial("x", key)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if err := agent.ForwardToAgent(cl, agent.NewKeyring()); err != nil {
		t.Fatal(err)
	}
	sess, _ := cl.NewSession()
	if err := agent.RequestAgentForwarding(sess); err != nil {
		t.Fatal(err)
	}
	sess.RequestPty("xterm", 30, 100, gossh.TerminalModes{})
	out := &syncBuffer{}
	sess.Stdout = out
	sess.Stderr = out
	sess.Shell()
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the session with agent forwarding was not closed")
	}
	if !strings.Contains(out.String(), "代理转发") {
		t.Errorf("not told why: %q", out.String())
	}
}

// TestLogHasNoIDNumbers: the server log of a desk's session that took an
// intake names the user and never the applicant's number.
func TestLogHasNoIDNumbers(t *testing.T) {
	log := &syncBuffer{}
	h := startHall(t, false, func(c *Config) {
		c.Log = slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	key := h.register("desk1", casefile.RoleFrontDesk)
	tm := h.open(key, 100, 30)
	tm.waitFor("今日受理")
	id := validID("61060219800101123")
	tm.intake(id, "王秀英")
	tm.cl.Close()
	time.Sleep(300 * time.Millisecond)
	h.stop()
	l := log.String()
	for _, bad := range []string{id, id[6:14], "王秀英"} {
		if strings.Contains(l, bad) {
			t.Errorf("the log holds %q:\n%s", bad, l)
		}
	}
	for _, want := range []string{"connected", "disconnected"} {
		if !strings.Contains(l, want) {
			t.Errorf("the log lacks %q:\n%s", want, l)
		}
	}
}
