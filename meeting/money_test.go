package meeting_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// poorHousehold is an urban household of p and two children with 1750.00
// yuan of counted monthly wages: its dibao is 79000 × 3 − 175000 = 62000
// fen (620.00 yuan a month).
func (h *hall) poorHousehold(p casefile.Person) casefile.Household {
	hh := casefile.Household{Area: casefile.Urban, Members: []casefile.Member{
		{Person: p, Relation: casefile.RelationSelf, Incomes: []casefile.Income{{Kind: "wages", Monthly: 175000}}},
	}}
	for range 2 {
		hh.Members = append(hh.Members, casefile.Member{Person: h.gen.Person(1, 15), Relation: "子女"})
	}
	return hh
}

// readyCaseIn takes in p's application for codes with household hh and
// every document, adds the evidence the projects require (income checks
// as declared; medical bills of 20,000.00 yuan, 10,000.00 paid by
// insurance, 10,000.00 compliant out of pocket) and moves it to ready.
func (h *hall) readyCaseIn(p casefile.Person, hh casefile.Household, codes ...string) *casefile.Case {
	h.t.Helper()
	d := h.gen.DraftFor(p, codes, 0)
	d.Household = hh
	d.Documents = h.cat.RequiredDocuments(codes)
	return h.ready(d, func(k casefile.EvidenceKind, ev *casefile.Evidence) {
		if k == casefile.EvMedicalBill {
			ev.MedicalTotal, ev.InsurancePaid, ev.Compliant = 2000000, 1000000, 1000000
		}
	})
}

// dibaoAndMedical are a poor household's two ready cases: its dibao
// (MZ-01) and its medical aid (YB-01), whose share depends on the dibao.
func (h *hall) dibaoAndMedical() (dibao, medical *casefile.Case) {
	h.t.Helper()
	p := h.applicant()
	hh := h.poorHousehold(p)
	return h.readyCaseIn(p, hh, "MZ-01"), h.readyCaseIn(p, hh, "YB-01")
}

// An approval of a monthly and a one-off project keeps them apart: the
// dibao 62000 fen a month (79000 × 3 − 175000) and the freshman grant
// 300000 fen once; the code before this test noted 核定 3,620.01 元
// (62001 + 300000 fen, the dibao from a rounded per-capita figure).
func TestDecisionKeepsMonthlyAndOneOffApart(t *testing.T) {
	h, com := newMeeting(t, 5)
	p := h.applicant()
	c := h.readyCaseIn(p, h.poorHousehold(p), "MZ-01", "MZ-10")
	s := com.Sit()
	it := com.Approve(s, c)
	want := casefile.Amounts{Monthly: 62000, OneOff: 300000}
	if it.Decision.Amounts != want {
		t.Errorf("decision amounts %+v, want %+v", it.Decision.Amounts, want)
	}
	if got := want.Text(); got.ZH != "每月 620.00 元，一次性 3,000.00 元" || got.EN != "620.00 yuan a month, 3,000.00 yuan one-off" {
		t.Errorf("amounts text %q", got)
	}
	note := h.note(h.caseNow(c.Number), casefile.ActionDecision)
	if !strings.Contains(note.ZH, "核定每月 620.00 元，一次性 3,000.00 元") || strings.Contains(note.ZH, "3,620") ||
		!strings.Contains(note.EN, "granted 620.00 yuan a month, 3,000.00 yuan one-off") {
		t.Errorf("decision note %q", note)
	}
	sum := must(h.m.Summary(s.number))
	if sum.Amounts != want {
		t.Errorf("summary amounts %+v, want %+v", sum.Amounts, want)
	}
	for _, a := range sum.ByDepartment {
		if a.Key == "civil_affairs" && a.Amounts != want {
			t.Errorf("civil affairs amounts %+v, want %+v", a.Amounts, want)
		}
	}
}

// A dibao approval raises the household's medical-aid share from 50% to
// 70% at the next agenda: 10,000.00 yuan compliant out of pocket proposes
// share(1000000, 50) = 500000 fen before and share(1000000, 70) = 700000
// fen after, with a history note; the code before this test kept 500000.
func TestAgendaRecomputesProposalAfterDibaoApproval(t *testing.T) {
	h, com := newMeeting(t, 5)
	dibao, medical := h.dibaoAndMedical()
	if got := medical.App("YB-01").Proposed; got != 500000 {
		t.Fatalf("medical aid proposed at intake %s, want 5000.00", got)
	}

	s1 := com.SitOn(meeting.AgendaFilter{Project: "MZ-01"})
	com.Approve(s1, dibao)
	if _, err := s1.Close(false); err != nil {
		t.Fatal(err)
	}

	s2 := com.chair.Open()
	s2.Attend(com.voters()...)
	rep := s2.Agenda(meeting.AgendaFilter{})
	if len(rep.Reproposed) != 1 || rep.Reproposed[0] != medical.Number {
		t.Errorf("reproposed %v, want [%s]", rep.Reproposed, medical.Number)
	}
	it := s2.Item(medical)
	if got := it.Apps[0].Proposed; got != 700000 {
		t.Errorf("agenda proposes %s for the medical aid, want 7000.00", got)
	}
	if got := h.caseNow(medical.Number).App("YB-01").Proposed; got != 700000 {
		t.Errorf("case proposes %s, want 7000.00", got)
	}
	note := h.note(medical, casefile.ActionPropose)
	if !strings.Contains(note.ZH, "由 5,000.00 元调整为 7,000.00 元") || !strings.Contains(note.EN, "from 5,000.00 to 7,000.00 yuan") {
		t.Errorf("history note %q", note)
	}
	// Building again changes nothing more.
	if rep := s2.Agenda(meeting.AgendaFilter{}); len(rep.Reproposed) != 0 {
		t.Errorf("second build reproposed %v", rep.Reproposed)
	}
}

// Within one session the medical aid's item still shows 5,000.00 after
// the household's dibao is approved: granting it by default would pay a
// figure nobody proposed now (7,000.00), so the decision is refused until
// the agenda is built again, which recomputes it and clears the votes.
func TestDecideRefusesStaleProposal(t *testing.T) {
	h, com := newMeeting(t, 5)
	dibao, medical := h.dibaoAndMedical()
	s := com.Sit()
	com.Approve(s, dibao)
	allAgree(s, medical, com.voters()...)
	_, err := com.secretary.Decide(s, medical, meeting.Ruling{Result: casefile.StatusApproved})
	wantErr(t, "approve on a stale proposal", err, meeting.ErrProposalStale)

	rep := s.Agenda(meeting.AgendaFilter{})
	if len(rep.Revote) != 1 || rep.Revote[0] != medical.Number {
		t.Errorf("revote %v, want [%s]", rep.Revote, medical.Number)
	}
	it := com.Approve(s, medical)
	if it.Decision.Amounts != (casefile.Amounts{OneOff: 700000}) {
		t.Errorf("medical aid granted %+v, want one-off 7,000.00", it.Decision.Amounts)
	}
}

// An item stored before Decision.Amounts (only the mixed "granted" total)
// reads with its amounts derived from its granted applications.
func TestOldDecisionDerivesAmounts(t *testing.T) {
	old := `{"case_seq":1,"case":"2026-000001","applications":[
		{"project":"MZ-01","kind":"monthly","requested":"0.00","proposed":"620.01","outcome":"granted","granted":"620.01","start_month":"2026-12","months":12},
		{"project":"MZ-10","kind":"one_off","requested":"0.00","proposed":"3000.00","outcome":"granted","granted":"3000.00"}],
		"votes":[],"decision":{"result":"approved","proposed":"approved","tally":{},"granted":"3620.01"}}`
	var it meeting.Item
	if err := json.Unmarshal([]byte(old), &it); err != nil {
		t.Fatal(err)
	}
	if want := (casefile.Amounts{Monthly: 62001, OneOff: 300000}); it.Decision.Amounts != want {
		t.Errorf("derived amounts %+v, want %+v", it.Decision.Amounts, want)
	}
	b, _ := json.Marshal(&it)
	if strings.Contains(string(b), "3620") {
		t.Errorf("the item is written again with the mixed total: %s", b)
	}
	var again meeting.Item
	if err := json.Unmarshal(b, &again); err != nil || again.Decision.Amounts != it.Decision.Amounts {
		t.Errorf("round trip %+v (%v)", again.Decision, err)
	}
}
