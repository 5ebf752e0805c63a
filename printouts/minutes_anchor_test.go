package printouts

import (
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// A closed session's minutes print the journal's head as the close found
// it — record number and the first 16 hex digits of its hash — with the
// command that prints the record to compare; a session closed without
// one (before the head was recorded) prints no such line. (An open
// session's minutes are refused: TestMinutesRefusals.)
func TestMinutesAnchorTheJournal(t *testing.T) {
	p := testPrinter(t)
	s := closedSession()
	var h casefile.Head
	h.Seq = 4711
	for i := range h.Hash {
		h.Hash[i] = byte(0xa0 + i)
	}
	s.ClosedHead = &h
	_, text := printedText(t)(p.Minutes(s, nil, today))
	wantAll(t, "minutes", text,
		"纪要整理日期：2026年11月29日",
		"闭会时数据库日志：第 4711 条记录，哈希 a0a1a2a3a4a5a6a7（可用 hall audit record 4711 核对）")

	_, text = printedText(t)(p.Minutes(closedSession(), nil, today))
	wantNone(t, "minutes without a head", text, "闭会时数据库日志", "hall audit record")
}

// The journal-head line belongs to the signature block: it never stands
// alone on a page after the signatures. The committee is given one more
// voting member at a time, so that the signature table grows by a row
// (two lines) at a time and the date line under it moves down its page
// until the block is taller than a page; at some sizes the date line
// reaches the foot of the page with no room left for the head line. For
// every size the whole head line must be on the page of the date line,
// and on the page of the heading and the signatures when the block with
// the head line fits under the text before it. (Before the head line was
// kept with the block, it was split over two pages at one size and stood
// alone on the last page at another.)
func TestMinutesAnchorStaysWithSignatures(t *testing.T) {
	p := testPrinter(t)
	var h casefile.Head
	h.Seq = 4711
	const headStart, headEnd = "闭会时数据库日志", "hallauditrecord4711核对）"
	tight := 0 // sizes at which the head line had no room under the date line
	for extra := range 9 {
		s := closedSession()
		for i := range extra {
			m := meeting.Member{ID: uint64(100 + i), Name: "委员" + cnum(i+1), Department: "civil_affairs", Role: meeting.RoleMember}
			s.Members = append(s.Members, m)
			s.Present = append(s.Present, m.ID)
		}
		// Without the head line: where the block ends, whether it fits
		// on one page, and the room left under the date line.
		bare := printed(t)(p.Minutes(s, nil, today))
		bareWords := pdfWords(t, bare)
		onOnePage := wordPage(t, bareWords, "四、签字") == wordPage(t, bareWords, "纪要整理日期")
		below := linesBelow(t, bareWords, "纪要整理日期")
		if below < 2 { // the head line takes two
			tight++
		}

		s.ClosedHead = &h
		pages := strings.Split(pdfText(t, printed(t)(p.Minutes(s, nil, today))), "\f")
		pageOf := func(what string) int {
			for i, pg := range pages {
				if strings.Contains(flat(pg), what) {
					return i + 1
				}
			}
			return 0 // not on one page
		}
		signs, dated, head, headEnds := pageOf("四、签字"), pageOf("纪要整理日期"), pageOf(headStart), pageOf(headEnd)
		if head == 0 || head != headEnds || head != dated || onOnePage && below >= 2 && signs != dated {
			t.Errorf("%d more members: signatures from page %d, date line on %d, journal head on %d to %d; want one page",
				extra, signs, dated, head, headEnds)
		}
	}
	if tight == 0 {
		t.Error("no size put the signature block at the foot of a page: the test shows nothing")
	}
}

// wordPage is the page of the first word that starts with what.
func wordPage(t *testing.T, words []word, what string) int {
	t.Helper()
	for _, w := range words {
		if strings.HasPrefix(w.text, what) {
			return w.page
		}
	}
	t.Fatalf("no %q printed", what)
	return 0
}

// linesBelow is the number of body lines left on its page under the
// line that starts with what (pdftotext -bbox words).
func linesBelow(t *testing.T, words []word, what string) float64 {
	t.Helper()
	for _, w := range words {
		if strings.HasPrefix(w.text, what) {
			return (blockBottom - w.yMax) / linePitch
		}
	}
	t.Fatalf("no %q printed", what)
	return 0
}
