package printouts

import (
	"fmt"
	"strconv"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/report"
)

// DepartmentReport prints the department contribution report (部门贡献
// 统计表) of rep, drawn up on day today, in the layout of the other
// documents: a title, the period, then one table per part: cases received
// and decided, funds (per month and one-off apart, never added; a table by
// project), working days against the time limits, and cooperation and
// the applicants' evaluations, each with the county's totals.
func (p *Printer) DepartmentReport(rep *report.Departments, today casefile.Date) ([]byte, error) {
	doc := &casefile.Case{Number: rep.Period.String()}
	return p.build("部门贡献统计表", doc, func(d *Doc) { p.departmentReport(d, rep, today) })
}

func (p *Printer) departmentReport(d *Doc, rep *report.Departments, today casefile.Date) {
	d.Title(p.hall() + "部门贡献统计表")
	d.Center("（" + rep.Period.From.Chinese() + "至" + rep.Period.To.Chinese() + "）")
	rows := append(append([]report.DeptRow(nil), rep.Rows...), rep.County)
	name := func(r report.DeptRow) string {
		if r.Department == "" {
			return "全县合计"
		}
		return p.deptName(r.Department)
	}
	n := strconv.Itoa
	money := func(m casefile.Money) string {
		if m == 0 {
			return "—"
		}
		return m.Grouped()
	}
	table := func(heading string, cols []Column, cell func(r report.DeptRow) []string) {
		var body [][]string
		for _, r := range rows {
			body = append(body, append([]string{name(r)}, cell(r)...))
		}
		d.keep(d.paraHeight(heading), d.tableHeight(cols, body, 2))
		d.Para(heading)
		d.Table(cols, body)
	}
	dept := Column{Head: "部门", Width: 30}
	num := func(h string) Column { return Column{Head: h, Width: 12, Align: AlignCenter} }
	amt := func(h string) Column { return Column{Head: h, Width: 20, Align: AlignRight} }

	table("一、受理与研判", []Column{dept, num("经大厅\n受理"), num("批准\n项目"), num("不予\n救助"), num("暂缓"), num("同类\n不重复")},
		func(r report.DeptRow) []string {
			return []string{n(r.Received), n(r.Approved), n(r.Rejected), n(r.Deferred), n(r.SamePolicyDeclined)}
		})
	d.Para("“同类不重复”为因同一救助政策只能享受一次而不予重复救助的项目数。")

	table("二、救助资金（元）", []Column{dept, amt("按月发放\n（每月）"), amt("一次性发放"), amt("避免重复\n（一次性）")},
		func(r report.DeptRow) []string {
			return []string{money(r.Funds.Monthly), money(r.Funds.OneOff), money(r.SamePolicyAvoided.OneOff)}
		})
	d.Para("按月发放与一次性发放的金额分别统计，不相加。")
	if len(rep.Funds) > 0 {
		var body [][]string
		for _, f := range rep.Funds {
			body = append(body, []string{p.projectName(f.Project) + "\n（" + p.deptName(f.Department) + "）", n(f.Granted),
				money(f.Amounts.Monthly), money(f.Amounts.OneOff)})
		}
		cols := []Column{{Head: "救助项目\n（承办部门）", Width: 40}, num("批准\n项数"), amt("每月"), amt("一次性")}
		d.keep(d.paraHeight("按项目"), d.tableHeight(cols, body, 2))
		d.Para("按项目：")
		d.Table(cols, body)
	}

	table("三、办理时效（工作日）", []Column{dept, num("作出\n决定"), num("平均"), num("最长"), num("超过\n时限")},
		func(r report.DeptRow) []string {
			worst := "—"
			if r.Decided > 0 {
				worst = fmt.Sprintf("%d（时限%d）", r.WorstWorkdays, r.WorstLimit)
			}
			return []string{n(r.Decided), avg(r.AvgWorkdays, r.Decided, 1), worst, n(r.Late)}
		})
	table("四、协作与群众评价", []Column{dept, num("唯一帮扶\n部门"), num("按时\n复核"), num("评价\n件数"), num("平均\n评分")},
		func(r report.DeptRow) []string {
			return []string{n(r.OnlyHelper), n(r.ReviewsOnTime), n(r.Ratings), avg(r.AvgScore, r.Ratings, 2)}
		})
	d.Para(rep.ReviewsNote.ZH + "。")
	if len(rep.Desks) > 0 {
		var body [][]string
		for _, dk := range rep.Desks {
			body = append(body, []string{dk.Desk, n(dk.Ratings), avg(dk.AvgScore, dk.Ratings, 2), n(dk.Low)})
		}
		cols := []Column{{Head: "受理窗口", Width: 40}, num("评价\n件数"), num("平均\n评分"), num("差评")}
		d.keep(d.paraHeight("五、窗口评价"), d.tableHeight(cols, body, 2))
		d.Para("五、窗口评价")
		d.Table(cols, body)
	}
	d.Right("制表日期：" + today.Chinese())
}

// avg prints an average of count items to digits decimals, "—" when
// there are none.
func avg(v float64, count, digits int) string {
	if count == 0 {
		return "—"
	}
	return strconv.FormatFloat(v, 'f', digits, 64)
}
