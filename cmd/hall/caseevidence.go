package main

import (
	"errors"
	"fmt"
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
				verifier = strings.TrimPrefix(who(), casefile.LocalPrefix)
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
				c, err := st.AddEvidence(args[0], 0, ev, who())
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
