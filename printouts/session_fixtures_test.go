package printouts

import (
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// The session of 27 November 2026 (YH2026-011), built by hand from
// meeting values: six voting members and a secretary; 陈卫东 absent,
// 杨丽华 present at the start and gone before the votes. On the agenda:
// 王秀兰's approval (dibao and freshman aid, the civil-affairs freshman
// aid declined as a duplicate), 李建国's rejection with a recusal, 赵志刚's
// deferral by the chair's final word, the orphan 周小雨's approval (a
// minor: never on the notice) and 孙桂兰's approval on reconsideration of
// session YH2026-009.

// Members of the test committee.
var (
	chairWang  = meeting.Member{ID: 1, Name: "王建国", Department: "civil_affairs", Role: meeting.RoleChair}
	memberLi   = meeting.Member{ID: 2, Name: "李秀兰", Department: "disabled_federation", Role: meeting.RoleMember}
	memberZh   = meeting.Member{ID: 3, Name: "张志强", Department: "womens_federation", Role: meeting.RoleMember}
	memberLiu  = meeting.Member{ID: 4, Name: "刘海燕", Department: "medical_insurance", Role: meeting.RoleMember}
	memberChen = meeting.Member{ID: 5, Name: "陈卫东", Department: "red_cross", Role: meeting.RoleMember}
	memberYang = meeting.Member{ID: 6, Name: "杨丽华", Department: "education", Role: meeting.RoleMember}
	secGuo     = meeting.Member{ID: 7, Name: "郭冬梅", Department: "civil_affairs", Role: meeting.RoleSecretary}
)

// More applicants of the session.
var (
	zhaoID = idNumber("610602", "19650212", "051") // 赵志刚
	zhouID = idNumber("610602", "20120607", "062") // 周小雨, 14 on the notice date
	sunID  = idNumber("610602", "19560830", "084") // 孙桂兰
)

const testSession = "YH2026-011"

func vote(m meeting.Member, c meeting.Choice, reason string) meeting.Vote {
	return meeting.Vote{Member: m.ID, Name: m.Name, Choice: c, Reason: reason, At: meetingAt, By: "local:secretary"}
}

// tally4 is the count with the four members present, recused of them.
func tally4(agree, disagree, abstain, recused int, proposed casefile.Status) meeting.Tally {
	return meeting.Tally{Members: 6, Present: 4, Recused: recused, Voting: 4 - recused, Agree: agree, Disagree: disagree,
		Abstain: abstain, Quorum: true, Passes: agree*2 > 4-recused, Proposed: proposed}
}

// itemOf is the agenda item of case c as the session snapshot it.
func itemOf(c *casefile.Case) *meeting.Item {
	it := &meeting.Item{CaseSeq: c.Seq, Case: c.Number, Applicant: c.Applicant.Name, IDNumber: c.Applicant.MaskedDoc(),
		Household: c.Household.Count(), Area: c.Household.Area, Received: c.ReceivedDate(), Deadline: c.Deadline}
	for _, a := range c.Apps {
		it.Apps = append(it.Apps, meeting.ItemApp{Project: a.Project, Proposed: a.Proposed, Outcome: a.Outcome,
			Granted: a.Granted, StartMonth: a.StartMonth, Months: a.Months, Reason: a.Reason})
	}
	return it
}

// deferredCase is 赵志刚's temporary-aid application, deferred.
func deferredCase() *casefile.Case {
	zhao := person(zhaoID, "赵志刚", casefile.Male)
	return &casefile.Case{Seq: 125, Number: "2026-000125", Applicant: zhao,
		Household: casefile.Household{Area: casefile.Rural, Members: []casefile.Member{{Person: zhao, Relation: casefile.RelationSelf}}},
		Apps:      []casefile.Application{{Project: "MZ-06", Proposed: 200000}},
		Received:  time.Date(2026, 11, 5, 10, 0, 0, 0, time.Local), Status: casefile.StatusDeferred,
		Decision: &casefile.Decision{Session: testSession, Result: casefile.StatusDeferred, At: meetingAt}}
}

// minorCase is the orphan 周小雨's allowance, approved: 1,250.00 a month
// for 12 months.
func minorCase() *casefile.Case {
	zhou := person(zhouID, "周小雨", casefile.Female)
	zhou.Phone = ""
	return &casefile.Case{Seq: 126, Number: "2026-000126", Applicant: zhou,
		Household: casefile.Household{Area: casefile.Urban, Members: []casefile.Member{{Person: zhou, Relation: casefile.RelationSelf}}},
		Apps: []casefile.Application{{Project: "MZ-07", Proposed: 125000, Outcome: casefile.OutcomeGranted, Granted: 125000,
			StartMonth: "2026-12", Months: 12}},
		Received: time.Date(2026, 11, 6, 9, 0, 0, 0, time.Local), Status: casefile.StatusApproved,
		Decision: &casefile.Decision{Session: testSession, Result: casefile.StatusApproved, At: meetingAt}}
}

// reconsideredCase is 孙桂兰's expenditure-driven temporary aid, rejected
// by session YH2026-009 and approved on reconsideration: 2,000.00 once.
func reconsideredCase() *casefile.Case {
	sun := person(sunID, "孙桂兰", casefile.Female)
	sun.Township, sun.Village, sun.Address = "河西镇", "柳湾村", "河西镇柳湾村三组45号"
	return &casefile.Case{Seq: 100, Number: "2026-000100", Applicant: sun,
		Household: casefile.Household{Area: casefile.Rural, Members: []casefile.Member{{Person: sun, Relation: casefile.RelationSelf}}},
		Apps:      []casefile.Application{{Project: "MZ-06", Proposed: 200000, Outcome: casefile.OutcomeGranted, Granted: 200000}},
		Received:  time.Date(2026, 10, 20, 9, 0, 0, 0, time.Local), Status: casefile.StatusApproved,
		Decision: &casefile.Decision{Session: testSession, Result: casefile.StatusApproved, At: meetingAt, Refers: "YH2026-009"}}
}

// sessionCases are the case files of the session's agenda.
func sessionCases() []*casefile.Case {
	return []*casefile.Case{approvedCase(), rejectedCase(), deferredCase(), minorCase(), reconsideredCase()}
}

// closedSession is the closed session YH2026-011 with its agenda.
func closedSession() *meeting.Session {
	s := &meeting.Session{Seq: 11, Number: testSession, Date: casefile.DateOf(meetingAt), Place: "示例县融救助中心三楼会议室",
		Chair: chairWang, Secretary: secGuo,
		Members: []meeting.Member{chairWang, memberLi, memberZh, memberLiu, memberChen, memberYang, secGuo},
		Present: []uint64{1, 2, 3, 4, 7},
		Attendance: []meeting.AttendanceEvent{
			{Member: 6, Name: memberYang.Name, Present: true, At: meetingAt},
			{Member: 6, Name: memberYang.Name, Present: false, At: meetingAt},
		},
		Status: meeting.SessionClosed, ClosedAt: meetingAt.Add(2 * time.Hour), ClosedBy: "local:secretary", Items: 5, Decided: 5}

	approved := itemOf(approvedCase())
	approved.Apps[2].Mark, approved.Apps[2].MarkReason = meeting.MarkDecline, approvedCase().Apps[2].Reason
	approved.Votes = []meeting.Vote{vote(chairWang, meeting.Agree, ""), vote(memberLi, meeting.Agree, ""),
		vote(memberZh, meeting.Agree, ""), vote(memberLiu, meeting.Abstain, "本部门不掌握该户情况")}
	approved.Decision = &meeting.Decision{Result: casefile.StatusApproved, Proposed: casefile.StatusApproved,
		Tally: tally4(3, 0, 1, 0, casefile.StatusApproved), Amounts: casefile.Amounts{Monthly: 117000, OneOff: 500000}, At: meetingAt, By: "local:secretary"}

	rejected := itemOf(rejectedCase())
	rejected.Votes = []meeting.Vote{vote(chairWang, meeting.Disagree, "人均收入高于低保标准"),
		vote(memberLi, meeting.Disagree, "同意核查意见"), vote(memberZh, meeting.Agree, "")}
	rejected.Recusals = []meeting.Recusal{{Member: memberLiu.ID, Name: memberLiu.Name, Reason: "申请人系本人表兄", At: meetingAt}}
	rejected.Decision = &meeting.Decision{Result: casefile.StatusRejected, Proposed: casefile.StatusRejected,
		Reason: rejectedCase().Decision.Reason, Tally: tally4(1, 2, 0, 1, casefile.StatusRejected), At: meetingAt}

	deferred := itemOf(deferredCase())
	deferred.Votes = []meeting.Vote{vote(chairWang, meeting.Agree, ""),
		vote(memberLi, meeting.Disagree, "家庭存款情况未说明清楚，暂不宜批准，建议补充银行流水后再议"),
		vote(memberZh, meeting.Disagree, "支出票据不全"), vote(memberLiu, meeting.Abstain, "情况不明")}
	deferred.Decision = &meeting.Decision{Result: casefile.StatusDeferred, Proposed: casefile.StatusRejected, Override: true,
		Reason: "入户调查情况与申报不一致", Verify: []string{"补充入户调查，核实实际居住人口", "调取近12个月银行流水"},
		Tally: tally4(1, 2, 1, 0, casefile.StatusRejected), At: meetingAt}

	minor := itemOf(minorCase())
	minor.Votes = []meeting.Vote{vote(chairWang, meeting.Agree, ""), vote(memberLi, meeting.Agree, ""),
		vote(memberZh, meeting.Agree, ""), vote(memberLiu, meeting.Agree, "")}
	minor.Decision = &meeting.Decision{Result: casefile.StatusApproved, Proposed: casefile.StatusApproved,
		Tally: tally4(4, 0, 0, 0, casefile.StatusApproved), Amounts: casefile.Amounts{Monthly: 125000}, At: meetingAt}

	recon := itemOf(reconsideredCase())
	recon.Refers, recon.ReconsiderWhy = "YH2026-009", "申请人补充提交了住院费用票据"
	recon.Votes = minor.Votes
	recon.Decision = &meeting.Decision{Result: casefile.StatusApproved, Proposed: casefile.StatusApproved,
		Tally: tally4(4, 0, 0, 0, casefile.StatusApproved), Amounts: casefile.Amounts{OneOff: 200000}, Refers: "YH2026-009", At: meetingAt}

	s.Agenda = []*meeting.Item{approved, rejected, deferred, minor, recon}
	return s
}
