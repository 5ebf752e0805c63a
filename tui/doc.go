// Package tui holds the meeting console of the hall's terminal UI while
// it is being moved onto the shared packages: tui/common (the context,
// theme, styles, keys, labels, page contract), tui/components (form,
// table, picker, dialog, frame…) and tui/frontdesk (the front desk, whose
// pages the console shows).
//
// The console never decides anything (package meeting does) and never
// opens a database transaction: it reaches the store only inside tea.Cmds
// that work on copied values.
package tui
