package casefile

import (
	"errors"
	"fmt"
)

// Lang is a user-interface language.
type Lang string

// The languages the hall speaks.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// ParseLang accepts "zh" or "en" (and a few spellings of them).
func ParseLang(s string) (Lang, error) {
	switch s {
	case "", "zh", "zh-CN", "zh_CN", "cn", "chs":
		return ZH, nil
	case "en", "en-US", "en_US", "en-GB":
		return EN, nil
	}
	return "", fmt.Errorf("unknown language %q (use zh or en)", s)
}

// Text is one message in both languages.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// In returns the text in lang, falling back to Chinese.
func (t Text) In(lang Lang) string {
	if lang == EN && t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// Labeler is a value with a name in each language: statuses, channels,
// areas, roles, projects …
type Labeler interface {
	Label(lang Lang) string
}

// T builds a Text from a Chinese and an English format with shared
// arguments. An argument that speaks both languages is put in each side
// in that side's language: a Text, a Labeler (a Status shows 待研判 on the
// Chinese side and ready on the English one) or a Localized error. So
// both formats take the same arguments in the same order, and a raw key
// never reaches a sentence.
func T(zh, en string, args ...any) Text {
	return Text{ZH: fmt.Sprintf(zh, argsIn(ZH, args)...), EN: fmt.Sprintf(en, argsIn(EN, args)...)}
}

// argsIn returns args with every bilingual argument rendered in lang.
func argsIn(lang Lang, args []any) []any {
	var out []any
	for i, a := range args {
		var s string
		switch v := a.(type) {
		case Text:
			s = v.In(lang)
		case Labeler:
			s = v.Label(lang)
		case Localized:
			s = v.Message(lang)
		default:
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = s
	}
	if out == nil {
		return args
	}
	return out
}

// Label returns the text in lang: a Text is itself a Labeler.
func (t Text) Label(lang Lang) string { return t.In(lang) }

// LabelFrom returns the name of the enumeration value k in lang from its
// table of labels, or the key itself when the table does not know it: the
// one lookup behind every enumeration's Label.
func LabelFrom[K ~string](table map[K]Text, k K, lang Lang) string {
	if t, ok := table[k]; ok {
		return t.In(lang)
	}
	return string(k)
}

// ParseLabel returns the value of all whose key, Chinese label or English
// label is s exactly: the one reading behind the enumerations' Parse
// functions that take no spaces or other case.
func ParseLabel[K interface {
	~string
	Label(Lang) string
}](all []K, s string) (K, bool) {
	for _, k := range all {
		if s == string(k) || s == k.Label(ZH) || s == k.Label(EN) {
			return k, true
		}
	}
	var zero K
	return zero, false
}

// Localized is an error that can speak the user's language.
type Localized interface {
	error
	Message(lang Lang) string
}

// Message returns the message of err in lang: the first Localized error in
// its chain speaks for it; any other error keeps its own text.
func Message(err error, lang Lang) string {
	if err == nil {
		return ""
	}
	var l Localized
	if errors.As(err, &l) {
		return l.Message(lang)
	}
	return err.Error()
}

// Error is a named domain error with a message in both languages. Errors
// are compared with errors.Is against the package's sentinel values; the
// detail carries the specifics of one occurrence.
type Error struct {
	Code   string // stable key, e.g. "case_not_found"
	Text   Text   // the general message
	Detail Text   // optional specifics, appended after a colon
	base   *Error // the sentinel this occurrence was made from
}

// NewError makes a named error of the domain edge, a sentinel, for the
// packages beside this one (meeting, printouts): code is its stable key,
// zh and en its message. Compare occurrences with errors.Is and make them
// with With or Withf.
func NewError(code, zh, en string) *Error { return newError(code, zh, en) }

// newError makes this package's sentinels (see NewError).
func newError(code, zh, en string) *Error {
	return &Error{Code: code, Text: Text{ZH: zh, EN: en}}
}

// Error returns the English message.
func (e *Error) Error() string { return e.Message(EN) }

// Message returns the message in lang.
func (e *Error) Message(lang Lang) string {
	msg := e.Text.In(lang)
	if d := e.Detail.In(lang); d != "" {
		if lang == EN {
			return msg + ": " + d
		}
		return msg + "：" + d
	}
	return msg
}

// Is reports whether target is the sentinel e was made from.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && e.base != nil && e.base == t
}

// With returns an occurrence of the sentinel e with specifics.
func (e *Error) With(detail Text) *Error {
	base := e
	if e.base != nil {
		base = e.base
	}
	return &Error{Code: e.Code, Text: e.Text, Detail: detail, base: base}
}

// Withf is With with formats in both languages sharing arguments.
func (e *Error) Withf(zh, en string, args ...any) *Error { return e.With(T(zh, en, args...)) }
