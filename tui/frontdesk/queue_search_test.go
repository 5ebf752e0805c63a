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
