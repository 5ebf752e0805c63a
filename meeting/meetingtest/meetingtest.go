// Package meetingtest seats, for tests, a meeting by hand: the committee,
// a session, its agenda and everyone present, and votes a case through
// with every voting member; or puts a ready case to the members present.
// It is for tests only.
package meetingtest

import (
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
)

// Sitting is a seated session: its number and the committee as stored
// (with the members' IDs).
type Sitting struct {
	M       *meeting.Store
	Number  string
	Members []meeting.Member
	Who     string
}

// Sit sets the committee to members, opens a session in the third-floor
// meeting room (三楼会议室), builds its agenda from every ready case and
// marks every member present, all as who.
func Sit(tb testing.TB, m *meeting.Store, members []meeting.Member, who string) *Sitting {
	tb.Helper()
	stored, err := m.SetCommittee(members, who)
	if err != nil {
		tb.Fatal(err)
	}
	sess, err := m.NewSession(meeting.Plan{Place: "三楼会议室"}, who)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := m.BuildAgenda(sess.Number, meeting.AgendaFilter{}, who); err != nil {
		tb.Fatal(err)
	}
	ids := make([]uint64, 0, len(stored))
	for _, mb := range stored {
		ids = append(ids, mb.ID)
	}
	if _, err := m.Attend(sess.Number, ids, who); err != nil {
		tb.Fatal(err)
	}
	return &Sitting{M: m, Number: sess.Number, Members: stored, Who: who}
}

// VoteAll has every voting member (not the secretary) cast ch on the
// case, with the reason why.
func (s *Sitting) VoteAll(tb testing.TB, number string, ch meeting.Choice, why string) {
	tb.Helper()
	for _, mb := range s.Members {
		if !mb.Votes() {
			continue
		}
		if _, err := s.M.Vote(s.Number, meeting.Ballot{Case: number, Member: mb.ID, Choice: ch, Reason: why}, s.Who); err != nil {
			tb.Fatalf("vote on %s: %v", number, err)
		}
	}
}

// Ready takes draft d in as who, adds the evidence its projects still
// miss (made by g) and marks the case ready for the meeting.
func Ready(tb testing.TB, st *casefile.Store, g *gen.Gen, d *casefile.Draft, who string) *casefile.Case {
	tb.Helper()
	c, err := st.Intake(d, who)
	if err != nil {
		tb.Fatal(err)
	}
	for _, k := range st.Catalog().MissingEvidence(c) {
		if c, err = st.AddEvidence(c.Number, c.Version, g.Evidence(c, k), who); err != nil {
			tb.Fatal(err)
		}
	}
	if c, err = st.Move(c.Number, c.Version, casefile.StatusReady, who, "核查完毕"); err != nil {
		tb.Fatal(err)
	}
	return c
}

// AgreePresent has every present voting member of session number agree
// to case, as who.
func AgreePresent(tb testing.TB, m *meeting.Store, number, kase, who string) {
	tb.Helper()
	s, err := m.Session(number)
	if err != nil {
		tb.Fatal(err)
	}
	for _, mb := range s.Members {
		if mb.Votes() && s.IsPresent(mb.ID) {
			if _, err := m.Vote(number, meeting.Ballot{Case: kase, Member: mb.ID, Choice: meeting.Agree}, who); err != nil {
				tb.Fatal(err)
			}
		}
	}
}
