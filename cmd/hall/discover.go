package main

// hall discover: the policy finds the person (政策找人).

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover"
)

func (a *app) newDiscoverCommand() *cobra.Command {
	var project, out, since, apply string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "discover [--project CODE] [--since D] [--json] [--out FILE] | --apply CASE|ID PROJECT",
		Short: a.t("政策找人：列出符合条件却未享受、也未申请的家庭", "The policy finds the person: households that qualify for aid they neither hold nor applied for"),
		Long: a.t(`对已知的每户家庭（取其户主最新案件的家庭情况和最新核查材料）逐项运行政策目录的
认定条件，列出“符合条件、未享受、未申请”的家庭及使其符合的数据（人均月收入、标准、
拟定金额）和材料的日期与天数。期间内（--since，默认一年）被拒绝过的，列出该决定。
只依据申请、不能从数据发现的项目（如急难救助、须部门核查灾情的项目）不列。
--out 以 .xlsx、.csv 或 .json 结尾写入文件。数据库较大时 stderr 显示进度条。
--apply CASE PROJECT（CASE 为案件编号或户主身份证号）把一户一项转为主动发现的
申请（渠道 outreach），一步完成，之后照常核查。`, `Runs every project's eligibility rule of the catalogue over every known household
(the household and latest evidence of its applicant's newest case) and lists the
households that qualify for a project they neither hold nor applied for, with the
figures that make them qualify (per-capita income, the line, the proposed amount)
and the date and age of the evidence. A refusal within the period (--since, default
one year) is shown with that decision. Projects granted on a request only or on a
department's check (emergency aid, disaster relief) are not run.
--out ending in .xlsx, .csv or .json writes a file. A progress bar shows on stderr
for large stores.
--apply CASE PROJECT (CASE: a case number or the applicant's resident number) turns
one household and project into an outreach application (channel outreach) in one
step; it is then verified as any other.`),
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if apply != "" {
				code := project
				if len(args) == 1 {
					code = args[0]
				}
				if code == "" {
					return a.usagef("请写明项目：hall discover --apply CASE PROJECT", "name the project: hall discover --apply CASE PROJECT")
				}
				return a.discoverApply(cmd, apply, code)
			}
			if len(args) > 0 {
				return a.usagef("多余的参数：%s", "unexpected argument: %s", args[0])
			}
			ext := strings.ToLower(filepath.Ext(out))
			if out != "" && ext != ".xlsx" && ext != ".csv" && ext != ".json" {
				return a.usagef("--out 应以 .xlsx、.csv 或 .json 结尾：%s", "--out must end in .xlsx, .csv or .json: %s", out)
			}
			return a.withStore(true, func(st *casefile.Store) error {
				cat := st.Catalog()
				if project != "" && cat.Project(project) == nil {
					return usageError{casefile.ErrUnknownProject.Withf("%s", "%s", project)}
				}
				opt := discover.Options{Project: project, Today: st.Today()}
				if since != "" {
					d, err := casefile.ParseDate(since)
					if err != nil {
						return usageError{err}
					}
					opt.Since = d
				}
				var total int
				st.View(func(t *casefile.Tx) error { total = 2 * t.Counts().Total; return nil })
				bar := newProgress(cmd.ErrOrStderr(), total)
				opt.Progress = func(done, total int) { bar.show(done, "") }
				fs, err := discover.RunStore(st, opt)
				bar.clear()
				if err != nil {
					return err
				}
				if fs == nil {
					fs = []discover.Finding{}
				}
				switch ext {
				case ".xlsx":
					err = a.discoverXLSX(cat, fs, out)
				case ".csv":
					err = a.discoverCSV(cat, fs, out)
				case ".json":
					err = writeJSONFile(out, fs)
				}
				if err != nil {
					return err
				}
				if out != "" {
					fmt.Fprintf(cmd.OutOrStdout(), a.t("%d 条，已写入 %s\n", "%d found, written to %s\n"), len(fs), out)
					return nil
				}
				if asJSON {
					return writeJSON(cmd.OutOrStdout(), fs)
				}
				a.printDiscovery(cmd.OutOrStdout(), cat, fs)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&project, "project", "", a.t("只运行此项目（代码）", "run this project only (code)"))
	cmd.Flags().StringVar(&since, "since", "", a.t("显示此日以来的拒绝决定（默认一年前）", "show refusals since this day (default a year ago)"))
	cmd.Flags().StringVar(&out, "out", "", a.t("写入文件：.xlsx、.csv 或 .json", "write a file: .xlsx, .csv or .json"))
	cmd.Flags().StringVar(&apply, "apply", "", a.t("把该户（案件编号或身份证号）转为主动发现的申请", "turn this household (case number or resident number) into an outreach application"))
	a.jsonFlag(cmd, &asJSON)
	cmd.RegisterFlagCompletionFunc("project", a.completeProject)
	return cmd
}

func writeJSONFile(path string, v any) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := writeJSON(f, v); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (a *app) discoverApply(cmd *cobra.Command, household, code string) error {
	return a.withStore(false, func(st *casefile.Store) error {
		if st.Catalog().Project(code) == nil {
			return usageError{casefile.ErrUnknownProject.Withf("%s", "%s", code)}
		}
		c, err := discover.Apply(st, household, code, a.who())
		if err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), a.t("已受理 %s：%s 申请「%s」（%s），请照常核查\n", "received %s: %s applies for %s (%s); verify it as any other\n"),
			c.Number, c.Applicant.Name, a.projectLabel(st.Catalog(), code), c.Channel.Label(a.lang))
		return nil
	})
}

// proposedText is a finding's proposed amount with how it pays.
func (a *app) proposedText(f discover.Finding) string {
	switch {
	case f.Proposed == 0:
		return "-"
	case f.Kind == casefile.KindMonthly:
		return fmt.Sprintf(a.t("每月 %s", "%s a month"), f.Proposed.Grouped())
	case f.Kind == casefile.KindLoan:
		return fmt.Sprintf(a.t("贷款 %s", "loan %s"), f.Proposed.Grouped())
	}
	return fmt.Sprintf(a.t("一次性 %s", "%s one-off"), f.Proposed.Grouped())
}

func (a *app) refusalText(f discover.Finding) string {
	if f.Refused == nil {
		return ""
	}
	return fmt.Sprintf(a.t("%s 曾被拒（%s）：%s", "refused %s (%s): %s"), f.Refused.Date, f.Refused.Case, f.Refused.Reason.In(a.lang))
}

func (a *app) discoverHeader() []string {
	return strings.Split(a.t("案件|户主|身份证号|乡镇|村（社区）|项目|项目名称|部门|人口|人均月收入(元)|标准(元)|拟定金额|数据日期|天数|核对|备注",
		"case|applicant|ID number|township|village|project|project name|department|members|per-capita income (yuan)|line (yuan)|proposed|data date|days|verified|note"), "|")
}

func (a *app) printDiscovery(w io.Writer, cat *casefile.Catalog, fs []discover.Finding) {
	if len(fs) == 0 {
		fmt.Fprintln(w, a.t("没有发现符合条件而未享受、未申请的家庭", "no household qualifies for aid it neither holds nor applied for"))
		return
	}
	var rows [][]string
	households := map[uint64]bool{}
	for _, f := range fs {
		households[f.PersonID] = true
		line := "-"
		if f.Threshold != 0 {
			line = f.Threshold.Grouped()
		}
		rows = append(rows, []string{f.Case, f.Name, f.MaskedID, f.Project, a.projectLabel(cat, f.Project), f.PerCapita.Grouped(), line,
			a.proposedText(f), f.DataDate.String(), strconv.Itoa(f.AgeDays), a.refusalText(f)})
	}
	table(w, strings.Split(a.t("案件|户主|身份证号|项目|名称|人均月收入|标准|拟定金额|数据日期|天数|备注",
		"case|applicant|ID number|project|name|per-capita|line|proposed|data date|days|note"), "|"), rows)
	fmt.Fprintf(w, a.t("\n%d 户，%d 项。转为申请：hall discover --apply 案件编号 项目\n", "\n%d households, %d projects. To apply: hall discover --apply CASE PROJECT\n"),
		len(households), len(fs))
}

// discoverRow is a finding as a spreadsheet row (numbers as numbers).
func (a *app) discoverRow(cat *casefile.Catalog, f discover.Finding) []any {
	return []any{f.Case, f.Name, f.MaskedID, f.Township, f.Village, f.Project, a.projectLabel(cat, f.Project), a.deptLabel(cat, f.Department),
		f.Members, yuan(f.PerCapita), yuan(f.Threshold), a.proposedText(f), f.DataDate.String(), f.AgeDays, a.yesNo(f.Verified), a.refusalText(f)}
}

func (a *app) discoverXLSX(cat *casefile.Catalog, fs []discover.Finding, path string) error {
	s := sheet{name: a.t("政策找人", "Discovery"), header: a.discoverHeader(), money: []int{10, 11}}
	for _, f := range fs {
		s.rows = append(s.rows, a.discoverRow(cat, f))
	}
	return writeSheets(path, []sheet{s})
}

func (a *app) discoverCSV(cat *casefile.Catalog, fs []discover.Finding, path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	f.WriteString("\ufeff") // Excel reads UTF-8 with a BOM
	w := csv.NewWriter(f)
	w.Write(a.discoverHeader())
	for _, fd := range fs {
		var rec []string
		for _, v := range a.discoverRow(cat, fd) {
			switch x := v.(type) {
			case float64:
				rec = append(rec, strconv.FormatFloat(x, 'f', 2, 64))
			default:
				rec = append(rec, fmt.Sprint(x))
			}
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
