package frontdesk

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// menuItem is one way out of the home screen.
type menuItem struct {
	label   casefile.Text
	to      common.PageID
	enabled bool
	binding key.Binding
}

// homeMenu is the home menu for the user's role: an item the role may
// not use is not shown, and its key is switched off so help leaves it out.
// The keys are copies: the shared keymap is never changed.
func homeMenu(c *common.Common, meeting, reports bool) (shown, denied []menuItem, keys common.HomeKeys) {
	keys = c.Keys.Home
	k := &keys
	for _, e := range []struct {
		label   casefile.Text
		to      common.PageID
		enabled bool
		b       *key.Binding
		may     bool
	}{
		{common.LblHomeIntake, common.PageIntake, true, &k.Intake, c.Can(casefile.PermIntake)},
		{common.LblHomeQueue, common.PageQueue, true, &k.Queue, true},
		// members see the meeting without writing anything
		{common.LblHomeMeeting, common.PageMeeting, meeting, &k.Meeting, c.Can(casefile.PermMeeting) || c.Role == casefile.RoleMember},
		{common.LblHomePrint, common.PagePrint, true, &k.Print, c.Can(casefile.PermPrint)},
		{common.LblHomeReports, common.PageReports, reports, &k.Reports, true},
		{common.LblHomeNotice, common.PageNotice, true, &k.Notice, true},
		{common.LblHomeReview, common.PageReview, true, &k.Review, true},
	} {
		e.b.SetEnabled(e.may)
		it := menuItem{e.label, e.to, e.enabled, *e.b}
		if e.may {
			shown = append(shown, it)
		} else {
			denied = append(denied, it)
		}
	}
	return shown, denied, keys
}

// homePage shows the hall's name, today's counters and the way to every
// screen.
type homePage struct {
	c       *common.Common
	store   HomeStore
	counts  casefile.Counts
	loaded  bool
	items   []menuItem
	denied  []menuItem // what the user's role may not open
	cursor  int
	width   int
	height  int
	st      common.StatusLine
	draft   string          // a note about an unfinished intake draft
	menuTop int             // line of the first menu item (for clicks)
	keys    common.HomeKeys // the menu's keys for the user's role
	follow  string          // the open follow-ups of low ratings (followups.go)
	warns   string          // the open early warnings (followups.go)
}

func newHomePage(c *common.Common, store HomeStore, meeting, reports bool) *homePage {
	p := &homePage{c: c, store: store}
	p.items, p.denied, p.keys = homeMenu(c, meeting, reports)
	return p
}

// countsLoadedMsg carries the home counters.
type countsLoadedMsg struct {
	counts casefile.Counts
	err    error
}

func loadCounts(store HomeStore) tea.Cmd {
	return func() tea.Msg {
		c, err := store.Counts()
		return countsLoadedMsg{counts: c, err: err}
	}
}

func (p *homePage) Enter() tea.Cmd { return tea.Batch(loadCounts(p.store), loadFollowUps(p.store)) }

func (p *homePage) Title() string { return p.c.T(lblHomeTitle) }

func (p *homePage) SetSize(w, h int) { p.width, p.height = w, h }

func (p *homePage) Status() (string, common.Level) { return p.st.Text, p.st.Level }

func (p *homePage) Dirty() bool { return false }

func (p *homePage) Typing() bool { return false }

// lblHomeDraftKept is the home screen's note about an unfinished intake:
// it names no applicant (the next one may be reading the screen).
var lblHomeDraftKept = casefile.Text{ZH: "有未完成的受理（草稿已自动保存），按 1 继续", EN: "Unfinished intake (draft kept); press 1 to go on"}

// setDraftNote shows (or hides) the note about a saved intake draft.
func (p *homePage) setDraftNote(s string) { p.draft = s }

func (p *homePage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case countsLoadedMsg:
		if msg.err != nil {
			p.st.Set(p.c.Tf(lblErrLoadCounts, p.c.Msg(msg.err)), common.LevelError)
			return nil
		}
		p.counts, p.loaded = msg.counts, true
	case followUpsLoadedMsg:
		if msg.err == nil {
			p.follow = followUpLine(p.c.Lang, msg.items)
			p.warns = warningLine(p.c.Lang, msg.warnings, p.c.Today())
		}
	case ChangedMsg:
		return tea.Batch(loadCounts(p.store), loadFollowUps(p.store))
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			if i := msg.Y - p.menuTop; i >= 0 && i < len(p.items) {
				p.cursor = i
				return p.open(i)
			}
		}
	}
	return nil
}

func (p *homePage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Up):
		p.cursor = (p.cursor + len(p.items) - 1) % len(p.items)
	case key.Matches(msg, k.Down):
		p.cursor = (p.cursor + 1) % len(p.items)
	case key.Matches(msg, k.Open):
		return p.open(p.cursor)
	default:
		for i, it := range p.items {
			if key.Matches(msg, it.binding) {
				p.cursor = i
				return p.open(i)
			}
		}
		for _, it := range p.denied {
			if common.Pressed(msg, it.binding) {
				p.st.Set(p.c.Forbidden(), common.LevelError)
			}
		}
	}
	return nil
}

func (p *homePage) open(i int) tea.Cmd {
	it := p.items[i]
	if !it.enabled {
		p.st.Set(p.c.Tf(common.LblHomeNotYet, p.c.T(it.label)), common.LevelWarn)
		return nil
	}
	p.st.Clear()
	return common.Navigate(it.to, "")
}

// waiting is the number of cases waiting for verification: received,
// being verified, or deferred back for more verification.
func waiting(c casefile.Counts) int {
	return c.ByStatus[casefile.StatusReceived] + c.ByStatus[casefile.StatusVerifying] + c.ByStatus[casefile.StatusDeferred]
}

func (p *homePage) View() string {
	c := p.c
	s := c.Styles
	var lines []string
	lines = append(lines, "", "  "+s.App.Title.Render(c.HallName()))
	lines = append(lines, "  "+s.App.Muted.Render(c.Tf(lblHomeSubtitle, dateLabel(c, c.Today()), c.User)), "")
	num := func(n int) string {
		if !p.loaded {
			return "-"
		}
		return fmt.Sprint(n)
	}
	names := []string{c.T(lblHomeReceivedToday), c.T(lblHomeWaiting), c.T(lblHomeReady),
		c.Tf(lblHomeDueSoon, c.Catalog.County.DeadlineWarnDays)}
	values := []int{p.counts.ReceivedToday, waiting(p.counts), p.counts.ByStatus[casefile.StatusReady], p.counts.DueSoon}
	lw := 0
	for _, n := range names {
		lw = max(lw, components.AnsiWidth(n))
	}
	counters := make([]string, len(names))
	for i, n := range names {
		counters[i] = components.PadRight(n, lw) + s.App.Counter.Render(components.PadLeft(num(values[i]), 7))
	}
	if p.width >= 100 {
		lines = append(lines, "  "+counters[0]+"    "+counters[1], "  "+counters[2]+"    "+counters[3])
	} else {
		for _, l := range counters {
			lines = append(lines, "  "+l)
		}
	}
	if p.loaded && p.counts.UrgentOverdue > 0 {
		lines = append(lines, "  "+s.App.StatusWarn.Render(c.Tf(lblHomeUrgentOverdue, p.counts.UrgentOverdue)))
	}
	for _, l := range []string{p.follow, p.warns} {
		if l != "" {
			lines = append(lines, "  "+s.App.StatusWarn.Render(l))
		}
	}
	lines = append(lines, "")
	p.menuTop = len(lines)
	for i, it := range p.items {
		label := fmt.Sprintf("%s  %s", it.binding.Help().Key, components.PadRight(c.T(it.label), 16))
		if !it.enabled {
			label += "  " + c.T(lblHomeUnavailable)
		}
		st := s.App.MenuItem
		switch {
		case i == p.cursor:
			st = s.App.MenuActive
		case !it.enabled:
			st = s.App.MenuOff
		}
		prefix := "   "
		if i == p.cursor {
			prefix = " > "
		}
		lines = append(lines, prefix+st.Render(" "+label+" "))
	}
	if p.draft != "" {
		lines = append(lines, "", "  "+s.App.StatusWarn.Render(p.draft))
	}
	return components.FitHeight(components.FitBlock(lines, p.width), p.height)
}

// dateLabel is today's date with the weekday, in the current language.
func dateLabel(c *common.Common, d casefile.Date) string {
	wd := d.Time(nil).Weekday()
	if c.EN() {
		return c.T(casefile.WeekdayLabel(wd)) + " " + d.String()
	}
	return d.Chinese() + " " + c.T(casefile.WeekdayLabel(wd))
}

func (p *homePage) ShortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.Up, k.Open, k.Intake, k.Queue}
}

func (p *homePage) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{{k.Up, k.Open}, {k.Intake, k.Queue, k.Meeting, k.Print, k.Reports, k.Notice, k.Review}}
}
