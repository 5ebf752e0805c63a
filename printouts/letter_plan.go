package printouts

import (
	"fmt"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// letterPlan is one letter of a decided case: the applications of one
// issuing body, granted and declined.
type letterPlan struct {
	dept     *casefile.Department // nil: the county's issuing body
	issuer   string               // full official name
	granted  []casefile.Application
	declined []casefile.Application
	ref      string
	appeal   string
}

// planLetters groups the decided applications of c into letters: one
// per issuing body for what it granted (an approval), then one per
// issuing body for what it refused (a rejection notice, with its own
// reference and the rights of appeal), each in the order the
// applications were made. A decision is per project, so a case may get
// both. On a rejected case every application is refused.
func (p *Printer) planLetters(c *casefile.Case, rejected bool) []letterPlan {
	var out []letterPlan
	index := map[string]int{}
	for _, pass := range []bool{true, false} {
		for _, a := range c.Apps {
			granted := !rejected && a.Outcome == casefile.OutcomeGranted
			declined := rejected || a.Outcome == casefile.OutcomeDeclined
			if granted != pass || !granted && !declined {
				continue
			}
			var dept *casefile.Department
			if pr := p.cat.Project(a.Project); pr != nil {
				dept = p.cat.IssuerOf(pr)
			}
			key := fmt.Sprint(granted)
			if dept != nil {
				key += dept.Key
			}
			i, ok := index[key]
			if !ok {
				i = len(out)
				index[key] = i
				out = append(out, letterPlan{dept: dept, issuer: p.issuerOf(dept)})
			}
			if granted {
				out[i].granted = append(out[i].granted, a)
			} else {
				out[i].declined = append(out[i].declined, a)
			}
		}
	}
	if len(out) == 0 {
		out = append(out, letterPlan{issuer: p.issuerOf(nil)})
	}
	return out
}

// issuerOf is the full official name of dept, or the county's issuing
// body for a project the catalogue does not place.
func (p *Printer) issuerOf(dept *casefile.Department) string {
	if dept != nil {
		return dept.Official()
	}
	if s, err := p.issuer(); err == nil {
		return s
	}
	return p.hall()
}

func anyGranted(ls []letterPlan) bool {
	for _, l := range ls {
		if len(l.granted) > 0 {
			return true
		}
	}
	return false
}

// all is the letter's applications, granted first.
func (l *letterPlan) all() []casefile.Application {
	return append(append([]casefile.Application(nil), l.granted...), l.declined...)
}

// administrative reports whether the letter is an administrative
// decision (a government department's), with rights of appeal.
func (l *letterPlan) administrative() bool { return l.dept == nil || l.dept.Administrative() }

func (l *letterPlan) issuerName() string { return l.issuer }

// title is 救助决定书, 不予救助告知书, 资助通知 or 不予资助通知.
func (l *letterPlan) title() string {
	switch {
	case l.administrative() && len(l.granted) > 0:
		return "救助决定书"
	case l.administrative():
		return rejectionTitle
	case len(l.granted) > 0:
		return "资助通知"
	}
	return "不予资助通知"
}

const rejectionTitle = "不予救助告知书"

// docName is how the appeal sentence names the letter.
func (l *letterPlan) docName() string {
	if len(l.granted) > 0 {
		return "本决定书"
	}
	return "本告知书"
}

func (l *letterPlan) basisHeading() string {
	if l.administrative() {
		return "决定依据"
	}
	return "资助依据"
}

// enquiry tells the recipient of a people's organisation's notice that it
// is not an administrative decision, and whom to ask.
func (l *letterPlan) enquiry(hall string) string {
	who := l.issuer
	if l.dept != nil && l.dept.EnquiryOffice != "" {
		who += "（" + l.dept.EnquiryOffice
		if l.dept.EnquiryPhone != "" {
			who += "，电话：" + l.dept.EnquiryPhone
		}
		who += "）"
	} else if l.dept != nil && l.dept.EnquiryPhone != "" {
		who += "（电话：" + l.dept.EnquiryPhone + "）"
	}
	kind := "人民团体"
	if l.dept != nil && l.dept.Kind == casefile.DeptCharity {
		kind = "慈善组织"
	}
	return fmt.Sprintf("本项目由%s（%s）按其资助项目规定实施，%s为受理窗口。本通知不是行政决定。对资助事项有疑问的，可以向%s咨询。",
		l.issuer, kind, hall, who)
}

// letterReference is the reference of a letter of c: the decision's own
// (Reference), or for the rejection notice of what an approval refused
// the decision's NoticeReference; for a people's organisation's notice, which is no
// decision, the 资 kind (示融救资〔2026〕203号); a second letter with the
// same reference gets a suffix (示融救决〔2026〕201-2号). used holds the
// references given so far.
func (p *Printer) letterReference(c *casefile.Case, l *letterPlan, used map[string]int) string {
	ref := p.Reference(c)
	if len(l.granted) == 0 && c.Decision != nil && c.Decision.Result != casefile.StatusRejected {
		// The rejection notice of the projects refused by an approval.
		ref = c.Decision.NoticeReference
		if ref == "" {
			year, n := caseYearSeq(c)
			ref = fmt.Sprintf("%s告〔%d〕%d号", p.cat.County.ReferencePrefix, year, n)
		}
	}
	if !l.administrative() {
		year, n := caseYearSeq(c)
		ref = fmt.Sprintf("%s资〔%d〕%d号", p.cat.County.ReferencePrefix, year, n)
	}
	used[ref]++
	if k := used[ref]; k > 1 {
		return fmt.Sprintf("%s-%d号", strings.TrimSuffix(ref, "号"), k)
	}
	return ref
}

// noticed reports whether a granted project of l was publicly noticed
// before approval.
func (p *Printer) noticed(l *letterPlan) bool {
	for _, a := range l.granted {
		if pr := p.cat.Project(a.Project); pr != nil && pr.NoticeBeforeApproval {
			return true
		}
	}
	return false
}

// basisText cites the legal basis of the letter's projects, each
// project's own when they differ: "根据《社会救助暂行办法》第九条至第十三
// 条……的规定，作出上述决定。", or "城市最低生活保障依据……；支出型临时救
// 助依据……。".
func (p *Printer) basisText(l *letterPlan) string {
	verb := "作出上述决定"
	switch {
	case len(l.granted) == 0 && l.administrative():
		verb = "决定对你的申请不予救助"
	case len(l.granted) == 0:
		verb = "决定不予资助"
	case !l.administrative():
		verb = "作出上述资助安排"
	}
	type cite struct{ names, basis string }
	var cites []cite
	for _, a := range l.all() {
		pr := p.cat.Project(a.Project)
		if pr == nil || pr.LegalBasis == "" {
			continue
		}
		found := false
		for i := range cites {
			if cites[i].basis == pr.LegalBasis {
				if !strings.Contains(cites[i].names, pr.Name) {
					cites[i].names += "、" + pr.Name
				}
				found = true
			}
		}
		if !found {
			cites = append(cites, cite{pr.Name, pr.LegalBasis})
		}
	}
	switch len(cites) {
	case 0:
		return "根据社会救助有关规定，" + verb + "。"
	case 1:
		return "根据" + cites[0].basis + "的规定，" + verb + "。"
	}
	var parts []string
	for _, c := range cites {
		parts = append(parts, c.names+"依据"+c.basis)
	}
	return strings.Join(parts, "；") + "。据此" + verb + "。"
}
