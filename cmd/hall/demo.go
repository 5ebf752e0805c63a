package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
)

func (a *app) newDemoCommand() *cobra.Command {
	var seed uint64
	var cases int
	cmd := &cobra.Command{
		Use:   "demo",
		Short: a.t("在空数据库中生成约 40 件处于各办理阶段的逼真案件", "Fill an empty database with about 40 realistic cases in every stage"),
		Args:  cobra.NoArgs,
		RunE: a.onStore(false, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			if cases > 0 {
				return a.demoBulk(cmd.OutOrStdout(), cmd.ErrOrStderr(), st, cases, seed)
			}
			sum, err := gen.FillDemo(st, a.who(), seed)
			if err != nil {
				return err
			}
			if err := meeting.FillDemo(st, a.who()); err != nil {
				return err
			}
			var counts casefile.Counts
			st.View(func(t *casefile.Tx) error { counts = t.Counts(); return nil })
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, a.t("演示数据已写入 %s：%d 个案件\n", "demo data written to %s: %d cases\n"), st.Path(), sum.Cases)
			for _, s := range casefile.Statuses {
				if n := counts.ByStatus[s]; n > 0 {
					fmt.Fprintf(w, "  %s %d\n", padRight(s.Label(a.lang), 10), n)
				}
			}
			fmt.Fprintln(w, a.t("研判会：hall session list；打开前台：hall", "meetings: hall session list; the front desk: hall"))
			return nil
		}),
	}
	cmd.Flags().IntVar(&cases, "cases", 0, a.t("改为生成 N 个案件的城市规模大厅（分批写入，显示进度）", "build a city-sized hall of N cases instead (large transactions, with progress)"))
	cmd.Flags().Uint64Var(&seed, "seed", 2026, a.t("生成人员所用的随机种子", "random seed of the generated people"))
	return cmd
}
