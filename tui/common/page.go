package common

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// Page is the contract of a screen of the front desk (and of a meeting
// console plugged in later): a model with its live keys and a size.
//
// Pages are pointers that change in place, so Update returns only the
// command; the root routes every message to the pages with small handlers
// and never needs to know a page's concrete type, which is what lets a
// console from another package be plugged in (WithMeeting).
type Page interface {
	help.KeyMap
	// Enter is called each time the page becomes the active one.
	Enter() tea.Cmd
	// Update handles a message. Keys and clicks reach only the active
	// page (clicks with Y relative to the page's area); results of
	// commands reach every page, which ignore what is not theirs.
	Update(msg tea.Msg) tea.Cmd
	// View draws exactly the page's area.
	View() string
	// SetSize gives the page its area.
	SetSize(width, height int)
	// Title names the page in the header.
	Title() string
	// Status is the page's message line.
	Status() (string, Level)
	// Dirty reports unsaved work (quitting asks first).
	Dirty() bool
	// Typing reports whether typed letters are text (so "?" is not help).
	Typing() bool
}

// PageID names the screens of the front desk.
type PageID int

// The front desk's screens; the meeting console is plugged in as
// PageMeeting.
const (
	PageHome PageID = iota
	PageIntake
	PageQueue
	PageDossier
	PageMeeting
	PagePrint
	// PageReports is the statistics screen (tui/reports), plugged in
	// like the meeting console.
	PageReports
	PageNotice // the approvals on public notice (公示)
	PageReview // the reviews due (复核)
)

// NavigateMsg asks the root to show a page (and a case in the dossier).
type NavigateMsg struct {
	To     PageID
	Number string
}

// Navigate returns the command that opens a page.
func Navigate(to PageID, number string) tea.Cmd {
	return func() tea.Msg { return NavigateMsg{To: to, Number: number} }
}

// BackMsg asks the root to go back to the previous page.
type BackMsg struct{}

// GoBack is the command a page returns to go back to the page it was
// opened from (esc).
func GoBack() tea.Msg { return BackMsg{} }

// StatusLine is a page's message line: its text and the level it is
// drawn in.
type StatusLine struct {
	Text  string
	Level Level
}

// Set shows text at level lv.
func (s *StatusLine) Set(text string, lv Level) { s.Text, s.Level = text, lv }

// Clear empties the line.
func (s *StatusLine) Clear() { s.Text, s.Level = "", LevelPlain }
