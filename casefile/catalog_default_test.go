package casefile

import (
	"regexp"
	"testing"
)

// defaultCatalogHouseholds are a few different households on which every
// rule of the default catalogue must evaluate without error.
func defaultCatalogHouseholds(c *Catalog) map[string]*RuleEnv {
	std := map[string]int64{}
	for _, s := range c.Standards {
		std[s.Key] = int64(s.Amount)
	}
	return map[string]*RuleEnv{
		"empty": {Standard: std},
		"urban poor family": {PerCapitaIncome: 30000, HouseholdIncome: 90000, Members: 3, Covered: 3,
			Area: string(Urban), Age: 45, Sex: string(Female), Flag: map[string]bool{FlagSeriousIllness: true},
			Standard: std, Deposits: 100000, DepositsPerCapita: 33333, Homes: 1,
			MedicalTotal: 8000000, InsurancePaid: 5000000, MedicalOOP: 2500000, Requested: 300000,
			Holding: []string{"MZ-01"}},
		"rural orphan": {PerCapitaIncome: 0, Members: 1, Covered: 1, Area: string(Rural), Age: 12,
			Sex: string(Male), Flag: map[string]bool{FlagOrphan: true, FlagStudent: true}, Standard: std,
			Holding: []string{"MZ-07", "XC-02"}},
		"rural disabled elder": {PerCapitaIncome: 20000, HouseholdIncome: 20000, Members: 1, Covered: 1,
			Area: string(Rural), Age: 72, Sex: string(Male), DisabilityGrade: 1,
			Flag: map[string]bool{FlagElderlyAlone: true, FlagVeteran: true}, Standard: std, Homes: 1,
			MedicalOOP: 50000, Holding: []string{"MZ-04", "CL-01", "CL-02"}},
		"well-off student": {PerCapitaIncome: 500000, HouseholdIncome: 2000000, Members: 4, Covered: 4,
			Area: string(Urban), Age: 18, Sex: string(Female), Flag: map[string]bool{FlagStudent: true},
			Standard: std, Deposits: 50000000, DepositsPerCapita: 12500000, Homes: 2, Vehicles: 1,
			Requested: 1000000},
	}
}

func TestDefaultCatalog(t *testing.T) {
	c, err := DefaultCatalog()
	if err != nil {
		t.Fatalf("default catalogue does not load: %v", err)
	}
	if !c.Illustrative {
		t.Error("default catalogue must be marked illustrative")
	}
	if c.County.Name == "" || c.County.ReconsiderationBody == "" || c.County.Court == "" || c.County.ReferencePrefix == "" {
		t.Errorf("county incomplete: %+v", c.County)
	}
	if n := len(c.Departments); n != 17 {
		t.Errorf("departments = %d, want 17", n)
	}
	if n := len(c.Projects); n < 45 || n > 55 {
		t.Errorf("projects = %d, want 45..55", n)
	}
	for _, d := range c.Departments {
		if len(c.ProjectsOf(d.Key)) == 0 {
			t.Errorf("department %s has no project", d.Key)
		}
	}

	// Same policy only once: college freshman aid from many departments,
	// with different amounts so that the highest single amount matters.
	env := defaultCatalogHouseholds(c)["rural orphan"]
	freshDepts := map[string]bool{}
	freshAmounts := map[Money]bool{}
	for _, p := range c.Projects {
		if p.Group != "college_freshman" {
			continue
		}
		freshDepts[p.Department] = true
		m, err := p.Amount.Money(env)
		if err != nil {
			t.Errorf("%s amount: %v", p.Code, err)
		}
		freshAmounts[m] = true
	}
	if len(freshDepts) < 7 {
		t.Errorf("college_freshman offered by %d departments, want >= 7", len(freshDepts))
	}
	if len(freshAmounts) < 2 {
		t.Errorf("college_freshman amounts all equal: %v", freshAmounts)
	}

	// Every rule evaluates on every sample household, and names only
	// standards the catalogue defines (an unknown key would read as 0).
	stdRef := regexp.MustCompile(`standard\.([A-Za-z0-9_]+)`)
	for name, env := range defaultCatalogHouseholds(c) {
		for _, p := range c.Projects {
			for field, r := range map[string]*Rule{"threshold": p.Threshold, "amount": p.Amount} {
				if r == nil {
					continue
				}
				if _, err := r.Money(env); err != nil {
					t.Errorf("%s %s on %q: %v", p.Code, field, name, err)
				}
			}
			if _, err := p.Eligibility.Bool(env); err != nil {
				t.Errorf("%s eligibility on %q: %v", p.Code, name, err)
			}
		}
	}
	for _, p := range c.Projects {
		if p.Amount == nil {
			t.Errorf("%s has no amount rule", p.Code)
		}
		if p.Eligibility == nil || p.EligNote == "" {
			t.Errorf("%s needs an eligibility rule and note", p.Code)
		}
		if p.TimeLimit <= 0 || p.LegalBasis == "" || len(p.Documents) == 0 {
			t.Errorf("%s needs a time limit, legal basis and documents", p.Code)
		}
		for _, r := range []*Rule{p.Threshold, p.Eligibility, p.Amount} {
			if r == nil {
				continue
			}
			for _, m := range stdRef.FindAllStringSubmatch(r.Source, -1) {
				if _, ok := c.stdMap[m[1]]; !ok {
					t.Errorf("%s: rule %q names unknown standard %q", p.Code, r.Source, m[1])
				}
			}
		}
		if p.Kind == KindLoan && p.Group != "" {
			t.Errorf("loan %s is in group %s", p.Code, p.Group)
		}
		if p.Kind == KindMonthly && p.Months != 12 {
			t.Errorf("monthly %s pays %d months, want 12", p.Code, p.Months)
		}
	}
	loans := 0
	for _, p := range c.Projects {
		if p.Kind == KindLoan {
			loans++
		}
	}
	if loans == 0 {
		t.Error("no loan project (student loan expected)")
	}

	// Urban dibao, found by what it is rather than by code or amount: the
	// monthly urban basic-living project whose amount is the gap between
	// the line and the household's income (extreme-poverty support pays
	// its standard whatever the income).
	line := c.stdMap["urban_dibao"]
	if line <= 0 {
		t.Fatal("standard urban_dibao missing")
	}
	poor := &RuleEnv{PerCapitaIncome: line - 20000, HouseholdIncome: 3 * (line - 20000), Members: 3, Covered: 3,
		Area: string(Urban), Age: 40, Flag: map[string]bool{}, Standard: c.stdMap, Homes: 1,
		Deposits: 300000, DepositsPerCapita: 100000}
	var dibao *Project
	for _, p := range c.Projects {
		if p.Kind != KindMonthly || p.Group != "basic_living" || p.Area != Urban || p.Threshold == nil {
			continue
		}
		poorer := *poor
		poorer.PerCapitaIncome -= 10000
		poorer.HouseholdIncome -= 3 * 10000 // amount rules read the exact household_income ÷ members
		a, err1 := p.Amount.Money(poor)
		b, err2 := p.Amount.Money(&poorer)
		if err1 == nil && err2 == nil && b > a {
			if dibao != nil {
				t.Errorf("two urban dibao-like projects: %s and %s", dibao.Code, p.Code)
			}
			dibao = p
		}
	}
	if dibao == nil {
		t.Fatal("no urban dibao project (monthly, basic_living, urban, amount falling with income)")
	}
	if dibao.TimeLimit != 30 {
		t.Errorf("urban dibao time limit %d, want 30", dibao.TimeLimit)
	}
	if ok, err := dibao.Eligibility.Bool(poor); err != nil || !ok {
		t.Errorf("urban dibao: household below the line not eligible (%v, %v)", ok, err)
	}
	if th, err := dibao.Threshold.Money(poor); err != nil || int64(th) != line {
		t.Errorf("urban dibao threshold = %v (%v), want %d", th, err, line)
	}
	if m, err := dibao.Amount.Money(poor); err != nil || m != Money(3*20000) {
		t.Errorf("urban dibao amount = %v (%v), want %v", m, err, Money(3*20000))
	}
	rich := *poor
	rich.PerCapitaIncome = line + 100
	rich.HouseholdIncome = 3 * (line + 100)
	if ok, err := dibao.Eligibility.Bool(&rich); err != nil || ok {
		t.Errorf("urban dibao: household above the line eligible (%v, %v)", ok, err)
	}
	if m, err := dibao.Amount.Money(&rich); err != nil || m != 0 {
		t.Errorf("urban dibao amount above the line = %v (%v), want 0", m, err)
	}
	for _, p := range c.Projects {
		if p.Group == "basic_living" && p.Area == Urban {
			if ok, err := p.Eligibility.Bool(&rich); err != nil || ok {
				t.Errorf("%s: household above the urban line eligible (%v, %v)", p.Code, ok, err)
			}
		}
	}
	car := *poor
	car.Vehicles = 1
	if ok, _ := dibao.Eligibility.Bool(&car); ok {
		t.Error("urban dibao: household with a car eligible")
	}

	// Income kinds: dibao money is excluded; wages include public-welfare posts.
	k := c.IncomeKind("城市低保金")
	if k == nil || k.Counted {
		t.Errorf("城市低保金 must be an excluded income kind, got %+v", k)
	}
	found := false
	for _, ik := range c.IncomeKinds {
		for _, a := range ik.Aliases {
			if a == "城市低保金" && !ik.Counted {
				found = true
			}
		}
	}
	if !found {
		t.Error("no excluded income kind with alias 城市低保金")
	}
	if k := c.IncomeKind("公益性岗位工资"); k == nil || !k.Counted {
		t.Errorf("公益性岗位工资 must be counted, got %+v", k)
	}

	// The calendar knows the 2026 Spring Festival and its make-up day.
	if c.Calendar.IsWorkday(Date{2026, 2, 17}) || !c.Calendar.IsWorkday(Date{2026, 2, 14}) {
		t.Error("calendar 2026 Spring Festival wrong")
	}
	if !c.Meeting.Quorum.Eval(CountEnv{Members: 9, Present: 5}) || c.Meeting.Quorum.Eval(CountEnv{Members: 10, Present: 5}) {
		t.Error("quorum rule wrong")
	}
}
