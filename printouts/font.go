package printouts

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/signintech/gopdf"

	"github.com/rongjiuzhu/hall/casefile"
)

// basicText is what every font FindFont accepts must print: Chinese with its
// punctuation, ASCII digits and Latin letters.
const basicText = "立案审查会议纪要决定书，。：（）0123456789" +
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// Font is a TrueType face parsed once per process, ready to be added to any
// number of gopdf documents. It is safe for concurrent use.
type Font struct {
	family    string // PDF font name with a subset prefix, e.g. ABCDEF+WenQuanYiMicroHei
	path      string
	index     int
	container *gopdf.FontContainer
	coverage  coverage

	mu     sync.Mutex
	missed []rune // reported by gopdf while drawing
}

// ErrMissingGlyphs reports text that a font has no glyph for; the error
// carrying the characters is a *MissingGlyphsError.
var ErrMissingGlyphs = errors.New("font has no glyph for some characters")

// MissingGlyphsError lists the characters a font cannot print.
// errors.Is(err, ErrMissingGlyphs) is true for it.
type MissingGlyphsError struct {
	Font  string // the font, as a LoadFont spec
	Runes []rune // each missing character once, in order of appearance
}

// Error lists the missing characters, quoted.
func (e *MissingGlyphsError) Error() string {
	quoted := make([]string, len(e.Runes))
	for i, r := range e.Runes {
		quoted[i] = strconv.QuoteRune(r)
	}
	return fmt.Sprintf("font %s has no glyph for %s", e.Font, strings.Join(quoted, " "))
}

// Is reports whether target is ErrMissingGlyphs.
func (e *MissingGlyphsError) Is(target error) bool { return target == ErrMissingGlyphs }

// NoFontError is the type of ErrNoFont.
type NoFontError struct{}

// ErrNoFont is returned by FindFont when no usable Chinese TrueType font is
// found. casefile.Message(ErrNoFont, lang) tells the user what to install.
var ErrNoFont = NoFontError{}

// Error returns the English message.
func (e NoFontError) Error() string { return e.Message(casefile.EN) }

// Message says which font to install and how to name one, in the user's
// language (it makes ErrNoFont a casefile.Localized error).
func (NoFontError) Message(lang casefile.Lang) string {
	if lang != casefile.EN {
		return "找不到可用的中文 TrueType 字体。Debian/Ubuntu 请安装：apt-get install fonts-wqy-microhei；" +
			"也可以用 --font 路径 或环境变量 HALL_FONT 指定字体文件（.ttf 或 .ttc，不支持 OpenType/CFF 字体）。"
	}
	return "no usable Chinese TrueType font found. On Debian/Ubuntu install one: apt-get install fonts-wqy-microhei; " +
		"or name a font file (.ttf or .ttc, not OpenType/CFF) with --font PATH or the HALL_FONT environment variable."
}

// faceKey identifies a face of a font file by its absolute path.
type faceKey struct {
	path  string
	index int
}

// loaded caches parsed fonts: a parse takes tens of milliseconds and
// megabytes, so each face is parsed once per process.
var loaded = struct {
	sync.Mutex
	fonts map[faceKey]*Font
}{fonts: map[faceKey]*Font{}}

// LoadFont loads the TrueType face named by spec, "PATH" or "PATH:INDEX"
// where INDEX picks a face of a .ttc collection (default 0). Loading the same
// face again returns the same *Font without parsing it again.
func LoadFont(spec string) (*Font, error) { return loadFont(spec, "") }

// loadFont is LoadFont, refusing a font that cannot print require before it
// is parsed by gopdf and cached.
func loadFont(spec, require string) (*Font, error) {
	path, index, err := splitSpec(spec)
	if err != nil {
		return nil, err
	}
	if path, err = filepath.Abs(path); err != nil {
		return nil, err
	}
	key := faceKey{path, index}
	// Held while parsing, so that concurrent loads of a face parse it once.
	loaded.Lock()
	defer loaded.Unlock()
	if f := loaded.fonts[key]; f != nil {
		if err := f.CheckText(require); err != nil {
			return nil, err
		}
		return f, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := parseFont(path, index, data, require)
	if err != nil {
		return nil, err
	}
	loaded.fonts[key] = f
	return f, nil
}

// splitSpec splits a font spec "PATH" or "PATH:INDEX".
func splitSpec(spec string) (path string, index int, err error) {
	path = spec
	if i := strings.LastIndexByte(spec, ':'); i >= 0 {
		if n, err := strconv.Atoi(spec[i+1:]); err == nil && n >= 0 {
			path, index = spec[:i], n
		}
	}
	if path == "" {
		return "", 0, fmt.Errorf("font %q: no file name", spec)
	}
	return path, index, nil
}

// parseFont parses face index of the font file data read from path. A font
// that cannot print require is refused before gopdf parses it.
func parseFont(path string, index int, data []byte, require string) (*Font, error) {
	f := &Font{path: path, index: index}
	face, err := ExtractFace(data, index)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Spec(), err)
	}
	_, tables, err := readTables(face, 0)
	if err == nil {
		f.coverage, err = readCoverage(lookupTable(face, tables, "cmap"))
	}
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Spec(), err)
	}
	if err := f.CheckText(require); err != nil {
		return nil, err
	}
	name := cmp.Or(fontName(lookupTable(face, tables, "name")),
		pdfName(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))), "Font")
	f.family = subsetPrefix(face) + "+" + name
	f.container = &gopdf.FontContainer{}
	option := gopdf.TtfOption{OnGlyphNotFound: f.recordMissed}
	if err := f.container.AddTTFFontDataWithOption(f.family, face, option); err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Spec(), err)
	}
	return f, nil
}

// subsetPrefix derives the six uppercase letters that mark an embedded
// subset (PDF 32000 §9.6.4) from the font bytes, so that the name is stable.
func subsetPrefix(face []byte) string {
	sum := sha256.Sum256(face)
	var b [6]byte
	for i := range b {
		b[i] = 'A' + sum[i]%26
	}
	return string(b[:])
}

// Family returns the family name to pass to gopdf's SetFont once AddTo has
// registered the font, e.g. "ABCDEF+WenQuanYiMicroHei".
func (f *Font) Family() string { return f.family }

// Path returns the absolute path of the file the font was loaded from.
func (f *Font) Path() string { return f.path }

// Spec returns the font as "PATH:INDEX", the form LoadFont accepts.
func (f *Font) Spec() string { return f.path + ":" + strconv.Itoa(f.index) }

// AddTo registers the font with pdf under Family without parsing it again.
func (f *Font) AddTo(pdf *gopdf.GoPdf) error {
	return pdf.AddTTFFontFromFontContainer(f.family, f.container)
}

// Covers returns the characters of text the font has no glyph for, each
// once, in order of first appearance; nil if it can print all of text.
// Control characters such as '\n' and '\t' are never printed nor reported.
func (f *Font) Covers(text string) (missing []rune) {
	for _, r := range text {
		if r < 0x20 || r == 0x7F || f.coverage.has(r) || slices.Contains(missing, r) {
			continue
		}
		missing = append(missing, r)
	}
	return missing
}

// CheckText returns a *MissingGlyphsError listing the characters of texts the
// font cannot print, or nil if it can print them all.
func (f *Font) CheckText(texts ...string) error {
	missing := f.Covers(strings.Join(texts, ""))
	if missing == nil {
		return nil
	}
	return &MissingGlyphsError{Font: f.Spec(), Runes: missing}
}

// MissedGlyphs returns the characters gopdf found no glyph for while drawing
// with this font in any document of the process, in order of first
// appearance. gopdf prints a space for each of them, and draws a character
// the cmap maps to .notdef without reporting it: CheckText text first.
func (f *Font) MissedGlyphs() []rune {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.missed)
}

// recordMissed is gopdf's OnGlyphNotFound hook.
func (f *Font) recordMissed(r rune) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !slices.Contains(f.missed, r) {
		f.missed = append(f.missed, r)
	}
}

// FindFont returns the Chinese font to print with. The first of these that
// names a font wins: explicit (the --font flag, a LoadFont spec), the
// HALL_FONT environment variable, on Linux fontconfig's choice for Chinese
// serif text (fc-match), then the .ttf and .ttc files of the system and user
// font folders whose names FindFont knows, preferring FangSong (仿宋), then
// Song/Ming (宋体/明体), Kai (楷体) and Hei (黑体) faces.
//
// Every font must be TrueType and print Chinese, ASCII digits and Latin
// letters. A font named by explicit or HALL_FONT that fails returns its
// error; a discovered one is skipped. When no font is usable the error is
// ErrNoFont, joined with the reason each candidate was skipped.
func FindFont(explicit string) (*Font, error) {
	if explicit != "" {
		return loadNamed(explicit, "--font")
	}
	if spec := os.Getenv("HALL_FONT"); spec != "" {
		return loadNamed(spec, "HALL_FONT")
	}
	skipped := []error{ErrNoFont}
	for _, spec := range candidateFonts() {
		f, err := loadFont(spec, basicText)
		if err == nil {
			return f, nil
		}
		skipped = append(skipped, err)
	}
	return nil, errors.Join(skipped...)
}

// loadNamed loads a font the user named through source.
func loadNamed(spec, source string) (*Font, error) {
	f, err := loadFont(spec, basicText)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	return f, nil
}

// candidateFonts lists the font specs FindFont tries, best first.
func candidateFonts() []string {
	specs := folderFonts(fontDirs())
	if runtime.GOOS != "linux" {
		return specs
	}
	out, err := exec.Command("fc-match", "-f", "%{file}:%{index}", "serif:lang=zh-cn").Output()
	if err != nil {
		return specs
	}
	fc := strings.TrimSuffix(strings.TrimSpace(string(out)), ":0")
	return append([]string{fc}, slices.DeleteFunc(specs, func(s string) bool { return s == fc })...)
}

// fontDirs returns the system and user font folders of this platform.
func fontDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		dirs = []string{
			filepath.Join(os.Getenv("WINDIR"), "Fonts"),
			filepath.Join(os.Getenv("LOCALAPPDATA"), "Microsoft", "Windows", "Fonts"),
		}
	case "darwin":
		dirs = []string{"/System/Library/Fonts", "/Library/Fonts", filepath.Join(home, "Library", "Fonts")}
	default:
		dirs = []string{"/usr/share/fonts", "/usr/local/share/fonts",
			filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts")}
	}
	// An unset variable or home leaves a relative path: drop it.
	return slices.DeleteFunc(dirs, func(d string) bool { return !filepath.IsAbs(d) })
}

// fontPreference lists fragments of the file names of Chinese TrueType fonts,
// best first: FangSong for official letters, then Song/Ming, Kai and Hei.
// Droid Sans Fallback comes last: most builds of it lack Latin digits.
var fontPreference = []string{
	"simfang", "fangsong", "fzfs", "stfangso", // FangSong 仿宋
	"simsun", "songti", "stsong", "fzss", "uming", "mingliu", // Song/Ming 宋体/明体
	"simkai", "kaiti", "stkaiti", "fzkt", "ukai", // Kai 楷体
	"wqy-microhei", "wqy-zenhei", "simhei", "msyh", "stheiti", "pingfang", // Hei 黑体
	"droidsansfallback",
}

// fontRank returns the preference of a font file by its name, lower is
// better, or -1 if it is not a .ttf or .ttc file FindFont knows.
func fontRank(path string) int {
	name := strings.ToLower(filepath.Base(path))
	if ext := filepath.Ext(name); ext != ".ttf" && ext != ".ttc" {
		return -1
	}
	return slices.IndexFunc(fontPreference, func(frag string) bool { return strings.Contains(name, frag) })
}

// folderFonts lists the known font files under dirs, best first.
func folderFonts(dirs []string) []string {
	var found []string
	for _, dir := range dirs {
		// Unreadable folders are skipped: the callback ignores errors.
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && fontRank(path) >= 0 {
				found = append(found, path)
			}
			return nil
		})
	}
	slices.SortStableFunc(found, func(a, b string) int { return fontRank(a) - fontRank(b) })
	return found
}
