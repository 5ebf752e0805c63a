package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newCaseDocumentsCommand() *cobra.Command {
	var received []string
	cmd := &cobra.Command{
		Use:   "documents CASE --received NAME ...",
		Short: a.t("登记受理后收到的材料（目录中的材料名称，中文或英文）", "Record documents received after intake (the catalogue's document names, in Chinese or English)"),
		Long: a.t(`登记受理后收到的材料，记入案件办理记录；已收到的材料不重复登记。
已受理或暂缓的案件转为核查中：暂缓时缺少的材料补齐后，案件可以再次提交研判（hall case ready）。`,
			`Record documents received after intake in the case history; a document already received is not recorded twice.
A received or deferred case moves to verifying: once what a deferral found missing is supplied, the case can go to the meeting again (hall case ready).`),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			if len(received) == 0 {
				return a.usagef("请用 --received 写明收到的材料", "name the documents received with --received")
			}
			var docs []string
			for _, n := range received {
				d, ok := cat.Document(n)
				if ok && !slices.Contains(docs, d) {
					docs = append(docs, d)
				}
				if !ok {
					var names []string
					for _, d := range cat.Documents() {
						names = append(names, cat.DocumentLabel(d).In(a.lang))
					}
					return a.usagef("材料 %q 不在目录中；可用：%s", "document %q is not in the catalogue; valid: %s", n, strings.Join(names, a.t("、", "; ")))
				}
			}
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.ReceiveDocuments(args[0], 0, docs, who())
				if err != nil {
					return err
				}
				var missing []string
				for _, d := range cat.MissingDocuments(c) {
					missing = append(missing, cat.DocumentLabel(d).In(a.lang))
				}
				w := cmd.OutOrStdout()
				fmt.Fprintf(w, a.t("%s：已登记 %d 份材料；状态：%s\n", "%s: %d documents recorded; status: %s\n"), c.Number, len(docs), c.Status.Label(a.lang))
				if len(missing) > 0 {
					fmt.Fprintf(w, a.t("仍缺少材料：%s\n", "documents still missing: %s\n"), strings.Join(missing, a.t("、", "; ")))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringArrayVar(&received, "received", nil, a.t("收到的材料名称（可重复）", "name of a document received (repeatable)"))
	cmd.RegisterFlagCompletionFunc("received", a.completeDocument)
	return cmd
}
