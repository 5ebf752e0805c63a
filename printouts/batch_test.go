package printouts

import (
	"bytes"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// TestInOrder hands every thing to use once, in order, with no more than
// 2×workers made and not yet used, for any number of workers.
func TestInOrder(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 3, 8} {
		for _, n := range []int{0, 1, 5, 100} {
			var pending, most atomic.Int32
			var got []int
			InOrder(n, workers, func(i int) int {
				p := pending.Add(1)
				for {
					m := most.Load()
					if p <= m || most.CompareAndSwap(m, p) {
						break
					}
				}
				return i * i
			}, func(i, v int) {
				pending.Add(-1)
				if v != i*i {
					t.Errorf("workers %d: thing %d is %d, want %d", workers, i, v, i*i)
				}
				got = append(got, i)
			})
			if len(got) != n {
				t.Fatalf("workers %d, n %d: used %d things", workers, n, len(got))
			}
			for i, g := range got {
				if g != i {
					t.Fatalf("workers %d: used %v, want 0…%d in order", workers, got, n-1)
				}
			}
			w := workers
			if w < 1 {
				w = runtime.GOMAXPROCS(0)
			}
			if limit := int32(2 * w); most.Load() > limit {
				t.Errorf("workers %d: %d made and not used at once, want at most %d", workers, most.Load(), limit)
			}
		}
	}
}

// sessionLetters is a session of n decided cases, three approvals to one
// rejection, as BenchmarkSessionPrint prints them.
func sessionLetters(n int) []*casefile.Case {
	cases := make([]*casefile.Case, n)
	for i := range cases {
		c := approvedCase()
		if i%4 == 3 {
			c = rejectedCase()
		}
		c.Seq = uint64(1000 + i)
		c.Number = fmt.Sprintf("2026-%06d", c.Seq)
		cases[i] = c
	}
	return cases
}

// TestParallelLettersIdentical lays out the letters of a session on four
// goroutines sharing one Printer and its fonts, and gets the very bytes
// one goroutine gets: the parallel batch changes nothing on paper (run
// with -race, it also shows the shared parsed font is only read).
func TestParallelLettersIdentical(t *testing.T) {
	p := testPrinter(t)
	cases := sessionLetters(24)
	serial := make([][]byte, len(cases))
	for i, c := range cases {
		pdf, err := p.Letter(c, approvalDay)
		if err != nil {
			t.Fatal(err)
		}
		serial[i] = pdf
	}
	if bytes.Equal(serial[0], serial[1]) {
		t.Fatal("letters of two cases are the same bytes: the test cannot tell them apart")
	}
	var used int
	InOrder(len(cases), 4, func(i int) []byte {
		pdf, err := p.Letter(cases[i], approvalDay)
		if err != nil {
			t.Error(err)
		}
		return pdf
	}, func(i int, pdf []byte) {
		used++
		if !bytes.Equal(pdf, serial[i]) {
			t.Errorf("letter %d (%s) laid out in parallel differs from the serial one (%d vs %d bytes)",
				i, cases[i].Number, len(pdf), len(serial[i]))
		}
	})
	if used != len(cases) {
		t.Fatalf("%d letters used, want %d", used, len(cases))
	}
}

// BenchmarkSessionPrintWorkers lays out the 200 letters of a session on
// one goroutine (the baseline: `hall print session` before batches used
// every core) and on GOMAXPROCS goroutines, as PrintSession does. The
// ratio of their ms/session is the speed-up; on 2 cores the target is
// 200 letters in under 2.5 s. cpu-ms/session is the CPU time of the whole
// process (user and system), steadier than wall time on a shared machine.
func BenchmarkSessionPrintWorkers(b *testing.B) {
	p := testPrinter(b)
	cases := sessionLetters(200)
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var size int
			cpu0 := cpuTime()
			for b.Loop() {
				size = 0
				InOrder(len(cases), workers, func(i int) []byte {
					pdf, err := p.Letter(cases[i], approvalDay)
					if err != nil {
						b.Error(err)
					}
					return pdf
				}, func(_ int, pdf []byte) { size += len(pdf) })
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e6/float64(b.N), "ms/session")
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/1e6/float64(b.N), "cpu-ms/session")
			b.ReportMetric(float64(size)/float64(len(cases)), "bytes/letter")
		})
	}
}
