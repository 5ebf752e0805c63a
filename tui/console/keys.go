package console

import (
	"charm.land/bubbles/v2/key"

	"github.com/rongjiuzhu/hall/casefile"
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
	b := func(keys []string, helpKey string, desc casefile.Text) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, c.T(desc)))
	}
	k := func(s ...string) []string { return s }
	return &meetingKeys{
		Tabs:    b(k("1", "2", "3"), "1/2/3", lblMtgKeyTabs),
		Screens: [3]key.Binding{b(k("1"), "1", lblMtgTabSetup), b(k("2"), "2", lblMtgTabWalk), b(k("3"), "3", lblMtgTabClosing)},
		Sessions: sessionsKeys{
			Up:     b(k("up", "k"), "up/down", common.LblKeyMove),
			Down:   b(k("down", "j"), "down", common.LblKeyMove),
			Open:   b(k("enter"), "enter", lblMtgKeyOpenSession),
			New:    b(k("n"), "n", lblMtgKeyNewSession),
			Create: b(k("ctrl+s"), "ctrl+s", lblMtgKeyCreateSession),
		},
		Setup: setupKeys{
			Area:         b(k("tab"), "tab", lblMtgKeyArea),
			Move:         b(k("up", "down", "left", "right"), "arrows", common.LblKeyMove),
			Up:           b(k("up", "k"), "up", common.LblKeyMove),
			Down:         b(k("down", "j"), "down", common.LblKeyMove),
			Left:         b(k("left", "h"), "left", common.LblKeyMove),
			Right:        b(k("right", "l"), "right", common.LblKeyMove),
			Toggle:       b(k("space"), "space", lblMtgKeyPresent),
			Change:       b(k("left", "right"), "left/right", common.LblKeyChangeFilter),
			Build:        b(k("b"), "b", lblMtgKeyBuild),
			OpenCase:     b(k("enter"), "enter", common.LblKeyOpenCase),
			Walkthrough:  b(k("w"), "w", lblMtgKeyWalk),
			SessionsList: b(k("esc"), "esc", lblMtgKeySessions),
		},
		Walk: walkKeys{
			Move:          b(k("up", "down", "left", "right"), "arrows", lblMtgKeyMember),
			Up:            b(k("up", "k"), "up", lblMtgKeyMember),
			Down:          b(k("down", "j"), "down", lblMtgKeyMember),
			Left:          b(k("left", "h"), "left", lblMtgKeyMember),
			Right:         b(k("right", "l"), "right", lblMtgKeyMember),
			Agree:         b(k("a"), "a", lblMtgKeyAgree),
			Disagree:      b(k("d"), "d", lblMtgKeyDisagree),
			Abstain:       b(k("s"), "s", lblMtgKeyAbstain),
			Recuse:        b(k("r"), "r", lblMtgKeyRecuse),
			Decide:        b(k("enter"), "enter", lblMtgKeyDecide),
			NextUndecided: b(k("n"), "n", lblMtgKeyNextUndecided),
			PrevCase:      b(k("["), "[/]", lblMtgKeyCase),
			NextCase:      b(k("]"), "]", lblMtgKeyCase),
			ScrollUp:      b(k("pgup"), "pgup/pgdn", common.LblKeyScroll),
			ScrollDown:    b(k("pgdown"), "pgdn", common.LblKeyScroll),
			Attendance:    b(k("t"), "t", lblMtgKeyAttendance),
			ToClosing:     b(k("c"), "c", lblMtgKeyToClosing),
			SessionsList:  b(k("esc"), "esc", lblMtgKeySessions),
		},
		Closing: closingKeys{
			Close: b(k("c"), "c", lblMtgKeyClose),
			Print: b(k("p"), "p", lblMtgKeyPrint),
			Up:    b(k("up", "k", "pgup"), "up/down", common.LblKeyScroll),
			Down:  b(k("down", "j", "pgdown"), "down", common.LblKeyScroll),
			Back:  b(k("esc"), "esc", lblMtgKeySessions),
		},
		Prompt: promptKeys{
			Submit: b(k("enter"), "enter", lblMtgKeySubmit),
			Cancel: b(k("esc"), "esc", common.LblKeyNo),
			Choose: b(k("up", "down", "left", "right"), "up/down", common.LblKeyChoose),
			Prev:   b(k("left", "shift+tab", "up"), "left", common.LblKeyChoose),
			Next:   b(k("right", "tab", "down"), "right", common.LblKeyChoose),
			Pick:   b(k("1", "2", "3"), "1/2/3", common.LblKeyChoose),
		},
	}
}
