package casefile_test

// Benchmarks of the payment roll and the review worklist over the
// running aids of the bench hall (internal/benchhall: `hall demo --cases
// N`'s, or a copy of HALL_BENCH_DB): by default a hall of
// HALL_BENCH_RECIPIENTS×5/4 cases (14,000 recipients, the issue's
// county, give or take: the figure is reported); with HALL_BENCH_DB, the
// hall of the other benchmarks.

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/internal/benchhall"
)

var (
	rollOnce sync.Once
	rollDir  string
	rollPath string
	rollErr  error
	rollRows int // the roll's rows for 2026-12
	rollDue  int // the reviews due within 400 days
)

func benchRecipients() int {
	if n, err := strconv.Atoi(os.Getenv("HALL_BENCH_RECIPIENTS")); err == nil && n > 0 {
		return n
	}
	return 14_000
}

// rollStore builds, once per run, the bench hall and counts its roll's
// rows and its reviews due, which every iteration must find again.
func rollStore(b *testing.B) (*casefile.Store, int) {
	b.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		b.Fatal(err)
	}
	rollOnce.Do(func() {
		if os.Getenv("HALL_BENCH_DB") != "" { // the one copy of the given hall
			f := benchStore(b)
			rollPath = f.path
		} else {
			rollDir, rollErr = os.MkdirTemp("", "hall-roll-")
			if rollErr != nil {
				return
			}
			rollPath = filepath.Join(rollDir, "roll.db")
			if rollErr = benchhall.Make(rollPath, cat, benchRecipients()*5/4, benchNow); rollErr != nil {
				return
			}
		}
		st, err := casefile.Open(rollPath, cat, casefile.Options{ReadOnly: true, Now: func() time.Time { return benchNow }})
		if err != nil {
			rollErr = err
			return
		}
		defer st.Close()
		rollErr = st.View(func(t *casefile.Tx) error {
			r, err := t.Roll("2026-12", "")
			if err != nil {
				return err
			}
			due, err := t.ReviewsDue(casefile.DateOf(benchNow).AddDays(400))
			rollRows, rollDue = len(r.Rows), len(due)
			return err
		})
	})
	if rollErr != nil {
		b.Fatal(rollErr)
	}
	st, err := casefile.Open(rollPath, cat, casefile.Options{Now: func() time.Time { return benchNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st, rollRows
}

// BenchmarkRoll builds the December roll of every recipient.
func BenchmarkRoll(b *testing.B) {
	st, n := rollStore(b)
	b.ResetTimer()
	for b.Loop() {
		var r *casefile.Roll
		if err := st.View(func(t *casefile.Tx) (err error) { r, err = t.Roll("2026-12", ""); return err }); err != nil {
			b.Fatal(err)
		}
		if len(r.Rows) != n {
			b.Fatalf("%d rows, want %d", len(r.Rows), n)
		}
	}
	b.ReportMetric(float64(n), "recipients")
}

// BenchmarkReviewsDue lists the reviews due within a year.
func BenchmarkReviewsDue(b *testing.B) {
	st, n := rollStore(b)
	before := casefile.DateOf(benchNow).AddDays(400)
	n = rollDue
	b.ResetTimer()
	for b.Loop() {
		var due []casefile.ReviewDue
		if err := st.View(func(t *casefile.Tx) (err error) { due, err = t.ReviewsDue(before); return err }); err != nil {
			b.Fatal(err)
		}
		if len(due) != n {
			b.Fatalf("%d due, want %d", len(due), n)
		}
	}
	b.ReportMetric(float64(n), "due")
}
