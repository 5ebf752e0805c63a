package casefile

import (
	"errors"
	"strings"
	"testing"
)

func TestImportCSVAllOrNothing(t *testing.T) {
	st, _, _ := newStore(t)
	cat := st.Catalog()
	p := urbanDibao(t, cat)
	otherDept := ""
	for _, d := range cat.Departments {
		if d.Key != p.Department {
			otherDept = d.Name
			break
		}
	}
	good1, good2 := idFor("19800101", 1), idFor("19810101", 2)
	csv := "id_number,name,phone,township,village,department,project,amount_requested,household_size,monthly_income,income_detail,channel,received_at,note\n" +
		good1 + ",甲,13912345678,城关镇,东村,," + p.Code + ",,3,2140,公益性岗位工资:1750;城市低保金:390,window,2026-11-02,\n" +
		"610602198001011230,乙,,,,," + p.Code + ",,,,,,,\n" + // wrong check character
		good2 + ",丙,,,," + otherDept + "," + p.Code + ",,,,,,,\n" + // department is not the project's
		good2 + ",丁,,,,,NOPE,abc,0,,,by pigeon,2099-01-01,\n"
	_, err := cat.ParseImport("apps.csv", strings.NewReader(csv), DateOf(testNow))
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v", err)
	}
	msg := Message(err, EN)
	for _, want := range []string{
		"line 3: id_number: invalid resident ID number: check character",
		"line 4: department: project " + p.Code + " belongs to",
		"line 5: project: unknown project \"NOPE\"",
		"line 5: amount_requested: invalid amount",
		"line 5: household_size:",
		"line 5: channel: unknown channel",
		"line 5: received_at: received date is in the future", // every problem of the row
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("report lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "line 2:") {
		t.Errorf("good line reported:\n%s", msg)
	}
	if zh := Message(err, ZH); !strings.Contains(zh, "第 3 行") {
		t.Errorf("zh report: %s", zh)
	}
	wantNoCases(t, st, "from a bad file")

	// The good line alone, with a BOM and Chinese headers, imports.
	ok := "\ufeff身份证号,姓名,项目,家庭人口,月收入,收入明细,受理日期\n" +
		good1 + ",甲," + p.Code + ",3,2140,公益性岗位工资:1750;城市低保金:390,2026-11-02\n"
	rows, err := cat.ParseImport("ok.csv", strings.NewReader(ok), DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	cases, err := st.Import(rows, "local:importer")
	if err != nil || len(cases) != 1 {
		t.Fatalf("import: %v", err)
	}
	c := cases[0]
	inc := cat.Income(c)
	// 1750 counted, 390 of dibao money excluded; 3 members.
	if inc.Counted != Yuan(1750) || inc.Excluded != Yuan(390) || inc.Members != 3 || inc.PerCapita != DivRound(Yuan(1750), 3) {
		t.Errorf("imported income = %+v", inc)
	}
	if c.ReceivedDate() != (Date{2026, 11, 2}) {
		t.Errorf("received %s", c.ReceivedDate())
	}
}

func TestImportCSVMismatchedTotals(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	csv := "id_number,name,project,monthly_income,income_detail\n" + idFor("19800101", 1) + ",甲," + p.Code + ",2000,公益性岗位工资:1750;城市低保金:390\n"
	_, err := cat.ParseImport("x.csv", strings.NewReader(csv), DateOf(testNow))
	if err == nil || !strings.Contains(Message(err, EN), "line 2: monthly_income: 2000.00 yuan does not equal the income detail's sum of 2140.00 yuan") {
		t.Errorf("err = %v", err)
	}
}

func TestImportJSONL(t *testing.T) {
	st, _, _ := newStore(t)
	cat := st.Catalog()
	p := urbanDibao(t, cat)
	good := `{"applicant":{"doc_number":"` + idFor("19800101", 1) + `","name":"甲"},"household":{"area":"urban","members":[{"person":{"doc_number":"` + idFor("19800101", 1) + `","name":"甲"},"relation":"本人","incomes":[{"kind":"wages","monthly":"600.50"}]},{"person":{"doc_type":"birth_certificate","doc_number":"O123","name":"小甲","birth":"2025-05-01","guardian_name":"甲"},"relation":"子女"}]},"applications":[{"project":"` + p.Code + `"}],"received_at":"2026-11-03"}`
	bad := `{"applicant":{"doc_number":"123","name":"乙"},"applications":[{"project":"` + p.Code + `"}],"colour":"red"}`
	_, err := cat.ParseImport("a.jsonl", strings.NewReader(good+"\n"+bad+"\n{broken\n"), DateOf(testNow))
	msg := Message(err, EN)
	if !strings.Contains(msg, "line 2: json:") || !strings.Contains(msg, "colour") || !strings.Contains(msg, "line 3: json:") || strings.Contains(msg, "line 1") {
		t.Errorf("report:\n%s", msg)
	}
	rows, err := cat.ParseImport("a.jsonl", strings.NewReader(good+"\n"), DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	cases, err := st.Import(rows, "local:importer")
	if err != nil {
		t.Fatal(err)
	}
	c := cases[0]
	if len(c.Household.Members) != 2 || c.Household.Members[0].Incomes[0].Monthly != 60050 || c.Household.Members[1].Person.Birth != (Date{2025, 5, 1}) {
		t.Errorf("household = %+v", c.Household)
	}
	if cat.Income(c).PerCapita != 30025 {
		t.Errorf("per capita = %s", cat.Income(c).PerCapita)
	}
}

func FuzzParseImport(f *testing.F) {
	f.Add("id_number,name,project\n610602198001011230,甲,MZ-01\n")
	f.Add("\ufeff身份证号,姓名,项目\n\"unterminated,x\n")
	f.Add(`{"applicant":{"doc_number":"1"}}` + "\n")
	f.Add("a,b\n1,2,3\n")
	cat := defaultCatalog(f)
	f.Fuzz(func(t *testing.T, s string) {
		rows, err := cat.ParseImport("f", strings.NewReader(s), DateOf(testNow))
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) || len(ie.Problems) == 0 || Message(err, ZH) == "" {
				t.Fatalf("rejection without a clear report: %v", err)
			}
			return
		}
		for _, r := range rows {
			if r.Draft == nil || len(r.Draft.Apps) == 0 {
				t.Fatal("accepted an empty row")
			}
		}
	})
}
