package frontdesk

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
)

// kioskDriver is the front desk as a kiosk whose idle timer the test
// fires itself (idle), with admin code "4711".
func kioskDriver(t *testing.T, st *casefile.Store) *driver {
	t.Helper()
	k := Kiosk{Idle: time.Minute, Unlock: func(code string) bool { return code == "4711" },
		After: func(time.Duration, tea.Msg) tea.Cmd { return nil }}
	return startDriver(t, NewStore(st), casefile.ZH, testUser, 80, 24, WithKiosk(k))
}

// idle is the idle time passing without a key.
func (d *driver) idle() { d.t.Helper(); d.send(kioskIdleMsg{gen: d.m.kiosk.gen}) }

// TestKioskForgetsTheApplicant: an applicant's intake half typed, a case
// open in the dossier; the idle time passes: the neutral page shows
// nobody's name, number, draft or findings, nor does anything after a
// key wakes it; the clerk's draft is back when they open the intake.
func TestKioskForgetsTheApplicant(t *testing.T) {
	st := openStore(t, false)
	id := validID("61060219800101123")
	d := kioskDriver(t, st)
	d.press("1")
	typeText(d, id)
	d.press("tab")
	typeText(d, "王五")
	d.must("王五")

	// a key resets the timer: an idle message of before it is stale
	stale := kioskIdleMsg{gen: d.m.kiosk.gen}
	d.press("tab")
	d.send(stale)
	d.must("王五")

	d.idle()
	d.must("请稍候", "下一位")
	d.mustNot("王五", id, id[:6], id[14:], "受理")
	if b, _ := st.Draft(testUser); b == nil {
		t.Fatal("the draft was not saved when the kiosk went idle")
	}

	d.press("x") // the clerk is back: the home screen, and nothing typed
	d.mustNot("请稍候", "王五", id[14:])
	d.must("前台受理", "有未完成的受理")

	d.press("1")
	d.must("[王五", "["+id)

	// resizing while idle keeps the neutral page, in the new size
	d.idle()
	d.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	d.must("请稍候")
	d.mustNot("王五")
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.must("下一位")
}

// TestKioskCannotBeLeftWithoutTheCode: ctrl+c asks for the administrator's
// code; ctrl+z, q and a wrong code leave nothing; the right code quits.
func TestKioskCannotBeLeftWithoutTheCode(t *testing.T) {
	st := openStore(t, false)
	d := kioskDriver(t, st)
	for _, k := range []string{"ctrl+z", "q"} {
		if d.press(k); d.Quit {
			t.Fatalf("%s ended the kiosk", k)
		}
		d.must("前台受理")
	}
	if d.press("ctrl+c"); d.Quit {
		t.Fatal("ctrl+c ended the kiosk")
	}
	d.must("退出需要管理员代码")
	typeText(d, "1234")
	if d.press("enter"); d.Quit {
		t.Fatal("a wrong code ended the kiosk")
	}
	d.must("代码不对")
	d.press("esc")
	d.must("前台受理")
	d.press("ctrl+c")
	typeText(d, "4711")
	if d.press("enter"); !d.Quit {
		t.Fatal("the administrator's code did not end the kiosk")
	}
}
