package frontdesk

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts/spool"
	"github.com/rongjiuzhu/hall/tui/common"
)

// Printing prints the hall's documents into files and records each print
// in the history of the cases it concerns; a print that fails writes no
// file and records nothing. who is the user recorded (the domain refuses
// users without casefile.PermPrint). Pages call it only inside tea.Cmds.
// *spool.Desk satisfies it over a *casefile.Store.
type Printing interface {
	// Receipt prints the intake receipt of case number.
	Receipt(number, who string) (spool.Printed, error)
	// Letter prints the decision letter, or the rejection notice, of the
	// decided case number.
	Letter(number, who string) (spool.Printed, error)
	// Session prints every letter of the closed session number, then its
	// minutes and public-notice list; progress (which may be nil) hears
	// how many of the documents are done, from the goroutine printing.
	Session(number, who string, progress func(done, total int)) (spool.SessionPrinted, error)
}

var _ Printing = (*spool.Desk)(nil)

// The printing's results, as package spool gives them.
type (
	Printed        = spool.Printed        // one document printed
	SessionPrinted = spool.SessionPrinted // what printing a closed session did
	PrintFailure   = spool.Failure        // a document of a batch that could not be printed
)

// Documents a Printed can be.
const (
	DocReceipt   = spool.DocReceipt   // the intake receipt
	DocDecision  = spool.DocDecision  // the decision letter of an approval
	DocRejection = spool.DocRejection // the rejection notice
)

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

// casePrinter prints the documents of one case at a time for a page.
type casePrinter struct {
	pr    Printing // nil: printing is not set up
	owner printOwner
	busy  bool // a document is being printed
}

// start prints the receipt (letter false) or the letter of case number,
// unless printing is not set up or a print is under way, which it then
// says on st.
func (cp *casePrinter) start(c *common.Common, st *common.StatusLine, number string, letter bool) tea.Cmd {
	switch {
	case cp.pr == nil:
		st.Set(c.T(lblPrintNone), common.LevelWarn)
		return nil
	case cp.busy:
		st.Set(c.T(common.LblPrintBusy), common.LevelWarn)
		return nil
	}
	cp.busy = true
	st.Set(c.T(common.LblPrintPrinting), common.LevelPlain)
	return printCase(cp.pr, cp.owner, number, letter, c.User)
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

// docLabels name the documents a Printed can be.
var docLabels = map[string]casefile.Text{
	DocReceipt:       lblPrintDocReceipt,
	DocDecision:      lblPrintDocDecision,
	DocRejection:     lblPrintDocRejection,
	spool.DocMinutes: lblPrintKindMinutes,
	spool.DocNotice:  lblPrintKindNotice,
}

// kindLabels name the files of a session's print that can fail.
var kindLabels = map[string]casefile.Text{
	spool.KindReceipt: lblPrintKindReceipt,
	spool.KindLetter:  lblPrintKindLetter,
	spool.KindMinutes: lblPrintKindMinutes,
	spool.KindNotice:  lblPrintKindNotice,
}

// printedLines say what was printed, where the file is and whether it
// went to the print queue.
func printedLines(c *common.Common, r Printed) []string {
	what := c.T(docLabels[r.Doc])
	if r.Reference != "" {
		what += c.Tf(lblPrintReference, r.Reference)
	}
	lines := []string{c.Tf(lblPrintDone, what), c.Tf(lblPrintFile, r.File) + hostNote(c, r.Host)}
	if q := queueNote(c, r.Queue, r.NotSent); q != "" {
		lines = append(lines, q)
	}
	return lines
}

// printedText is printedLines on one line, for the status line.
func printedText(c *common.Common, r Printed) string {
	return strings.Join(printedLines(c, r), c.T(lblPrintSep))
}

// hostNote says which machine the files are on, for a user of hall serve.
func hostNote(c *common.Common, host string) string {
	if host == "" {
		return ""
	}
	return c.Tf(lblPrintOnHost, host)
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
	return c.Tf(lblPrintSent, queue)
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
	return c.Tf(lblPrintFailed, spool.Message(err, c.Lang))
}

// SessionPrintedLines sum up a session's print: what was printed where,
// what got no letter, what failed (with why) and the print queue.
func SessionPrintedLines(c *common.Common, r SessionPrinted) []string {
	lines := []string{c.Tf(lblPrintSessionDone, r.Session, r.Approvals, r.Rejections, r.Minutes, r.Notices, r.Published, r.Minors)}
	lines = append(lines, c.Tf(lblPrintFolder, r.Dir)+hostNote(c, r.Host))
	if len(r.Deferred) > 0 {
		lines = append(lines, c.Tf(lblPrintDeferredNone, len(r.Deferred)))
	}
	if len(r.Superseded) > 0 {
		lines = append(lines, c.Tf(lblPrintSuperseded, strings.Join(r.Superseded, " ")))
	}
	if len(r.Failed) > 0 {
		lines = append(lines, c.Tf(lblPrintSomeFailed, len(r.Failed)))
		for _, f := range r.Failed {
			name := f.Number
			if f.Kind != spool.KindLetter {
				name = c.T(kindLabels[f.Kind])
			}
			lines = append(lines, "  "+name+c.T(lblPrintColon)+spool.Message(f.Err, c.Lang))
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
