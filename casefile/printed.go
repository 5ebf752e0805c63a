package casefile

import (
	"slices"
	"strings"
)

// RecordPrint records in the history of each case of numbers that who
// printed what, named in both languages ("救助决定书（示融救决〔2026〕3号）" /
// "decision letter (示融救决〔2026〕3号)", "会议纪要（YH2026-001）" / "minutes
// (YH2026-001)"), in one transaction: who must be allowed to print (PermPrint), every case
// must exist, and either every case gets its entry or none does. A number
// listed twice gets one entry. Call it once the document exists: a print
// that failed records nothing.
func (s *Store) RecordPrint(numbers []string, what Text, who string) error {
	what = Text{ZH: Clean(what.ZH, false), EN: Clean(what.EN, false)}
	if what.ZH == "" || what.EN == "" {
		return ErrInvalid.Withf("未写明打印的文书", "what was printed is not named")
	}
	return s.Update(func(t *Tx) error {
		if err := t.Require(who, PermPrint); err != nil {
			return err
		}
		var done []string
		for _, n := range numbers {
			n = strings.TrimSpace(n)
			if slices.Contains(done, n) {
				continue
			}
			c, err := t.Case(n)
			if err != nil {
				return err
			}
			if err := t.AddHistory(c, Change{Who: who, Action: string(ActionPrint), Note: what}); err != nil {
				return err
			}
			done = append(done, n)
		}
		return nil
	})
}
