package printouts

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// columnText is the flattened text of every page of pdf between the
// shares from and to of the text block's width: one table column, its
// wrapped cells reading as one string, top to bottom and page after page.
func columnText(t *testing.T, pdf []byte, from, to float64) string {
	t.Helper()
	pages := len(strings.Split(strings.TrimRight(pdfText(t, pdf), "\f"), "\f"))
	var b strings.Builder
	for page := 1; page <= pages; page++ {
		x := blockLeft + from*blockWidth + 1
		b.WriteString(flat(pdfTextArea(t, pdf, page, x, blockTop-2, (to-from)*blockWidth-2, blockHeight+4)))
	}
	return b.String()
}

// heading matches the headings of the minutes: sections and cases.
var heading = regexp.MustCompile(`^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)`)

// checkNoOrphanHeading fails when a page ends with a heading: what it
// introduces begins on the next page.
func checkNoOrphanHeading(t *testing.T, text string) {
	t.Helper()
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	for i, page := range pages[:len(pages)-1] {
		lines := textLines(pageNumber.ReplaceAllString(page, ""))
		if n := len(lines); n > 0 && heading.MatchString(lines[n-1]) {
			t.Errorf("page %d ends with the heading %q", i+1, strings.TrimSpace(lines[n-1]))
		}
	}
}

func TestMinutes(t *testing.T) {
	p := testPrinter(t)
	s := closedSession()
	pdf, text := printedText(t)(p.Minutes(s, nil, today))
	all := body(text)
	wantAll(t, "minutes", text,
		"示例县融救助中心综合研判会会议纪要",
		"（YH2026-011）",
		"2026年11月27日，示例县融救助中心综合研判会在示例县融救助中心三楼会议室召开，研判社会救助申请5件。现将会议情况纪要如下：",
		// Attendance.
		"一、会议基本情况",
		"会议编号YH2026-011",
		"会议时间2026年11月27日",
		"主持人王建国（县民政局）",
		"记录人郭冬梅（县民政局），不参加表决",
		"应到委员6人",
		"缺席委员1人：陈卫东（县红十字会）",
		"中途离会1人：杨丽华（县教育局）",

		// The approval: applicant masked, each project, each vote.
		"二、案件研判情况（一）案件2026-000123",
		"申请人王秀兰，身份证号610602********124X，城市户籍，共同生活家庭成员3人，2026年11月3日受理。",
		"委员部门表决意见理由",
		"王建国县民政局同意李秀兰县残联同意张志强县妇联同意刘海燕县医疗保障局弃权本部门不掌握该户情况",
		"表决结果：应到6人，出席4人，回避0人，参加表决4人；同意3票，不同意0票，弃权1票。",
		"研判决定：批准。准予城市最低生活保障每月 1,170.00元，自2026年12月起，共12个月；大学新生入学资助一次性 5,000.00元。"+
			"困难家庭大学新生救助不予救助，理由见上表。",

		// The rejection: each reason, the recusal and the written reason.
		"（二）案件2026-000124",
		"王建国县民政局不同意人均收入高于低保标准",
		"李秀兰县残联不同意同意核查意见",
		"张志强县妇联同意",
		"刘海燕县医疗保障局回避申请人系本人表兄",
		"表决结果：应到6人，出席4人，回避1人，参加表决3人；同意1票，不同意2票，弃权0票。",
		// The recorded reason's amounts are written the one way paper
		// writes money.
		"研判决定：不予救助。理由：「城市最低生活保障」：核对人均月收入 1,050.00元，高于标准 790.00元（高出 260.00元）。",

		// The deferral by the chair's final word.
		"（三）案件2026-000125",
		"申请人赵志刚，身份证号"+casefile.MaskID(zhaoID)+"，农村户籍，共同生活家庭成员1人，2026年11月5日受理。",
		"张志强县妇联不同意支出票据不全刘海燕县医疗保障局弃权情况不明",
		"研判决定：暂缓。需补充核查：1.补充入户调查，核实实际居住人口；2.调取近12个月银行流水。理由：入户调查情况与申报不一致。"+
			"（按表决规则应为「不予救助」，本决定为主持人最终意见，理由见上。）",

		// The minor: in the minutes, masked like everyone.
		"申请人周小雨，身份证号"+casefile.MaskID(zhouID)+"，城市户籍",
		"研判决定：批准。准予孤儿基本生活保障金每月 1,250.00元，自2026年12月起，共12个月。",

		// The reconsideration.
		"（五）案件2026-000100",
		"本案系对YH2026-009研判会决定的复议，复议理由：申请人补充提交了住院费用票据。",
		"研判决定：批准。准予支出型临时救助一次性 2,000.00元。",

		// The totals, to the fen.
		"三、研判结果汇总",
		"本次会议研判案件5件：批准3件，不予救助1件，暂缓1件，未作决定0件。",
		// Monthly: dibao 1,170.00 and the orphan's 1,250.00 a month, 12
		// months each; one-off: freshman aid 5,000.00 and temporary aid
		// 2,000.00. Never one sum of both.
		"准予救助项目4项：按月发放2项，每月合计 2,420.00元，救助期内合计 29,040.00元；一次性发放2项，合计 7,000.00元。按月发放与一次性发放的金额分别统计，不相加。",
		"（一）按部门汇总",
		"县民政局32,420.00元29,040.00元2,000.00元县教育局1——5,000.00元合计42,420.00元29,040.00元7,000.00元",
		"（二）按项目汇总",

		// The signatures.
		// Every member present signs: the chair, 李秀兰, 张志强, 刘海燕
		// (not 陈卫东, absent, nor 杨丽华, gone before the votes), and the
		// secretary.
		"四、签字职责姓名签字日期主持人王建国年月日委员李秀兰年月日委员张志强年月日委员刘海燕年月日记录人郭冬梅年月日",
		"纪要整理日期：2026年11月29日",
	)

	// Cells of several lines read whole down their column.
	for _, c := range []struct {
		from, to float64
		want     []string
	}{
		{0.22, 1, []string{ // the first table's values
			"4人：王建国（县民政局）、李秀兰（县残联）、张志强（县妇联）、刘海燕（县医疗保障局）",
			// The catalogue's rules in words, not formulas.
			"实到委员超过应到委员半数。应到6人，实到4人，达到法定人数",
			"同意票超过参加表决委员半数，为通过（参加表决委员为出席且未回避的委员）",
		}},
		{0, 0.28, []string{ // the projects, each name on one line
			"申请项目城市最低生活保障大学新生入学资助困难家庭大学新生救助",
		}},
		{0.44, 0.66, []string{ // what was proposed: monthly and one-off apart
			"拟救助金额每月1,170.00元一次性5,000.00元一次性3,000.00元",
			"拟救助金额—", // nothing proposed for the rejected dibao
			"拟救助金额一次性2,000.00元",
		}},
		{0.66, 1, []string{ // the projects' results
			"准予每月1,170.00元准予一次性5,000.00元不予救助：同一救助政策只能享受一次：" +
				"已准予县教育局「大学新生入学资助」5,000.00元，本项不予重复救助。",
		}},
		{0.55, 1, []string{ // the votes' reasons
			"家庭存款情况未说明清楚，暂不宜批准，建议补充银行流水后再议",
		}},
		{0, 0.28, []string{ // the totals by project, in catalogue order
			"城市最低生活保障（县民政局）支出型临时救助（县民政局）孤儿基本生活保障金（县民政局）大学新生入学资助（县教育局）合计",
		}},
		{0.38, 0.60, []string{ // monthly
			"1,170.00元—1,250.00元—2,420.00元",
		}},
		{0.60, 0.80, []string{ // monthly, over the period
			"14,040.00元—15,000.00元—29,040.00元",
		}},
		{0.80, 1, []string{ // one-off
			"—2,000.00元—5,000.00元7,000.00元",
		}},
	} {
		col := columnText(t, pdf, c.from, c.to)
		for _, want := range c.want {
			if !strings.Contains(col, flat(want)) {
				t.Errorf("the column at %.2f–%.2f lacks %q:\n%s", c.from, c.to, want, col)
			}
		}
	}

	checkNoOrphanHeading(t, text)
	for _, c := range sessionCases() {
		checkPrivacy(t, pdf, text, c)
		if a := c.Applicant.Address; strings.Contains(all, flat(a)) {
			t.Errorf("the address of %s is printed", c.Applicant.Name)
		}
	}
	checkLayout(t, pdf)
	checkPDFFont(t, writePDF(t, pdf), testFont(t).Family())
}

// TestMinutesLongTables: a committee of twenty runs a case's vote table
// onto the next page, headings repeated, no heading left at a page's foot.
func TestMinutesLongTables(t *testing.T) {
	p := testPrinter(t)
	s := closedSession()
	it := s.Agenda[0]
	it.Votes = nil
	for i := range 20 {
		m := meeting.Member{ID: uint64(100 + i), Name: "委员" + cnum(i), Department: "charity", Role: meeting.RoleMember}
		s.Members = append(s.Members, m)
		s.Present = append(s.Present, m.ID)
		it.Votes = append(it.Votes, vote(m, meeting.Abstain, "本部门对该户情况不掌握，依规弃权，请经办科室补充说明"))
	}
	pdf, text := printedText(t)(p.Minutes(s, nil, today))
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	seen := 0
	for i, page := range pages {
		if !strings.Contains(flat(page), "县慈善协会弃权") { // a vote of the table
			continue
		}
		seen++
		if !strings.Contains(flat(page), "委员部门表决意见理由") {
			t.Errorf("page %d continues the vote table without its headings:\n%s", i+1, page)
		}
	}
	if seen < 2 {
		t.Errorf("the vote table of twenty members is on %d page(s)", seen)
	}
	if n := strings.Count(columnText(t, pdf, 0.55, 1), "本部门对该户情况不掌握，依规弃权，请经办科室补充说明"); n != 20 {
		t.Errorf("%d of 20 reasons printed", n)
	}
	checkNoOrphanHeading(t, text)
	checkLayout(t, pdf)
}

func TestMinutesRefusals(t *testing.T) {
	p := testPrinter(t)
	open := closedSession()
	open.Status = meeting.SessionOpen
	if pdf, err := p.Minutes(open, nil, today); pdf != nil || !errors.Is(err, ErrSessionOpen) {
		t.Errorf("minutes of an open session: %d bytes, %v", len(pdf), err)
	} else if msg := casefile.Message(err, casefile.ZH); !strings.Contains(msg, "尚未闭会") || !strings.Contains(msg, testSession) {
		t.Errorf("open session message: %q", msg)
	}
	if _, err := p.Minutes(nil, nil, today); !errors.Is(err, ErrIncomplete) {
		t.Errorf("minutes of no session: %v", err)
	}
	other := meeting.Summarize(testCatalog(t), closedSession())
	other.Number = "YH2026-012"
	if _, err := p.Minutes(closedSession(), other, today); !errors.Is(err, ErrIncomplete) {
		t.Errorf("minutes with another session's summary: %v", err)
	}
}

// TestMinutesUndecidedAndEmpty: an item left undecided at the close says
// so, and a session that granted nothing has no totals tables.
func TestMinutesUndecidedAndEmpty(t *testing.T) {
	p := testPrinter(t)
	s := closedSession()
	s.Agenda = s.Agenda[2:3] // the deferral
	s.Agenda[0].Decision = nil
	s.Undecided = []string{s.Agenda[0].Case}
	_, text := printedText(t)(p.Minutes(s, nil, today))
	all := body(text)
	wantAll(t, "minutes", text,
		"2,000.00元",
		"未作决定",
		"研判决定：本次会议未作决定，留待以后的研判会研判。",
		"本次会议研判案件1件：批准0件，不予救助0件，暂缓0件，未作决定1件。",
		"本次会议未准予救助项目。",
	)
	if strings.Contains(all, "按部门汇总") {
		t.Error("totals tables printed for a session that granted nothing")
	}
}

func TestRuleText(t *testing.T) {
	for src, want := range map[string]string{
		"present * 2 > members":      "实到委员超过应到委员半数",
		"agree * 2 > voting":         "同意票超过参加表决委员半数",
		"agree*3>=voting*2":          "同意票达到参加表决委员的三分之二",
		"present * 3 > members * 2 ": "实到委员超过应到委员的三分之二",
		// Other rules read word by word, as casefile words them.
		"agree >= 2 && disagree == 0": "同意票数 ≥ 2 并且 不同意票数 ＝ 0",
	} {
		if got := ruleText(&casefile.CountRule{Source: src}); got != want {
			t.Errorf("ruleText(%q) = %q, want %q", src, got, want)
		}
	}
}

// BenchmarkMinutes prints the minutes of the five-case session.
func BenchmarkMinutes(b *testing.B) {
	p := testPrinter(b)
	s := closedSession()
	sum := meeting.Summarize(p.cat, s)
	benchPrint(b, "bytes/minutes", func() ([]byte, error) { return p.Minutes(s, sum, today) })
}

// TestMinutesMonthlyAndOneOffApart: a case granted 620.00 a month and
// 3,000.00 once shows both amounts apart in its decision and in the
// totals, and never their sum.
func TestMinutesMonthlyAndOneOffApart(t *testing.T) {
	p := testPrinter(t)
	s := closedSession()
	s.Agenda = s.Agenda[:1] // the approval: urban dibao and a freshman grant
	it := s.Agenda[0]
	it.Apps[0].Granted, it.Apps[1].Granted = 62000, 300000
	it.Decision.Amounts = casefile.Amounts{Monthly: 62000, OneOff: 300000}
	pdf, err := p.Minutes(s, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	all := body(pdfText(t, pdf))
	for _, want := range []string{
		"每月 620.00元，自2026年12月起，共12个月",
		"一次性 3,000.00元",
		"按月发放1项，每月合计 620.00元，救助期内合计 7,440.00元",
		"一次性发放1项，合计 3,000.00元",
	} {
		if !strings.Contains(all, flat(want)) {
			t.Errorf("minutes lack %q", want)
		}
	}
	if strings.Contains(all, "3,620.00") || strings.Contains(all, "3620.00") {
		t.Error("the minutes add the monthly and the one-off amount together")
	}
}

// Items 13 and 14 in the minutes: a member who chose otherwise on one
// project has each project's choice in the vote table, the votes are
// counted project by project, and a changed amount is stated with the
// proposal and the reason.
func TestMinutesPerProject(t *testing.T) {
	p := testPrinter(t)
	s := closedSession()
	it := s.Agenda[0]
	it.Votes[1].Projects = map[string]meeting.Choice{"MZ-01": meeting.Disagree}
	it.Votes[1].Reason = "该户有成年子女在外务工，收入未申报"
	it.Decision.Projects = []meeting.ProjectDecision{
		{Project: "MZ-01", Result: casefile.StatusApproved, Proposed: casefile.StatusApproved, Amount: 117000, ProposedAmount: 120000,
			AmountReason: "扣除已领取的临时救助 30 元", Agree: 2, Disagree: 1, Abstain: 1},
		{Project: it.Apps[1].Project, Result: casefile.StatusApproved, Proposed: casefile.StatusApproved, Amount: 500000, ProposedAmount: 500000, Agree: 3, Abstain: 1},
		{Project: it.Apps[2].Project, Result: casefile.StatusRejected, Proposed: casefile.StatusRejected, Reason: it.Apps[2].Reason, Agree: 3, Abstain: 1},
	}
	text := pdfText(t, printed(t)(p.Minutes(s, nil, today)))
	wantAll(t, "minutes", text,
		"城市最低生活保障：",
		"该户有成年子女在外",
		"（拟定每月 1,200.00元）",
		"分项表决：城市最低生活保障同意2票，不同意1票，弃权1票；",
		"城市最低生活保障核定金额由拟定的每月 1,200.00元调整为每月 1,170.00元，理由：扣除已领取的临时救助",
	)
}
