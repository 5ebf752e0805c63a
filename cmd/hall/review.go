package main

// hall review: the running aids due for their periodic review (复核) and
// the start of a review case.

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newReviewCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "review",
		Short: a.t("定期复核：到期名单、开始复核", "Periodic review: the worklist of aids due, starting a review"),
		Long: a.t(`每项发放中的按月救助都有下次复核日期：家庭稳定的（如老年人、重度残疾人）每年一次
（county.review_months），有劳动能力成员或收入不固定的每半年一次（county.review_months_working）。
开始复核（hall review start）以当前家庭情况新建复核案件，须重新做经济状况核对，再经综合研判会研判：
批准则自会议次月起继续或调整金额，不予救助则停发；闭会时记入原案件的救助记录。`,
			`Every running monthly aid has a next review date: yearly for a stable household (elderly, severely
disabled; county.review_months), half-yearly for a household with a member able to work or irregular
income (county.review_months_working). Starting a review (hall review start) opens a review case with the
current household; it needs a fresh economic check and goes through the meeting: an approval continues
or adjusts the amount from the month after the meeting, a rejection stops the aid; the outcome is written
to the reviewed case's aid record when the session closes.`),
	}
	cmd.AddCommand(a.newReviewDueCommand(), a.newReviewStartCommand())
	return cmd
}

func (a *app) newReviewDueCommand() *cobra.Command {
	var before string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "due [--before DATE]",
		Short: a.t("列出复核日期在 DATE（默认今天）或之前的发放中救助", "List the running aids whose review is due on or before DATE (default today)"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			day, err := a.parseDay("before", before)
			if err != nil {
				return err
			}
			return a.withStore(true, func(st *casefile.Store) error {
				var due []casefile.ReviewDue
				if err := st.View(func(t *casefile.Tx) (err error) {
					due, err = t.ReviewsDue(day)
					return err
				}); err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					if due == nil {
						due = []casefile.ReviewDue{}
					}
					return writeJSON(w, due)
				}
				if len(due) == 0 {
					fmt.Fprintf(w, a.t("%s 前没有到期的复核\n", "no review is due by %s\n"), day)
					return nil
				}
				for _, d := range due {
					state := ""
					switch {
					case d.InReview != "":
						state = fmt.Sprintf(a.t("复核中 %s", "in review %s"), d.InReview)
					case d.Overdue:
						state = a.t("已逾期", "overdue")
					}
					fmt.Fprintf(w, "%s  %s  %s  %s  %s  %s  %s\n", d.Due, d.Case, padRight(d.Name, 8), d.MaskedID,
						strings.Join(d.Projects, ","), fmt.Sprintf(a.t("每月 %s 元", "%s yuan a month"), d.Monthly.Grouped()), state)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&before, "before", "", a.t("截止日期（默认今天）", "up to this date (default today)"))
	a.jsonFlag(cmd, &asJSON)
	return cmd
}

func (a *app) newReviewStartCommand() *cobra.Command {
	var why, event string
	cmd := &cobra.Command{
		Use:   "start CASE [--event death|household] [--why T]",
		Short: a.t("开始复核：以当前家庭情况新建复核案件，重新核对后提交研判", "Start a review: a review case with the current household, checked again and sent to the meeting"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			why, err := a.reviewEvent(event, why)
			if err != nil {
				return err
			}
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.StartReview(args[0], why, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：复核案件 %s 已受理；补充核查材料后 hall case ready 提交研判\n",
					"%s: review case %s received; add the evidence, then hall case ready sends it to the meeting\n"), args[0], c.Number)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&why, "why", "", a.t("复核原因（默认：定期复核；死亡、家庭变化等报告时写明）", "why (default: the periodic review; name a reported death or household change)"))
	cmd.Flags().StringVar(&event, "event", "", a.t("窗口报告的事件：death（死亡）或 household（家庭变化），立即复核；--why 写明详情", "an event reported at the desk: death or household (change), reviewed at once; --why gives the details"))
	return cmd
}

// reviewEvent words the reason of a review started by a reported event
// (death, household) with the details given, as the desk's dossier does.
func (a *app) reviewEvent(event, why string) (string, error) {
	var what string
	switch strings.TrimSpace(event) {
	case "":
		return why, nil
	case "death":
		what = a.t("报告死亡", "reported death")
	case "household":
		what = a.t("报告家庭变化", "reported household change")
	default:
		return "", a.usagef("--event 应为 death（死亡）或 household（家庭变化）：%s", "--event must be death or household: %s", event)
	}
	if strings.TrimSpace(why) == "" {
		return what, nil
	}
	return what + a.t("：", ": ") + strings.TrimSpace(why), nil
}
