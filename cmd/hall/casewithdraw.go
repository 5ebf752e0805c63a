package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newCaseWithdrawCommand() *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "withdraw CASE --reason T",
		Short: a.t("撤回未决定的案件（须写明原因）", "Withdraw an undecided case (a reason is required)"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return a.usagef("请用 --reason 写明撤回原因", "give the reason for the withdrawal with --reason")
			}
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.Move(args[0], 0, casefile.StatusWithdrawn, who(), reason)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：%s\n", "%s: %s\n"), c.Number, c.Status.Label(a.lang))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", a.t("撤回原因", "reason for the withdrawal"))
	return cmd
}
