package casefile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// Message lists the problems as "line N: field: reason", one per line.
func (e *ImportError) Message(lang Lang) string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		if lang == EN {
			fmt.Fprintf(&b, "line %d: %s: %s", p.Line, p.Field, p.Text.In(lang))
		} else {
			fmt.Fprintf(&b, "第 %d 行：%s：%s", p.Line, p.Field, p.Text.In(lang))
		}
	}
	return b.String()
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

// ParseImport reads a CSV (UTF-8, optional BOM, one application per row)
// or JSON Lines file (one Draft per line; detected by a leading '{') and
// validates every row against the catalogue. It returns the drafts, or an
// ImportError listing every bad line; never a partial result.
func (cat *Catalog) ParseImport(name string, r io.Reader, today Date) ([]ImportRow, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4)
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) > 0 && head[0] == '{' {
		return cat.parseJSONL(name, br, today)
	}
	return cat.parseCSV(name, br, today)
}

func (cat *Catalog) parseCSV(name string, r io.Reader, today Date) ([]ImportRow, error) {
	ie := &ImportError{File: name}
	bad := func(line int, field string, t Text) { ie.Problems = append(ie.Problems, ImportProblem{line, field, t}) }
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		bad(1, "header", T("文件为空", "the file is empty"))
		return nil, ie
	}
	if err != nil {
		bad(1, "header", T("无法读取：%v", "cannot read: %v", err))
		return nil, ie
	}
	cols := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
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
	}
	for _, need := range []string{"id_number", "name", "project"} {
		if _, ok := cols[need]; !ok {
			bad(1, need, T("缺少必需的列", "required column missing"))
		}
	}
	if len(ie.Problems) > 0 {
		return nil, ie
	}
	var rows []ImportRow
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line := 0
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			bad(line, "csv", T("格式错误：%v", "malformed: %v", err))
			if errors.As(err, &pe) && pe.Err == csv.ErrFieldCount {
				continue
			}
			break
		}
		line, _ = cr.FieldPos(0)
		if len(rows) >= MaxImportRows {
			bad(line, "file", T("超过 %d 行，请分批导入", "more than %d rows; split the file", MaxImportRows))
			break
		}
		get := func(k string) string {
			if i, ok := cols[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue // blank line
		}
		d, probs := cat.csvDraft(get, today)
		for _, p := range probs {
			bad(line, p.Field, p.Text)
		}
		if len(probs) == 0 {
			rows = append(rows, ImportRow{Line: line, Draft: d})
		}
	}
	if len(ie.Problems) > 0 {
		return nil, ie
	}
	if len(rows) == 0 {
		bad(2, "file", T("没有数据行", "no data rows"))
		return nil, ie
	}
	return rows, nil
}

// csvDraft builds and validates the draft of one CSV row.
func (cat *Catalog) csvDraft(get func(string) string, today Date) (*Draft, []FieldError) {
	var probs []FieldError
	add := func(f string, t Text) { probs = append(probs, FieldError{Field: f, Text: t}) }
	d := &Draft{Applicant: Person{DocType: DocResidentID, DocNumber: get("id_number"), Name: get("name"),
		Phone: get("phone"), Township: get("township"), Village: get("village")}, Note: get("note")}
	code := get("project")
	p := cat.Project(code)
	if p == nil {
		add("project", T("未知救助项目 %q", "unknown project %q", code))
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
		}
		app.Requested = m
	}
	d.Apps = []Application{app}
	if s := get("household_size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxMembers {
			add("household_size", T("家庭人口 %q 应为 1–%d 的整数", "household size %q must be a whole number 1–%d", s, MaxMembers))
		}
		d.Household.Size = n
	}
	var incomes []Income
	var detailSum Money
	if s := get("income_detail"); s != "" {
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' }) {
			kind, amt, ok := strings.Cut(part, ":")
			if !ok {
				kind, amt, ok = strings.Cut(part, "：")
			}
			kind = strings.TrimSpace(kind)
			if !ok || kind == "" {
				add("income_detail", T("%q 应写成 类别:金额", "%q must be kind:amount", part))
				continue
			}
			k := cat.IncomeKind(kind)
			if k == nil {
				add("income_detail", T("未知收入类别 %q", "unknown income kind %q", kind))
				continue
			}
			m, err := ParseMoney(amt)
			if err != nil {
				add("income_detail", textOf(err))
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
		case incomes == nil:
			incomes = []Income{{Kind: cat.defaultIncomeKind(), Source: "申报", Monthly: m}}
		case m != detailSum:
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
		} else {
			d.Received = day.Time(time.Local)
		}
	}
	d.Household.Members = []Member{{Person: d.Applicant, Relation: RelationSelf, Incomes: incomes}}
	if len(probs) > 0 {
		return nil, probs
	}
	if err := cat.Validate(d, today); err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			return nil, ve.Problems
		}
		return nil, []FieldError{{Field: "row", Text: textOf(err)}}
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

func (cat *Catalog) parseJSONL(name string, r io.Reader, today Date) ([]ImportRow, error) {
	ie := &ImportError{File: name}
	bad := func(line int, field string, t Text) { ie.Problems = append(ie.Problems, ImportProblem{line, field, t}) }
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var rows []ImportRow
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
		if len(rows)+len(ie.Problems) >= MaxImportRows {
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
				bad(line, "received_at", T("%q 不是日期", "%q is not a date", rec.ReceivedAt))
				continue
			}
		}
		if err := cat.Validate(&d, today); err != nil {
			var ve *ValidationError
			if errors.As(err, &ve) {
				for _, p := range ve.Problems {
					bad(line, p.Field, p.Text)
				}
			} else {
				bad(line, "record", textOf(err))
			}
			continue
		}
		rows = append(rows, ImportRow{Line: line, Draft: &d})
	}
	if err := sc.Err(); err != nil {
		bad(line+1, "file", T("无法读取：%v", "cannot read: %v", err))
	}
	if len(ie.Problems) > 0 {
		return nil, ie
	}
	if len(rows) == 0 {
		bad(1, "file", T("没有数据行", "no data rows"))
		return nil, ie
	}
	return rows, nil
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
