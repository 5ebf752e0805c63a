package printouts

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

func TestApprovalLetter(t *testing.T) {
	p := testPrinter(t)
	c := approvedCase()
	pdf, text := printedText(t)(p.Letter(c, approvalDay))
	// Three letters, the decision being per project: civil affairs'
	// approval of dibao, the education bureau's of its freshman aid, and
	// civil affairs' rejection notice of its freshman aid (a duplicate),
	// with its own reference, appeal rights and delivery slip.
	wantAll(t, "letter", text,
		"救助决定书",
		"示融救决〔2026〕123号",
		"王秀兰：",
		"你于2026年11月3日向示例县融救助中心提出的城市最低生活保障申请（案件编号：2026-000123）已收悉。",
		// no session given: no date rather than the day the decision was typed
		"经家庭收入核对、家庭财产核对、入户调查，并经综合研判会（YH2026-011）研判并公示期满，现作出如下决定：",
		"一、查明的事实",
		"申请人王秀兰，身份证号610602********124X，城市户籍，共同生活家庭成员3人。",
		"家庭月收入：刘建军工资性收入（县城环卫所公益性岗位）1,200.00元（计入）；刘晓雨奖助学金（县一中）50.00元（按规定不计入）。",
		"经家庭经济状况核对（县民政局，2026年11月10日），计入家庭收入的月收入合计1,200.00元，人均月收入400.00元，"+
			"低于城市最低生活保障标准790.00元。",
		"经家庭财产核对（县民政局，2026年11月10日），家庭存款及金融资产合计12,000.00元（人均4,000.00元），住房1套，机动车0辆。",
		"二、救助决定",
		"（一）城市最低生活保障：每月1,170.00元，自2026年12月起，共12个月。",
		"三、决定依据",
		"根据《社会救助暂行办法》第九条至第十三条；《最低生活保障审核确认办法》（民发〔2021〕57号）；《示例县最低生活保障实施细则》的规定，作出上述决定。",
		"四、发放方式",
		DefaultPayment,
		"五、告知事项",
		"享受救助期间，家庭的人口、收入、财产状况发生变化的，应当及时告知示例县融救助中心（咨询电话：0912-1234567）。",
		"如对本决定不服，可以自收到本决定书之日起60日内向示例县人民政府申请行政复议，或者在6个月内向示例县人民法院提起行政诉讼。",
		"示例县民政局2026年12月4日",
		"示融救决〔2026〕123-2号",
		"你于2026年11月3日向示例县融救助中心提出的大学新生入学资助申请（案件编号：2026-000123）已收悉。",
		"（一）大学新生入学资助：一次性发放5,000.00元。",
		"根据《学生资助资金管理办法》（财教〔2021〕310号）的规定，作出上述决定。",
		"示例县教育局2026年12月4日",
		"不予救助告知书",
		"示融救告〔2026〕123号",
		"你于2026年11月3日向示例县融救助中心提出的困难家庭大学新生救助申请（案件编号：2026-000123）已收悉。",
		"决定不予救助。现将有关事项告知如下：",
		"二、不予救助的理由",
		"同一救助政策只能享受一次，已准予县教育局“大学新生入学资助”5,000.00元，本项不予重复救助。",
		"根据《社会救助暂行办法》第三十三条至第三十七条；《示例县困难家庭大学新生救助办法》的规定，决定对你的申请不予救助。",
		"可以自收到本告知书之日起60日内向示例县人民政府申请行政复议",
		"送达回证",
	)
	if strings.Contains(text, "不予支持的申请事项") {
		t.Error("an approval letter lists what was refused: that is the rejection notice's")
	}
	checkPrivacy(t, pdf, text, c)
	checkLayout(t, pdf)
	checkPDFFont(t, writePDF(t, pdf), testFont(t).Family())
}

func TestApprovalOptions(t *testing.T) {
	const pay = "救助资金按月发放至申请人本人社会保障卡金融账户。"
	p := New(testFont(t), testCatalog(t), WithPayment(pay))
	c := approvedCase()
	c.Decision.Reference = "示融救决〔2026〕7号"
	c.Apps[0].StartMonth, c.Apps[0].Months = "", 0 // by the catalogue: 12 months
	pdf := printed(t)(p.Letter(c, approvalDay))
	all := flat(pdfText(t, pdf))
	for _, want := range []string{pay, "示融救决〔2026〕7号", "每月1,170.00元，自决定作出的次月起，共12个月。"} {
		if !strings.Contains(all, want) {
			t.Errorf("letter lacks %q", want)
		}
	}
	if strings.Contains(all, "示融救决〔2026〕123号") || strings.Contains(all, DefaultPayment) {
		t.Error("the decision's reference or the configured payment was not used")
	}
}

func TestRejectionNotice(t *testing.T) {
	cat := testCatalog(t)
	cat.County.IssuingBody = "安平县民政局"
	cat.County.ReconsiderationBody = "安平县人民政府"
	cat.County.Court = "安平县人民法院"
	p := New(testFont(t), cat)
	c := rejectedCase()
	pdf, text := printedText(t)(p.Letter(c, today))
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	slip, notice := pages[len(pages)-1], strings.Join(pages[:len(pages)-1], "")
	all := body(notice)
	wantAll(t, "notice", notice,
		"不予救助告知书",
		"示融救告〔2026〕124号",
		"李建国：",
		"你于2026年11月4日向示例县融救助中心提出的城市最低生活保障申请（案件编号：2026-000124）已收悉。",
		"决定不予救助。",
		"一、查明的事实",
		"申请人李建国，身份证号610602********0157，城市户籍，共同生活家庭成员2人。",
		"家庭月收入：李建国工资性收入1,500.00元（计入）；张桂芳工资性收入600.00元（计入）。",
		"计入家庭收入的月收入合计2,100.00元，人均月收入1,050.00元，高于城市最低生活保障标准790.00元。",
		"二、不予救助的理由",
		"家庭人均月收入1,050.00元，高于城市最低生活保障标准790.00元，不符合城市最低生活保障的条件。",
		"三、决定依据",
		"根据《社会救助暂行办法》第九条至第十三条；《最低生活保障审核确认办法》（民发〔2021〕57号）；《示例县最低生活保障实施细则》的规定，决定对你的申请不予救助。",
		"四、救济途径",
		"如对本决定不服，可以自收到本告知书之日起60日内向安平县人民政府申请行政复议，或者在6个月内向安平县人民法院提起行政诉讼。",
		// issued by the department that runs dibao, by its official name
		// (county.issuing_body is only for projects without a department)
		"示例县民政局2026年11月29日",
	)
	if strings.Contains(all, "送达回证") {
		t.Error("the delivery slip shares a page with the notice")
	}
	if !strings.Contains(flat(slip), "送达回证") {
		t.Fatalf("last page is no delivery slip:\n%s", slip)
	}
	split := blockLeft + 0.32*blockWidth
	labels := flat(pdfTextArea(t, pdf, len(pages), blockLeft, blockTop, split-blockLeft, blockHeight))
	values := flat(pdfTextArea(t, pdf, len(pages), split, blockTop, blockRight-split, blockHeight))
	if want := "送达机关送达文书受送达人案件编号送达地点送达方式送达人签名送达日期受送达人签名（盖章）代收人签名及代收理由备注"; labels != want {
		t.Errorf("slip labels\n got %q\nwant %q", labels, want)
	}
	if want := "送达回证示例县民政局不予救助告知书（示融救告〔2026〕124号）李建国2026-000124城关街道东关社区幸福巷12号" +
		"□直接送达□邮寄送达□委托送达□留置送达年月日年月日受送达人拒绝签收的"; !strings.HasPrefix(values, want) {
		t.Errorf("slip values\n got %q\nwant %q…", values, want)
	}
	checkPrivacy(t, pdf, text, c)
	checkLayout(t, pdf)
}

func TestLetterErrors(t *testing.T) {
	p := testPrinter(t)
	deferred := approvedCase()
	deferred.Decision.Result, deferred.Status = casefile.StatusDeferred, casefile.StatusDeferred
	undecided := receivedCase()
	nothing := approvedCase()
	for i := range nothing.Apps {
		nothing.Apps[i].Outcome = casefile.OutcomeDeclined
	}
	noReason := rejectedCase()
	noReason.Decision.Reason = " "
	withdrawn := approvedCase()
	withdrawn.Decision.Result = casefile.StatusWithdrawn
	tests := []struct {
		name string
		c    *casefile.Case
		want error
	}{
		{"deferred", deferred, ErrDeferred},
		{"undecided", undecided, ErrNoDecision},
		{"withdrawn", withdrawn, ErrNoDecision},
		{"nothing granted", nothing, ErrNothingGranted},
		{"rejection without reason", noReason, ErrIncomplete},
	}
	for _, tt := range tests {
		pdf, err := p.Letter(tt.c, approvalDay)
		if pdf != nil || !errors.Is(err, tt.want) {
			t.Errorf("%s: %d bytes, %v; want %v", tt.name, len(pdf), err, tt.want)
			continue
		}
		if zh, en := casefile.Message(err, casefile.ZH), casefile.Message(err, casefile.EN); !strings.Contains(zh, tt.c.Number) ||
			!strings.Contains(en, tt.c.Number) || zh == en {
			t.Errorf("%s: messages %q / %q do not name the case in both languages", tt.name, zh, en)
		}
	}
	if msg := casefile.Message(ErrDeferred, casefile.ZH); !strings.Contains(msg, "暂缓") {
		t.Errorf("ErrDeferred in Chinese: %q", msg)
	}

	cat := testCatalog(t)
	cat.County.Court = ""
	if _, err := New(testFont(t), cat).Letter(rejectedCase(), today); !errors.Is(err, ErrIncomplete) ||
		!strings.Contains(casefile.Message(err, casefile.ZH), "人民法院") {
		t.Errorf("no court in the catalogue: err = %v, want ErrIncomplete naming the court", err)
	}
}

func TestReference(t *testing.T) {
	p := testPrinter(t)
	c := approvedCase()
	if got, want := p.Reference(c), "示融救决〔2026〕123号"; got != want {
		t.Errorf("Reference = %q, want %q", got, want)
	}
	c.Number = "X-1"
	if got, want := p.Reference(c), "示融救决〔2026〕123号"; got != want {
		t.Errorf("Reference of an odd case number = %q, want %q (year of receipt, sequence)", got, want)
	}
	c.Decision.Reference = "示融救决〔2026〕9号"
	if got := p.Reference(c); got != c.Decision.Reference {
		t.Errorf("Reference = %q, want the decision's %q", got, c.Decision.Reference)
	}
	if got, want := p.Reference(rejectedCase()), "示融救告〔2026〕124号"; got != want {
		t.Errorf("Reference of a rejection = %q, want %q", got, want)
	}
}

// TestConcurrentPrinting prints from one Printer in several goroutines
// (run with -race): documents must not mix.
func TestConcurrentPrinting(t *testing.T) {
	p := testPrinter(t)
	var wg sync.WaitGroup
	results := make([][]byte, 12)
	for i := range results {
		wg.Go(func() {
			var err error
			switch i % 3 {
			case 0:
				results[i], err = p.Receipt(receivedCase(), "张敏", today)
			case 1:
				results[i], err = p.Letter(approvedCase(), approvalDay)
			default:
				results[i], err = p.Letter(rejectedCase(), today)
			}
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := 3; i < len(results); i++ {
		if string(results[i]) != string(results[i%3]) {
			t.Errorf("document %d differs from the same document printed at the same time", i)
		}
	}
}

// benchPrint prints a document with print again and again, reporting its
// size in bytes per unit.
func benchPrint(b *testing.B, unit string, print func() ([]byte, error)) {
	b.Helper()
	var pdf []byte
	for b.Loop() {
		var err error
		if pdf, err = print(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pdf)), unit)
}

// BenchmarkLetter prints one approval letter with the font already loaded.
func BenchmarkLetter(b *testing.B) {
	p, c := testPrinter(b), approvedCase()
	benchPrint(b, "bytes/letter", func() ([]byte, error) { return p.Letter(c, approvalDay) })
}

// BenchmarkRejection prints one rejection notice with its delivery slip.
func BenchmarkRejection(b *testing.B) {
	p, c := testPrinter(b), rejectedCase()
	benchPrint(b, "bytes/letter", func() ([]byte, error) { return p.Letter(c, today) })
}

// BenchmarkReceipt prints one intake receipt.
func BenchmarkReceipt(b *testing.B) {
	p, c := testPrinter(b), receivedCase()
	benchPrint(b, "bytes/receipt", func() ([]byte, error) { return p.Receipt(c, "张敏", today) })
}

// TestServiceApprovalStatesNoPayment: an approval that grants only a
// service (employment assistance) has no payment method to state.
func TestServiceApprovalStatesNoPayment(t *testing.T) {
	cat := testCatalog(t)
	var service *casefile.Project
	for _, p := range cat.Projects {
		if p.Kind == casefile.KindService {
			service = p
			break
		}
	}
	if service == nil {
		t.Fatal("the default catalogue has no service project")
	}
	c := approvedCase()
	c.Apps = []casefile.Application{{Project: service.Code, Outcome: casefile.OutcomeGranted}}
	pdf := printed(t)(testPrinter(t).Letter(c, approvalDay))
	all := flat(pdfText(t, pdf))
	if strings.Contains(all, "发放方式") || strings.Contains(all, DefaultPayment) {
		t.Error("a service-only approval states a payment method")
	}
	if !strings.Contains(all, service.Name) {
		t.Errorf("letter lacks the granted service %s", service.Name)
	}
	if all2 := flat(pdfText(t, mustLetter(t, approvedCase()))); !strings.Contains(all2, "发放方式") {
		t.Error("a money approval lost its payment method")
	}
}

func mustLetter(t *testing.T, c *casefile.Case) []byte {
	t.Helper()
	pdf := printed(t)(testPrinter(t).Letter(c, approvalDay))
	return pdf
}

// Item 13: a decision per project gives one approval letter for what was
// granted and one rejection notice for what the meeting refused, the
// notice under the decision's NoticeReference and with the reason the
// meeting recorded for that project alone; no letter carries a vote
// count, even from a reason stored before counts were refused.
func TestLettersPerProject(t *testing.T) {
	p := testPrinter(t)
	c := approvedCase()
	c.Decision.Reference, c.Decision.NoticeReference = "示融救决〔2026〕31号", "示融救告〔2026〕9号"
	c.Apps[2].Reason = "经入户调查，申请人之女已获县一中全额奖学金。表决：同意 2 票，不同意 3 票，弃权 0 票。"
	text := pdfText(t, printed(t)(p.Letter(c, approvalDay)))
	wantAll(t, "letters", text,
		"救助决定书", "示融救决〔2026〕31号", "（一）城市最低生活保障：每月1,170.00元，自2026年12月起，共12个月。",
		"不予救助告知书", "示融救告〔2026〕9号", "提出的困难家庭大学新生救助申请",
		"经入户调查，申请人之女已获县一中全额奖学金。")
	wantNone(t, "letters", text, "票", "表决", "不予支持的申请事项")
	notice := text[strings.Index(text, "不予救助告知书"):]
	wantNone(t, "the rejection notice", notice, "城市最低生活保障：每月", "1,170.00元")
}
