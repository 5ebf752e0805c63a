package main

// hall roster: the payment roll of a month, on screen (accounts masked),
// as XLSX or PDF for the finance office (accounts in full), and the
// one-offs on it marked paid.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts"
	"github.com/rongjiuzhu/hall/printouts/spool"
)

func (a *app) newRosterCommand() *cobra.Command {
	var project, out, font string
	var markPaid, asJSON bool
	cmd := &cobra.Command{
		Use:   "roster MONTH [--project CODE] [--out roll.xlsx|roll.pdf] [--mark-paid]",
		Short: a.t("发放花名册：当月发放中的按月救助和未发放的一次性救助，按项目和部门合计", "Payment roll: the monthly aid running in a month and the one-offs not yet paid, with totals per project and department"),
		Long: a.t(`列出 MONTH（如 2026-12）的发放花名册：每项发放中的按月救助（决定次月起发放，按当月金额），
以及每项已批准尚未发放的一次性救助；每个收款人每个项目一行（未成年人为监护人），屏幕上账号遮蔽，
--out 导出的 XLSX 或 PDF 供财务发放，账号完整。--mark-paid 把花名册上的一次性救助记为已发放
（一个事务，记入各案件办理记录），已告知且再无待办的案件随之办结。`,
			`List the payment roll of MONTH (e.g. 2026-12): every monthly aid running in it (paid from the month after
the decision, at that month's amount) and every approved one-off not yet paid; one row per payee and
project (a child's guardian), accounts masked on screen, in full in the XLSX or PDF written by --out for
the finance office. --mark-paid records the roll's one-offs as paid (one transaction, each case's
history); a notified case with nothing left to do is closed.`),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := casefile.ParseMonth(args[0])
			if err != nil {
				return usageError{err}
			}
			ext := strings.ToLower(filepath.Ext(out))
			if out != "" && ext != ".xlsx" && ext != ".pdf" {
				return a.usagef("--out 应为 .xlsx 或 .pdf 文件：%s", "--out must be a .xlsx or .pdf file: %s", out)
			}
			return a.withStore(!markPaid, func(st *casefile.Store) error {
				var r *casefile.Roll
				if err := st.View(func(t *casefile.Tx) (err error) {
					r, err = t.Roll(m, project)
					return err
				}); err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				switch {
				case asJSON:
					masked := *r
					masked.Rows = make([]casefile.RollRow, len(r.Rows))
					for i, row := range r.Rows {
						row.Account = row.MaskedAccount()
						masked.Rows[i] = row
					}
					if err := writeJSON(w, masked); err != nil {
						return err
					}
				default:
					a.showRoll(w, st.Catalog(), r)
				}
				if out != "" {
					if err := a.writeRoll(st, r, out, ext, font); err != nil {
						return err
					}
					if !asJSON {
						fmt.Fprintf(w, a.t("已导出 %s（账号完整，仅供财务发放）\n", "wrote %s (full account numbers, for the finance office only)\n"), out)
					}
				}
				if markPaid {
					rows, err := st.MarkPaid(m, project, a.who())
					if err != nil {
						return err
					}
					var sum casefile.Money
					for _, row := range rows {
						sum += row.Amount
					}
					if !asJSON {
						fmt.Fprintf(w, a.t("已记为发放：一次性救助 %d 笔，共 %s\n", "marked paid: %d one-offs, %s in all\n"), len(rows), sum.Paper())
					}
				}
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&project, "project", "", a.t("只列此项目（项目代码）", "only this project (its code)"))
	f.StringVar(&out, "out", "", a.t("导出到 XLSX 或 PDF 文件（账号完整）", "write an XLSX or PDF file (full account numbers)"))
	f.StringVar(&font, "font", "", a.t("PDF 的中文字体（同 hall print --font）", "Chinese font of the PDF (as hall print --font)"))
	f.BoolVar(&markPaid, "mark-paid", false, a.t("把花名册上的一次性救助记为已发放", "record the roll's one-offs as paid"))
	a.jsonFlag(cmd, &asJSON)
	cmd.RegisterFlagCompletionFunc("project", a.completeProject)
	return cmd
}

// showRoll prints the roll on screen, accounts masked.
func (a *app) showRoll(w interface{ Write([]byte) (int, error) }, cat *casefile.Catalog, r *casefile.Roll) {
	fmt.Fprintf(w, a.t("%s 发放花名册：%d 行\n", "payment roll of %s: %d rows\n"), r.Month, len(r.Rows))
	for _, row := range r.Rows {
		name := row.Project
		if p := cat.Project(row.Project); p != nil {
			name = p.Label(a.lang)
		}
		kind := a.t("每月", "monthly")
		if !row.Monthly {
			kind = a.t("一次性", "one-off")
		}
		acc := row.MaskedAccount()
		if acc == "" {
			acc = a.t("未登记账户", "no account")
		}
		fmt.Fprintf(w, "%s  %s  %s  %s  %s  %s %s\n", row.Case, padRight(row.Payee, 8), row.MaskedID, acc, name, kind, row.Amount.Grouped())
	}
	label := func(key string, dept bool) string {
		if dept {
			if d := cat.Department(key); d != nil {
				return d.Label(a.lang)
			}
			return key
		}
		if p := cat.Project(key); p != nil {
			return p.Label(a.lang)
		}
		return key
	}
	for _, t := range r.ByProject {
		fmt.Fprintf(w, a.t("项目 %s：%d 行，%s\n", "project %s: %d rows, %s\n"), label(t.Key, false), t.Rows, t.Amounts.Text().In(a.lang))
	}
	for _, t := range r.ByDepartment {
		fmt.Fprintf(w, a.t("部门 %s：%d 行，%s\n", "department %s: %d rows, %s\n"), label(t.Key, true), t.Rows, t.Amounts.Text().In(a.lang))
	}
	fmt.Fprintf(w, a.t("合计：%s\n", "total: %s\n"), r.Total.Text().In(a.lang))
}

// writeRoll writes the roll for the finance office, accounts in full:
// only a role that may see full personal data (casefile.PermReveal) may.
func (a *app) writeRoll(st *casefile.Store, r *casefile.Roll, out, ext, font string) error {
	if err := st.View(func(t *casefile.Tx) error { return t.Require(a.who(), casefile.PermReveal) }); err != nil {
		return err
	}
	cat := st.Catalog()
	var data []byte
	if ext == ".pdf" {
		fonts, err := spool.FindFonts(font)
		if err != nil {
			return err
		}
		p := printouts.New(nil, cat, printouts.WithFonts(fonts))
		if data, err = p.Roster(r, st.Today()); err != nil {
			return err
		}
	} else {
		var err error
		if data, err = rollXLSX(cat, r); err != nil {
			return err
		}
	}
	return os.WriteFile(out, data, 0o600)
}

// rollXLSX is the roll as a workbook: a sheet of rows (amounts in yuan as
// numbers and in fen as integers, so the bank's import and the totals
// agree to the fen) and a sheet of totals.
func rollXLSX(cat *casefile.Catalog, r *casefile.Roll) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "花名册"
	f.SetSheetName("Sheet1", sheet)
	head := []any{"序号", "案件编号", "收款人", "受助人", "受助人身份证号", "开户银行", "账号", "项目代码", "项目", "部门", "方式", "起始月份", "金额（元）", "金额（分）"}
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return nil, err
	}
	for i, row := range r.Rows {
		pname, dname := row.Project, row.Department
		if p := cat.Project(row.Project); p != nil {
			pname = p.Name
		}
		if d := cat.Department(row.Department); d != nil {
			dname = d.Name
		}
		kind := "一次性"
		if row.Monthly {
			kind = "按月"
		}
		cells := []any{i + 1, row.Case, row.Payee, row.Recipient, row.MaskedID, row.Bank, row.Account, row.Project, pname, dname, kind,
			row.Start, row.Amount.String(), int64(row.Amount)}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &cells); err != nil {
			return nil, err
		}
		// the account as text: a long number must not turn into 6.2E+18
		acc, _ := excelize.CoordinatesToCellName(7, i+2)
		if err := f.SetCellStr(sheet, acc, row.Account); err != nil {
			return nil, err
		}
	}
	tot := "合计"
	if _, err := f.NewSheet(tot); err != nil {
		return nil, err
	}
	th := []any{"类别", "代码", "名称", "行数", "按月（分）", "一次性（分）"}
	if err := f.SetSheetRow(tot, "A1", &th); err != nil {
		return nil, err
	}
	n := 2
	put := func(kind, key, name string, t casefile.RollTotal) error {
		cell, _ := excelize.CoordinatesToCellName(1, n)
		n++
		row := []any{kind, key, name, t.Rows, int64(t.Amounts.Monthly), int64(t.Amounts.OneOff)}
		return f.SetSheetRow(tot, cell, &row)
	}
	for _, t := range r.ByProject {
		name := t.Key
		if p := cat.Project(t.Key); p != nil {
			name = p.Name
		}
		if err := put("项目", t.Key, name, t); err != nil {
			return nil, err
		}
	}
	for _, t := range r.ByDepartment {
		name := t.Key
		if d := cat.Department(t.Key); d != nil {
			name = d.Name
		}
		if err := put("部门", t.Key, name, t); err != nil {
			return nil, err
		}
	}
	if err := put("合计", "", r.Month, casefile.RollTotal{Rows: len(r.Rows), Amounts: r.Total}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
