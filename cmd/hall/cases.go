package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

// nowFunc is the clock of the CLI; tests may replace it.
var nowFunc = time.Now

// caseSummary is one line of `hall cases --json`.
type caseSummary struct {
	Number   string           `json:"number"`
	Name     string           `json:"name"`
	IDNumber string           `json:"id_number"` // masked
	Status   casefile.Status  `json:"status"`
	Received string           `json:"received_at"`
	Deadline casefile.Date    `json:"deadline"`
	Channel  casefile.Channel `json:"channel"`
	Projects []summaryProject `json:"projects"`
}

type summaryProject struct {
	Code       string         `json:"code"`
	Department string         `json:"department"`
	Requested  casefile.Money `json:"requested"`
	Proposed   casefile.Money `json:"proposed"`
	Outcome    string         `json:"outcome,omitempty"`
	Granted    casefile.Money `json:"granted,omitempty"`
}

func summarize(cat *casefile.Catalog, c *casefile.Case) caseSummary {
	s := caseSummary{Number: c.Number, Name: c.Applicant.Name, IDNumber: c.Applicant.MaskedDoc(), Status: c.Status,
		Received: c.Received.Format(time.RFC3339), Deadline: c.Deadline, Channel: c.Channel}
	for _, ap := range c.Apps {
		sp := summaryProject{Code: ap.Project, Requested: ap.Requested, Proposed: ap.Proposed, Outcome: string(ap.Outcome), Granted: ap.Granted}
		if p := cat.Project(ap.Project); p != nil {
			sp.Department = p.Department
		}
		s.Projects = append(s.Projects, sp)
	}
	return s
}

func (a *app) newCasesCommand() *cobra.Command {
	var (
		asJSON             bool
		status, project, q string
		dept               string
		limit              int
	)
	cmd := &cobra.Command{
		Use:   "cases",
		Short: a.t("列出案件，最新的在前", "List cases, newest first"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f := casefile.CaseFilter{Project: project, Department: dept, Query: q, Limit: limit}
			if status != "" {
				st, ok := casefile.ParseStatus(status)
				if !ok {
					return usageError{fmt.Errorf(a.t("未知状态 %q（可用：%s）", "unknown status %q (use one of %s)"), status, statusKeys())}
				}
				f.Status = st
			}
			// a whole ID number is searched as a reveal (recorded): a write
			_, fullID := casefile.FullIDQuery(q)
			return a.withStore(!fullID, func(st *casefile.Store) error {
				var out []caseSummary
				var rows [][]string
				cases, _, err := st.SearchCases(f, a.who())
				if err != nil {
					return err
				}
				for _, c := range cases {
					out = append(out, summarize(st.Catalog(), c))
					var codes []string
					for _, ap := range c.Apps {
						codes = append(codes, ap.Project)
					}
					rows = append(rows, []string{c.Number, c.Applicant.Name, c.Applicant.MaskedDoc(), c.Status.Label(a.lang),
						strings.Join(codes, ","), c.Deadline.String()})
				}
				if asJSON {
					if out == nil {
						out = []caseSummary{}
					}
					return writeJSON(cmd.OutOrStdout(), out)
				}
				if len(rows) == 0 {
					fmt.Fprintln(cmd.OutOrStdout(), a.t("没有案件。", "no cases."))
					return nil
				}
				table(cmd.OutOrStdout(), []string{a.t("案件编号", "case"), a.t("申请人", "applicant"), a.t("身份证号", "ID number"),
					a.t("状态", "status"), a.t("项目", "projects"), a.t("办理期限", "deadline")}, rows)
				return nil
			})
		},
	}
	fl := cmd.Flags()
	a.jsonFlag(cmd, &asJSON)
	fl.StringVar(&status, "status", "", a.t("只列此状态的案件：", "only this status: ")+statusKeys())
	fl.StringVar(&project, "project", "", a.t("只列申请此项目代码的案件", "only cases applying for this project code"))
	fl.StringVar(&dept, "department", "", a.t("只列含此部门项目的案件（部门键）", "only cases with a project of this department key"))
	fl.StringVar(&q, "search", "", a.t("姓名、拼音首字母、身份证号末几位或案件编号", "name, pinyin initials, ID tail or case number"))
	fl.IntVar(&limit, "limit", 200, a.t("最多列出的案件数", "at most this many cases"))
	cmd.RegisterFlagCompletionFunc("status", a.completeStatus)
	a.completeCatalogFlags(cmd)
	return cmd
}

func statusKeys() string {
	var s []string
	for _, st := range casefile.Statuses {
		s = append(s, string(st))
	}
	return strings.Join(s, ", ")
}
