package frontdesk

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// Dossier tabs.
var dossierTabs = []casefile.Text{lblDossierTabSummary, common.LblDossierTabHousehold, lblDossierTabProjects,
	common.LblDossierTabEvidence, lblDossierTabFindings, lblDossierTabHistory}

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

	printer casePrinter // prints the case's letter or receipt

	// mode is what the page shows and where its keys go.
	mode   dossierMode
	ev     *evidenceForm      // the evidence form, kept while hidden
	dialog *components.Dialog // in dossierDialog
	dlg    int                // which dialog (dlgReady, dlgWithdraw, dlgPrinted)

	revealed bool // full ID numbers and phones shown (recorded in the history)

	loading bool
	busy    bool
	st      common.StatusLine
	width   int
	height  int
	spans   [][2]int
}

// dossierMode is what the dossier shows and where its keys go.
type dossierMode int

const (
	dossierTabsMode dossierMode = iota // the case's tabs
	dossierEvidence                    // the evidence form
	dossierDialog                      // a question or notice over the case
)

// openDialog shows d (of kind dlg) over the case.
func (p *dossierPage) openDialog(d *components.Dialog, kind int) {
	p.mode, p.dialog, p.dlg = dossierDialog, d, kind
}

// closeDialog goes back to the case's tabs.
func (p *dossierPage) closeDialog() {
	p.mode, p.dialog, p.dlg = dossierTabsMode, nil, 0
}

func newDossierPage(c *common.Common, store DossierStore, pr Printing) *dossierPage {
	return &dossierPage{c: c, store: store, printer: casePrinter{pr: pr, owner: printByDossier}}
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
		p.ev, p.mode, p.dialog, p.dlg = nil, dossierTabsMode, nil, 0
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
		return p.c.T(lblDossierTitle)
	}
	return p.c.T(lblDossierTitle) + " " + p.number
}

func (p *dossierPage) Status() (string, common.Level) { return p.st.Text, p.st.Level }

func (p *dossierPage) Dirty() bool { return p.ev != nil && p.ev.touched() }

func (p *dossierPage) Typing() bool {
	if p.mode == dossierDialog {
		return p.dialog.Typing()
	}
	return p.mode == dossierEvidence && p.ev.Typing()
}

func (p *dossierPage) SetSize(w, h int) {
	p.width, p.height = w, h
	if p.ev != nil {
		p.ev.SetSize(w, h-1)
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
			p.st.Set(p.c.Tf(lblDossierLoadFailed, p.c.Msg(msg.err)), common.LevelError)
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
	case reportReviewMsg:
		return p.onReviewStarted(msg)
	case printedMsg:
		return p.onPrinted(msg)
	case ChangedMsg:
		return p.onChanged(msg)
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		switch {
		case p.mode == dossierDialog:
			_, cmd := p.dialog.Update(msg)
			return cmd
		case p.mode == dossierEvidence:
			p.ev.HandlePaste(msg)
		}
	case tea.MouseClickMsg:
		return p.handleClick(msg)
	}
	return nil
}

// settled takes the answer to a write on case number: it reports false
// for another case; else the page is no longer busy and err, if any, is
// on the status line.
func (p *dossierPage) settled(number string, err error) bool {
	if number != p.number {
		return false
	}
	p.busy = false
	if err != nil {
		p.st.Set(p.c.Msg(err), common.LevelError)
	}
	return true
}

func (p *dossierPage) onEvidenceAdded(msg evidenceAddedMsg) tea.Cmd {
	if !p.settled(msg.number, msg.err) {
		return nil
	}
	if msg.err != nil {
		if errors.Is(msg.err, casefile.ErrStaleCase) {
			return loadDossier(p.store, p.number) // the form stays open with what was typed
		}
		return nil
	}
	p.ev, p.mode = nil, dossierTabsMode
	p.tab = 3
	p.st.Set(p.c.Tf(lblDossierEvidenceAdded, casefile.EvidenceKind(msg.c.Evidence[len(msg.c.Evidence)-1].Kind).Label(p.c.Lang)), common.LevelOK)
	return loadDossier(p.store, p.number)
}

func (p *dossierPage) onMoved(msg caseMovedMsg) tea.Cmd {
	if !p.settled(msg.number, msg.err) {
		return nil
	}
	if msg.err != nil {
		if errors.Is(msg.err, casefile.ErrStaleCase) {
			if msg.to == casefile.StatusWithdrawn {
				// the reason typed is kept: confirm again on the fresh case
				p.openDialog(p.withdrawPrompt(), dlgWithdraw)
				p.dialog.SetValue(msg.why)
				p.dialog.Err = p.c.Msg(msg.err)
			}
			return p.reload()
		}
		return nil
	}
	p.st.Set(p.c.Tf(lblDossierMoved, msg.c.Status.Label(p.c.Lang)), common.LevelOK)
	return loadDossier(p.store, p.number)
}

func (p *dossierPage) onRevealed(msg revealedMsg) tea.Cmd {
	if !p.settled(msg.number, msg.err) || msg.err != nil {
		return nil
	}
	p.revealed = true
	p.st.Set(p.c.T(lblDossierRevealed), common.LevelWarn)
	return p.reload() // the history shows the reveal
}

// onPrinted shows where the document is, or why it was not printed; the
// history shows the print.
func (p *dossierPage) onPrinted(msg printedMsg) tea.Cmd {
	if msg.owner != printByDossier {
		return nil
	}
	p.printer.busy = false
	if msg.err != nil {
		p.st.Set(PrintErrText(p.c, msg.err), common.LevelError)
		return nil
	}
	p.st.Set(printedText(p.c, msg.res), printLevel(msg.res.NotSent))
	if msg.number != p.number || p.mode == dossierEvidence || p.mode == dossierDialog {
		return nil
	}
	// the path is long: shown in full until the user has read it
	p.openDialog(components.NewNotice(p.c, p.c.T(lblPrintDoneTitle), printedLines(p.c, msg.res)...), dlgPrinted)
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
	return p.printer.start(p.c, &p.st, p.number, p.letter())
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
	if p.mode == dossierEvidence || p.mode == dossierDialog || p.busy {
		if edited && who != "" {
			p.st.Set(p.c.Tf(lblDossierChangedElsewhere, who), common.LevelWarn)
		}
		return nil
	}
	if edited && who != "" {
		p.st.Set(p.c.Tf(lblDossierUpdatedBy, who), common.LevelPlain)
	}
	return p.reload()
}
