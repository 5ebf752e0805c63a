package printouts

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rongjiuzhu/hall/printouts/linebreak"
	"github.com/rongjiuzhu/hall/printouts/linebreak/linebreaktest"
	"github.com/signintech/gopdf"
)

// fakeMeasure counts ASCII as 1 unit and everything else as 2.
var fakeMeasure = linebreaktest.HalfFull

func TestWrap(t *testing.T) {
	tests := []struct {
		name string
		text string
		max  float64
		want []string
	}{
		{"fits", "中文", 6, []string{"中文"}},
		{"empty", "", 6, []string{""}},
		{"between Chinese characters", "中文字符串测试", 6, []string{"中文字", "符串测", "试"}},
		{"newline forces a break, blank line kept", "一\n\n二三\r\n四", 10, []string{"一", "", "二三", "四"}},
		{"ID number whole", "身份证号61060219900101123X。", 20, []string{"身份证号", "61060219900101123X。"}},
		{"amount whole", "共计金额1,234.56元", 12, []string{"共计金额", "1,234.56元"}},
		{"date, time, yen, percent whole", "于2024-05-01 10:30收¥80占50%", 12,
			[]string{"于2024-05-01", "10:30收¥80", "占50%"}},
		{"word wider than a line split by characters", "号ABCDEFGHIJ", 4, []string{"号", "ABCD", "EFGH", "IJ"}},
		{"no line starts with ，", "一二三，四五", 6, []string{"一二", "三，四", "五"}},
		{"closing run moves down whole", "一二三。」四", 6, []string{"一二", "三。」", "四"}},
		{"no line starts with ASCII !", "一二三!四", 6, []string{"一二", "三!四"}},
		{"no line starts with ）after a word", "编号A-12）后", 8, []string{"编号", "A-12）后"}},
		{"no line ends with 「", "一二「三」", 6, []string{"一二", "「三」"}},
		{"no line ends with ASCII (", "一二(三)", 5, []string{"一二", "(三)"}},
		{"spaces break words and are dropped", "hello big world", 9, []string{"hello big", "world"}},
		{"indent kept", "  一二三四", 6, []string{"  一二", "三四"}},
		{"rules give way when no break obeys them", "「「「「「", 4, []string{"「「", "「「", "「"}},
		{"leading joiners are not words", "时间:10:30", 6, []string{"时间:", "10:30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := linebreak.Lines(tt.text, tt.max, fakeMeasure); !slices.Equal(got, tt.want) {
				t.Errorf("Lines(%q, %v)\n got %q\nwant %q", tt.text, tt.max, got, tt.want)
			}
		})
	}
}

func TestWrapKeepsTextAndWidth(t *testing.T) {
	const text = "经审查，申请人王小明（身份证号61060219900101123X）于2024-05-01提交的《复议申请书》" +
		"请求退还¥12,345.67元，占总额的12.5%。“理由是：…”Hello, world! 另见http://example.org/a。"
	for maxWidth := 2.0; maxWidth <= 60; maxWidth++ {
		lines := linebreak.Lines(text, maxWidth, fakeMeasure)
		if noSpace := strings.NewReplacer(" ", ""); noSpace.Replace(strings.Join(lines, "")) != noSpace.Replace(text) {
			t.Fatalf("width %v: lines %q do not rebuild the text", maxWidth, lines)
		}
		for _, line := range lines {
			if fakeMeasure(line) > maxWidth {
				t.Errorf("width %v: line %q is %v wide", maxWidth, line, fakeMeasure(line))
			}
		}
	}
}

func TestWrapRealFont(t *testing.T) {
	f := testFont(t)
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := f.AddTo(pdf); err != nil {
		t.Fatal(err)
	}
	if err := pdf.SetFont(f.Family(), "", 16); err != nil {
		t.Fatal(err)
	}
	measure := func(s string) float64 {
		w, err := pdf.MeasureTextWidth(s)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	const (
		maxWidth = 156 / 25.4 * 72 // a 156 mm text block, ≈442 pt
		id       = "61060219900101123X"
	)
	naiveSplitsID, naiveStartsComma := false, false
	for k := range 30 {
		// 27 characters of 16 pt fill a line: a naive break puts "，"
		// first on line 2, and some k put the ID across a break.
		text := strings.Repeat("审", 27) + "，当事人" + strings.Repeat("查", k) +
			"（身份证号" + id + "）申请退还¥1,234.56元。"
		naive := naiveWrap(text, maxWidth, measure)
		naiveSplitsID = naiveSplitsID || !slices.ContainsFunc(naive, func(l string) bool { return strings.Contains(l, id) })
		naiveStartsComma = naiveStartsComma || slices.ContainsFunc(naive, func(l string) bool { return strings.HasPrefix(l, "，") })

		lines := linebreak.Lines(text, maxWidth, measure)
		if strings.Join(lines, "") != text {
			t.Fatalf("k=%d: lines %q do not rebuild the text", k, lines)
		}
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, id) }) {
			t.Errorf("k=%d: ID number split: %q", k, lines)
		}
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "¥1,234.56") }) {
			t.Errorf("k=%d: amount split: %q", k, lines)
		}
		for _, l := range lines {
			first, _ := utf8.DecodeRuneInString(l)
			if strings.ContainsRune("，。、；：？！）」』》〉】”’,.;:?!)", first) || measure(l) > maxWidth {
				t.Errorf("k=%d: line %q (%.1f pt) starts with closing punctuation or overflows", k, l, measure(l))
			}
		}
	}
	if !naiveSplitsID || !naiveStartsComma {
		t.Errorf("test paragraphs too easy: a naive break splits the ID: %v, starts a line with ，: %v",
			naiveSplitsID, naiveStartsComma)
	}
}

// naiveWrap breaks text at the last character that fits, as gopdf's
// MultiCell does.
func naiveWrap(text string, maxWidth float64, measure func(string) float64) []string {
	var lines []string
	line := ""
	for _, r := range text {
		if measure(line+string(r)) > maxWidth {
			lines, line = append(lines, line), ""
		}
		line += string(r)
	}
	return append(lines, line)
}
