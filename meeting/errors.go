package meeting

import "github.com/rongjiuzhu/hall/casefile"

// Meeting errors. The CLI and the console show them with
// casefile.Message in the user's language.
var (
	ErrNoQuorum         = casefile.NewError("no_quorum", "出席人数未达到法定人数，不能表决", "there is no quorum; nothing can be voted on")
	ErrSessionClosed    = casefile.NewError("session_closed", "研判会已闭会，记录不能再更改", "the session is closed; its record can no longer change")
	ErrSessionNotFound  = casefile.NewError("session_not_found", "找不到研判会", "session not found")
	ErrNotPresent       = casefile.NewError("not_present", "该委员未出席本次研判会", "the member is not present at this session")
	ErrRecused          = casefile.NewError("recused", "该委员已就本案回避，不能表决", "the member is recused for this case and cannot vote")
	ErrNotOnAgenda      = casefile.NewError("not_on_agenda", "该案件不在本次研判会议程上", "the case is not on this session's agenda")
	ErrUndecided        = casefile.NewError("undecided", "议程上仍有案件未作决定", "cases on the agenda are not decided")
	ErrNotMember        = casefile.NewError("not_member", "不是本次研判会的表决委员", "not a voting member of this session")
	ErrVotesPending     = casefile.NewError("votes_pending", "尚有出席委员未表决", "present members have not voted yet")
	ErrAlreadyDecided   = casefile.NewError("already_decided", "该案件已在本次研判会作出决定", "the case is already decided in this session")
	ErrOverrideRequired = casefile.NewError("override_required", "决定与表决结果不一致，须记录主持人最终意见及理由", "the decision differs from the vote's outcome; record the chair's final word with a reason")
	ErrNothingGranted   = casefile.NewError("nothing_granted", "没有可批准的救助项目", "no application can be granted")
	ErrDedupStale       = casefile.NewError("dedup_stale", "重复申请的处理结果已变化，请重新生成议程", "the duplicate resolution has changed; rebuild the agenda")
	ErrProposalStale    = casefile.NewError("proposal_stale", "拟定金额已变化，请重新生成议程后再表决", "the proposed amount has changed; rebuild the agenda and vote again")
	ErrCommittee        = casefile.NewError("bad_committee", "研判委员会设置有误", "the committee is not set up correctly")
	// ErrReasonRequired is casefile's: a reason is required for anything
	// but an agreeing vote, for a recusal, a rejection, a deferral and the
	// chair's final word.
	ErrReasonRequired = casefile.ErrReasonRequired
)
