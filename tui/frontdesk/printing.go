package frontdesk

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/printouts"
	"github.com/rongjiuzhu/hall/printouts/spool"
	"github.com/rongjiuzhu/hall/tui/common"
)

// Printing prints the hall's documents into files and records each print
// in the history of the cases it concerns; a print that fails writes no
// file and records nothing. who is the user recorded (the domain refuses
// users without casefile.PermPrint). Pages call it only inside tea.Cmds.
// NewPrinting satisfies it over a *casefile.Store.
type Printing interface {
	// Receipt prints the intake receipt of case number.
	Receipt(number, who string) (Printed, error)
	// Letter prints the decision letter, or the rejection notice, of the
	// decided case number.
	Letter(number, who string) (Printed, error)
	// Session prints every letter of the closed session number, then its
	// minutes and public-notice list; progress (which may be nil) hears
	// how many of the documents are done, from the goroutine printing.
	Session(number, who string, progress func(done, total int)) (SessionPrinted, error)
}

// Printed is one document printed.
type Printed struct {
	Doc       string // DocReceipt, DocDecision or DocRejection
	Reference string // the letter's reference number
	File      string // the PDF, an absolute path
	Host      string // the machine the file is on when it is not the user's (hall serve)
	Queue     string // the print queue it was sent to ("" none)
	NotSent   error  // why it could not be sent to Queue (the PDF is kept)
}

// Documents a Printed can be.
const (
	DocReceipt   = "receipt"   // the intake receipt
	DocDecision  = "decision"  // the decision letter of an approval
	DocRejection = "rejection" // the rejection notice
)

// SessionPrinted is what printing a closed session did.
type SessionPrinted struct {
	Session                                 string
	Dir, Host                               string // the folder of the files, and its machine (as Printed)
	Approvals, Rejections, Minutes, Notices int
	Published, Minors                       int      // on the notice list, and minors left off it
	Deferred, Superseded                    []string // cases that got no letter of this session
	Failed                                  []PrintFailure
	Files                                   int    // PDFs written
	Queue                                   string // the print queue they were sent to ("" none)
	NotSent                                 error  // why some were not sent to Queue (the PDFs are kept)
}

// PrintFailure is a document of a batch that could not be printed.
type PrintFailure struct {
	Doc    string // spool.KindLetter, spool.KindMinutes or spool.KindNotice
	Number string // the letter's case; "" for the session's own documents
	Err    error
}

// PrintConfig says where and how NewPrinting prints.
type PrintConfig struct {
	// Font is the Chinese font (--font: PATH or PATH:INDEX); "" takes
	// HALL_FONT, else one found on the system. It is loaded at the first
	// print and kept.
	Font string
	// Dir is the folder the PDFs are written to, created (0700) at the
	// first print.
	Dir string
	// Printer, when set, is the print queue each PDF is also sent to
	// (lp -d Printer).
	Printer string
	// Host names the machine the files are written on when the user sits
	// elsewhere (hall serve): the screens say so.
	Host string
}

// printDesk adapts *casefile.Store to Printing through package spool: it
// loads the font once, writes each PDF into the folder and records it.
type printDesk struct {
	st  *casefile.Store
	cfg PrintConfig

	mu sync.Mutex
	p  *printouts.Printer
}

// NewPrinting returns the screens' printing over st as cfg says.
func NewPrinting(st *casefile.Store, cfg PrintConfig) Printing {
	if abs, err := filepath.Abs(cfg.Dir); err == nil {
		cfg.Dir = abs
	}
	return &printDesk{st: st, cfg: cfg}
}

var _ Printing = (*printDesk)(nil)

// printer loads the font at the first print; a font that cannot be
// loaded is tried again at the next.
func (d *printDesk) printer() (*printouts.Printer, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.p == nil {
		font, err := spool.FindFont(d.cfg.Font)
		if err != nil {
			return nil, err
		}
		d.p = printouts.New(font, d.st.Catalog())
	}
	return d.p, nil
}

// ready checks who may print, then has the font and the folder ready.
func (d *printDesk) ready(who string) (*printouts.Printer, error) {
	if err := d.st.View(func(t *casefile.Tx) error { return t.Require(who, casefile.PermPrint) }); err != nil {
		return nil, err
	}
	p, err := d.printer()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(d.cfg.Dir, 0o700); err != nil {
		return nil, &spool.WriteError{File: d.cfg.Dir, Err: unwrapPath(err)}
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

func (d *printDesk) Receipt(number, who string) (Printed, error) {
	return d.one(number, who, spool.KindReceipt)
}

func (d *printDesk) Letter(number, who string) (Printed, error) {
	return d.one(number, who, spool.KindLetter)
}

// one prints the document of kind of case number.
func (d *printDesk) one(number, who, kind string) (Printed, error) {
	p, err := d.ready(who)
	if err != nil {
		return Printed{}, err
	}
	var c *casefile.Case
	if err := d.st.View(func(t *casefile.Tx) (err error) { c, err = t.Case(strings.TrimSpace(number)); return err }); err != nil {
		return Printed{}, err
	}
	out := Printed{Doc: DocReceipt, Host: d.cfg.Host, Queue: d.cfg.Printer}
	var job *spool.Job
	if kind == spool.KindReceipt {
		job, err = spool.Receipt(p, c, d.st.Today())
	} else {
		job, err = spool.Letter(p, c, d.st.Today())
		out.Doc, out.Reference = DocDecision, p.Reference(c)
		if spool.Rejected(c) {
			out.Doc = DocRejection
		}
	}
	if err != nil {
		return Printed{}, err
	}
	job.File = filepath.Join(d.cfg.Dir, spool.FileName(c.Number, kind))
	if err := spool.Save(d.st, job, who); err != nil {
		return Printed{}, err
	}
	out.File = job.File
	out.NotSent = spool.Send(d.cfg.Printer, []string{job.File})
	return out, nil
}

func (d *printDesk) Session(number, who string, progress func(done, total int)) (SessionPrinted, error) {
	p, err := d.ready(who)
	if err != nil {
		return SessionPrinted{}, err
	}
	sess, err := meeting.New(d.st).Session(strings.TrimSpace(number))
	if err != nil {
		return SessionPrinted{}, err
	}
	if sess.Status != meeting.SessionClosed {
		return SessionPrinted{}, printouts.ErrSessionOpen.Withf("%s", "%s", sess.Number)
	}
	cases, err := spool.AgendaCases(d.st, sess)
	if err != nil {
		return SessionPrinted{}, err
	}
	b := spool.Batch{Printer: p, Catalog: d.st.Catalog(), Recorder: d.st, Dir: d.cfg.Dir, Who: who, Today: d.st.Today()}
	r := spool.PrintSession(b, sess, cases, func(done, total int, _, _ string) {
		if progress != nil {
			progress(done, total)
		}
	})
	out := SessionPrinted{Session: sess.Number, Dir: d.cfg.Dir, Host: d.cfg.Host,
		Approvals: r.Approvals, Rejections: r.Rejections, Minutes: r.Minutes, Notices: r.Notices,
		Published: r.Published, Minors: r.Minors, Deferred: r.Deferred, Superseded: r.Superseded,
		Files: len(r.Files), Queue: d.cfg.Printer}
	for _, f := range r.Failed {
		out.Failed = append(out.Failed, PrintFailure{Doc: f.Kind, Number: f.Number, Err: f.Err})
	}
	out.NotSent = spool.Send(d.cfg.Printer, r.Files)
	return out, nil
}

// ---- messages and the commands that send them ----

// printOwner names the page that asked for a print: under the front desk
// every page hears every result and takes only its own.
type printOwner int

const (
	printByIntake printOwner = iota + 1
	printByDossier
	printByPage
)

// printedMsg reports one document printed (or refused).
type printedMsg struct {
	owner  printOwner
	number string
	res    Printed
	err    error
}

// printCase prints the receipt (letter false) or the letter of case
// number.
func printCase(pr Printing, owner printOwner, number string, letter bool, who string) tea.Cmd {
	return func() tea.Msg {
		var res Printed
		var err error
		if letter {
			res, err = pr.Letter(number, who)
		} else {
			res, err = pr.Receipt(number, who)
		}
		return printedMsg{owner: owner, number: number, res: res, err: err}
	}
}

// PrintRun is a session being printed: the goroutine printing reports
// its progress (only the latest is kept) and its result, which the page
// reads one message at a time.
type PrintRun struct {
	Number   string
	progress chan [2]int
	done     chan SessionPrintedMsg
}

// PrintProgressMsg reports how far a run is.
type PrintProgressMsg struct {
	Run         *PrintRun
	Done, Total int
}

// SessionPrintedMsg reports a run finished (or refused).
type SessionPrintedMsg struct {
	Run *PrintRun
	Res SessionPrinted
	Err error
}

// PrintSession starts printing session number and returns the run with
// the command that reports its first news. Each printProgressMsg must be
// answered with run.wait() for the next.
func PrintSession(pr Printing, number, who string) (*PrintRun, tea.Cmd) {
	r := &PrintRun{Number: number, progress: make(chan [2]int, 1), done: make(chan SessionPrintedMsg, 1)}
	start := func() tea.Msg {
		go func() {
			res, err := pr.Session(number, who, r.report)
			r.done <- SessionPrintedMsg{Run: r, Res: res, Err: err}
		}()
		return r.Wait()()
	}
	return r, start
}

// report keeps the latest progress; it never blocks the printing.
func (r *PrintRun) report(done, total int) {
	select {
	case <-r.progress:
	default:
	}
	select {
	case r.progress <- [2]int{done, total}:
	default:
	}
}

// Wait is the command that reports the run's next news.
func (r *PrintRun) Wait() tea.Cmd {
	return func() tea.Msg {
		select {
		case m := <-r.done:
			return m
		case p := <-r.progress:
			return PrintProgressMsg{Run: r, Done: p[0], Total: p[1]}
		}
	}
}

// ---- what the screens say ----

// printedLines say what was printed, where the file is and whether it
// went to the print queue.
func printedLines(c *common.Common, r Printed) []string {
	what := c.T("print.doc_" + r.Doc)
	if r.Reference != "" {
		what += c.Tf("print.reference", r.Reference)
	}
	lines := []string{c.Tf("print.done", what), c.Tf("print.file", r.File) + hostNote(c, r.Host)}
	if q := queueNote(c, r.Queue, r.NotSent); q != "" {
		lines = append(lines, q)
	}
	return lines
}

// printedText is printedLines on one line, for the status line.
func printedText(c *common.Common, r Printed) string {
	return strings.Join(printedLines(c, r), c.T("print.sep"))
}

// hostNote says which machine the files are on, for a user of hall serve.
func hostNote(c *common.Common, host string) string {
	if host == "" {
		return ""
	}
	return c.Tf("print.on_host", host)
}

// queueNote says whether the files went to the print queue ("" when
// there is none).
func queueNote(c *common.Common, queue string, notSent error) string {
	switch {
	case queue == "":
		return ""
	case notSent != nil:
		return c.Msg(notSent)
	}
	return c.Tf("print.sent", queue)
}

// printLevel is the level a result is shown at.
func printLevel(notSent error) common.Level {
	if notSent != nil {
		return common.LevelWarn
	}
	return common.LevelOK
}

// PrintErrText says why nothing was printed.
func PrintErrText(c *common.Common, err error) string {
	return c.Tf("print.failed", spool.Message(err, c.Lang))
}

// SessionPrintedLines sum up a session's print: what was printed where,
// what got no letter, what failed (with why) and the print queue.
func SessionPrintedLines(c *common.Common, r SessionPrinted) []string {
	lines := []string{c.Tf("print.session_done", r.Session, r.Approvals, r.Rejections, r.Minutes, r.Notices, r.Published, r.Minors)}
	lines = append(lines, c.Tf("print.folder", r.Dir)+hostNote(c, r.Host))
	if len(r.Deferred) > 0 {
		lines = append(lines, c.Tf("print.deferred_none", len(r.Deferred)))
	}
	if len(r.Superseded) > 0 {
		lines = append(lines, c.Tf("print.superseded", strings.Join(r.Superseded, " ")))
	}
	if len(r.Failed) > 0 {
		lines = append(lines, c.Tf("print.some_failed", len(r.Failed)))
		for _, f := range r.Failed {
			name := f.Number
			if f.Doc != spool.KindLetter {
				name = c.T("print.kind_" + f.Doc)
			}
			lines = append(lines, "  "+name+c.T("print.colon")+spool.Message(f.Err, c.Lang))
		}
	}
	if q := queueNote(c, r.Queue, r.NotSent); q != "" {
		lines = append(lines, q)
	}
	return lines
}

// SessionPrintedLevel is the level a session's print is shown at.
func SessionPrintedLevel(r SessionPrinted) common.Level {
	if len(r.Failed) > 0 || r.NotSent != nil {
		return common.LevelWarn
	}
	return common.LevelOK
}

// ProgressBar draws "[=========>          ] 12/30" with a bar of width
// cells.
func ProgressBar(done, total, width int) string {
	total = max(total, 1)
	width = max(width, 4)
	fill := min(width*done/total, width)
	bar := strings.Repeat("=", fill) + strings.Repeat(" ", width-fill)
	if fill > 0 && fill < width {
		bar = bar[:fill-1] + ">" + bar[fill:]
	}
	return "[" + bar + "] " + strconv.Itoa(done) + "/" + strconv.Itoa(total)
}
