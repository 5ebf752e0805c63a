package printouts

import "github.com/rongjiuzhu/hall/casefile"

// Yuan is the one way money is written on paper: thousands separators, two
// decimals and 元 with no space, e.g. "1,750.00元", "-0.05元".
func Yuan(m casefile.Money) string { return m.Grouped() + "元" }
