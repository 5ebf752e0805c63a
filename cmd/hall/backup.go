package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newBackupCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: a.t("在系统照常工作时把数据库的一致副本写入 FILE", "Write a consistent copy of the database to FILE while the hall keeps working"),
		Args:  cobra.ExactArgs(1),
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			n, err := st.BackupFile(a.abs(args[0]))
			if err != nil {
				return fmt.Errorf("%s: %w", a.t("备份失败", "backup failed"), err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), a.t("已备份到 %s（%d 字节）\n", "backed up to %s (%d bytes)\n"), args[0], n)
			return nil
		}),
	}
}

func (a *app) newRestoreCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: a.t("检查备份后用它替换数据库", "Replace the database with a backup, after checking the backup"),
		Long: a.t(`用备份文件 FILE 替换数据库。先检查备份（结构版本、页面一致性、本系统的不变
规则）；损坏的或不属于本系统的文件会被拒绝，数据库保持原样。恢复时不得有 hall
在使用该数据库。`, `Replace the database with the backup FILE. The backup is checked first
(schema version, page consistency, the hall's own invariants); a damaged or
foreign file is refused and the database is left as it was. No hall may be
running on the database while it is restored.`),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			if err := casefile.Restore(args[0], a.dbPath, cat); err != nil {
				return exitError{code: exitCode(runError{err}), msg: a.t("未恢复，原数据库保持不变：", "nothing restored; the database is unchanged: ") + casefile.Message(err, a.lang)}
			}
			fmt.Fprintf(cmd.OutOrStdout(), a.t("已从 %[1]s 恢复 %[2]s\n", "restored %[2]s from %[1]s\n"), args[0], a.dbPath)
			return nil
		},
	}
}

func (a *app) newCheckCommand() *cobra.Command {
	var all, rebuild bool
	var salvage string
	cmd := &cobra.Command{
		Use:   "check",
		Short: a.t("检查数据库：页面一致性、日志链与锚定、每条记录与日志是否相符、索引、计数", "Verify the database: pages, the journal's chain and anchor, every record against the journal, indexes, counters"),
		Long: a.t(`检查数据库。先在子进程中逐页检查文件结构；再重放日志，核对哈希链和数据库旁
的锚定文件（.anchor）；然后核对每条记录、索引和计数是否正是日志所写，指出第一处
不符（存储区、案件号、日志记录号）。--rebuild 按日志重写全部记录和索引（日志链
必须完整），撤销在本系统之外所做的改动；中途中断时数据库保持原样，重建期间需要
另有与数据库同样大小的磁盘空间。--salvage OUT 把损坏的数据库中仍可读取的
记录写入新文件。证件号和电话在报告中均被遮盖。重放日志时内存只保留 64 MB，
其余排好序写入临时目录（$TMPDIR，仅本人可读），检查结束或按 Ctrl+C 时删除；
终端上显示各阶段的进度条。`, `Verify the database. The file's pages are walked in a child process; the
journal is replayed and its hash chain and the anchor file beside the database
(.anchor) checked; then every record, index entry and counter is compared with
what the journal wrote, and the first difference named (bucket, case number,
journal record). --rebuild rewrites every record and index from the journal
(whose chain must hold), undoing changes made behind hall's back; cut short, it
leaves the database as it was, and it needs free disk as large as the database. --salvage OUT
writes what can still be read of a damaged database into a new file. ID numbers
and phones are masked in the report. The replay keeps 64 MB in memory and
writes the rest, sorted, to a private temporary directory ($TMPDIR), removed
when the check ends or on Ctrl+C; a terminal shows each stage's progress.`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if salvage != "" {
				rep, err := casefile.Salvage(a.dbPath, salvage)
				if err != nil {
					return err
				}
				for _, l := range rep.Lost {
					fmt.Fprintln(cmd.ErrOrStderr(), l.In(a.lang))
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已把 %d 个存储区中可读的 %d 条记录写入 %s；请用 hall --db %s check 检查它\n",
					"%d readable entries of %d buckets written to %s; check it with hall --db %s check\n"), rep.Buckets, rep.Entries, salvage, salvage)
				if rep.Tail > 0 {
					fmt.Fprintf(cmd.OutOrStdout(), a.t("日志尾文件中崩溃前的 %d 次保存已写入 %s，打开副本时补入\n",
						"%d saves the crash left in the journal's tail written to %s, brought in when the copy is opened\n"), rep.Tail, casefile.TailPath(salvage))
				}
				return nil
			}
			return a.withStore(!rebuild, func(st *casefile.Store) error {
				// Ctrl+C ends the check (or the rebuild, leaving the store
				// as it was) and removes its temporary files.
				ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
				defer stop()
				interrupted := func(err error) bool { return ctx.Err() != nil && errors.Is(err, ctx.Err()) }
				if rebuild {
					bar := a.checkBar(cmd.ErrOrStderr())
					n, err := st.Rebuild(casefile.CheckOptions{Progress: bar.progress, Stage: bar.stage, Context: ctx})
					bar.end()
					if interrupted(err) {
						return exitError{code: exitFailed, msg: a.t("重建已中断，数据库未改动", "rebuild interrupted; the database is as it was")}
					}
					if err != nil {
						return err
					}
					fmt.Fprintf(cmd.OutOrStdout(), a.t("已按日志的 %d 条记录重建。\n", "rebuilt from the journal's %d records.\n"), n)
				}
				max := 1
				if all {
					max = 0
				}
				bar := a.checkBar(cmd.ErrOrStderr())
				probs, err := st.Verify(casefile.CheckOptions{Max: max, Progress: bar.progress, Stage: bar.stage, Context: ctx})
				bar.end()
				if interrupted(err) {
					return exitError{code: exitFailed, msg: a.t("检查已中断", "check interrupted")}
				}
				for _, p := range probs {
					fmt.Fprintln(cmd.ErrOrStderr(), p.In(a.lang))
				}
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), a.t("数据库检查通过。", "database check passed."))
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, a.t("列出所有问题，而不只是第一个", "list every problem, not only the first"))
	cmd.Flags().BoolVar(&rebuild, "rebuild", false, a.t("先按日志重建全部记录和索引", "first rebuild every record and index from the journal"))
	cmd.Flags().StringVar(&salvage, "salvage", "", a.t("把损坏的数据库中仍可读取的记录写入新文件 OUT（不检查）", "write what can still be read of a damaged database into a new file OUT (no check)"))
	return cmd
}

// checkStages shows the check's stages on a terminal: the stage's name
// with a bar of its progress (newProgress), redrawn in place.
type checkStages struct {
	a     *app
	w     io.Writer
	label string
	bar   *progress
}

func (a *app) checkBar(w io.Writer) *checkStages { return &checkStages{a: a, w: w} }

func (c *checkStages) stage(t casefile.Text) {
	c.label = t.In(c.a.lang)
	c.bar = newProgress(c.w, 1)
	if c.bar.on {
		fmt.Fprintf(c.w, "\r%s…\x1b[K", c.label)
	}
}

func (c *checkStages) progress(done, total int) {
	if c.bar == nil || c.bar.total != max(total, 1) {
		c.bar = newProgress(c.w, total)
	}
	c.bar.show(done, c.label)
}

func (c *checkStages) end() {
	if c.bar != nil {
		c.bar.clear()
	}
}
