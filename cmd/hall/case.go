package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

func (a *app) newCaseCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "case",
		Short: a.t("办理单个案件", "Work with one case"),
	}
	cmd.AddCommand(a.newCaseShowCommand(), a.newCaseEvidenceCommand(), a.newCaseDocumentsCommand(),
		a.newCaseReadyCommand(), a.newCaseWithdrawCommand(), a.newCaseRateCommand(), a.newCaseNotifyCommand(), a.newCaseAccountCommand(),
		a.newCasePayFirstCommand(), a.newCasePapersCommand())
	return cmd
}

// caseDetail is `hall case show --json`: the case with its findings,
// income figures and history.
type caseDetail struct {
	*casefile.Case
	Income    casefile.IncomeSummary  `json:"income"`
	Findings  []findingJSON           `json:"findings"`
	Household []casefile.Aid          `json:"household_aid"`
	History   []casefile.HistoryEntry `json:"history"`
}

type findingJSON struct {
	Kind     casefile.FindingKind      `json:"kind"`
	Severity casefile.Severity         `json:"severity"`
	Project  string                    `json:"project,omitempty"`
	Message  string                    `json:"message"`
	Figures  map[string]casefile.Money `json:"figures,omitempty"`
}

func (a *app) newCaseShowCommand() *cobra.Command {
	var asJSON, reveal bool
	cmd := &cobra.Command{
		Use:   "show NUMBER",
		Short: a.t("查看案件：申请人、家庭、申请项目、核查材料、核查发现和办理记录", "Show a case: applicant, household, projects, evidence, findings and history"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(!reveal, func(st *casefile.Store) error {
				var d caseDetail
				load := func(t *casefile.Tx) error {
					c, err := t.Case(args[0])
					if err != nil {
						return err
					}
					if reveal {
						if err := t.RecordReveal(c, a.who(), "case show --reveal"); err != nil {
							return err
						}
					}
					d.Case = c
					d.Income = st.Catalog().Income(c)
					for _, f := range t.Assess(c) {
						d.Findings = append(d.Findings, findingJSON{Kind: f.Kind, Severity: f.Severity, Project: f.Project, Message: f.Text.In(a.lang), Figures: f.Figures})
					}
					if d.Household, err = t.HouseholdAid(&c.Household); err != nil {
						return err
					}
					d.History, err = t.History(c.Seq)
					return err
				}
				if err := st.Transact(reveal, load); err != nil {
					return err
				}
				if !reveal {
					maskCase(d.Case)
				}
				if asJSON {
					return writeJSON(cmd.OutOrStdout(), d)
				}
				a.printCase(cmd.OutOrStdout(), st.Catalog(), &d)
				return nil
			})
		},
	}
	a.jsonFlag(cmd, &asJSON)
	cmd.Flags().BoolVar(&reveal, "reveal", false, a.t("显示完整身份证号和电话（记入案件办理记录）", "show full ID numbers and phones (recorded in the case history)"))
	return cmd
}

// maskCase masks ID numbers and phones of the applicant and members. The
// birth date goes too: the digits a masked resident number hides are the
// birth date, so showing it beside the mask would reveal the number.
func maskCase(c *casefile.Case) {
	mask := func(p *casefile.Person) {
		p.DocNumber = casefile.MaskID(p.DocNumber)
		p.Phone = casefile.MaskPhone(p.Phone)
		p.GuardianDoc = casefile.MaskID(p.GuardianDoc)
		p.Birth = casefile.Date{}
	}
	mask(&c.Applicant)
	for i := range c.Household.Members {
		mask(&c.Household.Members[i].Person)
	}
}

func (a *app) printCase(w io.Writer, cat *casefile.Catalog, d *caseDetail) {
	c := d.Case
	L := a.lang
	fmt.Fprintf(w, "%s %s  [%s]\n", a.t("案件", "Case"), c.Number, c.Status.Label(L))
	fmt.Fprintf(w, "%s: %s  %s  %s  %s\n", a.t("申请人", "Applicant"), c.Applicant.Name, c.Applicant.DocNumber, c.Applicant.Sex.Label(L), c.Applicant.Phone)
	fmt.Fprintf(w, "%s: %s %s %s\n", a.t("住址", "Address"), c.Applicant.Township, c.Applicant.Village, c.Applicant.Address)
	fmt.Fprintf(w, "%s: %s  %s: %s  %s: %s\n", a.t("受理", "Received"), c.Received.Format("2006-01-02 15:04"),
		a.t("渠道", "Channel"), c.Channel.Label(L), a.t("办理期限", "Deadline"), c.Deadline)
	fmt.Fprintf(w, "\n%s (%d %s, %s)\n", a.t("家庭成员", "Household"), c.Household.Count(), a.t("人", "members"), c.Household.Area.Label(L))
	for _, m := range c.Household.Members {
		var inc []string
		for _, in := range m.Incomes {
			name := in.Kind
			if k := cat.IncomeKind(in.Kind); k != nil {
				name = k.Name
				if L == casefile.EN {
					name = k.NameEN
				}
				if !k.Counted {
					name += a.t("（不计入）", " (excluded)")
				}
			}
			inc = append(inc, fmt.Sprintf("%s %s", name, in.Monthly))
		}
		fmt.Fprintf(w, "  %s %s %s  %s\n", casefile.RelationLabel(m.Relation).In(L), m.Person.Name, m.Person.DocNumber, strings.Join(inc, "; "))
	}
	fmt.Fprintf(w, "%s: %s %s, %s %s\n", a.t("计入月收入", "Counted monthly income"), d.Income.Counted, a.t("元", "yuan"),
		a.t("人均", "per capita"), d.Income.PerCapita)
	fmt.Fprintf(w, "\n%s\n", a.t("申请项目", "Projects"))
	for _, ap := range c.Apps {
		name, dept := ap.Project, ""
		if p := cat.Project(ap.Project); p != nil {
			name = p.Label(L)
			if dd := cat.Department(p.Department); dd != nil {
				dept = dd.Label(L)
			}
		}
		line := fmt.Sprintf("  %s %s (%s) %s %s", ap.Project, name, dept, a.t("拟", "proposed"), ap.Proposed)
		if ap.Dedup != nil && !ap.Dedup.Keep {
			line += "  ⚠ " + ap.Dedup.Why().In(L)
		}
		if ap.Outcome != "" {
			line += fmt.Sprintf("  → %s %s", ap.Outcome.Label(L), ap.Granted)
		}
		fmt.Fprintln(w, line)
	}
	if len(c.Evidence) > 0 {
		fmt.Fprintf(w, "\n%s\n", a.t("核查材料", "Evidence"))
		for _, e := range c.Evidence {
			dept := e.Department
			if dd := cat.Department(e.Department); dd != nil {
				dept = dd.Label(L)
			}
			fmt.Fprintf(w, "  %s  %s  %s  %s  %s\n", e.Date, e.Kind.Label(L), dept, e.Verifier, e.Note)
		}
	}
	fmt.Fprintf(w, "\n%s\n", a.t("系统发现", "Findings"))
	for _, f := range d.Findings {
		fmt.Fprintf(w, "  [%s] %s\n", f.Severity.Label(L), f.Message)
	}
	a.showLife(w, d.Case) // after the decision (notify.go)
	fmt.Fprintf(w, "\n%s\n", a.t("办理记录", "History"))
	for _, h := range d.History {
		fmt.Fprintf(w, "  %s  %-14s %-8s %s\n", h.At.Format("2006-01-02 15:04"), h.Who, casefile.Action(h.Action).Label(L), h.Text().In(L))
	}
}
