package linebreak

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// stepClusters is what clusters took from uniseg.StepString before it ran
// the grapheme and line state machines itself: each cluster's end and its
// line break (none, may, must).
func stepClusters(p string) (ends []int, breaks []int) {
	state, pos := -1, 0
	for rest := p; rest != ""; {
		var c string
		var b int
		c, rest, b, state = uniseg.StepString(rest, state)
		pos += len(c)
		ends = append(ends, pos)
		breaks = append(breaks, b&uniseg.MaskLine)
	}
	return ends, breaks
}

// TestSegmentAgreesWithStep compares segment's clusters and break
// opportunities with uniseg.StepString's on the test cases and on
// random strings of characters with rules of their own: combining marks,
// emoji sequences, regional indicators, Hangul, CJK punctuation, spaces and
// newlines, digits and letters.
func TestSegmentAgreesWithStep(t *testing.T) {
	var texts []string
	for _, tc := range cases {
		texts = append(texts, tc.text)
	}
	pool := []string{"中", "文", "，", "。", "“", "”", "（", "）", "《", "》", "…", "—", "、", "〔", "〕",
		"a", "Z", "1", "9", ".", ",", "-", "/", "%", "¥", " ", "\u00a0", "\u3000", "\t", "\r", "\n",
		"e\u0301", "\u0301", "👨\u200d👩\u200d👧", "👍🏽", "🇨🇳", "🇨", "가", "\u1100\u1161", "\u200b", "\u2060",
		"𠮷", "ﾞ", "ｶ", "!", "?", "(", ")", "\u00ad", "#", "\ufe0f", "©", "\u2028"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pool[rng.IntN(len(pool))])
		}
		texts = append(texts, b.String())
	}
	for _, p := range texts {
		ends, breaks := stepClusters(p)
		cs := segment(p, nil, false)
		if len(cs) != len(ends) {
			t.Fatalf("%q: %d clusters, StepString %d", p, len(cs), len(ends))
		}
		for i, c := range cs {
			wantCan := breaks[i] == uniseg.LineCanBreak || breaks[i] == uniseg.LineMustBreak
			wantMust := breaks[i] == uniseg.LineMustBreak && i < len(cs)-1
			if c.end != ends[i] || c.canBreak != wantCan || c.mustBreak != wantMust {
				t.Fatalf("%q: cluster %d ends %d can %v must %v; StepString ends %d can %v must %v",
					p, i, c.end, c.canBreak, c.mustBreak, ends[i], wantCan, wantMust)
			}
		}
	}
}
