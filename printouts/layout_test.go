package printouts

import (
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rongjiuzhu/hall/casefile"
)

// newTestDoc starts a document in the test font.
func newTestDoc(t testing.TB) *Doc {
	t.Helper()
	d, err := NewDoc(testFont(t))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// docBytes returns the PDF of d, failing the test on an error.
func docBytes(t testing.TB, d *Doc) []byte {
	t.Helper()
	pdf := printed(t)(d.Bytes())
	return pdf
}

// textLines returns the non-empty lines of pdftotext -layout output,
// trimmed.
func textLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(strings.Trim(l, "\f")); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestParaKeepsIDWhole sets paragraphs in which an 18-character ID number
// and an amount fall at every position of a line end: each stays on one
// line, and no line starts with "，".
func TestParaKeepsIDWhole(t *testing.T) {
	const id = "61060219900101123X"
	d := newTestDoc(t)
	d.setFont(bodySize, bodySpacing)
	naiveSplits := false
	var texts []string
	for k := range 28 {
		text := strings.Repeat("审", 27) + "，当事人" + strings.Repeat("查", k) +
			"（身份证号" + id + "）申请退还1,234.56元，经审查，" + strings.Repeat("核", 30-k) + "。"
		texts = append(texts, text)
		naive := naiveWrap(text, blockWidth, d.measure)
		naiveSplits = naiveSplits || !slices.ContainsFunc(naive, func(l string) bool { return strings.Contains(l, id) })
	}
	if !naiveSplits {
		t.Fatal("test paragraphs too easy: a naive break never splits the ID number")
	}
	for k, text := range texts {
		d := newTestDoc(t)
		d.Para(text)
		lines := textLines(pdfText(t, docBytes(t, d)))
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, id) }) {
			t.Errorf("k=%d: ID number split:\n%s", k, strings.Join(lines, "\n"))
		}
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "1,234.56") }) {
			t.Errorf("k=%d: amount split:\n%s", k, strings.Join(lines, "\n"))
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "，") || strings.HasPrefix(l, "。") || strings.HasPrefix(l, "）") {
				t.Errorf("k=%d: line starts with closing punctuation: %q", k, l)
			}
		}
		if got := flat(strings.Join(lines[:len(lines)-1], "")); got != text {
			t.Errorf("k=%d: text changed:\n got %q\nwant %q", k, got, text)
		}
	}
}

// TestGrid checks the GB/T 9704 grid: 28 characters a line, 22 lines a
// page, the first line indented by two characters.
func TestGrid(t *testing.T) {
	d := newTestDoc(t)
	text := strings.Repeat("国", 28*30)
	d.Para(text)
	pages := strings.Split(pdfText(t, docBytes(t, d)), "\f")
	first := textLines(pages[0])
	if n := len(first) - 1; n != 22 { // less the page number
		t.Errorf("page 1 has %d lines of text, want 22", n)
	}
	if n := utf8.RuneCountInString(first[0]); n != 26 {
		t.Errorf("first line has %d characters, want 26 (indented by 2)", n)
	}
	for _, l := range first[1 : len(first)-1] {
		if n := utf8.RuneCountInString(l); n != 28 {
			t.Errorf("line %q has %d characters, want 28", l, n)
		}
	}
	if got, want := first[len(first)-1], "—1—"; strings.ReplaceAll(got, " ", "") != want {
		t.Errorf("page number %q, want %q", got, want)
	}
}

// TestPagesAndTables runs a table over three pages: headings repeat, each
// page is numbered, every row is there once.
func TestPagesAndTables(t *testing.T) {
	d := newTestDoc(t)
	d.Title("关于2026年第三季度临时救助资金发放情况的报告")
	d.Para("现将发放明细报告如下：")
	var rows [][]string
	for i := range 60 {
		rows = append(rows, []string{strconv.Itoa(i + 1), fmt.Sprintf("申请人%02d", i+1), casefile.Money(100000 + i*1234).Grouped()})
	}
	d.Table([]Column{{Head: "序号", Width: 1, Align: AlignCenter}, {Head: "姓名", Width: 3}, {Head: "金额（元）", Width: 2, Align: AlignRight}}, rows)
	d.Para("以上情况，特此报告。")
	pdf := docBytes(t, d)
	pages := strings.Split(strings.TrimRight(pdfText(t, pdf), "\f"), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages, want at least 3", len(pages))
	}
	text := pdfText(t, pdf)
	for i, p := range pages {
		lines := textLines(p)
		if got, want := strings.ReplaceAll(lines[len(lines)-1], " ", ""), fmt.Sprintf("—%d—", i+1); got != want {
			t.Errorf("page %d ends with %q, want %q", i+1, got, want)
		}
		if top := strings.Join(lines[:5], "\n"); !strings.Contains(top, "金额（元）") {
			t.Errorf("page %d: no headings at the top:\n%s", i+1, top)
		}
	}
	for i := range 60 {
		name, amount := fmt.Sprintf("申请人%02d", i+1), casefile.Money(100000+i*1234).Grouped()
		if n := strings.Count(text, name); n != 1 {
			t.Errorf("%s printed %d times", name, n)
		}
		if !regexp.MustCompile(name + `\s+` + regexp.QuoteMeta(amount)).MatchString(text) {
			t.Errorf("no row %s %s", name, amount)
		}
	}
}

// TestMissingGlyphsRefused: text the font cannot print gives no PDF but
// an error naming every such character, wherever it was set.
func TestMissingGlyphsRefused(t *testing.T) {
	d := newTestDoc(t)
	d.Title("标题\u0378")
	d.Para("正文")
	d.Table([]Column{{Width: 1}}, [][]string{{"表格\u0379"}})
	d.SignatureBlock("示例县民政局\u0378", today)
	pdf, err := d.Bytes()
	var mg *MissingGlyphsError
	if pdf != nil || !errors.Is(err, ErrMissingGlyphs) || !errors.As(err, &mg) {
		t.Fatalf("Bytes() = %d bytes, %v; want no PDF and a MissingGlyphsError", len(pdf), err)
	}
	if want := []rune{0x378, 0x379}; !slices.Equal(mg.Runes, want) {
		t.Errorf("missing %q, want %q", mg.Runes, want)
	}
	if slices.Contains(testFont(t).MissedGlyphs(), 0x379) {
		t.Error("U+0379 was handed to gopdf, which prints a blank for it")
	}
}

// word is a word pdftotext -bbox found, with its box in points from the
// top left of the page.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// pdfWords lists the words of pdf with their boxes (pdftotext -bbox).
func pdfWords(t testing.TB, pdf []byte) []word {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext", "poppler-utils"), "-bbox", writePDF(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var words []word
	for i, page := range strings.Split(string(out), "<page ")[1:] {
		for _, m := range bboxWord.FindAllStringSubmatch(page, -1) {
			w := word{page: i + 1, text: m[5]}
			for j, p := range []*float64{&w.xMin, &w.yMin, &w.xMax, &w.yMax} {
				*p, _ = strconv.ParseFloat(m[j+1], 64)
			}
			words = append(words, w)
		}
	}
	return words
}

// TestSignatureBlockPlace checks GB/T 9704's places: the date right-aligned
// four characters in, the issuer centred above it, both on the line grid.
func TestSignatureBlockPlace(t *testing.T) {
	for _, issuer := range []string{"示例县民政局", "示例县融救助中心", "示例县社会救助工作领导小组办公室"} {
		d := newTestDoc(t)
		d.Para("特此通知。")
		d.SignatureBlock(issuer, today)
		words := pdfWords(t, docBytes(t, d))
		find := func(s string) word {
			for _, w := range words {
				if w.text == s {
					return w
				}
			}
			t.Fatalf("%q not printed: %v", s, words)
			return word{}
		}
		iw, dw := find(issuer), find("2026年11月29日")
		issuerWider := iw.xMax-iw.xMin > dw.xMax-dw.xMin
		switch right := blockRight - dw.xMax; {
		case !issuerWider && (right < 4*bodyChar-2 || right > 4*bodyChar+2):
			t.Errorf("%s: date ends %.1f pt from the block's right edge, want four characters (%.1f)", issuer, right, 4*bodyChar)
		case issuerWider && blockRight-iw.xMax < 2*bodyChar-2:
			t.Errorf("%s: a long issuer ends %.1f pt from the right edge, want two characters", issuer, blockRight-iw.xMax)
		}
		if ic, dc := (iw.xMin+iw.xMax)/2, (dw.xMin+dw.xMax)/2; ic-dc > 1 || dc-ic > 1 {
			t.Errorf("%s: issuer centred at %.1f, date at %.1f", issuer, ic, dc)
		}
		if dw.yMin < iw.yMax {
			t.Errorf("%s: date above or over the issuer", issuer)
		}
	}
}

// TestSignatureNeverAlone: the signature block shares its page with the
// text it signs, lines set closer when needed. Only a text that fills its
// last page to within a line of the foot (22 lines here) leaves it alone.
func TestSignatureNeverAlone(t *testing.T) {
	p := testPrinter(t)
	for k := 1; k <= 40; k++ {
		pdf, err := p.build("测试", &casefile.Case{Number: "T"}, func(d *Doc) {
			for i := range k {
				d.Line(fmt.Sprintf("第%d行", i+1))
			}
			d.SignatureBlock("示例县民政局", today)
		})
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(strings.TrimRight(pdfText(t, pdf), "\f"), "\f")
		last := textLines(pages[len(pages)-1])
		if want := (k + 21) / 22; len(pages) != want && k != 22 {
			t.Errorf("%d lines: %d pages, want %d", k, len(pages), want)
		}
		if alone := !strings.HasPrefix(last[0], "第"); alone != (k == 22) {
			t.Errorf("%d lines: signature alone on its page = %v:\n%s", k, alone, strings.Join(last, "\n"))
		}
	}
}

// checkLayout fails for a word of pdf outside the text block or
// overlapping another (checkInBlock, checkNoOverlap).
func checkLayout(t *testing.T, pdf []byte) {
	t.Helper()
	words := pdfWords(t, pdf)
	checkInBlock(t, words)
	checkNoOverlap(t, words)
}

// checkInBlock fails for a word outside the text block but the page
// numbers.
func checkInBlock(t *testing.T, words []word) {
	t.Helper()
	const tol = 1.5
	for _, w := range words {
		if regexp.MustCompile(`^(—|\d+)$`).MatchString(w.text) && w.yMin > blockBottom {
			continue // page number
		}
		if w.xMin < blockLeft-tol || w.xMax > blockRight+tol || w.yMin < blockTop-tol || w.yMax > blockBottom+tol {
			t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f is outside the text block x %.1f–%.1f, y %.1f–%.1f",
				w.page, w.text, w.xMin, w.xMax, w.yMin, w.yMax, blockLeft, blockRight, blockTop, blockBottom)
		}
	}
}

// checkNoOverlap fails for two words of a page whose boxes overlap.
func checkNoOverlap(t *testing.T, words []word) {
	t.Helper()
	const tol = 0.5
	for i, a := range words {
		for _, b := range words[i+1:] {
			if a.page == b.page && a.xMin < b.xMax-tol && b.xMin < a.xMax-tol && a.yMin < b.yMax-tol && b.yMin < a.yMax-tol {
				t.Errorf("page %d: %q and %q overlap", a.page, a.text, b.text)
			}
		}
	}
}
