package console

import (
	"charm.land/bubbles/v2/key"

	"github.com/rongjiuzhu/hall/tui/common"
)

// meetingKeys are the meeting console's keys, one group per screen, as
// built: never switched. Each screen derives its live keys from them where
// they are used (its keys method), switching off those that cannot act
// (no quorum, a closed session, a decided case, an absent member, a role
// that may not write), so the help bar shows only live keys and a key
// that is off does nothing.
type meetingKeys struct {
	Tabs key.Binding // 1/2/3: attendance & agenda, walkthrough, closing (help)
	// Screens are the three of Tabs one by one, in the order of the
	// screens.
	Screens  [3]key.Binding
	Sessions sessionsKeys
	Setup    setupKeys
	Walk     walkKeys
	Closing  closingKeys
	Prompt   promptKeys
}

// sessionsKeys work in the list of sessions and the new-session form.
type sessionsKeys struct {
	Up, Down, Open, New key.Binding
	Create              key.Binding
}

// setupKeys take attendance and build the agenda.
type setupKeys struct {
	Area         key.Binding // next part: members, filters, agenda
	Move         key.Binding // arrows (help only)
	Up, Down     key.Binding
	Left, Right  key.Binding
	Toggle       key.Binding // present / absent
	Change       key.Binding // a filter's value (help only: left/right)
	Build        key.Binding
	OpenCase     key.Binding
	Walkthrough  key.Binding
	SessionsList key.Binding
}

// walkKeys go through the agenda case by case.
type walkKeys struct {
	Move                  key.Binding // arrows (help only)
	Up, Down, Left, Right key.Binding
	Agree, Disagree       key.Binding
	Abstain, Recuse       key.Binding
	Decide                key.Binding
	NextUndecided         key.Binding
	PrevCase, NextCase    key.Binding
	ScrollUp, ScrollDown  key.Binding
	Attendance, ToClosing key.Binding
	SessionsList          key.Binding
}

// closingKeys close the session and print.
type closingKeys struct {
	Close key.Binding
	Print key.Binding
	Up    key.Binding
	Down  key.Binding
	Back  key.Binding
}

// promptKeys answer a reason prompt or the ruling chooser.
type promptKeys struct {
	Submit, Cancel key.Binding
	Choose         key.Binding // left/right in the ruling chooser (help only)
	Prev, Next     key.Binding
	Pick           key.Binding // 1/2/3: choose and go on
}

// newMeetingKeys returns the console's bindings with help in c's language.
func newMeetingKeys(c *common.Common) *meetingKeys {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, c.T(desc)))
	}
	k := func(s ...string) []string { return s }
	return &meetingKeys{
		Tabs:    b(k("1", "2", "3"), "1/2/3", "mtg.key.tabs"),
		Screens: [3]key.Binding{b(k("1"), "1", "mtg.tab_setup"), b(k("2"), "2", "mtg.tab_walk"), b(k("3"), "3", "mtg.tab_closing")},
		Sessions: sessionsKeys{
			Up:     b(k("up", "k"), "up/down", "key.move"),
			Down:   b(k("down", "j"), "down", "key.move"),
			Open:   b(k("enter"), "enter", "mtg.key.open_session"),
			New:    b(k("n"), "n", "mtg.key.new_session"),
			Create: b(k("ctrl+s"), "ctrl+s", "mtg.key.create_session"),
		},
		Setup: setupKeys{
			Area:         b(k("tab"), "tab", "mtg.key.area"),
			Move:         b(k("up", "down", "left", "right"), "arrows", "key.move"),
			Up:           b(k("up", "k"), "up", "key.move"),
			Down:         b(k("down", "j"), "down", "key.move"),
			Left:         b(k("left", "h"), "left", "key.move"),
			Right:        b(k("right", "l"), "right", "key.move"),
			Toggle:       b(k("space"), "space", "mtg.key.present"),
			Change:       b(k("left", "right"), "left/right", "key.change_filter"),
			Build:        b(k("b"), "b", "mtg.key.build"),
			OpenCase:     b(k("enter"), "enter", "key.open_case"),
			Walkthrough:  b(k("w"), "w", "mtg.key.walk"),
			SessionsList: b(k("esc"), "esc", "mtg.key.sessions"),
		},
		Walk: walkKeys{
			Move:          b(k("up", "down", "left", "right"), "arrows", "mtg.key.member"),
			Up:            b(k("up", "k"), "up", "mtg.key.member"),
			Down:          b(k("down", "j"), "down", "mtg.key.member"),
			Left:          b(k("left", "h"), "left", "mtg.key.member"),
			Right:         b(k("right", "l"), "right", "mtg.key.member"),
			Agree:         b(k("a"), "a", "mtg.key.agree"),
			Disagree:      b(k("d"), "d", "mtg.key.disagree"),
			Abstain:       b(k("s"), "s", "mtg.key.abstain"),
			Recuse:        b(k("r"), "r", "mtg.key.recuse"),
			Decide:        b(k("enter"), "enter", "mtg.key.decide"),
			NextUndecided: b(k("n"), "n", "mtg.key.next_undecided"),
			PrevCase:      b(k("["), "[/]", "mtg.key.case"),
			NextCase:      b(k("]"), "]", "mtg.key.case"),
			ScrollUp:      b(k("pgup"), "pgup/pgdn", "key.scroll"),
			ScrollDown:    b(k("pgdown"), "pgdn", "key.scroll"),
			Attendance:    b(k("t"), "t", "mtg.key.attendance"),
			ToClosing:     b(k("c"), "c", "mtg.key.to_closing"),
			SessionsList:  b(k("esc"), "esc", "mtg.key.sessions"),
		},
		Closing: closingKeys{
			Close: b(k("c"), "c", "mtg.key.close"),
			Print: b(k("p"), "p", "mtg.key.print"),
			Up:    b(k("up", "k", "pgup"), "up/down", "key.scroll"),
			Down:  b(k("down", "j", "pgdown"), "down", "key.scroll"),
			Back:  b(k("esc"), "esc", "mtg.key.sessions"),
		},
		Prompt: promptKeys{
			Submit: b(k("enter"), "enter", "mtg.key.submit"),
			Cancel: b(k("esc"), "esc", "key.no"),
			Choose: b(k("left", "right"), "left/right", "key.choose"),
			Prev:   b(k("left", "shift+tab", "up"), "left", "key.choose"),
			Next:   b(k("right", "tab", "down"), "right", "key.choose"),
			Pick:   b(k("1", "2", "3"), "1/2/3", "key.choose"),
		},
	}
}
