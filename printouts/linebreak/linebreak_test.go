package linebreak

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/rongjiuzhu/hall/printouts/linebreak/linebreaktest"
)

// halfFull counts ASCII as 1 unit and everything else as 2, like a
// monospaced Chinese font.
var halfFull = linebreaktest.HalfFull

// The expected lines below were worked out by hand from the rules in
// doc.go: Chinese characters 2 wide, ASCII 1 (x/ansi counts “ ” … — · as
// 1 cell, so does halfFull's ASCII but not its others: cases with those
// marks run only through Cells).
var cases = []cellCase{
	{"fits", "中文", 6, []string{"中文"}},
	{"empty", "", 6, []string{""}},
	{"between Chinese characters", "中文字符串测试", 6, []string{"中文字", "符串测", "试"}},
	{"hard newlines, blank line kept", "一\n\n二三\r\n四", 10, []string{"一", "", "二三", "四"}},

	// GB/T 15834: closing punctuation never starts a line, the character
	// before it comes down with it (push out).
	{"， pulls 三 down", "一二三，四五", 6, []string{"一二", "三，四", "五"}},
	{"、 pulls 兰 down", "尚有 14 人未表决：李秀兰、张志强", 12, []string{"尚有 14 人未", "表决：李秀", "兰、张志强"}},
	{"closing run ”。 moves whole", "一二三”。四五", 6, []string{"一二", "三”。", "四五"}},
	{"closing run 。」 moves whole", "一二三。」四", 6, []string{"一二", "三。」", "四"}},
	{"half-width ! never starts a line", "一二三!四", 6, []string{"一二", "三!四"}},
	{"） after a word", "编号A-12）后", 8, []string{"编号", "A-12）后"}},
	{"ellipsis never split nor first", "他说好……吧", 7, []string{"他说", "好……吧"}},
	{"dash never split nor first", "他来了——真的", 7, []string{"他来", "了——真", "的"}},
	{"interpunct never first", "阿里·木拉提", 5, []string{"阿里·", "木拉", "提"}},
	// Opening punctuation never ends a line: it goes down.
	{"「 goes down", "一二「三」", 6, []string{"一二", "「三」"}},
	{"half-width ( goes down", "一二(三)", 5, []string{"一二", "(三)"}},
	{"quotes open and close in Chinese", "他说“你好”然后", 6, []string{"他说", "“你好”", "然后"}},
	{"rules give way when nothing else fits", "「「「「「", 4, []string{"「「", "「「", "「"}},

	// Numbers, dates, IDs, case and reference numbers stay whole.
	{"amount", "共计金额1,234.56元", 12, []string{"共计金额", "1,234.56元"}},
	{"amount and unit", "拟定 1,250.00 元", 10, []string{"拟定", "1,250.00", "元"}},
	{"amount glued to Chinese", "发放1,750.00 元", 8, []string{"发放", "1,750.00", "元"}},
	{"amount and 元 stay together", "合计 7,000.00元。", 13, []string{"合计", "7,000.00元。"}},
	{"date and time", "于2026-05-01 10:30到场", 12, []string{"于2026-05-01", "10:30到场"}},
	{"yen, percent", "于2024-05-01 10:30收¥80占50%", 13, []string{"于2024-05-01", "10:30收¥80占", "50%"}},
	{"colon after Chinese may end a line", "时间:10:30", 6, []string{"时间:", "10:30"}},
	{"ID number", "身份证号11010519491231002X。", 20, []string{"身份证号", "11010519491231002X。"}},
	{"case number", "案号JZ2026-000123，请核对", 16, []string{"案号", "JZ2026-000123，", "请核对"}},
	{"reference number", "依据示融救决〔2026〕12号。", 22, []string{"依据", "示融救决〔2026〕12号。"}},
	{"token wider than a line cut by width", "号ABCDEFGHIJ", 4, []string{"号", "ABCD", "EFGH", "IJ"}},
	{"numbers wider than a line cut by width", "2026-000014-2026-000015", 10, []string{"2026-00001", "4-2026-000", "015"}},

	// Latin words and spaces.
	{"mixed Chinese and Latin", "请携带 ID card 和户口本", 10, []string{"请携带 ID", "card 和户", "口本"}},
	{"English words", "The quick brown fox", 10, []string{"The quick", "brown fox"}},
	{"spaces at a break dropped", "ab   cd", 3, []string{"ab", "cd"}},
	{"trailing spaces dropped", "ab  ", 10, []string{"ab"}},
	{"inner spaces kept", "同意 1  不同意 0", 40, []string{"同意 1  不同意 0"}},
	{"indent kept", "  一二三四", 6, []string{"  一二", "三四"}},

	// Narrow lines.
	{"width 1, wide rune alone", "中a", 1, []string{"中", "a"}},
	{"width 1, letters", "abc", 1, []string{"a", "b", "c"}},
	{"width 2, ， alone when nothing else fits", "一，二", 2, []string{"一", "，", "二"}},
	{"width 2, words", "ab cd", 2, []string{"ab", "cd"}},
}

// cellCase is a text broken into lines of at most width cells.
type cellCase struct {
	name  string
	text  string
	width int
	want  []string
}

// checkCells runs each case through Cells: the lines must be those
// wanted and pass checkLines.
func checkCells(t *testing.T, cases []cellCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Cells(tc.text, tc.width)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Cells(%q, %d)\n got %q\nwant %q", tc.text, tc.width, got, tc.want)
			}
			checkLines(t, tc.text, tc.width, got)
		})
	}
}

func TestCells(t *testing.T) { checkCells(t, cases) }

func TestLines(t *testing.T) {
	for _, tc := range cases {
		if strings.ContainsAny(tc.text, "“”…—·") {
			continue // halfFull counts these 2, x/ansi 1
		}
		t.Run(tc.name, func(t *testing.T) {
			got := Lines(tc.text, float64(tc.width), halfFull)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Lines(%q, %d)\n got %q\nwant %q", tc.text, tc.width, got, tc.want)
			}
		})
	}
}

func TestCellsStyled(t *testing.T) {
	const (
		red   = "\x1b[31m"
		bold  = "\x1b[1m"
		reset = "\x1b[m"
		link  = "\x1b]8;;https://example.org\x07"
		unlnk = "\x1b]8;;\x07"
	)
	checkCells(t, []cellCase{
		{"style closed and reopened at a break", red + "一二三四" + reset, 4,
			[]string{red + "一二" + reset, red + "三四" + reset}},
		{"style ending at a break stays on its line", "ab " + bold + "cd" + reset + " ef", 5,
			[]string{"ab " + bold + "cd" + reset, "ef"}},
		{"escapes take no width, kinsoku still holds", red + "一二三" + reset + "，四五", 6,
			[]string{red + "一二" + reset, red + "三" + reset + "，四", "五"}},
		{"styles stack", red + bold + "一二三" + reset, 4,
			[]string{red + bold + "一二" + reset, red + bold + "三" + reset}},
		{"style across a hard newline", red + "一\n二" + reset, 4,
			[]string{red + "一" + reset, red + "二" + reset}},
		{"hyperlink closed and reopened", link + "ab cd" + unlnk, 2,
			[]string{link + "ab" + unlnk, link + "cd" + unlnk}},
	})
}

func TestWidth(t *testing.T) {
	if got := Width("\x1b[31m中a\x1b[m"); got != 3 {
		t.Errorf("Width = %d, want 3", got)
	}
}

// checkLines asserts that no line is wider than width unless it is one
// grapheme cluster, and that the lines give back the text less the spaces
// and newlines at the breaks.
func checkLines(t *testing.T, text string, width int, lines []string) {
	t.Helper()
	plain := make([]string, len(lines))
	for i, l := range lines {
		plain[i], _ = split(l)
		if w := Width(l); w > max(width, 1) && uniseg.GraphemeClusterCount(plain[i]) > 1 {
			t.Errorf("line %q is %d cells wide, more than %d", l, w, width)
		}
	}
	if text, _ := split(text); !rebuilds(text, plain) {
		t.Errorf("lines %q do not give back %q", lines, text)
	}
}

// rebuilds reports whether text is the lines in order with only spaces,
// "\r" and "\n" between them.
func rebuilds(text string, lines []string) bool {
	gap := func(s string) bool { return strings.Trim(s, " \r\n") == "" }
	pos := 0
	for _, l := range lines {
		i := strings.Index(text[pos:], l)
		if i < 0 || !gap(text[pos:pos+i]) {
			return false
		}
		pos += i + len(l)
	}
	return gap(text[pos:])
}

func FuzzLines(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.text, uint8(tc.width))
	}
	f.Add("\x1b[31m红色的字，\x1b[1m粗体\x1b[m和 plain text", uint8(5))
	f.Add("𠮷野家 👨‍👩‍👧 e\u0301", uint8(1))
	f.Fuzz(func(t *testing.T, text string, width uint8) {
		if !utf8.ValidString(text) {
			t.Skip()
		}
		w := int(width%40) + 1
		if plain, _ := split(text); Width(plain) == Width(text) {
			// x/ansi's own functions read malformed sequences (an
			// unterminated string, one holding non-ASCII) differently:
			// check only text they agree on.
			checkLines(t, text, w, Cells(text, w))
		}

		if strings.ContainsRune(text, '\x1b') {
			return
		}
		lines := Lines(text, float64(w), halfFull)
		for _, l := range lines {
			if halfFull(l) > float64(w) && uniseg.GraphemeClusterCount(l) > 1 {
				t.Errorf("Lines: line %q is %v wide, more than %d", l, halfFull(l), w)
			}
		}
		if !rebuilds(text, lines) {
			t.Errorf("Lines: %q do not give back %q", lines, text)
		}
	})
}

func TestNoWidth(t *testing.T) {
	if got, want := Cells("ab", 0), []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("Cells(ab, 0) = %q, want %q (width 1)", got, want)
	}
	if got, want := Lines("中a", 0, halfFull), []string{"中", "a"}; !slices.Equal(got, want) {
		t.Errorf("Lines(中a, 0) = %q, want %q (a cluster a line)", got, want)
	}
	if got, want := Cells("一\u2028二", 10), []string{"一\u2028", "二"}; !slices.Equal(got, want) {
		t.Errorf("Cells with a line separator = %q, want %q", got, want)
	}
}

func TestSegments(t *testing.T) {
	for text, want := range map[string][]string{
		"县民政局 2026-05-01":           {"县", "民", "政", "局", "2026-05-01"},
		"城市最低生活保障（县民政局）":            {"城", "市", "最", "低", "生", "活", "保", "障", "（县", "民", "政", "局）"},
		"县\u2060民\u2060政\u2060局，同意": {"县\u2060民\u2060政\u2060局，", "同", "意"},
		"a b\nc": {"a", "b", "c"},
	} {
		if got := Segments(text); !slices.Equal(got, want) {
			t.Errorf("Segments(%q) = %q, want %q", text, got, want)
		}
	}
}
