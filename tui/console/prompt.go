package console

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

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
	// area is a huh Text holding text: enter submits, letters are text.
	area *huh.Text
	text string
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
	// width and most are the text's width and most rows at the last
	// View: the area grows with the text, up to most rows.
	width, most int
}

// promptMaxRows is the most rows the text area grows to.
const promptMaxRows = 8

func newReasonPrompt(c *common.Common, k promptKeys, title string, lines []string, value string, submit func(string) tea.Cmd) *reasonPrompt {
	r := &reasonPrompt{c: c, k: k, title: title, lines: lines, text: value, submit: submit, width: 40, most: promptMaxRows}
	km := huh.NewDefaultKeyMap()
	km.Text.NewLine = key.NewBinding(key.WithDisabled()) // enter submits
	km.Text.Editor = key.NewBinding(key.WithDisabled())  // ctrl+e is "end of line"
	r.area = huh.NewText().CharLimit(2000).ExternalEditor(false)
	r.area.WithTheme(components.HuhTheme(c))
	r.area.WithKeyMap(km)
	r.area.WithWidth(r.width)
	r.area.Focus()
	r.area.Lines(r.most) // the default wording goes in unscrolled
	r.area.Value(&r.text)
	r.area.Lines(r.rows(r.width, r.most))
	return r
}

// Value is the typed text, trimmed.
func (r *reasonPrompt) Value() string { return strings.TrimSpace(r.text) }

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
		case components.IsFieldNav(msg):
			return components.DialogOpen, nil
		}
		r.edit(msg)
	case tea.PasteMsg:
		if !r.waiting {
			r.edit(msg)
		}
	}
	return components.DialogOpen, nil
}

// edit runs a key or paste on the text with the area at its tallest, so
// it scrolls only when the text outgrows it, then fits the area to the
// text. The area's commands are cursor blinks: the cursor stays steady.
func (r *reasonPrompt) edit(msg tea.Msg) {
	r.area.Lines(r.most)
	r.area.Update(msg)
	r.area.Lines(r.rows(r.width, r.most))
}

// rows is how many rows the text takes at width w (at least 1, at most
// max): the area grows with the text.
func (r *reasonPrompt) rows(w, most int) int {
	n := 0
	for _, par := range strings.Split(r.text, "\n") {
		n += max(1, (ansi.StringWidth(par)+w)/max(w, 1)) // +1 cell for the cursor at the end
	}
	return max(min(n, most), 1)
}

// View draws the prompt centred in w×h.
func (r *reasonPrompt) View(w, h int) string {
	c := r.c
	bw := max(min(w-2, 96), 8)
	inner := bw - 4
	var body []string
	body = append(body, "")
	for _, l := range r.lines {
		body = append(body, components.Wrap(l, inner)...)
	}
	most := max(min(h-2-len(body)-5, promptMaxRows), 1) // room left by the keys, the error, blanks and the border
	if inner != r.width || most != r.most {
		r.width, r.most = inner, most
		r.area.WithWidth(inner)
		r.area.Lines(r.rows(inner, most))
	}
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

// chooser offers a few options, one chosen first: a huh Select, moved
// with ←/→ (↑/↓, tab), 1–9 choosing and going on at once. The ruling
// chooser offers approve, reject or defer (and, when the projects' votes
// differ, per project as voted); the project chooser which project a
// member's differing vote is on.
type chooser[T comparable] struct {
	c       *common.Common
	k       promptKeys
	title   string
	lines   []string
	hint    string // the keys, under the options
	options []T
	sel     *huh.Select[T]
	value   T
	// chosen goes on with the option picked.
	chosen func(T) tea.Cmd
}

// rulingChooser is the chooser of a ruling.
type rulingChooser = chooser[casefile.Status]

func newChooser[T comparable](c *common.Common, k promptKeys, title string, lines []string, options []T, first T, label func(T) string, hint string) *chooser[T] {
	ch := &chooser[T]{c: c, k: k, title: title, lines: lines, value: first, options: options, hint: hint}
	var opts []huh.Option[T]
	for i, o := range ch.options {
		opts = append(opts, huh.NewOption(string(rune('1'+i))+" "+label(o), o))
	}
	ch.sel = huh.NewSelect[T]().Options(opts...).Value(&ch.value)
	ch.sel.WithTheme(components.HuhTheme(c))
	ch.sel.WithKeyMap(huh.NewDefaultKeyMap())
	ch.sel.Focus()
	return ch
}

// Chosen is the option chosen.
func (ch *chooser[T]) Chosen() T {
	if v, ok := ch.sel.Hovered(); ok {
		return v
	}
	return ch.value
}

// Update runs a key on the chooser. Only the chooser's own keys reach the
// select (as ↑/↓): huh's filter and page keys stay off.
func (ch *chooser[T]) Update(msg tea.KeyPressMsg) components.DialogResult {
	switch {
	case key.Matches(msg, ch.k.Submit):
		return components.DialogYes
	case key.Matches(msg, ch.k.Cancel):
		return components.DialogNo
	case key.Matches(msg, ch.k.Prev):
		ch.sel.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	case key.Matches(msg, ch.k.Next):
		ch.sel.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	case key.Matches(msg, ch.k.Pick):
		if i := int(msg.String()[0] - '1'); i >= 0 && i < len(ch.options) {
			ch.value = ch.options[i]
			ch.sel.Value(&ch.value)
			return components.DialogYes
		}
	}
	return components.DialogOpen
}

// View draws the chooser centred in w×h.
func (ch *chooser[T]) View(w, h int) string {
	c := ch.c
	bw := max(min(w-2, 80), 8)
	inner := bw - 4
	body := []string{""}
	for _, l := range ch.lines {
		body = append(body, components.Wrap(l, inner)...)
	}
	ch.sel.WithWidth(inner)
	body = append(body, "")
	body = append(body, strings.Split(ch.sel.View(), "\n")...)
	body = append(body, "")
	for _, l := range components.Wrap(ch.hint, inner) {
		body = append(body, c.Styles.App.Muted.Render(l))
	}
	if maxLines := max(h-2, 3); len(body) > maxLines {
		body = append([]string{components.Ellipsis}, body[len(body)-maxLines+1:]...)
	}
	b := components.Box(c.Styles.Dialog.Box, c.Styles.Dialog.Title.Render(ch.title), body, bw, len(body)+2)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, b)
}

// ShortHelp lists the chooser's keys.
func (ch *chooser[T]) ShortHelp() []key.Binding {
	return []key.Binding{ch.k.Choose, ch.k.Submit, ch.k.Cancel}
}

// FullHelp lists the chooser's keys.
func (ch *chooser[T]) FullHelp() [][]key.Binding { return [][]key.Binding{ch.ShortHelp()} }
