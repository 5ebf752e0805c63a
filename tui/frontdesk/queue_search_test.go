package frontdesk

import (
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
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
	intake := func(id, name string) {
		t.Helper()
		if _, err := st.Intake(&casefile.Draft{Applicant: casefile.Person{DocNumber: validID(id), Name: name},
			Apps: []casefile.Application{{Project: "MZ-01"}}}, testUser); err != nil {
			t.Fatal(err)
		}
	}
	intake("61060219800101123", "王秀英")
	intake("61060219800202123", "李四")
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
	intake("61060219800303123", "张三")
	d.send(ChangedMsg{})
	d.must("共 3 件")
}
