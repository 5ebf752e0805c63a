package casefile

import (
	"reflect"
	"strings"
	"testing"
)

// eligibilityTexts runs the findings of a one-project case and returns
// the eligibility findings' texts in both languages.
func eligibilityTexts(t *testing.T, cat *Catalog, c *Case) (zh, en []string) {
	t.Helper()
	c.Number, c.Status, c.Received = "2026-000001", StatusReceived, testNow
	c.Deadline = cat.Deadline(DateOf(testNow), []string{c.Apps[0].Project})
	for _, f := range cat.Findings(c, DateOf(testNow), nil, nil) {
		if f.Kind == FindEligibility || f.Kind == FindIncome {
			zh, en = append(zh, f.Text.ZH), append(en, f.Text.EN)
		}
	}
	return zh, en
}

// TestFailedConditionsNamedWithFigures: MZ-05 and MZ-06 without a
// requested amount, a medical project without a bill and a household
// with too much in the bank each get a finding for the condition that
// failed, with its figure, and never the whole policy text (before: one
// "条件不符：<the whole eligibility note>（人均月收入 …）" finding).
func TestFailedConditionsNamedWithFigures(t *testing.T) {
	cat := defaultCatalog(t)
	one := func(code string, incomes []Income, ev ...Evidence) *Case {
		return &Case{Applicant: Person{Sex: Male}, Household: Household{Area: Urban, Members: []Member{{Relation: RelationSelf, Incomes: incomes}}},
			Apps: []Application{{Project: code}}, Evidence: ev}
	}
	for _, tc := range []struct {
		name, code string
		c          *Case
		zh, en     []string // each must appear in one finding
	}{
		{"MZ-05 without an amount", "MZ-05", one("MZ-05", nil), []string{"申请金额未填写"}, []string{"the requested amount is not filled in"}},
		{"MZ-06 without an amount", "MZ-06", one("MZ-06", nil), []string{"申请金额未填写"}, []string{"the requested amount is not filled in"}},
		{"MZ-06 above the near-dibao line", "MZ-06",
			one("MZ-06", []Income{{Kind: "wages", Monthly: 500000}}),
			[]string{"申请金额未填写", "人均月收入 5000.00 元，高于标准 " + cat.Standard("low_income_urban").String() + " 元"},
			[]string{"the requested amount is not filled in", "per-capita monthly income 5000.00 yuan is above the line of " + cat.Standard("low_income_urban").String() + " yuan"}},
		{"GH-03 without a medical bill", "GH-03", one("GH-03", nil), []string{"缺少医疗费用票据", "申请人未登记为「重病」"}, []string{"no medical bill is on file"}},
		{"MZ-01 with deposits", "MZ-01", one("MZ-01", nil, Evidence{Kind: EvAssetCheck, Deposits: 10000000, Homes: 3, Date: Date{2026, 11, 1}}),
			[]string{"人均存款 100000.00 元，高于", "住房 3 套，高于 1 套"}, []string{"deposits per person 100000.00 yuan is above", "homes 3 is above 1"}},
		{"FL-02 for a man", "FL-02", one("FL-02", nil), []string{"申请人性别为男，应为女"}, []string{"applicant's sex is Male; it must be Female"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			zh, en := eligibilityTexts(t, cat, tc.c)
			p := cat.Project(tc.code)
			for _, want := range tc.zh {
				if !containsIn(zh, want) {
					t.Errorf("no finding says %q; findings: %q", want, zh)
				}
			}
			for _, want := range tc.en {
				if !containsIn(en, want) {
					t.Errorf("no finding says %q; findings: %q", want, en)
				}
			}
			for _, s := range zh {
				if p.EligNote != "" && strings.Contains(s, p.EligNote) {
					t.Errorf("finding %q shows the whole policy text", s)
				}
			}
		})
	}
}

func containsIn(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestEveryConditionHasWords: every condition of every eligibility rule
// of the default catalogue, made to fail, is named in words (never the
// fallback, never the rule's source).
func TestEveryConditionHasWords(t *testing.T) {
	cat := defaultCatalog(t)
	env := &RuleEnv{Flag: map[string]bool{}, Standard: cat.stdMap, PerCapitaIncome: 99999999, DepositsPerCapita: 99999999,
		Homes: 5, Vehicles: 2, Age: 30, Sex: string(Male), Area: string(Urban)}
	fallback := T("不符合本项目的一项条件", "one of the project's conditions is not met")
	for _, p := range cat.Projects {
		for _, u := range cat.Unmet(p.Eligibility, env) {
			if strings.Contains(u.Text.ZH, fallback.ZH) || strings.Contains(u.Text.ZH, "&&") || strings.Contains(u.Text.EN, "standard.") {
				t.Errorf("%s: %q / %q", p.Code, u.Text.ZH, u.Text.EN)
			}
		}
	}
}

// TestNeedsRequested: the projects whose rule caps or tests the requested
// amount need one; the dibao computes its own.
func TestNeedsRequested(t *testing.T) {
	cat := defaultCatalog(t)
	for code, want := range map[string]bool{"MZ-05": true, "MZ-06": true, "JY-02": true, "MZ-01": false} {
		if got := cat.Project(code).NeedsRequested(); got != want {
			t.Errorf("%s NeedsRequested = %v, want %v", code, got, want)
		}
	}
}

// TestSameIntakeDuplicatesShowAmounts: applying for the urban dibao and
// urban extreme-poverty support at once (one group) shows each one's
// proposed monthly amount, not 0.00 元, and that the higher one would be
// kept (before: two findings of 0.00 元（本次同时申请）, nothing kept).
func TestSameIntakeDuplicatesShowAmounts(t *testing.T) {
	cat := defaultCatalog(t)
	c := &Case{Number: "", Status: StatusReceived, Received: testNow,
		Applicant: Person{Sex: Male, Birth: Date{1950, 1, 1}},
		Household: Household{Area: Urban, Members: []Member{{Relation: RelationSelf, Incomes: []Income{{Kind: "wages", Monthly: 20000}}}}},
		Apps:      []Application{{Project: "MZ-01"}, {Project: "MZ-03"}}}
	// From the rules: MZ-01 = (790.00 − 200.00) × 1 = 590.00 a month;
	// MZ-03 = the urban extreme-poverty standard × 1 a month.
	dibao := Money(79000 - 20000)
	support := cat.Standard("extreme_poverty_urban")
	if support <= dibao {
		t.Fatalf("the test wants support (%s) above the dibao (%s)", support, dibao)
	}
	var conflicts []Conflict
	for _, s := range [][2]string{{"MZ-01", "MZ-03"}, {"MZ-03", "MZ-01"}} {
		conflicts = append(conflicts, Conflict{Group: "basic_living", Project: s[1], For: s[0], Department: "civil_affairs"})
	}
	var dups []Finding
	for _, f := range cat.Findings(c, DateOf(testNow), conflicts, nil) {
		if f.Kind == FindDuplicate {
			dups = append(dups, f)
		}
	}
	if len(dups) != 1 {
		t.Fatalf("want one finding for the group, got %+v", dups)
	}
	f := dups[0]
	for _, want := range []string{"「城市最低生活保障」每月 " + dibao.Grouped() + " 元", "「城市特困人员救助供养」每月 " + support.Grouped() + " 元",
		"保留「城市特困人员救助供养」"} {
		if !strings.Contains(f.Text.ZH, want) {
			t.Errorf("finding %q lacks %q", f.Text.ZH, want)
		}
	}
	if strings.Contains(f.Text.ZH, "0.00 元（本次同时申请）") {
		t.Errorf("finding still shows 0.00: %q", f.Text.ZH)
	}
	if !strings.Contains(f.Text.EN, dibao.Grouped()+" yuan a month") || !strings.Contains(f.Text.EN, "would be kept") {
		t.Errorf("English finding %q", f.Text.EN)
	}
	if f.Project != "MZ-03" || f.Figures["proposed:MZ-01"] != dibao || f.Figures["proposed:MZ-03"] != support {
		t.Errorf("finding project %q figures %v", f.Project, f.Figures)
	}
}

// TestMemberFlagsReachTheRules: a rule can ask whether any member of the
// household carries a flag (member_flag.NAME), and a failed one says so.
func TestMemberFlagsReachTheRules(t *testing.T) {
	cat := defaultCatalog(t)
	r, err := compileRule("member_flag.serious_illness", reflect.Bool)
	if err != nil {
		t.Fatal(err)
	}
	c := &Case{Household: Household{Members: []Member{{Relation: RelationSelf},
		{Relation: "子女", Person: Person{Flags: []string{FlagStudent}}}}}}
	env := cat.Env(c, nil, nil)
	if ok, _ := r.Bool(env); ok {
		t.Fatal("no member is ill")
	}
	if u := cat.Unmet(r, env); len(u) != 1 || u[0].Text.ZH != "家庭成员中无人登记为「重病」" {
		t.Errorf("unmet %+v", u)
	}
	c.Household.Members[1].Person.Flags = append(c.Household.Members[1].Person.Flags, FlagSeriousIllness)
	if ok, _ := r.Bool(cat.Env(c, nil, nil)); !ok {
		t.Error("the child's serious illness does not reach member_flag")
	}
}

// TestNoBillIsSaidSo: a project that needs a medical cost above a line
// (YB-02) says the bill is missing when there is none, not "0.00 below
// the line".
func TestNoBillIsSaidSo(t *testing.T) {
	cat := defaultCatalog(t)
	env := cat.Env(&Case{Household: Household{Members: []Member{{Relation: RelationSelf}}}}, &Application{Project: "YB-02"}, nil)
	if u := cat.Unmet(cat.Project("YB-02").Eligibility, env); len(u) != 1 || u[0].Text.ZH != "缺少医疗费用票据" {
		t.Errorf("YB-02 without a bill: %+v", u)
	}
}

// TestSameIntakeKeptFromAnotherCase: when another case of the person
// holds a project of the group, the group's finding says that one is
// kept and this application's are not granted again.
func TestSameIntakeKeptFromAnotherCase(t *testing.T) {
	cat := defaultCatalog(t)
	c := &Case{Status: StatusReceived, Received: testNow, Applicant: Person{Sex: Male, Birth: Date{1950, 1, 1}},
		Household: Household{Area: Urban, Members: []Member{{Relation: RelationSelf, Incomes: []Income{{Kind: "wages", Monthly: 20000}}}}},
		Apps:      []Application{{Project: "MZ-01"}, {Project: "MZ-03"}}}
	held := Conflict{Group: "basic_living", Project: "MZ-01", For: "MZ-01", Amount: 10000, CaseNumber: "2026-000007",
		Status: StatusApproved, Received: Date{2026, 10, 1}}
	conflicts := []Conflict{
		{Group: "basic_living", Project: "MZ-03", For: "MZ-01"}, {Group: "basic_living", Project: "MZ-01", For: "MZ-03"}, held}
	var group []Finding
	for _, f := range cat.Findings(c, DateOf(testNow), conflicts, nil) {
		if f.Kind == FindDuplicate && strings.Contains(f.Text.ZH, "本次同时申请") {
			group = append(group, f)
		}
	}
	if len(group) != 1 || !strings.Contains(group[0].Text.ZH, "将保留案件 2026-000007 已享受的「城市最低生活保障」") ||
		!strings.Contains(group[0].Text.EN, "held in case 2026-000007") {
		t.Errorf("group finding %+v", group)
	}
}
