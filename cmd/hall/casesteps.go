package main

// The steps of a case between intake and the meeting, from scripts and
// other departments' systems: hall case evidence, documents, ready and
// withdraw. Each writes through the same domain call the screens use.

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

// evidenceField is one figure --set NAME=VALUE can give an evidence item.
type evidenceField struct {
	name  string
	label casefile.Text
	set   func(ev *casefile.Evidence, v string) error // parses v into ev
}

func moneyField(name string, label casefile.Text, dst func(*casefile.Evidence) *casefile.Money) evidenceField {
	return evidenceField{name, label, func(ev *casefile.Evidence, v string) error {
		m, err := casefile.ParseMoney(v)
		if err == nil {
			*dst(ev) = m
		}
		return err
	}}
}

func countField(name string, label casefile.Text, dst func(*casefile.Evidence) *int) evidenceField {
	return evidenceField{name, label, func(ev *casefile.Evidence, v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 {
			return errors.New("not a whole number")
		}
		*dst(ev) = n
		return nil
	}}
}

var passedField = evidenceField{"passed", casefile.Text{ZH: "是否通过（yes/no）", EN: "passed (yes/no)"}, func(ev *casefile.Evidence, v string) error {
	var p bool
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes", "y", "true", "1", "是", "通过":
		p = true
	case "no", "n", "false", "0", "否", "不通过":
	default:
		return errors.New("not yes or no")
	}
	ev.Passed = &p
	return nil
}}

// evidenceFields are the figures of each evidence kind, as the front
// desk's evidence form asks for them.
var evidenceFields = map[casefile.EvidenceKind][]evidenceField{
	casefile.EvIncomeCheck: {moneyField("monthly_income", casefile.Text{ZH: "核实的家庭月计入收入（元）", EN: "verified counted household monthly income (yuan)"}, func(e *casefile.Evidence) *casefile.Money { return &e.MonthlyIncome })},
	casefile.EvAssetCheck: {
		moneyField("deposits", casefile.Text{ZH: "存款及金融资产（元）", EN: "deposits and financial assets (yuan)"}, func(e *casefile.Evidence) *casefile.Money { return &e.Deposits }),
		countField("homes", casefile.Text{ZH: "住房套数", EN: "homes"}, func(e *casefile.Evidence) *int { return &e.Homes }),
	},
	casefile.EvVehicle: {countField("vehicles", casefile.Text{ZH: "车辆数（残疾人车、摩托车除外）", EN: "vehicles (other than a disability vehicle or motorbike)"}, func(e *casefile.Evidence) *int { return &e.Vehicles })},
	casefile.EvHousing: {countField("homes", casefile.Text{ZH: "住房套数", EN: "homes"}, func(e *casefile.Evidence) *int { return &e.Homes })},
	casefile.EvMedicalBill: {
		moneyField("medical_total", casefile.Text{ZH: "医疗总费用（元）", EN: "total medical cost (yuan)"}, func(e *casefile.Evidence) *casefile.Money { return &e.MedicalTotal }),
		moneyField("insurance_paid", casefile.Text{ZH: "医保支付（元）", EN: "paid by insurance (yuan)"}, func(e *casefile.Evidence) *casefile.Money { return &e.InsurancePaid }),
		moneyField("compliant_oop", casefile.Text{ZH: "合规自付（元）", EN: "compliant out-of-pocket (yuan)"}, func(e *casefile.Evidence) *casefile.Money { return &e.Compliant }),
	},
	casefile.EvHomeVisit:       {passedField},
	casefile.EvAppraisal:       {passedField},
	casefile.EvDepartmentCheck: {passedField},
}

// kindList names the evidence kinds, "key (name)", for a message.
func (a *app) kindList() string {
	var out []string
	for _, k := range casefile.EvidenceKinds {
		out = append(out, fmt.Sprintf("%s (%s)", k, k.Label(a.lang)))
	}
	return strings.Join(out, ", ")
}

// fieldList names the fields of kind k, "name (what)", for a message.
func (a *app) fieldList(k casefile.EvidenceKind) string {
	var out []string
	for _, f := range evidenceFields[k] {
		out = append(out, fmt.Sprintf("%s (%s)", f.name, f.label.In(a.lang)))
	}
	return strings.Join(out, ", ")
}

func (a *app) usagef(zh, en string, args ...any) error {
	return usageError{fmt.Errorf(a.t(zh, en), args...)}
}

func (a *app) newCaseEvidenceCommand() *cobra.Command {
	var kind, source, date, note, verifier string
	var sets []string
	cmd := &cobra.Command{
		Use:   "evidence CASE --kind KIND --source DEPT --date DATE [--set NAME=VALUE ...] [--note T]",
		Short: a.t("补充一项核查材料（收入、财产、车辆、住房核对、入户调查、民主评议、医疗票据、部门核查）", "Add an evidence item (income, asset, vehicle, housing check, home visit, appraisal, medical bill, department check)"),
		Long: a.t(`补充一项核查材料，记入案件办理记录。已受理或暂缓的案件转为核查中，按规则的拟救助金额随之重算。
各类别可填写的数值（--set 名称=值）：
  income_check        monthly_income（核实的家庭月计入收入，元）
  asset_check         deposits（存款，元）、homes（住房套数）
  vehicle             vehicles（车辆数）
  housing             homes（住房套数）
  medical_bill        medical_total、insurance_paid、compliant_oop（元）
  home_visit、democratic_appraisal、department_check   passed（yes 或 no，默认 yes）`,
			`Add an evidence item and record it in the case history. A received or deferred case moves to verifying; the amounts the rules propose are recomputed.
The figures each kind takes (--set NAME=VALUE):
  income_check        monthly_income (verified counted household income per month, yuan)
  asset_check         deposits (yuan), homes
  vehicle             vehicles
  housing             homes
  medical_bill        medical_total, insurance_paid, compliant_oop (yuan)
  home_visit, democratic_appraisal, department_check   passed (yes or no, default yes)`),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			k, ok := casefile.ParseEvidenceKind(strings.TrimSpace(kind))
			if !ok {
				return a.usagef("核查类别 %q 无效；可用：%s", "evidence kind %q is invalid; valid kinds: %s", kind, a.kindList())
			}
			d := cat.Department(strings.TrimSpace(source))
			if d == nil {
				var keys []string
				for _, dd := range cat.Departments {
					keys = append(keys, dd.Key)
				}
				return a.usagef("来源部门 %q 不在目录中；可用：%s", "source department %q is not in the catalogue; valid: %s", source, strings.Join(keys, ", "))
			}
			day, err := casefile.ParseDate(strings.TrimSpace(date))
			if err != nil {
				return a.usagef("--date %q 无效（应为 2026-12-01）：%s", "--date %q is invalid (want 2026-12-01): %s", date, casefile.Message(err, a.lang))
			}
			if day.After(casefile.DateOf(nowFunc())) {
				return a.usagef("--date %s 晚于今天", "--date %s is after today", day)
			}
			if verifier == "" {
				verifier = strings.TrimPrefix(a.who(), casefile.LocalPrefix)
			}
			ev := casefile.Evidence{Kind: k, Department: d.Key, Verifier: verifier, Date: day, Note: note}
			if f := evidenceFields[k]; len(f) == 1 && f[0].name == "passed" {
				yes := true
				ev.Passed = &yes
			}
			for _, s := range sets {
				name, val, found := strings.Cut(s, "=")
				name = strings.TrimSpace(name)
				i := -1
				for j, f := range evidenceFields[k] {
					if f.name == name {
						i = j
					}
				}
				if !found || i < 0 {
					return a.usagef("「%s」没有数值 %q；可用：%s", "%s takes no field %q; valid fields: %s", k.Label(a.lang), name, a.fieldList(k))
				}
				if err := evidenceFields[k][i].set(&ev, val); err != nil {
					return a.usagef("%s=%q 无效（%s）", "%s=%q is invalid (%s)", name, val, evidenceFields[k][i].label.In(a.lang))
				}
			}
			if err := cat.ValidateEvidence(&ev); err != nil {
				return usageError{err}
			}
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.AddEvidence(args[0], 0, ev, a.who())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：已补充「%s」（%s，%s）；状态：%s\n", "%s: added %s (%s, %s); status: %s\n"),
					c.Number, k.Label(a.lang), d.Label(a.lang), day, c.Status.Label(a.lang))
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&kind, "kind", "", a.t("核查类别（如 income_check）", "evidence kind (e.g. income_check)"))
	f.StringVar(&source, "source", "", a.t("来源部门（目录中的部门代码或名称）", "source department (the catalogue's key or name)"))
	f.StringVar(&date, "date", "", a.t("核查日期，如 2026-12-01", "date of the check, e.g. 2026-12-01"))
	f.StringArrayVar(&sets, "set", nil, a.t("数值 名称=值（可重复）", "a figure NAME=VALUE (repeatable)"))
	f.StringVar(&note, "note", "", a.t("备注", "note"))
	f.StringVar(&verifier, "verifier", "", a.t("核查人（默认：本机用户）", "verifier (default: the local user)"))
	for _, name := range []string{"kind", "source", "date"} {
		cmd.MarkFlagRequired(name)
	}
	cmd.RegisterFlagCompletionFunc("kind", a.completeEvidenceKind)
	cmd.RegisterFlagCompletionFunc("source", a.completeDepartment)
	return cmd
}

func (a *app) newCaseDocumentsCommand() *cobra.Command {
	var received []string
	cmd := &cobra.Command{
		Use:   "documents CASE --received NAME ...",
		Short: a.t("登记受理后收到的材料（目录中的材料名称，中文或英文）", "Record documents received after intake (the catalogue's document names, in Chinese or English)"),
		Long: a.t(`登记受理后收到的材料，记入案件办理记录；已收到的材料不重复登记。
已受理或暂缓的案件转为核查中：暂缓时缺少的材料补齐后，案件可以再次提交研判（hall case ready）。`,
			`Record documents received after intake in the case history; a document already received is not recorded twice.
A received or deferred case moves to verifying: once what a deferral found missing is supplied, the case can go to the meeting again (hall case ready).`),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			if len(received) == 0 {
				return a.usagef("请用 --received 写明收到的材料", "name the documents received with --received")
			}
			var docs []string
			for _, n := range received {
				d, ok := cat.Document(n)
				if ok && !slices.Contains(docs, d) {
					docs = append(docs, d)
				}
				if !ok {
					var names []string
					for _, d := range cat.Documents() {
						names = append(names, cat.DocumentLabel(d).In(a.lang))
					}
					return a.usagef("材料 %q 不在目录中；可用：%s", "document %q is not in the catalogue; valid: %s", n, strings.Join(names, a.t("、", "; ")))
				}
			}
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.ReceiveDocuments(args[0], 0, docs, a.who())
				if err != nil {
					return err
				}
				var missing []string
				for _, d := range cat.MissingDocuments(c) {
					missing = append(missing, cat.DocumentLabel(d).In(a.lang))
				}
				w := cmd.OutOrStdout()
				fmt.Fprintf(w, a.t("%s：已登记 %d 份材料；状态：%s\n", "%s: %d documents recorded; status: %s\n"), c.Number, len(docs), c.Status.Label(a.lang))
				if len(missing) > 0 {
					fmt.Fprintf(w, a.t("仍缺少材料：%s\n", "documents still missing: %s\n"), strings.Join(missing, a.t("、", "; ")))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringArrayVar(&received, "received", nil, a.t("收到的材料名称（可重复）", "name of a document received (repeatable)"))
	cmd.RegisterFlagCompletionFunc("received", a.completeDocument)
	return cmd
}

func (a *app) newCaseReadyCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ready CASE",
		Short: a.t("核查完毕，提交综合研判（缺少核查材料或暂缓时要求的材料时拒绝并列出所缺）", "Send a verified case to the meeting (refused, naming what is missing, while required evidence or a document a deferral asked for is missing)"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.Move(args[0], 0, casefile.StatusReady, a.who(), "")
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				fmt.Fprintf(w, a.t("%s：%s\n", "%s: %s\n"), c.Number, c.Status.Label(a.lang))
				cat := st.Catalog()
				var missing []string
				for _, d := range cat.MissingDocuments(c) {
					missing = append(missing, cat.DocumentLabel(d).In(a.lang))
				}
				if len(missing) > 0 {
					fmt.Fprintf(w, a.t("注意：仍缺少材料：%s\n", "note: documents still missing: %s\n"), strings.Join(missing, a.t("、", "; ")))
				}
				return nil
			})
		},
	}
	return cmd
}

func (a *app) newCaseWithdrawCommand() *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "withdraw CASE --reason T",
		Short: a.t("撤回未决定的案件（须写明原因）", "Withdraw an undecided case (a reason is required)"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return a.usagef("请用 --reason 写明撤回原因", "give the reason for the withdrawal with --reason")
			}
			return a.withStore(false, func(st *casefile.Store) error {
				c, err := st.Move(args[0], 0, casefile.StatusWithdrawn, a.who(), reason)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), a.t("%s：%s\n", "%s: %s\n"), c.Number, c.Status.Label(a.lang))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", a.t("撤回原因", "reason for the withdrawal"))
	return cmd
}
