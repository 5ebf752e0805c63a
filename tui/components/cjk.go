package components

// WrapCJK is Wrap: one line breaker (printouts/linebreak) serves every
// screen. It stays only until the meeting console's move onto this package
// lands, then its callers use Wrap.
func WrapCJK(s string, w int) []string { return Wrap(s, w) }
