package printouts

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// ErrNoticePending: an approval of a project that must first be publicly
// noticed (dibao, extreme-poverty support) cannot be issued before the
// notice period has ended; objections may still change it.
var ErrNoticePending = casefile.NewError("notice_pending",
	"公示期未满，不能出具救助决定书",
	"the public notice has not ended; the decision letter cannot be issued yet")

// noticeEnds is the first day an approval of c may be dated: the day
// after the public notice of its session ends (the session's date plus
// the county's notice days), or the zero date when no granted project
// needs a notice. Without the session, the day the decision was recorded
// stands in for the meeting's (never earlier than it).
func (p *Printer) noticeEnds(c *casefile.Case, s *meeting.Session) casefile.Date {
	need := false
	for _, a := range c.Apps {
		if pr := p.cat.Project(a.Project); a.Outcome == casefile.OutcomeGranted && pr != nil && pr.NoticeBeforeApproval {
			need = true
		}
	}
	if !need {
		return casefile.Date{}
	}
	day := casefile.DateOf(c.Decision.At)
	if s != nil && !s.Date.IsZero() {
		day = s.Date
	}
	return day.AddDays(p.cat.County.NoticeDays)
}

// checkNotice refuses an approval printed before its public notice ends.
// A county officer issues a dibao decision only once the notice has
// passed without objection (最低生活保障审核确认办法 第十九条): a letter
// printed earlier and post-dated would be a decision issued before it
// was final, lying in a drawer, already in the print record.
func (p *Printer) checkNotice(c *casefile.Case, in LetterInput, today casefile.Date) error {
	first := p.noticeEnds(c, in.Session)
	if first.IsZero() || !today.Before(first) {
		return nil
	}
	last := first.AddDays(-1)
	return ErrNoticePending.Withf("案件 %s 的公示期至%s届满，%s起方可出具救助决定书",
		"the public notice of case %s runs to %s; the decision letter can be issued from %s",
		c.Number, last.Chinese(), first.Chinese())
}

// procedure says how the case was examined: "经家庭收入核对、入户调查，
// 并经2026年11月30日综合研判会（YH2026-002）研判", the date being the
// session's meeting date (never the day the decision was typed in); a
// letter printed without its session names the session alone.
func (p *Printer) procedure(c *casefile.Case, s *meeting.Session) string {
	var kinds []string
	for _, e := range c.Evidence {
		l := e.Kind.Label(casefile.ZH)
		if e.Kind == casefile.EvMedicalBill {
			l = "审核医疗费用票据"
		}
		if !slices.Contains(kinds, l) {
			kinds = append(kinds, l)
		}
	}
	var b strings.Builder
	if len(kinds) > 0 {
		b.WriteString("经" + strings.Join(kinds, "、") + "，并")
	}
	b.WriteString("经")
	if s != nil && !s.Date.IsZero() {
		b.WriteString(s.Date.Chinese())
	}
	b.WriteString("综合研判会")
	number := ""
	if c.Decision != nil {
		number = c.Decision.Session
	}
	if number == "" && s != nil {
		number = s.Number
	}
	if number != "" {
		b.WriteString("（" + number + "）")
	}
	b.WriteString("研判")
	return b.String()
}

// appliedFor names the projects of a letter: "城市最低生活保障、医疗救助".
func (p *Printer) appliedFor(apps []casefile.Application) string {
	var names []string
	for _, a := range apps {
		if n := p.projectName(a.Project); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "社会救助"
	}
	return strings.Join(names, "、")
}

// holding is what the household holds for the medical tiers: the
// caller's list, else (unknown) nil.
func (p *Printer) holding(c *casefile.Case, in LetterInput) []string {
	return in.Holding
}

// factParas state what was found: who applied (and for a child, who is
// aided and who is the guardian), the household, each income with
// whether it counts, the counted total and per-capita income against
// the named standard of each project of apps, and the assets checked.
func (p *Printer) factParas(c *casefile.Case, apps []casefile.Application, who addressee) []string {
	var b strings.Builder
	if who.child != "" {
		b.WriteString("受助人" + who.child)
	} else {
		b.WriteString("申请人" + applicantName(c))
	}
	if id := maskedID(c); id != "" {
		b.WriteString("，" + id)
	}
	if who.child != "" {
		b.WriteString("，未满十八周岁")
		if !who.missing {
			b.WriteString("，监护人" + who.name)
			if who.relation != "监护人" {
				b.WriteString("（" + who.relation + "）")
			}
		} else {
			b.WriteString("，本案未登记监护人")
		}
	}
	if a := areaName(c.Household.Area); a != "" {
		b.WriteString("，" + a + "户籍")
	}
	inc := p.cat.Income(c)
	if inc.Members > 0 {
		fmt.Fprintf(&b, "，共同生活家庭成员%d人", inc.Members)
	}
	b.WriteString("。")
	out := []string{b.String()}

	b.Reset()
	var items []string
	var declared casefile.Money
	for _, m := range c.Household.Members {
		for _, in := range m.Incomes {
			label := in.Kind
			counted := true
			if k := p.cat.IncomeKind(in.Kind); k != nil {
				label, counted = k.Name, k.Counted
			}
			if in.Source != "" {
				label += "（" + in.Source + "）"
			}
			state := "（计入）"
			if !counted {
				state = "（按规定不计入）"
			} else {
				declared += in.Monthly
			}
			items = append(items, m.Person.Name+label+in.Monthly.Paper()+state)
		}
	}
	if len(items) > 0 {
		b.WriteString("家庭月收入：" + strings.Join(items, "；") + "。")
	}
	if ev := latest(c, casefile.EvIncomeCheck); inc.Verified && ev != nil {
		fmt.Fprintf(&b, "经家庭经济状况核对（%s，%s），", p.deptName(ev.Department), ev.Date.Chinese())
		if len(items) > 0 && declared != inc.Counted {
			b.WriteString("核定")
		}
	} else {
		b.WriteString("据申报，")
	}
	fmt.Fprintf(&b, "计入家庭收入的月收入合计%s，人均月收入%s", inc.Counted.Paper(), inc.PerCapita.Paper())
	if lines := p.thresholdLines(c, apps, inc.PerCapita); len(lines) > 0 {
		b.WriteString("，" + strings.Join(lines, "；"))
	}
	b.WriteString("。")
	out = append(out, b.String())

	if ev := latest(c, casefile.EvAssetCheck); ev != nil {
		env := p.cat.Env(c, nil, nil)
		out = append(out, fmt.Sprintf("经家庭财产核对（%s，%s），家庭存款及金融资产合计%s（人均%s），住房%d套，机动车%d辆。",
			p.deptName(ev.Department), ev.Date.Chinese(), casefile.Money(env.Deposits).Paper(),
			casefile.Money(env.DepositsPerCapita).Paper(), env.Homes, env.Vehicles))
	}
	return out
}

// threshold is the income line of one application, with the standard's
// name.
type threshold struct {
	line     casefile.Money
	standard string   // 城市低保边缘家庭收入标准, or ""
	projects []string // the projects it is the line of
}

// thresholds finds the income line of each project of apps and names
// its local standard (the standard the rule reads whose amount it is).
func (p *Printer) thresholds(c *casefile.Case, apps []casefile.Application) []threshold {
	var out []threshold
	for i := range apps {
		pr := p.cat.Project(apps[i].Project)
		if pr == nil || pr.Threshold == nil {
			continue
		}
		line, err := pr.Threshold.Money(p.cat.Env(c, &apps[i], nil))
		if err != nil {
			continue
		}
		name := ""
		for _, s := range p.cat.Standards {
			if s.Amount == line && strings.Contains(pr.Threshold.Source, "standard."+s.Key) {
				name = casefile.StandardShortName(s.Name)
				break
			}
		}
		found := false
		for j := range out {
			if out[j].line == line && out[j].standard == name {
				if !slices.Contains(out[j].projects, pr.Name) {
					out[j].projects = append(out[j].projects, pr.Name)
				}
				found = true
			}
		}
		if !found {
			out = append(out, threshold{line: line, standard: name, projects: []string{pr.Name}})
		}
	}
	return out
}

// thresholdLines compares the per-capita income with each line:
// "低于城市最低生活保障标准790.00元", naming the projects when a line
// serves several or has no named standard.
func (p *Printer) thresholdLines(c *casefile.Case, apps []casefile.Application, perCapita casefile.Money) []string {
	var out []string
	for _, t := range p.thresholds(c, apps) {
		out = append(out, compare(perCapita, t.line)+t.label()+t.line.Paper())
	}
	return out
}

func (t threshold) label() string {
	if t.standard == "" {
		return strings.Join(t.projects, "、") + "的收入标准"
	}
	if len(t.projects) > 1 {
		return t.standard + "（" + strings.Join(t.projects, "、") + "适用）"
	}
	return t.standard
}

func compare(v, line casefile.Money) string {
	switch {
	case v > line:
		return "高于"
	case v == line:
		return "等于"
	}
	return "低于"
}

// declineReason is why application a was declined, for the applicant:
// when the per-capita income is not below the project's line, that
// comparison with the standard named; else the reason the meeting
// recorded, in the letter's wording (see paperText).
func (p *Printer) declineReason(c *casefile.Case, a casefile.Application) string {
	inc := p.cat.Income(c)
	for _, t := range p.thresholds(c, []casefile.Application{a}) {
		if inc.PerCapita >= t.line {
			return fmt.Sprintf("家庭人均月收入%s，%s%s%s，不符合%s的条件。", inc.PerCapita.Paper(), compare(inc.PerCapita, t.line),
				t.label(), t.line.Paper(), p.projectName(a.Project))
		}
	}
	reason := a.Reason
	if reason == "" && c.Decision != nil && c.Decision.Result == casefile.StatusRejected {
		reason = c.Decision.Reason
	}
	// One colon per item: the reason's own become commas.
	if reason = strings.ReplaceAll(paperText(reason), "：", "，"); reason == "" {
		reason = "经综合研判会研判不予支持"
	}
	return sentence(reason)
}

var (
	// A yuan amount as the rules and the meeting write it: "1750.00 元",
	// "5000元", "1,750.00 元".
	rawYuan = regexp.MustCompile(`[ \t]*(\d[\d,]*(?:\.\d{1,2})?)\s*元`)
	// The meeting's tally: "表决：同意 5 票，不同意 0 票，弃权 0 票。"
	tally = regexp.MustCompile(`[，。；]?\s*表决[：:][^。]*。?`)
)

// paperText puts a reason recorded by the meeting or the rules into the
// letters' wording: no "经综合研判会研判，不予救助：" preamble (the letter
// says so), no vote tally (that belongs in the minutes), project names in
// “” rather than 「」, single colons, and every amount as Money.Paper.
func paperText(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "经综合研判会研判，")
	s = strings.TrimPrefix(s, "不予救助：")
	s = tally.ReplaceAllString(s, "。")
	s = strings.NewReplacer("「", "“", "」", "”").Replace(s)
	s = rawYuan.ReplaceAllStringFunc(s, func(m string) string {
		v, err := casefile.ParseMoney(m)
		if err != nil {
			return m
		}
		return v.Paper()
	})
	s = strings.ReplaceAll(s, "：：", "：")
	s = strings.Trim(s, "。 ")
	return s
}

// deliverySlip adds the delivery acknowledgement slip (送达回证) of the
// document named doc on a page of its own: who is served (a child's
// guardian), what, by whom, where, when and how, and the lines the
// recipient signs.
func (p *Printer) deliverySlip(d *Doc, c *casefile.Case, doc, issuer string, who addressee) {
	d.PageBreak()
	d.Title("送达回证")
	d.Blank()
	const date = "                    年      月      日"
	served := who.name
	switch {
	case who.child != "" && who.missing:
		served = who.child + "的监护人（未登记）"
	case who.child != "":
		served = who.name + "（" + who.child + "的监护人）"
	}
	d.Table([]Column{{Width: 32, Align: AlignCenter}, {Width: 68}}, [][]string{
		{"送达机关", issuer},
		{"送达文书", doc},
		{"受送达人", served},
		{"案件编号", c.Number},
		{"送达地点", c.Applicant.Address + "\n"},
		{"送达方式", "□直接送达  □邮寄送达  □委托送达  □留置送达"},
		{"送达人签名", "\n"},
		{"送达日期", date},
		{"受送达人签名\n（盖章）", "\n\n\n" + date},
		{"代收人签名\n及代收理由", "\n\n"},
		{"备注", "受送达人拒绝签收的，送达人应当在备注栏注明拒收事由和日期，并由见证人签名。\n\n"},
	})
}
