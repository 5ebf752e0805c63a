package casefile

import (
	"strings"
	"testing"
	"unicode"
)

// TestFindingsSpeakOneLanguage: a rural household applying for an urban
// project with too much money in the bank gets findings that name the
// area and the conditions in words in each language: no raw key, no rule
// source, no Chinese area on the English side.
func TestFindingsSpeakOneLanguage(t *testing.T) {
	cat := defaultCatalog(t)
	p := urbanDibao(t, cat)
	c := &Case{Number: "2026-000001", Status: StatusReceived, Received: testNow, Household: Household{Area: Rural,
		Members: []Member{{Relation: RelationSelf, Incomes: []Income{{Kind: "wages", Monthly: 100}}}}},
		Apps: []Application{{Project: p.Code}}, Documents: p.Documents[:1],
		Evidence: []Evidence{{Kind: EvAssetCheck, Deposits: 100000000, Homes: 3, Vehicles: 2, Department: "civil_affairs", Date: Date{2026, 11, 1}}}}
	c.Deadline = cat.Deadline(DateOf(testNow), []string{p.Code})
	fs := cat.Findings(c, DateOf(testNow), nil, nil)
	var sources []string
	for _, q := range cat.Projects {
		for _, r := range []*Rule{q.Eligibility, q.Threshold, q.Amount} {
			if r != nil && strings.ContainsAny(r.Source, " <>=*(") {
				sources = append(sources, r.Source)
			}
		}
	}
	kinds := map[FindingKind]bool{}
	for _, f := range fs {
		kinds[f.Kind] = true
		for _, s := range sources {
			if strings.Contains(f.Text.ZH, s) || strings.Contains(f.Text.EN, s) {
				t.Errorf("finding %+v shows the rule %q", f.Text, s)
			}
		}
		for _, raw := range []string{"urban", "rural", string(f.Severity), p.Code} {
			if strings.Contains(f.Text.ZH, raw) {
				t.Errorf("Chinese finding %q shows the raw key %q", f.Text.ZH, raw)
			}
		}
		if strings.ContainsFunc(f.Text.EN, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("English finding %q has Chinese in it", f.Text.EN)
		}
	}
	if !kinds[FindEligibility] || !kinds[FindMissingDoc] {
		t.Fatalf("no eligibility or missing-document finding in %+v", fs)
	}
}

// TestConditionsNeverShowTheRule: every project names its conditions in
// words in both languages.
func TestConditionsNeverShowTheRule(t *testing.T) {
	cat := defaultCatalog(t)
	for _, p := range cat.Projects {
		if p.Eligibility == nil {
			continue
		}
		c := p.Conditions()
		if c.ZH == "" || c.EN == "" || strings.Contains(c.ZH, p.Eligibility.Source) || strings.Contains(c.EN, p.Eligibility.Source) {
			t.Errorf("%s: conditions %+v", p.Code, c)
		}
		if p.EligNote != "" && (p.EligNoteEN == "" || strings.ContainsFunc(p.EligNoteEN, func(r rune) bool { return unicode.Is(unicode.Han, r) })) {
			t.Errorf("%s: eligibility_note_en %q", p.Code, p.EligNoteEN)
		}
	}
}

// TestDocumentNames: every document a project of the default catalogue
// asks for has an English name.
func TestDocumentNames(t *testing.T) {
	cat := defaultCatalog(t)
	for _, p := range cat.Projects {
		for _, d := range p.Documents {
			l := cat.DocumentLabel(d)
			if l.ZH != d || l.EN == d || strings.ContainsFunc(l.EN, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s: document %q: %+v", p.Code, d, l)
			}
		}
	}
}
