// Package frontdesk is the front desk of the hall's terminal UI: the root
// model (FrontDesk, built by New, run by Run) and its pages — home, intake,
// queue, dossier with its evidence form, and the print page — with the
// narrow store interfaces they read and write through (Store, NewStore)
// and the printing glue (Printing, NewPrinting). The meeting console is
// plugged in as a common.Page (WithMeeting); this package never imports
// it.
//
// It never decides anything: validation, findings, eligibility, duplicate
// checks, deadlines and amounts all come from package casefile. It never
// opens a database transaction either: pages reach the case file only
// inside tea.Cmds that work on copied values, so the screen never waits
// on the disk. Every visible string is a casefile.Text written in both
// languages where it is defined (labels.go, tui/common's shared labels,
// the domain's labels); every key binding lives in common.KeyMap.
package frontdesk
