package casefile_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

// TestCrashSafety runs a writer in a child process, kills it with SIGKILL
// at a random moment (every other run: right after a random number of
// saves were acknowledged), reopens the database and checks that every
// write the child had acknowledged is there, that nothing half written is
// visible and that the file passes the check (the journal agrees with the
// records, the file is not behind its anchor). The kill moments come
// from a fixed seed, so a failure can be replayed. HALL_CRASH_RUNS sets the
// number of kills (default 200; HALL_CRASH_SEED the seed).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash harness skipped in -short mode")
	}
	runs := 200
	if n, err := strconv.Atoi(os.Getenv("HALL_CRASH_RUNS")); err == nil {
		runs = n
	}
	seed := uint64(20261129)
	if n, err := strconv.ParseUint(os.Getenv("HALL_CRASH_SEED"), 10, 64); err == nil {
		seed = n
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	rng := rand.New(rand.NewPCG(seed, 1))
	acked := map[string]uint64{} // case number → least version acknowledged
	for run := 0; run < runs; run++ {
		cmd := exec.Command(exe, "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), "HALL_CRASH_CHILD="+path, fmt.Sprintf("HALL_CRASH_CHILD_SEED=%d", seed+uint64(run)))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Wait for the child to be writing, then kill it at a random moment.
		started := false
		timeout := time.After(20 * time.Second)
		for !started {
			select {
			case l, ok := <-lines:
				if !ok {
					cmd.Wait()
					t.Fatalf("run %d: child ended before writing", run)
				}
				record(acked, l)
				started = strings.HasPrefix(l, "ready")
			case <-timeout:
				cmd.Process.Kill()
				t.Fatalf("run %d: child did not start", run)
			}
		}
		if run%2 == 0 {
			time.Sleep(time.Duration(rng.IntN(40_000)) * time.Microsecond)
		} else {
			// Right after a save is acknowledged: between its commit and
			// its anchor line, or as the next save begins.
			for n := 1 + rng.IntN(20); n > 0; {
				l, ok := <-lines
				if !ok {
					break
				}
				record(acked, l)
				if strings.HasPrefix(l, "ack") {
					n--
				}
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		for l := range lines {
			record(acked, l)
		}
		cmd.Wait()

		st, err := casefile.Open(path, cat, casefile.Options{})
		if err != nil {
			t.Fatalf("run %d: reopen after kill: %v", run, err)
		}
		err = st.View(func(tx *casefile.Tx) error {
			for number, version := range acked {
				c, err := tx.Case(number)
				if err != nil {
					return fmt.Errorf("acknowledged case %s lost: %w", number, err)
				}
				if c.Version < version {
					return fmt.Errorf("case %s at version %d, but version %d was acknowledged", number, c.Version, version)
				}
			}
			return nil
		})
		if err == nil && (run%2 == 1 || run == runs-1) { // every kill right after saves: their index entries came back
			_, err = st.Check(5)
		}
		st.Close()
		if err != nil {
			t.Fatalf("run %d (seed %d): %v", run, seed, err)
		}
	}
	if len(acked) == 0 {
		t.Fatal("the child acknowledged nothing: the harness tested nothing")
	}
	t.Logf("%d kills, %d acknowledged cases all present", runs, len(acked))
}

func record(acked map[string]uint64, line string) {
	f := strings.Fields(line)
	if len(f) == 3 && f[0] == "ack" {
		v, _ := strconv.ParseUint(f[2], 10, 64)
		if v > acked[f[1]] {
			acked[f[1]] = v
		}
	}
}

// TestCrashChild is the writer of TestCrashSafety: intakes, batches of
// imports, evidence and status moves, each acknowledged on stdout only
// after its transaction committed. It does nothing unless HALL_CRASH_CHILD
// names a database.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("HALL_CRASH_CHILD")
	if path == "" {
		return
	}
	seed, _ := strconv.ParseUint(os.Getenv("HALL_CRASH_CHILD_SEED"), 10, 64)
	cat, _ := casefile.DefaultCatalog()
	st, err := casefile.Open(path, cat, casefile.Options{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	g := gen.New(cat, seed, st.Today())
	w := bufio.NewWriter(os.Stdout)
	ack := func(c *casefile.Case) {
		fmt.Fprintf(w, "ack %s %d\n", c.Number, c.Version)
		w.Flush()
	}
	fmt.Fprintln(w, "ready")
	w.Flush()
	var last *casefile.Case
	for i := 0; ; i++ {
		switch i % 4 {
		case 0, 1:
			c, err := st.Intake(g.Draft(10), "local:crash")
			if err != nil {
				continue
			}
			ack(c)
			last = c
		case 2:
			batch := make([]*casefile.Draft, 10)
			for j := range batch {
				batch[j] = g.Draft(10)
			}
			cs, err := st.IntakeBatch(batch, "local:crash-import")
			if err != nil {
				continue
			}
			for _, c := range cs {
				ack(c)
			}
		case 3:
			if last == nil {
				continue
			}
			c, err := st.AddEvidence(last.Number, last.Version, g.Evidence(last, casefile.EvHomeVisit), "local:crash")
			if err == nil {
				ack(c)
				last = c
			}
		}
	}
}
