package frontdesk

// After the decision: the public-notice page (公示: the approvals waiting
// on their notice, with the days left) and the review worklist (复核: the
// running aids due for review). Both are read-only lists; enter opens the
// case's dossier.

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// LifeStore lists what happens after the decision. NewStore satisfies
// it; a store without it shows the pages empty.
type LifeStore interface {
	// OnNotice lists the cases on public notice, the notice ending
	// first first, then those whose termination is on notice.
	OnNotice() ([]*casefile.Case, error)
	// ReviewsDue lists the running aids due for review on or before
	// before, the earliest first.
	ReviewsDue(before casefile.Date) ([]casefile.ReviewDue, error)
	// StartReview opens the review case of a running aid.
	StartReview(number, why, who string) (*casefile.Case, error)
	// CloseNotices makes the approvals whose notice has ended take
	// effect.
	CloseNotices(who string) ([]*casefile.Case, error)
}

func (s *caseFile) CloseNotices(who string) ([]*casefile.Case, error) {
	cs, err := s.st.CloseNotices(who)
	for _, c := range cs {
		s.wrote(who, ChangeMove, c.Number)
	}
	return cs, err
}

func (s *caseFile) OnNotice() (out []*casefile.Case, err error) {
	err = s.st.View(func(t *casefile.Tx) (err error) {
		if out, err = t.OnNotice(); err != nil {
			return err
		}
		stops, err := t.StopNotices(casefile.DateOf(t.Now()))
		out = append(out, stops...)
		return err
	})
	return out, err
}

func (s *caseFile) StartReview(number, why, who string) (*casefile.Case, error) {
	c, err := s.st.StartReview(number, why, who)
	if err == nil {
		s.wrote(who, ChangeIntake, c.Number)
	}
	return c, err
}

func (s *caseFile) ReviewsDue(before casefile.Date) (out []casefile.ReviewDue, err error) {
	err = s.st.View(func(t *casefile.Tx) (err error) {
		out, err = t.ReviewsDue(before)
		return err
	})
	return out, err
}

// The labels of the two pages.
var (
	lblNoticeTitle      = casefile.Text{ZH: "公示", EN: "Public notice"}
	lblNoticeIntro      = casefile.Text{ZH: "研判会批准、须先公示的案件和特困供养的终止（%d 天）；期满无异议后生效，方可出具文书", EN: "Approvals that must first be noticed, and endings of extreme-poverty support (%d days); they take effect when the notice ends without objection"}
	lblNoticeNone       = casefile.Text{ZH: "没有公示中的案件", EN: "No case is on public notice"}
	lblNoticeCount      = casefile.Text{ZH: "公示中 %d 件：今日期满 %d 件，已期满待生效 %d 件", EN: "%d on notice: %d ending today, %d ended"}
	lblNoticeDaysLeft   = casefile.Text{ZH: "剩 %d 天", EN: "%d days left"}
	lblNoticeLastDay    = casefile.Text{ZH: "今日期满", EN: "last day"}
	lblNoticeEnded      = casefile.Text{ZH: "已期满待生效", EN: "ended"}
	lblNoticeColCase    = casefile.Text{ZH: "案件编号", EN: "Case"}
	lblNoticeColName    = casefile.Text{ZH: "姓名", EN: "Name"}
	lblNoticeColID      = casefile.Text{ZH: "身份证号", EN: "ID number"}
	lblNoticeColFrom    = casefile.Text{ZH: "公示期", EN: "Notice"}
	lblNoticeColLeft    = casefile.Text{ZH: "剩余", EN: "Left"}
	lblNoticeColProj    = casefile.Text{ZH: "救助项目", EN: "Projects"}
	lblNoticeColObj     = casefile.Text{ZH: "异议", EN: "Obj."}
	lblNoticeColSession = casefile.Text{ZH: "研判会", EN: "Meeting"}
	lblNoticeStop       = casefile.Text{ZH: "终止供养", EN: "ending"}

	lblReviewTitle   = casefile.Text{ZH: "复核", EN: "Reviews"}
	lblReviewIntro   = casefile.Text{ZH: "%s 前到期的复核：稳定家庭每 %d 个月，有劳动能力成员的家庭每 %d 个月", EN: "Reviews due by %s: stable households every %d months, households with a member able to work every %d"}
	lblReviewNone    = casefile.Text{ZH: "没有到期的复核", EN: "No review is due"}
	lblReviewCount   = casefile.Text{ZH: "到期 %d 户，其中逾期 %d 户、复核中 %d 户", EN: "%d due, %d overdue, %d in review"}
	lblReviewColDue  = casefile.Text{ZH: "复核日期", EN: "Due"}
	lblReviewColAid  = casefile.Text{ZH: "每月金额", EN: "Monthly"}
	lblReviewColCyc  = casefile.Text{ZH: "周期", EN: "Every"}
	lblReviewColSt   = casefile.Text{ZH: "状态", EN: "State"}
	lblReviewMonths  = casefile.Text{ZH: "%d 个月", EN: "%d months"}
	lblReviewOverdue = casefile.Text{ZH: "已逾期", EN: "overdue"}
	lblReviewIn      = casefile.Text{ZH: "复核中 %s", EN: "in review %s"}
	lblReviewStarted = casefile.Text{ZH: "已开始复核：复核案件 %s，补充核查后提交研判", EN: "Review started: case %s; add the evidence, then send it to the meeting"}
	lblReviewFoot    = casefile.Text{ZH: "复核以当前家庭情况新建复核案件，重新核对后经研判会研判", EN: "A review opens a case with the current household, checked again and decided by the meeting"}
	lblLifeLoadFail  = casefile.Text{ZH: "无法读取：%s", EN: "Cannot read: %s"}
	lblNoticeClosed  = casefile.Text{ZH: "%d 件公示期满，批准生效，可出具决定书", EN: "%d notices ended: the approvals took effect and their letters can be issued"}

	lblHomeUrgentOverdue = casefile.Text{ZH: "先行救助逾期未补手续：%d 件", EN: "Emergency payments with papers overdue: %d"}
)

// lifeList is what both pages share: a table of rows with a case number
// each, a cursor, enter to open the dossier and esc to go back.
type lifeList struct {
	c      *common.Common
	store  LifeStore
	table  components.Table
	cases  []string
	st     common.StatusLine
	width  int
	height int
	top    int // the line the table starts on (for clicks)
}

func (l *lifeList) Status() (string, common.Level) { return l.st.Text, l.st.Level }
func (l *lifeList) Dirty() bool                    { return false }
func (l *lifeList) Typing() bool                   { return false }
func (l *lifeList) SetSize(w, h int)               { l.width, l.height = w, h }

func (l *lifeList) keys() common.QueueKeys {
	k := l.c.Keys.Queue // a copy
	k.Open.SetEnabled(len(l.cases) > 0)
	return k
}

func (l *lifeList) ShortHelp() []key.Binding {
	k := l.keys()
	return []key.Binding{k.Up, k.Open, l.c.Keys.Global.Back}
}

func (l *lifeList) FullHelp() [][]key.Binding {
	k := l.keys()
	g := l.c.Keys.Global
	return [][]key.Binding{{k.Up, k.Down, k.Open}, {g.Back, g.Help, g.Quit}}
}

// handle moves the cursor, opens a case or goes back.
func (l *lifeList) handle(msg tea.Msg) tea.Cmd {
	k := l.keys()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			l.table.Cursor = max(0, l.table.Cursor-1)
		case key.Matches(msg, k.Down):
			l.table.Cursor = min(len(l.cases)-1, l.table.Cursor+1)
		case key.Matches(msg, k.Open):
			if l.table.Cursor < len(l.cases) {
				return common.Navigate(common.PageDossier, l.cases[l.table.Cursor])
			}
		case key.Matches(msg, l.c.Keys.Global.Back):
			return common.GoBack
		}
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			if i := l.table.RowAt(msg.Y - l.top); i >= 0 && i < len(l.cases) {
				l.table.Cursor = i
				return common.Navigate(common.PageDossier, l.cases[i])
			}
		}
	}
	return nil
}

// view draws the intro lines, the table (or none), and a foot line.
func (l *lifeList) view(intro []string, empty, foot string) string {
	s := l.c.Styles
	lines := []string{""}
	for _, in := range intro {
		for _, w := range components.Wrap(in, max(10, l.width-4)) {
			lines = append(lines, "  "+s.App.Muted.Render(w))
		}
	}
	lines = append(lines, "")
	l.top = len(lines)
	if len(l.cases) == 0 {
		lines = append(lines, "  "+empty)
	} else {
		l.table.Width = max(20, l.width-4)
		l.table.Height = max(1, min(len(l.cases), l.height-len(lines)-3))
		for _, tl := range strings.Split(l.table.View(s), "\n") {
			lines = append(lines, "  "+tl)
		}
	}
	if foot != "" {
		lines = append(lines, "", "  "+s.App.Muted.Render(foot))
	}
	return components.FitHeight(components.FitBlock(lines, l.width), l.height)
}

// noticePage lists the cases on public notice with the days left.
type noticePage struct {
	lifeList
	rows   []*casefile.Case
	loaded bool
}

type noticesClosedMsg struct {
	n   int
	err error
}

// closeKey is the notice page's key to make the ended notices take
// effect: on when one has ended and the user may move cases.
func (p *noticePage) closeKey() key.Binding {
	b := p.c.Keys.Notice.Close // a copy
	ended := false
	for _, cs := range p.rows {
		if n := cs.OpenNotice(); n != nil && n.DaysLeft(p.c.Today()) == 0 {
			ended = true
		}
	}
	b.SetEnabled(p.store != nil && ended && p.c.Can(casefile.PermMove))
	return b
}

func (p *noticePage) ShortHelp() []key.Binding {
	k := p.keys()
	return []key.Binding{k.Up, k.Open, p.closeKey(), p.c.Keys.Global.Back}
}

func (p *noticePage) FullHelp() [][]key.Binding {
	k := p.keys()
	g := p.c.Keys.Global
	return [][]key.Binding{{k.Up, k.Down, k.Open, p.closeKey()}, {g.Back, g.Help, g.Quit}}
}

type noticeLoadedMsg struct {
	cases []*casefile.Case
	err   error
}

func newNoticePage(c *common.Common, store Store) *noticePage {
	p := &noticePage{lifeList: lifeList{c: c}}
	p.store, _ = store.(LifeStore)
	return p
}

func (p *noticePage) Title() string { return p.c.T(lblNoticeTitle) }

func (p *noticePage) Enter() tea.Cmd {
	store := p.store
	if store == nil {
		return nil
	}
	return func() tea.Msg {
		cs, err := store.OnNotice()
		return noticeLoadedMsg{cs, err}
	}
}

func (p *noticePage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case noticeLoadedMsg:
		if msg.err != nil {
			p.st.Set(p.c.Tf(lblLifeLoadFail, p.c.Msg(msg.err)), common.LevelError)
			return nil
		}
		p.rows, p.loaded = msg.cases, true
		return nil
	case noticesClosedMsg:
		if msg.err != nil {
			p.st.Set(p.c.Msg(msg.err), common.LevelError)
			return nil
		}
		p.st.Set(p.c.Tf(lblNoticeClosed, msg.n), common.LevelOK)
		return p.Enter()
	case ChangedMsg:
		return p.Enter()
	case tea.KeyPressMsg:
		if key.Matches(msg, p.closeKey()) {
			store, who := p.store, p.c.User
			return func() tea.Msg {
				cs, err := store.CloseNotices(who)
				return noticesClosedMsg{len(cs), err}
			}
		}
	}
	return p.handle(msg)
}

// fill builds the table's rows: the days left on today, in warning
// colour on the last day and after.
func (p *noticePage) fill() {
	c := p.c
	today := c.Today()
	wide := p.width >= 100 // room for the masked ID number
	p.table.Cols = []components.Column{{Title: c.T(lblNoticeColCase), Width: 12}, {Title: c.T(lblNoticeColName), Width: 8}}
	if wide {
		p.table.Cols = append(p.table.Cols, components.Column{Title: c.T(lblNoticeColID), Width: 18})
	}
	p.table.Cols = append(p.table.Cols, components.Column{Title: c.T(lblNoticeColSession), Width: 10},
		components.Column{Title: c.T(lblNoticeColFrom), Width: 11}, components.Column{Title: c.T(lblNoticeColLeft), Width: 12},
		components.Column{Title: c.T(lblNoticeColObj), Width: 4}, components.Column{Title: c.T(lblNoticeColProj), Flex: 1})
	var rows [][]string
	var warn []bool
	p.cases = p.cases[:0]
	for _, cs := range p.rows {
		n := cs.OpenNotice()
		var stop *casefile.AidChange
		if n == nil {
			if stop = cs.StopNotice(today); stop == nil {
				continue
			}
			n = stop.Notice
		}
		left := n.DaysLeft(today)
		var leftText string
		switch left {
		case 0:
			leftText = c.T(lblNoticeEnded)
		case 1:
			leftText = c.T(lblNoticeLastDay)
		default:
			leftText = c.Tf(lblNoticeDaysLeft, left)
		}
		var projects []string
		for _, a := range cs.Apps {
			if stop != nil && a.Project != stop.Project {
				continue
			}
			if a.Outcome == casefile.OutcomeGranted {
				name := a.Project
				if pr := c.Catalog.Project(a.Project); pr != nil {
					name = pr.Label(c.Lang)
				}
				projects = append(projects, name)
			}
		}
		objections := 0
		if cs.Life != nil {
			objections = len(cs.Life.Objections)
		}
		row := []string{cs.Number, cs.Applicant.Name}
		if wide {
			row = append(row, cs.Applicant.MaskedDoc())
		}
		session := n.Session
		if stop != nil {
			session = c.T(lblNoticeStop)
		}
		rows = append(rows, append(row, session, n.From.String()[5:]+"–"+n.Until.String()[5:], leftText,
			fmt.Sprint(objections), strings.Join(projects, ", ")))
		warn = append(warn, left <= 1)
		p.cases = append(p.cases, cs.Number)
	}
	p.table.SetRows(rows, warn)
}

func (p *noticePage) View() string {
	c := p.c
	p.fill()
	intro := []string{c.Tf(lblNoticeIntro, c.Catalog.County.NoticeDays)}
	if p.loaded {
		ending, ended := 0, 0
		for _, cs := range p.rows {
			if n := cs.OpenNotice(); n != nil {
				switch n.DaysLeft(c.Today()) {
				case 0:
					ended++
				case 1:
					ending++
				}
			}
		}
		intro = append(intro, c.Tf(lblNoticeCount, len(p.cases), ending, ended))
	}
	return p.view(intro, c.T(lblNoticeNone), "")
}

// reviewPage is the worklist of the running aids due for review within
// the next month.
type reviewPage struct {
	lifeList
	due    []casefile.ReviewDue
	before casefile.Date
	loaded bool
}

type reviewStartedMsg struct {
	c   *casefile.Case
	err error
}

// startKey is the review page's key to start the chosen case's review.
func (p *reviewPage) startKey() key.Binding {
	b := p.c.Keys.Review.Start // a copy
	i := p.table.Cursor
	b.SetEnabled(p.store != nil && p.c.Can(casefile.PermIntake) && i < len(p.due) && p.due[i].InReview == "")
	return b
}

func (p *reviewPage) ShortHelp() []key.Binding {
	k := p.keys()
	return []key.Binding{k.Up, k.Open, p.startKey(), p.c.Keys.Global.Back}
}

func (p *reviewPage) FullHelp() [][]key.Binding {
	k := p.keys()
	g := p.c.Keys.Global
	return [][]key.Binding{{k.Up, k.Down, k.Open, p.startKey()}, {g.Back, g.Help, g.Quit}}
}

type reviewsLoadedMsg struct {
	due []casefile.ReviewDue
	err error
}

func newReviewPage(c *common.Common, store Store) *reviewPage {
	p := &reviewPage{lifeList: lifeList{c: c}}
	p.store, _ = store.(LifeStore)
	return p
}

func (p *reviewPage) Title() string { return p.c.T(lblReviewTitle) }

// reviewHorizon is how far ahead the worklist looks: a month.
const reviewHorizon = 30

func (p *reviewPage) Enter() tea.Cmd {
	store := p.store
	if store == nil {
		return nil
	}
	p.before = p.c.Today().AddDays(reviewHorizon)
	before := p.before
	return func() tea.Msg {
		due, err := store.ReviewsDue(before)
		return reviewsLoadedMsg{due, err}
	}
}

func (p *reviewPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reviewsLoadedMsg:
		if msg.err != nil {
			p.st.Set(p.c.Tf(lblLifeLoadFail, p.c.Msg(msg.err)), common.LevelError)
			return nil
		}
		p.due, p.loaded = msg.due, true
		return nil
	case reviewStartedMsg:
		if msg.err != nil {
			p.st.Set(p.c.Msg(msg.err), common.LevelError)
			return nil
		}
		p.st.Set(p.c.Tf(lblReviewStarted, msg.c.Number), common.LevelOK)
		return tea.Batch(p.Enter(), common.Navigate(common.PageDossier, msg.c.Number))
	case ChangedMsg:
		return p.Enter()
	case tea.KeyPressMsg:
		if b := p.startKey(); key.Matches(msg, b) {
			store, number, who := p.store, p.due[p.table.Cursor].Case, p.c.User
			return func() tea.Msg {
				c, err := store.StartReview(number, "", who)
				return reviewStartedMsg{c, err}
			}
		}
	}
	return p.handle(msg)
}

func (p *reviewPage) fill() {
	c := p.c
	wide := p.width >= 100 // room for the masked ID number
	stateW := 12
	if wide {
		stateW = 22
	}
	p.table.Cols = []components.Column{{Title: c.T(lblReviewColDue), Width: 10}, {Title: c.T(lblNoticeColCase), Width: 12},
		{Title: c.T(lblNoticeColName), Width: 8}}
	if wide {
		p.table.Cols = append(p.table.Cols, components.Column{Title: c.T(lblNoticeColID), Width: 18})
	}
	p.table.Cols = append(p.table.Cols, components.Column{Title: c.T(lblReviewColAid), Width: 10},
		components.Column{Title: c.T(lblReviewColCyc), Width: 9}, components.Column{Title: c.T(lblNoticeColProj), Flex: 1},
		components.Column{Title: c.T(lblReviewColSt), Width: stateW})
	var rows [][]string
	var warn []bool
	p.cases = p.cases[:0]
	for _, d := range p.due {
		state := ""
		switch {
		case d.InReview != "":
			state = c.Tf(lblReviewIn, d.InReview)
		case d.Overdue:
			state = c.T(lblReviewOverdue)
		}
		var projects []string
		for _, code := range d.Projects {
			name := code
			if pr := c.Catalog.Project(code); pr != nil {
				name = pr.Label(c.Lang)
			}
			projects = append(projects, name)
		}
		row := []string{d.Due.String(), d.Case, d.Name}
		if wide {
			row = append(row, d.MaskedID)
		}
		rows = append(rows, append(row, components.PadLeft(d.Monthly.Grouped(), 10),
			c.Tf(lblReviewMonths, d.Months), strings.Join(projects, ", "), state))
		warn = append(warn, d.Overdue && d.InReview == "")
		p.cases = append(p.cases, d.Case)
	}
	p.table.SetRows(rows, warn)
}

func (p *reviewPage) View() string {
	c := p.c
	p.fill()
	county := c.Catalog.County
	before := p.before
	if before.IsZero() {
		before = c.Today().AddDays(reviewHorizon)
	}
	intro := []string{c.Tf(lblReviewIntro, before, county.ReviewMonths, county.ReviewMonthsWorking)}
	if p.loaded {
		overdue, in := 0, 0
		for _, d := range p.due {
			if d.InReview != "" {
				in++
			} else if d.Overdue {
				overdue++
			}
		}
		intro = append(intro, c.Tf(lblReviewCount, len(p.due), overdue, in))
	}
	return p.view(intro, c.T(lblReviewNone), c.T(lblReviewFoot))
}
