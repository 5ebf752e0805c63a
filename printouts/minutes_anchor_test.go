package printouts

import (
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
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
