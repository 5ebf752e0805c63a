package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/report"
	"github.com/rongjiuzhu/hall/printouts"
	"github.com/rongjiuzhu/hall/printouts/spool"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
	"github.com/rongjiuzhu/hall/tui/reports"
)

// reportsOption plugs the statistics screen into the front desk: the
// home screen's 5 opens it (hall, hall serve).
func reportsOption(st *casefile.Store) frontdesk.Option {
	store := reports.NewStore(st)
	return frontdesk.WithReports(func(c *common.Common) common.Page { return reports.New(c, store) })
}

func (a *app) newReportCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report",
		Short: a.t("统计报表：部门贡献（年度目标责任考核）", "Reports: department contribution (the yearly assessment)"),
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(a.newReportDepartmentsCommand())
	return cmd
}

// periodFlags are --from, --to and --period, which choose a report's
// period.
type periodFlags struct{ from, to, period string }

func (a *app) addPeriodFlags(cmd *cobra.Command, f *periodFlags) {
	cmd.Flags().StringVar(&f.from, "from", "", a.t("期间起始日 2026-01-01", "first day of the period, 2026-01-01"))
	cmd.Flags().StringVar(&f.to, "to", "", a.t("期间截止日 2026-12-31（含）", "last day of the period, 2026-12-31 (included)"))
	cmd.Flags().StringVar(&f.period, "period", "", a.t("年 2026、季度 2026Q4 或月 2026-11（代替 --from/--to）", "a year 2026, quarter 2026Q4 or month 2026-11 (instead of --from/--to)"))
}

// resolve reads the period; none given is the current year to today.
func (a *app) resolvePeriod(f periodFlags, today casefile.Date) (report.Period, error) {
	switch {
	case f.period != "" && (f.from != "" || f.to != ""):
		return report.Period{}, a.usagef("--period 不能与 --from/--to 同时使用", "--period cannot be used with --from/--to")
	case f.period != "":
		p, err := report.ParsePeriod(f.period)
		if err != nil {
			return p, usageError{err}
		}
		return p, nil
	case f.from == "" && f.to == "":
		return report.Period{From: casefile.Date{Year: today.Year, Month: 1, Day: 1}, To: today}, nil
	}
	from, to := casefile.Date{Year: today.Year, Month: 1, Day: 1}, today
	var err error
	if f.from != "" {
		if from, err = casefile.ParseDate(f.from); err != nil {
			return report.Period{}, usageError{err}
		}
	}
	if f.to != "" {
		if to, err = casefile.ParseDate(f.to); err != nil {
			return report.Period{}, usageError{err}
		}
	}
	p, err := report.Custom(from, to)
	if err != nil {
		return p, usageError{err}
	}
	return p, nil
}

func (a *app) newReportDepartmentsCommand() *cobra.Command {
	var pf periodFlags
	var asJSON bool
	var out, font string
	cmd := &cobra.Command{
		Use:   "departments [--from D --to D | --period P] [--json] [--out report.xlsx|report.pdf]",
		Short: a.t("各部门在期间内的贡献：受理、决定、资金、时效、唯一帮扶、同类不重复、复核、评价", "Each department's contribution in a period: cases, decisions, funds, working days, sole help, same-policy declines, reviews, evaluations"),
		Long: a.t(`各部门在期间内的贡献，以及全县合计：
  经大厅受理的案件数；决定的项目数（批准、不予救助、暂缓）；按项目的救助资金，
  按月发放（每月）与一次性发放分列、不相加；从受理到决定的平均和最长工作日及超过
  时限的件数；唯一帮扶部门的案件数；因“同一救助政策只能享受一次”不予重复救助的
  项目数和避免的金额；按时复核数（复核功能上线前为 0）；群众评价的件数和平均分。
--out 以 .xlsx 结尾写 Excel 文件（每张表一个工作表，数字为数值，首行冻结），
以 .pdf 结尾按公文版式打印。`, `Each department's contribution in the period, and the county's totals:
  cases received through the hall; projects decided (approved, rejected,
  deferred); funds granted by project, monthly (per month) and one-off apart,
  never added; average and worst working days from acceptance to decision and
  how many went past the time limit; cases where it was the only department
  helping; "same policy once" declines and the amounts they avoided; reviews on
  time (0 until periodic reviews are recorded); evaluations, count and average.
--out ending in .xlsx writes an Excel file (one sheet per table, numbers as
numbers, the header row frozen); ending in .pdf prints it in the document layout.`),
		Args: cobra.NoArgs,
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			p, err := a.resolvePeriod(pf, st.Today())
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(out))
			if out != "" && ext != ".xlsx" && ext != ".pdf" {
				return a.usagef("--out 应以 .xlsx 或 .pdf 结尾：%s", "--out must end in .xlsx or .pdf: %s", out)
			}
			rep, err := a.buildReport(cmd, st, p)
			if err != nil {
				return err
			}
			switch {
			case ext == ".xlsx":
				if err := a.reportXLSX(st.Catalog(), rep, out); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已写入 %s\n", "written to %s\n"), out)
				return nil
			case ext == ".pdf":
				fonts, err := spool.FindFonts(font)
				if err != nil {
					return err
				}
				pdf, err := printouts.New(nil, st.Catalog(), printouts.WithFonts(fonts)).DepartmentReport(rep, st.Today())
				if err != nil {
					return err
				}
				if err := os.WriteFile(out, pdf, 0o600); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已写入 %s\n", "written to %s\n"), out)
				return nil
			case asJSON:
				return writeJSON(cmd.OutOrStdout(), rep)
			}
			a.printReport(cmd.OutOrStdout(), st.Catalog(), rep)
			return nil
		}),
	}
	a.addPeriodFlags(cmd, &pf)
	a.jsonFlag(cmd, &asJSON)
	cmd.Flags().StringVar(&out, "out", "", a.t("写入文件：report.xlsx（Excel）或 report.pdf", "write a file: report.xlsx (Excel) or report.pdf"))
	cmd.Flags().StringVar(&font, "font", "", a.t("PDF 所用中文字体 PATH[:INDEX]（环境变量 HALL_FONT）", "Chinese font of the PDF, PATH[:INDEX] (env HALL_FONT)"))
	return cmd
}

// buildReport builds the report in one read transaction, with a progress
// bar on a terminal's stderr.
func (a *app) buildReport(cmd *cobra.Command, st *casefile.Store, p report.Period) (*report.Departments, error) {
	var rep *report.Departments
	err := st.View(func(t *casefile.Tx) error {
		bar := newProgress(cmd.ErrOrStderr(), t.Counts().Total)
		defer bar.clear()
		var err error
		rep, err = report.Build(t, p, report.Options{Progress: func(n int) { bar.show(n, "") }})
		return err
	})
	return rep, err
}

// rowLabel names a report row's department ("" is the county).
func (a *app) rowLabel(cat *casefile.Catalog, key string) string {
	if key == "" {
		return a.t("全县合计", "county total")
	}
	return a.deptLabel(cat, key)
}

// fmtAvg prints an average of count items, "-" when there are none.
func fmtAvg(v float64, count, digits int) string {
	if count == 0 {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', digits, 64)
}

// reportHeader is the header of the departments table, in the text
// output and the spreadsheet alike.
func (a *app) reportHeader() []string {
	return strings.Split(a.t(
		"部门|受理|批准|不予|暂缓|同类不重复|每月发放(元)|一次性发放(元)|避免重复一次性(元)|作出决定|平均工作日|最长工作日|最长案件|超时|唯一帮扶|按时复核|评价件数|平均评分",
		"department|received|approved|rejected|deferred|same-policy declined|monthly (yuan)|one-off (yuan)|one-off avoided (yuan)|decided|avg working days|worst working days|worst case|late|sole helper|reviews on time|ratings|avg score"), "|")
}

func (a *app) printReport(w io.Writer, cat *casefile.Catalog, rep *report.Departments) {
	fmt.Fprintf(w, a.t("部门贡献统计 %s\n\n", "department contribution, %s\n\n"), rep.Period.Text().In(a.lang))
	var rows [][]string
	for _, r := range append(append([]report.DeptRow(nil), rep.Rows...), rep.County) {
		n := strconv.Itoa
		rows = append(rows, []string{a.rowLabel(cat, r.Department), n(r.Received), n(r.Approved), n(r.Rejected), n(r.Deferred),
			n(r.SamePolicyDeclined), r.Funds.Monthly.Grouped(), r.Funds.OneOff.Grouped(), r.SamePolicyAvoided.OneOff.Grouped(),
			n(r.Decided), fmtAvg(r.AvgWorkdays, r.Decided, 1), n(r.WorstWorkdays), r.WorstCase, n(r.Late), n(r.OnlyHelper),
			n(r.ReviewsOnTime), n(r.Ratings), fmtAvg(r.AvgScore, r.Ratings, 2)})
	}
	table(w, a.reportHeader(), rows)
	if len(rep.Funds) > 0 {
		fmt.Fprintln(w)
		rows = nil
		for _, f := range rep.Funds {
			rows = append(rows, []string{f.Project, a.projectLabel(cat, f.Project), a.deptLabel(cat, f.Department), strconv.Itoa(f.Granted),
				f.Amounts.Monthly.Grouped(), f.Amounts.OneOff.Grouped()})
		}
		table(w, a.fundsHeader(), rows)
	}
	if len(rep.Desks) > 0 {
		fmt.Fprintln(w)
		rows = nil
		for _, d := range rep.Desks {
			rows = append(rows, []string{d.Desk, strconv.Itoa(d.Ratings), fmtAvg(d.AvgScore, d.Ratings, 2), strconv.Itoa(d.Low)})
		}
		table(w, a.desksHeader(), rows)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, a.t("按月发放与一次性发放分别统计，不相加。", "Monthly and one-off amounts are counted apart, never added."))
	fmt.Fprintln(w, rep.ReviewsNote.In(a.lang))
}

func (a *app) desksHeader() []string {
	return strings.Split(a.t("受理窗口|评价件数|平均评分|差评", "desk|ratings|avg score|low"), "|")
}

func (a *app) fundsHeader() []string {
	return strings.Split(a.t("项目|名称|部门|批准项数|每月发放(元)|一次性发放(元)", "project|name|department|granted|monthly (yuan)|one-off (yuan)"), "|")
}

// yuan is m as a number of yuan for a spreadsheet cell (formatted with
// two decimals there); fen up to 2^53 are exact.
func yuan(m casefile.Money) float64 { return float64(m) / 100 }

// sheet is one table of a spreadsheet: its name, header and rows, and
// the columns (from 1) that hold money.
type sheet struct {
	name   string
	header []string
	rows   [][]any
	money  []int
}

// writeSheets writes sheets to an .xlsx file at path: one worksheet per
// table, numbers as numbers, money with two decimals, the header row
// frozen.
func writeSheets(path string, sheets []sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	moneyStyle, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	if err != nil {
		return err
	}
	headStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		head := make([]any, len(s.header))
		for j, h := range s.header {
			head[j] = h
		}
		if err := f.SetSheetRow(s.name, "A1", &head); err != nil {
			return err
		}
		last, _ := excelize.ColumnNumberToName(max(len(s.header), 1))
		if err := f.SetCellStyle(s.name, "A1", last+"1", headStyle); err != nil {
			return err
		}
		for j, r := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, j+2)
			if err := f.SetSheetRow(s.name, cell, &r); err != nil {
				return err
			}
		}
		for _, c := range s.money {
			col, _ := excelize.ColumnNumberToName(c)
			if len(s.rows) > 0 {
				if err := f.SetCellStyle(s.name, col+"2", col+strconv.Itoa(len(s.rows)+1), moneyStyle); err != nil {
					return err
				}
			}
		}
		if err := f.SetColWidth(s.name, "A", last, 14); err != nil {
			return err
		}
		if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// reportXLSX writes the report as a spreadsheet: the departments with
// the county's totals, the funds by project, and the cases behind each
// department's figures.
func (a *app) reportXLSX(cat *casefile.Catalog, rep *report.Departments, path string) error {
	depts := sheet{name: a.t("部门贡献", "Departments"), header: a.reportHeader(), money: []int{7, 8, 9}}
	for _, r := range append(append([]report.DeptRow(nil), rep.Rows...), rep.County) {
		depts.rows = append(depts.rows, []any{a.rowLabel(cat, r.Department), r.Received, r.Approved, r.Rejected, r.Deferred,
			r.SamePolicyDeclined, yuan(r.Funds.Monthly), yuan(r.Funds.OneOff), yuan(r.SamePolicyAvoided.OneOff),
			r.Decided, r.AvgWorkdays, r.WorstWorkdays, r.WorstCase, r.Late, r.OnlyHelper, r.ReviewsOnTime, r.Ratings, r.AvgScore})
	}
	funds := sheet{name: a.t("项目资金", "Funds by project"), header: a.fundsHeader(), money: []int{5, 6}}
	for _, f := range rep.Funds {
		funds.rows = append(funds.rows, []any{f.Project, a.projectLabel(cat, f.Project), a.deptLabel(cat, f.Department), f.Granted,
			yuan(f.Amounts.Monthly), yuan(f.Amounts.OneOff)})
	}
	cases := sheet{name: a.t("案件明细", "Cases"), money: []int{8, 9},
		header: strings.Split(a.t("部门|案件编号|状态|受理日期|决定日期|工作日|时限|每月发放(元)|一次性发放(元)|超时",
			"department|case|status|received|decided|working days|time limit|monthly (yuan)|one-off (yuan)|late"), "|")}
	for _, r := range rep.Rows {
		for _, c := range r.Cases {
			cases.rows = append(cases.rows, []any{a.deptLabel(cat, r.Department), c.Number, c.Status.Label(a.lang), c.Received.String(),
				c.Decided.String(), c.Workdays, c.Limit, yuan(c.Granted.Monthly), yuan(c.Granted.OneOff), a.yesNo(c.Late)})
		}
	}
	desks := sheet{name: a.t("窗口评价", "Desks"), header: a.desksHeader()}
	for _, d := range rep.Desks {
		desks.rows = append(desks.rows, []any{d.Desk, d.Ratings, d.AvgScore, d.Low})
	}
	return writeSheets(path, []sheet{depts, funds, cases, desks})
}

func (a *app) yesNo(b bool) string {
	if b {
		return a.t("是", "yes")
	}
	return a.t("否", "no")
}
