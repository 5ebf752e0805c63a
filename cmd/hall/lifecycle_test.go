package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/rongjiuzhu/hall/casefile"
)

// at sets the CLI's clock (and the store's) to noon of day for the rest
// of the test.
func at(t *testing.T, day string) {
	t.Helper()
	d, err := time.ParseInLocation("2006-01-02", day, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	old := nowFunc
	nowFunc = func() time.Time { return d.Add(12 * time.Hour) }
	t.Cleanup(func() { nowFunc = old })
}

// lifeCase is what these tests read of `hall case show --json`.
type lifeCase struct {
	storedCase
	Deadline casefile.Date  `json:"deadline"`
	Life     *casefile.Life `json:"life"`
}

func lifeOf(t *testing.T, db, number string) lifeCase {
	t.Helper()
	return caseJSON[lifeCase](t, db, number)
}

// meetAndDecide holds a session on date with the ten members of the
// default committee present, puts the ready cases on its agenda, votes
// them all agree, decides each as decision and closes it.
func meetAndDecide(t *testing.T, db, date, decision string, cases ...string) string {
	t.Helper()
	out := mustHall(t, "--db", db, "session", "new", "--place", "二楼会议室", "--date", date)
	_, s, _ := strings.Cut(out, "：")
	s, _, _ = strings.Cut(s, "（")
	members := []string{"--db", db, "session", "attend", s}
	for i := 1; i <= 10; i++ {
		members = append(members, fmt.Sprint(i))
	}
	mustHall(t, members...)
	agenda := mustHall(t, "--db", db, "session", "agenda", s)
	for _, n := range cases {
		if !strings.Contains(agenda, n) {
			t.Fatalf("agenda of %s lacks %s: %q", s, n, agenda)
		}
		for i := 1; i <= 10; i++ {
			mustHall(t, "--db", db, "session", "vote", s, n, fmt.Sprint(i), "agree")
		}
		mustHall(t, "--db", db, "session", "decide", s, n, decision)
	}
	mustHall(t, "--db", db, "session", "close", s)
	return s
}

// verifyAll adds every evidence item an urban dibao asks for, the income
// check finding income a month.
func verifyAll(t *testing.T, db, n, date, income string) {
	t.Helper()
	for _, ev := range [][]string{
		{"income_check", "--set", "monthly_income=" + income},
		{"asset_check", "--set", "deposits=2000", "--set", "homes=1"},
		{"vehicle", "--set", "vehicles=0"},
		{"housing", "--set", "homes=1"},
		{"home_visit"},
	} {
		mustHall(t, append([]string{"--db", db, "case", "evidence", n, "--source", "civil_affairs", "--date", date, "--kind"}, ev...)...)
	}
}

// rollRows reads `hall roster MONTH --json`.
func rollRows(t *testing.T, db, month string) casefile.Roll {
	t.Helper()
	var r casefile.Roll
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "roster", month, "--json")), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// The life of an urban dibao after its first meeting, from the command
// line: approved, on public notice, objected to, re-checked, approved
// again by a second meeting, the notice ends, the letter is issued and
// delivered, the roll of the next month pays it, the review falls due a
// year later, the review meeting reduces the amount, the roll pays the
// new amount from the month after, and the aid is stopped with a letter.
//
// The amounts, from the rule (790.00 standard × 3 members − counted
// income): 2,370.00 − 1,000.00 = 1,370.00 a month at first; after the
// review found 1,300.00 of income, 2,370.00 − 1,300.00 = 1,070.00.
func TestLifecycleStory(t *testing.T) {
	db := tempDB(t)
	at(t, "2026-11-13")
	csv := filepath.Join(t.TempDir(), "in.csv")
	row := "身份证号,姓名,项目,收入明细,家庭人数,受理日期\n" + validID("19500101", 1) + ",欧阳娜娜,MZ-01,工资:1000;低保金:390,3,2026-11-02\n"
	if err := os.WriteFile(csv, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	mustHall(t, "--db", db, "import", csv)
	n := "2026-000001"
	verifyAll(t, db, n, "2026-11-10", "1000")
	mustHall(t, "--db", db, "case", "ready", n)

	// first meeting: the approval waits on a 7-day notice, 20 to 26 November
	at(t, "2026-11-20")
	s1 := meetAndDecide(t, db, "2026-11-20", "approve", n)
	c := lifeOf(t, db, n)
	if c.Status != casefile.StatusPublicity || c.Life == nil || len(c.Life.Notices) != 1 {
		t.Fatalf("after %s: %s, life %+v", s1, c.Status, c.Life)
	}
	if nt := c.Life.Notices[0]; nt.From.String() != "2026-11-20" || nt.Until.String() != "2026-11-26" || nt.Session != s1 {
		t.Errorf("notice %+v, want %s 2026-11-20 to 2026-11-26", nt, s1)
	}
	t.Run("session print", func(t *testing.T) {
		printTools(t)
		out := mustHall(t, "--db", db, "print", "session", s1, "--out", t.TempDir())
		if !strings.Contains(out, "已打印决定书 0 份") || !strings.Contains(out, "公示中 1 件，期满生效后出具决定书") {
			t.Errorf("session print: %q", out)
		}
	})
	if _, errs, code := hall(t, "--db", db, "print", "letter", n, "--out", filepath.Join(t.TempDir(), "x.pdf")); code == 0 || !strings.Contains(errs, "公示") {
		t.Errorf("a letter on notice: exit %d, %q", code, errs)
	}
	if _, errs, code := hall(t, "--db", db, "case", "notify", n, "--method", "直接送达", "--receiver", "欧阳娜娜"); code == 0 || !strings.Contains(errs, "公示期未满") {
		t.Errorf("notify on notice: exit %d, %q", code, errs)
	}

	// 23 November: 4 days left (23, 24, 25, 26); an anonymous objection
	at(t, "2026-11-23")
	var list []noticeLine
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "publicity", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	id := validID("19500101", 1)
	if len(list) != 1 || list[0].Case != n || list[0].DaysLeft != 4 || list[0].MaskedID != id[:6]+"********"+id[14:] {
		t.Errorf("publicity list %+v", list)
	}
	if _, errs, code := hall(t, "--db", db, "publicity", "object", n, "--reason", "有一辆货车"); code != exitUsage || !strings.Contains(errs, "--anonymous") {
		t.Errorf("objection without objector: exit %d, %q", code, errs)
	}
	out := mustHall(t, "--db", db, "publicity", "object", n, "--anonymous", "--how", "来信", "--reason", "家中有一辆货车")
	if !strings.Contains(out, "核查中") {
		t.Errorf("object: %q", out)
	}
	c = lifeOf(t, db, n)
	if c.Status != casefile.StatusVerifying || len(c.Life.Objections) != 1 || !c.Life.Notices[0].Objected ||
		c.Apps[0].Outcome != casefile.OutcomePending || c.Apps[0].Granted != 0 {
		t.Fatalf("after the objection: %s, %+v, apps %+v", c.Status, c.Life, c.Apps)
	}
	if o := c.Life.Objections[0]; !o.Anonymous || o.By != "" || o.Way != casefile.ObjectLetter || o.Session != s1 || o.Date.String() != "2026-11-23" {
		t.Errorf("objection %+v", o)
	}
	if h := c.lastEntry(t, casefile.ActionObjection); !strings.Contains(h.Note.ZH, "货车") || h.To != casefile.StatusVerifying {
		t.Errorf("history %+v", h)
	}

	// re-check: a second home visit and a democratic appraisal find no vehicle
	at(t, "2026-11-25")
	mustHall(t, "--db", db, "case", "evidence", n, "--kind", "home_visit", "--source", "civil_affairs", "--date", "2026-11-24", "--note", "货车为邻居所有")
	mustHall(t, "--db", db, "case", "evidence", n, "--kind", "democratic_appraisal", "--source", "civil_affairs", "--date", "2026-11-25")
	mustHall(t, "--db", db, "case", "ready", n)
	at(t, "2026-11-27")
	s2 := meetAndDecide(t, db, "2026-11-27", "approve", n)
	c = lifeOf(t, db, n)
	if c.Status != casefile.StatusPublicity || len(c.Life.Notices) != 2 || c.Life.Notices[1].Until.String() != "2026-12-03" || c.Life.Notices[1].Session != s2 {
		t.Fatalf("after %s: %s, notices %+v", s2, c.Status, c.Life.Notices)
	}

	// the notice runs to 3 December: closing it that day moves nothing
	at(t, "2026-12-03")
	if out := mustHall(t, "--db", db, "publicity", "close"); !strings.Contains(out, "0 件") {
		t.Errorf("close on the last day: %q", out)
	}
	at(t, "2026-12-04")
	if out := mustHall(t, "--db", db, "publicity", "close"); !strings.Contains(out, n) || !strings.Contains(out, "1 件") {
		t.Errorf("close after the notice: %q", out)
	}
	c = lifeOf(t, db, n)
	if c.Status != casefile.StatusApproved || c.Apps[0].Granted != 137000 || c.Apps[0].StartMonth != "2026-12" {
		t.Fatalf("after the notice: %s, %+v", c.Status, c.Apps[0])
	}
	t.Run("letter", func(t *testing.T) {
		pdftotext := printTools(t)
		letter := filepath.Join(t.TempDir(), "letter.pdf")
		mustHall(t, "--db", db, "print", "letter", n, "--out", letter)
		text := pdfFileText(t, pdftotext, letter)
		if !strings.Contains(text, "城市最低生活保障：每月1,370.00元，自2026年12月起，共12个月") {
			t.Errorf("the letter:\n%s", text)
		}
	})

	// delivered: a monthly aid only, nothing left to do: closed
	out = mustHall(t, "--db", db, "case", "notify", n, "--method", "direct", "--receiver", "欧阳娜娜", "--note", "回证 scan-001.pdf")
	c = lifeOf(t, db, n)
	if c.Status != casefile.StatusClosed || len(c.Life.Deliveries) != 1 || c.Life.Deliveries[0].Method != casefile.DeliverDirect ||
		c.Life.Deliveries[0].Date.String() != "2026-12-04" {
		t.Fatalf("after the delivery (%q): %s, %+v", out, c.Status, c.Life.Deliveries)
	}
	mustHall(t, "--db", db, "case", "account", n, "--bank", "农业银行", "--number", "6228480012345678")

	// the roll: nothing in November, 1,370.00 from December
	if r := rollRows(t, db, "2026-11"); len(r.Rows) != 0 {
		t.Errorf("November roll %+v", r.Rows)
	}
	r := rollRows(t, db, "2026-12")
	if len(r.Rows) != 1 || r.Rows[0].Case != n || r.Rows[0].Amount != 137000 || !r.Rows[0].Monthly || r.Rows[0].Payee != "欧阳娜娜" ||
		r.Rows[0].Account != "************5678" || r.Total.Monthly != 137000 || r.Total.OneOff != 0 {
		t.Fatalf("December roll %+v", r)
	}
	if len(r.ByDepartment) != 1 || r.ByDepartment[0].Key != "civil_affairs" || r.ByDepartment[0].Amounts.Monthly != 137000 {
		t.Errorf("December roll by department %+v", r.ByDepartment)
	}
	screen := mustHall(t, "--db", db, "roster", "2026-12")
	if strings.Contains(screen, "6228480012345678") || !strings.Contains(screen, "************5678") || !strings.Contains(screen, "1,370.00") {
		t.Errorf("the roll on screen shows the account in full or lacks the amount:\n%s", screen)
	}
	xlsx := filepath.Join(t.TempDir(), "roll.xlsx")
	mustHall(t, "--db", db, "roster", "2026-12", "--project", "MZ-01", "--out", xlsx)
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("花名册")
	f.Close()
	if len(rows) != 2 || rows[1][6] != "6228480012345678" || rows[1][12] != "1370.00" || rows[1][13] != "137000" {
		t.Errorf("roll.xlsx rows %q", rows)
	}

	t.Run("roll pdf", func(t *testing.T) {
		pdftotext := printTools(t)
		pdf := filepath.Join(t.TempDir(), "roll.pdf")
		mustHall(t, "--db", db, "roster", "2026-12", "--out", pdf)
		text := pdfFileText(t, pdftotext, pdf)
		for _, w := range []string{"社会救助资金发放花名册", "2026年12月", "欧阳娜娜", "6228480012345678", "每月1,370.00元", "合计"} {
			if !strings.Contains(text, w) {
				t.Errorf("the roll lacks %q:\n%s", w, text)
			}
		}
	})

	// the review: a stable household (the applicant is 76) is due a year after the first month
	for _, tc := range []struct {
		before string
		want   int
	}{{"2027-11-30", 0}, {"2027-12-01", 1}} {
		var due []casefile.ReviewDue
		if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "review", "due", "--before", tc.before, "--json")), &due); err != nil {
			t.Fatal(err)
		}
		if len(due) != tc.want || (tc.want == 1 && (due[0].Case != n || due[0].Due.String() != "2027-12-01" || due[0].Monthly != 137000)) {
			t.Errorf("due before %s: %+v", tc.before, due)
		}
	}
	at(t, "2027-11-15")
	out = mustHall(t, "--db", db, "review", "start", n)
	rn := "2027-000001"
	if !strings.Contains(out, rn) {
		t.Fatalf("review start: %q", out)
	}
	rc := lifeOf(t, db, rn)
	if rc.Status != casefile.StatusReceived || rc.Life == nil || rc.Life.ReviewOf != n || len(rc.Apps) != 1 || rc.Apps[0].Project != "MZ-01" {
		t.Fatalf("review case %+v", rc)
	}
	at(t, "2027-11-20")
	verifyAll(t, db, rn, "2027-11-16", "1300")
	mustHall(t, "--db", db, "case", "ready", rn)
	at(t, "2027-11-26")
	meetAndDecide(t, db, "2027-11-26", "approve", rn)
	if rc = lifeOf(t, db, rn); rc.Status != casefile.StatusApproved || rc.Apps[0].Granted != 107000 {
		t.Fatalf("review decided: %s, %+v", rc.Status, rc.Apps)
	}
	// the department report counts the review: received 2027-11-15, decided
	// 2027-11-26, within its time limit
	var rep struct {
		Rows []struct {
			Department    string
			Reviews       int `json:"reviews"`
			ReviewsOnTime int `json:"reviews_on_time"`
		}
	}
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "report", "departments", "--period", "2027", "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Rows {
		want := 0
		if r.Department == "civil_affairs" {
			want = 1
		}
		if r.Reviews != want || r.ReviewsOnTime != want {
			t.Errorf("report 2027, %s: %d reviews, %d on time; want %d and %d", r.Department, r.Reviews, r.ReviewsOnTime, want, want)
		}
	}
	for month, want := range map[string]casefile.Money{"2027-11": 137000, "2027-12": 107000, "2028-01": 107000} {
		r := rollRows(t, db, month)
		if len(r.Rows) != 1 || r.Rows[0].Case != n || r.Rows[0].Amount != want {
			t.Errorf("roll of %s: %+v, want %s from %s", month, r.Rows, want, n)
		}
	}
	c = lifeOf(t, db, n)
	if ch := c.Life.Changes; len(ch) != 1 || ch[0].Kind != casefile.ChangeDecrease || ch[0].From != "2027-12" || ch[0].Review != rn ||
		!strings.Contains(ch[0].Reference, "变〔2027〕1号") {
		t.Errorf("changes %+v", c.Life.Changes)
	}
	// the reviewed period starts December 2027: the next review is a year on
	var due []casefile.ReviewDue
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "review", "due", "--before", "2028-12-01", "--json")), &due); err != nil {
		t.Fatal(err)
	}
	if len(due) != 1 || due[0].Due.String() != "2028-12-01" || due[0].Monthly != 137000 {
		t.Errorf("due after the review: %+v (November 2027 still pays 1,370.00)", due)
	}
	mustHall(t, "--db", db, "case", "notify", rn, "--method", "邮寄", "--receiver", "欧阳娜娜")
	if rc = lifeOf(t, db, rn); rc.Status != casefile.StatusClosed {
		t.Errorf("review case after delivery: %s", rc.Status)
	}

	// exit: the applicant moved away; stopped from March 2028
	at(t, "2028-02-10")
	out = mustHall(t, "--db", db, "aid", "stop", n, "--project", "MZ-01", "--from", "2028-03", "--reason", "户籍迁出本县")
	if !strings.Contains(out, "停发") {
		t.Errorf("stop: %q", out)
	}
	if r := rollRows(t, db, "2028-02"); len(r.Rows) != 1 || r.Rows[0].Amount != 107000 {
		t.Errorf("February 2028 roll %+v", r.Rows)
	}
	if r := rollRows(t, db, "2028-03"); len(r.Rows) != 0 {
		t.Errorf("March 2028 roll %+v", r.Rows)
	}
	var hist []casefile.AidPeriod
	if err := json.Unmarshal([]byte(mustHall(t, "--db", db, "aid", "history", n, "--json")), &hist); err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].From != "2026-12" || hist[0].To != "2027-11" || hist[0].Amount != 137000 ||
		hist[1].From != "2027-12" || hist[1].To != "2028-02" || hist[1].Amount != 107000 || !strings.Contains(hist[1].Ended, "户籍迁出本县") {
		t.Errorf("aid history %+v", hist)
	}
	shown := mustHall(t, "--db", db, "--lang", "en", "case", "show", n)
	for _, w := range []string{"After the decision", "stopped by an objection", "ended, in effect", "anonymous", "delivered 2026-12-04",
		"account 农业银行 ************5678", "aid MZ-01  2026-12–2027-11  1,370.00 yuan a month", "aid MZ-01  2027-12–2028-02  1,070.00 yuan a month  reduced"} {
		if !strings.Contains(shown, w) {
			t.Errorf("case show lacks %q:\n%s", w, shown)
		}
	}
	// the running-aid projection the roll reads agrees with the cases
	if out := mustHall(t, "--db", db, "check"); !strings.Contains(out, "通过") {
		t.Errorf("check: %q", out)
	}
	t.Run("stop letter", func(t *testing.T) {
		pdftotext := printTools(t)
		letter := filepath.Join(t.TempDir(), "stop.pdf")
		mustHall(t, "--db", db, "aid", "letter", n, "--out", letter)
		text := pdfFileText(t, pdftotext, letter)
		for _, w := range []string{"停发救助金通知书", "2028年3月起停发城市最低生活保障", "户籍迁出本县", "行政复议", "送达回证"} {
			if !strings.Contains(text, w) {
				t.Errorf("the stop letter lacks %q:\n%s", w, text)
			}
		}
		review := filepath.Join(t.TempDir(), "review.pdf")
		mustHall(t, "--db", db, "aid", "letter", rn, "--out", review)
		if text := pdfFileText(t, pdftotext, review); !strings.Contains(text, "减发救助金通知书") || !strings.Contains(text, "由每月1,370.00元调整为每月1,070.00元") {
			t.Errorf("the review's letter:\n%s", text)
		}
	})
}

// The lifecycle commands refuse what is wrong with the usage exit code
// and name what is valid, in the user's language.
func TestLifecycleUsageErrors(t *testing.T) {
	db := tempDB(t)
	n := importOne(t, db)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"case", "notify", n, "--method", "pigeon", "--receiver", "x"}, exitUsage, "直接送达 (direct)"},
		{[]string{"--lang", "en", "case", "notify", n, "--method", "post"}, exitUsage, "name the receiver with --receiver"},
		{[]string{"--lang", "en", "case", "notify", n, "--method", "post", "--receiver", "x"}, exitFailed, "has no decision to deliver"},
		{[]string{"publicity", "object", n, "--by", "邻居", "--anonymous", "--reason", "x"}, exitUsage, "--by 与 --anonymous 只能选一个"},
		{[]string{"--lang", "en", "publicity", "object", n, "--by", "x", "--how", "fax", "--reason", "x"}, exitUsage, "phone (phone)"},
		{[]string{"--lang", "en", "publicity", "object", n, "--by", "x", "--reason", "x"}, exitFailed, "is not on public notice"},
		{[]string{"roster", "2026-13"}, exitUsage, "2026-13"},
		{[]string{"roster", "2026-12", "--out", "roll.csv"}, exitUsage, ".xlsx"},
		{[]string{"--lang", "en", "review", "start", n}, exitFailed, "pays no running monthly aid"},
		{[]string{"--lang", "en", "aid", "stop", n, "--project", "MZ-01", "--from", "2027-01"}, exitUsage, "give the reason with --reason"},
		{[]string{"--lang", "en", "aid", "stop", n, "--project", "MZ-01", "--from", "2027-01", "--reason", "x"}, exitFailed, "pays no monthly aid"},
		{[]string{"--lang", "en", "case", "pay-first", n, "--amount", "100"}, exitFailed, "no project that may be paid first"},
		{[]string{"--lang", "en", "case", "account", n, "--number", "12"}, exitFailed, "8 to 32 digits"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, errs, code := hall(t, append([]string{"--db", db}, tc.args...)...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, want %d; stderr %q lacks %q", code, tc.code, errs, tc.want)
			}
		})
	}
}
