package main

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
)

func validID(birth string, serial int) string {
	body := fmt.Sprintf("610602%s%03d", birth, serial)
	return body + string(casefile.IDCheckChar(body))
}

func TestCatalogJSON(t *testing.T) {
	out := mustHall(t, "catalog", "--json")
	var cat struct {
		Departments []struct{ Key string }
		Projects    []struct {
			Code, Department, Group, Kind string
			AmountRule                    string `json:"amount_rule"`
		}
		Standards []struct {
			Key    string
			Amount string
		}
	}
	if err := json.Unmarshal([]byte(out), &cat); err != nil {
		t.Fatalf("catalog --json is not JSON: %v", err)
	}
	if len(cat.Departments) < 17 || len(cat.Projects) < 45 {
		t.Errorf("catalog has %d departments, %d projects", len(cat.Departments), len(cat.Projects))
	}
	depts := map[string]bool{}
	for _, p := range cat.Projects {
		if p.Group == "college_freshman" {
			depts[p.Department] = true
		}
	}
	if len(depts) < 7 {
		t.Errorf("college_freshman by %d departments", len(depts))
	}
	for _, s := range cat.Standards {
		if _, err := casefile.ParseMoney(s.Amount); err != nil {
			t.Errorf("standard %s amount %q is not yuan: %v", s.Key, s.Amount, err)
		}
	}
	if zh := mustHall(t, "catalog"); !strings.Contains(zh, "县民政局") || !strings.Contains(zh, "地方标准") {
		t.Error("human catalogue lacks Chinese labels")
	}
	if en := mustHall(t, "--lang", "en", "catalog"); !strings.Contains(en, "Local standards") {
		t.Error("English catalogue lacks English labels")
	}
}

func TestImportCasesShowDedupJSON(t *testing.T) {
	db := tempDB(t)
	cat, _ := casefile.DefaultCatalog()
	var fresh []*casefile.Project
	for _, p := range cat.Projects {
		if p.Group == "college_freshman" {
			fresh = append(fresh, p)
		}
	}
	student := validID("20080901", 12)
	other := validID("19700101", 33)
	rows := []string{"身份证号,姓名,项目,部门,家庭人口,收入明细,受理日期"}
	for i := 0; i < 3; i++ {
		d := cat.Department(fresh[i].Department)
		rows = append(rows, student+",周同学,"+fresh[i].Code+","+d.Name+",3,公益性岗位工资:1750;城市低保金:390,"+fmt.Sprintf("2026-09-%02d", i+1))
	}
	rows = append(rows, other+",吴大伯,"+fresh[0].Code+",,1,,2026-09-02")
	good := filepath.Join(t.TempDir(), "good.csv")
	os.WriteFile(good, []byte(strings.Join(rows, "\n")+"\n"), 0o644)

	// A bad file stores nothing and lists each bad line.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte(strings.Join(rows, "\n")+"\n"+validID("19700101", 1)[:17]+"0,坏,"+fresh[0].Code+",,1,,\n"), 0o644)
	_, errs, code := hall(t, "--db", db, "--lang", "en", "import", bad)
	if code != 1 || !strings.Contains(errs, "nothing was stored") || !strings.Contains(errs, "line 6: 身份证号:") {
		t.Fatalf("bad import: exit %d\n%s", code, errs)
	}
	if out := mustHall(t, "--db", db, "cases", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("cases after a failed import: %s", out)
	}
	if out := mustHall(t, "--db", db, "import", "--dry-run", good); !strings.Contains(out, "4") {
		t.Errorf("dry run: %s", out)
	}
	mustHall(t, "--db", db, "import", good)

	var list []struct {
		Number, Name, Status string
		IDNumber             string `json:"id_number"`
		Projects             []struct{ Code, Proposed string }
	}
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "cases", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 4 || list[0].Number != "2026-000004" || list[3].Status != "received" {
		t.Fatalf("cases = %+v", list)
	}
	if strings.Contains(list[3].IDNumber, student[6:14]) || !strings.HasSuffix(list[3].IDNumber, student[14:]) {
		t.Errorf("ID not masked: %s", list[3].IDNumber)
	}

	var show struct {
		Number    string
		Applicant struct {
			DocNumber string `json:"doc_number"`
			Name      string
		}
		Income struct {
			Counted, Excluded string
			PerCapita         string `json:"per_capita"`
			Members           int
		}
		Findings []struct{ Kind, Severity, Message string }
		History  []struct{ Who, Action string }
	}
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "case", "show", "2026-000001", "--json")), &show); err != nil {
		t.Fatal(err)
	}
	if show.Income.Counted != "1750.00" || show.Income.Excluded != "390.00" || show.Income.Members != 3 || show.Income.PerCapita != "583.33" {
		t.Errorf("income = %+v", show.Income)
	}
	dups := 0
	for _, f := range show.Findings {
		if f.Kind == "duplicate" {
			dups++
			if !strings.Contains(f.Message, "同一救助政策只能享受一次") {
				t.Errorf("duplicate finding: %s", f.Message)
			}
		}
	}
	if dups != 2 {
		t.Errorf("case 1 has %d duplicate findings, want 2 (the other two departments)", dups)
	}
	if len(show.History) != 1 || show.History[0].Action != "intake" || !strings.HasPrefix(show.History[0].Who, "local:") {
		t.Errorf("history = %+v", show.History)
	}
	if strings.Contains(show.Applicant.DocNumber, student[6:14]) {
		t.Errorf("case show without --reveal shows the full ID: %s", show.Applicant.DocNumber)
	}
	// --reveal shows it and records the reveal.
	mustHall(t, "--db", db, "case", "show", "2026-000001", "--reveal")
	json.Unmarshal([]byte(mustHall(t, "--db", db, "case", "show", "2026-000001", "--json")), &show)
	if last := show.History[len(show.History)-1]; last.Action != "reveal" {
		t.Errorf("reveal not recorded: %+v", show.History)
	}

	var dd struct {
		Groups []struct {
			Person       string
			Group        string
			Applications []struct {
				CaseNumber string `json:"case_number"`
				Project    string
				Amount     string
				Keep       bool
				Reason     string
			}
		}
		Totals struct {
			Declined        int
			KeptAmounts     casefile.Amounts `json:"kept_amounts"`
			DeclinedAmounts casefile.Amounts `json:"declined_amounts"`
			Mixed           *string          `json:"kept_amount"` // gone: monthly and one-off are never added
		}
	}
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "--lang", "en", "dedup", "--json")), &dd); err != nil {
		t.Fatal(err)
	}
	if len(dd.Groups) != 1 || len(dd.Groups[0].Applications) != 3 || dd.Totals.Declined != 2 {
		t.Fatalf("dedup = %+v", dd)
	}
	apps := dd.Groups[0].Applications
	best := apps[0]
	for _, a := range apps[1:] {
		am, _ := casefile.ParseMoney(a.Amount)
		bm, _ := casefile.ParseMoney(best.Amount)
		if am > bm || a.Keep {
			t.Errorf("kept %+v over %+v", best, a)
		}
		if !strings.Contains(a.Reason, best.CaseNumber) || !strings.Contains(a.Reason, "only once") {
			t.Errorf("reason %q does not name the kept case", a.Reason)
		}
	}
	if !best.Keep {
		t.Error("highest not kept")
	}
	bm, _ := casefile.ParseMoney(best.Amount)
	if tot := dd.Totals; tot.Mixed != nil || (tot.KeptAmounts != casefile.Amounts{Monthly: bm} && tot.KeptAmounts != casefile.Amounts{OneOff: bm}) {
		t.Errorf("dedup totals %+v: want the kept %s by how it pays, no mixed total", tot, best.Amount)
	}
	text := mustHall(t, "--db", db, "dedup")
	if want := "保留 1 项（" + dd.Totals.KeptAmounts.Text().ZH + "），不予重复 2 项（" + dd.Totals.DeclinedAmounts.Text().ZH + "）"; !strings.Contains(text, want) {
		t.Errorf("dedup text lacks %q:\n%s", want, text)
	}
}

func TestLockedDatabaseMessage(t *testing.T) {
	db := tempDB(t)
	cat, _ := casefile.DefaultCatalog()
	st, err := casefile.Open(db, cat, casefile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	_, errs, code := hall(t, "--db", db, "cases")
	if code != exitLocked || !strings.Contains(errs, "数据库正被另一个程序使用") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	_, errs, code = hall(t, "--db", db, "--lang", "en", "dedup", "--apply")
	if code != exitLocked || !strings.Contains(errs, "database is in use by another process") {
		t.Errorf("en stderr %q", errs)
	}
	if time.Since(start) > 10*time.Second {
		t.Error("locked database made the CLI hang")
	}
}

func TestBadArgumentsGiveClearMessages(t *testing.T) {
	db := tempDB(t)
	if _, errs, code := hall(t, "--db", db, "cases", "--status", "pending"); code != exitUsage || !strings.Contains(errs, "未知状态") {
		t.Errorf("bad status: %d %q", code, errs)
	}
	if _, errs, code := hall(t, "--db", db, "--lang", "fr", "cases"); code != exitUsage || !strings.Contains(errs, "unknown language") {
		t.Errorf("bad lang: %d %q", code, errs)
	}
	if _, errs, code := hall(t, "--db", db, "case", "show", "2026-999999"); code != 1 || !strings.Contains(errs, "找不到案件") {
		t.Errorf("unknown case: %d %q", code, errs)
	}
	bad := filepath.Join(t.TempDir(), "c.toml")
	os.WriteFile(bad, []byte("[county]\nname='x'\n[[projects]]\ncode='A'\nname='a'\ndepartment='nope'\nkind='one_off'\n"), 0o644)
	if _, errs, code := hall(t, "--catalog", bad, "catalog"); code != 1 || !strings.Contains(errs, bad+": project A: unknown department") {
		t.Errorf("bad catalogue: %d %q", code, errs)
	}
}

func TestUsersAndAudit(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	mustHall(t, "--db", db, "demo")
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	sk, _ := ssh.NewPublicKey(pub)
	keyFile := filepath.Join(dir, "wang.pub")
	os.WriteFile(keyFile, ssh.MarshalAuthorizedKey(sk), 0o644)
	out := mustHall(t, "--db", db, "user", "add", "wang", "--role", "frontdesk", "--key", keyFile)
	if !strings.Contains(out, ssh.FingerprintSHA256(sk)) {
		t.Errorf("user add: %s", out)
	}
	if _, errs, code := hall(t, "--db", db, "user", "add", "li", "--role", "boss", "--key", keyFile); code != exitUsage || !strings.Contains(errs, "角色") {
		t.Errorf("bad role: %d %s", code, errs)
	}
	if out := mustHall(t, "--db", db, "--lang", "en", "user", "list"); !strings.Contains(out, "wang") || !strings.Contains(out, "front desk") {
		t.Errorf("user list: %s", out)
	}
	if out := mustHall(t, "--db", db, "audit", "verify"); !strings.Contains(out, "完整") {
		t.Errorf("audit on a clean store: %s", out)
	}
	// Edit a history entry behind the program's back: the first case's
	// second entry.
	casefiletest.AlterHistory(t, db, "2026-000001", 1, func(e *casefile.HistoryEntry) { e.Why = "x" + e.Why })
	_, errs, code := hall(t, "--db", db, "--lang", "en", "audit", "verify")
	if code != 1 || !strings.Contains(errs, "history altered: case 2026-000001 entry 2") {
		t.Errorf("audit after tampering: %d %q", code, errs)
	}
}
