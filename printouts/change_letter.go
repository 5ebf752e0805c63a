package printouts

import (
	"fmt"

	"github.com/rongjiuzhu/hall/casefile"
)

// ChangeTitle is the title of the letter of a change of a running aid:
// 增发救助金通知书, 减发救助金通知书, 停发救助金通知书, or for a review
// that keeps the amount 继续享受救助通知书.
func ChangeTitle(k casefile.ChangeKind) string {
	switch k {
	case casefile.ChangeIncrease:
		return "增发救助金通知书"
	case casefile.ChangeDecrease:
		return "减发救助金通知书"
	case casefile.ChangeStop:
		return "停发救助金通知书"
	}
	return "继续享受救助通知书"
}

// ChangeLetter prints the letter of change ch of case c's running aid:
// the project, the amount before and after and from which month (for a
// stop with a phase-out, the months still paid), the written reason, and
// where the department's act is administrative the rights of appeal,
// then the issuing department, the date and the delivery slip (送达回证).
// A child's letter goes to the guardian.
func (p *Printer) ChangeLetter(c *casefile.Case, ch *casefile.AidChange, today casefile.Date) ([]byte, error) {
	if err := checkCase(c); err != nil {
		return nil, err
	}
	if ch == nil {
		return nil, ErrNoDecision.Withf("案件 %s 没有救助变更", "case %s has no change of its aid", c.Number)
	}
	if ch.Withdrawn != "" {
		return nil, ErrNoDecision.Withf("%s 因公示期间的异议暂不执行", "%s is suspended by an objection during its notice", ch.Reference)
	}
	if n := ch.Notice; n != nil && !today.After(n.Until) {
		return nil, ErrNoticePending.Withf("%s 公示至%s，期满后方可出具停发通知书", "%s is on public notice to %s; its letter can be issued when the notice ends",
			ch.Reference, n.Until.Chinese())
	}
	pr := p.cat.Project(ch.Project)
	if pr == nil {
		return nil, ErrIncomplete.Withf("项目 %s 不在目录中", "project %s is not in the catalogue", ch.Project)
	}
	dept := p.cat.IssuerOf(pr)
	issuer := p.issuerOf(dept)
	title := ChangeTitle(ch.Kind)
	appeal := ""
	if dept == nil || dept.Administrative() {
		a, err := p.appealSentence("本通知书")
		if err != nil {
			return nil, err
		}
		appeal = a
	}
	before := casefile.Money(0)
	for _, per := range c.AidHistory() {
		if per.Project == ch.Project && per.From < ch.From {
			before = per.Amount
		}
	}
	who := p.addressee(c, today)
	return p.build(title, c, func(d *Doc) {
		d.Title(title)
		d.Right(ch.Reference)
		d.Line(who.salutation())
		name := p.projectName(ch.Project)
		from := rosterMonth(ch.From)
		var what string
		switch {
		case ch.Kind == casefile.ChangeStop && ch.PhaseOut > 0:
			last := rosterMonth(casefile.AddMonths(ch.From, ch.PhaseOut-1))
			what = fmt.Sprintf("经复核，决定停发%s。考虑到家庭收入因就业增加，给予%d个月渐退期：自%s至%s仍按每月 %s 发放，此后停发。",
				name, ch.PhaseOut, from, last, ch.Amount.Paper())
		case ch.Kind == casefile.ChangeStop:
			what = fmt.Sprintf("经复核，决定自%s起停发%s（原每月 %s）。", from, name, before.Paper())
		case ch.Kind == casefile.ChangeContinue:
			what = fmt.Sprintf("经复核，你家庭继续符合%s条件，自%s起继续按每月 %s 发放。", name, from, ch.Amount.Paper())
		default:
			verb := "增发"
			if ch.Kind == casefile.ChangeDecrease {
				verb = "减发"
			}
			what = fmt.Sprintf("经复核，决定自%s起%s%s：由每月 %s 调整为每月 %s。", from, verb, name, before.Paper(), ch.Amount.Paper())
		}
		d.Para(what)
		d.Para("理由：" + sentence(ch.Reason))
		if pr.LegalBasis != "" {
			d.Para("依据：" + sentence(pr.LegalBasis))
		}
		d.Para("本通知书所载变更不影响此前已发放的救助金；救助记录完整保存。")
		if appeal != "" {
			d.Para(appeal)
		} else if dept != nil {
			l := letterPlan{dept: dept}
			d.Para(l.enquiry(p.hall()))
		}
		d.SignatureBlock(issuer, today)
		if appeal != "" {
			p.deliverySlip(d, c, title+"（"+ch.Reference+"）", issuer, who)
		}
	})
}
