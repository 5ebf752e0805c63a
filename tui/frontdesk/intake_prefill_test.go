package frontdesk

import (
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// knownApplicant is the applicant of the demo's first case, as the store
// knows them.
func knownApplicant(t *testing.T, st *casefile.Store) *casefile.KnownPerson {
	t.Helper()
	var number string
	st.View(func(tx *casefile.Tx) error {
		c, err := tx.Case("2026-000001")
		if err == nil {
			number = c.Applicant.DocNumber
		}
		return err
	})
	kp, err := st.KnownPerson(number)
	if err != nil {
		t.Fatal(err)
	}
	if kp.Person.Phone == "" || kp.Recorded.IsZero() {
		t.Fatalf("the demo's first applicant has no phone or no record date: %+v", kp)
	}
	return kp
}

// knownIntake opens the intake on the demo's store and types the ID number
// of its first applicant, as a clerk with a returning applicant does.
func knownIntake(t *testing.T, lang casefile.Lang) (*driver, *casefile.KnownPerson, *casefile.Store) {
	t.Helper()
	st := openStore(t, true)
	kp := knownApplicant(t, st)
	d := newDriver(t, NewStore(st), lang, 120, 40)
	d.press("1")
	typeText(d, kp.Person.DocNumber)
	return d, kp, st
}

// TestIntakeTypingReplacesPrefilled: a field filled from the records is
// selected on entering it, so typing replaces it (it appended before:
// 李桂兰李桂兰); the mark "档案 <date>" stays until the field is touched.
func TestIntakeTypingReplacesPrefilled(t *testing.T) {
	d, kp, _ := knownIntake(t, casefile.ZH)
	mark := "档案 " + kp.Recorded.String()
	d.must("[" + kp.Person.Name + " ")
	if d.m.intake.state.Phone != kp.Person.Phone {
		t.Fatalf("phone not filled: %q", d.m.intake.state.Phone)
	}
	if got := d.lineOf(mark); got != d.lineOf("姓名") {
		t.Fatalf("name not marked %q (line %d, name on %d)", mark, got, d.lineOf("姓名"))
	}

	d.press("tab") // onto the name, filled from the records
	typeText(d, "李桂兰")
	if got := d.m.intake.state.Name; got != "李桂兰" {
		t.Fatalf("typing into the pre-filled name gave %q, want 李桂兰", got)
	}
	if d.lineOf(mark) == d.lineOf("姓名") {
		t.Fatal("the typed name is still marked as from the records")
	}

	// a fast burst: name, tab, phone, all replaced
	d.press("tab")
	typeText(d, "13900000000")
	if got := d.m.intake.state.Phone; got != "13900000000" {
		t.Fatalf("typing into the pre-filled phone gave %q", got)
	}

	// Backspace clears a selected value
	d.press("tab") // township
	d.press("backspace")
	if got := d.m.intake.state.Township; got != "" {
		t.Fatalf("backspace on the selected township left %q", got)
	}

	// a cursor key drops the selection and keeps the text
	d.press("tab") // village
	village := d.m.intake.state.Village
	d.press("end")
	typeText(d, "东")
	if got := d.m.intake.state.Village; got != village+"东" {
		t.Fatalf("end then typing gave %q, want %q", got, village+"东")
	}
	d.press("tab") // address
	addr := []rune(d.m.intake.state.Address)
	d.press("left")
	typeText(d, "X")
	want := string(addr[:len(addr)-1]) + "X" + string(addr[len(addr)-1:])
	if got := d.m.intake.state.Address; got != want {
		t.Fatalf("left then typing gave %q, want %q", got, want)
	}
	// no applicant row is marked any more (the household's still are)
	if l := d.lineOf(mark); l >= 0 && l <= d.lineOf("详细地址") {
		t.Fatalf("an applicant row is still marked (line %d)", l)
	}
}

// TestIntakeFileMarkEnglish: the mark speaks English too.
func TestIntakeFileMarkEnglish(t *testing.T) {
	d, kp, _ := knownIntake(t, casefile.EN)
	d.must("on file " + kp.Recorded.String())
}

// TestIntakeIDChangeClearsPrefilled: changing the ID number empties what
// the old number's record filled (it stayed, and the save dialog offered
// the old person's name for the new number); what the clerk typed stays,
// marked for review.
func TestIntakeIDChangeClearsPrefilled(t *testing.T) {
	d, kp, _ := knownIntake(t, casefile.ZH)
	d.press("tab", "tab") // onto the phone
	typeText(d, "13900000000")
	d.press("shift+tab", "shift+tab") // back to the ID number
	for range kp.Person.DocNumber {
		d.press("backspace")
	}
	other := validID("61060219900101123")
	typeText(d, other)
	d.must("新申请人")
	s := d.m.intake.state
	if s.Name != "" || s.Township != "" || s.Village != "" || s.Address != "" {
		t.Fatalf("the old person's record stayed: %+v", s)
	}
	if s.Phone != "13900000000" {
		t.Fatalf("the typed phone was lost: %q", s.Phone)
	}
	d.mustNot(kp.Person.Name, "档案 "+kp.Recorded.String())
	if d.lineOf("请核对：身份证号已改") != d.lineOf("13900000000") {
		t.Fatal("the typed phone is not marked for review")
	}
	d.press("tab", "tab") // the phone: touching it drops the mark
	typeText(d, "1")
	d.mustNot("请核对")
}

// TestIntakeNameChangeNeedsConfirming: a name that differs from the one
// on file for the number is not saved until the clerk confirms the
// change, which the intake's history records (it was saved silently).
func TestIntakeNameChangeNeedsConfirming(t *testing.T) {
	d, kp, st := knownIntake(t, casefile.ZH)
	d.press("tab")
	typeText(d, "李桂兰")
	d.press("f2")
	typeText(d, "mz-01")
	d.press("space", "esc")
	before := counts(st)
	d.press("ctrl+s")
	d.must("姓名与档案不符", "档案中 "+casefile.MaskID(kp.Person.DocNumber)+" 的姓名是 "+kp.Person.Name+"，填写的是 李桂兰。")
	d.press("n")
	d.must("未保存：姓名与档案不符（档案：" + kp.Person.Name + "）")
	d.mustNot("确认受理")
	d.press("ctrl+s")
	d.press("y") // the name changed
	d.must("确认受理", "申请人：李桂兰（"+casefile.MaskID(kp.Person.DocNumber)+"）")
	d.press("y")
	d.must("受理成功")
	if counts(st) != before+1 {
		t.Fatalf("%d cases, want %d", counts(st), before+1)
	}
	number := d.m.intake.saved.Number
	st.View(func(tx *casefile.Tx) error {
		c, err := tx.Case(number)
		if err != nil {
			t.Fatal(err)
		}
		h, err := tx.History(c.Seq)
		if err != nil || len(h) == 0 {
			t.Fatalf("history %v, %v", h, err)
		}
		note := h[0].Text()
		if !strings.Contains(note.ZH, "更名：档案姓名 "+kp.Person.Name+"，受理时确认为 李桂兰") ||
			!strings.Contains(note.EN, "name changed: "+kp.Person.Name+" on file, confirmed as 李桂兰") {
			t.Fatalf("intake history note %+v", note)
		}
		return nil
	})
}

func counts(st *casefile.Store) (n int) {
	st.View(func(tx *casefile.Tx) error { n = tx.Counts().Total; return nil })
	return n
}

// TestIntakePrefillsHousehold: a returning applicant's household comes
// from the records (area, members, the incomes last recorded, each
// marked with the record's date), all editable; a changed ID number takes
// what was not touched away again.
func TestIntakePrefillsHousehold(t *testing.T) {
	d, kp, _ := knownIntake(t, casefile.EN)
	if len(kp.Household.Members) < 2 {
		t.Fatalf("the demo's first applicant lives alone: %+v", kp.Household)
	}
	s := &d.m.intake.state
	if s.Area != string(kp.Household.Area) || len(s.Members) != len(kp.Household.Members)-1 {
		t.Fatalf("household not filled: area %q, members %+v", s.Area, s.Members)
	}
	on := kp.Recorded.String()
	for i, m := range s.Members {
		want := kp.Household.Members[i+1]
		if m.Name != want.Person.Name || m.Relation != want.Relation || m.OnFile != on || len(m.Incomes) != len(want.Incomes) {
			t.Fatalf("member %d: %+v, want %+v", i, m, want)
		}
	}
	d.press("pgdown") // the household
	d.must("Member 2: "+s.Members[0].Name, "Relation     "+relationLabel(d, s.Members[0].Relation)+"    on file "+on)

	// editable: the member's name, then the member deleted
	d.m.intake.form.FocusID(memberID(0) + ".name")
	typeText(d, "王秀英")
	if s.Members[0].Name != "王秀英" || s.Members[0].OnFile != "" {
		t.Fatalf("member 2 after typing: %+v", s.Members[0])
	}
	n := len(s.Members)
	d.m.intake.form.FocusID(memberID(n-1) + ".name")
	d.press("ctrl+x")
	if len(s.Members) != n-1 {
		t.Fatalf("%d members after deleting one of %d", len(s.Members), n)
	}

	// another ID number: the untouched members go, the typed one stays
	d.m.intake.form.FocusID("id")
	for range kp.Person.DocNumber {
		d.press("backspace")
	}
	typeText(d, validID("61060219900101123"))
	if len(s.Members) != 1 || s.Members[0].Name != "王秀英" || s.Area != string(casefile.Urban) {
		t.Fatalf("after the ID changed: area %q, members %+v", s.Area, s.Members)
	}
}

func relationLabel(d *driver, rel string) string {
	for _, o := range relationOptions(d.m.intake.c) {
		if o.Value == rel {
			return o.Label
		}
	}
	return rel
}

// TestRestoredDraftKeepsRowMarks: a draft brought back after a restart
// still marks the rows filled from the records ("档案 <date>") and the
// rows typed for an ID number since changed ("请核对：身份证号已改");
// the restored form showed neither before.
func TestRestoredDraftKeepsRowMarks(t *testing.T) {
	d, kp, st := knownIntake(t, casefile.ZH)
	d.must("档案 " + kp.Recorded.String())
	restart := func() *driver {
		d2 := newDriver(t, NewStore(st), casefile.ZH, 120, 40)
		d2.press("1")
		d2.must("已恢复上次未保存的受理草稿")
		return d2
	}
	d2 := restart()
	d2.must(kp.Person.Name, "档案 "+kp.Recorded.String())
	if line := strings.Split(d2.view(), "\n")[d2.lineOf(kp.Person.Phone)]; !strings.Contains(line, "档案 "+kp.Recorded.String()) {
		t.Fatalf("the phone from the records is not marked as such after the restore:\n%s", d2.view())
	}

	// the phone typed over, then the ID number changed: the phone asks to
	// be checked, and still does after the next restart
	d2.press("tab", "tab")
	typeText(d2, "13900000000")
	d2.press("shift+tab", "shift+tab")
	for range kp.Person.DocNumber {
		d2.press("backspace")
	}
	typeText(d2, validID("61060219900101123"))
	d2.must("新申请人", "请核对：身份证号已改")
	d3 := restart()
	d3.must("13900000000")
	if d3.lineOf("请核对：身份证号已改") != d3.lineOf("13900000000") {
		t.Fatal("the typed phone lost its review mark with the restore")
	}
	d3.mustNot("档案 " + kp.Recorded.String())
}
