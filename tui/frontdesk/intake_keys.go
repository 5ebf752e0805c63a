package frontdesk

// The intake's keys, clicks, dialogs and the project picker, and the
// help that shows the live keys.

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

func (p *intakePage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch p.mode {
	case modeDialog:
		return p.handleDialog(msg)
	case modeSaved:
		return p.handleSavedKey(msg)
	case modePicker:
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
		p.openDialog(dlgNew, components.NewConfirm(p.c, p.c.T(lblIntakeNewTitle), p.c.T(lblIntakeNewText)))
		return nil
	case key.Matches(msg, ik.Picker):
		p.openPicker()
		return nil
	case key.Matches(msg, ik.Findings):
		if p.mode == modeZoom {
			p.mode = modeForm
		} else {
			p.mode = modeZoom
		}
		p.SetSize(p.width, p.height)
		return nil
	case p.mode == modeZoom && key.Matches(msg, gk.Back):
		p.mode = modeForm
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
	case key.Matches(msg, p.rateKey()):
		p.startRating()
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
	return p.printer.start(p.c, &p.st, p.saved.Number, false)
}

// onPrinted shows where the receipt is, or why it was not printed.
func (p *intakePage) onPrinted(msg printedMsg) {
	if msg.owner != printByIntake {
		return
	}
	p.printer.busy = false
	if msg.err != nil {
		p.st.Set(PrintErrText(p.c, msg.err), common.LevelError)
		return
	}
	p.st.Set(printedText(p.c, msg.res), printLevel(msg.res.NotSent))
	if p.mode == modeSaved && p.saved.Number == msg.number {
		p.printed = printedLines(p.c, msg.res)
	}
}

func (p *intakePage) handleDialog(msg tea.KeyPressMsg) tea.Cmd {
	res, cmd := p.dialog.Update(msg)
	if res == components.DialogOpen {
		return cmd
	}
	kind, answer := p.dlg, p.dialog.Value()
	p.mode, p.dialog, p.dlg = p.underDialog, nil, 0
	if res != components.DialogYes {
		return nil
	}
	switch kind {
	case dlgSave:
		return p.save()
	case dlgRename:
		p.renamed.number, p.renamed.name = p.knownFor, strings.TrimSpace(p.state.Name)
		return p.trySave()
	case dlgRepeat:
		p.repeatReason = answer
		return p.save()
	case dlgNew:
		p.reset()
		p.autosaveGen++
		return saveDraft(p.store, p.c.User, nil, p.autosaveGen)
	}
	return nil
}

// save stores the confirmed case once the name agrees with the records
// (or its change is confirmed).
func (p *intakePage) save() tea.Cmd {
	if !p.nameAgrees() {
		return nil
	}
	p.st.Set(p.c.T(lblIntakeSaving), common.LevelPlain)
	d := p.state.draft(p.c.Catalog, p.c.Today())
	if p.known != nil && p.renamed.number == p.knownFor && p.renamed.name == strings.TrimSpace(p.state.Name) {
		d.NameOnFile = p.known.Person.Name
	}
	d.RepeatReason = p.repeatReason
	return saveCase(p.store, d, p.c.User)
}

func (p *intakePage) openDialog(kind int, d *components.Dialog) {
	p.underDialog, p.mode = p.mode, modeDialog
	p.dialog, p.dlg = d, kind
}

func (p *intakePage) openPicker() {
	p.mode, p.picker = modePicker, components.NewPicker(p.c, p.state.hasApp)
	fw, fh, _, _ := p.layout()
	p.picker.SetSize(fw, fh)
}

func (p *intakePage) closePicker() {
	p.mode, p.picker = modeForm, nil
	if len(p.state.Apps) > 0 {
		p.form.FocusPrefix("app.")
	}
	if len(p.c.Catalog.RequiredDocuments(p.state.codes())) > 0 {
		p.form.FocusPrefix("doc.")
	}
}

func (p *intakePage) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || p.mode == modeDialog || p.mode == modeSaved {
		return nil
	}
	fw, fh, _, _ := p.layout()
	if msg.X >= fw {
		return nil
	}
	if msg.Y == 0 {
		if i := components.SpanAt(p.tabSpans, msg.X); i >= 0 {
			if p.mode == modePicker {
				p.mode, p.picker = modeForm, nil
			}
			p.form.FocusSection(i)
		}
		return nil
	}
	if msg.Y > fh {
		return nil
	}
	if p.mode == modePicker {
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
		p.openDialog(dlgProblems, components.NewNotice(p.c, p.c.Tf(lblIntakeProblemsTitle, len(probs)), lines...))
		if probs[0].Field != "" {
			p.form.FocusID(probs[0].Field)
		}
		p.st.Set(p.c.Tf(lblIntakeProblems, len(probs), probs[0].Text), common.LevelError)
		return nil
	}
	// a name that differs from the one on file is asked about first; a
	// lookup still on its way is waited for when the save is confirmed,
	// so keys typed ahead (ctrl+s y) still reach the save dialog
	if p.lookedUp && !p.nameAgrees() {
		return nil
	}
	p.openDialog(dlgSave, components.NewConfirm(p.c, p.c.T(lblIntakeConfirmTitle), p.confirmLines()...))
	return nil
}

// nameAgrees reports whether the typed name may be saved for the typed
// ID number: the lookup has answered, and the name is the one on file
// or its change was confirmed. Otherwise it says why or asks.
func (p *intakePage) nameAgrees() bool {
	if p.knownFor == "" || p.lookupErr != nil {
		return true // nothing to compare with (a failed lookup says so)
	}
	if !p.lookedUp {
		// the save goes on when the lookup answers
		p.saveOnLookup = true
		p.st.Set(p.c.T(lblIntakeStillLooking), common.LevelWarn)
		return false
	}
	p.saveOnLookup = false
	name := strings.TrimSpace(p.state.Name)
	if p.known == nil || p.known.Person.Name == name ||
		(p.renamed.number == p.knownFor && p.renamed.name == name) {
		return true
	}
	old := p.known.Person.Name
	p.st.Set(p.c.Tf(lblIntakeRenameRefused, old), common.LevelError)
	p.openDialog(dlgRename, components.NewConfirm(p.c, p.c.T(lblIntakeRenameTitle),
		p.c.Tf(lblIntakeRenameLine, casefile.MaskID(p.knownFor), old, name), p.c.Tf(lblIntakeRenameAsk, name)))
	return false
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
		c.Tf(lblIntakeConfirmApplicant, strings.TrimSpace(s.Name), casefile.MaskID(info.Number)),
		c.Tf(lblIntakeConfirmHousehold, len(d.Household.Members), p.income.PerCapita.String()),
		c.Tf(lblIntakeConfirmProjects, strings.Join(apps, c.T(common.LblListSep))),
		c.Tf(lblIntakeConfirmDocuments, len(d.Documents)),
	}
	tmp := caseOfDraft(c, d)
	if miss := c.Catalog.MissingDocuments(tmp); len(miss) > 0 {
		lines = append(lines, c.Tf(lblIntakeConfirmMissing, documentList(c, miss)))
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
	lines = append(lines, c.Tf(lblIntakeConfirmFindings, errs, warns))
	for _, f := range p.findings {
		// the missing documents are listed above, once
		if f.Severity != casefile.SevInfo && f.Kind != casefile.FindMissingDoc {
			tag, _ := components.SeverityTag(c, f.Severity)
			lines = append(lines, tag+" "+c.T(f.Text))
		}
	}
	return lines
}

// keys are the intake's own keys as they work now: the receipt only for
// a role that may print.
func (p *intakePage) keys() common.IntakeKeys {
	ik := p.c.Keys.Intake // a copy
	ik.Receipt.SetEnabled(p.c.Can(casefile.PermPrint))
	return ik
}

func (p *intakePage) ShortHelp() []key.Binding {
	k, ik := p.form.Keys(), p.keys()
	switch p.mode {
	case modeDialog:
		return p.dialog.ShortHelp()
	case modeSaved:
		return []key.Binding{ik.Receipt, p.rateKey(), ik.Open, ik.Another, p.c.Keys.Global.Back}
	case modeRating:
		return nil // the applicant's screen: no desk keys
	case modePicker:
		return p.picker.ShortHelp()
	case modeZoom:
		return []key.Binding{ik.Findings, p.c.Keys.Global.Back}
	}
	return []key.Binding{k.Next, k.Activate, k.Toggle, k.Cycle, k.Delete, ik.Picker, ik.Save, ik.Findings, p.c.Keys.Global.Back}
}

func (p *intakePage) FullHelp() [][]key.Binding {
	if p.mode != modeForm && p.mode != modeZoom {
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
