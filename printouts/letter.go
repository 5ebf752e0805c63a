package printouts

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// LetterInput is what a decision letter needs besides the case: the
// session that decided it (its meeting date is the date the letter says
// the case was examined) and what the household holds (which tier of
// medical aid applies).
type LetterInput struct {
	// Session is the adjudication session that decided the case; nil
	// when the caller has not loaded it, and the letter then names the
	// session without a date rather than print the wrong one.
	Session *meeting.Session
	// Holding lists the project codes the household holds; nil when not
	// known (the medical tier is then the one that gives the amount
	// granted).
	Holding []string
}

// Letter prints the letters that tell the applicant the decision on case
// c, dated today, without the session (see LetterWith).
func (p *Printer) Letter(c *casefile.Case, today casefile.Date) ([]byte, error) {
	return p.LetterWith(c, LetterInput{}, today)
}

// LetterWith prints the letters that tell the applicant the decision on
// case c, dated today: one per issuing body (the department that runs
// the projects, by its full official name; the hall is only the window).
// A government department's approval is a decision letter (救助决定书),
// its rejection a rejection notice (不予救助告知书) followed by a delivery
// acknowledgement slip (送达回证), both with the rights of appeal; a
// people's organisation or charity sends a grant notice (资助通知, or
// 不予资助通知) that names whom to ask instead. A child's letters go to the
// guardian. An approval that must wait for the public notice is refused
// until the notice has ended (ErrNoticePending). A deferred case has no
// letter (ErrDeferred); nor has an undecided one (ErrNoDecision).
func (p *Printer) LetterWith(c *casefile.Case, in LetterInput, today casefile.Date) ([]byte, error) {
	if err := checkCase(c); err != nil {
		return nil, err
	}
	if c.Decision == nil {
		return nil, ErrNoDecision.Withf("案件 %s", "case %s", c.Number)
	}
	if n := c.OpenNotice(); n != nil {
		return nil, ErrNoticePending.Withf("案件 %s 公示至%s，期满无异议生效后（hall publicity close）方可出具决定书",
			"case %s is on public notice to %s; the letter can be issued once it has taken effect (hall publicity close)", c.Number, n.Until.Chinese())
	}
	rejected := false
	switch c.Decision.Result {
	case casefile.StatusApproved:
	case casefile.StatusRejected:
		rejected = true
		if strings.TrimSpace(c.Decision.Reason) == "" {
			return nil, ErrIncomplete.Withf("案件 %s 的不予救助决定没有写明理由", "the rejection of case %s gives no reason", c.Number)
		}
	case casefile.StatusDeferred:
		return nil, ErrDeferred.Withf("案件 %s", "case %s", c.Number)
	default:
		return nil, ErrNoDecision.Withf("案件 %s 的决定为「%s」", "case %s was decided %s",
			c.Number, c.Decision.Result)
	}
	letters := p.planLetters(c, rejected)
	if !rejected && !anyGranted(letters) {
		return nil, ErrNothingGranted.Withf("案件 %s", "case %s", c.Number)
	}
	if !rejected {
		if err := p.checkNotice(c, in, today); err != nil {
			return nil, err
		}
	}
	who := p.addressee(c, today)
	used := map[string]int{}
	for i := range letters {
		l := &letters[i]
		l.ref = p.letterReference(c, l, used)
		if l.administrative() {
			appeal, err := p.appealSentence(l.docName())
			if err != nil {
				return nil, err
			}
			l.appeal = appeal
		}
	}
	kind := letters[0].title()
	return p.build(kind, c, func(d *Doc) {
		for i := range letters {
			if i > 0 {
				d.PageBreak()
			}
			p.letterText(d, c, in, &letters[i], who, today)
		}
	})
}

// letterText sets one letter of the plan.
func (p *Printer) letterText(d *Doc, c *casefile.Case, in LetterInput, l *letterPlan, who addressee, today casefile.Date) {
	d.QRHere(QRText(c.Number, l.ref))
	d.Title(l.title())
	d.Right(l.ref)
	d.Line(who.salutation())

	applied := p.appliedFor(l.all())
	proc := p.procedure(c, in.Session)
	if len(l.granted) > 0 && l.administrative() && p.noticed(l) {
		proc += "并公示期满"
	}
	opening := fmt.Sprintf("%s%s向%s提出的%s申请（案件编号：%s）已收悉。%s，",
		who.you(), onDay(c), p.hall(), applied, c.Number, proc)
	switch {
	case l.granted == nil && l.administrative():
		opening += "决定不予救助。现将有关事项告知如下："
	case l.granted == nil:
		opening += l.issuerName() + "决定不予资助。现将有关事项告知如下："
	case l.administrative():
		opening += "现作出如下决定："
	default:
		opening += l.issuerName() + "决定给予资助。现将有关事项通知如下："
	}
	d.Para(opening)

	n := 0
	heading := func(s string) {
		d.Para(cnum(n) + "、" + s)
		n++
	}
	heading("查明的事实")
	for _, s := range p.factParas(c, l.all(), who) {
		d.Para(s)
	}

	if len(l.granted) > 0 {
		if l.administrative() {
			heading("救助决定")
		} else {
			heading("资助事项")
		}
		for i, a := range l.granted {
			d.Para(fmt.Sprintf("（%s）%s：%s。", cnum(i), p.projectName(a.Project), p.grantText(a)))
			if b, ok := p.cat.MedicalBasisOf(c, &a, p.holding(c, in)); ok {
				if b.Held != "" {
					b.Tier.Label = "家庭享受" + p.projectName(b.Held) + "，属" + b.Tier.Label
				}
				d.Para(medicalBasisText(b, a.Granted))
			}
		}
		if sum := sumsByKind(p.cat, l.granted); sum != "" {
			d.Para(sum)
		}
	}
	if len(l.declined) > 0 {
		switch {
		case len(l.granted) == 0 && l.administrative():
			heading("不予救助的理由")
		case len(l.granted) == 0:
			heading("不予资助的理由")
		default:
			heading("不予支持的申请事项")
		}
		for i, a := range l.declined {
			reason := p.declineReason(c, a)
			if len(l.declined) == 1 && len(l.granted) == 0 {
				d.Para(reason)
				continue
			}
			d.Para(fmt.Sprintf("（%s）%s：%s", cnum(i), p.projectName(a.Project), reason))
		}
	}

	heading(l.basisHeading())
	d.Para(p.basisText(l))

	if len(l.granted) > 0 && paysMoney(p.cat, l.granted) {
		heading("发放方式")
		pay := p.paymentText(who)
		if !l.administrative() {
			pay = strings.ReplaceAll(pay, "救助资金", "资助资金")
		}
		d.Para(pay)
	}

	if l.administrative() {
		if len(l.granted) > 0 {
			heading("告知事项")
		} else {
			heading("救济途径")
		}
		if len(l.granted) > 0 {
			report := fmt.Sprintf("享受救助期间，家庭的人口、收入、财产状况发生变化的，应当及时告知%s", p.hall())
			if phone := p.cat.County.EnquiryPhone; phone != "" {
				report += "（咨询电话：" + phone + "）"
			}
			d.Para(report + "。以虚报、隐瞒、伪造等手段骗取社会救助资金的，将依法追回，并依法追究相应责任。")
		}
		d.Para(l.appeal)
	} else {
		heading("说明")
		d.Para(l.enquiry(p.hall()))
	}
	if who.missing {
		d.Para(who.missingNote())
	}

	d.SignatureBlock(l.issuerName(), today)
	if len(l.granted) == 0 && l.administrative() {
		p.deliverySlip(d, c, l.title()+"（"+l.ref+"）", l.issuerName(), who)
	}
}

// onDay is "于2026年11月3日", the day the case was received, or "" when
// that is not known.
func onDay(c *casefile.Case) string {
	if c.Received.IsZero() {
		return ""
	}
	return "于" + c.ReceivedDate().Chinese()
}

// grantText states what was granted for one application, every amount
// marked monthly or one-off: "每月1,170.00元，自2026年12月起，共12个月",
// "一次性发放3,000.00元". The minutes use it too, after the project's
// name and "准予".
func (p *Printer) grantText(a casefile.Application) string {
	pr := p.cat.Project(a.Project)
	kind := casefile.KindOneOff
	if pr != nil {
		kind = pr.Kind
	}
	switch kind {
	case casefile.KindMonthly:
		s := "每月" + a.Granted.Paper()
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
	case casefile.KindStatus:
		return "予以认定"
	case casefile.KindService:
		if a.Granted > 0 {
			return "提供相应救助服务，折合" + a.Granted.Paper()
		}
		return "提供相应救助服务"
	case casefile.KindLoan:
		return "贷款额度" + a.Granted.Paper()
	}
	return "一次性发放" + a.Granted.Paper() // one-off and medical share
}

// sumsByKind totals the money granted by kind, never adding monthly to
// one-off amounts: "以上合计：每月620.00元；一次性3,000.00元。", or "" for
// a single item.
func sumsByKind(cat *casefile.Catalog, granted []casefile.Application) string {
	if len(granted) < 2 {
		return ""
	}
	var monthly, once casefile.Money
	for _, a := range granted {
		pr := cat.Project(a.Project)
		switch {
		case pr == nil:
		case pr.Kind == casefile.KindMonthly:
			monthly += a.Granted
		case pr.Kind == casefile.KindOneOff || pr.Kind == casefile.KindMedicalShare:
			once += a.Granted
		}
	}
	var parts []string
	if monthly > 0 {
		parts = append(parts, "每月"+monthly.Paper())
	}
	if once > 0 {
		parts = append(parts, "一次性"+once.Paper())
	}
	if len(parts) == 0 {
		return ""
	}
	return "以上合计：" + strings.Join(parts, "；") + "。"
}

// medicalBasisText shows how a medical-aid amount was reached.
func medicalBasisText(b casefile.MedicalBasis, granted casefile.Money) string {
	var s strings.Builder
	fmt.Fprintf(&s, "计算依据：医疗费用总额%s，基本医疗保险和大病保险已支付%s，政策范围内个人自付费用%s",
		b.Total.Paper(), b.Insurance.Paper(), b.Compliant.Paper())
	base := b.Compliant
	if b.Deductible > 0 {
		base = max(0, b.Compliant-b.Deductible)
		fmt.Fprintf(&s, "，扣除%s%s后为%s", b.DeductName, b.Deductible.Paper(), base.Paper())
	}
	fmt.Fprintf(&s, "；%s，按%d%%救助，计%s", b.Tier.Label, b.Tier.Percent, casefile.Share(base, b.Tier.Percent).Paper())
	if b.Tier.Cap != "" {
		if casefile.Share(base, b.Tier.Percent) > b.Cap {
			fmt.Fprintf(&s, "，超过年度救助限额%s，按限额救助", b.Cap.Paper())
		} else {
			fmt.Fprintf(&s, "，未超过年度救助限额%s", b.Cap.Paper())
		}
	}
	if granted != b.Computed {
		fmt.Fprintf(&s, "；经综合研判会核定为%s", granted.Paper())
	}
	return s.String() + "。"
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
