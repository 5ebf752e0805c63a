package frontdesk

// The dossier's "after the decision" section (issue #15): the public
// notice with its days left, objections, deliveries of the letters, the
// payment account (masked), the aid's periods with the running amount
// and the next review, review cases, and an emergency payment with its
// papers due. hall case show prints the same facts (cmd/hall/notify.go).

import (
	"time"

	"github.com/rongjiuzhu/hall/casefile"
)

// lifeLines are the section's lines, none for a case with no life after
// its decision.
func (p *dossierPage) lifeLines() []string {
	c := p.c
	cs := p.d.Case
	l := cs.Life
	periods := cs.AidHistory()
	if l == nil && len(periods) == 0 {
		return nil
	}
	today := c.Today()
	lines := []string{"", c.T(lblLifeHead)}
	add := func(t casefile.Text, args ...any) { lines = append(lines, "  "+c.Tf(t, args...)) }
	if l != nil {
		if l.ReviewOf != "" {
			add(lblLifeReviewOf, l.ReviewOf)
		}
		for _, n := range l.Notices {
			switch {
			case n.Objected:
				add(lblLifeNoticeObjected, n.From.String(), n.Until.String())
			case !n.Ended.IsZero():
				add(lblLifeNoticeEnded, n.From.String(), n.Until.String())
			case n.DaysLeft(today) == 0:
				add(lblLifeNoticeOver, n.From.String(), n.Until.String())
			default:
				add(lblLifeNoticeRunning, n.From.String(), n.Until.String(), n.DaysLeft(today))
			}
		}
		for _, o := range l.Objections {
			by := o.By
			if o.Anonymous {
				by = c.T(lblLifeAnonymous)
			}
			add(lblLifeObjection, o.Date.String(), by, o.Way.Label(c.Lang), o.Reason)
		}
		for _, d := range l.Deliveries {
			letter := d.Letter
			if letter == "" || letter == "decision" {
				letter = c.T(lblLifeDecisionLetter)
			}
			add(lblLifeDelivered, d.Date.String(), letter, d.Method.Label(c.Lang), d.Receiver)
		}
		if acc := l.Account; acc != nil {
			add(lblLifeAccount, acc.Bank, casefile.MaskAccount(acc.Number), acc.Holder)
		}
		for _, pm := range l.Payments {
			if pm.Roll != "urgent" { // the emergency payment has its own line
				add(lblLifePaid, pm.Roll, pm.Project, pm.Amount.Grouped())
			}
		}
		if u := l.Urgent; u != nil {
			switch {
			case !u.DocsIn.IsZero():
				add(lblLifeUrgentDocsIn, u.Paid.String(), u.Amount.Grouped(), u.DocsIn.String())
			case today.After(u.DocsBy):
				add(lblLifeUrgentOverdue, u.Paid.String(), u.Amount.Grouped(), u.DocsBy.String())
			default:
				add(lblLifeUrgentDue, u.Paid.String(), u.Amount.Grouped(), u.DocsBy.String())
			}
		}
	}
	running := false
	month := today.Time(time.UTC).Format("2006-01")
	for _, pd := range periods {
		name := pd.Project + " " + c.ProjectName(pd.Project)
		to := pd.To
		if to == "" {
			to = c.T(lblLifeNow)
		}
		if cs.Status.Effective() && pd.From <= month && (pd.To == "" || month <= pd.To) {
			running = true
			add(lblLifeAidRunning, name, pd.Amount.Grouped(), pd.From, to)
		} else {
			add(lblLifeAidPeriod, name, pd.From, to, pd.Amount.Grouped())
		}
		if pd.Kind != "" {
			lines = append(lines, "    "+pd.Kind.Label(c.Lang)+c.T(lblLifeColon)+pd.Why)
		}
	}
	if running {
		if next := c.Catalog.NextReview(cs, today); !next.IsZero() {
			add(lblLifeNextReview, next.String())
		}
	}
	if l != nil && len(l.Reviews) > 0 {
		for _, r := range l.Reviews {
			add(lblLifeReviewCase, r)
		}
	}
	return lines
}

// The section's labels.
var (
	lblLifeHead           = casefile.Text{ZH: "决定之后", EN: "After the decision"}
	lblLifeReviewOf       = casefile.Text{ZH: "复核案件，复核 %s", EN: "review of %s"}
	lblLifeReviewCase     = casefile.Text{ZH: "复核案件 %s", EN: "review case %s"}
	lblLifeNoticeRunning  = casefile.Text{ZH: "公示 %s 至 %s，剩 %d 天", EN: "notice %s to %s, %d days left"}
	lblLifeNoticeOver     = casefile.Text{ZH: "公示 %s 至 %s，已期满待生效", EN: "notice %s to %s, ended, to take effect"}
	lblLifeNoticeEnded    = casefile.Text{ZH: "公示 %s 至 %s，期满生效", EN: "notice %s to %s, ended, in effect"}
	lblLifeNoticeObjected = casefile.Text{ZH: "公示 %s 至 %s，因异议中止", EN: "notice %s to %s, stopped by an objection"}
	lblLifeDecisionLetter = casefile.Text{ZH: "决定书", EN: "the decision letter"}
	lblLifeAnonymous      = casefile.Text{ZH: "匿名", EN: "anonymous"}
	lblLifeObjection      = casefile.Text{ZH: "异议 %s  %s  %s  %s", EN: "objection %s  %s  %s  %s"}
	lblLifeDelivered      = casefile.Text{ZH: "送达 %s  %s  %s  签收人 %s", EN: "delivered %s  %s  %s  to %s"}
	lblLifeAccount        = casefile.Text{ZH: "发放账户 %s %s  户名 %s", EN: "account %s %s  holder %s"}
	lblLifePaid           = casefile.Text{ZH: "已发放 %s  %s  %s 元", EN: "paid %s  %s  %s yuan"}
	lblLifeUrgentDue      = casefile.Text{ZH: "先行救助 %s  %s 元  手续须于 %s 前补齐", EN: "paid first %s  %s yuan  papers due by %s"}
	lblLifeUrgentOverdue  = casefile.Text{ZH: "先行救助 %s  %s 元  手续逾期（应于 %s 前补齐）", EN: "paid first %s  %s yuan  papers overdue (due by %s)"}
	lblLifeUrgentDocsIn   = casefile.Text{ZH: "先行救助 %s  %s 元  手续已于 %s 补齐", EN: "paid first %s  %s yuan  papers in on %s"}
	lblLifeAidRunning     = casefile.Text{ZH: "在享救助 %s  每月 %s 元，%s 至 %s", EN: "running aid %s  %s yuan a month, %s to %s"}
	lblLifeAidPeriod      = casefile.Text{ZH: "救助 %s  %s 至 %s  每月 %s 元", EN: "aid %s  %s to %s  %s yuan a month"}
	lblLifeNow            = casefile.Text{ZH: "至今", EN: "now"}
	lblLifeColon          = casefile.Text{ZH: "：", EN: ": "}
	lblLifeNextReview     = casefile.Text{ZH: "下次复核 %s", EN: "next review %s"}
)
