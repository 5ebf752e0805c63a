package components

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// WrapCJK breaks s into lines of at most w cells the way Chinese text is
// set: a line may break between any two Chinese characters, but not
// before closing punctuation (，。、：；）」 …), and Latin words and numbers
// ("1,250.00", "2026-000014") are never split unless longer than a line.
// Text with escape sequences is left to wrap (layout.go).
func WrapCJK(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	if strings.Contains(s, "\x1b") {
		return Wrap(s, w)
	}
	var lines []string
	var line strings.Builder
	lw := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lw = 0
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		if rs[i] != ' ' && !wide(rs[i]) {
			for j < len(rs) && rs[j] != ' ' && !wide(rs[j]) {
				j++
			}
		}
		for j < len(rs) && closing(rs[j]) {
			j++
		}
		tok := string(rs[i:j])
		i = j
		if tok == " " {
			if lw > 0 && lw < w {
				line.WriteString(tok)
				lw++
			}
			continue
		}
		tw := ansi.StringWidth(tok)
		if lw > 0 && lw+tw > w {
			flush()
		}
		if tw <= w {
			line.WriteString(tok)
			lw += tw
			continue
		}
		for _, r := range tok { // longer than a line: cut it
			rw := ansi.StringWidth(string(r))
			if lw > 0 && lw+rw > w {
				flush()
			}
			line.WriteRune(r)
			lw += rw
		}
	}
	if lw > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

func wide(r rune) bool { return r >= 0x1100 && ansi.StringWidth(string(r)) == 2 }

// closing is punctuation a line must not start with.
func closing(r rune) bool {
	return strings.ContainsRune("，。、：；？！）」』》”’,.:;?!)", r)
}
