package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newImportCommand() *cobra.Command {
	var dryRun bool
	var repeatReason string
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
			return a.importFile(cmd, a.abs(args[0]), args[0], dryRun, repeatReason)
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, a.t("只检查每一行，不保存", "check every row, store nothing"))
	cmd.Flags().StringVar(&repeatReason, "repeat-reason", "", a.t("再次申请的理由（如续期），记入案件历史；已有同一项目在办或正在享受的行没有理由则拒绝导入",
		"why people apply again (a renewal …), kept in the case history; rows for a project the person already has open or holds are refused without it"))
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

// importRefused is importFailed, telling how to apply again on purpose
// when a row repeats a project the person has open or holds.
func (a *app) importRefused(err error) error {
	out := a.importFailed(err)
	var ee exitError
	if errors.Is(err, casefile.ErrRepeatApplication) && errors.As(out, &ee) {
		ee.msg += "\n" + a.t("如确需再次申请（如续期），用 --repeat-reason 说明理由后重新导入",
			"to apply again all the same (a renewal …), import again with --repeat-reason")
		return ee
	}
	return out
}

// Files of up to importOneTx rows are stored in one transaction; larger
// ones are checked whole first, then read again and stored importChunk
// rows per transaction, so memory does not grow with the rows.
const (
	importOneTx = 5000
	importChunk = 2000
)

// importFile checks the file at path (named name) and stores it. A file
// of many rows streams: every row is checked before any is stored, then
// the rows are read again and stored in chunks, with a progress bar on
// stderr.
func (a *app) importFile(cmd *cobra.Command, path, name string, dryRun bool, repeat string) error {
	cat, err := a.catalog()
	if err != nil {
		return err
	}
	today := casefile.DateOf(nowFunc())
	parse := func(each func(casefile.ImportRow) error) (int, error) {
		f, err := os.Open(path)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", a.t("无法打开导入文件", "cannot open the import file"), err)
		}
		defer f.Close()
		if each == nil {
			return cat.ParseImportEach(name, f, today, nil)
		}
		return cat.ParseImportEach(name, f, today, func(r casefile.ImportRow) error {
			r.Draft.RepeatReason = repeat
			return each(r)
		})
	}
	n, err := parse(nil) // check every row, keep none
	if err != nil {
		var ie *casefile.ImportError
		if errors.As(err, &ie) {
			return a.importFailed(err)
		}
		return err
	}
	if dryRun {
		fmt.Fprintf(cmd.OutOrStdout(), a.t("检查通过：%d 条申请可以导入（未保存）\n", "check passed: %d applications can be imported (nothing stored)\n"), n)
		return nil
	}
	return a.withStore(false, func(st *casefile.Store) error {
		if n <= importOneTx {
			var rows []casefile.ImportRow
			if _, err := parse(func(r casefile.ImportRow) error { rows = append(rows, r); return nil }); err != nil {
				return a.importFailed(err)
			}
			cases, err := st.Import(rows, a.who())
			if err != nil {
				return a.importRefused(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), a.t("已导入 %d 条申请：%s 至 %s\n", "imported %d applications: %s to %s\n"),
				len(cases), cases[0].Number, cases[len(cases)-1].Number)
			return nil
		}
		bar := newProgress(cmd.ErrOrStderr(), n)
		defer bar.clear()
		var chunk []casefile.ImportRow
		var first, last string
		stored := 0
		flush := func() error {
			if len(chunk) == 0 {
				return nil
			}
			cases, err := st.Import(chunk, a.who())
			if err != nil {
				bar.clear()
				if stored == 0 {
					return a.importRefused(err)
				}
				return exitError{code: 1, msg: fmt.Sprintf(a.t("导入中断：第 %d 行之前的 %d 条申请已保存（%s 至 %s），从第 %d 行起未保存：%s",
					"import interrupted: the rows before line %d (%d applications, %s to %s) were stored; from line %d on nothing was: %s"),
					chunk[0].Line, stored, first, last, chunk[0].Line, casefile.Message(err, a.lang))}
			}
			if first == "" {
				first = cases[0].Number
			}
			last = cases[len(cases)-1].Number
			stored += len(chunk)
			chunk = chunk[:0]
			bar.show(stored, a.t("条申请", "applications"))
			return nil
		}
		_, err := parse(func(r casefile.ImportRow) error {
			chunk = append(chunk, r)
			if len(chunk) == importChunk {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		if err != nil {
			var ee exitError
			if errors.As(err, &ee) || stored == 0 {
				return err
			}
			return exitError{code: 1, msg: fmt.Sprintf(a.t("导入中断：已保存 %d 条申请（%s 至 %s）：%s", "import interrupted: %d applications were stored (%s to %s): %s"),
				stored, first, last, casefile.Message(err, a.lang))}
		}
		fmt.Fprintf(cmd.OutOrStdout(), a.t("已导入 %d 条申请：%s 至 %s\n", "imported %d applications: %s to %s\n"), stored, first, last)
		return nil
	})
}
