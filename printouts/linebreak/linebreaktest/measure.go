// Package linebreaktest holds what the tests of line breaking share,
// here and in printouts. It is for tests only and must never be imported
// by the program.
package linebreaktest

// HalfFull measures s as a monospaced Chinese font would: ASCII 1 unit,
// everything else 2.
func HalfFull(s string) float64 {
	w := 0
	for _, r := range s {
		w += 1 + min(1, int(r)/0x80)
	}
	return float64(w)
}
