package casefile

import (
	"strings"
	"time"
)

// Labels of the domain's enumerations: every value a screen, a printout
// or a message shows has a name in both languages here or beside its
// type (Sex, Channel, Status, EvidenceKind, ProjectKind, Role), so no raw
// key ("urban", "granted", "warning") ever reaches a sentence. Pass the
// value itself to T or Withf: it speaks each side's language.

// Areas lists the areas.
var Areas = []Area{Urban, Rural}

// Label returns 城市/农村 or urban/rural.
func (a Area) Label(lang Lang) string { return LabelFrom(areaLabels, a, lang) }

var areaLabels = map[Area]Text{
	Urban: {"城市", "urban"},
	Rural: {"农村", "rural"},
}

// DocTypes lists the identity document types.
var DocTypes = []DocType{DocResidentID, DocBirthCert, DocPassport, DocOther}

// Label returns the document type's name in lang.
func (d DocType) Label(lang Lang) string { return LabelFrom(docTypeLabels, d, lang) }

var docTypeLabels = map[DocType]Text{
	DocResidentID: {"居民身份证", "resident ID card"},
	DocBirthCert:  {"出生医学证明", "birth certificate"},
	DocPassport:   {"护照", "passport"},
	DocOther:      {"其他证件", "other document"},
}

// Outcomes lists the outcomes of an application, pending first.
var Outcomes = []Outcome{OutcomePending, OutcomeGranted, OutcomeDeclined}

// Label returns the outcome's name in lang.
func (o Outcome) Label(lang Lang) string { return LabelFrom(outcomeLabels, o, lang) }

var outcomeLabels = map[Outcome]Text{
	OutcomePending:  {"待决定", "pending"},
	OutcomeGranted:  {"予以救助", "granted"},
	OutcomeDeclined: {"不予救助", "declined"},
}

// Severities lists the severities, the gravest first.
var Severities = []Severity{SevError, SevWarning, SevInfo}

// Label returns the severity's short tag in lang: 问题/注意/提示 or
// FAIL/WARN/INFO.
func (s Severity) Label(lang Lang) string { return LabelFrom(severityLabels, s, lang) }

var severityLabels = map[Severity]Text{
	SevError:   {"问题", "FAIL"},
	SevWarning: {"注意", "WARN"},
	SevInfo:    {"提示", "INFO"},
}

// FindingKinds lists what findings are about.
var FindingKinds = []FindingKind{FindIncome, FindEligibility, FindAssets, FindDuplicate, FindMissingEv,
	FindMissingDoc, FindDeadline, FindAmount}

// Label returns what the finding is about, in lang.
func (k FindingKind) Label(lang Lang) string { return LabelFrom(findingKindLabels, k, lang) }

var findingKindLabels = map[FindingKind]Text{
	FindIncome:      {"收入", "income"},
	FindEligibility: {"申请条件", "eligibility"},
	FindAssets:      {"财产", "assets"},
	FindDuplicate:   {"重复救助", "duplicate aid"},
	FindMissingEv:   {"缺少核查", "missing checks"},
	FindMissingDoc:  {"缺少材料", "missing documents"},
	FindDeadline:    {"办理时限", "deadline"},
	FindAmount:      {"救助金额", "amount"},
}

// ProjectKinds lists the kinds of project.
func ProjectKinds() []ProjectKind { return append([]ProjectKind(nil), projectKinds...) }

// Perms lists the permissions.
var Perms = []Perm{PermIntake, PermEvidence, PermMove, PermMeeting, PermPrint, PermReveal, PermAdmin}

// Label names the action a permission allows, in lang: "take
// applications", as in "… may not take applications".
func (p Perm) Label(lang Lang) string { return LabelFrom(permLabels, p, lang) }

var permLabels = map[Perm]Text{
	PermIntake:   {"受理申请", "take applications"},
	PermEvidence: {"录入核查材料", "add verification evidence"},
	PermMove:     {"移送或撤回案件", "send or withdraw cases"},
	PermMeeting:  {"主持研判会", "run meetings"},
	PermPrint:    {"打印文书", "print documents"},
	PermReveal:   {"查看完整证件号码", "see full ID numbers"},
	PermAdmin:    {"管理用户和政策目录", "manage users and the catalogue"},
}

// List is a list of bilingual values shown as one: joined with 、 in
// Chinese and with ", " in English, each in that language. Pass it to T
// instead of joining words of one language.
type List []Labeler

// Label returns the list's items in lang, joined the way lang joins them.
func (l List) Label(lang Lang) string {
	sep := "、"
	if lang == EN {
		sep = ", "
	}
	var b strings.Builder
	for i, x := range l {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(x.Label(lang))
	}
	return b.String()
}

// Relations lists the household relations offered at intake besides the
// applicant (RelationSelf), as stored in Member.Relation.
var Relations = []string{"配偶", "子女", "父母", "兄弟姐妹", "祖父母", "孙子女", "其他"}

var relationLabels = map[string]Text{
	RelationSelf: {"本人", "self"}, "配偶": {"配偶", "spouse"}, "子女": {"子女", "child"}, "父母": {"父母", "parent"},
	"兄弟姐妹": {"兄弟姐妹", "sibling"}, "祖父母": {"祖父母", "grandparent"}, "孙子女": {"孙子女", "grandchild"},
	"其他": {"其他", "other"},
}

// RelationLabel names a household relation as stored in Member.Relation
// (本人, 配偶 …) in both languages; a relation the hall does not know
// (typed in an import file) is shown as it is on both sides.
func RelationLabel(r string) Text {
	if l, ok := relationLabels[r]; ok {
		return l
	}
	return Text{ZH: r, EN: r}
}

// Flags lists the person flags in display order.
var Flags = []string{FlagStudent, FlagOrphan, FlagChildWithoutCarer, FlagVeteran, FlagElderlyAlone, FlagSeriousIllness}

var flagLabels = map[string]Text{
	FlagStudent: {"学生", "student"}, FlagOrphan: {"孤儿", "orphan"}, FlagChildWithoutCarer: {"事实无人抚养", "child in fact without a carer"},
	FlagVeteran: {"退役军人", "veteran"}, FlagElderlyAlone: {"独居老人", "elderly"}, FlagSeriousIllness: {"重病", "ill"},
}

// FlagLabel names a person flag in both languages (the key on both sides
// for a flag the hall does not know).
func FlagLabel(f string) Text {
	if l, ok := flagLabels[f]; ok {
		return l
	}
	return Text{ZH: f, EN: f}
}

// DisabilityLabel names a disability grade: 无/none for 0, 一级/grade 1 …
func DisabilityLabel(grade int) Text {
	if grade >= 0 && grade < len(disabilityLabels) {
		return disabilityLabels[grade]
	}
	return T("%d级", "grade %d", grade)
}

var disabilityLabels = [5]Text{{"无", "none"}, {"一级", "grade 1"}, {"二级", "grade 2"}, {"三级", "grade 3"}, {"四级", "grade 4"}}

var weekdayLabels = [7]Text{{"星期日", "Sunday"}, {"星期一", "Monday"}, {"星期二", "Tuesday"},
	{"星期三", "Wednesday"}, {"星期四", "Thursday"}, {"星期五", "Friday"}, {"星期六", "Saturday"}}

// WeekdayLabel names a day of the week in both languages.
func WeekdayLabel(wd time.Weekday) Text { return weekdayLabels[wd%7] }
