package console

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/meeting/meetingtest"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// Amounts granted apart: urban dibao (MZ-01, monthly) and temporary aid
// (MZ-06, one-off), both of civil affairs.
const (
	apartMonthly = "MZ-01"
	apartOneOff  = "MZ-06"
)

// readyApart puts a ready case applying for a monthly and a one-off
// project on the open demo session's agenda with every present member
// agreeing, and returns its number.
func readyApart(t *testing.T, st *casefile.Store, ms *meeting.Store) string {
	t.Helper()
	cat := st.Catalog()
	g := gen.New(cat, 7, casefile.DateOf(tuitest.FixedNow))
	d := g.DraftFor(g.Person(30, 50), []string{apartMonthly, apartOneOff}, 5)
	d.Documents = cat.RequiredDocuments([]string{apartMonthly, apartOneOff})
	c := meetingtest.Ready(t, st, g, d, tuitest.TestUser)
	if _, err := ms.BuildAgenda(demoOpen, meeting.AgendaFilter{Project: apartOneOff}, tuitest.TestUser); err != nil {
		t.Fatal(err)
	}
	meetingtest.AgreePresent(t, ms, demoOpen, c.Number, tuitest.TestUser)
	return c.Number
}

// A case granted 620.00 a month and 3,000.00 once shows the two apart
// where the decision is announced, on the walk screen and in the
// closing tables, and never their sum 3,620.00.
func TestMeetingMonthlyAndOneOffApart(t *testing.T) {
	for _, lang := range tuitest.GoldenLangs {
		t.Run(string(lang), func(t *testing.T) {
			st, ms := openMeeting(t)
			number := readyApart(t, st, ms)
			d := newMtgConsole(t, ms, lang, 160, 45)
			walkTo(t, d, 0)
			for i := 0; d.page().sh.cur != number && i < 20; i++ {
				d.Press("]")
			}
			if d.page().sh.cur != number {
				t.Fatalf("case %s not reached:\n%s", number, d.View())
			}
			tl, err := ms.Tally(demoOpen, number)
			if err != nil {
				t.Fatal(err)
			}
			r := meeting.Ruling{Case: number, Result: casefile.StatusApproved,
				Amounts: map[string]casefile.Money{apartMonthly: 62000, apartOneOff: 300000}, AmountReason: "按核查结果核定"}
			if tl.Proposed != casefile.StatusApproved {
				r.Override, r.Reason = true, "主持人最终意见"
			}
			sh := d.page().sh
			d.Run(sh.do(func() tea.Cmd { return decideCase(sh.store, demoOpen, r, tuitest.TestUser) }))

			granted := casefile.Amounts{Monthly: 62000, OneOff: 300000}.Text().In(lang)
			want := map[casefile.Lang][]string{
				casefile.ZH: {"已决定 " + number + "：已批准，核定 " + granted, "核定 每月 620.00 元，一次性 3,000.00 元"},
				casefile.EN: {"Decided " + number + ": approved, granted " + granted, "granted 620.00 yuan a month, 3,000.00 yuan one-off"},
			}[lang]
			d.Must(want...)
			d.MustNot("3,620.00", "3620.00")

			d.Press("3")
			d.Must(map[casefile.Lang]string{
				casefile.ZH: "核定金额：每月 620.00 元，一次性 3,000.00 元；按月发放的救助期间合计 7,440.00 元",
				casefile.EN: "Granted: 620.00 yuan a month, 3,000.00 yuan one-off; 7,440.00 yuan over the monthly aid periods",
			}[lang])
			apart := false // the department row: monthly, its period and one-off in their columns
			for _, l := range strings.Split(d.View(), "\n") {
				apart = apart || strings.Contains(l, "620.00") && strings.Contains(l, "7,440.00") && strings.Contains(l, "3,000.00")
			}
			if !apart {
				t.Errorf("no row with the monthly, its period and the one-off apart:\n%s", d.View())
			}
			d.MustNot("3,620.00", "3620.00")
		})
	}
}
