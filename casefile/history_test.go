package casefile

import (
	"strings"
	"testing"
)

func TestHistoryNotes(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	c := &Case{Channel: ChannelWindow, Apps: []Application{{Project: p.Code}}}
	in := cat.IntakeNote(c)
	if want := (Text{ZH: "窗口受理；申请 " + p.Name, EN: "window; applies for " + p.Label(EN)}); in != want {
		t.Errorf("IntakeNote = %+v, want %+v", in, want)
	}
	ev := cat.EvidenceNote(Evidence{Kind: EvHomeVisit, Department: cat.Departments[0].Key, Date: Date{2026, 11, 2}})
	if !strings.HasPrefix(ev.ZH, "入户调查，"+cat.Departments[0].Name) || !strings.HasPrefix(ev.EN, "home visit, "+cat.Departments[0].Label(EN)) {
		t.Errorf("EvidenceNote = %+v", ev)
	}
	d := cat.DedupNote([]DedupChange{{Project: p.Code, Mark: &DedupMark{Keep: true}},
		{Project: "XX-99", Mark: &DedupMark{Reason: "旧理由"}}, {Project: p.Code}})
	if want := (Text{ZH: p.Name + "：保留；XX-99：旧理由；" + p.Name + "：不再重复",
		EN: p.Label(EN) + ": kept; XX-99: declined: 旧理由; " + p.Label(EN) + ": no longer a duplicate"}); d != want {
		t.Errorf("DedupNote = %+v, want %+v", d, want)
	}
	// An entry stored before notes were bilingual shows its Why on both sides.
	if got := (HistoryEntry{Why: "旧"}).Text(); got != (Text{ZH: "旧", EN: "旧"}) {
		t.Errorf("old entry Text() = %+v", got)
	}
	if got := (HistoryEntry{Why: "x", Note: in}).Text(); got != in {
		t.Errorf("Text() = %+v, want the note", got)
	}
}
