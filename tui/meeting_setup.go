package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
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
	options [3][]option
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
func (s *setupScreen) init(c *Common) {
	all := option{Value: "", Label: c.T("queue.all")}
	s.options[0] = []option{all}
	for _, pr := range c.Catalog.Projects {
		s.options[0] = append(s.options[0], option{Value: pr.Code, Label: pr.Code + " " + pr.Label(c.Lang)})
	}
	s.options[1] = []option{all}
	for _, d := range c.Catalog.Departments {
		s.options[1] = append(s.options[1], option{Value: d.Key, Label: d.Label(c.Lang)})
	}
	s.options[2] = []option{all}
	for _, g := range c.Catalog.Groups {
		s.options[2] = append(s.options[2], option{Value: g.Key, Label: g.Label(c.Lang)})
	}
}

// filter is the agenda filter chosen.
func (s *setupScreen) filter() meeting.AgendaFilter {
	return meeting.AgendaFilter{
		Project:    s.options[0][s.choice[0]].Value,
		Department: s.options[1][s.choice[1]].Value,
		Group:      s.options[2][s.choice[2]].Value,
	}
}

// clamp keeps the cursors inside the session's lists.
func (s *setupScreen) clamp() {
	sh := s.sh
	if sh.b == nil {
		return
	}
	s.member = max(0, min(s.member, len(sh.b.sess.Members)-1))
	s.agenda = max(0, min(s.agenda, len(sh.b.sess.Agenda)-1))
}

// ---- keys ----

// keys are the screen's live keys.
func (s *setupScreen) keys() SetupKeys {
	sh := s.sh
	k := sh.keys.Setup
	open, w := sh.open(), sh.writer() // a role that may not write the meeting sees no write key
	has := sh.b != nil && len(sh.b.sess.Agenda) > 0
	k.Toggle.SetEnabled(open && w && s.area == areaMembers)
	k.Change.SetEnabled(open && w && s.area.filter())
	k.Build.SetEnabled(open && w)
	k.OpenCase.SetEnabled(has && s.area == areaAgenda)
	k.Walkthrough.SetEnabled(has)
	return k
}

func (s *setupScreen) ShortHelp() []key.Binding {
	k := s.keys()
	return []key.Binding{k.Toggle, k.Change, k.Area, k.Build, k.Walkthrough, k.OpenCase, s.sh.tabsKey()}
}

func (s *setupScreen) FullHelp() [][]key.Binding {
	k := s.keys()
	return [][]key.Binding{{k.Area, k.Move, k.Toggle, k.Change}, {k.Build, k.OpenCase, k.Walkthrough, s.sh.tabsKey(), k.SessionsList}}
}

func (s *setupScreen) refused(msg tea.KeyPressMsg) bool {
	k := s.sh.keys.Setup
	return s.sh.refuse(msg, k.Toggle, k.Build)
}

func (s *setupScreen) wheel(int) {}

func (s *setupScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	sh := s.sh
	k := s.keys()
	cols := max(s.cols, 1)
	switch {
	case key.Matches(msg, k.SessionsList):
		return sh.toSessions()
	case key.Matches(msg, k.Area):
		s.area = (s.area + 1) % areaCount
	case key.Matches(msg, k.Build):
		return s.build()
	case key.Matches(msg, k.Walkthrough):
		sh.show(stateWalk)
	case key.Matches(msg, k.Toggle):
		return s.toggle(s.member)
	case key.Matches(msg, k.OpenCase):
		return s.openAgendaCase(s.agenda)
	case s.area == areaMembers:
		s.moveMember(msg, k, cols)
	case s.area.filter():
		s.moveFilter(msg, k)
	case s.area == areaAgenda:
		switch {
		case key.Matches(msg, k.Up):
			if s.agenda == 0 {
				s.area = areaGroup
			}
			s.agenda = max(s.agenda-1, 0)
		case key.Matches(msg, k.Down):
			s.agenda = min(s.agenda+1, max(len(sh.b.sess.Agenda)-1, 0))
		}
	}
	return nil
}

// moveMember moves in the grid of members; down from the last row goes
// to the filters.
func (s *setupScreen) moveMember(msg tea.KeyPressMsg, k SetupKeys, cols int) {
	n := len(s.sh.b.sess.Members)
	switch {
	case key.Matches(msg, k.Left):
		s.member = max(s.member-1, 0)
	case key.Matches(msg, k.Right):
		s.member = min(s.member+1, n-1)
	case key.Matches(msg, k.Up):
		s.member = max(s.member-cols, 0)
	case key.Matches(msg, k.Down):
		if s.member+cols < n {
			s.member += cols
		} else {
			s.area = areaProject
		}
	}
}

// moveFilter changes the filter in focus (left/right) or moves between
// the filters (up/down).
func (s *setupScreen) moveFilter(msg tea.KeyPressMsg, k SetupKeys) {
	sh := s.sh
	i := int(s.area - areaProject)
	n := len(s.options[i])
	switch {
	case key.Matches(msg, k.Left) && sh.open() && sh.writer():
		s.choice[i] = (s.choice[i] + n - 1) % n
	case key.Matches(msg, k.Right) && sh.open() && sh.writer():
		s.choice[i] = (s.choice[i] + 1) % n
	case key.Matches(msg, k.Up):
		s.area--
	case key.Matches(msg, k.Down):
		s.area++
	}
}

// toggle marks member i present or absent. Whether it is a coming or a
// going is decided when the call runs, from the session as the call
// before it left it, so quick toggles add up as they were pressed.
func (s *setupScreen) toggle(i int) tea.Cmd {
	sh := s.sh
	if !sh.writer() {
		sh.st.set(sh.refusal(), LevelError)
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
func (s *setupScreen) build() tea.Cmd {
	sh := s.sh
	if !sh.writer() {
		sh.st.set(sh.refusal(), LevelError)
		return nil
	}
	f := s.filter()
	store, who := sh.store, sh.c.User
	sh.st.set(sh.c.T("mtg.building"), LevelMuted)
	return sh.do(func() tea.Cmd { return buildAgenda(store, sh.number, sh.cur, f, who) })
}

// openAgendaCase shows agenda item i in the walkthrough.
func (s *setupScreen) openAgendaCase(i int) tea.Cmd {
	sh := s.sh
	if sh.b == nil || i < 0 || i >= len(sh.b.sess.Agenda) {
		return nil
	}
	return s.openCase(sh.b.sess.Agenda[i].Case)
}

// ---- view ----

func (st *setupScreen) view() string {
	sh := st.sh
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
		rule = s.App.Muted.Render(c.Tf("mtg.rule", r.Source))
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
		if i == st.member && st.area == areaMembers {
			mark = ">"
		}
		cells[i] = mark + box + " " + m.Name
	}
	top := len(lines)
	grid, cols, cellW := cellGrid(cells, w, func(i int, cell string) string {
		switch {
		case i == st.member && st.area == areaMembers:
			return s.Table.Selected.Render(cell)
		case !sess.IsPresent(sess.Members[i].ID):
			return s.App.Muted.Render(cell)
		}
		return s.Table.Cell.Render(cell)
	})
	st.cols = cols
	for r, l := range grid {
		lines = append(lines, l)
		for col := 0; col < cols; col++ {
			i := r*cols + col
			if i >= len(cells) {
				break
			}
			sh.addHit(top+r, col*cellW, (col+1)*cellW-1, func() tea.Cmd {
				st.member, st.area = i, areaMembers
				return st.toggle(i)
			})
		}
	}
	if st.member < len(sess.Members) {
		m := sess.Members[st.member]
		lines = append(lines, " "+s.App.Muted.Render(st.memberLine(m)))
	}

	// the agenda's filters
	lines = append(lines, "")
	names := []string{c.T("queue.f_project"), c.T("queue.f_dept"), c.T("mtg.f_group")}
	lw := 0
	for _, n := range names {
		lw = max(lw, ansiWidth(n))
	}
	for i, n := range names {
		area := areaProject + setupArea(i)
		label := st.options[i][st.choice[i]].Label
		var l string
		if st.area == area {
			l = s.Form.Marker.Render("> ") + s.Form.LabelFocused.Render(padRight(n, lw)) + " < " + s.Form.OptionActive.Render(label) + " >"
		} else {
			l = "  " + s.Form.Label.Render(padRight(n, lw)) + "   " + s.Form.Value.Render(label)
		}
		y := len(lines)
		lines = append(lines, " "+l)
		sh.addHit(y, 0, w, func() tea.Cmd {
			if st.area == area && sh.open() && sh.writer() {
				st.choice[i] = (st.choice[i] + 1) % len(st.options[i])
			}
			st.area = area
			return nil
		})
	}

	// the agenda
	head := c.Tf("mtg.agenda_head", len(sess.Agenda), len(sess.Agenda)-len(sh.b.sum.Undecided))
	if rep := st.reportLine(); rep != "" {
		head += "  " + s.App.Muted.Render(rep)
	}
	lines = append(lines, " "+s.Form.Section.Render(c.T("mtg.agenda"))+"  "+head)
	room := sh.height - len(lines)
	if len(sess.Agenda) == 0 {
		hint := c.T("mtg.agenda_empty")
		if !sh.open() {
			hint = c.T("mtg.read_only")
		}
		lines = append(lines, "   "+s.App.Muted.Render(hint))
		return fitBlock(lines, w)
	}
	rows := agendaRows(c, sess, w-2)
	first := 0
	if room > 0 {
		first = max(0, min(st.agenda-room+1, len(rows)-room))
	}
	for i := first; i < len(rows) && len(lines) < sh.height; i++ {
		l := rows[i]
		switch {
		case i == st.agenda && st.area == areaAgenda:
			l = s.Table.Selected.Render(fitWidth(l, w-2))
		case sess.Agenda[i].Decision != nil:
			l = s.App.Muted.Render(l)
		}
		y := len(lines)
		lines = append(lines, "  "+l)
		sh.addHit(y, 0, w, func() tea.Cmd {
			st.agenda, st.area = i, areaAgenda
			return st.openAgendaCase(i)
		})
	}
	return fitBlock(lines, w)
}

// memberLine describes a member: name, department, role, presence.
func (s *setupScreen) memberLine(m meeting.Member) string {
	sh := s.sh
	c := sh.c
	word := c.T("mtg.absent")
	if sh.b.sess.IsPresent(m.ID) {
		word = c.T("mtg.present")
	}
	return fmt.Sprintf("%s  %s  %s  %s", m.Name, c.deptName(m.Department), m.Role.Label(c.Lang), word)
}

// reportLine tells what the last build of the agenda did.
func (s *setupScreen) reportLine() string {
	rep := s.rep
	if rep == nil {
		return ""
	}
	c := s.sh.c
	sep := c.T("list.sep")
	parts := []string{c.Tf("mtg.rep_added", len(rep.Added))}
	if d := rep.Dedup; d != nil && d.Totals.Groups > 0 {
		parts = append(parts, c.Tf("mtg.rep_dedup", d.Totals.Groups, d.Totals.Kept, d.Totals.Declined))
	}
	if len(rep.Removed) > 0 {
		parts = append(parts, c.Tf("mtg.rep_removed", strings.Join(rep.Removed, sep)))
	}
	if len(rep.Busy) > 0 {
		parts = append(parts, c.Tf("mtg.rep_busy", strings.Join(rep.Busy, sep)))
	}
	if len(rep.Revote) > 0 {
		parts = append(parts, c.Tf("mtg.rep_revote", strings.Join(rep.Revote, sep)))
	}
	return strings.Join(parts, c.T("mtg.sep"))
}

// agendaRows are the agenda's lines: number, case, applicant, first
// project, deadline and the decision (or "undecided").
func agendaRows(c *Common, sess *meeting.Session, w int) []string {
	out := make([]string, len(sess.Agenda))
	nw := len(fmt.Sprint(len(sess.Agenda)))
	for i, it := range sess.Agenda {
		state := c.T("mtg.undecided")
		if it.Decision != nil {
			state = it.Decision.Result.Label(c.Lang)
		}
		proj := ""
		if len(it.Apps) > 0 {
			proj = it.Apps[0].Project + " " + c.projectName(it.Apps[0].Project)
			if len(it.Apps) > 1 {
				proj = it.Apps[0].Project + c.Tf("mtg.more_projects", len(it.Apps)-1)
			}
		}
		left := fmt.Sprintf("%*d  %s  %s", nw, i+1, it.Case, padRight(truncate(it.Applicant, 6), 6))
		right := "  " + c.Tf("mtg.due", monthDay(it.Deadline)) + "  " + padRight(state, 8)
		out[i] = left + "  " + fitWidth(proj, max(w-ansiWidth(left)-ansiWidth(right)-2, 4)) + right
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
			b.WriteString(style(j, padRight(cells[j], cw-1)))
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
