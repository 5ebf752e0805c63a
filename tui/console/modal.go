package console

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// consoleModal is a box over the console's screen — a reason prompt, the
// ruling chooser or a yes/no question — that takes every key and paste
// until it closes itself (sh.modal = nil).
type consoleModal interface {
	help.KeyMap
	// View draws the box centred in w×h.
	View(w, h int) string
	// handle runs a key or a paste.
	handle(sh *meetingShared, msg tea.Msg) tea.Cmd
}

var (
	_ consoleModal = (*reasonPrompt)(nil)
	_ consoleModal = (*rulingChooser)(nil)
	_ consoleModal = (*chooser[string])(nil)
	_ consoleModal = (*confirmBox)(nil)
)

// draftKey names what a reason is typed for, so a cancelled prompt's
// text comes back when the same prompt opens again.
type draftKey struct {
	what    draftKind
	caseNo  string
	member  uint64          // the voter or the member recused
	choice  meeting.Choice  // of a vote
	project string          // of a vote on one project ("": every project)
	ruling  casefile.Status // of a ruling
}

// draftKind is the kind of reason typed.
type draftKind int

const (
	draftVote draftKind = iota
	draftRecusal
	draftRuling
)

// ask opens a reason prompt; the text kept from a cancelled prompt of the
// same draft key comes back.
func (sh *meetingShared) ask(draft draftKey, title string, lines []string, value string, submit func(string) tea.Cmd) *reasonPrompt {
	if v, ok := sh.drafts[draft]; ok {
		value = v
	}
	pr := newReasonPrompt(sh.c, sh.keys.Prompt, title, lines, value, submit)
	pr.key = draft
	sh.modal = pr
	return pr
}

// handle submits the text (the write runs in its turn; the prompt waits
// for it), or keeps it as a draft when the prompt is cancelled.
func (r *reasonPrompt) handle(sh *meetingShared, msg tea.Msg) tea.Cmd {
	res, cmd := r.Update(msg)
	switch res {
	case components.DialogYes:
		text := r.Value()
		r.Err = ""
		r.waiting = true
		run, id := sh.jobs.enqueue(func() tea.Cmd { return r.submit(text) })
		r.job = id
		return run
	case components.DialogNo:
		if v := r.text; strings.TrimSpace(v) != "" {
			sh.drafts[r.key] = v
		}
		sh.modal = nil
	}
	return cmd
}

// settle closes the prompt waiting for job id when the job succeeded, or
// shows why it failed (in the prompt, keeping the text, or on the status
// line).
func (sh *meetingShared) settle(id int, err error) {
	if pr, ok := sh.modal.(*reasonPrompt); ok && pr.waiting && pr.job == id {
		pr.waiting = false
		if err != nil {
			pr.Err = sh.c.Msg(err)
			return
		}
		delete(sh.drafts, pr.key)
		sh.modal = nil
		if pr.onDone != nil {
			pr.onDone()
		}
		return
	}
	if err != nil {
		sh.st.Set(sh.c.Msg(err), common.LevelError)
	}
}

// choose opens the ruling chooser; chosen goes on with the ruling picked.
// options are the rulings offered, proposed chosen first.
func (sh *meetingShared) choose(title string, lines []string, options []casefile.Status, proposed casefile.Status, verb func(casefile.Status) string,
	chosen func(casefile.Status) tea.Cmd) {
	hint := sh.c.T(lblMtgChooseKeys)
	if len(options) > 3 {
		hint = sh.c.T(lblMtgChooseKeysProjects)
	}
	ch := newChooser(sh.c, sh.keys.Prompt, title, lines, options, proposed, verb, hint)
	ch.chosen = chosen
	sh.modal = ch
}

// chooseProject opens the project chooser: "" is every project.
func (sh *meetingShared) chooseProject(title string, lines []string, codes []string, chosen func(string) tea.Cmd) {
	c := sh.c
	label := func(code string) string {
		if code == "" {
			return c.T(lblMtgAllProjects)
		}
		return code + " " + c.ProjectName(code)
	}
	ch := newChooser(c, sh.keys.Prompt, title, lines, append([]string{""}, codes...), "", label, c.Tf(lblMtgChooseProjectKeys, len(codes)+1))
	ch.chosen = chosen
	sh.modal = ch
}

// handle runs a key on the chooser; a paste does nothing.
func (ch *chooser[T]) handle(sh *meetingShared, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch ch.Update(k) {
	case components.DialogNo:
		sh.modal = nil
	case components.DialogYes:
		sh.modal = nil
		if ch.chosen != nil {
			return ch.chosen(ch.Chosen())
		}
	}
	return nil
}

// confirmBox is a yes/no question and what a yes does.
type confirmBox struct {
	*components.Dialog
	yes func() tea.Cmd
}

// confirm opens a yes/no question; its lines are wrapped the Chinese way
// first (the dialog's own wrap breaks only at spaces).
func (sh *meetingShared) confirm(title string, lines []string, yes func() tea.Cmd) {
	inner := max(min(sh.width-2, 72)-4, 10)
	var ls []string
	for _, l := range lines {
		ls = append(ls, components.Wrap(l, inner)...)
	}
	sh.modal = &confirmBox{Dialog: components.NewConfirm(sh.c, title, ls...), yes: yes}
}

// handle runs a key on the question; a paste does nothing.
func (cb *confirmBox) handle(sh *meetingShared, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	res, _ := cb.Update(k)
	switch res {
	case components.DialogYes:
		sh.modal = nil
		if cb.yes != nil {
			return cb.yes()
		}
	case components.DialogNo:
		sh.modal = nil
	}
	return nil
}

// modalHelp is a box's keys: the same in short and in full.
func modalHelp(m consoleModal) [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
