package reports

import "github.com/rongjiuzhu/hall/casefile"

// The screen's words, both languages.
var (
	lblTitle      = casefile.Text{ZH: "统计报表", EN: "Reports"}
	lblKeyMove    = casefile.Text{ZH: "移动", EN: "move"}
	lblKeyOpen    = casefile.Text{ZH: "查看案件", EN: "open cases"}
	lblKeyPeriod  = casefile.Text{ZH: "上一期/下一期", EN: "previous/next period"}
	lblKeySpan    = casefile.Text{ZH: "年/季/月", EN: "year/quarter/month"}
	lblKeyBars    = casefile.Text{ZH: "条形图指标", EN: "bar measure"}
	lblErrLoad    = casefile.Text{ZH: "统计失败：%s", EN: "the report failed: %s"}
	lblNoCases    = casefile.Text{ZH: "该部门在本期没有案件", EN: "no cases of this department in the period"}
	lblLoading    = casefile.Text{ZH: "正在统计…", EN: "counting..."}
	lblHeading    = casefile.Text{ZH: "部门贡献统计 · %s %s", EN: "Department contribution · %s %s"}
	lblBarsOf     = casefile.Text{ZH: "条形图：%s（b 切换）", EN: "bars: %s (b to change)"}
	lblCounty     = casefile.Text{ZH: "全县合计", EN: "County"}
	lblDrillTitle = casefile.Text{ZH: "%s · %s 的案件（%d 件，回车打开，Esc 返回）", EN: "%s · cases of %s (%d; enter opens, esc goes back)"}
	lblDetail1    = casefile.Text{ZH: "批准 %d 项，不予 %d 项，暂缓 %d 项；同类不重复 %d 项（避免一次性 %s 元）；每月 %s 元，一次性 %s 元（不相加）",
		EN: "approved %d, rejected %d, deferred %d; same-policy declined %d (one-off %s yuan avoided); %s yuan a month, %s yuan one-off (never added)"}
	lblDetail2 = casefile.Text{ZH: "平均 %s 个工作日，最长 %d（%s，时限 %d），超时 %d 件；唯一帮扶 %d 件；按时复核 %d；评价 %d 件，平均 %s 分",
		EN: "average %s working days, worst %d (%s, limit %d), %d late; sole helper in %d; reviews on time %d; %d ratings, average %s"}
	lblReviewsNote = casefile.Text{ZH: "按时复核：本期作出决定的复核案件中，在办理时限内决定的件数", EN: "reviews on time: review cases decided in the period within their time limit"}
)

// Span names.
var spanLabels = map[span]casefile.Text{
	spanYear:    {ZH: "年度", EN: "year"},
	spanQuarter: {ZH: "季度", EN: "quarter"},
	spanMonth:   {ZH: "月度", EN: "month"},
}

// Bar measures.
var metricLabels = map[metric]casefile.Text{
	metricReceived: {ZH: "受理件数", EN: "cases received"},
	metricOneOff:   {ZH: "一次性发放金额", EN: "one-off funds"},
	metricMonthly:  {ZH: "按月发放金额（每月）", EN: "monthly funds (a month)"},
	metricWorkdays: {ZH: "平均工作日", EN: "average working days"},
}

// Column headings of the table: department, received, approved,
// rejected, deferred, monthly, one-off, average working days, score.
var tableHead = []casefile.Text{
	{ZH: "部门", EN: "department"}, {ZH: "受理", EN: "recv"}, {ZH: "批准", EN: "appr"}, {ZH: "不予", EN: "rej"},
	{ZH: "暂缓", EN: "def"}, {ZH: "每月(元)", EN: "monthly"}, {ZH: "一次性(元)", EN: "one-off"}, {ZH: "均日", EN: "days"},
	{ZH: "评分", EN: "score"},
}

// Column headings of the drill-down: case, status, received, decided,
// working days, limit, monthly, one-off.
var caseHead = []casefile.Text{
	{ZH: "案件编号", EN: "case"}, {ZH: "状态", EN: "status"}, {ZH: "受理日期", EN: "received"}, {ZH: "决定日期", EN: "decided"},
	{ZH: "工作日", EN: "days"}, {ZH: "时限", EN: "limit"}, {ZH: "每月(元)", EN: "monthly"}, {ZH: "一次性(元)", EN: "one-off"},
}

// lblLate marks a case decided after its deadline.
var lblLate = casefile.Text{ZH: "超时", EN: "late"}

// lblLateNote explains the mark of a late case on a narrow screen.
var lblLateNote = casefile.Text{ZH: "* 超过办理时限", EN: "* decided after the time limit"}

// The discovery list's words.
var (
	lblKeyTab      = casefile.Text{ZH: "部门贡献/政策找人", EN: "departments/discovery"}
	lblKeyFilter   = casefile.Text{ZH: "按项目筛选", EN: "filter by project"}
	lblKeyApply    = casefile.Text{ZH: "转为主动申请", EN: "make an outreach application"}
	lblFoundTitle  = casefile.Text{ZH: "政策找人 · 符合条件、未享受、未申请：%d 户 %d 项", EN: "Discovery · qualify, do not hold, have not applied: %d households, %d projects"}
	lblFoundFilter = casefile.Text{ZH: "项目：%s（f 筛选，a 转为主动申请）", EN: "project: %s (f filters, a applies)"}
	lblAllProjects = casefile.Text{ZH: "全部", EN: "all"}
	lblNoneFound   = casefile.Text{ZH: "没有发现符合条件而未享受、未申请的家庭", EN: "no household qualifies for aid it neither holds nor applied for"}
	lblMonthly     = casefile.Text{ZH: "每月 %s", EN: "%s a month"}
	lblOneOff      = casefile.Text{ZH: "一次性 %s", EN: "%s one-off"}
	lblDeclared    = casefile.Text{ZH: "申报", EN: "declared"}
	lblVerified    = casefile.Text{ZH: "核对", EN: "verified"}
	lblFoundDetail = casefile.Text{ZH: "数据来自案件 %s（%s %s，%d 人）：%s人均月收入 %s 元；材料日期 %s（%s 天前）；承办部门：%s",
		EN: "data of case %s (%s %s, %d members): %s per-capita income %s yuan; evidence of %s (%s days old); department: %s"}
	lblFoundRefused = casefile.Text{ZH: "%s 曾被拒（案件 %s）：%s", EN: "refused on %s (case %s): %s"}
	lblApplied      = casefile.Text{ZH: "已受理 %s：%s 申请「%s」（主动发现），请照常核查", EN: "received %s: %s applies for %s (outreach); verify it as any other"}
)
