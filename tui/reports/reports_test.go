package reports_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/report/reporttest"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
	"github.com/rongjiuzhu/hall/tui/reports"
)

// Golden screens of the statistics screen at 80×24 and 120×40 in both
// languages, on the hall of known composition (reporttest.Build) and its
// clock. Refresh with: go test ./tui/reports -update

var sizes = [][2]int{{80, 24}, {120, 40}}

// openDesk is the front desk on st at the clock now in a w×ht window
// with the statistics screen plugged in, as role when it is not empty.
func openDesk(t *testing.T, st *casefile.Store, now func() time.Time, lang casefile.Lang, w, ht int, role casefile.Role) *tuitest.Driver {
	t.Helper()
	store := reports.NewStore(st)
	opts := []frontdesk.Option{frontdesk.WithClock(now),
		frontdesk.WithReports(func(c *common.Common) common.Page { return reports.New(c, store) })}
	if role != "" {
		opts = append(opts, frontdesk.WithRole(role))
	}
	m := frontdesk.New(frontdesk.NewStore(st), lang, tuitest.TestUser, opts...)
	d := tuitest.NewDriver(t, m)
	d.Run(m.Init())
	d.Send(tea.WindowSizeMsg{Width: w, Height: ht})
	return d
}

// eachGolden opens the screen in every golden language and size, sets
// it up and checks its frame, its language and its golden file.
func eachGolden(t *testing.T, st *casefile.Store, open func(t *testing.T, lang casefile.Lang, w, ht int) *tuitest.Driver, setup func(d *tuitest.Driver)) {
	data := tuitest.StoreData(t, st, nil)
	for _, lang := range tuitest.GoldenLangs {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				d := open(t, lang, sz[0], sz[1])
				setup(d)
				v := d.View()
				tuitest.CheckFrame(t, v, sz[0], sz[1])
				tuitest.CheckSpeaks(t, v, lang, data)
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// open is the front desk on h in a w×h window with the statistics screen
// plugged in, opened from the home screen's 5.
func open(t *testing.T, h *reporttest.Hall, lang casefile.Lang, w, ht int) *tuitest.Driver {
	t.Helper()
	d := openDesk(t, h.St, func() time.Time { return h.Now }, lang, w, ht, "")
	d.Press("5")
	return d
}

func eachScreen(t *testing.T, setup func(d *tuitest.Driver, h *reporttest.Hall)) {
	h := reporttest.Build(t)
	eachGolden(t, h.St, func(t *testing.T, lang casefile.Lang, w, ht int) *tuitest.Driver { return open(t, h, lang, w, ht) },
		func(d *tuitest.Driver) { setup(d, h) })
}

// TestReportScreen: November 2026 (p twice: quarter, then month), bars of
// the one-off funds, the civil affairs row selected.
func TestReportScreen(t *testing.T) {
	eachScreen(t, func(d *tuitest.Driver, h *reporttest.Hall) {
		d.Press("p", "p", "b")
		d.Must("2026-11-01", "2026-11-30")
	})
}

// TestReportDrillDown: the cases behind the civil affairs row.
func TestReportDrillDown(t *testing.T) {
	eachScreen(t, func(d *tuitest.Driver, h *reporttest.Hall) {
		d.Press("p", "p", "enter")
		d.Must(h.A, h.B, h.E, h.F)
		d.MustNot(h.C, h.D, h.G)
	})
}

// TestReportOpensTheCase: enter on a case of the drill-down opens its
// dossier; esc from the drill-down returns to the table, esc again home.
func TestReportOpensTheCase(t *testing.T) {
	h := reporttest.Build(t)
	d := open(t, h, casefile.ZH, 120, 40)
	d.Press("p", "p", "enter")
	line := d.LineOf(h.E)
	if line < 0 {
		t.Fatal("E not listed")
	}
	if !strings.Contains(d.View(), "超时") {
		t.Error("E is not marked late")
	}
	d.Press("esc")
	d.Must("部门贡献统计")
	d.Press("enter", "down", "down", "enter")
	d.Must("申请项目")
}

// TestReportPeriodKeys: ] and [ move the period; the year shows every
// case received in 2026.
func TestReportPeriodKeys(t *testing.T) {
	h := reporttest.Build(t)
	d := open(t, h, casefile.EN, 120, 40)
	d.Must("2026-01-01 to 2026-12-31")
	d.Press("]")
	d.Must("2027-01-01 to 2027-12-31")
	d.Press("[", "p")
	d.Must("2026-10-01 to 2026-12-31")
	d.Press("p")
	d.Must("2026-11-01 to 2026-11-30")
	d.Press("[")
	d.Must("2026-10-01 to 2026-10-31")
}
