package serve

import (
	"context"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// Bus carries the changes of the case file to every connected terminal.
// Each terminal joins with a Sub; its store adapter reports through the
// Sub, and the bus delivers to the others.
type Bus struct {
	// Gap is the least time between two deliveries to one terminal:
	// changes arriving meanwhile are delivered together, so a burst of
	// saves makes each screen reload once, not once per save.
	Gap time.Duration

	mu     sync.Mutex
	subs   map[*Sub]struct{}
	writes uint64 // writes reported by the front desks' stores
}

// NewBus returns an empty bus.
func NewBus() *Bus {
	return &Bus{Gap: 100 * time.Millisecond, subs: map[*Sub]struct{}{}}
}

// Sub is one terminal on the bus.
type Sub struct {
	bus     *Bus
	mu      sync.Mutex
	pending []frontdesk.Change
	wake    chan struct{} // holds one token while changes wait
	done    chan struct{}
	once    sync.Once
}

// Join adds a terminal. Changes are kept for it until Start.
func (b *Bus) Join() *Sub {
	s := &Sub{bus: b, wake: make(chan struct{}, 1), done: make(chan struct{})}
	b.mu.Lock()
	b.subs[s] = struct{}{}
	b.mu.Unlock()
	return s
}

// Start delivers the terminal's changes with send (a *tea.Program's
// Send), from a goroutine of the Sub's own.
func (s *Sub) Start(send func(tea.Msg)) {
	go s.forward(send, s.bus.Gap)
}

// Leave takes the terminal off the bus.
func (s *Sub) Leave() {
	s.once.Do(func() {
		s.bus.mu.Lock()
		delete(s.bus.subs, s)
		s.bus.mu.Unlock()
		close(s.done)
	})
}

// Publish reports a write made at this terminal to every other one; it
// is the notify function of the terminal's frontdesk.NewNotifyingStore.
func (s *Sub) Publish(c frontdesk.Change) { s.bus.publish(s, c) }

// Publish reports a change to every terminal.
func (b *Bus) Publish(c frontdesk.Change) { b.publish(nil, c) }

func (b *Bus) publish(from *Sub, c frontdesk.Change) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if from != nil {
		b.writes++
	}
	if c.What == frontdesk.ChangeDraft {
		return // nobody else shows a draft
	}
	for s := range b.subs {
		if s != from {
			s.add(c)
		}
	}
}

func (s *Sub) add(c frontdesk.Change) {
	s.mu.Lock()
	s.pending = append(s.pending, c)
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // a delivery is already due
	}
}

// forward sends the waiting changes, then rests for gap. send blocks
// while the program is busy (and returns once it has ended), which is
// why it runs here and never inside the program's Update.
func (s *Sub) forward(send func(tea.Msg), gap time.Duration) {
	for {
		select {
		case <-s.done:
			return
		case <-s.wake:
		}
		s.mu.Lock()
		changes := s.pending
		s.pending = nil
		s.mu.Unlock()
		send(frontdesk.ChangedMsg{Changes: changes})
		select {
		case <-s.done:
			return
		case <-time.After(gap):
		}
	}
}

// Watch reports writes that did not come through a terminal's store
// adapter (the meeting console writes through its own): every interval
// it reads the database's last transaction id, and when that moved
// without any write being reported meanwhile it tells every terminal
// that something changed. It returns when ctx is done.
func (b *Bus) Watch(ctx context.Context, st *casefile.Store, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	last, seen := lastTx(st), b.reported()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		id, n := lastTx(st), b.reported()
		if id != last && n == seen {
			b.Publish(frontdesk.Change{})
		}
		last, seen = id, n
	}
}

func (b *Bus) reported() uint64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.writes
}

// lastTx identifies the last committed write (0 when the store cannot
// be read).
func lastTx(st *casefile.Store) uint64 {
	id, _ := st.Revision()
	return id
}
