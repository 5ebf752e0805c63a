package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// storedCase is what these tests read of `hall case show --json`.
type storedCase struct {
	Number    string                  `json:"number"`
	Status    casefile.Status         `json:"status"`
	Documents []string                `json:"documents"`
	Evidence  []casefile.Evidence     `json:"evidence"`
	Apps      []casefile.Application  `json:"applications"`
	History   []casefile.HistoryEntry `json:"history"`
}

// caseJSON reads `hall case show NUMBER --json` on db into a T.
func caseJSON[T any](t *testing.T, db, number string) T {
	t.Helper()
	var c T
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "case", "show", number, "--json")), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func stored(t *testing.T, db, number string) storedCase {
	t.Helper()
	return caseJSON[storedCase](t, db, number)
}

// lastEntry is the case's last history entry, which must be action by
// the local user.
func (c storedCase) lastEntry(t *testing.T, action casefile.Action) casefile.HistoryEntry {
	t.Helper()
	h := c.History[len(c.History)-1]
	if h.Action != string(action) || h.Who != osWho() || h.At.IsZero() {
		t.Errorf("%s: last history entry %+v, want %s by %s", c.Number, h, action, osWho())
	}
	return h
}

// importOne imports a one-row CSV of an urban dibao applicant with a
// household of three and returns the case number.
func importOne(t *testing.T, db string) string {
	t.Helper()
	csv := filepath.Join(t.TempDir(), "in.csv")
	row := "身份证号,姓名,项目,收入明细,家庭人数,受理日期\n" + validID("19800101", 1) + ",欧阳娜娜,MZ-01,工资:1000;低保金:390,3,2026-11-02\n"
	if err := os.WriteFile(csv, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	mustHall(t, "--db", db, "import", csv)
	return "2026-000001"
}

func TestCaseEvidence(t *testing.T) {
	db := tempDB(t)
	n := importOne(t, db)
	out := mustHall(t, "--db", db, "case", "evidence", n, "--kind", "income_check", "--source", "civil_affairs",
		"--date", "2026-11-10", "--set", "monthly_income=1000", "--note", "民政核对平台")
	if !strings.Contains(out, "家庭收入核对") || !strings.Contains(out, "核查中") {
		t.Errorf("stdout %q", out)
	}
	mustHall(t, "--db", db, "case", "evidence", n, "--kind", "medical_bill", "--source", "medical_insurance",
		"--date", "2026-11-11", "--set", "medical_total=5000", "--set", "insurance_paid=3000", "--set", "compliant_oop=1500.50")
	mustHall(t, "--db", db, "case", "evidence", n, "--kind", "入户调查", "--source", "县民政局", "--date", "2026-11-12", "--set", "passed=no")
	c := stored(t, db, n)
	if c.Status != casefile.StatusVerifying || len(c.Evidence) != 3 {
		t.Fatalf("status %s, %d evidence items", c.Status, len(c.Evidence))
	}
	e0, e1, e2 := c.Evidence[0], c.Evidence[1], c.Evidence[2]
	if e0.Kind != casefile.EvIncomeCheck || e0.MonthlyIncome != 100000 || e0.Department != "civil_affairs" || e0.Note != "民政核对平台" ||
		e0.Date.String() != "2026-11-10" || e0.Verifier == "" {
		t.Errorf("income check %+v", e0)
	}
	if e1.MedicalTotal != 500000 || e1.InsurancePaid != 300000 || e1.Compliant != 150050 {
		t.Errorf("medical bill %+v", e1)
	}
	if e2.Kind != casefile.EvHomeVisit || e2.Passed == nil || *e2.Passed {
		t.Errorf("home visit %+v", e2)
	}
	if h := c.lastEntry(t, casefile.ActionEvidence); !strings.Contains(h.Note.ZH, "入户调查") || !strings.Contains(h.Note.EN, "home visit") {
		t.Errorf("history note %+v", h.Note)
	}
	// (790.00 × 3 − 1,000.00) from the verified income
	if c.Apps[0].Proposed != 137000 {
		t.Errorf("proposed %s, want 1370.00", c.Apps[0].Proposed)
	}

	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"unknown kind", []string{"--kind", "x-ray", "--source", "civil_affairs", "--date", "2026-11-10"},
			[]string{`核查类别 "x-ray" 无效`, "income_check (家庭收入核对)", "department_check"}},
		{"unknown kind en", []string{"--lang", "en", "--kind", "x-ray", "--source", "civil_affairs", "--date", "2026-11-10"},
			[]string{`evidence kind "x-ray" is invalid; valid kinds:`, "medical_bill (medical bill)"}},
		{"unknown field", []string{"--kind", "asset_check", "--source", "civil_affairs", "--date", "2026-11-10", "--set", "income=3"},
			[]string{`没有数值 "income"`, "deposits (", "homes ("}},
		{"field of another kind", []string{"--lang", "en", "--kind", "vehicle", "--source", "civil_affairs", "--date", "2026-11-10", "--set", "homes=1"},
			[]string{`vehicle check takes no field "homes"; valid fields: vehicles (`}},
		{"bad money", []string{"--kind", "income_check", "--source", "civil_affairs", "--date", "2026-11-10", "--set", "monthly_income=lots"},
			[]string{`monthly_income="lots" 无效`}},
		{"bad count", []string{"--lang", "en", "--kind", "housing", "--source", "civil_affairs", "--date", "2026-11-10", "--set", "homes=-1"},
			[]string{`homes="-1" is invalid (homes)`}},
		{"unknown department", []string{"--lang", "en", "--kind", "housing", "--source", "moon", "--date", "2026-11-10"},
			[]string{`source department "moon" is not in the catalogue; valid: civil_affairs,`}},
		{"bad date", []string{"--kind", "housing", "--source", "civil_affairs", "--date", "11/10"},
			[]string{`--date "11/10" 无效`}},
		{"future date", []string{"--lang", "en", "--kind", "housing", "--source", "civil_affairs", "--date", "2999-01-01"},
			[]string{"--date 2999-01-01 is after today"}},
		{"bills that do not add up", []string{"--kind", "medical_bill", "--source", "medical_insurance", "--date", "2026-11-10",
			"--set", "medical_total=100", "--set", "insurance_paid=200"}, []string{"医保支付 200.00 元超过总费用 100.00 元"}},
		{"no kind", []string{"--source", "civil_affairs", "--date", "2026-11-10"}, []string{"kind"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"--db", db, "case", "evidence", n}, tc.args...)
			if tc.args[0] == "--lang" {
				args = append([]string{"--lang", "en", "--db", db, "case", "evidence", n}, tc.args[2:]...)
			}
			_, errs, code := hall(t, args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; %s", code, exitUsage, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
	if after := stored(t, db, n); len(after.Evidence) != 3 || len(after.History) != len(c.History) {
		t.Errorf("a refused command stored something: %d evidence items, %d history entries", len(after.Evidence), len(after.History))
	}
	_, errs, code := hall(t, "--db", db, "case", "evidence", "2026-999999", "--kind", "housing", "--source", "civil_affairs", "--date", "2026-11-10")
	if code != exitFailed || !strings.Contains(errs, "2026-999999") {
		t.Errorf("unknown case: exit %d, %q", code, errs)
	}
}

func TestCaseDocumentsReadyWithdraw(t *testing.T) {
	db := tempDB(t)
	n := importOne(t, db)

	_, errs, code := hall(t, "--db", db, "case", "ready", n)
	if code != exitFailed || !strings.Contains(errs, "缺少家庭收入核对、家庭财产核对、车辆核对、住房核对、入户调查") {
		t.Errorf("ready without evidence: exit %d, %q", code, errs)
	}
	_, errs, _ = hall(t, "--db", db, "--lang", "en", "case", "ready", n)
	if !strings.Contains(errs, "missing income check, asset check, vehicle check, housing check, home visit") {
		t.Errorf("in English: %q", errs)
	}

	out := mustHall(t, "--db", db, "case", "documents", n, "--received", "申请书", "--received", "household register", "--received", "户口簿")
	if !strings.Contains(out, "已登记 2 份材料") || !strings.Contains(out, "仍缺少材料：身份证、家庭经济状况核对授权书、收入证明、银行卡（折）复印件") {
		t.Errorf("documents: %q", out)
	}
	c := stored(t, db, n)
	if strings.Join(c.Documents, "|") != "申请书|户口簿" || c.Status != casefile.StatusVerifying {
		t.Errorf("documents %q, status %s", c.Documents, c.Status)
	}
	if h := c.lastEntry(t, casefile.ActionDocuments); h.Note.ZH != "收到 申请书、户口簿" || h.Note.EN != "received application form, household register" {
		t.Errorf("history note %+v", h.Note)
	}
	_, errs, code = hall(t, "--db", db, "--lang", "en", "case", "documents", n, "--received", "passport")
	if code != exitUsage || !strings.Contains(errs, `document "passport" is not in the catalogue; valid: application form; ID card; household register`) {
		t.Errorf("unknown document: exit %d, %q", code, errs)
	}
	if _, _, code = hall(t, "--db", db, "case", "documents", n); code != exitUsage {
		t.Errorf("no --received: exit %d", code)
	}

	if _, errs, code = hall(t, "--db", db, "case", "withdraw", n); code != exitUsage || !strings.Contains(errs, "--reason") {
		t.Errorf("withdraw without a reason: exit %d, %q", code, errs)
	}
	mustHall(t, "--db", db, "case", "withdraw", n, "--reason", "申请人已就业")
	c = stored(t, db, n)
	if h := c.lastEntry(t, casefile.ActionStatus); c.Status != casefile.StatusWithdrawn || h.Why != "申请人已就业" || h.To != casefile.StatusWithdrawn {
		t.Errorf("withdrawn: %s, %+v", c.Status, h)
	}
	_, errs, code = hall(t, "--db", db, "--lang", "en", "case", "documents", n, "--received", "ID card")
	if code != exitFailed || !strings.Contains(errs, "documents can no longer be added") {
		t.Errorf("documents on a withdrawn case: exit %d, %q", code, errs)
	}
}

func TestCaseStepCompletion(t *testing.T) {
	t.Setenv("HALL_LANG", "")
	if got := completions(t, "case", "evidence", "x", "--kind", ""); got["income_check"] != "家庭收入核对" || len(got) != len(casefile.EvidenceKinds) {
		t.Errorf("--kind offers %v", got)
	}
	if got := completions(t, "case", "evidence", "x", "--source", ""); got["civil_affairs"] == "" {
		t.Errorf("--source offers %v", got)
	}
	if got := completions(t, "case", "documents", "x", "--received", ""); got["户口簿"] == "" {
		t.Errorf("--received offers %v", got)
	}
	if got := completions(t, "--lang", "en", "case", "documents", "x", "--received", ""); got["household register"] != "户口簿" {
		t.Errorf("--received in English offers %v", got)
	}
}

// The whole life of a case from the command line, as a script or another
// department's system drives it: imported, verified, sent to the meeting,
// deferred for the household register, completed, sent again, approved,
// and its decision letter printed with the amount to the fen:
// 790.00 × 3 − 1,000.00 = 1,370.00 yuan a month (the dibao money of 390.00
// is not counted; a rounded per-capita income of 333.33 would give 1,370.01).
func TestCaseStepsStory(t *testing.T) {
	db := tempDB(t)
	n := importOne(t, db)
	for _, ev := range [][]string{
		{"income_check", "--set", "monthly_income=1000"},
		{"asset_check", "--set", "deposits=2000", "--set", "homes=1"},
		{"vehicle", "--set", "vehicles=0"},
		{"housing", "--set", "homes=1"},
		{"home_visit"},
	} {
		mustHall(t, append([]string{"--db", db, "case", "evidence", n, "--source", "civil_affairs", "--date", "2026-11-10", "--kind"}, ev...)...)
	}
	mustHall(t, "--db", db, "case", "documents", n, "--received", "申请书", "--received", "身份证", "--received", "家庭经济状况核对授权书",
		"--received", "收入证明", "--received", "银行卡（折）复印件")
	if out := mustHall(t, "--db", db, "case", "ready", n); !strings.Contains(out, "待研判") || !strings.Contains(out, "仍缺少材料：户口簿") {
		t.Errorf("ready: %q", out)
	}

	meet := func(date, decision string, extra ...string) string {
		t.Helper()
		out := mustHall(t, "--db", db, "session", "new", "--place", "二楼会议室", "--date", date)
		_, s, _ := strings.Cut(out, "：")
		s, _, _ = strings.Cut(s, "（")
		members := []string{"attend", s}
		for i := 1; i <= 10; i++ {
			members = append(members, fmt.Sprint(i))
		}
		mustHall(t, append([]string{"--db", db, "session"}, members...)...)
		if out := mustHall(t, "--db", db, "session", "agenda", s); !strings.Contains(out, n) {
			t.Fatalf("agenda of %s: %q", s, out)
		}
		for i := 1; i <= 10; i++ {
			mustHall(t, "--db", db, "session", "vote", s, n, fmt.Sprint(i), "agree")
		}
		mustHall(t, append([]string{"--db", db, "session", "decide", s, n, decision}, extra...)...)
		mustHall(t, "--db", db, "session", "close", s)
		return s
	}
	meet("2026-11-13", "defer", "--verify", "户口簿", "--override", "--reason", "缺少户口簿，补齐后再议")
	if c := stored(t, db, n); c.Status != casefile.StatusDeferred {
		t.Fatalf("after the first meeting: %s", c.Status)
	}
	if _, errs, code := hall(t, "--db", db, "case", "ready", n); code != exitFailed || !strings.Contains(errs, "缺少户口簿") {
		t.Errorf("ready before the deferral's document: exit %d, %q", code, errs)
	}
	out := mustHall(t, "--db", db, "--lang", "en", "case", "documents", n, "--received", "household register")
	if strings.Contains(out, "still missing") || !strings.Contains(out, "verifying") {
		t.Errorf("documents after the deferral: %q", out)
	}
	if out := mustHall(t, "--db", db, "case", "ready", n); strings.Contains(out, "缺少") {
		t.Errorf("ready again: %q", out)
	}
	s := meet("2026-11-20", "approve")
	// a dibao approval waits on its public notice, which has run out by now
	if c := stored(t, db, n); c.Status != casefile.StatusPublicity {
		t.Fatalf("after %s: %s, want on public notice", s, c.Status)
	}
	mustHall(t, "--db", db, "publicity", "close")

	c := stored(t, db, n)
	if c.Status != casefile.StatusApproved || c.Apps[0].Granted != 137000 {
		t.Fatalf("after %s: %s, granted %s", s, c.Status, c.Apps[0].Granted)
	}
	var trail []string
	for _, h := range c.History {
		trail = append(trail, fmt.Sprintf("%s:%s", h.Action, h.To))
		if h.Who != osWho() || h.At.IsZero() {
			t.Errorf("%s by %s at %s, want %s", h.Action, h.Who, h.At, osWho())
		}
	}
	want := "intake:received evidence:verifying evidence:verifying evidence:verifying evidence:verifying evidence:verifying documents:verifying status:ready decision:deferred documents:verifying status:ready decision:approved"
	if got := strings.Join(trail, " "); !strings.HasPrefix(got, want) {
		t.Errorf("history\n got %s\nwant %s…", got, want)
	}

	pdftotext := printTools(t)
	letter := filepath.Join(t.TempDir(), "letter.pdf")
	mustHall(t, "--db", db, "print", "letter", n, "--out", letter)
	text := pdfFileText(t, pdftotext, letter)
	for _, w := range []string{"救助决定书", "欧阳娜娜", "城市最低生活保障：每月1,370.00元，自2026年12月起，共12个月"} {
		if !strings.Contains(text, w) {
			t.Errorf("the letter lacks %q:\n%s", w, text)
		}
	}
}
