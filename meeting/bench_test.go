package meeting_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/internal/benchhall"
	"github.com/rongjiuzhu/hall/meeting"
)

// benchDir holds the benchmark's databases for the whole test binary:
// the benchmark function runs several times (growing b.N) and loads its
// store once.
var benchDir string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, st := range benchStores {
		st.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// agendaSize is the number of ready cases BenchmarkAgenda puts on an
// agenda.
const agendaSize = 500

// benchStores caches the loaded store per size.
var benchStores = map[int]*casefile.Store{}

// benchStore returns the bench hall of n cases (internal/benchhall: the
// one `hall demo --cases n` builds, or a copy of HALL_BENCH_DB) with its
// open sessions closed and exactly agendaSize ready cases: the extra ones
// sent back to verifying, or cases verified and moved to ready, spread
// over the store, in one batch.
func benchStore(b *testing.B, n int) *casefile.Store {
	if st := benchStores[n]; st != nil {
		return st
	}
	if benchDir == "" {
		var err error
		if benchDir, err = os.MkdirTemp("", "hall-meeting-bench"); err != nil {
			b.Fatal(err)
		}
	}
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(benchDir, fmt.Sprintf("agenda-%d.db", n))
	if err := benchhall.Make(path, cat, n, time.Now()); err != nil {
		b.Fatal(err)
	}
	st, err := casefile.Open(path, cat, casefile.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	m := meeting.New(st)
	sessions, err := m.Sessions()
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range sessions {
		if s.Status == meeting.SessionOpen {
			if _, err := m.Close(s.Number, true, "local:bench-secretary"); err != nil {
				b.Fatal(err)
			}
		}
	}
	g := gen.New(cat, 42, st.Today())
	err = st.Update(func(t *casefile.Tx) error {
		var ready, waiting []*casefile.Case
		for _, status := range []casefile.Status{casefile.StatusReady, casefile.StatusVerifying, casefile.StatusReceived} {
			f := casefile.CaseFilter{Status: status, Limit: 1000}
			for {
				page, next, err := t.Cases(f)
				if err != nil {
					return err
				}
				if status == casefile.StatusReady {
					ready = append(ready, page...)
				} else {
					waiting = append(waiting, page...)
				}
				if next == 0 {
					break
				}
				f.After = next
			}
		}
		for _, old := range ready[min(agendaSize, len(ready)):] {
			c := *old
			if err := t.MoveInTx(&c, casefile.StatusVerifying); err != nil {
				return err
			}
			if err := t.PutCase(old, &c, casefile.Change{Who: "local:bench-verifier", Action: "status", Why: "bench"}); err != nil {
				return err
			}
		}
		need := agendaSize - len(ready)
		if need > len(waiting) {
			return fmt.Errorf("%d ready and %d waiting cases, want %d ready", len(ready), len(waiting), agendaSize)
		}
		step := max(1, len(waiting)/max(need, 1))
		for i := 0; i < need; i++ {
			old := waiting[i*step]
			c := *old
			c.Apps = append([]casefile.Application(nil), old.Apps...)
			c.Evidence = append([]casefile.Evidence(nil), old.Evidence...)
			for _, k := range cat.MissingEvidence(&c) {
				c.Evidence = append(c.Evidence, g.Evidence(&c, k))
			}
			if err := t.MoveInTx(&c, casefile.StatusReady); err != nil {
				return err
			}
			if err := t.PutCase(old, &c, casefile.Change{Who: "local:bench-verifier", Action: "evidence", Why: "bench"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	benchStores[n] = st
	return st
}

// BenchmarkAgenda builds the agenda of 500 ready cases in a store of
// HALL_BENCH_CASES cases (default 20000): the batch duplicate resolution
// over the whole store, paging the ready index and the snapshot of each
// case with its findings. Each iteration opens a new session; closing it
// is not timed.
func BenchmarkAgenda(b *testing.B) {
	n := 20000
	if v := os.Getenv("HALL_BENCH_CASES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < agendaSize {
			b.Fatalf("HALL_BENCH_CASES=%q: want a number of at least %d", v, agendaSize)
		}
	}
	st := benchStore(b, n)
	m := meeting.New(st)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := m.NewSession(meeting.Plan{Place: "bench"}, "local:bench-secretary")
		if err != nil {
			b.Fatal(err)
		}
		rep, err := m.BuildAgenda(s.Number, meeting.AgendaFilter{}, "local:bench-secretary")
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Added) != agendaSize {
			b.Fatalf("agenda of %d cases, want %d", len(rep.Added), agendaSize)
		}
		b.StopTimer()
		if _, err := m.Close(s.Number, true, "local:bench-secretary"); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
