package frontdesk

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
)

// intakeState is the intake form exactly as typed: strings, so that
// nothing typed is lost even when it is not valid yet. It is what the
// autosave stores (JSON) and what a restart offers back.
type intakeState struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Phone      string        `json:"phone"`
	Township   string        `json:"township"`
	Village    string        `json:"village"`
	Address    string        `json:"address"`
	Area       string        `json:"area"`
	Disability string        `json:"disability"`
	Flags      string        `json:"flags"` // comma-separated flag names
	Incomes    []incomeState `json:"incomes"`
	Members    []memberState `json:"members"`
	Apps       []appState    `json:"apps"`
	Docs       []string      `json:"docs"`
	Channel    string        `json:"channel"`
	Note       string        `json:"note"`
}

// memberState is one co-resident member other than the applicant.
type memberState struct {
	Relation string `json:"relation"`
	Name     string `json:"name"`
	ID       string `json:"id"`
	Birth    string `json:"birth"` // only for members without a resident number
	// Disability (grade "0"–"4", "" none) and Flags (comma-separated flag
	// names) are the member's own, as the applicant's are.
	Disability string        `json:"disability,omitempty"`
	Flags      string        `json:"flags,omitempty"`
	Incomes    []incomeState `json:"incomes"`
	OnFile     string        `json:"on_file,omitempty"` // date of the record the member came from, until touched
}

// incomeState is one monthly income.
type incomeState struct {
	Kind   string `json:"kind"`
	Amount string `json:"amount"`
	OnFile string `json:"on_file,omitempty"` // date of the record the income came from, until touched
}

// appState is one project applied for.
type appState struct {
	Code      string `json:"code"`
	Requested string `json:"requested"`
}

// relations are the household relations offered, as stored in cases.
var relations = []string{"配偶", "子女", "父母", "兄弟姐妹", "祖父母", "孙子女", "其他"}

// personFlags are the flags offered, in display order, on two rows so
// that each fits beside the findings panel: what any household member
// may be (memberFlags), then what the catalogue asks of an applicant
// only.
var (
	memberFlags    = []string{casefile.FlagStudent, casefile.FlagSeriousIllness, casefile.FlagChildWithoutCarer, casefile.FlagOrphan}
	applicantFlags = []string{casefile.FlagVeteran, casefile.FlagElderlyAlone}
	personFlags    = append(slices.Clone(memberFlags), applicantFlags...)
)

// splitFlags reads a comma-separated flag list.
func splitFlags(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// setFlags is the flag list all after the row of options row was set to
// v: the row's flags as v has them, the others as they were, in display
// order.
func setFlags(all string, row []string, v string) string {
	on := map[string]bool{}
	for _, f := range splitFlags(all) {
		if !slices.Contains(row, f) {
			on[f] = true
		}
	}
	for _, f := range splitFlags(v) {
		on[f] = true
	}
	var out []string
	for _, f := range personFlags {
		if on[f] {
			out = append(out, f)
		}
	}
	return strings.Join(out, ",")
}

func newIntakeState() intakeState {
	return intakeState{Area: string(casefile.Urban), Disability: "0", Channel: string(casefile.ChannelWindow)}
}

// empty reports whether nothing has been typed.
func (s *intakeState) empty() bool {
	e := newIntakeState()
	return reflect.DeepEqual(*s, e) || reflect.DeepEqual(normalizedEmpty(*s), e)
}

// normalizedEmpty maps empty slices to nil so an emptied form counts as
// empty.
func normalizedEmpty(s intakeState) intakeState {
	if len(s.Incomes) == 0 {
		s.Incomes = nil
	}
	if len(s.Members) == 0 {
		s.Members = nil
	}
	if len(s.Apps) == 0 {
		s.Apps = nil
	}
	if len(s.Docs) == 0 {
		s.Docs = nil
	}
	return s
}

// intakeDraft is what an autosaved draft keeps: the form and the rows'
// marks, so a restored form still says which rows came from the records
// ("档案 <date>") and which ask to be checked after an ID change. A draft
// saved before the marks were kept reads with none.
type intakeDraft struct {
	intakeState
	FromFile []string `json:"from_file,omitempty"`
	Review   []string `json:"review,omitempty"`
}

// marshalDraft is the draft of the form s with the row marks fromFile and
// review.
func marshalDraft(s intakeState, fromFile, review map[string]bool) []byte {
	b, _ := json.Marshal(intakeDraft{intakeState: s, FromFile: markList(fromFile), Review: markList(review)})
	return b
}

func markList(m map[string]bool) []string {
	var out []string
	for id, on := range m {
		if on {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func markSet(ids []string) map[string]bool {
	if len(ids) == 0 {
		return nil
	}
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func unmarshalIntake(b []byte) (intakeDraft, error) {
	d := intakeDraft{intakeState: newIntakeState()}
	err := json.Unmarshal(b, &d)
	return d, err
}

// codes are the project codes applied for.
func (s *intakeState) codes() []string {
	out := make([]string, len(s.Apps))
	for i, a := range s.Apps {
		out[i] = a.Code
	}
	return out
}

func (s *intakeState) hasApp(code string) bool {
	for _, a := range s.Apps {
		if a.Code == code {
			return true
		}
	}
	return false
}

// toggleApp adds or removes a project.
func (s *intakeState) toggleApp(code string) {
	for i, a := range s.Apps {
		if a.Code == code {
			s.Apps = append(s.Apps[:i], s.Apps[i+1:]...)
			return
		}
	}
	s.Apps = append(s.Apps, appState{Code: code})
}

func (s *intakeState) hasDoc(d string) bool {
	for _, x := range s.Docs {
		if x == d {
			return true
		}
	}
	return false
}

func (s *intakeState) setDoc(d string, on bool) {
	for i, x := range s.Docs {
		if x == d {
			if !on {
				s.Docs = append(s.Docs[:i], s.Docs[i+1:]...)
			}
			return
		}
	}
	if on {
		s.Docs = append(s.Docs, d)
	}
}

// moneyOf reads an amount typed at the desk; empty is zero.
func moneyOf(s string) (casefile.Money, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return casefile.ParseMoney(s)
}

// idNumber is the typed ID number in its stored form when it is valid.
func idNumber(s string, today casefile.Date) (casefile.IDInfo, bool) {
	info, err := casefile.ParseIDNumber(s, today)
	return info, err == nil
}

// draft builds the casefile draft of the form. Amounts that do not parse
// count as zero here; problems() reports them.
func (s *intakeState) draft(cat *casefile.Catalog, today casefile.Date) *casefile.Draft {
	grade, _ := strconv.Atoi(s.Disability)
	ap := casefile.Person{DocType: casefile.DocResidentID, DocNumber: strings.TrimSpace(s.ID), Name: s.Name,
		Phone: s.Phone, Township: s.Township, Village: s.Village, Address: s.Address, DisabilityGrade: grade,
		Flags: splitFlags(s.Flags)}
	d := &casefile.Draft{Applicant: ap, Channel: casefile.Channel(s.Channel), Note: s.Note,
		Household: casefile.Household{Area: casefile.Area(s.Area)}}
	d.Household.Members = append(d.Household.Members, casefile.Member{Person: ap, Relation: casefile.RelationSelf, Incomes: incomesOf(s.Incomes)})
	for _, m := range s.Members {
		mg, _ := strconv.Atoi(m.Disability)
		p := casefile.Person{Name: m.Name, DocNumber: strings.TrimSpace(m.ID), DisabilityGrade: mg, Flags: splitFlags(m.Flags)}
		if p.DocNumber != "" {
			p.DocType = casefile.DocResidentID
		} else {
			// A member without a resident number is recorded with a birth
			// date, and the applicant stands as guardian.
			p.DocType = casefile.DocOther
			p.Birth, _ = casefile.ParseDate(strings.TrimSpace(m.Birth))
			p.GuardianDoc, p.GuardianName = ap.DocNumber, ap.Name
		}
		d.Household.Members = append(d.Household.Members, casefile.Member{Person: p, Relation: m.Relation, Incomes: incomesOf(m.Incomes)})
	}
	for _, a := range s.Apps {
		req, _ := moneyOf(a.Requested)
		d.Apps = append(d.Apps, casefile.Application{Project: a.Code, Requested: req})
	}
	// only documents some chosen project requires count as received
	for _, doc := range cat.RequiredDocuments(s.codes()) {
		if s.hasDoc(doc) {
			d.Documents = append(d.Documents, doc)
		}
	}
	return d
}

func incomesOf(in []incomeState) []casefile.Income {
	var out []casefile.Income
	for _, x := range in {
		m, _ := moneyOf(x.Amount)
		out = append(out, casefile.Income{Kind: x.Kind, Monthly: m})
	}
	return out
}

// formProblem is one thing to correct before the case can be saved,
// with the form row it belongs to.
type formProblem struct {
	Field string // form row ID ("" when none matches)
	Text  string
}

// problems lists what must be corrected before saving: amounts that do
// not parse, then everything casefile's validation finds.
func (s *intakeState) problems(c *common.Common) []formProblem {
	var out []formProblem
	check := func(id, label, v string) {
		if _, err := moneyOf(v); err != nil {
			out = append(out, formProblem{Field: id, Text: label + ": " + c.Msg(err)})
		}
	}
	for i, in := range s.Incomes {
		check(incomeID(-1, i)+".amount", c.T(lblIntakeIncomeAmount), in.Amount)
	}
	for mi, m := range s.Members {
		for i, in := range m.Incomes {
			check(incomeID(mi, i)+".amount", c.T(lblIntakeIncomeAmount), in.Amount)
		}
		if strings.TrimSpace(m.ID) == "" && strings.TrimSpace(m.Birth) != "" {
			if _, err := casefile.ParseDate(strings.TrimSpace(m.Birth)); err != nil {
				out = append(out, formProblem{Field: memberID(mi) + ".birth", Text: c.Msg(err)})
			}
		}
	}
	for _, a := range s.Apps {
		check("app."+a.Code, c.T(lblIntakeRequested), a.Requested)
	}
	d := s.draft(c.Catalog, c.Today())
	if err := c.Catalog.Validate(d, c.Today()); err != nil {
		var ve *casefile.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				out = append(out, formProblem{Field: fieldOfProblem(p.Field, s), Text: p.Text.In(c.Lang)})
			}
		} else {
			out = append(out, formProblem{Text: c.Msg(err)})
		}
	}
	return out
}

func incomeID(member, i int) string {
	if member < 0 {
		return "inc.self." + strconv.Itoa(i)
	}
	return "inc." + strconv.Itoa(member) + "." + strconv.Itoa(i)
}

func memberID(i int) string { return "m." + strconv.Itoa(i) }

// fieldOfProblem maps a casefile field path to a form row.
func fieldOfProblem(path string, s *intakeState) string {
	switch {
	case strings.HasPrefix(path, "applicant."):
		switch strings.TrimPrefix(path, "applicant.") {
		case "id_number", "doc_type":
			return "id"
		case "name":
			return "name"
		case "phone":
			return "phone"
		case "disability_grade":
			return "disability"
		}
		return "id"
	case strings.HasPrefix(path, "household.members["):
		rest := strings.TrimPrefix(path, "household.members[")
		n, after, _ := strings.Cut(rest, "]")
		i, err := strconv.Atoi(n)
		if err != nil || i == 0 {
			return "name"
		}
		mi := i - 1 // member 0 is the applicant
		switch {
		case strings.HasPrefix(after, ".name"):
			return memberID(mi) + ".name"
		case strings.HasPrefix(after, ".birth"), strings.HasPrefix(after, ".guardian"):
			return memberID(mi) + ".birth"
		case strings.HasPrefix(after, ".disability"):
			return memberID(mi) + ".disability"
		}
		return memberID(mi) + ".id"
	case strings.HasPrefix(path, "applications"):
		return "btn.pick"
	case path == "note":
		return "note"
	case path == "channel":
		return "channel"
	case strings.HasPrefix(path, "household"):
		return "area"
	}
	return ""
}
