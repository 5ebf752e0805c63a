package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newCaseReadyCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ready CASE",
		Short: a.t("核查完毕，提交综合研判（缺少核查材料或暂缓时要求的材料时拒绝并列出所缺）", "Send a verified case to the meeting (refused, naming what is missing, while required evidence or a document a deferral asked for is missing)"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.Move(args[0], 0, casefile.StatusReady, who(), "")
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				fmt.Fprintf(w, a.t("%s：%s\n", "%s: %s\n"), c.Number, c.Status.Label(a.lang))
				cat := st.Catalog()
				var missing []string
				for _, d := range cat.MissingDocuments(c) {
					missing = append(missing, cat.DocumentLabel(d).In(a.lang))
				}
				if len(missing) > 0 {
					fmt.Fprintf(w, a.t("注意：仍缺少材料：%s\n", "note: documents still missing: %s\n"), strings.Join(missing, a.t("、", "; ")))
				}
				return nil
			})
		},
	}
	return cmd
}
