package frontdesk

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// TestQueueSearchFindsAMemberByPinyin: typing a household member's full
// pinyin, phone or village in the queue finds the case they are in; a
// member's full ID number finds it too, and the screen shows the number
// masked only (before: only the applicant's name, initials and ID tail).
func TestQueueSearchFindsAMemberByPinyin(t *testing.T) {
	st := openStore(t, false)
	memberID, appID := validID("61060219520303124"), validID("61060219800101123")
	if _, err := st.Intake(&casefile.Draft{Applicant: casefile.Person{DocNumber: appID, Name: "王秀英", Village: "柳树沟村"},
		Household: casefile.Household{Members: []casefile.Member{{Relation: "父母",
			Person: casefile.Person{DocNumber: memberID, Name: "李桂兰", Phone: "13912340000"}}}},
		Apps: []casefile.Application{{Project: "MZ-01"}}}, testUser); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ligui", "13912340000", "柳树沟", memberID} {
		d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
		d.press("2")
		typeText(d, q)
		d.must("2026-000001", "王秀英", casefile.MaskID(appID))
		if len(d.m.queue.rows) != 1 {
			t.Errorf("%q: rows %v", q, d.m.queue.rows)
		}
		if q == memberID {
			// the number typed is in the search box; no row shows it
			body := d.view()[strings.Index(d.view(), "案件编号"):]
			if strings.Contains(body, memberID) {
				t.Errorf("a full ID number in the results:\n%s", body)
			}
		}
	}
}

// countingStore counts the queue's reads of the counters.
type countingStore struct {
	Store
	n int
}

func (s *countingStore) Counts() (casefile.Counts, error) { s.n++; return s.Store.Counts() }

// TestQueueCountsOncePerChange: typing and erasing a search reads the
// store's counters once (the unfiltered total is kept between
// keystrokes); a change from another desk reads them again and shows the
// new total.
func TestQueueCountsOncePerChange(t *testing.T) {
	st := openStore(t, false)
	intakeDibao(t, st, "61060219800101123", "王秀英")
	intakeDibao(t, st, "61060219800202123", "李四")
	store := &countingStore{Store: NewStore(st)}
	d := newDriver(t, store, casefile.ZH, 80, 24)
	d.press("2")
	d.must("共 2 件")
	before := store.n
	for range 3 {
		typeText(d, "王")
		d.mustNot("共 2 件")
		d.press("backspace")
		d.must("共 2 件")
	}
	if store.n != before {
		t.Errorf("typing and erasing read the counters %d times, want 0", store.n-before)
	}
	intakeDibao(t, st, "61060219800303123", "张三")
	d.send(ChangedMsg{})
	d.must("共 3 件")
}

// gatedStore holds the walk of one search mid-way until released, and
// counts, for every search, how many rows its walk visited (each row asks
// the search's context whether to go on).
type gatedStore struct {
	Store
	hold    string        // the query whose walk is held
	started chan struct{} // closed when the held walk has begun
	release chan struct{} // closed by the test to let it go on
	mu      sync.Mutex
	visited map[string]int
}

// gateCtx is the search's context as the store sees it.
type gateCtx struct {
	context.Context
	s     *gatedStore
	query string
	asks  int
}

func (c *gateCtx) Err() error {
	c.asks++
	if c.query == c.s.hold && c.asks == 3 {
		close(c.s.started)
		<-c.s.release
	}
	if c.Context == nil {
		return nil // a search that cannot be cancelled
	}
	return c.Context.Err()
}

func (s *gatedStore) Cases(f casefile.CaseFilter) ([]*casefile.Case, uint64, error) {
	ctx := &gateCtx{Context: f.Ctx, s: s, query: f.Query}
	f.Ctx = ctx
	out, next, err := s.Store.Cases(f)
	s.mu.Lock()
	s.visited[f.Query] += ctx.asks
	s.mu.Unlock()
	return out, next, err
}

// TestStaleSearchIsCancelled: a search typed over while its walk of the
// store runs stops at once (it visits no row after the next key) and
// shows nothing; its late result never replaces the newer query's rows,
// whichever lands first (before: the stale walk ran to its end and only
// its result was dropped).
func TestStaleSearchIsCancelled(t *testing.T) {
	st := openStore(t, false)
	var drafts []*casefile.Draft
	for i := range 120 {
		name := "王建国"
		if i%2 == 1 {
			name = "王秀英"
		}
		drafts = append(drafts, &casefile.Draft{Applicant: casefile.Person{DocNumber: validID(fmt.Sprintf("61060219800101%03d", i)), Name: name},
			Apps: []casefile.Application{{Project: "MZ-01"}}})
	}
	if _, err := st.IntakeBatch(drafts, testUser); err != nil {
		t.Fatal(err)
	}
	for _, newerFirst := range []bool{true, false} {
		gs := &gatedStore{Store: NewStore(st), hold: "王", started: make(chan struct{}), release: make(chan struct{}),
			visited: map[string]int{}}
		d := newDriver(t, gs, casefile.ZH, 80, 24)
		d.press("2")
		q := d.m.queue
		stale := make(chan []tea.Msg)
		go func() { stale <- tuitest.RunCmd(q.Update(tuitest.KeyMsg("王"))) }()
		<-gs.started
		newer := tuitest.RunCmd(q.Update(tuitest.TextKeys("秀")[0])) // cancels the walk of 王
		close(gs.release)
		old := <-stale
		gs.mu.Lock()
		// the walk was held at its third row; the answer it got there, after
		// the next key, was "cancelled", and it visited no row more (of 60)
		if n := gs.visited["王"]; n != 3 {
			t.Errorf("the stale walk visited %d rows, want 3", n)
		}
		gs.mu.Unlock()
		for _, m := range old {
			if l, ok := m.(casesLoadedMsg); ok {
				t.Errorf("the stale search delivered %d rows", len(l.rows))
			}
		}
		if newerFirst {
			for _, m := range append(newer, old...) {
				d.send(m)
			}
		} else {
			for _, m := range append(old, newer...) {
				d.send(m)
			}
		}
		d.must("王秀英")
		d.mustNot("王建国")
		if q.search.Value() != "王秀" {
			t.Errorf("search box %q", q.search.Value())
		}
	}
}

// TestQueueKeepsLoadingWhileOthersWrite: changes from other desks while
// a page loads do not restart it: the rows come, then the page is loaded
// once more with what changed.
func TestQueueKeepsLoadingWhileOthersWrite(t *testing.T) {
	st := openStore(t, false)
	intakeDibao(t, st, "61060219800101123", "王秀英")
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("2")
	q := d.m.queue
	cmd := q.Update(tuitest.TextKeys("王")[0])
	intakeDibao(t, st, "61060219800202123", "王建国")
	for range 5 {
		if c := q.Update(ChangedMsg{}); c != nil {
			t.Fatal("a change restarted the load in flight")
		}
	}
	for _, m := range tuitest.RunCmd(cmd) {
		d.send(m) // the rows of the search, then one reload
	}
	d.must("王秀英", "王建国")
}

// TestQueueCountsASearchLazily: a search's footer gives how many cases
// it found, counted after its rows are shown, from the index alone (before:
// no total for a search).
func TestQueueCountsASearchLazily(t *testing.T) {
	st := openStore(t, false)
	for i, name := range []string{"王秀英", "王建国", "李四"} {
		if _, err := st.Intake(&casefile.Draft{Applicant: casefile.Person{DocNumber: validID(fmt.Sprintf("61060219800101%03d", i)), Name: name},
			Apps: []casefile.Application{{Project: "MZ-01"}}}, testUser); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, NewStore(st), casefile.ZH, 80, 24)
	d.press("2")
	q := d.m.queue
	msgs := tuitest.RunCmd(q.Update(tuitest.TextKeys("王")[0]))
	if len(msgs) != 1 {
		t.Fatalf("the key gave %d messages, want the page alone", len(msgs))
	}
	count := q.Update(msgs[0]) // the rows are shown …
	d.must("王秀英", "王建国")
	d.mustNot("共 2 件")
	if count == nil {
		t.Fatal("no count after the rows")
	}
	for _, m := range tuitest.RunCmd(count) { // … then counted
		d.send(m)
	}
	d.must("共 2 件")
	typeText(d, "秀")
	d.must("王秀英", "共 1 件")
}

// intakeDibao takes in an application for urban dibao (MZ-01) by a new
// person with a valid ID from the 17 digits id.
func intakeDibao(t *testing.T, st *casefile.Store, id, name string) {
	t.Helper()
	if _, err := st.Intake(&casefile.Draft{Applicant: casefile.Person{DocNumber: validID(id), Name: name},
		Apps: []casefile.Application{{Project: "MZ-01"}}}, testUser); err != nil {
		t.Fatal(err)
	}
}
