package printouts

import (
	"fmt"
	"strconv"

	"github.com/rongjiuzhu/hall/casefile"
)

// Roster prints the payment roll (社会救助资金发放花名册) of a month for
// the finance office: one row per payee and project with the full bank
// account (the roll goes to the bank, never on a public board), the
// recipient's masked ID number, the amount; then the totals per project
// and per department, monthly and one-off apart, in yuan to the fen.
func (p *Printer) Roster(r *casefile.Roll, today casefile.Date) ([]byte, error) {
	issuer, err := p.issuer()
	if err != nil {
		return nil, err
	}
	var first *Doc
	for _, f := range squeezes {
		d, err := NewDocFonts(p.fonts)
		if err != nil {
			return nil, err
		}
		d.SetInfo("发放花名册 " + r.Month)
		d.squeeze(f)
		p.roster(d, r, issuer, today)
		if !d.sealAlone {
			return d.Bytes()
		}
		if first == nil {
			first = d
		}
	}
	return first.Bytes()
}

// rosterMonth is "2026年12月" of "2026-12".
func rosterMonth(m string) string {
	d := casefile.FirstDay(m)
	return fmt.Sprintf("%d年%d月", d.Year, int(d.Month))
}

func (p *Printer) roster(d *Doc, r *casefile.Roll, issuer string, today casefile.Date) {
	d.Title("社会救助资金发放花名册")
	scope := "全部救助项目"
	if r.Project != "" {
		scope = p.projectName(r.Project)
	}
	monthly, once := 0, 0
	for _, row := range r.Rows {
		if row.Monthly {
			monthly++
		} else {
			once++
		}
	}
	d.Para(fmt.Sprintf("发放月份：%s；范围：%s。按月发放 %d 人次，一次性发放 %d 人次。未成年人的救助金发放至监护人账户。",
		rosterMonth(r.Month), scope, monthly, once))
	if len(r.Rows) > 0 {
		rows := make([][]string, len(r.Rows))
		for i, row := range r.Rows {
			payee := row.Payee
			if row.Payee != row.Recipient {
				payee += "\n（" + row.Recipient + "）"
			}
			acc := row.Account
			if acc == "" {
				acc = "未登记"
			}
			if row.Bank != "" {
				acc = row.Bank + "\n" + acc
			}
			rows[i] = []string{payee, row.MaskedID, acc, p.projectName(row.Project) + "\n" + amountText(kindOfRow(row), row.Amount)}
		}
		// Widths in points of the 442 pt line (cells pad 5 pt a side):
		// a four-character name, a masked ID number and a 16-digit
		// account whole; the project and its amount on two lines.
		d.Table([]Column{{Head: "收款人", Width: 66}, {Head: "受助人身份证号", Width: 136, Align: AlignCenter},
			{Head: "开户行及账号", Width: 126}, {Head: "救助项目及金额", Width: 114}}, rows)
	} else {
		d.Para("本月没有应发放的救助金。")
	}
	d.Blank()
	total := func(t casefile.RollTotal, name string) []string {
		return []string{name, strconv.Itoa(t.Rows), moneyOr(t.Amounts.Monthly), moneyOr(t.Amounts.OneOff)}
	}
	var trows [][]string
	for _, t := range r.ByProject {
		trows = append(trows, total(t, p.projectName(t.Key)))
	}
	for _, t := range r.ByDepartment {
		name := t.Key
		if dept := p.cat.Department(t.Key); dept != nil {
			name = dept.Name
		}
		trows = append(trows, total(t, "小计："+name))
	}
	trows = append(trows, []string{"合计", strconv.Itoa(len(r.Rows)), moneyOr(r.Total.Monthly), moneyOr(r.Total.OneOff)})
	d.Table([]Column{{Head: "项目 / 部门", Width: 180}, {Head: "人次", Width: 40, Align: AlignCenter},
		{Head: "按月发放", Width: 110, Align: AlignRight}, {Head: "一次性发放", Width: 110, Align: AlignRight}}, trows)
	d.SignatureBlock(issuer, today)
}

// kindOfRow is how a roll row pays.
func kindOfRow(r casefile.RollRow) casefile.ProjectKind {
	if r.Monthly {
		return casefile.KindMonthly
	}
	return casefile.KindOneOff
}

// moneyOr is m on paper, or "—" for none.
func moneyOr(m casefile.Money) string {
	if m == 0 {
		return "—"
	}
	return m.Paper()
}
