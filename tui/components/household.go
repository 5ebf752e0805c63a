package components

import (
	"fmt"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// IncomeHead is the line on a household's income: per head, members,
// counted income, what was left out and who verified it.
func IncomeHead(c *common.Common, cs *casefile.Case) []string {
	in := c.Catalog.Income(cs)
	h := c.Tf(common.LblFindingsIncome, in.PerCapita.String(), in.Members, in.Counted.String())
	if in.Excluded > 0 {
		h += c.Tf(common.LblFindingsExcluded, in.Excluded.String())
	}
	if in.Verified {
		src := in.Source // "department date"
		if dept, date, ok := strings.Cut(src, " "); ok {
			src = c.DeptName(dept) + " " + date
		}
		h += c.Tf(lblDossierVerified, src)
	}
	return []string{h}
}

// HouseholdLines are a case's household as the dossier and the meeting
// show it: the household, its income, each member with their incomes, and
// the aid the household's other cases hold. ID numbers are masked unless
// revealed.
func HouseholdLines(c *common.Common, cs *casefile.Case, aid []casefile.Aid, revealed bool) []string {
	idNumber := casefile.MaskID
	if revealed {
		idNumber = func(n string) string { return n }
	}
	lines := []string{c.Tf(lblDossierHouseholdHead, cs.Household.Count(), cs.Household.Area.Label(c.Lang))}
	lines = append(lines, IncomeHead(c, cs)...)
	for _, m := range cs.Household.Members {
		lines = append(lines, fmt.Sprintf("  %s  %s  %s  %s %s", c.T(casefile.RelationLabel(m.Relation)), m.Person.Name,
			idNumber(m.Person.DocNumber), m.Person.Sex.Label(c.Lang), c.Tf(lblDossierAge, m.Person.AgeOn(c.Today()))))
		for _, in := range m.Incomes {
			l := "      " + c.IncomeKindName(in.Kind) + "  " + c.Money(in.Monthly)
			if k := c.Catalog.IncomeKind(in.Kind); k != nil && !k.Counted {
				l += " " + c.T(common.LblIntakeNotCounted)
			}
			lines = append(lines, l)
		}
	}
	var other []casefile.Aid
	for _, a := range aid {
		if a.CaseNumber != cs.Number {
			other = append(other, a)
		}
	}
	if len(other) > 0 {
		lines = append(lines, "", c.T(lblDossierHouseholdAid))
		for _, a := range other {
			verb := c.T(common.LblIntakeAidApplied)
			if a.Holds() {
				verb = c.T(common.LblIntakeAidHolds)
			}
			lines = append(lines, fmt.Sprintf("  %s %s %s %s  %s  %s %s", verb, a.Person, a.Project, c.ProjectName(a.Project),
				c.ProjectAmount(a.Project, a.Amount), a.CaseNumber, a.Status.Label(c.Lang)))
		}
	}
	return lines
}
