package frontdesk

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

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
//
// The form is two huh fields (an Input for the number, an inline Select
// for the kind) and a print button, moved through with tab/shift+tab.
type printPage struct {
	c        *common.Common
	printing Printing // nil: printing is not set up
	numberIn *huh.Input
	kindSel  *huh.Select[string]
	focus    printFocus
	number   string
	kind     string
	rows     [printFocusCount]int // the line each stop was drawn on

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

// printFocus is the focused stop of the print form.
type printFocus int

const (
	focusPrintNumber printFocus = iota
	focusPrintKind
	focusPrintButton
	printFocusCount
)

func newPrintPage(c *common.Common, pr Printing) *printPage {
	p := &printPage{c: c, printing: pr, kind: printKindLetter}
	km := huh.NewDefaultKeyMap()
	km.Select.Filter.SetEnabled(false) // "/" has nothing to filter among three
	p.numberIn = huh.NewInput().Prompt("> ").CharLimit(30).Value(&p.number)
	p.numberIn.WithTheme(components.HuhTheme(c))
	p.numberIn.WithKeyMap(km)
	p.kindSel = huh.NewSelect[string]().Inline(true).Options(
		huh.NewOption(c.T(lblPrintKindReceipt), printKindReceipt),
		huh.NewOption(c.T(lblPrintKindLetter), printKindLetter),
		huh.NewOption(c.T(lblPrintKindSession), printKindSession),
	).Value(&p.kind)
	p.kindSel.WithTheme(components.HuhTheme(c))
	p.kindSel.WithKeyMap(km)
	p.setFocus(focusPrintNumber)
	return p
}

// setFocus moves the focus to stop f.
func (p *printPage) setFocus(f printFocus) {
	p.focus = (f + printFocusCount) % printFocusCount
	p.numberIn.Blur()
	p.kindSel.Blur()
	switch p.focus {
	case focusPrintNumber:
		p.numberIn.Focus()
	case focusPrintKind:
		p.kindSel.Focus()
	}
}

func (p *printPage) Enter() tea.Cmd { return nil }

func (p *printPage) Title() string { return p.c.T(lblPrintTitle) }

func (p *printPage) Status() (string, common.Level) { return p.st.Text, p.st.Level }

func (p *printPage) Dirty() bool { return false }

func (p *printPage) Typing() bool { return p.focus == focusPrintNumber }

func (p *printPage) SetSize(w, h int) {
	p.width, p.height = w, h
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
		if p.focus == focusPrintNumber {
			p.numberIn.Update(components.CleanPaste(msg))
		}
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			return p.click(msg.Y)
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
	k := p.c.Keys.Form
	switch {
	case p.focus == focusPrintButton && key.Matches(msg, k.Activate, k.Toggle):
		return p.start()
	case key.Matches(msg, k.Next):
		p.setFocus(p.focus + 1)
	case key.Matches(msg, k.Prev):
		p.setFocus(p.focus - 1)
	case components.IsFieldNav(msg):
	case p.focus == focusPrintNumber:
		p.numberIn.Update(msg) // its commands are cursor blinks: a steady cursor
	case p.focus == focusPrintKind && key.Matches(msg, k.Cycle):
		p.kindSel.Update(msg)
	}
	return nil
}

// click focuses the stop drawn on line y, and prints on the button.
func (p *printPage) click(y int) tea.Cmd {
	for f, row := range p.rows {
		if row == y && row > 0 {
			p.setFocus(printFocus(f))
			if printFocus(f) == focusPrintButton {
				return p.start()
			}
		}
	}
	return nil
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
		p.setFocus(focusPrintNumber)
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
	lines = append(lines, p.formLines(&lines)...)
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

// formLines draws the form below the lines above (which give its first
// line): a label column, then the huh fields and the button.
func (p *printPage) formLines(above *[]string) []string {
	c := p.c
	s := c.Styles
	labels := []string{c.T(lblPrintNumber), c.T(lblPrintKind)}
	lw := 0
	for _, l := range labels {
		lw = max(lw, lipgloss.Width(l))
	}
	fw := max(min(p.width-lw-6, 40), 8)
	label := func(f printFocus) string {
		st := s.App.Muted
		if p.focus == f {
			st = s.App.Title
		}
		return st.Render(components.PadRight(labels[f], lw))
	}
	top := 1 + len(*above) // the header line above the page
	var out []string
	p.numberIn.WithWidth(fw)
	p.rows[focusPrintNumber] = top + len(out)
	out = append(out, "  "+label(focusPrintNumber)+"  "+p.numberIn.View())
	out = append(out, "  "+strings.Repeat(" ", lw+2)+s.App.Muted.Render(c.T(lblPrintNumberHint)))
	p.kindSel.WithWidth(fw)
	p.rows[focusPrintKind] = top + len(out)
	out = append(out, "  "+label(focusPrintKind)+"  "+p.kindSel.View())
	out = append(out, "")
	th := components.HuhTheme(c).Theme(c.IsDark)
	btn := th.Focused.BlurredButton
	if p.focus == focusPrintButton {
		btn = th.Focused.FocusedButton
	}
	p.rows[focusPrintButton] = top + len(out)
	out = append(out, "  "+strings.Repeat(" ", lw+2)+btn.Render(c.T(lblPrintButton)+" ("+c.Keys.Print.Go.Help().Key+")"))
	return out
}

// keys are the print page's keys, the button's enter on only when the
// button has the focus.
func (p *printPage) keys() (next, prev, cycle, activate key.Binding) {
	k := p.c.Keys.Form
	cycle, activate = k.Cycle, k.Activate
	cycle.SetEnabled(p.focus == focusPrintKind)
	activate.SetEnabled(p.focus == focusPrintButton)
	return k.Next, k.Prev, cycle, activate
}

func (p *printPage) ShortHelp() []key.Binding {
	next, _, cycle, activate := p.keys()
	return []key.Binding{next, cycle, activate, p.c.Keys.Print.Go, p.c.Keys.Global.Back}
}

func (p *printPage) FullHelp() [][]key.Binding {
	next, prev, cycle, activate := p.keys()
	return [][]key.Binding{{next, prev, cycle, activate}, {p.c.Keys.Print.Go, p.c.Keys.Global.Back}}
}
