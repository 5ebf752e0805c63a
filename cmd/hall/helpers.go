package main

// hall helpers: helper pairing (联户帮扶).

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/pairing"
)

func (a *app) newHelpersCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "helpers",
		Short: a.t("联户帮扶：帮扶人、结对、走访，逾期未走访的结对", "Helper pairing: helpers, pairings, visits, pairings without a recent visit"),
		Long: a.t(`登记帮扶人（领导干部、村（社区）两委成员、党员、企业家），与困境儿童（事实无人抚养儿童、
服刑人员子女、留守儿童）或困难家庭结对，记录走访和帮扶（钱款或物品）。
儿童信息最为敏感：列表中儿童姓名一律遮蔽（王**），--reveal 仅限有权查看的角色，并记入办理记录。`,
			`Register helpers (leaders, committee members, party members, entrepreneurs), pair them with
children in difficulty (children without a carer, children of prisoners, left-behind children) or
households in difficulty, and record visits and the support given (money or goods).
Children's data is the most sensitive: their names are masked on every list (the surname and asterisks); --reveal is
for the roles that may see personal data.`),
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(a.newHelpersAddCommand(), a.newHelpersListCommand(), a.newHelpersPairCommand(),
		a.newHelpersVisitCommand(), a.newHelpersOverdueCommand())
	return cmd
}

func choices[K interface {
	~string
	Label(casefile.Lang) string
}](a *app, all []K) string {
	var out []string
	for _, k := range all {
		out = append(out, fmt.Sprintf("%s (%s)", k, k.Label(a.lang)))
	}
	return strings.Join(out, ", ")
}

func (a *app) newHelpersAddCommand() *cobra.Command {
	var kind, unit, phone string
	cmd := &cobra.Command{
		Use:   "add NAME --kind K [--unit U] [--phone P]",
		Short: a.t("登记帮扶人", "Register a helper"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, ok := pairing.ParseKind(kind)
			if !ok {
				return a.usagef("--kind 应为：%s", "--kind must be one of: %s", choices(a, pairing.HelperKinds))
			}
			return a.withStore(false, func(st *casefile.Store) error {
				h, err := pairing.AddHelper(st, args[0], k, unit, phone, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("帮扶人 %d：%s（%s）\n", "helper %d: %s (%s)\n"), h.Seq, h.Name, h.Kind.Label(a.lang))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", a.t("类别：", "kind: ")+strings.Join([]string{"leader", "committee", "party", "entrepreneur", "other"}, "|"))
	cmd.Flags().StringVar(&unit, "unit", "", a.t("单位或职务", "workplace or post"))
	cmd.Flags().StringVar(&phone, "phone", "", a.t("电话", "phone"))
	return cmd
}

func (a *app) newHelpersListCommand() *cobra.Command {
	var asJSON, reveal bool
	cmd := &cobra.Command{
		Use:   "list [--json] [--reveal]",
		Short: a.t("帮扶人和结对", "Helpers and their pairings"),
		Args:  cobra.NoArgs,
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			rows, err := a.pairingRows(st, reveal)
			if err != nil {
				return err
			}
			if asJSON {
				if rows == nil {
					rows = []pairing.Row{}
				}
				return writeJSON(cmd.OutOrStdout(), rows)
			}
			var helpers []pairing.Helper
			st.View(func(t *casefile.Tx) (err error) { helpers, err = pairing.Helpers(t); return })
			var hr [][]string
			for _, h := range helpers {
				n := 0
				for _, r := range rows {
					if r.Helper.Seq == h.Seq {
						n++
					}
				}
				hr = append(hr, []string{strconv.FormatUint(h.Seq, 10), h.Name, h.Kind.Label(a.lang), h.Unit, strconv.Itoa(n)})
			}
			w := cmd.OutOrStdout()
			table(w, strings.Split(a.t("编号|帮扶人|类别|单位|结对数", "no.|helper|kind|unit|pairings"), "|"), hr)
			fmt.Fprintln(w)
			a.printPairings(w, rows)
			return nil
		}),
	}
	a.jsonFlag(cmd, &asJSON)
	cmd.Flags().BoolVar(&reveal, "reveal", false, a.t("显示儿童全名（须有查看权限）", "show the children's full names (the role must allow it)"))
	return cmd
}

func (a *app) pairingRows(st *casefile.Store, reveal bool) ([]pairing.Row, error) {
	var rows []pairing.Row
	err := st.View(func(t *casefile.Tx) error {
		var err error
		rows, err = pairing.Rows(t, st.Today(), reveal, a.who())
		return err
	})
	return rows, err
}

func (a *app) printPairings(w io.Writer, rows []pairing.Row) {
	if len(rows) == 0 {
		fmt.Fprintln(w, a.t("没有结对", "no pairings"))
		return
	}
	var out [][]string
	for _, r := range rows {
		last := r.LastVisit.String()
		if last == "" {
			last = "-"
		}
		out = append(out, []string{strconv.FormatUint(r.Pairing.Seq, 10), r.Helper.Name, r.Pairing.Category.Label(a.lang), r.Pairing.Case,
			r.Pairing.Child, r.Pairing.Since.String(), strconv.Itoa(r.Visits), last, strconv.Itoa(r.DaysSince), r.Support.Grouped()})
	}
	table(w, strings.Split(a.t("结对|帮扶人|类别|案件|儿童|结对日期|走访次数|最近走访|未走访天数|帮扶钱款(元)",
		"pairing|helper|category|case|child|since|visits|last visit|days since|money given (yuan)"), "|"), out)
}

func (a *app) newHelpersPairCommand() *cobra.Command {
	var child, category, since string
	cmd := &cobra.Command{
		Use:   "pair HELPER CASE --category C [--child NAME] [--since D]",
		Short: a.t("帮扶人与困境儿童或困难家庭结对", "Pair a helper with a child in difficulty or a household"),
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			h, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return a.usagef("帮扶人编号应为数字：%s", "a helper number is a number: %s", args[0])
			}
			cat, ok := pairing.ParseCategory(category)
			if !ok {
				return a.usagef("--category 应为：%s", "--category must be one of: %s", choices(a, pairing.Categories))
			}
			return a.withStore(false, func(st *casefile.Store) error {
				day := st.Today()
				if since != "" {
					if day, err = casefile.ParseDate(since); err != nil {
						return usageError{err}
					}
				}
				p, err := pairing.Pair(st, h, args[1], child, cat, day, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("结对 %d：%s，%s\n", "pairing %d: %s, %s\n"), p.Seq, p.Case, p.Category.Label(a.lang))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&category, "category", "", a.t("类别：unattended|prisoner|left_behind|household", "category: unattended|prisoner|left_behind|household"))
	cmd.Flags().StringVar(&child, "child", "", a.t("儿童姓名（家庭结对不填）", "the child's name (none for a household)"))
	cmd.Flags().StringVar(&since, "since", "", a.t("结对日期（默认今天）", "start of the pairing (default today)"))
	return cmd
}

func (a *app) newHelpersVisitCommand() *cobra.Command {
	var date, money, goods, note string
	cmd := &cobra.Command{
		Use:   "visit PAIRING --note T [--date D] [--money YUAN] [--goods T]",
		Short: a.t("记录一次走访和帮扶", "Record a visit and the support given"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return a.usagef("结对编号应为数字：%s", "a pairing number is a number: %s", args[0])
			}
			if strings.TrimSpace(note) == "" {
				return a.usagef("请用 --note 写明走访情况", "say what the visit found with --note")
			}
			var m casefile.Money
			if money != "" {
				if m, err = casefile.ParseMoney(money); err != nil {
					return usageError{err}
				}
			}
			return a.withStore(false, func(st *casefile.Store) error {
				day := st.Today()
				if date != "" {
					if day, err = casefile.ParseDate(date); err != nil {
						return usageError{err}
					}
				}
				v, err := pairing.RecordVisit(st, n, day, m, goods, note, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("结对 %d 走访已记录（%s）\n", "pairing %d: visit of %s recorded\n"), v.Pairing, v.Date)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", a.t("走访日期（默认今天）", "date of the visit (default today)"))
	cmd.Flags().StringVar(&money, "money", "", a.t("帮扶钱款（元）", "money given (yuan)"))
	cmd.Flags().StringVar(&goods, "goods", "", a.t("帮扶物品", "goods given"))
	cmd.Flags().StringVar(&note, "note", "", a.t("走访情况", "what the visit found"))
	return cmd
}

func (a *app) newHelpersOverdueCommand() *cobra.Command {
	var days int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "overdue --days N [--json]",
		Short: a.t("超过 N 天未走访的结对，等待最久的在前", "Pairings without a visit for more than N days, longest first"),
		Args:  cobra.NoArgs,
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			if days < 0 {
				return a.usagef("--days 不能为负数", "--days cannot be negative")
			}
			rows, err := a.pairingRows(st, false)
			if err != nil {
				return err
			}
			od := pairing.Overdue(rows, days)
			if asJSON {
				if od == nil {
					od = []pairing.Row{}
				}
				return writeJSON(cmd.OutOrStdout(), od)
			}
			a.printPairings(cmd.OutOrStdout(), od)
			return nil
		}),
	}
	cmd.Flags().IntVar(&days, "days", 30, a.t("天数", "days"))
	a.jsonFlag(cmd, &asJSON)
	return cmd
}
