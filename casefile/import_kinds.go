package casefile

import (
	"sort"
	"strings"
	"unicode"
)

// lookupIncomeKind finds an income kind by key, name or alias as people
// write it: blanks (also full-width) are ignored, and so is the case of a
// key or English name.
func (cat *Catalog) lookupIncomeKind(s string) *IncomeKind {
	if k := cat.IncomeKind(s); k != nil {
		return k
	}
	s = squeezeKind(s)
	if k := cat.IncomeKind(s); k != nil {
		return k
	}
	for i := range cat.IncomeKinds {
		k := &cat.IncomeKinds[i]
		for _, n := range k.names() {
			if strings.EqualFold(squeezeKind(n), s) {
				return k
			}
		}
	}
	return nil
}

// names returns every name an income kind is known by.
func (k *IncomeKind) names() []string {
	out := []string{k.Name}
	out = append(out, k.Aliases...)
	return append(out, k.NameEN, k.Key)
}

func squeezeKind(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// unknownIncomeKind explains an income kind the catalogue does not know
// and names the closest known kinds: those whose name or alias is fewest
// edits away, sharing at least one character (or, in Latin letters, at
// most a third of the word changed). With none close, it lists every kind.
func (cat *Catalog) unknownIncomeKind(s string) Text {
	type near struct {
		kind  *IncomeKind
		alias string
		dist  int
		share int
	}
	in := []rune(strings.ToLower(squeezeKind(s)))
	best := map[*IncomeKind]near{}
	for i := range cat.IncomeKinds {
		k := &cat.IncomeKinds[i]
		for _, n := range k.names() {
			if n == "" {
				continue
			}
			r := []rune(strings.ToLower(n))
			c := near{kind: k, alias: n, dist: editDistance(in, r), share: sharedRunes(in, r)}
			if c.share == 0 && c.dist*3 > max(len(in), len(r)) {
				continue
			}
			if c.share < 2 && c.dist*2 > max(len(in), len(r)) {
				continue // one common character in a long word is chance
			}
			if o, ok := best[k]; !ok || c.dist < o.dist || (c.dist == o.dist && c.share > o.share) {
				best[k] = c
			}
		}
	}
	var list []near
	for _, c := range best {
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.share != b.share {
			return a.share > b.share
		}
		return a.kind.Key < b.kind.Key
	})
	if len(list) > 3 {
		list = list[:3]
	}
	var zh, en []string
	if len(list) == 0 {
		for _, k := range cat.IncomeKinds {
			zh, en = append(zh, k.Name), append(en, k.NameEN)
		}
		return T("未知收入类别 %q；已知的类别有：%s", "unknown income kind %q; the known kinds are: %s", s,
			Text{ZH: strings.Join(zh, "、"), EN: strings.Join(en, ", ")})
	}
	for _, c := range list {
		z, e := c.kind.Name, c.kind.NameEN
		if c.alias != c.kind.Name && c.alias != c.kind.NameEN && c.alias != c.kind.Key {
			z += "（" + c.alias + "）"
			e += " (" + c.alias + ")"
		}
		zh, en = append(zh, z), append(en, e)
	}
	return T("未知收入类别 %q；最接近的是：%s", "unknown income kind %q; the closest known kinds are: %s", s,
		Text{ZH: strings.Join(zh, "、"), EN: strings.Join(en, "; ")})
}

// editDistance is the Levenshtein distance between two rune slices.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// sharedRunes counts the distinct non-Latin characters of a found in b
// (Latin letters are left to the edit distance).
func sharedRunes(a, b []rune) int {
	n := 0
	seen := map[rune]bool{}
	for _, r := range a {
		if r < 0x2E80 || seen[r] {
			continue
		}
		seen[r] = true
		for _, q := range b {
			if q == r {
				n++
				break
			}
		}
	}
	return n
}
