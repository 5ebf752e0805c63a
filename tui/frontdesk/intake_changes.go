package frontdesk

// What follows a change on the intake: the autosave, the lookups and
// checks run again, and the rows rebuilt.

import (
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

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
	if p.mode == modeSaved || p.mode == modeRating {
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
			if p.knownFor != "" {
				p.dropFromFile()
			}
			p.knownFor, p.known, p.lookupErr, p.lookedUp = info.Number, nil, nil, false
			cmds = append(cmds, lookupPerson(p.store, info.Number))
		}
	} else if p.knownFor != "" {
		p.dropFromFile()
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
		if len(p.check.Repeats) > 0 {
			// a warning: after the problems, before the information
			i := slices.IndexFunc(out, func(f casefile.Finding) bool { return f.Severity == casefile.SevInfo })
			if i < 0 {
				i = len(out)
			}
			out = slices.Insert(out, i, c.Catalog.RepeatFinding(p.check.Repeats))
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
