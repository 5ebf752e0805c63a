package printouts

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
)

// Test cases are built by hand from casefile values: no store needed.

var (
	// today is the date the documents are printed.
	today = casefile.Date{Year: 2026, Month: time.November, Day: 29}
	// meetingAt is when the adjudication meeting decided.
	meetingAt = time.Date(2026, 11, 27, 10, 30, 0, 0, time.Local)
)

// idNumber builds a valid resident ID number (GB 11643-1999) from a region
// code, a birth date "19790315" and a 3-digit sequence (odd: male).
func idNumber(region, birth, seq string) string {
	body := region + birth + seq
	return body + string(casefile.IDCheckChar(body))
}

// Applicants of the test cases, with their full ID numbers.
var (
	wangID  = idNumber("610602", "19790315", "124") // 王秀兰, female
	liuID   = idNumber("610602", "19770802", "031") // 刘建军, her husband
	xiaoID  = idNumber("610602", "20080519", "046") // 刘晓雨, their daughter
	liID    = idNumber("610602", "19680411", "015") // 李建国
	zhangID = idNumber("610602", "19700923", "028") // 张桂芳, his wife
)

func testCatalog(t testing.TB) *casefile.Catalog {
	t.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func testPrinter(t testing.TB) *Printer {
	t.Helper()
	return New(testFont(t), testCatalog(t))
}

func person(id, name string, sex casefile.Sex) casefile.Person {
	info, err := casefile.ParseIDNumber(id, today)
	if err != nil {
		panic(err)
	}
	return casefile.Person{DocType: casefile.DocResidentID, DocNumber: info.Number, Name: name, Sex: sex, Birth: info.Birth,
		Phone: "13912345678", Township: "城关街道", Village: "东关社区", Address: "城关街道东关社区幸福巷12号"}
}

func passed() *bool { b := true; return &b }

// receivedCase is 王秀兰's application on 3 November 2026: urban dibao for
// her household of three, and college freshman aid from two departments
// for her daughter (a group: only one can be granted). Two documents are
// missing, one of them required by two projects.
func receivedCase() *casefile.Case {
	wang, liu, xiao := person(wangID, "王秀兰", casefile.Female), person(liuID, "刘建军", casefile.Male), person(xiaoID, "刘晓雨", casefile.Female)
	wang.Flags = []string{casefile.FlagStudent}
	return &casefile.Case{
		Seq:       123,
		Number:    "2026-000123",
		Applicant: wang,
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{
			{Person: wang, Relation: casefile.RelationSelf},
			{Person: liu, Relation: "配偶", Incomes: []casefile.Income{{Kind: "wages", Source: "县城环卫所公益性岗位", Monthly: 120000}}},
			{Person: xiao, Relation: "子女", Incomes: []casefile.Income{{Kind: "scholarship", Source: "县一中", Monthly: 5000}}},
		}},
		Apps: []casefile.Application{
			{Project: "MZ-01", Proposed: 117000},
			{Project: "JY-01", Proposed: 500000},
			{Project: "MZ-10", Proposed: 300000},
		},
		Documents: []string{"申请书", "身份证", "户口簿", "家庭经济状况核对授权书", "收入证明"},
		Channel:   casefile.ChannelWindow,
		Received:  time.Date(2026, 11, 3, 9, 15, 0, 0, time.Local),
		Status:    casefile.StatusReceived,
		Deadline:  casefile.Date{Year: 2026, Month: time.December, Day: 15},
		Officer:   "张敏",
	}
}

// approvedCase is receivedCase after verification and the meeting of 27
// November: dibao of 1,170.00 a month for 12 months from December and the
// education department's freshman aid of 5,000.00 granted; civil
// affairs' freshman aid declined (same policy only once).
func approvedCase() *casefile.Case {
	c := receivedCase()
	c.Documents = append(c.Documents, "银行卡（折）复印件", "录取通知书")
	c.Evidence = []casefile.Evidence{
		{Kind: casefile.EvIncomeCheck, Department: "civil_affairs", Verifier: "赵红", Date: casefile.Date{Year: 2026, Month: 11, Day: 10}, MonthlyIncome: 120000},
		{Kind: casefile.EvAssetCheck, Department: "civil_affairs", Verifier: "赵红", Date: casefile.Date{Year: 2026, Month: 11, Day: 10}, Deposits: 1200000, Homes: 1},
		{Kind: casefile.EvHomeVisit, Department: "civil_affairs", Verifier: "孙涛", Date: casefile.Date{Year: 2026, Month: 11, Day: 12}, Passed: passed()},
	}
	c.Apps[0].Outcome, c.Apps[0].Granted, c.Apps[0].StartMonth, c.Apps[0].Months = casefile.OutcomeGranted, 117000, "2026-12", 12
	c.Apps[1].Outcome, c.Apps[1].Granted = casefile.OutcomeGranted, 500000
	c.Apps[2].Outcome = casefile.OutcomeDeclined
	c.Apps[2].Reason = "同一救助政策只能享受一次：已准予县教育局「大学新生入学资助」5000.00 元，本项不予重复救助"
	c.Status = casefile.StatusApproved
	c.Decision = &casefile.Decision{Session: "YH2026-011", Result: casefile.StatusApproved, At: meetingAt, By: "李卫东"}
	return c
}

// rejectedCase is 李建国's dibao application: a per-capita income of
// 1,050.00 is above the urban line of 790.00.
func rejectedCase() *casefile.Case {
	li, zhang := person(liID, "李建国", casefile.Male), person(zhangID, "张桂芳", casefile.Female)
	return &casefile.Case{
		Seq:       124,
		Number:    "2026-000124",
		Applicant: li,
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{
			{Person: li, Relation: casefile.RelationSelf, Incomes: []casefile.Income{{Kind: "wages", Monthly: 150000}}},
			{Person: zhang, Relation: "配偶", Incomes: []casefile.Income{{Kind: "wages", Monthly: 60000}}},
		}},
		Apps: []casefile.Application{{Project: "MZ-01", Proposed: 0, Outcome: casefile.OutcomeDeclined,
			Reason: "「城市最低生活保障」：核对人均月收入 1050.00 元，高于标准 790.00 元（高出 260.00 元）"}},
		Documents: []string{"申请书", "身份证", "户口簿", "家庭经济状况核对授权书", "收入证明", "银行卡（折）复印件"},
		Received:  time.Date(2026, 11, 4, 14, 0, 0, 0, time.Local),
		Status:    casefile.StatusRejected,
		Deadline:  casefile.Date{Year: 2026, Month: time.December, Day: 16},
		Evidence: []casefile.Evidence{
			{Kind: casefile.EvIncomeCheck, Department: "civil_affairs", Verifier: "赵红", Date: casefile.Date{Year: 2026, Month: 11, Day: 11}, MonthlyIncome: 210000},
			{Kind: casefile.EvHomeVisit, Department: "civil_affairs", Verifier: "孙涛", Date: casefile.Date{Year: 2026, Month: 11, Day: 13}, Passed: passed()},
		},
		Officer: "张敏",
		Decision: &casefile.Decision{Session: "YH2026-011", Result: casefile.StatusRejected, At: meetingAt, By: "李卫东",
			Reason: "「城市最低生活保障」：核对人均月收入 1050.00 元，高于标准 790.00 元（高出 260.00 元）"},
	}
}

// tool returns the path of a poppler (or other) command, skipping the
// test without it (failing under CI).
func tool(t testing.TB, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		missing(t, "no "+name+": apt-get install "+pkg)
	}
	return path
}

// writePDF writes pdf to a file in a temp dir and returns its path.
func writePDF(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	writeFile(t, path, pdf)
	return path
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// printed takes what a printer returns and gives the PDF, failing the
// test where printing failed: pdf := printed(t)(p.Letter(c, day)).
func printed(t testing.TB) func(pdf []byte, err error) []byte {
	return func(pdf []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return pdf
	}
}

// dumpPDF writes pdf to name.pdf in the directory named by the
// environment variable env, when it is set, to look at the pages by hand.
func dumpPDF(t testing.TB, env, name string, pdf []byte) {
	t.Helper()
	if dir := os.Getenv(env); dir != "" {
		writeFile(t, filepath.Join(dir, name+".pdf"), pdf)
	}
}

// printedText is printed with the PDF's text (pdfText) beside it:
// pdf, text := printedText(t)(p.Receipt(c, officer, day)).
func printedText(t testing.TB) func(pdf []byte, err error) ([]byte, string) {
	return func(pdf []byte, err error) ([]byte, string) {
		t.Helper()
		pdf = printed(t)(pdf, err)
		return pdf, pdfText(t, pdf)
	}
}

// pdfText extracts the text of pdf with pdftotext -layout, pages
// separated by form feeds.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext", "poppler-utils"), "-layout", writePDF(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// pdfTextArea extracts the text of pdf's page within the rectangle x, y,
// w, h (points from the top left), e.g. one column of a table.
func pdfTextArea(t testing.TB, pdf []byte, page int, x, y, w, h float64) string {
	t.Helper()
	num := func(v float64) string { return strconv.Itoa(int(v)) }
	out, err := exec.Command(tool(t, "pdftotext", "poppler-utils"), "-layout", "-f", num(float64(page)), "-l", num(float64(page)),
		"-x", num(x), "-y", num(y), "-W", num(w), "-H", num(h), writePDF(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// pageNumber matches the page-number line "— 1 —" of pdftotext output.
var pageNumber = regexp.MustCompile(`(?m)^\s*—\s*\d+\s*—\s*$`)

// body is the text without page numbers and page breaks, flattened: a
// paragraph running onto the next page reads as one string.
func body(text string) string {
	return flat(pageNumber.ReplaceAllString(text, ""))
}

// flat removes all white space from text: paragraphs set over several
// lines read as one string.
func flat(text string) string {
	return strings.Join(strings.Fields(text), "")
}

// wantAll fails for each of wants not in doc's text: text and wants are
// compared without page numbers and white space (body, flat), so a
// paragraph set over several lines or pages reads as one string.
func wantAll(t testing.TB, doc, text string, wants ...string) {
	t.Helper()
	all := body(text)
	for _, w := range wants {
		if !strings.Contains(all, flat(w)) {
			t.Errorf("%s lacks %q:\n%s", doc, w, text)
		}
	}
}

// wantNone fails for each of nots found in doc's text, compared as by
// wantAll.
func wantNone(t testing.TB, doc, text string, nots ...string) {
	t.Helper()
	all := body(text)
	for _, w := range nots {
		if strings.Contains(all, flat(w)) {
			t.Errorf("%s prints %q:\n%s", doc, w, text)
		}
	}
}

// render renders the rectangle x, y, w, h (points from the top left) of
// page of pdf at dpi with pdftoppm, as an image whose pixel (0, 0) is the
// rectangle's top left corner: in grey with mode "-gray", in colour with
// mode "".
func render(t testing.TB, pdf []byte, page, dpi int, mode string, x, y, w, h float64) image.Image {
	t.Helper()
	dir := t.TempDir()
	px := func(v float64) string { return strconv.Itoa(int(v * float64(dpi) / 72)) }
	n := strconv.Itoa(page)
	args := []string{"-png", "-r", strconv.Itoa(dpi), "-f", n, "-l", n,
		"-x", px(x), "-y", px(y), "-W", px(w), "-H", px(h), "-singlefile", writePDF(t, pdf), filepath.Join(dir, "page")}
	if mode != "" {
		args = append([]string{mode}, args...)
	}
	if out, err := exec.Command(tool(t, "pdftoppm", "poppler-utils"), args...).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	img, err := png.Decode(bytes.NewReader(readFile(t, filepath.Join(dir, "page.png"))))
	if err != nil {
		t.Fatal(err)
	}
	return img
}
