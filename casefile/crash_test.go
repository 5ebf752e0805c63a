package casefile_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	crashHarness(t, 200, 20261129, false)
}

// TestCrashBeforeCatchUp is the harness with a writer that holds every
// catch-up back (casefile.HoldCatchUp): each kill lands after saves whose
// records and index entries were only in its memory and its journal.
// After each kill the file is first opened read-only — the acknowledged
// cases must be found by number and through the indexes (the applicant's
// ID number, the person's cases) from the journal alone, and the check
// of the read-only store must pass — then for writing, which writes the
// pending entries, after which the check (every bucket equal to the
// journal's replay) must pass. HALL_CRASH_RUNS sets the number of kills
// (default 60).
func TestCrashBeforeCatchUp(t *testing.T) {
	crashHarness(t, 60, 20261203, true)
}

func crashHarness(t *testing.T, runs int, seed uint64, hold bool) {
	if testing.Short() {
		t.Skip("crash harness skipped in -short mode")
	}
	if n, err := strconv.Atoi(os.Getenv("HALL_CRASH_RUNS")); err == nil {
		runs = n
	}
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
	acked := map[string]ack{} // case number → least version acknowledged, applicant
	pendingRuns := 0
	for run := 0; run < runs; run++ {
		cmd := exec.Command(exe, "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), "HALL_CRASH_CHILD="+path, fmt.Sprintf("HALL_CRASH_CHILD_SEED=%d", seed+uint64(run)))
		if hold {
			cmd.Env = append(cmd.Env, "HALL_CRASH_HOLD=1")
		}
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

		if hold {
			ro, err := casefile.Open(path, cat, casefile.Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("run %d: read-only reopen after kill: %v", run, err)
			}
			if ro.Pending() > 0 {
				pendingRuns++
			}
			err = ro.View(func(tx *casefile.Tx) error { return seesAcked(tx, acked, true) })
			if err == nil && run%10 == 9 {
				_, err = ro.Check(5)
			}
			ro.Close()
			if err != nil {
				t.Fatalf("run %d (seed %d), read-only: %v", run, seed, err)
			}
		}
		st, err := casefile.Open(path, cat, casefile.Options{})
		if err != nil {
			t.Fatalf("run %d: reopen after kill: %v", run, err)
		}
		err = st.View(func(tx *casefile.Tx) error { return seesAcked(tx, acked, hold) })
		if err == nil && (hold || run%2 == 1 || run == runs-1) { // every kill right after saves: their index entries came back
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
	if hold && pendingRuns < runs/2 {
		t.Fatalf("only %d of %d kills left entries pending: the kills did not land before the catch-up", pendingRuns, runs)
	}
	t.Logf("%d kills (%d with entries pending), %d acknowledged cases all present", runs, pendingRuns, len(acked))
}

// ack is what the writer acknowledged of a case.
type ack struct {
	version   uint64
	applicant string // Person.Key() of the applicant
}

// seesAcked checks that every acknowledged case is there at its version
// or later and, with indexes, that its applicant's ID number finds the
// person and the person's cases include it.
func seesAcked(tx *casefile.Tx, acked map[string]ack, indexes bool) error {
	for number, a := range acked {
		c, err := tx.Case(number)
		if err != nil {
			return fmt.Errorf("acknowledged case %s lost: %w", number, err)
		}
		if c.Version < a.version {
			return fmt.Errorf("case %s at version %d, but version %d was acknowledged", number, c.Version, a.version)
		}
		if !indexes || a.applicant == "" {
			continue
		}
		p, err := tx.PersonByKey(a.applicant)
		if err != nil {
			return fmt.Errorf("case %s: its applicant is not found by ID number: %w", number, err)
		}
		seqs, _ := tx.PersonCaseSeqs(p.ID)
		if !slices.Contains(seqs, c.Seq) {
			return fmt.Errorf("case %s: not among its applicant's cases %v", number, seqs)
		}
	}
	return nil
}

func record(acked map[string]ack, line string) {
	f := strings.Fields(line)
	if len(f) >= 3 && f[0] == "ack" {
		v, _ := strconv.ParseUint(f[2], 10, 64)
		a := acked[f[1]]
		if v > a.version {
			a.version = v
		}
		if len(f) == 4 {
			a.applicant = f[3]
		}
		acked[f[1]] = a
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
	if os.Getenv("HALL_CRASH_HOLD") != "" {
		casefile.HoldCatchUp()
	}
	cat, _ := casefile.DefaultCatalog()
	st, err := casefile.Open(path, cat, casefile.Options{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	g := gen.New(cat, seed, st.Today())
	w := bufio.NewWriter(os.Stdout)
	ack := func(c *casefile.Case) {
		fmt.Fprintf(w, "ack %s %d %s\n", c.Number, c.Version, c.Applicant.Key())
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
