package frontdesk

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// Sections of the intake form.
const (
	secApplicant = iota
	secHousehold
	secProjects
	secDocuments
	secChannel
)

var intakeSections = []string{"intake.sec_applicant", "intake.sec_household", "intake.sec_projects", "intake.sec_documents", "intake.sec_channel"}

// Dialogs the intake can show.
const (
	dlgSave = iota + 1
	dlgNew
	dlgProblems
)

// intakePage is the one window: the ID number first, checked as typed; a
// known person's household, aid and open cases at once; then applicant,
// household and incomes, projects, documents, channel and note. A findings
// panel beside or below the form follows every change.
type intakePage struct {
	c     *common.Common
	store IntakeStore
	state intakeState
	form  *components.Form
	// relookup marks a lookup run again because the store changed: it
	// refreshes what the household gets but fills no field.
	relookup bool

	printing Printing // nil: printing is not set up

	picker *components.Picker
	dialog *components.Dialog
	dlg    int

	saved   *casefile.Case
	inPrint bool     // the receipt is being printed
	printed []string // where the receipt was printed

	known     *KnownPerson
	knownFor  string // ID number the lookup is for
	lookedUp  bool   // the lookup for knownFor has answered
	lookupErr error

	check    Check
	checkSig string // signature the check was asked for

	findings []casefile.Finding
	income   casefile.IncomeSummary
	deadline casefile.Date

	autosaveGen int
	unsaved     bool // changed since the last autosave
	restored    bool // the form came back from a saved draft
	zoom        bool // the findings panel fills the page
	st          common.StatusLine

	width, height int
	tabSpans      [][2]int
}

func newIntakePage(c *common.Common, store IntakeStore, pr Printing) *intakePage {
	p := &intakePage{c: c, store: store, printing: pr, state: newIntakeState(), form: components.NewForm(c)}
	p.rebuild()
	p.recompute()
	return p
}

// ---- messages and the commands that send them ----

// draftLoadedMsg carries the draft saved by an earlier session.
type draftLoadedMsg struct {
	data []byte
	err  error
}

func loadDraft(store IntakeStore, owner string) tea.Cmd {
	return func() tea.Msg {
		b, err := store.Draft(owner)
		return draftLoadedMsg{data: b, err: err}
	}
}

// autosaveTickMsg fires a moment after the last change.
type autosaveTickMsg struct{ gen int }

// draftSavedMsg reports an autosave.
type draftSavedMsg struct {
	gen int
	err error
}

func saveDraft(store IntakeStore, owner string, data []byte, gen int) tea.Cmd {
	return func() tea.Msg {
		return draftSavedMsg{gen: gen, err: store.SaveDraft(owner, data)}
	}
}

// personFoundMsg carries what the hall knows about a typed ID number.
type personFoundMsg struct {
	number string
	known  *KnownPerson
	err    error
}

func lookupPerson(store IntakeStore, number string) tea.Cmd {
	return func() tea.Msg {
		kp, err := store.Lookup(number)
		return personFoundMsg{number: number, known: kp, err: err}
	}
}

// checkedMsg carries the live duplicate check of the application.
type checkedMsg struct {
	sig   string
	check Check
	err   error
}

func runCheck(store IntakeStore, sig string, ap casefile.Person, hh casefile.Household, codes []string, day casefile.Date) tea.Cmd {
	return func() tea.Msg {
		ch, err := store.Check(ap, hh, codes, day)
		return checkedMsg{sig: sig, check: ch, err: err}
	}
}

// caseSavedMsg reports the result of storing the case.
type caseSavedMsg struct {
	c   *casefile.Case
	err error
}

func saveCase(store IntakeStore, d *casefile.Draft, who string) tea.Cmd {
	return func() tea.Msg {
		c, err := store.Intake(d, who)
		return caseSavedMsg{c: c, err: err}
	}
}

// ---- page contract ----

func (p *intakePage) Title() string { return p.c.T("intake.title") }

func (p *intakePage) Status() (string, common.Level) { return p.st.Text, p.st.Level }

// Dirty: a form with content that is not yet a case.
func (p *intakePage) Dirty() bool { return p.saved == nil && !p.state.empty() }

func (p *intakePage) Typing() bool {
	switch {
	case p.dialog != nil:
		return p.dialog.Input != nil
	case p.saved != nil:
		return false
	case p.picker != nil:
		return true
	}
	return p.form.Typing()
}

func (p *intakePage) Enter() tea.Cmd {
	if p.saved != nil {
		p.reset()
	}
	if p.restored {
		p.st.Set(p.c.T("intake.restored"), common.LevelWarn)
		p.restored = false
	}
	return nil
}

func (p *intakePage) SetSize(w, h int) {
	p.width, p.height = w, h
	fw, fh, _, _ := p.layout()
	p.form.SetSize(fw, fh)
	if p.picker != nil {
		p.picker.SetSize(fw, fh)
	}
}

// layout returns the form's size and the findings panel's size; the
// panel goes beside the form on wide screens, below it otherwise.
func (p *intakePage) layout() (fw, fh, pw, ph int) {
	if p.width >= 110 && !p.zoom {
		pw = min(52, p.width*2/5)
		return p.width - pw - 1, p.height - 1, pw, p.height
	}
	ph = 9
	if p.height >= 30 {
		ph = 12
	}
	if p.zoom {
		ph = p.height
	}
	return p.width, max(p.height-1-ph, 1), p.width, ph
}

// reset empties the form for the next applicant.
func (p *intakePage) reset() {
	p.state = newIntakeState()
	p.saved, p.known, p.knownFor, p.lookupErr, p.lookedUp = nil, nil, "", nil, false
	p.printed = nil
	p.check, p.checkSig = Check{}, ""
	p.picker, p.dialog = nil, nil
	p.unsaved = false
	p.rebuild()
	p.form.FocusID("id")
	p.recompute()
}

// ---- update ----

func (p *intakePage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case draftLoadedMsg:
		return p.onDraftLoaded(msg)
	case autosaveTickMsg:
		if msg.gen != p.autosaveGen || !p.unsaved || p.saved != nil {
			return nil
		}
		return saveDraft(p.store, p.c.User, p.state.marshal(), msg.gen)
	case draftSavedMsg:
		if msg.err != nil {
			p.st.Set(p.c.Tf("intake.autosave_failed", p.c.Msg(msg.err)), common.LevelError)
		} else if msg.gen == p.autosaveGen {
			p.unsaved = false
		}
	case personFoundMsg:
		return p.onPersonFound(msg)
	case checkedMsg:
		if msg.sig != p.checkSig {
			return nil // a newer check is on its way
		}
		if msg.err != nil {
			p.st.Set(p.c.Tf("intake.check_failed", p.c.Msg(msg.err)), common.LevelError)
			return nil
		}
		p.check = msg.check
		p.recompute()
	case caseSavedMsg:
		return p.onCaseSaved(msg)
	case ChangedMsg:
		return p.onStoreChanged()
	case printedMsg:
		p.onPrinted(msg)
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		switch {
		case p.dialog != nil:
			_, cmd := p.dialog.Update(msg)
			return cmd
		case p.picker != nil:
			_, cmd := p.picker.Update(msg)
			return cmd
		case p.saved == nil:
			if r := p.form.HandlePaste(msg); r.Changed {
				return p.changed()
			}
		}
	case tea.MouseClickMsg:
		return p.handleClick(msg)
	}
	return nil
}

func (p *intakePage) onDraftLoaded(msg draftLoadedMsg) tea.Cmd {
	if msg.err != nil {
		p.st.Set(p.c.Tf("intake.draft_load_failed", p.c.Msg(msg.err)), common.LevelError)
		return nil
	}
	if msg.data == nil || !p.state.empty() {
		return nil
	}
	s, err := unmarshalIntake(msg.data)
	if err != nil || s.empty() {
		return nil
	}
	p.state = s
	p.restored = true
	p.rebuild()
	p.form.FocusID("id")
	return p.afterChange()
}

func (p *intakePage) onPersonFound(msg personFoundMsg) tea.Cmd {
	if msg.number != p.knownFor {
		return nil
	}
	if msg.err != nil {
		p.lookupErr = msg.err
		p.st.Set(p.c.Tf("intake.lookup_failed", p.c.Msg(msg.err)), common.LevelError)
		p.rebuild()
		return nil
	}
	p.known, p.lookupErr, p.lookedUp = msg.known, nil, true
	refresh := p.relookup
	p.relookup = false
	if kp := msg.known; kp != nil && !refresh {
		fill := func(dst *string, src string) {
			if strings.TrimSpace(*dst) == "" {
				*dst = src
			}
		}
		s := &p.state
		fill(&s.Name, kp.Person.Name)
		fill(&s.Phone, kp.Person.Phone)
		fill(&s.Township, kp.Person.Township)
		fill(&s.Village, kp.Person.Village)
		fill(&s.Address, kp.Person.Address)
		if s.Disability == "0" && kp.Person.DisabilityGrade > 0 {
			s.Disability = strconv.Itoa(kp.Person.DisabilityGrade)
		}
		if s.Flags == "" {
			s.Flags = strings.Join(kp.Person.Flags, ",")
		}
		p.st.Set(p.c.Tf("intake.known", kp.Person.Name, kp.Cases), common.LevelOK)
	} else if msg.known == nil && !refresh {
		p.st.Set(p.c.T("intake.new_person"), common.LevelPlain)
	}
	p.rebuild()
	p.form.Refresh()
	return p.changed()
}

func (p *intakePage) onCaseSaved(msg caseSavedMsg) tea.Cmd {
	if msg.err != nil {
		p.st.Set(p.c.Tf("intake.save_failed", components.FirstLine(p.c.Msg(msg.err))), common.LevelError)
		return nil
	}
	p.saved = msg.c
	p.unsaved = false
	p.autosaveGen++
	p.st.Set(p.c.Tf("intake.saved", msg.c.Number), common.LevelOK)
	return saveDraft(p.store, p.c.User, nil, p.autosaveGen)
}

func (p *intakePage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if p.dialog != nil {
		return p.handleDialog(msg)
	}
	if p.saved != nil {
		return p.handleSavedKey(msg)
	}
	if p.picker != nil {
		r, cmd := p.picker.Update(msg)
		if r.Toggle != "" {
			p.state.toggleApp(r.Toggle)
			return tea.Batch(cmd, p.changed())
		}
		if r.Close {
			p.closePicker()
		}
		return cmd
	}
	ik, gk := p.keys(), p.c.Keys.Global
	switch {
	case key.Matches(msg, ik.Save):
		return p.trySave()
	case key.Matches(msg, ik.New):
		if p.state.empty() {
			p.reset()
			return nil
		}
		p.openDialog(dlgNew, components.NewConfirm(p.c, p.c.T("intake.new_title"), p.c.T("intake.new_text")))
		return nil
	case key.Matches(msg, ik.Picker):
		p.openPicker()
		return nil
	case key.Matches(msg, ik.Findings):
		p.zoom = !p.zoom
		p.SetSize(p.width, p.height)
		return nil
	case p.zoom && key.Matches(msg, gk.Back):
		p.zoom = false
		p.SetSize(p.width, p.height)
		return nil
	case key.Matches(msg, gk.Back):
		return common.GoBack
	}
	r := p.form.HandleKey(msg)
	if r.Delete {
		p.deleteRow(p.form.Focused().ID)
		return p.changed()
	}
	if r.Changed {
		return tea.Batch(r.Cmd, p.changed())
	}
	return r.Cmd
}

func (p *intakePage) handleSavedKey(msg tea.KeyPressMsg) tea.Cmd {
	ik := p.keys()
	switch {
	case !p.c.Can(casefile.PermPrint) && common.Pressed(msg, ik.Receipt):
		p.st.Set(p.c.Forbidden(), common.LevelError)
	case key.Matches(msg, ik.Receipt):
		return p.printReceipt()
	case key.Matches(msg, ik.Open):
		return common.Navigate(common.PageDossier, p.saved.Number)
	case key.Matches(msg, ik.Another):
		p.reset()
		p.st.Clear()
	case key.Matches(msg, p.c.Keys.Global.Back):
		return common.GoBack
	}
	return nil
}

// printReceipt prints the receipt of the case just saved.
func (p *intakePage) printReceipt() tea.Cmd {
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
	return printCase(p.printing, printByIntake, p.saved.Number, false, p.c.User)
}

// onPrinted shows where the receipt is, or why it was not printed.
func (p *intakePage) onPrinted(msg printedMsg) {
	if msg.owner != printByIntake {
		return
	}
	p.inPrint = false
	if msg.err != nil {
		p.st.Set(PrintErrText(p.c, msg.err), common.LevelError)
		return
	}
	p.st.Set(printedText(p.c, msg.res), printLevel(msg.res.NotSent))
	if p.saved != nil && p.saved.Number == msg.number {
		p.printed = printedLines(p.c, msg.res)
	}
}

func (p *intakePage) handleDialog(msg tea.KeyPressMsg) tea.Cmd {
	res, cmd := p.dialog.Update(msg)
	if res == components.DialogOpen {
		return cmd
	}
	kind := p.dlg
	p.dialog, p.dlg = nil, 0
	if res != components.DialogYes {
		return nil
	}
	switch kind {
	case dlgSave:
		p.st.Set(p.c.T("intake.saving"), common.LevelPlain)
		return saveCase(p.store, p.state.draft(p.c.Catalog, p.c.Today()), p.c.User)
	case dlgNew:
		p.reset()
		p.autosaveGen++
		return saveDraft(p.store, p.c.User, nil, p.autosaveGen)
	}
	return nil
}

func (p *intakePage) openDialog(kind int, d *components.Dialog) {
	p.dialog, p.dlg = d, kind
}

func (p *intakePage) openPicker() {
	p.picker = components.NewPicker(p.c, p.state.hasApp)
	fw, fh, _, _ := p.layout()
	p.picker.SetSize(fw, fh)
}

func (p *intakePage) closePicker() {
	p.picker = nil
	if len(p.state.Apps) > 0 {
		p.form.FocusPrefix("app.")
	}
	if len(p.c.Catalog.RequiredDocuments(p.state.codes())) > 0 {
		p.form.FocusPrefix("doc.")
	}
}

func (p *intakePage) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || p.dialog != nil || p.saved != nil {
		return nil
	}
	fw, fh, _, _ := p.layout()
	if msg.X >= fw {
		return nil
	}
	if msg.Y == 0 {
		if i := components.SpanAt(p.tabSpans, msg.X); i >= 0 {
			p.picker = nil
			p.form.FocusSection(i)
		}
		return nil
	}
	if msg.Y > fh {
		return nil
	}
	if p.picker != nil {
		if r := p.picker.Click(msg.Y - 1); r.Toggle != "" {
			p.state.toggleApp(r.Toggle)
			return p.changed()
		}
		return nil
	}
	r := p.form.Click(msg.X, msg.Y-1)
	if r.Changed {
		return tea.Batch(r.Cmd, p.changed())
	}
	return r.Cmd
}

// trySave checks the form and asks for confirmation, or lists what must
// be corrected first.
func (p *intakePage) trySave() tea.Cmd {
	probs := p.state.problems(p.c)
	if len(probs) > 0 {
		lines := make([]string, len(probs))
		for i, pr := range probs {
			lines[i] = "- " + pr.Text
		}
		p.openDialog(dlgProblems, components.NewNotice(p.c, p.c.Tf("intake.problems_title", len(probs)), lines...))
		if probs[0].Field != "" {
			p.form.FocusID(probs[0].Field)
		}
		p.st.Set(p.c.Tf("intake.problems", len(probs), probs[0].Text), common.LevelError)
		return nil
	}
	p.openDialog(dlgSave, components.NewConfirm(p.c, p.c.T("intake.confirm_title"), p.confirmLines()...))
	return nil
}

func (p *intakePage) confirmLines() []string {
	c := p.c
	s := &p.state
	d := s.draft(c.Catalog, c.Today())
	info, _ := idNumber(s.ID, c.Today())
	var apps []string
	for _, a := range s.Apps {
		apps = append(apps, a.Code+" "+c.ProjectName(a.Code))
	}
	lines := []string{
		c.Tf("intake.confirm_applicant", strings.TrimSpace(s.Name), casefile.MaskID(info.Number)),
		c.Tf("intake.confirm_household", len(d.Household.Members), p.income.PerCapita.String()),
		c.Tf("intake.confirm_projects", strings.Join(apps, c.T("list.sep"))),
		c.Tf("intake.confirm_documents", len(d.Documents)),
	}
	tmp := caseOfDraft(c, d)
	if miss := c.Catalog.MissingDocuments(tmp); len(miss) > 0 {
		lines = append(lines, c.Tf("intake.confirm_missing", strings.Join(miss, c.T("list.sep"))))
	}
	errs, warns := 0, 0
	for _, f := range p.findings {
		switch f.Severity {
		case casefile.SevError:
			errs++
		case casefile.SevWarning:
			warns++
		}
	}
	lines = append(lines, c.Tf("intake.confirm_findings", errs, warns))
	for _, f := range p.findings {
		// the missing documents are listed above, once
		if f.Severity != casefile.SevInfo && f.Kind != casefile.FindMissingDoc {
			tag, _ := components.SeverityTag(c, f.Severity)
			lines = append(lines, tag+" "+c.Text(f.Text))
		}
	}
	return lines
}

// ---- changes ----

// changed reacts to an edit or to rows added or removed: the rows are
// laid out again, then findings, lookup, duplicate check and autosave.
func (p *intakePage) changed() tea.Cmd {
	p.rebuild()
	return p.afterChange()
}

func (p *intakePage) afterChange() tea.Cmd {
	cmds := p.refreshChecks()
	p.recompute()
	p.autosaveGen++
	p.unsaved = true
	cmds = append(cmds, p.autosaveTick())
	return tea.Batch(cmds...)
}

// onStoreChanged runs the lookup and the duplicate check again when
// another terminal changed the store: what the household holds or has
// applied for may have changed under the form. Nothing typed changes.
func (p *intakePage) onStoreChanged() tea.Cmd {
	if p.saved != nil {
		return nil
	}
	p.knownFor, p.checkSig, p.relookup = "", "", true
	cmds := p.refreshChecks()
	p.recompute()
	return tea.Batch(cmds...)
}

// refreshChecks asks for the person lookup and the live duplicate check
// when what they depend on changed since they last ran.
func (p *intakePage) refreshChecks() []tea.Cmd {
	var cmds []tea.Cmd
	today := p.c.Today()
	if info, ok := idNumber(p.state.ID, today); ok {
		if info.Number != p.knownFor {
			p.knownFor, p.known, p.lookupErr, p.lookedUp = info.Number, nil, nil, false
			cmds = append(cmds, lookupPerson(p.store, info.Number))
		}
	} else if p.knownFor != "" {
		p.knownFor, p.known, p.lookupErr = "", nil, nil
		p.rebuild()
	}
	d := p.state.draft(p.c.Catalog, today)
	if sig := checkSignature(d); sig != p.checkSig {
		p.checkSig = sig
		if len(d.Apps) == 0 {
			p.check = Check{}
		} else {
			ap := d.Applicant
			if info, ok := idNumber(ap.DocNumber, today); ok {
				ap.DocNumber = info.Number
			}
			cmds = append(cmds, runCheck(p.store, sig, ap, d.Household, appCodes(d.Apps), today))
		}
	}
	return cmds
}

func (p *intakePage) autosaveTick() tea.Cmd {
	gen := p.autosaveGen
	if p.c.AutosaveDelay <= 0 {
		return func() tea.Msg { return autosaveTickMsg{gen: gen} }
	}
	return tea.Tick(p.c.AutosaveDelay, func(time.Time) tea.Msg { return autosaveTickMsg{gen: gen} })
}

func appCodes(apps []casefile.Application) []string {
	out := make([]string, len(apps))
	for i, a := range apps {
		out[i] = a.Project
	}
	return out
}

// checkSignature identifies what the live check depends on: the
// applicant, the household members and the projects.
func checkSignature(d *casefile.Draft) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(strings.TrimSpace(d.Applicant.DocNumber)))
	for _, m := range d.Household.Members {
		b.WriteString("|" + m.Person.Key())
	}
	b.WriteString("#")
	for _, a := range d.Apps {
		b.WriteString(a.Project + ",")
	}
	return b.String()
}

// caseOfDraft is the temporary case the findings are computed on.
func caseOfDraft(c *common.Common, d *casefile.Draft) *casefile.Case {
	_ = c.Catalog.Validate(d, c.Today()) // normalises what it can; problems are shown at save
	codes := make([]string, len(d.Apps))
	for i, a := range d.Apps {
		codes[i] = a.Project
	}
	cs := &casefile.Case{Applicant: d.Applicant, Household: d.Household, Apps: d.Apps, Documents: d.Documents,
		Channel: d.Channel, Received: c.Now(), Status: casefile.StatusReceived}
	cs.Deadline = c.Catalog.Deadline(c.Today(), codes)
	return cs
}

// recompute rebuilds the findings from the form: casefile decides them.
func (p *intakePage) recompute() {
	c := p.c
	d := p.state.draft(c.Catalog, c.Today())
	tmp := caseOfDraft(c, d)
	p.income = c.Catalog.Income(tmp)
	p.deadline = tmp.Deadline
	var out []casefile.Finding
	if len(tmp.Apps) > 0 {
		for _, f := range c.Catalog.Findings(tmp, c.Today(), p.check.Conflicts, p.check.Holding) {
			// Evidence is gathered after intake; the desk need not see
			// that none is there yet.
			if f.Kind == casefile.FindMissingEv {
				continue
			}
			out = append(out, f)
		}
	}
	p.findings = out
}

// deleteRow removes the income, member or project of a row.
func (p *intakePage) deleteRow(id string) {
	s := &p.state
	parts := strings.Split(id, ".")
	switch {
	case strings.HasPrefix(id, "inc.self.") && len(parts) >= 3:
		if i, err := strconv.Atoi(parts[2]); err == nil && i < len(s.Incomes) {
			s.Incomes = append(s.Incomes[:i], s.Incomes[i+1:]...)
		}
	case strings.HasPrefix(id, "inc.") && len(parts) >= 3:
		mi, err1 := strconv.Atoi(parts[1])
		i, err2 := strconv.Atoi(parts[2])
		if err1 == nil && err2 == nil && mi < len(s.Members) && i < len(s.Members[mi].Incomes) {
			m := &s.Members[mi]
			m.Incomes = append(m.Incomes[:i], m.Incomes[i+1:]...)
		}
	case strings.HasPrefix(id, "m.") && len(parts) >= 2:
		if i, err := strconv.Atoi(parts[1]); err == nil && i < len(s.Members) {
			s.Members = append(s.Members[:i], s.Members[i+1:]...)
		}
	case strings.HasPrefix(id, "app."):
		s.toggleApp(strings.TrimPrefix(id, "app."))
	}
}

// ---- view ----

func (p *intakePage) View() string {
	if p.dialog != nil {
		return p.dialog.View(p.width, p.height)
	}
	if p.saved != nil {
		return p.savedView()
	}
	c := p.c
	fw, fh, pw, ph := p.layout()
	if p.zoom {
		return components.FindingsPanel(c, c.T("findings.title"), p.findingsHead(), p.findings, p.width, p.height)
	}
	var top string
	if p.picker != nil {
		top = c.Styles.App.Title.Render(c.T("picker.title"))
		p.tabSpans = nil
	} else {
		labels := make([]string, len(intakeSections))
		for i, k := range intakeSections {
			labels[i] = fmt.Sprintf("%d %s", i+1, c.T(k))
		}
		top, p.tabSpans = components.Tabs(c.Styles, labels, p.form.Section())
	}
	var area string
	if p.picker != nil {
		area = p.picker.View()
	} else {
		area = p.form.View()
	}
	left := components.FitWidth(top, fw) + "\n" + components.FitHeight(area, fh)
	panel := components.FindingsPanel(c, c.T("findings.title"), p.findingsHead(), p.findings, pw, ph)
	var body string
	if p.width >= 110 {
		body = lipgloss.JoinHorizontal(lipgloss.Top, components.FitHeight(left, p.height), " ", panel)
	} else {
		body = left + "\n" + panel
	}
	return components.FitHeight(body, p.height)
}

// findingsHead is the summary above the findings: the income figures
// and the deadline, on one line where the panel is wide enough.
func (p *intakePage) findingsHead() []string {
	c := p.c
	in := p.income
	h := c.Tf("findings.income", in.PerCapita.String(), in.Members, in.Counted.String())
	if in.Excluded > 0 {
		h += c.Tf("findings.excluded", in.Excluded.String())
	}
	if len(p.state.Apps) == 0 {
		h += c.T("findings.no_projects")
	} else {
		left := c.Catalog.Calendar.WorkdaysBetween(c.Today(), p.deadline)
		h += c.Tf("findings.deadline", p.deadline.String(), left)
	}
	return []string{h}
}

func (p *intakePage) savedView() string {
	c := p.c
	s := c.Styles
	cs := p.saved
	lines := []string{"",
		"  " + s.App.StatusOK.Render(c.T("intake.saved_title")) + "  " + s.App.Title.Render(cs.Number), "",
		"  " + c.Tf("intake.saved_applicant", cs.Applicant.Name, casefile.MaskID(cs.Applicant.DocNumber), cs.Applicant.Sex.Label(c.Lang)),
		"  " + c.Tf("intake.saved_received", cs.Received.Format("2006-01-02 15:04"), cs.Deadline.String()),
		"  " + c.T("intake.saved_projects"),
	}
	for _, a := range cs.Apps {
		lines = append(lines, "    "+a.Project+" "+c.ProjectName(a.Project)+"  "+c.Tf("intake.saved_proposed", a.Proposed.String()))
	}
	if miss := c.Catalog.MissingDocuments(cs); len(miss) > 0 {
		lines = append(lines, "  "+s.App.StatusWarn.Render(c.Tf("intake.confirm_missing", strings.Join(miss, c.T("list.sep")))))
	}
	lines = append(lines, "", "  "+s.App.Muted.Render(c.T("intake.saved_next")))
	if len(p.printed) > 0 {
		lines = append(lines, "")
		for _, l := range p.printed {
			lines = append(lines, "  "+s.App.StatusOK.Render(l))
		}
	}
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, components.Wrap(l, p.width)...)
	}
	return components.FitHeight(components.FitBlock(wrapped, p.width), p.height)
}

// ---- keys ----

// keys are the intake's own keys as they work now: the receipt only for
// a role that may print.
func (p *intakePage) keys() common.IntakeKeys {
	ik := p.c.Keys.Intake // a copy
	ik.Receipt.SetEnabled(p.c.Can(casefile.PermPrint))
	return ik
}

func (p *intakePage) ShortHelp() []key.Binding {
	switch {
	case p.dialog != nil:
		return p.dialog.ShortHelp()
	case p.saved != nil:
		ik := p.keys()
		return []key.Binding{ik.Receipt, ik.Open, ik.Another, p.c.Keys.Global.Back}
	case p.picker != nil:
		return p.picker.ShortHelp()
	}
	k, ik := p.form.Keys(), p.keys()
	if p.zoom {
		return []key.Binding{ik.Findings, p.c.Keys.Global.Back}
	}
	return []key.Binding{k.Next, k.Activate, k.Toggle, k.Cycle, k.Delete, ik.Picker, ik.Save, ik.Findings, p.c.Keys.Global.Back}
}

func (p *intakePage) FullHelp() [][]key.Binding {
	if p.dialog != nil || p.saved != nil || p.picker != nil {
		return [][]key.Binding{p.ShortHelp()}
	}
	k, ik, g := p.form.Keys(), p.keys(), p.c.Keys.Global
	return [][]key.Binding{
		{k.Next, k.Prev, k.NextSec, k.PrevSec},
		{k.Activate, k.Toggle, k.Cycle, k.Delete},
		{ik.Picker, ik.Save, ik.New, ik.Findings},
		{g.Back, g.Help, g.Quit},
	}
}
