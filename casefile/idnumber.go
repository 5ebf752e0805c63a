package casefile

import (
	"strings"
	"time"
)

// ErrBadIDNumber is the sentinel for every way a resident identity number
// can be wrong; the detail says which.
var ErrBadIDNumber = newError("bad_id_number", "身份证号码无效", "invalid resident ID number")

// IDInfo is what a valid resident identity number says about its holder.
type IDInfo struct {
	Number string // 18 characters, check character upper-case
	Region string // 6-digit region code
	Birth  Date
	Sex    Sex
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// IDCheckChar computes the GB 11643-1999 check character of the first 17
// digits of an identity number. It panics on fewer than 17 digits; callers
// validate shape first.
func IDCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// ParseIDNumber validates a resident identity number (GB 11643-1999) as
// typed: surrounding blanks are ignored, a lower-case x is accepted and
// stored as X, and an old 15-digit number is converted to 18 digits. It
// rejects a wrong length, non-digits, a region code that cannot exist, an
// impossible or future birth date and a wrong check character, each with
// its own message. today is the date against which "future" is judged.
func ParseIDNumber(s string, today Date) (IDInfo, error) {
	n := strings.ToUpper(strings.TrimSpace(s))
	n = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '\u3000':
			return -1
		case 'ｘ', 'Ｘ':
			return 'X'
		}
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, n)
	switch len(n) {
	case 15:
		if !allDigits(n) {
			return IDInfo{}, ErrBadIDNumber.Withf("15 位旧号码只能是数字", "an old 15-digit number has digits only")
		}
		n = n[:6] + "19" + n[6:]
		n += string(IDCheckChar(n))
		return checkIDBody(n, today)
	case 18:
		if !allDigits(n[:17]) {
			return IDInfo{}, ErrBadIDNumber.Withf("前 17 位只能是数字", "the first 17 characters must be digits")
		}
		last := n[17]
		if (last < '0' || last > '9') && last != 'X' {
			return IDInfo{}, ErrBadIDNumber.Withf("最后一位只能是数字或 X", "the last character must be a digit or X")
		}
		info, err := checkIDBody(n, today)
		if err != nil {
			return info, err
		}
		if want := IDCheckChar(n); want != last {
			return IDInfo{}, ErrBadIDNumber.Withf("校验位不符（应为 %c），请核对是否输错", "check character does not match (expected %c); check for a typing error", want)
		}
		return info, nil
	default:
		return IDInfo{}, ErrBadIDNumber.Withf("应为 18 位，实际 %d 位", "must have 18 characters, has %d", len([]rune(n)))
	}
}

// checkIDBody checks region and birth date of an 18-character number.
func checkIDBody(n string, today Date) (IDInfo, error) {
	region := n[:6]
	// Province codes run 11..82; the prefecture and county digits are
	// never both zero for a person.
	prov := int(region[0]-'0')*10 + int(region[1]-'0')
	if prov < 11 || prov > 82 {
		return IDInfo{}, ErrBadIDNumber.Withf("地区码 %s 不存在（省级代码应在 11–82 之间）", "region code %s does not exist (province 11–82)", region)
	}
	t, err := time.Parse("20060102", n[6:14])
	if err != nil {
		return IDInfo{}, ErrBadIDNumber.Withf("出生日期 %s 不是真实日期", "birth date %s is not a real date", n[6:14])
	}
	birth := DateOf(t)
	if birth.Year < 1880 {
		return IDInfo{}, ErrBadIDNumber.Withf("出生年份 %d 不可能", "birth year %d is impossible", birth.Year)
	}
	if !today.IsZero() && birth.After(today) {
		return IDInfo{}, ErrBadIDNumber.Withf("出生日期 %s 在今天之后", "birth date %s is in the future", birth)
	}
	sex := Male
	if (n[16]-'0')%2 == 0 {
		sex = Female
	}
	return IDInfo{Number: n, Region: region, Birth: birth, Sex: sex}, nil
}

// MaskID masks an identity or document number for screens and public
// lists: the first 6 and last 4 characters stay, the rest become '*'.
// Shorter numbers keep only their last 2.
func MaskID(n string) string {
	r := []rune(n)
	switch {
	case len(r) >= 15:
		return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
	case len(r) > 4:
		return strings.Repeat("*", len(r)-2) + string(r[len(r)-2:])
	default:
		return strings.Repeat("*", len(r))
	}
}

// MaskName shows a name as its first character and asterisks (王**).
func MaskName(name string) string {
	r := []rune(name)
	if len(r) == 0 {
		return ""
	}
	return string(r[0]) + strings.Repeat("*", len(r)-1)
}

// MaskPhone keeps the first 3 and last 4 digits of a phone number.
func MaskPhone(p string) string {
	r := []rune(p)
	if len(r) < 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}
