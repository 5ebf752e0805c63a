package casefile

import (
	"slices"
	"testing"
)

// TestQueueSearchFindsMembersPinyinPhonesAndVillages: the queue's search
// finds a case by a household member's name, the full pinyin of a name
// ("ligui" → 李桂兰), its initials, a phone number or its first digits,
// the village, and a member's full ID number (before: the applicant's
// name, initials and ID tail only).
func TestQueueSearchFindsMembersPinyinPhonesAndVillages(t *testing.T) {
	st, _, _ := newStore(t)
	memberID := idFor("19520303", 124)
	d := draft(idFor("19800101", 123), "王秀英", []string{"MZ-01"})
	d.Applicant.Phone, d.Applicant.Village, d.Applicant.Township = "138-0000-1234", "柳树沟村", "南沟镇"
	d.Household.Members = append(d.Household.Members, Member{Relation: "父母",
		Person: Person{DocNumber: memberID, Name: "李桂兰", Phone: "13912340000"}})
	c := mustIntake(t, st, d, "local:desk")
	mustIntake(t, st, draft(idFor("19900505", 135), "张三", []string{"MZ-01"}), "local:desk")

	find := func(q string) []string {
		var out []string
		st.View(func(tx *Tx) error {
			cs, _, err := tx.Cases(CaseFilter{Query: q})
			for _, x := range cs {
				out = append(out, x.Number)
			}
			return err
		})
		return out
	}
	for _, q := range []string{"王秀英", "李桂兰", "李桂", "ligui", "liguilan", "lgl", "wangxiuying", "13800001234", "138000",
		"13912340000", "柳树沟村", "柳树沟", "南沟镇", memberID} {
		if got := find(q); !slices.Contains(got, c.Number) || slices.Contains(got, "2026-000002") {
			t.Errorf("search %q found %v, want %s alone", q, got, c.Number)
		}
	}
	if got := find("zhangsan"); len(got) != 1 || got[0] != "2026-000002" {
		t.Errorf("zhangsan found %v", got)
	}
}

func TestSearchTermsOfAPerson(t *testing.T) {
	got := SearchTerms(&Person{Name: "李桂兰", DocNumber: idFor("19520303", 124), Phone: "139 1234 0000", Village: "东村", Township: "城关镇"})
	for _, want := range []string{"n:李桂兰", "p:lgl", "f:liguilan", "m:13912340000", "v:东村", "v:城关镇"} {
		if !slices.Contains(got, want) {
			t.Errorf("terms %v lack %q", got, want)
		}
	}
}

// TestOneCharacterIsASurname: 王 finds people named 王, not everyone of
// 王家塬村; the village's name from two characters on finds them.
func TestOneCharacterIsASurname(t *testing.T) {
	st, _, _ := newStore(t)
	d := draft(idFor("19800101", 123), "李四", []string{"MZ-01"})
	d.Applicant.Village = "王家塬村"
	mustIntake(t, st, d, "local:desk")
	count := func(q string) int {
		n := 0
		st.View(func(tx *Tx) error { n = len(tx.SearchPeople(q, 10)); return nil })
		return n
	}
	if n := count("王"); n != 0 {
		t.Errorf("王 found %d people of 王家塬村", n)
	}
	if n := count("王家"); n != 1 {
		t.Errorf("王家 found %d", n)
	}
}
