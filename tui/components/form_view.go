package components

// How a form draws its rows.

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/rongjiuzhu/hall/tui/common"
)

func multiOption(on bool, label string) string {
	if on {
		return "[x]" + label
	}
	return "[ ]" + label
}

// View renders the visible rows, exactly height lines of width cells.
func (f *Form) View() string {
	lines := make([]string, 0, f.height)
	for i := f.offset; i < len(f.fields) && len(lines) < f.height; i++ {
		lines = append(lines, f.renderRow(i))
	}
	for len(lines) < f.height {
		lines = append(lines, "")
	}
	return FitBlock(lines, f.width)
}

func (f *Form) renderRow(i int) string {
	st := f.c.Styles.Form
	fd := &f.fields[i]
	focused := i == f.focus
	marker := "  "
	if focused {
		marker = st.Marker.Render("> ")
	}
	indent := strings.Repeat(" ", fd.Indent)
	lw := f.labelWidth()
	label := func() string {
		s := st.Label
		if focused {
			s = st.LabelFocused
		}
		return s.Render(PadRight(Truncate(fd.Label, lw), lw)) + " "
	}
	var b strings.Builder
	switch fd.Kind {
	case FieldSection:
		b.WriteString(st.Section.Render(fd.Label))
		return b.String()
	case FieldInfo:
		b.WriteString("  " + indent + LevelStyle(f.c.Styles, fd.Level).Render(fd.Label))
		return b.String()
	case FieldText:
		b.WriteString(marker + indent + label())
		w := f.textWidth(fd)
		var box string
		switch {
		case focused && f.selected:
			v := Truncate(fd.value(), w)
			box = st.Selection.Render(v) + strings.Repeat(" ", max(w-lipgloss.Width(v), 0))
		case focused:
			box = FitWidth(f.editor.View(), w)
		default:
			box = st.Value.Render(PadRight(Truncate(fd.value(), w), w))
		}
		b.WriteString("[" + box + "]")
	case FieldChoice:
		b.WriteString(marker + indent + label())
		cur := fd.value()
		name := cur
		for _, o := range fd.Options {
			if o.Value == cur {
				name = o.Label
			}
		}
		if focused {
			b.WriteString("< " + st.OptionActive.Render(name) + " >")
			if q, n := f.FilterQuery(); q != "" {
				b.WriteString("  " + st.Hint.Render(f.c.Tf(lblFormFilter, q, n)))
			}
		} else {
			b.WriteString("  " + st.Value.Render(name) + "  ")
		}
	case FieldCheck:
		box := "[ ] "
		if fd.value() != "" {
			box = "[x] "
		}
		b.WriteString(marker + indent + box + st.Value.Render(fd.Label))
	case FieldMulti:
		b.WriteString(marker + indent + label())
		set := multiValues(fd.value())
		for j, o := range fd.Options {
			s := multiOption(set[o.Value], o.Label)
			if focused && j == f.sub {
				s = st.OptionActive.Render(s)
			}
			b.WriteString(s + " ")
		}
	case FieldButton:
		b.WriteString(marker + indent + st.Button.Render("[ "+fd.Label+" ]"))
	}
	if fd.Hint != nil {
		if h, lv := fd.Hint(); h != "" {
			b.WriteString("  " + LevelStyle(f.c.Styles, lv).Render(h))
		}
	}
	return b.String()
}

// LevelStyle is the style text of level lv is drawn in.
func LevelStyle(s *common.Styles, lv common.Level) lipgloss.Style {
	switch lv {
	case common.LevelMuted:
		return s.Form.Hint
	case common.LevelOK:
		return s.Form.HintOK
	case common.LevelWarn:
		return s.App.StatusWarn
	case common.LevelError:
		return s.Form.HintError
	}
	return s.Form.Info
}
