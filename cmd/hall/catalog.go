package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newCatalogCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: a.t("列出政策目录中的部门、救助项目和本地标准", "List departments, projects and local standards of the policy catalogue"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), catalogJSON(cat))
			}
			a.printCatalog(cmd, cat)
			return nil
		},
	}
	a.jsonFlag(cmd, &asJSON)
	return cmd
}

type projectJSON struct {
	Code        string                  `json:"code"`
	Name        string                  `json:"name"`
	NameEN      string                  `json:"name_en"`
	Department  string                  `json:"department"`
	Group       string                  `json:"group,omitempty"`
	Kind        string                  `json:"kind"`
	Area        string                  `json:"area,omitempty"`
	AmountRule  string                  `json:"amount_rule,omitempty"`
	Threshold   string                  `json:"threshold_rule,omitempty"`
	Eligibility string                  `json:"eligibility_rule,omitempty"`
	EligNote    string                  `json:"eligibility_note,omitempty"`
	TimeLimit   int                     `json:"time_limit_workdays,omitempty"`
	Evidence    []casefile.EvidenceKind `json:"evidence,omitempty"`
	Documents   []string                `json:"documents,omitempty"`
}

func catalogJSON(cat *casefile.Catalog) any {
	var ps []projectJSON
	for _, p := range cat.Projects {
		pj := projectJSON{Code: p.Code, Name: p.Name, NameEN: p.NameEN, Department: p.Department, Group: p.Group,
			Kind: string(p.Kind), Area: string(p.Area), EligNote: p.EligNote, TimeLimit: p.TimeLimit,
			Evidence: p.Evidence, Documents: p.Documents}
		if p.Amount != nil {
			pj.AmountRule = p.Amount.Source
		}
		if p.Threshold != nil {
			pj.Threshold = p.Threshold.Source
		}
		if p.Eligibility != nil {
			pj.Eligibility = p.Eligibility.Source
		}
		ps = append(ps, pj)
	}
	return map[string]any{
		"source":       cat.Source,
		"illustrative": cat.Illustrative,
		"county":       cat.County,
		"departments":  cat.Departments,
		"groups":       cat.Groups,
		"income_kinds": cat.IncomeKinds,
		"standards":    cat.Standards,
		"projects":     ps,
	}
}

func (a *app) printCatalog(cmd *cobra.Command, cat *casefile.Catalog) {
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "%s — %s\n", cat.County.Name, cat.Source)
	if cat.Illustrative {
		fmt.Fprintln(w, a.t("（金额为示例默认值，各县应按本地标准修改）", "(amounts are illustrative defaults; each county edits them)"))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, a.t("地方标准", "Local standards"))
	var rows [][]string
	for _, s := range cat.Standards {
		name := s.Name
		if a.lang == casefile.EN && s.NameEN != "" {
			name = s.NameEN
		}
		rows = append(rows, []string{s.Key, name, s.Amount.Grouped()})
	}
	table(w, []string{a.t("代码", "key"), a.t("名称", "name"), a.t("金额（元）", "amount (yuan)")}, rows)
	for _, d := range cat.Departments {
		fmt.Fprintf(w, "\n%s [%s]\n", d.Label(a.lang), d.Key)
		rows = rows[:0]
		for _, p := range cat.ProjectsOf(d.Key) {
			rule := ""
			if p.Amount != nil {
				rule = p.Amount.Source
			}
			rows = append(rows, []string{"  " + p.Code, p.Label(a.lang), p.Group, p.Kind.Label(a.lang), rule})
		}
		table(w, []string{"  " + a.t("代码", "code"), a.t("项目", "project"), a.t("同类组", "group"), a.t("类型", "kind"), a.t("金额规则（分）", "amount rule (fen)")}, rows)
	}
}
