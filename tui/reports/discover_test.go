package reports_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover/discovertest"
	"github.com/rongjiuzhu/hall/tui/internal/tuitest"
)

// openDiscovery is the front desk on h with the statistics screen, on its
// discovery list (5, then tab).
func openDiscovery(t *testing.T, h *discovertest.Hall, lang casefile.Lang, w, ht int, role casefile.Role) *tuitest.Driver {
	t.Helper()
	d := openDesk(t, h.St, func() time.Time { return h.Now }, lang, w, ht, role)
	d.Press("5", "tab")
	return d
}

func eachDiscoveryScreen(t *testing.T, setup func(d *tuitest.Driver, h *discovertest.Hall)) {
	h := discovertest.Build(t)
	eachGolden(t, h.St, func(t *testing.T, lang casefile.Lang, w, ht int) *tuitest.Driver {
		return openDiscovery(t, h, lang, w, ht, "")
	},
		func(d *tuitest.Driver) { setup(d, h) })
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
