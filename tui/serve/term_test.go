package serve

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// screenOf plays the bytes a program wrote to a terminal of w×h cells and
// returns the text on the screen, one line per row, without colours.
//
// Bubble Tea redraws only the cells that changed, so a counter going from
// 1 to 2 is one digit written at a cursor position: the stream with the
// escapes stripped does not show it, the screen does. This plays what the
// renderer sends (cursor addressing and movement, erasing, inserting and
// deleting characters and lines, scrolling within margins, repeating a
// character); colours, modes and titles are skipped.
func screenOf(out []byte, w, h int) []string {
	t := &vt{w: w, h: h, bot: h - 1}
	t.cells = make([][]string, h)
	for i := range t.cells {
		t.cells[i] = t.blank()
	}
	p := ansi.NewParser()
	var state byte
	for len(out) > 0 {
		seq, width, n, next := ansi.DecodeSequence(out, state, p)
		state, out = next, out[n:]
		switch {
		case width > 0:
			t.print(string(seq), width)
		case len(seq) == 1:
			t.control(seq[0])
		case ansi.HasCsiPrefix(seq):
			t.csi(ansi.Cmd(p.Command()), p.Params())
		case len(seq) == 2 && seq[0] == ansi.ESC:
			t.esc(seq[1])
		}
	}
	lines := make([]string, h)
	for i, row := range t.cells {
		lines[i] = strings.TrimRight(strings.Join(row, ""), " ")
	}
	return lines
}

// vt is the screen screenOf plays on.
type vt struct {
	w, h     int
	cells    [][]string // "" is the right half of a wide character
	x, y     int
	top, bot int // scrolling margins
	last     string
}

func (t *vt) blank() []string {
	row := make([]string, t.w)
	for i := range row {
		row[i] = " "
	}
	return row
}

func (t *vt) clamp() { t.x, t.y = max(0, min(t.x, t.w-1)), max(0, min(t.y, t.h-1)) }

func (t *vt) print(g string, width int) {
	if t.x+width <= t.w {
		t.cells[t.y][t.x] = g
		for i := 1; i < width; i++ {
			t.cells[t.y][t.x+i] = ""
		}
	}
	t.x = min(t.x+width, t.w-1)
	t.last = g
}

func (t *vt) control(b byte) {
	switch b {
	case '\r':
		t.x = 0
	case '\n':
		t.lineFeed()
	case '\b':
		t.x = max(t.x-1, 0)
	case '\t':
		t.x = min((t.x/8+1)*8, t.w-1)
	}
}

func (t *vt) esc(b byte) {
	switch b {
	case 'D':
		t.lineFeed()
	case 'E':
		t.x = 0
		t.lineFeed()
	case 'M':
		if t.y == t.top {
			t.scrollDown(1)
		} else {
			t.y = max(t.y-1, 0)
		}
	}
}

func (t *vt) lineFeed() {
	if t.y == t.bot {
		t.scrollUp(1)
		return
	}
	t.y = min(t.y+1, t.h-1)
}

// scrollUp moves the lines between the margins up by n.
func (t *vt) scrollUp(n int) { t.deleteLines(t.top, n) }

// scrollDown moves the lines between the margins down by n.
func (t *vt) scrollDown(n int) { t.insertLines(t.top, n) }

func (t *vt) deleteLines(at, n int) {
	for range n {
		copy(t.cells[at:t.bot+1], t.cells[at+1:t.bot+1])
		t.cells[t.bot] = t.blank()
	}
}

func (t *vt) insertLines(at, n int) {
	for range n {
		copy(t.cells[at+1:t.bot+1], t.cells[at:t.bot])
		t.cells[at] = t.blank()
	}
}

func (t *vt) erase(row, from, to int) {
	for i := max(from, 0); i < min(to, t.w); i++ {
		t.cells[row][i] = " "
	}
}

func (t *vt) csi(cmd ansi.Cmd, params ansi.Params) {
	if cmd.Prefix() != 0 || cmd.Intermediate() != 0 {
		return // modes and queries
	}
	arg := func(i, def int) int {
		v, _, _ := params.Param(i, def)
		if v == 0 && def == 1 {
			return 1
		}
		return v
	}
	row := t.cells[t.y]
	switch cmd.Final() {
	case 'H', 'f':
		t.y, t.x = arg(0, 1)-1, arg(1, 1)-1
	case 'd':
		t.y = arg(0, 1) - 1
	case 'G', '`':
		t.x = arg(0, 1) - 1
	case 'A':
		t.y -= arg(0, 1)
	case 'B':
		t.y += arg(0, 1)
	case 'C':
		t.x += arg(0, 1)
	case 'D':
		t.x -= arg(0, 1)
	case 'E':
		t.x, t.y = 0, t.y+arg(0, 1)
	case 'F':
		t.x, t.y = 0, t.y-arg(0, 1)
	case 'X':
		t.erase(t.y, t.x, t.x+arg(0, 1))
	case 'K':
		switch arg(0, 0) {
		case 0:
			t.erase(t.y, t.x, t.w)
		case 1:
			t.erase(t.y, 0, t.x+1)
		case 2:
			t.erase(t.y, 0, t.w)
		}
	case 'J':
		from, to := 0, t.h
		switch arg(0, 0) {
		case 0:
			t.erase(t.y, t.x, t.w)
			from = t.y + 1
		case 1:
			t.erase(t.y, 0, t.x+1)
			to = t.y
		}
		for r := from; r < to; r++ {
			t.cells[r] = t.blank()
		}
	case '@': // insert blank characters
		n := min(arg(0, 1), t.w-t.x)
		copy(row[t.x+n:], row[t.x:t.w-n])
		t.erase(t.y, t.x, t.x+n)
	case 'P': // delete characters
		n := min(arg(0, 1), t.w-t.x)
		copy(row[t.x:], row[t.x+n:])
		t.erase(t.y, t.w-n, t.w)
	case 'b': // repeat the last character
		for range arg(0, 1) {
			t.print(t.last, max(ansi.StringWidth(t.last), 1))
		}
	case 'L':
		if t.y >= t.top && t.y <= t.bot {
			t.insertLines(t.y, arg(0, 1))
		}
	case 'M':
		if t.y >= t.top && t.y <= t.bot {
			t.deleteLines(t.y, arg(0, 1))
		}
	case 'S':
		t.scrollUp(arg(0, 1))
	case 'T':
		t.scrollDown(arg(0, 1))
	case 'r':
		t.top, t.bot = arg(0, 1)-1, arg(1, t.h)-1
		t.x, t.y = 0, 0
	}
	t.clamp()
}
