package components

import "github.com/rongjiuzhu/hall/casefile"

// The labels only the shared components show, each in both languages.
var (
	lblAppTooSmall          = casefile.Text{ZH: "窗口太小", EN: "Window too small"}
	lblAppTooSmallSize      = casefile.Text{ZH: "请将窗口放大到至少 %dx%d（当前 %dx%d）", EN: "Please enlarge the window to at least %dx%d (now %dx%d)"}
	lblDamageTitle          = casefile.Text{ZH: "数据库文件已损坏", EN: "The database file is damaged"}
	lblDamageWhat           = casefile.Text{ZH: "本终端不能再读取或保存任何内容。请关闭本程序，由管理员运行 hall check 查看损坏之处，再用 hall restore 从最近的备份恢复（hall check --salvage 可把仍能读出的内容另存一份）。", EN: "This terminal can no longer read or save anything. Quit; an administrator runs hall check to see the damage, then hall restore from the latest backup (hall check --salvage copies what can still be read to a new file)."}
	lblDamageQuit           = casefile.Text{ZH: "按 %s 退出", EN: "Press %s to quit"}
	lblDialogYes            = casefile.Text{ZH: "确认", EN: "Yes"}
	lblDialogConfirmKeys    = casefile.Text{ZH: "y 确认    n 取消", EN: "y yes    n no"}
	lblDialogNo             = casefile.Text{ZH: "取消", EN: "No"}
	lblDialogNoticeKeys     = casefile.Text{ZH: "enter 关闭", EN: "enter close"}
	lblDossierAge           = casefile.Text{ZH: "%d 岁", EN: "age %d"}
	lblDossierHouseholdAid  = casefile.Text{ZH: "本户在其他案件中的救助项目：", EN: "Aid of this household in other cases:"}
	lblDossierHouseholdHead = casefile.Text{ZH: "家庭成员 %d 人（%s户籍）", EN: "Household of %d (%s)"}
	lblDossierVerified      = casefile.Text{ZH: "（核对：%s）", EN: " (verified: %s)"}
	lblErrInternal          = casefile.Text{ZH: "内部错误（已输入的内容未丢失）：%s", EN: "Internal error (nothing typed was lost): %s"}
	lblFormFilter           = casefile.Text{ZH: "筛选“%s”：%d 项", EN: "filter “%s”: %d"}
	lblFindingsMore         = casefile.Text{ZH: "另有 %d 条", EN: "%d more"}
	lblPickerCount          = casefile.Text{ZH: "%d 个项目", EN: "%d projects"}
	lblPickerFilter         = casefile.Text{ZH: "筛选", EN: "Filter"}
	lblPickerHint           = casefile.Text{ZH: "输入代码、名称或拼音筛选；space 选择/取消；esc 完成", EN: "Type a code, name or pinyin; space selects; esc when done"}
	lblPickerNothing        = casefile.Text{ZH: "没有匹配的项目", EN: "No matching project"}
	lblSevError             = casefile.Text{ZH: "问题", EN: "FAIL"}
	lblSevInfo              = casefile.Text{ZH: "提示", EN: "INFO"}
	lblSevWarning           = casefile.Text{ZH: "注意", EN: "WARN"}
)
