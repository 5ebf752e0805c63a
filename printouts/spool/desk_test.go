package spool

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/printouts"
	"github.com/rongjiuzhu/hall/printouts/spool/spooltest"
)

const deskUser = "local:desk"

// The demo's sessions (meeting.FillDemo): one closed, one open.
const (
	demoClosed = "YH2026-001"
	demoOpen   = "YH2026-002"
)

// demoStore is a temp database with the demo cases and meetings.
func demoStore(t *testing.T) *casefile.Store {
	t.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC) }
	st, err := casefile.Open(filepath.Join(t.TempDir(), "hall.db"), cat, casefile.Options{Now: clock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := gen.FillDemo(st, deskUser, 2026); err != nil {
		t.Fatal(err)
	}
	if err := meeting.FillDemo(st, deskUser); err != nil {
		t.Fatal(err)
	}
	return st
}

// newDesk is a desk over a demo store printing into a folder not made
// yet.
func newDesk(t *testing.T) (*casefile.Store, *Desk, string) {
	t.Helper()
	spooltest.NeedFont(t)
	st := demoStore(t)
	dir := filepath.Join(t.TempDir(), "hall-print")
	return st, NewDesk(st, Config{Dir: dir}), dir
}

// A receipt goes into the folder (made 0700 at the first print) under its
// default name and is recorded in the history as the user.
func TestDeskPrintsAReceipt(t *testing.T) {
	st, d, dir := newDesk(t)
	number := casefiletest.CaseIn(t, st, casefile.StatusReceived)
	got, err := d.Receipt(" "+number+" ", deskUser)
	if err != nil {
		t.Fatal(err)
	}
	want := Printed{Doc: DocReceipt, What: casefile.Text{ZH: "受理回执", EN: "intake receipt"}, File: filepath.Join(dir, number+"-receipt.pdf")}
	if got != want {
		t.Errorf("Receipt = %+v, want %+v", got, want)
	}
	spooltest.MustPDF(t, got.File)
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the folder: %v, %v; want 0700", fi, err)
	}
	if h := casefiletest.Prints(t, st, number); len(h) != 1 || h[0].Text() != want.What || h[0].Who != deskUser {
		t.Errorf("history prints %+v, want the receipt by %s", h, deskUser)
	}
}

// The letter of an approval is a decision letter, of a rejection a
// rejection notice, each with its reference; a deferred case has none and
// a member may not print: neither writes a file nor records anything.
func TestDeskLetters(t *testing.T) {
	st, d, dir := newDesk(t)
	for status, doc := range map[casefile.Status]string{casefile.StatusApproved: DocDecision, casefile.StatusRejected: DocRejection} {
		number := casefiletest.CaseIn(t, st, status)
		got, err := d.Letter(number, deskUser)
		if err != nil {
			t.Fatalf("%s: %v", status, err)
		}
		if got.Doc != doc || got.Reference == "" || !strings.Contains(got.What.ZH, got.Reference) || !strings.Contains(got.What.EN, got.Reference) || got.File != filepath.Join(dir, number+"-letter.pdf") {
			t.Errorf("%s: %+v, want a %s with its reference", status, got, doc)
		}
		spooltest.MustPDF(t, got.File)
		if h := casefiletest.Prints(t, st, number); len(h) != 1 || h[0].Text() != got.What {
			t.Errorf("%s: history prints %+v, want %q", status, h, got.What)
		}
	}

	deferred := casefiletest.CaseIn(t, st, casefile.StatusDeferred)
	if _, err := d.Letter(deferred, deskUser); !errors.Is(err, printouts.ErrDeferred) {
		t.Errorf("a deferred case's letter: %v, want ErrDeferred", err)
	}
	approved := casefiletest.CaseIn(t, st, casefile.StatusApproved)
	u := casefile.User{Name: "zhao", Role: casefile.RoleMember, Fingerprints: []string{"SHA256:zhao"}}
	if err := st.AddUser(u, "local:admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Letter(approved, "zhao"); !errors.Is(err, casefile.ErrForbidden) {
		t.Errorf("a letter printed by a member: %v, want ErrForbidden", err)
	}
	for _, n := range []string{deferred, approved} {
		if _, err := os.Stat(filepath.Join(dir, n+"-letter.pdf")); n == deferred && !os.IsNotExist(err) {
			t.Errorf("a refused print left a file: %v", err)
		}
	}
	if h := casefiletest.Prints(t, st, approved); len(h) != 1 {
		t.Errorf("a refused print was recorded: %+v", h)
	}
	if h := casefiletest.Prints(t, st, deferred); len(h) != 0 {
		t.Errorf("a deferred case recorded prints: %+v", h)
	}
}

// A closed session prints every letter, the minutes and the notice list
// into the folder; an open one prints nothing.
func TestDeskSession(t *testing.T) {
	st, d, dir := newDesk(t)
	if _, err := d.Session(demoOpen, deskUser, nil); !errors.Is(err, printouts.ErrSessionOpen) {
		t.Fatalf("an open session: %v, want ErrSessionOpen", err)
	}
	var mu sync.Mutex
	var last [2]int
	got, err := d.Session(demoClosed, deskUser, func(done, total int) {
		mu.Lock()
		last = [2]int{done, total}
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Session != demoClosed || got.Dir != dir || got.Minutes != 1 || got.Notices != 1 || len(got.Failed) != 0 ||
		got.Files != got.Approvals+got.Rejections+2 || got.NotSent != nil {
		t.Errorf("Session = %+v", got)
	}
	if last[0] != last[1] || last[1] != got.Files {
		t.Errorf("the last progress %v, want %d of %d", last, got.Files, got.Files)
	}
	spooltest.SessionPrinted(t, st, dir, demoClosed)
}

// The minutes and the notice list print alone too, and a document can go
// to a file named by the caller.
func TestDeskSessionDocuments(t *testing.T) {
	_, d, dir := newDesk(t)
	got, err := d.Minutes(demoClosed, deskUser)
	if err != nil || got.Doc != DocMinutes || got.File != filepath.Join(dir, demoClosed+"-minutes.pdf") || got.What != (casefile.Text{ZH: "会议纪要（" + demoClosed + "）", EN: "minutes (" + demoClosed + ")"}) {
		t.Errorf("Minutes = %+v, %v", got, err)
	}
	file := filepath.Join(t.TempDir(), "list.pdf")
	got, err = d.Print(Doc{Kind: KindNotice, Number: demoClosed, File: file}, deskUser)
	if err != nil || got.Doc != DocNotice || got.File != file || !strings.HasPrefix(got.What.ZH, "公示名单（"+demoClosed) || !strings.HasPrefix(got.What.EN, "notice list ("+demoClosed) {
		t.Errorf("Notice to a file = %+v, %v", got, err)
	}
	spooltest.MustPDF(t, file)
	if _, err := d.Notice(demoOpen, deskUser); !errors.Is(err, printouts.ErrSessionOpen) {
		t.Errorf("the notice of an open session: %v, want ErrSessionOpen", err)
	}
}

// A PDF that cannot be sent to the print queue is kept, recorded, and
// says why it was not sent.
func TestDeskKeepsWhatItCannotSend(t *testing.T) {
	spooltest.NeedFont(t)
	st := demoStore(t)
	d := NewDesk(st, Config{Dir: t.TempDir(), Printer: "-oops", Host: "hallserver"})
	number := casefiletest.CaseIn(t, st, casefile.StatusReceived)
	got, err := d.Receipt(number, deskUser)
	var ns *NotSentError
	if err != nil || !errors.As(got.NotSent, &ns) || got.Queue != "-oops" || got.Host != "hallserver" {
		t.Fatalf("Receipt = %+v, %v; want the file kept and why it was not sent", got, err)
	}
	spooltest.MustPDF(t, got.File)
	if h := casefiletest.Prints(t, st, number); len(h) != 1 {
		t.Errorf("history prints %+v, want the receipt", h)
	}
}

// A font that cannot be used prints nothing, and says so.
func TestDeskWithoutAFont(t *testing.T) {
	st := demoStore(t)
	dir := filepath.Join(t.TempDir(), "p")
	d := NewDesk(st, Config{Dir: dir, Font: filepath.Join(t.TempDir(), "none.ttf")})
	number := casefiletest.CaseIn(t, st, casefile.StatusReceived)
	_, err := d.Receipt(number, deskUser)
	var fe *FontError
	if !errors.As(err, &fe) {
		t.Fatalf("Receipt = %v, want a FontError", err)
	}
	if h := casefiletest.Prints(t, st, number); len(h) != 0 {
		t.Errorf("recorded %+v", h)
	}
}
