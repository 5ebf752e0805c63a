// Package gen generates realistic applicants, households and
// applications for the demo database, tests and benchmarks. Every
// identity number it makes is valid (GB 11643) and every draft passes the
// catalogue's validation. It is deterministic for a seed.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
)

var (
	surnames = []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
	given    = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红建文辉力成斌云莲浩宇欣怡子涵梓轩雨桐博文佳琪晨阳思远小军建国卫东春花秋菊冬梅宏志振华海燕")
	// Shaanxi region codes (Xi'an, Baoji, Xianyang, Weinan, Yan'an, Hanzhong, Yulin, Ankang, Shangluo).
	regions   = []string{"610102", "610113", "610302", "610322", "610402", "610424", "610502", "610524", "610602", "610621", "610702", "610722", "610802", "610825", "610902", "610921", "611002", "611022"}
	townships = []string{"城关镇", "东关街道", "西关街道", "南沟镇", "北塬镇", "河川镇", "杨家坪镇", "石门镇", "柳林镇", "双庙乡"}
	villages  = []string{"东村", "西村", "南庄村", "北坡村", "柳树沟村", "上河村", "下河村", "王家塬村", "新民社区", "红旗社区", "团结村", "前进社区"}
	streets   = []string{"解放路", "人民路", "文化巷", "建设街", "新华路", "北大街"}
	employers = []string{"县环卫所", "某建筑公司", "镇公益性岗位", "县城超市", "个体经营", "某物流公司", "村集体", "外出务工"}
)

// Gen makes realistic records.
type Gen struct {
	r     *rand.Rand
	cat   *casefile.Catalog
	today casefile.Date
	// projects with an amount rule that a generated applicant can apply
	// for, by group ("" for ungrouped)
	grouped   map[string][]*casefile.Project
	ungrouped []*casefile.Project
	groups    []string
	issued    map[string]bool // resident numbers made: one person each
}

// New returns a generator over cat for day today.
func New(cat *casefile.Catalog, seed uint64, today casefile.Date) *Gen {
	g := &Gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), cat: cat, today: today, grouped: map[string][]*casefile.Project{}, issued: map[string]bool{}}
	for _, p := range cat.Projects {
		if p.Group == "" {
			g.ungrouped = append(g.ungrouped, p)
			continue
		}
		if g.grouped[p.Group] == nil {
			g.groups = append(g.groups, p.Group)
		}
		g.grouped[p.Group] = append(g.grouped[p.Group], p)
	}
	return g
}

// Intn returns a number in [0, n).
func (g *Gen) Intn(n int) int { return g.r.IntN(n) }

func pick[T any](g *Gen, s []T) T { return s[g.r.IntN(len(s))] }

// Name returns a Chinese name of two or three characters.
func (g *Gen) Name() string { return g.NameIn(string(pick(g, surnames))) }

// NameIn returns a name of the family surname: a child carries a
// parent's surname.
func (g *Gen) NameIn(surname string) string {
	n := surname + string(pick(g, given))
	if g.r.IntN(3) > 0 {
		n += string(pick(g, given))
	}
	return n
}

// Surname is the family name of a generated name (every surname the
// generator uses is one character).
func Surname(name string) string {
	for _, r := range name {
		return string(r)
	}
	return ""
}

// IDNumber returns a valid resident number for someone born on birth.
// A generator never makes one number twice: two generated people are
// two persons (the same number twice would be one person applying again).
func (g *Gen) IDNumber(birth casefile.Date, sex casefile.Sex) string {
	for {
		seq := g.r.IntN(500)*2 + 1
		if sex == casefile.Female {
			seq--
		}
		body := fmt.Sprintf("%s%04d%02d%02d%03d", pick(g, regions), birth.Year, int(birth.Month), birth.Day, seq)
		id := body + string(casefile.IDCheckChar(body))
		if !g.issued[id] {
			g.issued[id] = true
			return id
		}
	}
}

// Person returns a resident of the given age range.
func (g *Gen) Person(minAge, maxAge int) casefile.Person {
	sex := casefile.Male
	if g.r.IntN(2) == 0 {
		sex = casefile.Female
	}
	return g.PersonOf(minAge, maxAge, sex, string(pick(g, surnames)))
}

// PersonOf returns a resident of the given age range (by birth year),
// sex and surname.
func (g *Gen) PersonOf(minAge, maxAge int, sex casefile.Sex, surname string) casefile.Person {
	age := minAge + g.r.IntN(maxAge-minAge+1)
	birth := casefile.Date{Year: g.today.Year - age, Month: time.Month(1 + g.r.IntN(12)), Day: 1 + g.r.IntN(28)}
	p := casefile.Person{DocType: casefile.DocResidentID, DocNumber: g.IDNumber(birth, sex), Name: g.NameIn(surname),
		Sex: sex, Birth: birth, Township: pick(g, townships), Village: pick(g, villages),
		Address: fmt.Sprintf("%s%d号", pick(g, streets), 1+g.r.IntN(200))}
	if age >= 18 {
		p.Phone = fmt.Sprintf("1%d%09d", 3+g.r.IntN(6), g.r.IntN(1_000_000_000))
	}
	if g.r.IntN(12) == 0 {
		p.DisabilityGrade = 1 + g.r.IntN(4)
	}
	return p
}

// Household returns a household around applicant with 1–5 members and
// realistic monthly incomes (some of excluded kinds). Families look real:
// a spouse is of the other sex, children are 20–45 years younger than
// the applicant and carry the father's surname (the applicant's, or the
// husband's of a married woman), two parents are a father of the
// applicant's surname and a mother, grandparents are old enough.
func (g *Gen) Household(applicant casefile.Person) casefile.Household {
	hh := casefile.Household{Area: casefile.Urban}
	if g.r.IntN(2) == 0 {
		hh.Area = casefile.Rural
	}
	self := casefile.Member{Person: applicant, Relation: casefile.RelationSelf}
	self.Incomes = g.incomes(applicant)
	hh.Members = append(hh.Members, self)
	n := g.r.IntN(5)
	age := applicant.AgeOn(g.today)
	rels := []string{"配偶", "子女", "子女", "父母", "孙子女"}
	young := age < 23
	if young {
		rels = []string{"父母", "父母", "兄弟姐妹", "祖父母", "兄弟姐妹"}
	}
	own := Surname(applicant.Name)
	family := own // the surname the applicant's children carry
	other := func(s casefile.Sex) casefile.Sex {
		if s == casefile.Male {
			return casefile.Female
		}
		return casefile.Male
	}
	anySex := func() casefile.Sex {
		if g.r.IntN(2) == 0 {
			return casefile.Female
		}
		return casefile.Male
	}
	parents := 0
	for i := 0; i < n; i++ {
		rel := rels[i]
		var p casefile.Person
		switch rel {
		case "配偶":
			lo := max(age-5, 18)
			p = g.PersonOf(lo, max(age+5, lo), other(applicant.Sex), string(pick(g, surnames)))
			if applicant.Sex == casefile.Female {
				family = Surname(p.Name)
			}
		case "子女":
			if age < 38 {
				continue
			}
			p = g.PersonOf(max(age-45, 1), age-20, anySex(), family)
		case "孙子女":
			if age < 60 {
				continue
			}
			p = g.PersonOf(max(age-70, 1), age-44, anySex(), family)
		case "兄弟姐妹":
			p = g.PersonOf(max(age-6, 1), age+6, anySex(), own)
		case "父母":
			// the father carries the applicant's surname, the mother her own
			sex, surname := casefile.Male, own
			if parents == 1 {
				sex, surname = casefile.Female, string(pick(g, surnames))
			}
			if age+20 > 92 {
				continue
			}
			p = g.PersonOf(age+20, min(age+38, 92), sex, surname)
			parents++
		case "祖父母":
			p = g.PersonOf(min(age+44, 85), min(age+62, 92), casefile.Male, own)
		}
		p.Township, p.Village, p.Address = applicant.Township, applicant.Village, applicant.Address
		m := casefile.Member{Person: p, Relation: rel}
		if p.AgeOn(g.today) >= 18 {
			m.Incomes = g.incomes(p)
		}
		hh.Members = append(hh.Members, m)
	}
	return hh
}

// incomeSources are who pays an income of each kind; a wage or business
// income comes from an employer.
var incomeSources = map[string][]string{
	"property":              {"房屋出租", "土地流转", "存款利息"},
	"transfer":              {"赡养费", "外出子女汇款", "离婚抚养费"},
	"social_assistance":     {"县民政局"},
	"veterans_preferential": {"县退役军人事务局"},
	"family_planning":       {"县卫生健康局"},
	"scholarship":           {"县教育局", "县慈善协会"},
	"bravery":               {"县见义勇为基金会"},
	"disability_subsidy":    {"县残联"},
	"old_age_allowance":     {"县民政局"},
}

// sourceOf is the i-th plausible payer of an income of kind (the same
// random draw as an employer, so a seed builds the same hall as before
// apart from the payer's name).
func sourceOf(kind string, i int) string {
	if s := incomeSources[kind]; len(s) > 0 {
		return s[i%len(s)]
	}
	return employers[i%len(employers)]
}

func (g *Gen) incomes(p casefile.Person) []casefile.Income {
	var out []casefile.Income
	kinds := g.cat.IncomeKinds
	for i := 0; i < g.r.IntN(3); i++ {
		k := kinds[g.r.IntN(len(kinds))]
		amt := casefile.Money(g.r.IntN(1800)*100 + g.r.IntN(2)*50)
		out = append(out, casefile.Income{Kind: k.Key, Source: sourceOf(k.Key, g.r.IntN(len(employers))), Monthly: amt})
	}
	return out
}

// Projects picks the projects of one application: usually one; now and
// then two or three of the same group (the duplicates the hall exists to
// catch), or an ungrouped one beside.
func (g *Gen) Projects() []string {
	switch x := g.r.IntN(10); {
	case x < 2 && len(g.groups) > 0:
		ps := g.grouped[pick(g, g.groups)]
		return []string{ps[g.r.IntN(len(ps))].Code}
	case x < 6 && len(g.ungrouped) > 0:
		return []string{pick(g, g.ungrouped).Code}
	default:
		var all []*casefile.Project
		for _, grp := range g.groups {
			all = append(all, g.grouped[grp]...)
		}
		if len(all) == 0 {
			return []string{pick(g, g.ungrouped).Code}
		}
		return []string{pick(g, all).Code}
	}
}

// GroupProjects returns every project of a group, for building a person
// who applies to several departments for the same need.
func (g *Gen) GroupProjects(group string) []*casefile.Project { return g.grouped[group] }

// Draft returns a complete application received within the last days
// days (0: today).
func (g *Gen) Draft(days int) *casefile.Draft {
	codes := g.Projects()
	switch needs := g.needs(codes); {
	case needs[casefile.FlagChildWithoutCarer] || needs[casefile.FlagOrphan]:
		return g.childDraft(codes, needs, days)
	case needs[casefile.FlagStudent]:
		ap := g.Person(18, 19)
		ap.Flags = []string{casefile.FlagStudent}
		return g.DraftFor(ap, codes, days)
	}
	return g.DraftFor(g.Person(18, 80), codes, days)
}

// needs are the person flags the eligibility rules of codes test.
func (g *Gen) needs(codes []string) map[string]bool {
	out := map[string]bool{}
	for _, c := range codes {
		p := g.cat.Project(c)
		if p == nil || p.Eligibility == nil {
			continue
		}
		for _, f := range casefile.Flags {
			if strings.Contains(p.Eligibility.Source, "flag."+f) {
				out[f] = true
			}
		}
	}
	return out
}

// childDraft is the application of a child without a carer (or an
// orphan): a child of 4 to 15 with the flag, living with a grandfather of
// the same surname and maybe a grandmother, no parent in the household.
func (g *Gen) childDraft(codes []string, needs map[string]bool, days int) *casefile.Draft {
	child := g.Person(4, 15)
	flag := casefile.FlagChildWithoutCarer
	if needs[casefile.FlagOrphan] {
		flag = casefile.FlagOrphan
	}
	child.Flags = []string{flag}
	d := g.DraftFor(child, codes, days)
	own := Surname(child.Name)
	hh := casefile.Household{Area: d.Household.Area, Members: []casefile.Member{{Person: child, Relation: casefile.RelationSelf}}}
	gp := []casefile.Person{g.PersonOf(60, 78, casefile.Male, own)}
	if g.r.IntN(2) == 0 {
		gp = append(gp, g.PersonOf(58, 76, casefile.Female, string(pick(g, surnames))))
	}
	for _, p := range gp {
		p.Township, p.Village, p.Address = child.Township, child.Village, child.Address
		hh.Members = append(hh.Members, casefile.Member{Person: p, Relation: "祖父母", Incomes: g.incomes(p)})
	}
	d.Household = hh
	return d
}

// DraftFor returns an application by ap for the given projects.
func (g *Gen) DraftFor(ap casefile.Person, codes []string, days int) *casefile.Draft {
	d := &casefile.Draft{Applicant: ap, Household: g.Household(ap), Channel: pick(g, casefile.Channels)}
	for _, c := range codes {
		a := casefile.Application{Project: c}
		if p := g.cat.Project(c); p != nil && p.Amount == nil {
			a.Requested = casefile.Yuan(int64(500 + g.r.IntN(30)*100))
		}
		d.Apps = append(d.Apps, a)
		if p := g.cat.Project(c); p != nil {
			for _, doc := range p.Documents {
				if g.r.IntN(5) > 0 && !contains(d.Documents, doc) {
					d.Documents = append(d.Documents, doc)
				}
			}
			if p.Area != "" {
				d.Household.Area = p.Area
			}
		}
	}
	if days > 0 {
		back := g.r.IntN(days + 1)
		d.Received = g.today.AddDays(-back).Time(time.Local).Add(time.Duration(8*60+g.r.IntN(9*60)) * time.Minute)
	}
	return d
}

// Evidence returns a plausible evidence item of kind k for case c.
func (g *Gen) Evidence(c *casefile.Case, k casefile.EvidenceKind) casefile.Evidence {
	day := c.ReceivedDate().AddDays(1 + g.r.IntN(5))
	if day.After(g.today) {
		day = g.today
	}
	inc := g.cat.Income(c)
	ev := casefile.Evidence{Kind: k, Department: "civil_affairs", Verifier: g.Name(), Date: day}
	if g.cat.Department(ev.Department) == nil {
		ev.Department = g.cat.Departments[0].Key
	}
	passed := g.r.IntN(6) > 0
	switch k {
	case casefile.EvIncomeCheck:
		ev.MonthlyIncome = inc.Counted
		ev.Note = "经省核对平台比对，与申报一致"
	case casefile.EvAssetCheck:
		ev.Deposits = casefile.Money(g.r.IntN(2_000_000))
		ev.Homes = g.r.IntN(2)
		ev.Note = "银行存款、房产、工商登记已比对"
	case casefile.EvVehicle:
		if g.r.IntN(8) == 0 {
			ev.Vehicles = 1
		}
		ev.Note = "公安车辆登记比对"
	case casefile.EvHousing:
		ev.Homes = 1
		ev.Note = "住建部门房产登记比对"
	case casefile.EvHomeVisit:
		ev.Passed = &passed
		ev.Note = "入户查看生活状况，家中无贵重物品"
	case casefile.EvAppraisal:
		ev.Passed = &passed
		ev.Note = "村民代表 9 人参加评议，8 人同意"
	case casefile.EvMedicalBill:
		total := casefile.Money(1_000_000 + g.r.IntN(20_000_000))
		ins := casefile.Share(total, int64(50+g.r.IntN(20)))
		ev.MedicalTotal, ev.InsurancePaid = total, ins
		ev.Compliant = casefile.Share(total-ins, 80)
		ev.Department = pickDept(g, "medical_insurance")
		ev.Note = "住院费用结算单"
	case casefile.EvDepartmentCheck:
		ev.Passed = &passed
		ev.Note = "部门信息比对无异常"
	}
	return ev
}

func pickDept(g *Gen, key string) string {
	if g.cat.Department(key) != nil {
		return key
	}
	return g.cat.Departments[0].Key
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
