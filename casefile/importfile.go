package casefile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ImportProblem is one bad field of one line of an import file.
type ImportProblem struct {
	Line  int
	Field string
	Text  Text
}

// ImportError lists every bad line of an import file; nothing of the file
// was stored.
type ImportError struct {
	File     string
	Problems []ImportProblem
}

func (e *ImportError) Error() string { return e.Message(EN) }

// Message lists the problems as "line N: column: reason" (or "line N:
// reason" for a problem of the whole row), one per line.
func (e *ImportError) Message(lang Lang) string {
	return lines(e.Problems, func(b *strings.Builder, p ImportProblem) {
		switch {
		case lang == EN && p.Field == "":
			fmt.Fprintf(b, "line %d: %s", p.Line, p.Text.In(lang))
		case lang == EN:
			fmt.Fprintf(b, "line %d: %s: %s", p.Line, p.Field, p.Text.In(lang))
		case p.Field == "":
			fmt.Fprintf(b, "第 %d 行：%s", p.Line, p.Text.In(lang))
		default:
			fmt.Fprintf(b, "第 %d 行：%s：%s", p.Line, p.Field, p.Text.In(lang))
		}
	})
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ImportError) Is(target error) bool { return target == ErrInvalid }

// ImportRow is one parsed line: the draft and its line number.
type ImportRow struct {
	Line  int
	Draft *Draft
}

// csvColumns maps accepted header names to the canonical keys.
var csvColumns = map[string]string{
	"id_number": "id_number", "身份证号": "id_number", "身份证号码": "id_number", "公民身份号码": "id_number",
	"name": "name", "姓名": "name",
	"phone": "phone", "电话": "phone", "联系电话": "phone",
	"township": "township", "乡镇": "township", "镇街": "township", "乡镇（街道）": "township",
	"village": "village", "村": "village", "村（社区）": "village", "村社区": "village",
	"department": "department", "部门": "department", "主管部门": "department",
	"project": "project", "项目": "project", "救助项目": "project",
	"amount_requested": "amount_requested", "申请金额": "amount_requested",
	"household_size": "household_size", "家庭人口": "household_size", "家庭人数": "household_size",
	"monthly_income": "monthly_income", "月收入": "monthly_income", "家庭月收入": "monthly_income",
	"income_detail": "income_detail", "收入明细": "income_detail",
	"channel": "channel", "渠道": "channel", "受理渠道": "channel",
	"received_at": "received_at", "受理日期": "received_at", "申请日期": "received_at",
	"note": "note", "备注": "note",
	"area": "area", "户籍类别": "area",
}

// MaxImportRows bounds one import file.
const MaxImportRows = 200_000

// MaxImportBytes bounds the size of one import file.
const MaxImportBytes = 256 << 20

// EarliestReceived is the earliest received date an import accepts: an
// earlier one is a typing error (1926 for 2026) or a record that belongs
// in an archive, not in the hall.
var EarliestReceived = Date{2000, 1, 1}

// ParseImport reads an import file and validates every row against the
// catalogue. It accepts
//   - CSV, one application per row, header row by column name, in UTF-8
//     (with or without a BOM) or in GBK/GB18030 as Excel and WPS save it
//     on Chinese Windows;
//   - an .xlsx workbook (its first sheet, the same columns as the CSV);
//   - JSON Lines (one Draft per line; detected by a leading '{').
//
// Every field of every row is checked and every problem reported (line,
// column as written in the header, reason). It returns the drafts, or an
// ImportError listing every problem; never a partial result.
func (cat *Catalog) ParseImport(name string, r io.Reader, today Date) ([]ImportRow, error) {
	sink := &rowSink{keep: true}
	if _, err := cat.parseImport(name, r, today, sink); err != nil {
		return nil, err
	}
	return sink.rows, nil
}

// ParseImportEach is ParseImport for a large file: each good row is given
// to each as it is read (each nil: the rows are only checked and counted)
// and none is kept, so memory does not grow with the rows' drafts. A
// problem on a later row is found after earlier rows were given: check
// the whole file first (each nil), then read it again to store it. It
// returns the number of good rows.
func (cat *Catalog) ParseImportEach(name string, r io.Reader, today Date, each func(ImportRow) error) (int, error) {
	return cat.parseImport(name, r, today, &rowSink{each: each})
}

// rowSink takes the good rows of an import as they are read: it finds a
// row that repeats an earlier one (the same person and project), and
// keeps the rows or hands them on.
type rowSink struct {
	keep  bool
	rows  []ImportRow
	each  func(ImportRow) error
	n     int
	first map[repeatKey]int
	err   error // from each: reading stops
}

type repeatKey struct{ person, project string }

// add takes a good row: a repeat is a problem of the file, any other row
// is counted and kept or handed on. It reports whether reading goes on.
func (k *rowSink) add(ie *ImportError, r ImportRow) bool {
	if k.first == nil {
		k.first = map[repeatKey]int{}
	}
	repeat := false
	for _, a := range r.Draft.Apps {
		key := repeatKey{r.Draft.Applicant.Key(), a.Project}
		if l, ok := k.first[key]; ok {
			ie.Problems = append(ie.Problems, ImportProblem{Line: r.Line, Text: T(
				"与第 %d 行重复：同一人（%s，%s）第二次申请项目 %s，请删去其中一行",
				"repeats line %d: the same person (%s, %s) applies for project %s a second time; delete one of the two lines",
				l, r.Draft.Applicant.Name, MaskID(r.Draft.Applicant.DocNumber), a.Project)})
			repeat = true
			continue
		}
		k.first[key] = r.Line
	}
	if repeat {
		return true
	}
	k.n++
	switch {
	case k.keep:
		k.rows = append(k.rows, r)
	case k.each != nil && len(ie.Problems) == 0:
		if err := k.each(r); err != nil {
			k.err = err
			return false
		}
	}
	return true
}

// parseImport reads an import file into sink (ParseImport).
func (cat *Catalog) parseImport(name string, r io.Reader, today Date, sink *rowSink) (int, error) {
	ie := &ImportError{File: name}
	gr, guard := guardImport(r)
	data, err := io.ReadAll(io.LimitReader(gr, MaxImportBytes+1))
	if p := guardProblem(err, guard); p != nil {
		ie.Problems = append(ie.Problems, *p)
		return 0, ie
	}
	switch {
	case err != nil:
		ie.Problems = append(ie.Problems, ImportProblem{Line: 1, Field: "file", Text: T("无法读取：%v", "cannot read: %v", err)})
		return 0, ie
	case len(data) > MaxImportBytes:
		ie.Problems = append(ie.Problems, ImportProblem{Line: 1, Field: "file", Text: T("文件超过 %d MB，请分批导入", "the file is over %d MB; split it", MaxImportBytes>>20)})
		return 0, ie
	case bytes.HasPrefix(data, zipMagic):
		tab, probs := readXLSX(data)
		if probs != nil {
			ie.Problems = probs
			return 0, ie
		}
		return cat.parseTable(ie, sheetSource(tab), today, sink)
	case bytes.HasPrefix(data, oleMagic):
		ie.Problems = append(ie.Problems, ImportProblem{Line: 1, Field: "file", Text: T(
			"这是旧的 .xls 文件（或加了密码的工作簿），无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”",
			"this is an old .xls file (or a password-protected workbook) and cannot be read: save it as .xlsx or \"CSV UTF-8 (Comma delimited)\" in Excel or WPS")})
		return 0, ie
	}
	text, _, probs := decodeImportText(data)
	if probs != nil {
		ie.Problems = probs
		return 0, ie
	}
	head := bytes.TrimLeft(text, " \t\r\n")
	if len(head) > 0 && head[0] == '{' {
		return cat.parseJSONL(name, bytes.NewReader(text), today, sink)
	}
	tab, ok := readCSV(ie, text)
	if !ok {
		return 0, ie
	}
	return cat.parseTable(ie, tab, today, sink) // a malformed record is reported with the rows' problems
}

// tableSource is the header of a CSV file or a sheet and its records
// as they are read.
type tableSource struct {
	header   []string
	date1904 bool
	records  iter.Seq[importRecord]
}

// sheetSource is a workbook sheet read whole.
func sheetSource(tab *importTable) tableSource {
	return tableSource{header: tab.Header, date1904: tab.Date1904, records: slices.Values(tab.Records)}
}

// readCSV reads the header of CSV text and gives its records one by one
// as they are parsed (no table of every cell is kept); a malformed record
// or one past MaxImportRows is added to ie and ends the records. ok is
// false when the header cannot be read (the problem is in ie).
func readCSV(ie *ImportError, text []byte) (src tableSource, ok bool) {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		ie.Problems = append(ie.Problems, ImportProblem{Line: 1, Field: "header", Text: T("文件为空", "the file is empty")})
		return src, false
	}
	if err != nil {
		ie.Problems = append(ie.Problems, ImportProblem{Line: 1, Field: "header", Text: T("无法读取：%v", "cannot read: %v", err)})
		return src, false
	}
	src.header = slices.Clone(header)
	src.records = func(yield func(importRecord) bool) {
		for n := 0; ; n++ {
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				line := 0
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					line = pe.Line
				}
				ie.Problems = append(ie.Problems, ImportProblem{Line: line, Field: "csv", Text: T("格式错误：%v", "malformed: %v", err)})
				return
			}
			line, _ := cr.FieldPos(0)
			if n >= MaxImportRows {
				ie.Problems = append(ie.Problems, ImportProblem{Line: line, Field: "file", Text: T("超过 %d 行，请分批导入", "more than %d rows; split the file", MaxImportRows)})
				return
			}
			r := importRecord{Line: line, Cells: make([]importCell, len(rec))}
			for i, v := range rec {
				r.Cells[i].Text = v
			}
			if !yield(r) {
				return
			}
		}
	}
	return src, true
}

// parseTable validates the rows of a CSV file or a sheet: the header
// names the columns; each row becomes a draft or a list of problems.
func (cat *Catalog) parseTable(ie *ImportError, tab tableSource, today Date, sink *rowSink) (int, error) {
	malformed := len(ie.Problems)
	bad := ie.add
	cols := map[string]int{}
	names := map[string]string{} // canonical key → the header as written
	for i, h := range tab.header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if h == "" {
			continue
		}
		key, ok := csvColumns[h]
		if !ok {
			key, ok = csvColumns[strings.ToLower(h)]
		}
		if !ok {
			bad(1, h, T("未知的列名 %q", "unknown column %q", h))
			continue
		}
		if _, dup := cols[key]; dup {
			bad(1, h, T("列 %q 重复", "column %q appears twice", h))
		}
		cols[key] = i
		names[key] = h
	}
	for _, need := range []string{"id_number", "name", "project"} {
		if _, ok := cols[need]; !ok {
			bad(1, need, T("缺少必需的列", "required column missing"))
		}
	}
	if len(ie.Problems) > malformed {
		return 0, ie // rows cannot be read without their columns
	}
	column := func(key string) string {
		if n, ok := names[key]; ok {
			return n
		}
		return key
	}
	for rec := range tab.records {
		blank := true
		for _, c := range rec.Cells {
			if strings.TrimSpace(c.Text) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		var probs []FieldError
		unread := map[string]bool{} // columns whose cell could not be read
		vals := map[string]string{}
		for key, i := range cols {
			if i >= len(rec.Cells) {
				continue
			}
			v, problem := importValue(key, rec.Cells[i], tab.date1904)
			if problem != nil {
				probs = append(probs, FieldError{Field: key, Text: *problem})
				unread[key] = true
			}
			vals[key] = v
		}
		get := func(k string) string { return vals[k] }
		d, more := cat.csvDraft(get, today)
		for _, p := range more {
			p.Field = importColumn(p.Field)
			if !unread[p.Field] {
				probs = append(probs, p) // one message for a cell that could not be read
			}
		}
		seen := map[FieldError]bool{}
		for _, p := range probs {
			if seen[p] {
				continue
			}
			seen[p] = true
			bad(rec.Line, column(p.Field), p.Text)
		}
		if len(probs) == 0 && !sink.add(ie, ImportRow{Line: rec.Line, Draft: d}) {
			break
		}
	}
	return ie.result(sink, 2)
}

// importColumn maps a draft's field name to the import column it comes
// from: applicant.id_number is the id_number column.
func importColumn(field string) string {
	switch {
	case field == "applicant.doc_type", field == "applicant.birth", field == "applicant.guardian":
		return "id_number"
	case strings.HasPrefix(field, "applicant."):
		return strings.TrimPrefix(field, "applicant.")
	case strings.HasPrefix(field, "applications["):
		if strings.HasSuffix(field, ".requested") {
			return "amount_requested"
		}
		return "project"
	case field == "household.size":
		return "household_size"
	case field == "household.area":
		return "area"
	case strings.Contains(field, ".incomes["):
		if strings.HasSuffix(field, ".monthly") {
			return "monthly_income"
		}
		return "income_detail"
	}
	return field
}

// checkReceived refuses a received date before EarliestReceived (a date
// after today is refused by Validate).
func checkReceived(day Date) *Text {
	if day.Before(EarliestReceived) {
		t := T("受理日期 %s 早于 %d 年，请核对年份", "received date %s is before %d; check the year", day, EarliestReceived.Year)
		return &t
	}
	return nil
}

// csvDraft builds and validates the draft of one CSV row and returns
// every problem of the row: those of reading its cells and those of
// validating the draft, each under the draft's field name.
func (cat *Catalog) csvDraft(get func(string) string, today Date) (*Draft, []FieldError) {
	var probs []FieldError
	add := func(f string, t Text) { probs = append(probs, FieldError{Field: f, Text: t}) }
	d := &Draft{Applicant: Person{DocType: DocResidentID, DocNumber: get("id_number"), Name: get("name"),
		Phone: get("phone"), Township: get("township"), Village: get("village")}, Note: get("note")}
	code := get("project")
	p := cat.Project(code)
	if p == nil {
		if code == "" {
			add("project", T("救助项目不能为空", "the project is required"))
		} else {
			add("project", T("未知救助项目 %q", "unknown project %q", code))
		}
	} else {
		code = p.Code
		if dep := get("department"); dep != "" {
			if dd := cat.Department(dep); dd == nil {
				add("department", T("未知部门 %q", "unknown department %q", dep))
			} else if dd.Key != p.Department {
				own := cat.Department(p.Department)
				add("department", T("项目 %s 属于%s，不属于%s", "project %s belongs to %s, not %s", p.Code, own.Name, dd.Name))
			}
		}
	}
	app := Application{Project: code}
	if s := get("amount_requested"); s != "" {
		m, err := ParseMoney(s)
		if err != nil {
			add("amount_requested", textOf(err))
		} else {
			app.Requested = m
		}
	}
	d.Apps = []Application{app}
	if s := get("household_size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxMembers {
			add("household_size", T("家庭人口 %q 应为 1–%d 的整数", "household size %q must be a whole number 1–%d", s, MaxMembers))
		} else {
			d.Household.Size = n
		}
	}
	var incomes []Income
	var detailSum Money
	detailOK := true
	if s := get("income_detail"); s != "" {
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' }) {
			if strings.TrimSpace(part) == "" {
				continue
			}
			kind, amt, ok := strings.Cut(part, ":")
			if !ok {
				kind, amt, ok = strings.Cut(part, "：")
			}
			kind = strings.TrimSpace(kind)
			if !ok || kind == "" {
				add("income_detail", T("%q 应写成 类别:金额", "%q must be kind:amount", part))
				detailOK = false
				continue
			}
			k := cat.lookupIncomeKind(kind)
			if k == nil {
				add("income_detail", cat.unknownIncomeKind(kind))
			}
			m, err := ParseMoney(amt)
			if err != nil {
				add("income_detail", textOf(err))
			}
			if k == nil || err != nil {
				detailOK = false
				continue
			}
			incomes = append(incomes, Income{Kind: k.Key, Source: kind, Monthly: m})
			detailSum += m
		}
	}
	if s := get("monthly_income"); s != "" {
		m, err := ParseMoney(s)
		switch {
		case err != nil:
			add("monthly_income", textOf(err))
		case incomes == nil && detailOK:
			incomes = []Income{{Kind: cat.defaultIncomeKind(), Source: "申报", Monthly: m}}
		case detailOK && m != detailSum:
			add("monthly_income", T("%s 元与收入明细合计 %s 元不符", "%s yuan does not equal the income detail's sum of %s yuan", m, detailSum))
		}
	}
	if s := get("channel"); s != "" {
		ch, ok := ParseChannel(s)
		if !ok {
			add("channel", T("未知受理渠道 %q", "unknown channel %q", s))
		}
		d.Channel = ch
	}
	if s := get("area"); s != "" {
		switch s {
		case "urban", "城市", "城镇":
			d.Household.Area = Urban
		case "rural", "农村":
			d.Household.Area = Rural
		default:
			add("area", T("户籍类别 %q 应为 城市 或 农村", "area %q must be urban or rural", s))
		}
	} else if p != nil && p.Area != "" {
		d.Household.Area = p.Area
	}
	if s := get("received_at"); s != "" {
		day, err := ParseDate(s)
		if err != nil {
			add("received_at", textOf(err))
		} else if t := checkReceived(day); t != nil {
			add("received_at", *t)
		} else {
			d.Received = day.Time(time.Local)
		}
	}
	d.Household.Members = []Member{{Person: d.Applicant, Relation: RelationSelf, Incomes: incomes}}
	// Validate even when a cell was bad, so the row's other problems are
	// reported too (a bad project and a bad ID number both show).
	if err := cat.Validate(d, today); err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			for _, vp := range ve.Problems {
				if p == nil && importColumn(vp.Field) == "project" {
					continue // reported above
				}
				probs = append(probs, vp)
			}
		} else {
			probs = append(probs, FieldError{Field: "row", Text: textOf(err)})
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return d, nil
}

// defaultIncomeKind is the kind a bare monthly income is counted as: the
// first counted kind of the catalogue.
func (cat *Catalog) defaultIncomeKind() string {
	for _, k := range cat.IncomeKinds {
		if k.Counted {
			return k.Key
		}
	}
	return ""
}

// jsonlRecord is one JSON Lines record: a Draft whose received_at may be a
// date or an RFC 3339 time.
type jsonlRecord struct {
	Draft
	ReceivedAt string `json:"received_at"`
}

func (cat *Catalog) parseJSONL(name string, r io.Reader, today Date, sink *rowSink) (int, error) {
	ie := &ImportError{File: name}
	bad := ie.add
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
		}
		if len(raw) == 0 {
			continue
		}
		if !utf8.Valid(raw) {
			bad(line, "line", T("不是 UTF-8 文本", "not UTF-8 text"))
			continue
		}
		if sink.n+len(ie.Problems) >= MaxImportRows {
			bad(line, "file", T("超过 %d 行，请分批导入", "more than %d rows; split the file", MaxImportRows))
			break
		}
		var rec jsonlRecord
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			bad(line, "json", T("无法解析：%v", "cannot parse: %v", err))
			continue
		}
		d := rec.Draft
		if rec.ReceivedAt != "" {
			if t, err := time.Parse(time.RFC3339, rec.ReceivedAt); err == nil {
				d.Received = t
			} else if day, err := ParseDate(rec.ReceivedAt); err == nil {
				d.Received = day.Time(time.Local)
			} else {
				bad(line, "received_at", textOf(err))
			}
			if t := checkReceived(DateOf(d.Received)); !d.Received.IsZero() && t != nil {
				bad(line, "received_at", *t)
			}
		}
		// Income kinds as people write them; an unknown one is answered
		// with the closest known kinds (and not again by Validate).
		told := map[Text]bool{}
		for i := range d.Household.Members {
			for j := range d.Household.Members[i].Incomes {
				in := &d.Household.Members[i].Incomes[j]
				if k := cat.lookupIncomeKind(in.Kind); k != nil {
					in.Kind = k.Key
				} else {
					bad(line, fmt.Sprintf("household.members[%d].incomes[%d].kind", i, j), cat.unknownIncomeKind(in.Kind))
					told[T("未知收入类别 %q", "unknown income kind %q", in.Kind)] = true
				}
			}
		}
		if err := cat.Validate(&d, today); err != nil {
			var ve *ValidationError
			if errors.As(err, &ve) {
				for _, p := range ve.Problems {
					if !told[p.Text] {
						bad(line, p.Field, p.Text)
					}
				}
			} else {
				bad(line, "record", textOf(err))
			}
		}
		if rowFailed(ie, line) {
			continue
		}
		if !sink.add(ie, ImportRow{Line: line, Draft: &d}) {
			break
		}
	}
	if err := sc.Err(); err != nil {
		bad(line+1, "file", T("无法读取：%v", "cannot read: %v", err))
	}
	return ie.result(sink, 1)
}

// add records a problem of the file: line, the column (or "file") and
// what is wrong.
func (e *ImportError) add(line int, field string, t Text) {
	e.Problems = append(e.Problems, ImportProblem{line, field, t})
}

// result ends the reading of an import file: rows given twice are
// problems too, and any problem refuses the whole file, as does a file
// without data rows (reported at line empty, its first data line).
func (e *ImportError) result(sink *rowSink, empty int) (int, error) {
	if sink.err != nil {
		return sink.n, sink.err
	}
	if len(e.Problems) > 0 {
		e.sortByLine()
		return 0, e
	}
	if sink.n == 0 {
		e.add(empty, "file", T("没有数据行", "no data rows"))
		return 0, e
	}
	return sink.n, nil
}

// sortByLine orders the problems by line, keeping each line's in the
// order they were found.
func (e *ImportError) sortByLine() {
	sort.SliceStable(e.Problems, func(i, j int) bool { return e.Problems[i].Line < e.Problems[j].Line })
}

// rowFailed reports whether a problem of line is listed: problems are
// listed line by line, so it is the last one.
func rowFailed(ie *ImportError, line int) bool {
	n := len(ie.Problems)
	return n > 0 && ie.Problems[n-1].Line == line
}

// Import stores parsed rows in one transaction: all or nothing.
func (s *Store) Import(rows []ImportRow, who string) ([]*Case, error) {
	drafts := make([]*Draft, len(rows))
	for i, r := range rows {
		drafts[i] = r.Draft
	}
	cases, err := s.IntakeBatch(drafts, who)
	var be BatchErrors
	if errors.As(err, &be) {
		ie := &ImportError{}
		for _, e := range be {
			ie.Problems = append(ie.Problems, ImportProblem{Line: rows[e.Index].Line, Field: "row", Text: textOf(e.Err)})
		}
		return nil, ie
	}
	return cases, err
}
