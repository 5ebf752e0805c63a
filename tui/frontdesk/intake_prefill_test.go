package frontdesk

import (
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

// TestIntakeTypingReplacesPrefilled: a field filled from the records is
// selected on entering it, so typing replaces it (it appended before:
// 李桂兰李桂兰); the mark "档案 <date>" stays until the field is touched.
func TestIntakeTypingReplacesPrefilled(t *testing.T) {
	st := openStore(t, true)
	kp := knownApplicant(t, st)
	d := newDriver(t, NewStore(st), casefile.ZH, 120, 40)
	d.press("1")
	typeText(d, kp.Person.DocNumber)
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
	d.mustNot(mark)
}

// TestIntakeFileMarkEnglish: the mark speaks English too.
func TestIntakeFileMarkEnglish(t *testing.T) {
	st := openStore(t, true)
	kp := knownApplicant(t, st)
	d := newDriver(t, NewStore(st), casefile.EN, 120, 40)
	d.press("1")
	typeText(d, kp.Person.DocNumber)
	d.must("on file " + kp.Recorded.String())
}
