package common

import (
	"github.com/rongjiuzhu/hall/casefile"
)

// The labels more than one screen shows, each in both languages; a
// screen's own labels live in its package's labels.go. Texts of the domain
// (statuses, areas, channels, projects, relations, flags, actions,
// findings, errors) come from casefile and meeting in the same two
// languages.
var (
	// frame
	lblAppHall          = casefile.Text{ZH: "融救助中心", EN: "Social Assistance Hall"}
	lblErrRole          = casefile.Text{ZH: "（角色：%s）", EN: " (role: %s)"}
	LblQuitTitle        = casefile.Text{ZH: "退出前台", EN: "Quit the front desk"}
	LblQuitText         = casefile.Text{ZH: "还有未保存的内容。受理草稿会保存下来，下次打开时可以恢复；正在填写的核查材料不会保存。确定退出吗？", EN: "There is unsaved work. The intake draft is kept and offered back next time; an evidence form being filled in is not kept. Quit?"}
	LblDialogPromptKeys = casefile.Text{ZH: "enter 确认    esc 取消", EN: "enter confirm    esc cancel"}
	LblListSep          = casefile.Text{ZH: "、", EN: ", "}
	lblFmtYuan          = casefile.Text{ZH: "%s 元", EN: "%s yuan"}
	LblHomeIntake       = casefile.Text{ZH: "前台受理", EN: "Intake"}
	LblHomeQueue        = casefile.Text{ZH: "案件", EN: "Cases"}
	LblHomeMeeting      = casefile.Text{ZH: "研判会", EN: "Meeting"}
	LblHomePrint        = casefile.Text{ZH: "打印", EN: "Print"}
	LblHomeReports      = casefile.Text{ZH: "统计报表", EN: "Reports"}
	LblHomeNotice       = casefile.Text{ZH: "公示", EN: "Public notice"}
	LblHomeReview       = casefile.Text{ZH: "复核", EN: "Reviews"}
	LblKeyStartReview   = casefile.Text{ZH: "开始复核", EN: "start review"}
	LblKeyCloseNotices  = casefile.Text{ZH: "期满生效", EN: "ended notices take effect"}
	LblHomeNotYet       = casefile.Text{ZH: "「%s」尚未开放", EN: "%s: not yet available"}
	LblIntakeBirthHint  = casefile.Text{ZH: "如 2020-05-01", EN: "e.g. 2020-05-01"}
	LblIntakeNotCounted = casefile.Text{ZH: "（不计入）", EN: " (not counted)"}
	LblIntakeAidApplied = casefile.Text{ZH: "已申请", EN: "applied:"}
	LblIntakeAidHolds   = casefile.Text{ZH: "已享受", EN: "holds:"}
	// findings panel
	LblFindingsTitle       = casefile.Text{ZH: "系统发现", EN: "Findings"}
	LblFindingsIncome      = casefile.Text{ZH: "人均月收入 %s 元（%d 人，计入 %s）", EN: "Per capita %s yuan a month (household of %d, %s counted)"}
	LblFindingsExcluded    = casefile.Text{ZH: "，不计入 %s", EN: ", %s not counted"}
	LblFindingsNone        = casefile.Text{ZH: "未发现问题", EN: "Nothing found"}
	LblQueueFilterDept     = casefile.Text{ZH: "部门", EN: "Dept"}
	LblQueueFilterProject  = casefile.Text{ZH: "项目", EN: "Project"}
	LblQueueAll            = casefile.Text{ZH: "全部", EN: "all"}
	LblDossierTabHousehold = casefile.Text{ZH: "家庭", EN: "Household"}
	LblDossierTabEvidence  = casefile.Text{ZH: "核查", EN: "Evidence"}
	LblDossierDeadline     = casefile.Text{ZH: "期限 %s", EN: "due %s"}
	LblDossierDaysLeft     = casefile.Text{ZH: "（剩 %d 个工作日）", EN: " (%d working days left)"}
	LblDossierDeclined     = casefile.Text{ZH: "不予救助：%s", EN: "Declined: %s"}
	LblDossierNoEvidence   = casefile.Text{ZH: "尚无核查材料", EN: "No evidence yet"}
	LblDossierVerifier     = casefile.Text{ZH: "核查人 %s", EN: "verifier %s"}
	LblEvIncome            = casefile.Text{ZH: "核对月收入", EN: "Verified monthly income"}
	LblEvDeposits          = casefile.Text{ZH: "存款及金融资产", EN: "Deposits and assets"}
	LblEvHomes             = casefile.Text{ZH: "房产（套）", EN: "Homes"}
	LblEvVehicles          = casefile.Text{ZH: "车辆（辆）", EN: "Vehicles"}
	LblEvTotal             = casefile.Text{ZH: "医疗总费用", EN: "Medical total"}
	LblEvInsurance         = casefile.Text{ZH: "医保支付", EN: "Paid by insurance"}
	LblEvCompliant         = casefile.Text{ZH: "合规自付费用", EN: "Compliant out-of-pocket"}
	LblEvPassed            = casefile.Text{ZH: "核查结论", EN: "Result"}
	LblEvPassedYes         = casefile.Text{ZH: "符合", EN: "passed"}
	LblEvPassedNo          = casefile.Text{ZH: "不符合", EN: "failed"}
	LblPrintPrinting       = casefile.Text{ZH: "正在打印", EN: "Printing"}
	LblPrintProgress       = casefile.Text{ZH: "正在打印研判会 %s 的文书 %s", EN: "Printing the documents of session %s %s"}
	LblPrintBusy           = casefile.Text{ZH: "正在打印，请稍候", EN: "Printing; please wait"}
	lblKeyPrint            = casefile.Text{ZH: "打印", EN: "print"}
	// key help
	lblKeyQuit         = casefile.Text{ZH: "退出", EN: "quit"}
	lblKeyHelp         = casefile.Text{ZH: "帮助", EN: "help"}
	lblKeyBack         = casefile.Text{ZH: "返回", EN: "back"}
	LblKeyMove         = casefile.Text{ZH: "移动", EN: "move"}
	lblKeyOpen         = casefile.Text{ZH: "打开", EN: "open"}
	lblKeyNextField    = casefile.Text{ZH: "下一项", EN: "next field"}
	lblKeyPrevField    = casefile.Text{ZH: "上一项", EN: "previous field"}
	lblKeyNextSection  = casefile.Text{ZH: "下一部分", EN: "next section"}
	lblKeyPrevSection  = casefile.Text{ZH: "上一部分", EN: "previous section"}
	lblKeyToggle       = casefile.Text{ZH: "勾选/切换", EN: "toggle"}
	LblKeyChoose       = casefile.Text{ZH: "选择", EN: "choose"}
	lblKeyActivate     = casefile.Text{ZH: "执行", EN: "run"}
	lblKeyDeleteRow    = casefile.Text{ZH: "删除此行", EN: "delete row"}
	lblKeySave         = casefile.Text{ZH: "保存受理", EN: "save"}
	lblKeyNewIntake    = casefile.Text{ZH: "新受理", EN: "new intake"}
	lblKeyPickProjects = casefile.Text{ZH: "选择项目", EN: "projects"}
	LblKeyReceipt      = casefile.Text{ZH: "打印回执", EN: "receipt"}
	LblKeyOpenCase     = casefile.Text{ZH: "打开案件", EN: "open case"}
	lblKeyAnother      = casefile.Text{ZH: "下一位", EN: "next applicant"}
	lblKeySelect       = casefile.Text{ZH: "选择/取消", EN: "select"}
	lblKeyDone         = casefile.Text{ZH: "完成", EN: "done"}
	lblKeyPage         = casefile.Text{ZH: "翻页", EN: "page"}
	lblKeyFirstPage    = casefile.Text{ZH: "第一页", EN: "first page"}
	lblKeyNextFilter   = casefile.Text{ZH: "下一筛选", EN: "next filter"}
	lblKeyPrevFilter   = casefile.Text{ZH: "上一筛选", EN: "previous filter"}
	LblKeyChangeFilter = casefile.Text{ZH: "切换筛选值", EN: "change filter"}
	lblKeyClearFilters = casefile.Text{ZH: "清除筛选", EN: "clear filters"}
	lblKeyNextTab      = casefile.Text{ZH: "下一页签", EN: "next tab"}
	lblKeyPrevTab      = casefile.Text{ZH: "上一页签", EN: "previous tab"}
	LblKeyScroll       = casefile.Text{ZH: "滚动", EN: "scroll"}
	lblKeyAddEvidence  = casefile.Text{ZH: "补充核查", EN: "add evidence"}
	lblKeyToReady      = casefile.Text{ZH: "提交研判", EN: "to the meeting"}
	lblKeyWithdraw     = casefile.Text{ZH: "撤回", EN: "withdraw"}
	lblKeyReload       = casefile.Text{ZH: "刷新", EN: "reload"}
	LblKeyReveal       = casefile.Text{ZH: "显示完整号码", EN: "full numbers"}
	lblKeySaveEvidence = casefile.Text{ZH: "保存核查", EN: "save evidence"}
	lblKeyAllFindings  = casefile.Text{ZH: "全部发现", EN: "all findings"}
	lblKeyClose        = casefile.Text{ZH: "关闭", EN: "close"}
	lblKeyYes          = casefile.Text{ZH: "确认", EN: "yes"}
	LblKeyNo           = casefile.Text{ZH: "取消", EN: "no"}
)
