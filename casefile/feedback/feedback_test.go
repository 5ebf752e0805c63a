package feedback_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/casefile/report/reporttest"
)

func TestRatingIsAttributedAndChecked(t *testing.T) {
	h := reporttest.Build(t)
	var all []feedback.Rating
	h.St.View(func(tx *casefile.Tx) error {
		return feedback.Each(tx, func(r feedback.Rating) bool { all = append(all, r); return true })
	})
	if len(all) != 3 {
		t.Fatalf("ratings %+v", all)
	}
	// A applied to civil affairs (MZ-01) and the Red Cross (HS-01), in
	// catalogue order; the desk is the officer who took the case
	if a := all[0]; a.Case != h.A || !reflect.DeepEqual(a.Departments, []string{"civil_affairs", "red_cross"}) ||
		a.Desk != reporttest.Desk || a.Score != 5 || a.Channel != feedback.ChannelWindow {
		t.Errorf("A's rating %+v", a)
	}
	var open []feedback.FollowUp
	h.St.View(func(tx *casefile.Tx) (err error) { open, err = feedback.OpenFollowUps(tx); return })
	if len(open) != 1 || open[0].Case != h.C || open[0].Score != 1 {
		t.Errorf("follow-ups %+v", open)
	}

	for _, tc := range []struct {
		score int
		ch    feedback.Channel
		who   string
		want  error
	}{
		{0, feedback.ChannelPhone, reporttest.Desk, feedback.ErrBadScore},
		{6, feedback.ChannelPhone, reporttest.Desk, feedback.ErrBadScore},
		{3, "email", reporttest.Desk, feedback.ErrBadChannel},
		{3, feedback.ChannelPhone, "stranger", casefile.ErrForbidden},
	} {
		if _, err := feedback.Rate(h.St, h.A, tc.score, tc.ch, "", tc.who); !errors.Is(err, tc.want) {
			t.Errorf("%+v: %v", tc, err)
		}
	}
	if _, err := feedback.Rate(h.St, "2026-999999", 3, feedback.ChannelPhone, "", reporttest.Desk); !errors.Is(err, casefile.ErrCaseNotFound) {
		t.Errorf("unknown case: %v", err)
	}
	if err := feedback.CloseFollowUp(h.St, open[0].Seq, " ", reporttest.Desk); !errors.Is(err, casefile.ErrReasonRequired) {
		t.Errorf("closing without a note: %v", err)
	}
}
