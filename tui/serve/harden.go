package serve

import (
	"container/list"
	"net"
	"sync"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
)

// Defaults of the connection limits (Config).
const (
	DefaultHandshakeTimeout = 20 * time.Second
	DefaultIdleTimeout      = 30 * time.Minute
	DefaultMaxUnauthPerHost = 16
	DefaultMaxUnauth        = 128
)

// limits returns the server options that bound connections: the time a
// client has to complete the handshake and log in, the idle time after
// which a connection is dropped (charm.land/ssh's own deadlines), and the
// cap on connections not yet logged in, per source address and in total.
func (s *Server) limits() []ssh.Option {
	return []ssh.Option{
		func(srv *ssh.Server) error {
			srv.HandshakeTimeout = s.cfg.HandshakeTimeout
			srv.ConnCallback = s.unauth.admit
			srv.ConnectionFailedCallback = func(conn net.Conn, err error) {
				s.log.Debug("handshake failed", "remote", conn.RemoteAddr().String(), "err", err.Error())
			}
			return nil
		},
		wish.WithIdleTimeout(s.cfg.IdleTimeout),
	}
}

// unauthConns tracks the connections that have not logged in yet. A new
// connection over a cap closes the oldest waiting one (of its source, or
// of all), so a flood of idle sockets never locks a desk out: the desk's
// connection is the newest and gets its turn, and the flood's sockets are
// closed oldest first.
type unauthConns struct {
	perHost, total int
	log            func(msg string, args ...any)

	mu     sync.Mutex
	order  *list.List                 // of *waiting, oldest first
	byHost map[string][]*list.Element // host → its waiting connections, oldest first
}

// waiting is one connection not logged in yet.
type waiting struct {
	net.Conn
	host string
	once sync.Once
	u    *unauthConns
	el   *list.Element
}

type waitingKey struct{}

func newUnauthConns(perHost, total int, log func(string, ...any)) *unauthConns {
	return &unauthConns{perHost: perHost, total: total, log: log, order: list.New(), byHost: map[string][]*list.Element{}}
}

// admit is the server's ConnCallback: it registers conn as waiting,
// closing the oldest waiting connections over the caps.
func (u *unauthConns) admit(ctx ssh.Context, conn net.Conn) net.Conn {
	host, _, err := net.SplitHostPort(conn.RemoteAddr().String())
	if err != nil {
		host = conn.RemoteAddr().String()
	}
	w := &waiting{Conn: conn, host: host, u: u}
	var drop []*waiting
	u.mu.Lock()
	for len(u.byHost[host]) >= u.perHost {
		drop = append(drop, u.removeLocked(u.byHost[host][0].Value.(*waiting)))
	}
	for u.order.Len() >= u.total {
		drop = append(drop, u.removeLocked(u.order.Front().Value.(*waiting)))
	}
	w.el = u.order.PushBack(w)
	u.byHost[host] = append(u.byHost[host], w.el)
	u.mu.Unlock()
	for _, d := range drop {
		u.log("closed a connection that had not logged in (too many waiting)", "remote", d.host)
		_ = d.Conn.Close()
	}
	ctx.SetValue(waitingKey{}, w)
	return w
}

// removeLocked takes w off the waiting lists (once) and returns it.
func (u *unauthConns) removeLocked(w *waiting) *waiting {
	if w.el == nil {
		return w
	}
	u.order.Remove(w.el)
	els := u.byHost[w.host]
	for i, e := range els {
		if e == w.el {
			els = append(els[:i], els[i+1:]...)
			break
		}
	}
	if len(els) == 0 {
		delete(u.byHost, w.host)
	} else {
		u.byHost[w.host] = els
	}
	w.el = nil
	return w
}

// loggedIn takes the connection of ctx off the waiting lists: it is a
// registered user's now and no longer counts against the caps.
func (u *unauthConns) loggedIn(ctx ssh.Context) {
	if w, ok := ctx.Value(waitingKey{}).(*waiting); ok {
		u.mu.Lock()
		u.removeLocked(w)
		u.mu.Unlock()
	}
}

// Waiting is how many connections have not logged in yet.
func (u *unauthConns) Waiting() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.order.Len()
}

// Close takes the connection off the waiting lists and closes it.
func (w *waiting) Close() error {
	w.once.Do(func() {
		w.u.mu.Lock()
		w.u.removeLocked(w)
		w.u.mu.Unlock()
	})
	return w.Conn.Close()
}
