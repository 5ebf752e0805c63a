package discover_test

// Benchmarks of the discovery and the department report over a store of
// HALL_BENCH_CASES generated cases (default 20,000). The target:
// a discovery over 1,000,000 cases in under a minute.

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/casefile/report"
)

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
	benchNow  = time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)
)

func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("HALL_BENCH_CASES")); err == nil && n > 0 {
		return n
	}
	return 20_000
}

// benchStore builds the store once per run: generated cases in chunks of
// 1000 per transaction, without fsync.
func benchStore(b *testing.B) (*casefile.Store, int) {
	b.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		b.Fatal(err)
	}
	n := benchN()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hall-discover-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "bench.db")
		st, err := casefile.Open(benchPath, cat, casefile.Options{NoSync: true, Now: func() time.Time { return benchNow }})
		if err != nil {
			benchErr = err
			return
		}
		defer st.Close()
		g := gen.New(cat, 42, casefile.DateOf(benchNow))
		for done := 0; done < n; done += 1000 {
			drafts := make([]*casefile.Draft, min(1000, n-done))
			for i := range drafts {
				drafts[i] = g.Draft(400)
			}
			if _, err := st.IntakeBatch(drafts, "local:bench"); err != nil {
				benchErr = err
				return
			}
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	st, err := casefile.Open(benchPath, cat, casefile.Options{ReadOnly: true, Now: func() time.Time { return benchNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st, n
}

// BenchmarkDiscover runs every project's rule over every household; it
// reports the time per 1,000 cases and the projection to 1,000,000.
func BenchmarkDiscover(b *testing.B) {
	st, n := benchStore(b)
	found := 0
	cpu0 := cpuTime()
	for b.Loop() {
		fs, err := discover.RunStore(st, discover.Options{Today: casefile.DateOf(benchNow)})
		if err != nil {
			b.Fatal(err)
		}
		found = len(fs)
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/float64(n)*1e6, "s/1Mcases")
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N)/float64(n)*1e6, "cpu-s/1Mcases")
	b.ReportMetric(float64(found), "found")
}

// BenchmarkDepartmentReport builds a year's department report.
func BenchmarkDepartmentReport(b *testing.B) {
	st, n := benchStore(b)
	cpu0 := cpuTime()
	for b.Loop() {
		st.View(func(t *casefile.Tx) error {
			_, err := report.Build(t, report.Year(2026), report.Options{})
			return err
		})
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/float64(n)*1e6, "s/1Mcases")
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N)/float64(n)*1e6, "cpu-s/1Mcases")
}

// cpuTime is the CPU time (user and system) of the process so far: on a
// machine shared with other work the wall-clock time says little.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
