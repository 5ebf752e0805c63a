package common

import (
	"errors"
	"strings"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
)

// Common is the context every page shares: the window size, styles,
// keymap, language, the signed-in user and their role, and the clock.
// Pages hold a pointer to the one Common of their root model; only the
// root changes it.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	Lang          casefile.Lang
	User          string
	// Role decides which screens and keys exist for the user. It only
	// shapes the screens: the domain checks every write again
	// (casefile.Tx.Require).
	Role    casefile.Role
	Clock   func() time.Time
	Catalog *casefile.Catalog
	// AutosaveDelay is how long the intake waits after the last change
	// before it saves the draft (0 in tests: at once).
	AutosaveDelay time.Duration
	IsDark        bool
	// Damage is the first damaged-database error (casefile's
	// ErrDatabaseCorrupt) a page met and showed through Msg; the shell
	// (components.Shell) then shows it on the whole window. Msg sets it,
	// the one change to Common that is not the root's.
	Damage error
}

// newCommon builds the shared context for lang and user. A local user
// (casefile.LocalPrefix) is the administrator; anyone else has no role
// until the root sets theirs.
func New(cat *casefile.Catalog, lang casefile.Lang, user string, clock func() time.Time) *Common {
	if clock == nil {
		clock = time.Now
	}
	c := &Common{Lang: lang, User: user, Clock: clock, Catalog: cat, AutosaveDelay: time.Second, IsDark: true}
	if strings.HasPrefix(user, casefile.LocalPrefix) {
		c.Role = casefile.RoleAdmin
	}
	c.Keys = DefaultKeyMap(c)
	c.SetDark(true)
	return c
}

// SetDark rebuilds the styles for a dark or light terminal background.
func (c *Common) SetDark(dark bool) {
	c.IsDark = dark
	c.Styles = NewStyles(NewTheme(dark))
}

// Can reports whether the user's role may do p.
func (c *Common) Can(p casefile.Perm) bool { return c.Role.Can(p) }

// Forbidden is the message for a key the user's role may not use.
func (c *Common) Forbidden() string {
	return c.Msg(casefile.ErrForbidden) + c.Tf(lblErrRole, c.Role.Label(c.Lang))
}

// T returns the text in the current language.
func (c *Common) T(t casefile.Text) string { return t.In(c.Lang) }

// Tf formats the text in the current language with args; as in
// casefile.T, an argument that speaks both languages (a Text, a Labeler,
// a Localized error) is shown in the current one.
func (c *Common) Tf(t casefile.Text, args ...any) string {
	return casefile.T(t.ZH, t.EN, args...).In(c.Lang)
}

// Now is the clock's time.
func (c *Common) Now() time.Time { return c.Clock() }

// Today is the clock's calendar day.
func (c *Common) Today() casefile.Date { return casefile.DateOf(c.Clock()) }

// Msg returns an error's message in the current language. A
// damaged-database error is also kept in Damage.
func (c *Common) Msg(err error) string {
	if c.Damage == nil && errors.Is(err, casefile.ErrDatabaseCorrupt) {
		c.Damage = err
	}
	return casefile.Message(err, c.Lang)
}

// EN reports whether the screen speaks English.
func (c *Common) EN() bool { return c.Lang == casefile.EN }

// ProjectName is a project's name in the current language.
func (c *Common) ProjectName(code string) string {
	if p := c.Catalog.Project(code); p != nil {
		return p.Label(c.Lang)
	}
	return code
}

// DeptName is a department's name in the current language.
func (c *Common) DeptName(key string) string {
	if d := c.Catalog.Department(key); d != nil {
		return d.Label(c.Lang)
	}
	return key
}

// IncomeKindName is an income kind's name in the current language.
func (c *Common) IncomeKindName(key string) string {
	k := c.Catalog.IncomeKind(key)
	if k == nil {
		return key
	}
	if c.EN() && k.NameEN != "" {
		return k.NameEN
	}
	return k.Name
}

// HallName is the hall's name from the catalogue.
func (c *Common) HallName() string {
	if c.EN() && c.Catalog.County.HallEN != "" {
		return c.Catalog.County.HallEN
	}
	if c.Catalog.County.Hall != "" {
		return c.Catalog.County.Hall
	}
	return c.T(lblAppHall)
}

// Money formats an amount with its unit.
func (c *Common) Money(m casefile.Money) string { return c.Tf(lblFmtYuan, m.String()) }

// ProjectAmount is amount m of project code as the project pays it
// (每月 620.00 元, 一次性 5,000.00 元; a status without money says so).
func (c *Common) ProjectAmount(code string, m casefile.Money) string {
	return c.Catalog.AmountText(code, m).In(c.Lang)
}
