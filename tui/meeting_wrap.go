package tui

import "github.com/rongjiuzhu/hall/printouts/linebreak"

// wrapCJK breaks s into lines of at most w cells the way Chinese text is
// set: a line may break between any two Chinese characters, but not
// before closing punctuation (，。、：；）」 …), and Latin words and numbers
// ("1,250.00", "2026-000014") are never split unless longer than a line.
// Text with escape sequences is left to wrap (layout.go).
func wrapCJK(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	return linebreak.Cells(s, w)
}
