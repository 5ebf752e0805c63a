package casefile

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// parseErr parses src and returns the report in both languages; it fails
// the test when the file is accepted.
func parseErr(t *testing.T, cat *Catalog, name string, src []byte) (en, zh string) {
	t.Helper()
	_, err := cat.ParseImport(name, bytes.NewReader(src), DateOf(testNow))
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("%s accepted (err = %v)", name, err)
	}
	return Message(err, EN), Message(err, ZH)
}

func parseOK(t *testing.T, cat *Catalog, name string, src []byte) []ImportRow {
	t.Helper()
	rows, err := cat.ParseImport(name, bytes.NewReader(src), DateOf(testNow))
	if err != nil {
		t.Fatalf("%s refused:\n%s", name, Message(err, EN))
	}
	return rows
}

// Fails on the code before this change: a GBK file's names were stored
// as mojibake (欧阳娜娜 as ŷ, the other bytes dropped).
func TestImportGBKAndGB18030CSV(t *testing.T) {
	st, _, _ := newStore(t)
	cat := st.Catalog()
	p := urbanDibao(t, cat)
	src := "身份证号,姓名,乡镇,项目,收入明细,受理日期\n" +
		idFor("19800101", 1) + ",欧阳娜娜,城关镇," + p.Code + ",务工收入:1750;低保金:390,2026-11-02\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	rows := parseOK(t, cat, "excel.csv", []byte(gbk))
	if a := rows[0].Draft.Applicant; a.Name != "欧阳娜娜" || a.Township != "城关镇" {
		t.Errorf("applicant = %q / %q, want 欧阳娜娜 / 城关镇", a.Name, a.Township)
	}
	cases, err := st.Import(rows, "local:importer")
	if err != nil {
		t.Fatal(err)
	}
	if got := cases[0].Applicant.Name; got != "欧阳娜娜" {
		t.Errorf("stored name %q", got)
	}
	if inc := cat.Income(cases[0]); inc.Counted != Yuan(1750) || inc.Excluded != Yuan(390) {
		t.Errorf("income %+v", inc)
	}

	// GB18030 reaches characters GBK has not (𠮷, a name character
	// outside the BMP); a UTF-8 BOM in front of UTF-8 text is fine too.
	src18 := "身份证号,姓名,项目\n" + idFor("19800101", 2) + ",吉𠮷," + p.Code + "\n"
	b18, err := simplifiedchinese.GB18030.NewEncoder().String(src18)
	if err != nil {
		t.Fatal(err)
	}
	if got := parseOK(t, cat, "wps.csv", []byte(b18))[0].Draft.Applicant.Name; got != "吉𠮷" {
		t.Errorf("GB18030 name %q", got)
	}
	if got := parseOK(t, cat, "bom.csv", []byte("\ufeff"+src18))[0].Draft.Applicant.Name; got != "吉𠮷" {
		t.Errorf("UTF-8 BOM name %q", got)
	}
}

// Fails on the code before this change: the bad bytes were dropped and
// the file imported.
func TestImportInvalidUTF8NamesTheLine(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	src := "身份证号,姓名,项目\n" +
		idFor("19800101", 1) + ",张三," + p.Code + "\n" +
		idFor("19800101", 2) + ",李\xff四," + p.Code + "\n" +
		idFor("19800101", 3) + ",王五," + p.Code + "\n"
	en, zh := parseErr(t, cat, "bad.csv", []byte(src))
	if !strings.Contains(en, "line 3: at character 21, byte 0xFF is not UTF-8") || strings.Contains(en, "line 2") || strings.Contains(en, "line 4") {
		t.Errorf("en:\n%s", en)
	}
	if !strings.Contains(zh, "第 3 行：第 21 个字符处的字节 0xFF 不是 UTF-8") {
		t.Errorf("zh:\n%s", zh)
	}
}

// Fails on the code before this change: bytes that are neither UTF-8 nor
// GB18030 were dropped silently.
func TestImportRefusesUnknownEncoding(t *testing.T) {
	cat := defaultCatalog(t)
	src := []byte("身份证号,姓名,项目\n\xff\xfe\xff\xfe\xff\xfe\xff\xfe,\xff\xff\xfe\xfe,MZ-01\n")
	en, zh := parseErr(t, cat, "utf16ish.csv", src)
	if !strings.Contains(zh, "文件不是 UTF-8 编码，也不是 GBK/GB18030 编码") || !strings.Contains(zh, "CSV UTF-8（逗号分隔）") {
		t.Errorf("zh:\n%s", zh)
	}
	if !strings.Contains(en, "line 2: the file is not UTF-8 text, nor GBK/GB18030") {
		t.Errorf("en:\n%s", en)
	}
}

// xlsxFile builds a workbook whose first sheet holds rows; a cell value
// keeps its Go type (a string is text, an int or float a number, a
// time.Time a date serial with a date format).
func xlsxFile(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("说明"); err != nil { // a second sheet is never read
		t.Fatal(err)
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		for j, v := range row {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue("Sheet1", ref, v); err != nil {
				t.Fatal(err)
			}
			if _, ok := v.(time.Time); ok {
				f.SetCellStyle("Sheet1", ref, ref, date)
			}
		}
	}
	f.SetCellValue("说明", "A1", "not an application")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Fails on the code before this change: an .xlsx file was read as CSV
// text and refused as garbage.
func TestImportXLSX(t *testing.T) {
	st, _, _ := newStore(t)
	cat := st.Catalog()
	p := urbanDibao(t, cat)
	header := []any{"身份证号", "姓名", "电话", "项目", "申请金额", "家庭人口", "月收入", "受理日期"}
	id1, id2 := idFor("19800101", 1), idFor("19810101", 2)
	good := xlsxFile(t, header,
		[]any{id1, "甲", 13912345678, p.Code, 300.5, 3, 1750, time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)},
		[]any{id2, "乙", "", p.Code, "", "2", "1200.00", "2026-11-03"},
	)
	rows := parseOK(t, cat, "apps.xlsx", good)
	if len(rows) != 2 || rows[0].Line != 2 || rows[1].Line != 3 {
		t.Fatalf("rows = %+v", rows)
	}
	d := rows[0].Draft
	if d.Applicant.Phone != "13912345678" || d.Apps[0].Requested != Money(30050) || d.Household.Size != 3 ||
		d.Household.Members[0].Incomes[0].Monthly != Yuan(1750) || DateOf(d.Received) != (Date{2026, 11, 2}) {
		t.Errorf("row 2 = %+v / %+v / received %s", d.Applicant, d.Apps, DateOf(d.Received))
	}
	if d := rows[1].Draft; DateOf(d.Received) != (Date{2026, 11, 3}) || d.Household.Size != 2 {
		t.Errorf("row 3 received %s, size %d", DateOf(d.Received), d.Household.Size)
	}
	if _, err := st.Import(rows, "local:importer"); err != nil {
		t.Fatal(err)
	}

	// An ID number typed into a number cell: Excel keeps 15 digits
	// (110105198001011234 becomes 1.10105198001011E+17); refused.
	bad := xlsxFile(t, header, []any{110105198001011000, "丙", "", p.Code, "", "", "", 46327})
	en, zh := parseErr(t, cat, "ids.xlsx", bad)
	if !strings.Contains(en, "line 2: 身份证号: the cell is a number (Excel shows 1.10105E+17)") || !strings.Contains(en, "Format the column as Text") {
		t.Errorf("en:\n%s", en)
	}
	if !strings.Contains(zh, "第 2 行：身份证号：单元格是数字格式（Excel 显示为 1.10105E+17）") || !strings.Contains(zh, "设置为“文本”格式") {
		t.Errorf("zh:\n%s", zh)
	}
	if strings.Count(en, "\n") != 0 {
		t.Errorf("one problem expected (the ID cell; the date serial 46327 is 2026-11-01):\n%s", en)
	}
}

// Fails on the code before this change: 务农收入, 打工收入, 农业收入 and
// 退休工资 were unknown income kinds.
func TestImportIncomeKindAliases(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	src := "身份证号,姓名,项目,收入明细\n" + idFor("19800101", 1) + ",甲," + p.Code +
		",务农收入:300;打工收入:500;农业收入:50;退休工资:200;养老金:100;低保金:390; 打工 收入 :10\n"
	rows := parseOK(t, cat, "a.csv", []byte(src))
	want := []string{"business", "wages", "business", "transfer", "transfer", "social_assistance", "wages"}
	got := rows[0].Draft.Household.Members[0].Incomes
	if len(got) != len(want) {
		t.Fatalf("incomes = %+v", got)
	}
	for i, in := range got {
		if in.Kind != want[i] {
			t.Errorf("income %d (%s) kind %s, want %s", i, in.Source, in.Kind, want[i])
		}
	}
}

// Fails on the code before this change: the message named no known kind.
func TestImportUnknownIncomeKindNamesClosest(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	src := "id_number,name,project,income_detail\n" + idFor("19800101", 1) + ",甲," + p.Code + ",务农所得:300;xyzzy:5\n"
	en, zh := parseErr(t, cat, "a.csv", []byte(src))
	if !strings.Contains(en, `line 2: income_detail: unknown income kind "务农所得"; the closest known kinds are: Business net income (务农收入)`) {
		t.Errorf("en:\n%s", en)
	}
	if !strings.Contains(zh, `第 2 行：income_detail：未知收入类别 "务农所得"；最接近的是：经营净收入（务农收入）`) {
		t.Errorf("zh:\n%s", zh)
	}
	if !strings.Contains(en, `unknown income kind "xyzzy"; the known kinds are: Wages, Business net income`) {
		t.Errorf("nothing close should list every kind:\n%s", en)
	}
}

// Fails on the code before this change: the person recorded under
// another document type with the same resident number was a new person
// and the second MZ-01 application slipped past the duplicate check.
func TestResidentNumberUnderOtherDocTypeIsSamePerson(t *testing.T) {
	st, _, _ := newStore(t)
	cat := st.Catalog()
	p := urbanDibao(t, cat)
	id := idFor("19800101", 1)
	first := mustIntake(t, st, draft(id, "甲", []string{p.Code}), "local:clerk")
	jl := `{"applicant":{"doc_type":"other","doc_number":"` + id + `","name":"甲"},"applications":[{"project":"` + p.Code + `"}],"received_at":"2026-11-20"}` + "\n"
	rows := parseOK(t, cat, "a.jsonl", []byte(jl))
	if a := rows[0].Draft.Applicant; a.DocType != DocResidentID || a.Birth != (Date{1980, 1, 1}) {
		t.Errorf("applicant = %s %s born %s", a.DocType, a.DocNumber, a.Birth)
	}
	rows[0].Draft.RepeatReason = "部门推送名单再次申请" // the same project again needs a reason
	cases, err := st.Import(rows, "local:importer")
	if err != nil {
		t.Fatal(err)
	}
	if cases[0].Applicant.ID != first.Applicant.ID {
		t.Errorf("imported person %d, intake person %d", cases[0].Applicant.ID, first.Applicant.ID)
	}
	rep := mustResolve(t, st, false, "local:clerk")
	if len(rep.Groups) != 1 || len(rep.Groups[0].Apps) != 2 {
		t.Errorf("duplicate groups = %+v", rep.Groups)
	}
	// A passport number is not a resident number and stays what it is.
	q := Person{DocType: DocPassport, DocNumber: "E12345678", Name: "Ann", Birth: Date{1990, 1, 1}}
	promoteResidentNumber(&q, DateOf(testNow))
	if q.DocType != DocPassport {
		t.Errorf("passport became %s", q.DocType)
	}
}

// Fails on the code before this change: 1999 was accepted, and so was
// the same row twice.
func TestImportReceivedDateRangeAndRepeatedRows(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	id1, id2 := idFor("19800101", 1), idFor("19810101", 2)
	src := "id_number,name,project,received_at\n" +
		id1 + ",甲," + p.Code + ",1999-12-31\n" +
		id2 + ",乙," + p.Code + ",2026-11-28\n" + // testNow is 2026-11-27
		id2 + ",乙," + p.Code + ",2026/13/45\n"
	en, zh := parseErr(t, cat, "a.csv", []byte(src))
	for _, want := range []string{
		"line 2: received_at: received date 1999-12-31 is before 2000; check the year",
		"line 3: received_at: received date is in the future",
		`line 4: received_at: invalid date: "2026/13/45" is not a date (expected YYYY-MM-DD, e.g. 2026-05-01)`,
	} {
		if !strings.Contains(en, want) {
			t.Errorf("report lacks %q:\n%s", want, en)
		}
	}
	if !strings.Contains(zh, `"2026/13/45" 不是日期（应为 年-月-日，如 2026-05-01）`) || strings.Contains(zh, "2006") {
		t.Errorf("zh:\n%s", zh)
	}
	if rows := parseOK(t, cat, "b.csv", []byte("id_number,name,project,received_at\n"+id1+",甲,"+p.Code+",2000-01-01\n")); DateOf(rows[0].Draft.Received) != (Date{2000, 1, 1}) {
		t.Errorf("2000-01-01 read as %s", DateOf(rows[0].Draft.Received))
	}

	// The same application twice: also when one line has the old
	// 15-digit number of the same person.
	old15 := id1[:6] + id1[8:17]
	src = "id_number,name,project\n" + id1 + ",甲," + p.Code + "\n" + id2 + ",乙," + p.Code + "\n" + old15 + ",甲," + p.Code + "\n" + id2 + ",乙," + p.Code + "\n"
	en, zh = parseErr(t, cat, "c.csv", []byte(src))
	want := "line 4: repeats line 2: the same person (甲, " + MaskID(id1) + ") applies for project " + p.Code + " a second time; delete one of the two lines\n" +
		"line 5: repeats line 3: the same person (乙, " + MaskID(id2) + ") applies for project " + p.Code + " a second time; delete one of the two lines"
	if en != want {
		t.Errorf("en:\n%s\nwant:\n%s", en, want)
	}
	if !strings.Contains(zh, "第 4 行：与第 2 行重复：同一人（甲，"+MaskID(id1)+"）第二次申请项目 "+p.Code) {
		t.Errorf("zh:\n%s", zh)
	}
}

// Fails on the code before this change: a row with a bad project never
// had its ID number checked, and problems were named by the draft's
// field (applicant.id_number), not by the file's column.
func TestImportReportsEveryProblemOfARow(t *testing.T) {
	st, _, _ := newStore(t)
	cat := st.Catalog()
	p := urbanDibao(t, cat)
	src := "身份证号,姓名,电话,项目,申请金额,收入明细,受理日期\n" +
		idFor("19800101", 1) + ",甲,," + p.Code + ",,,2026-11-02\n" +
		"610602198001011230,,12,NOPE,abc,工资:x;奇怪收入:1,2026-02-30\n"
	en, zh := parseErr(t, cat, "a.csv", []byte(src))
	want := []string{
		"line 3: 项目: unknown project \"NOPE\"",
		"line 3: 申请金额: invalid amount: not a number: \"abc\"",
		"line 3: 收入明细: invalid amount: not a number: \"x\"",
		"line 3: 收入明细: unknown income kind \"奇怪收入\"",
		"line 3: 受理日期: invalid date: \"2026-02-30\" is not a date",
		"line 3: 身份证号: invalid resident ID number: check character does not match",
		"line 3: 姓名: name is required",
		"line 3: 电话: phone number \"12\" is invalid",
	}
	for _, w := range want {
		if !strings.Contains(en, w) {
			t.Errorf("report lacks %q:\n%s", w, en)
		}
	}
	if n := strings.Count(en, "\n") + 1; n != len(want) {
		t.Errorf("%d problems reported, want %d:\n%s", n, len(want), en)
	}
	if strings.Contains(en, "line 2") || !strings.Contains(zh, "第 3 行：姓名：姓名不能为空") {
		t.Errorf("zh:\n%s", zh)
	}
	wantNoCases(t, st, "after a refused import")
}

// Fails on the code before this change: a CSV saved from a sheet whose ID
// column held numbers carries 6.10602E+17, which was reported as a number
// of the wrong length, with no word on the cause.
func TestImportScientificIDNumberInCSV(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	en, zh := parseErr(t, cat, "a.csv", []byte("身份证号,姓名,项目\n6.10602E+17,甲,"+p.Code+"\n"))
	want := "line 2: 身份证号: Excel wrote the number in scientific notation (6.10602E+17) and its last digits are lost. Format the column as Text in Excel, type the numbers again, save and re-import"
	if en != want {
		t.Errorf("en:\n%s\nwant:\n%s", en, want)
	}
	if !strings.Contains(zh, "第 2 行：身份证号：号码被 Excel 写成了科学计数法（6.10602E+17）") {
		t.Errorf("zh:\n%s", zh)
	}
}

// Fails on the code before this change: JSON Lines records knew no
// aliases written with blanks and named no close kind.
func TestImportJSONLIncomeKinds(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	rec := func(kind string) string {
		return `{"applicant":{"doc_number":"` + idFor("19800101", 1) + `","name":"甲"},"household":{"members":[{"person":{"doc_number":"` + idFor("19800101", 1) + `","name":"甲"},"relation":"本人","incomes":[{"kind":"` + kind + `","monthly":"300"}]}]},"applications":[{"project":"` + p.Code + `"}]}` + "\n"
	}
	rows := parseOK(t, cat, "a.jsonl", []byte(rec("务农 收入")))
	if k := rows[0].Draft.Household.Members[0].Incomes[0].Kind; k != "business" {
		t.Errorf("kind %s", k)
	}
	en, _ := parseErr(t, cat, "b.jsonl", []byte(rec("退休工钱")))
	want := `line 1: household.members[0].incomes[0].kind: unknown income kind "退休工钱"; the closest known kinds are: Transfer net income (退休工资)`
	if !strings.HasPrefix(en, want) || strings.Count(en, "\n") != 0 {
		t.Errorf("en:\n%s\nwant:\n%s", en, want)
	}
}

// Repeated rows, bad rows and a malformed record are reported together,
// in line order. Fails on the code before this change (no repeat check).
func TestImportRepeatsAmongOtherProblems(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	id1 := idFor("19800101", 1)
	src := "id_number,name,project\n" +
		id1 + ",甲," + p.Code + "\n" +
		id1 + ",甲,NOPE\n" +
		id1 + ",甲," + p.Code + "\n" +
		"\"unterminated,乙," + p.Code + "\n"
	en, _ := parseErr(t, cat, "a.csv", []byte(src))
	lines := strings.Split(en, "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], `line 3: project: unknown project "NOPE"`) ||
		!strings.HasPrefix(lines[1], "line 4: repeats line 2:") || !strings.HasPrefix(lines[2], "line 5: csv: malformed") {
		t.Errorf("report:\n%s", en)
	}
}
