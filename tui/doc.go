// Package tui is the hall's terminal user interface: the front desk
// (home, intake, queue, dossier) built with Bubble Tea v2, Bubbles v2 and
// Lip Gloss v2.
//
// The package holds Bubble Tea models only. It never decides anything:
// validation, findings, eligibility, duplicate checks, deadlines and
// amounts all come from package casefile. It never opens a database
// transaction either: pages reach the case file through the narrow
// interfaces in store.go (satisfied by NewStore over *casefile.Store), and
// only inside tea.Cmds that work on copied values, so the screen never
// waits on the disk. Printing goes the same way, through the Printing
// interface in printing.go (satisfied by NewPrinting).
//
// Every visible string goes through the label tables in i18n.go (Simplified
// Chinese and English); every key binding lives in keys.go; colours live in
// theme.go and the styles built from them in styles.go.
package tui
