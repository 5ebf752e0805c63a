package frontdesk

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// QueueStore's page size is the number of visible rows: the queue never
// loads more than one screen of cases, so it stays quick with a million.

// Queue filter slots: the search box, then four filter chips.
const (
	qSearch = iota
	qStatus
	qDept
	qProject
	qDue
	qSlots
)

// queueRow is what one table row shows, copied out of the case.
type queueRow struct {
	number   string
	name     string
	id       string // masked
	projects string
	status   string
	deadline string
	near     bool
}

// queuePage is the table of cases: search as you type, filters, pages
// fetched from the store one screen at a time.
type queuePage struct {
	c      *common.Common
	store  QueueStore
	counts HomeStore
	search textinput.Model
	slot   int

	status  casefile.Status
	dept    string
	project string
	due     bool

	tbl    components.Table
	rows   []queueRow
	starts []uint64 // the After cursor of every page up to the current one
	next   uint64
	gen    int
	want   int    // cursor to put on the page being loaded (-1: last row)
	keep   string // case to keep the cursor on when it is still on the page

	loading bool
	// cancel stops the load in flight: a keystroke makes the search
	// before it stale, and its walk of the store stops at once.
	cancel context.CancelFunc
	// changed is set when another desk wrote while a load was in
	// flight: the page is loaded again when that one lands, so a stream
	// of writes never keeps the rows from coming.
	changed bool
	entered bool // shown at least once
	limit   int  // page size of the last load
	total   int  // -1 when unknown
	// totalExact is false when total is only a lower bound (a search that
	// found more people than it reads)
	totalExact bool
	// counted is the store's counters as of the last load that read them,
	// nil when they may be stale (another desk wrote, the page was left):
	// erasing the search back to empty costs no count.
	counted *casefile.Counts
	st      common.StatusLine
	width   int
	height  int
	spans   [][2]int // filter chips on line 1
}

func newQueuePage(c *common.Common, store QueueStore, counts HomeStore) *queuePage {
	in := textinput.New()
	in.Prompt = ""
	in.SetStyles(c.Styles.Editor)
	in.CharLimit = 40
	in.Focus()
	q := &queuePage{c: c, store: store, counts: counts, search: in, starts: []uint64{0}, total: -1}
	q.tbl.Cols = q.columns()
	return q
}

func (q *queuePage) columns() []components.Column {
	c := q.c
	return []components.Column{
		{Title: c.T(lblQueueColNumber), Width: 11},
		{Title: c.T(lblQueueColName), Width: 8},
		{Title: c.T(lblQueueColId), Width: 18},
		{Title: c.T(lblQueueColProjects), Width: 8, Flex: 1},
		{Title: c.T(lblQueueColStatus), Width: 9},
		{Title: c.T(lblQueueColDeadline), Width: 12},
	}
}

// keepTotal in casesLoadedMsg.total keeps the count of the first page.
const keepTotal = -2

// casesLoadedMsg carries one page of the queue.
type casesLoadedMsg struct {
	gen     int
	after   uint64
	rows    []queueRow
	next    uint64
	total   int
	counted *casefile.Counts // counters read by this load, if any
	err     error
}

// caseCounter is a queue store that counts what a filter matches without
// reading the cases (casefile.Tx.CountCases).
type caseCounter interface {
	CountCases(f casefile.CaseFilter) (n int, exact bool, err error)
}

// casesCountedMsg carries the total of a search or a project or
// department filter, counted after its first page is shown.
type casesCountedMsg struct {
	gen   int
	n     int
	exact bool // false: at least n
}

// lblQueueTotalAtLeast is the footer's total of a search that found more
// people than a search reads.
var lblQueueTotalAtLeast = casefile.Text{ZH: "，至少 %d 件", EN: " of %d or more"}

// count counts, after the first page is shown, what the search or the
// filter matches, when the index alone decides it; the next load cancels
// it. A whole ID number is not counted (it is answered by role).
func (q *queuePage) count() tea.Cmd {
	counter, ok := q.store.(caseCounter)
	f := q.filter()
	if _, full := casefile.FullIDQuery(f.Query); !ok || full || (f.Query == "" && f.Project == "" && f.Department == "") {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	q.cancel = cancel
	f.Ctx = ctx
	gen := q.gen
	return func() tea.Msg {
		n, exact, err := counter.CountCases(f)
		if err != nil || n < 0 || ctx.Err() != nil {
			return nil
		}
		return casesCountedMsg{gen: gen, n: n, exact: exact}
	}
}

// filter is the store filter for the current search and chips: one
// screen of rows, each case decoded only as far as its row shows (Brief).
func (q *queuePage) filter() casefile.CaseFilter {
	f := casefile.CaseFilter{Status: q.status, Department: q.dept, Project: q.project,
		Query: strings.TrimSpace(q.search.Value()), Limit: max(q.tbl.Height, 1), Brief: true}
	if q.due {
		f.DueWithin = q.c.Catalog.County.DeadlineWarnDays
	}
	return f
}

// load fetches the page that starts after cursor after; the rows are
// copied out of the cases inside the command. The load before it, if
// still running, is cancelled: its walk stops and its result is dropped.
func (q *queuePage) load(after uint64, want int) tea.Cmd {
	q.gen++
	q.want, q.keep = want, ""
	q.loading, q.changed = true, false
	if q.cancel != nil {
		q.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	q.cancel = cancel
	gen, f, c := q.gen, q.filter(), q.c
	f.After, f.Ctx = after, ctx
	q.limit = f.Limit
	store, counts, counted := q.store, q.counts, q.counted
	today := c.Today()
	return func() tea.Msg {
		if ctx.Err() != nil {
			return nil // typed over before it started
		}
		cases, next, err := store.Cases(f)
		if ctx.Err() != nil {
			return nil // typed over while it ran: nothing to show
		}
		msg := casesLoadedMsg{gen: gen, after: after, next: next, err: err, total: -1}
		for _, cs := range cases {
			msg.rows = append(msg.rows, rowOf(c, cs, today))
		}
		switch {
		case after != 0:
			msg.total = keepTotal // counted with the first page
		case err == nil && f.Query == "" && f.Department == "" && f.Project == "" && f.DueWithin == 0:
			if counted == nil {
				if n, err := counts.Counts(); err == nil {
					counted, msg.counted = &n, &n
				}
			}
			if counted != nil {
				msg.total = counted.Total
				if f.Status != "" {
					msg.total = counted.ByStatus[f.Status]
				}
			}
		}
		return msg
	}
}

func rowOf(c *common.Common, cs *casefile.Case, today casefile.Date) queueRow {
	codes := make([]string, len(cs.Apps))
	for i, a := range cs.Apps {
		codes[i] = a.Project
	}
	projects := strings.Join(codes, ",")
	if len(cs.Apps) == 1 {
		projects = codes[0] + " " + c.ProjectName(codes[0])
	}
	return queueRow{number: cs.Number, name: cs.Applicant.Name, id: casefile.MaskID(cs.Applicant.DocNumber),
		projects: projects, status: cs.Status.Label(c.Lang), deadline: cs.Deadline.String(),
		near: c.Catalog.DeadlineNear(cs, today)}
}

// reload starts again from the first page.
func (q *queuePage) reload() tea.Cmd {
	q.starts = []uint64{0}
	return q.load(0, 0)
}

func (q *queuePage) Enter() tea.Cmd {
	q.entered = true
	q.counted = nil
	// back from a dossier: the same page, fresh
	return q.load(q.starts[len(q.starts)-1], q.tbl.Cursor)
}

func (q *queuePage) Title() string { return q.c.T(lblQueueTitle) }

func (q *queuePage) Status() (string, common.Level) { return q.st.Text, q.st.Level }

func (q *queuePage) Dirty() bool { return false }

func (q *queuePage) Typing() bool { return q.slot == qSearch }

func (q *queuePage) SetSize(w, h int) {
	q.width, q.height = w, h
	q.tbl.Width = w
	q.tbl.Height = max(h-4, 1)
	q.search.SetWidth(min(30, max(w-40, 10)))
}

func (q *queuePage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case casesLoadedMsg:
		return q.onLoaded(msg)
	case casesCountedMsg:
		if msg.gen == q.gen && !q.loading {
			q.total, q.totalExact = msg.n, msg.exact
			if q.cancel != nil {
				q.cancel()
				q.cancel = nil
			}
		}
	case ChangedMsg:
		// the same page again, with what other terminals changed, the
		// cursor staying on its case; a load in flight is let finish
		// (it is loaded again when it lands)
		q.counted = nil
		if q.loading {
			q.changed = true
			return nil
		}
		return q.refresh()
	case tea.WindowSizeMsg:
		// the root has already called SetSize; fetch a page of the new size
		if q.entered && q.limit != q.tbl.Height {
			return q.load(q.starts[len(q.starts)-1], q.tbl.Cursor)
		}
	case tea.KeyPressMsg:
		return q.handleKey(msg)
	case tea.PasteMsg:
		q.slot = qSearch
		return q.typeSearch(msg)
	case tea.MouseClickMsg:
		return q.handleClick(msg)
	}
	return nil
}

// refresh loads the page shown again, the cursor staying on its case.
func (q *queuePage) refresh() tea.Cmd {
	cmd := q.load(q.starts[len(q.starts)-1], q.tbl.Cursor)
	if q.tbl.Cursor < len(q.rows) {
		q.keep = q.rows[q.tbl.Cursor].number
	}
	return cmd
}

func (q *queuePage) onLoaded(msg casesLoadedMsg) tea.Cmd {
	cmd := q.showLoaded(msg)
	if q.changed && !q.loading {
		// another desk wrote while this was loading
		return q.refresh()
	}
	return cmd
}

func (q *queuePage) showLoaded(msg casesLoadedMsg) tea.Cmd {
	if msg.gen != q.gen {
		return nil // an older query
	}
	q.loading = false
	if q.cancel != nil {
		q.cancel() // done: its context's resources are freed
		q.cancel = nil
	}
	if msg.counted != nil {
		q.counted = msg.counted
	}
	if msg.err != nil {
		q.st.Set(q.c.Tf(lblQueueLoadFailed, q.c.Msg(msg.err)), common.LevelError)
		return nil
	}
	if len(msg.rows) == 0 && msg.after != 0 && len(q.starts) > 1 {
		// the page emptied (cases moved on): go back one
		q.starts = q.starts[:len(q.starts)-1]
		return q.load(q.starts[len(q.starts)-1], -1)
	}
	q.rows, q.next = msg.rows, msg.next
	if msg.total != keepTotal {
		q.total, q.totalExact = msg.total, true
	}
	cells := make([][]string, len(q.rows))
	warn := make([]bool, len(q.rows))
	for i, r := range q.rows {
		dl := r.deadline
		if r.near {
			dl += " !"
		}
		cells[i] = []string{r.number, r.name, r.id, r.projects, r.status, dl}
		warn[i] = r.near
	}
	q.tbl.SetRows(cells, warn)
	switch {
	case q.want < 0:
		q.tbl.Cursor = max(len(q.rows)-1, 0)
	default:
		q.tbl.Cursor = max(0, min(q.want, len(q.rows)-1))
	}
	for i, r := range q.rows {
		if r.number == q.keep {
			q.tbl.Cursor = i
		}
	}
	q.keep = ""
	q.st.Clear()
	if msg.after == 0 && msg.total < 0 {
		return q.count() // the rows first, then how many there are
	}
	return nil
}

func (q *queuePage) nextPage(want int) tea.Cmd {
	if q.next == 0 {
		return nil
	}
	q.starts = append(q.starts, q.next)
	return q.load(q.next, want)
}

func (q *queuePage) prevPage(want int) tea.Cmd {
	if len(q.starts) <= 1 {
		return nil
	}
	q.starts = q.starts[:len(q.starts)-1]
	return q.load(q.starts[len(q.starts)-1], want)
}

func (q *queuePage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := q.keys()
	switch {
	case key.Matches(msg, q.c.Keys.Global.Back):
		return common.GoBack
	case key.Matches(msg, k.Up):
		if q.tbl.Cursor > 0 {
			q.tbl.Cursor--
			return nil
		}
		return q.prevPage(-1)
	case key.Matches(msg, k.Down):
		if q.tbl.Cursor < len(q.rows)-1 {
			q.tbl.Cursor++
			return nil
		}
		return q.nextPage(0)
	case key.Matches(msg, k.PageDown):
		return q.nextPage(0)
	case key.Matches(msg, k.PageUp):
		return q.prevPage(0)
	case key.Matches(msg, k.First):
		return q.reload()
	case key.Matches(msg, k.Open):
		return q.open()
	case key.Matches(msg, k.NextFilter):
		q.setSlot((q.slot + 1) % qSlots)
		return nil
	case key.Matches(msg, k.PrevFilter):
		q.setSlot((q.slot + qSlots - 1) % qSlots)
		return nil
	case key.Matches(msg, k.Clear):
		q.search.SetValue("")
		q.status, q.dept, q.project, q.due = "", "", "", false
		q.setSlot(qSearch)
		return q.reload()
	case q.slot != qSearch && key.Matches(msg, k.Cycle):
		d := 1
		if key.Matches(msg, k.CycleBack) {
			d = -1
		}
		q.cycle(q.slot, d)
		return q.reload()
	}
	if q.slot != qSearch {
		if msg.Text == "" {
			return nil
		}
		q.setSlot(qSearch) // typing goes to the search box
	}
	return q.typeSearch(msg)
}

func (q *queuePage) typeSearch(msg tea.Msg) tea.Cmd {
	before := q.search.Value()
	var cmd tea.Cmd
	q.search, cmd = q.search.Update(msg)
	if q.search.Value() != before {
		return tea.Batch(cmd, q.reload())
	}
	return cmd
}

func (q *queuePage) setSlot(s int) {
	q.slot = s
	if s == qSearch {
		q.search.Focus()
	} else {
		q.search.Blur()
	}
}

func (q *queuePage) open() tea.Cmd {
	if q.tbl.Cursor < 0 || q.tbl.Cursor >= len(q.rows) {
		return nil
	}
	return common.Navigate(common.PageDossier, q.rows[q.tbl.Cursor].number)
}

// cycle moves a filter chip to its next (d=1) or previous value.
func (q *queuePage) cycle(slot, d int) {
	cat := q.c.Catalog
	step := func(vals []string, cur string) string {
		i := 0
		for j, v := range vals {
			if v == cur {
				i = j
			}
		}
		return vals[(i+d+len(vals))%len(vals)]
	}
	switch slot {
	case qStatus:
		vals := []string{""}
		for _, s := range casefile.Statuses {
			vals = append(vals, string(s))
		}
		q.status = casefile.Status(step(vals, string(q.status)))
	case qDept:
		vals := []string{""}
		for _, dp := range cat.Departments {
			vals = append(vals, dp.Key)
		}
		q.dept = step(vals, q.dept)
		if p := cat.Project(q.project); p != nil && q.dept != "" && p.Department != q.dept {
			q.project = ""
		}
	case qProject:
		vals := []string{""}
		for _, p := range cat.Projects {
			if q.dept == "" || p.Department == q.dept {
				vals = append(vals, p.Code)
			}
		}
		q.project = step(vals, q.project)
	case qDue:
		q.due = !q.due
	}
}

func (q *queuePage) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft {
		return nil
	}
	switch {
	case msg.Y == 0:
		q.setSlot(qSearch)
	case msg.Y == 1:
		if i := components.SpanAt(q.spans, msg.X); i >= 0 {
			if q.slot == i+1 {
				q.cycle(i+1, 1)
				q.setSlot(i + 1)
				return q.reload()
			}
			q.setSlot(i + 1)
		}
	default:
		if r := q.tbl.RowAt(msg.Y - 2); r >= 0 {
			if r == q.tbl.Cursor {
				return q.open() // a second click opens
			}
			q.tbl.Cursor = r
		}
	}
	return nil
}
