package discover_test

import (
	"errors"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover"
	"github.com/rongjiuzhu/hall/casefile/discover/discovertest"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

func run(t *testing.T, h *discovertest.Hall, opt discover.Options) []discover.Finding {
	t.Helper()
	opt.Today = casefile.DateOf(h.Now)
	var fs []discover.Finding
	err := h.St.View(func(tx *casefile.Tx) error {
		var err error
		fs, err = discover.Run(tx, opt)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestDiscoveryFindsThePlantedHouseholds(t *testing.T) {
	h := discovertest.Build(t)
	cat := h.St.Catalog()
	urban, rural := cat.Standard("urban_dibao"), cat.Standard("rural_dibao")
	if urban != 790_00 || rural != 550_00 {
		t.Fatalf("the dibao standards changed: %s %s", urban, rural)
	}

	// urban dibao: the low household, and the refused one with its refusal
	fs := run(t, h, discover.Options{Project: "MZ-01"})
	if len(fs) != 2 || fs[0].Case != h.Low || fs[1].Case != h.Refused {
		t.Fatalf("MZ-01 lists %+v", fs)
	}
	low := fs[0]
	// 600.00 a month for two: 300.00 a head; (790.00 − 300.00) × 2 a month
	if low.PerCapita != 300_00 || low.Threshold != urban || low.Members != 2 || low.Proposed != 2*urban-600_00 ||
		!low.Verified || low.DataDate.String() != "2026-11-20" || low.AgeDays != 7 || low.Refused != nil || low.Department != "civil_affairs" {
		t.Errorf("low household: %+v", low)
	}
	ref := fs[1]
	if ref.Refused == nil || ref.Refused.Case != h.Refused || ref.Refused.Date.String() != "2026-11-26" ||
		ref.Refused.Reason.ZH != "入户调查发现有未申报的经营收入" || ref.PerCapita != 350_00 || ref.AgeDays != 22 {
		t.Errorf("refused household: %+v %+v", ref, ref.Refused)
	}

	// a refusal before the period holds nobody back and is not shown
	old := run(t, h, discover.Options{Project: "MZ-01", Since: casefile.DateOf(h.Now)})
	if len(old) != 2 || old[1].Refused != nil {
		t.Errorf("with the period from today: %+v", old)
	}

	// every project: the four planted households and not the rich one;
	// never a project applied for, and rural dibao for the rural one
	all := run(t, h, discover.Options{})
	households := map[string]bool{}
	for _, f := range all {
		households[f.Case] = true
		if f.Case == h.Applied && f.Project == "MZ-01" {
			t.Error("the household that applied for MZ-01 is listed for it")
		}
		if f.Case == h.Rural && f.Project == "MZ-01" {
			t.Error("the rural household is listed for urban dibao")
		}
		if f.Case == h.Rural && f.Project == "MZ-02" && (f.PerCapita != 200_00 || f.Proposed != 2*rural-400_00 || f.Verified) {
			t.Errorf("rural dibao: %+v", f)
		}
		if f.Project == "MZ-05" {
			t.Error("temporary aid needs a request: it cannot be discovered")
		}
	}
	want := []string{h.Low, h.Applied, h.Refused, h.Rural} // case numbers in order of intake
	if got := slices.Sorted(maps.Keys(households)); !slices.Equal(got, want) {
		t.Errorf("households listed %v, want %v", got, want)
	}
}

func TestDiscoverableRules(t *testing.T) {
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]bool{"MZ-01": true, "MZ-07": true, "CL-02": true, "YB-01": true,
		"MZ-05": false, "MZ-06": false, "YJ-01": false, "WJ-01": false, "RS-01": false, "RS-02": false} {
		if got := discover.Discoverable(cat, cat.Project(code)); got != want {
			t.Errorf("%s discoverable %v, want %v", code, got, want)
		}
	}
}

func TestApplyMakesAnOutreachApplication(t *testing.T) {
	h := discovertest.Build(t)
	if _, err := discover.Apply(h.St, h.Rich, "MZ-01", discovertest.Desk); !errors.Is(err, discover.ErrNotListed) {
		t.Errorf("the rich household: %v", err)
	}
	if _, err := discover.Apply(h.St, h.Applied, "MZ-01", discovertest.Desk); !errors.Is(err, discover.ErrNotListed) {
		t.Errorf("the household that applied: %v", err)
	}
	c, err := discover.Apply(h.St, h.Low, "MZ-01", discovertest.Desk)
	if err != nil {
		t.Fatal(err)
	}
	if c.Channel != casefile.ChannelOutreach || len(c.Apps) != 1 || c.Apps[0].Project != "MZ-01" || c.Status != casefile.StatusReceived ||
		c.Household.Count() != 2 {
		t.Errorf("outreach case %+v", c)
	}
	// listed no more: it has applied
	if fs := run(t, h, discover.Options{Project: "MZ-01"}); len(fs) != 1 || fs[0].Case != h.Refused {
		t.Errorf("after the application: %+v", fs)
	}
	// by the applicant's resident number
	var id string
	h.St.View(func(tx *casefile.Tx) error {
		r, _ := tx.Case(h.Rural)
		id = r.Applicant.DocNumber
		return nil
	})
	if c, err := discover.Apply(h.St, id, "MZ-02", discovertest.Desk); err != nil || c.Channel != casefile.ChannelOutreach {
		t.Errorf("by resident number: %v", err)
	}
}

// TestRunStoreMatchesRun: reading the cases on every core, each reader
// its own range, finds what one walk finds, in the same order.
func TestRunStoreMatchesRun(t *testing.T) {
	defer discover.SetRangeCases(400)() // 1,200 cases: three ranges on two readers or more
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	st, err := casefile.Open(filepath.Join(t.TempDir(), "hall.db"), cat, casefile.Options{NoSync: true, Now: func() time.Time { return discovertest.Clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g := gen.New(cat, 3, casefile.DateOf(discovertest.Clock))
	for range 3 {
		drafts := make([]*casefile.Draft, 400)
		var people []casefile.Person
		for i := range drafts {
			drafts[i] = g.Draft(400)
			if i%10 == 0 && len(people) > 0 {
				// someone applying again: their newest case must win
				drafts[i] = g.DraftFor(people[g.Intn(len(people))], g.Projects(), 400)
				drafts[i].RepeatReason = "复核续办" // a project they may hold already
			}
			people = append(people, drafts[i].Applicant)
		}
		if _, err := st.IntakeBatch(drafts, "local:gen"); err != nil {
			t.Fatal(err)
		}
	}
	opt := discover.Options{Today: casefile.DateOf(discovertest.Clock)}
	var one []discover.Finding
	st.View(func(tx *casefile.Tx) (err error) { one, err = discover.Run(tx, opt); return })
	var calls int
	opt.Progress = func(done, total int) { calls++ }
	many, err := discover.RunStore(st, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(one) == 0 || !reflect.DeepEqual(one, many) {
		t.Errorf("one walk found %d, the readers %d", len(one), len(many))
	}
	if calls == 0 {
		t.Error("no progress reported")
	}
	// in the catalogue's project order, then by case number
	rank := map[string]int{}
	for i, p := range cat.Projects {
		rank[p.Code] = i
	}
	for i := 1; i < len(many); i++ {
		a, b := many[i-1], many[i]
		if rank[a.Project] > rank[b.Project] || rank[a.Project] == rank[b.Project] && a.Case >= b.Case {
			t.Fatalf("finding %d (%s %s) comes after %d (%s %s)", i, b.Project, b.Case, i-1, a.Project, a.Case)
		}
	}
}
