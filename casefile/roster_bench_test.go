package casefile_test

// Benchmarks of the payment roll and the review worklist over a county's
// recipients: HALL_BENCH_RECIPIENTS approved monthly aids (default
// 14,000, the county) among as many undecided cases.

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

var (
	rollOnce sync.Once
	rollDir  string
	rollPath string
	rollErr  error
)

func benchRecipients() int {
	if n, err := strconv.Atoi(os.Getenv("HALL_BENCH_RECIPIENTS")); err == nil && n > 0 {
		return n
	}
	return 14_000
}

// rollStore builds, once per run, a store of n generated cases of which
// every other one is decided approved with a monthly aid of the
// generated proposal from December 2026.
func rollStore(b *testing.B) (*casefile.Store, int) {
	b.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		b.Fatal(err)
	}
	n := benchRecipients()
	rollOnce.Do(func() {
		rollDir, rollErr = os.MkdirTemp("", "hall-roll-")
		if rollErr != nil {
			return
		}
		rollPath = filepath.Join(rollDir, "roll.db")
		st, err := casefile.Open(rollPath, cat, casefile.Options{NoSync: true, Now: func() time.Time { return benchNow }})
		if err != nil {
			rollErr = err
			return
		}
		defer st.Close()
		g := gen.New(cat, 7, casefile.DateOf(benchNow))
		for done := 0; done < 2*n; {
			k := min(1000, 2*n-done)
			drafts := make([]*casefile.Draft, k)
			for i := range drafts {
				drafts[i] = g.Draft(400)
			}
			cases, err := st.IntakeBatch(drafts, "local:bench")
			if err != nil {
				rollErr = err
				return
			}
			rollErr = st.Update(func(t *casefile.Tx) error {
				for i, c := range cases {
					if i%2 == 1 {
						continue
					}
					nc := *c
					nc.Apps = []casefile.Application{{Project: "MZ-01", Proposed: 50000 + casefile.Money(i), Outcome: casefile.OutcomeGranted,
						Granted: 50000 + casefile.Money(i), StartMonth: "2026-12", Months: 12}}
					nc.Status = casefile.StatusApproved
					nc.Decision = &casefile.Decision{Session: "YH2026-001", Result: casefile.StatusApproved, At: benchNow, By: "local:bench"}
					if err := t.PutCase(c, &nc, casefile.Change{Who: "local:bench", Action: string(casefile.ActionDecision)}); err != nil {
						return err
					}
					if err := t.SyncAid(&nc); err != nil {
						return err
					}
				}
				return nil
			})
			if rollErr != nil {
				return
			}
			done += k
		}
	})
	if rollErr != nil {
		b.Fatal(rollErr)
	}
	st, err := casefile.Open(rollPath, cat, casefile.Options{Now: func() time.Time { return benchNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st, n
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
}

// BenchmarkReviewsDue lists the reviews due within a year.
func BenchmarkReviewsDue(b *testing.B) {
	st, n := rollStore(b)
	before := casefile.DateOf(benchNow).AddDays(400)
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
}
