package printouts

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// adultAge is the age from which an applicant is published: minors are
// never on a public notice.
const adultAge = 18

// NoticeEntry is one line of a public-notice list: only what may be
// published.
type NoticeEntry struct {
	Case     string   // case number, for the record of what was printed; not printed
	Name     string   // the applicant's name
	MaskedID string   // the ID number masked, 610602********1234
	Place    string   // township (street) and village (community) on two lines; no address
	Covered  int      // persons covered (保障人数): the household members the aid is counted for
	Grants   []string // each granted project with its amount: "城市最低生活保障\n每月1,170.00元"
}

// NoticeList is what the public notice of a session publishes and what it
// leaves out.
type NoticeList struct {
	Session string
	Days    int           // the notice period: Days calendar days
	From    casefile.Date // from this day
	To      casefile.Date // to this day, included
	Entries []NoticeEntry
	// Minors are the approved cases left out because the applicant is
	// under 18 on the notice's first day, or has no known birth date.
	Minors []string
	// Superseded are the approved cases whose decision a later session
	// has replaced (reconsideration): the session's approval no longer
	// stands, so it is not published.
	Superseded []string
}

// Numbers returns the case numbers of the entries: the cases whose
// history records the notice.
func (l *NoticeList) Numbers() []string {
	out := make([]string, len(l.Entries))
	for i, e := range l.Entries {
		out[i] = e.Case
	}
	return out
}

// NoticeList returns the public notice of the closed session s issued on
// day today: the applicants of the cases it approved, in agenda order,
// with what was granted, leaving out minors (Person.AgeOn on today) and
// approvals a later session replaced. cases must hold every case the
// session approved (the agenda keeps no birth date nor township); a
// missing one is an error rather than a guess.
func (p *Printer) NoticeList(s *meeting.Session, cases []*casefile.Case, today casefile.Date) (*NoticeList, error) {
	if err := checkSession(s); err != nil {
		return nil, err
	}
	byNumber := make(map[string]*casefile.Case, len(cases))
	for _, c := range cases {
		if c != nil {
			byNumber[c.Number] = c
		}
	}
	days := p.cat.County.NoticeDays
	if days <= 0 {
		days = 7
	}
	l := &NoticeList{Session: s.Number, Days: days, From: today, To: today.AddDays(days - 1)}
	for _, it := range s.Agenda {
		if it.Decision == nil || it.Decision.Result != casefile.StatusApproved {
			continue
		}
		c := byNumber[it.Case]
		if c == nil {
			return nil, ErrIncomplete.Withf("公示名单缺少案件 %s 的案卷，无法核实申请人是否成年",
				"the notice lacks the case file of %s: whether the applicant is an adult cannot be checked", it.Case)
		}
		switch {
		case c.Decision == nil || c.Decision.Session != s.Number:
			l.Superseded = append(l.Superseded, it.Case)
			continue
		case c.Applicant.Birth.IsZero() || c.Applicant.AgeOn(today) < adultAge:
			l.Minors = append(l.Minors, it.Case)
			continue
		}
		e := NoticeEntry{Case: it.Case, Name: applicantName(c), MaskedID: casefile.MaskID(c.Applicant.DocNumber),
			Place: strings.TrimSpace(c.Applicant.Township + "\n" + c.Applicant.Village), Covered: p.cat.Env(c, nil, nil).Covered}
		for _, a := range it.Apps {
			if a.Outcome == casefile.OutcomeGranted {
				e.Grants = append(e.Grants, p.noticeProjectName(a.Project)+"\n"+p.noticeAmount(a))
			}
		}
		l.Entries = append(l.Entries, e)
	}
	return l, nil
}

// noticeAmount is what the notice says was granted for one application:
// the amount with its rhythm, without the period: "每月 1,170.00元",
// "一次性 3,000.00元".
func (p *Printer) noticeAmount(a meeting.ItemApp) string {
	return amountText(p.kindOf(a.Project, a.Kind), a.Granted)
}

// Notice prints the public-notice list (公示名单) of the closed session s,
// issued on day today (the first day of the notice): the approved
// applicants of NoticeList with their masked ID numbers, township and
// village, and the projects and amounts granted; the notice period of
// County.NoticeDays days; the phone for objections; the issuing body and
// date with the seal's place. No address, phone, bank account, birth date
// or full ID number is printed, and no minor.
func (p *Printer) Notice(s *meeting.Session, cases []*casefile.Case, today casefile.Date) ([]byte, error) {
	l, err := p.NoticeList(s, cases, today)
	if err != nil {
		return nil, err
	}
	issuer, err := p.issuer()
	if err != nil {
		return nil, err
	}
	phone := p.cat.County.EnquiryPhone
	if phone == "" {
		return nil, ErrIncomplete.Withf("政策目录未设置咨询电话（county.enquiry_phone），公示须写明反映意见的电话",
			"the catalogue sets no enquiry phone (county.enquiry_phone), which a notice must give for objections")
	}
	return p.build("公示名单", sessionDoc(s), func(d *Doc) { p.notice(d, s, l, issuer, phone, today) })
}

// notice sets the notice of Notice.
func (p *Printer) notice(d *Doc, s *meeting.Session, l *NoticeList, issuer, phone string, today casefile.Date) {
	d.Title("社会救助拟救助对象公示")
	if len(l.Entries) > 0 {
		d.Para(fmt.Sprintf("经%s综合研判会（%s）研判，拟对下列%d名申请人给予社会救助，现予公示。"+
			"公示期满无异议或者异议不成立的，按下列项目和金额给予救助；异议成立的，重新调查核实后另行研判。",
			s.Date.Chinese(), s.Number, len(l.Entries)))
	} else {
		d.Para(fmt.Sprintf("经%s综合研判会（%s）研判，本次没有需要公示的救助对象。", s.Date.Chinese(), s.Number))
	}
	d.Para(fmt.Sprintf("公示期为%d天，自%s至%s。公示期内，对公示对象有异议的，可以向%s反映（电话：%s），也可以来信来访反映。"+
		"反映情况应当实事求是，我们将对反映人的信息严格保密。",
		l.Days, l.From.Chinese(), l.To.Chinese(), p.hall(), phone))
	d.Para("依照个人信息保护的规定，本名单中的公民身份号码已作隐藏处理，未成年人信息不予公示。")
	if len(l.Entries) > 0 {
		rows := make([][]string, len(l.Entries))
		for i, e := range l.Entries {
			place := e.Place
			if place == "" {
				place = "—"
			}
			covered := "—"
			if e.Covered > 0 {
				covered = strconv.Itoa(e.Covered)
			}
			rows[i] = []string{e.Name, e.MaskedID, place, covered, strings.Join(e.Grants, "\n")}
		}
		// Widths in points of the 442 pt line (cells pad 5 pt a side): a
		// masked ID number whole, three-character names, four-character
		// townships and villages, two-character heads, eight-character
		// project names and "一次性 20,000.00元" on one line each. There is
		// no room for a serial number as well: the list runs in agenda
		// order and the intro gives the count.
		d.Table([]Column{{Head: "姓名", Width: 52, Align: AlignCenter},
			{Head: "身份证号", Width: 149, Align: AlignCenter}, {Head: "乡镇\n村居", Width: 66},
			{Head: "保障\n人数", Width: 38, Align: AlignCenter}, {Head: "救助项目及金额", Width: 137}}, rows)
	}
	d.SignatureBlock(issuer, today)
}
