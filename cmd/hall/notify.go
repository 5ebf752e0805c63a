package main

// After the decision: hall case notify records how a letter reached the
// person; hall case account records where the money is paid.

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

// parseDay reads a --date flag; empty is today.
func (a *app) parseDay(flag, s string) (casefile.Date, error) {
	if strings.TrimSpace(s) == "" {
		return casefile.DateOf(nowFunc()), nil
	}
	d, err := casefile.ParseDate(strings.TrimSpace(s))
	if err != nil {
		return d, a.usagef("--%s %q 无效（应为 2026-12-01）", "--%s %q is invalid (want 2026-12-01)", flag, s)
	}
	return d, nil
}

// methodList names the delivery methods for a message.
func (a *app) methodList() string {
	var out []string
	for _, m := range casefile.DeliveryMethods {
		out = append(out, fmt.Sprintf("%s (%s)", m.Label(casefile.ZH), m))
	}
	return strings.Join(out, ", ")
}

func (a *app) newCaseNotifyCommand() *cobra.Command {
	var method, date, receiver, note, letter string
	cmd := &cobra.Command{
		Use:   "notify CASE --method METHOD --date D --receiver NAME [--note T]",
		Short: a.t("登记决定书的送达（方式、日期、签收人）；已批准或不予救助的案件转为已告知，无待办事项时办结", "Record how a decision letter reached the person (method, date, receiver); an approved or rejected case becomes notified, and closed when nothing is left to do"),
		Long: a.t(`登记一份文书的送达回证：送达方式（直接送达 direct、邮寄 post、留置 left、电子 electronic）、日期、签收人，
以及扫描的回证文件或备注（--note）。已批准或不予救助的案件转为「已告知」；不予救助的案件、一次性救助已发放的
案件随即「已办结」，按月救助在已办结的案件上继续发放、定期复核。变更、停发通知的送达用 --letter 写明文号。`,
			`Record the delivery slip of a letter: the method (direct delivery, post, left at the residence, electronic),
the date, the receiver, and the scanned slip's file or a note (--note). An approved or rejected case becomes
notified; a rejection, or an approval whose one-offs are paid, is closed at once; a monthly aid goes on
being paid (and reviewed) on the closed case. For a change or stop notice give its reference with --letter.`),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, ok := casefile.ParseDeliveryMethod(method)
			if !ok {
				return a.usagef("送达方式 %q 无效；可用：%s", "delivery method %q is invalid; valid: %s", method, a.methodList())
			}
			day, err := a.parseDay("date", date)
			if err != nil {
				return err
			}
			if strings.TrimSpace(receiver) == "" {
				return a.usagef("请用 --receiver 写明签收人", "name the receiver with --receiver")
			}
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.Notify(args[0], casefile.Delivery{Letter: letter, Method: m, Date: day, Receiver: receiver, Note: note}, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：%s %s 送达 %s；状态：%s\n", "%s: delivered by %s on %s to %s; status: %s\n"),
					c.Number, m.Label(a.lang), day, receiver, c.Status.Label(a.lang))
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&method, "method", "", a.t("送达方式：直接送达、邮寄、留置、电子（或 direct、post、left、electronic）", "method: direct, post, left, electronic (or the Chinese names)"))
	f.StringVar(&date, "date", "", a.t("送达日期（默认今天）", "date of delivery (default today)"))
	f.StringVar(&receiver, "receiver", "", a.t("签收人", "who received it"))
	f.StringVar(&note, "note", "", a.t("回证扫描件或备注", "the scanned slip or a note"))
	f.StringVar(&letter, "letter", "", a.t("文书文号（默认：决定书文号）", "the letter's reference (default: the decision's)"))
	cmd.MarkFlagRequired("method")
	cmd.RegisterFlagCompletionFunc("method", a.completeMethod)
	return cmd
}

func (a *app) newCaseAccountCommand() *cobra.Command {
	var holder, bank, number string
	cmd := &cobra.Command{
		Use:   "account CASE --bank B --number N [--holder NAME]",
		Short: a.t("登记救助金发放账户（未成年人默认为监护人）", "Record the payment account (a child's defaults to the guardian)"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.SetAccount(args[0], casefile.Account{Holder: holder, Bank: bank, Number: number}, a.who())
				if err != nil {
					return err
				}
				acc := c.Life.Account
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：发放账户 %s %s，户名 %s\n", "%s: payment account %s %s, holder %s\n"),
					c.Number, acc.Bank, casefile.MaskAccount(acc.Number), acc.Holder)
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&holder, "holder", "", a.t("户名（默认：申请人，未成年人为监护人）", "account holder (default: the applicant, a child's guardian)"))
	f.StringVar(&bank, "bank", "", a.t("开户银行", "bank"))
	f.StringVar(&number, "number", "", a.t("账号", "account number"))
	cmd.MarkFlagRequired("number")
	return cmd
}

func (a *app) newCasePayFirstCommand() *cobra.Command {
	var amount string
	cmd := &cobra.Command{
		Use:   "pay-first CASE --amount YUAN",
		Short: a.t("先行救助：急难型临时救助先行发放（不超过 county.urgent_cap），5 个工作日内补齐手续，提交下次研判会确认", "Emergency pay-first: pay urgent temporary aid at once (up to county.urgent_cap); papers within 5 working days, confirmed by the next meeting"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := casefile.ParseMoney(amount)
			if err != nil {
				return a.usagef("--amount %q 无效", "--amount %q is invalid", amount)
			}
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.PayFirst(args[0], m, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：先行救助 %s，手续须在 %s 前补齐\n", "%s: paid first %s; papers due by %s\n"),
					c.Number, m.Paper(), c.Life.Urgent.DocsBy)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&amount, "amount", "", a.t("金额（元）", "amount (yuan)"))
	cmd.MarkFlagRequired("amount")
	return cmd
}

func (a *app) newCasePapersCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "papers CASE",
		Short: a.t("登记先行救助的手续已补齐", "Record that an emergency payment's papers have come"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.UrgentDocumented(args[0], a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：先行救助手续已补齐\n", "%s: the emergency payment's papers came\n"), c.Number)
				return nil
			})
		},
	}
	return cmd
}

// completeMethod completes --method with the delivery methods.
func (a *app) completeMethod(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return keyedCompletions(casefile.DeliveryMethods, func(m casefile.DeliveryMethod) (string, string) { return string(m), m.Label(a.lang) })
}

// completeWay completes --how with the ways of objecting.
func (a *app) completeWay(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return keyedCompletions(casefile.ObjectionWays, func(w casefile.ObjectionWay) (string, string) { return string(w), w.Label(a.lang) })
}

// showLife prints what happened to c after its decision: notices and
// objections, deliveries, the payment account (masked), the aid's
// periods, the next review and an emergency payment. Nothing for a case
// without any.
func (a *app) showLife(w io.Writer, c *casefile.Case) {
	l := c.Life
	periods := c.AidHistory()
	if l == nil && len(periods) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", a.t("决定之后", "After the decision"))
	if l != nil {
		if l.ReviewOf != "" {
			fmt.Fprintf(w, "  %s %s\n", a.t("复核案件，复核", "review of"), l.ReviewOf)
		}
		for _, n := range l.Notices {
			state := a.t("公示中", "running")
			switch {
			case n.Objected:
				state = a.t("因异议中止", "stopped by an objection")
			case !n.Ended.IsZero():
				state = a.t("期满生效", "ended, in effect")
			}
			fmt.Fprintf(w, "  %s %s %s–%s  %s\n", a.t("公示", "notice"), n.Session, n.From, n.Until, state)
		}
		for _, o := range l.Objections {
			by := o.By
			if o.Anonymous {
				by = a.t("匿名", "anonymous")
			}
			fmt.Fprintf(w, "  %s %s  %s  %s  %s\n", a.t("异议", "objection"), o.Date, by, o.Way.Label(a.lang), o.Reason)
		}
		for _, d := range l.Deliveries {
			fmt.Fprintf(w, "  %s %s  %s  %s  %s  %s\n", a.t("送达", "delivered"), d.Date, d.Letter, d.Method.Label(a.lang), d.Receiver, d.Note)
		}
		if acc := l.Account; acc != nil {
			fmt.Fprintf(w, "  %s %s %s  %s\n", a.t("发放账户", "account"), acc.Bank, casefile.MaskAccount(acc.Number), acc.Holder)
		}
		for _, p := range l.Payments {
			fmt.Fprintf(w, "  %s %s  %s  %s\n", a.t("已发放", "paid"), p.Roll, p.Project, p.Amount.Paper())
		}
		if u := l.Urgent; u != nil {
			fmt.Fprintf(w, "  %s %s  %s  %s %s\n", a.t("先行救助", "paid first"), u.Paid, u.Amount.Paper(), a.t("手续期限", "papers due"), u.DocsBy)
		}
	}
	for _, p := range periods {
		to := p.To
		if to == "" {
			to = a.t("至今", "now")
		}
		line := fmt.Sprintf("  %s %s  %s–%s  %s", a.t("救助", "aid"), p.Project, p.From, to, fmt.Sprintf(a.t("每月 %s 元", "%s yuan a month"), p.Amount.Grouped()))
		if p.Kind != "" {
			line += "  " + p.Kind.Label(a.lang) + ": " + p.Why
		}
		fmt.Fprintln(w, line)
	}
}
