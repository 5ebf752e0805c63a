package casefile

import (
	_ "embed"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed default_catalog.toml
var defaultCatalogTOML []byte

// DefaultCatalogName names the embedded catalogue in messages.
const DefaultCatalogName = "embedded default catalogue"

// ProjectKind is how a project pays.
type ProjectKind string

// Project kinds.
const (
	KindMonthly      ProjectKind = "monthly"       // paid every month
	KindOneOff       ProjectKind = "one_off"       // paid once
	KindMedicalShare ProjectKind = "medical_share" // a share of the compliant out-of-pocket cost
	KindStatus       ProjectKind = "status"        // a recognised status, no money of its own
	KindService      ProjectKind = "service"       // care or services in kind
	KindLoan         ProjectKind = "loan"          // a loan: never a grant, never in a group
)

var projectKinds = []ProjectKind{KindMonthly, KindOneOff, KindMedicalShare, KindStatus, KindService, KindLoan}

// Label returns the kind's name in lang.
func (k ProjectKind) Label(lang Lang) string { return projectKindLabels[k].In(lang) } // "" for an unknown kind

var projectKindLabels = map[ProjectKind]Text{
	KindMonthly: {"按月发放", "monthly"}, KindOneOff: {"一次性", "one-off"},
	KindMedicalShare: {"按比例报销", "share of medical cost"}, KindStatus: {"身份认定", "status only"},
	KindService: {"服务", "service"}, KindLoan: {"贷款", "loan"},
}

// County is the local configuration of the hall's county.
type County struct {
	Name                string `toml:"name" json:"name"`
	NameEN              string `toml:"name_en" json:"name_en"`
	Hall                string `toml:"hall" json:"hall"` // the hall's own name
	HallEN              string `toml:"hall_en" json:"hall_en"`
	IssuingBody         string `toml:"issuing_body" json:"issuing_body"`
	ReconsiderationBody string `toml:"reconsideration_body" json:"reconsideration_body"`
	Court               string `toml:"court" json:"court"`
	EnquiryPhone        string `toml:"enquiry_phone" json:"enquiry_phone"`
	ReferencePrefix     string `toml:"reference_prefix" json:"reference_prefix"` // e.g. 示融救 → 示融救决〔2026〕12号
	IncomeMonthsUrban   int    `toml:"income_months_urban" json:"income_months_urban"`
	IncomeMonthsRural   int    `toml:"income_months_rural" json:"income_months_rural"`
	DeadlineWarnDays    int    `toml:"deadline_warn_days" json:"deadline_warn_days"`       // warn this many working days ahead
	RejectionNoticeDays int    `toml:"rejection_notice_days" json:"rejection_notice_days"` // working days to send a rejection
	NoticeDays          int    `toml:"notice_days" json:"notice_days"`                     // public notice, calendar days
	// ReviewMonths is how often a running aid is reviewed (复核) for a
	// stable household; ReviewMonthsWorking for a household with a member
	// able to work. PhaseOutMonths caps a gradual exit (渐退).
	ReviewMonths        int `toml:"review_months" json:"review_months"`
	ReviewMonthsWorking int `toml:"review_months_working" json:"review_months_working"`
	PhaseOutMonths      int `toml:"phase_out_months" json:"phase_out_months"`
	// UrgentCap caps an emergency pay-first (先行救助), in yuan in the
	// file; UrgentDocsDays is the working days to document it.
	UrgentCap      Money    `toml:"urgent_cap" json:"urgent_cap"`
	UrgentDocsDays int      `toml:"urgent_docs_days" json:"urgent_docs_days"`
	UrgentProjects []string `toml:"urgent_projects" json:"urgent_projects,omitempty"` // projects that may be paid first
	// RedHeader prints letters with the issuing body in red above a red
	// rule (红头, GB/T 9704 发文机关标志).
	RedHeader bool `toml:"red_header" json:"red_header"`
}

// Standard is a local standard amount, e.g. the urban minimum-living
// standard per person and month.
type Standard struct {
	Key    string `json:"key"`
	Name   string `json:"name"`
	NameEN string `json:"name_en"`
	Amount Money  `json:"amount"`
}

// IncomeKind is a kind of income and whether it counts.
type IncomeKind struct {
	Key     string   `toml:"key" json:"key"`
	Name    string   `toml:"name" json:"name"`
	NameEN  string   `toml:"name_en" json:"name_en"`
	Counted bool     `toml:"counted" json:"counted"`
	Aliases []string `toml:"aliases" json:"aliases,omitempty"` // other names seen in import files
	Note    string   `toml:"note" json:"note,omitempty"`
}

// Department is one of the county's departments that run projects.
type Department struct {
	Key    string `toml:"key" json:"key"`
	Name   string `toml:"name" json:"name"`
	NameEN string `toml:"name_en" json:"name_en"`
	Short  string `toml:"short" json:"short"`
	// OfficialName is the full official name letters are issued in
	// (示例县医疗保障局); Name is the short one the screens show.
	OfficialName string `toml:"official_name" json:"official_name,omitempty"`
	// Kind says whether the department's decisions are administrative
	// acts (a government department) or grants of a people's
	// organisation or charity.
	Kind DeptKind `toml:"kind" json:"kind,omitempty"`
	// EnquiryPhone and EnquiryOffice are whom an applicant asks about the
	// department's grants (printed on notices that carry no appeal).
	EnquiryPhone  string `toml:"enquiry_phone" json:"enquiry_phone,omitempty"`
	EnquiryOffice string `toml:"enquiry_office" json:"enquiry_office,omitempty"`
}

// DeptKind is the legal status of a department.
type DeptKind string

// Department kinds.
const (
	// DeptGovernment is a government department: its decisions are
	// administrative acts open to reconsideration and lawsuit.
	DeptGovernment DeptKind = "government"
	// DeptPeopleOrg is a people's organisation (人民团体: trade union,
	// youth league, women's federation, disabled persons' federation,
	// federation of industry and commerce, Red Cross): its grants are
	// not administrative acts.
	DeptPeopleOrg DeptKind = "people_org"
	// DeptCharity is a charitable organisation (慈善协会, 慈善总会).
	DeptCharity DeptKind = "charity"
)

// Administrative reports whether the department's decisions are
// administrative acts (and so carry appeal rights).
func (d *Department) Administrative() bool { return d.Kind == "" || d.Kind == DeptGovernment }

// Official is the department's full official name, or its name.
func (d *Department) Official() string {
	if d.OfficialName != "" {
		return d.OfficialName
	}
	return d.Name
}

// MedicalTier is one step of a medical-share project's amount rule, in
// words and figures, so that a letter can show how the amount was
// reached: who it applies to, the percentage and the annual cap.
type MedicalTier struct {
	// HoldsAny lists projects of which the household must hold one for
	// the tier to apply; an empty list applies to anyone.
	HoldsAny []string `toml:"holds_any" json:"holds_any,omitempty"`
	Label    string   `toml:"label" json:"label"`     // 低保、特困对象
	Percent  int64    `toml:"percent" json:"percent"` // of the compliant personal share
	Cap      string   `toml:"cap" json:"cap"`         // standard key of the annual cap
	// Deductible is the standard key of an amount deducted from the
	// compliant personal share before the percentage, or "".
	Deductible string `toml:"deductible" json:"deductible,omitempty"`
}

// Group is a set of projects serving the same need: a person holds at most
// one project of a group per period.
type Group struct {
	Key    string `toml:"key" json:"key"`
	Name   string `toml:"name" json:"name"`
	NameEN string `toml:"name_en" json:"name_en"`
	// Period is "year" (one per calendar year of receipt) or "ongoing"
	// (one at a time, for as long as it is held).
	Period string `toml:"period" json:"period"`
	Note   string `toml:"note" json:"note,omitempty"`
}

// Project is an assistance project run by one department.
type Project struct {
	Code        string         `json:"code"`
	Name        string         `json:"name"`
	NameEN      string         `json:"name_en"`
	Department  string         `json:"department"`
	Kind        ProjectKind    `json:"kind"`
	Group       string         `json:"group,omitempty"`
	Area        Area           `json:"area,omitempty"` // only for this area when set
	Threshold   *Rule          `json:"-"`              // per-capita income line, fen
	Eligibility *Rule          `json:"-"`
	EligNote    string         `json:"eligibility_note,omitempty"`
	EligNoteEN  string         `json:"eligibility_note_en,omitempty"`
	Amount      *Rule          `json:"-"`
	Months      int            `json:"months,omitempty"`     // period of monthly aid
	TimeLimit   int            `json:"time_limit,omitempty"` // working days to decide
	Evidence    []EvidenceKind `json:"evidence,omitempty"`
	Documents   []string       `json:"documents,omitempty"`
	LegalBasis  string         `json:"legal_basis,omitempty"`
	// Issuer is the department in whose name the project's letters are
	// issued when it is not the department that runs it (the disabled
	// persons' federation runs the two disability subsidies, the civil
	// affairs bureau decides them: 国发〔2015〕52号).
	Issuer string `json:"issuer,omitempty"`
	// NoticeBeforeApproval is set for projects whose approval must wait
	// for the public notice (公示) to end: no decision letter is dated
	// before it does.
	NoticeBeforeApproval bool `json:"notice_before_approval,omitempty"`
	// NoticeBeforeStop is set for projects whose termination is noticed
	// for County.NoticeDays days before it takes effect (特困供养终止).
	NoticeBeforeStop bool `json:"notice_before_stop,omitempty"`
	// MedicalTiers restate a medical-share project's amount rule for the
	// letter (casefile.MedicalBasisOf).
	MedicalTiers []MedicalTier `json:"medical_tiers,omitempty"`
	// PublicName is what the public-notice list prints instead of Name
	// when the name would reveal health or disability (DOMAIN: no health
	// details on public lists).
	PublicName string `json:"public_name,omitempty"`
}

// Label returns the project's name in lang.
func (p *Project) Label(lang Lang) string {
	if lang == EN && p.NameEN != "" {
		return p.NameEN
	}
	return p.Name
}

// Conditions names the project's eligibility conditions in words, never
// as the rule's source: the catalogue's eligibility_note and
// eligibility_note_en, or a pointer to the catalogue where a language has
// no note.
func (p *Project) Conditions() Text {
	t := T("见政策目录", "see the policy catalogue")
	if p.EligNote != "" {
		t.ZH = p.EligNote
	}
	if p.EligNoteEN != "" {
		t.EN = p.EligNoteEN
	}
	return t
}

// DocumentLabel names a document (as the catalogue's projects and the
// cases list it, in Chinese) in both languages: the catalogue's
// document_names give the English; a document without one keeps its
// Chinese name on both sides.
func (c *Catalog) DocumentLabel(name string) Text {
	if en := c.docNames[name]; en != "" {
		return Text{ZH: name, EN: en}
	}
	return Text{ZH: name, EN: name}
}

// NoticeName is the project's name on public lists: PublicName when the
// catalogue sets one, else Name.
func (p *Project) NoticeName() string {
	if p.PublicName != "" {
		return p.PublicName
	}
	return p.Name
}

// Label returns the department's name in lang.
func (d *Department) Label(lang Lang) string {
	if lang == EN && d.NameEN != "" {
		return d.NameEN
	}
	return d.Name
}

// Label returns the group's name in lang.
func (g *Group) Label(lang Lang) string {
	if lang == EN && g.NameEN != "" {
		return g.NameEN
	}
	return g.Name
}

// MeetingRules are the quorum and decision rules of the adjudication
// meeting, as expressions over CountEnv.
type MeetingRules struct {
	Quorum  *CountRule
	Approve *CountRule
}

// Catalog is the policy catalogue: departments, projects, income kinds,
// local standards, groups, the working-day calendar and meeting rules.
type Catalog struct {
	Source       string
	Illustrative bool
	County       County
	Standards    []Standard
	IncomeKinds  []IncomeKind
	Departments  []Department
	Groups       []Group
	Projects     []*Project
	Calendar     Calendar
	Meeting      MeetingRules

	projects map[string]*Project
	byName   map[string]*Project
	depts    map[string]*Department
	groups   map[string]*Group
	incomes  map[string]*IncomeKind
	stdMap   map[string]int64
	docNames map[string]string // Chinese document name → English
}

// Project returns the project with code (or exact Chinese or English
// name), or nil.
func (c *Catalog) Project(code string) *Project {
	if p := c.projects[code]; p != nil {
		return p
	}
	return c.byName[code]
}

// Department returns the department with key (or exact name), or nil.
func (c *Catalog) Department(key string) *Department {
	if d := c.depts[key]; d != nil {
		return d
	}
	for i := range c.Departments {
		d := &c.Departments[i]
		if d.Name == key || d.NameEN == key || (d.Short != "" && d.Short == key) {
			return d
		}
	}
	return nil
}

// Group returns the group with key, or nil.
func (c *Catalog) Group(key string) *Group { return c.groups[key] }

// IncomeKind returns the income kind with key, name or alias, or nil.
func (c *Catalog) IncomeKind(key string) *IncomeKind { return c.incomes[key] }

// Standard returns the amount of a local standard (0 when unknown).
func (c *Catalog) Standard(key string) Money { return Money(c.stdMap[key]) }

// ProjectsOf returns the projects of a department, in catalogue order.
func (c *Catalog) ProjectsOf(dept string) []*Project {
	var out []*Project
	for _, p := range c.Projects {
		if p.Department == dept {
			out = append(out, p)
		}
	}
	return out
}

// ErrCatalog is the sentinel for a catalogue that cannot be used.
var ErrCatalog = newError("bad_catalog", "政策目录有误", "the policy catalogue is invalid")

// catalogFile is the TOML shape of a catalogue.
type catalogFile struct {
	Illustrative bool   `toml:"illustrative"`
	County       County `toml:"county"`
	Meeting      struct {
		Quorum  string `toml:"quorum"`
		Approve string `toml:"approve"`
	} `toml:"meeting"`
	Calendar struct {
		Holidays []string `toml:"holidays"`
		Workdays []string `toml:"workdays"`
	} `toml:"calendar"`
	Standards []struct {
		Key    string `toml:"key"`
		Name   string `toml:"name"`
		NameEN string `toml:"name_en"`
		Amount string `toml:"amount"`
	} `toml:"standards"`
	IncomeKinds []IncomeKind `toml:"income_kinds"`
	Departments []Department `toml:"departments"`
	Groups      []Group      `toml:"groups"`
	// DocumentNames gives the English name of each document by its
	// Chinese name.
	DocumentNames map[string]string `toml:"document_names"`
	Projects      []struct {
		Code        string        `toml:"code"`
		Name        string        `toml:"name"`
		NameEN      string        `toml:"name_en"`
		Department  string        `toml:"department"`
		Kind        string        `toml:"kind"`
		Group       string        `toml:"group"`
		Area        string        `toml:"area"`
		Threshold   string        `toml:"threshold"`
		Eligibility string        `toml:"eligibility"`
		EligNote    string        `toml:"eligibility_note"`
		EligNoteEN  string        `toml:"eligibility_note_en"`
		Amount      string        `toml:"amount"`
		Months      int           `toml:"months"`
		TimeLimit   int           `toml:"time_limit"`
		Evidence    []string      `toml:"evidence"`
		Documents   []string      `toml:"documents"`
		LegalBasis  string        `toml:"legal_basis"`
		PublicName  string        `toml:"public_name"`
		Issuer      string        `toml:"issuer"`
		NoticeStop  bool          `toml:"notice_before_stop"`
		Notice      bool          `toml:"notice_before_approval"`
		Tiers       []MedicalTier `toml:"medical_tiers"`
	} `toml:"projects"`
}

// DefaultCatalog parses the embedded default catalogue.
func DefaultCatalog() (*Catalog, error) {
	return ParseCatalog(defaultCatalogTOML, DefaultCatalogName)
}

// LoadCatalog reads a catalogue file.
func LoadCatalog(path string) (*Catalog, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, ErrCatalog.Withf("无法读取 %s：%v", "cannot read %s: %v", path, err)
	}
	return ParseCatalog(b, path)
}

// ParseCatalog parses and checks a catalogue. Every problem is reported
// with the file, the entry and the reason; all of them, not just the
// first. Rules are compiled once here and tried on a sample household.
func ParseCatalog(data []byte, name string) (*Catalog, error) {
	var f catalogFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, ErrCatalog.Withf("%s：%v", "%s: %v", name, err)
	}
	var probs []string
	bad := func(where, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("%s: %s: %s", name, where, fmt.Sprintf(format, args...)))
	}
	for _, k := range md.Undecoded() {
		bad(k.String(), "unknown key")
	}
	c := &Catalog{
		Source: name, Illustrative: f.Illustrative, County: f.County,
		IncomeKinds: f.IncomeKinds, Departments: f.Departments, Groups: f.Groups,
		projects: map[string]*Project{}, byName: map[string]*Project{}, depts: map[string]*Department{},
		groups: map[string]*Group{}, incomes: map[string]*IncomeKind{}, stdMap: map[string]int64{},
		docNames: f.DocumentNames,
	}
	setDefault(&c.County.IncomeMonthsUrban, 3)
	setDefault(&c.County.IncomeMonthsRural, 12)
	setDefault(&c.County.DeadlineWarnDays, 3)
	setDefault(&c.County.RejectionNoticeDays, 3)
	setDefault(&c.County.NoticeDays, 7)
	setDefault(&c.County.ReviewMonths, 12)
	setDefault(&c.County.ReviewMonthsWorking, 6)
	setDefault(&c.County.PhaseOutMonths, 6)
	setDefault(&c.County.UrgentDocsDays, 5)
	if c.County.UrgentCap == 0 {
		c.County.UrgentCap = 300000
	}
	if c.County.Name == "" {
		bad("county", "name is missing")
	}

	c.Calendar = Calendar{Holidays: map[Date]bool{}, Workdays: map[Date]bool{}}
	for _, s := range f.Calendar.Holidays {
		if d, err := ParseDate(s); err != nil {
			bad("calendar.holidays", "%q is not a date", s)
		} else {
			c.Calendar.Holidays[d] = true
		}
	}
	for _, s := range f.Calendar.Workdays {
		if d, err := ParseDate(s); err != nil {
			bad("calendar.workdays", "%q is not a date", s)
		} else {
			c.Calendar.Workdays[d] = true
		}
	}
	seenStd := map[string]bool{}
	for _, s := range f.Standards {
		where := "standard " + s.Key
		m, err := ParseMoney(s.Amount)
		switch {
		case s.Key == "":
			bad("standards", "a standard has no key")
		case seenStd[s.Key]:
			bad(where, "duplicate key")
		case err != nil:
			bad(where, "amount %q: %v", s.Amount, err)
		default:
			seenStd[s.Key] = true
			c.stdMap[s.Key] = int64(m)
			c.Standards = append(c.Standards, Standard{Key: s.Key, Name: s.Name, NameEN: s.NameEN, Amount: m})
		}
	}
	for i := range c.IncomeKinds {
		k := &c.IncomeKinds[i]
		if k.Key == "" || k.Name == "" {
			bad("income kind", "%q needs a key and a name", k.Key+k.Name)
			continue
		}
		for _, n := range append([]string{k.Key, k.Name, k.NameEN}, k.Aliases...) {
			if n == "" {
				continue
			}
			if o := c.incomes[n]; o != nil && o != k {
				bad("income kind "+k.Key, "name %q is also used by %s", n, o.Key)
			}
			c.incomes[n] = k
		}
	}
	for i := range c.Departments {
		d := &c.Departments[i]
		if d.Key == "" || d.Name == "" {
			bad("department", "%q needs a key and a name", d.Key+d.Name)
		} else if c.depts[d.Key] != nil {
			bad("department "+d.Key, "duplicate key")
		}
		switch d.Kind {
		case "":
			d.Kind = DeptGovernment
		case DeptGovernment, DeptPeopleOrg, DeptCharity:
		default:
			bad("department "+d.Key, "kind %q is none of government, people_org, charity", d.Kind)
		}
		c.depts[d.Key] = d
	}
	for i := range c.Groups {
		g := &c.Groups[i]
		if g.Period == "" {
			g.Period = "year"
		}
		if g.Key == "" {
			bad("group", "a group has no key")
		} else if c.groups[g.Key] != nil {
			bad("group "+g.Key, "duplicate key")
		}
		if g.Period != "year" && g.Period != "ongoing" {
			bad("group "+g.Key, "period %q is neither year nor ongoing", g.Period)
		}
		c.groups[g.Key] = g
	}
	sample := sampleEnv(c)
	for _, fp := range f.Projects {
		where := "project " + fp.Code
		if fp.Code == "" {
			where = "project " + fp.Name
			bad(where, "no code")
			continue
		}
		if c.projects[fp.Code] != nil {
			bad(where, "duplicate code")
			continue
		}
		p := &Project{Code: fp.Code, Name: fp.Name, NameEN: fp.NameEN, Department: fp.Department,
			Kind: ProjectKind(fp.Kind), Group: fp.Group, Area: Area(fp.Area), EligNote: fp.EligNote, EligNoteEN: fp.EligNoteEN,
			Months: fp.Months, TimeLimit: fp.TimeLimit, Documents: fp.Documents, LegalBasis: fp.LegalBasis,
			PublicName: fp.PublicName, Issuer: fp.Issuer, NoticeBeforeApproval: fp.Notice, MedicalTiers: fp.Tiers,
			NoticeBeforeStop: fp.NoticeStop}
		if p.Name == "" {
			bad(where, "no name")
		}
		if p.Issuer != "" && c.depts[p.Issuer] == nil {
			bad(where, "unknown issuer %q", p.Issuer)
		}
		for _, t := range p.MedicalTiers {
			if p.Kind != KindMedicalShare {
				bad(where, "medical_tiers on a project that is not medical_share")
			}
			if t.Label == "" || t.Percent <= 0 || t.Percent > 100 {
				bad(where, "medical tier %q needs a label and a percentage from 1 to 100", t.Label)
			}
			for _, k := range []string{t.Cap, t.Deductible} {
				if k != "" && !seenStd[k] {
					bad(where, "medical tier %q: unknown standard %q", t.Label, k)
				}
			}
		}
		if c.depts[p.Department] == nil {
			bad(where, "unknown department %q", p.Department)
		}
		if !kindKnown(p.Kind) {
			bad(where, "unknown kind %q (monthly, one_off, medical_share, status, service, loan)", fp.Kind)
		}
		if p.Group != "" && c.groups[p.Group] == nil {
			bad(where, "unknown group %q", p.Group)
		}
		if p.Kind == KindLoan && p.Group != "" {
			bad(where, "a loan is never in a group")
		}
		if p.Area != "" && p.Area != Urban && p.Area != Rural {
			bad(where, "area %q is neither urban nor rural", fp.Area)
		}
		if p.Kind == KindMonthly && p.Months == 0 {
			p.Months = 12
		}
		for _, e := range fp.Evidence {
			k, ok := ParseEvidenceKind(e)
			if !ok {
				bad(where, "unknown evidence kind %q", e)
			}
			p.Evidence = append(p.Evidence, k)
		}
		compile := func(field, src string, kind reflect.Kind) *Rule {
			if strings.TrimSpace(src) == "" {
				return nil
			}
			r, err := compileRule(src, kind)
			if err != nil {
				bad(where, "%s: %v", field, oneLine(err))
				return nil
			}
			if kind == reflect.Bool {
				_, err = r.Bool(sample)
			} else {
				_, err = r.Money(sample)
			}
			if err != nil {
				bad(where, "%s: %v", field, oneLine(err))
				return nil
			}
			return r
		}
		p.Threshold = compile("threshold", fp.Threshold, reflect.Int)
		p.Eligibility = compile("eligibility", fp.Eligibility, reflect.Bool)
		p.Amount = compile("amount", fp.Amount, reflect.Int)
		c.projects[p.Code] = p
		c.byName[p.Name] = p
		if p.NameEN != "" {
			c.byName[p.NameEN] = p
		}
		c.Projects = append(c.Projects, p)
	}
	for _, p := range c.Projects {
		for _, r := range []*Rule{p.Threshold, p.Eligibility, p.Amount} {
			for _, msg := range r.unknownNames(c) {
				bad("project "+p.Code, "%s", msg)
			}
		}
	}
	qs, as := f.Meeting.Quorum, f.Meeting.Approve
	if qs == "" {
		qs = "present * 2 > members"
	}
	if as == "" {
		as = "agree * 2 > voting"
	}
	if c.Meeting.Quorum, err = compileCountRule(qs); err != nil {
		bad("meeting.quorum", "%v", oneLine(err))
	}
	if c.Meeting.Approve, err = compileCountRule(as); err != nil {
		bad("meeting.approve", "%v", oneLine(err))
	}
	if len(probs) > 0 {
		return nil, ErrCatalog.With(Text{ZH: strings.Join(probs, "\n"), EN: strings.Join(probs, "\n")})
	}
	return c, nil
}

func setDefault(v *int, d int) {
	if *v == 0 {
		*v = d
	}
}

func kindKnown(k ProjectKind) bool {
	return slices.Contains(projectKinds, k)
}

func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", " ")), " ")
}

// sampleEnv is a plausible household used to try every rule at load, so
// that a rule that names an unknown standard or fails at run time is
// refused then, not at the window.
func sampleEnv(c *Catalog) *RuleEnv {
	return &RuleEnv{PerCapitaIncome: 30000, HouseholdIncome: 90000, Members: 3, Covered: 3, Area: string(Urban),
		Age: 40, Sex: string(Male), Flag: map[string]bool{}, Standard: c.stdMap, Deposits: 100000,
		DepositsPerCapita: 33333, MedicalTotal: 5000000, InsurancePaid: 3000000, MedicalOOP: 1500000,
		Requested: 200000}
}

// LoadCatalogFrom picks the catalogue: path when given, else the
// HALL_CATALOG environment variable, else the embedded default.
func LoadCatalogFrom(path string) (*Catalog, error) {
	if path == "" {
		path = os.Getenv("HALL_CATALOG")
	}
	if path == "" {
		return DefaultCatalog()
	}
	return LoadCatalog(path)
}

// ErrUnknownProject is returned for a project code the catalogue lacks.
var ErrUnknownProject = newError("unknown_project", "未知的救助项目", "unknown assistance project")
