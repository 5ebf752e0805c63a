package frontdesk

import (
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// lifeCase stores an urban dibao case of name (born in birth) decided
// approved by session on day, granting amount a month from start for
// months; with notice, the session's close puts it on public notice
// (casefile.Tx.SessionClosedInTx, as the meeting's close does), without
// it the approval is in effect as stored (casefile.Tx.SyncAid). It
// returns the case number.
func lifeCase(t *testing.T, st *casefile.Store, name, id string, birth casefile.Date, session string, day casefile.Date,
	amount casefile.Money, start string, months int, close bool) string {
	t.Helper()
	d := &casefile.Draft{
		Applicant: casefile.Person{DocType: casefile.DocResidentID, DocNumber: id, Name: name, Birth: birth, Township: "城关镇", Village: "东关村"},
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{{Relation: casefile.RelationSelf}}},
		Apps:      []casefile.Application{{Project: "MZ-01"}},
		Channel:   casefile.ChannelWindow,
		Received:  day.AddDays(-20).Time(time.UTC).Add(9 * time.Hour),
	}
	c, err := st.Intake(d, testUser)
	if err != nil {
		t.Fatal(err)
	}
	err = st.Update(func(tx *casefile.Tx) error {
		old, err := tx.Case(c.Number)
		if err != nil {
			return err
		}
		n := *old
		n.Apps = []casefile.Application{{Project: "MZ-01", Proposed: amount, Outcome: casefile.OutcomeGranted, Granted: amount, StartMonth: start, Months: months}}
		n.Status = casefile.StatusApproved
		n.Decision = &casefile.Decision{Session: session, Result: casefile.StatusApproved, At: day.Time(time.UTC).Add(15 * time.Hour), By: testUser}
		if err := tx.PutCase(old, &n, casefile.Change{Who: testUser, Action: string(casefile.ActionDecision)}); err != nil {
			return err
		}
		if !close {
			return tx.SyncAid(&n) // in effect as stored, as an import of existing recipients is
		}
		return tx.SessionClosedInTx(session, day, []uint64{n.Seq}, testUser)
	})
	if err != nil {
		t.Fatal(err)
	}
	return c.Number
}

func date(t *testing.T, s string) casefile.Date {
	t.Helper()
	d, err := casefile.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The notice page on Friday 27 November 2026: three approvals of the
// 7-day dibao notice, closed on the 21st (its last day today: 21 + 6 =
// 27), the 25th (to 1 December: 27, 28, 29, 30, 1 = 5 days left) and the
// 27th (to 3 December: 7 days left), and an extreme-poverty support
// ended today (noticed to 3 December: 7 days left).
func TestNoticePage(t *testing.T) {
	st := openStore(t, false)
	for _, c := range []struct{ name, id, session, day string }{
		{"王秀兰", "61060219560302002", "YH2026-011", "2026-11-21"},
		{"李建国", "61060219620715001", "YH2026-012", "2026-11-25"},
		{"张丽", "61060219700101004", "YH2026-013", "2026-11-27"},
	} {
		lifeCase(t, st, c.name, validID(c.id), date(t, c.id[6:10]+"-"+c.id[10:12]+"-"+c.id[12:14]), c.session, date(t, c.day), 79000, "2026-12", 12, true)
	}
	// extreme-poverty support (MZ-03) ended today: noticed 27 November to 3 December
	n := lifeCase(t, st, "冯大爷", validID("61060219400101001"), date(t, "1940-01-01"), "YH2026-001", date(t, "2026-01-20"), 100000, "2026-02", 12, false)
	err := st.Update(func(tx *casefile.Tx) error {
		old, err := tx.Case(n)
		if err != nil {
			return err
		}
		c := *old
		c.Apps = []casefile.Application{old.Apps[0]}
		c.Apps[0].Project = "MZ-03"
		if err := tx.PutCase(old, &c, casefile.Change{Who: testUser, Action: "test"}); err != nil {
			return err
		}
		return tx.SyncAid(&c)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ChangeAid(n, casefile.AidChange{Project: "MZ-03", From: "2026-12", Kind: casefile.ChangeStop, Reason: "已由子女赡养"}, testUser); err != nil {
		t.Fatal(err)
	}
	eachScreen(t, st, func(d *driver) {
		d.press("6")
		d.must("YH") // nothing to assert in a language-neutral way but that it loaded
	})
}

// The review worklist on 27 November 2026 looks a month ahead, to 27
// December: an aid from December 2025 of an 80-year-old is due a year on,
// 1 December 2026; an aid from June 2026 of a 40-year-old (able to work)
// half a year on, also 1 December; an aid from November 2025 (24 months)
// was due on 1 November, overdue; an aid from March 2026 is due in March
// 2027, not listed.
func TestReviewPage(t *testing.T) {
	st := openStore(t, false)
	lifeCase(t, st, "赵老汉", validID("61060219460302001"), date(t, "1946-03-02"), "YH2025-020", date(t, "2025-11-20"), 79000, "2025-12", 12, false)
	lifeCase(t, st, "孙强", validID("61060219860715003"), date(t, "1986-07-15"), "YH2026-005", date(t, "2026-05-20"), 39000, "2026-06", 12, false)
	lifeCase(t, st, "周玉梅", validID("61060219500505002"), date(t, "1950-05-05"), "YH2025-018", date(t, "2025-10-20"), 55000, "2025-11", 24, false)
	lifeCase(t, st, "吴大伟", validID("61060219400101005"), date(t, "1940-01-01"), "YH2026-002", date(t, "2026-02-20"), 79000, "2026-03", 12, false)
	eachScreen(t, st, func(d *driver) {
		d.press("7")
		d.must("2026-12-01", "2026-11-01")
		d.mustNot("吴大伟")
	})
}

// s on the worklist starts the chosen review: a review case of the
// overdue aid (周玉梅, 2025-000002, first on the list), received today as
// 2026-000003 (two 2026 cases before it), opened in the dossier; the
// worklist then shows the aid in review.
func TestReviewPageStarts(t *testing.T) {
	st := openStore(t, false)
	lifeCase(t, st, "赵老汉", validID("61060219460302001"), date(t, "1946-03-02"), "YH2025-020", date(t, "2025-11-20"), 79000, "2025-12", 12, false)
	lifeCase(t, st, "孙强", validID("61060219860715003"), date(t, "1986-07-15"), "YH2026-005", date(t, "2026-05-20"), 39000, "2026-06", 12, false)
	lifeCase(t, st, "周玉梅", validID("61060219500505002"), date(t, "1950-05-05"), "YH2025-018", date(t, "2025-10-20"), 55000, "2025-11", 24, false)
	lifeCase(t, st, "吴大伟", validID("61060219400101005"), date(t, "1940-01-01"), "YH2026-002", date(t, "2026-02-20"), 79000, "2026-03", 12, false)
	d := newDriver(t, NewStore(st), casefile.EN, 120, 40)
	d.press("7", "s")
	if d.m.active != common.PageDossier {
		t.Fatalf("after s the page is %v, want the dossier:\n%s", d.m.active, d.view())
	}
	d.must("2026-000003")
	err := st.View(func(tx *casefile.Tx) error {
		c, err := tx.Case("2026-000003")
		if err != nil {
			return err
		}
		if c.ReviewOf() != "2025-000002" || c.Status != casefile.StatusReceived || len(c.Apps) != 1 || c.Apps[0].Project != "MZ-01" {
			t.Errorf("review case %s of %q, %s, %+v", c.Number, c.ReviewOf(), c.Status, c.Apps)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d.press("esc")
	d.must("in review 2026-000003")
}

// c on the notice page makes the notices that have ended take effect: a
// notice of 10 to 16 November has ended by the 27th, one of 25 November
// to 1 December has not; the first case is approved and leaves the page.
func TestNoticePageCloses(t *testing.T) {
	st := openStore(t, false)
	ended := lifeCase(t, st, "王秀兰", validID("61060219560302002"), date(t, "1956-03-02"), "YH2026-010", date(t, "2026-11-10"), 79000, "2026-12", 12, true)
	running := lifeCase(t, st, "李建国", validID("61060219620715001"), date(t, "1962-07-15"), "YH2026-012", date(t, "2026-11-25"), 79000, "2026-12", 12, true)
	d := newDriver(t, NewStore(st), casefile.EN, 120, 40)
	d.press("6")
	d.must("1 ended", "c ended notices take effect")
	d.press("c")
	d.must("1 notices ended", running)
	d.mustNot(ended, "c ended notices take effect")
	err := st.View(func(tx *casefile.Tx) error {
		for number, want := range map[string]casefile.Status{ended: casefile.StatusApproved, running: casefile.StatusPublicity} {
			c, err := tx.Case(number)
			if err != nil {
				return err
			}
			if c.Status != want {
				t.Errorf("%s is %s, want %s", number, c.Status, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
