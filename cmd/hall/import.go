package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newImportCommand() *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: a.t("从 CSV 或 JSON Lines 导入申请：要么全部导入，要么一行不导", "Import applications from CSV or JSON Lines: all rows or none"),
		Long: a.t(`从 CSV 文件（UTF-8，可带 BOM，每行一份申请）或 JSON Lines 文件（每行一条完整
记录）导入申请。导入要么全部成功，要么一行不导：只要有一行有误，就一行也不保存，
并以“第 N 行：字段：原因”列出每个有误的行；此时退出码为 1。`, `Import applications from a CSV file (UTF-8, optional BOM, one application per row)
or a JSON Lines file (one full record per line). The import is all or nothing:
if any row is bad, no row is stored and every bad row is listed as
"line N: field: reason"; the exit code is then 1.`),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("%s: %w", a.t("无法打开导入文件", "cannot open the import file"), err)
			}
			defer f.Close()
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			rows, err := cat.ParseImport(args[0], f, casefile.DateOf(nowFunc()))
			if err != nil {
				return a.importFailed(err)
			}
			if dryRun {
				fmt.Fprintf(cmd.OutOrStdout(), a.t("检查通过：%d 条申请可以导入（未保存）\n", "check passed: %d applications can be imported (nothing stored)\n"), len(rows))
				return nil
			}
			st, err := a.open(false)
			if err != nil {
				return err
			}
			defer st.Close()
			cases, err := st.Import(rows, who())
			if err != nil {
				return a.importFailed(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), a.t("已导入 %d 条申请：%s 至 %s\n", "imported %d applications: %s to %s\n"),
				len(cases), cases[0].Number, cases[len(cases)-1].Number)
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, a.t("只检查每一行，不保存", "check every row, store nothing"))
	return cmd
}

func (a *app) importFailed(err error) error {
	msg := casefile.Message(err, a.lang)
	head := a.t("导入失败，未保存任何记录：", "import failed; nothing was stored:")
	return exitError{code: 1, msg: head + "\n" + msg}
}
