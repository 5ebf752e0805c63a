package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"hall/casefile"
	"hall/casefile/gen"
	"hall/meeting"
)

func (a *app) newDemoCommand() *cobra.Command {
	var seed uint64
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Fill an empty database with about 40 realistic cases in every stage",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.open(false)
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := gen.FillDemo(st, who(), seed)
			if err != nil {
				return err
			}
			if err := meeting.FillDemo(st, who()); err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, a.t("演示数据已写入 %s：%d 个案件\n", "demo data written to %s: %d cases\n"), st.Path(), sum.Cases)
			for _, s := range casefile.Statuses {
				if n := sum.ByStatus[s]; n > 0 {
					fmt.Fprintf(w, "  %-10s %d\n", s.Label(a.lang), n)
				}
			}
			return nil
		},
	}
	cmd.Flags().Uint64Var(&seed, "seed", 2026, "random seed of the generated people")
	return cmd
}
