package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"hall/casefile"
	"hall/meeting"
	"hall/printouts"
)

// printOptions are the flags every `hall print` command shares.
type printOptions struct {
	font    string // --font: PATH or PATH:INDEX
	printer string // --printer: a print queue for lp
	out     string // --out: the file (a directory for `print session`)
}

// exitNotSent is the exit code of a print whose PDF was written and
// recorded but could not be sent to the printer.
const exitNotSent = 2

func (a *app) newPrintCommand() *cobra.Command {
	o := &printOptions{}
	cmd := &cobra.Command{
		Use:   "print",
		Short: "Print letters, receipts, minutes and public-notice lists as PDF (打印文书)",
		Long: `Print the hall's documents as PDF files set in a Chinese TrueType font:
the intake receipt and the decision letter or rejection notice of a case, the
minutes and the public-notice list of a closed session, or all of a session's
documents at once. Each print is recorded in the history of every case it
concerns; a print that fails writes no file and records nothing.

The font is --font, else HALL_FONT, else one found on the system
(apt-get install fonts-wqy-microhei). With --printer the PDF is also sent to
that print queue with "lp -d QUEUE"; the exit code is 2 when the PDF was
written but could not be sent.`,
	}
	f := cmd.PersistentFlags()
	f.StringVar(&o.font, "font", "", "Chinese TrueType font, PATH or PATH:INDEX for a .ttc collection (env HALL_FONT; default: found on the system)")
	f.StringVar(&o.printer, "printer", "", "also send the PDF to this print queue (lp -d NAME)")
	cmd.AddCommand(
		a.newPrintCaseCommand(o, "letter", "Print the decision letter (救助决定书) or rejection notice (不予救助告知书) of a decided case"),
		a.newPrintCaseCommand(o, "receipt", "Print the intake receipt (受理回执) of a case"),
		a.newPrintSessionDocCommand(o, "minutes", "Print the minutes (会议纪要) of a closed session"),
		a.newPrintSessionDocCommand(o, "notice", "Print the public-notice list (公示名单) of a closed session: approved adults, masked"),
		a.newPrintSessionCommand(o),
	)
	return cmd
}

// printJob is one document to write: its PDF, the file it goes to, and
// what the case histories record.
type printJob struct {
	file    string
	pdf     []byte
	numbers []string // the cases whose history records the print
	what    string   // e.g. "救助决定书（示融救决〔2026〕3号）"
}

func (a *app) newPrintCaseCommand(o *printOptions, kind, short string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   kind + " CASE",
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.open(false)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := a.printer(o, st.Catalog())
			if err != nil {
				return err
			}
			var c *casefile.Case
			if err := st.View(func(t *casefile.Tx) error { c, err = t.Case(args[0]); return err }); err != nil {
				return err
			}
			job := &printJob{numbers: []string{c.Number}}
			if kind == "receipt" {
				job.pdf, err = p.Receipt(c, "", st.Today())
				job.what = "受理回执"
			} else {
				job.pdf, err = p.Letter(c, st.Today())
				job.what = letterTitle(c) + "（" + p.Reference(c) + "）"
			}
			if err != nil {
				return a.printFailed(err)
			}
			job.file = outFile(o.out, safeName(c.Number)+"-"+kind+".pdf")
			return a.emit(cmd, st, o, job)
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", "PDF file to write, or a folder for it (default: CASE-"+kind+".pdf here)")
	return cmd
}

func (a *app) newPrintSessionDocCommand(o *printOptions, kind, short string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   kind + " SESSION",
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, sess, cases, err := a.openClosedSession(args[0])
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := a.printer(o, st.Catalog())
			if err != nil {
				return err
			}
			var job *printJob
			if kind == "minutes" {
				job, err = minutesJob(p, st, sess)
			} else {
				job, _, err = noticeJob(p, st, sess, cases)
			}
			if err != nil {
				return a.printFailed(err)
			}
			job.file = outFile(o.out, safeName(sess.Number)+"-"+kind+".pdf")
			return a.emit(cmd, st, o, job)
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", "PDF file to write, or a folder for it (default: SESSION-"+kind+".pdf here)")
	return cmd
}

func (a *app) newPrintSessionCommand(o *printOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "session SESSION --out DIR",
		Short: "Print every letter of a closed session's decided cases, its minutes and its notice list into DIR",
		Long: `Print into DIR the decision letter of every case the closed session approved
and the rejection notice of every case it rejected (deferred cases get none),
then its minutes and its public-notice list, with a progress bar when stderr
is a terminal and a summary at the end. A document that cannot be printed is
named with the reason and the others are printed; the exit code is then 1.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.out == "" {
				return errors.New(a.t("请用 --out 指定存放文书的文件夹", "name the folder for the documents with --out"))
			}
			st, sess, cases, err := a.openClosedSession(args[0])
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := a.printer(o, st.Catalog())
			if err != nil {
				return err
			}
			if err := os.MkdirAll(o.out, 0o700); err != nil {
				return fmt.Errorf("%s: %w", a.t("无法创建文件夹", "cannot create the folder"), err)
			}
			return a.printSessionDocs(cmd, st, o, p, sess, cases)
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", "folder for the PDF files (created if missing; required)")
	return cmd
}

// sessionPrint counts what printing a session did.
type sessionPrint struct {
	approvals, rejections, minutes, notices int
	deferred, superseded                    []string
	published, minors                       int
	failed                                  []string // "2026-000005：reason"
	files                                   []string
}

// printSessionDocs prints the letters, the minutes and the notice of the
// closed session sess into o.out, each recorded as it is written.
func (a *app) printSessionDocs(cmd *cobra.Command, st *casefile.Store, o *printOptions, p *printouts.Printer,
	sess *meeting.Session, cases map[string]*casefile.Case) error {
	var r sessionPrint
	var letters []*casefile.Case
	for _, it := range sess.Agenda {
		if it.Decision == nil {
			continue
		}
		switch it.Decision.Result {
		case casefile.StatusApproved, casefile.StatusRejected:
			c := cases[it.Case]
			if c.Decision == nil || c.Decision.Session != sess.Number {
				r.superseded = append(r.superseded, it.Case) // a later session decided again
				continue
			}
			letters = append(letters, c)
		case casefile.StatusDeferred:
			r.deferred = append(r.deferred, it.Case)
		}
	}
	bar := newProgress(cmd.ErrOrStderr(), len(letters)+2)
	today := st.Today()
	save := func(job *printJob, err error, label string) bool {
		if err == nil {
			err = a.save(st, job)
		}
		if err != nil {
			r.failed = append(r.failed, label+a.t("：", ": ")+a.printMessage(err))
			return false
		}
		r.files = append(r.files, job.file)
		return true
	}
	for i, c := range letters {
		bar.show(i, c.Number)
		pdf, err := p.Letter(c, today)
		job := &printJob{file: filepath.Join(o.out, safeName(c.Number)+"-letter.pdf"), pdf: pdf, numbers: []string{c.Number},
			what: letterTitle(c) + "（" + p.Reference(c) + "）"}
		if save(job, err, c.Number) {
			if c.Decision.Result == casefile.StatusApproved {
				r.approvals++
			} else {
				r.rejections++
			}
		}
	}
	bar.show(len(letters), a.t("会议纪要", "minutes"))
	job, err := minutesJob(p, st, sess)
	if job != nil {
		job.file = filepath.Join(o.out, safeName(sess.Number)+"-minutes.pdf")
	}
	if save(job, err, a.t("会议纪要", "minutes")) {
		r.minutes++
	}
	bar.show(len(letters)+1, a.t("公示名单", "notice"))
	job, list, err := noticeJob(p, st, sess, cases)
	if job != nil {
		job.file = filepath.Join(o.out, safeName(sess.Number)+"-notice.pdf")
	}
	if save(job, err, a.t("公示名单", "notice list")) {
		r.notices++
		r.published, r.minors = len(list.Entries), len(list.Minors)
	}
	bar.show(len(letters)+2, "")
	bar.clear()

	a.sessionSummary(cmd.OutOrStdout(), sess, o.out, &r)
	if len(r.failed) > 0 {
		return exitError{code: 1, msg: a.t("以下文书未能打印（未生成文件，未记录）：\n  ", "these documents were not printed (no file written, nothing recorded):\n  ") +
			strings.Join(r.failed, "\n  ")}
	}
	return a.send(cmd.OutOrStdout(), o.printer, r.files)
}

// sessionSummary says in one line what printing a session did, and on
// further lines what it left out.
func (a *app) sessionSummary(w io.Writer, sess *meeting.Session, dir string, r *sessionPrint) {
	fmt.Fprintf(w, a.t("研判会 %s：已打印决定书 %d 份、告知书 %d 份、会议纪要 %d 份、公示名单 %d 份（公示 %d 人，未成年人 %d 人不公示），保存在 %s",
		"session %s: printed %d decision letters, %d rejection notices, %d minutes, %d notice lists (%d published, %d minors left out) in %s"),
		sess.Number, r.approvals, r.rejections, r.minutes, r.notices, r.published, r.minors, dir)
	if len(r.deferred) > 0 {
		fmt.Fprintf(w, a.t("；暂缓 %d 件不出具文书", "; %d deferred cases get no letter"), len(r.deferred))
	}
	if len(r.failed) > 0 {
		fmt.Fprintf(w, a.t("；%d 份未能打印", "; %d not printed"), len(r.failed))
	}
	fmt.Fprintln(w, a.t("。", "."))
	if len(r.superseded) > 0 {
		fmt.Fprintf(w, a.t("以下案件的决定已由后续研判会重新作出，未打印本次的文书：%s\n",
			"the decisions of these cases were made again by a later session; their letters of this session are not printed: %s\n"),
			strings.Join(r.superseded, " "))
	}
}

// openClosedSession opens the store and loads a closed session with the
// case files of its agenda. An open session is refused before anything
// is printed.
func (a *app) openClosedSession(number string) (*casefile.Store, *meeting.Session, map[string]*casefile.Case, error) {
	st, m, err := a.openMeeting(false)
	if err != nil {
		return nil, nil, nil, err
	}
	sess, err := m.Session(number)
	if err == nil && sess.Status != meeting.SessionClosed {
		err = printouts.ErrSessionOpen.Withf("%s（请先闭会：hall session close %[1]s）", "%s (close it first: hall session close %[1]s)", sess.Number)
	}
	cases := map[string]*casefile.Case{}
	if err == nil {
		err = st.View(func(t *casefile.Tx) error {
			for _, it := range sess.Agenda {
				c, err := t.Case(it.Case)
				if err != nil {
					return err
				}
				cases[c.Number] = c
			}
			return nil
		})
	}
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	return st, sess, cases, nil
}

// minutesJob prints the minutes of sess, recorded for every case on its
// agenda.
func minutesJob(p *printouts.Printer, st *casefile.Store, sess *meeting.Session) (*printJob, error) {
	pdf, err := p.Minutes(sess, meeting.Summarize(st.Catalog(), sess), st.Today())
	if err != nil {
		return nil, err
	}
	job := &printJob{pdf: pdf, what: "会议纪要（" + sess.Number + "）"}
	for _, it := range sess.Agenda {
		job.numbers = append(job.numbers, it.Case)
	}
	return job, nil
}

// noticeJob prints the public notice of sess, recorded for every case it
// publishes.
func noticeJob(p *printouts.Printer, st *casefile.Store, sess *meeting.Session, cases map[string]*casefile.Case) (*printJob, *printouts.NoticeList, error) {
	var files []*casefile.Case
	for _, c := range cases {
		files = append(files, c)
	}
	today := st.Today()
	list, err := p.NoticeList(sess, files, today)
	if err != nil {
		return nil, nil, err
	}
	pdf, err := p.Notice(sess, files, today)
	if err != nil {
		return nil, nil, err
	}
	return &printJob{pdf: pdf, numbers: list.Numbers(),
		what: fmt.Sprintf("公示名单（%s，公示期%s至%s）", sess.Number, list.From, list.To)}, list, nil
}

// letterTitle names the letter of a decided case.
func letterTitle(c *casefile.Case) string {
	if c.Decision != nil && c.Decision.Result == casefile.StatusRejected {
		return "不予救助告知书"
	}
	return "救助决定书"
}

// printer loads the font named by --font or HALL_FONT, or found on the
// system, and returns a Printer for cat.
func (a *app) printer(o *printOptions, cat *casefile.Catalog) (*printouts.Printer, error) {
	font, err := printouts.FindFont(o.font)
	var glyphs *printouts.MissingGlyphsError
	switch {
	case err == nil:
	case errors.Is(err, printouts.ErrNoFont):
		return nil, a.printFailed(err)
	case errors.As(err, &glyphs): // the font named by --font or HALL_FONT is no Chinese font
		return nil, exitError{code: 1, msg: "hall: " + fmt.Sprintf(a.t(
			"指定的字体 %[1]s 不能打印中文（缺少「%[2]c」等 %[3]d 个常用字符）。请换用中文 TrueType 字体，例如 apt-get install fonts-wqy-microhei。",
			"the font %[1]s cannot print Chinese (it lacks %[2]q and %[4]d more common characters); name a Chinese TrueType font, e.g. apt-get install fonts-wqy-microhei."),
			glyphs.Font, glyphs.Runes[0], len(glyphs.Runes), len(glyphs.Runes)-1)}
	default: // the font named by --font or HALL_FONT cannot be read
		return nil, exitError{code: 1, msg: "hall: " + a.t("指定的字体无法使用：", "the font named cannot be used: ") + err.Error()}
	}
	return printouts.New(font, cat), nil
}

// printFailed ends a print command with what went wrong, in the user's
// language.
func (a *app) printFailed(err error) error {
	return exitError{code: 1, msg: "hall: " + a.printMessage(err)}
}

// printMessage says in the user's language why a document could not be
// printed: no usable font (what to install), the characters the font
// lacks (each named), or the domain's reason.
func (a *app) printMessage(err error) string {
	var glyphs *printouts.MissingGlyphsError
	switch {
	case errors.Is(err, printouts.ErrNoFont):
		return casefile.Message(err, a.lang)
	case errors.As(err, &glyphs):
		names := make([]string, len(glyphs.Runes))
		for i, r := range glyphs.Runes {
			names[i] = fmt.Sprintf("「%c」U+%04X", r, r)
		}
		return fmt.Sprintf(a.t("字体 %s 缺少以下字符，无法打印：%s。请用 --font 或环境变量 HALL_FONT 换用收字更全的中文字体。",
			"the font %s has no glyph for %s; name a font with more characters with --font or HALL_FONT."),
			glyphs.Font, strings.Join(names, a.t("、", ", ")))
	}
	return casefile.Message(err, a.lang)
}

// save writes a job's PDF beside its file, records the print in the
// case histories, then puts the file in place: a print that fails leaves
// no file and no record, and a file that exists was recorded.
func (a *app) save(st *casefile.Store, job *printJob) error {
	cannot := func(err error) error {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the temporary file's name means nothing to the user
		}
		return fmt.Errorf("%s %s: %w", a.t("无法写入", "cannot write"), job.file, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(job.file), ".hall-print-*.pdf") // 0600: letters carry personal data
	if err != nil {
		return cannot(err)
	}
	defer os.Remove(tmp.Name()) // nothing left once renamed
	_, err = tmp.Write(job.pdf)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return cannot(err)
	}
	if err := st.RecordPrint(job.numbers, job.what, who()); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), job.file); err != nil {
		return cannot(err)
	}
	return nil
}

// emit saves one document, says where it is and sends it to the printer
// when asked.
func (a *app) emit(cmd *cobra.Command, st *casefile.Store, o *printOptions, job *printJob) error {
	if err := a.save(st, job); err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), a.t("已打印 %s：%s\n", "printed %s: %s\n"), job.what, job.file)
	return a.send(cmd.OutOrStdout(), o.printer, []string{job.file})
}

// send sends files to the print queue with lp, one job each, and says so
// on w; queue "" sends nothing. Where there is no lp, or lp fails, the
// PDFs stay where they are and the user is told which were not sent.
func (a *app) send(w io.Writer, queue string, files []string) error {
	if queue == "" || len(files) == 0 {
		return nil
	}
	notSent := func(why string, rest []string) error {
		return exitError{code: exitNotSent, msg: fmt.Sprintf(a.t("%s：未送打印机 %s 的 PDF 已保存，可另行打印：%s",
			"%s: the PDFs not sent to printer %s are saved, print them otherwise: %s"), why, queue, strings.Join(rest, " "))}
	}
	if strings.HasPrefix(queue, "-") || strings.ContainsFunc(queue, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("/#\\", r)
	}) {
		return notSent(fmt.Sprintf(a.t("打印机名称 %q 无效", "printer name %q is invalid"), queue), files)
	}
	lp, err := exec.LookPath("lp")
	if err != nil {
		return notSent(a.t("本机没有 lp 打印命令（CUPS；Debian/Ubuntu 请安装 cups-client）",
			"there is no lp command on this machine (CUPS; on Debian/Ubuntu install cups-client)"), files)
	}
	for i, f := range files {
		if out, err := exec.Command(lp, "-d", queue, "--", f).CombinedOutput(); err != nil {
			return notSent(fmt.Sprintf(a.t("lp 出错（%v）%s", "lp failed (%v) %s"), err, strings.TrimSpace(string(out))), files[i:])
		}
	}
	fmt.Fprintf(w, a.t("已送打印机 %s：%d 份\n", "sent to printer %s: %d\n"), queue, len(files))
	return nil
}

// outFile is where a document goes: out, or name in the folder out, or
// name in the current folder.
func outFile(out, name string) string {
	if out == "" {
		return name
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return filepath.Join(out, name)
	}
	return out
}

// safeName makes a case or session number a file name: letters, digits,
// '-', '_' and '.' stay, anything else (slashes, colons, blanks) becomes
// '_', and it never starts with a dot.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, s)
	s = strings.TrimLeft(s, ".")
	if s == "" {
		return "unnamed"
	}
	return s
}

// progress draws a text bar on a terminal, "[=========>          ] 12/203
// 2026-000012", redrawn in place; on anything else it draws nothing.
type progress struct {
	w     io.Writer
	total int
	on    bool
}

func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, total: max(total, 1), on: ok && term.IsTerminal(f.Fd())}
}

// show draws the bar with done of total documents finished, working on
// label.
func (p *progress) show(done int, label string) {
	if !p.on {
		return
	}
	const width = 30
	fill := min(width*done/p.total, width)
	bar := strings.Repeat("=", fill) + strings.Repeat(" ", width-fill)
	if fill > 0 && fill < width {
		bar = bar[:fill-1] + ">" + bar[fill:]
	}
	fmt.Fprintf(p.w, "\r[%s] %d/%d %s\x1b[K", bar, done, p.total, label)
}

// clear removes the bar.
func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
