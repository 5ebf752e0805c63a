package casefile

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Draft is an application as taken at the window, before it is a case.
type Draft struct {
	Applicant Person        `json:"applicant"`
	Household Household     `json:"household"` // the applicant is added as 本人 when absent
	Apps      []Application `json:"applications"`
	Documents []string      `json:"documents,omitempty"`
	Channel   Channel       `json:"channel"`
	Received  time.Time     `json:"received_at"` // zero: now
	Note      string        `json:"note,omitempty"`
	// NameOnFile, when set, is the name the records hold for the
	// applicant's resident number, which the desk confirmed is changed
	// to Applicant.Name; the intake's history note says so.
	NameOnFile string `json:"name_on_file,omitempty"`
	// RepeatReason is why the person applies again for a project they
	// already have open or hold (a renewal …). Without it such an
	// application is refused (ErrRepeatApplication); with it the intake's
	// history note records the earlier cases and the reason.
	RepeatReason string `json:"repeat_reason,omitempty"`
}

// ErrRepeatApplication refuses a second application for a project the
// applicant already has open or holds, when no reason is given.
var ErrRepeatApplication = newError("repeat_application", "已有同一项目的申请或正在享受，须填写再次申请的理由（如续期）",
	"the person already has this project open or holds it; give a reason to apply again (e.g. a renewal)")

// Repeat is an application of a new intake for a project the applicant
// already has open (undecided and not declined) or holds, in CaseNumber.
type Repeat struct {
	Project    string `json:"project"`
	CaseNumber string `json:"case_number"`
	Status     Status `json:"status"`
	Held       bool   `json:"held,omitempty"`
}

// Repeats lists, for person id pid applying for codes, every case the
// person is in (as applicant or household member) that has one of the
// projects open or held: what makes a new application a repeat.
func (t *Tx) Repeats(pid uint64, codes []string) ([]Repeat, error) {
	if pid == 0 || len(codes) == 0 {
		return nil, nil
	}
	var out []Repeat
	seqs, _ := t.PersonCaseSeqs(pid)
	for _, seq := range seqs {
		c, err := t.CaseBySeq(seq)
		if err != nil {
			return nil, err
		}
		if !c.Status.Open() && !c.Status.Holding() {
			continue
		}
		for _, a := range c.Apps {
			if !slices.Contains(codes, a.Project) || a.Outcome == OutcomeDeclined || (a.Dedup != nil && !a.Dedup.Keep) {
				continue
			}
			held := c.Status.Holding()
			if held && a.Outcome != OutcomeGranted {
				continue
			}
			out = append(out, Repeat{Project: a.Project, CaseNumber: c.Number, Status: c.Status, Held: held})
		}
	}
	return out, nil
}

// RepeatFinding is the intake's warning of repeats: the person already
// has these projects open or holds them, and the save will ask why they
// apply again.
func (cat *Catalog) RepeatFinding(rs []Repeat) Finding {
	return Finding{Kind: FindDuplicate, Severity: SevWarning, Project: rs[0].Project,
		Text: T("再次申请同一项目（已有%s）：保存时须说明理由（如续期）", "applying again for the same project (already %s): the save asks why (a renewal …)",
			cat.repeatsText(rs))}
}

// repeatsText names repeats in both languages: 「城市最低生活保障」案件
// 2026-000012（核查中）.
func (cat *Catalog) repeatsText(rs []Repeat) Text {
	var zh, en []string
	for _, r := range rs {
		name, nameEN := r.Project, r.Project
		if p := cat.Project(r.Project); p != nil {
			name, nameEN = p.Name, p.Label(EN)
		}
		zh = append(zh, fmt.Sprintf("「%s」案件 %s（%s）", name, r.CaseNumber, r.Status.Label(ZH)))
		en = append(en, fmt.Sprintf("%s in case %s (%s)", nameEN, r.CaseNumber, r.Status.Label(EN)))
	}
	return Text{ZH: strings.Join(zh, "；"), EN: strings.Join(en, "; ")}
}

// FieldError is one problem with one field of a draft or an import row.
type FieldError struct {
	Field string
	Text  Text
}

// ValidationError lists every problem found in a draft.
type ValidationError struct {
	Problems []FieldError
}

func (v *ValidationError) Error() string { return v.Message(EN) }

// Message lists the problems in lang, one per line.
func (v *ValidationError) Message(lang Lang) string {
	return lines(v.Problems, func(b *strings.Builder, p FieldError) {
		b.WriteString(p.Field)
		b.WriteString(": ")
		b.WriteString(p.Text.In(lang))
	})
}

// lines writes one line for each of items with line, joined by newlines:
// how a list of problems reads.
func lines[P any](items []P, line func(b *strings.Builder, p P)) string {
	var b strings.Builder
	for i, p := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		line(&b, p)
	}
	return b.String()
}

// Is makes errors.Is(err, ErrInvalid) true.
func (v *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Limits on typed text.
const (
	MaxNameRunes = 50
	MaxNoteRunes = 2000
	MaxMembers   = 30
)

// Clean removes control characters and whole escape sequences (CSI such
// as colours, OSC such as window titles, and other ESC sequences) from
// typed or pasted text and trims blanks; tabs and newlines become spaces
// except in notes.
func Clean(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	const (
		normal = iota
		escStart
		csi
		str // OSC, DCS, SOS, PM, APC: up to BEL or ESC \
		strEsc
	)
	var b strings.Builder
	state := normal
	for _, r := range s {
		switch state {
		case escStart:
			switch r {
			case '[':
				state = csi
			case ']', 'P', 'X', '^', '_':
				state = str
			default:
				state = normal // a two-character escape
			}
			continue
		case csi:
			if r >= 0x40 && r <= 0x7e {
				state = normal
			}
			continue
		case str:
			if r == 0x07 {
				state = normal
			} else if r == 0x1b {
				state = strEsc
			}
			continue
		case strEsc:
			state = normal // ESC \ ends the string
			if r != '\\' {
				state = str
			}
			continue
		}
		switch {
		case r == 0x1b:
			state = escStart
		case r == '\n' && multiline:
			b.WriteRune(r)
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteRune(' ')
		case unicode.IsControl(r), r == '\u200b', r == '\ufeff', unicode.Is(unicode.Cf, r) && r != '\u200d':
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// NormalizePerson checks and completes a person as typed: the resident
// number is validated (sex and birth derived from it), other documents
// need a name, birth date and guardian. Problems are reported under
// field names prefixed with prefix.
func NormalizePerson(p *Person, today Date, prefix string) []FieldError {
	var probs []FieldError
	add := func(field string, t Text) { probs = append(probs, FieldError{Field: prefix + field, Text: t}) }
	p.Name = Clean(p.Name, false)
	p.Phone = Clean(p.Phone, false)
	p.Township, p.Village, p.Address = Clean(p.Township, false), Clean(p.Village, false), Clean(p.Address, false)
	p.GuardianName, p.GuardianDoc = Clean(p.GuardianName, false), strings.ToUpper(Clean(p.GuardianDoc, false))
	switch n := utf8.RuneCountInString(p.Name); {
	case n == 0:
		add("name", T("姓名不能为空", "name is required"))
	case n > MaxNameRunes:
		add("name", T("姓名过长（%d 字）", "name too long (%d characters)", n))
	}
	if p.DocType == "" {
		p.DocType = DocResidentID
	}
	promoteResidentNumber(p, today)
	switch p.DocType {
	case DocResidentID:
		info, err := ParseIDNumber(p.DocNumber, today)
		if err != nil {
			add("id_number", textOf(err))
		} else {
			p.DocNumber, p.Sex, p.Birth = info.Number, info.Sex, info.Birth
		}
	case DocBirthCert, DocPassport, DocOther:
		p.DocNumber = strings.ToUpper(Clean(p.DocNumber, false))
		if p.Birth.IsZero() {
			add("birth", T("无身份证号码时必须填写出生日期", "a birth date is required without a resident ID number"))
		} else if p.Birth.After(today) {
			add("birth", T("出生日期在今天之后", "birth date is in the future"))
		}
		if p.GuardianDoc == "" && p.GuardianName == "" && p.AgeOn(today) < 18 {
			add("guardian", T("无身份证号码的未成年人必须登记监护人", "a minor without a resident ID number needs a guardian"))
		}
	default:
		add("doc_type", T("证件类型 %q 无效", "document type %q is invalid", p.DocType))
	}
	if p.Phone != "" {
		digits := strings.Map(func(r rune) rune {
			if r == '-' || r == ' ' {
				return -1
			}
			return r
		}, p.Phone)
		if !allDigits(digits) || len(digits) < 7 || len(digits) > 12 {
			add("phone", T("电话号码 %q 无效", "phone number %q is invalid", phoneInError(p.Phone)))
		}
	}
	if p.DisabilityGrade < 0 || p.DisabilityGrade > 4 {
		add("disability_grade", T("残疾等级应为 0–4", "disability grade must be 0–4"))
	}
	return probs
}

func textOf(err error) Text {
	return Text{ZH: Message(err, ZH), EN: Message(err, EN)}
}

// Validate checks and normalises a draft against the catalogue. today
// judges birth dates.
func (cat *Catalog) Validate(d *Draft, today Date) error {
	var probs []FieldError
	add := func(field string, t Text) { probs = append(probs, FieldError{Field: field, Text: t}) }
	probs = append(probs, NormalizePerson(&d.Applicant, today, "applicant.")...)
	d.Note = Clean(d.Note, true)
	if n := utf8.RuneCountInString(d.Note); n > MaxNoteRunes {
		add("note", T("备注过长（%d 字，最多 %d 字）", "note too long (%d characters, at most %d)", n, MaxNoteRunes))
	}
	if d.Channel == "" {
		d.Channel = ChannelWindow
	}
	if _, ok := ParseChannel(string(d.Channel)); !ok {
		add("channel", T("受理渠道 %q 无效", "channel %q is invalid", d.Channel))
	}
	if d.Household.Area == "" {
		d.Household.Area = Urban
	}
	if d.Household.Area != Urban && d.Household.Area != Rural {
		add("household.area", T("户籍类别应为 urban 或 rural", "area must be urban or rural"))
	}
	self := -1
	for i := range d.Household.Members {
		m := &d.Household.Members[i]
		m.Relation = Clean(m.Relation, false)
		if m.Relation == RelationSelf {
			self = i
		}
	}
	if self < 0 {
		d.Household.Members = append([]Member{{Person: d.Applicant, Relation: RelationSelf}}, d.Household.Members...)
		self = 0
	}
	if d.Household.Size < 0 || d.Household.Size > MaxMembers {
		add("household.size", T("家庭人口 %d 不合理", "household size %d is absurd", d.Household.Size))
	}
	if len(d.Household.Members) > MaxMembers {
		add("household.members", T("家庭成员过多（%d 人）", "too many household members (%d)", len(d.Household.Members)))
	}
	for i := range d.Household.Members {
		m := &d.Household.Members[i]
		prefix := fmt.Sprintf("household.members[%d].", i)
		if i == self {
			// the applicant's record is authoritative; keep the member in step
			m.Person = d.Applicant
		} else {
			if m.Person.DocNumber == "" && m.Person.DocType == "" {
				m.Person.DocType = DocOther
			}
			probs = append(probs, NormalizePerson(&m.Person, today, prefix)...)
			if m.Person.Key() == d.Applicant.Key() {
				add(prefix+"id_number", T("与申请人重复", "same person as the applicant"))
			}
		}
		for j := range m.Incomes {
			in := &m.Incomes[j]
			in.Source = Clean(in.Source, false)
			k := cat.IncomeKind(Clean(in.Kind, false))
			if k == nil {
				add(fmt.Sprintf("%sincomes[%d].kind", prefix, j), T("未知收入类别 %q", "unknown income kind %q", in.Kind))
			} else {
				in.Kind = k.Key
			}
			if in.Monthly < 0 || in.Monthly > MaxMoney {
				add(fmt.Sprintf("%sincomes[%d].monthly", prefix, j), T("月收入 %s 元不合理", "monthly income %s yuan is absurd", in.Monthly))
			}
		}
	}
	if len(d.Apps) == 0 {
		add("applications", T("至少申请一个救助项目", "apply for at least one project"))
	}
	seen := map[string]bool{}
	for i := range d.Apps {
		a := &d.Apps[i]
		field := fmt.Sprintf("applications[%d]", i)
		p := cat.Project(strings.TrimSpace(a.Project))
		if p == nil {
			add(field, T("未知救助项目 %q", "unknown project %q", a.Project))
			continue
		}
		a.Project = p.Code
		if seen[p.Code] {
			add(field, T("项目 %s 重复申请", "project %s listed twice", p.Code))
		}
		seen[p.Code] = true
		if a.Requested < 0 || a.Requested > MaxMoney {
			add(field+".requested", T("申请金额 %s 元不合理", "requested amount %s yuan is absurd", a.Requested))
		}
	}
	for i, doc := range d.Documents {
		d.Documents[i] = Clean(doc, false)
	}
	if !d.Received.IsZero() && DateOf(d.Received).After(today) {
		add("received_at", T("受理日期在今天之后", "received date is in the future"))
	}
	if len(probs) > 0 {
		return &ValidationError{Problems: probs}
	}
	return nil
}

// Intake validates a draft and stores it as a new case in one
// transaction: people saved or merged, a case number allocated for the
// year, amounts proposed by the rules, the deadline set, the history
// started. who is the officer.
func (s *Store) Intake(d *Draft, who string) (*Case, error) {
	out, err := s.IntakeBatch([]*Draft{d}, who)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// BatchError reports the drafts of a batch that failed, by index.
type BatchError struct {
	Index int
	Err   error
}

// BatchErrors lists every failed draft of a batch.
type BatchErrors []BatchError

func (b BatchErrors) Error() string { return b.Message(EN) }

// Message lists the failures in lang.
func (b BatchErrors) Message(lang Lang) string {
	var parts []string
	for _, e := range b {
		parts = append(parts, fmt.Sprintf("#%d: %s", e.Index+1, Message(e.Err, lang)))
	}
	return strings.Join(parts, "\n")
}

// Is makes errors.Is(err, ErrInvalid) true.
func (b BatchErrors) Is(target error) bool { return target == ErrInvalid }

// IntakeBatch stores many drafts in one transaction: all or nothing.
// Every draft is validated first; any failure stores none and the error
// (a BatchErrors for more than one draft) names each failed draft.
func (s *Store) IntakeBatch(drafts []*Draft, who string) ([]*Case, error) {
	today := s.Today()
	var bad BatchErrors
	for i, d := range drafts {
		if err := s.cat.Validate(d, today); err != nil {
			bad = append(bad, BatchError{i, err})
		}
	}
	if len(bad) > 0 {
		if len(drafts) == 1 {
			return nil, bad[0].Err
		}
		return nil, bad
	}
	out := make([]*Case, 0, len(drafts))
	err := s.Update(func(t *Tx) error {
		if err := t.Require(who, PermIntake); err != nil {
			return err
		}
		out = out[:0]
		for i, d := range drafts {
			c, err := t.intake(d, who)
			if err != nil {
				if len(drafts) > 1 && errors.Is(err, ErrRepeatApplication) {
					return BatchErrors{{Index: i, Err: err}}
				}
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// intake stores one validated draft.
func (t *Tx) intake(d *Draft, who string) (*Case, error) {
	received := d.Received
	if received.IsZero() {
		received = t.now
	}
	hh := Household{Area: d.Household.Area, Size: d.Household.Size, Members: make([]Member, len(d.Household.Members))}
	copy(hh.Members, d.Household.Members)
	app := d.Applicant
	if err := t.SavePerson(&app); err != nil {
		return nil, err
	}
	for i := range hh.Members {
		m := &hh.Members[i]
		if m.Relation == RelationSelf {
			m.Person = app
			continue
		}
		if err := t.SavePerson(&m.Person); err != nil {
			return nil, err
		}
	}
	seq, err := t.nextSequence(bCases)
	if err != nil {
		return nil, err
	}
	number, err := t.nextCaseNumber(received.Year())
	if err != nil {
		return nil, err
	}
	c := &Case{Seq: seq, Number: number, ApplicantID: app.ID, Applicant: app, Household: hh,
		Documents: d.Documents, Channel: d.Channel, Received: received, Status: StatusReceived,
		Note: d.Note, Officer: who}
	c.Apps = make([]Application, len(d.Apps))
	codes := make([]string, len(d.Apps))
	for i, a := range d.Apps {
		c.Apps[i] = Application{Project: a.Project, Requested: a.Requested}
		codes[i] = a.Project
	}
	repeats, err := t.Repeats(app.ID, codes)
	if err != nil {
		return nil, err
	}
	d.RepeatReason = Clean(d.RepeatReason, false)
	if len(repeats) > 0 && d.RepeatReason == "" {
		return nil, ErrRepeatApplication.With(t.s.cat.repeatsText(repeats))
	}
	holding := t.HouseholdHolding(&hh)
	for i := range c.Apps {
		m, err := t.s.cat.ProposeAmount(c, &c.Apps[i], holding)
		if err != nil {
			return nil, err
		}
		c.Apps[i].Proposed = m
	}
	c.Deadline = t.s.cat.Deadline(DateOf(received), codes)
	note := t.s.cat.IntakeNote(c)
	if d.NameOnFile != "" && d.NameOnFile != app.Name {
		rn := T("更名：档案姓名 %s，受理时确认为 %s", "name changed: %s on file, confirmed as %s at intake", d.NameOnFile, app.Name)
		if note.ZH == "" {
			note = rn
		} else {
			note = Text{ZH: note.ZH + "；" + rn.ZH, EN: note.EN + "; " + rn.EN}
		}
	}
	if len(repeats) > 0 {
		rn := T("再次申请（已有%s），理由：%s", "applies again (already %s); reason: %s", t.s.cat.repeatsText(repeats), d.RepeatReason)
		if note.ZH == "" {
			note = rn
		} else {
			note = Text{ZH: note.ZH + "；" + rn.ZH, EN: note.EN + "; " + rn.EN}
		}
	}
	if err := t.PutCase(nil, c, Change{Who: who, Action: string(ActionIntake), Note: note}); err != nil {
		return nil, err
	}
	return c, t.bump("received/" + DateOf(received).String())
}

func (t *Tx) nextCaseNumber(year int) (string, error) {
	n, err := t.counter(fmt.Sprintf("case/%04d", year), 1)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%04d-%06d", year, n), nil
}

// counter adds delta to a named counter and returns the new value.
func (t *Tx) counter(name string, delta int64) (uint64, error) {
	var n uint64
	if v := t.get(bCounters, []byte(name)); len(v) == 8 {
		n = beUint64(v)
	}
	n = uint64(int64(n) + delta)
	return n, t.put(bCounters, []byte(name), u64(n))
}

func (t *Tx) bump(name string) error {
	_, err := t.counter(name, 1)
	return err
}

// Counter reads a named counter.
func (t *Tx) Counter(name string) uint64 {
	if v := t.get(bCounters, []byte(name)); len(v) == 8 {
		return beUint64(v)
	}
	return 0
}
