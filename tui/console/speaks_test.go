package console

import (
	"testing"

	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// TestEveryCaseSpeaksItsLanguage walks every case of both demo sessions
// in both languages, beyond the golden screens: no Chinese but data on
// an English screen, no raw key on a Chinese one.
func TestEveryCaseSpeaksItsLanguage(t *testing.T) {
	st, ms := openMeeting(t)
	data := tuitest.StoreData(t, st, ms)
	for _, lang := range tuitest.GoldenLangs {
		for _, keys := range [][]string{{"enter"}, {"down", "enter"}} {
			d := newMtgConsole(t, ms, lang, 160, 45)
			tuitest.CheckSpeaks(t, d.View(), lang, data)
			d.Press(keys...)
			tuitest.CheckSpeaks(t, d.View(), lang, data) // setup or closing
			d.Press("2")
			for i := 0; i < 40; i++ {
				tuitest.CheckSpeaks(t, d.View(), lang, data)
				d.Press("]")
			}
			d.Press("3")
			tuitest.CheckSpeaks(t, d.View(), lang, data)
		}
	}
}
