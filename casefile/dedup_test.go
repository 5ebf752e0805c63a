package casefile

import (
	"strings"
	"testing"
	"time"
)

// freshmanTrio returns three college_freshman projects of different
// departments with three different amounts, lowest first.
func freshmanTrio(t *testing.T, cat *Catalog) [3]*Project {
	t.Helper()
	ps := groupProjects(cat, "college_freshman")
	depts := map[string]bool{}
	amounts := map[Money]bool{}
	var out []*Project
	env := &RuleEnv{Standard: cat.stdMap, Flag: map[string]bool{}}
	for _, p := range ps {
		m, err := p.Amount.Money(env)
		if err != nil || depts[p.Department] || amounts[m] {
			continue
		}
		depts[p.Department], amounts[m] = true, true
		out = append(out, p)
		if len(out) == 3 {
			break
		}
	}
	if len(out) < 3 {
		t.Fatal("need 3 freshman projects of different departments and amounts")
	}
	amt := func(p *Project) Money { m, _ := p.Amount.Money(env); return m }
	// sort by amount ascending
	for i := 0; i < 3; i++ {
		for j := i + 1; j < 3; j++ {
			if amt(out[j]) < amt(out[i]) {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return [3]*Project{out[0], out[1], out[2]}
}

func TestCollegeFreshmanGroupOfferedBySevenDepartments(t *testing.T) {
	cat := defaultCatalog(t)
	depts := map[string]bool{}
	for _, p := range groupProjects(cat, "college_freshman") {
		depts[p.Department] = true
	}
	if len(depts) < 7 {
		t.Errorf("college_freshman offered by %d departments, want >= 7", len(depts))
	}
}

func TestLiveCheckWarnsAtIntake(t *testing.T) {
	st, _, _ := newStore(t)
	cat := st.Catalog()
	trio := freshmanTrio(t, cat)
	id := idFor("20080901", 12)
	first := mustIntake(t, st, draft(id, "赵学生", []string{trio[0].Code}), "local:desk")
	var got []Conflict
	st.View(func(tx *Tx) error {
		got = tx.LiveCheck(&Person{DocNumber: id, DocType: DocResidentID}, []string{trio[2].Code}, DateOf(testNow))
		return nil
	})
	if len(got) != 1 {
		t.Fatalf("live check = %+v", got)
	}
	cf := got[0]
	if cf.CaseNumber != first.Number || cf.Project != trio[0].Code || cf.Department != trio[0].Department || cf.Amount != first.Apps[0].Proposed || cf.For != trio[2].Code {
		t.Errorf("conflict = %+v", cf)
	}
	f := cat.conflictFinding(cf)
	dept := cat.Department(trio[0].Department).Name
	if !strings.Contains(f.Text.ZH, dept) || !strings.Contains(f.Text.ZH, trio[0].Name) || !strings.Contains(f.Text.ZH, first.Apps[0].Proposed.String()) {
		t.Errorf("finding lacks project, department or amount: %s", f.Text.ZH)
	}
	// Two projects of one group in the same new application conflict too.
	st.View(func(tx *Tx) error {
		got = tx.LiveCheck(&Person{DocNumber: idFor("20080901", 14)}, []string{trio[1].Code, trio[2].Code}, DateOf(testNow))
		return nil
	})
	if len(got) != 2 || got[0].CaseNumber != "" {
		t.Errorf("same-application conflict = %+v", got)
	}
	// Another year does not conflict for a "year" group.
	st.View(func(tx *Tx) error {
		got = tx.LiveCheck(&Person{DocNumber: id}, []string{trio[2].Code}, Date{2027, 9, 1})
		return nil
	})
	if len(got) != 0 {
		t.Errorf("next year's application conflicts: %+v", got)
	}
}

func TestBatchDedupKeepsHighestAcrossThreeDepartments(t *testing.T) {
	st, clk, _ := newStore(t)
	cat := st.Catalog()
	trio := freshmanTrio(t, cat)
	id := idFor("20080901", 12)
	var numbers []string
	// received lowest amount first, highest last
	for i, p := range trio {
		clk.t = testNow.Add(time.Duration(i) * time.Hour)
		c := mustIntake(t, st, draft(id, "赵学生", []string{p.Code}), "local:desk")
		numbers = append(numbers, c.Number)
	}
	// someone else with a single application is left alone
	mustIntake(t, st, draft(idFor("20080902", 14), "钱同学", []string{trio[0].Code}), "local:desk")
	rep := mustResolve(t, st, false, "local:secretary")
	if len(rep.Groups) != 1 || len(rep.Groups[0].Apps) != 3 {
		t.Fatalf("report = %+v", rep)
	}
	g := rep.Groups[0]
	if g.Group != "college_freshman" || g.Person != "赵学生" || strings.Contains(g.IDMasked, id[6:14]) {
		t.Errorf("group header = %+v", g)
	}
	kept := g.Apps[0]
	if !kept.Keep || kept.Project != trio[2].Code || kept.CaseNumber != numbers[2] {
		t.Errorf("kept %+v, want the highest (%s)", kept, trio[2].Code)
	}
	keptDept := cat.Department(trio[2].Department).Name
	for _, a := range g.Apps[1:] {
		if a.Keep || !strings.Contains(a.Reason.ZH, trio[2].Name) || !strings.Contains(a.Reason.ZH, keptDept) || !strings.Contains(a.Reason.ZH, numbers[2]) {
			t.Errorf("declined %+v: reason must name the kept project and department", a)
		}
	}
	var declined Amounts
	for _, a := range g.Apps[1:] {
		declined.Add(cat.kindOf(a.Project), a.Amount)
	}
	if rep.Totals.Declined != 2 || rep.Totals.DeclinedAmounts != declined {
		t.Errorf("totals = %+v", rep.Totals)
	}
	// A dry run writes nothing.
	st.View(func(tx *Tx) error {
		c, _ := tx.Case(numbers[0])
		if c.Apps[0].Dedup != nil {
			t.Error("dry run wrote marks")
		}
		return nil
	})
	rep, err := st.ResolveDuplicates(true, "local:secretary")
	if err != nil || rep.Changed != 3 {
		t.Fatalf("apply: changed %d, %v", rep.Changed, err)
	}
	st.View(func(tx *Tx) error {
		for i, n := range numbers {
			c, _ := tx.Case(n)
			m := c.Apps[0].Dedup
			if m == nil || m.Keep != (i == 2) {
				t.Errorf("case %s mark = %+v", n, m)
			}
			h, _ := tx.History(c.Seq)
			if last := h[len(h)-1]; last.Action != "dedup" || last.Who != "local:secretary" {
				t.Errorf("case %s last history = %+v", n, last)
			}
		}
		return nil
	})
	// Applying again changes nothing.
	if rep, _ = st.ResolveDuplicates(true, "local:secretary"); rep.Changed != 0 {
		t.Errorf("second apply changed %d", rep.Changed)
	}
	// Withdrawing the kept one leaves the middle one kept alone… after the
	// next run the two remaining conflict and the higher of them is kept.
	c, _ := st.Move(numbers[2], 0, StatusWithdrawn, "local:desk", "申请人撤回")
	if c.Status != StatusWithdrawn {
		t.Fatal("withdraw failed")
	}
	rep, _ = st.ResolveDuplicates(true, "local:secretary")
	if len(rep.Groups) != 1 || rep.Groups[0].Apps[0].Project != trio[1].Code || !rep.Groups[0].Apps[0].Keep {
		t.Errorf("after withdrawal: %+v", rep.Groups)
	}
}

func TestDedupTieBreaks(t *testing.T) {
	apps := []DedupApp{
		{CaseNumber: "2026-000009", Amount: 300000, Received: Date{2026, 9, 2}},
		{CaseNumber: "2026-000004", Amount: 300000, Received: Date{2026, 9, 2}},
		{CaseNumber: "2026-000001", Amount: 300000, Received: Date{2026, 9, 3}},
		{CaseNumber: "2026-000002", Amount: 200000, Received: Date{2026, 9, 1}},
	}
	rankApps(apps)
	var got []string
	for _, a := range apps {
		got = append(got, a.CaseNumber)
	}
	if strings.Join(got, " ") != "2026-000004 2026-000009 2026-000001 2026-000002" {
		t.Errorf("order = %v", got)
	}
}

func TestBatchDedupDeclinesWhatIsAlreadyHeld(t *testing.T) {
	st, clk, _ := newStore(t)
	cat := st.Catalog()
	trio := freshmanTrio(t, cat)
	id := idFor("20080901", 12)
	held := mustIntake(t, st, draft(id, "赵学生", []string{trio[0].Code}), "local:desk")
	// Decide it as approved, as a meeting would (the meeting package's
	// own tests drive the real thing).
	err := st.Update(func(tx *Tx) error {
		old, _ := tx.Case(held.Number)
		c := *old
		c.Apps = []Application{old.Apps[0]}
		c.Apps[0].Outcome, c.Apps[0].Granted = OutcomeGranted, old.Apps[0].Proposed
		c.Status = StatusApproved
		c.Decision = &Decision{Session: "YH2026-001", Result: StatusApproved, At: tx.Now(), By: "local:secretary"}
		return tx.PutCase(old, &c, Change{Who: "local:secretary", Action: "decision"})
	})
	if err != nil {
		t.Fatal(err)
	}
	clk.t = clk.t.Add(time.Hour)
	later := mustIntake(t, st, draft(id, "赵学生", []string{trio[2].Code}), "local:desk")
	rep := mustResolve(t, st, true, "local:secretary")
	if len(rep.Groups) != 1 || len(rep.Groups[0].Apps) != 2 {
		t.Fatalf("report %+v", rep.Groups)
	}
	h, o := rep.Groups[0].Apps[0], rep.Groups[0].Apps[1]
	if !h.Held || h.CaseNumber != held.Number || o.Keep || o.CaseNumber != later.Number {
		t.Errorf("held %+v, open %+v: the open application must be declined though its amount is higher", h, o)
	}
	if !strings.Contains(o.Reason.ZH, "已享受") || !strings.Contains(o.Reason.ZH, held.Number) {
		t.Errorf("reason %q does not name what is held", o.Reason.ZH)
	}
	st.View(func(tx *Tx) error {
		c, _ := tx.Case(later.Number)
		if c.Apps[0].Dedup == nil || c.Apps[0].Dedup.Keep {
			t.Errorf("open application not marked: %+v", c.Apps[0].Dedup)
		}
		c, _ = tx.Case(held.Number)
		if c.Apps[0].Dedup != nil {
			t.Errorf("held application re-marked: %+v", c.Apps[0].Dedup)
		}
		return nil
	})
}

func TestResolveDuplicatesForSomePeople(t *testing.T) {
	st, _, _ := newStore(t)
	trio := freshmanTrio(t, st.Catalog())
	var people []*Case
	for i, id := range []string{idFor("20080901", 12), idFor("20080902", 14)} {
		for _, p := range trio[:2] {
			c := mustIntake(t, st, draft(id, []string{"甲", "乙"}[i], []string{p.Code}), "local:desk")
			people = append(people, c)
		}
	}
	var rep *DedupReport
	err := st.Update(func(tx *Tx) (err error) {
		rep, err = tx.ResolveDuplicatesFor([]uint64{people[0].ApplicantID}, "local:secretary")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Groups) != 1 || rep.Groups[0].Person != "甲" || rep.Changed != 2 {
		t.Fatalf("report %+v", rep)
	}
	st.View(func(tx *Tx) error {
		for i, c := range people {
			got, _ := tx.Case(c.Number)
			if marked := got.Apps[0].Dedup != nil; marked != (i < 2) {
				t.Errorf("case %d of %s marked=%v", i, got.Applicant.Name, marked)
			}
		}
		return nil
	})
}
