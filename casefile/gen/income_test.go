package gen_test

import (
	"slices"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

// TestIncomeSourcesFitTheirKind: a generated income names a payer that
// pays that kind of income — dibao money from the civil affairs bureau,
// a disability subsidy from the disabled persons' federation —, never an
// employer such as 外出务工 for a social-assistance payment (before: every
// kind drew its payer from the employers, and a letter read
// 社会救助金（外出务工）).
func TestIncomeSourcesFitTheirKind(t *testing.T) {
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"social_assistance":     {"县民政局"},
		"veterans_preferential": {"县退役军人事务局"},
		"disability_subsidy":    {"县残联"},
		"old_age_allowance":     {"县民政局"},
	}
	employers := []string{"县环卫所", "某建筑公司", "镇公益性岗位", "县城超市", "个体经营", "某物流公司", "村集体", "外出务工"}
	g := gen.New(cat, 11, casefile.Date{Year: 2026, Month: 11, Day: 27})
	seen := map[string]int{}
	for range 400 {
		d := g.Draft(0)
		for _, m := range d.Household.Members {
			for _, in := range m.Incomes {
				seen[in.Kind]++
				if w, ok := want[in.Kind]; ok && !slices.Contains(w, in.Source) {
					t.Errorf("%s paid by %q, want one of %v", in.Kind, in.Source, w)
				}
				if in.Kind != "wages" && in.Kind != "business" && slices.Contains(employers, in.Source) {
					t.Errorf("%s paid by the employer %q", in.Kind, in.Source)
				}
			}
		}
	}
	for k := range want {
		if seen[k] == 0 {
			t.Errorf("no %s income generated in 400 households: the test checks nothing", k)
		}
	}
}
