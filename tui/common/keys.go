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
	Review   ReviewKeys
	Notice   NoticeKeys
}

// ReviewKeys work on the review worklist (beside the list's moves).
type ReviewKeys struct {
	Start key.Binding
}

// NoticeKeys work on the public-notice page (beside the list's moves).
type NoticeKeys struct {
	Close key.Binding // the notices that have ended take effect
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
	Notice, Review key.Binding
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

// Bind is a binding of keys with help in c's language: helpKey as the
// help shows the keys, desc what they do.
func (c *Common) Bind(helpKey string, desc casefile.Text, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, c.T(desc)))
}

// DefaultKeyMap returns the bindings with help texts in c's language.
func DefaultKeyMap(c *Common) *KeyMap {
	b := c.Bind
	return &KeyMap{
		Global: GlobalKeys{
			Quit:       b("ctrl+c", lblKeyQuit, "ctrl+c"),
			Help:       b("?/f1", lblKeyHelp, "?", "f1"),
			HelpTyping: b("f1", lblKeyHelp, "f1"),
			Back:       b("esc", lblKeyBack, "esc"),
		},
		Home: HomeKeys{
			Up:      b("up/down", LblKeyMove, "up", "k"),
			Down:    b("down", LblKeyMove, "down", "j"),
			Open:    b("enter", lblKeyOpen, "enter"),
			Intake:  b("1", LblHomeIntake, "1", "i"),
			Queue:   b("2", LblHomeQueue, "2", "c"),
			Meeting: b("3", LblHomeMeeting, "3", "m"),
			Print:   b("4", LblHomePrint, "4", "p"),
			Reports: b("5", LblHomeReports, "5", "r"),
			Notice:  b("6", LblHomeNotice, "6", "n"),
			Review:  b("7", LblHomeReview, "7", "v"),
		},
		Form: FormKeys{
			Next:     b("tab/down", lblKeyNextField, "tab", "down", "enter"),
			Prev:     b("shift+tab/up", lblKeyPrevField, "shift+tab", "up"),
			NextSec:  b("pgdn", lblKeyNextSection, "pgdown"),
			PrevSec:  b("pgup", lblKeyPrevSection, "pgup"),
			Toggle:   b("space", lblKeyToggle, "space"),
			Cycle:    b("left/right", LblKeyChoose, "left", "right"),
			Activate: b("enter", lblKeyActivate, "enter"),
			Delete:   b("ctrl+x", lblKeyDeleteRow, "ctrl+x"),
			Left:     b("left", LblKeyChoose, "left"),
			Right:    b("right", LblKeyChoose, "right"),
		},
		Intake: IntakeKeys{
			Save:     b("ctrl+s", lblKeySave, "ctrl+s"),
			New:      b("ctrl+n", lblKeyNewIntake, "ctrl+n"),
			Picker:   b("f2", lblKeyPickProjects, "f2"),
			Findings: b("f3", lblKeyAllFindings, "f3"),
			Receipt:  b("p", LblKeyReceipt, "p"),
			Open:     b("o", LblKeyOpenCase, "o", "enter"),
			Another:  b("n", lblKeyAnother, "n"),
		},
		Picker: PickerKeys{
			Up:       b("up/down", LblKeyMove, "up"),
			Down:     b("down", LblKeyMove, "down"),
			Toggle:   b("space/enter", lblKeySelect, "space", "enter"),
			Close:    b("esc/f2", lblKeyDone, "esc", "f2"),
			PageUp:   b("pgup/pgdn", lblKeyPage, "pgup"),
			PageDown: b("pgdn", lblKeyPage, "pgdown"),
		},
		Queue: QueueKeys{
			Up:         b("up/down", LblKeyMove, "up"),
			Down:       b("down", LblKeyMove, "down"),
			PageUp:     b("pgup/pgdn", lblKeyPage, "pgup"),
			PageDown:   b("pgdn", lblKeyPage, "pgdown"),
			First:      b("home", lblKeyFirstPage, "home"),
			Open:       b("enter", LblKeyOpenCase, "enter"),
			NextFilter: b("tab", lblKeyNextFilter, "tab"),
			PrevFilter: b("shift+tab", lblKeyPrevFilter, "shift+tab"),
			Cycle:      b("left/right", LblKeyChangeFilter, "left", "right"),
			CycleBack:  b("left", LblKeyChangeFilter, "left"),
			Clear:      b("ctrl+l", lblKeyClearFilters, "ctrl+l"),
		},
		Dossier: DossierKeys{
			NextTab:  b("tab/right", lblKeyNextTab, "tab", "right"),
			PrevTab:  b("shift+tab/left", lblKeyPrevTab, "shift+tab", "left"),
			Up:       b("up/down", LblKeyScroll, "up", "k"),
			Down:     b("down", LblKeyScroll, "down", "j"),
			PageUp:   b("pgup/pgdn", lblKeyPage, "pgup"),
			PageDown: b("pgdn", lblKeyPage, "pgdown"),
			Evidence: b("e", lblKeyAddEvidence, "e"),
			Ready:    b("r", lblKeyToReady, "r"),
			Withdraw: b("w", lblKeyWithdraw, "w"),
			Reveal:   b("v", LblKeyReveal, "v"),
			Print:    b("p", LblKeyReceipt, "p"),
			Reload:   b("f5", lblKeyReload, "f5", "ctrl+r"),
			GoTab:    b("1-9", lblKeyNextTab, "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		},
		Evidence: EvidenceKeys{
			Save: b("ctrl+s", lblKeySaveEvidence, "ctrl+s"),
		},
		Print: PrintKeys{
			Go: b("ctrl+p", lblKeyPrint, "ctrl+p"),
		},
		Review: ReviewKeys{
			Start: b("s", LblKeyStartReview, "s"),
		},
		Notice: NoticeKeys{
			Close: b("c", LblKeyCloseNotices, "c"),
		},
		Dialog: DialogKeys{
			Yes:     b("y/enter", lblKeyYes, "y", "enter"),
			No:      b("n/esc", LblKeyNo, "n", "esc"),
			Close:   b("enter/esc", lblKeyClose, "enter", "esc"),
			Submit:  b("enter", lblKeyYes, "enter"),
			Cancel:  b("esc", LblKeyNo, "esc"),
			Dismiss: b("enter/esc", lblKeyClose, "enter", "esc", "space", "y", "n"),
		},
	}
}

// Pressed reports whether msg is one of b's keys, enabled or not: a key
// the user's role may not use is answered with a message, not ignored.
func Pressed(msg tea.KeyPressMsg, b key.Binding) bool {
	return slices.Contains(b.Keys(), msg.String())
}
