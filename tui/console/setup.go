package console

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// setupArea is the part of the attendance screen the keys work on.
type setupArea int

const (
	areaMembers setupArea = iota
	areaProject
	areaDept
	areaGroup
	areaAgenda
	areaCount
)

func (a setupArea) filter() bool { return a >= areaProject && a <= areaGroup }

// setupScreen is the attendance and agenda screen: who is present, the
// agenda's filters and the report of the last build.
type setupScreen struct {
	sh      *meetingShared
	area    setupArea
	member  int // index into the session's members (the secretary too)
	cols    int // member grid columns of the last view
	options [3][]components.Option
	choice  [3]int // chosen option of each filter (0: all)
	agenda  int    // cursor in the agenda list
	rep     *meeting.AgendaReport
	// openCase shows a case in the walkthrough (the root's).
	openCase func(number string) tea.Cmd
}

func newSetupScreen(sh *meetingShared, openCase func(string) tea.Cmd) *setupScreen {
	s := &setupScreen{sh: sh, openCase: openCase}
	s.init(sh.c)
	return s
}

// init lists the filters' options from the catalogue: every project,
// department and group, "all" first.
func (su *setupScreen) init(c *common.Common) {
	all := components.Option{Value: "", Label: c.T(common.LblQueueAll)}
	su.options[0] = []components.Option{all}
	for _, pr := range c.Catalog.Projects {
		su.options[0] = append(su.options[0], components.Option{Value: pr.Code, Label: pr.Code + " " + pr.Label(c.Lang)})
	}
	su.options[1] = []components.Option{all}
	for _, d := range c.Catalog.Departments {
		su.options[1] = append(su.options[1], components.Option{Value: d.Key, Label: d.Label(c.Lang)})
	}
	su.options[2] = []components.Option{all}
	for _, g := range c.Catalog.Groups {
		su.options[2] = append(su.options[2], components.Option{Value: g.Key, Label: g.Label(c.Lang)})
	}
}

// filter is the agenda filter chosen.
func (su *setupScreen) filter() meeting.AgendaFilter {
	return meeting.AgendaFilter{
		Project:    su.options[0][su.choice[0]].Value,
		Department: su.options[1][su.choice[1]].Value,
		Group:      su.options[2][su.choice[2]].Value,
	}
}

// clamp keeps the cursors inside the session's lists.
func (su *setupScreen) clamp() {
	sh := su.sh
	if sh.b == nil {
		return
	}
	su.member = max(0, min(su.member, len(sh.b.sess.Members)-1))
	su.agenda = max(0, min(su.agenda, len(sh.b.sess.Agenda)-1))
}

// ---- keys ----

// keys are the screen's live keys.
func (su *setupScreen) keys() setupKeys {
	sh := su.sh
	k := sh.keys.Setup
	open, w := sh.open(), sh.writer() // a role that may not write the meeting sees no write key
	has := sh.b != nil && len(sh.b.sess.Agenda) > 0
	k.Toggle.SetEnabled(open && w && su.area == areaMembers)
	k.Change.SetEnabled(open && w && su.area.filter())
	k.Build.SetEnabled(open && w)
	k.OpenCase.SetEnabled(has && su.area == areaAgenda)
	k.Walkthrough.SetEnabled(has)
	return k
}

func (su *setupScreen) ShortHelp() []key.Binding {
	k := su.keys()
	return []key.Binding{k.Toggle, k.Change, k.Area, k.Build, k.Walkthrough, k.OpenCase, su.sh.tabsKey()}
}

func (su *setupScreen) FullHelp() [][]key.Binding {
	k := su.keys()
	return [][]key.Binding{{k.Area, k.Move, k.Toggle, k.Change}, {k.Build, k.OpenCase, k.Walkthrough, su.sh.tabsKey(), k.SessionsList}}
}

func (su *setupScreen) refused(msg tea.KeyPressMsg) bool {
	k := su.sh.keys.Setup
	return su.sh.refuse(msg, k.Toggle, k.Build)
}

func (su *setupScreen) wheel(int) {}

func (su *setupScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	sh := su.sh
	k := su.keys()
	cols := max(su.cols, 1)
	switch {
	case key.Matches(msg, k.SessionsList):
		return sh.toSessions()
	case key.Matches(msg, k.Area):
		su.area = (su.area + 1) % areaCount
	case key.Matches(msg, k.Build):
		return su.build()
	case key.Matches(msg, k.Walkthrough):
		sh.show(stateWalk)
	case key.Matches(msg, k.Toggle):
		return su.toggle(su.member)
	case key.Matches(msg, k.OpenCase):
		return su.openAgendaCase(su.agenda)
	case su.area == areaMembers:
		su.moveMember(msg, k, cols)
	case su.area.filter():
		su.moveFilter(msg, k)
	case su.area == areaAgenda:
		switch {
		case key.Matches(msg, k.Up):
			if su.agenda == 0 {
				su.area = areaGroup
			}
			su.agenda = max(su.agenda-1, 0)
		case key.Matches(msg, k.Down):
			su.agenda = min(su.agenda+1, max(len(sh.b.sess.Agenda)-1, 0))
		}
	}
	return nil
}

// moveMember moves in the grid of members; down from the last row goes
// to the filters.
func (su *setupScreen) moveMember(msg tea.KeyPressMsg, k setupKeys, cols int) {
	n := len(su.sh.b.sess.Members)
	switch {
	case key.Matches(msg, k.Left):
		su.member = max(su.member-1, 0)
	case key.Matches(msg, k.Right):
		su.member = min(su.member+1, n-1)
	case key.Matches(msg, k.Up):
		su.member = max(su.member-cols, 0)
	case key.Matches(msg, k.Down):
		if su.member+cols < n {
			su.member += cols
		} else {
			su.area = areaProject
		}
	}
}

// moveFilter changes the filter in focus (left/right) or moves between
// the filters (up/down).
func (su *setupScreen) moveFilter(msg tea.KeyPressMsg, k setupKeys) {
	sh := su.sh
	i := int(su.area - areaProject)
	n := len(su.options[i])
	switch {
	case key.Matches(msg, k.Left) && sh.open() && sh.writer():
		su.choice[i] = (su.choice[i] + n - 1) % n
	case key.Matches(msg, k.Right) && sh.open() && sh.writer():
		su.choice[i] = (su.choice[i] + 1) % n
	case key.Matches(msg, k.Up):
		su.area--
	case key.Matches(msg, k.Down):
		su.area++
	}
}

// toggle marks member i present or absent. Whether it is a coming or a
// going is decided when the call runs, from the session as the call
// before it left it, so quick toggles add up as they were pressed.
func (su *setupScreen) toggle(i int) tea.Cmd {
	sh := su.sh
	if !sh.writer() {
		sh.st.Set(sh.refusal(), common.LevelError)
		return nil
	}
	if !sh.open() {
		return nil
	}
	store, who := sh.store, sh.c.User
	return sh.do(func() tea.Cmd {
		if sh.b == nil || i < 0 || i >= len(sh.b.sess.Members) {
			return nil
		}
		m := sh.b.sess.Members[i]
		return takeAttendance(store, sh.number, sh.cur, m, !sh.b.sess.IsPresent(m.ID), who)
	})
}

// build builds the agenda with the filters chosen.
func (su *setupScreen) build() tea.Cmd {
	sh := su.sh
	if !sh.writer() {
		sh.st.Set(sh.refusal(), common.LevelError)
		return nil
	}
	f := su.filter()
	store, who := sh.store, sh.c.User
	sh.st.Set(sh.c.T(lblMtgBuilding), common.LevelMuted)
	return sh.do(func() tea.Cmd { return buildAgenda(store, sh.number, sh.cur, f, who) })
}

// openAgendaCase shows agenda item i in the walkthrough.
func (su *setupScreen) openAgendaCase(i int) tea.Cmd {
	sh := su.sh
	if sh.b == nil || i < 0 || i >= len(sh.b.sess.Agenda) {
		return nil
	}
	return su.openCase(sh.b.sess.Agenda[i].Case)
}

// ---- view ----

func (su *setupScreen) view() string {
	sh := su.sh
	c := sh.c
	s := c.Styles
	w := sh.width
	sess := sh.b.sess
	lines := []string{sh.topLine()}
	lines = append(lines, sh.sessionLine())
	q := s.App.StatusOK
	if !sh.b.quorum {
		q = s.App.StatusError
	}
	rule := ""
	if r := c.Catalog.Meeting.Quorum; r != nil {
		rule = s.App.Muted.Render(c.Tf(lblMtgRule, r.Text()))
	}
	lines = append(lines, " "+q.Render(sh.quorumText())+rule)

	// the members, present or not
	cells := make([]string, len(sess.Members))
	for i, m := range sess.Members {
		box := "[ ]"
		if sess.IsPresent(m.ID) {
			box = "[x]"
		}
		mark := " "
		if i == su.member && su.area == areaMembers {
			mark = ">"
		}
		cells[i] = mark + box + " " + m.Name
	}
	top := len(lines)
	grid, cols, cellW := cellGrid(cells, w, func(i int, cell string) string {
		switch {
		case i == su.member && su.area == areaMembers:
			return s.Table.Selected.Render(cell)
		case !sess.IsPresent(sess.Members[i].ID):
			return s.App.Muted.Render(cell)
		}
		return s.Table.Cell.Render(cell)
	})
	su.cols = cols
	for r, l := range grid {
		lines = append(lines, l)
		for col := 0; col < cols; col++ {
			i := r*cols + col
			if i >= len(cells) {
				break
			}
			sh.addHit(top+r, col*cellW, (col+1)*cellW-1, func() tea.Cmd {
				su.member, su.area = i, areaMembers
				return su.toggle(i)
			})
		}
	}
	if su.member < len(sess.Members) {
		m := sess.Members[su.member]
		lines = append(lines, " "+s.App.Muted.Render(su.memberLine(m)))
	}

	// the agenda's filters
	lines = append(lines, "")
	names := []string{c.T(common.LblQueueFilterProject), c.T(common.LblQueueFilterDept), c.T(lblMtgFilterGroup)}
	lw := 0
	for _, n := range names {
		lw = max(lw, components.AnsiWidth(n))
	}
	for i, n := range names {
		area := areaProject + setupArea(i)
		label := su.options[i][su.choice[i]].Label
		var l string
		if su.area == area {
			l = s.Form.Marker.Render("> ") + s.Form.LabelFocused.Render(components.PadRight(n, lw)) + " < " + s.Form.OptionActive.Render(label) + " >"
		} else {
			l = "  " + s.Form.Label.Render(components.PadRight(n, lw)) + "   " + s.Form.Value.Render(label)
		}
		y := len(lines)
		lines = append(lines, " "+l)
		sh.addHit(y, 0, w, func() tea.Cmd {
			if su.area == area && sh.open() && sh.writer() {
				su.choice[i] = (su.choice[i] + 1) % len(su.options[i])
			}
			su.area = area
			return nil
		})
	}

	// the agenda
	head := c.Tf(lblMtgAgendaHead, len(sess.Agenda), len(sess.Agenda)-len(sh.b.sum.Undecided))
	if rep := su.reportLine(); rep != "" {
		head += "  " + s.App.Muted.Render(rep)
	}
	lines = append(lines, " "+s.Form.Section.Render(c.T(lblMtgAgenda))+"  "+head)
	room := sh.height - len(lines)
	if len(sess.Agenda) == 0 {
		hint := c.T(lblMtgAgendaEmpty)
		if !sh.open() {
			hint = c.T(lblMtgReadOnly)
		}
		lines = append(lines, "   "+s.App.Muted.Render(hint))
		return components.FitBlock(lines, w)
	}
	rows := agendaRows(c, sess, w-2)
	first := 0
	if room > 0 {
		first = max(0, min(su.agenda-room+1, len(rows)-room))
	}
	for i := first; i < len(rows) && len(lines) < sh.height; i++ {
		l := rows[i]
		switch {
		case i == su.agenda && su.area == areaAgenda:
			l = s.Table.Selected.Render(components.FitWidth(l, w-2))
		case sess.Agenda[i].Decision != nil:
			l = s.App.Muted.Render(l)
		}
		y := len(lines)
		lines = append(lines, "  "+l)
		sh.addHit(y, 0, w, func() tea.Cmd {
			su.agenda, su.area = i, areaAgenda
			return su.openAgendaCase(i)
		})
	}
	return components.FitBlock(lines, w)
}

// memberLine describes a member: name, department, role, presence.
func (su *setupScreen) memberLine(m meeting.Member) string {
	sh := su.sh
	c := sh.c
	word := c.T(lblMtgAbsent)
	if sh.b.sess.IsPresent(m.ID) {
		word = c.T(lblMtgPresent)
	}
	return fmt.Sprintf("%s  %s  %s  %s", m.Name, c.DeptName(m.Department), m.Role.Label(c.Lang), word)
}

// reportLine tells what the last build of the agenda did.
func (su *setupScreen) reportLine() string {
	rep := su.rep
	if rep == nil {
		return ""
	}
	c := su.sh.c
	sep := c.T(common.LblListSep)
	parts := []string{c.Tf(lblMtgRepAdded, len(rep.Added))}
	if d := rep.Dedup; d != nil && d.Totals.Groups > 0 {
		parts = append(parts, c.Tf(lblMtgRepDedup, d.Totals.Groups, d.Totals.Kept, d.Totals.Declined))
	}
	if len(rep.Removed) > 0 {
		parts = append(parts, c.Tf(lblMtgRepRemoved, strings.Join(rep.Removed, sep)))
	}
	if len(rep.Busy) > 0 {
		parts = append(parts, c.Tf(lblMtgRepBusy, strings.Join(rep.Busy, sep)))
	}
	if len(rep.Revote) > 0 {
		parts = append(parts, c.Tf(lblMtgRepRevote, strings.Join(rep.Revote, sep)))
	}
	return strings.Join(parts, c.T(lblMtgSep))
}

// agendaRows are the agenda's lines: number, case, applicant, first
// project, deadline and the decision (or "undecided").
func agendaRows(c *common.Common, sess *meeting.Session, w int) []string {
	out := make([]string, len(sess.Agenda))
	nw := len(fmt.Sprint(len(sess.Agenda)))
	for i, it := range sess.Agenda {
		state := c.T(lblMtgUndecided)
		if it.Decision != nil {
			state = it.Decision.Result.Label(c.Lang)
		}
		proj := ""
		if len(it.Apps) > 0 {
			proj = it.Apps[0].Project + " " + c.ProjectName(it.Apps[0].Project)
			if len(it.Apps) > 1 {
				proj = it.Apps[0].Project + c.Tf(lblMtgMoreProjects, len(it.Apps)-1)
			}
		}
		left := fmt.Sprintf("%*d  %s  %s", nw, i+1, it.Case, components.PadRight(components.Truncate(it.Applicant, 6), 6))
		right := "  " + c.Tf(lblMtgDue, monthDay(it.Deadline)) + "  " + components.PadRight(state, 8)
		out[i] = left + "  " + components.FitWidth(proj, max(w-components.AnsiWidth(left)-components.AnsiWidth(right)-2, 4)) + right
	}
	return out
}

// cellGrid lays cells out in as many columns as fit in w, each cell
// styled by style; it returns the lines, the columns and the cell width.
func cellGrid(cells []string, w int, style func(i int, cell string) string) ([]string, int, int) {
	cw := 0
	for _, s := range cells {
		cw = max(cw, lipgloss.Width(s))
	}
	cw++ // one blank between cells
	cols := max(1, (w+1)/cw)
	var lines []string
	for i := 0; i < len(cells); i += cols {
		var b strings.Builder
		for j := i; j < min(i+cols, len(cells)); j++ {
			b.WriteString(style(j, components.PadRight(cells[j], cw-1)))
			b.WriteString(" ")
		}
		lines = append(lines, b.String())
	}
	return lines, cols, cw
}

// monthDay is "12-04" of a date (the year is the session's).
func monthDay(d casefile.Date) string {
	if d.IsZero() {
		return "-"
	}
	return fmt.Sprintf("%02d-%02d", int(d.Month), d.Day)
}
