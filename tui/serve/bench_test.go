package serve

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// saves records every intake stored through a terminal's store: how long
// the domain call took and the number it gave, by user.
type saves struct {
	mu     sync.Mutex
	times  []time.Duration
	byUser map[string][]string
	given  map[string]chan string // to the desks that wait for their numbers
}

func newSaves() *saves { return &saves{byUser: map[string][]string{}, given: map[string]chan string{}} }

// timedStore is a terminal's store with its intakes timed.
type timedStore struct {
	frontdesk.Store
	rec *saves
}

func (s timedStore) Intake(d *casefile.Draft, who string) (*casefile.Case, error) {
	t0 := time.Now()
	c, err := s.Store.Intake(d, who)
	dt := time.Since(t0)
	if err == nil {
		s.rec.mu.Lock()
		s.rec.times = append(s.rec.times, dt)
		s.rec.byUser[who] = append(s.rec.byUser[who], c.Number)
		ch := s.rec.given[who]
		s.rec.mu.Unlock()
		if ch != nil {
			ch <- c.Number // to the desk typing, waiting for it
		}
	}
	return c, err
}

// take returns the times recorded so far and starts afresh.
func (s *saves) take() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.times
	s.times = nil
	return t
}

func (s *saves) numbers() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var all []string
	for _, ns := range s.byUser {
		all = append(all, ns...)
	}
	return all
}

// desk is a terminal at the intake window and the applicants it takes.
type desk struct {
	tm     *term
	user   string
	people []casefile.Person
	given  chan string
}

// desks connects n front-desk terminals whose saves rec times, each with
// per applicants to take, and opens their intake windows.
func (h *hall) desks(n, per int, rec *saves) []*desk {
	h.t.Helper()
	h.srv.storeFor = func(_ string, s frontdesk.Store) frontdesk.Store { return timedStore{s, rec} }
	var out []*desk
	for i := range n {
		d := &desk{user: fmt.Sprintf("desk%02d", i), given: make(chan string, 1)}
		rec.given[d.user] = d.given
		d.people = applicants(h.st, uint64(i+1), per)
		d.tm = h.open(h.register(d.user, casefile.RoleFrontDesk), 100, 30)
		d.tm.waitFor("今日受理")
		d.tm.keys("1")
		d.tm.waitFor("身份证号")
		out = append(out, d)
	}
	return out
}

// applicants makes n people to apply, from seed.
func applicants(st *casefile.Store, seed uint64, n int) []casefile.Person {
	g := gen.New(st.Catalog(), seed, st.Today())
	var out []casefile.Person
	for range n {
		out = append(out, g.Person(20, 60))
	}
	return out
}

// typeIntakes takes the desk's applicants one after the other by
// keystrokes, as a clerk does: ID number, name, the project from the
// picker, save, confirm; then the next applicant.
func (d *desk) typeIntakes() error {
	for i, p := range d.people {
		mark := d.tm.mark()
		d.tm.keys(p.DocNumber, keyTab, p.Name, keyF2, "mz-01", " ", keyF2, keyCtrlS, "y")
		var number string
		select {
		case number = <-d.given:
		case <-time.After(20 * time.Second):
			return fmt.Errorf("%s: applicant %d not saved; the screen shows:\n%s", d.user, i, d.tm.screen())
		}
		// wait for the saved page before asking for the next applicant
		if !d.tm.shows(mark, number, 20*time.Second) {
			return fmt.Errorf("%s: case %s saved but never shown", d.user, number)
		}
		d.tm.keys("n")
	}
	return nil
}

// mark is where the terminal's output is now.
func (tm *term) mark() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return len(tm.out)
}

// shows waits until the output since mark, escapes stripped, holds s.
func (tm *term) shows(mark int, s string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		tm.mu.Lock()
		text := ansi.Strip(string(tm.out[mark:]))
		tm.mu.Unlock()
		if strings.Contains(text, s) {
			return true
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

// typeAll has every desk type its applicants at once.
func typeAll(tb testing.TB, desks []*desk) {
	tb.Helper()
	errs := make(chan error, len(desks))
	var wg sync.WaitGroup
	for _, d := range desks {
		wg.Go(func() { errs <- d.typeIntakes() })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			tb.Fatal(err)
		}
	}
}

func median(ds []time.Duration) time.Duration { return quantile(ds, 0.5) }

func quantile(ds []time.Duration, q float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[int(float64(len(s)-1)*q)]
}

// checkStored fails unless every number is unique and the store holds
// exactly want cases.
func checkStored(tb testing.TB, st *casefile.Store, numbers []string, want int) {
	tb.Helper()
	seen := map[string]bool{}
	for _, n := range numbers {
		if seen[n] {
			tb.Fatalf("case number %s given twice", n)
		}
		seen[n] = true
	}
	st.View(func(tx *casefile.Tx) error {
		if got := tx.Counts().Total; got != want || len(numbers) != want {
			tb.Fatalf("%d cases stored, %d numbers given, want %d", got, len(numbers), want)
		}
		return nil
	})
}

// Desks typing and saving at once over SSH: every case stored once with
// a number of its own, and the others' counters follow.
func TestConcurrentIntakesByKeystrokes(t *testing.T) {
	h := startHall(t, false)
	rec := newSaves()
	desks := h.desks(4, 4, rec)
	typeAll(t, desks)
	checkStored(t, h.st, rec.numbers(), 16)
	for _, d := range desks {
		if len(rec.byUser[d.user]) != 4 {
			t.Fatalf("%s saved %d cases", d.user, len(rec.byUser[d.user]))
		}
	}
	tm := h.open(h.register("late", casefile.RoleVerifier), 100, 30)
	tm.waitFor("今日受理 +16")
}

// BenchmarkServeIntakes: 20 desks connected over SSH, each typing and
// saving 50 applications at once (keystrokes through the server, the
// domain call, the change bus, every other terminal redrawing), against
// one desk doing the same alone on the same server in the same run.
// Save time is the domain call made by the terminal's program; fsync on.
func BenchmarkServeIntakes(b *testing.B) {
	const n, per = 20, 50
	b.StopTimer() // race times each iteration's "all" part only
	for range b.N {
		h := startHall(b, true)
		rec := newSaves()
		desks := h.desks(n, per, rec)
		alone := *desks[0] // the first desk's terminal, other applicants
		alone.people = applicants(h.st, 1000, per)
		h.race(b, rec, n*per+per, func() { typeAll(b, []*desk{&alone}) }, func() { typeAll(b, desks) })
	}
}

// BenchmarkServeIntakesBackToBack is the worst case: 20 goroutines
// calling the terminals' stores with no typing between saves while the
// 20 terminals stay connected and redraw. bbolt takes one writer at a
// time, each commit with its fsync, so a save waits for the others'.
func BenchmarkServeIntakesBackToBack(b *testing.B) {
	const n, per = 20, 50
	b.StopTimer() // race times each iteration's "all" part only
	for range b.N {
		h := startHall(b, true)
		rec := newSaves()
		desks := h.desks(n, 0, rec)
		clear(rec.given) // nobody types: nobody waits for the numbers
		stores := h.stores()
		drafts := func(i int) []*casefile.Draft {
			g := gen.New(h.st.Catalog(), uint64(100+i), h.st.Today())
			var ds []*casefile.Draft
			for range per {
				ds = append(ds, g.Draft(0))
			}
			return ds
		}
		run := func(k int) {
			var wg sync.WaitGroup
			for i := range k {
				ds := drafts(i + k)
				wg.Go(func() {
					for _, d := range ds {
						if _, err := stores[desks[i].user].Intake(d, desks[i].user); err != nil {
							b.Error(err)
						}
					}
				})
			}
			wg.Wait()
		}
		h.race(b, rec, n*per+per, func() { run(1) }, func() { run(n) })
	}
}

// stores returns each connected terminal's store by user.
func (h *hall) stores() map[string]frontdesk.Store {
	h.srv.mu.Lock()
	defer h.srv.mu.Unlock()
	out := map[string]frontdesk.Store{}
	for c := range h.srv.conns {
		out[c.user.Name] = c.store
	}
	return out
}

// race runs alone (one desk saving) and then all (every desk at once,
// the part timed; the caller stops the timer before its loop), checks the want cases stored, reports the save times
// of both and stops the hall.
func (h *hall) race(b *testing.B, rec *saves, want int, alone, all func()) {
	alone()
	single := rec.take()
	// the timer runs for "all" alone and adds up over the iterations (a
	// ResetTimer here kept only the last one: once an iteration took
	// less than the bench time, b.N grew without end)
	b.StartTimer()
	all()
	b.StopTimer()
	times := rec.take()
	checkStored(b, h.st, rec.numbers(), want)
	report(b, single, times)
	h.stop()
	h.st.Close()
}

func report(b *testing.B, single, times []time.Duration) {
	b.ReportMetric(float64(median(single).Microseconds())/1000, "single-ms")
	b.ReportMetric(float64(median(times).Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(median(times))/float64(median(single)), "ratio")
	b.ReportMetric(float64(quantile(times, 0.9).Microseconds())/1000, "p90-ms")
	b.ReportMetric(float64(len(times)), "saves")
}
