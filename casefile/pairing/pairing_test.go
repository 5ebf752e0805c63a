package pairing_test

import (
	"errors"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover/discovertest"
	"github.com/rongjiuzhu/hall/casefile/pairing"
)

const who = "local:verifier"

func day(s string) casefile.Date { d, _ := casefile.ParseDate(s); return d }

// family takes in a household with a left-behind child of nine in the
// grandmother's care, and returns its case number.
func family(t *testing.T, st *casefile.Store) string {
	t.Helper()
	gran := casefile.Person{DocType: casefile.DocResidentID, DocNumber: "610602195604120022", Name: "周桂兰", Sex: casefile.Female, Birth: day("1956-04-12")}
	child := casefile.Person{DocType: casefile.DocBirthCert, DocNumber: "O20170601", Name: "周小雨", Birth: day("2017-06-01"), GuardianName: "周桂兰"}
	c, err := st.Intake(&casefile.Draft{Applicant: gran, Channel: casefile.ChannelWindow, Apps: []casefile.Application{{Project: "MZ-02"}},
		Household: casefile.Household{Area: casefile.Rural, Members: []casefile.Member{{Person: gran, Relation: casefile.RelationSelf},
			{Person: child, Relation: "孙子女"}}}}, discovertest.Desk)
	if err != nil {
		t.Fatal(err)
	}
	return c.Number
}

func TestPairingsVisitsAndOverdue(t *testing.T) {
	h := discovertest.Build(t) // today 2026-11-27
	st := h.St
	fam := family(t, st)
	secretary, err := pairing.AddHelper(st, "刘书记", pairing.KindLeader, "县民政局", "13900000001", who)
	if err != nil {
		t.Fatal(err)
	}
	boss, err := pairing.AddHelper(st, "马老板", pairing.KindEntrepreneur, "县城超市", "", who)
	if err != nil {
		t.Fatal(err)
	}
	child, err := pairing.Pair(st, secretary.Seq, fam, "周小雨", pairing.CatLeftBehind, day("2026-09-01"), who)
	if err != nil {
		t.Fatal(err)
	}
	home, err := pairing.Pair(st, boss.Seq, h.Low, "", pairing.CatHousehold, day("2026-11-01"), who)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		on    string
		money casefile.Money
		goods string
	}{{"2026-10-01", casefile.Yuan(200), "书包一个"}, {"2026-10-20", casefile.Yuan(300), ""}} {
		if _, err := pairing.RecordVisit(st, child.Seq, day(v.on), v.money, v.goods, "看望，了解学习情况", who); err != nil {
			t.Fatal(err)
		}
	}

	var rows []pairing.Row
	st.View(func(tx *casefile.Tx) (err error) {
		rows, err = pairing.Rows(tx, casefile.DateOf(h.Now), false, who)
		return
	})
	if len(rows) != 2 {
		t.Fatalf("rows %+v", rows)
	}
	r := rows[0]
	// last visit 2026-10-20: 38 days before 2026-11-27; 500.00 given
	if r.Pairing.Child != "周**" || !r.Pairing.Birth.IsZero() || r.Visits != 2 || r.Support != casefile.Yuan(500) ||
		r.LastVisit.String() != "2026-10-20" || r.DaysSince != 38 || r.Helper.Name != "刘书记" {
		t.Errorf("the child's pairing: %+v", r)
	}
	// the household's: no visit since 2026-11-01, 26 days
	if rows[1].DaysSince != 26 || rows[1].Visits != 0 || rows[1].Pairing.Child != "" {
		t.Errorf("the household's pairing: %+v", rows[1])
	}
	if od := pairing.Overdue(rows, 30); len(od) != 1 || od[0].Pairing.Seq != child.Seq {
		t.Errorf("overdue 30: %+v", od)
	}
	if od := pairing.Overdue(rows, 20); len(od) != 2 || od[0].Pairing.Seq != child.Seq || od[1].Pairing.Seq != home.Seq {
		t.Errorf("overdue 20: %+v", od)
	}
	// the full name only for a role that may reveal
	st.View(func(tx *casefile.Tx) (err error) {
		rows, err = pairing.Rows(tx, casefile.DateOf(h.Now), true, who)
		return
	})
	if rows[0].Pairing.Child != "周小雨" {
		t.Errorf("revealed: %+v", rows[0].Pairing)
	}
	if err := st.View(func(tx *casefile.Tx) error {
		_, err := pairing.Rows(tx, casefile.DateOf(h.Now), true, "stranger")
		return err
	}); !errors.Is(err, casefile.ErrForbidden) {
		t.Errorf("a stranger reveals: %v", err)
	}

	// refused: an adult as a child, a future visit, an unknown pairing or helper
	if _, err := pairing.Pair(st, secretary.Seq, fam, "周桂兰", pairing.CatLeftBehind, day("2026-09-01"), who); !errors.Is(err, casefile.ErrInvalid) {
		t.Errorf("an adult paired as a child: %v", err)
	}
	if _, err := pairing.RecordVisit(st, child.Seq, day("2026-12-01"), 0, "", "x", who); !errors.Is(err, casefile.ErrInvalid) {
		t.Errorf("a visit tomorrow: %v", err)
	}
	if _, err := pairing.RecordVisit(st, 99, day("2026-11-01"), 0, "", "x", who); !errors.Is(err, pairing.ErrNoPairing) {
		t.Errorf("unknown pairing: %v", err)
	}
	if _, err := pairing.Pair(st, 99, fam, "", pairing.CatHousehold, day("2026-09-01"), who); !errors.Is(err, pairing.ErrNoHelper) {
		t.Errorf("unknown helper: %v", err)
	}
	if _, err := pairing.AddHelper(st, "张三", pairing.KindParty, "", "", "stranger"); !errors.Is(err, casefile.ErrForbidden) {
		t.Errorf("a stranger adds a helper: %v", err)
	}
}
