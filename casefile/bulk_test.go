package casefile_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

// bulkLoad loads n generated cases into a new store through a Loader,
// chunk at a time, with runs of runSize bytes.
func bulkLoad(t *testing.T, n, chunk, runSize int, each func(i int, c *casefile.Case)) (*casefile.Store, []*casefile.Case, error) {
	t.Helper()
	defer casefile.SetBulkRunSize(runSize)()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	st, err := casefile.Open(filepath.Join(t.TempDir(), "bulk.db"), cat, casefile.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	l, err := st.NewLoader("local:desk")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	g := gen.New(cat, 5, casefile.DateOf(now))
	var cases []*casefile.Case
	for done := 0; done < n; done += chunk {
		err := l.Chunk(func(b *casefile.BulkTx) error {
			for i := done; i < min(done+chunk, n); i++ {
				c, note, err := cat.PrepareIntake(g.Draft(30), now, "local:desk")
				if err != nil {
					return err
				}
				if each != nil {
					each(i, c)
				}
				h, err := casefile.NewHistory(cat.IntakeStep(c, note, nil, ""))
				if err != nil {
					return err
				}
				if err := b.Intake(c, nil, h); err != nil {
					return err
				}
				cases = append(cases, c)
			}
			return nil
		})
		if err != nil {
			return st, nil, err
		}
	}
	return st, cases, l.Finish(nil)
}

// TestBulkLoadChecks loads cases with the index entries sorted into many
// small runs, merged at the end, and finds the store whole: the journal
// replays to the buckets, the indexes point where the records say, and
// the people are found by number and by name.
func TestBulkLoadChecks(t *testing.T) {
	st, cases, err := bulkLoad(t, 400, 37, 4<<10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if probs, err := st.Verify(casefile.CheckOptions{}); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", err, probs)
	}
	err = st.View(func(tx *casefile.Tx) error {
		if n := tx.Counts().Total; n != len(cases) {
			t.Errorf("%d cases counted, want %d", n, len(cases))
		}
		for _, c := range cases[len(cases)-5:] {
			p, err := tx.PersonByKey(c.Applicant.Key())
			if err != nil || p.ID != c.ApplicantID {
				t.Errorf("%s: applicant by number: %v %v", c.Number, p, err)
			}
			if len(tx.SearchPeople(c.Applicant.Name, 50)) == 0 {
				t.Errorf("%s: nobody named %s", c.Number, c.Applicant.Name)
			}
			got, err := tx.Case(c.Number)
			if err != nil || got.Status != casefile.StatusReceived {
				t.Errorf("%s: %v %v", c.Number, got, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBulkLoadRefusesAPersonTwice: the load does not look people up, so
// a person made twice (the same resident number, no ID) is caught when
// the index of numbers is merged, not stored as two people.
func TestBulkLoadRefusesAPersonTwice(t *testing.T) {
	var first casefile.Person
	_, _, err := bulkLoad(t, 60, 20, 1<<10, func(i int, c *casefile.Case) {
		switch i {
		case 3:
			first = c.Applicant
		case 45:
			c.Applicant.DocNumber = first.DocNumber
			c.Household.Members[0].Person.DocNumber = first.DocNumber
		}
	})
	if !errors.Is(err, casefile.ErrInvalid) || !strings.Contains(err.Error(), "twice") {
		t.Fatalf("got %v, want a person twice refused", err)
	}
}
