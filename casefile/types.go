package casefile

import (
	"slices"
	"strings"
	"time"
)

// Sex of a person, derived from the identity number where there is one.
type Sex string

// Sexes.
const (
	Male   Sex = "M"
	Female Sex = "F"
)

// Label returns 男/女 or Male/Female.
func (s Sex) Label(lang Lang) string { return sexLabels[s].In(lang) } // "" for no sex

var sexLabels = map[Sex]Text{Male: {"男", "Male"}, Female: {"女", "Female"}}

// DocType is the kind of identity document a person is recorded with.
type DocType string

// Document types. People without a resident number (infants, foreigners)
// are recorded with another document, a birth date and a guardian.
const (
	DocResidentID DocType = "resident_id"
	DocBirthCert  DocType = "birth_certificate"
	DocPassport   DocType = "passport"
	DocOther      DocType = "other"
)

// Flag names for Person.Flags used by the default catalogue's rules.
const (
	FlagStudent           = "student"
	FlagChildWithoutCarer = "child_without_carer"
	FlagOrphan            = "orphan"
	FlagVeteran           = "veteran"
	FlagElderlyAlone      = "elderly_alone"
	FlagSeriousIllness    = "serious_illness"
)

// Person is someone the hall knows: an applicant or a household member.
type Person struct {
	ID              uint64   `json:"id,omitempty"`
	DocType         DocType  `json:"doc_type"`
	DocNumber       string   `json:"doc_number"`
	Name            string   `json:"name"`
	Sex             Sex      `json:"sex,omitempty"`
	Birth           Date     `json:"birth"`
	Phone           string   `json:"phone,omitempty"`
	Township        string   `json:"township,omitempty"`
	Village         string   `json:"village,omitempty"`
	Address         string   `json:"address,omitempty"`
	DisabilityGrade int      `json:"disability_grade,omitempty"` // 0 none, 1 (most severe) to 4
	Flags           []string `json:"flags,omitempty"`
	// GuardianDoc and GuardianName identify the guardian of a person
	// without a resident number; duplicate checks use name + birth +
	// guardian for such people.
	GuardianDoc  string `json:"guardian_doc,omitempty"`
	GuardianName string `json:"guardian_name,omitempty"`
}

// HasFlag reports whether p carries flag f.
func (p Person) HasFlag(f string) bool {
	return slices.Contains(p.Flags, f)
}

// Key is the identity under which the store finds p again: the resident
// number, or document type and number, or name + birth date + guardian
// when there is no number.
func (p Person) Key() string {
	switch {
	case p.DocType == DocResidentID || (p.DocType == "" && p.DocNumber != ""):
		return "R:" + p.DocNumber
	case p.DocNumber != "":
		return "D:" + string(p.DocType) + ":" + p.DocNumber
	default:
		return "N:" + p.Name + "|" + p.Birth.String() + "|" + p.GuardianDoc
	}
}

// AgeOn returns p's age in whole years on d (0 when the birth date is not
// known).
func (p Person) AgeOn(d Date) int {
	if p.Birth.IsZero() {
		return 0
	}
	age := d.Year - p.Birth.Year
	if d.Month < p.Birth.Month || (d.Month == p.Birth.Month && d.Day < p.Birth.Day) {
		age--
	}
	if age < 0 {
		return 0
	}
	return age
}

// MaskedDoc returns the masked document number.
func (p Person) MaskedDoc() string { return MaskID(p.DocNumber) }

// Area is where a household is registered: urban or rural standards apply.
type Area string

// Areas.
const (
	Urban Area = "urban"
	Rural Area = "rural"
)

// Income is one monthly income of a household member.
type Income struct {
	Kind    string `json:"kind"`             // income kind key from the catalogue
	Source  string `json:"source,omitempty"` // employer, payer or department
	Monthly Money  `json:"monthly"`
}

// Member is one co-resident household member with their incomes.
type Member struct {
	Person   Person   `json:"person"`
	Relation string   `json:"relation"` // 本人, 配偶, 子女, 父母 …
	Incomes  []Income `json:"incomes,omitempty"`
}

// Household is a co-resident household as recorded at intake. The
// applicant is the member whose Relation is "本人" (or the first).
type Household struct {
	Area    Area     `json:"area"`
	Members []Member `json:"members"`
	// Size is the declared number of co-resident members when not all of
	// them are listed (a department's list gives only the count).
	Size int `json:"size,omitempty"`
}

// Count is the number of co-resident members: the listed ones, or the
// declared size when larger.
func (h Household) Count() int {
	if h.Size > len(h.Members) {
		return h.Size
	}
	return len(h.Members)
}

// RelationSelf marks the applicant among household members.
const RelationSelf = "本人"

// Channel is how an application reached the hall.
type Channel string

// Channels.
const (
	ChannelWindow     Channel = "window"
	ChannelMobile     Channel = "mobile"
	ChannelTownship   Channel = "township"
	ChannelDepartment Channel = "department"
	ChannelOutreach   Channel = "outreach"
)

// Channels lists the channels in display order.
var Channels = []Channel{ChannelWindow, ChannelMobile, ChannelTownship, ChannelDepartment, ChannelOutreach}

// Label returns the channel's name in lang.
func (c Channel) Label(lang Lang) string { return LabelFrom(channelLabels, c, lang) }

var channelLabels = map[Channel]Text{
	ChannelWindow:     {"窗口受理", "window"},
	ChannelMobile:     {"掌上申请", "mobile"},
	ChannelTownship:   {"镇街代办", "township"},
	ChannelDepartment: {"部门推送", "department list"},
	ChannelOutreach:   {"主动发现", "outreach"},
}

// ParseChannel reads a channel key or its Chinese label; empty is window.
func ParseChannel(s string) (Channel, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return ChannelWindow, true
	}
	return ParseLabel(Channels, s)
}

// Status is where a case stands in its life cycle.
type Status string

// Statuses, per DOMAIN.md's life cycle.
const (
	StatusReceived  Status = "received"
	StatusVerifying Status = "verifying"
	StatusReady     Status = "ready"
	StatusApproved  Status = "approved"
	StatusRejected  Status = "rejected"
	StatusDeferred  Status = "deferred"
	StatusNotified  Status = "notified"
	StatusClosed    Status = "closed"
	StatusWithdrawn Status = "withdrawn"
	// StatusPublicity: approved by the meeting, waiting for the public
	// notice (公示) to end before the approval takes effect (lifecycle.go).
	StatusPublicity Status = "publicity"
)

// Statuses lists every status in life-cycle order.
var Statuses = []Status{StatusReceived, StatusVerifying, StatusReady, StatusApproved, StatusRejected,
	StatusDeferred, StatusNotified, StatusClosed, StatusWithdrawn, StatusPublicity}

// Label returns the status name in lang.
func (s Status) Label(lang Lang) string { return LabelFrom(statusLabels, s, lang) }

var statusLabels = map[Status]Text{
	StatusReceived:  {"已受理", "received"},
	StatusVerifying: {"核查中", "verifying"},
	StatusReady:     {"待研判", "ready"},
	StatusApproved:  {"已批准", "approved"},
	StatusRejected:  {"不予救助", "rejected"},
	StatusDeferred:  {"暂缓", "deferred"},
	StatusNotified:  {"已告知", "notified"},
	StatusClosed:    {"已办结", "closed"},
	StatusWithdrawn: {"已撤回", "withdrawn"},
	StatusPublicity: {"公示中", "on public notice"},
}

// ParseStatus reads an English status key.
func ParseStatus(s string) (Status, bool) {
	for _, st := range Statuses {
		if string(st) == s {
			return st, true
		}
	}
	return "", false
}

// Open reports whether a case in status s is still undecided (it can
// still be verified, put on an agenda or withdrawn).
func (s Status) Open() bool {
	return s == StatusReceived || s == StatusVerifying || s == StatusReady || s == StatusDeferred
}

// Holding reports whether a case in status s grants its kept projects.
// A case on public notice counts as holding (no duplicate may pass it,
// related proposals see it) but pays nothing until the notice ends
// (Status.Effective).
func (s Status) Holding() bool {
	return s == StatusApproved || s == StatusNotified || s == StatusClosed || s == StatusPublicity
}

// transitions lists the allowed moves of the life cycle.
var transitions = map[Status][]Status{
	StatusReceived:  {StatusVerifying, StatusReady, StatusWithdrawn},
	StatusVerifying: {StatusReady, StatusWithdrawn},
	StatusReady:     {StatusVerifying, StatusApproved, StatusRejected, StatusDeferred, StatusWithdrawn},
	StatusDeferred:  {StatusVerifying, StatusReady, StatusWithdrawn},
	StatusApproved:  {StatusNotified, StatusPublicity},
	StatusRejected:  {StatusNotified},
	StatusNotified:  {StatusClosed},
	StatusPublicity: {StatusApproved, StatusVerifying}, // notice ended; an objection sends it to re-check
}

// CanMove reports whether the life cycle allows from → to.
func CanMove(from, to Status) bool {
	return slices.Contains(transitions[from], to)
}

// Outcome of one application after a decision or a duplicate resolution.
type Outcome string

// Outcomes.
const (
	OutcomePending  Outcome = ""
	OutcomeGranted  Outcome = "granted"
	OutcomeDeclined Outcome = "declined"
)

// Application is one project applied for within a case.
type Application struct {
	Project   string `json:"project"`   // project code
	Requested Money  `json:"requested"` // what the applicant asked for (0: by rule)
	Proposed  Money  `json:"proposed"`  // what the rules or the verifier propose
	// Dedup is set by the batch "same policy only once" resolution.
	Dedup *DedupMark `json:"dedup,omitempty"`
	// Outcome, Granted, StartMonth and Months are set by a decision.
	Outcome    Outcome `json:"outcome,omitempty"`
	Granted    Money   `json:"granted,omitempty"`
	StartMonth string  `json:"start_month,omitempty"` // "2026-12" for monthly aid
	Months     int     `json:"months,omitempty"`
	Reason     string  `json:"reason,omitempty"` // why declined, as typed or in Chinese
	// ReasonText is why declined in both languages when the system wrote
	// it (same policy only once); use Why.
	ReasonText Text `json:"reason_text,omitzero"`
}

// Why is why the application was declined, in both languages: the
// system's reason, or the reason as typed by the meeting on both sides.
func (a *Application) Why() Text {
	if a.ReasonText != (Text{}) {
		return a.ReasonText
	}
	return Text{ZH: a.Reason, EN: a.Reason}
}

// DedupMark records what the batch resolution decided for an application.
type DedupMark struct {
	Keep   bool   `json:"keep"`
	Reason string `json:"reason,omitempty"` // in Chinese, as marks were first stored
	// Text is the reason in both languages (empty on marks stored before
	// it was kept): use Why.
	Text  Text      `json:"reason_text,omitzero"`
	Group string    `json:"group"`
	At    time.Time `json:"at"`
}

// Why is the mark's reason in both languages; a mark stored before
// reasons were bilingual gives its Chinese reason on both sides.
func (m *DedupMark) Why() Text {
	if m == nil {
		return Text{}
	}
	if m.Text != (Text{}) {
		return m.Text
	}
	return Text{ZH: m.Reason, EN: m.Reason}
}

// EvidenceKind is the kind of a verification evidence item.
type EvidenceKind string

// Evidence kinds.
const (
	EvIncomeCheck     EvidenceKind = "income_check"
	EvAssetCheck      EvidenceKind = "asset_check"
	EvVehicle         EvidenceKind = "vehicle"
	EvHousing         EvidenceKind = "housing"
	EvHomeVisit       EvidenceKind = "home_visit"
	EvAppraisal       EvidenceKind = "democratic_appraisal"
	EvMedicalBill     EvidenceKind = "medical_bill"
	EvDepartmentCheck EvidenceKind = "department_check"
)

// EvidenceKinds lists the kinds in display order.
var EvidenceKinds = []EvidenceKind{EvIncomeCheck, EvAssetCheck, EvVehicle, EvHousing, EvHomeVisit,
	EvAppraisal, EvMedicalBill, EvDepartmentCheck}

// Label returns the kind's name in lang.
func (k EvidenceKind) Label(lang Lang) string { return LabelFrom(evidenceKindLabels, k, lang) }

var evidenceKindLabels = map[EvidenceKind]Text{
	EvIncomeCheck:     {"家庭收入核对", "income check"},
	EvAssetCheck:      {"家庭财产核对", "asset check"},
	EvVehicle:         {"车辆核对", "vehicle check"},
	EvHousing:         {"住房核对", "housing check"},
	EvHomeVisit:       {"入户调查", "home visit"},
	EvAppraisal:       {"民主评议", "democratic appraisal"},
	EvMedicalBill:     {"医疗费用票据", "medical bill"},
	EvDepartmentCheck: {"部门核查", "department check"},
}

// ParseEvidenceKind reads a kind key.
func ParseEvidenceKind(s string) (EvidenceKind, bool) {
	for _, k := range EvidenceKinds {
		if string(k) == s || k.Label(ZH) == s {
			return k, true
		}
	}
	return "", false
}

// Evidence is one verification item of a case, with its source and date.
type Evidence struct {
	Kind       EvidenceKind `json:"kind"`
	Department string       `json:"department"` // source department key
	Verifier   string       `json:"verifier"`
	Date       Date         `json:"date"`
	Note       string       `json:"note,omitempty"`
	// Figures of an economic check.
	MonthlyIncome Money `json:"monthly_income,omitempty"` // verified counted household income per month
	Deposits      Money `json:"deposits,omitempty"`       // deposits and financial assets
	Homes         int   `json:"homes,omitempty"`
	Vehicles      int   `json:"vehicles,omitempty"` // vehicles other than a disability vehicle or motorbike
	// Figures of a medical bill.
	MedicalTotal  Money `json:"medical_total,omitempty"`
	InsurancePaid Money `json:"insurance_paid,omitempty"`
	Compliant     Money `json:"compliant_oop,omitempty"` // compliant out-of-pocket cost
	// Passed is the verdict of a home visit, appraisal or department check.
	Passed *bool `json:"passed,omitempty"`
}

// Severity of a finding.
type Severity string

// Severities.
const (
	SevInfo    Severity = "info"
	SevWarning Severity = "warning"
	SevError   Severity = "error"
)

// FindingKind is what a finding is about.
type FindingKind string

// Finding kinds.
const (
	FindIncome      FindingKind = "income"
	FindEligibility FindingKind = "eligibility"
	FindAssets      FindingKind = "assets"
	FindDuplicate   FindingKind = "duplicate"
	FindMissingEv   FindingKind = "missing_evidence"
	FindMissingDoc  FindingKind = "missing_document"
	FindDeadline    FindingKind = "deadline"
	FindAmount      FindingKind = "amount"
)

// Finding is something the system found about a case, with its figures.
type Finding struct {
	Kind     FindingKind      `json:"kind"`
	Severity Severity         `json:"severity"`
	Project  string           `json:"project,omitempty"`
	Text     Text             `json:"message"`
	Figures  map[string]Money `json:"figures,omitempty"`
}

// HistoryEntry is one recorded change of a case.
type HistoryEntry struct {
	Seq    uint32    `json:"seq"`
	At     time.Time `json:"at"`
	Who    string    `json:"who"`
	Action string    `json:"action"` // intake, evidence, status, dedup, decision, print …
	From   Status    `json:"from,omitempty"`
	To     Status    `json:"to,omitempty"`
	Why    string    `json:"why,omitempty"` // one language: entries before Note; use Text()
	// Note is what the entry says in both languages; use Text().
	Note Text   `json:"note,omitzero"`
	Prev string `json:"prev"` // hex SHA-256 of the previous entry ("" for the first)
	Hash string `json:"hash"` // hex SHA-256 of this entry with Prev
}

// Decision is what a meeting decided for a case; set on the case when the
// decision is recorded.
type Decision struct {
	Session   string    `json:"session"` // meeting session number
	Result    Status    `json:"result"`  // approved, rejected or deferred
	Reason    string    `json:"reason,omitempty"`
	Reference string    `json:"reference,omitempty"` // letter reference number
	At        time.Time `json:"at"`
	By        string    `json:"by"`
	Refers    string    `json:"refers,omitempty"` // earlier decision's session this one reconsiders

	// NoticeReference is the reference of the rejection notice of the
	// projects refused when the decision approves others (a decision per
	// project: one letter for what was granted, one for what was refused).
	NoticeReference string `json:"notice_reference,omitempty"`
}

// Case is one intake: an applicant, the household as recorded, the
// projects applied for, evidence, status and deadline.
type Case struct {
	Seq         uint64        `json:"seq"`
	Number      string        `json:"number"` // e.g. "2026-000123"
	ApplicantID uint64        `json:"applicant_id"`
	Applicant   Person        `json:"applicant"`
	Household   Household     `json:"household"`
	Apps        []Application `json:"applications"`
	Documents   []string      `json:"documents,omitempty"` // documents received
	Channel     Channel       `json:"channel"`
	Received    time.Time     `json:"received_at"`
	Status      Status        `json:"status"`
	Deadline    Date          `json:"deadline"`
	Evidence    []Evidence    `json:"evidence,omitempty"`
	Note        string        `json:"note,omitempty"`
	Officer     string        `json:"officer"`
	Decision    *Decision     `json:"decision,omitempty"`
	Missing     []string      `json:"to_verify,omitempty"` // what a deferral asks to verify
	Version     uint64        `json:"version"`
	Updated     time.Time     `json:"updated_at"`
	// Life is what happened after the decision (lifecycle.go): notices,
	// objections, deliveries, payments, changes of the aid, reviews.
	Life *Life `json:"life,omitempty"`
}

// ReceivedDate is the calendar day the case was received.
func (c *Case) ReceivedDate() Date { return DateOf(c.Received) }

// App returns the application for project code, or nil.
func (c *Case) App(code string) *Application {
	if i := slices.IndexFunc(c.Apps, func(a Application) bool { return a.Project == code }); i >= 0 {
		return &c.Apps[i]
	}
	return nil
}

// HasEvidence reports whether the case has an evidence item of kind k.
func (c *Case) HasEvidence(k EvidenceKind) bool {
	return slices.ContainsFunc(c.Evidence, func(e Evidence) bool { return e.Kind == k })
}

// HasDocument reports whether document d was received.
func (c *Case) HasDocument(d string) bool {
	return slices.Contains(c.Documents, d)
}

// Amounts holds money by how it is paid, never added across: Monthly is
// paid every month (per month), OneOff once, Loan is lent (never a
// grant). Screens, minutes and letters show 每月 620.00 元 and 一次性
// 3,000.00 元 apart; see Text.
type Amounts struct {
	Monthly Money `json:"monthly"`
	OneOff  Money `json:"one_off"`
	Loan    Money `json:"loan,omitempty"`
}

// Add adds m to the part of a that a project of kind k pays: monthly
// projects to Monthly, loans to Loan, every other kind (one-off, a share
// of medical cost, a service valued in money) to OneOff.
func (a *Amounts) Add(k ProjectKind, m Money) {
	switch k {
	case KindMonthly:
		a.Monthly += m
	case KindLoan:
		a.Loan += m
	default:
		a.OneOff += m
	}
}

// Plus returns a and b added part by part.
func (a Amounts) Plus(b Amounts) Amounts {
	return Amounts{Monthly: a.Monthly + b.Monthly, OneOff: a.OneOff + b.OneOff, Loan: a.Loan + b.Loan}
}

// IsZero reports whether every part is zero.
func (a Amounts) IsZero() bool { return a == Amounts{} }

// Text names the non-zero parts in both languages, each apart:
// 每月 620.00 元，一次性 3,000.00 元 / 620.00 yuan a month, 3,000.00 yuan
// one-off. All zero gives 0.00 元 / 0.00 yuan.
func (a Amounts) Text() Text {
	var zh, en []string
	if a.Monthly != 0 {
		zh, en = append(zh, "每月 "+a.Monthly.Grouped()+" 元"), append(en, a.Monthly.Grouped()+" yuan a month")
	}
	if a.OneOff != 0 {
		zh, en = append(zh, "一次性 "+a.OneOff.Grouped()+" 元"), append(en, a.OneOff.Grouped()+" yuan one-off")
	}
	if a.Loan != 0 {
		zh, en = append(zh, "贷款 "+a.Loan.Grouped()+" 元"), append(en, a.Loan.Grouped()+" yuan loan")
	}
	if len(zh) == 0 {
		return Text{ZH: "0.00 元", EN: "0.00 yuan"}
	}
	return Text{ZH: strings.Join(zh, "，"), EN: strings.Join(en, ", ")}
}
