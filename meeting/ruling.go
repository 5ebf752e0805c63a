package meeting

import (
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// Rulings are the results a meeting can rule, in the order the console
// offers them.
var Rulings = []casefile.Status{casefile.StatusApproved, casefile.StatusRejected, casefile.StatusDeferred}

var rulingVerbs = map[casefile.Status]casefile.Text{
	casefile.StatusApproved: {ZH: "批准", EN: "approve"},
	casefile.StatusRejected: {ZH: "不予救助", EN: "reject"},
	casefile.StatusDeferred: {ZH: "暂缓", EN: "defer"},
}

// RulingVerb names a ruling as the committee says it: 批准, 不予救助,
// 暂缓 / approve, reject, defer; for anything else (no proposal yet) the
// zero Text.
func RulingVerb(s casefile.Status) casefile.Text { return rulingVerbs[s] }

// ParseRuling reads a ruling as typed: the verb or the status key in
// English, or the Chinese verb.
func ParseRuling(s string) (casefile.Status, bool) {
	s = strings.TrimSpace(s)
	for _, r := range Rulings {
		v := rulingVerbs[r]
		if s == v.ZH || s == v.EN || s == string(r) {
			return r, true
		}
	}
	return "", false
}
