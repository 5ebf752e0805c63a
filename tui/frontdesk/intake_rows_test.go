package frontdesk

import (
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// TestIntakeFlagsRowsFit: at 120 and at 80 columns, in both languages,
// the applicant's and a member's flag rows show every flag whole (before:
// one row of six, "[ ..", hiding 重病 beside the findings panel), and a
// member has a disability grade and flags of their own.
func TestIntakeFlagsRowsFit(t *testing.T) {
	st := openStore(t, false)
	for _, lang := range []casefile.Lang{casefile.ZH, casefile.EN} {
		for _, size := range [][2]int{{120, 40}, {80, 24}} {
			d := newDriver(t, NewStore(st), lang, size[0], size[1])
			d.press("1")
			c := d.m.intake.c
			d.m.intake.form.FocusID("flags")
			for _, f := range personFlags {
				l := casefile.FlagLabel(f)
				if s, ok := flagShort[f]; ok {
					l = s
				}
				d.must("[ ]" + l.In(lang))
			}
			d.m.intake.form.FocusID("btn.addmember")
			d.press("enter")
			d.m.intake.form.FocusID("m.0.flags")
			d.must(c.T(lblIntakeDisability))
			line := d.view()
			line = line[strings.Index(line, "> "):]
			line = line[:strings.Index(line, "\n")]
			for _, f := range memberFlags {
				l := casefile.FlagLabel(f)
				if s, ok := flagShort[f]; ok {
					l = s
				}
				if !strings.Contains(line, "[ ]"+l.In(lang)) {
					t.Errorf("%s %dx%d: the member's flags row %q lacks %s", lang, size[0], size[1], line, l.In(lang))
				}
			}
		}
	}
}

// TestIncomeKindTypedOrSearched: on an income's kind, typing part of a
// name, its pinyin or a name people use (退休工资) picks the kind at
// once, and left/right move among the matches only (before: only cycled
// through the eleven kinds).
func TestIncomeKindTypedOrSearched(t *testing.T) {
	st := openStore(t, false)
	d := intakeDriver(t, st)
	d.m.intake.form.FocusID("btn.addinc.-1")
	d.press("enter")
	kind := func() string { return d.m.intake.state.Incomes[0].Kind }
	if kind() != st.Catalog().IncomeKinds[0].Key {
		t.Fatalf("a new income starts as %q", kind())
	}
	typeText(d, "退休工资") // an alias of transfer net income
	if kind() != "transfer" {
		t.Fatalf("退休工资 chose %q", kind())
	}
	d.must("筛选“退休工资”：1 项")
	for range 4 {
		d.press("backspace")
	}
	typeText(d, "dbj") // pinyin initials of 低保金 (dibao money): an alias
	if kind() != "social_assistance" {
		t.Errorf("dbj chose %q", kind())
	}
	if k := st.Catalog().IncomeKind(kind()); k == nil || k.Counted {
		t.Fatalf("dbj chose %q, want the excluded assistance payments", kind())
	}
	d.must(common.LblIntakeNotCounted.ZH)
	d.press("right") // only one match: stays
	if k := st.Catalog().IncomeKind(kind()); k == nil || k.Counted {
		t.Fatalf("right moved off the only match to %q", kind())
	}
	d.press("tab")
	typeText(d, "1200")
	if in := d.m.intake.state.Incomes[0]; in.Amount != "1200" {
		t.Fatalf("the amount after the kind: %+v", in)
	}
}

// TestRequestedHintSaysWhenRequired: MZ-05's rule caps the amount asked
// for, so its hint says the amount is required; the dibao's says it is
// computed (before: both said 按政策规则核算，可不填).
func TestRequestedHintSaysWhenRequired(t *testing.T) {
	st := openStore(t, false)
	d := newDriver(t, NewStore(st), casefile.ZH, 120, 40)
	d.press("1", "f2")
	typeText(d, "mz-05")
	d.press("space", "backspace", "backspace", "backspace", "backspace", "backspace")
	typeText(d, "mz-01")
	d.press("space", "esc")
	d.m.intake.form.FocusID("app.MZ-05")
	line := func(code string) string {
		v := d.view()
		i := strings.Index(v, code)
		v = v[i:]
		i = strings.Index(v, lblIntakeRequested.ZH)
		v = v[i:]
		return v[:strings.Index(v, "\n")]
	}
	if l := line("MZ-05"); !strings.Contains(l, lblIntakeRequestedCapped.ZH) {
		t.Errorf("MZ-05's amount row: %q", l)
	}
	if l := line("MZ-01"); !strings.Contains(l, lblIntakeRequestedRule.ZH) {
		t.Errorf("MZ-01's amount row: %q", l)
	}
}
