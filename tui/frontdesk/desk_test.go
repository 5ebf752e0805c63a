package frontdesk

import (
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// TestSameUserTwoDesksKeepsBothDrafts: one clerk logged in at two desks
// types a different applicant at each; each desk gets its own draft back.
// Without desks the second autosave overwrote the first.
func TestSameUserTwoDesksKeepsBothDrafts(t *testing.T) {
	st := openStore(t, false)
	at := func(desk string) *driver {
		return startDriver(t, NewStore(st), casefile.ZH, testUser, 80, 24, WithDesk(desk))
	}
	a, b := at("window-1"), at("window-2")
	a.press("1")
	typeText(a, "61060219800101")
	a.press("tab")
	typeText(a, "王五")
	b.press("1")
	typeText(b, "61060219900202")
	b.press("tab")
	typeText(b, "赵六")

	a2, b2 := at("window-1"), at("window-2")
	a2.press("1")
	a2.must("[王五")
	a2.mustNot("赵六")
	b2.press("1")
	b2.must("[赵六")
	b2.mustNot("王五")
}

// searchSpy is a queue store that records who searched.
type searchSpy struct {
	QueueStore
	who []string
}

func (s *searchSpy) SearchCases(f casefile.CaseFilter, who string) ([]*casefile.Case, uint64, error) {
	s.who = append(s.who, who)
	return nil, 0, nil
}

func (s *searchSpy) Cases(f casefile.CaseFilter) ([]*casefile.Case, uint64, error) {
	return nil, 0, nil
}

// TestQueueSearchesAsItsUser: the queue's searches reach the store with
// the user who typed them (casefile.Store.SearchCases decides by role,
// TestFullIDSearchByRole); paging without a query does not.
func TestQueueSearchesAsItsUser(t *testing.T) {
	spy := &searchSpy{}
	q := userQueue{spy, "zhao"}
	q.Cases(casefile.CaseFilter{Query: "610602198001011234"})
	q.Cases(casefile.CaseFilter{})
	if len(spy.who) != 1 || spy.who[0] != "zhao" {
		t.Errorf("searches reached the store as %q, want [zhao]", spy.who)
	}
}
