// Package common is what every screen of the hall's terminal UI shares:
// the context a root model hands its pages (Common: size, styles, keymap,
// language, user and role, clock, catalogue), the palette (Theme) and the
// styles built from it, the key bindings (KeyMap), the labels shared by
// several screens (casefile.Text values shown with Common.T and
// Common.Tf), the levels of a
// status line, the Page contract and the navigation messages.
//
// It must never know a page or a component: nothing here imports another
// package of tui, draws a screen, or holds a model. It never touches a
// store and never decides anything the domain (casefile, meeting)
// decides. The keymap in Common is built once and never rewritten per
// message: pages derive their live keys from their own state where they
// use them.
package common
