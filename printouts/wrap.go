package printouts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line-breaking classes (kinsoku): a line never starts with a closing
// character nor ends with an opening one.
const (
	closingPunct = "，。、；：？！）」』》〉】”’］｝〕〗．…,.;:?!)]}"
	openingPunct = "（「『《〈【“‘［｛〔〖([{"
	// wordJoiners stay inside a word of letters and digits: 1,234.56 ¥80 50%
	// 2024-05-01 10:30 2024/05.
	wordJoiners = ".-,:/%¥"
)

// Wrap breaks text into lines no wider than maxWidth as measured by measure,
// for example gopdf's MeasureTextWidth with the font and size already set.
//
// A line may break between any two Chinese characters and at spaces, which
// are dropped at the break. A word of letters and digits, with the characters
// .-,:/%¥ within and around it, is never split, so ID numbers like
// 61060219900101123X and amounts like ¥1,234.56 stay whole; only a word wider
// than a whole line is split by characters. No line starts with closing
// punctuation (，。、；：？！）」』》〉】”’ and ASCII ,.;:?!) ) nor ends with
// opening punctuation (（「『《〈【“‘ and ASCII ( ): the character before the
// break moves down with it. "\n" forces a break; an empty paragraph gives an
// empty line.
func Wrap(text string, maxWidth float64, measure func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		lines = append(lines, wrapAtoms(atoms(para), maxWidth, measure)...)
	}
	return lines
}

// wrapAtoms breaks one paragraph, split into atoms, into lines.
func wrapAtoms(atoms []string, maxWidth float64, measure func(string) float64) []string {
	if len(atoms) == 0 {
		return []string{""}
	}
	var lines []string
	for start := 0; start < len(atoms); {
		end, line := start, ""
		for ; end < len(atoms); end++ {
			next := line + atoms[end]
			if measure(next) > maxWidth {
				break
			}
			line = next
		}
		switch {
		case end == len(atoms):
		case end == start:
			// The first atom alone is too wide: its head that fits makes the
			// line (at least one character), the rest waits for the next.
			head := fitPrefix(atoms[start], maxWidth, measure)
			if rest := atoms[start][len(head):]; rest != "" {
				atoms[start] = head
				atoms = slices.Insert(atoms, start+1, rest)
			}
			end++
		default:
			end = kinsoku(atoms, start, end)
		}
		lines = append(lines, strings.TrimRight(strings.Join(atoms[start:end], ""), " "))
		start = end
		for start < len(atoms) && atoms[start] == " " {
			start++
		}
	}
	return lines
}

// fitPrefix returns the longest prefix of s, at least one character, that
// fits maxWidth.
func fitPrefix(s string, maxWidth float64, measure func(string) float64) string {
	_, n := utf8.DecodeRuneInString(s)
	for n < len(s) {
		_, size := utf8.DecodeRuneInString(s[n:])
		if measure(s[:n+size]) > maxWidth {
			break
		}
		n += size
	}
	return s[:n]
}

// kinsoku moves the break before atoms[end] back until the next line does not
// start with closing punctuation nor this line end with opening punctuation.
// When no such break follows start it keeps end.
func kinsoku(atoms []string, start, end int) int {
	for b := end; b > start; b-- {
		if breakAllowed(atoms, start, b) {
			return b
		}
	}
	return end
}

// breakAllowed reports whether the line that starts at atoms[start] may end
// before atoms[b], looking past the spaces the break drops.
func breakAllowed(atoms []string, start, b int) bool {
	prev := b - 1
	for prev >= start && atoms[prev] == " " {
		prev--
	}
	if prev < start {
		return false // the line would hold nothing but spaces
	}
	if last, _ := utf8.DecodeLastRuneInString(atoms[prev]); strings.ContainsRune(openingPunct, last) {
		return false
	}
	for b < len(atoms) && atoms[b] == " " {
		b++
	}
	if b == len(atoms) {
		return true
	}
	first, _ := utf8.DecodeRuneInString(atoms[b])
	return !strings.ContainsRune(closingPunct, first)
}

// atoms splits a paragraph into the units a line break never splits: words
// (see wordLen) and single other characters.
func atoms(s string) []string {
	var out []string
	for len(s) > 0 {
		n := wordLen(s)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(s)
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// wordLen returns the length in bytes of the word s starts with, or 0. A
// word is a run of letters and digits of alphabetic scripts (below the CJK
// blocks at U+2E80) and wordJoiners, holding at least one letter or digit;
// of the joiners only '¥' and '-' may start it.
func wordLen(s string) int {
	end, hasAlnum := 0, false
	for i, r := range s {
		switch {
		case r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			hasAlnum = true
		case strings.ContainsRune(wordJoiners, r) && (i > 0 || r == '¥' || r == '-'):
		default:
			if hasAlnum {
				return end
			}
			return 0
		}
		end = i + utf8.RuneLen(r)
	}
	if hasAlnum {
		return end
	}
	return 0
}
