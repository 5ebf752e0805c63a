package frontdesk

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// Dossier tabs.
var dossierTabs = []string{"dossier.tab_summary", "dossier.tab_household", "dossier.tab_projects",
	"dossier.tab_evidence", "dossier.tab_findings", "dossier.tab_history"}

// Dossier dialogs.
const (
	dlgReady = iota + 1
	dlgWithdraw
	dlgPrinted
)

// dossierPage shows one case: applicant, household, projects, evidence,
// findings and history; its actions add evidence, send the case to the
// meeting and withdraw it.
type dossierPage struct {
	c      *common.Common
	store  DossierStore
	number string
	d      *Dossier
	tab    int
	scroll int

	printing Printing // nil: printing is not set up

	ev     *evidenceForm // open (or kept while hidden) evidence form
	evOpen bool
	dialog *components.Dialog
	dlg    int

	revealed bool // full ID numbers and phones shown (recorded in the history)

	loading bool
	busy    bool
	inPrint bool // a document of the case is being printed
	st      common.StatusLine
	width   int
	height  int
	spans   [][2]int
}

func newDossierPage(c *common.Common, store DossierStore, pr Printing) *dossierPage {
	return &dossierPage{c: c, store: store, printing: pr}
}

// dossierLoadedMsg carries a case and what the dossier shows with it.
type dossierLoadedMsg struct {
	number string
	d      *Dossier
	err    error
}

func loadDossier(store DossierStore, number string) tea.Cmd {
	return func() tea.Msg {
		d, err := store.Dossier(number)
		return dossierLoadedMsg{number: number, d: d, err: err}
	}
}

// evidenceAddedMsg reports an evidence item stored (or refused).
type evidenceAddedMsg struct {
	number string
	c      *casefile.Case
	err    error
}

func addEvidence(store DossierStore, number string, version uint64, ev casefile.Evidence, who string) tea.Cmd {
	return func() tea.Msg {
		c, err := store.AddEvidence(number, version, ev, who)
		return evidenceAddedMsg{number: number, c: c, err: err}
	}
}

// caseMovedMsg reports a status change stored (or refused).
type caseMovedMsg struct {
	number string
	to     casefile.Status
	why    string
	c      *casefile.Case
	err    error
}

func moveCase(store DossierStore, number string, version uint64, to casefile.Status, who, why string) tea.Cmd {
	return func() tea.Msg {
		c, err := store.Move(number, version, to, who, why)
		return caseMovedMsg{number: number, to: to, why: why, c: c, err: err}
	}
}

// revealedMsg reports a reveal of full numbers recorded (or refused).
type revealedMsg struct {
	number string
	err    error
}

func reveal(store DossierStore, number, who string) tea.Cmd {
	return func() tea.Msg {
		return revealedMsg{number: number, err: store.Reveal(number, who)}
	}
}

// open shows case number (a new one resets the page). Full numbers are
// hidden again: each look at them is a reveal of its own.
func (p *dossierPage) open(number string) tea.Cmd {
	if number != p.number {
		p.number, p.d, p.tab, p.scroll = number, nil, 0, 0
		p.ev, p.evOpen, p.dialog = nil, false, nil
		p.st.Clear()
	}
	p.revealed = false
	return p.reload()
}

// reload reads the case again.
func (p *dossierPage) reload() tea.Cmd {
	p.loading = true
	return loadDossier(p.store, p.number)
}

func (p *dossierPage) Enter() tea.Cmd {
	if p.number == "" {
		return nil
	}
	p.loading = true
	return loadDossier(p.store, p.number)
}

func (p *dossierPage) Title() string {
	if p.number == "" {
		return p.c.T("dossier.title")
	}
	return p.c.T("dossier.title") + " " + p.number
}

func (p *dossierPage) Status() (string, common.Level) { return p.st.Text, p.st.Level }

func (p *dossierPage) Dirty() bool { return p.ev != nil && p.ev.touched() }

func (p *dossierPage) Typing() bool {
	if p.dialog != nil {
		return p.dialog.Input != nil
	}
	return p.evOpen && p.ev.form.Typing()
}

func (p *dossierPage) SetSize(w, h int) {
	p.width, p.height = w, h
	if p.ev != nil {
		p.ev.form.SetSize(w, h-1)
	}
	p.clampScroll()
}

func (p *dossierPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dossierLoadedMsg:
		if msg.number != p.number {
			return nil
		}
		p.loading = false
		if msg.err != nil {
			p.st.Set(p.c.Tf("dossier.load_failed", p.c.Msg(msg.err)), common.LevelError)
			return nil
		}
		p.d = msg.d
		p.clampScroll()
	case evidenceAddedMsg:
		return p.onEvidenceAdded(msg)
	case caseMovedMsg:
		return p.onMoved(msg)
	case revealedMsg:
		return p.onRevealed(msg)
	case printedMsg:
		return p.onPrinted(msg)
	case ChangedMsg:
		return p.onChanged(msg)
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		switch {
		case p.dialog != nil:
			_, cmd := p.dialog.Update(msg)
			return cmd
		case p.evOpen:
			p.ev.form.HandlePaste(msg)
		}
	case tea.MouseClickMsg:
		return p.handleClick(msg)
	}
	return nil
}

func (p *dossierPage) onEvidenceAdded(msg evidenceAddedMsg) tea.Cmd {
	if msg.number != p.number {
		return nil
	}
	p.busy = false
	if msg.err != nil {
		p.st.Set(p.c.Msg(msg.err), common.LevelError)
		if errors.Is(msg.err, casefile.ErrStaleCase) {
			return loadDossier(p.store, p.number) // the form stays open with what was typed
		}
		return nil
	}
	p.ev, p.evOpen = nil, false
	p.tab = 3
	p.st.Set(p.c.Tf("dossier.evidence_added", casefile.EvidenceKind(msg.c.Evidence[len(msg.c.Evidence)-1].Kind).Label(p.c.Lang)), common.LevelOK)
	return loadDossier(p.store, p.number)
}

func (p *dossierPage) onMoved(msg caseMovedMsg) tea.Cmd {
	if msg.number != p.number {
		return nil
	}
	p.busy = false
	if msg.err != nil {
		p.st.Set(p.c.Msg(msg.err), common.LevelError)
		if errors.Is(msg.err, casefile.ErrStaleCase) {
			if msg.to == casefile.StatusWithdrawn {
				// the reason typed is kept: confirm again on the fresh case
				p.dialog, p.dlg = components.NewPrompt(p.c, p.c.T("dossier.withdraw_title"), p.c.Tf("dossier.withdraw_text", p.number)), dlgWithdraw
				p.dialog.Input.SetValue(msg.why)
				p.dialog.Err = p.c.Msg(msg.err)
			}
			return p.reload()
		}
		return nil
	}
	p.st.Set(p.c.Tf("dossier.moved", msg.c.Status.Label(p.c.Lang)), common.LevelOK)
	return loadDossier(p.store, p.number)
}

func (p *dossierPage) onRevealed(msg revealedMsg) tea.Cmd {
	if msg.number != p.number {
		return nil
	}
	p.busy = false
	if msg.err != nil {
		p.st.Set(p.c.Msg(msg.err), common.LevelError)
		return nil
	}
	p.revealed = true
	p.st.Set(p.c.T("dossier.revealed"), common.LevelWarn)
	return p.reload() // the history shows the reveal
}

// onPrinted shows where the document is, or why it was not printed; the
// history shows the print.
func (p *dossierPage) onPrinted(msg printedMsg) tea.Cmd {
	if msg.owner != printByDossier {
		return nil
	}
	p.inPrint = false
	if msg.err != nil {
		p.st.Set(PrintErrText(p.c, msg.err), common.LevelError)
		return nil
	}
	p.st.Set(printedText(p.c, msg.res), printLevel(msg.res.NotSent))
	if msg.number != p.number || p.evOpen || p.dialog != nil {
		return nil
	}
	// the path is long: shown in full until the user has read it
	p.dialog, p.dlg = components.NewNotice(p.c, p.c.T("print.done_title"), printedLines(p.c, msg.res)...), dlgPrinted
	return p.reload() // the history shows the print
}

// letter reports whether the case's document is its letter (decided:
// approved or rejected) rather than its receipt.
func (p *dossierPage) letter() bool {
	if p.d == nil {
		return false
	}
	st := p.d.Case.Status
	return st == casefile.StatusApproved || st == casefile.StatusRejected
}

// print prints the case's letter when it is decided, else its receipt.
func (p *dossierPage) print() tea.Cmd {
	switch {
	case p.printing == nil:
		p.st.Set(p.c.T("print.none"), common.LevelWarn)
		return nil
	case p.inPrint:
		p.st.Set(p.c.T("print.busy"), common.LevelWarn)
		return nil
	}
	p.inPrint = true
	p.st.Set(p.c.T("print.printing"), common.LevelPlain)
	return printCase(p.printing, printByDossier, p.number, p.letter(), p.c.User)
}

// onChanged reloads the case when another terminal changed it. While the
// user is filling in a form or answering a dialog the case is left as it
// was loaded: saving is then refused as stale (naming who changed it),
// the case reloads and what was typed is kept.
func (p *dossierPage) onChanged(msg ChangedMsg) tea.Cmd {
	who, edited, ok := msg.touches(p.number)
	if !ok || p.number == "" || p.loading {
		return nil
	}
	if p.evOpen || p.dialog != nil || p.busy {
		if edited && who != "" {
			p.st.Set(p.c.Tf("dossier.changed_elsewhere", who), common.LevelWarn)
		}
		return nil
	}
	if edited && who != "" {
		p.st.Set(p.c.Tf("dossier.updated_by", who), common.LevelPlain)
	}
	return p.reload()
}

// refused answers a key the user's role may not use.
func (p *dossierPage) refused(msg tea.KeyPressMsg) bool {
	k := p.keys()
	for _, r := range []struct {
		b    key.Binding
		perm casefile.Perm
	}{{k.Evidence, casefile.PermEvidence}, {k.Ready, casefile.PermMove}, {k.Withdraw, casefile.PermMove}, {k.Reveal, casefile.PermReveal},
		{k.Print, casefile.PermPrint}} {
		if !p.c.Can(r.perm) && common.Pressed(msg, r.b) {
			p.st.Set(p.c.Forbidden(), common.LevelError)
			return true
		}
	}
	return false
}

func (p *dossierPage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if p.dialog != nil {
		return p.handleDialog(msg)
	}
	if p.evOpen {
		return p.handleEvidenceKey(msg)
	}
	if p.refused(msg) {
		return nil
	}
	k := p.keys()
	switch {
	case key.Matches(msg, p.c.Keys.Global.Back):
		return common.GoBack
	case key.Matches(msg, k.NextTab):
		p.setTab((p.tab + 1) % len(dossierTabs))
	case key.Matches(msg, k.PrevTab):
		p.setTab((p.tab + len(dossierTabs) - 1) % len(dossierTabs))
	case key.Matches(msg, k.Up):
		p.scroll--
	case key.Matches(msg, k.Down):
		p.scroll++
	case key.Matches(msg, k.PageUp):
		p.scroll -= p.height - 3
	case key.Matches(msg, k.PageDown):
		p.scroll += p.height - 3
	case key.Matches(msg, k.Reload):
		return p.reload()
	case key.Matches(msg, k.Evidence):
		if p.ev == nil {
			p.ev = newEvidenceForm(p.c)
			p.ev.form.SetSize(p.width, p.height-1)
			p.ev.form.FocusID("kind")
		}
		p.evOpen = true
		p.st.Clear()
	case key.Matches(msg, k.Ready):
		p.dialog, p.dlg = components.NewConfirm(p.c, p.c.T("dossier.ready_title"), p.c.Tf("dossier.ready_text", p.number)), dlgReady
	case key.Matches(msg, k.Withdraw):
		p.dialog, p.dlg = components.NewPrompt(p.c, p.c.T("dossier.withdraw_title"), p.c.Tf("dossier.withdraw_text", p.number)), dlgWithdraw
	case key.Matches(msg, k.Reveal):
		if p.revealed {
			p.revealed = false
			p.st.Clear()
			return nil
		}
		if p.busy {
			return nil
		}
		p.busy = true
		return reveal(p.store, p.number, p.c.User)
	case key.Matches(msg, k.Print):
		return p.print()
	case common.Pressed(msg, k.Print) && p.d != nil && p.d.Case.Status == casefile.StatusDeferred:
		p.st.Set(p.c.T("print.deferred_case"), common.LevelWarn)
	default:
		if key.Matches(msg, k.GoTab) {
			if t := int(msg.String()[0] - '1'); t < len(dossierTabs) {
				p.setTab(t)
			}
		}
	}
	p.clampScroll()
	return nil
}

func (p *dossierPage) setTab(t int) {
	p.tab, p.scroll = t, 0
}

func (p *dossierPage) handleEvidenceKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.c.Keys.Global.Back):
		p.evOpen = false // kept: 'e' brings back what was typed
		return nil
	case key.Matches(msg, p.c.Keys.Evidence.Save):
		if p.busy || p.d == nil {
			return nil
		}
		ev, probs := p.ev.evidence()
		if len(probs) > 0 {
			p.st.Set(strings.Join(probs, "; "), common.LevelError)
			return nil
		}
		p.busy = true
		p.st.Set(p.c.T("dossier.saving"), common.LevelPlain)
		return addEvidence(p.store, p.number, p.d.Case.Version, ev, p.c.User)
	}
	return p.ev.HandleKey(msg).Cmd
}

func (p *dossierPage) handleDialog(msg tea.KeyPressMsg) tea.Cmd {
	res, cmd := p.dialog.Update(msg)
	if res == components.DialogOpen {
		return cmd
	}
	if res == components.DialogNo || p.d == nil {
		p.dialog, p.dlg = nil, 0
		return nil
	}
	switch p.dlg {
	case dlgReady:
		p.dialog, p.dlg = nil, 0
		p.busy = true
		return moveCase(p.store, p.number, p.d.Case.Version, casefile.StatusReady, p.c.User, p.c.T("dossier.ready_why"))
	case dlgWithdraw:
		why := p.dialog.Value()
		if why == "" {
			p.dialog.Err = p.c.Msg(casefile.ErrReasonRequired)
			return nil
		}
		p.dialog, p.dlg = nil, 0
		p.busy = true
		return moveCase(p.store, p.number, p.d.Case.Version, casefile.StatusWithdrawn, p.c.User, why)
	}
	p.dialog, p.dlg = nil, 0
	return nil
}

func (p *dossierPage) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || p.dialog != nil {
		return nil
	}
	if p.evOpen {
		return p.ev.Click(msg.X, msg.Y-1).Cmd
	}
	if msg.Y == 1 {
		if i := components.SpanAt(p.spans, msg.X); i >= 0 {
			p.setTab(i)
		}
	}
	return nil
}

// ---- view ----

func (p *dossierPage) clampScroll() {
	n := len(p.tabLines())
	room := max(p.height-2, 1)
	p.scroll = max(0, min(p.scroll, n-room))
}

func (p *dossierPage) View() string {
	c := p.c
	s := c.Styles
	if p.dialog != nil {
		return p.dialog.View(p.width, p.height)
	}
	if p.d == nil {
		msg := c.T("dossier.loading")
		if !p.loading {
			msg = c.T("dossier.none")
		}
		return components.FitHeight("  "+s.App.Muted.Render(msg), p.height)
	}
	cs := p.d.Case
	head := fmt.Sprintf("%s  %s  [%s]  %s", s.App.Title.Render(cs.Number), cs.Applicant.Name,
		cs.Status.Label(c.Lang), c.Tf("dossier.deadline", cs.Deadline.String()))
	if cs.Status.Open() {
		left := c.Catalog.WorkdaysLeft(cs, c.Today())
		st := s.App.Muted
		if c.Catalog.DeadlineNear(cs, c.Today()) {
			st = s.App.StatusWarn
		}
		head += st.Render(c.Tf("dossier.days_left", left))
	}
	if p.evOpen {
		return components.FitHeight(components.FitWidth(head, p.width)+"\n"+p.ev.form.View(), p.height)
	}
	labels := make([]string, len(dossierTabs))
	for i, t := range dossierTabs {
		labels[i] = fmt.Sprintf("%d %s", i+1, c.T(t))
	}
	tabRow, spans := components.Tabs(s, labels, p.tab)
	p.spans = spans
	lines := p.tabLines()
	room := max(p.height-2, 1)
	end := min(p.scroll+room, len(lines))
	body := append([]string{head, tabRow}, lines[p.scroll:end]...)
	return components.FitHeight(components.FitBlock(body, p.width), p.height)
}

// tabLines are the lines of the current tab, wrapped to the width.
func (p *dossierPage) tabLines() []string {
	if p.d == nil {
		return nil
	}
	var raw []string
	switch p.tab {
	case 0:
		raw = p.summaryLines()
	case 1:
		raw = p.householdLines()
	case 2:
		raw = p.projectLines()
	case 3:
		raw = p.evidenceLines()
	case 4:
		raw = components.FindingLines(p.c, p.incomeHead(), p.d.Findings, max(p.width-2, 10))
	case 5:
		raw = p.historyLines()
	}
	var out []string
	for _, l := range raw {
		// continuation lines keep the line's indentation
		body := strings.TrimLeft(l, " ")
		ind := strings.Repeat(" ", len(l)-len(body))
		for _, w := range components.Wrap(body, max(p.width-len(ind), 10)) {
			out = append(out, ind+w)
		}
	}
	return out
}

func (p *dossierPage) summaryLines() []string {
	c := p.c
	cs := p.d.Case
	a := cs.Applicant
	lines := []string{
		c.Tf("dossier.applicant", a.Name, p.idNumber(a.DocNumber), a.Sex.Label(c.Lang), a.AgeOn(c.Today())),
		c.Tf("dossier.contact", p.phone(a.Phone), strings.TrimSpace(a.Township+" "+a.Village+" "+a.Address)),
	}
	if a.DisabilityGrade > 0 || len(a.Flags) > 0 {
		var fl []string
		for _, f := range a.Flags {
			fl = append(fl, c.T("flag."+f))
		}
		lines = append(lines, c.Tf("dossier.disability", c.T(fmt.Sprintf("disability.%d", a.DisabilityGrade)), strings.Join(fl, c.T("list.sep"))))
	}
	lines = append(lines,
		c.Tf("dossier.received", cs.Received.Format("2006-01-02 15:04"), cs.Channel.Label(c.Lang), cs.Officer),
		"", c.T("dossier.projects_head"))
	for _, ap := range cs.Apps {
		lines = append(lines, "  "+ap.Project+" "+c.ProjectName(ap.Project)+"  "+c.Tf("dossier.proposed", ap.Proposed.String()))
	}
	if miss := c.Catalog.MissingEvidence(cs); len(miss) > 0 && cs.Status.Open() {
		var names []string
		for _, k := range miss {
			names = append(names, k.Label(c.Lang))
		}
		lines = append(lines, "", c.Tf("dossier.missing_evidence", strings.Join(names, c.T("list.sep"))))
	}
	errs, warns := 0, 0
	for _, f := range p.d.Findings {
		switch f.Severity {
		case casefile.SevError:
			errs++
		case casefile.SevWarning:
			warns++
		}
	}
	lines = append(lines, c.Tf("dossier.findings_count", errs, warns))
	if cs.Note != "" {
		lines = append(lines, c.Tf("dossier.note", cs.Note))
	}
	return lines
}

// idNumber is an ID number as the dossier shows it: masked unless the
// user revealed the case's numbers.
func (p *dossierPage) idNumber(n string) string {
	if p.revealed {
		return n
	}
	return casefile.MaskID(n)
}

// phone is a phone number as the dossier shows it.
func (p *dossierPage) phone(n string) string {
	if p.revealed {
		return n
	}
	return casefile.MaskPhone(n)
}

func (p *dossierPage) incomeHead() []string { return components.IncomeHead(p.c, p.d.Case) }

func (p *dossierPage) householdLines() []string {
	return components.HouseholdLines(p.c, p.d.Case, p.d.Aid, p.revealed)
}

func (p *dossierPage) projectLines() []string {
	c := p.c
	var lines []string
	for i, ap := range p.d.Case.Apps {
		pr := c.Catalog.Project(ap.Project)
		dept, kind := "", ""
		if pr != nil {
			dept, kind = c.DeptName(pr.Department), pr.Kind.Label(c.Lang)
		}
		lines = append(lines, fmt.Sprintf("%d. %s %s  %s  %s", i+1, ap.Project, c.ProjectName(ap.Project), dept, kind))
		amt := c.Tf("dossier.amounts", ap.Requested.String(), ap.Proposed.String())
		if ap.Outcome == casefile.OutcomeGranted {
			amt += c.Tf("dossier.granted", ap.Granted.String())
		}
		lines = append(lines, "   "+amt)
		if ap.Dedup != nil {
			mark := c.T("dossier.dedup_keep")
			if !ap.Dedup.Keep {
				mark = c.T("dossier.dedup_decline")
			}
			lines = append(lines, "   "+c.Tf("dossier.dedup", mark, ap.Dedup.Reason))
		}
		if ap.Outcome == casefile.OutcomeDeclined && ap.Reason != "" {
			lines = append(lines, "   "+c.Tf("dossier.declined", ap.Reason))
		}
	}
	return lines
}

func (p *dossierPage) evidenceLines() []string {
	c := p.c
	cs := p.d.Case
	var lines []string
	if len(cs.Evidence) == 0 {
		lines = append(lines, c.T("dossier.no_evidence"))
	}
	for i, ev := range cs.Evidence {
		lines = append(lines, fmt.Sprintf("%d. %s  %s  %s  %s", i+1, ev.Kind.Label(c.Lang), c.DeptName(ev.Department),
			ev.Date.String(), c.Tf("dossier.verifier", ev.Verifier)))
		if fig := components.EvidenceFigures(c, ev); fig != "" {
			lines = append(lines, "   "+fig)
		}
		if ev.Note != "" {
			lines = append(lines, "   "+ev.Note)
		}
	}
	if miss := c.Catalog.MissingEvidence(cs); len(miss) > 0 && cs.Status.Open() {
		var names []string
		for _, k := range miss {
			names = append(names, k.Label(c.Lang))
		}
		lines = append(lines, "", c.Tf("dossier.missing_evidence", strings.Join(names, c.T("list.sep"))))
	}
	return lines
}

func (p *dossierPage) historyLines() []string {
	c := p.c
	var lines []string
	for _, h := range p.d.History {
		l := fmt.Sprintf("%s  %s  %s", h.At.Format("2006-01-02 15:04"), h.Who, actionLabel(c, h.Action))
		if h.To != "" && h.From != h.To {
			if h.From != "" {
				l += "  " + h.From.Label(c.Lang) + " -> " + h.To.Label(c.Lang)
			} else {
				l += "  -> " + h.To.Label(c.Lang)
			}
		}
		if h.Why != "" {
			l += "  " + h.Why
		}
		lines = append(lines, l)
	}
	return lines
}

func actionLabel(c *common.Common, a string) string {
	if l := common.Tr(c.Lang, "action."+a); !strings.HasPrefix(l, common.MissingMark) {
		return l
	}
	return a
}

// ---- keys ----

// keys are the dossier's keys as they work on the case in view: what the
// case's status and the user's role do not allow is off, and the print and
// reveal keys say what they do now. Worked out on each use; the shared
// keymap is never changed.
func (p *dossierPage) keys() common.DossierKeys {
	k := p.c.Keys.Dossier // a copy
	var st casefile.Status
	if p.d != nil {
		st = p.d.Case.Status
	}
	c := p.c
	k.Evidence.SetEnabled(p.d != nil && st.Open() && c.Can(casefile.PermEvidence))
	k.Ready.SetEnabled(p.d != nil && casefile.CanMove(st, casefile.StatusReady) && c.Can(casefile.PermMove))
	k.Withdraw.SetEnabled(p.d != nil && casefile.CanMove(st, casefile.StatusWithdrawn) && c.Can(casefile.PermMove))
	k.Reveal.SetEnabled(p.d != nil && c.Can(casefile.PermReveal))
	// a deferred case gets no letter, and its receipt was handed over
	k.Print.SetEnabled(p.d != nil && c.Can(casefile.PermPrint) && st != casefile.StatusDeferred)
	switch {
	case st == casefile.StatusRejected:
		k.Print.SetHelp("p", c.T("key.print_rejection"))
	case p.letter():
		k.Print.SetHelp("p", c.T("key.print_decision"))
	default:
		k.Print.SetHelp("p", c.T("key.receipt"))
	}
	if p.revealed {
		k.Reveal.SetHelp("v", c.T("key.conceal"))
	} else {
		k.Reveal.SetHelp("v", c.T("key.reveal"))
	}
	return k
}

func (p *dossierPage) ShortHelp() []key.Binding {
	switch {
	case p.dialog != nil:
		return p.dialog.ShortHelp()
	case p.evOpen:
		return p.ev.ShortHelp()
	}
	k := p.keys()
	return []key.Binding{k.NextTab, k.Up, k.Evidence, k.Ready, k.Withdraw, k.Print, p.c.Keys.Global.Back}
}

func (p *dossierPage) FullHelp() [][]key.Binding {
	if p.dialog != nil || p.evOpen {
		return [][]key.Binding{p.ShortHelp()}
	}
	k := p.keys()
	g := p.c.Keys.Global
	return [][]key.Binding{{k.NextTab, k.PrevTab, k.Up, k.Down, k.PageUp, k.PageDown}, {k.Evidence, k.Ready, k.Withdraw, k.Reveal, k.Print, k.Reload}, {g.Back, g.Help, g.Quit}}
}
