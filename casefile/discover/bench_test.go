package discover_test

// Benchmarks of the discovery and the department report over a store of
// HALL_BENCH_CASES generated cases (default 20,000). The target:
// a discovery over 1,000,000 cases in under a minute.

import (
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover"
	"github.com/rongjiuzhu/hall/casefile/report"
	"github.com/rongjiuzhu/hall/internal/benchhall"
)

var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
	benchNow  = time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)
)

func benchN() int { return benchhall.Cases(20_000) }

// benchStore builds the store once per run: the hall `hall demo --cases
// N` builds (internal/benchhall), or a copy of HALL_BENCH_DB.
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
		benchDir = dir
		benchPath = filepath.Join(dir, "bench.db")
		benchErr = benchhall.Make(benchPath, cat, n, benchNow)
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

// TestMain removes the benchmark's hall (gigabytes at a million cases).
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
