package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newDedupCommand() *cobra.Command {
	var asJSON, apply bool
	cmd := &cobra.Command{
		Use:   "dedup",
		Short: a.t("对所有在办案件执行“同一救助政策只能享受一次”", `Resolve "the same policy is enjoyed only once" over all open cases`),
		Long: a.t(`对每个人和满足同一需求的每组项目，保留拟发金额最高的一项在办申请，其余标记为
不予重复救助，理由写明保留的项目和部门。金额相同时保留受理最早的，再按案件编号
最小的。不加 --apply 时不写入任何内容。`, `Per person and group of projects serving the same need, keep the open
application with the single highest proposed amount and mark the others to
decline, with a reason naming the kept project and department. Ties go to the
earliest received, then the lowest case number. Without --apply nothing is
written.`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(!apply, func(st *casefile.Store) error {
				rep, err := st.ResolveDuplicates(apply, a.who())
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSON(cmd.OutOrStdout(), a.dedupJSON(rep))
				}
				a.printDedup(cmd, st.Catalog(), rep, apply)
				return nil
			})
		},
	}
	a.jsonFlag(cmd, &asJSON)
	cmd.Flags().BoolVar(&apply, "apply", false, a.t("把保留/不予重复的标记写入案件（记入办理记录）", "write the keep/decline marks to the cases (recorded in their history)"))
	return cmd
}

type dedupAppJSON struct {
	CaseNumber string         `json:"case_number"`
	Department string         `json:"department"`
	Project    string         `json:"project"`
	Amount     casefile.Money `json:"amount"`
	Received   casefile.Date  `json:"received"`
	Keep       bool           `json:"keep"`
	Held       bool           `json:"held,omitempty"`
	Reason     string         `json:"reason"`
}

type dedupGroupJSON struct {
	Person       string         `json:"person"`
	IDNumber     string         `json:"id_number"`
	Group        string         `json:"group"`
	Period       string         `json:"period"`
	Applications []dedupAppJSON `json:"applications"`
}

func (a *app) dedupJSON(rep *casefile.DedupReport) any {
	groups := []dedupGroupJSON{}
	for _, g := range rep.Groups {
		gj := dedupGroupJSON{Person: g.Person, IDNumber: g.IDMasked, Group: g.Group, Period: g.Period}
		for _, ap := range g.Apps {
			gj.Applications = append(gj.Applications, dedupAppJSON{CaseNumber: ap.CaseNumber, Department: ap.Department,
				Project: ap.Project, Amount: ap.Amount, Received: ap.Received, Keep: ap.Keep, Held: ap.Held, Reason: ap.Reason.In(a.lang)})
		}
		groups = append(groups, gj)
	}
	return map[string]any{"groups": groups, "totals": rep.Totals, "changed": rep.Changed}
}

func (a *app) printDedup(cmd *cobra.Command, cat *casefile.Catalog, rep *casefile.DedupReport, applied bool) {
	w := cmd.OutOrStdout()
	if len(rep.Groups) == 0 {
		fmt.Fprintln(w, a.t("没有重复申请。", "no duplicate applications."))
		return
	}
	for _, g := range rep.Groups {
		gname := g.Group
		if gg := cat.Group(g.Group); gg != nil {
			gname = gg.Label(a.lang)
		}
		fmt.Fprintf(w, "%s %s — %s (%s)\n", g.Person, g.IDMasked, gname, g.PeriodLabel(a.lang))
		var rows [][]string
		for _, ap := range g.Apps {
			mark := a.t("不予重复", "decline")
			switch {
			case ap.Held:
				mark = a.t("已享受", "held")
			case ap.Keep:
				mark = a.t("保留", "keep")
			}
			dept := ap.Department
			if d := cat.Department(ap.Department); d != nil {
				dept = d.Label(a.lang)
			}
			rows = append(rows, []string{"  " + mark, ap.CaseNumber, dept, ap.Project, ap.Amount.Grouped()})
		}
		table(w, []string{"  " + a.t("结果", "result"), a.t("案件", "case"), a.t("部门", "department"), a.t("项目", "project"), a.t("金额", "amount")}, rows)
		fmt.Fprintln(w)
	}
	t := rep.Totals
	fmt.Fprintf(w, a.t("共 %d 组 %d 项申请：保留 %d 项（%s），不予重复 %d 项（%s）\n",
		"%d groups, %d applications: %d kept (%s), %d to decline (%s)\n"),
		t.Groups, t.Applications, t.Kept, t.KeptAmounts.Text().In(a.lang), t.Declined, t.DeclinedAmounts.Text().In(a.lang))
	if applied {
		fmt.Fprintf(w, a.t("已写入 %d 个案件。\n", "marks written to %d cases.\n"), rep.Changed)
	} else {
		fmt.Fprintln(w, a.t("（未写入；加 --apply 写入案件）", "(nothing written; add --apply to mark the cases)"))
	}
}
