package frontdesk

// The queue's view: the filter chips, the table, and the live keys.

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

func (q *queuePage) chipValue(slot int) string {
	c := q.c
	all := c.T(common.LblQueueAll)
	switch slot {
	case qStatus:
		if q.status != "" {
			return q.status.Label(c.Lang)
		}
	case qDept:
		if q.dept != "" {
			return c.DeptName(q.dept)
		}
	case qProject:
		if q.project != "" {
			return q.project
		}
	case qDue:
		if q.due {
			return c.Tf(lblQueueDueWithin, c.Catalog.County.DeadlineWarnDays)
		}
	}
	return all
}

func (q *queuePage) View() string {
	c := q.c
	s := c.Styles
	lab := s.Form.Label
	if q.slot == qSearch {
		lab = s.Form.LabelFocused
	}
	searchLine := lab.Render(c.T(lblQueueSearch)) + " [" + components.FitWidth(q.search.View(), q.search.Width()+1) + "] " +
		s.App.Muted.Render(c.T(lblQueueSearchHint))
	names := []casefile.Text{lblQueueFilterStatus, common.LblQueueFilterDept, common.LblQueueFilterProject, lblQueueFilterDue}
	var chips strings.Builder
	q.spans = q.spans[:0]
	x := 0
	for i, n := range names {
		chip := c.T(n) + ":" + q.chipValue(i+1)
		st := s.Tabs.Inactive
		if q.slot == i+1 {
			chip = "<" + chip + ">"
			st = s.Tabs.Active
		} else {
			chip = " " + chip + " "
		}
		r := st.Render(chip)
		w := components.AnsiWidth(r)
		q.spans = append(q.spans, [2]int{x, x + w})
		chips.WriteString(r + " ")
		x += w + 1
	}
	lines := []string{searchLine, chips.String(), q.tbl.View(s)}
	var foot string
	switch {
	case q.loading:
		foot = c.T(lblQueueLoading)
	case len(q.rows) == 0:
		foot = c.T(lblQueueEmpty)
	default:
		foot = c.Tf(lblQueuePage, len(q.starts), len(q.rows))
		switch {
		case q.total >= 0 && q.totalExact:
			foot += c.Tf(lblQueueTotal, q.total)
		case q.total >= 0:
			foot += c.Tf(lblQueueTotalAtLeast, q.total)
		}
		if q.next != 0 {
			foot += c.T(lblQueueMore)
		}
	}
	lines = append(lines, s.App.Muted.Render(foot))
	return components.FitHeight(components.FitBlock(strings.Split(strings.Join(lines, "\n"), "\n"), q.width), q.height)
}

// keys are the queue's keys as they work now: filters that cannot cycle,
// an empty page and missing pages turn theirs off. Worked out on each use;
// the shared keymap is never changed.
func (q *queuePage) keys() common.QueueKeys {
	k := q.c.Keys.Queue // a copy
	k.Cycle.SetEnabled(q.slot != qSearch)
	k.Open.SetEnabled(len(q.rows) > 0)
	k.PageDown.SetEnabled(q.next != 0)
	k.PageUp.SetEnabled(len(q.starts) > 1)
	return k
}

func (q *queuePage) ShortHelp() []key.Binding {
	k := q.keys()
	return []key.Binding{k.Up, k.Open, k.PageDown, k.NextFilter, k.Cycle, k.Clear, q.c.Keys.Global.Back}
}

func (q *queuePage) FullHelp() [][]key.Binding {
	k := q.keys()
	g := q.c.Keys.Global
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.First}, {k.Open, k.NextFilter, k.PrevFilter, k.Cycle, k.Clear}, {g.Back, g.Help, g.Quit}}
}
