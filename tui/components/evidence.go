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
		fig = append(fig, c.T(common.LblEvIncome)+" "+c.Money(ev.MonthlyIncome))
	case casefile.EvAssetCheck:
		fig = append(fig, c.T(common.LblEvDeposits)+" "+c.Money(ev.Deposits), c.T(common.LblEvHomes)+fmt.Sprintf(" %d", ev.Homes))
	case casefile.EvVehicle:
		fig = append(fig, c.T(common.LblEvVehicles)+fmt.Sprintf(" %d", ev.Vehicles))
	case casefile.EvHousing:
		fig = append(fig, c.T(common.LblEvHomes)+fmt.Sprintf(" %d", ev.Homes))
	case casefile.EvMedicalBill:
		fig = append(fig, c.T(common.LblEvTotal)+" "+c.Money(ev.MedicalTotal), c.T(common.LblEvInsurance)+" "+c.Money(ev.InsurancePaid),
			c.T(common.LblEvCompliant)+" "+c.Money(ev.Compliant))
	}
	if ev.Passed != nil {
		v := c.T(common.LblEvPassedYes)
		if !*ev.Passed {
			v = c.T(common.LblEvPassedNo)
		}
		fig = append(fig, c.T(common.LblEvPassed)+" "+v)
	}
	return strings.Join(fig, c.T(common.LblListSep))
}
