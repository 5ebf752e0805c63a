package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/meeting"
)

// closingState is the closing screen: how far the sums are scrolled, and
// the printing of the session's documents.
type closingState struct {
	scroll int

	run         *printRun // the session being printed
	done, total int
	printed     *SessionPrinted // the last session printed here
}

// ---- keys ----

func (p *meetingPage) closingKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys.Closing
	switch {
	case key.Matches(msg, k.Back):
		return p.toSessions()
	case key.Matches(msg, k.Close):
		p.askClose()
	case key.Matches(msg, k.Print):
		switch {
		case p.opts.print != nil:
			p.st.clear()
			return p.opts.print(p.number)
		case p.printing != nil:
			return p.printSession()
		}
		p.st.set(p.c.Tf("home.not_yet", p.c.T("mtg.key.print")), LevelWarn)
		return nil
	case key.Matches(msg, k.Up):
		p.close.scroll -= 3
	case key.Matches(msg, k.Down):
		p.close.scroll += 3
	}
	return nil
}

// printSession prints every letter of the closed session, its minutes
// and its notice list, with the progress on screen.
func (p *meetingPage) printSession() tea.Cmd {
	if p.close.run != nil {
		p.st.set(p.c.T("print.busy"), LevelWarn)
		return nil
	}
	run, cmd := printSession(p.printing, p.number, p.c.User)
	p.close.run, p.close.done, p.close.total = run, 0, 0
	p.st.set(p.c.T("print.printing"), LevelPlain)
	return cmd
}

func (p *meetingPage) onPrintProgress(msg printProgressMsg) tea.Cmd {
	if msg.run != p.close.run {
		return nil
	}
	p.close.done, p.close.total = msg.done, msg.total
	p.close.scroll = 1 << 30 // the progress in view (the view clamps it)
	p.st.set(p.c.Tf("print.progress", msg.run.number, progressBar(msg.done, msg.total, 20)), LevelPlain)
	return msg.run.wait()
}

func (p *meetingPage) onSessionPrinted(msg sessionPrintedMsg) {
	if msg.run != p.close.run {
		return
	}
	p.close.run = nil
	if msg.err != nil {
		p.st.set(printErrText(p.c, msg.err), LevelError)
		return
	}
	p.close.printed = &msg.res
	p.close.scroll = 1 << 30 // the summary in view
	p.st.set(sessionPrintedLines(p.c, msg.res)[0], sessionPrintedLevel(msg.res))
}

// printLines show the printing of the session in view: its progress, or
// what the last print did.
func (p *meetingPage) printLines(w int) []string {
	c := p.c
	s := c.Styles
	var out []string
	switch r := p.close.printed; {
	case p.close.run != nil && p.close.run.number == p.number:
		out = append(out, "", " "+c.Tf("print.progress", p.number, progressBar(p.close.done, p.close.total, min(30, max(w-40, 10)))))
	case r != nil && r.Session == p.number:
		out = append(out, "")
		lv := sessionPrintedLevel(*r)
		for _, l := range sessionPrintedLines(c, *r) {
			for _, wl := range wrapCJK(l, max(w-2, 10)) {
				out = append(out, " "+levelStyle(s, lv).Render(wl))
			}
		}
	}
	return out
}

// askClose asks before the session is closed and frozen; cases left
// undecided are named and stay ready for a later session.
func (p *meetingPage) askClose() {
	c := p.c
	sum := p.b.sum
	lines := []string{c.Tf("mtg.sum_counts", sum.Cases, sum.Approved, sum.Rejected, sum.Deferred, len(sum.Undecided))}
	if len(sum.Undecided) > 0 {
		lines = append(lines, c.Styles.App.StatusWarn.Render(c.Tf("mtg.close_undecided", len(sum.Undecided), strings.Join(sum.Undecided, c.T("list.sep")))))
	}
	lines = append(lines, c.T("mtg.close_text"))
	store, number, who := p.store, p.number, c.User
	p.confirmBox(c.Tf("mtg.close_title", p.number), lines, func() tea.Cmd {
		return p.do(func() tea.Cmd { return closeSession(store, number, p.walk.cur, who) })
	})
}

// ---- view ----

func (p *meetingPage) closingView() string {
	c := p.c
	s := c.Styles
	w, h := p.width, p.height
	sess := p.b.sess
	sum := p.b.sum
	head := []string{p.topLine(), p.sessionLine()}

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
	att := c.Tf("mtg.present_short", len(present), len(present)+len(absent))
	if len(absent) > 0 {
		att += c.Tf("mtg.absent_list", strings.Join(absent, c.T("list.sep")))
	}
	head = append(head, " "+att,
		" "+s.App.Title.Render(c.Tf("mtg.sum_counts", sum.Cases, sum.Approved, sum.Rejected, sum.Deferred, len(sum.Undecided))),
		" "+c.Tf("mtg.sum_granted", sum.Granted.Grouped(), sum.Period.Grouped()))

	var body []string
	depts := p.amountTable(c.T("mtg.by_department"), sum.ByDepartment, func(k string) string { return c.deptName(k) })
	projs := p.amountTable(c.T("mtg.by_project"), sum.ByProject, func(k string) string { return k + " " + c.projectName(k) })
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
			body = append(body, " "+fitWidth(l, half)+"  "+r)
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
		body = append(body, "", " "+s.App.StatusWarn.Render(c.Tf("mtg.undecided_list", strings.Join(sum.Undecided, c.T("list.sep")))))
	}
	body = append(body, p.printLines(w)...)

	var foot string
	switch {
	case p.open() && p.writer():
		foot = s.Form.Button.Render(c.T("mtg.close_hint"))
	case p.open():
		foot = s.App.StatusWarn.Render(c.Tf("mtg.ro_line", p.roleName()))
	case p.keys.Closing.Print.Enabled():
		foot = s.App.StatusWarn.Render(c.T("mtg.frozen")) + "  " + s.Form.Button.Render(c.T("mtg.print_hint"))
	default:
		foot = s.App.StatusWarn.Render(c.T("mtg.frozen"))
	}
	room := max(h-len(head)-3, 1)
	p.close.scroll = max(0, min(p.close.scroll, len(body)-room))
	end := min(p.close.scroll+room, len(body))
	lines := append(head, "")
	lines = append(lines, body[p.close.scroll:end]...)
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:h-1], " "+foot)
	return fitBlock(lines, w)
}

// amountTable returns a function drawing the granted amounts of one
// breakdown (by department or by project) in width w.
func (p *meetingPage) amountTable(title string, rows []meeting.Amount, name func(string) string) func(w int) []string {
	c := p.c
	s := c.Styles
	return func(w int) []string {
		t := &table{cols: []column{
			{Title: title, Flex: 1},
			{Title: c.T("mtg.col_count"), Width: 6},
			{Title: c.T("mtg.col_granted"), Width: 14},
			{Title: c.T("mtg.col_period"), Width: 14},
		}, width: w, height: max(len(rows), 1)}
		cells := make([][]string, len(rows))
		for i, a := range rows {
			cells[i] = []string{name(a.Key), fmt.Sprint(a.Count), padLeft(a.Granted.Grouped(), 14), padLeft(a.Period.Grouped(), 14)}
		}
		t.SetRows(cells, nil)
		t.cursor = -1
		out := strings.Split(t.View(s), "\n")
		if len(rows) == 0 {
			out[1] = s.App.Muted.Render(c.T("mtg.none_granted"))
		}
		return out
	}
}
