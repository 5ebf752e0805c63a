package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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
	c        *Common
	printing Printing // nil: printing is not set up
	form     *form
	number   string
	kind     string

	inPrint     bool      // a case's document is being printed
	run         *printRun // a session being printed
	done, total int
	log         []printLine // what was printed here, newest last

	st            status
	width, height int
}

// printLine is one line of the page's list of prints.
type printLine struct {
	text string
	lv   Level
}

func newPrintPage(c *Common, pr Printing) *printPage {
	p := &printPage{c: c, printing: pr, form: newForm(c), kind: printKindLetter}
	p.form.SetFields([]field{
		{ID: "number", Kind: fieldText, Label: c.T("print.number"), Width: 20, Limit: 30,
			Get: func() string { return p.number }, Set: func(v string) { p.number = v },
			Hint: func() (string, Level) { return c.T("print.number_hint"), LevelMuted }},
		{ID: "kind", Kind: fieldChoice, Label: c.T("print.kind"),
			Options: []option{{printKindReceipt, c.T("print.kind_receipt")}, {printKindLetter, c.T("print.kind_letter")},
				{printKindSession, c.T("print.kind_session")}},
			Get: func() string { return p.kind }, Set: func(v string) { p.kind = v }},
		{ID: "go", Kind: fieldButton, Label: c.T("print.button") + " (" + c.Keys.Print.Go.Help().Key + ")", Do: p.start},
	})
	p.form.FocusID("number")
	return p
}

func (p *printPage) Enter() tea.Cmd {
	p.updateKeys()
	return nil
}

func (p *printPage) Title() string { return p.c.T("print.title") }

func (p *printPage) Status() (string, Level) { return p.st.text, p.st.lv }

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
			p.note(msg.number+p.c.T("print.colon")+printErrText(p.c, msg.err), LevelError)
		} else {
			lv := printLevel(msg.res.NotSent)
			for _, l := range printedLines(p.c, msg.res) {
				p.addLog(l, lv)
			}
			p.st.set(printedText(p.c, msg.res), lv)
		}
	case printProgressMsg:
		if msg.run != p.run {
			return nil
		}
		p.done, p.total = msg.done, msg.total
		p.st.set(p.c.Tf("print.progress", p.run.number, progressBar(p.done, p.total, 20)), LevelPlain)
		return msg.run.wait()
	case sessionPrintedMsg:
		if msg.run != p.run {
			return nil
		}
		p.run = nil
		if msg.err != nil {
			p.note(msg.run.number+p.c.T("print.colon")+printErrText(p.c, msg.err), LevelError)
			return nil
		}
		lv := sessionPrintedLevel(msg.res)
		for _, l := range sessionPrintedLines(p.c, msg.res) {
			p.addLog(l, lv)
		}
		p.st.set(sessionPrintedLines(p.c, msg.res)[0], lv)
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		p.form.HandlePaste(msg)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			cmd := p.form.Click(msg.X-2, msg.Y-p.formTop()).Cmd
			p.updateKeys()
			return cmd
		}
	}
	return nil
}

// maxPrintLog bounds the list of prints the page keeps.
const maxPrintLog = 200

// addLog adds a line to the list of prints.
func (p *printPage) addLog(text string, lv Level) {
	p.log = append(p.log, printLine{text, lv})
	if n := len(p.log); n > maxPrintLog {
		p.log = append(p.log[:0], p.log[n-maxPrintLog:]...)
	}
}

// note adds a line to the list of prints and shows it.
func (p *printPage) note(text string, lv Level) {
	p.addLog(text, lv)
	p.st.set(text, lv)
}

func (p *printPage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	defer p.updateKeys() // the form keys are shared: only the page in view sets them
	switch {
	case key.Matches(msg, p.c.Keys.Global.Back):
		return GoBack
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
		p.st.set(p.c.T("print.none"), LevelWarn)
		return nil
	case p.inPrint || p.run != nil:
		p.st.set(p.c.T("print.busy"), LevelWarn)
		return nil
	case number == "":
		p.st.set(p.c.T("print.need_number"), LevelError)
		p.form.FocusID("number")
		return nil
	}
	p.st.set(p.c.T("print.printing"), LevelPlain)
	if p.kind == printKindSession {
		run, cmd := printSession(p.printing, number, p.c.User)
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
	for _, k := range []string{"print.intro", "print.elsewhere", "print.recorded"} {
		out = append(out, wrapCJK(p.c.T(k), max(p.width-4, 10))...)
	}
	return out
}

func (p *printPage) View() string {
	c := p.c
	s := c.Styles
	lines := []string{"", "  " + s.App.Title.Render(c.T("print.title"))}
	for _, l := range p.intro() {
		lines = append(lines, "  "+s.App.Muted.Render(l))
	}
	lines = append(lines, "")
	for _, l := range strings.Split(p.form.View(), "\n") {
		lines = append(lines, "  "+l)
	}
	if p.run != nil {
		lines = append(lines, "", "  "+c.Tf("print.progress", p.run.number, progressBar(p.done, p.total, 30)))
	}
	if len(p.log) > 0 {
		lines = append(lines, "", "  "+s.Form.Section.Render(c.T("print.recent")))
		var body []string
		for _, l := range p.log {
			for _, w := range wrapCJK(l.text, max(p.width-4, 10)) {
				body = append(body, "  "+levelStyle(s, l.lv).Render(w))
			}
		}
		room := max(p.height-len(lines), 0)
		lines = append(lines, body[max(len(body)-room, 0):]...) // the newest stay in view
	}
	return fitHeight(fitBlock(lines, p.width), p.height)
}

// updateKeys switches the form keys for the focused row; only while the
// page is in view, as the keys are shared with the other forms.
func (p *printPage) updateKeys() {
	k := &p.c.Keys.Form
	kind := fieldKind(-1)
	if fd := p.form.Focused(); fd != nil {
		kind = fd.Kind
	}
	k.Toggle.SetEnabled(kind == fieldChoice)
	k.Cycle.SetEnabled(kind == fieldChoice)
	k.Activate.SetEnabled(kind == fieldButton)
	k.Delete.SetEnabled(false)
}

func (p *printPage) ShortHelp() []key.Binding {
	k := p.c.Keys.Form
	return []key.Binding{k.Next, k.Cycle, k.Activate, p.c.Keys.Print.Go, p.c.Keys.Global.Back}
}

func (p *printPage) FullHelp() [][]key.Binding {
	k := p.c.Keys.Form
	return [][]key.Binding{{k.Next, k.Prev, k.Cycle, k.Activate}, {p.c.Keys.Print.Go, p.c.Keys.Global.Back}}
}
