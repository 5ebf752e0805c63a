package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/report"
	"github.com/rongjiuzhu/hall/casefile/report/reporttest"
)

// reportHall is the hall of known composition (reporttest.Build), closed
// so that the CLI can open it.
func reportHall(t *testing.T) *reporttest.Hall {
	t.Helper()
	h := reporttest.Build(t)
	h.St.Close()
	return h
}

func TestReportDepartmentsJSON(t *testing.T) {
	h := reportHall(t)
	out := mustHall(t, "--db", h.Path, "report", "departments", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
	var rep report.Departments
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// the county: A 620.00 a month; one-off: A 5,000.00, B 1,500.00,
	// E 2,400.00 and the youth league's freshman aid (4,000.00 by the
	// catalogue's standard); five decisions over 20+10+15+29+3 working days
	c := rep.County
	youth := casefile.Yuan(4000)
	if c.Funds != (casefile.Amounts{Monthly: 620_00, OneOff: 5000_00 + 1500_00 + 2400_00 + youth}) ||
		c.Received != 6 || c.Decided != 5 || c.WorkdaysTotal != 77 || c.Ratings != 3 {
		t.Errorf("county: %+v", c)
	}
	if !strings.Contains(out, `"monthly": "620.00"`) {
		t.Errorf("amounts are not in yuan strings as elsewhere in the JSON:\n%s", out)
	}
	// the same by --period, and a usage error for both
	if out2 := mustHall(t, "--db", h.Path, "report", "departments", "--period", "2026-11", "--json"); out2 != out {
		t.Error("--period 2026-11 differs from --from/--to")
	}
	if _, _, code := hall(t, "--db", h.Path, "report", "departments", "--period", "2026-11", "--from", "2026-11-01"); code != exitUsage {
		t.Errorf("--period with --from: exit %d", code)
	}
	if _, _, code := hall(t, "--db", h.Path, "report", "departments", "--out", "x.csv"); code != exitUsage {
		t.Errorf("--out x.csv: exit %d", code)
	}
}

func TestReportDepartmentsXLSXReadsBack(t *testing.T) {
	h := reportHall(t)
	path := filepath.Join(t.TempDir(), "report.xlsx")
	mustHall(t, "--db", h.Path, "--lang", "en", "report", "departments", "--period", "2026-11", "--out", path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, "|") != "Departments|Funds by project|Cases|Desks" {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("Departments", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %q in %v", name, head)
		return -1
	}
	find := func(label string) []string {
		for _, r := range rows[1:] {
			if r[0] == label {
				return r
			}
		}
		t.Fatalf("no row %q", label)
		return nil
	}
	county := find("county total")
	civil := find("County Civil Affairs Bureau")
	check := func(r []string, name, want string) {
		t.Helper()
		if got := r[col(name)]; got != want {
			t.Errorf("%s %s = %q, want %q", r[0], name, got, want)
		}
	}
	check(county, "received", "6")
	check(county, "monthly (yuan)", "620")
	check(county, "one-off (yuan)", "12900")
	check(county, "decided", "5")
	check(county, "avg working days", "15.4")
	check(civil, "one-off (yuan)", "3900")
	check(civil, "one-off avoided (yuan)", "3000")
	check(civil, "worst working days", "29")
	check(civil, "late", "1")
	check(civil, "avg score", "4.5")
	// numbers are number cells, money formatted with two decimals
	cell, _ := excelize.CoordinatesToCellName(col("one-off (yuan)")+1, 2)
	if typ, _ := f.GetCellType("Departments", cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("money cell %s is of type %v", cell, typ)
	}
	if v, _ := f.GetCellValue("Departments", cell); v != "3,900.00" {
		t.Errorf("money cell %s shows %q, want 3,900.00", cell, v)
	}
	if p, err := f.GetPanes("Departments"); err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", p, err)
	}
	funds, _ := f.GetRows("Funds by project", excelize.Options{RawCellValue: true})
	got := map[string]string{}
	for _, r := range funds[1:] {
		got[r[0]] = r[4] + "/" + r[5]
	}
	want := map[string]string{"MZ-01": "620/0", "HS-01": "0/5000", "MZ-05": "0/1500", "MZ-06": "0/2400", "TW-01": "0/4000"}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("funds of %s: %q, want %q (all %v)", p, got[p], w, got)
		}
	}
}

func TestReportDepartmentsPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		needTool(t, "pdftotext is missing: apt-get install poppler-utils")
	}
	h := reportHall(t)
	path := filepath.Join(t.TempDir(), "report.pdf")
	out, errs, code := hall(t, "--db", h.Path, "report", "departments", "--period", "2026-11", "--out", path)
	if code != 0 {
		if strings.Contains(errs, "字体") || strings.Contains(errs, "font") {
			needTool(t, "no CJK font: apt-get install fonts-wqy-microhei\n"+errs)
		}
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	txt, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	s := string(txt)
	for _, want := range []string{"部门贡献统计表", "2026年11月1日至2026年11月30日", "全县合计", "620.00", "12,900.00", "不相加"} {
		if !strings.Contains(s, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}
