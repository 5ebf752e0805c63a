package rating_test

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
	"github.com/rongjiuzhu/hall/tui/rating"
)

const number = "2026-000002"

func screen(t *testing.T, st *casefile.Store, lang casefile.Lang, w, h int) (*tuitest.Driver, *rating.Model) {
	t.Helper()
	m := rating.New(common.New(st.Catalog(), lang, tuitest.TestUser, tuitest.Clock), rating.NewStore(st), number)
	d := tuitest.NewDriver(t, m)
	d.Send(tea.WindowSizeMsg{Width: w, Height: h})
	return d, m
}

func eachScreen(t *testing.T, setup func(d *tuitest.Driver, lang casefile.Lang)) {
	st := tuitest.OpenStore(t, true)
	data := tuitest.StoreData(t, st, nil)
	for _, lang := range tuitest.GoldenLangs {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				d, _ := screen(t, st, lang, sz[0], sz[1])
				setup(d, lang)
				v := d.View()
				tuitest.CheckFrame(t, v, sz[0], sz[1])
				tuitest.CheckSpeaks(t, v, lang, data)
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// TestRatingAsks: the five large keys.
func TestRatingAsks(t *testing.T) { eachScreen(t, func(d *tuitest.Driver, _ casefile.Lang) {}) }

// TestRatingChosen: 4 chosen, a comment typed.
func TestRatingChosen(t *testing.T) {
	eachScreen(t, func(d *tuitest.Driver, lang casefile.Lang) {
		d.Press("4", "c")
		d.Type(map[casefile.Lang]string{casefile.ZH: "办事很快", casefile.EN: "quick service"}[lang])
		d.Press("enter")
	})
}

// TestRatingStoredAndHidden: enter stores the rating; the thanks screen
// does not repeat the score; a low score opens a follow-up.
func TestRatingStoredAndHidden(t *testing.T) {
	st := tuitest.OpenStore(t, true)
	d, m := screen(t, st, casefile.ZH, 80, 24)
	d.Press("2", "5", "2", "c")
	d.Type("等候时间太长")
	d.Press("enter", "enter")
	if !m.Rated {
		t.Fatal("not stored")
	}
	v := d.View()
	if !strings.Contains(v, "感谢您的评价") || strings.Contains(v, "不满意") || strings.Contains(v, "2") {
		t.Errorf("the thanks screen shows the score:\n%s", v)
	}
	var got []feedback.Rating
	st.View(func(tx *casefile.Tx) error {
		return feedback.Each(tx, func(r feedback.Rating) bool { got = append(got, r); return true })
	})
	if len(got) != 1 || got[0].Score != 2 || got[0].Comment != "等候时间太长" || got[0].Channel != feedback.ChannelWindow || got[0].Case != number {
		t.Errorf("stored %+v", got)
	}
	var open []feedback.FollowUp
	st.View(func(tx *casefile.Tx) (err error) { open, err = feedback.OpenFollowUps(tx); return })
	if len(open) != 1 {
		t.Errorf("follow-ups %+v", open)
	}
	// esc before choosing leaves without a rating
	d2, m2 := screen(t, st, casefile.EN, 80, 24)
	d2.Press("esc")
	if m2.Rated {
		t.Error("esc stored a rating")
	}
	// enter without a score does nothing
	d3, m3 := screen(t, st, casefile.EN, 80, 24)
	d3.Press("enter")
	if m3.Rated {
		t.Error("enter without a score stored a rating")
	}
}
