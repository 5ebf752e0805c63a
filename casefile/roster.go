package casefile

import (
	"slices"
)

// The payment roll (发放花名册) of a month: every monthly aid running in
// it at its amount for that month, and every approved one-off not yet
// paid; one row per payee and project, totals per project and per
// department in fen, monthly and one-off apart.

// RollRow is one payment of a roll.
type RollRow struct {
	Project    string `json:"project"`
	Department string `json:"department"`
	Monthly    bool   `json:"monthly"` // a monthly aid; else a one-off
	Case       string `json:"case"`
	Recipient  string `json:"recipient"` // the person aided
	MaskedID   string `json:"masked_id"`
	Payee      string `json:"payee"` // the account holder (the guardian for a child)
	Bank       string `json:"bank,omitempty"`
	Account    string `json:"account,omitempty"` // full: for the finance office's export only
	Amount     Money  `json:"amount"`
	Township   string `json:"township,omitempty"`
	// Start is the month the aid started (monthly aid).
	Start string `json:"start,omitempty"`
}

// MaskedAccount is the row's account with all but the last four digits
// hidden, as screens show it.
func (r RollRow) MaskedAccount() string { return MaskAccount(r.Account) }

// RollTotal is the total of one project or department.
type RollTotal struct {
	Key     string  `json:"key"`
	Rows    int     `json:"rows"`
	Amounts Amounts `json:"amounts"`
}

// Roll is the payment roll of one month.
type Roll struct {
	Month        string      `json:"month"`
	Project      string      `json:"project,omitempty"` // only this project when set
	Rows         []RollRow   `json:"rows"`
	ByProject    []RollTotal `json:"by_project"`
	ByDepartment []RollTotal `json:"by_department"`
	Total        Amounts     `json:"total"`
}

// Roll builds the payment roll of month m ("2026-12"), for project when
// it is not "".
func (t *Tx) Roll(m, project string) (*Roll, error) {
	m, err := ParseMonth(m)
	if err != nil {
		return nil, err
	}
	cat := t.s.cat
	if project != "" {
		p := cat.Project(project)
		if p == nil {
			return nil, ErrInvalid.Withf("项目 %q 不在目录中", "project %q is not in the catalogue", project)
		}
		project = p.Code
	}
	day := FirstDay(m)
	r := &Roll{Month: m, Project: project, Rows: []RollRow{}}
	err = t.aidEntries(func(e *aidEntry) error {
		if !e.Status.Effective() {
			return nil
		}
		c := e.asCase()
		for _, a := range c.Apps {
			if project != "" && a.Project != project {
				continue
			}
			row := RollRow{Project: a.Project, Case: e.Number, Recipient: e.Name, MaskedID: e.MaskedID,
				Payee: e.payee(day), Township: e.Township}
			if p := cat.Project(a.Project); p != nil {
				row.Department = p.Department
			}
			if acc := c.accountOf(); acc != nil {
				row.Bank, row.Account = acc.Bank, acc.Number
			}
			switch {
			case cat.kindOf(a.Project) == KindMonthly:
				row.Monthly, row.Amount, row.Start = true, c.AmountIn(a.Project, m), a.StartMonth
			case cat.paysOnce(a.Project) && !c.Paid(a.Project):
				row.Amount = a.Granted - c.paidSoFar(a.Project) // less an emergency payment first
			}
			if row.Amount > 0 {
				r.Rows = append(r.Rows, row)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	order := map[string]int{}
	for i, p := range cat.Projects {
		order[p.Code] = i
	}
	slices.SortStableFunc(r.Rows, func(a, b RollRow) int {
		if d := order[a.Project] - order[b.Project]; d != 0 {
			return d
		}
		return compareStrings(a.Case, b.Case)
	})
	byProject, byDept := map[string]*RollTotal{}, map[string]*RollTotal{}
	add := func(m map[string]*RollTotal, key string, row RollRow) {
		m[key].Rows++
		m[key].Amounts.Add(cat.kindOf(row.Project), row.Amount)
	}
	// first pass fixes the lists' order; pointers are taken after
	for _, row := range r.Rows {
		if byProject[row.Project] == nil {
			r.ByProject = append(r.ByProject, RollTotal{Key: row.Project})
			byProject[row.Project] = &RollTotal{}
		}
		if byDept[row.Department] == nil {
			r.ByDepartment = append(r.ByDepartment, RollTotal{Key: row.Department})
			byDept[row.Department] = &RollTotal{}
		}
	}
	clear(byProject)
	clear(byDept)
	for i := range r.ByProject {
		byProject[r.ByProject[i].Key] = &r.ByProject[i]
	}
	for i := range r.ByDepartment {
		byDept[r.ByDepartment[i].Key] = &r.ByDepartment[i]
	}
	for _, row := range r.Rows {
		add(byProject, row.Project, row)
		add(byDept, row.Department, row)
		r.Total.Add(cat.kindOf(row.Project), row.Amount)
	}
	return r, nil
}

// accountOf is c's payment account, or nil.
func (c *Case) accountOf() *Account {
	if c.Life == nil {
		return nil
	}
	return c.Life.Account
}

// MarkPaid records the one-offs of month m's roll (of project when set)
// as paid, in one transaction: each case gets the payment and a history
// entry, and a notified case with nothing left to do closes. It returns
// the rows marked.
func (s *Store) MarkPaid(m, project, who string) ([]RollRow, error) {
	var out []RollRow
	err := s.Update(func(t *Tx) error {
		if err := t.Require(who, PermMove); err != nil {
			return err
		}
		r, err := t.Roll(m, project)
		if err != nil {
			return err
		}
		byCase := map[string][]RollRow{}
		var order []string
		for _, row := range r.Rows {
			if row.Monthly {
				continue
			}
			if byCase[row.Case] == nil {
				order = append(order, row.Case)
			}
			byCase[row.Case] = append(byCase[row.Case], row)
		}
		for _, number := range order {
			old, err := t.Case(number)
			if err != nil {
				return err
			}
			c := cloneCaseLife(old)
			var what List
			for _, row := range byCase[number] {
				c.life().Payments = append(c.life().Payments, Payment{Project: row.Project, Amount: row.Amount, Roll: r.Month, At: t.now, By: who})
				what = append(what, T("%s %s 元", "%s %s yuan", t.s.cat.projectLabeler(row.Project), row.Amount.Grouped()))
				out = append(out, row)
			}
			t.settle(c)
			note := T("%s 花名册发放：%s", "paid on the %s roll: %s", r.Month, what)
			if err := t.putCaseLife(old, c, Change{Who: who, Action: string(ActionPaid), Note: note}); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}
