package gen

import (
	"fmt"
	"slices"

	"github.com/rongjiuzhu/hall/casefile"
)

// DemoSummary says what FillDemo stored.
type DemoSummary struct {
	Cases    int
	ByStatus map[casefile.Status]int
	// Ready lists the case numbers left ready for a meeting.
	Ready []string
}

// Empty refuses a store that already has cases: demo data goes into an
// empty database only.
func Empty(st *casefile.Store) error {
	var total int
	if err := st.View(func(t *casefile.Tx) error { total = t.Counts().Total; return nil }); err != nil {
		return err
	}
	if total > 0 {
		return casefile.ErrInvalid.Withf("数据库已有 %d 个案件；演示数据只写入空数据库（用 --db 指定新文件）",
			"the database already has %d cases; demo data goes into an empty database only (name a new file with --db)", total)
	}
	return nil
}

// FillDemo fills an empty store with about 40 realistic cases in every
// stage up to the meeting: received, verifying (with evidence), ready (all
// evidence in), withdrawn; among them one student who applied to three
// departments for freshman aid, and households that hold aid already.
// The meeting package adds decided cases on top.
func FillDemo(st *casefile.Store, who string, seed uint64) (*DemoSummary, error) {
	if err := Empty(st); err != nil {
		return nil, err
	}
	cat := st.Catalog()
	g := New(cat, seed, st.Today())
	var drafts []*casefile.Draft
	// The student who applied to several departments for the same aid.
	if ps := g.GroupProjects("college_freshman"); len(ps) >= 3 {
		stu := g.Person(18, 18)
		stu.Flags = []string{casefile.FlagStudent}
		// one household for the three applications, the student earning
		// a little in the holidays
		hh := g.Household(stu)
		hh.Members[0].Incomes = []casefile.Income{{Kind: "wages", Source: "暑期勤工俭学", Monthly: casefile.Yuan(300)}}
		for i := 0; i < 3; i++ {
			d := g.DraftFor(stu, []string{ps[(i*3)%len(ps)].Code}, 20)
			d.Household = hh
			d.Household.Members = slices.Clone(hh.Members)
			d.Channel = []casefile.Channel{casefile.ChannelWindow, casefile.ChannelDepartment, casefile.ChannelMobile}[i]
			drafts = append(drafts, d)
		}
	}
	for len(drafts) < 40 {
		drafts = append(drafts, g.Draft(25))
	}
	cases, err := st.IntakeBatch(drafts, who)
	if err != nil {
		return nil, fmt.Errorf("demo intake: %w", err)
	}
	sum := &DemoSummary{Cases: len(cases), ByStatus: map[casefile.Status]int{}}
	for i, c := range cases {
		var stage int
		switch {
		case i < 3:
			stage = 2 // the freshman applicant goes to the meeting
		default:
			stage = i % 5 // 0 received, 1 verifying, 2–3 ready, 4 withdrawn/ready
		}
		if stage == 0 {
			sum.ByStatus[c.Status]++
			continue
		}
		cur := c
		kinds := cat.MissingEvidence(c)
		if stage == 1 && len(kinds) > 1 {
			kinds = kinds[:1]
		}
		if len(kinds) == 0 {
			kinds = []casefile.EvidenceKind{casefile.EvHomeVisit}
		}
		for _, k := range kinds {
			if cur, err = st.AddEvidence(cur.Number, cur.Version, g.Evidence(cur, k), "local:verifier"); err != nil {
				return nil, fmt.Errorf("demo evidence %s: %w", c.Number, err)
			}
		}
		switch {
		case stage == 4 && i%10 == 9:
			cur, err = st.Move(cur.Number, cur.Version, casefile.StatusWithdrawn, who, "申请人主动撤回申请")
		case stage >= 2:
			cur, err = st.Move(cur.Number, cur.Version, casefile.StatusReady, who, "核查完毕，提交综合研判")
			if err == nil {
				sum.Ready = append(sum.Ready, cur.Number)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("demo move %s: %w", c.Number, err)
		}
		sum.ByStatus[cur.Status]++
	}
	return sum, nil
}
