package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// sessionsState is the list of sessions and the form that opens a new
// one (kept while hidden, so nothing typed is lost).
type sessionsState struct {
	list     []*meeting.Session
	cursor   int
	form     *sessionForm
	formOpen bool
	formTop  int // line of the form's first row, for clicks
	tableTop int // line of the table's header, for clicks
}

// sessionForm is what opening a session needs: its date and place.
type sessionForm struct {
	c           *Common
	f           *form
	date, place string
	d0, p0      string // the defaults offered
}

func newSessionForm(c *Common, k *MeetingKeys, create func() tea.Cmd) *sessionForm {
	s := &sessionForm{c: c, f: newForm(c)}
	s.date = c.Today().String()
	s.d0 = s.date
	s.f.SetFields([]field{
		{ID: "date", Kind: fieldText, Label: c.T("mtg.date"), Width: 12, Limit: 10,
			Get: func() string { return s.date }, Set: func(v string) { s.date = v },
			Hint: func() (string, Level) { return c.T("intake.birth_hint"), LevelMuted }},
		{ID: "place", Kind: fieldText, Label: c.T("mtg.place"), Width: 40, Limit: 60,
			Get: func() string { return s.place }, Set: func(v string) { s.place = v }},
		{ID: "open", Kind: fieldButton, Label: c.T("mtg.open_button") + " (" + k.Sessions.Create.Help().Key + ")", Do: create},
	})
	return s
}

// offer fills the place with the last session's when nothing is typed.
func (s *sessionForm) offer(place string) {
	if s.place == "" && s.p0 == "" {
		s.place, s.p0 = place, place
		s.f.Refresh()
	}
}

// touched reports something typed.
func (s *sessionForm) touched() bool {
	return s != nil && (s.date != s.d0 || s.place != s.p0)
}

// SetSize gives the form its area.
func (s *sessionForm) SetSize(w, h int) {
	if s != nil {
		s.f.SetSize(w-2, 4)
	}
}

// Click focuses the row clicked.
func (s *sessionForm) Click(x, y int) formResult { return s.f.Click(x-2, y) }

// plan reads the form; a date that does not parse is refused here, the
// rest by the domain.
func (s *sessionForm) plan() (meeting.Plan, error) {
	p := meeting.Plan{Place: s.place}
	if d := strings.TrimSpace(s.date); d != "" {
		day, err := casefile.ParseDate(d)
		if err != nil {
			return p, err
		}
		p.Date = day
	}
	return p, nil
}

// ---- keys ----

func (p *meetingPage) sessionsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys.Sessions
	ss := &p.ss
	if ss.formOpen {
		return p.sessionFormKey(msg)
	}
	switch {
	case key.Matches(msg, p.c.Keys.Global.Back):
		return goBack
	case key.Matches(msg, k.Up):
		ss.cursor = max(ss.cursor-1, 0)
	case key.Matches(msg, k.Down):
		ss.cursor = min(ss.cursor+1, max(len(ss.list)-1, 0))
	case key.Matches(msg, k.Open):
		return p.openListed(ss.cursor)
	case key.Matches(msg, k.New):
		p.openForm()
	}
	return nil
}

// openForm shows the new session's form.
func (p *meetingPage) openForm() {
	if !p.writer() {
		p.st.set(p.refusal(), LevelError)
		return
	}
	ss := &p.ss
	if len(ss.list) > 0 {
		ss.form.offer(ss.list[0].Place)
	}
	ss.formOpen = true
	ss.form.SetSize(p.width, p.height)
	if !ss.form.f.FocusID("place") {
		ss.form.f.FocusID("date")
	}
	p.st.set(p.c.T("mtg.new_hint"), LevelMuted)
}

// openListed opens the i-th session of the list: an open one on its
// attendance, a closed one on its summary (read-only).
func (p *meetingPage) openListed(i int) tea.Cmd {
	if i < 0 || i >= len(p.ss.list) {
		return nil
	}
	s := p.ss.list[i]
	scr := scrSetup
	if s.Status == meeting.SessionClosed {
		scr = scrClosing
	}
	return p.openSession(s.Number, scr)
}

func (p *meetingPage) sessionFormKey(msg tea.KeyPressMsg) tea.Cmd {
	ss := &p.ss
	switch {
	case key.Matches(msg, p.c.Keys.Global.Back):
		ss.formOpen = false // kept: n brings back what was typed
		p.st.clear()
		return nil
	case key.Matches(msg, p.keys.Sessions.Create):
		return p.createSession()
	}
	return ss.form.f.HandleKey(msg).Cmd
}

// createSession opens a session with what the form holds.
func (p *meetingPage) createSession() tea.Cmd {
	plan, err := p.ss.form.plan()
	if err != nil {
		p.st.set(p.c.Msg(err), LevelError)
		return nil
	}
	p.st.set(p.c.T("mtg.saving"), LevelMuted)
	store, who := p.store, p.c.User
	return p.do(func() tea.Cmd { return openSession(store, plan, who) })
}

// ---- view ----

func (p *meetingPage) sessionsView() string {
	c := p.c
	s := c.Styles
	w := p.width
	lines := []string{"", "  " + s.App.Title.Render(c.T("mtg.sessions_title"))}
	if !p.writer() {
		lines = append(lines, "  "+s.App.StatusWarn.Render(c.Tf("mtg.ro_line", p.roleName())))
	}
	ss := &p.ss
	if len(ss.list) == 0 {
		none := c.T("mtg.no_sessions")
		if !p.writer() {
			none = c.T("mtg.no_sessions_ro")
		}
		lines = append(lines, "", "  "+s.App.Muted.Render(none))
	} else {
		t := &table{cols: []column{
			{Title: c.T("mtg.col_number"), Width: 11},
			{Title: c.T("mtg.col_date"), Width: 10},
			{Title: c.T("mtg.col_status"), Width: 8},
			{Title: c.T("mtg.col_present"), Width: 8},
			{Title: c.T("mtg.col_decided"), Width: 10},
			{Title: c.T("mtg.col_place"), Flex: 1},
		}, width: w - 4}
		rows := make([][]string, len(ss.list))
		for i, se := range ss.list {
			tl := se.Count(&meeting.Item{})
			rows[i] = []string{se.Number, se.Date.String(), se.Status.Label(c.Lang), fmt.Sprintf("%d/%d", tl.Present, tl.Members),
				fmt.Sprintf("%d/%d", se.Decided, se.Items), se.Place}
		}
		room := max(p.height-len(lines)-8, 1)
		first := max(0, min(ss.cursor-room+1, len(rows)-room))
		t.height = min(room, len(rows)-first)
		t.SetRows(rows[first:], nil)
		t.cursor = ss.cursor - first
		if ss.formOpen {
			t.cursor = -1
		}
		lines = append(lines, "")
		ss.tableTop = len(lines)
		for i, l := range strings.Split(t.View(s), "\n") {
			lines = append(lines, "  "+l)
			if row := i - 1; row >= 0 && row < t.height {
				n := first + row
				p.addHit(ss.tableTop+i, 2, w, func() tea.Cmd {
					if ss.formOpen {
						return nil
					}
					ss.cursor = n
					return p.openListed(n)
				})
			}
		}
	}
	lines = append(lines, "")
	if ss.formOpen {
		lines = append(lines, "  "+s.Form.Section.Render(c.T("mtg.new_title")))
		ss.formTop = len(lines)
		for _, l := range strings.Split(ss.form.f.View(), "\n") {
			lines = append(lines, "  "+l)
		}
	} else if p.writer() {
		label := "n  " + c.T("mtg.new_session")
		y := len(lines)
		lines = append(lines, "  "+s.Form.Button.Render(label))
		p.addHit(y, 2, 2+ansiWidth(label), func() tea.Cmd { p.openForm(); return nil })
	}
	return fitBlock(lines, w)
}
