package main

// hall warnings: the early warning (监测预警).

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/warning"
)

func (a *app) newWarningsCommand() *cobra.Command {
	var dept, rulesPath string
	var all, asJSON bool
	cmd := &cobra.Command{
		Use:   "warnings [--department D] [--all] [--json]",
		Short: a.t("监测预警：列出待处理的预警（scan 发现事件，event 登记事件，handle 处理）", "Early warning: the open warnings (scan finds events, event records one, handle handles one)"),
		Long: a.t(`监测预警规则（--rules 文件，环境变量 HALL_WARNING_RULES；默认内置示例规则）监测家庭事件：
大额医疗自付、新认定残疾等级、家庭成员失业、子女入学或考入大学、家庭成员死亡、救助即将到期；
预警转给规则指定的部门，在规定的工作日内处理。未成年人的姓名遮蔽显示。`,
			`Warning rules (--rules FILE, env HALL_WARNING_RULES; default: the embedded illustrative rules)
watch household events: heavy medical out-of-pocket costs, a new disability grade, a member
losing work, a child starting school or university, a death, running aid ending; a warning goes
to the rule's department, to be handled within its working days. Minors' names are masked.`),
		Args: cobra.NoArgs,
		RunE: a.onStore(true, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			if dept != "" {
				d := st.Catalog().Department(dept)
				if d == nil {
					return a.usagef("部门 %q 不在目录中", "department %q is not in the catalogue", dept)
				}
				dept = d.Key
			}
			var ws []warning.Warning
			err := st.View(func(t *casefile.Tx) error {
				var err error
				ws, err = warning.List(t, dept, all)
				return err
			})
			if err != nil {
				return err
			}
			if asJSON {
				if ws == nil {
					ws = []warning.Warning{}
				}
				for i := range ws {
					ws[i].Event.Person = warning.MaskName(ws[i].Event.Person, ws[i].Event.Minor)
				}
				return writeJSON(cmd.OutOrStdout(), ws)
			}
			rules, err := a.warningRules(st, rulesPath)
			if err != nil {
				return err
			}
			a.printWarnings(cmd.OutOrStdout(), st, rules, ws)
			return nil
		}),
	}
	cmd.PersistentFlags().StringVar(&rulesPath, "rules", "", a.t("监测预警规则 TOML 文件（环境变量 HALL_WARNING_RULES）", "warning rules TOML file (env HALL_WARNING_RULES)"))
	cmd.Flags().StringVar(&dept, "department", "", a.t("只列此部门的预警", "only this department's warnings"))
	cmd.Flags().BoolVar(&all, "all", false, a.t("也列出已处理的", "list the handled ones too"))
	a.jsonFlag(cmd, &asJSON)
	cmd.RegisterFlagCompletionFunc("department", a.completeDepartment)
	cmd.AddCommand(a.newWarningsScanCommand(&rulesPath), a.newWarningsEventCommand(&rulesPath), a.newWarningsHandleCommand())
	return cmd
}

// warningRules loads the rules of --rules, HALL_WARNING_RULES or the
// embedded default.
func (a *app) warningRules(st *casefile.Store, path string) (*warning.Rules, error) {
	if path == "" {
		path = os.Getenv("HALL_WARNING_RULES")
	}
	return warning.LoadRules(path, st.Catalog())
}

func (a *app) ruleLabel(rules *warning.Rules, key string) string {
	for i := range rules.Rules {
		if rules.Rules[i].Key == key {
			return rules.Rules[i].Label(a.lang)
		}
	}
	return key
}

func (a *app) printWarnings(w io.Writer, st *casefile.Store, rules *warning.Rules, ws []warning.Warning) {
	if len(ws) == 0 {
		fmt.Fprintln(w, a.t("没有待处理的预警", "no open warnings"))
		return
	}
	today := st.Today()
	var rows [][]string
	for _, x := range ws {
		state := ""
		switch {
		case x.Handled != nil:
			state = x.Handled.Action.Label(a.lang) + "：" + x.Handled.Note
			if a.lang == casefile.EN {
				state = x.Handled.Action.Label(a.lang) + ": " + x.Handled.Note
			}
		case x.Due.Before(today):
			state = a.t("已超期", "overdue")
		}
		rows = append(rows, []string{strconv.FormatUint(x.Seq, 10), a.ruleLabel(rules, x.Rule), x.Event.Case,
			warning.MaskName(x.Event.Person, x.Event.Minor), x.Event.Date.String(), a.deptLabel(st.Catalog(), x.Department),
			x.Due.String(), state})
	}
	table(w, strings.Split(a.t("编号|预警|案件|成员|事件日期|处理部门|处理期限|状态", "no.|warning|case|member|event date|department|due|state"), "|"), rows)
}

func (a *app) newWarningsScanCommand(rulesPath *string) *cobra.Command {
	return &cobra.Command{
		Use:   "scan",
		Short: a.t("从案件记录中发现事件并发出预警（同一事件只预警一次）", "Find events in the case records and raise warnings (each event once)"),
		Args:  cobra.NoArgs,
		RunE: a.onStore(false, func(cmd *cobra.Command, args []string, st *casefile.Store) error {
			rules, err := a.warningRules(st, *rulesPath)
			if err != nil {
				return err
			}
			ws, err := warning.Scan(st, rules, a.who())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), a.t("新发出预警 %d 条\n", "%d new warnings\n"), len(ws))
			if len(ws) > 0 {
				a.printWarnings(cmd.OutOrStdout(), st, rules, ws)
			}
			return nil
		}),
	}
}

func (a *app) eventKinds() string {
	var out []string
	for _, k := range warning.EventKinds {
		out = append(out, fmt.Sprintf("%s (%s)", k, k.Label(a.lang)))
	}
	return strings.Join(out, ", ")
}

func (a *app) newWarningsEventCommand(rulesPath *string) *cobra.Command {
	var kind, member, date, note string
	cmd := &cobra.Command{
		Use:   "event CASE --kind K [--member NAME] [--date D] [--note T]",
		Short: a.t("登记家庭事件（失业、死亡等）并发出相应预警", "Record a household event (job loss, death …) and raise its warnings"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, ok := warning.ParseEventKind(kind)
			if !ok {
				return a.usagef("--kind 应为：%s", "--kind must be one of: %s", a.eventKinds())
			}
			return a.withStore(false, func(st *casefile.Store) error {
				day := st.Today()
				if date != "" {
					d, err := casefile.ParseDate(date)
					if err != nil {
						return usageError{err}
					}
					day = d
				}
				rules, err := a.warningRules(st, *rulesPath)
				if err != nil {
					return err
				}
				ws, err := warning.Record(st, rules, args[0], k, member, day, note, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("已登记；发出预警 %d 条\n", "recorded; %d warnings raised\n"), len(ws))
				if len(ws) > 0 {
					a.printWarnings(cmd.OutOrStdout(), st, rules, ws)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", a.t("事件类别", "event kind")+": "+strings.Join(func() []string {
		var s []string
		for _, k := range warning.EventKinds {
			s = append(s, string(k))
		}
		return s
	}(), "|"))
	cmd.Flags().StringVar(&member, "member", "", a.t("家庭成员姓名（默认申请人）", "the member's name (default the applicant)"))
	cmd.Flags().StringVar(&date, "date", "", a.t("事件日期（默认今天）", "date of the event (default today)"))
	cmd.Flags().StringVar(&note, "note", "", a.t("说明", "note"))
	return cmd
}

func (a *app) newWarningsHandleCommand() *cobra.Command {
	var action, note string
	cmd := &cobra.Command{
		Use:   "handle N --action applied|referred|no_action --note T",
		Short: a.t("记录预警的处理：已落实政策、已转介或无需处理（均须说明）", "Record how a warning was handled: policy applied, referred or no action (with a note)"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return a.usagef("预警编号应为数字：%s", "a warning number is a number: %s", args[0])
			}
			act, ok := warning.ParseAction(action)
			if !ok {
				return a.usagef("--action 应为 applied、referred 或 no_action", "--action must be applied, referred or no_action")
			}
			if strings.TrimSpace(note) == "" {
				return a.usagef("请用 --note 说明所做处理或不处理的理由", "say what was done, or why nothing, with --note")
			}
			return a.withStore(false, func(st *casefile.Store) error {
				w, err := warning.Handle(st, n, act, note, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("预警 %d：%s\n", "warning %d: %s\n"), w.Seq, w.Handled.Action.Label(a.lang))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&action, "action", "", a.t("处理方式：applied（已落实政策）、referred（已转介）、no_action（无需处理）", "action: applied, referred or no_action"))
	cmd.Flags().StringVar(&note, "note", "", a.t("所做处理，或不处理的理由", "what was done, or why nothing"))
	return cmd
}
