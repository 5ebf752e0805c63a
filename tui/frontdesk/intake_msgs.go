package frontdesk

// The intake's messages, each beside the command that sends it. The
// commands work on copied values and are the only place the intake
// touches its store.

import (
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
)

// draftLoadedMsg carries the draft saved by an earlier session.
type draftLoadedMsg struct {
	data []byte
	err  error
}

func loadDraft(store IntakeStore, owner string) tea.Cmd {
	return func() tea.Msg {
		b, err := store.Draft(owner)
		return draftLoadedMsg{data: b, err: err}
	}
}

// autosaveTickMsg fires a moment after the last change.
type autosaveTickMsg struct{ gen int }

// draftSavedMsg reports an autosave.
type draftSavedMsg struct {
	gen int
	err error
}

func saveDraft(store IntakeStore, owner string, data []byte, gen int) tea.Cmd {
	return func() tea.Msg {
		return draftSavedMsg{gen: gen, err: store.SaveDraft(owner, data)}
	}
}

// personFoundMsg carries what the hall knows about a typed ID number.
type personFoundMsg struct {
	number string
	known  *KnownPerson
	err    error
}

func lookupPerson(store IntakeStore, number string) tea.Cmd {
	return func() tea.Msg {
		kp, err := store.Lookup(number)
		return personFoundMsg{number: number, known: kp, err: err}
	}
}

// checkedMsg carries the live duplicate check of the application.
type checkedMsg struct {
	sig   string
	check Check
	err   error
}

func runCheck(store IntakeStore, sig string, ap casefile.Person, hh casefile.Household, codes []string, day casefile.Date) tea.Cmd {
	return func() tea.Msg {
		ch, err := store.Check(ap, hh, codes, day)
		return checkedMsg{sig: sig, check: ch, err: err}
	}
}

// caseSavedMsg reports the result of storing the case.
type caseSavedMsg struct {
	c   *casefile.Case
	err error
}

func saveCase(store IntakeStore, d *casefile.Draft, who string) tea.Cmd {
	return func() tea.Msg {
		c, err := store.Intake(d, who)
		return caseSavedMsg{c: c, err: err}
	}
}
