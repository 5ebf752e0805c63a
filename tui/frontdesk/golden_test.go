package frontdesk

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// Golden screens at 80×24 and 120×40 in both languages, on the demo
// database and the fixed clock. Refresh with: go test ./tui/frontdesk -update

var goldenSizes = [][2]int{{80, 24}, {120, 40}}

// eachScreen runs setup for every language and size and compares the
// colour-stripped screen with testdata/<Test>/<lang>_<w>x<h>.golden.
// First it checks the screen speaks its language only: no Chinese on an
// English screen but the data of the store, no raw enum key or [tag] on
// a Chinese one (tuitest.CheckSpeaks).
func eachScreen(t *testing.T, st *casefile.Store, setup func(d *driver)) {
	for _, lang := range tuitest.GoldenLangs {
		for _, sz := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				// each screen starts without the draft an earlier one left
				if err := st.SaveDraft(testUser, nil); err != nil {
					t.Fatal(err)
				}
				d := newDriver(t, NewStore(st), lang, sz[0], sz[1])
				setup(d)
				v := d.view()
				tuitest.CheckFrame(t, v, sz[0], sz[1])
				tuitest.CheckSpeaks(t, v, lang, tuitest.StoreData(t, st, nil))
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

func TestHome(t *testing.T) {
	st := openStore(t, true)
	eachScreen(t, st, func(d *driver) {})
}

func TestIntakeEmpty(t *testing.T) {
	st := openStore(t, true)
	eachScreen(t, st, func(d *driver) { d.press("1") })
}

// studentID is the first demo applicant: a student who applied to three
// departments for freshman aid.
func studentID(t *testing.T, st *casefile.Store) string {
	var id string
	st.View(func(tx *casefile.Tx) error {
		c, err := tx.Case("2026-000001")
		if err == nil {
			id = c.Applicant.DocNumber
		}
		return err
	})
	return id
}

func TestIntakeFindings(t *testing.T) {
	st := openStore(t, true)
	id := studentID(t, st)
	eachScreen(t, st, func(d *driver) {
		d.press("1")
		typeText(d, id)
		d.press("f2")
		typeText(d, "xsrx")
		d.press("space", "backspace", "backspace", "backspace", "backspace")
		typeText(d, "mz-01")
		d.press("space", "esc")
		// household, pre-filled from the records: the applicant's wages
		// on file are replaced by what the clerk types
		d.press("pgup", "pgup", "tab", "tab")
		typeText(d, "1200")
		if in := d.m.intake.state.Incomes; len(in) != 1 || in[0].Amount != "1200" {
			t.Errorf("the income on file was not replaced: %+v", in)
		}
		if len(d.m.intake.findings) < 3 {
			t.Errorf("expected income, duplicate and document findings, got %d", len(d.m.intake.findings))
		}
	})
}

func TestQueue(t *testing.T) {
	st := openStore(t, true)
	eachScreen(t, st, func(d *driver) { d.press("2") })
}

func TestDossier(t *testing.T) {
	st := openStore(t, true)
	eachScreen(t, st, func(d *driver) {
		openDossier(d, "2026-000004")
		if d.m.active != common.PageDossier {
			t.Fatal("the dossier did not open")
		}
	})
}

// TestSmallestWindow draws every screen at the smallest size the front
// desk accepts: nothing may spill over the edges.
func TestSmallestWindow(t *testing.T) {
	st := openStore(t, true)
	id := studentID(t, st)
	for _, lang := range tuitest.GoldenLangs {
		d := newDriver(t, NewStore(st), lang, components.MinWidth, components.MinHeight)
		tuitest.CheckFrame(t, d.view(), components.MinWidth, components.MinHeight)
		d.press("1")
		typeText(d, id)
		d.press("f2")
		typeText(d, "xsrx")
		d.press("space")
		tuitest.CheckFrame(t, d.view(), components.MinWidth, components.MinHeight)
		d.press("esc")
		tuitest.CheckFrame(t, d.view(), components.MinWidth, components.MinHeight)
		d.press("ctrl+s")
		tuitest.CheckFrame(t, d.view(), components.MinWidth, components.MinHeight)
		d.press("y", "esc", "2")
		tuitest.CheckFrame(t, d.view(), components.MinWidth, components.MinHeight)
		d.press("enter")
		for tab := 0; tab < len(dossierTabs); tab++ {
			tuitest.CheckFrame(t, d.view(), components.MinWidth, components.MinHeight)
			d.press("tab")
		}
		d.press("e")
		tuitest.CheckFrame(t, d.view(), components.MinWidth, components.MinHeight)
		if err := st.SaveDraft(testUser, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPrintPage: the print page's huh fields, a number typed and the kind
// moved to a whole session, the focus on the print button.
func TestPrintPage(t *testing.T) {
	st := openStore(t, true)
	eachScreen(t, st, func(d *driver) {
		d.press("4")
		if d.m.active != common.PagePrint {
			t.Fatal("the print page did not open")
		}
		typeText(d, "2026-000001")
		d.press("tab", "right", "tab")
	})
}

// TestDossierWithdrawPrompt: the withdrawal prompt (a huh Input in the
// dialog) refusing an empty reason in the user's language.
func TestDossierWithdrawPrompt(t *testing.T) {
	st := openStore(t, true)
	eachScreen(t, st, func(d *driver) {
		openDossier(d, "2026-000004")
		d.press("w", "enter")
	})
}

// TestEvidenceForm: the evidence form's huh fields, a verifier typed and
// a bad amount showing its hint.
func TestEvidenceForm(t *testing.T) {
	st := openStore(t, true)
	eachScreen(t, st, func(d *driver) {
		openDossier(d, "2026-000004")
		d.press("e", "down", "down")
		typeText(d, "2026")
		d.press("down", "down")
		typeText(d, "12x")
	})
}

// TestIntakeSameGroupFindings: urban dibao and urban extreme-poverty
// support picked in one intake (one group), and MZ-05 without an amount.
// The findings, zoomed: the group's finding names each one's monthly
// amount and the one that would be kept; MZ-05's names the missing
// amount, not the policy text.
func TestIntakeSameGroupFindings(t *testing.T) {
	st := openStore(t, false)
	eachScreen(t, st, func(d *driver) {
		d.press("1")
		typeText(d, validID("61060219500101123"))
		d.press("f2")
		for _, code := range []string{"mz-01", "mz-03", "mz-05"} {
			typeText(d, code)
			d.press("space", "backspace", "backspace", "backspace", "backspace", "backspace")
		}
		d.press("esc")
		d.m.intake.form.FocusID("btn.addinc.-1")
		d.press("enter", "tab")
		typeText(d, "200")
		d.press("f3")
	})
}
