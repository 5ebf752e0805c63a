package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/printouts"
	"github.com/rongjiuzhu/hall/printouts/linebreak"
	"github.com/rongjiuzhu/hall/printouts/spool"
)

// printOptions are the flags every `hall print` command shares.
type printOptions struct {
	font    string // --font: PATH or PATH:INDEX
	printer string // --printer: a print queue for lp
	out     string // --out: the file (a directory for `print session`)
	fonts   bool   // --fonts: list the face of each role and stop
}

func (a *app) newPrintCommand() *cobra.Command {
	o := &printOptions{}
	cmd := &cobra.Command{
		Use:   "print",
		Short: a.t("打印文书：决定书、回执、会议纪要和公示名单（PDF）", "Print letters, receipts, minutes and public-notice lists as PDF"),
		Long: a.t(`把文书打印为以中文 TrueType 字体排版的 PDF 文件：案件的受理回执、救助决定书或
不予救助告知书，已闭会研判会的会议纪要和公示名单，或一次打印研判会的全部文书。
每次打印都记入所涉每个案件的办理记录；打印失败则不生成文件，也不作记录。

字体依次取 --font、环境变量 HALL_FONT、系统中找到的中文字体
（apt-get install fonts-wqy-microhei）：正文用仿宋、标题用小标宋等，本机没有的取相近字体，
hall print --fonts 列出各用哪种。给出 --printer 时同时用 "lp -d 队列"
把 PDF 送到该打印队列；PDF 已生成但未能送出时退出码为 5。`, `Print the hall's documents as PDF files set in a Chinese TrueType font:
the intake receipt and the decision letter or rejection notice of a case, the
minutes and the public-notice list of a closed session, or all of a session's
documents at once. Each print is recorded in the history of every case it
concerns; a print that fails writes no file and records nothing.

The font is --font, else HALL_FONT, else the faces found on the system
(apt-get install fonts-wqy-microhei): FangSong for the body, a heavy Song
for titles, the nearest faces where the machine lacks them; hall print
--fonts lists which. With --printer the PDF is also sent to
that print queue with "lp -d QUEUE"; the exit code is 5 when the PDF was
written but could not be sent.`),
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if !o.fonts {
			return cmd.Help()
		}
		return a.listFonts(cmd.OutOrStdout(), o.font)
	}
	cmd.Flags().BoolVar(&o.fonts, "fonts", false, a.t("列出正文、标题、落款各用哪种字体及其来源，不打印", "list which face body, title and signature use and where each came from; print nothing"))
	f := cmd.PersistentFlags()
	f.StringVar(&o.font, "font", "", a.t("中文 TrueType 字体，PATH 或 .ttc 字体集的 PATH:INDEX（环境变量 HALL_FONT；默认：在系统中查找）", "Chinese TrueType font, PATH or PATH:INDEX for a .ttc collection (env HALL_FONT; default: found on the system)"))
	f.StringVar(&o.printer, "printer", "", a.t("同时把 PDF 送到此打印队列（lp -d NAME）", "also send the PDF to this print queue (lp -d NAME)"))
	cmd.AddCommand(
		a.newPrintDocCommand(o, "letter", ofCase, a.t("打印已决定案件的救助决定书或不予救助告知书", "Print the decision letter or rejection notice of a decided case")),
		a.newPrintDocCommand(o, "receipt", ofCase, a.t("打印案件的受理回执", "Print the intake receipt of a case")),
		a.newPrintDocCommand(o, "minutes", ofSession, a.t("打印已闭会研判会的会议纪要", "Print the minutes of a closed session")),
		a.newPrintDocCommand(o, "notice", ofSession, a.t("打印已闭会研判会的公示名单：获批准的成年人，信息遮蔽", "Print the public-notice list of a closed session: approved adults, masked")),
		a.newPrintSessionCommand(o),
	)
	return cmd
}

// docOf is what a document is printed from, as its argument and its
// default file name say it: a case or a session.
type docOf struct{ arg, zh string }

var (
	ofCase    = docOf{"CASE", "案件编号"}
	ofSession = docOf{"SESSION", "会议编号"}
)

// newPrintDocCommand is `hall print KIND CASE|SESSION`: one document of
// the case or the session into --out.
func (a *app) newPrintDocCommand(o *printOptions, kind string, of docOf, short string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   kind + " " + of.arg,
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.printOne(cmd, o, spool.Doc{Kind: kind, Number: args[0]})
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", a.t("要写入的 PDF 文件或其所在文件夹（默认：当前文件夹下的 "+of.zh+"-"+kind+".pdf）", "PDF file to write, or a folder for it (default: "+of.arg+"-"+kind+".pdf here)"))
	return cmd
}

func (a *app) newPrintSessionCommand(o *printOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "session SESSION --out DIR",
		Short: a.t("把已闭会研判会所决定案件的全部文书、会议纪要和公示名单打印到 DIR", "Print every letter of a closed session's decided cases, its minutes and its notice list into DIR"),
		Long: a.t(`把已闭会研判会批准的每个案件的救助决定书、不予救助的每个案件的告知书（暂缓的
案件没有文书），以及会议纪要和公示名单打印到 DIR；stderr 是终端时显示进度条，
最后给出汇总。不能打印的文书连同原因列出，其余照常打印；此时退出码为 1。`, `Print into DIR the decision letter of every case the closed session approved
and the rejection notice of every case it rejected (deferred cases get none),
then its minutes and its public-notice list, with a progress bar when stderr
is a terminal and a summary at the end. A document that cannot be printed is
named with the reason and the others are printed; the exit code is then 1.`),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.out == "" {
				return usageError{errors.New(a.t("请用 --out 指定存放文书的文件夹", "name the folder for the documents with --out"))}
			}
			return a.withPrintDesk(o, o.out, func(d *spool.Desk) error { return a.printSessionDocs(cmd, d, args[0]) })
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", a.t("存放 PDF 的文件夹（不存在时创建；必填）", "folder for the PDF files (created if missing; required)"))
	return cmd
}

// withPrintDesk opens the store and runs fn with a desk printing into
// dir as o says.
func (a *app) withPrintDesk(o *printOptions, dir string, fn func(d *spool.Desk) error) error {
	return a.withStore(false, func(st *casefile.Store) error {
		return fn(spool.NewDesk(st, spool.Config{Font: a.abs(o.font), Dir: a.abs(dir), Printer: o.printer}))
	})
}

// printOne prints one document into --out (a file, or a folder for it)
// or under its default name in the current folder, says where it is and
// sends it to the printer when asked.
func (a *app) printOne(cmd *cobra.Command, o *printOptions, doc spool.Doc) error {
	dir := "."
	if fi, err := os.Stat(a.abs(o.out)); err == nil && fi.IsDir() {
		dir = o.out
	} else if o.out != "" {
		doc.File = a.abs(o.out)
	}
	return a.withPrintDesk(o, dir, func(d *spool.Desk) error {
		p, err := d.Print(doc, a.who())
		if err != nil {
			return a.printFailed(a.sessionOpenHint(err, doc.Number))
		}
		w := cmd.OutOrStdout()
		fmt.Fprintf(w, a.t("已打印 %s：%s\n", "printed %s: %s\n"), p.What.In(a.lang), p.File)
		return a.sent(w, p.Queue, 1, p.NotSent)
	})
}

// sessionOpenHint adds to the refusal of an open session how to close it.
func (a *app) sessionOpenHint(err error, number string) error {
	if errors.Is(err, printouts.ErrSessionOpen) {
		number = strings.TrimSpace(number)
		return printouts.ErrSessionOpen.Withf("%s（请先闭会：hall session close %[1]s）", "%s (close it first: hall session close %[1]s)", number)
	}
	return err
}

// printSessionDocs prints the letters, the minutes and the notice of the
// closed session number with d, each recorded as it is written, with a
// progress bar on a terminal.
func (a *app) printSessionDocs(cmd *cobra.Command, d *spool.Desk, number string) error {
	var bar *progress
	r, err := d.SessionDocs(number, a.who(), func(done, total int, kind, number string) {
		if bar == nil {
			bar = newProgress(cmd.ErrOrStderr(), total)
		}
		bar.show(done, a.docLabel(kind, number, false))
	})
	if bar != nil {
		bar.clear()
	}
	if err != nil {
		return a.printFailed(a.sessionOpenHint(err, number))
	}
	a.sessionSummary(cmd.OutOrStdout(), r)
	if len(r.Failed) > 0 {
		failed := make([]string, len(r.Failed))
		for i, f := range r.Failed {
			failed[i] = a.docLabel(f.Kind, f.Number, true) + a.t("：", ": ") + a.printMessage(f.Err)
		}
		msg := a.t("以下文书未能打印（未生成文件，未记录）：\n  ", "these documents were not printed (no file written, nothing recorded):\n  ") +
			strings.Join(failed, "\n  ")
		if r.NotSent != nil {
			msg += "\n" + casefile.Message(r.NotSent, a.lang)
		}
		return exitError{code: 1, msg: msg}
	}
	return a.sent(cmd.OutOrStdout(), r.Queue, r.Files, r.NotSent)
}

// docLabel names a document of a session's batch: a letter by its case
// number, the minutes and the notice list by their kind (failed: as a
// failure names it).
func (a *app) docLabel(kind, number string, failed bool) string {
	switch kind {
	case spool.KindMinutes:
		return a.t("会议纪要", "minutes")
	case spool.KindNotice:
		if failed {
			return a.t("公示名单", "notice list")
		}
		return a.t("公示名单", "notice")
	}
	return number
}

// sessionSummary says in one line what printing a session did, and on
// further lines what it left out.
func (a *app) sessionSummary(w io.Writer, r spool.SessionPrinted) {
	fmt.Fprintf(w, a.t("研判会 %s：已打印决定书 %d 份、告知书 %d 份、会议纪要 %d 份、公示名单 %d 份（公示 %d 人，未成年人 %d 人不公示），保存在 %s",
		"session %s: printed %d decision letters, %d rejection notices, %d minutes, %d notice lists (%d published, %d minors left out) in %s"),
		r.Session, r.Approvals, r.Rejections, r.Minutes, r.Notices, r.Published, r.Minors, r.Dir)
	if len(r.Deferred) > 0 {
		fmt.Fprintf(w, a.t("；暂缓 %d 件不出具文书", "; %d deferred cases get no letter"), len(r.Deferred))
	}
	if len(r.OnNotice) > 0 {
		fmt.Fprintf(w, a.t("；公示中 %d 件，期满生效后出具决定书", "; %d on public notice get their letters when it has ended"), len(r.OnNotice))
	}
	if len(r.Failed) > 0 {
		fmt.Fprintf(w, a.t("；%d 份未能打印", "; %d not printed"), len(r.Failed))
	}
	fmt.Fprintln(w, a.t("。", "."))
	if len(r.Superseded) > 0 {
		fmt.Fprintf(w, a.t("以下案件的决定已由后续研判会重新作出，未打印本次的文书：%s\n",
			"the decisions of these cases were made again by a later session; their letters of this session are not printed: %s\n"),
			strings.Join(r.Superseded, " "))
	}
}

// printFailed ends a print command with what went wrong, in the user's
// language.
func (a *app) printFailed(err error) error {
	return exitError{code: exitCode(runError{err}), msg: "hall: " + a.printMessage(err)}
}

// printMessage says in the user's language why a document could not be
// printed: no usable font (what to install), the characters the font
// lacks (each named), or the domain's reason.
func (a *app) printMessage(err error) string { return spool.Message(err, a.lang) }

// sent says that files documents went to the print queue, or why they
// did not (the PDFs are kept: the exit code is exitNotSent); queue ""
// sends nothing.
func (a *app) sent(w io.Writer, queue string, files int, notSent error) error {
	if notSent != nil {
		return exitError{code: exitNotSent, msg: casefile.Message(notSent, a.lang)}
	}
	if queue != "" && files > 0 {
		fmt.Fprintf(w, a.t("已送打印机 %s：%d 份\n", "sent to printer %s: %d\n"), queue, files)
	}
	return nil
}

// safeName makes a case or session number a file name (spool.SafeName).
func safeName(s string) string { return spool.SafeName(s) }

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

// listFonts writes which face each role of the documents uses (spec: the
// --font value, which sets every role), where it came from, and the
// fallback faces for characters a role's face lacks.
func (a *app) listFonts(w io.Writer, spec string) error {
	set, err := spool.FindFonts(spec)
	if err != nil {
		return a.printFailed(err)
	}
	rows := [][]string{strings.Split(a.t("用途|字体|风格|文件|来源", "use|face|style|file|source"), "|")}
	for _, fi := range set.Describe() {
		use := fi.Use
		if a.lang != casefile.EN {
			use = map[string]string{"body": "正文", "title": "标题", "signature": "落款", "fallback": "缺字补充"}[fi.Use]
		}
		rows = append(rows, []string{use, fi.Font.Name(), cmpOr(fi.Style, "-"), fi.Font.Spec(), cmpOr(fi.Source, "-")})
	}
	// Columns padded by terminal cells: a Chinese character takes two.
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], linebreak.Width(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-linebreak.Width(c)+2))
			}
		}
		fmt.Fprintln(w, b.String())
	}
	if src := set.Source(printouts.RoleBody); src != "--font" && src != "HALL_FONT" && !strings.Contains(set.Describe()[0].Style, "FangSong") {
		fmt.Fprintln(w, a.t("本机没有仿宋字体，正文改用上表字体；安装 仿宋_GB2312 或 方正仿宋（.ttf）后自动采用。",
			"no FangSong face on this machine: the body uses the face above; install FangSong_GB2312 or FZFangSong (.ttf) and it is taken."))
	}
	return nil
}

// cmpOr returns s, or or when s is empty.
func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}
