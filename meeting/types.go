package meeting

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
)

// Role is a committee member's part in the meeting.
type Role string

// Roles. The chair and the members vote; the secretary records and does
// not vote.
const (
	RoleChair     Role = "chair"
	RoleMember    Role = "member"
	RoleSecretary Role = "secretary"
)

// Label returns the role's name in lang.
func (r Role) Label(lang casefile.Lang) string { return casefile.LabelFrom(roleLabels, r, lang) }

var roleLabels = map[Role]casefile.Text{
	RoleChair:     {ZH: "主持人", EN: "chair"},
	RoleMember:    {ZH: "委员", EN: "member"},
	RoleSecretary: {ZH: "记录人", EN: "secretary"},
}

// Member is one person of the committee: a department's representative.
type Member struct {
	ID         uint64 `json:"id"`
	Name       string `json:"name"`
	Department string `json:"department"` // department key of the catalogue
	Role       Role   `json:"role"`
}

// Votes reports whether the member votes (the secretary does not).
func (m Member) Votes() bool { return m.Role == RoleChair || m.Role == RoleMember }

// SessionStatus is whether a session still takes votes and decisions.
type SessionStatus string

// Session statuses.
const (
	SessionOpen   SessionStatus = "open"
	SessionClosed SessionStatus = "closed"
)

// Label returns the status name in lang.
func (s SessionStatus) Label(lang casefile.Lang) string {
	if s == SessionClosed {
		return casefile.T("已闭会", "closed").In(lang)
	}
	return casefile.T("进行中", "open").In(lang)
}

// Choice is a member's vote on a case.
type Choice string

// Choices.
const (
	Agree    Choice = "agree"
	Disagree Choice = "disagree"
	Abstain  Choice = "abstain"
)

// Label returns 同意/不同意/弃权 or the English word.
func (c Choice) Label(lang casefile.Lang) string { return casefile.LabelFrom(choiceLabels, c, lang) }

var choiceLabels = map[Choice]casefile.Text{
	Agree:    {ZH: "同意", EN: "agree"},
	Disagree: {ZH: "不同意", EN: "disagree"},
	Abstain:  {ZH: "弃权", EN: "abstain"},
}

// ParseChoice reads a choice key or its Chinese word.
func ParseChoice(s string) (Choice, bool) {
	s = strings.TrimSpace(s)
	for _, c := range []Choice{Agree, Disagree, Abstain} {
		if s == string(c) || s == c.Label(casefile.ZH) {
			return c, true
		}
	}
	return "", false
}

// AttendanceEvent records a member arriving or leaving.
type AttendanceEvent struct {
	Member  uint64    `json:"member"`
	Name    string    `json:"name"`
	Present bool      `json:"present"`
	At      time.Time `json:"at"`
	By      string    `json:"by"`
}

// Session is one adjudication meeting (综合研判会). Members is the
// committee as it was when the session was opened; later edits of the
// committee do not change it.
type Session struct {
	Seq        uint64            `json:"seq"`
	Number     string            `json:"number"` // "YH2026-001": 研判 (YanPan), year, sequence
	Date       casefile.Date     `json:"date"`
	Place      string            `json:"place"`
	Chair      Member            `json:"chair"`
	Secretary  Member            `json:"secretary"`
	Members    []Member          `json:"members"`
	Present    []uint64          `json:"present"` // member ids, ascending
	Attendance []AttendanceEvent `json:"attendance,omitempty"`
	Status     SessionStatus     `json:"status"`
	OpenedAt   time.Time         `json:"opened_at"`
	OpenedBy   string            `json:"opened_by"`
	ClosedAt   time.Time         `json:"closed_at,omitzero"`
	ClosedBy   string            `json:"closed_by,omitempty"`
	// ClosedHead is the journal's head as the close found it: the last
	// record before the close's own (which chains to it). The minutes
	// print it so that the journal is anchored on paper; nil for a
	// session open, or closed before it was recorded.
	ClosedHead *casefile.Head `json:"closed_head,omitempty"`
	// Undecided lists the agenda's cases left without a decision when the
	// session was closed.
	Undecided []string `json:"undecided,omitempty"`
	Items     int      `json:"items"`   // cases on the agenda
	Decided   int      `json:"decided"` // of which decided
	// Agenda is filled by Store.Session, ordered by deadline then case
	// number; it is not part of the stored header.
	Agenda []*Item `json:"agenda,omitempty"`
}

// IsPresent reports whether member id is present.
func (s *Session) IsPresent(id uint64) bool {
	return slices.Contains(s.Present, id)
}

// HasQuorum reports whether the members present make a quorum under
// rules before any recusal; the meeting console enables voting on it.
func (s *Session) HasQuorum(rules casefile.MeetingRules) bool {
	return eval(rules.Quorum, s.Count(&Item{}).Env())
}

// Member returns the invited member with id, or nil.
func (s *Session) Member(id uint64) *Member {
	if i := slices.IndexFunc(s.Members, func(m Member) bool { return m.ID == id }); i >= 0 {
		return &s.Members[i]
	}
	return nil
}

// FindMember finds an invited member by id ("3"), name or department key
// (when one member represents it); ErrNotMember otherwise.
func (s *Session) FindMember(ref string) (*Member, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseUint(ref, 10, 64); err == nil {
		if m := s.Member(id); m != nil {
			return m, nil
		}
	}
	var found []*Member
	for i := range s.Members {
		if s.Members[i].Name == ref {
			return &s.Members[i], nil
		}
		if s.Members[i].Department == ref && s.Members[i].Votes() {
			found = append(found, &s.Members[i])
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return nil, ErrNotMember.Withf("%q", "%q", ref)
}

// Item returns the agenda item of case number (Agenda must be loaded),
// or nil.
func (s *Session) Item(caseNumber string) *Item {
	for _, it := range s.Agenda {
		if it.Case == caseNumber {
			return it
		}
	}
	return nil
}

// Mark is what the "same policy only once" rule says of an application on
// the agenda.
type Mark string

// Marks.
const (
	MarkNone    Mark = ""        // not in a group, or alone in it
	MarkKept    Mark = "kept"    // the single highest amount of its group: kept
	MarkDecline Mark = "decline" // to decline: another application of the group is kept or held
	MarkStale   Mark = "stale"   // marked to decline, but what was kept instead is gone: rebuild the agenda
)

// Label returns the mark's name in lang.
func (m Mark) Label(lang casefile.Lang) string {
	switch m {
	case MarkKept:
		return casefile.T("保留", "kept").In(lang)
	case MarkDecline:
		return casefile.T("不予重复救助", "decline").In(lang)
	case MarkStale:
		return casefile.T("待重新判定", "to resolve again").In(lang)
	}
	return ""
}

// ItemApp is one application as the committee sees it, and after the
// decision what was decided for it.
type ItemApp struct {
	Project    string               `json:"project"`
	Department string               `json:"department"`
	Kind       casefile.ProjectKind `json:"kind"`
	Requested  casefile.Money       `json:"requested"`
	Proposed   casefile.Money       `json:"proposed"`
	Mark       Mark                 `json:"dedup,omitempty"`
	MarkReason string               `json:"dedup_reason,omitempty"` // in Chinese; screens use MarkText
	MarkText   casefile.Text        `json:"dedup_text,omitzero"`    // the mark's reason in both languages
	// Outcome, Granted, StartMonth, Months and Reason are set by the
	// decision, as on the case.
	Outcome    casefile.Outcome `json:"outcome,omitempty"`
	Granted    casefile.Money   `json:"granted,omitempty"`
	StartMonth string           `json:"start_month,omitempty"`
	Months     int              `json:"months,omitempty"`
	Reason     string           `json:"reason,omitempty"`
	ReasonText casefile.Text    `json:"reason_text,omitzero"` // the system's reason in both languages; use Why
}

// Why is why the application was declined, in both languages (the reason
// as typed on both sides when the meeting wrote it).
func (a *ItemApp) Why() casefile.Text {
	if a.ReasonText != (casefile.Text{}) {
		return a.ReasonText
	}
	return casefile.Text{ZH: a.Reason, EN: a.Reason}
}

// Vote is one member's recorded vote on one case: Choice on every
// project of the case, except those in Projects, where the member chose
// otherwise (a member who agrees to all has no Projects).
type Vote struct {
	Member   uint64            `json:"member"`
	Name     string            `json:"name"`
	Choice   Choice            `json:"choice"`
	Projects map[string]Choice `json:"projects,omitempty"` // project code → choice, where it differs from Choice
	Reason   string            `json:"reason,omitempty"`
	At       time.Time         `json:"at"`
	By       string            `json:"by"` // who recorded it
}

// On is the member's choice on project code.
func (v *Vote) On(code string) Choice {
	if c, ok := v.Projects[code]; ok {
		return c
	}
	return v.Choice
}

// Split reports whether the member chose differently on some projects.
func (v *Vote) Split() bool { return len(v.Projects) > 0 }

// Recusal is a member's declared conflict on one case.
type Recusal struct {
	Member uint64    `json:"member"`
	Name   string    `json:"name"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
	By     string    `json:"by"`
}

// Item is one case on a session's agenda: what the committee sees (a
// snapshot taken when the agenda was built), the votes, the recusals and
// the decision.
type Item struct {
	CaseSeq   uint64              `json:"case_seq"`
	Case      string              `json:"case"` // case number
	Applicant string              `json:"applicant"`
	IDNumber  string              `json:"id_number"` // masked
	Household int                 `json:"household"`
	Area      casefile.Area       `json:"area"`
	Received  casefile.Date       `json:"received"`
	Deadline  casefile.Date       `json:"deadline"`
	Apps      []ItemApp           `json:"applications"`
	Evidence  []casefile.Evidence `json:"evidence,omitempty"`
	Findings  []casefile.Finding  `json:"findings,omitempty"`
	// Refers and ReconsiderWhy are set when a decided case is put on the
	// agenda again to reconsider the decision of session Refers.
	Refers        string    `json:"refers,omitempty"`
	ReconsiderWhy string    `json:"reconsider_why,omitempty"`
	Votes         []Vote    `json:"votes"`
	Recusals      []Recusal `json:"recusals,omitempty"`
	Decision      *Decision `json:"decision,omitempty"`
}

// Vote returns member id's vote, or nil.
func (it *Item) Vote(id uint64) *Vote {
	if i := slices.IndexFunc(it.Votes, func(v Vote) bool { return v.Member == id }); i >= 0 {
		return &it.Votes[i]
	}
	return nil
}

// Recused reports whether member id is recused for the item.
func (it *Item) Recused(id uint64) bool {
	return slices.ContainsFunc(it.Recusals, func(r Recusal) bool { return r.Member == id })
}

// Decision is what the session decided on an item: one outcome per
// project (Projects), and the case's result derived from them by
// CaseResult.
type Decision struct {
	Result   casefile.Status `json:"result"`   // approved, rejected or deferred
	Proposed casefile.Status `json:"proposed"` // what the decision rule gave
	// Projects is the outcome of each project of the case, in the case's
	// order (empty on decisions stored before per-project outcomes; the
	// item's Apps then say what was granted and declined).
	Projects []ProjectDecision `json:"projects,omitempty"`
	// Override is the chair's final word departing from Proposed; Reason
	// then records why.
	Override bool     `json:"override,omitempty"`
	Reason   string   `json:"reason,omitempty"`
	Verify   []string `json:"verify,omitempty"` // what a deferral asks to verify
	Tally    Tally    `json:"tally"`
	// Amounts are the granted amounts by how they pay: per month and
	// one-off apart, never added (derived from Apps on items stored before
	// the field, which held one mixed "granted" total).
	Amounts casefile.Amounts `json:"amounts"`
	Refers  string           `json:"refers,omitempty"`
	At      time.Time        `json:"at"`
	By      string           `json:"by"`
}

// ProjectDecision is the outcome of one project of a case: approved
// with its amount, rejected with its written reason, or deferred with
// what must be verified. A later step (public notice, notification) may
// add states of its own; Result stays what the meeting decided.
type ProjectDecision struct {
	Project  string          `json:"project"`
	Result   casefile.Status `json:"result"`   // approved, rejected or deferred
	Proposed casefile.Status `json:"proposed"` // what the decision rule gave for the project
	Override bool            `json:"override,omitempty"`
	// Amount is what an approval grants; ProposedAmount what the agenda
	// proposed. When they differ AmountReason says why (required).
	Amount         casefile.Money `json:"amount,omitempty"`
	ProposedAmount casefile.Money `json:"proposed_amount"`
	AmountReason   string         `json:"amount_reason,omitempty"`
	// Reason is why a project was rejected or deferred, as written;
	// ReasonText when the system built it (both languages). Use Why.
	Reason     string        `json:"reason,omitempty"`
	ReasonText casefile.Text `json:"reason_text,omitzero"`
	Verify     []string      `json:"verify,omitempty"` // what a deferral asks to verify
	// Agree, Disagree and Abstain count the votes on this project.
	Agree    int `json:"agree"`
	Disagree int `json:"disagree"`
	Abstain  int `json:"abstain"`
	// Stands names the earlier session whose decision on this project
	// stands: the case came back from a deferral of its other projects,
	// and this one was not decided again.
	Stands string `json:"stands,omitempty"`
}

// Why is why the project was rejected or deferred, in both languages.
func (p *ProjectDecision) Why() casefile.Text {
	if p.ReasonText != (casefile.Text{}) {
		return p.ReasonText
	}
	return casefile.Text{ZH: p.Reason, EN: p.Reason}
}

// Project returns the outcome of project code, or nil.
func (d *Decision) Project(code string) *ProjectDecision {
	for i := range d.Projects {
		if d.Projects[i].Project == code {
			return &d.Projects[i]
		}
	}
	return nil
}

// CaseResult derives a case's result from the results of its projects,
// the rule the county applies:
//   - any project deferred: the case is deferred (it goes back to
//     verification; the projects decided stand and are not voted again;
//     no letter is issued while part of the decision is still open);
//   - else any project approved: approved (one approval letter for what
//     was granted, one rejection notice for what was refused);
//   - else (every project refused): rejected.
func CaseResult(results []casefile.Status) casefile.Status {
	switch {
	case len(results) == 0:
		return ""
	case slices.Contains(results, casefile.StatusDeferred):
		return casefile.StatusDeferred
	case slices.Contains(results, casefile.StatusApproved):
		return casefile.StatusApproved
	}
	return casefile.StatusRejected
}

// ProjectTally is the count of the votes on one project of a case and
// the outcome the rule proposes for it.
type ProjectTally struct {
	Project  string `json:"project"`
	Agree    int    `json:"agree"`
	Disagree int    `json:"disagree"`
	Abstain  int    `json:"abstain"`
	Passes   bool   `json:"passes"`
	// Proposed is approved when the rule passes and the project can be
	// granted (not declined as a duplicate); rejected when it passes but
	// the project is declined; otherwise deferred when evidence or
	// documents are missing, else rejected. Empty without a quorum, or
	// when the project was decided at an earlier session (Stands).
	Proposed casefile.Status `json:"proposed,omitempty"`
	Stands   string          `json:"stands,omitempty"`
	// RejectWording is the written reason a rejection of the project
	// would get if recorded now: its error findings with their figures,
	// else the reasons of the members who disagreed. It never holds a
	// vote count (that is a fact of the minutes, not of a letter).
	RejectWording casefile.Text `json:"reject_wording"`
}

// Tally is the count of an item's votes under the catalogue's meeting
// rules, and the outcome they propose.
type Tally struct {
	Members  int `json:"members"`  // voting members invited
	Present  int `json:"present"`  // of whom present
	Recused  int `json:"recused"`  // present and recused
	Voting   int `json:"voting"`   // present, not recused
	Agree    int `json:"agree"`    // votes of voting members
	Disagree int `json:"disagree"` //
	Abstain  int `json:"abstain"`  //
	// Pending names the voting members who have not voted.
	Pending []string `json:"pending,omitempty"`
	Quorum  bool     `json:"quorum"` // the quorum rule holds
	Passes  bool     `json:"passes"` // the approve rule holds
	// Proposed is the outcome: approved when the rule passes and something
	// can be granted; otherwise deferred when evidence or documents are
	// missing, else rejected. Empty without a quorum.
	Proposed casefile.Status `json:"proposed,omitempty"`
	// Missing lists the evidence and documents the case lacks.
	Missing []string `json:"missing,omitempty"`
	// RejectWording is a default written reason for a rejection, built
	// from the case's error findings with their figures (and the reasons
	// of members who disagreed); never a vote count.
	RejectWording casefile.Text `json:"reject_wording"`
	// Projects counts the votes project by project; Proposed above is
	// CaseResult of their proposals.
	Projects []ProjectTally `json:"projects,omitempty"`
}

// Project returns the tally of project code, or nil.
func (t *Tally) Project(code string) *ProjectTally {
	for i := range t.Projects {
		if t.Projects[i].Project == code {
			return &t.Projects[i]
		}
	}
	return nil
}

// Env is the tally as the catalogue's meeting rules read it.
func (t Tally) Env() casefile.CountEnv {
	return casefile.CountEnv{Members: t.Members, Present: t.Present, Recused: t.Recused, Voting: t.Voting,
		Agree: t.Agree, Disagree: t.Disagree, Abstain: t.Abstain}
}

// Count counts the votes on it in s: only present, non-recused members' votes
// count. It fills the counts and Pending, not the rule outcomes (see
// Store.Tally).
func (s *Session) Count(it *Item) Tally {
	var t Tally
	for _, m := range s.Members {
		if !m.Votes() {
			continue
		}
		t.Members++
		if !s.IsPresent(m.ID) {
			continue
		}
		t.Present++
		if it.Recused(m.ID) {
			t.Recused++
			continue
		}
		t.Voting++
		v := it.Vote(m.ID)
		if v == nil {
			t.Pending = append(t.Pending, m.Name)
			continue
		}
		switch v.Choice {
		case Agree:
			t.Agree++
		case Disagree:
			t.Disagree++
		case Abstain:
			t.Abstain++
		}
	}
	return t
}

// CountProject counts the votes on project code of it in s, as Count
// does for the case: a member's choice on the project is Vote.On.
func (s *Session) CountProject(it *Item, code string) ProjectTally {
	pt := ProjectTally{Project: code}
	for _, m := range s.Members {
		if !m.Votes() || !s.IsPresent(m.ID) || it.Recused(m.ID) {
			continue
		}
		v := it.Vote(m.ID)
		if v == nil {
			continue
		}
		switch v.On(code) {
		case Agree:
			pt.Agree++
		case Disagree:
			pt.Disagree++
		case Abstain:
			pt.Abstain++
		}
	}
	return pt
}

// Ballot is a vote as a member casts it: Choice on every project (Agree
// is "agree to all"), except those in Projects.
type Ballot struct {
	Case     string // case number
	Member   uint64
	Choice   Choice
	Projects map[string]Choice // project code → the member's choice where it differs from Choice
	Reason   string            // required when any choice is not Agree
}

// Declaration is a member's declared conflict on a case.
type Declaration struct {
	Case   string // case number
	Member uint64
	Reason string // required: the relation to the applicant
}

// Ruling is the decision as the secretary records it: one Result for
// the whole case (every project not in Projects), and per project where
// the outcomes differ.
type Ruling struct {
	Case   string          // case number
	Result casefile.Status // approved, rejected or deferred; empty when Projects names every project
	// Reason is required for a rejection (offer Tally.RejectWording), for
	// a deferral without Verify items and for an override.
	Reason string
	// Verify lists what a deferral asks to verify; empty uses Reason.
	Verify []string
	// Override records the chair's final word when Result differs from the
	// rule's proposal.
	Override bool
	// Amounts overrides the granted amount per project code (approve
	// only); the default is the proposed amount. An amount other than the
	// proposal needs AmountReason (or the project's own).
	Amounts      map[string]casefile.Money
	AmountReason string
	// DefaultReason builds the written reason of each rejected project
	// without one when the decision is recorded, from the findings and
	// the votes as they are then (see ProjectTally.RejectWording).
	DefaultReason bool
	// Projects rules project by project (project code → its ruling).
	Projects map[string]ProjectRuling
}

// ProjectRuling is the ruling on one project of a case.
type ProjectRuling struct {
	Result casefile.Status // approved, rejected or deferred
	// Amount, when Set, is the granted amount of an approval; it needs
	// AmountReason when it differs from the proposal.
	Amount       casefile.Money
	Set          bool
	AmountReason string
	Reason       string   // a rejection's written reason (else Ruling.Reason, or DefaultReason)
	Verify       []string // what a deferral asks to verify (else Ruling.Verify)
}

// Plan is what opening a session needs.
type Plan struct {
	Date  casefile.Date // zero: today
	Place string
}

// AgendaFilter narrows the ready cases put on an agenda.
type AgendaFilter struct {
	Project    string // project code
	Department string // department key
	Group      string // group key of the catalogue
	// Limit caps the cases added (0: every ready case), earliest deadline
	// first.
	Limit int
}

// AgendaReport says what building an agenda did.
type AgendaReport struct {
	Added     []string `json:"added"`     // case numbers put on the agenda
	Refreshed int      `json:"refreshed"` // undecided items shown again with current figures
	Removed   []string `json:"removed"`   // undecided items whose case is no longer ready
	Busy      []string `json:"busy"`      // ready cases on another open session's agenda
	Revote    []string `json:"revote"`    // items whose proposal changed: their votes were cleared
	// Reproposed lists the cases whose proposed amounts were recomputed
	// to a new figure (evidence, household or the household's aid changed).
	Reproposed []string              `json:"reproposed"`
	Dedup      *casefile.DedupReport `json:"dedup"` // the batch resolution run first
}

// Amount is a sum of granted amounts under one key (department or
// project).
type Amount struct {
	Key   string `json:"key"`
	Count int    `json:"count"` // applications granted
	// Amounts sums the amounts as decided by how they pay: per month and
	// one-off apart.
	Amounts casefile.Amounts `json:"amounts"`
	// Period sums the monthly amounts over their aid periods (each times
	// its months); one-off amounts are not in it.
	Period casefile.Money `json:"period"`
}

// ProjectCounts counts the projects decided, by outcome.
type ProjectCounts struct {
	Approved int `json:"approved"`
	Rejected int `json:"rejected"`
	Deferred int `json:"deferred"`
}

// Summary sums a session's decisions.
type Summary struct {
	Number    string        `json:"number"`
	Status    SessionStatus `json:"status"`
	Cases     int           `json:"cases"`
	Approved  int           `json:"approved"`
	Rejected  int           `json:"rejected"`
	Deferred  int           `json:"deferred"`
	Undecided []string      `json:"undecided"`
	// Projects counts the outcomes project by project (a case of two
	// projects may have one approved and one rejected); what stands from
	// an earlier session is not counted again.
	Projects ProjectCounts `json:"projects"`
	// Amounts sums the granted amounts by how they pay: per month and
	// one-off apart.
	Amounts casefile.Amounts `json:"amounts"`
	// Period sums the monthly amounts over their aid periods; one-off
	// amounts are not in it.
	Period       casefile.Money `json:"period"`
	ByDepartment []Amount       `json:"by_department"`
	ByProject    []Amount       `json:"by_project"`
}

// grantedAmounts sums the granted applications by how their projects pay.
func grantedAmounts(apps []ItemApp) casefile.Amounts {
	var a casefile.Amounts
	for _, ap := range apps {
		if ap.Outcome == casefile.OutcomeGranted {
			a.Add(ap.Kind, ap.Granted)
		}
	}
	return a
}

// UnmarshalJSON reads an item; a decision stored before Decision.Amounts
// (with one mixed "granted" total instead) gets its amounts derived from
// the granted applications.
func (it *Item) UnmarshalJSON(b []byte) error {
	type plain Item
	if err := json.Unmarshal(b, (*plain)(it)); err != nil {
		return err
	}
	if d := it.Decision; d != nil && d.Amounts.IsZero() {
		var old struct {
			Decision struct {
				Granted casefile.Money `json:"granted"`
			} `json:"decision"`
		}
		if err := json.Unmarshal(b, &old); err != nil {
			return err
		}
		if old.Decision.Granted != 0 {
			d.Amounts = grantedAmounts(it.Apps)
		}
	}
	return nil
}
