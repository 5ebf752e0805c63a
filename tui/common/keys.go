package common

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap holds every key binding of the front desk, one sub-keymap per
// page. Help texts are in the user's language. It is built once and never
// changed: a page that has keys depending on its state copies its
// sub-keymap and switches them off in the copy (SetEnabled) where it uses
// them, for key.Matches and help alike, so help shows only live keys.
type KeyMap struct {
	Global   GlobalKeys
	Home     HomeKeys
	Form     FormKeys
	Intake   IntakeKeys
	Picker   PickerKeys
	Queue    QueueKeys
	Dossier  DossierKeys
	Evidence EvidenceKeys
	Print    PrintKeys
	Dialog   DialogKeys
}

// GlobalKeys work on every screen.
type GlobalKeys struct {
	Quit key.Binding
	Help key.Binding
	// HelpTyping is the help key that works while typing ("?" is text).
	HelpTyping key.Binding
	Back       key.Binding
}

// HomeKeys move through the home menu.
type HomeKeys struct {
	Up, Down, Open key.Binding
	Intake, Queue  key.Binding
	Meeting        key.Binding
	Print, Reports key.Binding
}

// FormKeys move through and change the rows of a form.
type FormKeys struct {
	Next, Prev       key.Binding
	NextSec, PrevSec key.Binding
	Toggle           key.Binding
	Cycle            key.Binding
	Activate         key.Binding
	Delete           key.Binding
	// Left and Right are Cycle's two directions (and move within a
	// multi row); help shows them as Cycle.
	Left, Right key.Binding
}

// IntakeKeys are the intake page's own keys.
type IntakeKeys struct {
	Save, New, Picker key.Binding
	Findings          key.Binding
	// after saving
	Receipt, Open, Another key.Binding
}

// PickerKeys work in the project picker.
type PickerKeys struct {
	Up, Down, Toggle, Close key.Binding
	PageUp, PageDown        key.Binding
}

// QueueKeys work in the case queue.
type QueueKeys struct {
	Up, Down, PageUp, PageDown, First key.Binding
	Open                              key.Binding
	NextFilter, PrevFilter, Cycle     key.Binding
	CycleBack                         key.Binding // the left half of Cycle: the previous value
	Clear                             key.Binding
}

// DossierKeys work in a case's dossier.
type DossierKeys struct {
	NextTab, PrevTab           key.Binding
	Up, Down, PageUp, PageDown key.Binding
	Evidence, Ready, Withdraw  key.Binding
	Reveal                     key.Binding // full ID numbers and phones (recorded)
	Print                      key.Binding // the receipt, or the letter of a decided case
	Reload                     key.Binding
	GoTab                      key.Binding // 1…9: the tab of that number
}

// EvidenceKeys work in the evidence form.
type EvidenceKeys struct {
	Save key.Binding
}

// PrintKeys work on the print page.
type PrintKeys struct {
	Go key.Binding
}

// DialogKeys answer a confirmation.
type DialogKeys struct {
	Yes, No, Close key.Binding
	// Submit and Cancel answer a prompt (letters are text there).
	Submit, Cancel key.Binding
	// Dismiss closes a notice.
	Dismiss key.Binding
}

// DefaultKeyMap returns the bindings with help texts in c's language.
func DefaultKeyMap(c *Common) *KeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, c.T(desc)))
	}
	k := func(s ...string) []string { return s }
	return &KeyMap{
		Global: GlobalKeys{
			Quit:       b(k("ctrl+c"), "ctrl+c", "key.quit"),
			Help:       b(k("?", "f1"), "?/f1", "key.help"),
			HelpTyping: b(k("f1"), "f1", "key.help"),
			Back:       b(k("esc"), "esc", "key.back"),
		},
		Home: HomeKeys{
			Up:      b(k("up", "k"), "up/down", "key.move"),
			Down:    b(k("down", "j"), "down", "key.move"),
			Open:    b(k("enter"), "enter", "key.open"),
			Intake:  b(k("1", "i"), "1", "home.intake"),
			Queue:   b(k("2", "c"), "2", "home.queue"),
			Meeting: b(k("3", "m"), "3", "home.meeting"),
			Print:   b(k("4", "p"), "4", "home.print"),
			Reports: b(k("5", "r"), "5", "home.reports"),
		},
		Form: FormKeys{
			Next:     b(k("tab", "down", "enter"), "tab/down", "key.next_field"),
			Prev:     b(k("shift+tab", "up"), "shift+tab/up", "key.prev_field"),
			NextSec:  b(k("pgdown"), "pgdn", "key.next_section"),
			PrevSec:  b(k("pgup"), "pgup", "key.prev_section"),
			Toggle:   b(k("space"), "space", "key.toggle"),
			Cycle:    b(k("left", "right"), "left/right", "key.choose"),
			Activate: b(k("enter"), "enter", "key.activate"),
			Delete:   b(k("ctrl+x"), "ctrl+x", "key.delete_row"),
			Left:     b(k("left"), "left", "key.choose"),
			Right:    b(k("right"), "right", "key.choose"),
		},
		Intake: IntakeKeys{
			Save:     b(k("ctrl+s"), "ctrl+s", "key.save"),
			New:      b(k("ctrl+n"), "ctrl+n", "key.new_intake"),
			Picker:   b(k("f2"), "f2", "key.pick_projects"),
			Findings: b(k("f3"), "f3", "key.all_findings"),
			Receipt:  b(k("p"), "p", "key.receipt"),
			Open:     b(k("o", "enter"), "o", "key.open_case"),
			Another:  b(k("n"), "n", "key.another"),
		},
		Picker: PickerKeys{
			Up:       b(k("up"), "up/down", "key.move"),
			Down:     b(k("down"), "down", "key.move"),
			Toggle:   b(k("space", "enter"), "space/enter", "key.select"),
			Close:    b(k("esc", "f2"), "esc/f2", "key.done"),
			PageUp:   b(k("pgup"), "pgup/pgdn", "key.page"),
			PageDown: b(k("pgdown"), "pgdn", "key.page"),
		},
		Queue: QueueKeys{
			Up:         b(k("up"), "up/down", "key.move"),
			Down:       b(k("down"), "down", "key.move"),
			PageUp:     b(k("pgup"), "pgup/pgdn", "key.page"),
			PageDown:   b(k("pgdown"), "pgdn", "key.page"),
			First:      b(k("home"), "home", "key.first_page"),
			Open:       b(k("enter"), "enter", "key.open_case"),
			NextFilter: b(k("tab"), "tab", "key.next_filter"),
			PrevFilter: b(k("shift+tab"), "shift+tab", "key.prev_filter"),
			Cycle:      b(k("left", "right"), "left/right", "key.change_filter"),
			CycleBack:  b(k("left"), "left", "key.change_filter"),
			Clear:      b(k("ctrl+l"), "ctrl+l", "key.clear_filters"),
		},
		Dossier: DossierKeys{
			NextTab:  b(k("tab", "right"), "tab/right", "key.next_tab"),
			PrevTab:  b(k("shift+tab", "left"), "shift+tab/left", "key.prev_tab"),
			Up:       b(k("up", "k"), "up/down", "key.scroll"),
			Down:     b(k("down", "j"), "down", "key.scroll"),
			PageUp:   b(k("pgup"), "pgup/pgdn", "key.page"),
			PageDown: b(k("pgdown"), "pgdn", "key.page"),
			Evidence: b(k("e"), "e", "key.add_evidence"),
			Ready:    b(k("r"), "r", "key.to_ready"),
			Withdraw: b(k("w"), "w", "key.withdraw"),
			Reveal:   b(k("v"), "v", "key.reveal"),
			Print:    b(k("p"), "p", "key.receipt"),
			Reload:   b(k("f5", "ctrl+r"), "f5", "key.reload"),
			GoTab:    b(k("1", "2", "3", "4", "5", "6", "7", "8", "9"), "1-9", "key.next_tab"),
		},
		Evidence: EvidenceKeys{
			Save: b(k("ctrl+s"), "ctrl+s", "key.save_evidence"),
		},
		Print: PrintKeys{
			Go: b(k("ctrl+p"), "ctrl+p", "key.print"),
		},
		Dialog: DialogKeys{
			Yes:     b(k("y", "enter"), "y/enter", "key.yes"),
			No:      b(k("n", "esc"), "n/esc", "key.no"),
			Close:   b(k("enter", "esc"), "enter/esc", "key.close"),
			Submit:  b(k("enter"), "enter", "key.yes"),
			Cancel:  b(k("esc"), "esc", "key.no"),
			Dismiss: b(k("enter", "esc", "space", "y", "n"), "enter/esc", "key.close"),
		},
	}
}

// Pressed reports whether msg is one of b's keys, enabled or not: a key
// the user's role may not use is answered with a message, not ignored.
func Pressed(msg tea.KeyPressMsg, b key.Binding) bool {
	return slices.Contains(b.Keys(), msg.String())
}
