package reports_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover/discovertest"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
	"github.com/rongjiuzhu/hall/tui/reports"
)

// openDiscovery is the front desk on h with the statistics screen, on its
// discovery list (5, then tab).
func openDiscovery(t *testing.T, h *discovertest.Hall, lang casefile.Lang, w, ht int, role casefile.Role) *tuitest.Driver {
	t.Helper()
	store := reports.NewStore(h.St)
	opts := []frontdesk.Option{frontdesk.WithClock(func() time.Time { return h.Now }),
		frontdesk.WithReports(func(c *common.Common) common.Page { return reports.New(c, store) })}
	if role != "" {
		opts = append(opts, frontdesk.WithRole(role))
	}
	m := frontdesk.New(frontdesk.NewStore(h.St), lang, tuitest.TestUser, opts...)
	d := tuitest.NewDriver(t, m)
	d.Run(m.Init())
	d.Send(tea.WindowSizeMsg{Width: w, Height: ht})
	d.Press("5", "tab")
	return d
}

func eachDiscoveryScreen(t *testing.T, setup func(d *tuitest.Driver, h *discovertest.Hall)) {
	h := discovertest.Build(t)
	data := tuitest.StoreData(t, h.St, nil)
	for _, lang := range tuitest.GoldenLangs {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				d := openDiscovery(t, h, lang, sz[0], sz[1], "")
				setup(d, h)
				v := d.View()
				tuitest.CheckFrame(t, v, sz[0], sz[1])
				tuitest.CheckSpeaks(t, v, lang, data)
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// TestDiscoveryList: every project's findings, the first selected.
func TestDiscoveryList(t *testing.T) {
	eachDiscoveryScreen(t, func(d *tuitest.Driver, h *discovertest.Hall) {})
}

// TestDiscoveryUrbanDibao: filtered to urban dibao (f), the refused
// household selected with its refusal.
func TestDiscoveryUrbanDibao(t *testing.T) {
	eachDiscoveryScreen(t, func(d *tuitest.Driver, h *discovertest.Hall) {
		d.Press("f", "down")
		d.Must("MZ-01", "2026-11-26")
	})
}

// TestDiscoveryApplies: a on the low household's urban dibao makes the
// outreach application, and the list drops it; a role that may not take
// applications is refused.
func TestDiscoveryApplies(t *testing.T) {
	h := discovertest.Build(t)
	d := openDiscovery(t, h, casefile.EN, 120, 40, casefile.RoleMember)
	d.Press("f", "a")
	d.Must("not allowed")
	d = openDiscovery(t, h, casefile.EN, 120, 40, "")
	d.Press("f")
	d.Must("2 households, 2 projects")
	d.Press("a")
	d.Must("(outreach); verify it as any other")
	if !strings.Contains(d.View(), "1 households, 1 projects") {
		// the filter stays on MZ-01 after the reload
		t.Errorf("the list still offers the applied household:\n%s", d.View())
	}
	var ch casefile.Channel
	h.St.View(func(tx *casefile.Tx) error {
		c, err := tx.Case("2026-000006")
		if err == nil {
			ch = c.Channel
		}
		return err
	})
	if ch != casefile.ChannelOutreach {
		t.Errorf("the new case's channel is %q", ch)
	}
}
