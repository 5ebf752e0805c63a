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
		Short: a.t("从 CSV、Excel（.xlsx）或 JSON Lines 导入申请：要么全部导入，要么一行不导", "Import applications from CSV, Excel (.xlsx) or JSON Lines: all rows or none"),
		Long: a.t(`从下列文件导入申请：
  - CSV：每行一份申请，第一行是列名（身份证号、姓名、项目……）。UTF-8（可带 BOM）
    或 Excel、WPS 在中文 Windows 上默认保存的 GBK/GB18030 编码均可，程序自动识别；
    既不是 UTF-8 也不是 GBK 的文件不导入，UTF-8 文件中夹杂的无效字节按行指出。
  - Excel 工作簿（.xlsx）：读第一个工作表，列与 CSV 相同。金额、日期可以是数字格式；
    身份证号必须是“文本”格式（数字格式会丢掉末几位，此时整份文件不导入）。
  - JSON Lines：每行一条完整记录。
收入明细写成“类别:金额;类别:金额”，类别可用常见叫法（务农收入、打工收入、退休工资、
低保金……）；写错的类别会提示最接近的已知类别。
导入要么全部成功，要么一行不导：只要有一处有误，就一行也不保存，并以
“第 N 行：列名：原因”列出每一行的每一个问题；此时退出码为 1。同一人在同一文件中
两次申请同一项目、受理日期早于 2000 年或晚于今天，都算有误。`, `Import applications from:
  - CSV: one application per row, the first row names the columns (id_number,
    name, project, …). UTF-8 (optional BOM) or GBK/GB18030 as Excel and WPS save
    it on Chinese Windows, detected by itself; a file that is neither is refused,
    and stray bytes that are not UTF-8 in a UTF-8 file are named by line.
  - An Excel workbook (.xlsx): its first sheet, the same columns as the CSV.
    Amounts and dates may be number cells; ID numbers must be Text cells (a
    number cell has lost its last digits, and the file is refused).
  - JSON Lines: one full record per line.
An income detail is "kind:amount;kind:amount"; kinds may be written as people
write them (farming income, migrant work, retirement pay, dibao money …: the
catalogue's aliases); a misspelt kind is answered with the closest known kinds.
The import is all or nothing: if anything is wrong, no row is stored and every
problem of every row is listed as "line N: column: reason"; the exit code is
then 1. The same person applying twice for one project in one file, and a
received date before 2000 or after today, are errors.`),
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
			return a.withStore(false, func(st *casefile.Store) error {
				cases, err := st.Import(rows, who())
				if err != nil {
					return a.importFailed(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已导入 %d 条申请：%s 至 %s\n", "imported %d applications: %s to %s\n"),
					len(cases), cases[0].Number, cases[len(cases)-1].Number)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, a.t("只检查每一行，不保存", "check every row, store nothing"))
	return cmd
}

func (a *app) importFailed(err error) error {
	msg := casefile.Message(err, a.lang)
	head := a.t("导入失败，未保存任何记录：", "import failed; nothing was stored:")
	code := exitFailed
	if c := exitCode(runError{err}); c == exitDamaged || c == exitLocked {
		code = c // a damaged or busy database keeps its own exit code
	}
	return exitError{code: code, msg: head + "\n" + msg}
}
