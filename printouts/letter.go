package printouts

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// Letter prints the letter that tells the applicant the decision on case
// c, dated today: the decision letter (救助决定书) of an approved case, or
// the rejection notice (不予救助告知书) of a rejected one, followed by its
// delivery acknowledgement slip (送达回证). A deferred case has no letter
// (ErrDeferred); nor has an undecided one (ErrNoDecision).
func (p *Printer) Letter(c *casefile.Case, today casefile.Date) ([]byte, error) {
	if err := checkCase(c); err != nil {
		return nil, err
	}
	if c.Decision == nil {
		return nil, ErrNoDecision.Withf("案件 %s", "case %s", c.Number)
	}
	switch c.Decision.Result {
	case casefile.StatusApproved:
		return p.approval(c, today)
	case casefile.StatusRejected:
		return p.rejection(c, today)
	case casefile.StatusDeferred:
		return nil, ErrDeferred.Withf("案件 %s", "case %s", c.Number)
	}
	return nil, ErrNoDecision.Withf("案件 %s 的决定为「%s」", "case %s was decided %s",
		c.Number, c.Decision.Result)
}

// letterHead starts a letter: QR code, title, reference number and the
// addressee.
func (p *Printer) letterHead(d *Doc, c *casefile.Case, title, ref string) {
	d.QR(QRText(c.Number, ref))
	d.Title(title)
	d.Right(ref)
	d.Line(applicantName(c) + "：")
}

// approval prints the decision letter of an approved case.
func (p *Printer) approval(c *casefile.Case, today casefile.Date) ([]byte, error) {
	var granted, declined []casefile.Application
	for _, a := range c.Apps {
		switch a.Outcome {
		case casefile.OutcomeGranted:
			granted = append(granted, a)
		case casefile.OutcomeDeclined:
			declined = append(declined, a)
		}
	}
	if len(granted) == 0 {
		return nil, ErrNothingGranted.Withf("案件 %s", "case %s", c.Number)
	}
	issuer, err := p.issuer()
	if err != nil {
		return nil, err
	}
	appeal, err := p.appealSentence("本决定书")
	if err != nil {
		return nil, err
	}
	return p.build("救助决定书", c, func(d *Doc) { p.approvalText(d, c, granted, declined, issuer, appeal, today) })
}

// approvalText sets the decision letter of approval.
func (p *Printer) approvalText(d *Doc, c *casefile.Case, granted, declined []casefile.Application, issuer, appeal string, today casefile.Date) {
	ref := p.Reference(c)
	p.letterHead(d, c, "救助决定书", ref)
	d.Para(fmt.Sprintf("你%s向%s提出的社会救助申请（案件编号：%s）已收悉。%s，现作出如下决定：",
		onDay(c), p.hall(), c.Number, p.procedure(c)))

	n := 0
	heading := func(s string) {
		d.Para(cnum(n) + "、" + s)
		n++
	}
	heading("查明的事实")
	d.Para(p.facts(c, granted))

	heading("救助决定")
	for i, a := range granted {
		d.Para(fmt.Sprintf("（%s）%s：%s。", cnum(i), p.projectWithDept(a.Project), p.grantText(a)))
	}

	if len(declined) > 0 {
		heading("不予支持的申请事项")
		for i, a := range declined {
			reason := a.Reason
			if reason == "" {
				reason = "经研判不予支持"
			}
			d.Para(fmt.Sprintf("（%s）%s：%s", cnum(i), p.projectWithDept(a.Project), sentence(reason)))
		}
	}

	heading("决定依据")
	if basis := p.legalBasis(granted); basis != "" {
		d.Para("根据" + basis + "的规定，作出上述决定。")
	} else {
		d.Para("根据社会救助有关规定，作出上述决定。")
	}

	if paysMoney(p.cat, granted) {
		heading("发放方式")
		d.Para(sentence(p.payment))
	}

	heading("告知事项")
	report := fmt.Sprintf("享受救助期间，你家庭的人口、收入、财产状况发生变化的，应当及时告知%s", p.hall())
	if phone := p.cat.County.EnquiryPhone; phone != "" {
		report += "（咨询电话：" + phone + "）"
	}
	d.Para(report + "。以虚报、隐瞒、伪造等手段骗取社会救助资金的，将依法追回，并依法追究相应责任。")
	d.Para(appeal)

	d.SignatureBlock(issuer, today)
}

// onDay is "于2026年11月3日", the day the case was received, or "" when
// that is not known.
func onDay(c *casefile.Case) string {
	if c.Received.IsZero() {
		return ""
	}
	return "于" + c.ReceivedDate().Chinese()
}

// grantText states what was granted for one application:
// "每月1,170.00元，自2026年12月起，共12个月" for monthly aid,
// "一次性发放5,000.00元" for a one-off grant.
func (p *Printer) grantText(a casefile.Application) string {
	pr := p.cat.Project(a.Project)
	kind := casefile.KindOneOff
	if pr != nil {
		kind = pr.Kind
	}
	switch kind {
	case casefile.KindMonthly:
		s := "每月" + a.Granted.Grouped() + "元"
		if a.StartMonth != "" {
			s += "，自" + chineseMonth(a.StartMonth) + "起"
		} else {
			s += "，自决定作出的次月起"
		}
		months := a.Months
		if months == 0 && pr != nil {
			months = pr.Months
		}
		if months > 0 {
			s += fmt.Sprintf("，共%d个月", months)
		}
		return s
	case casefile.KindMedicalShare:
		return "医疗救助金额" + a.Granted.Grouped() + "元"
	case casefile.KindStatus:
		return "予以认定"
	case casefile.KindService:
		if a.Granted > 0 {
			return "提供相应救助服务，折合" + a.Granted.Grouped() + "元"
		}
		return "提供相应救助服务"
	case casefile.KindLoan:
		return "贷款额度" + a.Granted.Grouped() + "元"
	}
	return "一次性发放" + a.Granted.Grouped() + "元"
}

// rejection prints the rejection notice of a rejected case and its
// delivery acknowledgement slip.
func (p *Printer) rejection(c *casefile.Case, today casefile.Date) ([]byte, error) {
	reason := strings.TrimSpace(c.Decision.Reason)
	if reason == "" {
		return nil, ErrIncomplete.Withf("案件 %s 的不予救助决定没有写明理由", "the rejection of case %s gives no reason", c.Number)
	}
	issuer, err := p.issuer()
	if err != nil {
		return nil, err
	}
	appeal, err := p.appealSentence("本告知书")
	if err != nil {
		return nil, err
	}
	return p.build(rejectionTitle, c, func(d *Doc) { p.rejectionText(d, c, reason, issuer, appeal, today) })
}

const rejectionTitle = "不予救助告知书"

// rejectionText sets the rejection notice of rejection and its slip.
func (p *Printer) rejectionText(d *Doc, c *casefile.Case, reason, issuer, appeal string, today casefile.Date) {
	ref := p.Reference(c)
	const title = rejectionTitle
	p.letterHead(d, c, title, ref)
	var names []string
	for _, a := range c.Apps {
		names = append(names, p.projectName(a.Project))
	}
	applied := "社会救助"
	if len(names) > 0 {
		applied = strings.Join(names, "、")
	}
	d.Para(fmt.Sprintf("你%s向%s提出的%s申请（案件编号：%s）已收悉。%s，决定不予救助。现将有关事项告知如下：",
		onDay(c), p.hall(), applied, c.Number, p.procedure(c)))

	d.Para("一、查明的事实")
	d.Para(p.facts(c, c.Apps))
	d.Para("二、不予救助的理由")
	d.Para(sentence(reason))
	d.Para("三、决定依据")
	var rules []string
	for _, a := range c.Apps {
		if pr := p.cat.Project(a.Project); pr != nil && pr.EligNote != "" {
			rules = append(rules, pr.Name+"的条件是："+sentence(pr.EligNote))
		}
	}
	if basis := p.legalBasis(c.Apps); basis != "" {
		rules = append(rules, "根据"+basis+"的规定，决定对你的申请不予救助。")
	}
	for _, r := range rules {
		d.Para(r)
	}
	d.Para("四、救济途径")
	d.Para(appeal)
	d.SignatureBlock(issuer, today)

	p.deliverySlip(d, c, title+"（"+ref+"）", issuer)
}

// deliverySlip adds the delivery acknowledgement slip (送达回证) of the
// document named doc on a page of its own: who is served, what, by whom,
// where, when and how, and the lines the recipient signs.
func (p *Printer) deliverySlip(d *Doc, c *casefile.Case, doc, issuer string) {
	d.PageBreak()
	d.Title("送达回证")
	d.Blank()
	const date = "                    年      月      日"
	d.Table([]Column{{Width: 32, Align: AlignCenter}, {Width: 68}}, [][]string{
		{"送达机关", issuer},
		{"送达文书", doc},
		{"受送达人", applicantName(c)},
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

// cnum numbers headings and items from 0: 一、二、… and （一）（二）…,
// past twenty in Arabic numerals.
func cnum(i int) string {
	const digits = "一二三四五六七八九"
	switch {
	case i < 0 || i >= 20:
		return strconv.Itoa(i + 1)
	case i < 9:
		return string([]rune(digits)[i])
	case i == 9:
		return "十"
	case i == 19:
		return "二十"
	}
	return "十" + string([]rune(digits)[i-10])
}

// paysMoney reports whether any granted application pays money (monthly,
// one-off or a share of medical cost): a service or a status has no
// payment method to state.
func paysMoney(cat *casefile.Catalog, granted []casefile.Application) bool {
	for _, a := range granted {
		if p := cat.Project(a.Project); p == nil || p.Kind == casefile.KindMonthly || p.Kind == casefile.KindOneOff || p.Kind == casefile.KindMedicalShare {
			return true
		}
	}
	return false
}
