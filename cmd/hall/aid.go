package main

// hall aid: a running monthly aid's record (held from when to when, and
// why it changed), change and stop decisions, and their letters.

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts"
	"github.com/rongjiuzhu/hall/printouts/spool"
)

func (a *app) newAidCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "aid",
		Short: a.t("按月救助的记录、变更（增发、减发）、停发及其通知书", "A monthly aid's record, changes (increase, decrease), stops and their letters"),
	}
	cmd.AddCommand(a.newAidHistoryCommand(), a.newAidChangeCommand(false), a.newAidChangeCommand(true), a.newAidLetterCommand())
	return cmd
}

func (a *app) newAidHistoryCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "history CASE",
		Short: a.t("本户的按月救助记录：享受什么、从何时到何时、为何变更（从不删除）", "The household's monthly aid record: what was held, from when to when, why it changed (never deleted)"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(true, func(st *casefile.Store) error {
				var c *casefile.Case
				var h []casefile.AidPeriod
				if err := st.View(func(t *casefile.Tx) (err error) {
					if c, err = t.Case(args[0]); err != nil {
						return err
					}
					h, err = t.HouseholdAidHistory(c)
					return err
				}); err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					if h == nil {
						h = []casefile.AidPeriod{}
					}
					return writeJSON(w, h)
				}
				if len(h) == 0 {
					fmt.Fprintf(w, a.t("%s 没有按月救助记录\n", "%s has no monthly aid on record\n"), c.Number)
				}
				for _, p := range h {
					to := p.To
					if to == "" {
						to = a.t("至今", "now")
					}
					line := fmt.Sprintf("%s  %s  %s–%s  %s", p.Case, p.Project, p.From, to, fmt.Sprintf(a.t("每月 %s 元", "%s yuan a month"), p.Amount.Grouped()))
					if p.Kind != "" {
						line += "  " + p.Kind.Label(a.lang) + ": " + p.Why
					}
					if p.Ended != "" {
						line += "  " + a.t("结束：", "ended: ") + p.Ended
					}
					fmt.Fprintln(w, line)
				}
				return nil
			})
		},
	}
	a.jsonFlag(cmd, &asJSON)
	return cmd
}

func (a *app) newAidChangeCommand(stop bool) *cobra.Command {
	var project, from, reason, amount string
	var phaseOut int
	use, short := "change CASE --project CODE --amount YUAN --from MONTH --reason T",
		a.t("变更按月救助金额（增发或减发），自某月起，须写明理由", "Change a monthly aid's amount (increase or decrease) from a month on, with a written reason")
	if stop {
		use, short = "stop CASE --project CODE --from MONTH --reason T [--phase-out N]",
			a.t("停发按月救助，自某月起，须写明理由；可给予不超过 6 个月的渐退期（county.phase_out_months）", "Stop a monthly aid from a month on, with a written reason; optionally a phase-out of up to 6 months (county.phase_out_months)")
	}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return a.usagef("请用 --reason 写明理由", "give the reason with --reason")
			}
			m, err := casefile.ParseMonth(from)
			if err != nil {
				return usageError{err}
			}
			ch := casefile.AidChange{Project: strings.TrimSpace(project), From: m, Reason: reason}
			if stop {
				ch.Kind, ch.PhaseOut = casefile.ChangeStop, phaseOut
			} else {
				v, err := casefile.ParseMoney(amount)
				if err != nil {
					return a.usagef("--amount %q 无效", "--amount %q is invalid", amount)
				}
				ch.Amount = v
			}
			return a.withStore(false, func(st *casefile.Store) error {
				if p := st.Catalog().Project(ch.Project); p != nil {
					ch.Project = p.Code
				}
				c, err := st.ChangeAid(args[0], ch, a.who())
				if err != nil {
					return err
				}
				last := c.LastChange("")
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：%s %s 自 %s 起%s，每月 %s 元；通知书 hall aid letter %s\n",
					"%s: %s %s from %s %s, %s yuan a month; letter: hall aid letter %s\n"),
					c.Number, last.Reference, last.Project, last.From, last.Kind.Label(a.lang), last.Amount.Grouped(), c.Number)
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&project, "project", "", a.t("项目代码", "project code"))
	f.StringVar(&from, "from", "", a.t("起始月份，如 2027-12", "first month, e.g. 2027-12"))
	f.StringVar(&reason, "reason", "", a.t("理由", "reason"))
	if stop {
		f.IntVar(&phaseOut, "phase-out", 0, a.t("渐退期月数（0 到 county.phase_out_months）", "months of phase-out (0 to county.phase_out_months)"))
	} else {
		f.StringVar(&amount, "amount", "", a.t("新的每月金额（元）", "the new monthly amount (yuan)"))
		cmd.MarkFlagRequired("amount")
	}
	cmd.MarkFlagRequired("project")
	cmd.MarkFlagRequired("from")
	cmd.RegisterFlagCompletionFunc("project", a.completeProject)
	return cmd
}

func (a *app) newAidLetterCommand() *cobra.Command {
	var ref, out, font string
	cmd := &cobra.Command{
		Use:   "letter CASE [--ref REFERENCE|REVIEW-CASE] --out FILE.pdf",
		Short: a.t("打印救助变更通知书（增发、减发、停发、继续享受），默认最近一次变更", "Print the letter of a change (increase, decrease, stop, continue); the latest by default"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				out = safeName(args[0]) + "-change.pdf"
			}
			fonts, err := spool.FindFonts(font)
			if err != nil {
				return a.printFailed(err)
			}
			return a.withStore(false, func(st *casefile.Store) error {
				p := printouts.New(nil, st.Catalog(), printouts.WithFonts(fonts))
				var kind casefile.ChangeKind
				var reference string
				err := st.Update(func(t *casefile.Tx) error {
					if err := t.Require(a.who(), casefile.PermPrint); err != nil {
						return err
					}
					c, err := t.Case(args[0])
					if err != nil {
						return err
					}
					if orig := c.ReviewOf(); orig != "" && ref == "" {
						// a review case's letter is its outcome on the reviewed aid
						ref = c.Number
						if c, err = t.Case(orig); err != nil {
							return err
						}
					}
					ch := c.LastChange(ref)
					pdf, err := p.ChangeLetter(c, ch, casefile.DateOf(t.Now()))
					if err != nil {
						return err
					}
					if err := os.WriteFile(out, pdf, 0o600); err != nil {
						return err
					}
					kind, reference = ch.Kind, ch.Reference
					return t.AddHistory(c, casefile.Change{Who: a.who(), Action: string(casefile.ActionPrint),
						Note: casefile.T("打印「%s」通知书（%s）", "printed the letter: aid %s (%s)", kind, reference)})
				})
				if err != nil {
					return a.printFailed(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已打印「%s」通知书（%s）：%s\n", "printed the letter: aid %s (%s): %s\n"), kind.Label(a.lang), reference, out)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&ref, "ref", "", a.t("变更文号或复核案件编号（默认：最近一次变更）", "the change's reference or review case (default: the latest change)"))
	cmd.Flags().StringVar(&out, "out", "", a.t("PDF 文件", "PDF file"))
	cmd.Flags().StringVar(&font, "font", "", a.t("中文字体（同 hall print --font）", "Chinese font (as hall print --font)"))
	return cmd
}
