package meeting_test

import (
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// Two projects of one case: urban dibao (monthly) and emergency
// temporary aid (one-off).
const (
	dibao = "MZ-01"
	temp  = "MZ-05"
)

// twoProjects is a ready case for dibao and temporary aid, and a session
// with every voter of a committee of five present.
func twoProjects(t *testing.T) (*hall, *committee, *session, *casefile.Case) {
	t.Helper()
	h, com := newMeeting(t, 5)
	p := h.applicant()
	d := h.gen.DraftFor(p, []string{dibao, temp}, 5)
	d.Household.Area = casefile.Urban
	d.Documents = h.cat.RequiredDocuments([]string{dibao, temp})
	for i := range d.Apps {
		if d.Apps[i].Project == temp {
			d.Apps[i].Requested = casefile.Yuan(3000)
		}
	}
	c := h.ready(d, func(casefile.EvidenceKind, *casefile.Evidence) {})
	return h, com, com.Sit(), c
}

// splitVote has every voter agree to all, except the first three members,
// who agree to dibao and disagree to the temporary aid for why: 2 of 5
// agree to it, and the majority rule fails for it alone.
func splitVote(t *testing.T, com *committee, s *session, c *casefile.Case, why string) {
	t.Helper()
	for i, m := range com.voters() {
		b := meeting.Ballot{Case: c.Number, Member: m.ID, Choice: meeting.Agree}
		if i >= 1 && i <= 3 {
			b.Projects, b.Reason = map[string]meeting.Choice{temp: meeting.Disagree}, why
		}
		if _, err := s.h.m.Vote(s.number, b, secretaryUser); err != nil {
			t.Fatalf("%s votes: %v", m.Name, err)
		}
	}
}

// Item 13: one outcome per project. Members who differ on one project say
// so on that project; the rule decides each project on its own votes;
// one project is approved with its amount, the other refused with its
// reason, and the case is approved (something was granted) with a
// rejection notice reference for what was refused. Before per-project
// outcomes a case had one result: approving it granted both.
func TestDecisionPerProject(t *testing.T) {
	h, com, s, c := twoProjects(t)
	const why = "事故损失已由保险公司全额赔付"
	splitVote(t, com, s, c, why)

	tl := s.Tally(c)
	pd, pt := tl.Project(dibao), tl.Project(temp)
	if pd == nil || pt == nil {
		t.Fatalf("tally without per-project counts: %+v", tl)
	}
	if pd.Agree != 5 || pd.Proposed != casefile.StatusApproved || pt.Agree != 2 || pt.Disagree != 3 || pt.Proposed != casefile.StatusRejected {
		t.Fatalf("per-project tally: dibao %+v, temporary aid %+v", pd, pt)
	}
	if tl.Proposed != casefile.StatusApproved {
		t.Errorf("case proposal %s, want approved (something is granted)", tl.Proposed)
	}
	if !strings.Contains(pt.RejectWording.ZH, why) || strings.Contains(pt.RejectWording.ZH, "票") {
		t.Errorf("temporary aid wording %q: want the members' reason and no vote count", pt.RejectWording.ZH)
	}

	_, err := com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved})
	wantErr(t, "approve both against the vote on the temporary aid", err, meeting.ErrOverrideRequired)
	_, err = com.secretary.Decide(s, c, meeting.Ruling{Projects: map[string]meeting.ProjectRuling{dibao: {Result: casefile.StatusApproved}}})
	wantErr(t, "a project without a decision", err, casefile.ErrInvalid)
	_, err = com.secretary.Decide(s, c, meeting.Ruling{Projects: map[string]meeting.ProjectRuling{
		dibao: {Result: casefile.StatusApproved}, temp: {Result: casefile.StatusRejected}}})
	wantErr(t, "a refusal without a reason", err, meeting.ErrReasonRequired)

	it := must(com.secretary.Decide(s, c, meeting.Ruling{DefaultReason: true, Projects: map[string]meeting.ProjectRuling{
		dibao: {Result: casefile.StatusApproved}, temp: {Result: casefile.StatusRejected}}}))
	got := h.caseNow(c.Number)
	ad, at := got.App(dibao), got.App(temp)
	if got.Status != casefile.StatusApproved || ad.Outcome != casefile.OutcomeGranted || ad.Granted != c.App(dibao).Proposed ||
		at.Outcome != casefile.OutcomeDeclined || at.Granted != 0 || !strings.Contains(at.Reason, why) {
		t.Fatalf("case after the decision: %s, dibao %+v, temporary aid %+v", got.Status, ad, at)
	}
	if strings.Contains(at.Reason, "票") || strings.Contains(at.Why().EN, "agree") {
		t.Errorf("the refusal's reason carries a vote count: %q", at.Reason)
	}
	prefix := h.cat.County.ReferencePrefix
	if !strings.HasPrefix(got.Decision.Reference, prefix+"决") || !strings.HasPrefix(got.Decision.NoticeReference, prefix+"告") {
		t.Errorf("references %q and %q, want an approval's and a rejection notice's", got.Decision.Reference, got.Decision.NoticeReference)
	}
	dd, dt := it.Decision.Project(dibao), it.Decision.Project(temp)
	if dd == nil || dt == nil || dd.Result != casefile.StatusApproved || dd.Amount != ad.Granted ||
		dt.Result != casefile.StatusRejected || dt.Agree != 2 || dt.Disagree != 3 || dt.Why().ZH != at.Reason {
		t.Fatalf("session record: %+v", it.Decision.Projects)
	}
	if want := (casefile.Amounts{Monthly: ad.Granted}); it.Decision.Amounts != want {
		t.Errorf("granted %+v, want %+v: the refused aid is not granted", it.Decision.Amounts, want)
	}
	note := h.note(c, casefile.ActionDecision)
	if !strings.Contains(note.ZH, "「急难型临时救助」不予救助："+why) || !strings.Contains(note.ZH, "「城市最低生活保障」批准") {
		t.Errorf("history note %q does not give each project's outcome", note.ZH)
	}
	sum := must(h.m.Summary(s.number))
	if sum.Approved != 1 || sum.Amounts != (casefile.Amounts{Monthly: ad.Granted}) || sum.Projects != (meeting.ProjectCounts{Approved: 1, Rejected: 1}) {
		t.Errorf("summary %+v", sum)
	}
}

// A member's "agree to all" is one vote with no per-project choices;
// choosing otherwise on a project needs a reason, and the project must
// be the case's.
func TestVotePerProjectNeedsReason(t *testing.T) {
	h, com, s, c := twoProjects(t)
	m := com.members[0]
	b := meeting.Ballot{Case: c.Number, Member: m.ID, Choice: meeting.Agree, Projects: map[string]meeting.Choice{temp: meeting.Disagree}}
	_, err := h.m.Vote(s.number, b, secretaryUser)
	wantErr(t, "disagree on a project without a reason", err, meeting.ErrReasonRequired)
	b.Projects, b.Reason = map[string]meeting.Choice{"MZ-99": meeting.Disagree}, "不符"
	_, err = h.m.Vote(s.number, b, secretaryUser)
	wantErr(t, "a project the case does not apply for", err, casefile.ErrInvalid)
	b.Projects = map[string]meeting.Choice{temp: meeting.Agree} // the same as the whole: nothing kept
	must(h.m.Vote(s.number, b, secretaryUser))
	if v := s.Item(c).Vote(m.ID); v == nil || v.Split() || v.On(temp) != meeting.Agree {
		t.Fatalf("vote %+v", v)
	}
}

// Item 14: an amount other than the proposal needs a reason, kept on the
// decision and shown in the case history.
func TestChangedAmountNeedsReason(t *testing.T) {
	h, com, s, c := twoProjects(t)
	allAgree(s, c, com.voters()...)
	proposed := c.App(temp).Proposed
	lower := proposed - casefile.Yuan(370)
	_, err := com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved,
		Projects: map[string]meeting.ProjectRuling{temp: {Result: casefile.StatusApproved, Amount: lower, Set: true}}})
	wantErr(t, "a changed amount without a reason", err, meeting.ErrReasonRequired)
	if msg := casefile.Message(err, casefile.ZH); !strings.Contains(msg, lower.Grouped()) || !strings.Contains(msg, proposed.Grouped()) {
		t.Errorf("refusal %q does not name both amounts", msg)
	}
	const why = "民政局已先行救助 370 元"
	it := must(com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved,
		Projects: map[string]meeting.ProjectRuling{temp: {Result: casefile.StatusApproved, Amount: lower, Set: true, AmountReason: why}}}))
	d := it.Decision.Project(temp)
	if d.Amount != lower || d.ProposedAmount != proposed || d.AmountReason != why {
		t.Fatalf("decision of the temporary aid %+v", d)
	}
	if g := h.caseNow(c.Number).App(temp).Granted; g != lower {
		t.Errorf("granted %s, want %s", g, lower)
	}
	if note := h.note(c, casefile.ActionDecision); !strings.Contains(note.ZH, why) || !strings.Contains(note.ZH, proposed.Grouped()) {
		t.Errorf("history %q lacks the amount's reason", note.ZH)
	}
}

// Item 15: a rejection's reason is built when the decision is recorded,
// from the votes as they are then, and never holds a vote count. A
// wording drafted before the votes (as the console and scripts did, with
// "同意 0 票") is refused; DefaultReason builds it at the decision.
func TestRejectionReasonBuiltAtDecision(t *testing.T) {
	h, com, s, c := twoProjects(t)
	drafted := s.Tally(c).Project(temp).RejectWording // before anyone voted
	const why = "事故证明材料系伪造"
	for _, m := range com.voters() {
		m.Disagree(s, c, why)
	}
	_, err := com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusRejected,
		Reason: "经综合研判会研判，不予救助：条件不符。表决：同意 0 票，不同意 0 票，弃权 0 票。"})
	wantErr(t, "a reason with a vote count", err, casefile.ErrInvalid)
	it := must(com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusRejected, DefaultReason: true}))
	got := h.caseNow(c.Number)
	if got.Status != casefile.StatusRejected {
		t.Fatalf("status %s", got.Status)
	}
	for _, a := range got.Apps {
		if a.Reason == "" || strings.Contains(a.Reason, "票") {
			t.Errorf("%s: reason %q", a.Project, a.Reason)
		}
	}
	// The temporary aid has no finding against it: its reason is the
	// members', which a wording drafted before the votes could not hold.
	if r := got.App(temp).Reason; !strings.Contains(r, why) || strings.Contains(drafted.ZH, why) {
		t.Errorf("temporary aid: reason %q, drafted before the votes %q", r, drafted.ZH)
	}
	if !strings.Contains(got.Decision.Reason, why) || strings.Contains(got.Decision.Reason, "票") {
		t.Errorf("case reason %q", got.Decision.Reason)
	}
	if tl := it.Decision.Tally; tl.Disagree != 5 {
		t.Errorf("the minutes' tally %+v, want 5 disagree", tl)
	}
}

// A deferral of one project defers the case; the project decided with it
// stands, and the next session decides only the deferred one.
func TestDeferOneProject(t *testing.T) {
	h, com, s, c := twoProjects(t)
	splitVote(t, com, s, c, "事故证明材料不全")
	const doc = "事故或灾害证明材料"
	it := must(com.secretary.Decide(s, c, meeting.Ruling{Override: true, Reason: "先核实事故证明", Projects: map[string]meeting.ProjectRuling{
		dibao: {Result: casefile.StatusApproved}, temp: {Result: casefile.StatusDeferred, Verify: []string{doc}}}}))
	got := h.caseNow(c.Number)
	if it.Decision.Result != casefile.StatusDeferred || got.Status != casefile.StatusDeferred || got.App(dibao).Outcome != casefile.OutcomeGranted ||
		got.App(temp).Outcome != casefile.OutcomePending || len(got.Missing) != 1 || got.Missing[0] != doc {
		t.Fatalf("after the deferral: %s, %+v, missing %v", got.Status, got.Apps, got.Missing)
	}
	if _, err := s.Close(false); err != nil {
		t.Fatal(err)
	}
	granted := got.App(dibao).Granted
	if _, err := h.st.Move(got.Number, got.Version, casefile.StatusReady, desk, "已补齐"); err != nil {
		t.Fatal(err)
	}
	s2 := com.Sit()
	allAgree(s2, c, com.voters()...)
	tl := s2.Tally(c)
	if p := tl.Project(dibao); p.Stands != s.number || p.Proposed != "" || tl.Project(temp).Proposed != casefile.StatusApproved {
		t.Fatalf("second tally %+v", tl.Projects)
	}
	_, err := com.secretary.Decide(s2, c, meeting.Ruling{Projects: map[string]meeting.ProjectRuling{dibao: {Result: casefile.StatusRejected, Reason: "再议"}}})
	wantErr(t, "decide again what stands", err, casefile.ErrInvalid)
	it = must(com.secretary.Decide(s2, c, meeting.Ruling{Result: casefile.StatusApproved}))
	got = h.caseNow(c.Number)
	if got.Status != casefile.StatusApproved || got.App(dibao).Granted != granted || got.App(temp).Outcome != casefile.OutcomeGranted {
		t.Fatalf("after the second session: %s %+v", got.Status, got.Apps)
	}
	if d := it.Decision.Project(dibao); d.Stands != s.number {
		t.Errorf("dibao in the second decision %+v", d)
	}
	if want := (casefile.Amounts{OneOff: got.App(temp).Granted}); it.Decision.Amounts != want {
		t.Errorf("the second decision grants %+v, want %+v (dibao was granted by the first)", it.Decision.Amounts, want)
	}
	if sum := must(h.m.Summary(s2.number)); sum.Amounts != (casefile.Amounts{OneOff: got.App(temp).Granted}) || sum.Projects != (meeting.ProjectCounts{Approved: 1}) {
		t.Errorf("second summary %+v", sum)
	}
}

// The county's rule from the projects' results to the case's.
func TestCaseResult(t *testing.T) {
	A, R, D := casefile.StatusApproved, casefile.StatusRejected, casefile.StatusDeferred
	for _, c := range []struct {
		in   []casefile.Status
		want casefile.Status
	}{
		{nil, ""},
		{[]casefile.Status{A}, A},
		{[]casefile.Status{R}, R},
		{[]casefile.Status{D}, D},
		{[]casefile.Status{A, R}, A}, // something granted: approval letter and rejection notice
		{[]casefile.Status{R, R}, R},
		{[]casefile.Status{A, D}, D}, // part still open: the whole case waits
		{[]casefile.Status{R, D}, D},
	} {
		if got := meeting.CaseResult(c.in); got != c.want {
			t.Errorf("CaseResult(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A project the votes approve has no built rejection reason: refusing it
// is the chair's final word and needs the chair's own reason, never a
// wording saying the proposal failed.
func TestOverrideRejectionNeedsOwnReason(t *testing.T) {
	_, com, s, c := twoProjects(t)
	allAgree(s, c, com.voters()...)
	tl := s.Tally(c)
	if w := tl.Project(temp).RejectWording; strings.Contains(w.ZH, "未获") {
		t.Errorf("wording %q says the approved proposal failed", w.ZH)
	}
	_, err := com.secretary.Decide(s, c, meeting.Ruling{Override: true, DefaultReason: true, Projects: map[string]meeting.ProjectRuling{
		dibao: {Result: casefile.StatusApproved}, temp: {Result: casefile.StatusRejected}}})
	if tl.Project(temp).RejectWording.ZH == "" {
		wantErr(t, "refuse against the vote without a reason", err, meeting.ErrReasonRequired)
	}
	it := must(com.secretary.Decide(s, c, meeting.Ruling{Override: true, Reason: "申请人已获慈善机构全额资助", Projects: map[string]meeting.ProjectRuling{
		dibao: {Result: casefile.StatusApproved}, temp: {Result: casefile.StatusRejected}}}))
	if p := it.Decision.Project(temp); !p.Override || p.Reason != "申请人已获慈善机构全额资助" {
		t.Errorf("temporary aid %+v", p)
	}
}
