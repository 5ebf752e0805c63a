package meeting_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

func TestDefaultCommittee(t *testing.T) {
	h := newHall(t)
	ms := meeting.DefaultCommittee(h.cat)
	var chairs, secs, voters int
	depts := map[string]bool{}
	for _, m := range ms {
		switch m.Role {
		case meeting.RoleChair:
			chairs++
			if m.Department != "civil_affairs" {
				t.Errorf("chair from %s, want civil_affairs", m.Department)
			}
		case meeting.RoleSecretary:
			secs++
		}
		if m.Votes() {
			voters++
			depts[m.Department] = true
		}
		if m.Name == "" {
			t.Errorf("member without a name: %+v", m)
		}
	}
	if chairs != 1 || secs != 1 || voters != len(h.cat.Departments) || len(depts) != len(h.cat.Departments) {
		t.Fatalf("chairs %d secretaries %d voters %d departments %d, want 1 1 %d %d", chairs, secs, voters, len(depts),
			len(h.cat.Departments), len(h.cat.Departments))
	}
	stored := must(h.m.SetCommittee(ms, "local:admin"))
	s := must(h.m.NewSession(meeting.Plan{Place: "会议室"}, secretaryUser))
	if s.Number != "YH2026-001" || len(s.Members) != len(stored) || s.Chair.Name != ms[0].Name {
		t.Fatalf("session %s with %d members chaired by %s", s.Number, len(s.Members), s.Chair.Name)
	}
	// Editing the committee does not change the session's snapshot.
	if err := h.m.RemoveMember(stored[1].ID, "local:admin"); err != nil {
		t.Fatal(err)
	}
	again := must(h.m.Session(s.Number))
	if len(again.Members) != len(stored) {
		t.Fatalf("session members changed with the committee: %d", len(again.Members))
	}
	_, err := h.m.SaveMember(meeting.Member{Name: "第二主持人", Department: "education", Role: meeting.RoleChair}, "local:admin")
	wantErr(t, "second chair", err, meeting.ErrCommittee)
}

func TestQuorumReachedAndLost(t *testing.T) {
	h, com := newMeeting(t, 5) // quorum: more than half of 5, so 3
	c := h.oneOffCase()
	s := com.Convene()
	a, b, d, e := com.members[0], com.members[1], com.members[2], com.members[3]

	s.Attend(com.chair, a)
	wantErr(t, "vote with 2 of 5 present", a.Vote(s, c, meeting.Agree, ""), meeting.ErrNoQuorum)

	s.Attend(b)
	if tl := s.Tally(c); !tl.Quorum || tl.Present != 3 || tl.Members != 5 {
		t.Fatalf("3 of 5 present: %+v", tl)
	}
	allAgree(s, c, com.chair, a, b)

	if sess := must(h.m.Session(s.number)); !sess.HasQuorum(h.cat.Meeting) {
		t.Fatal("3 of 5 present is no quorum")
	}
	s.Leave(b)
	if sess := must(h.m.Session(s.number)); sess.HasQuorum(h.cat.Meeting) {
		t.Fatal("2 of 5 present is a quorum")
	}
	tl := s.Tally(c)
	if tl.Quorum || tl.Proposed != "" || tl.Agree != 2 {
		t.Fatalf("after one left: quorum %v, proposed %q, agree %d; want no quorum, no proposal, the leaver's vote not counted", tl.Quorum, tl.Proposed, tl.Agree)
	}
	wantErr(t, "vote after the quorum was lost", com.chair.Vote(s, c, meeting.Agree, ""), meeting.ErrNoQuorum)
	_, err := com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved})
	wantErr(t, "decide without quorum", err, meeting.ErrNoQuorum)

	s.Attend(d, e)
	_, err = com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved})
	wantErr(t, "decide before everyone voted", err, meeting.ErrVotesPending)
	allAgree(s, c, d, e)
	it := must(com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved}))
	if it.Decision.Tally.Present != 4 || it.Decision.Tally.Agree != 4 {
		t.Fatalf("decision tally %+v", it.Decision.Tally)
	}
}

func TestVoteWithoutQuorumRefused(t *testing.T) {
	h, com := newMeeting(t, 7)
	c := h.oneOffCase()
	s := com.Convene()
	s.Attend(com.chair, com.members[0], com.members[1], com.secretary) // the secretary does not count
	err := com.members[0].Vote(s, c, meeting.Agree, "")
	wantErr(t, "vote with 3 of 7", err, meeting.ErrNoQuorum)
	if !strings.Contains(casefile.Message(err, casefile.ZH), "法定人数") {
		t.Errorf("message %q does not name the quorum", casefile.Message(err, casefile.ZH))
	}
	if it := s.Item(c); len(it.Votes) != 0 {
		t.Fatalf("a refused vote was recorded: %+v", it.Votes)
	}
	wantErr(t, "absent member votes", com.members[4].Vote(s, c, meeting.Agree, ""), meeting.ErrNotPresent)
	wantErr(t, "secretary votes", com.secretary.Vote(s, c, meeting.Agree, ""), meeting.ErrNotMember)
	other := h.oneOffCase()
	s.Attend(com.members[2])
	wantErr(t, "vote on a case not on the agenda", com.chair.Vote(s, other, meeting.Agree, ""), meeting.ErrNotOnAgenda)
}

func TestTieProposesRejection(t *testing.T) {
	h, com := newMeeting(t, 5)
	c := h.oneOffCase()
	s := com.Convene()
	com.Tie(s, c, "家庭存款超过标准", "入户调查发现有经营性车辆")

	tl := s.Tally(c)
	if tl.Passes || tl.Proposed != casefile.StatusRejected || tl.Agree != 2 || tl.Disagree != 2 {
		t.Fatalf("2:2 tie: passes %v proposed %q (%+v); want the approve rule to fail and a rejection proposed", tl.Passes, tl.Proposed, tl)
	}
	if strings.Contains(tl.RejectWording.ZH, "票") || strings.Contains(tl.RejectWording.EN, "agree") {
		t.Errorf("default wording %q / %q cites a vote count (a fact of the minutes, never of a notice)", tl.RejectWording.ZH, tl.RejectWording.EN)
	}
	_, err := com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved})
	wantErr(t, "approve against the rule", err, meeting.ErrOverrideRequired)
	_, err = com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved, Override: true})
	wantErr(t, "override without a reason", err, meeting.ErrReasonRequired)
	_, err = com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusRejected})
	wantErr(t, "reject without a reason", err, meeting.ErrReasonRequired)
	if msg := casefile.Message(err, casefile.ZH); !strings.Contains(msg, tl.RejectWording.ZH) {
		t.Errorf("the refusal %q does not offer the default wording", msg)
	}

	it := must(com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusRejected, Reason: tl.RejectWording.ZH}))
	if it.Decision.Result != casefile.StatusRejected || it.Decision.Override {
		t.Fatalf("decision %+v", it.Decision)
	}
	got := h.caseNow(c.Number)
	if got.Status != casefile.StatusRejected || got.Apps[0].Outcome != casefile.OutcomeDeclined || got.Apps[0].Reason != tl.RejectWording.ZH {
		t.Fatalf("case after rejection: %s, %+v", got.Status, got.Apps[0])
	}
}

func TestChairOverridesTheRule(t *testing.T) {
	h, com := newMeeting(t, 5)
	c := h.oneOffCase()
	s := com.Convene()
	com.Tie(s, c, "收入核对数据存疑", "收入核对数据存疑")
	it := must(com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved, Override: true,
		Reason: "主持人意见：经复核收入核对数据无误，家庭确有困难，予以批准"}))
	if !it.Decision.Override || it.Decision.Proposed != casefile.StatusRejected || it.Decision.Result != casefile.StatusApproved {
		t.Fatalf("override not recorded: %+v", it.Decision)
	}
	if got := h.caseNow(c.Number); got.Status != casefile.StatusApproved || !strings.Contains(got.Decision.Reason, "主持人意见") {
		t.Fatalf("case %s, decision %+v", got.Status, got.Decision)
	}
}

func TestRecusalChangesTheMajority(t *testing.T) {
	h, com := newMeeting(t, 5)
	c := h.oneOffCase()
	s := com.Convene()
	a, b, d, e := com.members[0], com.members[1], com.members[2], com.members[3]
	s.Attend(com.voters()...)
	allAgree(s, c, com.chair, a, b)
	d.Disagree(s, c, "申报收入偏低，与入户调查不符")
	e.Disagree(s, c, "申报收入偏低，与入户调查不符")
	if tl := s.Tally(c); tl.Proposed != casefile.StatusApproved {
		t.Fatalf("3:2 proposes %q, want approved", tl.Proposed)
	}

	wantErr(t, "recusal without reason", b.Recuse(s, c, ""), meeting.ErrReasonRequired)
	if err := b.Recuse(s, c, "申请人系本人表弟"); err != nil {
		t.Fatal(err)
	}
	tl := s.Tally(c)
	if tl.Recused != 1 || tl.Voting != 4 || tl.Agree != 2 || tl.Proposed != casefile.StatusRejected {
		t.Fatalf("after the recusal: %+v; want 1 recused, 4 voting, 2 agree, rejection proposed", tl)
	}
	wantErr(t, "recused member votes", b.Vote(s, c, meeting.Agree, ""), meeting.ErrRecused)
	it := s.Item(c)
	if it.Vote(b.ID) != nil || len(it.Recusals) != 1 || it.Recusals[0].Reason != "申请人系本人表弟" {
		t.Fatalf("recusal record: votes %+v, recusals %+v", it.Votes, it.Recusals)
	}
}

func TestReasonRequired(t *testing.T) {
	h, com := newMeeting(t, 3)
	c := h.oneOffCase()
	s := com.Sit()
	a, b := com.members[0], com.members[1]
	wantErr(t, "disagree without reason", a.Vote(s, c, meeting.Disagree, ""), meeting.ErrReasonRequired)
	wantErr(t, "abstain without reason", a.Vote(s, c, meeting.Abstain, "  "), meeting.ErrReasonRequired)
	com.chair.Agree(s, c)
	if err := a.Vote(s, c, meeting.Abstain, "本部门未掌握该户情况"); err != nil {
		t.Fatal(err)
	}
	b.Disagree(s, c, "存款超标")
	// 1 agree of 3 voting: the rule fails; nothing is missing: reject.
	if tl := s.Tally(c); tl.Proposed != casefile.StatusRejected || len(tl.Missing) != 0 {
		t.Fatalf("proposed %q, missing %v", tl.Proposed, tl.Missing)
	}
	_, err := com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusDeferred, Override: true})
	wantErr(t, "chair's word without a reason", err, meeting.ErrReasonRequired)
	it := s.Item(c)
	if v := it.Vote(a.ID); v == nil || v.Choice != meeting.Abstain || v.Reason != "本部门未掌握该户情况" {
		t.Fatalf("abstention %+v", v)
	}

	// A case lacking a document whose vote fails proposes a deferral,
	// which needs what must be verified.
	code := h.oneOff()
	docs := h.cat.RequiredDocuments([]string{code})
	lacking := h.readyCaseWith(h.applicant(), docs[1:], code)
	s.Agenda(meeting.AgendaFilter{})
	com.chair.Agree(s, lacking)
	a.Disagree(s, lacking, "材料不全")
	b.Disagree(s, lacking, "材料不全")
	tl := s.Tally(lacking)
	if tl.Proposed != casefile.StatusDeferred || len(tl.Missing) != 1 || tl.Missing[0] != docs[0] {
		t.Fatalf("proposed %q, missing %v; want a deferral for %s", tl.Proposed, tl.Missing, docs[0])
	}
	_, err = com.secretary.Decide(s, lacking, meeting.Ruling{Result: casefile.StatusDeferred})
	wantErr(t, "deferral without what to verify", err, meeting.ErrReasonRequired)
	must(com.secretary.Decide(s, lacking, meeting.Ruling{Result: casefile.StatusDeferred, Verify: tl.Missing}))
	if got := h.caseNow(lacking.Number); got.Status != casefile.StatusDeferred || len(got.Missing) != 1 {
		t.Fatalf("deferred case %s, missing %v", got.Status, got.Missing)
	}
}

func TestClosedSessionIsFrozen(t *testing.T) {
	h, com := newMeeting(t, 3)
	c1 := h.oneOffCase()
	c2 := h.oneOffCase()
	s := com.Sit()
	com.Approve(s, c1)

	_, err := s.Close(false)
	wantErr(t, "close with an undecided case", err, meeting.ErrUndecided)
	if !strings.Contains(casefile.Message(err, casefile.EN), c2.Number) {
		t.Errorf("%q does not name the undecided case", casefile.Message(err, casefile.EN))
	}
	closed := must(s.Close(true))
	if closed.Status != meeting.SessionClosed || len(closed.Undecided) != 1 || closed.Undecided[0] != c2.Number {
		t.Fatalf("closed %s, undecided %v", closed.Status, closed.Undecided)
	}
	sum := must(h.m.Summary(s.number))
	if sum.Approved != 1 || len(sum.Undecided) != 1 || sum.Undecided[0] != c2.Number {
		t.Fatalf("summary %+v", sum)
	}

	wantErr(t, "vote", com.chair.Vote(s, c2, meeting.Agree, ""), meeting.ErrSessionClosed)
	wantErr(t, "recuse", com.chair.Recuse(s, c2, "亲属"), meeting.ErrSessionClosed)
	_, err = com.secretary.Decide(s, c2, meeting.Ruling{Result: casefile.StatusApproved})
	wantErr(t, "decide", err, meeting.ErrSessionClosed)
	_, err = h.m.Attend(s.number, []uint64{com.chair.ID}, secretaryUser)
	wantErr(t, "attend", err, meeting.ErrSessionClosed)
	_, err = h.m.Leave(s.number, com.chair.ID, secretaryUser)
	wantErr(t, "leave", err, meeting.ErrSessionClosed)
	_, err = h.m.BuildAgenda(s.number, meeting.AgendaFilter{}, secretaryUser)
	wantErr(t, "agenda", err, meeting.ErrSessionClosed)
	_, err = h.m.Reconsider(s.number, c1.Number, "复核", secretaryUser)
	wantErr(t, "reconsider", err, meeting.ErrSessionClosed)
	_, err = s.Close(true)
	wantErr(t, "close again", err, meeting.ErrSessionClosed)

	// The case left undecided stays ready for the next session.
	if got := h.caseNow(c2.Number); got.Status != casefile.StatusReady {
		t.Fatalf("undecided case is %s", got.Status)
	}
	next := com.chair.Open()
	if rep := next.Agenda(meeting.AgendaFilter{}); len(rep.Added) != 1 || rep.Added[0] != c2.Number {
		t.Fatalf("next agenda %v", rep.Added)
	}
}

func TestDecisionChangesTheCaseInOneTransaction(t *testing.T) {
	h, com := newMeeting(t, 3)
	mp := h.monthly()
	c := h.readyCase(h.applicant(), mp.Code)
	s := com.Sit()
	allAgree(s, c, com.voters()...)
	before := h.history(c)

	// A ruling that fails leaves the case, its history and the session untouched.
	_, err := com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved,
		Amounts: map[string]casefile.Money{"NO-SUCH": casefile.Yuan(1)}})
	wantErr(t, "amount of an unknown application", err, casefile.ErrInvalid)
	if got := h.caseNow(c.Number); got.Status != casefile.StatusReady || got.Decision != nil || len(h.history(c)) != len(before) {
		t.Fatalf("a refused decision changed the case: %s %+v", got.Status, got.Decision)
	}
	if it := s.Item(c); it.Decision != nil {
		t.Fatalf("a refused decision was recorded: %+v", it.Decision)
	}

	granted := casefile.Yuan(820)
	_, err = com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved,
		Amounts: map[string]casefile.Money{mp.Code: granted}})
	wantErr(t, "a changed amount without a reason", err, meeting.ErrReasonRequired)
	it := must(com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved,
		Amounts: map[string]casefile.Money{mp.Code: granted}, AmountReason: "孩子已由亲属部分抚养"}))
	got := h.caseNow(c.Number)
	if got.Status != casefile.StatusApproved || got.Decision == nil || got.Decision.Session != s.number || got.Decision.By != secretaryUser {
		t.Fatalf("case %s, decision %+v", got.Status, got.Decision)
	}
	prefix := h.st.Catalog().County.ReferencePrefix
	if want := prefix + "决〔" + s.number[2:6] + "〕1号"; got.Decision.Reference != want {
		t.Errorf("letter reference %q, want the year's first approval %q", got.Decision.Reference, want)
	}
	a := got.Apps[0]
	if a.Outcome != casefile.OutcomeGranted || a.Granted != granted || a.StartMonth != "2026-12" || a.Months != mp.Months {
		t.Fatalf("application %+v; want granted %s from 2026-12 for %d months", a, granted, mp.Months)
	}
	if it.Apps[0].Granted != granted || it.Decision.Amounts != (casefile.Amounts{Monthly: granted}) {
		t.Fatalf("session record %+v / %+v", it.Apps[0], it.Decision.Amounts)
	}
	hist := h.history(c)
	if len(hist) != len(before)+1 {
		t.Fatalf("history grew by %d entries, want 1", len(hist)-len(before))
	}
	last := hist[len(hist)-1]
	if last.Action != "decision" || last.From != casefile.StatusReady || last.To != casefile.StatusApproved ||
		last.Who != secretaryUser || !strings.Contains(last.Text().ZH, s.number) || !strings.Contains(last.Text().EN, "approved") {
		t.Fatalf("history entry %+v", last)
	}
	if i := casefile.VerifyHistory(hist); i != -1 {
		t.Fatalf("history chain broken at %d", i)
	}
	_, err = com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved})
	wantErr(t, "decide twice", err, meeting.ErrAlreadyDecided)
	sum := must(h.m.Summary(s.number))
	if sum.Approved != 1 || sum.Amounts != (casefile.Amounts{Monthly: granted}) || sum.Period != granted*casefile.Money(mp.Months) ||
		len(sum.ByDepartment) != 1 || sum.ByDepartment[0].Key != mp.Department || sum.ByProject[0].Key != mp.Code {
		t.Fatalf("summary %+v", sum)
	}
}

func TestDeferralReturnsToVerifyingAndComesBack(t *testing.T) {
	h, com := newMeeting(t, 3)
	c := h.oneOffCase()
	s := com.Sit()
	com.chair.Agree(s, c)
	com.members[0].Disagree(s, c, "家庭人口与户籍不一致")
	com.members[1].Disagree(s, c, "家庭人口与户籍不一致")
	verify := []string{"补充入户调查，核实共同生活人口"}
	it := must(com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusDeferred, Override: true,
		Reason: "主持人意见：人口情况待核实", Verify: verify}))
	if it.Decision.Result != casefile.StatusDeferred || len(it.Decision.Verify) != 1 {
		t.Fatalf("decision %+v", it.Decision)
	}
	got := h.caseNow(c.Number)
	if got.Status != casefile.StatusDeferred || len(got.Missing) != 1 || got.Missing[0] != verify[0] {
		t.Fatalf("deferred case: %s, missing %v", got.Status, got.Missing)
	}
	must(s.Close(false))

	got = must(h.st.AddEvidence(got.Number, got.Version, h.gen.Evidence(got, casefile.EvHomeVisit), "local:verifier-wang"))
	if got.Status != casefile.StatusVerifying {
		t.Fatalf("after new evidence the case is %s, want verifying", got.Status)
	}
	must(h.st.Move(got.Number, got.Version, casefile.StatusReady, desk, "补充核查完毕"))
	s2 := com.Sit()
	it = com.Approve(s2, c)
	if it.Decision.Refers != s.number {
		t.Fatalf("decision after a deferral refers to %q, want %s", it.Decision.Refers, s.number)
	}
	if got := h.caseNow(c.Number); got.Decision.Refers != s.number || got.Missing != nil {
		t.Fatalf("case decision %+v, missing %v", got.Decision, got.Missing)
	}
}

func TestReconsiderationInALaterSession(t *testing.T) {
	h, com := newMeeting(t, 3)
	c := h.oneOffCase()
	s1 := com.Sit()
	com.Reject(s1, c, "人均收入高于标准")
	must(s1.Close(false))

	s2 := com.chair.Open()
	if rep := s2.Agenda(meeting.AgendaFilter{}); len(rep.Added) != 0 {
		t.Fatalf("a decided case went on the agenda: %v", rep.Added)
	}
	_, err := com.secretary.Decide(s2, c, meeting.Ruling{Result: casefile.StatusApproved})
	wantErr(t, "decide without reconsidering", err, meeting.ErrNotOnAgenda)
	_, err = h.m.Reconsider(s2.number, c.Number, "", secretaryUser)
	wantErr(t, "reconsider without a reason", err, meeting.ErrReasonRequired)
	it := must(h.m.Reconsider(s2.number, c.Number, "申请人提出复核，补交了失业证明", secretaryUser))
	if it.Refers != s1.number {
		t.Fatalf("item refers to %q, want %s", it.Refers, s1.number)
	}
	s2.Attend(com.voters()...)
	it = com.Approve(s2, c)
	if it.Decision.Refers != s1.number {
		t.Fatalf("decision refers to %q", it.Decision.Refers)
	}
	got := h.caseNow(c.Number)
	if got.Status != casefile.StatusApproved || got.Decision.Session != s2.number || got.Decision.Refers != s1.number ||
		got.Apps[0].Outcome != casefile.OutcomeGranted {
		t.Fatalf("reconsidered case %s, decision %+v, app %+v", got.Status, got.Decision, got.Apps[0])
	}
	hist := h.history(c)
	n := len(hist)
	if hist[n-2].Action != "reconsider" || hist[n-1].Action != "decision" || hist[n-1].From != casefile.StatusRejected ||
		hist[n-1].To != casefile.StatusApproved || casefile.VerifyHistory(hist) != -1 {
		t.Fatalf("history tail %+v / %+v", hist[n-2], hist[n-1])
	}
	// The earlier session's record stands.
	if old := s1.Item(c); old.Decision.Result != casefile.StatusRejected {
		t.Fatalf("earlier decision changed to %s", old.Decision.Result)
	}
}

func TestDuplicatesResolvedOnTheAgenda(t *testing.T) {
	h, com := newMeeting(t, 5)
	civil, edu, youth := h.freshmanCases(h.student()) // 3000, 3500, 4000
	other := h.oneOffCase()

	s := com.chair.Open()
	rep := s.Agenda(meeting.AgendaFilter{Group: "college_freshman"})
	if len(rep.Added) != 3 || rep.Dedup.Totals.Groups != 1 || rep.Dedup.Totals.Declined != 2 {
		t.Fatalf("agenda %v, dedup %+v", rep.Added, rep.Dedup.Totals)
	}
	kept := s.Item(youth).Apps[0]
	if kept.Mark != meeting.MarkKept || kept.Proposed != h.cat.Standard("college_freshman_youth_league") {
		t.Fatalf("youth league application %+v; want kept at the single highest amount", kept)
	}
	for _, c := range []*casefile.Case{civil, edu} {
		a := s.Item(c).Apps[0]
		if a.Mark != meeting.MarkDecline || !strings.Contains(a.MarkReason, youth.Number) || !strings.Contains(a.MarkReason, "同一救助政策只能享受一次") {
			t.Fatalf("%s application %+v; want declined, naming the kept case", c.Number, a)
		}
		if en := a.MarkText.EN; !strings.Contains(en, "the same policy is enjoyed only once") || !strings.Contains(en, youth.Number) || hasHan(en) {
			t.Fatalf("%s: English mark reason %q", c.Number, en)
		}
	}
	if it := func() *meeting.Item { sess := must(h.m.Session(s.number)); return sess.Item(other.Number) }(); it != nil {
		t.Fatalf("the group filter let %s in", other.Number)
	}

	s.Attend(com.voters()...)
	for _, c := range []*casefile.Case{civil, edu, youth} {
		allAgree(s, c, com.voters()...)
	}
	if tl := s.Tally(youth); tl.Proposed != casefile.StatusApproved {
		t.Fatalf("kept case proposes %q", tl.Proposed)
	}
	it := must(com.secretary.Decide(s, youth, meeting.Ruling{Result: casefile.StatusApproved}))
	if it.Decision.Amounts != (casefile.Amounts{OneOff: casefile.Yuan(4000)}) {
		t.Fatalf("granted %+v, want 4000.00", it.Decision.Amounts)
	}
	for _, c := range []*casefile.Case{civil, edu} {
		tl := s.Tally(c)
		if tl.Proposed != casefile.StatusRejected || !strings.Contains(tl.RejectWording.ZH, "同一救助政策只能享受一次") {
			t.Fatalf("%s: proposed %q, wording %q", c.Number, tl.Proposed, tl.RejectWording.ZH)
		}
		_, err := com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved, Override: true, Reason: "坚持批准"})
		wantErr(t, "approve a case whose every application is a duplicate", err, meeting.ErrNothingGranted)
		it := must(com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusRejected, Reason: tl.RejectWording.ZH}))
		got := h.caseNow(c.Number)
		a := got.Apps[0]
		if got.Status != casefile.StatusRejected || a.Outcome != casefile.OutcomeDeclined ||
			!strings.Contains(a.Reason, "同一救助政策只能享受一次") || !strings.Contains(a.Reason, youth.Number) {
			t.Fatalf("%s after the decision: %s, %+v", c.Number, got.Status, a)
		}
		if it.Apps[0].Outcome != casefile.OutcomeDeclined || it.Apps[0].Reason != a.Reason || it.Apps[0].Why() != a.Why() {
			t.Fatalf("session record of %s: %+v", c.Number, it.Apps[0])
		}
		if en := a.Why().EN; !strings.Contains(en, youth.Number) || hasHan(en) {
			t.Fatalf("%s: English reason of the declined application %q", c.Number, en)
		}
	}
	sum := must(h.m.Summary(s.number))
	if sum.Approved != 1 || sum.Rejected != 2 || sum.Amounts != (casefile.Amounts{OneOff: casefile.Yuan(4000)}) ||
		len(sum.ByDepartment) != 1 || sum.ByDepartment[0].Key != "youth_league" {
		t.Fatalf("summary %+v", sum)
	}
}

func TestDuplicatesWithinOneCase(t *testing.T) {
	h, com := newMeeting(t, 3)
	codes := h.freshmen()
	c := h.readyCase(h.student(), codes...)
	s := com.Sit()
	it := com.Approve(s, c)
	if it.Decision.Amounts != (casefile.Amounts{OneOff: casefile.Yuan(4000)}) {
		t.Fatalf("granted %+v, want the single highest 4000.00", it.Decision.Amounts)
	}
	got := h.caseNow(c.Number)
	for _, a := range got.Apps {
		want := casefile.OutcomeDeclined
		if a.Project == codes[2] {
			want = casefile.OutcomeGranted
		}
		if a.Outcome != want || (want == casefile.OutcomeDeclined && !strings.Contains(a.Reason, "同一救助政策只能享受一次")) {
			t.Fatalf("%s: %+v, want %s", a.Project, a, want)
		}
	}
}

func TestKeptDuplicateRejectedResolvesAgain(t *testing.T) {
	h, com := newMeeting(t, 3)
	civil, edu, youth := h.freshmanCases(h.student()) // 3000, 3500, 4000
	s := com.Sit()

	// The committee rejects the case kept as the single highest amount …
	com.Reject(s, youth, "录取学校与申报不符")

	// … so declining the others in its favour no longer holds.
	allAgree(s, edu, com.voters()...)
	_, err := com.secretary.Decide(s, edu, meeting.Ruling{Result: casefile.StatusRejected, Reason: "重复申请"})
	wantErr(t, "decline in favour of a rejected case", err, meeting.ErrDedupStale)

	// Building the agenda again resolves the group anew: education's is
	// now the highest; the votes cast on the old proposal are cleared.
	rep := s.Agenda(meeting.AgendaFilter{})
	if len(rep.Revote) != 1 || rep.Revote[0] != edu.Number {
		t.Fatalf("revote %v, want %s", rep.Revote, edu.Number)
	}
	if it := s.Item(edu); it.Apps[0].Mark != meeting.MarkKept || len(it.Votes) != 0 {
		t.Fatalf("education item %+v, votes %v", it.Apps[0], it.Votes)
	}
	if a := s.Item(civil).Apps[0]; a.Mark != meeting.MarkDecline || !strings.Contains(a.MarkReason, edu.Number) {
		t.Fatalf("civil affairs item %+v", a)
	}
	it := com.Approve(s, edu)
	if it.Decision.Amounts != (casefile.Amounts{OneOff: casefile.Yuan(3500)}) {
		t.Fatalf("granted %+v, want 3500.00", it.Decision.Amounts)
	}
}

func TestDecisionNeedsAReadyCase(t *testing.T) {
	h, com := newMeeting(t, 3)
	c := h.oneOffCase()
	s := com.Sit()
	allAgree(s, c, com.voters()...)
	must(h.st.Move(c.Number, 0, casefile.StatusWithdrawn, desk, "申请人主动撤回"))
	_, err := com.secretary.Decide(s, c, meeting.Ruling{Result: casefile.StatusApproved})
	wantErr(t, "decide a withdrawn case", err, casefile.ErrBadTransition)
	if rep := s.Agenda(meeting.AgendaFilter{}); len(rep.Removed) != 1 || rep.Removed[0] != c.Number {
		t.Fatalf("rebuilding the agenda removed %v, want %s", rep.Removed, c.Number)
	}
	wantErr(t, "vote on a case taken off", com.chair.Vote(s, c, meeting.Agree, ""), meeting.ErrNotOnAgenda)
}

// hasHan reports whether s has a Chinese character in it.
func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}
