package casefile

import (
	"regexp"
	"strings"
	"testing"
)

// The articles of 《社会救助暂行办法》 (State Council Decree 649, 2014) by
// chapter, as the text has them.
var decree649 = map[string][2]int{
	"最低生活保障": {9, 13}, "特困人员供养": {14, 19}, "受灾人员救助": {20, 26},
	"医疗救助": {27, 32}, "教育救助": {33, 37}, "住房救助": {38, 41},
	"就业救助": {42, 46}, "临时救助": {47, 49}, // 50–51: vagrants and beggars
	"社会力量参与": {52, 55},
}

// projectChapter is the chapter of the decree each project that cites it
// belongs to.
var projectChapter = map[string]string{
	"MZ-01": "最低生活保障", "MZ-02": "最低生活保障", "MZ-03": "特困人员供养", "MZ-04": "特困人员供养",
	"MZ-05": "临时救助", "MZ-06": "临时救助", "MZ-10": "教育救助",
	"YB-01": "医疗救助", "YB-02": "医疗救助", "YB-03": "医疗救助",
	"ZJ-01": "住房救助", "ZJ-02": "住房救助", "RS-01": "就业救助",
	"YJ-01": "受灾人员救助", "YJ-02": "受灾人员救助", "YJ-03": "受灾人员救助",
	"CS-02": "社会力量参与",
}

var cnDigits = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cnNumber reads 九, 十四, 二十七, 五十.
func cnNumber(s string) int {
	n, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
			continue
		}
		cur = cnDigits[r]
	}
	return n + cur
}

var article = regexp.MustCompile(`第([一二三四五六七八九十]+)条`)

// TestDefaultCatalogLegalBasis checks that every project names its own
// legal basis, and that every article of 《社会救助暂行办法》 cited lies in
// the chapter of the project's kind of aid.
func TestDefaultCatalogLegalBasis(t *testing.T) {
	cat, err := DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range cat.Projects {
		if strings.TrimSpace(p.LegalBasis) == "" {
			t.Errorf("%s %s has no legal_basis", p.Code, p.Name)
			continue
		}
		i := strings.Index(p.LegalBasis, "《社会救助暂行办法》")
		ch, want := projectChapter[p.Code]
		if i < 0 {
			if want {
				t.Errorf("%s %s: does not cite 《社会救助暂行办法》 (chapter %s)", p.Code, p.Name, ch)
			}
			continue
		}
		if !want {
			t.Errorf("%s %s cites 《社会救助暂行办法》 but has no chapter in this test", p.Code, p.Name)
			continue
		}
		cited := p.LegalBasis[i:]
		if j := strings.Index(cited, "；"); j >= 0 {
			cited = cited[:j]
		}
		arts := article.FindAllStringSubmatch(cited, -1)
		if len(arts) == 0 {
			t.Errorf("%s: %q cites the decree without an article", p.Code, cited)
		}
		r := decree649[ch]
		for _, a := range arts {
			if n := cnNumber(a[1]); n < r[0] || n > r[1] {
				t.Errorf("%s %s: %s is outside chapter %s (articles %d–%d)", p.Code, p.Name, a[0], ch, r[0], r[1])
			}
		}
	}
}

func TestCNNumber(t *testing.T) {
	for s, n := range map[string]int{"九": 9, "十": 10, "十四": 14, "二十七": 27, "三十": 30, "四十九": 49} {
		if got := cnNumber(s); got != n {
			t.Errorf("cnNumber(%s) = %d, want %d", s, got, n)
		}
	}
}

// TestDefaultCatalogDepartments checks that every department has its
// full official name (what letters are issued in), a legal status and an
// enquiry phone, and that the people's organisations and charities are
// not taken for government departments.
func TestDefaultCatalogDepartments(t *testing.T) {
	cat, err := DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	notGovernment := map[string]bool{"red_cross": true, "charity": true, "industry_commerce": true,
		"trade_union": true, "youth_league": true, "womens_federation": true, "disabled_federation": true}
	for _, d := range cat.Departments {
		if !strings.HasPrefix(d.OfficialName, cat.County.Name) && !strings.Contains(d.OfficialName, cat.County.Name) {
			t.Errorf("%s: official name %q does not name the county", d.Key, d.OfficialName)
		}
		if d.EnquiryPhone == "" || d.EnquiryOffice == "" {
			t.Errorf("%s: no enquiry phone or office", d.Key)
		}
		if got := !d.Administrative(); got != notGovernment[d.Key] {
			t.Errorf("%s (%s): administrative = %v", d.Key, d.Kind, d.Administrative())
		}
	}
	// The two disability subsidies are decided by civil affairs.
	for _, code := range []string{"CL-01", "CL-02"} {
		if d := cat.IssuerOf(cat.Project(code)); d == nil || d.Key != "civil_affairs" {
			t.Errorf("%s issued by %v, want civil_affairs", code, d)
		}
	}
	if d := cat.IssuerOf(cat.Project("YB-01")); d.Official() != "示例县医疗保障局" {
		t.Errorf("YB-01 issued by %q", d.Official())
	}
}

// TestDefaultCatalogNoticeBeforeApproval: dibao and extreme-poverty
// support are approved only after the public notice (最低生活保障审核确认
// 办法 第十九条; 特困人员认定办法 第十四条).
func TestDefaultCatalogNoticeBeforeApproval(t *testing.T) {
	cat, err := DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"MZ-01": true, "MZ-02": true, "MZ-03": true, "MZ-04": true}
	for _, p := range cat.Projects {
		if p.NoticeBeforeApproval != want[p.Code] {
			t.Errorf("%s notice_before_approval = %v", p.Code, p.NoticeBeforeApproval)
		}
	}
}

// TestMedicalTiersMatchAmountRule: the tiers a letter prints give the
// amount the catalogue's rule gives, for dibao holders and for others,
// below and above the cap.
func TestMedicalTiersMatchAmountRule(t *testing.T) {
	cat, err := DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"YB-01", "YB-02"} {
		for _, holding := range [][]string{{"MZ-01"}, {"MZ-09"}, {}} {
			for _, oop := range []Money{Yuan(5000), Yuan(30000), Yuan(120000)} {
				c := &Case{Household: Household{Area: Urban, Members: []Member{{Relation: RelationSelf}}},
					Evidence: []Evidence{{Kind: EvMedicalBill, MedicalTotal: oop * 3, InsurancePaid: oop * 2, Compliant: oop}}}
				app := &Application{Project: code}
				want, err := cat.ProposeAmount(c, app, holding)
				if err != nil {
					t.Fatal(err)
				}
				b, ok := cat.MedicalBasisOf(c, app, holding)
				if !ok {
					t.Fatalf("%s has no medical tiers", code)
				}
				if b.Computed != want || b.Compliant != oop {
					t.Errorf("%s holding %v, personal share %s: tiers give %s, the rule %s", code, holding, oop, b.Computed, want)
				}
			}
		}
	}
}
