package printouts

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// Columns of the notice's table, as shares of the text block's width.
const (
	noticeID      = 52.0 / 442
	noticePlace   = 201.0 / 442
	noticeCovered = 267.0 / 442
	noticeGrant   = 305.0 / 442
)

// birthForms are the ways a birth date could be written on a page.
func birthForms(d casefile.Date) []string {
	return []string{d.Chinese(), d.String(), fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day),
		fmt.Sprintf("%d年%d月", d.Year, int(d.Month))}
}

func TestNotice(t *testing.T) {
	p := testPrinter(t)
	s, cases := closedSession(), sessionCases()
	pdf, text := printedText(t)(p.Notice(s, cases, today))
	all := body(text)
	wantAll(t, "notice", text,
		"社会救助拟救助对象公示",
		// Published before the approval takes effect: proposed, not decided.
		"经2026年11月27日综合研判会（YH2026-011）研判，拟对下列2名申请人给予社会救助，现予公示。",
		"公示期为7天，自2026年11月29日至2026年12月5日。",
		"公示期内，对公示对象有异议的，可以向示例县融救助中心反映（电话：0912-1234567），也可以来信来访反映。",
		"本名单中的公民身份号码已作隐藏处理，未成年人信息不予公示。",
		"示例县民政局2026年11月29日",
	)
	for _, c := range []struct {
		from, to float64
		want     string
	}{
		{0, noticeID, "姓名王秀兰孙桂兰"},
		{noticeID, noticePlace, "身份证号" + casefile.MaskID(wangID) + casefile.MaskID(sunID)},
		{noticePlace, noticeCovered, "乡镇村居城关街道东关社区河西镇柳湾村"},
		// 王秀兰's household of three is covered; 孙桂兰 lives alone.
		{noticeCovered, noticeGrant, "保障人数31"},
		// Monthly and one-off amounts apart, each with its rhythm.
		{noticeGrant, 1, "救助项目及金额城市最低生活保障每月1,170.00元大学新生入学资助一次性5,000.00元支出型临时救助一次性2,000.00元"},
	} {
		// Paragraphs cross every column; the table's column reads as one
		// run within it.
		if got := columnText(t, pdf, c.from, c.to); !strings.Contains(got, c.want) {
			t.Errorf("notice column at %.2f–%.2f\n got %q\nwant …%q…", c.from, c.to, got, c.want)
		}
	}
	if !strings.Contains(all, "610602********124X") || !strings.Contains(all, casefile.MaskID(sunID)) {
		t.Error("the masked ID numbers are not printed")
	}

	// The minor's approved case is not there at all; nor are the
	// rejected and deferred ones.
	for _, absent := range []string{"周小雨", casefile.MaskID(zhouID), "孤儿基本生活保障金", "1,250.00",
		"李建国", "赵志刚", casefile.MaskID(liID), casefile.MaskID(zhaoID)} {
		if strings.Contains(all, flat(absent)) {
			t.Errorf("the notice prints %q", absent)
		}
	}
	// No full ID number, phone, address, birth date, bank account of
	// anyone in the session's cases.
	for _, c := range cases {
		checkPrivacy(t, pdf, text, c)
		for _, m := range c.Household.Members {
			person := m.Person
			for _, leak := range append(birthForms(person.Birth), person.DocNumber, person.Address, person.Phone) {
				if leak != "" && strings.Contains(all, flat(leak)) {
					t.Errorf("the notice prints %q of %s", leak, person.Name)
				}
			}
		}
	}
	for _, leak := range []string{"幸福巷", "三组45号", "13912345678", "银行"} {
		if strings.Contains(all, leak) {
			t.Errorf("the notice prints %q", leak)
		}
	}
	checkLayout(t, pdf)
}

func TestNoticeList(t *testing.T) {
	p := testPrinter(t)
	s, cases := closedSession(), sessionCases()
	l, err := p.NoticeList(s, cases, today)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := l.Numbers(), []string{"2026-000123", "2026-000100"}; !slices.Equal(got, want) {
		t.Errorf("notice lists %v, want %v", got, want)
	}
	if !slices.Equal(l.Minors, []string{"2026-000126"}) || len(l.Superseded) != 0 {
		t.Errorf("minors %v, superseded %v", l.Minors, l.Superseded)
	}
	if l.Days != 7 || l.From != today || l.To != (casefile.Date{Year: 2026, Month: 12, Day: 5}) {
		t.Errorf("notice period %d days, %s to %s", l.Days, l.From, l.To)
	}
	want := NoticeEntry{Case: "2026-000123", Name: "王秀兰", MaskedID: "610602********124X", Place: "城关街道\n东关社区",
		Covered: 3, Grants: []string{"城市最低生活保障\n每月 1,170.00元", "大学新生入学资助\n一次性 5,000.00元"}}
	if got := l.Entries[0]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("first entry\n got %+v\nwant %+v", got, want)
	}

	// Age on the notice's first day: eighteen that day is published, the
	// day before the eighteenth birthday is not; an unknown birth date is
	// not published either.
	for _, tc := range []struct {
		birth casefile.Date
		shown bool
	}{
		{casefile.Date{Year: 2008, Month: 11, Day: 29}, true},
		{casefile.Date{Year: 2008, Month: 11, Day: 30}, false},
		{casefile.Date{}, false},
	} {
		cases := sessionCases()
		cases[0].Applicant.Birth = tc.birth
		l, err := p.NoticeList(s, cases, today)
		if err != nil {
			t.Fatal(err)
		}
		if shown := slices.Contains(l.Numbers(), "2026-000123"); shown != tc.shown {
			t.Errorf("applicant born %s: published %v, want %v", tc.birth, shown, tc.shown)
		}
	}

	// An approval a later session replaced is not published.
	cases = sessionCases()
	cases[4].Decision.Session = "YH2026-012"
	if l, err = p.NoticeList(s, cases, today); err != nil || !slices.Equal(l.Superseded, []string{"2026-000100"}) ||
		slices.Contains(l.Numbers(), "2026-000100") {
		t.Errorf("superseded approval: %+v, %v", l, err)
	}

	cat := testCatalog(t)
	cat.County.NoticeDays = 5
	pdf := printed(t)(New(testFont(t), cat).Notice(s, sessionCases(), today))
	if all := body(pdfText(t, pdf)); !strings.Contains(all, "公示期为5天，自2026年11月29日至2026年12月3日。") {
		t.Errorf("a five-day notice:\n%s", all)
	}
}

func TestNoticeRefusals(t *testing.T) {
	p := testPrinter(t)
	open := closedSession()
	open.Status = meeting.SessionOpen
	if pdf, err := p.Notice(open, sessionCases(), today); pdf != nil || !errors.Is(err, ErrSessionOpen) {
		t.Errorf("notice of an open session: %d bytes, %v", len(pdf), err)
	}
	// Without an approved case's file the notice cannot tell a minor: it
	// refuses rather than guess.
	_, err := p.Notice(closedSession(), sessionCases()[1:], today)
	if !errors.Is(err, ErrIncomplete) || !strings.Contains(casefile.Message(err, casefile.ZH), "2026-000123") {
		t.Errorf("notice without a case file: %v", err)
	}
	cat := testCatalog(t)
	cat.County.EnquiryPhone = ""
	if _, err := New(testFont(t), cat).Notice(closedSession(), sessionCases(), today); !errors.Is(err, ErrIncomplete) {
		t.Errorf("notice without an enquiry phone: %v", err)
	}
}

// TestNoticeEmpty: a session that published nobody says so.
func TestNoticeEmpty(t *testing.T) {
	p := testPrinter(t)
	s := closedSession()
	s.Agenda = s.Agenda[1:4] // the rejection, the deferral, the minor
	pdf := printed(t)(p.Notice(s, sessionCases(), today))
	all := body(pdfText(t, pdf))
	if !strings.Contains(all, "本次没有需要公示的救助对象") || strings.Contains(all, "身份证号") {
		t.Errorf("empty notice:\n%s", all)
	}
}

// TestNoticeHidesHealthInProjectNames: a project whose name reveals
// health or disability is printed under its public name.
func TestNoticeHidesHealthInProjectNames(t *testing.T) {
	cat := testCatalog(t)
	var health *casefile.Project
	for _, p := range cat.Projects {
		if p.Kind == casefile.KindMedicalShare && p.PublicName != "" {
			health = p
			break
		}
	}
	if health == nil {
		t.Fatal("no medical project with a public name in the catalogue")
	}
	s := closedSession()
	for _, it := range s.Agenda {
		if it.Decision != nil && it.Decision.Result == casefile.StatusApproved {
			for i := range it.Apps {
				if it.Apps[i].Outcome == casefile.OutcomeGranted {
					it.Apps[i].Project = health.Code
				}
			}
		}
	}
	l, err := testPrinter(t).NoticeList(s, sessionCases(), today)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries) == 0 {
		t.Fatal("nobody on the notice")
	}
	for _, e := range l.Entries {
		for _, g := range e.Grants {
			if strings.Contains(g, health.Name) || !strings.Contains(g, health.PublicName) {
				t.Errorf("notice grant %q: want the public name %q, not %q", g, health.PublicName, health.Name)
			}
		}
	}
}
