package components

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// FindingsPanel renders findings in a bordered panel of w×h cells: a few
// summary lines first (income figures, deadline), then each finding with
// its severity, wrapped; the findings that do not fit whole are counted
// on the last line.
func FindingsPanel(c *common.Common, title string, head []string, fs []casefile.Finding, w, h int) string {
	st := c.Styles.Panel
	innerW := max(w-4, 1)
	room := max(h-2, 1)
	lines, owner := findingLayout(c, head, fs, innerW)
	if len(lines) > room {
		hidden := map[int]bool{}
		for _, o := range owner[room-1:] {
			if o >= 0 {
				hidden[o] = true
			}
		}
		lines = append(lines[:room-1], c.Styles.App.Muted.Render(c.Tf(lblFindingsMore, len(hidden))))
	}
	return Box(st.Box, st.Title.Render(title), lines, w, h)
}

// FindingLines lays out the summary and the findings in width w.
func FindingLines(c *common.Common, head []string, fs []casefile.Finding, w int) []string {
	lines, _ := findingLayout(c, head, fs, w)
	return lines
}

// findingLayout lays out the summary and the findings in width w; owner
// gives, for each line, the finding it belongs to (-1: the summary).
func findingLayout(c *common.Common, head []string, fs []casefile.Finding, w int) (lines []string, owner []int) {
	st := c.Styles.Panel
	add := func(l string, o int) {
		lines = append(lines, l)
		owner = append(owner, o)
	}
	for _, h := range head {
		for _, l := range Wrap(h, w) {
			add(st.Text.Render(l), -1)
		}
	}
	if len(fs) == 0 {
		add(c.Styles.App.Muted.Render(c.T(common.LblFindingsNone)), -1)
		return lines, owner
	}
	for i, f := range fs {
		tag, style := SeverityTag(c, f.Severity)
		tagW := lipgloss.Width(tag) + 1
		for j, p := range Wrap(c.T(f.Text), max(w-tagW, 4)) {
			if j == 0 {
				add(style.Render(tag)+" "+p, i)
			} else {
				add(strings.Repeat(" ", tagW)+p, i)
			}
		}
	}
	return lines, owner
}

// SeverityTag is a finding's severity as a short tag and the style it is
// drawn in.
func SeverityTag(c *common.Common, s casefile.Severity) (string, lipgloss.Style) {
	st := c.Styles.Panel
	switch s {
	case casefile.SevError:
		return c.T(lblSevError), st.Error
	case casefile.SevWarning:
		return c.T(lblSevWarning), st.Warning
	}
	return c.T(lblSevInfo), st.Info
}
