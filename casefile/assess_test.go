package casefile

import (
	"strings"
	"testing"
)

func TestIncomeCountsOnlyCountedKinds(t *testing.T) {
	cat := defaultCatalog(t)
	var counted, excluded *IncomeKind
	for i := range cat.IncomeKinds {
		k := &cat.IncomeKinds[i]
		if k.Counted && counted == nil {
			counted = k
		}
		if !k.Counted && excluded == nil {
			excluded = k
		}
	}
	if counted == nil || excluded == nil {
		t.Fatal("catalogue needs counted and excluded kinds")
	}
	dibaoMoney := cat.IncomeKind("城市低保金")
	if dibaoMoney == nil || dibaoMoney.Counted {
		t.Fatal("城市低保金 must be an excluded kind")
	}
	c := &Case{Household: Household{Members: []Member{
		{Relation: RelationSelf, Incomes: []Income{{Kind: counted.Key, Monthly: 175000}, {Kind: dibaoMoney.Key, Monthly: 39000}}},
		{Relation: "配偶", Incomes: []Income{{Kind: excluded.Key, Monthly: 20000}, {Kind: counted.Key, Monthly: 1}}},
		{Relation: "子女"},
	}}}
	inc := cat.Income(c)
	if inc.Counted != 175001 || inc.Excluded != 59000 || inc.Members != 3 || inc.PerCapita != 58334 {
		t.Errorf("income = %+v, want counted 1750.01, excluded 590.00, per capita 583.34", inc)
	}
	// A verified income check replaces the declaration.
	c.Evidence = []Evidence{{Kind: EvIncomeCheck, MonthlyIncome: 90000, Department: "civil_affairs", Date: Date{2026, 11, 1}}}
	if inc = cat.Income(c); !inc.Verified || inc.PerCapita != 30000 {
		t.Errorf("verified income = %+v", inc)
	}
	// A declared household size larger than the listed members divides by it.
	c.Evidence, c.Household.Size = nil, 5
	if inc = cat.Income(c); inc.PerCapita != 35000 {
		t.Errorf("per capita with size 5 = %s", inc.PerCapita)
	}
}

func TestFindingsCarryFigures(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	line := cat.Standard("urban_dibao")
	c := &Case{Number: "2026-000001", Status: StatusReceived, Received: testNow, Household: Household{Area: Urban,
		Members: []Member{{Relation: RelationSelf, Incomes: []Income{{Kind: "wages", Monthly: line + 12345}}}}},
		Apps: []Application{{Project: p.Code}}, Documents: []string{"身份证"}}
	c.Deadline = cat.Deadline(DateOf(testNow), []string{p.Code})
	fs := cat.Findings(c, DateOf(testNow), nil, nil)
	byKind := map[FindingKind]Finding{}
	for _, f := range fs {
		if _, seen := byKind[f.Kind]; !seen {
			byKind[f.Kind] = f
		}
	}
	inc := byKind[FindIncome]
	want := "人均月收入 " + (line + 12345).String() + " 元，高于标准 " + line.String() + " 元"
	if inc.Severity != SevError || !strings.Contains(inc.Text.ZH, want) || inc.Figures["threshold"] != line {
		t.Errorf("income finding = %+v, want %q", inc, want)
	}
	if !strings.Contains(inc.Text.EN, "above the line of "+line.String()) {
		t.Errorf("income finding EN = %s", inc.Text.EN)
	}
	// Only the income fails: the income finding says it, once.
	if f, ok := byKind[FindEligibility]; ok {
		t.Errorf("eligibility finding repeats the income finding: %+v", f)
	}
	md := byKind[FindMissingDoc]
	for _, d := range p.Documents {
		if d != "身份证" && !strings.Contains(md.Text.ZH, d) {
			t.Errorf("missing-document finding lacks %s: %s", d, md.Text.ZH)
		}
	}
	if strings.Contains(md.Text.ZH, "身份证") || strings.Count(md.Text.ZH, "户口簿") > 1 {
		t.Errorf("missing-document finding wrong: %s", md.Text.ZH)
	}
	if f := byKind[FindMissingEv]; !strings.Contains(f.Text.ZH, EvHomeVisit.Label(ZH)) {
		t.Errorf("missing-evidence finding = %+v", f)
	}
	if fs[0].Severity != SevError {
		t.Error("findings not ordered by severity")
	}
	// Deadline: two working days left warns; past the deadline is an error.
	near := c.Deadline
	for cat.Calendar.WorkdaysBetween(near, c.Deadline) < 2 {
		near = near.AddDays(-1)
	}
	if f, ok := cat.deadlineFinding(c, near); !ok || f.Severity != SevWarning || !strings.Contains(f.Text.ZH, "还有 2 个工作日") {
		t.Errorf("near deadline finding = %+v %v", f, ok)
	}
	late := cat.Calendar.AddWorkdays(c.Deadline, 1)
	if f, ok := cat.deadlineFinding(c, late); !ok || f.Severity != SevError || !strings.Contains(f.Text.ZH, "已超过办理时限 1 个工作日") {
		t.Errorf("late finding = %+v %v", f, ok)
	}
	// Below the line: information with the gap.
	c.Household.Members[0].Incomes[0].Monthly = line - 100
	for _, f := range cat.Findings(c, DateOf(testNow), nil, nil) {
		if f.Kind == FindIncome && (f.Severity != SevInfo || !strings.Contains(f.Text.ZH, "差额 1.00 元")) {
			t.Errorf("below-line finding = %+v", f)
		}
	}
}
