package printouts

import (
	"errors"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// gbsnPath is AR PL SungtiL GB (fonts-arphic-gbsn00lp): a GB2312-only
// Song face, like 仿宋_GB2312 on an office PC it lacks 堃, 喆 and 犇.
const gbsnPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"

// fontTree copies real font files into a temp dir shaped like a
// machine's font folders: files maps a path under the root to the font
// file to copy. It returns the root.
func fontTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		pkg := "fonts-wqy-microhei"
		if src == gbsnPath {
			pkg = "fonts-arphic-gbsn00lp"
		}
		data := readTestFile(t, src, pkg)
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, data)
	}
	return root
}

// checkRoles checks which copied file each role and the first fallback of
// s came from (paths under root, "" for no fallback).
func checkRoles(t *testing.T, s *FontSet, root string, body, title, fallback string) {
	t.Helper()
	rel := func(f *Font) string {
		r, _ := filepath.Rel(root, f.Path())
		return filepath.ToSlash(r)
	}
	if got := rel(s.Face(RoleBody)); got != body {
		t.Errorf("body face %s, want %s", got, body)
	}
	if got := rel(s.Face(RoleSign)); got != body {
		t.Errorf("signature face %s, want %s", got, body)
	}
	if got := rel(s.Face(RoleTitle)); got != title {
		t.Errorf("title face %s, want %s", got, title)
	}
	got := ""
	if fb := s.Fallbacks(); len(fb) > 0 {
		got = rel(fb[0])
	}
	if got != fallback {
		t.Errorf("first fallback %q, want %q", got, fallback)
	}
}

func TestFindFontsWindowsLayout(t *testing.T) {
	root := fontTree(t, map[string]string{
		"Windows/Fonts/simfang.ttf": gbsnPath, // 仿宋 (GB2312 set)
		"Windows/Fonts/FZXBSJW.TTF": wqyPath,  // 方正小标宋
		"Windows/Fonts/simsun.ttc":  wqyPath,  // 宋体, the full face
		"Windows/Fonts/simhei.ttf":  wqyPath,  // 黑体
		"Windows/Fonts/arial.ttf":   gbsnPath, // not a Chinese name: ignored
	})
	s, err := discovery{dirs: []string{filepath.Join(root, "Windows", "Fonts")}}.find()
	if err != nil {
		t.Fatal(err)
	}
	checkRoles(t, s, root, "Windows/Fonts/simfang.ttf", "Windows/Fonts/FZXBSJW.TTF", "Windows/Fonts/simsun.ttc")
	if src := s.Source(RoleBody); src != "folder "+filepath.Join(root, "Windows", "Fonts") {
		t.Errorf("body source %q", src)
	}
	info := s.Describe()
	if info[0].Style != classFangSong.name || info[1].Style != classHeavySong.name {
		t.Errorf("styles %q, %q; want FangSong body, heavy Song title", info[0].Style, info[1].Style)
	}
}

func TestFindFontsKylinLayout(t *testing.T) {
	root := fontTree(t, map[string]string{
		"usr/share/fonts/truetype/fonts-cn/仿宋_GB2312.ttf": gbsnPath,
		"usr/share/fonts/truetype/fonts-cn/方正小标宋简体.ttf":   wqyPath,
		"usr/share/fonts/truetype/wqy/wqy-microhei.ttc":   wqyPath,
		"usr/share/fonts/truetype/fonts-cn/楷体_GB2312.ttf": gbsnPath,
	})
	s, err := discovery{dirs: []string{filepath.Join(root, "usr", "share", "fonts")}}.find()
	if err != nil {
		t.Fatal(err)
	}
	checkRoles(t, s, root, "usr/share/fonts/truetype/fonts-cn/仿宋_GB2312.ttf",
		"usr/share/fonts/truetype/fonts-cn/方正小标宋简体.ttf", "usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
}

// TestFindFontsFontconfig: fontconfig names faces whose files say nothing
// (a Kylin/UOS package may install 仿宋 as a.ttf); its family names
// decide, and a CFF face it lists is never taken.
func TestFindFontsFontconfig(t *testing.T) {
	root := fontTree(t, map[string]string{"opt/a.ttf": gbsnPath, "opt/b.ttc": wqyPath, "opt/c.ttf": gbsnPath})
	list := strings.Join([]string{
		filepath.Join(root, "opt/c.ttf") + "\t0\tSource Han Serif,思源宋体\tCFF",
		filepath.Join(root, "opt/b.ttc") + "\t1\tWenQuanYi Micro Hei Mono\tTrueType",
		filepath.Join(root, "opt/b.ttc") + "\t0\tWenQuanYi Micro Hei,文泉驿微米黑\tTrueType",
		filepath.Join(root, "opt/a.ttf") + "\t0\tFangSong_GB2312,仿宋_GB2312\tTrueType",
		"", "garbage",
	}, "\n")
	dv := discovery{fcList: func() ([]fontCandidate, error) { return parseFCList(list), nil }}
	s, err := dv.find()
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Face(RoleBody).Spec(); got != filepath.Join(root, "opt/a.ttf")+":0" {
		t.Errorf("body %s, want opt/a.ttf (仿宋_GB2312 by family name)", got)
	}
	if got := s.Face(RoleTitle).Spec(); got != filepath.Join(root, "opt/b.ttc")+":0" {
		t.Errorf("title %s, want opt/b.ttc:0 (Hei, not its Mono face)", got)
	}
	if s.Source(RoleBody) != "fontconfig (fc-list)" {
		t.Errorf("source %q", s.Source(RoleBody))
	}

	// Nothing usable: ErrNoFont, with the reasons.
	empty := discovery{dirs: []string{t.TempDir()}}
	if _, err := empty.find(); !errors.Is(err, ErrNoFont) {
		t.Errorf("no fonts: err = %v, want ErrNoFont", err)
	}
}

// TestFindFontsForced: --font and HALL_FONT set every role in one face,
// with no fallback.
func TestFindFontsForced(t *testing.T) {
	readTestFile(t, wqyPath, "fonts-wqy-microhei")
	t.Setenv("HALL_FONT", "")
	s, err := FindFonts(wqyPath)
	if err != nil {
		t.Fatal(err)
	}
	for r := range numRoles {
		if s.Face(r).Spec() != wqyPath+":0" || s.Source(r) != "--font" {
			t.Errorf("%s: %s from %s, want %s:0 from --font", r, s.Face(r).Spec(), s.Source(r), wqyPath)
		}
	}
	if fb := s.Fallbacks(); len(fb) > 0 {
		t.Errorf("forced face has fallbacks %v", fb)
	}
}

// rolesSet is body and signature in AR PL SungtiL GB (a GB2312 face),
// title in WenQuanYi, falling back to WenQuanYi.
func rolesSet(t *testing.T) *FontSet {
	t.Helper()
	root := fontTree(t, map[string]string{"fonts/simfang.ttf": gbsnPath, "fonts/simhei.ttf": wqyPath, "fonts/simsun.ttc": wqyPath})
	s, err := discovery{dirs: []string{filepath.Join(root, "fonts")}}.find()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGlyphFallback: a name the body face lacks (堃) is printed from the
// fallback face, glyph by glyph; one that no face has (𠮷) fails the
// document rather than printing a blank.
func TestGlyphFallback(t *testing.T) {
	s := rolesSet(t)
	if missing := s.Face(RoleBody).Covers("王堃张喆"); !slices.Equal(missing, []rune("堃喆")) {
		t.Fatalf("the body face lacks %q, the test expects 堃喆", string(missing))
	}
	d, err := NewDocFonts(s)
	if err != nil {
		t.Fatal(err)
	}
	d.Title("救助决定书")
	d.Para("申请人王堃、张喆，共同生活家庭成员2人。")
	d.Table([]Column{{Head: "姓名", Width: 1}, {Head: "部门", Width: 1}}, [][]string{{"王堃", "县民政局"}})
	d.SignatureBlock("示例县民政局", today)
	pdf := docBytes(t, d)
	text := flat(pdfText(t, pdf))
	for _, want := range []string{"申请人王堃、张喆", "王堃县民政局"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	fonts := pdfFonts(t, pdf)
	for _, f := range []*Font{s.Face(RoleBody), s.Fallbacks()[0]} {
		if !slices.Contains(fonts, f.Family()) {
			t.Errorf("pdffonts lists %q, lacks %s", fonts, f.Family())
		}
	}

	d, err = NewDocFonts(s)
	if err != nil {
		t.Fatal(err)
	}
	d.Para("申请人𠮷某。")
	if _, err := d.Bytes(); !errors.Is(err, ErrMissingGlyphs) || !strings.Contains(err.Error(), "𠮷") {
		t.Errorf("𠮷 in no face: err = %v, want ErrMissingGlyphs naming it", err)
	}
}

// pdfFonts lists the embedded fonts of pdf by pdffonts, checking that
// each is an embedded subset.
func pdfFonts(t *testing.T, pdf []byte) []string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdffonts", "poppler-utils"), writePDF(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	var names []string
	for _, l := range strings.Split(string(out), "\n")[2:] {
		f := strings.Fields(l)
		if len(f) < 5 {
			continue
		}
		names = append(names, f[0])
		if !slices.Contains(f, "yes") {
			t.Errorf("font not embedded: %s", l)
		}
	}
	return names
}

// TestRedHeader: with [county] red_header a letter carries the issuing
// body in red above a red rule, the title in the title face; without it
// the letter starts with its title.
func TestRedHeader(t *testing.T) {
	s := rolesSet(t)
	cat := testCatalog(t)
	cat.County.RedHeader = true
	p := New(nil, cat, WithFonts(s))
	pdf := printed(t)(p.Letter(approvedCase(), approvalDay))
	issuer, _ := p.issuer()
	// The header sits 35 mm under the top of the text block, above the title.
	head := flat(pdfTextArea(t, pdf, 1, 0, blockTop+30*mm, 595, 25*mm))
	if head != issuer {
		t.Errorf("header area reads %q, want %q", head, issuer)
	}
	text := pdfText(t, pdf)
	if i, j := strings.Index(text, issuer), strings.Index(text, "救助决定书"); i < 0 || j < i {
		t.Errorf("issuer not above the title:\n%s", text)
	}
	if n := redPixels(renderColour(t, pdf, 40, 0, blockTop+30*mm, 595, 30*mm)); n < 50 {
		t.Errorf("%d red pixels in the header area, want the name and the rule in red", n)
	}
	if n := redPixels(renderColour(t, pdf, 40, 0, blockTop+60*mm, 595, 500)); n > 0 {
		t.Errorf("%d red pixels under the header", n)
	}
	if fonts := pdfFonts(t, pdf); !slices.Contains(fonts, s.Face(RoleTitle).Family()) {
		t.Errorf("title face %s not embedded: %q", s.Face(RoleTitle).Family(), fonts)
	}

	cat.County.RedHeader = false
	plain, err := New(nil, cat, WithFonts(s)).Letter(approvedCase(), approvalDay)
	if err != nil {
		t.Fatal(err)
	}
	if head := flat(pdfTextArea(t, plain, 1, 0, blockTop+30*mm, 595, 25*mm)); strings.Contains(head, issuer) {
		t.Errorf("no red header asked, header area reads %q", head)
	}
	// A receipt never has one.
	cat.County.RedHeader = true
	receipt, err := New(nil, cat, WithFonts(s)).Receipt(receivedCase(), "张敏", today)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(strings.TrimSpace(pdfText(t, receipt)), issuer) {
		t.Error("receipt starts with a red header")
	}
}

// redPixels counts the clearly red pixels of img.
func redPixels(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r > 0xB000 && g < 0x6000 && bl < 0x6000 {
				n++
			}
		}
	}
	return n
}

// renderColour renders the area x, y, w, h (points) of page 1 of pdf in
// colour at dpi.
func renderColour(t *testing.T, pdf []byte, dpi int, x, y, w, h float64) image.Image {
	t.Helper()
	return render(t, pdf, 1, dpi, "", x, y, w, h)
}

func TestGlueWords(t *testing.T) {
	j := wordJoiner
	for _, tt := range []struct {
		in    string
		limit int
		want  string
	}{
		{"县民政局", 12, "县" + j + "民" + j + "政" + j + "局"},
		{"县民政局县教育局", 12, "县" + j + "民" + j + "政" + j + "局县" + j + "教" + j + "育" + j + "局"},
		{"低保（县民政局）", 12, "低" + j + "保（县" + j + "民" + j + "政" + j + "局）"},
		{"□留置送达", 12, "□" + j + "留" + j + "置" + j + "送" + j + "达"},
		{"县退役军人事务局", 7, "县退役军人事务局"},
		{"同意 1,185.00", 12, "同" + j + "意 1,185.00"},
		{"abc", 12, "abc"},
		{"县民政局", 0, "县民政局"},
	} {
		if got := glueWords(tt.in, tt.limit); got != tt.want {
			t.Errorf("glueWords(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func TestFitColumns(t *testing.T) {
	share := []float64{blockWidth / 4, blockWidth / 4, blockWidth / 2}
	ws, ok := fitColumns(share, []float64{50, 150, 60})
	if !ok || ws[1] != 150 || ws[0] < 50 || ws[2] < 60 {
		t.Errorf("fitColumns = %v, %v; want column 2 widened to 150, the others at least their needs", ws, ok)
	}
	if sum := ws[0] + ws[1] + ws[2]; sum < blockWidth-0.01 || sum > blockWidth+0.01 {
		t.Errorf("widths sum to %.2f, want %.2f", sum, blockWidth)
	}
	if _, ok := fitColumns(share, []float64{200, 200, 200}); ok {
		t.Error("needs wider than the block fit")
	}
}

// TestTableKeepsNames sets a minutes-like vote table whose department
// column is too narrow for 县退役军人事务局 at its share: the column is
// widened and every name and number reads whole on one line.
func TestTableKeepsNames(t *testing.T) {
	d := newTestDoc(t)
	cols := []Column{{Head: "委员", Width: 15, Align: AlignCenter}, {Head: "部门", Width: 18},
		{Head: "表决意见", Width: 16, Align: AlignCenter}, {Head: "理由", Width: 51}}
	rows := [][]string{
		{"李卫东", "县民政局", "同意", ""},
		{"王建华", "县退役军人事务局", "不同意", "人均月收入1,050.00元，高于标准790.00元"},
		{"赵丽", "县人力资源和社会保障局", "同意", "身份证号610602********1234已核对"},
		{"孙强", "县住房和城乡建设局", "弃权", "□直接送达 □留置送达 □邮寄送达"},
	}
	d.Table(cols, rows)
	text := pdfText(t, docBytes(t, d))
	for _, want := range []string{"县退役军人事务局", "县人力资源和社会保障局", "县住房和城乡建设局", "1,050.00", "790.00",
		"610602********1234", "□留置送达"} {
		if !slices.ContainsFunc(strings.Split(text, "\n"), func(l string) bool { return strings.Contains(flat(l), want) }) {
			t.Errorf("%q is not whole on one line:\n%s", want, text)
		}
	}
}

// TestTableShortNames: when even widened columns cannot hold the full
// names, the columns' Short forms are used.
func TestTableShortNames(t *testing.T) {
	d := newTestDoc(t)
	short := map[string]string{"县人力资源和社会保障局": "县人社局", "县住房和城乡建设局": "县住建局"}
	var cols []Column
	row := []string{}
	for range 4 {
		cols = append(cols, Column{Width: 1, Short: short})
		row = append(row, "县人力资源和社会保障局")
	}
	d.Table(cols, [][]string{row, {"县住房和城乡建设局", "县民政局", "", ""}})
	text := flat(pdfText(t, docBytes(t, d)))
	if strings.Count(text, "县人社局") != 4 || !strings.Contains(text, "县住建局") || strings.Contains(text, "保障局") {
		t.Errorf("short names not used:\n%s", text)
	}
	// A table wide enough keeps the full names.
	d = newTestDoc(t)
	d.Table(cols[:2], [][]string{row[:2]})
	if text := flat(pdfText(t, docBytes(t, d))); strings.Count(text, "县人力资源和社会保障局") != 2 {
		t.Errorf("full names replaced in a table wide enough:\n%s", text)
	}
}

func TestShortNames(t *testing.T) {
	m := testPrinter(t).ShortNames()
	for full, short := range m {
		if short == "" || full == short {
			t.Errorf("ShortNames: %q → %q", full, short)
		}
	}
}

// TestFontSetConcurrent prints from several goroutines with one FontSet
// whose fallback faces load at the first rare name (run with -race).
func TestFontSetConcurrent(t *testing.T) {
	s := rolesSet(t)
	cat := testCatalog(t)
	cat.County.RedHeader = true
	p := New(nil, cat, WithFonts(s))
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			c := approvedCase()
			c.Applicant.Name = "王堃"
			_, err := p.Letter(c, approvalDay)
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
