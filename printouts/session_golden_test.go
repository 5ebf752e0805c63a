package printouts

import (
	"fmt"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// TestGoldenSessionPages renders page 1 of the minutes and of the notice
// at 40 dpi and compares it with testdata/TestGoldenSessionPages/<document>.png
// as TestGoldenPages does; -update rewrites them.
func TestGoldenSessionPages(t *testing.T) {
	f := testFont(t)
	if f.Spec() != wqyPath+":0" {
		t.Skipf("golden pages are set in %s, the test font is %s", wqyPath, f.Spec())
	}
	p := New(f, testCatalog(t))
	minutes, err := p.Minutes(closedSession(), nil, today)
	if err != nil {
		t.Fatal(err)
	}
	notice, err := p.Notice(closedSession(), sessionCases(), today)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct {
		name string
		pdf  []byte
	}{{"minutes", minutes}, {"notice", notice}} {
		t.Run(d.name, func(t *testing.T) { checkGoldenPage(t, d.pdf, "TestGoldenSessionPages") })
	}
}

// BenchmarkSessionPrint prints the letters of a session of 200 decided
// cases (three approvals to one rejection) with the font loaded once, one
// after the other as `hall print session` does.
func BenchmarkSessionPrint(b *testing.B) {
	p := testPrinter(b)
	cases := make([]*casefile.Case, 200)
	for i := range cases {
		c := approvedCase()
		if i%4 == 3 {
			c = rejectedCase()
		}
		c.Seq = uint64(1000 + i)
		c.Number = fmt.Sprintf("2026-%06d", c.Seq)
		cases[i] = c
	}
	var size int
	for b.Loop() {
		size = 0
		for _, c := range cases {
			pdf, err := p.Letter(c, approvalDay)
			if err != nil {
				b.Fatal(err)
			}
			size += len(pdf)
		}
	}
	letters := float64(b.N * len(cases))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e6/letters, "ms/letter")
	b.ReportMetric(float64(size)/float64(len(cases)), "bytes/letter")
}
