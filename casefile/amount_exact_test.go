package casefile

import (
	"math/rand/v2"
	"testing"
)

// household builds a case of n co-resident members, an urban or rural
// household, whose counted wages are the given fen per member.
func household(area Area, wages ...Money) *Case {
	c := &Case{Household: Household{Area: area}}
	for i, w := range wages {
		m := Member{Person: Person{Name: "成员"}, Relation: "子女"}
		if i == 0 {
			m.Relation = RelationSelf
		}
		if w > 0 {
			m.Incomes = []Income{{Kind: "wages", Monthly: w}}
		}
		c.Household.Members = append(c.Household.Members, m)
	}
	return c
}

// The minimum-living amount is standard × covered − counted household
// income, in fen: 79000 × 3 − 175000 = 237000 − 175000 = 62000 fen, i.e.
// 620.00 yuan. Rounding the per-capita figure first gives
// 175000 ÷ 3 = 58333.33 → 58333, (79000 − 58333) × 3 = 20667 × 3 = 62001
// fen, 620.01 yuan: the code before this test did that.
func TestDibaoAmountFromHouseholdTotals(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	c := household(Urban, 175000, 0, 0)
	got, err := cat.ProposeAmount(c, &Application{Project: p.Code}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := Money(62000); got != want {
		t.Errorf("%s for 3 members with 1750.00 income: got %s yuan, want %s", p.Code, got, want)
	}
	// The per-capita figure stays rounded for screens and comparisons.
	if inc := cat.Income(c); inc.PerCapita != 58333 {
		t.Errorf("per-capita income: got %s, want 583.33", inc.PerCapita)
	}
	// 2 members, 1000.01 income: 79000 × 2 − 100001 = 57999 fen (579.99);
	// rounded first: 50000.5 → 50001, (79000 − 50001) × 2 = 57998 (579.98).
	c = household(Urban, 100001, 0)
	if got, _ := cat.ProposeAmount(c, &Application{Project: p.Code}, nil); got != 57999 {
		t.Errorf("2 members with 1000.01 income: got %s, want 579.99", got)
	}
}

// For random households the dibao amount is exactly standard × covered −
// counted income, clamped at 0 (the default catalogue sets no minimum
// amount), for urban and rural households alike.
func TestDibaoAmountProperty(t *testing.T) {
	cat := defaultCatalog(t)
	r := rand.New(rand.NewPCG(9, 10))
	for _, area := range []Area{Urban, Rural} {
		p := projectWhere(t, cat, func(p *Project) bool {
			return p.Kind == KindMonthly && p.Group == "basic_living" && p.Area == area && p.Threshold != nil
		})
		std := Money(cat.stdMap[string(area)+"_dibao"])
		if std == 0 {
			t.Fatalf("no %s dibao standard", area)
		}
		for i := 0; i < 3000; i++ {
			n := 1 + r.IntN(9)
			wages := make([]Money, n)
			var income Money
			for j := range wages {
				if r.IntN(3) == 0 {
					wages[j] = Money(r.Int64N(int64(std) * 2))
				}
				income += wages[j]
			}
			c := household(area, wages...)
			got, err := cat.ProposeAmount(c, &Application{Project: p.Code}, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := max(0, std*Money(n)-income)
			if got != want {
				t.Fatalf("%s, %d members, income %s: got %s, want %s × %d − %s = %s", p.Code, n, income, got, std, n, income, want)
			}
		}
	}
}

// A case's amounts are summed by how each project pays: the dibao
// 62000 fen a month, the freshman grant 300000 fen and the medical share
// 700000 fen once (300000 + 700000 = 1000000), the student loan apart;
// a declined application adds nothing.
func TestCaseAmountsByKind(t *testing.T) {
	cat := defaultCatalog(t)
	apps := []Application{
		{Project: "MZ-01", Proposed: 62000, Outcome: OutcomeGranted, Granted: 62000},
		{Project: "MZ-10", Proposed: 300000, Outcome: OutcomeGranted, Granted: 300000},
		{Project: "YB-01", Proposed: 700000, Outcome: OutcomeGranted, Granted: 700000},
		{Project: "JY-02", Proposed: 800000, Outcome: OutcomeGranted, Granted: 800000},
		{Project: "CL-03", Proposed: 350000, Outcome: OutcomeDeclined},
	}
	want := Amounts{Monthly: 62000, OneOff: 1000000, Loan: 800000}
	if got := cat.Granted(apps); got != want {
		t.Errorf("granted %+v, want %+v", got, want)
	}
	if got := cat.Proposed(apps); got != want {
		t.Errorf("proposed %+v, want %+v", got, want)
	}
	if got := want.Text(); got.ZH != "每月 620.00 元，一次性 10,000.00 元，贷款 8,000.00 元" ||
		got.EN != "620.00 yuan a month, 10,000.00 yuan one-off, 8,000.00 yuan loan" {
		t.Errorf("text %q", got)
	}
	if got := (Amounts{}).Text(); got.ZH != "0.00 元" {
		t.Errorf("zero text %q", got)
	}
}
