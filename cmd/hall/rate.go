package main

// Applicants' evaluations of the service (好差评): hall case rate records
// one (a rating taken by phone, or typed for the applicant), hall
// followups lists and closes the follow-ups low scores open.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/tui/rating"
)

func (a *app) newCaseRateCommand() *cobra.Command {
	var score int
	var channel, comment string
	var screen bool
	cmd := &cobra.Command{
		Use:   "rate CASE --score N --channel window|phone [--comment T] | rate CASE --screen",
		Short: a.t("记录申请人对服务的评价（1–5 分；2 分及以下建回访事项）", "Record the applicant's rating of the service (1–5; 2 or less opens a follow-up)"),
		Long: a.t(`记录申请人对本次服务的评价，1 到 5 分，可附意见；渠道为窗口（window）或电话回访（phone）。
评价计入案件所涉项目的各承办部门和受理窗口（部门贡献统计表的“评价”一栏）；
2 分及以下在首页列为差评回访待办，办结用 hall followups close。`,
			`Record the applicant's rating of the service, 1 to 5, with an optional comment; the channel is
the window (window) or a phone call (phone). The rating counts for every department whose
project the case involves and for the desk that took it (the "ratings" of the department
report); 2 or less is listed on the home screen as a follow-up, closed with hall followups close.`),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if screen {
				return a.rateOnScreen(cmd, args[0])
			}
			if score < 1 || score > 5 {
				return a.usagef("--score 应为 1 到 5", "--score must be 1 to 5")
			}
			ch, ok := feedback.ParseChannel(channel)
			if !ok {
				return a.usagef("--channel 应为 window 或 phone", "--channel must be window or phone")
			}
			return a.withStore(false, func(st *casefile.Store) error {
				r, err := feedback.Rate(st, args[0], score, ch, comment, a.who())
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				fmt.Fprintf(w, a.t("%s：评价 %d 分（%s），计入 %s\n", "%s: rated %d (%s), counted for %s\n"),
					r.Case, r.Score, ch.Label(a.lang), a.deptList(st.Catalog(), r.Departments))
				if r.Score <= feedback.LowScore {
					fmt.Fprintf(w, a.t("已建差评回访事项 %d\n", "follow-up %d opened\n"), r.Seq)
				}
				return nil
			})
		},
	}
	cmd.Flags().IntVar(&score, "score", 0, a.t("评分 1–5", "score 1–5"))
	cmd.Flags().StringVar(&channel, "channel", "", a.t("渠道：window（窗口）或 phone（电话回访）", "channel: window or phone"))
	cmd.Flags().StringVar(&comment, "comment", "", a.t("意见（可选）", "comment (optional)"))
	cmd.Flags().BoolVar(&screen, "screen", false, a.t("在本终端上请申请人按大号数字键 1–5 评价（工作人员看不到分数）", "let the applicant rate on this terminal with large keys 1–5 (the clerk does not see the score)"))
	return cmd
}

// rateOnScreen shows the rating screen for the applicant; what it prints
// for the clerk afterwards never names the score.
func (a *app) rateOnScreen(cmd *cobra.Command, number string) error {
	return a.withStore(false, func(st *casefile.Store) error {
		if err := st.View(func(t *casefile.Tx) error { _, err := t.Case(number); return err }); err != nil {
			return err
		}
		var opts []tea.ProgramOption
		if in, out := a.terminal(cmd); in != nil || out != nil {
			if in != nil {
				opts = append(opts, tea.WithInput(in))
			}
			if out != nil {
				opts = append(opts, tea.WithOutput(out))
			}
		}
		rated, err := rating.Run(rating.NewStore(st), st.Catalog(), a.lang, a.who(), number, opts...)
		if err != nil {
			return err
		}
		if rated {
			fmt.Fprintf(cmd.ErrOrStderr(), a.t("%s：评价已记录\n", "%s: the rating is recorded\n"), number)
		} else {
			fmt.Fprintf(cmd.ErrOrStderr(), a.t("%s：未评价\n", "%s: not rated\n"), number)
		}
		return nil
	})
}

func (a *app) deptList(cat *casefile.Catalog, keys []string) string {
	var out []string
	for _, k := range keys {
		out = append(out, a.deptLabel(cat, k))
	}
	return strings.Join(out, a.t("、", ", "))
}

func (a *app) newFollowUpsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "followups",
		Short: a.t("差评回访待办（评价 2 分及以下）", "Follow-ups of low ratings (2 or less)"),
		Args:  cobra.NoArgs,
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			var items []feedback.FollowUp
			err := st.View(func(t *casefile.Tx) error {
				var err error
				items, err = feedback.OpenFollowUps(t)
				return err
			})
			if err != nil {
				return err
			}
			if asJSON {
				if items == nil {
					items = []feedback.FollowUp{}
				}
				return writeJSON(cmd.OutOrStdout(), items)
			}
			if len(items) == 0 {
				fmt.Fprintln(cmd.OutOrStdout(), a.t("没有待办的回访", "no open follow-ups"))
				return nil
			}
			var rows [][]string
			for _, f := range items {
				rows = append(rows, []string{strconv.FormatUint(f.Seq, 10), f.Case, strconv.Itoa(f.Score), f.Opened.Format(time.DateTime)})
			}
			table(cmd.OutOrStdout(), strings.Split(a.t("编号|案件|评分|评价时间", "no.|case|score|rated at"), "|"), rows)
			return nil
		}),
	}
	a.jsonFlag(cmd, &asJSON)
	var note string
	closeCmd := &cobra.Command{
		Use:   "close N --note T",
		Short: a.t("办结回访事项，写明所做处理", "Close a follow-up, saying what was done"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return a.usagef("回访编号应为数字：%s", "a follow-up number is a number: %s", args[0])
			}
			if strings.TrimSpace(note) == "" {
				return a.usagef("请用 --note 写明所做处理", "say what was done with --note")
			}
			return a.withStore(false, func(st *casefile.Store) error {
				if err := feedback.CloseFollowUp(st, n, note, a.who()); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("回访事项 %d 已办结\n", "follow-up %d closed\n"), n)
				return nil
			})
		},
	}
	closeCmd.Flags().StringVar(&note, "note", "", a.t("所做处理", "what was done"))
	cmd.AddCommand(closeCmd)
	return cmd
}
