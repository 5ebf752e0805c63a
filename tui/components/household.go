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
	h := c.Tf("findings.income", in.PerCapita.String(), in.Members, in.Counted.String())
	if in.Excluded > 0 {
		h += c.Tf("findings.excluded", in.Excluded.String())
	}
	if in.Verified {
		src := in.Source // "department date"
		if dept, date, ok := strings.Cut(src, " "); ok {
			src = c.DeptName(dept) + " " + date
		}
		h += c.Tf("dossier.verified", src)
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
	area := c.T("area.urban")
	if cs.Household.Area == casefile.Rural {
		area = c.T("area.rural")
	}
	lines := []string{c.Tf("dossier.household_head", cs.Household.Count(), area)}
	lines = append(lines, IncomeHead(c, cs)...)
	for _, m := range cs.Household.Members {
		lines = append(lines, fmt.Sprintf("  %s  %s  %s  %s %s", RelationLabel(c, m.Relation), m.Person.Name,
			idNumber(m.Person.DocNumber), m.Person.Sex.Label(c.Lang), c.Tf("dossier.age", m.Person.AgeOn(c.Today()))))
		for _, in := range m.Incomes {
			l := "      " + c.IncomeKindName(in.Kind) + "  " + c.Money(in.Monthly)
			if k := c.Catalog.IncomeKind(in.Kind); k != nil && !k.Counted {
				l += " " + c.T("intake.not_counted")
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
		lines = append(lines, "", c.T("dossier.household_aid"))
		for _, a := range other {
			verb := c.T("intake.aid_applied")
			if a.Holds() {
				verb = c.T("intake.aid_holds")
			}
			lines = append(lines, fmt.Sprintf("  %s %s %s %s  %s  %s %s", verb, a.Person, a.Project, c.ProjectName(a.Project),
				c.Money(a.Amount), a.CaseNumber, a.Status.Label(c.Lang)))
		}
	}
	return lines
}

// RelationLabel is a relation to the applicant in the current language.
func RelationLabel(c *common.Common, r string) string {
	if l := common.Tr(c.Lang, "rel."+r); !strings.HasPrefix(l, common.MissingMark) {
		return l
	}
	return r
}
