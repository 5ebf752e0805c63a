// Package benchhall gives the benchmarks their hall: the one `hall demo
// --cases N` builds (meeting.FillBulk), so that every benchmark measures
// the same realistic hall, and scripts/bench.sh builds it once for all of
// them (HALL_BENCH_DB).
package benchhall

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// Cases is HALL_BENCH_CASES, or def when it is unset.
func Cases(def int) int {
	if n, err := strconv.Atoi(os.Getenv("HALL_BENCH_CASES")); err == nil && n > 0 {
		return n
	}
	return def
}

// Make puts a hall at path (a new file): a copy of the hall named by
// HALL_BENCH_DB when it is set — the benchmarks write to their hall, the
// given one is never opened, unless HALL_BENCH_SHARE=1 links path to it
// (one hall for a whole bench.sh run) — else a hall of n cases built as `hall demo
// --cases n --seed 42` builds it, with now as the clock and without
// fsync. It says on stderr what it did and how long it took.
func Make(path string, cat *casefile.Catalog, n int, now time.Time) error {
	start := time.Now()
	if src := os.Getenv("HALL_BENCH_DB"); src != "" {
		if os.Getenv("HALL_BENCH_SHARE") == "1" {
			// scripts/bench.sh: every package in turn (go test -p 1)
			// uses the one hall it built, no copy of gigabytes each
			// time; what the benchmarks write (a few cases, prints)
			// stays in it.
			if err := os.Link(src, path); err != nil {
				return fmt.Errorf("HALL_BENCH_DB: %w", err)
			}
			fmt.Fprintf(os.Stderr, "bench hall: %s shared (HALL_BENCH_SHARE=1)\n", src)
			return nil
		}
		if err := copyFile(src, path); err != nil {
			return fmt.Errorf("HALL_BENCH_DB: %w", err)
		}
		if _, err := os.Stat(casefile.AnchorPath(src)); err == nil {
			if err := copyFile(casefile.AnchorPath(src), casefile.AnchorPath(path)); err != nil {
				return fmt.Errorf("HALL_BENCH_DB: %w", err)
			}
		}
		fmt.Fprintf(os.Stderr, "bench hall: copied %s in %s\n", src, time.Since(start).Round(time.Millisecond))
		return nil
	}
	st, err := casefile.Open(path, cat, casefile.Options{NoSync: true, Now: func() time.Time { return now }})
	if err != nil {
		return err
	}
	_, err = meeting.FillBulk(st, "local:bench", meeting.Bulk{Cases: n, Seed: 42})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench hall: %d cases built in %s\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
