package spool

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts"
)

// Message says in lang why a document could not be printed: no usable
// font (what to install), the characters the font lacks (each named), or
// the domain's reason.
func Message(err error, lang casefile.Lang) string {
	var glyphs *printouts.MissingGlyphsError
	var fe *FontError
	switch {
	case errors.As(err, &fe):
		return fe.Message(lang)
	case errors.Is(err, printouts.ErrNoFont):
		return casefile.Message(err, lang)
	case errors.As(err, &glyphs):
		names := make([]string, len(glyphs.Runes))
		for i, r := range glyphs.Runes {
			names[i] = fmt.Sprintf("「%c」U+%04X", r, r)
		}
		return fmt.Sprintf(casefile.Text{ZH: "字体 %s 缺少以下字符，无法打印：%s。请用 --font 或环境变量 HALL_FONT 换用收字更全的中文字体。",
			EN: "the font %s has no glyph for %s; name a font with more characters with --font or HALL_FONT."}.In(lang),
			glyphs.Font, strings.Join(names, casefile.Text{ZH: "、", EN: ", "}.In(lang)))
	}
	return casefile.Message(err, lang)
}

// FindFont is printouts.FindFont (spec: the --font value, else HALL_FONT,
// else a font of the system) with its errors as *FontError, which say in
// the user's language what to install or why the font named cannot be
// used.
func FindFont(spec string) (*printouts.Font, error) {
	f, err := printouts.FindFont(spec)
	if err != nil {
		return nil, &FontError{Err: err}
	}
	return f, nil
}

// FindFonts is printouts.FindFonts (spec: the --font value, else
// HALL_FONT, else the faces of the system for each role) with its errors
// as *FontError.
func FindFonts(spec string) (*printouts.FontSet, error) {
	s, err := printouts.FindFonts(spec)
	if err != nil {
		return nil, &FontError{Err: err}
	}
	return s, nil
}

// FontError is a font that cannot be used to print.
type FontError struct{ Err error }

// Error returns the English message.
func (e *FontError) Error() string { return e.Message(casefile.EN) }

// Unwrap returns the reason.
func (e *FontError) Unwrap() error { return e.Err }

// Message says in lang what to install (no Chinese font at all), or why
// the font named by --font or HALL_FONT cannot be used.
func (e *FontError) Message(lang casefile.Lang) string {
	var glyphs *printouts.MissingGlyphsError
	switch {
	case errors.Is(e.Err, printouts.ErrNoFont):
		return casefile.Message(e.Err, lang)
	case errors.As(e.Err, &glyphs): // the font named is no Chinese font
		// each language counts the characters its own way: 「缺」等 3 个 /
		// '缺' and 2 more
		r, n := glyphs.Runes[0], len(glyphs.Runes)
		lacks := casefile.Text{ZH: "「" + string(r) + "」等 " + strconv.Itoa(n) + " 个", EN: strconv.QuoteRune(r) + " and " + strconv.Itoa(n-1) + " more"}
		return casefile.T("指定的字体 %s 不能打印中文（缺少%s常用字符）。请换用中文 TrueType 字体，例如 apt-get install fonts-wqy-microhei。",
			"the font %s cannot print Chinese (it lacks %s common characters); name a Chinese TrueType font, e.g. apt-get install fonts-wqy-microhei.",
			glyphs.Font, lacks).In(lang)
	}
	// the font named cannot be read
	return casefile.Text{ZH: "指定的字体无法使用：", EN: "the font named cannot be used: "}.In(lang) + e.Err.Error()
}
