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
	metrics   widthCache // advances, read once per character per process

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
	f.metrics.cover(f.coverage)
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
	if err := f.metrics.init(f.container, f.family); err != nil {
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
		if r < 0x20 || r == 0x7F || f.has(r) || slices.Contains(missing, r) {
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

// Role is what a piece of a document's text is: the layout asks for a
// role's face, never for a file.
type Role int

// Roles.
const (
	RoleBody  Role = iota // body text, tables, page numbers: FangSong (仿宋) where there is one
	RoleTitle             // titles and the red header (红头): a heavy Song (小标宋)
	RoleSign              // the issuing body and date of the signature block
	numRoles
)

// String names the role as `hall print --fonts` lists it.
func (r Role) String() string {
	switch r {
	case RoleBody:
		return "body"
	case RoleTitle:
		return "title"
	case RoleSign:
		return "signature"
	}
	return "role" + strconv.Itoa(int(r))
}

// faceClass is a style of Chinese face, recognised by fragments of its file
// or family names (lower case), best first.
type faceClass struct {
	name  string
	frags []string
}

// The classes FindFonts knows, in the order a face is classified: the first
// class with a fragment in its names is its class.
var (
	classFangSong  = faceClass{"FangSong 仿宋", []string{"仿宋", "simfang", "fangsong", "fs_gb2312", "fzfs", "stfangso"}}
	classHeavySong = faceClass{"heavy Song 小标宋/中宋", []string{"小标宋", "xiaobiaosong", "fzxbs", "华文中宋", "stzhongs", "zhongsong", "中宋", "大标宋", "dabiaosong", "fzdbs"}}
	classSong      = faceClass{"Song 宋体", []string{"宋体", "simsun", "songti", "stsong", "fzss", "fzshusong", "书宋", "sungtil", "gbsn00lp", "简报宋", "uming", "mingliu", "明体"}}
	classKai       = faceClass{"Kai 楷体", []string{"楷体", "simkai", "kaiti", "stkaiti", "fzkt", "ukai"}}
	classHei       = faceClass{"Hei 黑体", []string{"黑体", "simhei", "heiti", "stheiti", "fzhei", "wqy-microhei", "micro hei", "microhei", "wqy-zenhei", "zenhei", "msyh", "雅黑", "pingfang"}}
	classDroid     = faceClass{"Droid Sans Fallback", []string{"droidsansfallback", "droid sans fallback"}}

	allClasses = []*faceClass{&classFangSong, &classHeavySong, &classSong, &classKai, &classHei, &classDroid}

	// rolePreference lists, per role, the classes it takes, best first.
	// Droid Sans Fallback comes last: most builds of it lack Latin digits.
	rolePreference = [numRoles][]*faceClass{
		RoleBody:  {&classFangSong, &classSong, &classKai, &classHei, &classHeavySong, &classDroid},
		RoleTitle: {&classHeavySong, &classHei, &classSong, &classFangSong, &classKai, &classDroid},
		RoleSign:  {&classFangSong, &classSong, &classKai, &classHei, &classHeavySong, &classDroid},
	}
)

// fallbackPreference lists fragments of the names of faces with many
// characters, best first: FindFonts falls back to them, character by
// character, when a role's face (often a GB2312-only face such as
// 仿宋_GB2312) has no glyph for a rare name (堃, 喆, 犇; 𠮷 is in SimSun-ExtB).
// Song faces come first: they match a FangSong or Song body best.
var fallbackPreference = []string{"simsunb", "sun-extb", "simsun", "uming", "hanazono", "microhei", "micro hei", "zenhei", "msyh", "simhei", "droidsansfallback"}

// maxFallbacks bounds the fallback faces of a FontSet.
const maxFallbacks = 3

// simplified are fragments of names that mark a face for Simplified
// Chinese.
var simplified = []string{" cn", "gb", " sc", "简", "sim"}

// classify returns the class of a face by its names, or nil.
func classify(names string) *faceClass {
	for _, c := range allClasses {
		for _, f := range c.frags {
			if strings.Contains(names, f) {
				return c
			}
		}
	}
	return nil
}

// roleRank returns how well a face of names suits role, lower is better,
// or -1 if the role does not take it.
func roleRank(role Role, names string) int {
	c := classify(names)
	if c == nil {
		return -1
	}
	i := slices.Index(rolePreference[role], c)
	if i < 0 {
		return -1
	}
	rank := 2 * slices.IndexFunc(c.frags, func(f string) bool { return strings.Contains(names, f) })
	if !slices.ContainsFunc(simplified, func(m string) bool { return strings.Contains(names, m) }) {
		rank++ // of the faces of a collection, the Simplified Chinese one first (AR PL UMing CN)
	}
	if strings.Contains(names, "mono") {
		rank += 50 // a monospaced face of a collection sets Latin text badly
	}
	return i*100 + rank
}

// fontCandidate is a face discovery found.
type fontCandidate struct {
	spec   string // PATH:INDEX
	names  string // lower-case file name and family names: what the classes match
	source string // "fontconfig (fc-list)" or "folder DIR"
}

// discovery says where FindFonts looks: font folders, walked for the file
// names it knows, and fontconfig's list of installed faces with their
// family names.
type discovery struct {
	dirs   []string
	fcList func() ([]fontCandidate, error) // nil: no fontconfig
}

// systemDiscovery looks in this platform's font folders and, where fc-list
// is installed (Linux: Debian, Kylin, UOS), in fontconfig's list.
func systemDiscovery() discovery {
	dv := discovery{dirs: fontDirs()}
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		if _, err := exec.LookPath("fc-list"); err == nil {
			dv.fcList = runFCList
		}
	}
	return dv
}

// fcListFormat is what runFCList asks fc-list for, one face a line.
const fcListFormat = `%{file}\t%{index}\t%{family}\t%{fontformat}\n`

// runFCList lists the faces fontconfig knows.
func runFCList() ([]fontCandidate, error) {
	out, err := exec.Command("fc-list", "-f", fcListFormat).Output()
	if err != nil {
		return nil, err
	}
	return parseFCList(string(out)), nil
}

// parseFCList reads fc-list output in fcListFormat: TrueType faces in
// .ttf and .ttc files (CFF faces are useless to gopdf).
func parseFCList(out string) []fontCandidate {
	var cs []fontCandidate
	for _, l := range strings.Split(out, "\n") {
		fields := strings.Split(l, "\t")
		if len(fields) < 3 || !fontFile(fields[0]) || len(fields) > 3 && strings.EqualFold(fields[3], "CFF") {
			continue
		}
		index, err := strconv.Atoi(fields[1])
		if err != nil || index < 0 {
			index = 0
		}
		cs = append(cs, fontCandidate{
			spec:   fields[0] + ":" + strconv.Itoa(index),
			names:  strings.ToLower(filepath.Base(fields[0]) + "|" + fields[2]),
			source: "fontconfig (fc-list)",
		})
	}
	return cs
}

// fontFile reports whether path names a .ttf or .ttc file.
func fontFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".ttf" || ext == ".ttc"
}

// candidates lists the faces discovery finds: fontconfig's first (they
// carry family names), then the folders' files fontconfig did not list.
func (dv discovery) candidates() []fontCandidate {
	var cs []fontCandidate
	seen := map[string]bool{}
	if dv.fcList != nil {
		if list, err := dv.fcList(); err == nil {
			for _, c := range list {
				if !seen[c.spec] {
					seen[c.spec] = true
					cs = append(cs, c)
				}
			}
		}
	}
	for _, dir := range dv.dirs {
		// Unreadable folders are skipped: the callback ignores errors.
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !fontFile(path) {
				return nil
			}
			if spec := path + ":0"; !seen[spec] {
				seen[spec] = true
				cs = append(cs, fontCandidate{spec: spec, names: strings.ToLower(filepath.Base(path)), source: "folder " + dir})
			}
			return nil
		})
	}
	return cs
}

// FontSet is the faces a document is set in: one per Role, and fallback
// faces for the characters a role's face lacks. It is safe for concurrent
// use.
type FontSet struct {
	faces   [numRoles]*Font
	sources [numRoles]string // where each face came from
	forced  bool             // one face named by --font or HALL_FONT: no fallback

	fallbackSpecs []fontCandidate

	mu        sync.Mutex
	loadedFB  bool
	fallbacks []*Font
}

// SingleFont returns a FontSet that sets every role in f, with no fallback:
// what --font and HALL_FONT ask for. source says where f came from.
func SingleFont(f *Font, source string) *FontSet {
	s := &FontSet{forced: true}
	for r := range numRoles {
		s.faces[r], s.sources[r] = f, source
	}
	return s
}

// Face returns the face of role.
func (s *FontSet) Face(r Role) *Font {
	if r < 0 || r >= numRoles {
		r = RoleBody
	}
	return s.faces[r]
}

// Source says where the face of role came from: "--font", "HALL_FONT",
// "fontconfig (fc-list)" or "folder DIR".
func (s *FontSet) Source(r Role) string { return s.sources[r] }

// Fallbacks returns the faces the set falls back to, best first, for a
// character a role's face has no glyph for; none when one face is forced.
func (s *FontSet) Fallbacks() []*Font {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.loadedFB {
		s.loadedFB = true
		for _, c := range s.fallbackSpecs {
			if f, err := loadFont(c.spec, ""); err == nil {
				s.fallbacks = append(s.fallbacks, f)
			}
		}
	}
	return s.fallbacks
}

// faceFor returns the face to print r with in role: the role's face when
// it has the glyph, else the first other face of the set that has it, else
// nil. The fallback faces (Song first) come before the other roles'
// faces; they are loaded at the first character that needs one.
func (s *FontSet) faceFor(role Role, r rune) *Font {
	f := s.Face(role)
	if r < 0x20 || f.has(r) {
		return f
	}
	if s.forced {
		return nil
	}
	for _, g := range s.Fallbacks() {
		if g.has(r) {
			return g
		}
	}
	for _, g := range s.faces {
		if g.has(r) {
			return g
		}
	}
	return nil
}

// FaceInfo describes a face of a FontSet, as `hall print --fonts` lists it.
type FaceInfo struct {
	Use    string // a Role's name, or "fallback"
	Font   *Font
	Style  string // "FangSong 仿宋", "Song 宋体", …; "" when unknown
	Source string
}

// Describe lists the face of each role, then the fallback faces.
func (s *FontSet) Describe() []FaceInfo {
	var out []FaceInfo
	for r := range numRoles {
		out = append(out, FaceInfo{Use: r.String(), Font: s.faces[r], Style: styleOf(s.faces[r]), Source: s.sources[r]})
	}
	for _, f := range s.Fallbacks() {
		src := ""
		for _, c := range s.fallbackSpecs {
			if c.spec == f.Spec() {
				src = c.source
			}
		}
		out = append(out, FaceInfo{Use: "fallback", Font: f, Style: styleOf(f), Source: src})
	}
	return out
}

// styleOf names the class of f by its file and PDF names.
func styleOf(f *Font) string {
	_, name, _ := strings.Cut(f.family, "+")
	if c := classify(strings.ToLower(filepath.Base(f.path) + "|" + name)); c != nil {
		return c.name
	}
	return ""
}

// Name returns the font's own name (from its name table), without the
// subset prefix, e.g. "WenQuanYiMicroHei".
func (f *Font) Name() string {
	_, name, _ := strings.Cut(f.family, "+")
	return name
}

// FindFont returns the body face FindFonts finds: explicit (the --font
// flag, a LoadFont spec), else the HALL_FONT environment variable, else
// the best face of the system for body text.
func FindFont(explicit string) (*Font, error) {
	s, err := FindFonts(explicit)
	if err != nil {
		return nil, err
	}
	return s.Face(RoleBody), nil
}

// FindFonts returns the faces to print with. A face named by explicit (the
// --font flag, a LoadFont spec) or else by the HALL_FONT environment
// variable sets every role, with no fallback; a named face that cannot be
// used returns its error.
//
// Otherwise FindFonts discovers the faces: fontconfig's list (fc-list, on
// Linux: Debian, Kylin, UOS), then the .ttf and .ttc files of the system and
// user font folders (C:\Windows\Fonts and the user's fonts on Windows,
// /usr/share/fonts and ~/.local/share/fonts on Linux), recognised by file
// and family names. Each role takes the best face that prints Chinese,
// ASCII digits and Latin letters:
//
//   - body and signature: FangSong (仿宋_GB2312, FangSong, 方正仿宋,
//     华文仿宋), then Song (宋体, AR PL SungtiL GB, AR PL UMing), Kai, Hei;
//   - title: a heavy Song (方正小标宋, 华文中宋, 大标宋), then Hei (黑体,
//     WenQuanYi Micro Hei), then Song, FangSong, Kai.
//
// A role with no face of its own takes the body's. Up to three faces with
// many characters (SimSun-ExtB, WenQuanYi, AR PL UMing, SimSun …) are kept
// as fallbacks for characters a role's face lacks: a GB2312-only face has
// no 堃 or 喆. When no face is usable the error is ErrNoFont, joined with
// the reason each candidate was skipped.
func FindFonts(explicit string) (*FontSet, error) {
	if explicit != "" {
		return loadSingle(explicit, "--font")
	}
	if spec := os.Getenv("HALL_FONT"); spec != "" {
		return loadSingle(spec, "HALL_FONT")
	}
	return systemDiscovery().find()
}

// loadSingle loads the one face the user named through source.
func loadSingle(spec, source string) (*FontSet, error) {
	f, err := loadFont(spec, basicText)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	return SingleFont(f, source), nil
}

// find picks each role's face and the fallbacks among what dv discovers.
func (dv discovery) find() (*FontSet, error) {
	cs := dv.candidates()
	s := &FontSet{}
	skipped := []error{ErrNoFont}
	failed := map[string]bool{}
	for r := range numRoles {
		ranked := slices.DeleteFunc(slices.Clone(cs), func(c fontCandidate) bool { return roleRank(r, c.names) < 0 })
		slices.SortStableFunc(ranked, func(a, b fontCandidate) int { return roleRank(r, a.names) - roleRank(r, b.names) })
		for _, c := range ranked {
			if failed[c.spec] {
				continue
			}
			f, err := loadFont(c.spec, basicText)
			if err != nil {
				failed[c.spec] = true
				skipped = append(skipped, err)
				continue
			}
			s.faces[r], s.sources[r] = f, c.source
			break
		}
	}
	if s.faces[RoleBody] == nil {
		return nil, errors.Join(skipped...)
	}
	for r := range numRoles {
		if s.faces[r] == nil {
			s.faces[r], s.sources[r] = s.faces[RoleBody], s.sources[RoleBody]
		}
	}
	s.fallbackSpecs = fallbackCandidates(cs, s.faces[:])
	return s, nil
}

// fallbackCandidates picks up to maxFallbacks faces of cs with many
// characters, best first, other than the files of used.
func fallbackCandidates(cs []fontCandidate, used []*Font) []fontCandidate {
	rank := func(c fontCandidate) int {
		return slices.IndexFunc(fallbackPreference, func(f string) bool { return strings.Contains(c.names, f) })
	}
	var out []fontCandidate
	for _, c := range cs {
		path, _, _ := splitSpec(c.spec)
		if rank(c) < 0 || slices.ContainsFunc(used, func(f *Font) bool { return f.path == path }) ||
			slices.ContainsFunc(out, func(o fontCandidate) bool { p, _, _ := splitSpec(o.spec); return p == path }) {
			continue
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b fontCandidate) int { return rank(a) - rank(b) })
	return out[:min(len(out), maxFallbacks)]
}

// fontDirs returns the system and user font folders of this platform.
func fontDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		dirs = []string{
			filepath.Join(cmp.Or(os.Getenv("WINDIR"), `C:\Windows`), "Fonts"),
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
