package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// DefaultAddr is where hall serve listens unless told otherwise: this
// machine only. Serving the hall's network takes an explicit address.
const DefaultAddr = "127.0.0.1:2323"

// Config tunes a Server.
type Config struct {
	// HostKey is the server's private key file, created (ed25519, mode
	// 0600) when absent.
	HostKey string
	// Lang is the language of the screens; a client may ask for another
	// with the HALL_LANG environment variable (ssh -o SetEnv=HALL_LANG=en).
	Lang casefile.Lang
	// Options are given to every connection's front desk, e.g.
	// frontdesk.WithMeeting; the role and user come from the connection.
	Options []frontdesk.Option
	// Log receives one line per connection, refusal and shutdown (nil:
	// discarded).
	Log *slog.Logger
	// Grace is how long a shutdown waits for the terminals to save their
	// drafts and quit before it drops them (default 10 s).
	Grace time.Duration
	// WatchEvery is how often the change bus looks for writes made
	// outside the front desk's store (default 250 ms).
	WatchEvery time.Duration
	// HandshakeTimeout is how long a client has to complete the SSH
	// handshake and log in (default DefaultHandshakeTimeout, at most 30 s).
	HandshakeTimeout time.Duration
	// IdleTimeout drops a connection with no traffic for this long
	// (default DefaultIdleTimeout); its draft is saved as on any leave.
	IdleTimeout time.Duration
	// MaxUnauthPerHost and MaxUnauth cap the connections that have not
	// logged in, per source address and in total; over a cap the oldest
	// waiting one is closed (defaults DefaultMaxUnauthPerHost,
	// DefaultMaxUnauth).
	MaxUnauthPerHost, MaxUnauth int
}

// Server serves the front desk over SSH on one shared store.
type Server struct {
	st  *casefile.Store
	cfg Config
	log *slog.Logger
	srv *ssh.Server
	bus *Bus
	// signer is the host key
	signer gossh.Signer

	unauth *unauthConns // connections not logged in yet, capped

	// storeFor, when set, wraps each terminal's store (tests time saves).
	storeFor func(user string, s frontdesk.Store) frontdesk.Store

	mu      sync.Mutex
	conns   map[*conn]struct{}
	closing bool
	running sync.WaitGroup // session handlers, until their drafts are saved
}

// conn is one terminal: the registered user and their program.
type conn struct {
	user *casefile.User
	lang casefile.Lang
	desk string // where the terminal is (HALL_DESK or the client's address): drafts are kept per desk
	fp   string // the fingerprint of the key the user logged in with
	// removed is set when the user or their key was removed while
	// connected: the terminal is closed with a message.
	removed bool
	sub     *Sub
	store   frontdesk.Store
	fd      *frontdesk.FrontDesk
	prog    *tea.Program
	since   time.Time
}

// New builds a server over st (which the caller opened and closes after
// Serve has returned). The host key is read, or created when absent.
func New(st *casefile.Store, cfg Config) (*Server, error) {
	if cfg.Grace == 0 {
		cfg.Grace = 10 * time.Second
	}
	if cfg.WatchEvery == 0 {
		cfg.WatchEvery = 250 * time.Millisecond
	}
	if cfg.HandshakeTimeout <= 0 || cfg.HandshakeTimeout > 30*time.Second {
		cfg.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxUnauthPerHost <= 0 {
		cfg.MaxUnauthPerHost = DefaultMaxUnauthPerHost
	}
	if cfg.MaxUnauth <= 0 {
		cfg.MaxUnauth = DefaultMaxUnauth
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pemBytes, signer, created, err := loadHostKey(cfg.HostKey)
	if err != nil {
		return nil, err
	}
	s := &Server{st: st, cfg: cfg, log: log, bus: NewBus(), signer: signer, conns: map[*conn]struct{}{}}
	s.unauth = newUnauthConns(cfg.MaxUnauthPerHost, cfg.MaxUnauth, log.Debug)
	if created {
		log.Info("host key created", "file", cfg.HostKey, "fingerprint", s.HostKeyFingerprint())
	}
	s.srv, err = wish.NewServer(append([]ssh.Option{
		wish.WithHostKeyPEM(pemBytes),
		wish.WithPublicKeyAuth(s.authorize),
		wish.WithMiddleware(recover.MiddlewareWithLogger(slog.NewLogLogger(log.Handler(), slog.LevelError),
			bubbletea.MiddlewareWithProgramHandler(s.program),
			s.session,
		)),
	}, s.limits()...)...)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// HostKeyFingerprint is the SHA256 fingerprint of the server's host key,
// for users to compare with what their ssh client shows.
func (s *Server) HostKeyFingerprint() string { return gossh.FingerprintSHA256(s.signer.PublicKey()) }

// authorize lets in the keys of registered users only, from where their
// from= allows, while they are strong enough; the connection then no
// longer counts as waiting to log in.
func (s *Server) authorize(ctx ssh.Context, key ssh.PublicKey) bool {
	fp := gossh.FingerprintSHA256(key)
	u, err := s.st.UserByFingerprint(fp)
	if err != nil {
		s.log.Info("key refused", "fingerprint", fp, "remote", ctx.RemoteAddr().String(), "why", "not registered")
		return false
	}
	if err := keyAdmits(lineOf(u, fp), key, ctx.RemoteAddr()); err != nil {
		s.log.Info("key refused", "user", u.Name, "fingerprint", fp, "remote", ctx.RemoteAddr().String(), "why", casefile.Message(err, casefile.EN))
		return false
	}
	s.unauth.loggedIn(ctx)
	return true
}

// Serve accepts connections on ln until ctx is done, then shuts down:
// it stops accepting, tells every terminal to quit (each saves its
// intake draft), waits for them up to Config.Grace and closes the rest.
// The store is left open for the caller to close.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	watch, stopWatch := context.WithCancel(context.Background())
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		go s.watchUsers(watch)
		s.bus.Watch(watch, s.st, s.cfg.WatchEvery)
	}()
	defer func() {
		stopWatch()
		<-watching // the caller closes the store next
	}()

	served := make(chan error, 1)
	go func() { served <- s.srv.Serve(ln) }()
	var err error
	select {
	case err = <-served: // the listener failed
		served = nil
	case <-ctx.Done():
	}
	_ = ln.Close() // no new connections
	if shut := s.shutdown(); err == nil {
		err = shut
	}
	if served != nil {
		if e := <-served; err == nil && !s.stopped(e) {
			err = e
		}
	}
	return err
}

// stopped reports whether err is the listener closing on shutdown.
func (s *Server) stopped(err error) bool {
	return err == nil || errors.Is(err, ssh.ErrServerClosed) || errors.Is(err, net.ErrClosed)
}

// shutdown quits every program, waits for the session handlers to save
// the drafts, then drops the connections.
func (s *Server) shutdown() error {
	s.mu.Lock()
	s.closing = true
	n := len(s.conns)
	for c := range s.conns {
		if c.prog != nil {
			go c.prog.Quit()
		}
	}
	s.mu.Unlock()
	s.log.Info("shutting down", "terminals", n)
	done := make(chan struct{})
	go func() {
		s.running.Wait()
		close(done)
	}()
	var err error
	select {
	case <-done:
	case <-time.After(s.cfg.Grace):
		err = fmt.Errorf("serve: terminals still open after %s", s.cfg.Grace)
	}
	if e := s.srv.Close(); err == nil && e != nil && !s.stopped(e) {
		err = e
	}
	return err
}

// session admits a connection: the user its key belongs to, a terminal,
// a server that is not closing. After the program it saves the intake
// draft and takes the terminal off the bus.
func (s *Server) session(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		lang := sessionLang(sess, s.cfg.Lang)
		u, err := s.st.UserByFingerprint(gossh.FingerprintSHA256(sess.PublicKey()))
		if err != nil {
			wish.Fatalln(sess, casefile.Message(err, lang))
			return
		}
		if ssh.AgentRequested(sess) {
			s.log.Info("session refused", "user", u.Name, "remote", sess.RemoteAddr().String(), "why", "agent forwarding asked")
			wish.Fatalln(sess, casefile.T("hall 不接受代理转发（agent forwarding）：请用 ssh -a 连接", "hall refuses agent forwarding: connect with ssh -a").In(lang))
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			wish.Fatalln(sess, casefile.T("hall 需要终端：请用 ssh -t 连接", "hall needs a terminal: connect with ssh -t").In(lang))
			return
		}
		c := &conn{user: u, lang: lang, desk: sessionDesk(sess), fp: gossh.FingerprintSHA256(sess.PublicKey()), since: time.Now()}
		if !s.join(c) {
			wish.Fatalln(sess, casefile.T("服务器正在关闭，请稍后再连接", "the server is shutting down; connect again later").In(lang))
			return
		}
		defer s.leave(sess, c)
		s.log.Info("connected", "user", u.Name, "role", string(u.Role), "remote", sess.RemoteAddr().String())
		sess.Context().SetValue(connKey{}, c)
		next(sess)
	}
}

type connKey struct{}

// join registers a terminal unless the server is closing.
func (s *Server) join(c *conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	c.sub = s.bus.Join()
	c.store = frontdesk.NewNotifyingStore(s.st, c.sub.Publish)
	if s.storeFor != nil {
		c.store = s.storeFor(c.user.Name, c.store)
	}
	s.conns[c] = struct{}{}
	s.running.Add(1)
	return true
}

// leave runs when the terminal's program has ended: the draft is saved,
// the terminal leaves the bus and, on shutdown, is told why it closed.
func (s *Server) leave(sess ssh.Session, c *conn) {
	defer s.running.Done()
	c.sub.Leave()
	s.mu.Lock()
	delete(s.conns, c)
	closing, removed := s.closing, c.removed
	s.mu.Unlock()
	kept := false
	if c.fd != nil {
		saved, err := c.fd.SaveDraft()
		if err != nil {
			s.log.Error("draft not saved", "user", c.user.Name, "err", err)
		}
		kept = saved && err == nil
	}
	if removed {
		wish.Println(sess, casefile.T("你的账号或公钥已被管理员删除，连接已关闭。", "Your account or key was removed by an administrator; the connection is closed.").In(c.lang))
	}
	if closing {
		msg := casefile.T("服务器已关闭。", "The server has shut down.")
		if kept {
			msg = casefile.T("服务器已关闭；未完成的受理已保存为草稿，下次连接时可以继续。",
				"The server has shut down; the unfinished intake was kept and is offered back next time.")
		}
		wish.Println(sess, msg.In(c.lang))
	}
	s.log.Info("disconnected", "user", c.user.Name, "after", time.Since(c.since).Round(time.Second).String())
}

// watchUsers closes, within WatchEvery, the terminals of a user who was
// removed (or whose key was) while connected: hall user remove, run
// through this process, takes effect at once.
func (s *Server) watchUsers(ctx context.Context) {
	tick := time.NewTicker(s.cfg.WatchEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		s.mu.Lock()
		conns := make([]*conn, 0, len(s.conns))
		for c := range s.conns {
			if !c.removed {
				conns = append(conns, c)
			}
		}
		s.mu.Unlock()
		for _, c := range conns {
			u, err := s.st.UserByFingerprint(c.fp)
			if err == nil && u.Name == c.user.Name {
				continue
			}
			if err != nil && !errors.Is(err, casefile.ErrUnknownUser) {
				continue // the store could not say: keep the terminal
			}
			s.mu.Lock()
			c.removed = true
			prog := c.prog
			s.mu.Unlock()
			s.log.Info("user removed: terminal closed", "user", c.user.Name)
			if prog != nil {
				go prog.Quit()
			}
		}
	}
}

// program builds the connection's front desk for its user and role.
func (s *Server) program(sess ssh.Session) *tea.Program {
	c, _ := sess.Context().Value(connKey{}).(*conn)
	if c == nil {
		return nil
	}
	opts := append(append([]frontdesk.Option(nil), s.cfg.Options...), frontdesk.WithRole(c.user.Role), frontdesk.WithDesk(c.desk))
	fd := frontdesk.New(c.store, c.lang, c.user.Name, opts...)
	// The server alone handles SIGINT and SIGTERM: a program that caught
	// them itself would quit before the shutdown began, and its terminal
	// would never be told why it closed.
	p := tea.NewProgram(fd, append(bubbletea.MakeOptions(sess), tea.WithoutSignalHandler())...)
	s.mu.Lock()
	c.fd, c.prog = fd, p
	if s.closing {
		go p.Quit()
	}
	s.mu.Unlock()
	c.sub.Start(p.Send)
	return p
}

// sessionDesk names the desk a terminal sits at: the client's HALL_DESK
// (ssh -o SetEnv=HALL_DESK=window-3) when it sends one, else its address
// without the port. The same user at two desks keeps two drafts.
func sessionDesk(sess ssh.Session) string {
	for _, e := range sess.Environ() {
		if v, ok := strings.CutPrefix(e, "HALL_DESK="); ok {
			if v = casefile.Clean(v, false); v != "" && len([]rune(v)) <= 40 {
				return v
			}
		}
	}
	host, _, err := net.SplitHostPort(sess.RemoteAddr().String())
	if err != nil {
		return sess.RemoteAddr().String()
	}
	return host
}

// sessionLang is the language the client asked for with HALL_LANG, or
// the server's.
func sessionLang(sess ssh.Session, def casefile.Lang) casefile.Lang {
	for _, e := range sess.Environ() {
		if v, ok := strings.CutPrefix(e, "HALL_LANG="); ok {
			if l, err := casefile.ParseLang(v); err == nil {
				return l
			}
		}
	}
	return def
}
