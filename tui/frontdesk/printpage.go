package frontdesk

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// What the print page prints.
const (
	printKindReceipt = "receipt"
	printKindLetter  = "letter"
	printKindSession = "session"
)

// printPage prints by number: a case's receipt or letter, or every
// document of a closed session with its progress, and lists what it
// printed.
type printPage struct {
	c        *common.Common
	printing Printing // nil: printing is not set up
	form     *components.Form
	number   string
	kind     string

	inPrint     bool      // a case's document is being printed
	run         *PrintRun // a session being printed
	done, total int
	log         []printLine // what was printed here, newest last

	st            common.StatusLine
	width, height int
}

// printLine is one line of the page's list of prints.
type printLine struct {
	text string
	lv   common.Level
}

func newPrintPage(c *common.Common, pr Printing) *printPage {
	p := &printPage{c: c, printing: pr, form: components.NewForm(c), kind: printKindLetter}
	p.form.SetFields([]components.Field{
		{ID: "number", Kind: components.FieldText, Label: c.T(lblPrintNumber), Width: 20, Limit: 30,
			Get: func() string { return p.number }, Set: func(v string) { p.number = v },
			Hint: func() (string, common.Level) { return c.T(lblPrintNumberHint), common.LevelMuted }},
		{ID: "kind", Kind: components.FieldChoice, Label: c.T(lblPrintKind),
			Options: []components.Option{{Value: printKindReceipt, Label: c.T(lblPrintKindReceipt)}, {Value: printKindLetter, Label: c.T(lblPrintKindLetter)},
				{Value: printKindSession, Label: c.T(lblPrintKindSession)}},
			Get: func() string { return p.kind }, Set: func(v string) { p.kind = v }},
		{ID: "go", Kind: components.FieldButton, Label: c.T(lblPrintButton) + " (" + c.Keys.Print.Go.Help().Key + ")", Do: p.start},
	})
	p.form.FocusID("number")
	return p
}

func (p *printPage) Enter() tea.Cmd { return nil }

func (p *printPage) Title() string { return p.c.T(lblPrintTitle) }

func (p *printPage) Status() (string, common.Level) { return p.st.Text, p.st.Level }

func (p *printPage) Dirty() bool { return false }

func (p *printPage) Typing() bool { return p.form.Typing() }

func (p *printPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.form.SetSize(w-2, 3)
}

func (p *printPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case printedMsg:
		if msg.owner != printByPage {
			return nil
		}
		p.inPrint = false
		if msg.err != nil {
			p.note(msg.number+p.c.T(lblPrintColon)+PrintErrText(p.c, msg.err), common.LevelError)
		} else {
			lv := printLevel(msg.res.NotSent)
			for _, l := range printedLines(p.c, msg.res) {
				p.addLog(l, lv)
			}
			p.st.Set(printedText(p.c, msg.res), lv)
		}
	case PrintProgressMsg:
		if msg.Run != p.run {
			return nil
		}
		p.done, p.total = msg.Done, msg.Total
		p.st.Set(p.c.Tf(common.LblPrintProgress, p.run.Number, ProgressBar(p.done, p.total, 20)), common.LevelPlain)
		return msg.Run.Wait()
	case SessionPrintedMsg:
		if msg.Run != p.run {
			return nil
		}
		p.run = nil
		if msg.Err != nil {
			p.note(msg.Run.Number+p.c.T(lblPrintColon)+PrintErrText(p.c, msg.Err), common.LevelError)
			return nil
		}
		lv := SessionPrintedLevel(msg.Res)
		for _, l := range SessionPrintedLines(p.c, msg.Res) {
			p.addLog(l, lv)
		}
		p.st.Set(SessionPrintedLines(p.c, msg.Res)[0], lv)
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		p.form.HandlePaste(msg)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			return p.form.Click(msg.X-2, msg.Y-p.formTop()).Cmd
		}
	}
	return nil
}

// maxPrintLog bounds the list of prints the page keeps.
const maxPrintLog = 200

// addLog adds a line to the list of prints.
func (p *printPage) addLog(text string, lv common.Level) {
	p.log = append(p.log, printLine{text, lv})
	if n := len(p.log); n > maxPrintLog {
		p.log = append(p.log[:0], p.log[n-maxPrintLog:]...)
	}
}

// note adds a line to the list of prints and shows it.
func (p *printPage) note(text string, lv common.Level) {
	p.addLog(text, lv)
	p.st.Set(text, lv)
}

func (p *printPage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.c.Keys.Global.Back):
		return common.GoBack
	case key.Matches(msg, p.c.Keys.Print.Go):
		return p.start()
	}
	return p.form.HandleKey(msg).Cmd
}

// start prints what the form asks for.
func (p *printPage) start() tea.Cmd {
	number := strings.TrimSpace(p.number)
	switch {
	case p.printing == nil:
		p.st.Set(p.c.T(lblPrintNone), common.LevelWarn)
		return nil
	case p.inPrint || p.run != nil:
		p.st.Set(p.c.T(common.LblPrintBusy), common.LevelWarn)
		return nil
	case number == "":
		p.st.Set(p.c.T(lblPrintNeedNumber), common.LevelError)
		p.form.FocusID("number")
		return nil
	}
	p.st.Set(p.c.T(common.LblPrintPrinting), common.LevelPlain)
	if p.kind == printKindSession {
		run, cmd := PrintSession(p.printing, number, p.c.User)
		p.run, p.done, p.total = run, 0, 0
		return cmd
	}
	p.inPrint = true
	return printCase(p.printing, printByPage, number, p.kind == printKindLetter, p.c.User)
}

// formTop is the line of the form's first row.
func (p *printPage) formTop() int { return 2 + len(p.intro()) + 1 }

// intro is what the page says about printing, wrapped to the width.
func (p *printPage) intro() []string {
	var out []string
	for _, k := range []casefile.Text{lblPrintIntro, lblPrintElsewhere, lblPrintRecorded} {
		out = append(out, components.Wrap(p.c.T(k), max(p.width-4, 10))...)
	}
	return out
}

func (p *printPage) View() string {
	c := p.c
	s := c.Styles
	lines := []string{"", "  " + s.App.Title.Render(c.T(lblPrintTitle))}
	for _, l := range p.intro() {
		lines = append(lines, "  "+s.App.Muted.Render(l))
	}
	lines = append(lines, "")
	for _, l := range strings.Split(p.form.View(), "\n") {
		lines = append(lines, "  "+l)
	}
	if p.run != nil {
		lines = append(lines, "", "  "+c.Tf(common.LblPrintProgress, p.run.Number, ProgressBar(p.done, p.total, 30)))
	}
	if len(p.log) > 0 {
		lines = append(lines, "", "  "+s.Form.Section.Render(c.T(lblPrintRecent)))
		var body []string
		for _, l := range p.log {
			for _, w := range components.Wrap(l.text, max(p.width-4, 10)) {
				body = append(body, "  "+components.LevelStyle(s, l.lv).Render(w))
			}
		}
		room := max(p.height-len(lines), 0)
		lines = append(lines, body[max(len(body)-room, 0):]...) // the newest stay in view
	}
	return components.FitHeight(components.FitBlock(lines, p.width), p.height)
}

func (p *printPage) ShortHelp() []key.Binding {
	k := p.form.Keys()
	return []key.Binding{k.Next, k.Cycle, k.Activate, p.c.Keys.Print.Go, p.c.Keys.Global.Back}
}

func (p *printPage) FullHelp() [][]key.Binding {
	k := p.form.Keys()
	return [][]key.Binding{{k.Next, k.Prev, k.Cycle, k.Activate}, {p.c.Keys.Print.Go, p.c.Keys.Global.Back}}
}
