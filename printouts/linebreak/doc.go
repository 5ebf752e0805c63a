// Package linebreak breaks Chinese, Latin and mixed text into lines for
// both the printed documents (widths in points from a font) and the
// terminal screens (widths in cells, text possibly styled with ANSI escape
// sequences). It is the one place where hall decides where a line may end.
//
// Break opportunities come from the Unicode line breaking algorithm
// (UAX #14, as implemented by github.com/rivo/uniseg), with the GB/T
// 15834-2011 rules for Chinese punctuation (kinsoku) on top:
//
//   - Punctuation that must not start a line (GB/T 15834-2011 §5.1: full
//     stop, comma, enumeration comma, semicolon, colon, question and
//     exclamation marks, the second half of quotation marks, brackets and
//     title marks, ellipsis, dash, connector, interpunct):
//     ，。、；：？！）」』》〉】〕〗］｝”’…·・—～〜 and the half-width , . ; : ? ! ) ] }.
//   - Punctuation that must not end a line (the first half of quotation
//     marks, brackets and title marks): （「『《〈【〔〖［｛“‘ and ( [ {.
//   - An ellipsis …… or a dash —— is never split (UAX #14 LB22, LB17).
//
// A line that would start with closing punctuation is fixed by pushing out
// (W3C "Requirements for Chinese Text Layout", clreq §3.1.7, 推出): the
// character before it moves down to the next line with it, and the line
// ends short. Hanging punctuation would put the mark outside the measure,
// which a terminal grid cannot do and which would break the promise that no
// line is wider than asked; pushing in (compressing punctuation) needs
// half-width glyphs neither a terminal nor our fonts offer.
//
// Numbers (1,234.56, ¥80, 50%), dates (2026-05-01), times (10:30), ID
// numbers (11010519491231002X), case numbers (JZ2026-000123) and letter
// reference numbers (示融救决〔2026〕12号, with up to four characters of
// prefix) are never split, unless one of them alone is wider than a line:
// then, as a last resort, it is cut by width between grapheme clusters.
// No character is ever lost: the lines joined give back the text less the
// spaces dropped at the breaks and the newlines.
//
// The package must never import the domain (casefile, meeting) nor the
// screens (tui): it only knows text and widths.
package linebreak
