package meeting

import (
	"fmt"
	"maps"
	"slices"

	"github.com/rongjiuzhu/hall/casefile"
)

// item loads case number and its agenda item in sess.
func item(t *casefile.Tx, sess *Session, caseNumber string) (*casefile.Case, *Item, error) {
	c, err := t.Case(caseNumber)
	if err != nil {
		return nil, nil, err
	}
	it, err := loadItem(t, sess, c.Seq)
	if err != nil {
		return nil, nil, err
	}
	if it == nil {
		return nil, nil, ErrNotOnAgenda.Withf("%s（%s）", "%s (%s)", c.Number, sess.Number)
	}
	return c, it, nil
}

// undecided finds the voting member and the agenda item of a case that is
// not decided yet: what a vote and a recusal both start from.
func undecided(t *casefile.Tx, sess *Session, member uint64, caseNumber string) (*Member, *casefile.Case, *Item, error) {
	m, err := voter(sess, member)
	if err != nil {
		return nil, nil, nil, err
	}
	c, it, err := item(t, sess, caseNumber)
	if err != nil {
		return nil, nil, nil, err
	}
	if it.Decision != nil {
		return nil, nil, nil, ErrAlreadyDecided.Withf("%s", "%s", c.Number)
	}
	return m, c, it, nil
}

// voter checks that member id is invited, votes and is present.
func voter(sess *Session, id uint64) (*Member, error) {
	m := sess.Member(id)
	if m == nil || !m.Votes() {
		if m != nil {
			return nil, ErrNotMember.Withf("%s 是记录人，不参加表决", "%s is the secretary and does not vote", m.Name)
		}
		return nil, ErrNotMember.Withf("编号 %d", "id %d", id)
	}
	if !sess.IsPresent(id) {
		return nil, ErrNotPresent.Withf("%s", "%s", m.Name)
	}
	return m, nil
}

// Vote records a present member's vote on an agenda case in one
// transaction and returns the tally after it. A reason is required for
// anything but agree; a recused member cannot vote; without a quorum
// nothing is voted on. Voting again replaces the member's vote until the
// case is decided.
func (s *Store) Vote(number string, b Ballot, who string) (*Tally, error) {
	b.Reason = casefile.Clean(b.Reason, true)
	return s.onUndecided(number, who, b.Member, b.Case, func(t *casefile.Tx, sess *Session, m *Member, c *casefile.Case, it *Item) error {
		if it.Recused(m.ID) {
			return ErrRecused.Withf("%s（%s）", "%s (%s)", m.Name, c.Number)
		}
		projects, err := ballotProjects(c, m, b)
		if err != nil {
			return err
		}
		if tl := sess.Count(it); !eval(t.Catalog().Meeting.Quorum, tl.Env()) {
			return ErrNoQuorum.Withf("应到 %d 人，实到 %d 人（法定人数：%s）", "%d members, %d present (quorum: %s)",
				tl.Members, tl.Present, t.Catalog().Meeting.Quorum.Text())
		}
		v := Vote{Member: m.ID, Name: m.Name, Choice: b.Choice, Projects: projects, Reason: b.Reason, At: t.Now(), By: who}
		if old := it.Vote(m.ID); old != nil {
			*old = v
		} else {
			it.Votes = append(it.Votes, v)
		}
		return nil
	})
}

// ballotProjects checks the choices of ballot b on case c by member m and
// returns the per-project choices that differ from the ballot's Choice
// (nil when the member chose the same on every project). Every project
// named must be one of the case's; a reason is required when any choice
// is not Agree.
func ballotProjects(c *casefile.Case, m *Member, b Ballot) (map[string]Choice, error) {
	valid := func(ch Choice) error {
		switch ch {
		case Agree, Disagree, Abstain:
			return nil
		}
		return casefile.ErrInvalid.Withf("表决意见 %q 无效（同意、不同意、弃权）", "vote %q is invalid (agree, disagree, abstain)", ch)
	}
	if err := valid(b.Choice); err != nil {
		return nil, err
	}
	var out map[string]Choice
	dissent := b.Choice != Agree
	for code, ch := range b.Projects {
		if c.App(code) == nil {
			return nil, casefile.ErrInvalid.Withf("%s 没有申请项目 %s", "%s has no application for %s", c.Number, code)
		}
		if err := valid(ch); err != nil {
			return nil, err
		}
		if ch == b.Choice {
			continue
		}
		if out == nil {
			out = map[string]Choice{}
		}
		out[code] = ch
		dissent = dissent || ch != Agree
	}
	if dissent && b.Reason == "" {
		what := b.Choice.Label(casefile.ZH)
		whatEN := string(b.Choice)
		for _, code := range slices.Sorted(maps.Keys(out)) {
			what += "，" + code + out[code].Label(casefile.ZH)
			whatEN += ", " + code + " " + string(out[code])
		}
		return nil, ErrReasonRequired.With(casefile.Text{ZH: fmt.Sprintf("%s「%s」须写明理由", m.Name, what),
			EN: fmt.Sprintf("%s votes %s: give the reason", m.Name, whatEN)})
	}
	return out, nil
}

// Recuse records a present member's declared conflict on an agenda case
// (a relative of the applicant, the applicant's employer …) in one
// transaction and returns the tally after it. The reason is required;
// a vote the member cast on the case is withdrawn and they cannot vote on
// it again.
func (s *Store) Recuse(number string, d Declaration, who string) (*Tally, error) {
	d.Reason = casefile.Clean(d.Reason, true)
	return s.onUndecided(number, who, d.Member, d.Case, func(t *casefile.Tx, sess *Session, m *Member, c *casefile.Case, it *Item) error {
		if it.Recused(m.ID) {
			return ErrRecused.Withf("%s 已就 %s 回避", "%s is already recused for %s", m.Name, c.Number)
		}
		if d.Reason == "" {
			return ErrReasonRequired.Withf("%s 申请回避须写明理由", "%s: give the reason for the recusal", m.Name)
		}
		votes := it.Votes[:0]
		for _, v := range it.Votes {
			if v.Member != m.ID {
				votes = append(votes, v)
			}
		}
		it.Votes = votes
		it.Recusals = append(it.Recusals, Recusal{Member: m.ID, Name: m.Name, Reason: d.Reason, At: t.Now(), By: who})
		return nil
	})
}

// onUndecided runs change on the voting member's view of the undecided
// agenda item of caseNumber in session number, in one transaction, saves
// the item and returns the tally after it: what a vote and a recusal
// share.
func (s *Store) onUndecided(number, who string, member uint64, caseNumber string, change func(t *casefile.Tx, sess *Session, m *Member, c *casefile.Case, it *Item) error) (*Tally, error) {
	var out Tally
	_, err := s.write(number, who, func(t *casefile.Tx, sess *Session) error {
		m, c, it, err := undecided(t, sess, member, caseNumber)
		if err != nil {
			return err
		}
		if err := change(t, sess, m, c, it); err != nil {
			return err
		}
		if err := saveItem(t, sess, it); err != nil {
			return err
		}
		out = tally(t, sess, it, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// Tally counts the votes on an agenda case and returns the outcome the
// catalogue's rules propose, with the missing items and a default
// rejection wording. A decided item gives the tally recorded with its
// decision.
func (s *Store) Tally(number, caseNumber string) (*Tally, error) {
	var out Tally
	err := s.cases.View(func(t *casefile.Tx) error {
		sess, err := loadSession(t, number)
		if err != nil {
			return err
		}
		c, it, err := item(t, sess, caseNumber)
		if err != nil {
			return err
		}
		if it.Decision != nil {
			out = it.Decision.Tally
			return nil
		}
		out = tally(t, sess, it, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}
