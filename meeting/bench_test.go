package meeting_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
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

// benchStore returns a store of n generated cases of which agendaSize are
// ready, loaded with IntakeBatch in chunks of 5000 without fsync.
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
	st, err := casefile.Open(filepath.Join(benchDir, fmt.Sprintf("agenda-%d.db", n)), cat, casefile.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	g := gen.New(cat, 42, st.Today())
	var seqs []uint64
	for done := 0; done < n; {
		chunk := min(5000, n-done)
		drafts := make([]*casefile.Draft, chunk)
		for i := range drafts {
			drafts[i] = g.Draft(60)
		}
		cases, err := st.IntakeBatch(drafts, "local:bench-desk")
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range cases {
			seqs = append(seqs, c.Seq)
		}
		done += chunk
	}
	// Verify agendaSize cases spread over the store and move them to
	// ready, in one batch.
	step := max(1, len(seqs)/agendaSize)
	err = st.Update(func(t *casefile.Tx) error {
		for i := 0; i < agendaSize && i*step < len(seqs); i++ {
			old, err := t.CaseBySeq(seqs[i*step])
			if err != nil {
				return err
			}
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
	if _, err := meeting.New(st).SetCommittee(meeting.DefaultCommittee(cat), "local:bench-admin"); err != nil {
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
