package casefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestIntakePersistsAcrossReopen(t *testing.T) {
	st, _, path := newStore(t)
	cat := st.Catalog()
	p := urbanDibao(t, cat)
	id := idFor("19800315", 123)
	d := draft(strings.ToLower(id), "  王\x1b[31m秀英\x07 ", []string{p.Code}, Income{Kind: "wages", Source: "县环卫所", Monthly: Yuan(600)})
	d.Documents = []string{"身份证"}
	c := mustIntake(t, st, d, "local:desk1")
	if c.Number != "2026-000001" || c.Status != StatusReceived {
		t.Fatalf("case = %s %s", c.Number, c.Status)
	}
	st.Close()

	st2, err := Open(path, cat, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	var got *Case
	var hist []HistoryEntry
	err = st2.View(func(tx *Tx) error {
		var err error
		if got, err = tx.Case("2026-000001"); err != nil {
			return err
		}
		hist, err = tx.History(got.Seq)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Applicant.DocNumber != strings.ToUpper(id) {
		t.Errorf("ID stored as %q, want upper-case X form %q", got.Applicant.DocNumber, strings.ToUpper(id))
	}
	if got.Applicant.Name != "王秀英" {
		t.Errorf("control characters not stripped: %q", got.Applicant.Name)
	}
	if got.Applicant.Birth != (Date{1980, 3, 15}) || got.Applicant.Sex != Male {
		t.Errorf("birth/sex not derived: %s %s", got.Applicant.Birth, got.Applicant.Sex)
	}
	if len(got.Household.Members) != 1 || got.Household.Members[0].Incomes[0].Monthly != Yuan(600) {
		t.Errorf("household not kept: %+v", got.Household)
	}
	want := DivRound(cat.Standard("urban_dibao")-Yuan(600), 1) // one person
	if got.Apps[0].Proposed != want {
		t.Errorf("proposed %s, want standard − income = %s", got.Apps[0].Proposed, want)
	}
	if len(hist) != 1 || hist[0].Who != "local:desk1" || hist[0].Action != "intake" || hist[0].To != StatusReceived {
		t.Errorf("history = %+v", hist)
	}
	if got.Deadline != cat.Calendar.AddWorkdays(DateOf(testNow), p.TimeLimit) {
		t.Errorf("deadline %s", got.Deadline)
	}
}

func TestCaseNumbersPerYear(t *testing.T) {
	st, clk, _ := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	var numbers []string
	for i, day := range []time.Time{
		time.Date(2025, 12, 30, 9, 0, 0, 0, time.Local),
		time.Date(2025, 12, 31, 9, 0, 0, 0, time.Local),
		time.Date(2026, 1, 5, 9, 0, 0, 0, time.Local),
	} {
		clk.t = day
		c := mustIntake(t, st, draft(idFor("19700101", 100+i), "测试", []string{code}), "local:desk")
		numbers = append(numbers, c.Number)
	}
	want := []string{"2025-000001", "2025-000002", "2026-000001"}
	for i := range want {
		if numbers[i] != want[i] {
			t.Errorf("numbers = %v, want %v", numbers, want)
		}
	}
}

func TestIntakeRejectsBadInputAndStoresNothing(t *testing.T) {
	st, _, _ := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	d := draft("610602198003151234", "", []string{code, "NOPE"}, Income{Kind: "lottery", Monthly: 100})
	_, err := st.Intake(d, "local:desk")
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v", err)
	}
	msg := Message(err, ZH)
	for _, part := range []string{"applicant.name: 姓名不能为空", "校验位不符", "未知救助项目 \"NOPE\"", "未知收入类别 \"lottery\""} {
		if !strings.Contains(msg, part) {
			t.Errorf("message lacks %q:\n%s", part, msg)
		}
	}
	if en := Message(err, EN); !strings.Contains(en, "name is required") {
		t.Errorf("English message: %s", en)
	}
	wantNoCases(t, st, "after a refused intake")
}

func TestDatabaseFileModeAndLock(t *testing.T) {
	st, _, path := newStore(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	start := time.Now()
	_, err = Open(path, st.Catalog(), Options{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrDatabaseLocked) {
		t.Fatalf("second open: %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("locked open hung")
	}
	if msg := Message(err, ZH); !strings.HasPrefix(msg, "数据库正被另一个程序使用") || !strings.Contains(msg, path) {
		t.Errorf("zh message %q", msg)
	}
	if msg := Message(err, EN); !strings.HasPrefix(msg, "database is in use by another process") {
		t.Errorf("en message %q", msg)
	}
}

func TestDamagedAndForeignFiles(t *testing.T) {
	cat := defaultCatalog(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	random := make([]byte, 64*1024)
	for i := range random {
		random[i] = byte(i*7919 + i/3)
	}
	// a real hall database, truncated to half
	st, _, good := newStore(t)
	mustIntake(t, st, draft(idFor("19800101", 1), "甲", []string{urbanDibao(t, cat).Code}), "local:d")
	st.Close()
	full, _ := os.ReadFile(good)
	// a bbolt file of another program
	foreign := filepath.Join(dir, "foreign.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
	db.Close()
	// a hall database of a newer schema
	newer := write("newer.db", full)
	db, _ = bolt.Open(newer, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put([]byte("schema"), u64(SchemaVersion+1)) })
	db.Close()

	cases := []struct {
		path string
		want error
	}{
		{write("random.db", random), ErrDatabaseCorrupt},
		{write("tiny.db", []byte("hello")), ErrDatabaseCorrupt},
		{write("half.db", full[:len(full)/2]), ErrDatabaseCorrupt},
		{write("text.db", []byte(strings.Repeat("not a database\n", 2000))), ErrDatabaseCorrupt},
		{foreign, ErrDatabaseCorrupt},
		{newer, ErrSchemaNewer},
	}
	for _, c := range cases {
		before, _ := os.ReadFile(c.path)
		s, err := Open(c.path, cat, Options{Timeout: 100 * time.Millisecond})
		if err == nil {
			s.Close()
			t.Errorf("%s opened without error", filepath.Base(c.path))
			continue
		}
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", filepath.Base(c.path), err, c.want)
		}
		if Message(err, ZH) == Message(err, EN) {
			t.Errorf("%s: message not localised: %s", filepath.Base(c.path), Message(err, ZH))
		}
		after, _ := os.ReadFile(c.path)
		if string(before) != string(after) {
			t.Errorf("%s was changed by a failed open", filepath.Base(c.path))
		}
	}
}

func TestEvidenceHistoryAndReadiness(t *testing.T) {
	st, clk, _ := newStore(t)
	cat := st.Catalog()
	p := urbanDibao(t, cat)
	c := mustIntake(t, st, draft(idFor("19750505", 55), "李四", []string{p.Code}, Income{Kind: "wages", Monthly: Yuan(300)}), "local:desk1")
	if _, err := st.Move(c.Number, c.Version, StatusReady, "local:desk1", ""); !errors.Is(err, ErrMissingEvidence) {
		t.Fatalf("move to ready with no evidence: %v", err)
	} else if !strings.Contains(Message(err, ZH), EvHomeVisit.Label(ZH)) {
		t.Errorf("refusal does not name the missing evidence: %s", Message(err, ZH))
	}
	cur := c
	var err error
	for i, k := range p.Evidence {
		clk.t = clk.t.Add(time.Hour)
		ev := Evidence{Kind: k, Department: "civil_affairs", Verifier: "核查员" + string(rune('甲'+i)), Date: DateOf(clk.t)}
		if k == EvIncomeCheck {
			ev.MonthlyIncome = Yuan(450) // the check finds more than declared
		}
		if cur, err = st.AddEvidence(cur.Number, cur.Version, ev, "local:verifier"); err != nil {
			t.Fatalf("add %s: %v", k, err)
		}
	}
	if cur.Status != StatusVerifying {
		t.Errorf("status after evidence = %s", cur.Status)
	}
	if want := cat.Standard("urban_dibao") - Yuan(450); cur.Apps[0].Proposed != want {
		t.Errorf("proposed after income check = %s, want %s", cur.Apps[0].Proposed, want)
	}
	// A stale version is refused and names who changed the case.
	_, err = st.Move(c.Number, c.Version, StatusReady, "local:desk2", "")
	if !errors.Is(err, ErrStaleCase) || !strings.Contains(Message(err, ZH), "local:verifier") {
		t.Fatalf("stale move: %v", err)
	}
	if cur, err = st.Move(cur.Number, cur.Version, StatusReady, "local:desk1", "核查完毕"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Move(cur.Number, cur.Version, StatusApproved, "local:desk1", "x"); !errors.Is(err, ErrBadTransition) {
		t.Errorf("approving outside a meeting: %v", err)
	}
	if _, err := st.Move(cur.Number, cur.Version, StatusWithdrawn, "local:desk1", ""); !errors.Is(err, ErrReasonRequired) {
		t.Errorf("withdraw without reason: %v", err)
	}
	var hist []HistoryEntry
	st.View(func(tx *Tx) error { hist, err = tx.History(cur.Seq); return err })
	if len(hist) != 2+len(p.Evidence) {
		t.Fatalf("history has %d entries", len(hist))
	}
	last := hist[len(hist)-1]
	if last.From != StatusVerifying || last.To != StatusReady || last.Who != "local:desk1" || last.Why != "核查完毕" {
		t.Errorf("last entry = %+v", last)
	}
	if i := VerifyHistory(hist); i != -1 {
		t.Errorf("chain broken at %d", i)
	}
	hist[2].Why = "tampered"
	if i := VerifyHistory(hist); i != 2 {
		t.Errorf("tampering at 2 detected at %d", i)
	}
}

func TestSearchPeople(t *testing.T) {
	st, _, _ := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	ids := []string{idFor("19800101", 11), idFor("19810202", 22), idFor("19820303", 33)}
	for i, name := range []string{"张三丰", "张小明", "李四"} {
		mustIntake(t, st, draft(ids[i], name, []string{code}), "local:d")
	}
	names := func(q string) []string {
		var out []string
		st.View(func(tx *Tx) error {
			for _, id := range tx.SearchPeople(q, 10) {
				p, _ := tx.Person(id)
				out = append(out, p.Name)
			}
			return nil
		})
		return out
	}
	check := func(q string, want ...string) {
		t.Helper()
		got := names(q)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("search %q = %v, want %v", q, got, want)
		}
	}
	check("张", "张三丰", "张小明")
	check("张三", "张三丰")
	check("zs", "张三丰")
	check("zx", "张小明")
	check("ls", "李四")
	check(ids[2][14:], "李四")
	check(ids[1], "张小明")
	check("王")
	var seqs []*Case
	st.View(func(tx *Tx) error { seqs, _, _ = tx.Cases(CaseFilter{Query: "zxm"}); return nil })
	if len(seqs) != 1 || seqs[0].Applicant.Name != "张小明" {
		t.Errorf("case search by pinyin = %v", seqs)
	}
}

func TestCasesPagingAndFilters(t *testing.T) {
	st, _, _ := newStore(t)
	cat := st.Catalog()
	dibao := urbanDibao(t, cat).Code
	var fresh string
	for _, p := range groupProjects(cat, "college_freshman") {
		if p.Department != cat.Project(dibao).Department {
			fresh = p.Code
			break
		}
	}
	for i := 0; i < 25; i++ {
		code := dibao
		if i%5 == 0 {
			code = fresh
		}
		mustIntake(t, st, draft(idFor("19900101", i), "某人", []string{code}), "local:d")
	}
	var all []string
	var after uint64
	for page := 0; page < 10; page++ {
		var cs []*Case
		st.View(func(tx *Tx) error { cs, after, _ = tx.Cases(CaseFilter{Limit: 10, After: after}); return nil })
		for _, c := range cs {
			all = append(all, c.Number)
		}
		if after == 0 {
			break
		}
	}
	if len(all) != 25 || all[0] != "2026-000025" || all[24] != "2026-000001" {
		t.Errorf("paging gave %d cases: %v", len(all), all)
	}
	var fr []*Case
	st.View(func(tx *Tx) error { fr, _, _ = tx.Cases(CaseFilter{Project: fresh}); return nil })
	if len(fr) != 5 {
		t.Errorf("project filter gave %d", len(fr))
	}
	var byDept []*Case
	st.View(func(tx *Tx) error {
		byDept, _, _ = tx.Cases(CaseFilter{Department: cat.Project(fresh).Department, Limit: 3})
		return nil
	})
	if len(byDept) != 3 || byDept[0].Number != "2026-000021" || byDept[2].Number != "2026-000011" {
		var got []string
		for _, c := range byDept {
			got = append(got, c.Number)
		}
		t.Errorf("department filter, newest first = %v", got)
	}
	var rd []*Case
	st.View(func(tx *Tx) error { rd, _, _ = tx.Cases(CaseFilter{Status: StatusReady}); return nil })
	if len(rd) != 0 {
		t.Errorf("status filter gave %d ready", len(rd))
	}
}
