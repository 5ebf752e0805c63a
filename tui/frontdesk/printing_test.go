package frontdesk

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/printouts/spool"
	"github.com/rongjiuzhu/hall/printouts/spool/spooltest"
	"github.com/rongjiuzhu/hall/tui/common"
)

// realPrinting is the screens' printing over st into a temp folder.
func realPrinting(t *testing.T, st *casefile.Store) (Printing, string) {
	t.Helper()
	spooltest.NeedFont(t)
	dir := filepath.Join(t.TempDir(), "hall-print") // created at the first print
	return spool.NewDesk(st, spool.Config{Dir: dir}), dir
}

// newPrintDriver is the front desk of user (with role, "" for the local
// administrator) that prints with pr.
func newPrintDriver(t *testing.T, st *casefile.Store, user string, role casefile.Role, pr Printing) *driver {
	t.Helper()
	opts := []Option{WithPrinting(pr)}
	if role != "" {
		opts = append(opts, WithRole(role))
	}
	return startDriver(t, NewStore(st), casefile.ZH, user, 120, 40, opts...)
}

// The saved intake prints its receipt: a PDF in the folder, its path on
// screen, a "print" entry in the case history.
func TestIntakePrintsTheReceipt(t *testing.T) {
	st := openStore(t, true)
	pr, dir := realPrinting(t, st)
	number := casefiletest.CaseIn(t, st, casefile.StatusReceived)
	var c *casefile.Case
	st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case(number); return })

	d := newPrintDriver(t, st, testUser, "", pr)
	d.press("1")
	d.send(caseSavedMsg{c: c}) // as if the form had just been saved
	d.must("受理成功", "p 打印回执")
	d.press("p")
	file := filepath.Join(dir, number+"-receipt.pdf")
	spooltest.MustPDF(t, file)
	d.must("已打印受理回执", "文件："+file[:20]) // the path is wrapped on screen
	if got := casefiletest.Prints(t, st, number); len(got) != 1 || got[0].Text() != (casefile.Text{ZH: "受理回执", EN: "intake receipt"}) || got[0].Who != testUser {
		t.Fatalf("history prints %+v, want the receipt by %s", got, testUser)
	}
}

// The dossier prints the decision letter of an approved case, shows where
// it is and the history shows the print; a deferred case has no letter
// (the key is off); a member may not print.
func TestDossierPrints(t *testing.T) {
	st := openStore(t, true)
	if err := meeting.FillDemo(st, testUser); err != nil {
		t.Fatal(err)
	}
	addUser(t, st, "zhao", casefile.RoleMember)
	pr, dir := realPrinting(t, st)
	approved := casefiletest.CaseIn(t, st, casefile.StatusApproved)

	d := newPrintDriver(t, st, testUser, "", pr)
	d.send(common.NavigateMsg{To: common.PageDossier, Number: approved})
	d.must(approved, "p 打印决定书")
	d.press("p")
	file := filepath.Join(dir, approved+"-letter.pdf")
	spooltest.MustPDF(t, file)
	d.must("已打印救助决定书", "文件：", "enter/esc") // the notice with the full path
	if !strings.Contains(strings.ReplaceAll(d.view(), "\n", ""), "-letter.pdf") {
		t.Fatalf("the notice lacks the file:\n%s", d.view())
	}
	d.press("enter", "6")
	d.must("打印", "救助决定书（")
	if got := casefiletest.Prints(t, st, approved); len(got) != 1 || !strings.HasPrefix(got[0].Text().ZH, "救助决定书（") {
		t.Fatalf("history prints %+v, want the letter", got)
	}

	t.Run("deferred", func(t *testing.T) {
		deferred := casefiletest.CaseIn(t, st, casefile.StatusDeferred)
		d.send(common.NavigateMsg{To: common.PageDossier, Number: deferred})
		d.must(deferred)
		// a deferred case has no letter
		d.keyOff(d.m.dossier.keys().Print, "p 打印", "暂缓研判的案件不出具决定书或告知书")
		if _, err := os.Stat(filepath.Join(dir, deferred+"-letter.pdf")); !os.IsNotExist(err) {
			t.Fatalf("a deferred case got a letter: %v", err)
		}
		if got := casefiletest.Prints(t, st, deferred); len(got) != 0 {
			t.Fatalf("a deferred case recorded prints: %+v", got)
		}
	})

	t.Run("member", func(t *testing.T) {
		m := newPrintDriver(t, st, "zhao", casefile.RoleMember, pr)
		m.send(common.NavigateMsg{To: common.PageDossier, Number: approved})
		m.mustNot("p 打印")
		m.press("p")
		m.must("无此操作权限（角色：研判会成员）")
		// the domain refuses it too, whatever the screen does
		if _, err := pr.Letter(approved, "zhao"); !errors.Is(err, casefile.ErrForbidden) {
			t.Fatalf("a letter printed by a member: %v, want ErrForbidden", err)
		}
		if got := casefiletest.Prints(t, st, approved); len(got) != 1 {
			t.Fatalf("a refused print was recorded: %+v", got)
		}
	})
}

// The print page prints all of a closed session: every letter, the
// minutes and the notice, with a summary.
func TestPrintPagePrintsASession(t *testing.T) {
	st := openStore(t, true)
	if err := meeting.FillDemo(st, testUser); err != nil {
		t.Fatal(err)
	}
	pr, dir := realPrinting(t, st)
	d := newPrintDriver(t, st, testUser, "", pr)
	d.press("4")
	d.must("打印文书", "编号", "决定书或告知书")
	typeText(d, "2026-999999")
	d.press("ctrl+p")
	d.must("2026-999999：未能打印（未生成文件，未记录）", "2026-999999")
	for range len("2026-999999") {
		d.press("backspace")
	}
	typeText(d, demoClosed)
	d.press("tab", "right") // all of a session
	d.must("< 研判会全部文书 >")
	d.press("ctrl+p")
	d.must("研判会 "+demoClosed+"：已打印决定书", "会议纪要 1 份、公示名单 1 份", "保存在 "+dir)
	spooltest.SessionPrinted(t, st, dir, demoClosed)
}

// blockingPrinting prints a session in two steps, so a test sees the
// progress before the end.
type blockingPrinting struct {
	Printing
	release chan struct{}
}

func (b blockingPrinting) Session(number, who string, progress func(done, total int)) (SessionPrinted, error) {
	progress(1, 4)
	<-b.release
	progress(4, 4)
	return SessionPrinted{Session: number, Dir: "/srv/hall-print", Host: "hallserver", Approvals: 2, Minutes: 1, Notices: 1,
		Published: 2, Deferred: []string{"2026-000009"}, Files: 4}, nil
}

func TestProgressBar(t *testing.T) {
	for _, c := range []struct {
		done, total int
		want        string
	}{
		{0, 4, "[          ] 0/4"},
		{1, 4, "[=>        ] 1/4"},
		{4, 4, "[==========] 4/4"},
		{0, 0, "[          ] 0/1"},
	} {
		if got := ProgressBar(c.done, c.total, 10); got != c.want {
			t.Errorf("progressBar(%d, %d) = %q, want %q", c.done, c.total, got, c.want)
		}
	}
}

// countingPrinting prints nothing and counts what it was asked to print.
type countingPrinting struct {
	Printing
	letters, receipts *atomic.Int32
}

func (p countingPrinting) Letter(number, who string) (Printed, error) {
	p.letters.Add(1)
	return Printed{Doc: DocDecision, File: "/tmp/" + number + "-letter.pdf"}, nil
}

func (p countingPrinting) Receipt(number, who string) (Printed, error) {
	p.receipts.Add(1)
	return Printed{Doc: DocReceipt, File: "/tmp/" + number + "-receipt.pdf"}, nil
}

// Every enter on the print button prints: the result of one print (which
// every page hears) must not turn the button's key off for the next.
func TestPrintButtonPrintsOnEveryEnter(t *testing.T) {
	st := openStore(t, false)
	pr := countingPrinting{letters: new(atomic.Int32), receipts: new(atomic.Int32)}
	d := newPrintDriver(t, st, testUser, "", pr)
	d.press("4")
	d.must("打印文书")
	typeText(d, "2026-000001")
	d.press("tab", "tab") // the kind, then the 打印 button
	for i := 1; i <= 3; i++ {
		d.press("enter")
		if got := pr.letters.Load(); got != int32(i) {
			t.Fatalf("after %d enters on 打印: %d prints\n%s", i, got, d.view())
		}
	}
	if pr.receipts.Load() != 0 {
		t.Fatal("the print page printed a receipt when asked for a letter")
	}
}
