package frontdesk

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
)

// Hostile terminal input: what a long paste, escape sequences, rare
// characters, a collapsing window and a flood of keys do to the front
// desk. It must stay up, and what is stored must be what was typed, with
// control characters stripped.

// startIntake opens the intake with a valid ID typed and focus on the name.
func startIntake(t *testing.T, st *casefile.Store) (*driver, string) {
	d := intakeDriver(t, st)
	id := validID("61060219800101123")
	typeText(d, id)
	d.press("tab")
	return d, id
}

// chooseDibaoAndSave picks MZ-01 with every document and confirms the save.
func chooseDibaoAndSave(d *driver) {
	d.press("f2")
	typeText(d, "mz-01")
	d.press("space", "esc")
	d.press("ctrl+s")
}

func storedCase(t *testing.T, st *casefile.Store, number string) *casefile.Case {
	t.Helper()
	var c *casefile.Case
	if err := st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case(number); return }); err != nil {
		t.Fatalf("case %s: %v", number, err)
	}
	return c
}

func TestHugePasteKeepsTheFieldLimit(t *testing.T) {
	st := openStore(t, false)
	d, _ := startIntake(t, st)
	huge := strings.Repeat("张", 10_000)
	d.send(tea.PasteMsg{Content: huge})
	d.must("前台受理") // still drawing
	if v := d.view(); len(strings.Split(v, "\n")) > 24 {
		t.Fatalf("the paste broke the layout: %d lines", len(strings.Split(v, "\n")))
	}
	name := d.m.intake.state.Name
	if n := len([]rune(name)); n == 0 || n > casefile.MaxNameRunes || strings.Trim(name, "张") != "" {
		t.Fatalf("the name field holds %d characters: %q", n, name)
	}
	chooseDibaoAndSave(d)
	d.press("y")
	d.must("受理成功")
	if got := storedCase(t, st, "2026-000001").Applicant.Name; got != name {
		t.Errorf("stored %q, want what the field showed %q", got, name)
	}
}

func TestControlCharactersStrippedRareCharactersKept(t *testing.T) {
	st := openStore(t, false)
	d, id := startIntake(t, st)
	// Escape sequences and a bell inside a pasted name; a name with an
	// extension-B character and an emoji.
	d.send(tea.PasteMsg{Content: "\x1b[31m𠮷\x07野\x1b]0;owned\x07家😀\r\n"})
	chooseDibaoAndSave(d)
	d.must("确认受理")
	d.press("y")
	d.must("受理成功", "2026-000001")
	c := storedCase(t, st, "2026-000001")
	if c.Applicant.Name != "𠮷野家😀" {
		t.Errorf("stored name %q, want the typed characters without control sequences", c.Applicant.Name)
	}
	if c.Applicant.DocNumber != id {
		t.Errorf("ID %q", c.Applicant.DocNumber)
	}
	for _, r := range c.Applicant.Name {
		if r < 0x20 || r == 0x7f {
			t.Errorf("control character %U stored", r)
		}
	}
}

func TestResizeToOneByOneAndBack(t *testing.T) {
	st := openStore(t, true)
	d, _ := startIntake(t, st)
	typeText(d, "王五")
	for _, size := range [][2]int{{1, 1}, {0, 0}, {2, 1}, {59, 19}, {1, 40}, {300, 1}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		_ = d.view() // must not panic
	}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.must("王五", "前台受理")
	for _, l := range strings.Split(d.view(), "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Fatalf("line wider than the window after resizing back: %q", l)
		}
	}
}

func TestFloodOfKeysLosesNone(t *testing.T) {
	st := openStore(t, false)
	d, _ := startIntake(t, st)
	typeText(d, "赵")
	// 600 key presses as fast as the terminal can deliver them: each one a
	// separate message, as Bubble Tea v2 reports a burst.
	for i := 0; i < 300; i++ {
		d.send(tea.KeyPressMsg{Code: '六', Text: "六"})
		d.send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	typeText(d, "钱")
	if got := d.m.intake.state.Name; got != "赵钱" {
		t.Fatalf("name after the flood = %q, want 赵钱", got)
	}
}
