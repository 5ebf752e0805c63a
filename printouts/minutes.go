package printouts

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// ErrSessionOpen: the minutes and the public-notice list are drawn from a
// closed session's frozen record; an open session may still change.
var ErrSessionOpen = &casefile.Error{Code: "session_open", Text: casefile.Text{
	ZH: "研判会尚未闭会，不能出具会议纪要或公示名单",
	EN: "the session is not closed; its minutes and notice list cannot be printed yet"}}

// checkSession refuses a session that is missing or still open.
func checkSession(s *meeting.Session) error {
	switch {
	case s == nil:
		return ErrIncomplete.Withf("没有研判会", "no session")
	case s.Status != meeting.SessionClosed:
		return ErrSessionOpen.Withf("%s", "%s", s.Number)
	}
	return nil
}

// sessionDoc is a stand-in case that names a session's documents in their
// metadata (build titles a document with its case number).
func sessionDoc(s *meeting.Session) *casefile.Case { return &casefile.Case{Number: s.Number} }

// Minutes prints the minutes (会议纪要) of the closed session s, drawn up on
// day today: the session's number, date, place, chair and secretary; the
// attendance (present and absent voting members by name and department,
// members who left) with the quorum rule and whether it was met; for each
// case on the agenda the applicant (name and masked ID number only), the
// projects with the proposed amounts and what was decided for each, every
// vote with its reason, every recusal with its reason, the decision
// (approval with the granted amounts and periods, rejection with its
// reason, deferral with what must be verified), the chair's final word
// with its reason and the decision it reconsiders; the totals by
// department and by project to the fen; and the lines the chair and the
// secretary sign. sum is the session's summary (meeting.Summarize); nil
// sums the agenda here. An open session gives ErrSessionOpen.
func (p *Printer) Minutes(s *meeting.Session, sum *meeting.Summary, today casefile.Date) ([]byte, error) {
	if err := checkSession(s); err != nil {
		return nil, err
	}
	if sum == nil {
		sum = meeting.Summarize(p.cat, s)
	}
	if sum.Number != s.Number {
		return nil, ErrIncomplete.Withf("汇总属于研判会 %s，不是 %s", "the summary is of session %s, not %s", sum.Number, s.Number)
	}
	return p.build("会议纪要", sessionDoc(s), func(d *Doc) { p.minutes(d, s, sum, today) })
}

// minutes sets the minutes of Minutes.
func (p *Printer) minutes(d *Doc, s *meeting.Session, sum *meeting.Summary, today casefile.Date) {
	d.Title(p.hall() + "综合研判会会议纪要")
	d.Center("（" + s.Number + "）")
	d.Para(fmt.Sprintf("%s，%s综合研判会在%s召开，研判社会救助申请%d件。现将会议情况纪要如下：",
		s.Date.Chinese(), p.hall(), s.Place, len(s.Agenda)))

	d.Para("一、会议基本情况")
	d.Table(infoCols, p.attendanceRows(s))

	const cases = "二、案件研判情况"
	if len(s.Agenda) == 0 {
		d.Para(cases)
		d.Para("本次会议议程上没有案件。")
	}
	for i, it := range s.Agenda {
		lead := ""
		if i == 0 {
			lead = cases
		}
		p.minutesItem(d, s, lead, i, it)
	}

	p.minutesTotals(d, s, sum)

	// The signature block — heading, the lines signed, the date line and
	// the journal head they attest — is kept on one page. When it is
	// taller than a page the table breaks where it must, and the date and
	// head lines still go together: the head line never stands alone.
	signs := p.signRows(s)
	anchor := anchorLine(s)
	anchorHeight := 0.0
	if anchor != "" {
		anchorHeight = d.paraHeight(anchor)
	}
	d.keep(d.paraHeight("四、签字"), d.tableHeight(signCols, signs, -1), d.pitch, anchorHeight)
	d.Para("四、签字")
	d.Table(signCols, signs)
	d.keep(d.pitch, anchorHeight)
	d.Right("纪要整理日期：" + today.Chinese())
	if anchor != "" {
		d.Para(anchor)
	}
}

// anchorLine anchors the journal on the closed session's minutes: the
// journal's head as the close found it (the record just before the
// close's own, meeting.Session.ClosedHead) — its number and the first 16
// hex digits of its hash, which `hall audit record N` prints in full to
// compare. Empty for a session closed before the head was recorded.
func anchorLine(s *meeting.Session) string {
	h := s.ClosedHead
	if h == nil || s.Status != meeting.SessionClosed {
		return ""
	}
	return fmt.Sprintf("闭会时数据库日志：第 %d 条记录，哈希 %x（可用 hall audit record %d 核对）", h.Seq, h.Hash[:8], h.Seq)
}

// signRows are the lines signed under the minutes: the chair, every
// voting member present at the close, and the secretary.
func (p *Printer) signRows(s *meeting.Session) [][]string {
	const date = "      年    月    日"
	rows := [][]string{{"主持人", s.Chair.Name, "\n", date}}
	for _, m := range s.Members {
		if m.Votes() && m.ID != s.Chair.ID && m.ID != s.Secretary.ID && s.IsPresent(m.ID) {
			rows = append(rows, []string{"委员", m.Name, "\n", date})
		}
	}
	return append(rows, []string{"记录人", s.Secretary.Name, "\n", date})
}

// attendanceRows are the rows of the minutes' first table: the session,
// who chaired and recorded, who was present and absent, and the rules.
func (p *Printer) attendanceRows(s *meeting.Session) [][]string {
	var present, absent, left []string
	voters := 0
	for _, m := range s.Members {
		if !m.Votes() {
			continue
		}
		voters++
		label := p.memberLabel(m)
		switch {
		case s.IsPresent(m.ID):
			present = append(present, label)
		case attended(s, m.ID):
			left = append(left, label)
		default:
			absent = append(absent, label)
		}
	}
	list := func(names []string) string {
		if len(names) == 0 {
			return "无"
		}
		return fmt.Sprintf("%d人：%s", len(names), strings.Join(names, "、"))
	}
	rules := p.cat.Meeting
	quorum := "未达到法定人数"
	if s.HasQuorum(rules) {
		quorum = "达到法定人数"
	}
	rows := [][]string{
		{"会议编号", s.Number},
		{"会议时间", s.Date.Chinese()},
		{"会议地点", s.Place},
		{"主持人", p.memberLabel(s.Chair)},
		{"记录人", p.memberLabel(s.Secretary) + "，不参加表决"},
		{"应到委员", fmt.Sprintf("%d人", voters)},
		{"出席委员", list(present)},
		{"缺席委员", list(absent)},
	}
	if len(left) > 0 {
		rows = append(rows, []string{"中途离会", list(left)})
	}
	if rules.Quorum != nil {
		rows = append(rows, []string{"法定人数", fmt.Sprintf("%s。应到%d人，实到%d人，%s",
			ruleText(rules.Quorum), voters, len(present), quorum)})
	}
	if rules.Approve != nil {
		rows = append(rows, []string{"表决规则", ruleText(rules.Approve) +
			"，为通过（参加表决委员为出席且未回避的委员）"})
	}
	return rows
}

// attended reports whether member id was recorded present at some time
// during session s.
func attended(s *meeting.Session, id uint64) bool {
	for _, e := range s.Attendance {
		if e.Member == id && e.Present {
			return true
		}
	}
	return false
}

// memberLabel is "王建国（县民政局）".
func (p *Printer) memberLabel(m meeting.Member) string {
	if m.Department == "" {
		return m.Name
	}
	return m.Name + "（" + p.deptName(m.Department) + "）"
}

// ruleNouns name the counts of the meeting rules (casefile.CountEnv) as
// the minutes state a rule: 实到委员超过应到委员半数.
var ruleNouns = map[string]string{
	"members": "应到委员", "present": "实到委员", "recused": "回避委员", "voting": "参加表决委员",
	"agree": "同意票", "disagree": "不同意票", "abstain": "弃权票",
}

// ruleShare matches the rules the minutes state as a share:
// "present * 2 > members", "agree * 3 >= voting * 2".
var ruleShare = regexp.MustCompile(`^\s*([a-z]+)\s*\*\s*(\d+)\s*(>=|>)\s*([a-z]+)\s*(?:\*\s*(\d+))?\s*$`)

// ruleText states a meeting rule of the catalogue in words, never as a
// formula: "present * 2 > members" reads 实到委员超过应到委员半数,
// "agree * 3 >= voting * 2" 同意票达到参加表决委员的三分之二; other rules
// read as casefile words them ((*casefile.CountRule).Text).
func ruleText(r *casefile.CountRule) string {
	m := ruleShare.FindStringSubmatch(r.Source)
	if m == nil {
		return r.Text().ZH
	}
	a, aok := ruleNouns[m[1]]
	b, bok := ruleNouns[m[4]]
	den, _ := strconv.Atoi(m[2])
	num := 1
	if m[5] != "" {
		num, _ = strconv.Atoi(m[5])
	}
	if !aok || !bok || den < 1 || num < 1 || num >= den || den > 10 {
		return r.Text().ZH
	}
	verb := "超过"
	if m[3] == ">=" {
		verb = "达到"
	}
	if num == 1 && den == 2 {
		return a + verb + b + "半数"
	}
	return a + verb + b + "的" + cnum(den-1) + "分之" + cnum(num-1)
}

// Columns of the minutes' tables.
var (
	infoCols = []Column{{Width: 22, Align: AlignCenter}, {Width: 78}}
	appCols  = []Column{{Head: "申请项目", Width: 28}, {Head: "承办部门", Width: 16},
		{Head: "拟救助金额", Width: 22}, {Head: "研判结果", Width: 34}}
	voteCols = []Column{{Head: "委员", Width: 15, Align: AlignCenter}, {Head: "部门", Width: 24},
		{Head: "表决意见", Width: 16, Align: AlignCenter}, {Head: "理由", Width: 45}}
	signCols = []Column{{Head: "职责", Width: 18, Align: AlignCenter}, {Head: "姓名", Width: 22, Align: AlignCenter},
		{Head: "签字", Width: 36}, {Head: "日期", Width: 24, Align: AlignCenter}}
)

// minutesItem sets case number i of the agenda: who applied, what was
// proposed and decided for each project, the votes and recusals, and the
// decision. The heading (after lead, a section heading, when not ""), the
// applicant, the projects and the first vote stay on one page.
func (p *Printer) minutesItem(d *Doc, s *meeting.Session, lead string, i int, it *meeting.Item) {
	heading := fmt.Sprintf("（%s）案件%s", cnum(i), it.Case)
	var b strings.Builder
	b.WriteString("申请人" + it.Applicant)
	if id := casefile.MaskID(it.IDNumber); id != "" {
		b.WriteString("，身份证号" + id)
	}
	if a := areaName(it.Area); a != "" {
		b.WriteString("，" + a + "户籍")
	}
	if it.Household > 0 {
		fmt.Fprintf(&b, "，共同生活家庭成员%d人", it.Household)
	}
	if !it.Received.IsZero() {
		b.WriteString("，" + it.Received.Chinese() + "受理")
	}
	b.WriteString("。")
	if it.Refers != "" {
		fmt.Fprintf(&b, "本案系对%s研判会决定的复议，复议理由：%s", it.Refers, sentence(it.ReconsiderWhy))
	} else if dec := it.Decision; dec != nil && dec.Refers != "" {
		fmt.Fprintf(&b, "本案曾提交%s研判会研判。", dec.Refers)
	}
	applicant := b.String()

	var apps [][]string
	for _, a := range it.Apps {
		apps = append(apps, []string{p.projectName(a.Project), p.departmentName(a.Project), p.proposedCell(a), p.appResult(it, a)})
	}
	votes := p.voteRows(s, it)
	leadHeight := 0.0
	if lead != "" {
		leadHeight = d.paraHeight(lead)
	}
	d.keep(leadHeight, d.paraHeight(heading), d.paraHeight(applicant), d.tableHeight(appCols, apps, -1), d.tableHeight(voteCols, votes, 1))
	if lead != "" {
		d.Para(lead)
	}
	d.Para(heading)
	d.Para(applicant)
	d.Table(appCols, apps)
	d.Table(voteCols, votes)

	tl := s.Count(it)
	if it.Decision != nil {
		tl = it.Decision.Tally
	}
	d.Para(fmt.Sprintf("表决结果：应到%d人，出席%d人，回避%d人，参加表决%d人；同意%d票，不同意%d票，弃权%d票。",
		tl.Members, tl.Present, tl.Recused, tl.Voting, tl.Agree, tl.Disagree, tl.Abstain))
	if pv := p.projectVotes(s, it); pv != "" {
		d.Para(pv)
	}
	d.Para(p.decisionText(it))
}

// projectVotes states the votes project by project when some member
// chose differently on some project ("分项表决：城市最低生活保障同意5票，
// 不同意0票，弃权0票；……"), or "" when every member voted alike on every
// project.
func (p *Printer) projectVotes(s *meeting.Session, it *meeting.Item) string {
	split := slices.ContainsFunc(it.Votes, func(v meeting.Vote) bool { return v.Split() })
	if !split {
		return ""
	}
	var parts []string
	for _, a := range it.Apps {
		pt := s.CountProject(it, a.Project)
		agree, disagree, abstain := pt.Agree, pt.Disagree, pt.Abstain
		if pd := decisionOf(it, a.Project); pd != nil {
			agree, disagree, abstain = pd.Agree, pd.Disagree, pd.Abstain
		}
		parts = append(parts, fmt.Sprintf("%s同意%d票，不同意%d票，弃权%d票", p.projectName(a.Project), agree, disagree, abstain))
	}
	if len(parts) == 0 {
		return ""
	}
	return "分项表决：" + strings.Join(parts, "；") + "。"
}

// decisionOf is the decision on project code of it, or nil (undecided,
// or decided before per-project outcomes were recorded).
func decisionOf(it *meeting.Item, code string) *meeting.ProjectDecision {
	if it.Decision == nil {
		return nil
	}
	return it.Decision.Project(code)
}

// proposedCell is the amount proposed for one application, its rhythm on
// a line of its own ("每月\n1,170.00元"), or "—" when none was proposed.
func (p *Printer) proposedCell(a meeting.ItemApp) string {
	k := p.kindOf(a.Project, a.Kind)
	if a.Proposed == 0 && (paidMonthly(k) || paidOnce(k) || k == casefile.KindLoan) {
		return "—"
	}
	return strings.Replace(amountText(k, a.Proposed), " ", "\n", 1)
}

// appResult is what was decided for one application of an item, with the
// amount of a grant (its period is in the decision's text).
func (p *Printer) appResult(it *meeting.Item, a meeting.ItemApp) string {
	dec := it.Decision
	switch {
	case dec == nil:
		if a.Mark == meeting.MarkDecline {
			return "未作决定（拟不予重复救助）"
		}
		return "未作决定"
	}
	pd := dec.Project(a.Project)
	switch {
	case pd != nil && pd.Stands != "":
		return "维持" + pd.Stands + "决定：" + resultWord(pd.Result)
	case pd != nil && pd.Result == casefile.StatusDeferred, pd == nil && dec.Result == casefile.StatusDeferred:
		return "暂缓"
	case a.Outcome == casefile.OutcomeGranted && pd != nil && pd.AmountReason != "":
		return "准予\n" + p.noticeAmount(a) + "\n（拟定" + amountText(p.kindOf(a.Project, a.Kind), pd.ProposedAmount) + "）"
	case a.Outcome == casefile.OutcomeGranted:
		return "准予\n" + p.noticeAmount(a)
	case a.Outcome == casefile.OutcomeDeclined:
		if a.Reason == "" || a.Reason == dec.Reason {
			return "不予救助"
		}
		return "不予救助：" + paperMoney(sentence(a.Reason))
	}
	return dec.Result.Label(casefile.ZH)
}

// voteRows lists the votes and recusals on an item in the committee's
// order, each with its reason.
func (p *Printer) voteRows(s *meeting.Session, it *meeting.Item) [][]string {
	var rows [][]string
	listed := map[uint64]bool{}
	add := func(id uint64, name, choice, reason string) {
		dept := ""
		if m := s.Member(id); m != nil {
			dept = p.deptName(m.Department)
		}
		rows = append(rows, []string{name, dept, choice, reason})
		listed[id] = true
	}
	for _, m := range s.Members {
		if v := it.Vote(m.ID); v != nil {
			add(m.ID, v.Name, p.choiceCell(it, v), paperMoney(v.Reason))
			continue
		}
		for _, r := range it.Recusals {
			if r.Member == m.ID {
				add(m.ID, r.Name, "回避", r.Reason)
			}
		}
	}
	// Votes and recusals of members no longer on the session's list (a
	// record older than the committee) are printed too, last.
	for i, v := range it.Votes {
		if !listed[v.Member] {
			add(v.Member, v.Name, p.choiceCell(it, &it.Votes[i]), paperMoney(v.Reason))
		}
	}
	for _, r := range it.Recusals {
		if !listed[r.Member] {
			add(r.Member, r.Name, "回避", r.Reason)
		}
	}
	if len(rows) == 0 {
		rows = append(rows, []string{"—", "", "", "未表决"})
	}
	return rows
}

// choiceCell is a member's vote as the minutes' table shows it: 同意, or
// when the member chose otherwise on some project each project's choice
// on a line of its own ("城市最低生活保障：同意\n急难型临时救助：不同意").
func (p *Printer) choiceCell(it *meeting.Item, v *meeting.Vote) string {
	if !v.Split() {
		return v.Choice.Label(casefile.ZH)
	}
	var lines []string
	for _, a := range it.Apps {
		lines = append(lines, p.projectName(a.Project)+"："+v.On(a.Project).Label(casefile.ZH))
	}
	return strings.Join(lines, "\n")
}

// decisionText states the decision on an item: the grants of an
// approval, the reason of a rejection, what a deferral asks to verify,
// and the chair's final word with its reason.
func (p *Printer) decisionText(it *meeting.Item) string {
	dec := it.Decision
	if dec == nil {
		return "研判决定：本次会议未作决定，留待以后的研判会研判。"
	}
	var b strings.Builder
	b.WriteString("研判决定：" + resultWord(dec.Result) + "。")
	switch dec.Result {
	case casefile.StatusApproved:
		var grants, declined []string
		for _, a := range it.Apps {
			switch a.Outcome {
			case casefile.OutcomeGranted:
				grants = append(grants, p.projectName(a.Project)+p.grantWords(a))
			case casefile.OutcomeDeclined:
				declined = append(declined, p.projectName(a.Project))
			}
		}
		if len(grants) > 0 {
			b.WriteString("准予" + strings.Join(grants, "；") + "。")
		}
		for _, pd := range dec.Projects {
			if pd.Result == casefile.StatusApproved && pd.AmountReason != "" && pd.Stands == "" {
				k := p.kindOf(pd.Project, "")
				fmt.Fprintf(&b, "%s核定金额由拟定的%s调整为%s，理由：%s", p.projectName(pd.Project),
					amountText(k, pd.ProposedAmount), amountText(k, pd.Amount), paperMoney(sentence(pd.AmountReason)))
			}
		}
		if len(declined) > 0 {
			b.WriteString(strings.Join(declined, "、") + "不予救助，理由见上表。")
		}
		if dec.Reason != "" {
			b.WriteString("说明：" + paperMoney(sentence(dec.Reason)))
		}
	case casefile.StatusRejected:
		b.WriteString("理由：" + paperMoney(sentence(dec.Reason)))
	case casefile.StatusDeferred:
		var decided []string
		for _, a := range it.Apps {
			switch a.Outcome {
			case casefile.OutcomeGranted:
				decided = append(decided, "准予"+p.projectName(a.Project)+p.grantWords(a))
			case casefile.OutcomeDeclined:
				decided = append(decided, p.projectName(a.Project)+"不予救助")
			}
		}
		if len(decided) > 0 {
			b.WriteString(strings.Join(decided, "；") + "，待暂缓事项核查后一并告知。")
		}
		if len(dec.Verify) > 0 {
			b.WriteString("需补充核查：")
			for i, v := range dec.Verify {
				if i > 0 {
					b.WriteString("；")
				}
				b.WriteString(strconv.Itoa(i+1) + ". " + strings.TrimRight(v, "。；;"))
			}
			b.WriteString("。")
		}
		if dec.Reason != "" && (len(dec.Verify) != 1 || dec.Verify[0] != dec.Reason) {
			b.WriteString("理由：" + paperMoney(sentence(dec.Reason)))
		}
	}
	var over []string
	for _, pd := range dec.Projects {
		if pd.Override {
			over = append(over, fmt.Sprintf("%s按表决规则应为「%s」", p.projectName(pd.Project), resultWord(pd.Proposed)))
		}
	}
	switch {
	case len(over) > 0 && len(dec.Projects) > 1:
		fmt.Fprintf(&b, "（%s，本决定为主持人最终意见，理由见上。）", strings.Join(over, "；"))
	case dec.Override:
		fmt.Fprintf(&b, "（按表决规则应为「%s」，本决定为主持人最终意见，理由见上。）", resultWord(dec.Proposed))
	}
	return b.String()
}

// resultWord names a decision as the minutes state it: 批准, 不予救助,
// 暂缓.
func resultWord(r casefile.Status) string {
	if r == casefile.StatusApproved {
		return "批准"
	}
	return r.Label(casefile.ZH)
}

// minutesTotals sets the third section of the minutes: the counts of the
// session's decisions and the granted amounts by department and by
// project, to the fen, monthly and one-off amounts apart (never added
// together).
func (p *Printer) minutesTotals(d *Doc, s *meeting.Session, sum *meeting.Summary) {
	const heading = "三、研判结果汇总"
	counts := fmt.Sprintf("本次会议研判案件%d件：批准%d件，不予救助%d件，暂缓%d件，未作决定%d件。",
		sum.Cases, sum.Approved, sum.Rejected, sum.Deferred, len(sum.Undecided))
	d.keep(d.paraHeight(heading), d.paraHeight(counts))
	d.Para(heading)
	d.Para(counts)
	byDept, byProject, total := p.grantTotals(s)
	if total.count == 0 {
		d.Para("本次会议未准予救助项目。")
		return
	}
	var parts []string
	if total.monthlyN > 0 {
		parts = append(parts, fmt.Sprintf("按月发放%d项，每月合计 %s，救助期内合计 %s", total.monthlyN, total.amounts.Monthly.Paper(), total.period.Paper()))
	}
	if total.onceN > 0 {
		parts = append(parts, fmt.Sprintf("一次性发放%d项，合计 %s", total.onceN, total.amounts.OneOff.Paper()))
	}
	if n := total.count - total.monthlyN - total.onceN; n > 0 {
		parts = append(parts, fmt.Sprintf("认定身份、提供服务或贷款%d项，不计入金额", n))
	}
	d.Para(fmt.Sprintf("准予救助项目%d项：%s。按月发放与一次性发放的金额分别统计，不相加。", total.count, strings.Join(parts, "；")))

	var rows [][]string
	for _, t := range byDept {
		rows = append(rows, t.row(p.deptName(t.key)))
	}
	p.totalsTable(d, "（一）按部门汇总", "部门", append(rows, total.row("合计")))

	rows = nil
	for _, t := range byProject {
		name := p.projectName(t.key)
		if dept := p.departmentName(t.key); dept != "" {
			name += "\n（" + dept + "）"
		}
		rows = append(rows, t.row(name))
	}
	p.totalsTable(d, "（二）按项目汇总", "救助项目\n（承办部门）", append(rows, total.row("合计")))
}

// grantTotal sums granted applications: the amounts by how they pay
// (per month apart from one-off), the monthly ones also over their
// periods, and how many applications of each.
type grantTotal struct {
	key                    string
	count, monthlyN, onceN int
	amounts                casefile.Amounts
	period                 casefile.Money // monthly amounts times their months
}

// row is the line of a totals table: name, count, monthly, period,
// one-off ("—" where there is none).
func (t *grantTotal) row(name string) []string {
	cell := func(n int, m casefile.Money) string {
		if n == 0 {
			return "—"
		}
		return m.Paper()
	}
	return []string{name, strconv.Itoa(t.count), cell(t.monthlyN, t.amounts.Monthly), cell(t.monthlyN, t.period), cell(t.onceN, t.amounts.OneOff)}
}

// add counts one granted application of kind k.
func (t *grantTotal) add(k casefile.ProjectKind, a meeting.ItemApp) {
	t.count++
	switch {
	case paidMonthly(k):
		t.monthlyN++
		t.amounts.Add(k, a.Granted)
		months := a.Months
		if months <= 0 {
			months = 1
		}
		t.period += a.Granted * casefile.Money(months)
	case paidOnce(k):
		t.onceN++
		t.amounts.Add(k, a.Granted)
	}
}

// grantTotals sums the session's granted applications by department and
// by project, in the catalogue's order, and over all.
func (p *Printer) grantTotals(s *meeting.Session) (byDept, byProject []*grantTotal, total *grantTotal) {
	total = &grantTotal{}
	depts, projects := map[string]*grantTotal{}, map[string]*grantTotal{}
	get := func(m map[string]*grantTotal, list *[]*grantTotal, key string) *grantTotal {
		if m[key] == nil {
			m[key] = &grantTotal{key: key}
			*list = append(*list, m[key])
		}
		return m[key]
	}
	for _, it := range s.Agenda {
		if it.Decision == nil {
			continue
		}
		for _, a := range it.Apps {
			if pd := it.Decision.Project(a.Project); a.Outcome != casefile.OutcomeGranted || pd != nil && pd.Stands != "" {
				continue // not granted, or granted by an earlier session (in its minutes)
			}
			k := p.kindOf(a.Project, a.Kind)
			dept := a.Department
			if pr := p.cat.Project(a.Project); dept == "" && pr != nil {
				dept = pr.Department
			}
			get(depts, &byDept, dept).add(k, a)
			get(projects, &byProject, a.Project).add(k, a)
			total.add(k, a)
		}
	}
	order := func(keys func(string) int) func(a, b *grantTotal) int {
		return func(a, b *grantTotal) int { return keys(a.key) - keys(b.key) }
	}
	slices.SortStableFunc(byDept, order(p.deptIndex))
	slices.SortStableFunc(byProject, order(p.projectIndex))
	return byDept, byProject, total
}

// deptIndex and projectIndex are the places of a department and a
// project in the catalogue (unknown ones last).
func (p *Printer) deptIndex(key string) int {
	for i, d := range p.cat.Departments {
		if d.Key == key {
			return i
		}
	}
	return len(p.cat.Departments)
}

func (p *Printer) projectIndex(code string) int {
	for i, pr := range p.cat.Projects {
		if pr.Code == code {
			return i
		}
	}
	return len(p.cat.Projects)
}

// totalsTable sets one table of totals under its heading, kept with its
// first rows.
func (p *Printer) totalsTable(d *Doc, heading, key string, rows [][]string) {
	cols := []Column{{Head: key, Width: 28}, {Head: "项数", Width: 10, Align: AlignCenter},
		{Head: "每月发放", Width: 20, Align: AlignRight}, {Head: "按月发放\n救助期合计", Width: 22, Align: AlignRight},
		{Head: "一次性发放", Width: 20, Align: AlignRight}}
	d.keep(d.paraHeight(heading), d.tableHeight(cols, rows, 2))
	d.Para(heading)
	d.Table(cols, rows)
}
