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
	Pick           key.Binding // 1/2/3 (up to 9): choose and go on
}

// newMeetingKeys returns the console's bindings with help in c's language.
func newMeetingKeys(c *common.Common) *meetingKeys {
	b := c.Bind
	return &meetingKeys{
		Tabs:    b("1/2/3", lblMtgKeyTabs, "1", "2", "3"),
		Screens: [3]key.Binding{b("1", lblMtgTabSetup, "1"), b("2", lblMtgTabWalk, "2"), b("3", lblMtgTabClosing, "3")},
		Sessions: sessionsKeys{
			Up:     b("up/down", common.LblKeyMove, "up", "k"),
			Down:   b("down", common.LblKeyMove, "down", "j"),
			Open:   b("enter", lblMtgKeyOpenSession, "enter"),
			New:    b("n", lblMtgKeyNewSession, "n"),
			Create: b("ctrl+s", lblMtgKeyCreateSession, "ctrl+s"),
		},
		Setup: setupKeys{
			Area:         b("tab", lblMtgKeyArea, "tab"),
			Move:         b("arrows", common.LblKeyMove, "up", "down", "left", "right"),
			Up:           b("up", common.LblKeyMove, "up", "k"),
			Down:         b("down", common.LblKeyMove, "down", "j"),
			Left:         b("left", common.LblKeyMove, "left", "h"),
			Right:        b("right", common.LblKeyMove, "right", "l"),
			Toggle:       b("space", lblMtgKeyPresent, "space"),
			Change:       b("left/right", common.LblKeyChangeFilter, "left", "right"),
			Build:        b("b", lblMtgKeyBuild, "b"),
			OpenCase:     b("enter", common.LblKeyOpenCase, "enter"),
			Walkthrough:  b("w", lblMtgKeyWalk, "w"),
			SessionsList: b("esc", lblMtgKeySessions, "esc"),
		},
		Walk: walkKeys{
			Move:          b("arrows", lblMtgKeyMember, "up", "down", "left", "right"),
			Up:            b("up", lblMtgKeyMember, "up", "k"),
			Down:          b("down", lblMtgKeyMember, "down", "j"),
			Left:          b("left", lblMtgKeyMember, "left", "h"),
			Right:         b("right", lblMtgKeyMember, "right", "l"),
			Agree:         b("a", lblMtgKeyAgree, "a"),
			Disagree:      b("d", lblMtgKeyDisagree, "d"),
			Abstain:       b("s", lblMtgKeyAbstain, "s"),
			Recuse:        b("r", lblMtgKeyRecuse, "r"),
			Decide:        b("enter", lblMtgKeyDecide, "enter"),
			NextUndecided: b("n", lblMtgKeyNextUndecided, "n"),
			PrevCase:      b("[/]", lblMtgKeyCase, "["),
			NextCase:      b("]", lblMtgKeyCase, "]"),
			ScrollUp:      b("pgup/pgdn", common.LblKeyScroll, "pgup"),
			ScrollDown:    b("pgdn", common.LblKeyScroll, "pgdown"),
			Attendance:    b("t", lblMtgKeyAttendance, "t"),
			ToClosing:     b("c", lblMtgKeyToClosing, "c"),
			SessionsList:  b("esc", lblMtgKeySessions, "esc"),
		},
		Closing: closingKeys{
			Close: b("c", lblMtgKeyClose, "c"),
			Print: b("p", lblMtgKeyPrint, "p"),
			Up:    b("up/down", common.LblKeyScroll, "up", "k", "pgup"),
			Down:  b("down", common.LblKeyScroll, "down", "j", "pgdown"),
			Back:  b("esc", lblMtgKeySessions, "esc"),
		},
		Prompt: promptKeys{
			Submit: b("enter", lblMtgKeySubmit, "enter"),
			Cancel: b("esc", common.LblKeyNo, "esc"),
			Choose: b("up/down", common.LblKeyChoose, "up", "down", "left", "right"),
			Prev:   b("left", common.LblKeyChoose, "left", "shift+tab", "up"),
			Next:   b("right", common.LblKeyChoose, "right", "tab", "down"),
			Pick:   b("1/2/3", common.LblKeyChoose, "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		},
	}
}
