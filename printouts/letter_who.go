package printouts

import (
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// addressee is whom a letter is addressed to: the applicant, or for a
// child the guardian, the child being named as the person aided.
type addressee struct {
	name     string // who the letter is addressed to
	child    string // the child aided, "" for an adult applicant
	relation string // the guardian's relation to the child: 父亲, 母亲, 监护人
	missing  bool   // a child without a recorded guardian
}

// addressee finds whom c's letters go to on day: an applicant under 18
// (age from the birth date of the ID) is never addressed; the letter goes
// to the guardian recorded on the applicant (GuardianName), else to a
// parent, else a grandparent among the household members. With none
// recorded the letter is addressed to the child's guardian by
// description and says that none is recorded.
func (p *Printer) addressee(c *casefile.Case, day casefile.Date) addressee {
	name := applicantName(c)
	app := c.Applicant
	if app.Birth.IsZero() {
		for _, m := range c.Household.Members {
			if m.Relation == casefile.RelationSelf {
				app = m.Person
			}
		}
	}
	if app.Birth.IsZero() || app.AgeOn(day) >= adultAge {
		return addressee{name: name}
	}
	a := addressee{child: name}
	if g := strings.TrimSpace(app.GuardianName); g != "" {
		a.name, a.relation = g, "监护人"
		for _, m := range c.Household.Members {
			if m.Person.Name == g {
				if r := guardianRelation(m.Relation); r != "" {
					a.relation = r
				}
			}
		}
		return a
	}
	for _, rank := range []int{1, 2} {
		for _, m := range c.Household.Members {
			if r := guardianRelation(m.Relation); r != "" && relationRank(m.Relation) == rank &&
				m.Person.Name != "" && (m.Person.Birth.IsZero() || m.Person.AgeOn(day) >= adultAge) {
				a.name, a.relation = m.Person.Name, r
				return a
			}
		}
	}
	a.missing = true
	return a
}

// guardianRelation names a household member's relation to the applicant
// child when that member can be the child's guardian: parents first
// (民法典第二十七条), then grandparents.
func guardianRelation(rel string) string {
	switch strings.TrimSpace(rel) {
	case "父亲", "父":
		return "父亲"
	case "母亲", "母":
		return "母亲"
	case "父母":
		return "父母"
	case "祖父", "祖母", "外祖父", "外祖母", "祖父母", "外祖父母":
		return strings.TrimSpace(rel)
	}
	return ""
}

func relationRank(rel string) int {
	switch guardianRelation(rel) {
	case "父亲", "母亲", "父母":
		return 1
	case "":
		return 0
	}
	return 2
}

// salutation is the line the letter opens with: "王秀兰：", for a child
// "刘建军（刘小明的父亲、监护人）：", or "刘小明的监护人：" when none is
// recorded.
func (a addressee) salutation() string {
	switch {
	case a.child == "":
		return a.name + "："
	case a.missing:
		return a.child + "的监护人："
	case a.relation == "监护人":
		return a.name + "（" + a.child + "的监护人）："
	}
	return a.name + "（" + a.child + "的" + a.relation + "、监护人）："
}

// you opens the first sentence: "你", or for a child "你作为受助人刘小明
// 的监护人代其".
func (a addressee) you() string {
	if a.child == "" {
		return "你"
	}
	return "你作为受助人" + a.child + "的监护人代其"
}

// missingNote is what a child's letter says when no guardian is
// recorded.
func (a addressee) missingNote() string {
	return "本案未登记受助人" + a.child + "的监护人。受助人未满十八周岁，本文书应当送达其监护人；" +
		"请监护人持本人身份证件及监护关系证明到受理窗口登记后领取，救助资金在登记前暂不发放。"
}

// paymentText says where the money goes: the county's sentence, or for
// a child the guardian's account.
func (p *Printer) paymentText(a addressee) string {
	s := sentence(p.payment)
	if a.child == "" {
		return s
	}
	if a.missing {
		return "受助人" + a.child + "未满十八周岁，救助资金发放至其监护人本人银行账户，监护人登记前暂不发放。"
	}
	if strings.Contains(s, "申请人本人") {
		return strings.Replace(s, "申请人本人", "监护人"+a.name+"本人", 1)
	}
	return s + "受助人" + a.child + "未满十八周岁，救助资金发放至监护人" + a.name + "本人银行账户。"
}
