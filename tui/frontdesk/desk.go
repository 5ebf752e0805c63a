package frontdesk

import (
	"github.com/rongjiuzhu/hall/casefile"
)

// WithDesk names the desk (terminal) the front desk runs at: the user's
// autosaved intake draft is kept per user and desk, so the same clerk
// logged in at two desks keeps both drafts. hall serve passes the
// terminal's HALL_DESK or its address; "" keeps one draft per user.
func WithDesk(desk string) Option { return func(o *Options) { o.desk = desk } }

// DraftOwner is the key under which user's draft at desk is kept.
func DraftOwner(user, desk string) string {
	if desk == "" {
		return user
	}
	return user + "@" + desk
}

// deskStore keeps the drafts of one desk apart from the same user's
// drafts at other desks; everything else goes to the store as is.
type deskStore struct {
	Store
	desk string
}

func (s deskStore) SaveDraft(owner string, data []byte) error {
	return s.Store.SaveDraft(DraftOwner(owner, s.desk), data)
}

func (s deskStore) Draft(owner string) ([]byte, error) {
	return s.Store.Draft(DraftOwner(owner, s.desk))
}

// caseSearcher is a store that searches for a user: a whole ID number is
// answered by role (casefile.Store.SearchCases).
type caseSearcher interface {
	SearchCases(f casefile.CaseFilter, who string) ([]*casefile.Case, uint64, error)
}

// userQueue is the queue's store for one user: searches go through
// SearchCases when the store has it, so a full-ID search is allowed and
// recorded for roles that may reveal and masked for the others.
type userQueue struct {
	QueueStore
	who string
}

func (q userQueue) Cases(f casefile.CaseFilter) ([]*casefile.Case, uint64, error) {
	if s, ok := q.QueueStore.(caseSearcher); ok && f.Query != "" {
		return s.SearchCases(f, q.who)
	}
	return q.QueueStore.Cases(f)
}

// CountCases counts what a search or filter matches (the queue's lazy
// total), when the store counts.
func (q userQueue) CountCases(f casefile.CaseFilter) (int, bool, error) {
	if c, ok := q.QueueStore.(caseCounter); ok {
		return c.CountCases(f)
	}
	return -1, false, nil
}

// CountCases is casefile.Tx.CountCases in one read transaction.
func (s *caseFile) CountCases(f casefile.CaseFilter) (n int, exact bool, err error) {
	err = s.st.View(func(t *casefile.Tx) error {
		n, exact, err = t.CountCases(f)
		return err
	})
	return n, exact, err
}

// CountCases passes the count on.
func (s deskStore) CountCases(f casefile.CaseFilter) (int, bool, error) {
	if c, ok := s.Store.(caseCounter); ok {
		return c.CountCases(f)
	}
	return -1, false, nil
}

// SearchCases is casefile.Store.SearchCases; a full-ID search may have
// recorded reveals, reported as a change of each case found (other
// terminals showing its history reload it).
func (s *caseFile) SearchCases(f casefile.CaseFilter, who string) ([]*casefile.Case, uint64, error) {
	out, next, err := s.st.SearchCases(f, who)
	if _, full := casefile.FullIDQuery(f.Query); err == nil && full {
		for _, c := range out {
			s.wrote(who, ChangeReveal, c.Number)
		}
	}
	return out, next, err
}

// deskStore passes searches on too.
func (s deskStore) SearchCases(f casefile.CaseFilter, who string) ([]*casefile.Case, uint64, error) {
	if cs, ok := s.Store.(caseSearcher); ok {
		return cs.SearchCases(f, who)
	}
	return s.Store.Cases(f)
}
