package linebreak

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

const (
	// closing holds the punctuation a line must not start with.
	closing = "，。、；：？！）」』》〉】〕〗］｝”’…·・—～〜,.;:?!)]}"
	// opening holds the punctuation a line must not end with.
	opening = "（「『《〈【〔〖［｛“‘([{"
)

// referenceNumber matches a letter reference number (发文字号) such as
// 示融救决〔2026〕12号: it is kept on one line.
var referenceNumber = regexp.MustCompile(`\p{Han}{0,4}〔[0-9]{4}〕[0-9]+号`)

// Lines breaks text into lines no wider than width as measured by measure,
// for example gopdf's MeasureTextWidth with the font and size already set.
// measure is called on whole candidate lines, so kerning is respected.
//
// "\n" (or "\r\n") always breaks; an empty paragraph gives an empty line,
// and empty text one empty line. Spaces at the end of a line are dropped.
// A line holds at least one grapheme cluster, so a cluster wider than
// width (or any cluster when width <= 0) makes a line of its own.
func Lines(text string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, p := range paragraphs(text) {
		for _, s := range breakParagraph(p, width, measure, false) {
			lines = append(lines, p[s.start:s.end])
		}
	}
	return lines
}

// Width returns the number of terminal cells s takes, as the screens
// count them (github.com/charmbracelet/x/ansi): escape sequences take
// none, Chinese characters two.
func Width(s string) int { return ansi.StringWidth(s) }

// Cells breaks text into lines of at most width terminal cells (at least
// 1), by the same rules as Lines. The text may hold ANSI escape sequences:
// they take no width and are never split, and a style (SGR) or hyperlink
// open at a break is closed at the end of the line and opened again at the
// start of the next, so every line can be drawn on its own.
func Cells(text string, width int) []string {
	width = max(width, 1)
	cells := func(s string) float64 { return float64(ansi.StringWidth(s)) }
	if !strings.ContainsAny(text, "\x1b\u009b\u009d") {
		var lines []string
		for _, p := range paragraphs(text) {
			for _, s := range breakParagraph(p, float64(width), cells, true) {
				lines = append(lines, p[s.start:s.end])
			}
		}
		return lines
	}
	return styledCells(text, width, cells)
}

// paragraphs splits text at hard newlines.
func paragraphs(text string) []string {
	ps := strings.Split(text, "\n")
	for i, p := range ps {
		ps[i] = strings.TrimSuffix(p, "\r")
	}
	return ps
}

// span is one line: the bytes [start, end) of its paragraph.
type span struct{ start, end int }

// cluster is one grapheme cluster of a paragraph and whether a line may
// end after it.
type cluster struct {
	start, end int
	width      float64 // only when additive
	canBreak   bool    // a line may end after this cluster
	mustBreak  bool    // a line must end after this cluster
}

// clusters splits a paragraph into grapheme clusters with the break
// opportunities of UAX #14 adjusted by the Chinese rules.
func clusters(p string, measure func(string) float64, additive bool) []cluster {
	cs := segment(p, measure, additive)
	var glued []bool // no break at these byte offsets; nil: none
	if strings.Contains(p, "〔") {
		glued = make([]bool, len(p)+1)
		for _, m := range referenceNumber.FindAllStringIndex(p, -1) {
			for i := m[0] + 1; i < m[1]; i++ {
				glued[i] = true
			}
		}
	}
	prev := rune(0) // the last character before the boundary, spaces aside
	for i := 0; i+1 < len(cs); i++ {
		if c := p[cs[i].start:cs[i].end]; c != " " {
			prev, _ = utf8.DecodeLastRuneInString(c)
		}
		if cs[i].mustBreak {
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[cs[i+1].start:])
		switch {
		case glued != nil && glued[cs[i].end], strings.ContainsRune(closing, next), strings.ContainsRune(opening, prev),
			next == '元' && prev >= '0' && prev <= '9' && p[cs[i].start:cs[i].end] != " ": // 1,750.00元 whole
			cs[i].canBreak = false
		case !cs[i].canBreak && (isQuoteOpen(next) && wide(prev) || isQuoteClose(prev) && wide(next)):
			// UAX #14 (Unicode 15.0, LB19) never breaks beside a quotation
			// mark; in Chinese text “ ” ‘ ’ are opening and closing
			// punctuation (Unicode 15.1 LB19a).
			cs[i].canBreak = true
		}
	}
	return cs
}

// segment splits a paragraph into grapheme clusters with the break
// opportunities of UAX #14 (uniseg). The clusters and the line segments
// come from uniseg's grapheme and line state machines run side by side: a
// cluster may end a line where a line segment ends with it (a break
// uniseg finds inside a cluster is not taken). This is what
// uniseg.StepString reports, without the word and sentence state
// machines it also runs.
func segment(p string, measure func(string) float64, additive bool) []cluster {
	cs := make([]cluster, 0, utf8.RuneCountInString(p))
	state, pos := -1, 0
	lineState, segEnd, segMust := -1, 0, false // the line segment ending at segEnd
	for rest := p; rest != ""; {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		cl := cluster{start: pos, end: pos + len(c)}
		for segEnd < cl.end {
			var seg string
			seg, _, segMust, lineState = uniseg.FirstLineSegmentInString(p[segEnd:], lineState)
			segEnd += len(seg)
		}
		if segEnd == cl.end {
			cl.canBreak, cl.mustBreak = true, segMust && rest != ""
		}
		if additive {
			cl.width = measure(c)
		}
		pos += len(c)
		cs = append(cs, cl)
	}
	return cs
}

func isQuoteOpen(r rune) bool  { return r == '“' || r == '‘' }
func isQuoteClose(r rune) bool { return r == '”' || r == '’' }

// wide reports whether r is an East Asian wide character that is not
// itself punctuation with a rule of its own.
func wide(r rune) bool {
	return r >= 0x1100 && ansi.StringWidth(string(r)) == 2 &&
		!strings.ContainsRune(opening, r) && !strings.ContainsRune(closing, r)
}

// breakParagraph breaks one paragraph (no "\n") into lines.
func breakParagraph(p string, width float64, measure func(string) float64, additive bool) []span {
	cs := clusters(p, measure, additive)
	if len(cs) == 0 {
		return []span{{0, 0}}
	}
	var lines []span
	for from := 0; from < len(cs); {
		to, lastBreak := from, -1 // last cluster on the line, last allowed break
		w, trail := 0.0, 0.0      // additive: width of cs[from:to+1], of its trailing spaces
		content := false          // the line holds more than spaces
		for ; to < len(cs); to++ {
			c := cs[to]
			space := p[c.start:c.end] == " "
			if additive {
				w += c.width
				trail = (trail + c.width) * float64(btoi(space))
			}
			if to > from && !space { // spaces at the end are dropped: they never overflow
				if additive && w-trail > width || !additive && measure(p[cs[from].start:c.end]) > width {
					break
				}
			}
			content = content || !space
			if c.mustBreak {
				to++
				lastBreak = -1
				break
			}
			if c.canBreak && content {
				lastBreak = to
			}
		}
		switch {
		case to == len(cs) || lastBreak < 0 && cs[to-1].mustBreak:
			// the paragraph ends, or a mandatory break
		case lastBreak >= 0:
			to = lastBreak + 1 // push out: the rest moves down
		default:
			// No allowed break fits: cut by width (to is the first
			// cluster that does not fit, and at least one is taken).
		}
		start := cs[from].start
		lines = append(lines, span{start, trimEnd(p, start, cs[to-1].end)})
		from = to
	}
	return lines
}

// trimEnd returns end less the spaces before it, not below start.
func trimEnd(p string, start, end int) int {
	for end > start && p[end-1] == ' ' {
		end--
	}
	return end
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
