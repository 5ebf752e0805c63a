// Package rating is the applicant's rating screen (好差评) on the desk's
// terminal: the clerk turns the screen, the applicant presses one of five
// large keys (1 very dissatisfied … 5 very satisfied), may add a comment,
// and confirms; the screen thanks them without repeating the score, so
// that the clerk, when the screen is turned back, does not see it. The
// rating is stored through casefile/feedback (channel window).
//
// It shows no personal data: the case number only.
package rating

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// Store records a rating.
type Store interface {
	Rate(number string, score int, comment, who string) error
}

// NewStore records ratings in st.
func NewStore(st *casefile.Store) Store { return storeOf{st} }

type storeOf struct{ st *casefile.Store }

func (s storeOf) Rate(number string, score int, comment, who string) error {
	_, err := feedback.Rate(s.st, number, score, feedback.ChannelWindow, comment, who)
	return err
}

// state is where the screen stands.
type state int

const (
	asking     state = iota // the five keys
	commenting              // typing the optional comment
	thanked                 // stored: thanks, no score shown
)

// Model is the rating screen, a root model of its own.
type Model struct {
	c       *common.Common
	store   Store
	number  string
	state   state
	score   int
	comment textinput.Model
	err     error
	saving  bool // the rating is being stored
	early   bool // a key was pressed while it was: the clerk's, to finish
	// Rated reports, after the program ends, whether a rating was stored.
	Rated bool
}

// New builds the screen for case number, rated by the applicant at who's
// desk.
func New(c *common.Common, store Store, number string) *Model {
	in := textinput.New()
	in.CharLimit = 200
	in.SetWidth(40)
	return &Model{c: c, store: store, number: number, comment: in}
}

// Init asks nothing.
func (m *Model) Init() tea.Cmd { return nil }

// ratedMsg carries the store's answer.
type ratedMsg struct{ err error }

func (m *Model) save() tea.Cmd {
	store, number, score, comment, who := m.store, m.number, m.score, strings.TrimSpace(m.comment.Value()), m.c.User
	return func() tea.Msg { return ratedMsg{err: store.Rate(number, score, comment, who)} }
}

// Update handles keys and the store's answer.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.comment.SetWidth(min(60, max(10, msg.Width-12)))
	case ratedMsg:
		m.err, m.saving = msg.err, false
		if msg.err == nil {
			m.state, m.Rated = thanked, true
			if m.early {
				return m, tea.Quit
			}
		}
	case tea.PasteMsg:
		if m.state == commenting {
			var cmd tea.Cmd
			m.comment, cmd = m.comment.Update(components.CleanPaste(msg))
			return m, cmd
		}
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	if k == "ctrl+c" {
		return tea.Quit
	}
	if m.saving {
		m.early = true
		return nil
	}
	switch m.state {
	case thanked:
		return tea.Quit // any key: the clerk takes the screen back
	case commenting:
		switch k {
		case "enter", "esc":
			m.state = asking
			m.comment.Blur()
			return nil
		}
		var cmd tea.Cmd
		m.comment, cmd = m.comment.Update(msg)
		return cmd
	}
	switch {
	case len(k) == 1 && k[0] >= '1' && k[0] <= '5':
		m.score, m.err = int(k[0]-'0'), nil
	case k == "c" && m.score > 0:
		m.state = commenting
		return m.comment.Focus()
	case k == "enter" && m.score > 0:
		m.saving = true
		return m.save()
	case k == "esc":
		return tea.Quit // no rating
	}
	return nil
}

// digits are the five large digits, five rows each.
var digits = [5][5]string{
	{"  █  ", " ██  ", "  █  ", "  █  ", " ███ "},
	{" ███ ", "    █", " ███ ", "█    ", "█████"},
	{"████ ", "    █", " ███ ", "    █", "████ "},
	{"█   █", "█   █", "█████", "    █", "    █"},
	{"█████", "█    ", "████ ", "    █", "████ "},
}

// View draws the screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	return v
}

func (m *Model) render() string {
	c := m.c
	s := c.Styles
	w, h := c.Width, c.Height
	if w < 40 || h < 16 {
		return components.FitHeight(components.FitBlock([]string{c.T(lblTooSmall)}, w), h)
	}
	center := func(line string) string {
		pad := max(0, (w-components.AnsiWidth(line))/2)
		return strings.Repeat(" ", pad) + line
	}
	var lines []string
	if m.state == thanked {
		lines = append(lines, "", "", "", center(s.App.Title.Render(c.T(lblThanks))), "", center(c.T(lblTurnBack)), "",
			center(s.App.Muted.Render(c.T(lblAnyKey))))
		return components.FitHeight(components.FitBlock(lines, w), h)
	}
	lines = append(lines, "", center(s.App.Title.Render(c.T(lblAsk))), center(s.App.Muted.Render(c.Tf(lblCase, m.number))), "")
	boxW := min(21, (w-4)/5-1)
	var boxes []string
	for i := range 5 {
		body := make([]string, 5)
		for r := range 5 {
			body[r] = digits[i][r]
		}
		label := c.T(scoreLabels[i])
		st := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Width(boxW).Align(lipgloss.Center).BorderForeground(s.Theme.Subtle)
		if m.score == i+1 {
			// the chosen key shows without colour too: a double border
			st = st.Border(lipgloss.DoubleBorder()).BorderForeground(s.Theme.Accent).Foreground(s.Theme.Accent).Bold(true)
		}
		boxes = append(boxes, st.Render(strings.Join(body, "\n")+"\n\n"+components.Truncate(label, boxW-2)))
	}
	row := lipgloss.JoinHorizontal(lipgloss.Top, boxes...)
	for _, l := range strings.Split(row, "\n") {
		lines = append(lines, center(l))
	}
	lines = append(lines, "")
	switch {
	case m.state == commenting:
		lines = append(lines, center(c.T(lblComment)), center("["+m.comment.View()+"]"), center(s.App.Muted.Render(c.T(lblCommentDone))))
	case m.score > 0:
		if note := strings.TrimSpace(m.comment.Value()); note != "" {
			lines = append(lines, center(s.App.Muted.Render(c.Tf(lblCommentIs, components.Truncate(note, w-20)))))
		}
		lines = append(lines, center(c.T(lblConfirm)))
	default:
		lines = append(lines, center(c.T(lblPress)))
	}
	if m.err != nil {
		lines = append(lines, "", center(s.App.StatusError.Render(c.Msg(m.err))))
	}
	return components.FitHeight(components.FitBlock(lines, w), h)
}

// Labels of the screen.
var (
	scoreLabels = [5]casefile.Text{
		{ZH: "很不满意", EN: "very poor"}, {ZH: "不满意", EN: "poor"}, {ZH: "一般", EN: "fair"},
		{ZH: "满意", EN: "good"}, {ZH: "很满意", EN: "very good"},
	}
	lblAsk         = casefile.Text{ZH: "请您对本次服务作出评价", EN: "Please rate our service today"}
	lblCase        = casefile.Text{ZH: "案件 %s", EN: "case %s"}
	lblPress       = casefile.Text{ZH: "请按数字键 1–5 选择", EN: "press a number from 1 to 5"}
	lblConfirm     = casefile.Text{ZH: "按回车确认；按 c 填写意见（可选）；可重新选择", EN: "press enter to confirm; c to add a comment (optional); you may choose again"}
	lblComment     = casefile.Text{ZH: "您的意见（可选）：", EN: "your comment (optional):"}
	lblCommentDone = casefile.Text{ZH: "填好后按回车", EN: "press enter when done"}
	lblCommentIs   = casefile.Text{ZH: "意见：%s", EN: "comment: %s"}
	lblThanks      = casefile.Text{ZH: "感谢您的评价！", EN: "Thank you for your rating!"}
	lblTurnBack    = casefile.Text{ZH: "请将屏幕转回窗口工作人员。", EN: "Please turn the screen back to the clerk."}
	lblAnyKey      = casefile.Text{ZH: "工作人员按任意键结束", EN: "the clerk presses any key to finish"}
	lblTooSmall    = casefile.Text{ZH: "窗口太小", EN: "window too small"}
)

// Run shows the screen for case number until the rating is stored or the
// clerk leaves it, and reports whether a rating was stored.
func Run(store Store, cat *casefile.Catalog, lang casefile.Lang, user, number string, opts ...tea.ProgramOption) (bool, error) {
	c := common.New(cat, lang, user, nil)
	c.Width, c.Height = 80, 24 // until the terminal says its size (none when it is not one)
	m := New(c, store, number)
	_, err := tea.NewProgram(m, opts...).Run()
	return m.Rated, err
}
