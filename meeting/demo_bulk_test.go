package meeting_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// bulkHall builds a hall of n cases with seed and writes down, case by
// case, its number, applicant's identity number, status and the amounts
// proposed and granted in fen.
func bulkHall(t testing.TB, n int, seed uint64) (*meeting.BulkSummary, []string) {
	h := newHall(t.(*testing.T))
	sum, err := meeting.FillBulk(h.st, desk, meeting.Bulk{Cases: n, Seed: seed, Chunk: 97, Letters: 20})
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	err = h.st.View(func(tx *casefile.Tx) error {
		for seq := uint64(1); ; seq++ {
			c, err := tx.CaseBySeq(seq)
			if err != nil {
				return nil
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s %s %s", c.Number, c.Applicant.DocNumber, c.Status)
			for _, a := range c.Apps {
				fmt.Fprintf(&b, " %s:%d/%d", a.Project, int64(a.Proposed), int64(a.Granted))
			}
			rows = append(rows, b.String())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return sum, rows
}

// TestFillBulkDeterministic builds two halls of 1000 cases with the same
// seed and gets the same case numbers, people, statuses and amounts; a
// third seed gives other people.
func TestFillBulkDeterministic(t *testing.T) {
	const n = 1000
	sum, a := bulkHall(t, n, 42)
	_, b := bulkHall(t, n, 42)
	_, c := bulkHall(t, n, 43)
	if sum.Cases != n || len(a) != n {
		t.Fatalf("stored %d cases, read back %d, want %d", sum.Cases, len(a), n)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("case %d differs between two runs with seed 42:\n%s\n%s", i+1, a[i], b[i])
		}
	}
	same := 0
	for i := range a {
		if a[i] == c[i] {
			same++
		}
	}
	if same == n {
		t.Fatal("seeds 42 and 43 built the same hall")
	}
	if a[0][:5] == "" || !strings.Contains(strings.Join(a, "\n"), " approved ") {
		t.Errorf("no approved case among %d:\n%s", n, strings.Join(a[:10], "\n"))
	}
	// Every open stage and every outcome of a city's hall is there (the
	// rejections delivered and closed: TestFillBulkLifecycle).
	for _, s := range []casefile.Status{casefile.StatusReceived, casefile.StatusVerifying, casefile.StatusReady,
		casefile.StatusApproved, casefile.StatusClosed, casefile.StatusWithdrawn} {
		if sum.ByStatus[s] == 0 {
			t.Errorf("no %s case: %v", s, sum.ByStatus)
		}
	}
	if sum.Closed == "" || sum.Open == "" {
		t.Errorf("sessions: closed %q, open %q", sum.Closed, sum.Open)
	}
}

// TestFillBulkLifecycle builds a small bulk hall and finds it whole —
// `hall check` passes: the journal replays to the buckets, the indexes
// written once at the end agree with the records, every history chain
// holds — and as lived as a city's: cases on public notice, delivered
// and closed, running aids whose review is due.
func TestFillBulkLifecycle(t *testing.T) {
	h := newHall(t)
	sum, err := meeting.FillBulk(h.st, desk, meeting.Bulk{Cases: 3000, Seed: 7, Chunk: 401, Letters: 20})
	if err != nil {
		t.Fatal(err)
	}
	if probs, err := h.st.Verify(casefile.CheckOptions{}); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", err, probs)
	}
	var counts casefile.Counts
	var due []casefile.ReviewDue
	var notice []*casefile.Case
	err = h.st.View(func(tx *casefile.Tx) error {
		counts = tx.Counts()
		var err error
		if due, err = tx.ReviewsDue(casefile.DateOf(h.now).AddDays(60)); err != nil {
			return err
		}
		notice, err = tx.OnNotice()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if counts.Total != sum.Cases || sum.Cases != 3000 {
		t.Errorf("stored %d cases, counted %d", sum.Cases, counts.Total)
	}
	for _, s := range []casefile.Status{casefile.StatusPublicity, casefile.StatusNotified, casefile.StatusClosed,
		casefile.StatusApproved, casefile.StatusRejected, casefile.StatusReady} {
		if counts.ByStatus[s] == 0 {
			t.Errorf("no %s case: %v", s, counts.ByStatus)
		}
	}
	if len(notice) == 0 || notice[0].OpenNotice() == nil {
		t.Errorf("%d cases on notice", len(notice))
	}
	overdue := 0
	for _, r := range due {
		if r.Overdue {
			overdue++
		}
	}
	if len(due) == 0 || overdue == 0 || overdue == len(due) {
		t.Errorf("%d reviews due in 60 days, %d of them overdue", len(due), overdue)
	}
	t.Logf("%v; %d on notice, %d reviews due (%d overdue)", counts.ByStatus, len(notice), len(due), overdue)
}
