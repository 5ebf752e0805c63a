package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// An office's day: a GBK CSV saved by Excel and an .xlsx workbook import
// from the command line; a workbook whose ID numbers are number cells is
// refused with the remedy, in the user's language.
func TestImportGBKAndXLSXFromCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("身份证号,姓名,项目,收入明细,受理日期\n" +
		validID("19800101", 1) + ",欧阳娜娜,MZ-01,务农收入:300;低保金:390,2026-11-02\n")
	if err != nil {
		t.Fatal(err)
	}
	csvPath := filepath.Join(dir, "excel.csv")
	os.WriteFile(csvPath, []byte(gbk), 0o644)

	book := func(name string, id any) string {
		f := excelize.NewFile()
		defer f.Close()
		f.SetSheetRow("Sheet1", "A1", &[]any{"身份证号", "姓名", "项目", "申请金额", "受理日期"})
		f.SetSheetRow("Sheet1", "A2", &[]any{id, "王五", "MZ-01", 120.5, 46328}) // 46328 is 2026-11-02
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	_, errs, code := hall(t, "--db", db, "import", book("bad.xlsx", 610602198101010000))
	if code != 1 || !strings.Contains(errs, "第 2 行：身份证号：单元格是数字格式") || !strings.Contains(errs, "“文本”格式") {
		t.Fatalf("number ID: exit %d\n%s", code, errs)
	}
	_, errs, _ = hall(t, "--db", db, "--lang", "en", "import", book("bad2.xlsx", 610602198101010000))
	if !strings.Contains(errs, "line 2: 身份证号: the cell is a number (Excel shows 6.10602E+17)") {
		t.Fatalf("en:\n%s", errs)
	}
	mustHall(t, "--db", db, "import", csvPath)
	mustHall(t, "--db", db, "import", book("good.xlsx", validID("19810101", 2)))

	var list []struct{ Name string }
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "cases", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range list {
		names[c.Name] = true
	}
	if len(list) != 2 || !names["欧阳娜娜"] || !names["王五"] {
		t.Errorf("cases = %+v", list)
	}
}
