package common

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
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
	b := func(keys []string, helpKey string, desc casefile.Text) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, c.T(desc)))
	}
	k := func(s ...string) []string { return s }
	return &KeyMap{
		Global: GlobalKeys{
			Quit:       b(k("ctrl+c"), "ctrl+c", lblKeyQuit),
			Help:       b(k("?", "f1"), "?/f1", lblKeyHelp),
			HelpTyping: b(k("f1"), "f1", lblKeyHelp),
			Back:       b(k("esc"), "esc", lblKeyBack),
		},
		Home: HomeKeys{
			Up:      b(k("up", "k"), "up/down", LblKeyMove),
			Down:    b(k("down", "j"), "down", LblKeyMove),
			Open:    b(k("enter"), "enter", lblKeyOpen),
			Intake:  b(k("1", "i"), "1", LblHomeIntake),
			Queue:   b(k("2", "c"), "2", LblHomeQueue),
			Meeting: b(k("3", "m"), "3", LblHomeMeeting),
			Print:   b(k("4", "p"), "4", LblHomePrint),
			Reports: b(k("5", "r"), "5", LblHomeReports),
		},
		Form: FormKeys{
			Next:     b(k("tab", "down", "enter"), "tab/down", lblKeyNextField),
			Prev:     b(k("shift+tab", "up"), "shift+tab/up", lblKeyPrevField),
			NextSec:  b(k("pgdown"), "pgdn", lblKeyNextSection),
			PrevSec:  b(k("pgup"), "pgup", lblKeyPrevSection),
			Toggle:   b(k("space"), "space", lblKeyToggle),
			Cycle:    b(k("left", "right"), "left/right", LblKeyChoose),
			Activate: b(k("enter"), "enter", lblKeyActivate),
			Delete:   b(k("ctrl+x"), "ctrl+x", lblKeyDeleteRow),
			Left:     b(k("left"), "left", LblKeyChoose),
			Right:    b(k("right"), "right", LblKeyChoose),
		},
		Intake: IntakeKeys{
			Save:     b(k("ctrl+s"), "ctrl+s", lblKeySave),
			New:      b(k("ctrl+n"), "ctrl+n", lblKeyNewIntake),
			Picker:   b(k("f2"), "f2", lblKeyPickProjects),
			Findings: b(k("f3"), "f3", lblKeyAllFindings),
			Receipt:  b(k("p"), "p", LblKeyReceipt),
			Open:     b(k("o", "enter"), "o", LblKeyOpenCase),
			Another:  b(k("n"), "n", lblKeyAnother),
		},
		Picker: PickerKeys{
			Up:       b(k("up"), "up/down", LblKeyMove),
			Down:     b(k("down"), "down", LblKeyMove),
			Toggle:   b(k("space", "enter"), "space/enter", lblKeySelect),
			Close:    b(k("esc", "f2"), "esc/f2", lblKeyDone),
			PageUp:   b(k("pgup"), "pgup/pgdn", lblKeyPage),
			PageDown: b(k("pgdown"), "pgdn", lblKeyPage),
		},
		Queue: QueueKeys{
			Up:         b(k("up"), "up/down", LblKeyMove),
			Down:       b(k("down"), "down", LblKeyMove),
			PageUp:     b(k("pgup"), "pgup/pgdn", lblKeyPage),
			PageDown:   b(k("pgdown"), "pgdn", lblKeyPage),
			First:      b(k("home"), "home", lblKeyFirstPage),
			Open:       b(k("enter"), "enter", LblKeyOpenCase),
			NextFilter: b(k("tab"), "tab", lblKeyNextFilter),
			PrevFilter: b(k("shift+tab"), "shift+tab", lblKeyPrevFilter),
			Cycle:      b(k("left", "right"), "left/right", LblKeyChangeFilter),
			CycleBack:  b(k("left"), "left", LblKeyChangeFilter),
			Clear:      b(k("ctrl+l"), "ctrl+l", lblKeyClearFilters),
		},
		Dossier: DossierKeys{
			NextTab:  b(k("tab", "right"), "tab/right", lblKeyNextTab),
			PrevTab:  b(k("shift+tab", "left"), "shift+tab/left", lblKeyPrevTab),
			Up:       b(k("up", "k"), "up/down", LblKeyScroll),
			Down:     b(k("down", "j"), "down", LblKeyScroll),
			PageUp:   b(k("pgup"), "pgup/pgdn", lblKeyPage),
			PageDown: b(k("pgdown"), "pgdn", lblKeyPage),
			Evidence: b(k("e"), "e", lblKeyAddEvidence),
			Ready:    b(k("r"), "r", lblKeyToReady),
			Withdraw: b(k("w"), "w", lblKeyWithdraw),
			Reveal:   b(k("v"), "v", LblKeyReveal),
			Print:    b(k("p"), "p", LblKeyReceipt),
			Reload:   b(k("f5", "ctrl+r"), "f5", lblKeyReload),
			GoTab:    b(k("1", "2", "3", "4", "5", "6", "7", "8", "9"), "1-9", lblKeyNextTab),
		},
		Evidence: EvidenceKeys{
			Save: b(k("ctrl+s"), "ctrl+s", lblKeySaveEvidence),
		},
		Print: PrintKeys{
			Go: b(k("ctrl+p"), "ctrl+p", lblKeyPrint),
		},
		Dialog: DialogKeys{
			Yes:     b(k("y", "enter"), "y/enter", lblKeyYes),
			No:      b(k("n", "esc"), "n/esc", LblKeyNo),
			Close:   b(k("enter", "esc"), "enter/esc", lblKeyClose),
			Submit:  b(k("enter"), "enter", lblKeyYes),
			Cancel:  b(k("esc"), "esc", LblKeyNo),
			Dismiss: b(k("enter", "esc", "space", "y", "n"), "enter/esc", lblKeyClose),
		},
	}
}

// Pressed reports whether msg is one of b's keys, enabled or not: a key
// the user's role may not use is answered with a message, not ignored.
func Pressed(msg tea.KeyPressMsg, b key.Binding) bool {
	return slices.Contains(b.Keys(), msg.String())
}
