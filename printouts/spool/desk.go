package spool

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/printouts"
)

// Config says where and how a Desk prints.
type Config struct {
	// Font is the Chinese font (--font: PATH or PATH:INDEX); "" takes
	// HALL_FONT, else one found on the system. It is loaded at the first
	// print and kept.
	Font string
	// Dir is the folder the PDFs are written to, created (0700) at the
	// first print; "" is the current folder.
	Dir string
	// Printer, when set, is the print queue each PDF is also sent to
	// (lp -d Printer).
	Printer string
	// Host names the machine the files are written on when the user sits
	// elsewhere (hall serve): the screens say so.
	Host string
}

// Documents a Printed can be: the receipt, the letter of an approval or
// of a rejection, and a closed session's minutes and notice list.
const (
	DocReceipt   = "receipt"   // the intake receipt
	DocDecision  = "decision"  // the decision letter of an approval
	DocRejection = "rejection" // the rejection notice
	DocMinutes   = "minutes"   // the minutes of a closed session
	DocNotice    = "notice"    // the public-notice list of a closed session
)

// Printed is one document printed.
type Printed struct {
	Doc       string        // DocReceipt, DocDecision, DocRejection, DocMinutes or DocNotice
	Reference string        // the letter's reference number
	What      casefile.Text // what the case histories record, e.g. 受理回执 / intake receipt
	File      string        // the PDF, an absolute path
	Host      string        // the machine the file is on when it is not the user's (hall serve)
	Queue     string        // the print queue it was sent to ("" none)
	NotSent   error         // why it could not be sent to Queue (the PDF is kept)
}

// SessionPrinted is what printing a closed session did.
type SessionPrinted struct {
	Session                                 string
	Dir, Host                               string // the folder of the files, and its machine (as Printed)
	Approvals, Rejections, Minutes, Notices int
	Published, Minors                       int      // on the notice list, and minors left off it
	Deferred, Superseded                    []string // cases that got no letter of this session
	OnNotice                                []string // approvals whose letters wait for their notice to end
	Failed                                  []Failure
	Files                                   int    // PDFs written
	Queue                                   string // the print queue they were sent to ("" none)
	NotSent                                 error  // why some were not sent to Queue (the PDFs are kept)
}

// Doc names one document for Desk.Print: the document of Kind (KindReceipt,
// KindLetter, KindMinutes or KindNotice) of case or session Number.
type Doc struct {
	Kind   string
	Number string
	// File, when set, is the file to write instead of FileName(Number,
	// Kind) in the Desk's folder; its folder must exist.
	File string
}

// Desk prints the hall's documents over a store into a folder and records
// each print in the history of the cases it concerns; a print that fails
// writes no file and records nothing. who, in every method, is the user
// recorded (the domain refuses users without casefile.PermPrint). The
// command line and the screens both print through a Desk; it is safe for
// concurrent use.
type Desk struct {
	st  *casefile.Store
	cfg Config

	mu sync.Mutex
	p  *printouts.Printer
}

// NewDesk returns the desk printing over st as cfg says.
func NewDesk(st *casefile.Store, cfg Config) *Desk {
	if abs, err := filepath.Abs(cfg.Dir); err == nil {
		cfg.Dir = abs
	}
	return &Desk{st: st, cfg: cfg}
}

// Dir is the folder the desk prints into, an absolute path.
func (d *Desk) Dir() string { return d.cfg.Dir }

// printer loads the font at the first print; a font that cannot be
// loaded is tried again at the next.
func (d *Desk) printer() (*printouts.Printer, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.p == nil {
		fonts, err := FindFonts(d.cfg.Font)
		if err != nil {
			return nil, err
		}
		// A read-only store without a seal key prints receipts without
		// a check code.
		key, _ := d.st.SealKey()
		d.p = printouts.New(nil, d.st.Catalog(), printouts.WithFonts(fonts), printouts.WithSealKey(key))
	}
	return d.p, nil
}

// ready checks who may print, then has the font and, unless mkdir is
// off, the folder ready.
func (d *Desk) ready(who string, mkdir bool) (*printouts.Printer, error) {
	if err := d.st.View(func(t *casefile.Tx) error { return t.Require(who, casefile.PermPrint) }); err != nil {
		return nil, err
	}
	p, err := d.printer()
	if err != nil {
		return nil, err
	}
	if mkdir {
		if err := os.MkdirAll(d.cfg.Dir, 0o700); err != nil {
			return nil, &WriteError{File: d.cfg.Dir, Err: unwrapPath(err)}
		}
	}
	return p, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Receipt prints the intake receipt of case number.
func (d *Desk) Receipt(number, who string) (Printed, error) {
	return d.Print(Doc{Kind: KindReceipt, Number: number}, who)
}

// Letter prints the decision letter, or the rejection notice, of the
// decided case number (a deferred case has none: printouts.ErrDeferred).
func (d *Desk) Letter(number, who string) (Printed, error) {
	return d.Print(Doc{Kind: KindLetter, Number: number}, who)
}

// Minutes prints the minutes of the closed session number.
func (d *Desk) Minutes(number, who string) (Printed, error) {
	return d.Print(Doc{Kind: KindMinutes, Number: number}, who)
}

// Notice prints the public-notice list of the closed session number.
func (d *Desk) Notice(number, who string) (Printed, error) {
	return d.Print(Doc{Kind: KindNotice, Number: number}, who)
}

// Print prints one document, records it and sends it to the print queue
// when there is one. An open session is refused with
// printouts.ErrSessionOpen.
func (d *Desk) Print(doc Doc, who string) (Printed, error) {
	p, err := d.ready(who, doc.File == "")
	if err != nil {
		return Printed{}, err
	}
	number := strings.TrimSpace(doc.Number)
	today := d.st.Today()
	out := Printed{Host: d.cfg.Host, Queue: d.cfg.Printer}
	var job *Job
	switch doc.Kind {
	case KindReceipt, KindLetter:
		var c *casefile.Case
		var officer string
		if err := d.st.View(func(t *casefile.Tx) (err error) {
			c, err = t.Case(number)
			if err == nil {
				officer = t.DisplayName(c.Officer)
			}
			return err
		}); err != nil {
			return Printed{}, err
		}
		number = c.Number
		if doc.Kind == KindReceipt {
			out.Doc = DocReceipt
			job, err = Receipt(p, c, officer, today)
		} else {
			out.Doc, out.Reference = DocDecision, p.Reference(c)
			if Rejected(c) {
				out.Doc = DocRejection
			}
			job, err = Letter(p, c, d.letterInput(c), today)
		}
	case KindMinutes, KindNotice:
		sess, cases, serr := d.closedSession(number)
		if serr != nil {
			return Printed{}, serr
		}
		number = sess.Number
		if doc.Kind == KindMinutes {
			out.Doc = DocMinutes
			job, err = Minutes(p, d.st.Catalog(), sess, today)
		} else {
			out.Doc = DocNotice
			job, _, err = Notice(p, sess, cases, today)
		}
	default:
		return Printed{}, casefile.ErrInvalid.Withf("文书种类 %q 无效", "document kind %q is invalid", doc.Kind)
	}
	if err != nil {
		return Printed{}, err
	}
	job.File = doc.File
	if job.File == "" {
		job.File = filepath.Join(d.cfg.Dir, FileName(number, doc.Kind))
	} else if abs, err := filepath.Abs(job.File); err == nil {
		job.File = abs
	}
	if err := Save(d.st, job, who); err != nil {
		return Printed{}, err
	}
	out.File, out.What = job.File, job.What
	out.NotSent = Send(d.cfg.Printer, []string{job.File})
	return out, nil
}

// closedSession loads the closed session number with the case files of
// its agenda; an open session is refused before anything is printed.
func (d *Desk) closedSession(number string) (*meeting.Session, map[string]*casefile.Case, error) {
	sess, err := meeting.New(d.st).Session(number)
	if err != nil {
		return nil, nil, err
	}
	if sess.Status != meeting.SessionClosed {
		return nil, nil, printouts.ErrSessionOpen.Withf("%s", "%s", sess.Number)
	}
	cases, err := AgendaCases(d.st, sess)
	if err != nil {
		return nil, nil, err
	}
	return sess, cases, nil
}

// Session prints every letter of the closed session number, then its
// minutes and public-notice list, and sends the files written to the
// print queue; progress (which may be nil) hears how many of the
// documents are done, from the goroutine printing.
func (d *Desk) Session(number, who string, progress func(done, total int)) (SessionPrinted, error) {
	var each Progress
	if progress != nil {
		each = func(done, total int, _, _ string) { progress(done, total) }
	}
	return d.SessionDocs(number, who, each)
}

// SessionDocs is Session with a progress that also hears which document
// is next (for a progress bar that names it).
func (d *Desk) SessionDocs(number, who string, progress Progress) (SessionPrinted, error) {
	p, err := d.ready(who, true)
	if err != nil {
		return SessionPrinted{}, err
	}
	sess, cases, err := d.closedSession(strings.TrimSpace(number))
	if err != nil {
		return SessionPrinted{}, err
	}
	b := Batch{Printer: p, Catalog: d.st.Catalog(), Recorder: d.st, Dir: d.cfg.Dir, Who: who, Today: d.st.Today()}
	r := PrintSession(b, sess, cases, progress)
	out := SessionPrinted{Session: sess.Number, Dir: d.cfg.Dir, Host: d.cfg.Host,
		Approvals: r.Approvals, Rejections: r.Rejections, Minutes: r.Minutes, Notices: r.Notices,
		Published: r.Published, Minors: r.Minors, Deferred: r.Deferred, Superseded: r.Superseded, OnNotice: r.OnNotice,
		Failed: r.Failed, Files: len(r.Files), Queue: d.cfg.Printer}
	out.NotSent = Send(d.cfg.Printer, r.Files)
	return out, nil
}

// letterInput loads what a letter of c states besides the case: the
// session that decided it (its meeting date) and what the household
// holds. Either may be missing; the letter then says less, never wrong.
func (d *Desk) letterInput(c *casefile.Case) printouts.LetterInput {
	var in printouts.LetterInput
	if c.Decision != nil && c.Decision.Session != "" {
		if s, err := meeting.New(d.st).Session(c.Decision.Session); err == nil {
			in.Session = s
		}
	}
	_ = d.st.View(func(t *casefile.Tx) error {
		in.Holding = t.HouseholdHolding(&c.Household)
		return nil
	})
	return in
}
