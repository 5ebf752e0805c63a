package console

import (
	"github.com/rongjiuzhu/hall/casefile"
)

// The labels of the meeting console, each in both languages. Texts of the
// domain (roles, choices, statuses, rulings, marks, errors, the default
// rejection wording) come from meeting and casefile in the same two
// languages.
var (
	// frame and screens
	lblMtgTitle      = casefile.Text{ZH: "研判会", EN: "Meeting"}
	lblMtgQuitTitle  = casefile.Text{ZH: "退出研判会", EN: "Quit the meeting console"}
	lblMtgQuitText   = casefile.Text{ZH: "正在填写的理由尚未记录，退出后不会保存。已记录的出席、表决和决定都已保存。确定退出吗？", EN: "The reason being typed is not recorded yet and will be lost. Attendance, votes and decisions recorded are all kept. Quit?"}
	lblMtgTabSetup   = casefile.Text{ZH: "出席与议程", EN: "Attendance"}
	lblMtgTabWalk    = casefile.Text{ZH: "逐案研判", EN: "Cases"}
	lblMtgTabClosing = casefile.Text{ZH: "闭会", EN: "Closing"}
	lblMtgLoading    = casefile.Text{ZH: "正在读取", EN: "Loading"}
	lblMtgSaving     = casefile.Text{ZH: "正在保存", EN: "Saving"}
	lblMtgBuilding   = casefile.Text{ZH: "正在生成议程（先处理同一救助政策重复申请）", EN: "Building the agenda (duplicates resolved first)"}
	lblMtgLoadFailed = casefile.Text{ZH: "无法读取研判会：%s", EN: "Cannot read the sessions: %s"}
	lblMtgReadOnly   = casefile.Text{ZH: "本次研判会已闭会，记录只读", EN: "This session is closed; its record is read-only"}
	lblMtgSep        = casefile.Text{ZH: "；", EN: "; "}
	// a user whose role may not write the meeting
	lblMtgRoMark         = casefile.Text{ZH: "（只读：%s）", EN: " (read-only: %s)"}
	lblMtgRoLine         = casefile.Text{ZH: "只读：%s不能记录出席、议程、表决和决定，也不能开会、闭会", EN: "Read-only: a %s records no attendance, agenda, votes or decisions and opens or closes no session"}
	lblMtgRoUnregistered = casefile.Text{ZH: "未登记用户", EN: "unregistered user"}
	lblMtgNoSessionsRo   = casefile.Text{ZH: "还没有研判会。", EN: "No session yet."}
	// sessions
	lblMtgSessionsTitle  = casefile.Text{ZH: "综合研判会", EN: "Adjudication meetings"}
	lblMtgNoSessions     = casefile.Text{ZH: "还没有研判会。按 n 新开一次。", EN: "No session yet. Press n to open one."}
	lblMtgNoSessionsHint = casefile.Text{ZH: "按 n 新开研判会", EN: "Press n to open a session"}
	lblMtgColNumber      = casefile.Text{ZH: "编号", EN: "Number"}
	lblMtgColDate        = casefile.Text{ZH: "日期", EN: "Date"}
	lblMtgColStatus      = casefile.Text{ZH: "状态", EN: "Status"}
	lblMtgColPresent     = casefile.Text{ZH: "出席", EN: "Present"}
	lblMtgColDecided     = casefile.Text{ZH: "已决/议程", EN: "Decided"}
	lblMtgColPlace       = casefile.Text{ZH: "地点", EN: "Place"}
	lblMtgNewSession     = casefile.Text{ZH: "新开研判会", EN: "Open a new session"}
	lblMtgNewTitle       = casefile.Text{ZH: "新开研判会（委员会按当前设置）", EN: "New session (with the committee as set up)"}
	lblMtgNewHint        = casefile.Text{ZH: "填写日期和地点，ctrl+s 开会；esc 收起（已填内容保留）", EN: "Give the date and place; ctrl+s opens it; esc hides the form (kept)"}
	lblMtgDate           = casefile.Text{ZH: "日期", EN: "Date"}
	lblMtgPlace          = casefile.Text{ZH: "地点", EN: "Place"}
	lblMtgOpenButton     = casefile.Text{ZH: "开会", EN: "Open the session"}
	lblMtgOpened         = casefile.Text{ZH: "已开会：%s。请点名（space 勾选出席委员）", EN: "Session %s opened. Take attendance (space marks a member present)"}
	// attendance and agenda
	lblMtgChairSecretary  = casefile.Text{ZH: "主持人 %s  记录人 %s", EN: "chair %s  secretary %s"}
	lblMtgClosedAt        = casefile.Text{ZH: "已闭会 %s %s", EN: "closed %s by %s"}
	lblMtgRule            = casefile.Text{ZH: "（规则：%s）", EN: " (rule: %s)"}
	lblMtgQuorumYes       = casefile.Text{ZH: "出席 %d/%d，已达法定人数", EN: "present %d/%d, quorum reached"}
	lblMtgQuorumNo        = casefile.Text{ZH: "出席 %d/%d，未达法定人数，不能表决", EN: "present %d/%d, no quorum: no votes can be taken"}
	lblMtgPresentShort    = casefile.Text{ZH: "出席 %d/%d", EN: "present %d/%d"}
	lblMtgPresent         = casefile.Text{ZH: "出席", EN: "present"}
	lblMtgAbsent          = casefile.Text{ZH: "缺席", EN: "absent"}
	lblMtgAbsentList      = casefile.Text{ZH: "（缺席：%s）", EN: " (absent: %s)"}
	lblMtgAttendanceTaken = casefile.Text{ZH: "%s：%s；%s", EN: "%s: %s; %s"}
	lblMtgFilterGroup     = casefile.Text{ZH: "项目组", EN: "Group"}
	lblMtgAgenda          = casefile.Text{ZH: "议程", EN: "Agenda"}
	lblMtgAgendaHead      = casefile.Text{ZH: "%d 件，已决 %d 件", EN: "%d cases, %d decided"}
	lblMtgAgendaEmpty     = casefile.Text{ZH: "议程为空：按 b 把待研判案件列入议程（先处理同一救助政策重复申请）", EN: "The agenda is empty: b puts the ready cases on it (duplicates resolved first)"}
	lblMtgAgendaBuilt     = casefile.Text{ZH: "议程已生成：新增 %d 件，共 %d 件", EN: "Agenda built: %d added, %d in all"}
	lblMtgRepAdded        = casefile.Text{ZH: "上次生成新增 %d 件", EN: "last build added %d"}
	lblMtgRepDedup        = casefile.Text{ZH: "同一救助政策只能享受一次：%d 组，保留 %d 项，不予重复 %d 项", EN: "same policy only once: %d groups, %d kept, %d to decline"}
	lblMtgRepRemoved      = casefile.Text{ZH: "移出（不再待研判）：%s", EN: "taken off (no longer ready): %s"}
	lblMtgRepBusy         = casefile.Text{ZH: "已在其他研判会议程上：%s", EN: "on another session's agenda: %s"}
	lblMtgRepRevote       = casefile.Text{ZH: "拟定内容有变、须重新表决：%s", EN: "proposal changed, to be voted again: %s"}
	lblMtgUndecided       = casefile.Text{ZH: "未决", EN: "undecided"}
	lblMtgMoreProjects    = casefile.Text{ZH: " 等 %d+1 项", EN: " and %d more"}
	lblMtgDue             = casefile.Text{ZH: "期限 %s", EN: "due %s"}
	// walkthrough
	lblMtgProgress       = casefile.Text{ZH: "已决 %d/%d  用时 %s", EN: "decided %d/%d  time %s"}
	lblMtgHousehold      = casefile.Text{ZH: "%d 人", EN: "household of %d"}
	lblMtgApplicant      = casefile.Text{ZH: "申请人：%s  %s  家庭 %d 人（%s户籍）  受理 %s", EN: "Applicant: %s  %s  household of %d (%s)  received %s"}
	lblMtgReconsider     = casefile.Text{ZH: "复议 %s 的决定：%s", EN: "Reconsiders the decision of %s: %s"}
	lblMtgSecProjects    = casefile.Text{ZH: "申请项目与拟定金额", EN: "Projects and proposed amounts"}
	lblMtgSecProposal    = casefile.Text{ZH: "拟作决定（按当前表决）", EN: "Proposed decision (on the votes so far)"}
	lblMtgSecDecision    = casefile.Text{ZH: "决定", EN: "Decision"}
	lblMtgSecVotes       = casefile.Text{ZH: "表决理由与回避", EN: "Reasons and recusals"}
	lblMtgAmounts        = casefile.Text{ZH: "申请 %s 元，拟定 %s 元", EN: "requested %s, proposed %s yuan"}
	lblMtgGranted        = casefile.Text{ZH: "核定 %s 元", EN: "granted %s yuan"}
	lblMtgPeriod         = casefile.Text{ZH: "（%s 起 %d 个月）", EN: " (from %s, %d months)"}
	lblMtgProposal       = casefile.Text{ZH: "按规则拟：%s", EN: "the rule gives: %s"}
	lblMtgNoProposal     = casefile.Text{ZH: "无（未达法定人数）", EN: "none (no quorum)"}
	lblMtgSoFar          = casefile.Text{ZH: "（尚有 %d 人未表决）", EN: " (%d still to vote)"}
	lblMtgNoQuorum       = casefile.Text{ZH: "未达法定人数，不能表决", EN: "no quorum: no votes"}
	lblMtgMissing        = casefile.Text{ZH: "缺少：%s", EN: "missing: %s"}
	lblMtgDefaultWording = casefile.Text{ZH: "默认不予救助理由：%s", EN: "Default rejection wording: %s"}
	lblMtgTally          = casefile.Text{ZH: "同意 %d  不同意 %d  弃权 %d  回避 %d  未投 %d", EN: "agree %d  disagree %d  abstain %d  recused %d  pending %d"}
	lblMtgPending        = casefile.Text{ZH: "尚有 %d 人未表决：%s", EN: "%d have not voted: %s"}
	lblMtgDecisionShort  = casefile.Text{ZH: "已决定：%s", EN: "decided: %s"}
	lblMtgOverrideShort  = casefile.Text{ZH: "（主持人最终意见；按规则为%s）", EN: " (chair's final word; the rule gave %s)"}
	lblMtgDecidedBy      = casefile.Text{ZH: "%s  记录 %s", EN: "%s  recorded by %s"}
	lblMtgReason         = casefile.Text{ZH: "理由：%s", EN: "Reason: %s"}
	lblMtgVerify         = casefile.Text{ZH: "待核查：%s", EN: "To verify: %s"}
	lblMtgVAbsent        = casefile.Text{ZH: "缺席", EN: "absent"}
	lblMtgVRecused       = casefile.Text{ZH: "回避", EN: "recused"}
	lblMtgVPending       = casefile.Text{ZH: "未投", EN: "pending"}
	lblMtgVSplit         = casefile.Text{ZH: "分项", EN: "split"}
	lblMtgVoteOn         = casefile.Text{ZH: "，%s %s", EN: ", %s %s"}
	lblMtgCaseLine       = casefile.Text{ZH: "案件 %s  申请人 %s", EN: "Case %s, applicant %s"}
	lblMtgVoteTitle      = casefile.Text{ZH: "%s：%s", EN: "%s: %s"}
	lblMtgVoteReason     = casefile.Text{ZH: "请写明理由（同意以外的表决必须写明理由）：", EN: "Give the reason (required for anything but agree):"}
	lblMtgRecuseTitle    = casefile.Text{ZH: "%s 申请回避", EN: "%s declares a conflict"}
	lblMtgRecuseReason   = casefile.Text{ZH: "请写明回避理由（如：系申请人亲属、申请人工作单位负责人）：", EN: "Give the reason (e.g. a relative of the applicant, the applicant's employer):"}
	lblMtgVoted          = casefile.Text{ZH: "已记录：%s %s", EN: "Recorded: %s %s"}
	lblMtgRecused        = casefile.Text{ZH: "已记录回避：%s", EN: "Recusal recorded: %s"}
	lblMtgDecideTitle    = casefile.Text{ZH: "决定 %s", EN: "Decide %s"}
	lblMtgChooseKeys     = casefile.Text{ZH: "↑/↓ 选择  enter 确定  1 批准  2 不予救助  3 暂缓  esc 取消", EN: "up/down choose  enter go on  1 approve  2 reject  3 defer  esc cancel"}
	lblMtgRuleTitle      = casefile.Text{ZH: "%s：%s", EN: "%s: %s"}
	// per project
	lblMtgChooseKeysProjects = casefile.Text{ZH: "↑/↓ 选择  enter 确定  1 逐项决定  2 批准  3 不予救助  4 暂缓  esc 取消", EN: "up/down choose  enter go on  1 per project  2 approve  3 reject  4 defer  esc cancel"}
	lblMtgChooseProjectKeys  = casefile.Text{ZH: "↑/↓ 选择  enter 确定  1–%d 直接选择  esc 取消", EN: "up/down choose  enter go on  1–%d pick  esc cancel"}
	lblMtgAllProjects        = casefile.Text{ZH: "全部项目", EN: "every project"}
	lblMtgVoteWhich          = casefile.Text{ZH: "%s：%s（哪个项目？）", EN: "%s: %s (on which project?)"}
	lblMtgVoteWhichLine      = casefile.Text{ZH: "对各项目意见一致请选「全部项目」；只对一个项目意见不同请选该项目，其余项目记为同意。", EN: "Choose every project when the choice is the same on all; on one project only, the others count as agreed."}
	lblMtgVoteOnTitle        = casefile.Text{ZH: "%s：%s「%s」", EN: "%s: %s on %s"}
	lblMtgPerProject         = casefile.Text{ZH: "按表决结果逐项决定", EN: "per project, as voted"}
	lblMtgProjectProposal    = casefile.Text{ZH: "  %s %s：按规则拟%s（同意 %d，不同意 %d，弃权 %d）", EN: "  %s %s: the rule gives %s (%d agree, %d disagree, %d abstain)"}
	lblMtgProjectStands      = casefile.Text{ZH: "  %s %s：维持 %s 的决定", EN: "  %s %s: as decided by %s"}
	lblMtgPerProjectConfirm  = casefile.Text{ZH: "按表决结果逐项决定并记录？不予救助的理由在记录时按当时的核查发现和委员意见生成。", EN: "Decide each project as the votes give and record it? A rejection's reason is built when it is recorded, from the findings and the members' reasons as they are then."}
	lblMtgStands             = casefile.Text{ZH: "维持 %s 的决定", EN: "as decided by %s"}
	lblMtgProjectDeferred    = casefile.Text{ZH: "暂缓，待核查：%s", EN: "deferred, to verify: %s"}
	lblMtgAmountChanged      = casefile.Text{ZH: "拟定 %s 元，调整理由：%s", EN: "proposed %s yuan; changed because: %s"}
	lblMtgProjectVotes       = casefile.Text{ZH: "本项目按规则拟：%s（同意 %d，不同意 %d，弃权 %d）", EN: "this project, by the rule: %s (%d agree, %d disagree, %d abstain)"}
	lblMtgRejectLine         = casefile.Text{ZH: "  %s %s：不予救助", EN: "  %s %s: reject"}
	lblMtgDeferLine          = casefile.Text{ZH: "  %s %s：暂缓，待核查：%s", EN: "  %s %s: defer, to verify: %s"}
	lblMtgOverrideNote       = casefile.Text{ZH: "与表决结果（%s）不同：将记录为主持人最终意见，须写明理由。", EN: "This differs from the vote's outcome (%s): it is recorded as the chair's final word, with a reason."}
	lblMtgOverrideReason     = casefile.Text{ZH: "主持人最终意见的理由：", EN: "The reason for the chair's final word:"}
	lblMtgRejectReason       = casefile.Text{ZH: "不予救助理由（写入不予救助告知书，可修改）：", EN: "The reason for the rejection (printed on the notice; edit as needed):"}
	lblMtgDeferReason        = casefile.Text{ZH: "须补充核查的事项（用；分隔，可修改）：", EN: "What must be verified (separate with ;, edit as needed):"}
	lblMtgApproveConfirm     = casefile.Text{ZH: "按表决结果批准并记录？", EN: "Approve as the votes give and record it?"}
	lblMtgGrant              = casefile.Text{ZH: "%s %s：核定 %s 元", EN: "%s %s: grant %s yuan"}
	lblMtgGrantDeclined      = casefile.Text{ZH: "%s %s：同一救助政策只能享受一次，不予重复救助", EN: "%s %s: declined, the same policy is enjoyed only once"}
	lblMtgDecided            = casefile.Text{ZH: "已决定 %s：%s", EN: "Decided %s: %s"}
	lblMtgDecidedGranted     = casefile.Text{ZH: "，核定 %s", EN: ", granted %s"}
	lblMtgDecidedNext        = casefile.Text{ZH: "（n 下一件未决案件）", EN: " (n: next undecided case)"}
	// closing
	lblMtgSumCounts      = casefile.Text{ZH: "议程 %d 件：批准 %d  不予救助 %d  暂缓 %d  未决 %d", EN: "%d cases: %d approved  %d rejected  %d deferred  %d undecided"}
	lblMtgSumGranted     = casefile.Text{ZH: "核定金额：%s", EN: "Granted: %s"}
	lblMtgSumPeriod      = casefile.Text{ZH: "；按月发放的救助期间合计 %s 元", EN: "; %s yuan over the monthly aid periods"}
	lblMtgByDepartment   = casefile.Text{ZH: "按部门", EN: "By department"}
	lblMtgByProject      = casefile.Text{ZH: "按项目", EN: "By project"}
	lblMtgColCount       = casefile.Text{ZH: "项数", EN: "Count"}
	lblMtgColMonthly     = casefile.Text{ZH: "每月", EN: "Monthly"}
	lblMtgColOneOff      = casefile.Text{ZH: "一次性", EN: "One-off"}
	lblMtgColPeriod      = casefile.Text{ZH: "期间合计", EN: "Over period"} // monthly × months
	lblMtgNoneGranted    = casefile.Text{ZH: "无核定金额", EN: "Nothing granted"}
	lblMtgUndecidedList  = casefile.Text{ZH: "未决：%s", EN: "Undecided: %s"}
	lblMtgCloseHint      = casefile.Text{ZH: "c 闭会：闭会后记录冻结，不能再更改", EN: "c closes the session: its record is then frozen"}
	lblMtgFrozen         = casefile.Text{ZH: "已闭会，记录已冻结（只读）", EN: "Closed: the record is frozen (read-only)"}
	lblMtgPrintHint      = casefile.Text{ZH: "p 打印决定书和会议纪要", EN: "p prints the letters and minutes"}
	lblMtgCloseTitle     = casefile.Text{ZH: "闭会 %s", EN: "Close %s"}
	lblMtgCloseUndecided = casefile.Text{ZH: "%d 件未作决定，闭会后保留为待研判，可列入下次研判会：%s", EN: "%d cases are not decided; they stay ready for a later session: %s"}
	lblMtgCloseText      = casefile.Text{ZH: "闭会后本次研判会的出席、表决和决定记录将冻结，不能再更改。确定闭会？", EN: "Closing freezes this session's attendance, votes and decisions for good. Close it?"}
	lblMtgClosed         = casefile.Text{ZH: "已闭会：%s，记录已冻结", EN: "Session %s closed; its record is frozen"}
	// key help
	lblMtgKeyTabs          = casefile.Text{ZH: "切换页面", EN: "screens"}
	lblMtgKeyOpenSession   = casefile.Text{ZH: "打开", EN: "open"}
	lblMtgKeyNewSession    = casefile.Text{ZH: "新开研判会", EN: "new session"}
	lblMtgKeyCreateSession = casefile.Text{ZH: "开会", EN: "open it"}
	lblMtgKeyArea          = casefile.Text{ZH: "下一区域", EN: "next part"}
	lblMtgKeyPresent       = casefile.Text{ZH: "出席/缺席", EN: "present/absent"}
	lblMtgKeyBuild         = casefile.Text{ZH: "生成议程", EN: "build agenda"}
	lblMtgKeyWalk          = casefile.Text{ZH: "逐案研判", EN: "cases"}
	lblMtgKeySessions      = casefile.Text{ZH: "研判会列表", EN: "sessions"}
	lblMtgKeyMember        = casefile.Text{ZH: "选委员", EN: "member"}
	lblMtgKeyAgree         = casefile.Text{ZH: "同意", EN: "agree"}
	lblMtgKeyDisagree      = casefile.Text{ZH: "不同意", EN: "disagree"}
	lblMtgKeyAbstain       = casefile.Text{ZH: "弃权", EN: "abstain"}
	lblMtgKeyRecuse        = casefile.Text{ZH: "回避", EN: "recuse"}
	lblMtgKeyDecide        = casefile.Text{ZH: "决定", EN: "decide"}
	lblMtgKeyNextUndecided = casefile.Text{ZH: "下一未决", EN: "next undecided"}
	lblMtgKeyCase          = casefile.Text{ZH: "上/下一件", EN: "prev/next case"}
	lblMtgKeyAttendance    = casefile.Text{ZH: "出席", EN: "attendance"}
	lblMtgKeyToClosing     = casefile.Text{ZH: "闭会页", EN: "closing"}
	lblMtgKeyClose         = casefile.Text{ZH: "闭会", EN: "close session"}
	lblMtgKeyPrint         = casefile.Text{ZH: "打印决定书和会议纪要", EN: "print letters and minutes"}
	lblMtgKeySubmit        = casefile.Text{ZH: "确定", EN: "submit"}
)
