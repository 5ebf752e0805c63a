package printouts

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/signintech/gopdf"
	"github.com/signintech/gopdf/fontmaker/core"

	"github.com/rongjiuzhu/hall/casefile"
)

// testFont returns wqy-microhei, or else the font FindFont finds. Without
// one it skips the test, or fails it under CI.
func testFont(t testing.TB) *Font {
	t.Helper()
	f, err := LoadFont(wqyPath)
	if err != nil {
		if f, err = FindFont(""); err != nil {
			missing(t, "no CJK font: apt-get install fonts-wqy-microhei")
		}
	}
	return f
}

func TestSplitSpec(t *testing.T) {
	tests := []struct {
		spec, path string
		index      int
	}{
		{"/f/a.ttc", "/f/a.ttc", 0},
		{"/f/a.ttc:1", "/f/a.ttc", 1},
		{`C:\Windows\Fonts\simsun.ttc`, `C:\Windows\Fonts\simsun.ttc`, 0},
		{`C:\Windows\Fonts\simsun.ttc:1`, `C:\Windows\Fonts\simsun.ttc`, 1},
		{"/f/odd:name.ttf", "/f/odd:name.ttf", 0},
	}
	for _, tt := range tests {
		path, index, err := splitSpec(tt.spec)
		if err != nil || path != tt.path || index != tt.index {
			t.Errorf("splitSpec(%q) = %q, %d, %v; want %q, %d", tt.spec, path, index, err, tt.path, tt.index)
		}
	}
	for _, spec := range []string{"", ":1"} {
		if _, _, err := splitSpec(spec); err == nil {
			t.Errorf("splitSpec(%q): no error", spec)
		}
	}
}

func TestCoversAgreesWithGopdf(t *testing.T) {
	fonts := []string{wqyPath, droidPath, "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"}
	for _, path := range fonts {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Logf("%s not installed", path)
			continue
		}
		face, err := ExtractFace(data, 0)
		if err != nil {
			t.Fatal(err)
		}
		var parser core.TTFParser
		if err := parser.ParseFontData(face); err != nil {
			t.Fatal(err)
		}
		f, err := LoadFont(path)
		if err != nil {
			t.Fatal(err)
		}
		chars := parser.Chars()
		for r := rune(0); r < 0xFFFF; r++ {
			if want := chars[int(r)] != 0; f.coverage.has(r) != want {
				t.Errorf("%s: covers U+%04X = %v, gopdf maps it: %v", path, r, !want, want)
			}
		}
	}
}

func TestCoversDroidHasNoDigits(t *testing.T) {
	if _, err := os.Stat(droidPath); err != nil {
		t.Skip("no Droid Sans Fallback (apt-get install fonts-droid-fallback)")
	}
	f, err := LoadFont(droidPath)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(f.Covers("2024年第12号")), "2041"; got != want {
		t.Errorf("Droid Sans Fallback misses %q, want %q", got, want)
	}
	if got := f.Covers("案件会议纪要"); got != nil {
		t.Errorf("Droid Sans Fallback misses %q of plain Chinese", string(got))
	}
}

func TestCoversWQY(t *testing.T) {
	f := testFont(t)
	if got := f.Covers("0123456789 ABCxyz，。立案\n\t"); got != nil {
		t.Errorf("%s misses %q", f.Spec(), string(got))
	}
}

func TestCheckText(t *testing.T) {
	f := testFont(t)
	if err := f.CheckText("第1条", "金额¥1,234.56"); err != nil {
		t.Fatal(err)
	}
	// U+0378 and U+0379 are unassigned: no font has them.
	err := f.CheckText("第1条\u0378", "\u0379\u0378A\u0379")
	var mg *MissingGlyphsError
	if !errors.Is(err, ErrMissingGlyphs) || !errors.As(err, &mg) {
		t.Fatalf("err = %v, want a MissingGlyphsError", err)
	}
	if want := []rune{0x378, 0x379}; !slices.Equal(mg.Runes, want) || mg.Font != f.Spec() {
		t.Errorf("missing %q in %s, want %q in %s", mg.Runes, mg.Font, want, f.Spec())
	}
	if !strings.Contains(err.Error(), `'\u0378' '\u0379'`) {
		t.Errorf("message %q does not list the characters", err)
	}
}

func TestFontConcurrentDocuments(t *testing.T) {
	f := testFont(t)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			pdf, err := testPDF(f, strings.Repeat("第1条，", i+1)+"\u0378")
			if err == nil {
				_, err = pdf.GetBytesPdfReturnErr()
			}
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if !slices.Contains(f.MissedGlyphs(), 0x378) {
		t.Errorf("MissedGlyphs() = %q, want U+0378 in it", f.MissedGlyphs())
	}
}

func TestLoadFontParsesOnce(t *testing.T) {
	data := readTestFile(t, wqyPath, "fonts-wqy-microhei")
	dir := t.TempDir()
	path := filepath.Join(dir, "copy.ttc")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	specs := []string{path, path + ":0", "copy.ttc", "./copy.ttc:0"}
	got := make([]*Font, 4*len(specs))
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			f, err := LoadFont(specs[i%len(specs)])
			if err != nil {
				t.Error(err)
			}
			got[i] = f
		})
	}
	wg.Wait()
	for i, f := range got {
		if f != got[0] {
			t.Fatalf("LoadFont(%q) gave another *Font than LoadFont(%q)", specs[i%len(specs)], specs[0])
		}
	}
	if face1, err := LoadFont(path + ":1"); err != nil || face1 == got[0] {
		t.Errorf("face 1 = %p, %v; want a font of its own", face1, err)
	}
}

func TestFindFont(t *testing.T) {
	testFont(t)
	readTestFile(t, wqyPath, "fonts-wqy-microhei")

	t.Setenv("HALL_FONT", wqyPath+":1")
	for explicit, want := range map[string]string{"": wqyPath + ":1", wqyPath: wqyPath + ":0"} {
		f, err := FindFont(explicit)
		if err != nil {
			t.Fatal(err)
		}
		if f.Spec() != want {
			t.Errorf("FindFont(%q) with HALL_FONT set = %s, want %s", explicit, f.Spec(), want)
		}
	}

	t.Setenv("HALL_FONT", filepath.Join(t.TempDir(), "gone.ttf"))
	if _, err := FindFont(""); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "HALL_FONT") {
		t.Errorf("HALL_FONT naming no file: err = %v", err)
	}
	if _, err := os.Stat(droidPath); err == nil {
		if _, err := FindFont(droidPath); !errors.Is(err, ErrMissingGlyphs) || !strings.Contains(err.Error(), "--font") {
			t.Errorf("--font Droid Sans Fallback: err = %v, want ErrMissingGlyphs (no digits)", err)
		}
	}

	t.Setenv("HALL_FONT", "")
	f, err := FindFont("")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.CheckText(basicText); err != nil {
		t.Errorf("FindFont chose %s: %v", f.Spec(), err)
	}
}

func TestNoFontMessage(t *testing.T) {
	for _, lang := range []casefile.Lang{casefile.ZH, casefile.EN} {
		msg := ErrNoFont.Message(lang)
		for _, want := range []string{"apt-get install fonts-wqy-microhei", "--font", "HALL_FONT"} {
			if !strings.Contains(msg, want) {
				t.Errorf("Message(%q) = %q, lacks %q", lang, msg, want)
			}
		}
	}
	if !strings.Contains(casefile.Message(ErrNoFont, casefile.ZH), "字体") || ErrNoFont.Error() != casefile.Message(ErrNoFont, casefile.EN) {
		t.Error("zh message is not Chinese or Error() is not the English message")
	}
	if err := errors.Join(ErrNoFont, errors.New("skipped x")); !errors.Is(err, ErrNoFont) {
		t.Error("errors.Is(joined, ErrNoFont) = false")
	}
}

func TestFolderFontsOrder(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		"droid/DroidSansFallbackFull.ttf", "wqy/wqy-zenhei.ttc", "wqy/wqy-microhei.ttc",
		"noto/NotoSansCJK-Regular.ttc", "SIMSUN.TTC", "simfang.ttf", "arphic/uming.ttc",
		"arphic/ukai.ttc", "readme.txt", "simfang.ttf.bak", "FZXBSJW.TTF", "simhei.ttf",
	}
	for _, name := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cs := discovery{dirs: []string{dir, filepath.Join(dir, "missing")}}.candidates()
	order := func(r Role) []string {
		var got []string
		ranked := slices.DeleteFunc(slices.Clone(cs), func(c fontCandidate) bool { return roleRank(r, c.names) < 0 })
		slices.SortStableFunc(ranked, func(a, b fontCandidate) int { return roleRank(r, a.names) - roleRank(r, b.names) })
		for _, c := range ranked {
			got = append(got, filepath.ToSlash(strings.TrimSuffix(strings.TrimPrefix(c.spec, dir+string(filepath.Separator)), ":0")))
		}
		return got
	}
	for r, want := range map[Role][]string{
		RoleBody: {"simfang.ttf", "SIMSUN.TTC", "arphic/uming.ttc", "arphic/ukai.ttc",
			"simhei.ttf", "wqy/wqy-microhei.ttc", "wqy/wqy-zenhei.ttc", "FZXBSJW.TTF", "droid/DroidSansFallbackFull.ttf"},
		RoleTitle: {"FZXBSJW.TTF", "simhei.ttf", "wqy/wqy-microhei.ttc", "wqy/wqy-zenhei.ttc",
			"SIMSUN.TTC", "arphic/uming.ttc", "simfang.ttf", "arphic/ukai.ttc", "droid/DroidSansFallbackFull.ttf"},
	} {
		if got := order(r); !slices.Equal(got, want) {
			t.Errorf("%s order\n got %q\nwant %q", r, got, want)
		}
	}
}

// BenchmarkFontLoad measures a cold load: read, extract and parse the face.
func BenchmarkFontLoad(b *testing.B) {
	path, index, _ := splitSpec(testFont(b).Spec())
	for b.Loop() {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := parseFont(path, index, data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFontReuse measures adding the parsed font to a new document.
func BenchmarkFontReuse(b *testing.B) {
	f := testFont(b)
	for b.Loop() {
		pdf := &gopdf.GoPdf{}
		pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
		if err := f.AddTo(pdf); err != nil {
			b.Fatal(err)
		}
	}
}
