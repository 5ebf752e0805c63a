package frontdesk

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

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

var intakeSections = []casefile.Text{lblIntakeSecApplicant, lblIntakeSecHousehold, lblIntakeSecProjects, lblIntakeSecDocuments, lblIntakeSecChannel}

// Dialogs the intake can show.
const (
	dlgSave = iota + 1
	dlgNew
	dlgProblems
	dlgRename // the name typed differs from the one on file
	dlgRepeat // the person already has a project open or holds it: why again?
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

	printer casePrinter // prints the saved case's receipt

	// mode is what the page shows and where its keys go; a dialog keeps
	// the mode it was opened over in underDialog and returns to it.
	mode        intakeMode
	underDialog intakeMode
	picker      *components.Picker // in modePicker
	dialog      *components.Dialog // in modeDialog
	dlg         int                // which dialog (dlgSave, dlgNew)

	saved   *casefile.Case // in modeSaved: the case just saved
	rate    *rateScreen    // in modeRating: the applicant's rating screen
	rated   bool           // the saved case was rated here
	printed []string       // where the receipt was printed

	known     *KnownPerson
	knownFor  string // ID number the lookup is for
	lookedUp  bool   // the lookup for knownFor has answered
	lookupErr error
	// fromFile holds the rows pre-filled from known's record and not
	// touched since; they show where the value came from.
	fromFile map[string]bool
	// review holds the rows the clerk filled for an ID number since
	// changed; they ask to be checked until touched.
	review map[string]bool
	// renamed is the ID number and name whose change of name from the
	// one on file the clerk confirmed.
	renamed struct{ number, name string }
	// saveOnLookup: save was asked for before the lookup answered.
	saveOnLookup bool
	// repeatReason is why the person applies again for a project they
	// have open or hold, as given in the repeat prompt.
	repeatReason string

	check    Check
	checkSig string // signature the check was asked for

	findings []casefile.Finding
	income   casefile.IncomeSummary
	deadline casefile.Date

	autosaveGen int
	unsaved     bool // changed since the last autosave
	restored    bool // the form came back from a saved draft
	st          common.StatusLine

	width, height int
	tabSpans      [][2]int

	kindOpts []components.Option // the income kinds, in kindLang (incomeKinds)
	kindLang casefile.Lang
}

func newIntakePage(c *common.Common, store IntakeStore, pr Printing) *intakePage {
	p := &intakePage{c: c, store: store, printer: casePrinter{pr: pr, owner: printByIntake}, state: newIntakeState(), form: components.NewForm(c)}
	p.rebuild()
	p.recompute()
	return p
}

// ---- page contract ----

func (p *intakePage) Title() string { return p.c.T(lblIntakeTitle) }

func (p *intakePage) Status() (string, common.Level) { return p.st.Text, p.st.Level }

// intakeMode is what the intake shows and where its keys go.
type intakeMode int

const (
	modeForm   intakeMode = iota // the form, with the findings panel
	modePicker                   // the project picker in place of the form
	modeZoom                     // the findings panel fills the page; keys still reach the form
	modeDialog                   // a question over the page
	modeSaved                    // the case just saved, with what to do next
	modeRating                   // the saved case's rating screen, turned to the applicant
)

// base is the mode under a dialog, or the mode.
func (p *intakePage) base() intakeMode {
	if p.mode == modeDialog {
		return p.underDialog
	}
	return p.mode
}

// Dirty: a form with content that is not yet a case.
func (p *intakePage) Dirty() bool {
	return p.mode != modeSaved && p.mode != modeRating && !p.state.empty()
}

func (p *intakePage) Typing() bool {
	switch p.mode {
	case modeDialog:
		return p.dialog.Typing()
	case modeSaved:
		return false
	case modePicker, modeRating:
		return true
	}
	return p.form.Typing()
}

func (p *intakePage) Enter() tea.Cmd {
	if p.mode == modeSaved {
		p.reset()
	}
	if p.restored {
		p.st.Set(p.c.T(lblIntakeRestored), common.LevelWarn)
		p.restored = false
	}
	return nil
}

func (p *intakePage) SetSize(w, h int) {
	p.width, p.height = w, h
	fw, fh, _, _ := p.layout()
	p.form.SetSize(fw, fh)
	if p.mode == modePicker {
		p.picker.SetSize(fw, fh)
	}
	if p.rate != nil {
		p.rate.setSize(w, h)
	}
}

// layout returns the form's size and the findings panel's size; the
// panel goes beside the form on wide screens, below it otherwise.
func (p *intakePage) layout() (fw, fh, pw, ph int) {
	zoom := p.base() == modeZoom
	if p.width >= 110 && !zoom {
		pw = min(52, p.width*2/5)
		return p.width - pw - 1, p.height - 1, pw, p.height
	}
	ph = 9
	if p.height >= 30 {
		ph = 12
	}
	if zoom {
		ph = p.height
	}
	return p.width, max(p.height-1-ph, 1), p.width, ph
}

// reset empties the form for the next applicant.
func (p *intakePage) reset() {
	p.state = newIntakeState()
	p.saved, p.known, p.knownFor, p.lookupErr, p.lookedUp = nil, nil, "", nil, false
	p.fromFile, p.review, p.renamed, p.saveOnLookup, p.repeatReason = nil, nil, struct{ number, name string }{}, false, ""
	p.printed, p.rate, p.rated = nil, nil, false
	p.check, p.checkSig = Check{}, ""
	p.mode, p.picker, p.dialog, p.dlg = modeForm, nil, nil, 0
	p.unsaved = false
	p.rebuild()
	p.form.FocusID("id")
	p.recompute()
}

// ---- update ----

func (p *intakePage) Update(msg tea.Msg) tea.Cmd {
	if cmd, done := p.rateUpdate(msg); done {
		return cmd
	}
	switch msg := msg.(type) {
	case draftLoadedMsg:
		return p.onDraftLoaded(msg)
	case autosaveTickMsg:
		if msg.gen != p.autosaveGen || !p.unsaved || p.mode == modeSaved || p.mode == modeRating {
			return nil
		}
		return saveDraft(p.store, p.c.User, p.draftData(), msg.gen)
	case draftSavedMsg:
		if msg.err != nil {
			p.st.Set(p.c.Tf(lblIntakeAutosaveFailed, p.c.Msg(msg.err)), common.LevelError)
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
			p.st.Set(p.c.Tf(lblIntakeCheckFailed, p.c.Msg(msg.err)), common.LevelError)
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
		switch p.mode {
		case modeDialog:
			_, cmd := p.dialog.Update(msg)
			return cmd
		case modePicker:
			_, cmd := p.picker.Update(msg)
			return cmd
		case modeForm, modeZoom:
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
		p.st.Set(p.c.Tf(lblIntakeDraftLoadFailed, p.c.Msg(msg.err)), common.LevelError)
		return nil
	}
	if msg.data == nil || !p.state.empty() {
		return nil
	}
	s, err := unmarshalIntake(msg.data)
	if err != nil || s.empty() {
		return nil
	}
	p.state, p.fromFile, p.review = s.intakeState, markSet(s.FromFile), markSet(s.Review)
	p.restored = true
	p.rebuild()
	p.form.FocusID("id")
	return p.afterChange()
}

// draftData is the form in progress as its autosaved draft keeps it.
func (p *intakePage) draftData() []byte {
	return marshalDraft(p.state, p.fromFile, p.review)
}

func (p *intakePage) onPersonFound(msg personFoundMsg) tea.Cmd {
	if msg.number != p.knownFor {
		return nil
	}
	if msg.err != nil {
		p.lookupErr = msg.err
		p.st.Set(p.c.Tf(lblIntakeLookupFailed, p.c.Msg(msg.err)), common.LevelError)
		p.rebuild()
		return nil
	}
	p.known, p.lookupErr, p.lookedUp = msg.known, nil, true
	refresh := p.relookup
	p.relookup = false
	if kp := msg.known; kp != nil && !refresh {
		p.fillFromFile(kp)
		p.st.Set(p.c.Tf(lblIntakeKnown, kp.Person.Name, kp.Cases), common.LevelOK)
	} else if msg.known == nil && !refresh {
		p.st.Set(p.c.T(lblIntakeNewPerson), common.LevelPlain)
	}
	p.rebuild()
	p.form.Refresh()
	cmd := p.changed()
	if p.saveOnLookup && p.mode == modeForm {
		p.saveOnLookup = false
		return tea.Batch(cmd, p.save())
	}
	return cmd
}

// fillFromFile fills the empty applicant rows from the record of kp and
// marks them as coming from it.
func (p *intakePage) fillFromFile(kp *KnownPerson) {
	if p.fromFile == nil {
		p.fromFile = map[string]bool{}
	}
	fill := func(id string, dst *string, src string) {
		if strings.TrimSpace(*dst) == "" && src != "" {
			*dst = src
			p.fromFile[id] = true
		}
	}
	s := &p.state
	fill("name", &s.Name, kp.Person.Name)
	fill("phone", &s.Phone, kp.Person.Phone)
	fill("township", &s.Township, kp.Person.Township)
	fill("village", &s.Village, kp.Person.Village)
	fill("address", &s.Address, kp.Person.Address)
	if s.Disability == "0" && kp.Person.DisabilityGrade > 0 {
		s.Disability = strconv.Itoa(kp.Person.DisabilityGrade)
		p.fromFile["disability"] = true
	}
	if s.Flags == "" && len(kp.Person.Flags) > 0 {
		s.Flags = strings.Join(kp.Person.Flags, ",")
		p.fromFile["flags"] = true
	}
	p.fillHousehold(kp)
}

// fillHousehold fills the household from the newest case the person is
// in, when nothing of the household has been typed: area, members and
// the incomes last recorded, each marked with the record's date.
func (p *intakePage) fillHousehold(kp *KnownPerson) {
	s := &p.state
	if kp.Recorded.IsZero() || len(s.Members) > 0 || len(s.Incomes) > 0 {
		return
	}
	on := kp.Recorded.String()
	incomes := func(in []casefile.Income) []incomeState {
		var out []incomeState
		for _, x := range in {
			out = append(out, incomeState{Kind: x.Kind, Amount: x.Monthly.String(), OnFile: on})
		}
		return out
	}
	for _, m := range kp.Household.Members {
		if m.Relation == casefile.RelationSelf {
			s.Incomes = incomes(m.Incomes)
			continue
		}
		ms := memberState{Relation: m.Relation, Name: m.Person.Name, Incomes: incomes(m.Incomes), OnFile: on,
			Disability: strconv.Itoa(m.Person.DisabilityGrade), Flags: strings.Join(m.Person.Flags, ",")}
		if m.Person.DocType == casefile.DocResidentID {
			ms.ID = m.Person.DocNumber
		} else if !m.Person.Birth.IsZero() {
			ms.Birth = m.Person.Birth.String()
		}
		s.Members = append(s.Members, ms)
	}
	if a := string(kp.Household.Area); a != "" && s.Area == newIntakeState().Area {
		s.Area = a
		p.fromFile["area"] = true
	}
}

// applicantRows are the applicant's rows a record fills.
var applicantRows = []string{"name", "phone", "township", "village", "address", "disability", "flags"}

// dropFromFile empties what was filled from the record of the ID number
// that was there before, and marks what the clerk typed for review.
func (p *intakePage) dropFromFile() {
	s := &p.state
	val := map[string]*string{"name": &s.Name, "phone": &s.Phone, "township": &s.Township,
		"village": &s.Village, "address": &s.Address, "disability": &s.Disability, "flags": &s.Flags}
	empty := newIntakeState()
	blank := map[string]string{"disability": empty.Disability, "flags": empty.Flags}
	if p.review == nil {
		p.review = map[string]bool{}
	}
	if p.fromFile["area"] {
		s.Area = newIntakeState().Area
		delete(p.fromFile, "area")
	}
	s.Incomes = keepTyped(s.Incomes)
	members := s.Members[:0]
	for _, m := range s.Members {
		if m.OnFile == "" {
			m.Incomes = keepTyped(m.Incomes)
			members = append(members, m)
		}
	}
	s.Members = members
	for _, id := range applicantRows {
		v := val[id]
		switch {
		case p.fromFile[id]:
			*v = blank[id]
			delete(p.fromFile, id)
		case strings.TrimSpace(*v) != "" && *v != blank[id]:
			p.review[id] = true
		}
	}
}

// keepTyped drops the incomes that came from a record and were not
// touched since.
func keepTyped(in []incomeState) []incomeState {
	var out []incomeState
	for _, x := range in {
		if x.OnFile == "" {
			out = append(out, x)
		}
	}
	return out
}

// fileMark is the hint of a row pre-filled from the records and not
// touched since: "档案 2026-11-03".
func (p *intakePage) fileMark(id string) (string, common.Level) {
	if p.review[id] {
		return p.c.T(lblIntakeReview), common.LevelWarn
	}
	if !p.fromFile[id] || p.known == nil {
		return "", common.LevelPlain
	}
	if p.known.Recorded.IsZero() {
		return p.c.T(lblIntakeFromFileUndated), common.LevelMuted
	}
	return p.c.Tf(lblIntakeFromFile, p.known.Recorded.String()), common.LevelMuted
}

// repeatPrompt asks why the person applies again, naming the cases the
// store found (err's detail); an empty reason is refused in the prompt.
func (p *intakePage) repeatPrompt(err error) *components.Dialog {
	var lines []string
	var ce *casefile.Error
	if errors.As(err, &ce) && ce.Detail != (casefile.Text{}) {
		lines = append(lines, ce.Detail.In(p.c.Lang))
	}
	lines = append(lines, p.c.T(lblIntakeRepeatAsk))
	d := components.NewPrompt(p.c, p.c.T(lblIntakeRepeatTitle), lines...)
	return d.Validate(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(p.c.Msg(casefile.ErrReasonRequired))
		}
		return nil
	})
}

func (p *intakePage) onCaseSaved(msg caseSavedMsg) tea.Cmd {
	if errors.Is(msg.err, casefile.ErrRepeatApplication) && p.mode == modeForm {
		p.st.Set(p.c.T(lblIntakeRepeatRefused), common.LevelError)
		p.openDialog(dlgRepeat, p.repeatPrompt(msg.err))
		return nil
	}
	if msg.err != nil {
		p.st.Set(p.c.Tf(lblIntakeSaveFailed, components.FirstLine(p.c.Msg(msg.err))), common.LevelError)
		return nil
	}
	p.saved, p.mode, p.picker = msg.c, modeSaved, nil
	p.unsaved = false
	p.autosaveGen++
	p.st.Set(p.c.Tf(lblIntakeSaved, msg.c.Number), common.LevelOK)
	return saveDraft(p.store, p.c.User, nil, p.autosaveGen)
}
