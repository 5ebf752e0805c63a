package casefile

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in fen (1/100 yuan). Amounts are never floats.
type Money int64

// MaxMoney is the largest amount the hall accepts anywhere: 100 million
// yuan. Anything larger is a typing error, not an amount.
const MaxMoney Money = 100_000_000_00

// Yuan returns n whole yuan.
func Yuan(n int64) Money { return Money(n * 100) }

// String formats m as yuan with two decimals, e.g. "1234.50", "-0.05".
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign = "-"
		v = -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Grouped formats m with thousands separators, e.g. "1,234.50".
func (m Money) Grouped() string {
	s := m.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String() + "." + frac
	if neg {
		return "-" + out
	}
	return out
}

// MarshalText writes the yuan form, so JSON shows "1234.50".
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads the yuan form.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// UnmarshalJSON reads a yuan amount given as a JSON string ("1750.50")
// or number (1750.5).
func (m *Money) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		return nil
	}
	if len(s) >= 2 && s[0] == '"' {
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return err
		}
		s = str
	}
	return m.UnmarshalText([]byte(s))
}

// ErrBadAmount is returned for an amount that is not a number of yuan with
// at most two decimals, or is negative or absurdly large.
var ErrBadAmount = newError("bad_amount", "金额无效", "invalid amount")

// ParseMoney reads a yuan amount as typed at a desk: "1750", "1750.5",
// "1,750.50", "¥1750", "1750元". It refuses negatives, more than two
// decimals and anything above MaxMoney.
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "¥")
	t = strings.TrimPrefix(t, "￥")
	t = strings.TrimSuffix(t, "元")
	t = strings.ReplaceAll(t, ",", "")
	t = strings.ReplaceAll(t, "，", "")
	t = strings.TrimSpace(t)
	if t == "" {
		return 0, ErrBadAmount.Withf("空白", "empty")
	}
	if strings.HasPrefix(t, "-") {
		return 0, ErrBadAmount.Withf("不能为负数：%q", "must not be negative: %q", s)
	}
	t = strings.TrimPrefix(t, "+")
	whole, frac, hasDot := strings.Cut(t, ".")
	if whole == "" && hasDot {
		whole = "0"
	}
	if !allDigits(whole) || (hasDot && !allDigits(frac)) || (hasDot && frac == "") {
		return 0, ErrBadAmount.Withf("不是数字：%q", "not a number: %q", s)
	}
	if len(frac) > 2 {
		return 0, ErrBadAmount.Withf("最多两位小数（到分）：%q", "at most two decimals (fen): %q", s)
	}
	if len(whole) > 12 {
		return 0, ErrBadAmount.Withf("金额过大：%q", "amount too large: %q", s)
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	m := Money(w*100 + f)
	if m > MaxMoney {
		return 0, ErrBadAmount.Withf("超过上限 %s 元：%q", "above the limit of %s yuan: %q", MaxMoney.Grouped(), s)
	}
	return m, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Share returns pct percent of m, rounded half up to the fen.
func Share(m Money, pct int64) Money {
	v := int64(m) * pct
	if v >= 0 {
		return Money((v + 50) / 100)
	}
	return Money(-((-v + 50) / 100))
}

// DivRound divides m by n, rounding half up to the fen. n must be > 0.
func DivRound(m Money, n int64) Money {
	if n <= 0 {
		return 0
	}
	v := int64(m)
	if v >= 0 {
		return Money((2*v + n) / (2 * n))
	}
	return -Money((-2*v + n) / (2 * n))
}
