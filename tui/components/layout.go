package components

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rongjiuzhu/hall/printouts/linebreak"
	"github.com/rongjiuzhu/hall/tui/common"
)

// Ellipsis marks text cut to fit. ASCII on purpose: "…" is ambiguous width
// and some terminals draw it double (TECH-NOTES).
const Ellipsis = ".."

// Truncate cuts s to at most w cells (CJK counts double).
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	if w <= len(Ellipsis) {
		return ansi.Truncate(s, w, "")
	}
	return ansi.Truncate(s, w, Ellipsis)
}

// PadRight pads s with spaces to w cells.
func PadRight(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft right-aligns s in w cells.
func PadLeft(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// FitWidth cuts or pads s to exactly w cells.
func FitWidth(s string, w int) string { return PadRight(Truncate(s, w), w) }

// FitBlock cuts every line to w cells and joins them.
func FitBlock(lines []string, w int) string {
	for i, l := range lines {
		lines[i] = Truncate(l, w)
	}
	return strings.Join(lines, "\n")
}

// FitHeight cuts or pads a block to exactly h lines.
func FitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// Wrap breaks s into lines of at most w cells, CJK-aware, at spaces when
// it can and anywhere when it must.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	return linebreak.Cells(s, w)
}

// Box draws a bordered panel of exactly w×h cells around lines, the
// title set into the top border. Content is clipped to the inside before
// the border is drawn, so the bottom border is never cut (TECH-NOTES:
// MaxHeight on a bordered style cuts it) and CJK text never pushes the
// right border out.
func Box(border lipgloss.Style, title string, lines []string, w, h int) string {
	w, h = max(w, 6), max(h, 2)
	innerW := w - 4 // border and one space each side
	innerH := h - 2
	out := make([]string, 0, h)
	top := "─"
	if title != "" {
		title = Truncate(title, w-6)
		top += " " + title + " "
	}
	top += strings.Repeat("─", max(w-2-ansi.StringWidth(top), 0))
	out = append(out, border.Render("┌")+colorRuns(border, top)+border.Render("┐"))
	for i := 0; i < innerH; i++ {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		out = append(out, border.Render("│")+" "+FitWidth(l, innerW)+" "+border.Render("│"))
	}
	out = append(out, border.Render("└"+strings.Repeat("─", w-2)+"┘"))
	return strings.Join(out, "\n")
}

// colorRuns styles the border dashes of a top line, leaving the title's
// own styling alone.
func colorRuns(border lipgloss.Style, s string) string {
	var b, run strings.Builder
	flush := func() {
		if run.Len() > 0 {
			b.WriteString(border.Render(run.String()))
			run.Reset()
		}
	}
	rest := s
	for strings.HasPrefix(rest, "─") {
		run.WriteString("─")
		rest = strings.TrimPrefix(rest, "─")
	}
	flush()
	trail := ""
	for strings.HasSuffix(rest, "─") {
		trail += "─"
		rest = strings.TrimSuffix(rest, "─")
	}
	b.WriteString(rest)
	if trail != "" {
		b.WriteString(border.Render(trail))
	}
	return b.String()
}

// Tabs renders a row of tabs and returns the cell ranges of each, for
// mouse clicks.
func Tabs(s *common.Styles, labels []string, active int) (string, [][2]int) {
	var b strings.Builder
	spans := make([][2]int, len(labels))
	x := 0
	for i, l := range labels {
		st := s.Tabs.Inactive
		if i == active {
			st = s.Tabs.Active
		}
		r := st.Render(l)
		w := lipgloss.Width(r)
		spans[i] = [2]int{x, x + w}
		b.WriteString(r)
		x += w
		if i < len(labels)-1 {
			b.WriteString(" ")
			x++
		}
	}
	return b.String(), spans
}

// SpanAt returns the index of the span that holds column x, or -1.
func SpanAt(spans [][2]int, x int) int {
	for i, sp := range spans {
		if x >= sp[0] && x < sp[1] {
			return i
		}
	}
	return -1
}

// AnsiWidth is the width of s in cells, escape sequences ignored.
func AnsiWidth(s string) int { return ansi.StringWidth(s) }
