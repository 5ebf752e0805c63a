package frontdesk

// The intake's view: the form, the findings panel beside or below it,
// and the screen after a save.

import (
	"fmt"

	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

func (p *intakePage) View() string {
	c := p.c
	switch p.mode {
	case modeDialog:
		return p.dialog.View(p.width, p.height)
	case modeSaved:
		return p.savedView()
	case modeRating:
		return p.rate.view()
	case modeZoom:
		return components.FindingsPanel(c, c.T(common.LblFindingsTitle), p.findingsHead(), p.findings, p.width, p.height)
	}
	fw, fh, pw, ph := p.layout()
	var top string
	if p.mode == modePicker {
		top = c.Styles.App.Title.Render(c.T(lblPickerTitle))
		p.tabSpans = nil
	} else {
		labels := make([]string, len(intakeSections))
		for i, k := range intakeSections {
			labels[i] = fmt.Sprintf("%d %s", i+1, c.T(k))
		}
		top, p.tabSpans = components.Tabs(c.Styles, labels, p.form.Section())
	}
	var area string
	if p.mode == modePicker {
		area = p.picker.View()
	} else {
		area = p.form.View()
	}
	left := components.FitWidth(top, fw) + "\n" + components.FitHeight(area, fh)
	panel := components.FindingsPanel(c, c.T(common.LblFindingsTitle), p.findingsHead(), p.findings, pw, ph)
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
	h := c.Tf(common.LblFindingsIncome, in.PerCapita.String(), in.Members, in.Counted.String())
	if in.Excluded > 0 {
		h += c.Tf(common.LblFindingsExcluded, in.Excluded.String())
	}
	if len(p.state.Apps) == 0 {
		h += c.T(lblFindingsNoProjects)
	} else {
		left := c.Catalog.Calendar.WorkdaysBetween(c.Today(), p.deadline)
		h += c.Tf(lblFindingsDeadline, p.deadline.String(), left)
	}
	return []string{h}
}

func (p *intakePage) savedView() string {
	c := p.c
	s := c.Styles
	cs := p.saved
	lines := []string{"",
		"  " + s.App.StatusOK.Render(c.T(lblIntakeSavedTitle)) + "  " + s.App.Title.Render(cs.Number), "",
		"  " + c.Tf(lblIntakeSavedApplicant, cs.Applicant.Name, casefile.MaskID(cs.Applicant.DocNumber), cs.Applicant.Sex.Label(c.Lang)),
		"  " + c.Tf(lblIntakeSavedReceived, cs.Received.Format("2006-01-02 15:04"), cs.Deadline.String()),
		"  " + c.T(lblIntakeSavedProjects),
	}
	for _, a := range cs.Apps {
		lines = append(lines, "    "+a.Project+" "+c.ProjectName(a.Project)+"  "+c.Tf(lblIntakeSavedProposed, a.Proposed.String()))
	}
	if miss := c.Catalog.MissingDocuments(cs); len(miss) > 0 {
		lines = append(lines, "  "+s.App.StatusWarn.Render(c.Tf(lblIntakeConfirmMissing, documentList(c, miss))))
	}
	lines = append(lines, "", "  "+s.App.Muted.Render(c.T(lblIntakeSavedNext)))
	if len(p.printed) > 0 {
		lines = append(lines, "")
		for _, l := range p.printed {
			lines = append(lines, "  "+s.App.StatusOK.Render(l))
		}
		if p.rateKey().Enabled() {
			lines = append(lines, "", "  "+c.T(lblRateOffer))
		}
	}
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, components.Wrap(l, p.width)...)
	}
	return components.FitHeight(components.FitBlock(wrapped, p.width), p.height)
}
