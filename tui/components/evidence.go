package components

import (
	"fmt"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// EvidenceFigures are an evidence item's figures in a line.
func EvidenceFigures(c *common.Common, ev casefile.Evidence) string {
	var fig []string
	switch ev.Kind {
	case casefile.EvIncomeCheck:
		fig = append(fig, c.T("ev.income")+" "+c.Money(ev.MonthlyIncome))
	case casefile.EvAssetCheck:
		fig = append(fig, c.T("ev.deposits")+" "+c.Money(ev.Deposits), c.T("ev.homes")+fmt.Sprintf(" %d", ev.Homes))
	case casefile.EvVehicle:
		fig = append(fig, c.T("ev.vehicles")+fmt.Sprintf(" %d", ev.Vehicles))
	case casefile.EvHousing:
		fig = append(fig, c.T("ev.homes")+fmt.Sprintf(" %d", ev.Homes))
	case casefile.EvMedicalBill:
		fig = append(fig, c.T("ev.total")+" "+c.Money(ev.MedicalTotal), c.T("ev.insurance")+" "+c.Money(ev.InsurancePaid),
			c.T("ev.compliant")+" "+c.Money(ev.Compliant))
	}
	if ev.Passed != nil {
		v := c.T("ev.passed_yes")
		if !*ev.Passed {
			v = c.T("ev.passed_no")
		}
		fig = append(fig, c.T("ev.passed")+" "+v)
	}
	return strings.Join(fig, c.T("list.sep"))
}
