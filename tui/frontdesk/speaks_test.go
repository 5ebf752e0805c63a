package frontdesk

import (
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// TestDossierTabsSpeakTheirLanguage opens cases of every status and
// looks at every tab of their dossier in both languages: beyond the
// golden screens, no Chinese but data on an English tab, no raw key on
// a Chinese one.
func TestDossierTabsSpeakTheirLanguage(t *testing.T) {
	st := openStore(t, true)
	data := tuitest.StoreData(t, st, nil)
	for _, lang := range tuitest.GoldenLangs {
		for _, number := range casePerStatus(t, st) {
			d := newDriver(t, NewStore(st), lang, 120, 40)
			openDossier(d, number)
			for range dossierTabs {
				tuitest.CheckSpeaks(t, d.view(), lang, data)
				d.press("tab")
			}
		}
		d := newDriver(t, NewStore(st), lang, 120, 40)
		d.press("4") // print page
		tuitest.CheckSpeaks(t, d.view(), lang, data)
	}
}

// casePerStatus is the newest case of every status the store has.
func casePerStatus(t *testing.T, st *casefile.Store) []string {
	t.Helper()
	var out []string
	st.View(func(tx *casefile.Tx) error {
		for _, s := range casefile.Statuses {
			if cs, _, err := tx.Cases(casefile.CaseFilter{Status: s, Limit: 1}); err == nil && len(cs) == 1 {
				out = append(out, cs[0].Number)
			}
		}
		return nil
	})
	if len(out) < 4 { // the front desk's demo has no meeting: received, verifying, ready, withdrawn
		t.Fatalf("the demo has cases of %d statuses only: %v", len(out), out)
	}
	return out
}
