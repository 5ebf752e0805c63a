package printouts

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// kindOf is the kind of project code: the catalogue's, else recorded.
func (p *Printer) kindOf(code string, recorded casefile.ProjectKind) casefile.ProjectKind {
	if pr := p.cat.Project(code); pr != nil {
		return pr.Kind
	}
	if recorded == "" {
		return casefile.KindOneOff
	}
	return recorded
}

// paidMonthly and paidOnce say how a kind of project pays: money every
// month, or money once (a medical share is paid once). Status, service
// and loan projects pay no grant of their own.
func paidMonthly(k casefile.ProjectKind) bool { return k == casefile.KindMonthly }
func paidOnce(k casefile.ProjectKind) bool {
	return k == casefile.KindOneOff || k == casefile.KindMedicalShare
}

// amountText is an amount of a project of kind k as the minutes and the
// notice print it, its rhythm first: "每月 620.00元", "一次性 3,000.00元",
// "予以认定"; monthly and one-off amounts are never written as one sum.
func amountText(k casefile.ProjectKind, m casefile.Money) string {
	switch k {
	case casefile.KindMonthly:
		return "每月 " + m.Paper()
	case casefile.KindStatus:
		return "予以认定"
	case casefile.KindService:
		if m > 0 {
			return "救助服务，折合 " + m.Paper()
		}
		return "提供救助服务"
	case casefile.KindLoan:
		return "贷款额度 " + m.Paper()
	}
	return "一次性 " + m.Paper()
}

// grantWords is what was granted on one application, with the period of
// a monthly grant: "每月 1,170.00元，自2026年12月起，共12个月".
func (p *Printer) grantWords(a meeting.ItemApp) string {
	k := p.kindOf(a.Project, a.Kind)
	s := amountText(k, a.Granted)
	if !paidMonthly(k) {
		return s
	}
	if a.StartMonth != "" {
		s += "，自" + chineseMonth(a.StartMonth) + "起"
	} else {
		s += "，自决定作出的次月起"
	}
	months := a.Months
	if pr := p.cat.Project(a.Project); months == 0 && pr != nil {
		months = pr.Months
	}
	if months > 0 {
		s += "，共" + strconv.Itoa(months) + "个月"
	}
	return s
}

// moneyInText finds amounts written in free text: "5000.00元",
// "1050.00 元", "1,170.00元".
var moneyInText = regexp.MustCompile(`\d[\d,]*\.\d{2}\s*元`)

// paperMoney rewrites the amounts in a reason or finding recorded as free
// text the one way paper writes money (casefile.Money.Paper): "人均月收入 1050.00 元" reads
// "人均月收入 1,050.00元".
func paperMoney(s string) string {
	return moneyInText.ReplaceAllStringFunc(s, func(m string) string {
		num := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m), "元"))
		v, err := casefile.ParseMoney(strings.ReplaceAll(num, ",", ""))
		if err != nil {
			return m
		}
		return v.Paper()
	})
}
