package frontdesk

import (
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/casefile/warning"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// TestHomeListsFollowUps: a low rating opens a follow-up the home screen
// names; a good one does not; a closed one leaves the list.
func TestHomeListsFollowUps(t *testing.T) {
	st := tuitest.OpenStore(t, true)
	if _, err := feedback.Rate(st, "2026-000003", 4, feedback.ChannelWindow, "", testUser); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.mustNot("差评回访")
	r, err := feedback.Rate(st, "2026-000002", 1, feedback.ChannelPhone, "态度不好", testUser)
	if err != nil {
		t.Fatal(err)
	}
	d.send(ChangedMsg{})
	d.must("差评回访待办 1 件：2026-000002 (1)")
	en := newDriver(t, NewStore(st), casefile.EN, 120, 40)
	en.must("1 follow-ups of low ratings: 2026-000002 (1)")
	tuitest.CheckSpeaks(t, en.view(), casefile.EN, tuitest.StoreData(t, st, nil))
	if err := feedback.CloseFollowUp(st, r.Seq, "已回电致歉", testUser); err != nil {
		t.Fatal(err)
	}
	d.send(ChangedMsg{})
	d.mustNot("差评回访")
}

// TestHomeCountsWarnings: open warnings, and those past their deadline,
// are counted on the home screen.
func TestHomeCountsWarnings(t *testing.T) {
	st := tuitest.OpenStore(t, true)
	rules, err := warning.DefaultRules(st.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.mustNot("监测预警")
	if _, err := warning.Record(st, rules, "2026-000002", warning.EventJobLoss, "", casefile.DateOf(tuitest.FixedNow).AddDays(-30), "", testUser); err != nil {
		t.Fatal(err)
	}
	d.send(ChangedMsg{})
	// raised today with 10 working days to handle it: not overdue
	d.must("监测预警待处理 1 条（超期 0 条）")
}
