package main

import (
	"errors"
	"slices"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// `session decide --project`: CODE=approve[:YUAN], CODE=reject[:REASON],
// CODE=defer[:WHAT], the verbs in English or Chinese, the colon half- or
// full-width; anything else is a usage error naming the form.
func TestParseProjectRuling(t *testing.T) {
	a := &app{lang: casefile.ZH}
	for in, want := range map[string]meeting.ProjectRuling{
		"MZ-01=approve":     {Result: casefile.StatusApproved},
		"MZ-01=approve:620": {Result: casefile.StatusApproved, Amount: 62000, Set: true},
		"MZ-01=批准：1,250.50": {Result: casefile.StatusApproved, Amount: 125050, Set: true},
		"MZ-05=reject":      {Result: casefile.StatusRejected},
		"MZ-05=不予救助：损失已由保险赔付":           {Result: casefile.StatusRejected, Reason: "损失已由保险赔付"},
		"MZ-05=reject:paid: by insurer": {Result: casefile.StatusRejected, Reason: "paid: by insurer"},
		"MZ-05=defer:户口簿":               {Result: casefile.StatusDeferred, Verify: []string{"户口簿"}},
	} {
		code, got, err := a.parseProjectRuling(in)
		if err != nil || code[:2] != "MZ" || got.Result != want.Result || got.Amount != want.Amount || got.Set != want.Set ||
			got.Reason != want.Reason || !slices.Equal(got.Verify, want.Verify) {
			t.Errorf("%q: %q %+v %v, want %+v", in, code, got, err, want)
		}
	}
	for _, in := range []string{"MZ-01", "=approve", "MZ-01=grant", "MZ-01=approve:abc", "MZ-01=approve:", "MZ-01=approve:-5"} {
		_, _, err := a.parseProjectRuling(in)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%q: %v, want a usage error", in, err)
		}
	}
}
