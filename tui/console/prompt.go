package console

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// reasonPrompt asks for a written reason (a vote's, a recusal's, a
// rejection's, a deferral's, the chair's final word). Long texts wrap in a
// text area, so a default wording can be read whole and edited. The
// prompt does not judge the text: the domain does, and when it refuses
// (an empty reason: ErrReasonRequired) the prompt stays open with the
// message and everything typed.
type reasonPrompt struct {
	c     *common.Common
	k     promptKeys
	title string
	lines []string
	area  textarea.Model
	// key names the draft the text is kept under when the prompt is
	// cancelled, so reopening it brings the text back.
	key draftKey
	// submit builds the write from the text.
	submit func(text string) tea.Cmd
	// Err is the domain's refusal, shown under the text.
	Err string
	// waiting is set while the write runs (job); the prompt closes when
	// it succeeds.
	waiting bool
	job     int
	// onDone runs when the write succeeded.
	onDone func()
}

func newReasonPrompt(c *common.Common, k promptKeys, title string, lines []string, value string, submit func(string) tea.Cmd) *reasonPrompt {
	ta := textarea.New()
	ta.Prompt = ""
	ta.ShowLineNumbers = false
	ta.CharLimit = 2000
	ta.DynamicHeight = true // grows with the text, up to MaxHeight rows
	ta.MinHeight = 1
	ta.MaxHeight = 8
	ta.KeyMap.InsertNewline = key.NewBinding(key.WithDisabled()) // enter submits
	ta.KeyMap.Paste = key.NewBinding(key.WithDisabled())         // bracketed paste instead
	st := textarea.DefaultStyles(c.IsDark)
	st.Cursor.Blink = false
	st.Cursor.Color = c.Styles.Theme.Accent
	st.Focused.CursorLine = lipgloss.NewStyle()
	ta.SetStyles(st)
	ta.SetValue(value)
	ta.MoveToEnd()
	ta.Focus()
	return &reasonPrompt{c: c, k: k, title: title, lines: lines, area: ta, submit: submit}
}

// Value is the typed text, trimmed.
func (r *reasonPrompt) Value() string { return strings.TrimSpace(r.area.Value()) }

// Update runs a key or a paste on the prompt.
func (r *reasonPrompt) Update(msg tea.Msg) (components.DialogResult, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if r.waiting {
			return components.DialogOpen, nil // the answer is being stored
		}
		switch {
		case key.Matches(msg, r.k.Submit):
			return components.DialogYes, nil
		case key.Matches(msg, r.k.Cancel):
			return components.DialogNo, nil
		}
		var cmd tea.Cmd
		r.area, cmd = r.area.Update(msg)
		return components.DialogOpen, cmd
	case tea.PasteMsg:
		if r.waiting {
			return components.DialogOpen, nil
		}
		var cmd tea.Cmd
		r.area, cmd = r.area.Update(msg)
		return components.DialogOpen, cmd
	}
	return components.DialogOpen, nil
}

// View draws the prompt centred in w×h.
func (r *reasonPrompt) View(w, h int) string {
	c := r.c
	bw := min(w-2, 96)
	inner := bw - 4
	var body []string
	body = append(body, "")
	for _, l := range r.lines {
		body = append(body, components.Wrap(l, inner)...)
	}
	r.area.MaxHeight = max(min(h-2-len(body)-5, 8), 1) // room left by the keys, the error, blanks and the border
	r.area.SetWidth(inner)
	body = append(body, "")
	body = append(body, strings.Split(r.area.View(), "\n")...)
	if r.Err != "" {
		for _, l := range components.Wrap(r.Err, inner) {
			body = append(body, c.Styles.App.StatusError.Render(l))
		}
	}
	keys := c.T(common.LblDialogPromptKeys)
	if r.waiting {
		keys = c.T(lblMtgSaving)
	}
	body = append(body, "", c.Styles.App.Muted.Render(keys))
	if maxLines := max(h-2, 3); len(body) > maxLines {
		// drop context lines first: the text and the keys stay visible
		cut := len(body) - maxLines
		start := min(1+cut, len(body))
		body = append([]string{components.Ellipsis}, body[start:]...)
	}
	b := components.Box(c.Styles.Dialog.Box, c.Styles.Dialog.Title.Render(r.title), body, bw, len(body)+2)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, b)
}

// ShortHelp lists the prompt's keys.
func (r *reasonPrompt) ShortHelp() []key.Binding { return []key.Binding{r.k.Submit, r.k.Cancel} }

// FullHelp lists the prompt's keys.
func (r *reasonPrompt) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }

// rulingChooser offers approve, reject or defer, with the rules'
// proposal chosen first.
type rulingChooser struct {
	c       *common.Common
	k       promptKeys
	title   string
	lines   []string
	options []casefile.Status
	verb    func(casefile.Status) string
	sel     int
	spans   [][2]int // of the options, relative to the option row
	// chosen goes on with the ruling picked.
	chosen func(casefile.Status) tea.Cmd
}

func newRulingChooser(c *common.Common, k promptKeys, title string, lines []string, proposed casefile.Status, verb func(casefile.Status) string) *rulingChooser {
	ch := &rulingChooser{c: c, k: k, title: title, lines: lines, verb: verb,
		options: []casefile.Status{casefile.StatusApproved, casefile.StatusRejected, casefile.StatusDeferred}}
	for i, o := range ch.options {
		if o == proposed {
			ch.sel = i
		}
	}
	return ch
}

// Chosen is the ruling chosen.
func (ch *rulingChooser) Chosen() casefile.Status { return ch.options[ch.sel] }

// Update runs a key on the chooser.
func (ch *rulingChooser) Update(msg tea.KeyPressMsg) components.DialogResult {
	switch {
	case key.Matches(msg, ch.k.Submit):
		return components.DialogYes
	case key.Matches(msg, ch.k.Cancel):
		return components.DialogNo
	case key.Matches(msg, ch.k.Prev):
		ch.sel = (ch.sel + len(ch.options) - 1) % len(ch.options)
	case key.Matches(msg, ch.k.Next):
		ch.sel = (ch.sel + 1) % len(ch.options)
	case key.Matches(msg, ch.k.Pick):
		if i := int(msg.String()[0] - '1'); i >= 0 && i < len(ch.options) {
			ch.sel = i
			return components.DialogYes
		}
	}
	return components.DialogOpen
}

// View draws the chooser centred in w×h.
func (ch *rulingChooser) View(w, h int) string {
	c := ch.c
	bw := min(w-2, 80)
	inner := bw - 4
	body := []string{""}
	for _, l := range ch.lines {
		body = append(body, components.Wrap(l, inner)...)
	}
	var opts []string
	for i, o := range ch.options {
		opts = append(opts, string(rune('1'+i))+" "+ch.verb(o))
	}
	row, spans := components.Tabs(c.Styles, opts, ch.sel)
	ch.spans = spans
	body = append(body, "", row, "", c.Styles.App.Muted.Render(c.T(lblMtgChooseKeys)))
	if maxLines := max(h-2, 3); len(body) > maxLines {
		body = append([]string{components.Ellipsis}, body[len(body)-maxLines+1:]...)
	}
	b := components.Box(c.Styles.Dialog.Box, c.Styles.Dialog.Title.Render(ch.title), body, bw, len(body)+2)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, b)
}

// ShortHelp lists the chooser's keys.
func (ch *rulingChooser) ShortHelp() []key.Binding {
	return []key.Binding{ch.k.Choose, ch.k.Submit, ch.k.Cancel}
}

// FullHelp lists the chooser's keys.
func (ch *rulingChooser) FullHelp() [][]key.Binding { return [][]key.Binding{ch.ShortHelp()} }
