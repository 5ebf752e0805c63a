package printouts

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// checkPrivacy fails if any full ID number of the case's household is in
// the text of the PDF or in its bytes (metadata), or the phone number in
// the text.
func checkPrivacy(t *testing.T, pdf []byte, text string, c *casefile.Case) {
	t.Helper()
	for _, m := range c.Household.Members {
		n := m.Person.DocNumber
		if n != "" && (strings.Contains(flat(text), n) || bytes.Contains(pdf, []byte(n))) {
			t.Errorf("the full ID number of %s is in the PDF", m.Person.Name)
		}
	}
	if p := c.Applicant.Phone; p != "" && strings.Contains(flat(text), p) {
		t.Error("the applicant's phone number is printed")
	}
}

func TestReceipt(t *testing.T) {
	p := testPrinter(t)
	c := receivedCase()
	pdf, text := printedText(t)(p.Receipt(c, "张敏", today))
	all := flat(text)
	wantAll(t, "receipt", text,
		"受理回执",
		"王秀兰：",
		"你于2026年11月3日提交的社会救助申请，本中心已予受理。",
		"请尽快补齐上述尚缺材料。",
		// The receipt is dated the day of acceptance; printed again
		// later, it says when.
		"示例县融救助中心2026年11月3日",
		"本回执于2026年11月29日补打。",
	)
	// The table, column by column: labels are 28% of the block wide.
	split := blockLeft + 0.28*blockWidth
	labels := flat(pdfTextArea(t, pdf, 1, blockLeft, blockTop, split-blockLeft, blockHeight))
	values := flat(pdfTextArea(t, pdf, 1, split, blockTop, blockRight-split, blockHeight))
	if want := "案件编号申请人申请项目已收材料尚缺材料受理日期承诺办结时限受理人咨询电话"; !strings.Contains(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	want := "2026-000123" +
		"王秀兰（身份证号610602********124X）" +
		"1.城市最低生活保障（县民政局）2.大学新生入学资助（县教育局）3.困难家庭大学新生救助（县民政局）" +
		"申请书、身份证、户口簿、家庭经济状况核对授权书、收入证明" +
		"1.银行卡（折）复印件2.录取通知书" +
		"2026年11月3日" +
		"2026年12月15日前作出决定" +
		"张敏" +
		"0912-1234567"
	if !strings.Contains(values, want) {
		t.Errorf("values\n got %q\nwant %q", values, want)
	}
	// Missing: 银行卡（折）复印件 (dibao) and 录取通知书 (required by both
	// freshman projects): each listed once, in full.
	missing := p.cat.MissingDocuments(c)
	if want := []string{"银行卡（折）复印件", "录取通知书"}; strings.Join(missing, "|") != strings.Join(want, "|") {
		t.Fatalf("MissingDocuments = %q, want %q", missing, want)
	}
	for _, doc := range missing {
		if n := strings.Count(all, doc); n != 1 {
			t.Errorf("missing document %q printed %d times, want once", doc, n)
		}
	}
	checkPrivacy(t, pdf, text, c)
	if pages := strings.Count(strings.TrimRight(text, "\f"), "\f") + 1; pages != 1 {
		t.Errorf("receipt has %d pages, want 1", pages)
	}
	path := writePDF(t, pdf)
	checkPDFFont(t, path, testFont(t).Family())
	if !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(testFont(t).Family()) {
		t.Errorf("font name %q has no six-letter subset prefix", testFont(t).Family())
	}
	checkLayout(t, pdf)
}

func TestReceiptOfficerAndNoMissing(t *testing.T) {
	p := testPrinter(t)
	c := approvedCase() // every document received
	c.Channel = casefile.ChannelTownship
	pdf := printed(t)(p.Receipt(c, "刘芳", today))
	all := flat(pdfText(t, pdf))
	for _, want := range []string{"尚缺材料无", "受理人刘芳", "受理方式镇街代办"} {
		if !strings.Contains(all, want) {
			t.Errorf("receipt lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "请尽快补齐") {
		t.Error("asks for missing documents when none is missing")
	}
}

func TestReceiptRefusesIncompleteCase(t *testing.T) {
	p := testPrinter(t)
	for name, c := range map[string]*casefile.Case{
		"nil":       nil,
		"no number": func() *casefile.Case { c := receivedCase(); c.Number = ""; return c }(),
		"no name": func() *casefile.Case {
			c := receivedCase()
			c.Applicant.Name, c.Household.Members = "", nil
			return c
		}(),
	} {
		if _, err := p.Receipt(c, "张敏", today); !errors.Is(err, ErrIncomplete) {
			t.Errorf("%s: err = %v, want ErrIncomplete", name, err)
		}
	}
}

func TestReceiptMissingGlyphs(t *testing.T) {
	p := testPrinter(t)
	c := receivedCase()
	c.Applicant.Name = "王\u0378兰"
	pdf, err := p.Receipt(c, "张敏", today)
	var mg *MissingGlyphsError
	if pdf != nil || !errors.As(err, &mg) || len(mg.Runes) != 1 || mg.Runes[0] != 0x378 {
		t.Fatalf("Receipt with an unprintable name = %d bytes, %v; want a MissingGlyphsError for U+0378", len(pdf), err)
	}
}
