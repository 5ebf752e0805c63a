package meeting

import (
	"fmt"
	"slices"

	"github.com/rongjiuzhu/hall/casefile"
)

// demoGroup is the group whose duplicate applications the demo's closed
// session resolves.
const demoGroup = "college_freshman"

// FillDemo adds the meeting's part of the demo database on top of
// gen.FillDemo's cases: the default committee; a closed session that
// approved, rejected and deferred some of the ready cases (among them the
// student who applied to several departments for freshman aid) with
// realistic votes, reasons and a recusal, whose letters then reached some
// applicants (已告知), one case being done (已办结); and an open session,
// also dated on the store's day, with attendance taken and the remaining
// ready cases on its agenda.
func FillDemo(st *casefile.Store, who string) error {
	m := New(st)
	cat := st.Catalog()
	members, err := m.Committee()
	if err != nil {
		return err
	}
	if len(members) == 0 {
		if members, err = m.SetCommittee(DefaultCommittee(cat), who); err != nil {
			return fmt.Errorf("demo committee: %w", err)
		}
	}
	place := cat.County.Hall + "三楼会议室"
	closed, err := m.NewSession(Plan{Date: st.Today(), Place: place}, who)
	if err != nil {
		return err
	}
	if _, err := m.Attend(closed.Number, attendees(members, 3), who); err != nil {
		return err
	}
	if cat.Group(demoGroup) != nil {
		if _, err := m.BuildAgenda(closed.Number, AgendaFilter{Group: demoGroup}, who); err != nil {
			return fmt.Errorf("demo agenda: %w", err)
		}
	}
	if _, err := m.BuildAgenda(closed.Number, AgendaFilter{Limit: 4}, who); err != nil {
		return fmt.Errorf("demo agenda: %w", err)
	}
	if err := runDemoSession(m, closed.Number, who); err != nil {
		return fmt.Errorf("demo session %s: %w", closed.Number, err)
	}
	if _, err := m.Close(closed.Number, false, who); err != nil {
		return err
	}
	if err := notifyDemo(st, who); err != nil {
		return err
	}
	// the next session is planned for today too: no record of the demo is
	// dated after the store's clock
	next, err := m.NewSession(Plan{Date: st.Today(), Place: place}, who)
	if err != nil {
		return err
	}
	if _, err := m.Attend(next.Number, attendees(members, 2), who); err != nil {
		return err
	}
	if _, err := m.BuildAgenda(next.Number, AgendaFilter{}, who); err != nil {
		return fmt.Errorf("demo agenda: %w", err)
	}
	return nil
}

// notifyDemo records the letters of the closed session as delivered for
// the first rejected and the first two approved cases, and closes the
// first approved one.
func notifyDemo(st *casefile.Store, who string) error {
	var decided []*casefile.Case
	for _, status := range []casefile.Status{casefile.StatusRejected, casefile.StatusApproved} {
		err := st.View(func(t *casefile.Tx) error {
			cs, _, err := t.Cases(casefile.CaseFilter{Status: status, Limit: 2})
			if status == casefile.StatusRejected && len(cs) > 1 {
				cs = cs[:1]
			}
			decided = append(decided, cs...)
			return err
		})
		if err != nil {
			return err
		}
	}
	closed := false
	for _, c := range decided {
		cur, err := st.Move(c.Number, c.Version, casefile.StatusNotified, who, "决定书已直接送达申请人本人，送达回证已签收")
		if err != nil {
			return fmt.Errorf("demo notify %s: %w", c.Number, err)
		}
		if c.Status == casefile.StatusApproved && !closed {
			if _, err := st.Move(cur.Number, cur.Version, casefile.StatusClosed, who, "救助金已发放，资料归档，案件办结"); err != nil {
				return fmt.Errorf("demo close %s: %w", c.Number, err)
			}
			closed = true
		}
	}
	return nil
}

// attendees is the secretary and every voting member but the last absent.
func attendees(members []Member, absent int) []uint64 {
	var voters, out []uint64
	for _, mb := range members {
		if mb.Votes() {
			voters = append(voters, mb.ID)
		} else {
			out = append(out, mb.ID)
		}
	}
	if absent > len(voters) {
		absent = len(voters)
	}
	return append(out, voters[:len(voters)-absent]...)
}

// demoPlan is how the demo committee leans on an item.
type demoPlan int

const (
	leanApprove demoPlan = iota
	leanReject
	leanDefer
)

// runDemoSession votes on and decides every item of the session: items
// whose applications are all declined as duplicates first (the committee
// agrees with declining them), then one deferral, then approvals of the
// clean cases and rejections of the cases with error findings, making
// sure there is at least one of each outcome.
func runDemoSession(m *Store, number, who string) error {
	sess, err := m.Session(number)
	if err != nil {
		return err
	}
	var order []*Item
	plans := map[string]demoPlan{}
	rejects := 0
	for _, it := range sess.Agenda {
		if allDeclined(it) {
			plans[it.Case] = leanApprove // agree with the proposal: decline as duplicates
			order = append(order, it)
			rejects++
		}
	}
	var rest []*Item
	for _, it := range sess.Agenda {
		if _, ok := plans[it.Case]; !ok {
			rest = append(rest, it)
		}
	}
	deferAt := -1
	for i, it := range rest {
		if !hasMark(it, MarkKept) {
			deferAt = i
			break
		}
	}
	if deferAt < 0 && len(rest) > 0 {
		deferAt = 0
	}
	var approves, rejected []*Item
	for i, it := range rest {
		switch {
		case i == deferAt:
			plans[it.Case] = leanDefer
		case len(errorFindings(it)) > 0:
			plans[it.Case] = leanReject
			rejected = append(rejected, it)
		default:
			plans[it.Case] = leanApprove
			approves = append(approves, it)
		}
		order = append(order, it)
	}
	switch {
	case len(approves) == 0 && len(rejected) > 0:
		plans[rejected[0].Case] = leanApprove
	case rejects+len(rejected) == 0 && len(approves) > 1:
		plans[approves[len(approves)-1].Case] = leanReject
	}
	recused := false
	for _, it := range order {
		plan := plans[it.Case]
		var voters []Member
		for _, mb := range sess.Members {
			if mb.Votes() && sess.IsPresent(mb.ID) {
				voters = append(voters, mb)
			}
		}
		if plan == leanApprove && !recused && !allDeclined(it) && len(voters) > 1 {
			r := voters[len(voters)-1]
			if _, err := m.Recuse(number, Declaration{Case: it.Case, Member: r.ID,
				Reason: fmt.Sprintf("申请人%s系本人亲属，依规申请回避", it.Applicant)}, who); err != nil {
				return err
			}
			voters, recused = voters[:len(voters)-1], true
		}
		var tl *Tally
		for i, mb := range voters {
			b := demoBallot(plan, i, len(voters), it)
			b.Case, b.Member = it.Case, mb.ID
			if tl, err = m.Vote(number, b, who); err != nil {
				return fmt.Errorf("%s votes on %s: %w", mb.Name, it.Case, err)
			}
		}
		if tl == nil {
			continue
		}
		r := Ruling{Case: it.Case, Result: tl.Proposed}
		switch {
		case plan == leanDefer:
			r.Result = casefile.StatusDeferred
			r.Verify = tl.Missing
			if len(r.Verify) == 0 {
				r.Verify = []string{"补充入户调查，核实家庭实际居住人口", "调取近 12 个月银行流水"}
			}
			r.Reason = "入户调查情况与申报不一致，需补充核查后提交下次研判会"
			if tl.Proposed != casefile.StatusDeferred {
				r.Override = true
				r.Reason = "主持人意见：" + r.Reason
			}
		case r.Result == casefile.StatusRejected:
			r.Reason = tl.RejectWording.ZH
		case r.Result == casefile.StatusDeferred:
			r.Verify = tl.Missing
			r.Reason = "材料不全，补齐后提交下次研判会"
		}
		if _, err := m.Decide(number, r, who); err != nil {
			return fmt.Errorf("decide %s: %w", it.Case, err)
		}
	}
	return nil
}

// demoBallot is member i of n's vote under plan.
func demoBallot(plan demoPlan, i, n int, it *Item) Ballot {
	switch plan {
	case leanReject:
		errs := errorFindings(it)
		why := "核查结果不符合救助条件"
		if len(errs) > 0 {
			why = errs[0]
		}
		switch {
		case i == 0:
			return Ballot{Choice: Abstain, Reason: "本部门未掌握该户情况，弃权"}
		case i <= n/3:
			return Ballot{Choice: Agree}
		default:
			return Ballot{Choice: Disagree, Reason: []string{why, "核查结果显示不符合救助条件", "同意经办科室核查意见，不符合条件"}[i%3]}
		}
	case leanDefer:
		switch {
		case i%3 == 0:
			return Ballot{Choice: Agree}
		case i%3 == 1:
			return Ballot{Choice: Abstain, Reason: "入户调查记录与申报人口不一致，建议补充核查后再议"}
		default:
			return Ballot{Choice: Disagree, Reason: "家庭存款情况未说明清楚，暂不宜批准"}
		}
	}
	if i == n-1 && n > 2 {
		return Ballot{Choice: Abstain, Reason: "本部门对该户情况不掌握，弃权"}
	}
	return Ballot{Choice: Agree}
}

func allDeclined(it *Item) bool {
	for _, a := range it.Apps {
		if a.Mark != MarkDecline {
			return false
		}
	}
	return len(it.Apps) > 0
}

func hasMark(it *Item, m Mark) bool {
	return slices.ContainsFunc(it.Apps, func(a ItemApp) bool { return a.Mark == m })
}

func errorFindings(it *Item) []string {
	var out []string
	for _, f := range it.Findings {
		if f.Severity == casefile.SevError && f.Kind != casefile.FindDeadline {
			out = append(out, f.Text.ZH)
		}
	}
	return out
}
