package printouts

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// The letter kinds are printed after the session YH2026-002 of Monday 30
// November 2026; the decisions were typed in on 2 December; the dibao
// notice (7 days) runs to 6 December, so letters are printed on the 7th.
var (
	kindsSession = &meeting.Session{Number: "YH2026-002", Date: casefile.Date{Year: 2026, Month: time.November, Day: 30}}
	typedAt      = time.Date(2026, 12, 2, 16, 0, 0, 0, time.Local)
	letterDay    = casefile.Date{Year: 2026, Month: time.December, Day: 7}
	// approvalDay is the first day approvedCase's dibao letter may be
	// issued: its meeting of 27 November plus the 7 days of notice.
	approvalDay = casefile.Date{Year: 2026, Month: time.December, Day: 4}
)

var (
	kZhouID = idNumber("610602", "19810612", "035") // 周志强
	kChenID = idNumber("610602", "19830304", "027") // 陈丽, his wife
	kSonID  = idNumber("610602", "20140901", "011") // 周小军, their son
	kXuID   = idNumber("610602", "19660120", "044") // 许玉梅
	kMingID = idNumber("610602", "20140716", "013") // 刘小明, 12
	kNanaID = idNumber("610602", "19560208", "028") // 赵桂兰, his grandmother
	kGaoID  = idNumber("610602", "19750418", "019") // 高建设
)

func decided(c *casefile.Case, result casefile.Status, reason string) *casefile.Case {
	c.Status = result
	c.Decision = &casefile.Decision{Session: kindsSession.Number, Result: result, At: typedAt, By: "李卫东", Reason: reason}
	return c
}

func verified(day int, income casefile.Money) []casefile.Evidence {
	d := casefile.Date{Year: 2026, Month: time.November, Day: day}
	return []casefile.Evidence{
		{Kind: casefile.EvIncomeCheck, Department: "civil_affairs", Verifier: "赵红", Date: d, MonthlyIncome: income},
		{Kind: casefile.EvAssetCheck, Department: "civil_affairs", Verifier: "赵红", Date: d, Deposits: 300000, Homes: 1},
		{Kind: casefile.EvHomeVisit, Department: "civil_affairs", Verifier: "孙涛", Date: d.AddDays(2), Passed: passed()},
	}
}

// dibaoCase: 周志强's household of three, urban, counted income 900.00:
// dibao of 620.00 a month and expenditure-driven temporary aid of
// 3,000.00 (civil affairs), and medical aid (medical insurance bureau).
func dibaoCase() *casefile.Case {
	zhou, chen, son := person(kZhouID, "周志强", casefile.Male), person(kChenID, "陈丽", casefile.Female), person(kSonID, "周小军", casefile.Male)
	c := &casefile.Case{
		Seq: 201, Number: "2026-000201", Applicant: zhou,
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{
			{Person: zhou, Relation: casefile.RelationSelf, Incomes: []casefile.Income{{Kind: "wages", Source: "公益性岗位", Monthly: 90000}}},
			{Person: chen, Relation: "配偶"},
			{Person: son, Relation: "子女"},
		}},
		Apps: []casefile.Application{
			{Project: "MZ-01", Outcome: casefile.OutcomeGranted, Granted: 62000, StartMonth: "2027-01", Months: 12},
			{Project: "MZ-06", Requested: 300000, Outcome: casefile.OutcomeGranted, Granted: 300000},
			{Project: "YB-01", Outcome: casefile.OutcomeGranted, Granted: 700000},
		},
		Received: time.Date(2026, 11, 9, 9, 0, 0, 0, time.Local), Officer: "张敏",
		Evidence: append(verified(16, 90000), casefile.Evidence{Kind: casefile.EvMedicalBill, Department: "medical_insurance",
			Date: casefile.Date{Year: 2026, Month: 11, Day: 17}, MedicalTotal: 2500000, InsurancePaid: 1500000, Compliant: 1000000}),
	}
	return decided(c, casefile.StatusApproved, "")
}

// medicalCase: 许玉梅, living alone and holding dibao, granted medical
// aid of 7,000.00: 70% of a compliant personal share of 10,000.00.
func medicalCase() *casefile.Case {
	xu := person(kXuID, "许玉梅", casefile.Female)
	c := &casefile.Case{
		Seq: 202, Number: "2026-000202", Applicant: xu,
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{
			{Person: xu, Relation: casefile.RelationSelf, Incomes: []casefile.Income{{Kind: "social_assistance", Source: "城市低保金", Monthly: 39000}}},
		}},
		Apps:     []casefile.Application{{Project: "YB-01", Outcome: casefile.OutcomeGranted, Granted: 700000}},
		Received: time.Date(2026, 11, 10, 9, 0, 0, 0, time.Local), Officer: "张敏",
		Evidence: []casefile.Evidence{{Kind: casefile.EvMedicalBill, Department: "medical_insurance",
			Date: casefile.Date{Year: 2026, Month: 11, Day: 12}, MedicalTotal: 3200000, InsurancePaid: 2200000, Compliant: 1000000}},
	}
	return decided(c, casefile.StatusApproved, "")
}

// redCrossCase: 高建设, seriously ill, granted the Red Cross's one-off
// serious-illness grant of 5,000.00.
func redCrossCase() *casefile.Case {
	gao := person(kGaoID, "高建设", casefile.Male)
	gao.Flags = []string{casefile.FlagSeriousIllness}
	c := &casefile.Case{
		Seq: 203, Number: "2026-000203", Applicant: gao,
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{
			{Person: gao, Relation: casefile.RelationSelf, Incomes: []casefile.Income{{Kind: "wages", Monthly: 100000}}},
		}},
		Apps:     []casefile.Application{{Project: "HS-01", Outcome: casefile.OutcomeGranted, Granted: 500000}},
		Received: time.Date(2026, 11, 11, 9, 0, 0, 0, time.Local), Officer: "张敏",
		Evidence: append(verified(18, 100000)[:1], casefile.Evidence{Kind: casefile.EvMedicalBill, Department: "red_cross",
			Date: casefile.Date{Year: 2026, Month: 11, Day: 18}, MedicalTotal: 6000000, InsurancePaid: 4000000, Compliant: 1800000}),
	}
	return decided(c, casefile.StatusApproved, "")
}

// childCase: 刘小明, 12, a child in fact without a carer, lives with his
// grandmother 赵桂兰; granted the allowance of 1,250.00 a month.
func childCase() *casefile.Case {
	ming, nana := person(kMingID, "刘小明", casefile.Male), person(kNanaID, "赵桂兰", casefile.Female)
	ming.Flags = []string{casefile.FlagChildWithoutCarer}
	ming.Address = "城关街道西关村3组"
	c := &casefile.Case{
		Seq: 204, Number: "2026-000204", Applicant: ming,
		Household: casefile.Household{Area: casefile.Rural, Members: []casefile.Member{
			{Person: ming, Relation: casefile.RelationSelf},
			{Person: nana, Relation: "祖母", Incomes: []casefile.Income{{Kind: "transfer", Source: "城乡居民养老金", Monthly: 18000}}},
		}},
		Apps: []casefile.Application{{Project: "MZ-08", Outcome: casefile.OutcomeGranted, Granted: 125000,
			StartMonth: "2027-01", Months: 12}},
		Received: time.Date(2026, 11, 12, 9, 0, 0, 0, time.Local), Officer: "张敏",
		Evidence: verified(19, 18000)[2:],
	}
	return decided(c, casefile.StatusApproved, "")
}

// rejectedIncomeCase: 高建设 applied for expenditure-driven temporary aid
// and the Red Cross grant; his wage from a public-welfare post (1,750.00)
// counts, his wife's dibao money (390.00) does not; 1,750.00 per person
// is above the near-dibao line of 1,185.00. The meeting recorded its
// reason with the tally.
func rejectedIncomeCase() *casefile.Case {
	gao := person(kGaoID, "高建设", casefile.Male)
	gao.Flags = []string{casefile.FlagSeriousIllness}
	c := &casefile.Case{
		Seq: 205, Number: "2026-000205", Applicant: gao,
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{
			{Person: gao, Relation: casefile.RelationSelf, Incomes: []casefile.Income{
				{Kind: "wages", Source: "公益性岗位", Monthly: 175000},
				{Kind: "social_assistance", Source: "城市低保金", Monthly: 39000}}},
		}},
		Apps: []casefile.Application{
			{Project: "MZ-06", Requested: 300000, Outcome: casefile.OutcomeDeclined},
			{Project: "HS-01", Outcome: casefile.OutcomeDeclined},
		},
		Received: time.Date(2026, 11, 13, 9, 0, 0, 0, time.Local), Officer: "张敏",
		Evidence: []casefile.Evidence{{Kind: casefile.EvIncomeCheck, Department: "civil_affairs", Verifier: "赵红",
			Date: casefile.Date{Year: 2026, Month: 11, Day: 20}, MonthlyIncome: 175000}},
	}
	return decided(c, casefile.StatusRejected,
		"经综合研判会研判，不予救助：「支出型临时救助」：核对人均月收入 1750.00 元，高于标准 1185.00 元；「红十字大病救助」：核对人均月收入 1750.00 元，高于标准 1185.00 元。表决：同意 5 票，不同意 0 票，弃权 0 票。")
}

// printKind prints c's letters after the session, writing the PDF to
// $LETTER_DUMP when set (to look at it).
func printKind(t *testing.T, name string, c *casefile.Case, in LetterInput) []byte {
	t.Helper()
	if in.Session == nil {
		in.Session = kindsSession
	}
	pdf := printed(t)(testPrinter(t).LetterWith(c, in, letterDay))
	dumpPDF(t, "LETTER_DUMP", name, pdf)
	return pdf
}

// cut splits flat text where mark (the next letter) begins.
func cut(t *testing.T, all, mark string) (before, after string) {
	t.Helper()
	i := strings.Index(all, flat(mark))
	if i < 0 {
		t.Fatalf("no %q in %s", mark, all)
	}
	return all[:i], all[i:]
}

func TestLetterKinds(t *testing.T) {
	t.Run("dibao", func(t *testing.T) {
		pdf := printKind(t, "dibao", dibaoCase(), LetterInput{Holding: []string{"MZ-01"}})
		text := pdfText(t, pdf)
		civil, medical := cut(t, body(text), "示融救决〔2026〕201-2号")
		// One letter per issuing body: civil affairs, then medical insurance.
		wantAll(t, "letter", civil, "救助决定书", "示融救决〔2026〕201号", "周志强：",
			// the meeting's date, not the day the decision was typed
			"并经2026年11月30日综合研判会（YH2026-002）研判并公示期满，现作出如下决定：",
			"周志强工资性收入（公益性岗位）900.00元（计入）",
			"计入家庭收入的月收入合计900.00元，人均月收入300.00元，低于城市最低生活保障标准790.00元；低于城市低保边缘家庭收入标准1,185.00元。",
			"（一）城市最低生活保障：每月620.00元，自2027年1月起，共12个月。",
			"（二）支出型临时救助：一次性发放3,000.00元。",
			"以上合计：每月620.00元；一次性3,000.00元。",
			"城市最低生活保障依据《社会救助暂行办法》第九条至第十三条；《最低生活保障审核确认办法》（民发〔2021〕57号）；《示例县最低生活保障实施细则》；"+
				"支出型临时救助依据《社会救助暂行办法》第四十七条至第四十九条；《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）；《示例县临时救助实施细则》。据此作出上述决定。",
			"示例县民政局2026年12月7日")
		wantNone(t, "letter", civil, "2026年12月2日", "医疗救助", "3,620.00")
		if n := strings.Count(body(text), "救助决定书"); n != 2 {
			t.Errorf("%d decision letters, want 2 (civil affairs, medical insurance)", n)
		}
		wantAll(t, "letter", medical, "示融救决〔2026〕201-2号",
			"（一）医疗救助：一次性发放7,000.00元。",
			"计算依据：医疗费用总额25,000.00元，基本医疗保险和大病保险已支付15,000.00元，政策范围内个人自付费用10,000.00元；"+
				"家庭享受城市最低生活保障，属低保、特困对象，按70%救助，计7,000.00元，未超过年度救助限额60,000.00元。",
			"《社会救助暂行办法》第二十七条至第三十二条",
			"可以自收到本决定书之日起60日内向示例县人民政府申请行政复议，或者在6个月内向示例县人民法院提起行政诉讼。",
			"示例县医疗保障局2026年12月7日")
		wantNone(t, "letter", medical, "第二十五条", "示例县民政局2026")
		checkPrivacy(t, pdf, text, dibaoCase())
		checkLayout(t, pdf)
		checkGoldenPage(t, pdf, "TestLetterKinds")
	})
	t.Run("medical", func(t *testing.T) {
		// Without the holdings the tier is the one that gives the amount granted.
		pdf := printKind(t, "medical", medicalCase(), LetterInput{})
		text := pdfText(t, pdf)
		wantAll(t, "letter", text, "许玉梅：", "许玉梅社会救助金（城市低保金）390.00元（按规定不计入）",
			"计算依据：医疗费用总额32,000.00元，基本医疗保险和大病保险已支付22,000.00元，政策范围内个人自付费用10,000.00元；低保、特困对象，按70%救助，计7,000.00元",
			"示例县医疗保障局")
		wantNone(t, "letter", text, "示例县民政局")
		checkGoldenPage(t, pdf, "TestLetterKinds")
	})
	t.Run("redcross", func(t *testing.T) {
		pdf := printKind(t, "redcross", redCrossCase(), LetterInput{})
		text := pdfText(t, pdf)
		wantAll(t, "letter", text, "资助通知", "高建设：", "示例县红十字会决定给予资助。",
			"示融救资〔2026〕203号", "（一）红十字大病救助：一次性发放5,000.00元。", "资助资金实行社会化发放",
			"根据《中华人民共和国红十字会法》第十一条；《示例县红十字会大病救助项目实施办法》的规定，作出上述资助安排。",
			"本通知不是行政决定。对资助事项有疑问的，可以向示例县红十字会（县红十字会赈济救护部，电话：0912-1234584）咨询。",
			"示例县红十字会2026年12月7日")
		wantNone(t, "letter", text, "救助决定书", "行政复议", "行政诉讼", "示例县民政局")
		checkGoldenPage(t, pdf, "TestLetterKinds")
	})
	t.Run("child", func(t *testing.T) {
		pdf := printKind(t, "child", childCase(), LetterInput{})
		text := pdfText(t, pdf)
		wantAll(t, "letter", text, "赵桂兰（刘小明的祖母、监护人）：",
			"你作为受助人刘小明的监护人代其于2026年11月12日向示例县融救助中心提出的事实无人抚养儿童基本生活补贴申请",
			"受助人刘小明，身份证号", "未满十八周岁，监护人赵桂兰（祖母），农村户籍",
			"（一）事实无人抚养儿童基本生活补贴：每月1,250.00元，自2027年1月起，共12个月。",
			"发放至监护人赵桂兰本人银行账户")
		wantNone(t, "letter", text, "刘小明：", "申请人本人银行账户")
		checkGoldenPage(t, pdf, "TestLetterKinds")

		// No guardian recorded: the letter says so and addresses no child.
		c := childCase()
		c.Household.Members = c.Household.Members[:1]
		text = pdfText(t, printKind(t, "child-noguardian", c, LetterInput{}))
		wantAll(t, "letter", text, "刘小明的监护人：", "本案未登记监护人", "本案未登记受助人刘小明的监护人")
		wantNone(t, "letter", text, "刘小明：")

		// A guardian recorded on the child wins over the household.
		c = childCase()
		c.Applicant.GuardianName = "刘建华"
		wantAll(t, "letter", pdfText(t, printKind(t, "child-recorded", c, LetterInput{})), "刘建华（刘小明的监护人）：", "发放至监护人刘建华本人银行账户")
	})
	t.Run("rejection", func(t *testing.T) {
		pdf := printKind(t, "rejection", rejectedIncomeCase(), LetterInput{})
		text := pdfText(t, pdf)
		civil, rest := cut(t, body(text), "送达回证")
		slip, redCross := cut(t, rest, "不予资助通知")
		wantAll(t, "letter", civil, "不予救助告知书", "示融救告〔2026〕205号", "高建设：",
			"高建设工资性收入（公益性岗位）1,750.00元（计入）；高建设社会救助金（城市低保金）390.00元（按规定不计入）。",
			"计入家庭收入的月收入合计1,750.00元，人均月收入1,750.00元，高于城市低保边缘家庭收入标准1,185.00元。",
			"二、不予救助的理由",
			"家庭人均月收入1,750.00元，高于城市低保边缘家庭收入标准1,185.00元，不符合支出型临时救助的条件。",
			"根据《社会救助暂行办法》第四十七条至第四十九条；《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）；《示例县临时救助实施细则》的规定，决定对你的申请不予救助。",
			"四、救济途径",
			"如对本决定不服，可以自收到本告知书之日起60日内向示例县人民政府申请行政复议",
			"示例县民政局2026年12月7日")
		wantNone(t, "letter", text, "票", "表决", "「", "：：", "的条件是")
		if strings.Contains(text, " 元") {
			t.Error("an amount is set with a space before 元")
		}
		wantAll(t, "letter", slip, "送达回证", "示例县民政局", "不予救助告知书（示融救告〔2026〕205号）")
		wantAll(t, "letter", redCross, "不予资助通知", "示融救资〔2026〕205号", "示例县红十字会决定不予资助。", "决定不予资助。", "不符合红十字大病救助的条件。", "本通知不是行政决定。", "示例县红十字会2026年12月7日")
		wantNone(t, "letter", redCross, "行政复议", "送达回证")
		checkGoldenPage(t, pdf, "TestLetterKinds")
	})
}

// TestLetterAfterNotice: a dibao approval is not issued before its public
// notice ends; a Red Cross grant is.
func TestLetterAfterNotice(t *testing.T) {
	p := testPrinter(t)
	in := LetterInput{Session: kindsSession}
	_, err := p.LetterWith(dibaoCase(), in, letterDay.AddDays(-1))
	if !errors.Is(err, ErrNoticePending) || !strings.Contains(casefile.Message(err, casefile.ZH), "2026年12月6日届满，2026年12月7日起方可出具") {
		t.Errorf("dibao approval on 6 December: %v, want ErrNoticePending naming the days", err)
	}
	if _, err := p.LetterWith(redCrossCase(), in, casefile.Date{Year: 2026, Month: 12, Day: 2}); err != nil {
		t.Errorf("Red Cross grant on 2 December: %v", err)
	}
	if _, err := p.LetterWith(rejectedIncomeCase(), in, casefile.Date{Year: 2026, Month: 12, Day: 2}); err != nil {
		t.Errorf("rejection on 2 December: %v", err)
	}
}

func TestPaperText(t *testing.T) {
	for in, want := range map[string]string{
		"经综合研判会研判，不予救助：「支出型临时救助」：核对人均月收入 1750.00 元，高于标准 1185.00 元。表决：同意 5 票，不同意 0 票，弃权 0 票。": "“支出型临时救助”：核对人均月收入1,750.00元，高于标准1,185.00元",
		"已准予县教育局「大学新生入学资助」5000.00 元": "已准予县教育局“大学新生入学资助”5,000.00元",
	} {
		if got := paperText(in); got != want {
			t.Errorf("paperText(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// TestRejectionReasonFromMeeting: when the income does not explain the
// rejection, the meeting's reason is printed in the letters' wording,
// without its preamble and without the vote tally.
func TestRejectionReasonFromMeeting(t *testing.T) {
	c := rejectedIncomeCase()
	c.Apps = c.Apps[:1]
	c.Household.Members[0].Incomes = []casefile.Income{{Kind: "wages", Monthly: 50000}}
	c.Evidence[0].MonthlyIncome = 50000
	c.Decision.Reason = "经综合研判会研判，不予救助：「支出型临时救助」：家庭人均存款 25000.00 元，超过限额 18,960.00 元。表决：同意 4 票，不同意 1 票，弃权 0 票。"
	text := pdfText(t, printKind(t, "rejection-assets", c, LetterInput{}))
	wantAll(t, "letter", text, "二、不予救助的理由", "“支出型临时救助”，家庭人均存款25,000.00元，超过限额18,960.00元。",
		"人均月收入500.00元，低于城市低保边缘家庭收入标准1,185.00元。")
	wantNone(t, "letter", text, "票", "表决", "「", "经综合研判会研判，不予救助")
}
