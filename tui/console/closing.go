package console

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// closingScreen is the closing screen: the session's sums, how far they
// are scrolled, and the printing of the session's documents.
type closingScreen struct {
	sh     *meetingShared
	scroll int

	run         *frontdesk.PrintRun // the session being printed
	done, total int
	printed     *frontdesk.SessionPrinted // the last session printed here
}

// ---- keys ----

// keys are the screen's live keys.
func (cl *closingScreen) keys() closingKeys {
	sh := cl.sh
	k := sh.keys.Closing
	open := sh.open()
	k.Close.SetEnabled(open && sh.writer())
	k.Print.SetEnabled(sh.b != nil && !open && sh.c.Can(casefile.PermPrint))
	return k
}

func (cl *closingScreen) ShortHelp() []key.Binding {
	k := cl.keys()
	return []key.Binding{k.Close, k.Print, k.Up, k.Back, cl.sh.tabsKey()}
}

func (cl *closingScreen) FullHelp() [][]key.Binding {
	k := cl.keys()
	return [][]key.Binding{{k.Close, k.Print}, {k.Up, k.Down, k.Back, cl.sh.tabsKey()}}
}

func (cl *closingScreen) refused(msg tea.KeyPressMsg) bool {
	sh := cl.sh
	k := sh.keys.Closing
	if !sh.c.Can(casefile.PermPrint) && common.Pressed(msg, k.Print) {
		sh.st.Set(sh.c.Forbidden(), common.LevelError)
		return true
	}
	return sh.refuse(msg, k.Close)
}

func (cl *closingScreen) wheel(d int) { cl.scroll += d }

func (cl *closingScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	sh := cl.sh
	k := cl.keys()
	switch {
	case key.Matches(msg, k.Back):
		return sh.toSessions()
	case key.Matches(msg, k.Close):
		cl.askClose()
	case key.Matches(msg, k.Print):
		switch {
		case sh.opts.print != nil:
			sh.st.Clear()
			return sh.opts.print(sh.number)
		case sh.printing != nil:
			return cl.printSession()
		}
		sh.st.Set(sh.c.Tf(common.LblHomeNotYet, sh.c.T(lblMtgKeyPrint)), common.LevelWarn)
		return nil
	case key.Matches(msg, k.Up):
		cl.scroll -= 3
	case key.Matches(msg, k.Down):
		cl.scroll += 3
	}
	return nil
}

// printSession prints every letter of the closed session, its minutes
// and its notice list, with the progress on screen.
func (cl *closingScreen) printSession() tea.Cmd {
	sh := cl.sh
	if cl.run != nil {
		sh.st.Set(sh.c.T(common.LblPrintBusy), common.LevelWarn)
		return nil
	}
	run, cmd := frontdesk.PrintSession(sh.printing, sh.number, sh.c.User)
	cl.run, cl.done, cl.total = run, 0, 0
	sh.st.Set(sh.c.T(common.LblPrintPrinting), common.LevelPlain)
	return cmd
}

func (cl *closingScreen) onPrintProgress(msg frontdesk.PrintProgressMsg) tea.Cmd {
	sh := cl.sh
	if msg.Run != cl.run {
		return nil
	}
	cl.done, cl.total = msg.Done, msg.Total
	cl.scroll = 1 << 30 // the progress in view (the view clamps it)
	sh.st.Set(sh.c.Tf(common.LblPrintProgress, msg.Run.Number, frontdesk.ProgressBar(msg.Done, msg.Total, 20)), common.LevelPlain)
	return msg.Run.Wait()
}

func (cl *closingScreen) onSessionPrinted(msg frontdesk.SessionPrintedMsg) {
	sh := cl.sh
	if msg.Run != cl.run {
		return
	}
	cl.run = nil
	if msg.Err != nil {
		sh.st.Set(frontdesk.PrintErrText(sh.c, msg.Err), common.LevelError)
		return
	}
	cl.printed = &msg.Res
	cl.scroll = 1 << 30 // the summary in view
	sh.st.Set(frontdesk.SessionPrintedLines(sh.c, msg.Res)[0], frontdesk.SessionPrintedLevel(msg.Res))
}

// printLines show the printing of the session in view: its progress, or
// what the last print did.
func (cl *closingScreen) printLines(w int) []string {
	sh := cl.sh
	c := sh.c
	s := c.Styles
	var out []string
	switch r := cl.printed; {
	case cl.run != nil && cl.run.Number == sh.number:
		out = append(out, "", " "+c.Tf(common.LblPrintProgress, sh.number, frontdesk.ProgressBar(cl.done, cl.total, min(30, max(w-40, 10)))))
	case r != nil && r.Session == sh.number:
		out = append(out, "")
		lv := frontdesk.SessionPrintedLevel(*r)
		for _, l := range frontdesk.SessionPrintedLines(c, *r) {
			for _, wl := range components.Wrap(l, max(w-2, 10)) {
				out = append(out, " "+components.LevelStyle(s, lv).Render(wl))
			}
		}
	}
	return out
}

// askClose asks before the session is closed and frozen; cases left
// undecided are named and stay ready for a later session.
func (cl *closingScreen) askClose() {
	sh := cl.sh
	c := sh.c
	sum := sh.b.sum
	lines := []string{c.Tf(lblMtgSumCounts, sum.Cases, sum.Approved, sum.Rejected, sum.Deferred, len(sum.Undecided))}
	if len(sum.Undecided) > 0 {
		lines = append(lines, c.Styles.App.StatusWarn.Render(c.Tf(lblMtgCloseUndecided, len(sum.Undecided), strings.Join(sum.Undecided, c.T(common.LblListSep)))))
	}
	lines = append(lines, c.T(lblMtgCloseText))
	store, number, who := sh.store, sh.number, c.User
	sh.confirm(c.Tf(lblMtgCloseTitle, sh.number), lines, func() tea.Cmd {
		return sh.do(func() tea.Cmd { return closeSession(store, number, sh.cur, who) })
	})
}

// ---- view ----

func (cl *closingScreen) view() string {
	sh := cl.sh
	c := sh.c
	s := c.Styles
	w, h := sh.width, sh.height
	sess := sh.b.sess
	sum := sh.b.sum
	head := []string{sh.topLine(), sh.sessionLine()}

	var present, absent []string
	for _, m := range sess.Members {
		if !m.Votes() {
			continue
		}
		if sess.IsPresent(m.ID) {
			present = append(present, m.Name)
		} else {
			absent = append(absent, m.Name)
		}
	}
	att := c.Tf(lblMtgPresentShort, len(present), len(present)+len(absent))
	if len(absent) > 0 {
		att += c.Tf(lblMtgAbsentList, strings.Join(absent, c.T(common.LblListSep)))
	}
	granted := c.Tf(lblMtgSumGranted, sum.Amounts.Text())
	if sum.Amounts.Monthly != 0 {
		granted += c.Tf(lblMtgSumPeriod, sum.Period.Grouped())
	}
	head = append(head, " "+att,
		" "+s.App.Title.Render(c.Tf(lblMtgSumCounts, sum.Cases, sum.Approved, sum.Rejected, sum.Deferred, len(sum.Undecided))),
		" "+granted)

	var body []string
	depts := amountTable(c, c.T(lblMtgByDepartment), sum.ByDepartment, func(k string) string { return c.DeptName(k) })
	projs := amountTable(c, c.T(lblMtgByProject), sum.ByProject, func(k string) string { return k + " " + c.ProjectName(k) })
	if w >= wideWidth {
		half := (w - 3) / 2
		dl, pl := depts(half), projs(half)
		for i := 0; i < max(len(dl), len(pl)); i++ {
			l, r := "", ""
			if i < len(dl) {
				l = dl[i]
			}
			if i < len(pl) {
				r = pl[i]
			}
			body = append(body, " "+components.FitWidth(l, half)+"  "+r)
		}
	} else {
		for _, l := range depts(w - 2) {
			body = append(body, " "+l)
		}
		body = append(body, "")
		for _, l := range projs(w - 2) {
			body = append(body, " "+l)
		}
	}
	if len(sum.Undecided) > 0 {
		body = append(body, "", " "+s.App.StatusWarn.Render(c.Tf(lblMtgUndecidedList, strings.Join(sum.Undecided, c.T(common.LblListSep)))))
	}
	body = append(body, cl.printLines(w)...)

	var foot string
	switch {
	case sh.open() && sh.writer():
		foot = s.Form.Button.Render(c.T(lblMtgCloseHint))
	case sh.open():
		foot = s.App.StatusWarn.Render(c.Tf(lblMtgRoLine, sh.roleName()))
	case cl.keys().Print.Enabled():
		foot = s.App.StatusWarn.Render(c.T(lblMtgFrozen)) + "  " + s.Form.Button.Render(c.T(lblMtgPrintHint))
	default:
		foot = s.App.StatusWarn.Render(c.T(lblMtgFrozen))
	}
	room := max(h-len(head)-3, 1)
	cl.scroll = max(0, min(cl.scroll, len(body)-room))
	end := min(cl.scroll+room, len(body))
	lines := append(head, "")
	lines = append(lines, body[cl.scroll:end]...)
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:h-1], " "+foot)
	return components.FitBlock(lines, w)
}

// amountTable returns a function drawing the granted amounts of one
// breakdown (by department or by project) in width w: monthly (with its
// total over the aid periods) and one-off in columns apart, "—" where a
// row has none.
func amountTable(c *common.Common, title string, rows []meeting.Amount, name func(string) string) func(w int) []string {
	s := c.Styles
	return func(w int) []string {
		t := &components.Table{Cols: []components.Column{
			{Title: title, Flex: 1},
			{Title: c.T(lblMtgColCount), Width: 6},
			{Title: c.T(lblMtgColMonthly), Width: amountWidth},
			{Title: c.T(lblMtgColPeriod), Width: amountWidth},
			{Title: c.T(lblMtgColOneOff), Width: amountWidth},
		}, Width: w, Height: max(len(rows), 1)}
		cell := func(m casefile.Money) string {
			if m == 0 {
				return components.PadLeft("—", amountWidth)
			}
			return components.PadLeft(m.Grouped(), amountWidth)
		}
		cells := make([][]string, len(rows))
		for i, a := range rows {
			period := a.Period
			if a.Amounts.Monthly == 0 {
				period = 0
			}
			cells[i] = []string{name(a.Key), fmt.Sprint(a.Count), cell(a.Amounts.Monthly), cell(period), cell(a.Amounts.OneOff)}
		}
		t.SetRows(cells, nil)
		t.Cursor = -1
		out := strings.Split(t.View(s), "\n")
		if len(rows) == 0 {
			out[1] = s.App.Muted.Render(c.T(lblMtgNoneGranted))
		}
		return out
	}
}

// amountWidth is the width of an amount column of the closing tables:
// "999,999.99" with room.
const amountWidth = 12
