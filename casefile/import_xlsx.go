package casefile

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// importCell is one cell of an import table: its text, and whether a
// spreadsheet stored it as a number (an Excel number or date serial).
type importCell struct {
	Text string
	Num  bool
}

// importRecord is one row of an import table and its line (CSV) or row
// (spreadsheet) number.
type importRecord struct {
	Line  int
	Cells []importCell
}

// importTable is a CSV file or a spreadsheet's first sheet: the header
// row and the data rows.
type importTable struct {
	Header   []string
	Records  []importRecord
	Date1904 bool // the workbook counts date serials from 1904
}

var (
	excelScientific = regexp.MustCompile(`^[0-9](\.[0-9]+)?[Ee]\+[0-9]+$`)
	zipMagic        = []byte("PK\x03\x04")
	oleMagic        = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // .xls, or an encrypted .xlsx
)

// readXLSX reads the first sheet of an .xlsx workbook: the first row is
// the header; cells keep whether Excel stored them as numbers, read raw
// (an amount is 2140, not "2,140.00"; a date is its serial number).
func readXLSX(data []byte) (*importTable, []ImportProblem) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, []ImportProblem{{Line: 1, Field: "file", Text: T("无法读取 .xlsx 文件：%v", "cannot read the .xlsx file: %v", err)}}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, []ImportProblem{{Line: 1, Field: "file", Text: T("工作簿中没有工作表", "the workbook has no sheet")}}
	}
	sheet := sheets[0]
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, []ImportProblem{{Line: 1, Field: "file", Text: T("无法读取工作表 %q：%v", "cannot read sheet %q: %v", sheet, err)}}
	}
	tab := &importTable{}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		tab.Date1904 = *props.Date1904
	}
	for i, row := range rows {
		if i == 0 {
			tab.Header = row
			continue
		}
		if len(tab.Records) >= MaxImportRows {
			return nil, []ImportProblem{{Line: i + 1, Field: "file", Text: T("超过 %d 行，请分批导入", "more than %d rows; split the file", MaxImportRows)}}
		}
		rec := importRecord{Line: i + 1, Cells: make([]importCell, len(row))}
		for j, v := range row {
			rec.Cells[j].Text = v
			if v == "" {
				continue
			}
			ref, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				continue
			}
			switch t, _ := f.GetCellType(sheet, ref); t {
			case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeDate:
				// no type attribute means a number in OOXML
				_, err := strconv.ParseFloat(v, 64)
				rec.Cells[j].Num = err == nil
			}
		}
		tab.Records = append(tab.Records, rec)
	}
	return tab, nil
}

// importValue turns a cell into the text the column expects. Only
// spreadsheet numbers need work: an ID number stored as a number is
// refused (Excel keeps 15 significant digits, so an 18-digit number has
// already lost its last ones); a date serial becomes a date; an amount is
// rounded to fen; any other number is written plainly.
func importValue(key string, c importCell, date1904 bool) (string, *Text) {
	s := strings.TrimSpace(c.Text)
	if !c.Num {
		if key == "id_number" && excelScientific.MatchString(s) {
			// a CSV saved from a sheet whose ID column was numbers
			t := T("号码被 Excel 写成了科学计数法（%s），末几位已经丢失。请在 Excel 中把这一列设置为“文本”格式，重新录入号码后再保存导入",
				"Excel wrote the number in scientific notation (%s) and its last digits are lost. Format the column as Text in Excel, type the numbers again, save and re-import", s)
			return "", &t
		}
		return s, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s, nil
	}
	switch key {
	case "id_number":
		t := T("单元格是数字格式（Excel 显示为 %s）：Excel 只保留 15 位有效数字，18 位号码的末几位已经丢失。请把这一列设置为“文本”格式，重新录入号码后再导入",
			"the cell is a number (Excel shows %s): Excel keeps only 15 significant digits, so the last digits of an 18-digit number are already lost. Format the column as Text, type the numbers again and re-import",
			excelShort(f))
		return "", &t
	case "received_at":
		if f < 1 || f > 2958465 {
			t := T("数字 %s 不是日期", "the number %s is not a date", s)
			return "", &t
		}
		tm, err := excelize.ExcelDateToTime(f, date1904)
		if err != nil {
			t := T("数字 %s 不是日期", "the number %s is not a date", s)
			return "", &t
		}
		return DateOf(tm).String(), nil
	case "amount_requested", "monthly_income":
		if r := math.Round(f * 100); math.Abs(f*100-r) < 1e-6 {
			f = r / 100
		}
	}
	return strconv.FormatFloat(f, 'f', -1, 64), nil
}

// excelShort writes a big number as Excel's General format shows it:
// 1.10105E+17.
func excelShort(f float64) string {
	if math.Abs(f) < 1e11 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatFloat(f, 'E', 5, 64)
	mant, exp, _ := strings.Cut(s, "E")
	mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	return mant + "E" + exp
}
