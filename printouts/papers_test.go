package printouts

import (
	"regexp"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// The papers of the "documents" issue: the intake receipt with its check
// code, the minutes and the public-notice list, read back with pdftotext
// and checked against the rules (DOMAIN.md, Documents), with their first
// pages kept as goldens under testdata/TestPapers.

// testSealKey is a fixed seal key, so that the receipt's QR code (and
// its golden page) does not change between runs.
var testSealKey = []byte("0123456789abcdef0123456789abcdef")

// dumpPaper writes pdf to $PAPERS_OUT/name.pdf when PAPERS_OUT is set, to
// look at the pages by hand (pdftoppm -png -r 60).
func dumpPaper(t *testing.T, name string, pdf []byte) { dumpPDF(t, "PAPERS_OUT", name, pdf) }

// bareNoCarer finds 无人抚养 not preceded by 事实: the status is "事实无人抚养".
var bareNoCarer = regexp.MustCompile(`(^|[^实])无人抚养`)

// TestPapers checks the three papers; their first pages are the goldens
// testdata/TestPapers/{receipt,minutes,notice}.png (-update rewrites
// them: look at them first).
func TestPapers(t *testing.T) {
	t.Run("receipt", testPapersReceipt)
	t.Run("minutes", testPapersMinutes)
	t.Run("notice", testPapersNotice)
}

func testPapersReceipt(t *testing.T) {
	p := New(testFont(t), testCatalog(t), WithSealKey(testSealKey))
	c := receivedCase()
	pdf := printed(t)(p.Receipt(c, "张敏", today))
	dumpPaper(t, "receipt", pdf)
	text := pdfText(t, pdf)
	all := body(text)
	wantAll(t, "receipt", all,
		"受理人张敏", // the officer's real name, as given
		// The day the case was received, not the day of printing (29
		// November); the promised date is the case's deadline.
		"受理日期2026年11月3日",
		"承诺办结时限2026年12月15日前作出决定",
		"示例县融救助中心2026年11月3日",
		"本回执于2026年11月29日补打。",
		"本回执仅证明申请已经受理，不代表审核结果；办理进度可凭案件编号拨打咨询电话查询，本回执真伪可凭右上角二维码或其下的核验码向本中心核对。",
	)
	wantNone(t, "receipt", all, "local:", "扫描右上角二维码查询办理进度")

	// The check code printed is the one of the receipt's facts under the
	// database's key; it holds no personal data.
	m := regexp.MustCompile(`核验码(hall:[0-9-]+:R:[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})`).FindStringSubmatch(all)
	if m == nil {
		t.Fatalf("receipt prints no check code:\n%s", text)
	}
	code, err := ParseCode(m[1])
	if err != nil {
		t.Fatal(err)
	}
	facts := p.ReceiptFacts(c)
	if !code.Matches(testSealKey, facts) || m[1] != SealCode(testSealKey, facts) {
		t.Errorf("the printed code %s does not match the receipt's facts", m[1])
	}
	if strings.Contains(m[1], "王秀兰") || strings.Contains(m[1], "124X") {
		t.Errorf("the check code %s carries personal data", m[1])
	}
	checkPrivacy(t, pdf, text, c)
	// Only the code's caption is outside the text block: under the QR
	// code, in the top margin, flush right.
	var inBlock []word
	for _, w := range pdfWords(t, pdf) {
		if w.text == m[1] || w.text == "核验码" {
			if w.page != 1 || w.xMax > blockRight+1.5 || w.yMin < qrBottom || w.yMax > blockTop {
				t.Errorf("the caption %q at x %.1f–%.1f, y %.1f–%.1f is not under the QR code", w.text, w.xMin, w.xMax, w.yMin, w.yMax)
			}
			continue
		}
		inBlock = append(inBlock, w)
	}
	checkInBlock(t, inBlock)
	checkNoOverlap(t, pdfWords(t, pdf))
	if pages := strings.Count(strings.TrimRight(text, "\f"), "\f") + 1; pages != 1 {
		t.Errorf("receipt has %d pages, want 1", pages)
	}
	checkGoldenPage(t, pdf, "TestPapers")
}

// TestPapersReceiptUnsealed: without a seal key the receipt promises no
// check, and still no progress lookup by QR code.
func TestPapersReceiptUnsealed(t *testing.T) {
	pdf := printed(t)(testPrinter(t).Receipt(receivedCase(), "", today))
	all := body(pdfText(t, pdf))
	wantNone(t, "unsealed receipt", all, "核验码", "真伪", "二维码查询", "张敏")
	wantAll(t, "unsealed receipt", all, "受理人（签名）")
}

// TestSealCodes: a code matches only its facts under its key; any change
// of a fact, of the key or of a character of the code fails.
func TestSealCodes(t *testing.T) {
	p := testPrinter(t)
	c := receivedCase()
	facts := p.ReceiptFacts(c)
	printed := SealCode(testSealKey, facts)
	if !regexp.MustCompile(`^hall:2026-000123:R:[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$`).MatchString(printed) {
		t.Fatalf("SealCode = %q", printed)
	}
	ok := func(s string, key []byte, f Facts) bool {
		code, err := ParseCode(s)
		return err == nil && code.Matches(key, f)
	}
	if !ok(printed, testSealKey, facts) || !ok(" QR-Code:"+strings.ToLower(printed)+"\n", testSealKey, facts) ||
		!ok("核验码 "+printed, testSealKey, facts) {
		t.Errorf("%s does not match its own facts", printed)
	}
	// Each character of the check changed in turn.
	head := len("hall:2026-000123:R:")
	for i := head; i < len(printed); i++ {
		if printed[i] == '-' {
			continue
		}
		r := byte('Z')
		if printed[i] == 'Z' {
			r = 'Y'
		}
		bad := printed[:i] + string(r) + printed[i+1:]
		if ok(bad, testSealKey, facts) {
			t.Errorf("%s (character %d changed) matches", bad, i)
		}
	}
	// Each fact changed in turn.
	for name, change := range map[string]func(c *casefile.Case){
		"deadline": func(c *casefile.Case) { c.Deadline = c.Deadline.AddDays(1) },
		"received": func(c *casefile.Case) { c.Received = c.Received.AddDate(0, 0, -1) },
		"projects": func(c *casefile.Case) { c.Apps = c.Apps[:2] },
		"name":     func(c *casefile.Case) { c.Applicant.Name = "王秀英" },
		"id":       func(c *casefile.Case) { c.Applicant.DocNumber = liuID },
	} {
		c := receivedCase()
		change(c)
		if ok(printed, testSealKey, p.ReceiptFacts(c)) {
			t.Errorf("the code still matches with the %s changed", name)
		}
	}
	if ok(printed, []byte("another database's key, 32 bytes"), facts) || ok(printed, nil, facts) {
		t.Error("the code matches under another key")
	}
	for _, bad := range []string{"", "hall:2026-000123", "hall:2026-000123:X:0000-0000-0000-0000",
		"hall:2026-000123:R:0000-0000-0000", "hall:2026-000123:R:UUUU-0000-0000-0000", "http://x/2026-000123"} {
		if _, err := ParseCode(bad); err == nil {
			t.Errorf("ParseCode(%q) took it", bad)
		}
	}
}

func testPapersMinutes(t *testing.T) {
	p := testPrinter(t)
	s := closedSession()
	pdf := printed(t)(p.Minutes(s, nil, today))
	dumpPaper(t, "minutes", pdf)
	all := body(pdfText(t, pdf))
	wantAll(t, "minutes", all,
		// The tallies are facts of the minutes.
		"表决结果：应到6人，出席4人，回避1人，参加表决3人；同意1票，不同意2票，弃权0票。",
		// Every member present at the votes signs: 王建国 chairs, 李秀兰,
		// 张志强 and 刘海燕 vote, 郭冬梅 records. 陈卫东 was absent and
		// 杨丽华 left before the votes.
		"主持人王建国年月日委员李秀兰年月日委员张志强年月日委员刘海燕年月日记录人郭冬梅年月日",
		// Monthly amounts and one-off amounts apart, never one sum:
		// monthly 1,170.00 (dibao) + 1,250.00 (orphan) = 2,420.00, over 12
		// months each 29,040.00; one-off 5,000.00 + 2,000.00 = 7,000.00.
		"准予城市最低生活保障每月 1,170.00元，自2026年12月起，共12个月；大学新生入学资助一次性 5,000.00元。",
		"按月发放2项，每月合计 2,420.00元，救助期内合计 29,040.00元；一次性发放2项，合计 7,000.00元。",
		// One money format, also inside recorded reasons.
		"核对人均月收入 1,050.00元，高于标准 790.00元（高出 260.00元）",
	)
	// The catalogue's rules (present * 2 > members, agree * 2 > voting)
	// in words, down the first table's values.
	values := columnText(t, pdf, 0.22, 1)
	for _, want := range []string{"实到委员超过应到委员半数。应到6人，实到4人，达到法定人数", "同意票超过参加表决委员半数，为通过"} {
		if !strings.Contains(values, want) {
			t.Errorf("minutes lack %q:\n%s", want, values)
		}
	}
	wantNone(t, "minutes", all, "×", "＞", "≥", "核定金额合计", "9,420.00", "36,040.00",
		"1050.00", "5000.00", "杨丽华年月日", "陈卫东年月日")
	if bareNoCarer.MatchString(all) {
		t.Error("the minutes say 无人抚养 without 事实")
	}
	checkGoldenPage(t, pdf, "TestPapers")
}

// TestPapersMinutesNoCarer: the child allowance reads 事实无人抚养 on
// paper, never 无人抚养 alone.
func TestPapersMinutesNoCarer(t *testing.T) {
	p := testPrinter(t)
	s := closedSession()
	s.Agenda = s.Agenda[3:4] // the orphan: now a child without a carer
	s.Agenda[0].Apps[0].Project = "MZ-08"
	pdf := printed(t)(p.Minutes(s, nil, today))
	all := body(pdfText(t, pdf))
	wantAll(t, "minutes", all, "事实无人抚养儿童基本生活补贴每月 1,250.00元")
	if bareNoCarer.MatchString(all) {
		t.Error("the minutes say 无人抚养 without 事实")
	}
}

func testPapersNotice(t *testing.T) {
	p := testPrinter(t)
	s, cases := closedSession(), sessionCases()
	pdf := printed(t)(p.Notice(s, cases, today))
	dumpPaper(t, "notice", pdf)
	text := pdfText(t, pdf)
	all := body(text)
	wantAll(t, "notice", all,
		"拟对下列2名申请人给予社会救助，现予公示。",
	)
	for _, c := range []struct {
		from, to float64
		want     string
	}{
		{0, noticeID, "姓名王秀兰孙桂兰"},
		{noticeID, noticePlace, "身份证号610602********124X" + casefile.MaskID(sunID)},
		// 王秀兰's household of three is covered; 孙桂兰 lives alone.
		{noticeCovered, noticeGrant, "保障人数31"},
		// Monthly dibao and one-off grants apart, each with its rhythm.
		{noticeGrant, 1, "城市最低生活保障每月1,170.00元大学新生入学资助一次性5,000.00元支出型临时救助一次性2,000.00元"},
	} {
		if got := columnText(t, pdf, c.from, c.to); !strings.Contains(got, c.want) {
			t.Errorf("notice column at %.2f–%.2f\n got %q\nwant …%q…", c.from, c.to, got, c.want)
		}
	}
	// Minors omitted; no address, phone, birth date, full ID number.
	wantNone(t, "notice", all, "周小雨", casefile.MaskID(zhouID), "幸福巷", "三组45号", "13912345678",
		"1,170.00元5,000.00", "6,170.00")
	for _, c := range cases {
		checkPrivacy(t, pdf, text, c)
		for _, m := range c.Household.Members {
			for _, leak := range birthForms(m.Person.Birth) {
				if strings.Contains(all, flat(leak)) {
					t.Errorf("the notice prints the birth date %q of %s", leak, m.Person.Name)
				}
			}
		}
	}
	checkGoldenPage(t, pdf, "TestPapers")
}

func TestPaperMoney(t *testing.T) {
	for in, want := range map[string]string{
		"核对人均月收入 1050.00 元，高于标准 790.00 元": "核对人均月收入 1,050.00元，高于标准 790.00元",
		"已准予「大学新生入学资助」5000.00元":           "已准予「大学新生入学资助」5,000.00元",
		"每月 1,170.00元":                 "每月 1,170.00元",
		"身份证号610602********124X，2026年": "身份证号610602********124X，2026年",
	} {
		if got := paperMoney(in); got != want {
			t.Errorf("paperMoney(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAmountText(t *testing.T) {
	for _, c := range []struct {
		kind casefile.ProjectKind
		m    casefile.Money
		want string
	}{
		{casefile.KindMonthly, 62000, "每月 620.00元"},
		{casefile.KindOneOff, 300000, "一次性 3,000.00元"},
		{casefile.KindMedicalShare, 123456, "一次性 1,234.56元"},
		{casefile.KindStatus, 0, "予以认定"},
		{casefile.KindLoan, 800000, "贷款额度 8,000.00元"},
	} {
		if got := amountText(c.kind, c.m); got != c.want {
			t.Errorf("amountText(%s, %d) = %q, want %q", c.kind, c.m, got, c.want)
		}
	}
	_ = meeting.ItemApp{}
}

// TestPapersReceiptMinor: a child's receipt goes to the guardian; the
// child is named as the person applied for.
func TestPapersReceiptMinor(t *testing.T) {
	p := New(testFont(t), testCatalog(t), WithSealKey(testSealKey))
	c := minorCase() // 周小雨, 14
	c.Applicant.GuardianName = "周建华"
	pdf, text := printedText(t)(p.Receipt(c, "张敏", today))
	all := body(text)
	wantAll(t, "receipt", all,
		"周建华：你于2026年11月6日为周小雨提交的社会救助申请，本中心已予受理。",
		"监护人周建华",
	)
	split := blockLeft + 0.28*blockWidth
	values := flat(pdfTextArea(t, pdf, 1, split, blockTop, blockRight-split, blockHeight))
	wantAll(t, "receipt", values, "周小雨（身份证号"+casefile.MaskID(zhouID)+"，未成年人）")
	if pages := strings.Count(strings.TrimRight(text, "\f"), "\f") + 1; pages != 1 {
		t.Errorf("receipt has %d pages, want 1", pages)
	}
	// Without a recorded guardian, the receipt is addressed to the
	// child's guardian all the same.
	c.Applicant.GuardianName = ""
	pdf = printed(t)(p.Receipt(c, "张敏", today))
	wantAll(t, "receipt", body(pdfText(t, pdf)), "周小雨的监护人：", "监护人（未登记）")
}

// TestReceiptOpening: nobody handed in a case the hall found itself or a
// department referred; the receipt says how it was received.
func TestReceiptOpening(t *testing.T) {
	p := testPrinter(t)
	for ch, want := range map[casefile.Channel]string{
		casefile.ChannelWindow:     "你于2026年11月3日提交的社会救助申请，本中心已予受理。有关事项告知如下：",
		casefile.ChannelTownship:   "你于2026年11月3日提交的社会救助申请，本中心已予受理。有关事项告知如下：",
		casefile.ChannelOutreach:   "经本中心主动发现，你的社会救助事项已于2026年11月3日受理。有关事项告知如下：",
		casefile.ChannelDepartment: "经有关部门转介，你的社会救助事项已于2026年11月3日受理。有关事项告知如下：",
	} {
		c := receivedCase()
		c.Channel = ch
		pdf := printed(t)(p.Receipt(c, "张敏", today))
		wantAll(t, "receipt "+string(ch), body(pdfText(t, pdf)), want)
	}
}
