// Package reports is the front desk's statistics screen (统计报表): the
// department contribution report of a period as a table with Lip Gloss
// bars, and the cases behind a department's figures (drill-down; enter
// opens one in the dossier).
//
// It reads the report through a narrow Store (NewStore over a
// *casefile.Store) inside a command; it never writes and never opens a
// transaction itself.
package reports

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/report"
	"github.com/rongjiuzhu/hall/tui/common"
)

// Store is what the screen asks of the case file.
type Store interface {
	// DepartmentReport builds the department contribution report of p.
	DepartmentReport(p report.Period) (*report.Departments, error)
	DiscoverStore
}

// NewStore serves the screen from st.
func NewStore(st *casefile.Store) Store { return storeOf{st} }

type storeOf struct{ st *casefile.Store }

func (s storeOf) DepartmentReport(p report.Period) (*report.Departments, error) {
	var rep *report.Departments
	err := s.st.View(func(t *casefile.Tx) error {
		var err error
		rep, err = report.Build(t, p, report.Options{})
		return err
	})
	return rep, err
}

// span is the kind of period the screen shows.
type span int

const (
	spanYear span = iota
	spanQuarter
	spanMonth
)

// metric is what the bars measure.
type metric int

const (
	metricReceived metric = iota
	metricOneOff
	metricMonthly
	metricWorkdays
	metricCount
)

// Keys are the screen's keys.
type Keys struct {
	Up, Down, Open, Back key.Binding
	Prev, Next, Span     key.Binding
	Bars                 key.Binding
	Tab                  key.Binding
}

func newKeys(c *common.Common) Keys {
	b := c.Bind
	return Keys{
		Up:   b("up/down", lblKeyMove, "up", "k"),
		Down: b("down", lblKeyMove, "down", "j"),
		Open: b("enter", lblKeyOpen, "enter"),
		Back: c.Keys.Global.Back,
		Prev: b("[/]", lblKeyPeriod, "["),
		Next: b("]", lblKeyPeriod, "]"),
		Span: b("p", lblKeySpan, "p"),
		Bars: b("b", lblKeyBars, "b"),
		Tab:  b("tab", lblKeyTab, "tab"),
	}
}

// Page is the statistics screen.
type Page struct {
	c      *common.Common
	store  Store
	keys   Keys
	span   span
	anchor casefile.Date // a day inside the period shown
	rep    *report.Departments
	sig    int // drops a stale report
	err    error
	loaded bool
	cursor int // row: departments, then the county
	top    int
	drill  bool // the cases behind the row are shown
	dcur   int
	dtop   int
	metric metric
	w, h   int
	st     common.StatusLine
	// found is the discovery list, shown instead of the report while
	// finding is set (tab switches).
	found   *discoverView
	finding bool
}

// New builds the screen over store; it shows the current year's report.
func New(c *common.Common, store Store) *Page {
	p := &Page{c: c, store: store, keys: newKeys(c)}
	p.found = newDiscoverView(c, store, &p.st)
	return p
}

// period is the period shown.
func (p *Page) period() report.Period {
	if p.anchor.IsZero() {
		p.anchor = p.c.Today()
	}
	a := p.anchor
	switch p.span {
	case spanQuarter:
		return report.Quarter(a.Year, (int(a.Month)-1)/3+1)
	case spanMonth:
		return report.Month(a.Year, a.Month)
	}
	return report.Year(a.Year)
}

// move moves the period by n of its spans.
func (p *Page) move(n int) {
	p.period()
	t := time.Date(p.anchor.Year, p.anchor.Month, 1, 0, 0, 0, 0, time.UTC)
	switch p.span {
	case spanYear:
		t = t.AddDate(n, 0, 0)
	case spanQuarter:
		t = t.AddDate(0, 3*n, 0)
	default:
		t = t.AddDate(0, n, 0)
	}
	p.anchor = casefile.DateOf(t)
}

// reportLoadedMsg carries a built report.
type reportLoadedMsg struct {
	sig int
	rep *report.Departments
	err error
}

// load builds the report of the period shown.
func (p *Page) load() tea.Cmd {
	p.sig++
	sig, store, per := p.sig, p.store, p.period()
	return func() tea.Msg {
		rep, err := store.DepartmentReport(per)
		return reportLoadedMsg{sig: sig, rep: rep, err: err}
	}
}

// Enter loads the report, or the discovery list.
func (p *Page) Enter() tea.Cmd {
	if p.finding {
		return p.found.load()
	}
	return p.load()
}

// Title names the screen.
func (p *Page) Title() string { return p.c.T(lblTitle) }

// SetSize gives the screen its area.
func (p *Page) SetSize(w, h int) { p.w, p.h = w, h }

// Status is the screen's message line.
func (p *Page) Status() (string, common.Level) { return p.st.Text, p.st.Level }

// Dirty: the screen holds nothing unsaved.
func (p *Page) Dirty() bool { return false }

// Typing: no key is text here.
func (p *Page) Typing() bool { return false }

// Update handles the report's arrival and the keys.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reportLoadedMsg:
		if msg.sig != p.sig {
			return nil
		}
		p.loaded, p.err = true, msg.err
		if msg.err != nil {
			p.st.Set(p.c.Tf(lblErrLoad, p.c.Msg(msg.err)), common.LevelError)
			return nil
		}
		p.rep = msg.rep
		p.cursor = min(p.cursor, len(p.rep.Rows))
		p.st.Clear()
	case foundMsg, appliedMsg:
		return p.found.update(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, p.keys.Tab) {
			p.finding = !p.finding
			p.st.Clear()
			return p.Enter()
		}
		if p.finding {
			if key.Matches(msg, p.keys.Back) {
				return common.GoBack
			}
			return p.found.update(msg)
		}
		return p.handleKey(msg)
	}
	return nil
}

// rows are the table's rows: every department, then the county.
func (p *Page) rows() []report.DeptRow {
	if p.rep == nil {
		return nil
	}
	return append(append([]report.DeptRow(nil), p.rep.Rows...), p.rep.County)
}

func (p *Page) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Back):
		if p.drill {
			p.drill = false
			return nil
		}
		return common.GoBack
	case key.Matches(msg, k.Up):
		p.step(-1)
	case key.Matches(msg, k.Down):
		p.step(1)
	case key.Matches(msg, k.Open):
		return p.open()
	case key.Matches(msg, k.Prev):
		p.move(-1)
		p.drill = false
		return p.load()
	case key.Matches(msg, k.Next):
		p.move(1)
		p.drill = false
		return p.load()
	case key.Matches(msg, k.Span):
		p.span = (p.span + 1) % 3
		p.drill = false
		return p.load()
	case key.Matches(msg, k.Bars):
		p.metric = (p.metric + 1) % metricCount
	}
	return nil
}

func (p *Page) step(d int) {
	rows := p.rows()
	if len(rows) == 0 {
		return
	}
	if p.drill {
		n := len(rows[p.cursor].Cases)
		if n > 0 {
			p.dcur = (p.dcur + d + n) % n
		}
		return
	}
	p.cursor = (p.cursor + d + len(rows)) % len(rows)
}

// open drills into the selected row, or opens the selected case.
func (p *Page) open() tea.Cmd {
	rows := p.rows()
	if len(rows) == 0 {
		return nil
	}
	if !p.drill {
		if len(rows[p.cursor].Cases) == 0 {
			p.st.Set(p.c.T(lblNoCases), common.LevelWarn)
			return nil
		}
		p.drill, p.dcur, p.dtop = true, 0, 0
		p.st.Clear()
		return nil
	}
	cs := rows[p.cursor].Cases
	if p.dcur < len(cs) {
		return common.Navigate(common.PageDossier, cs[p.dcur].Number)
	}
	return nil
}

// ShortHelp lists the live keys.
func (p *Page) ShortHelp() []key.Binding {
	k := p.keys
	if p.finding {
		f := p.found.keys
		return []key.Binding{f.Up, f.Filter, f.Apply, k.Tab}
	}
	if p.drill {
		return []key.Binding{k.Up, k.Open, k.Back}
	}
	return []key.Binding{k.Up, k.Open, k.Prev, k.Span, k.Bars, k.Tab}
}

// FullHelp lists every key.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.keys
	if p.finding {
		f := p.found.keys
		return [][]key.Binding{{f.Up, f.Filter, f.Apply}, {k.Tab, k.Back}}
	}
	return [][]key.Binding{{k.Up, k.Open, k.Back}, {k.Prev, k.Span, k.Bars, k.Tab}}
}
