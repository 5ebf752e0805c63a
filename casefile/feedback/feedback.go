// Package feedback keeps the applicants' evaluations of the service (好差评):
// a score from 1 to 5 taken at the window (on the desk's screen) or by
// phone, with an optional comment, attributed to the departments whose
// projects the case involved and to the desk that took the case. A low
// score (LowScore or less) opens a follow-up item the home screen lists
// until someone closes it.
//
// It keeps its records in the case file's database through the typed
// records API (casefile.Tx.Records), never bbolt directly; every write is
// one transaction with a history entry on the case.
package feedback

import (
	"time"

	"github.com/rongjiuzhu/hall/casefile"
)

// Namespaces of the records this package keeps.
//
//	fb_ratings    NumKey(seq)  → Rating JSON
//	fb_followups  NumKey(seq)  → FollowUp JSON (seq of the rating it follows)
const (
	nsRatings   = "fb_ratings"
	nsFollowUps = "fb_followups"
)

// LowScore is the highest score that opens a follow-up item.
const LowScore = 2

// ActionRating is the history action of a recorded evaluation.
const ActionRating = "rating"

// Channel is how an evaluation was taken.
type Channel string

// Channels of an evaluation.
const (
	ChannelWindow Channel = "window" // on the desk's screen, turned to the applicant
	ChannelPhone  Channel = "phone"  // by telephone, recorded by staff
)

// Channels lists the channels.
var Channels = []Channel{ChannelWindow, ChannelPhone}

// Label names the channel in lang.
func (c Channel) Label(lang casefile.Lang) string { return casefile.LabelFrom(channelLabels, c, lang) }

var channelLabels = map[Channel]casefile.Text{
	ChannelWindow: {ZH: "窗口评价", EN: "at the window"},
	ChannelPhone:  {ZH: "电话回访", EN: "by phone"},
}

// ParseChannel reads a channel key or its label.
func ParseChannel(s string) (Channel, bool) { return casefile.ParseLabel(Channels, s) }

// Rating is one evaluation of the service on a case.
type Rating struct {
	Seq     uint64    `json:"seq"`
	Case    string    `json:"case"`
	Score   int       `json:"score"`
	Channel Channel   `json:"channel"`
	Comment string    `json:"comment,omitempty"`
	At      time.Time `json:"at"`
	Who     string    `json:"who"` // who recorded it
	// Desk is the officer who took the case: the desk the rating is
	// attributed to.
	Desk string `json:"desk"`
	// Departments are the departments whose projects the case involved,
	// each once, in catalogue order: the rating counts for each.
	Departments []string `json:"departments"`
}

// FollowUp is the item a low score opens.
type FollowUp struct {
	Seq      uint64     `json:"seq"`    // the rating's seq
	Case     string     `json:"case"`   // its case
	Score    int        `json:"score"`  // its score
	Opened   time.Time  `json:"opened"` // when the rating was recorded
	Closed   *time.Time `json:"closed,omitempty"`
	ClosedBy string     `json:"closed_by,omitempty"`
	Note     string     `json:"note,omitempty"` // what was done
}

// Errors of evaluations.
var (
	ErrBadScore   = casefile.NewError("bad_score", "评分应为 1 到 5 分", "the score must be 1 to 5")
	ErrBadChannel = casefile.NewError("bad_channel", "评价渠道应为窗口或电话", "the channel must be window or phone")
)

// Departments lists the departments whose projects case c involves, once
// each, in catalogue order.
func Departments(cat *casefile.Catalog, c *casefile.Case) []string {
	seen := map[string]bool{}
	for _, a := range c.Apps {
		if p := cat.Project(a.Project); p != nil {
			seen[p.Department] = true
		}
	}
	var out []string
	for _, d := range cat.Departments {
		if seen[d.Key] {
			out = append(out, d.Key)
		}
	}
	return out
}

// Rate records an evaluation of case number in one transaction: the
// rating, a follow-up item when the score is LowScore or less, and a
// history entry on the case. who must be allowed to take applications
// (the desk) or be an administrator.
func Rate(st *casefile.Store, number string, score int, ch Channel, comment, who string) (*Rating, error) {
	if score < 1 || score > 5 {
		return nil, ErrBadScore.Withf("%d", "%d", score)
	}
	if _, ok := ParseChannel(string(ch)); !ok {
		return nil, ErrBadChannel.Withf("%q", "%q", ch)
	}
	comment = casefile.Clean(comment, true)
	var out *Rating
	err := st.Update(func(t *casefile.Tx) error {
		if err := t.Require(who, casefile.PermIntake); err != nil {
			return err
		}
		c, err := t.Case(number)
		if err != nil {
			return err
		}
		rs := t.Records(nsRatings)
		seq, err := rs.NextSequence()
		if err != nil {
			return err
		}
		r := &Rating{Seq: seq, Case: c.Number, Score: score, Channel: ch, Comment: comment, At: t.Now(), Who: who,
			Desk: c.Officer, Departments: Departments(t.Catalog(), c)}
		if err := rs.Put(casefile.NumKey(seq), r); err != nil {
			return err
		}
		note := casefile.T("服务评价 %d 分（%s）", "service rated %d of 5 (%s)", score, ch)
		if score <= LowScore {
			f := FollowUp{Seq: seq, Case: c.Number, Score: score, Opened: t.Now()}
			if err := t.Records(nsFollowUps).Put(casefile.NumKey(seq), f); err != nil {
				return err
			}
			note = casefile.T("%s；差评，已建回访事项", "%s; a low score: a follow-up is open", note)
		}
		out = r
		return t.AddHistory(c, casefile.Change{Who: who, Action: ActionRating, Why: comment, Note: note})
	})
	return out, err
}

// Each calls fn with every rating, oldest first, until fn returns false.
func Each(t *casefile.Tx, fn func(Rating) bool) error {
	for rec := range t.Records(nsRatings).Scan(casefile.Key{}) {
		var r Rating
		if err := rec.Decode(&r); err != nil {
			return err
		}
		if !fn(r) {
			return nil
		}
	}
	return nil
}

// OpenFollowUps lists the follow-up items not yet closed, oldest first.
func OpenFollowUps(t *casefile.Tx) ([]FollowUp, error) {
	var out []FollowUp
	for rec := range t.Records(nsFollowUps).Scan(casefile.Key{}) {
		var f FollowUp
		if err := rec.Decode(&f); err != nil {
			return nil, err
		}
		if f.Closed == nil {
			out = append(out, f)
		}
	}
	return out, nil
}

// CloseFollowUp records what was done about the follow-up of rating seq,
// with a history entry on its case.
func CloseFollowUp(st *casefile.Store, seq uint64, note, who string) error {
	note = casefile.Clean(note, true)
	if note == "" {
		return casefile.ErrReasonRequired
	}
	return st.Update(func(t *casefile.Tx) error {
		if err := t.Require(who, casefile.PermIntake); err != nil {
			return err
		}
		rs := t.Records(nsFollowUps)
		var f FollowUp
		ok, err := rs.Get(casefile.NumKey(seq), &f)
		if err != nil {
			return err
		}
		if !ok || f.Closed != nil {
			return casefile.ErrInvalid.Withf("没有待办的回访事项 %d", "no open follow-up %d", seq)
		}
		now := t.Now()
		f.Closed, f.ClosedBy, f.Note = &now, who, note
		if err := rs.Put(casefile.NumKey(seq), f); err != nil {
			return err
		}
		c, err := t.Case(f.Case)
		if err != nil {
			return err
		}
		return t.AddHistory(c, casefile.Change{Who: who, Action: ActionRating, Why: note,
			Note: casefile.T("差评回访已办结", "follow-up of a low score closed")})
	})
}
