package frontdesk

// The dossier's view: the tab row and each tab's lines.

import (
	"fmt"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

func (p *dossierPage) clampScroll() {
	n := len(p.tabLines())
	room := max(p.height-2, 1)
	p.scroll = max(0, min(p.scroll, n-room))
}

func (p *dossierPage) View() string {
	c := p.c
	s := c.Styles
	if p.mode == dossierDialog {
		return p.dialog.View(p.width, p.height)
	}
	if p.d == nil {
		msg := c.T(lblDossierLoading)
		if !p.loading {
			msg = c.T(lblDossierNone)
		}
		return components.FitHeight("  "+s.App.Muted.Render(msg), p.height)
	}
	cs := p.d.Case
	head := fmt.Sprintf("%s  %s  [%s]  %s", s.App.Title.Render(cs.Number), cs.Applicant.Name,
		cs.Status.Label(c.Lang), c.Tf(common.LblDossierDeadline, cs.Deadline.String()))
	if cs.Status.Open() {
		left := c.Catalog.WorkdaysLeft(cs, c.Today())
		st := s.App.Muted
		if c.Catalog.DeadlineNear(cs, c.Today()) {
			st = s.App.StatusWarn
		}
		head += st.Render(c.Tf(common.LblDossierDaysLeft, left))
	}
	if p.mode == dossierEvidence {
		return components.FitHeight(components.FitWidth(head, p.width)+"\n"+p.ev.View(), p.height)
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
		c.Tf(lblDossierApplicant, a.Name, p.idNumber(a.DocNumber), a.Sex.Label(c.Lang), a.AgeOn(c.Today())),
		c.Tf(lblDossierContact, p.phone(a.Phone), strings.TrimSpace(a.Township+" "+a.Village+" "+a.Address)),
	}
	if a.DisabilityGrade > 0 || len(a.Flags) > 0 {
		var fl []string
		for _, f := range a.Flags {
			fl = append(fl, c.T(casefile.FlagLabel(f)))
		}
		lines = append(lines, c.Tf(lblDossierDisability, c.T(casefile.DisabilityLabel(a.DisabilityGrade)), strings.Join(fl, c.T(common.LblListSep))))
	}
	lines = append(lines,
		c.Tf(lblDossierReceived, cs.Received.Format("2006-01-02 15:04"), cs.Channel.Label(c.Lang), cs.Officer),
		"", c.T(lblDossierProjectsHead))
	for _, ap := range cs.Apps {
		lines = append(lines, "  "+ap.Project+" "+c.ProjectName(ap.Project)+"  "+c.Tf(lblDossierProposed, ap.Proposed.String()))
	}
	if miss := c.Catalog.MissingEvidence(cs); len(miss) > 0 && cs.Status.Open() {
		var names []string
		for _, k := range miss {
			names = append(names, k.Label(c.Lang))
		}
		lines = append(lines, "", c.Tf(lblDossierMissingEvidence, strings.Join(names, c.T(common.LblListSep))))
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
	lines = append(lines, c.Tf(lblDossierFindingsCount, errs, warns))
	if cs.Note != "" {
		lines = append(lines, c.Tf(lblDossierNote, cs.Note))
	}
	return append(lines, p.lifeLines()...)
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
		amt := c.Tf(lblDossierAmounts, ap.Requested.String(), ap.Proposed.String())
		if ap.Outcome == casefile.OutcomeGranted {
			amt += c.Tf(lblDossierGranted, ap.Granted.String())
		}
		lines = append(lines, "   "+amt)
		if ap.Dedup != nil {
			mark := c.T(lblDossierDedupKeep)
			if !ap.Dedup.Keep {
				mark = c.T(lblDossierDedupDecline)
			}
			lines = append(lines, "   "+c.Tf(lblDossierDedup, mark, ap.Dedup.Why()))
		}
		if why := ap.Why(); ap.Outcome == casefile.OutcomeDeclined && why != (casefile.Text{}) {
			lines = append(lines, "   "+c.Tf(common.LblDossierDeclined, why))
		}
	}
	return lines
}

func (p *dossierPage) evidenceLines() []string {
	c := p.c
	cs := p.d.Case
	var lines []string
	if len(cs.Evidence) == 0 {
		lines = append(lines, c.T(common.LblDossierNoEvidence))
	}
	for i, ev := range cs.Evidence {
		lines = append(lines, fmt.Sprintf("%d. %s  %s  %s  %s", i+1, ev.Kind.Label(c.Lang), c.DeptName(ev.Department),
			ev.Date.String(), c.Tf(common.LblDossierVerifier, ev.Verifier)))
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
		lines = append(lines, "", c.Tf(lblDossierMissingEvidence, strings.Join(names, c.T(common.LblListSep))))
	}
	return lines
}

func (p *dossierPage) historyLines() []string {
	c := p.c
	var lines []string
	for _, h := range p.d.History {
		l := fmt.Sprintf("%s  %s  %s", h.At.Format("2006-01-02 15:04"), h.Who, casefile.Action(h.Action).Label(c.Lang))
		if h.To != "" && h.From != h.To {
			if h.From != "" {
				l += "  " + h.From.Label(c.Lang) + " -> " + h.To.Label(c.Lang)
			} else {
				l += "  -> " + h.To.Label(c.Lang)
			}
		}
		if why := c.T(historyText(h)); why != "" {
			l += "  " + why
		}
		lines = append(lines, l)
	}
	return lines
}

// historyText is what a history entry says, in both languages. A move to
// ready carries the front desk's own words in the one language it was
// made in (Store.Move takes free text): they are shown as the label.
func historyText(h casefile.HistoryEntry) casefile.Text {
	if h.Note == (casefile.Text{}) && (h.Why == lblDossierReadyWhy.ZH || h.Why == lblDossierReadyWhy.EN) {
		return lblDossierReadyWhy
	}
	return h.Text()
}
