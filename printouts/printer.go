package printouts

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rongjiuzhu/hall/casefile"
)

// DefaultPayment is the payment sentence of a decision letter when the
// county sets none.
const DefaultPayment = "救助资金实行社会化发放，发放至申请人本人银行账户。"

// Printer prints the hall's documents for cases of one catalogue in one
// font. It holds no state between documents and is safe for concurrent
// use.
type Printer struct {
	fonts   *FontSet
	cat     *casefile.Catalog
	payment string
	sealKey []byte // WithSealKey
}

// Option configures a Printer.
type Option func(*Printer)

// WithPayment sets the sentence saying how granted money is paid, printed
// in every decision letter instead of DefaultPayment.
func WithPayment(sentence string) Option {
	return func(p *Printer) {
		if s := strings.TrimSpace(sentence); s != "" {
			p.payment = s
		}
	}
}

// WithFonts sets documents in the faces of fonts (FindFonts), each role in
// its own, instead of New's one font.
func WithFonts(fonts *FontSet) Option {
	return func(p *Printer) {
		if fonts != nil {
			p.fonts = fonts
		}
	}
}

// New returns a Printer that sets documents in font (parsed once per
// process: FindFont, LoadFont), or in the faces WithFonts gives, with the
// county, projects and departments of cat.
func New(font *Font, cat *casefile.Catalog, opts ...Option) *Printer {
	p := &Printer{cat: cat, payment: DefaultPayment}
	if font != nil {
		p.fonts = SingleFont(font, "")
	}
	for _, o := range opts {
		o(p)
	}
	return p
}

// Reference returns the reference number of the case's letter: the
// decision's own (casefile allocates one per kind and year when the
// decision is recorded), else one built from the county's reference
// prefix and the case number "{year}-{n}": 2026-000123 gives
// 示融救决〔2026〕123号 for an approval and 示融救告〔2026〕123号 for a
// rejection notice, the kinds casefile uses.
func (p *Printer) Reference(c *casefile.Case) string {
	kind := "决"
	if c.Decision != nil {
		if c.Decision.Reference != "" {
			return c.Decision.Reference
		}
		if c.Decision.Result == casefile.StatusRejected {
			kind = "告"
		}
	}
	year, n := caseYearSeq(c)
	return fmt.Sprintf("%s%s〔%d〕%d号", p.cat.County.ReferencePrefix, kind, year, n)
}

// caseYearSeq reads the year and sequence of a case number "2026-000123";
// a number of another shape gives the year of receipt and the case's
// sequence.
func caseYearSeq(c *casefile.Case) (year int, n uint64) {
	if y, s, ok := strings.Cut(c.Number, "-"); ok {
		yy, err1 := strconv.Atoi(y)
		nn, err2 := strconv.ParseUint(s, 10, 64)
		if err1 == nil && err2 == nil {
			return yy, nn
		}
	}
	return c.Received.Year(), c.Seq
}

// squeezes are the line spacings a document is tried with, closest last,
// until its signature block shares a page with the text it signs.
var squeezes = []float64{1, 0.96, 0.92, 0.88}

// build sets a document titled kind (in the PDF's metadata, with the case
// number) by fill, setting lines closer when the signature block would
// otherwise stand alone on a page. When no spacing helps (the text fills
// its last page to the foot), the document keeps its normal spacing.
func (p *Printer) build(kind string, c *casefile.Case, fill func(d *Doc)) ([]byte, error) {
	var first *Doc
	for _, f := range squeezes {
		d, err := NewDocFonts(p.fonts)
		if err != nil {
			return nil, err
		}
		if p.cat.County.RedHeader && (kind == "救助决定书" || kind == rejectionTitle) {
			d.RedHeader() // letters only: the issuing body's 红头
		}
		d.SetInfo(kind + " " + c.Number)
		d.squeeze(f)
		fill(d)
		if !d.sealAlone {
			return d.Bytes()
		}
		if first == nil {
			first = d
		}
	}
	return first.Bytes()
}

// checkCase refuses a case without what every document names.
func checkCase(c *casefile.Case) error {
	switch {
	case c == nil:
		return ErrIncomplete.Withf("没有案件", "no case")
	case c.Number == "":
		return ErrIncomplete.Withf("案件没有编号", "the case has no number")
	case applicantName(c) == "":
		return ErrIncomplete.Withf("案件 %s 没有申请人姓名", "case %s has no applicant name", c.Number)
	}
	return nil
}

// applicantName is the applicant's name, from the case or its household.
func applicantName(c *casefile.Case) string {
	if c.Applicant.Name != "" {
		return c.Applicant.Name
	}
	for _, m := range c.Household.Members {
		if m.Relation == casefile.RelationSelf {
			return m.Person.Name
		}
	}
	return ""
}

// maskedID is the applicant's document number, masked, with its label:
// "身份证号610602********1234". The full number is never printed.
func maskedID(c *casefile.Case) string {
	p := c.Applicant
	if p.DocNumber == "" {
		return ""
	}
	label := "证件号码"
	if p.DocType == casefile.DocResidentID || p.DocType == "" {
		label = "身份证号"
	}
	return label + p.MaskedDoc()
}

// projectName and departmentName name a project and its department, or
// give the code when the catalogue lacks it.
func (p *Printer) projectName(code string) string {
	if pr := p.cat.Project(code); pr != nil {
		return pr.Name
	}
	return code
}

// noticeProjectName is the project's name as a public list may print it.
func (p *Printer) noticeProjectName(code string) string {
	if pr := p.cat.Project(code); pr != nil {
		return pr.NoticeName()
	}
	return code
}

func (p *Printer) departmentName(code string) string {
	if pr := p.cat.Project(code); pr != nil {
		if d := p.cat.Department(pr.Department); d != nil {
			return d.Name
		}
		return pr.Department
	}
	return ""
}

// projectWithDept is "城市最低生活保障（县民政局）".
func (p *Printer) projectWithDept(code string) string {
	if d := p.departmentName(code); d != "" {
		return p.projectName(code) + "（" + d + "）"
	}
	return p.projectName(code)
}

// sentence ends s with a full stop unless it ends with punctuation.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune("。！？；.!?", r) {
		return s
	}
	return strings.TrimRight(s, "，,；;：:") + "。"
}

// areaName is 城市 or 农村 (casefile's label), or "" for no known area.
func areaName(a casefile.Area) string {
	if a != casefile.Urban && a != casefile.Rural {
		return ""
	}
	return a.Label(casefile.ZH)
}

// chineseMonth turns "2026-12" into "2026年12月".
func chineseMonth(ym string) string {
	y, m, ok := strings.Cut(ym, "-")
	mm, err := strconv.Atoi(m)
	if !ok || err != nil {
		return ym
	}
	return y + "年" + strconv.Itoa(mm) + "月"
}

// deptName names a department key, or gives the key.
func (p *Printer) deptName(key string) string {
	if d := p.cat.Department(key); d != nil {
		return d.Name
	}
	return key
}

// latest is the most recent evidence item of kind k, or nil.
func latest(c *casefile.Case, k casefile.EvidenceKind) *casefile.Evidence {
	var best *casefile.Evidence
	for i := range c.Evidence {
		if e := &c.Evidence[i]; e.Kind == k && (best == nil || !e.Date.Before(best.Date)) {
			best = e
		}
	}
	return best
}

// appealSentence states the rights of appeal against the document named
// doc (本告知书, 本决定书), with the county's reconsideration body and
// court.
func (p *Printer) appealSentence(doc string) (string, error) {
	county := p.cat.County
	if county.ReconsiderationBody == "" || county.Court == "" {
		return "", ErrIncomplete.Withf("政策目录未设置行政复议机关或人民法院（county.reconsideration_body、county.court）",
			"the catalogue names no reconsideration body or court (county.reconsideration_body, county.court)")
	}
	return fmt.Sprintf("如对本决定不服，可以自收到%s之日起60日内向%s申请行政复议，或者在6个月内向%s提起行政诉讼。",
		doc, county.ReconsiderationBody, county.Court), nil
}

// issuer is the county's issuing body (county.issuing_body): it signs the
// public-notice list, and a letter for a project the catalogue does not
// place; letters are otherwise issued by each project's department.
func (p *Printer) issuer() (string, error) {
	county := p.cat.County
	switch {
	case county.IssuingBody != "":
		return county.IssuingBody, nil
	case county.Hall != "":
		return county.Hall, nil
	}
	return "", ErrIncomplete.Withf("政策目录未设置发文机关（county.issuing_body）",
		"the catalogue names no issuing body (county.issuing_body)")
}

// hall is the hall's name for receipts.
func (p *Printer) hall() string {
	county := p.cat.County
	switch {
	case county.Hall != "":
		return county.Hall
	case county.IssuingBody != "":
		return county.IssuingBody
	}
	return county.Name
}
