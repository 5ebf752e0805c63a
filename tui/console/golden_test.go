package console

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// Golden screens of the meeting console at 80×24, 120×40 and a
// projector's 160×45, in both languages, on the demo database and the
// fixed clock. Refresh with: go test ./tui/console -update

var meetingSizes = [][2]int{{80, 24}, {120, 40}, {160, 45}}

// eachMeetingScreen runs setup on a fresh demo database for every
// language and size and compares the colour-stripped screen with
// testdata/<Test>/<lang>_<w>x<h>.golden, after checking the screen speaks
// its language only (tuitest.CheckSpeaks).
func eachMeetingScreen(t *testing.T, setup func(d *mtgConsole, ms *meeting.Store)) {
	for _, lang := range tuitest.GoldenLangs {
		for _, sz := range meetingSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				st, ms := openMeeting(t)
				d := newMtgConsole(t, ms, lang, sz[0], sz[1])
				setup(d, ms)
				v := d.View()
				tuitest.CheckFrame(t, v, sz[0], sz[1])
				tuitest.CheckSpeaks(t, v, lang, tuitest.StoreData(t, st, ms))
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// TestMeetingSetupScreen: the open session's attendance and agenda, with
// one member marked absent and the agenda built.
func TestMeetingSetupScreen(t *testing.T) {
	eachMeetingScreen(t, func(d *mtgConsole, ms *meeting.Store) {
		d.Press("enter", "right", "right", "space", "b")
	})
}

// TestMeetingWalkScreen: the first case of the open session, with a
// disagreeing vote and a recusal recorded.
func TestMeetingWalkScreen(t *testing.T) {
	eachMeetingScreen(t, func(d *mtgConsole, ms *meeting.Store) {
		d.Press("enter", "w", "a", "d")
		d.Type("收入情况与入户调查不一致")
		d.Press("enter", "r")
		d.Type("系申请人亲属")
		d.Press("enter", "left")
		if it := d.page().sh.currentItem(); len(it.Votes) != 2 || len(it.Recusals) != 1 {
			t.Fatalf("votes %+v, recusals %+v", it.Votes, it.Recusals)
		}
	})
}

// TestMeetingDecidedCase: a case of the closed session with duplicates
// declined (the student who applied to several departments kept the
// highest grant only), read-only.
func TestMeetingDecidedCase(t *testing.T) {
	eachMeetingScreen(t, func(d *mtgConsole, ms *meeting.Store) {
		d.Press("down", "enter", "2")
		s := storedSession(t, ms, demoClosed)
		var want string
		for _, it := range s.Agenda {
			for _, a := range it.Apps {
				if a.Mark == meeting.MarkDecline && want == "" {
					want = it.Case
				}
			}
		}
		for i := 0; d.page().sh.cur != want && i < len(s.Agenda); i++ {
			d.Press("]")
		}
		if d.page().sh.cur != want {
			t.Fatalf("case %s not reached", want)
		}
	})
}

// TestMeetingClosingScreen: the closed demo session's summary.
func TestMeetingClosingScreen(t *testing.T) {
	eachMeetingScreen(t, func(d *mtgConsole, ms *meeting.Store) {
		d.Press("down", "enter")
	})
}

// TestMeetingSmallestWindow draws every screen at the smallest size the
// console accepts: nothing may spill over the edges.
func TestMeetingSmallestWindow(t *testing.T) {
	_, ms := openMeeting(t)
	for _, lang := range tuitest.GoldenLangs {
		d := newMtgConsole(t, ms, lang, components.MinWidth, components.MinHeight)
		check := func() { t.Helper(); tuitest.CheckFrame(t, d.View(), components.MinWidth, components.MinHeight) }
		check()
		d.Press("n")
		check()
		d.Press("esc", "enter")
		check()
		d.Press("w")
		check()
		d.Press("pgdown", "pgdown")
		check()
		d.Press("d")
		check()
		d.Press("esc", "enter")
		check()
		d.Press("esc", "3")
		check()
		d.Press("c")
		check()
		d.Press("n", "esc", "down", "enter")
		check()
		d.Press("2")
		check()
	}
}

// TestMeetingEnglish has no Chinese label on the English screens but the
// names and the domain's own texts.
func TestMeetingEnglish(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.EN, 100, 30)
	d.Must("Adjudication meetings", "open", "closed")
	d.Press("enter")
	d.Must("present 15/17, quorum reached", "Agenda", "11 cases, 0 decided")
	d.Press("w")
	d.Must("agree 0  disagree 0", "a agree", "d disagree", "Projects and proposed amounts")
}

// BenchmarkCasePage measures one frame of the walkthrough: a case with
// its dossier, findings, evidence, household and the votes, drawn whole
// (nothing is cached between frames). It must stay under 5 ms.
func BenchmarkCasePage(b *testing.B) {
	_, ms := openMeeting(b)
	for _, sz := range [][2]int{{80, 24}, {160, 45}} {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			d := newMtgConsole(b, ms, casefile.ZH, sz[0], sz[1])
			d.Press("enter", "w")
			if d.page().sh.currentItem() == nil || d.page().sh.b.d == nil {
				b.Fatal("no case in view")
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_ = d.m.View()
			}
		})
	}
}

// TestMeetingReasonPrompt: the reason prompt of a disagreeing vote (a huh
// Text in the dialog frame), with a reason typed (digits: typed text is
// in no language).
func TestMeetingReasonPrompt(t *testing.T) {
	eachMeetingScreen(t, func(d *mtgConsole, ms *meeting.Store) {
		d.Press("enter", "w", "a", "d")
		d.Type("2026-000025")
	})
}

// TestMeetingRulingChooser: the ruling chooser (a huh Select), moved once
// from the rules' proposal.
func TestMeetingRulingChooser(t *testing.T) {
	eachMeetingScreen(t, func(d *mtgConsole, ms *meeting.Store) {
		d.Press("enter", "w", "enter", "right")
	})
}

// TestReasonPromptGrows: a long reason wraps in more rows, up to the
// limit, and the box still fits the window, down to 20 columns.
func TestReasonPromptGrows(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24)
	d.Press("enter", "w", "a", "d")
	pr := d.page().prompt()
	if pr == nil {
		t.Fatal("no reason prompt")
	}
	pr.Update(tea.PasteMsg{Content: strings.Repeat("收入情况与入户调查不一致。", 12)})
	v := pr.View(80, 24)
	tuitest.CheckFrame(t, ansi.Strip(v), 80, 24)
	if n := strings.Count(ansi.Strip(v), "收入情况"); n < 6 {
		t.Errorf("a long reason shows %d times in the box, want it wrapped over several rows:\n%s", n, ansi.Strip(v))
	}
	for w := 1; w <= 24; w++ {
		_ = pr.View(w, 8)
	}
}

// TestRulingChooserNarrow: the chooser draws in any window without a
// panic, and 1/2/3 still choose and go on.
func TestRulingChooserNarrow(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.EN, 80, 24)
	d.Press("enter", "w", "enter")
	ch, ok := d.page().sh.modal.(*rulingChooser)
	if !ok {
		t.Fatal("no ruling chooser")
	}
	for w := 1; w <= 24; w++ {
		_ = ch.View(w, 6)
	}
	ch.Update(tuitest.KeyMsg("right"))
	ch.Update(tuitest.KeyMsg("left"))
	ch.Update(tuitest.KeyMsg("left"))
	if got := ch.Chosen(); got != casefile.StatusApproved {
		t.Errorf("left from reject: %v, want approve", got)
	}
	if res := ch.Update(tuitest.KeyMsg("3")); res != components.DialogYes || ch.Chosen() != casefile.StatusDeferred {
		t.Errorf("3: %v %v, want yes and defer", res, ch.Chosen())
	}
}
