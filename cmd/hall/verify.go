package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts"
)

// newVerifyCommand is `hall verify CODE`: it checks the check code printed
// on a document (under its QR code, or what a scanner reads from it)
// against the records and says what the document certifies.
func (a *app) newVerifyCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "verify CODE",
		Short: a.t("核对文书上的核验码是否与记录相符", "Check a document's check code against the records"),
		Long: a.t(`核对受理回执等文书上的核验码（二维码内容或其下方印出的文字，
形如 hall:2026-000123:R:7GQK-M2PA-X9TB-4HEW）。相符时列出文书所证明的事项；
不相符（伪造、改动或记录已变更）时退出码为 1。`, `Check the check code of a document such as an intake receipt (what its QR code
holds, or the text printed with it: hall:2026-000123:R:7GQK-M2PA-X9TB-4HEW).
When it matches, the facts the document certifies are listed; when it does not
(forged, altered, or the records have changed since), the exit code is 1.`),
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			code := strings.Join(args, "")
			if _, err := printouts.ParseCode(code); err != nil {
				return usageError{err}
			}
			return a.withStore(true, func(st *casefile.Store) error {
				v, err := printouts.CheckCode(st, code)
				if err != nil {
					return err
				}
				if !v.Matches {
					return exitError{code: 1, msg: fmt.Sprintf(a.t(
						"核验码不符：不是本系统出具的%s，或其所载事项已被改动、与记录不一致（案件 %s）",
						"the check code does not match: this %s was not issued here, or what it states was altered or no longer matches the records (case %s)"),
						a.t(kindName(v.Code.Kind), "document"), v.Code.Case)}
				}
				w := cmd.OutOrStdout()
				fmt.Fprintf(w, a.t("核验码相符：本中心出具的%s，所载事项与记录一致：\n", "the check code matches: %s issued here; what it states matches the records:\n"),
					a.t(v.Facts.Title(), "an intake receipt"))
				var rows [][]string
				for _, f := range v.Facts.Items {
					rows = append(rows, []string{f.Label.In(a.lang), f.Show})
				}
				rows = append(rows, []string{a.t("案件现状", "status now"), v.Status.Label(a.lang)})
				table(w, []string{a.t("事项", "fact"), a.t("内容", "as recorded")}, rows)
				return nil
			})
		},
	}
}

// kindName names a kind of sealed document in Chinese.
func kindName(kind string) string {
	return printouts.Facts{Kind: kind}.Title()
}
