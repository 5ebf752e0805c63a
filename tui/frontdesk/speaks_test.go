package frontdesk

import (
	"testing"

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
		for _, number := range []string{"2026-000001", "2026-000002", "2026-000004", "2026-000010", "2026-000029"} {
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
