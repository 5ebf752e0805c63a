package reports

// The discovery list (政策找人): households that qualify for aid they
// neither hold nor applied for, one row per household and project; a
// turns the selected one into an outreach application.

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/discover"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// DiscoverStore is what the discovery list asks of the case file.
type DiscoverStore interface {
	// Discover runs the discovery for day today (every project when
	// project is "").
	Discover(project string, today casefile.Date) ([]discover.Finding, error)
	// Apply makes the outreach application of the household of case
	// number for project.
	Apply(number, project, who string) (*casefile.Case, error)
}

func (s storeOf) Discover(project string, today casefile.Date) ([]discover.Finding, error) {
	return discover.RunStore(s.st, discover.Options{Project: project, Today: today})
}

func (s storeOf) Apply(number, project, who string) (*casefile.Case, error) {
	return discover.Apply(s.st, number, project, who)
}

// discoverKeys are the list's keys.
type discoverKeys struct {
	Up, Down, Filter, Apply key.Binding
}

// discoverView is the discovery list.
type discoverView struct {
	c       *common.Common
	store   DiscoverStore
	keys    discoverKeys
	all     []discover.Finding
	shown   []discover.Finding
	project string // the filter: "" every project
	loaded  bool
	sig     int
	cursor  int
	top     int
	st      *common.StatusLine
}

func newDiscoverView(c *common.Common, store DiscoverStore, st *common.StatusLine) *discoverView {
	b := c.Bind
	return &discoverView{c: c, store: store, st: st, keys: discoverKeys{
		Up:     b("up/down", lblKeyMove, "up", "k"),
		Down:   b("down", lblKeyMove, "down", "j"),
		Filter: b("f", lblKeyFilter, "f"),
		Apply:  b("a", lblKeyApply, "a"),
	}}
}

// foundMsg carries the discovery's findings.
type foundMsg struct {
	sig int
	fs  []discover.Finding
	err error
}

// appliedMsg carries the outreach application made.
type appliedMsg struct {
	c   *casefile.Case
	err error
}

func (v *discoverView) load() tea.Cmd {
	v.sig++
	sig, store, today := v.sig, v.store, v.c.Today()
	return func() tea.Msg {
		fs, err := store.Discover("", today)
		return foundMsg{sig: sig, fs: fs, err: err}
	}
}

func (v *discoverView) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case foundMsg:
		if msg.sig != v.sig {
			return nil
		}
		v.loaded = true
		if msg.err != nil {
			v.st.Set(v.c.Tf(lblErrLoad, v.c.Msg(msg.err)), common.LevelError)
			return nil
		}
		v.all = msg.fs
		v.filter()
	case appliedMsg:
		if msg.err != nil {
			v.st.Set(v.c.Msg(msg.err), common.LevelError)
			return nil
		}
		v.st.Set(v.c.Tf(lblApplied, msg.c.Number, msg.c.Applicant.Name, v.c.ProjectName(msg.c.Apps[0].Project)), common.LevelOK)
		return v.load()
	case tea.KeyPressMsg:
		k := v.keys
		switch {
		case key.Matches(msg, k.Up):
			v.step(-1)
		case key.Matches(msg, k.Down):
			v.step(1)
		case key.Matches(msg, k.Filter):
			v.nextProject()
		case key.Matches(msg, k.Apply):
			return v.apply()
		}
	}
	return nil
}

func (v *discoverView) step(d int) {
	if n := len(v.shown); n > 0 {
		v.cursor = (v.cursor + d + n) % n
	}
}

// nextProject moves the filter to the next project with findings (after
// the last, every project again).
func (v *discoverView) nextProject() {
	var codes []string
	for _, f := range v.all {
		if len(codes) == 0 || codes[len(codes)-1] != f.Project {
			codes = append(codes, f.Project)
		}
	}
	next := ""
	for i, c := range codes {
		if v.project == "" {
			next = c
			break
		}
		if c == v.project && i+1 < len(codes) {
			next = codes[i+1]
			break
		}
	}
	v.project = next
	v.filter()
}

func (v *discoverView) filter() {
	v.shown = v.shown[:0]
	for _, f := range v.all {
		if v.project == "" || f.Project == v.project {
			v.shown = append(v.shown, f)
		}
	}
	v.cursor = min(v.cursor, max(len(v.shown)-1, 0))
}

func (v *discoverView) apply() tea.Cmd {
	if !v.c.Can(casefile.PermIntake) {
		v.st.Set(v.c.Forbidden(), common.LevelError)
		return nil
	}
	if v.cursor >= len(v.shown) {
		return nil
	}
	f := v.shown[v.cursor]
	store, who := v.store, v.c.User
	return func() tea.Msg {
		c, err := store.Apply(f.Case, f.Project, who)
		return appliedMsg{c: c, err: err}
	}
}

// households counts the households among fs.
func households(fs []discover.Finding) int {
	seen := map[uint64]bool{}
	for _, f := range fs {
		seen[f.PersonID] = true
	}
	return len(seen)
}

func (v *discoverView) view(w, h int) string {
	c := v.c
	s := c.Styles
	filter := c.T(lblAllProjects)
	if v.project != "" {
		filter = v.project + " " + c.ProjectName(v.project)
	}
	lines := []string{
		s.App.Title.Render(c.Tf(lblFoundTitle, households(v.shown), len(v.shown))),
		s.App.Muted.Render(c.Tf(lblFoundFilter, filter)),
	}
	if !v.loaded {
		lines = append(lines, "", c.T(lblLoading))
		return components.FitHeight(components.FitBlock(lines, w), h)
	}
	if len(v.shown) == 0 {
		lines = append(lines, "", c.T(lblNoneFound))
		return components.FitHeight(components.FitBlock(lines, w), h)
	}
	cols := []int{8, 19, 6, 9, 9, 15, 11} // 78 cells with the margin
	if w >= 100 {
		cols = []int{10, 20, 30, 12, 10, 16, 12}
	}
	heads := []casefile.Text{{ZH: "户主", EN: "applicant"}, {ZH: "身份证号", EN: "ID number"}, {ZH: "项目", EN: "project"},
		{ZH: "人均月收入", EN: "per head"}, {ZH: "标准", EN: "line"}, {ZH: "拟定金额", EN: "proposed"}, {ZH: "材料日期", EN: "data date"}}
	if w < 100 {
		heads[0], heads[2] = casefile.Text{ZH: "户主", EN: "name"}, casefile.Text{ZH: "项目", EN: "code"}
		heads[3] = casefile.Text{ZH: "人均", EN: "per head"}
	}
	row := func(cells []string) string {
		out := " "
		for i, cl := range cells {
			if i >= 3 && i <= 5 {
				out += components.PadLeft(components.Truncate(cl, cols[i]-1), cols[i]-1) + " "
			} else {
				out += components.FitWidth(cl, cols[i])
			}
		}
		return out
	}
	var head []string
	for _, hd := range heads {
		head = append(head, c.T(hd))
	}
	lines = append(lines, s.Table.Header.Render(components.FitWidth(row(head), w)))
	detail := v.detail(v.shown[v.cursor], w)
	room := max(h-len(lines)-len(detail)-1, 1)
	v.top = scroll(v.cursor, v.top, room, len(v.shown))
	for i := v.top; i < len(v.shown) && i < v.top+room; i++ {
		f := v.shown[i]
		proj := f.Project
		if w >= 100 {
			proj += " " + c.ProjectName(f.Project)
		}
		line := "-"
		if f.Threshold != 0 {
			line = f.Threshold.Grouped()
		}
		st := s.Table.Cell
		if f.Refused != nil {
			st = s.Table.Warn
		}
		if i == v.cursor {
			st = s.Table.Selected
		}
		lines = append(lines, st.Render(components.FitWidth(row([]string{f.Name, f.MaskedID, proj, f.PerCapita.Grouped(), line,
			v.proposed(f), f.DataDate.String()}), w)))
	}
	lines = append(lines, "")
	lines = append(lines, detail...)
	return components.FitHeight(components.FitBlock(lines, w), h)
}

// proposed is a finding's amount with how it pays.
func (v *discoverView) proposed(f discover.Finding) string {
	switch {
	case f.Proposed == 0:
		return "-"
	case f.Kind == casefile.KindMonthly:
		return v.c.Tf(lblMonthly, f.Proposed.Grouped())
	}
	return v.c.Tf(lblOneOff, f.Proposed.Grouped())
}

// detail says where the selected finding's figures come from.
func (v *discoverView) detail(f discover.Finding, w int) []string {
	c := v.c
	src := lblDeclared
	if f.Verified {
		src = lblVerified
	}
	one := c.Tf(lblFoundDetail, f.Case, f.Township, f.Village, f.Members, c.T(src), f.PerCapita.Grouped(), f.DataDate.String(),
		strconv.Itoa(f.AgeDays), c.DeptName(f.Department))
	var out []string
	for _, l := range components.Wrap(one, w-2) {
		out = append(out, " "+c.Styles.App.Muted.Render(l))
	}
	if f.Refused != nil {
		ref := c.Tf(lblFoundRefused, f.Refused.Date.String(), f.Refused.Case, f.Refused.Reason)
		for _, l := range components.Wrap(ref, w-2) {
			out = append(out, " "+c.Styles.App.StatusWarn.Render(l))
		}
	}
	return out
}
