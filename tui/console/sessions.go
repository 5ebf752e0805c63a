package console

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// sessionsScreen is the list of sessions and the form that opens a new
// one (kept while hidden, so nothing typed is lost).
type sessionsScreen struct {
	sh       *meetingShared
	list     []*meeting.Session
	cursor   int
	form     *sessionForm
	formOpen bool
	formTop  int // line of the form's first row, for clicks
	tableTop int // line of the table's header, for clicks
	// open shows a session on a screen (the root's openSession).
	open func(number string, to consoleState) tea.Cmd
}

func newSessionsScreen(sh *meetingShared, open func(string, consoleState) tea.Cmd) *sessionsScreen {
	s := &sessionsScreen{sh: sh, open: open}
	s.form = newSessionForm(sh.c, sh.keys, s.createSession)
	return s
}

// resetForm starts the new session's form afresh, hidden.
func (ss *sessionsScreen) resetForm() {
	ss.form = newSessionForm(ss.sh.c, ss.sh.keys, ss.createSession)
	ss.form.SetSize(ss.sh.width, ss.sh.height)
	ss.formOpen = false
}

// typing reports whether letters typed go into the form.
func (ss *sessionsScreen) typing() bool { return ss.formOpen && ss.form.f.Typing() }

// paste types pasted text into the form.
func (ss *sessionsScreen) paste(msg tea.PasteMsg) {
	if ss.formOpen {
		ss.form.f.HandlePaste(msg)
	}
}

// clickForm focuses the form's row clicked.
func (ss *sessionsScreen) clickForm(msg tea.MouseClickMsg) tea.Cmd {
	return ss.form.Click(msg.X, msg.Y-ss.formTop).Cmd
}

// onLoaded shows the list read afresh, the newest open session selected.
func (ss *sessionsScreen) onLoaded(msg sessionsLoadedMsg) {
	sh := ss.sh
	if msg.err != nil {
		sh.st.Set(sh.c.Tf(lblMtgLoadFailed, sh.c.Msg(msg.err)), common.LevelError)
		return
	}
	ss.list = msg.list
	ss.cursor = 0
	for i, se := range msg.list { // the newest open session first
		if se.Status == meeting.SessionOpen {
			ss.cursor = i
			break
		}
	}
	switch {
	case sh.st.Level == common.LevelError: // why a session did not open stays shown
	case len(msg.list) == 0 && sh.writer():
		sh.st.Set(sh.c.T(lblMtgNoSessionsHint), common.LevelMuted)
	default:
		sh.st.Clear()
	}
}

// sessionForm is what opening a session needs: its date and place.
type sessionForm struct {
	c           *common.Common
	f           *components.Form
	date, place string
	d0, p0      string // the defaults offered
}

func newSessionForm(c *common.Common, k *meetingKeys, create func() tea.Cmd) *sessionForm {
	s := &sessionForm{c: c, f: components.NewForm(c)}
	s.date = c.Today().String()
	s.d0 = s.date
	s.f.SetFields([]components.Field{
		{ID: "date", Kind: components.FieldText, Label: c.T(lblMtgDate), Width: 12, Limit: 10,
			Get: func() string { return s.date }, Set: func(v string) { s.date = v },
			Hint: func() (string, common.Level) { return c.T(common.LblIntakeBirthHint), common.LevelMuted }},
		{ID: "place", Kind: components.FieldText, Label: c.T(lblMtgPlace), Width: 40, Limit: 60,
			Get: func() string { return s.place }, Set: func(v string) { s.place = v }},
		{ID: "open", Kind: components.FieldButton, Label: c.T(lblMtgOpenButton) + " (" + k.Sessions.Create.Help().Key + ")", Do: create},
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
func (s *sessionForm) Click(x, y int) components.FormResult { return s.f.Click(x-2, y) }

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

// keys are the screen's live keys.
func (ss *sessionsScreen) keys() sessionsKeys {
	k := ss.sh.keys.Sessions
	w := ss.sh.writer()
	k.Open.SetEnabled(len(ss.list) > 0 && !ss.formOpen)
	k.Up.SetEnabled(!ss.formOpen)
	k.Down.SetEnabled(!ss.formOpen)
	k.New.SetEnabled(!ss.formOpen && w)
	k.Create.SetEnabled(ss.formOpen && w)
	return k
}

func (ss *sessionsScreen) ShortHelp() []key.Binding {
	k := ss.keys()
	g := ss.sh.c.Keys
	switch {
	case ss.formOpen:
		return []key.Binding{g.Form.Next, g.Form.Prev, k.Create, g.Global.Back}
	case ss.sh.standalone:
		return []key.Binding{k.Up, k.Open, k.New}
	}
	return []key.Binding{k.Up, k.Open, k.New, g.Global.Back}
}

func (ss *sessionsScreen) FullHelp() [][]key.Binding { return [][]key.Binding{ss.ShortHelp()} }

func (ss *sessionsScreen) refused(msg tea.KeyPressMsg) bool {
	if ss.formOpen {
		return false
	}
	return ss.sh.refuse(msg, ss.sh.keys.Sessions.New)
}

func (ss *sessionsScreen) wheel(int) {}

func (ss *sessionsScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if ss.formOpen {
		return ss.formKey(msg)
	}
	k := ss.keys()
	switch {
	case key.Matches(msg, ss.sh.c.Keys.Global.Back):
		return common.GoBack
	case key.Matches(msg, k.Up):
		ss.cursor = max(ss.cursor-1, 0)
	case key.Matches(msg, k.Down):
		ss.cursor = min(ss.cursor+1, max(len(ss.list)-1, 0))
	case key.Matches(msg, k.Open):
		return ss.openListed(ss.cursor)
	case key.Matches(msg, k.New):
		ss.openForm()
	}
	return nil
}

// openForm shows the new session's form.
func (ss *sessionsScreen) openForm() {
	sh := ss.sh
	if !sh.writer() {
		sh.st.Set(sh.refusal(), common.LevelError)
		return
	}
	if len(ss.list) > 0 {
		ss.form.offer(ss.list[0].Place)
	}
	ss.formOpen = true
	ss.form.SetSize(sh.width, sh.height)
	if !ss.form.f.FocusID("place") {
		ss.form.f.FocusID("date")
	}
	sh.st.Set(sh.c.T(lblMtgNewHint), common.LevelMuted)
}

// openListed opens the i-th session of the list: an open one on its
// attendance, a closed one on its summary (read-only).
func (ss *sessionsScreen) openListed(i int) tea.Cmd {
	if i < 0 || i >= len(ss.list) {
		return nil
	}
	se := ss.list[i]
	to := stateSetup
	if se.Status == meeting.SessionClosed {
		to = stateClosing
	}
	return ss.open(se.Number, to)
}

func (ss *sessionsScreen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, ss.sh.c.Keys.Global.Back):
		ss.formOpen = false // kept: n brings back what was typed
		ss.sh.st.Clear()
		return nil
	case key.Matches(msg, ss.keys().Create):
		return ss.createSession()
	}
	return ss.form.f.HandleKey(msg).Cmd
}

// createSession opens a session with what the form holds.
func (ss *sessionsScreen) createSession() tea.Cmd {
	sh := ss.sh
	plan, err := ss.form.plan()
	if err != nil {
		sh.st.Set(sh.c.Msg(err), common.LevelError)
		return nil
	}
	sh.st.Set(sh.c.T(lblMtgSaving), common.LevelMuted)
	store, who := sh.store, sh.c.User
	return sh.do(func() tea.Cmd { return openSession(store, plan, who) })
}

// ---- view ----

func (ss *sessionsScreen) view() string {
	sh := ss.sh
	c := sh.c
	s := c.Styles
	w := sh.width
	lines := []string{"", "  " + s.App.Title.Render(c.T(lblMtgSessionsTitle))}
	if !sh.writer() {
		lines = append(lines, "  "+s.App.StatusWarn.Render(c.Tf(lblMtgRoLine, sh.roleName())))
	}
	if len(ss.list) == 0 {
		none := c.T(lblMtgNoSessions)
		if !sh.writer() {
			none = c.T(lblMtgNoSessionsRo)
		}
		lines = append(lines, "", "  "+s.App.Muted.Render(none))
	} else {
		t := &components.Table{Cols: []components.Column{
			{Title: c.T(lblMtgColNumber), Width: 11},
			{Title: c.T(lblMtgColDate), Width: 10},
			{Title: c.T(lblMtgColStatus), Width: 8},
			{Title: c.T(lblMtgColPresent), Width: 8},
			{Title: c.T(lblMtgColDecided), Width: 10},
			{Title: c.T(lblMtgColPlace), Flex: 1},
		}, Width: w - 4}
		rows := make([][]string, len(ss.list))
		for i, se := range ss.list {
			tl := se.Count(&meeting.Item{})
			rows[i] = []string{se.Number, se.Date.String(), se.Status.Label(c.Lang), fmt.Sprintf("%d/%d", tl.Present, tl.Members),
				fmt.Sprintf("%d/%d", se.Decided, se.Items), se.Place}
		}
		room := max(sh.height-len(lines)-8, 1)
		first := max(0, min(ss.cursor-room+1, len(rows)-room))
		t.Height = min(room, len(rows)-first)
		t.SetRows(rows[first:], nil)
		t.Cursor = ss.cursor - first
		if ss.formOpen {
			t.Cursor = -1
		}
		lines = append(lines, "")
		ss.tableTop = len(lines)
		for i, l := range strings.Split(t.View(s), "\n") {
			lines = append(lines, "  "+l)
			if row := i - 1; row >= 0 && row < t.Height {
				n := first + row
				sh.addHit(ss.tableTop+i, 2, w, func() tea.Cmd {
					if ss.formOpen {
						return nil
					}
					ss.cursor = n
					return ss.openListed(n)
				})
			}
		}
	}
	lines = append(lines, "")
	if ss.formOpen {
		lines = append(lines, "  "+s.Form.Section.Render(c.T(lblMtgNewTitle)))
		ss.formTop = len(lines)
		for _, l := range strings.Split(ss.form.f.View(), "\n") {
			lines = append(lines, "  "+l)
		}
	} else if sh.writer() {
		label := "n  " + c.T(lblMtgNewSession)
		y := len(lines)
		lines = append(lines, "  "+s.Form.Button.Render(label))
		sh.addHit(y, 2, 2+components.AnsiWidth(label), func() tea.Cmd { ss.openForm(); return nil })
	}
	return components.FitBlock(lines, w)
}
