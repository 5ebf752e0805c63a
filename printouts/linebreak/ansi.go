package linebreak

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// escape is an escape sequence (or control character) found at byte off
// of a paragraph's plain text.
type escape struct {
	off int
	seq string
}

// split separates a paragraph into its printable text and its escape
// sequences.
func split(p string) (plain string, escs []escape) {
	var b strings.Builder
	var state byte
	for p != "" {
		seq, _, n, next := ansi.DecodeSequence(p, state, nil)
		state = next
		if n <= 0 {
			n, seq = 1, p[:1]
		}
		if r, _ := utf8.DecodeRuneInString(seq); r >= 0x20 && r != 0x7f && (r < 0x80 || r >= 0xa0) {
			b.WriteString(seq)
		} else {
			escs = append(escs, escape{b.Len(), seq})
		}
		p = p[n:]
	}
	return b.String(), escs
}

// pen is the style and hyperlink in force at a point of styled text.
type pen struct {
	sgr  []string // SGR sequences since the last reset
	link string   // the open OSC 8 hyperlink, if any
}

// sgrParams returns the parameters of an SGR sequence and whether seq is one.
func sgrParams(seq string) (string, bool) {
	rest, ok := cutIntroducer(seq, "\x1b[", "\u009b")
	if !ok {
		return "", false
	}
	if !strings.HasSuffix(rest, "m") || strings.ContainsAny(rest[:len(rest)-1], "<=>?\"$ !") {
		return "", false
	}
	return rest[:len(rest)-1], true
}

// cutIntroducer returns what follows the 7-bit introducer esc (ESC and
// a character) or its 8-bit form c1 at the start of seq, and whether seq
// starts with either.
func cutIntroducer(seq, esc, c1 string) (string, bool) {
	if rest, ok := strings.CutPrefix(seq, esc); ok {
		return rest, true
	}
	return strings.CutPrefix(seq, c1)
}

// linkURI returns the URI of an OSC 8 hyperlink sequence and whether seq is one.
func linkURI(seq string) (string, bool) {
	rest, ok := cutIntroducer(seq, "\x1b]8;", "\u009d8;")
	if !ok {
		return "", false
	}
	_, uri, ok := strings.Cut(rest, ";")
	if !ok {
		return "", false
	}
	uri = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(uri, "\a"), "\x1b\\"), "\u009c")
	return uri, true
}

// closes reports whether seq only ends a style or a hyperlink.
func closes(seq string) bool {
	if params, ok := sgrParams(seq); ok {
		return params == "" || params == "0"
	}
	uri, ok := linkURI(seq)
	return ok && uri == ""
}

// apply records the effect of seq.
func (pn *pen) apply(seq string) {
	if params, ok := sgrParams(seq); ok {
		switch {
		case params == "" || params == "0":
			pn.sgr = nil
		case strings.HasPrefix(params, "0;"):
			pn.sgr = []string{seq}
		case len(pn.sgr) > 0 && pn.sgr[len(pn.sgr)-1] == seq:
		default:
			pn.sgr = append(pn.sgr, seq)
		}
		return
	}
	if uri, ok := linkURI(seq); ok {
		pn.link = ""
		if uri != "" {
			pn.link = seq
		}
	}
}

// open returns the sequences that set the pen again at a line start.
func (pn *pen) open() string { return pn.link + strings.Join(pn.sgr, "") }

// close returns the sequences that end the pen's style and link.
func (pn *pen) close() string {
	s := ""
	if len(pn.sgr) > 0 {
		s += ansi.ResetStyle
	}
	if pn.link != "" {
		s += ansi.ResetHyperlink()
	}
	return s
}

// styledCells is Cells for text with escape sequences.
func styledCells(text string, width int, cells func(string) float64) []string {
	var (
		lines []string
		pn    pen
	)
	paras := paragraphs(text)
	for pi, p := range paras {
		plain, escs := split(p)
		spans := breakParagraph(plain, float64(width), cells, true)
		for li, s := range spans {
			last := li == len(spans)-1
			var b strings.Builder
			b.WriteString(pn.open())
			for len(escs) > 0 && escs[0].off <= s.start {
				b.WriteString(escs[0].seq)
				pn.apply(escs[0].seq)
				escs = escs[1:]
			}
			pos := s.start
			for len(escs) > 0 && escs[0].off < s.end {
				b.WriteString(plain[pos:escs[0].off])
				b.WriteString(escs[0].seq)
				pn.apply(escs[0].seq)
				pos, escs = escs[0].off, escs[1:]
			}
			b.WriteString(plain[pos:s.end])
			for len(escs) > 0 && (last || escs[0].off == s.end && closes(escs[0].seq)) {
				b.WriteString(escs[0].seq)
				pn.apply(escs[0].seq)
				escs = escs[1:]
			}
			if !last || pi < len(paras)-1 {
				b.WriteString(pn.close())
			}
			lines = append(lines, b.String())
		}
	}
	return lines
}
