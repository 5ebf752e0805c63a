package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/serve"
	"github.com/spf13/cobra"
)

func (a *app) newUserCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "user",
		Short: a.t("管理可连接 hall serve 的用户及其角色", "Manage the users who may connect to `hall serve` and their roles"),
	}
	var role, keyFile, display, localUser string
	add := &cobra.Command{
		Use:   "add NAME --role ROLE (--key FILE | --local-user LOGIN) [--display REALNAME]",
		Short: a.t("登记用户及其角色和 FILE 中的 SSH 公钥", "Register a user with a role and the SSH public key(s) in FILE"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := casefile.ParseRole(role)
			if !ok {
				return usageError{fmt.Errorf(a.t("角色 %q 无效（可用：%s）", "role %q is invalid (use one of %s)"), role, roleKeys())}
			}
			if keyFile == "" && localUser == "" {
				return usageError{fmt.Errorf("%s", a.t("需要 --key 或 --local-user", "--key or --local-user is required"))}
			}
			var keys, fps []string
			if keyFile != "" {
				var err error
				if keys, fps, err = readKeys(a.abs(keyFile)); err != nil {
					return fmt.Errorf("%s: %s", keyFile, casefile.Message(err, a.lang))
				}
			}
			return a.withStore(false, func(st *casefile.Store) error {
				if err := st.AddUser(casefile.User{Name: args[0], Display: display, Role: r, Keys: keys, Fingerprints: fps, LocalUser: localUser}, a.who()); err != nil {
					return err
				}
				if localUser != "" {
					fmt.Fprintf(cmd.OutOrStdout(), a.t("本机登录名 %s 运行 hall 时即为 %s\n", "the local login %s acts as %s when it runs hall\n"), localUser, args[0])
				}
				if len(fps) == 0 {
					fmt.Fprintf(cmd.OutOrStdout(), a.t("已登记用户 %s（%s），无公钥：只能在本机使用\n", "registered %s (%s), no key: local use only\n"), args[0], r.Label(a.lang))
					return nil
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已登记用户 %s（%s），公钥 %s\n", "registered %s (%s), key %s\n"), args[0], r.Label(a.lang), strings.Join(fps, ", "))
				return nil
			})
		},
	}
	add.Flags().StringVar(&role, "role", "", a.t("角色：", "role: ")+roleKeys())
	add.Flags().StringVar(&keyFile, "key", "", a.t("用户的 SSH 公钥文件，authorized_keys 格式", "file with the user's SSH public key(s), authorized_keys format"))
	add.Flags().StringVar(&display, "display", "", a.t("用户的真实姓名，打印在文书上（如受理回执的受理人）", "the user's real name as documents print it (the officer on a receipt)"))
	add.Flags().StringVar(&localUser, "local-user", "", a.t("对应的本机登录名：该登录名运行 hall 命令时以此用户身份办理（一旦有对应，未对应的本机登录名只能查看）",
		"the operating-system login mapped to this user: hall commands that login runs act as this user (once any login is mapped, unmapped logins may only read)"))
	add.MarkFlagRequired("role")
	add.RegisterFlagCompletionFunc("role", a.completeRole)

	list := &cobra.Command{
		Use:   "list",
		Short: a.t("列出已登记的用户", "List registered users"),
		Args:  cobra.NoArgs,
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			users, err := st.Users()
			if err != nil {
				return err
			}
			if len(users) == 0 {
				fmt.Fprintln(cmd.OutOrStdout(), a.t("没有登记的用户。", "no registered users."))
				return nil
			}
			var rows [][]string
			for _, u := range users {
				rows = append(rows, []string{u.Name, u.Display, u.Role.Label(a.lang), u.LocalUser, strings.Join(u.Fingerprints, " "), u.Added.Format("2006-01-02")})
			}
			table(cmd.OutOrStdout(), []string{a.t("用户", "user"), a.t("姓名", "name"), a.t("角色", "role"), a.t("本机登录名", "local login"), a.t("公钥指纹", "key fingerprints"), a.t("登记日期", "added")}, rows)
			return nil
		}),
	}
	remove := &cobra.Command{
		Use:   "remove NAME",
		Short: a.t("删除用户", "Remove a user"),
		Args:  cobra.ExactArgs(1),
		RunE: a.onStore(false, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			if err := st.RemoveUser(args[0], a.who()); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), a.t("已删除用户 %s\n", "removed user %s\n"), args[0])
			return nil
		}),
	}
	setDisplay := &cobra.Command{
		Use:   "display [NAME] REALNAME",
		Short: a.t("设置用户打印在文书上的真实姓名；不写 NAME 时为本机当前用户", "Set the real name documents print for a user; without NAME, for the local user running hall"),
		Long: a.t(`设置用户打印在文书上的真实姓名，例如受理回执上的受理人。NAME 为已登记的
用户名，或本机用户（local:root）；不写 NAME 时为运行 hall 的本机用户。
REALNAME 为空字符串时删除。`, `Set the real name documents print for a user, e.g. the officer on an intake
receipt. NAME is a registered user or a local one (local:root); without NAME,
the local user running hall. An empty REALNAME removes it.`),
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, real := a.who(), args[0]
			if len(args) == 2 {
				name, real = args[0], args[1]
			}
			return a.withStore(false, func(st *casefile.Store) error {
				if err := st.SetDisplayName(name, real, a.who()); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s 的姓名：%s\n", "%s prints as: %s\n"), name, real)
				return nil
			})
		},
	}
	cmd.AddCommand(add, list, remove, setDisplay)
	return cmd
}

// readKeys reads authorized_keys lines and their SHA-256 fingerprints;
// a weak key or an option hall cannot honour refuses the file with the
// reason (serve.ParseAuthorizedKeys).
func readKeys(path string) (keys, fps []string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return serve.ParseAuthorizedKeys(data)
}

func roleKeys() string {
	var s []string
	for _, r := range casefile.Roles {
		s = append(s, string(r))
	}
	return strings.Join(s, ", ")
}

func (a *app) newAuditCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit",
		Short: a.t("验证防篡改的办理记录", "Verify the tamper-evident history"),
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "verify",
		Short: a.t("逐一核对每个案件的办理记录链，指出第一条不符的记录", "Walk every case's history chain and name the first entry that does not match"),
		Args:  cobra.NoArgs,
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			bad, err := st.Audit()
			if err != nil {
				return err
			}
			if bad != nil {
				return exitError{code: 1, msg: fmt.Sprintf(a.t("办理记录被改动：案件 %s 第 %d 条（%s，%s）与记录链不符",
					"history altered: case %s entry %d (%s, %s) does not match its chain"), bad.Case, bad.Entry+1, bad.At, bad.Who)}
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("全部办理记录链完整。", "every history chain holds."))
			return nil
		}),
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "head",
		Short: a.t("显示日志的最新记录号和哈希，供抄录备查", "Print the journal's head (record number and hash) for someone to write down"),
		Args:  cobra.NoArgs,
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			h, err := st.JournalHead()
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, a.t("日志最新记录：第 %d 条\n哈希：%x\n", "journal head: record %d\nhash: %x\n"), h.Seq, h.Hash)
			if anc, err := st.AnchoredHead(); err == nil && anc.Seq > 0 && anc != h {
				fmt.Fprintf(w, a.t("锚定文件记到：第 %d 条 %x\n", "the anchor file names: record %d %x\n"), anc.Seq, anc.Hash)
			}
			return nil
		}),
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "record N",
		Short: a.t("显示日志第 N 条记录（时间、操作人、哈希），核对会议纪要上抄印的日志记录", "Print journal record N (time, who, hash), to compare with the journal line on a session's minutes"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || n == 0 {
				return a.usagef("日志记录号应为正整数：%s", "a journal record number is a positive number: %s", args[0])
			}
			return a.withStore(true, func(st *casefile.Store) error {
				e, err := st.JournalRecord(n)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("日志第 %d 条记录\n时间：%s\n操作人：%s\n哈希：%x\n与前一条记录的哈希链相符。\n",
					"journal record %d\ntime: %s\nby: %s\nhash: %x\nit chains to the record before it.\n"),
					e.Seq, e.At.Local().Format("2006-01-02 15:04:05"), e.Who, e.Hash)
				return nil
			})
		},
	})
	return cmd
}
