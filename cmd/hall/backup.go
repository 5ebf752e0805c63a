package main

import (
	"fmt"

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
	var all bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: a.t("检查数据库：页面一致性、索引、办理记录链、计数", "Verify the database: page consistency, indexes, history chains, counters"),
		Args:  cobra.NoArgs,
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			max := 1
			if all {
				max = 0
			}
			probs, err := st.Check(max)
			for _, p := range probs {
				fmt.Fprintln(cmd.ErrOrStderr(), p)
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("数据库检查通过。", "database check passed."))
			return nil
		}),
	}
	cmd.Flags().BoolVar(&all, "all", false, a.t("列出所有问题，而不只是第一个", "list every problem, not only the first"))
	return cmd
}
