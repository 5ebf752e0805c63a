package frontdesk

// The applicant's rating (好差评) at the desk: once the receipt is
// printed the clerk may turn the screen to the applicant, who rates the
// service on the rating screen's large keys 1–5 (package tui/rating).
// When the applicant is done the screen comes back to the clerk, and
// what the clerk sees never names the score.

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/rating"
)

// RatingStore records an applicant's rating. NewStore satisfies it; a
// store without it offers no rating.
type RatingStore interface {
	Rate(number string, score int, comment, who string) error
}

func (s *caseFile) Rate(number string, score int, comment, who string) error {
	_, err := feedback.Rate(s.st, number, score, feedback.ChannelWindow, comment, who)
	if err == nil {
		s.wrote(who, "", number)
	}
	return err
}

var _ RatingStore = (*caseFile)(nil)

// rateKey turns the screen to the applicant for the rating.
func rateKey(c *common.Common) key.Binding {
	return key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T(lblKeyRate)))
}

// ratingDoneMsg says the applicant (or the clerk) left the rating screen.
type ratingDoneMsg struct{ number string }

// rateScreen is the rating screen inside a page. The rating model quits
// its program when done; here that quit becomes a ratingDoneMsg.
type rateScreen struct {
	number string
	m      *rating.Model
}

// newRateScreen shows the rating screen for case number, w×h cells.
func newRateScreen(c *common.Common, store RatingStore, number string, w, h int) *rateScreen {
	rc := *c // the screen sizes its own copy
	r := &rateScreen{number: number, m: rating.New(&rc, store, number)}
	r.m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return r
}

// update gives msg to the rating screen.
func (r *rateScreen) update(msg tea.Msg) tea.Cmd {
	_, cmd := r.m.Update(msg)
	return r.done(cmd)
}

// done makes the screen's quit a ratingDoneMsg.
func (r *rateScreen) done(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	number := r.number
	return func() tea.Msg {
		msg := cmd()
		if _, ok := msg.(tea.QuitMsg); ok {
			return ratingDoneMsg{number: number}
		}
		return msg
	}
}

func (r *rateScreen) setSize(w, h int) { r.m.Update(tea.WindowSizeMsg{Width: w, Height: h}) }

func (r *rateScreen) view() string { return r.m.View().Content }

// rated reports whether a rating was stored.
func (r *rateScreen) rated() bool { return r.m.Rated }

// ratingStore is the rating store of store, or nil.
func ratingStore(store any) RatingStore {
	rs, _ := store.(RatingStore)
	return rs
}

// Labels of the rating at the desk.
var (
	lblKeyRate      = casefile.Text{ZH: "请申请人评价", EN: "applicant rates"}
	lblRateOffer    = casefile.Text{ZH: "可按 r 将屏幕转向申请人，请其按 1–5 对本次服务作出评价。", EN: "Press r to turn the screen to the applicant, who rates the service from 1 to 5."}
	lblRateRecorded = casefile.Text{ZH: "%s：评价已记录", EN: "%s: the rating is recorded"}
	lblRateNotRated = casefile.Text{ZH: "%s：未评价", EN: "%s: not rated"}
)

// ---- at the intake, after the receipt ----

// rateKey is on once the saved case's receipt is printed, until the
// case is rated, where the store records ratings.
func (p *intakePage) rateKey() key.Binding {
	k := rateKey(p.c)
	k.SetEnabled(p.mode == modeSaved && p.saved != nil && len(p.printed) > 0 && !p.rated && ratingStore(p.store) != nil)
	return k
}

// startRating turns the screen to the applicant.
func (p *intakePage) startRating() {
	p.rate = newRateScreen(p.c, ratingStore(p.store), p.saved.Number, p.width, p.height)
	p.mode = modeRating
	p.st.Clear()
}

// rateUpdate gives msg to the rating screen while it shows; it reports
// true when the intake is not to see msg.
func (p *intakePage) rateUpdate(msg tea.Msg) (tea.Cmd, bool) {
	if p.mode != modeRating || p.rate == nil {
		return nil, false
	}
	switch msg := msg.(type) {
	case ratingDoneMsg:
		if msg.number != p.rate.number {
			return nil, true
		}
		p.rated = p.rate.rated()
		if p.rated {
			p.st.Set(p.c.Tf(lblRateRecorded, msg.number), common.LevelOK)
		} else {
			p.st.Set(p.c.Tf(lblRateNotRated, msg.number), common.LevelPlain)
		}
		p.rate, p.mode = nil, modeSaved
		return nil, true
	case tea.KeyPressMsg, tea.PasteMsg:
		return p.rate.update(msg), true
	case tea.MouseClickMsg, ChangedMsg:
		return nil, true
	}
	if cmd := p.rate.update(msg); cmd != nil {
		return cmd, true
	}
	return nil, false
}
