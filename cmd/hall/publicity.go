package main

// hall publicity: the approvals waiting on public notice (公示), the
// objections raised against them, and the close of the notices that have
// run out.

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

// noticeLine is one line of `hall publicity list --json`.
type noticeLine struct {
	Case     string        `json:"case"`
	Name     string        `json:"name"`
	MaskedID string        `json:"masked_id"`
	Session  string        `json:"session"`
	From     casefile.Date `json:"from"`
	Until    casefile.Date `json:"until"`
	DaysLeft int           `json:"days_left"`
	Projects []string      `json:"projects"`
	Stop     bool          `json:"stop,omitempty"` // a termination on notice, not an approval
}

func (a *app) newPublicityCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "publicity",
		Short: a.t("公示：公示中的批准、异议登记、期满生效", "Public notice: approvals on notice, objections, the notices that have ended"),
		Long: a.t(`低保、特困等须先公示的项目（政策目录 notice_before_approval，天数 county.notice_days），
研判会闭会后进入「公示中」；公示期满无异议（hall publicity close）批准生效，方可出具决定书。
公示期间的异议（hall publicity object）使案件转回核查中：补充核查（入户调查、必要时民主评议）后再次提交研判，
再次批准后重新公示。`,
			`Approvals of projects that must be noticed first (the catalogue's notice_before_approval, for
county.notice_days days), such as dibao and extreme-poverty support, wait on public notice after the
meeting closes; when the notice ends without objection (hall publicity close) the approval takes effect
and its letter can be issued. An objection during the notice (hall publicity object) sends the case back
to verifying: re-checked (a home visit, a democratic appraisal where needed), it goes to a meeting again,
and a new approval is noticed again.`),
	}
	cmd.AddCommand(a.newPublicityListCommand(), a.newPublicityObjectCommand(), a.newPublicityCloseCommand())
	return cmd
}

func (a *app) newPublicityListCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: a.t("列出公示中的案件及剩余天数", "List the cases on public notice with the days left"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(true, func(st *casefile.Store) error {
				var lines []noticeLine
				today := casefile.DateOf(nowFunc())
				err := st.View(func(t *casefile.Tx) error {
					cases, err := t.OnNotice()
					for _, c := range cases {
						n := c.OpenNotice()
						if n == nil {
							continue
						}
						l := noticeLine{Case: c.Number, Name: c.Applicant.Name, MaskedID: c.Applicant.MaskedDoc(), Session: n.Session,
							From: n.From, Until: n.Until, DaysLeft: n.DaysLeft(today), Projects: []string{}}
						for _, ap := range c.Apps {
							if ap.Outcome == casefile.OutcomeGranted {
								l.Projects = append(l.Projects, ap.Project)
							}
						}
						lines = append(lines, l)
					}
					if err != nil {
						return err
					}
					stops, err := t.StopNotices(today)
					for _, c := range stops {
						ch := c.StopNotice(today)
						lines = append(lines, noticeLine{Case: c.Number, Name: c.Applicant.Name, MaskedID: c.Applicant.MaskedDoc(),
							Session: ch.Reference, From: ch.Notice.From, Until: ch.Notice.Until, DaysLeft: ch.Notice.DaysLeft(today),
							Projects: []string{ch.Project}, Stop: true})
					}
					return err
				})
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					if lines == nil {
						lines = []noticeLine{}
					}
					return writeJSON(w, lines)
				}
				if len(lines) == 0 {
					fmt.Fprintln(w, a.t("没有公示中的案件", "no case is on public notice"))
					return nil
				}
				for _, l := range lines {
					left := fmt.Sprintf(a.t("剩 %d 天", "%d days left"), l.DaysLeft)
					if l.DaysLeft == 0 {
						left = a.t("已期满，待生效", "ended, to take effect")
					}
					what := strings.Join(l.Projects, ",")
					if l.Stop {
						what += " " + a.t("（终止）", "(termination)")
					}
					fmt.Fprintf(w, "%s  %s  %s  %s  %s–%s  %s  %s\n", l.Case, padRight(l.Name, 8), l.MaskedID, l.Session,
						l.From, l.Until, left, what)
				}
				return nil
			})
		},
	}
	a.jsonFlag(cmd, &asJSON)
	return cmd
}

func (a *app) newPublicityObjectCommand() *cobra.Command {
	var by, how, reason, date string
	var anonymous bool
	cmd := &cobra.Command{
		Use:   "object CASE --by NAME|--anonymous --how phone|letter|visit|online --reason T [--date D]",
		Short: a.t("登记公示期间的异议；案件转回核查中，复查后再次研判并重新公示", "Record an objection during the notice; the case goes back to verifying, to a meeting again and a new notice"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(by) == "" && !anonymous {
				return a.usagef("请用 --by 写明异议人，或用 --anonymous 注明匿名", "name the objector with --by, or use --anonymous")
			}
			if strings.TrimSpace(by) != "" && anonymous {
				return a.usagef("--by 与 --anonymous 只能选一个", "give --by or --anonymous, not both")
			}
			if strings.TrimSpace(reason) == "" {
				return a.usagef("请用 --reason 写明异议内容", "give what the objection says with --reason")
			}
			way, ok := casefile.ParseObjectionWay(how)
			if !ok {
				var ways []string
				for _, w := range casefile.ObjectionWays {
					ways = append(ways, fmt.Sprintf("%s (%s)", w, w.Label(a.lang)))
				}
				return a.usagef("异议方式 %q 无效；可用：%s", "way %q is invalid; valid: %s", how, strings.Join(ways, ", "))
			}
			var day casefile.Date
			if strings.TrimSpace(date) != "" {
				d, err := a.parseDay("date", date)
				if err != nil {
					return err
				}
				day = d
			}
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.Object(args[0], casefile.Objection{Date: day, By: by, Anonymous: anonymous, Way: way, Reason: reason}, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：已登记异议；状态：%s（补充核查后 hall case ready 再次提交研判）\n",
					"%s: objection recorded; status: %s (re-check, then hall case ready sends it to a meeting again)\n"),
					c.Number, c.Status.Label(a.lang))
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&by, "by", "", a.t("异议人", "who objects"))
	f.BoolVar(&anonymous, "anonymous", false, a.t("匿名异议", "an anonymous objection"))
	f.StringVar(&how, "how", "phone", a.t("方式：phone 电话、letter 来信、visit 来访、online 网上", "way: phone, letter, visit, online"))
	f.StringVar(&reason, "reason", "", a.t("异议内容", "what the objection says"))
	f.StringVar(&date, "date", "", a.t("收到日期（默认今天）", "date received (default today)"))
	cmd.RegisterFlagCompletionFunc("how", a.completeWay)
	return cmd
}

func (a *app) newPublicityCloseCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "close",
		Short: a.t("公示期满无异议的批准生效（此后方可出具决定书）", "The approvals whose notice ended without objection take effect (their letters can then be issued)"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(false, func(st *casefile.Store) error {
				moved, err := st.CloseNotices(a.who())
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				for _, c := range moved {
					fmt.Fprintf(w, a.t("%s：公示期满，%s\n", "%s: notice ended, %s\n"), c.Number, c.Status.Label(a.lang))
				}
				fmt.Fprintf(w, a.t("%d 件批准生效\n", "%d approvals took effect\n"), len(moved))
				return nil
			})
		},
	}
	return cmd
}
