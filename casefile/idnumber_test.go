package casefile

import (
	"errors"
	"strings"
	"testing"
)

var today = Date{2026, 11, 29}

// withCheck appends the GB 11643 check character computed by hand from
// the weights in DOMAIN.md, independently of IDCheckChar.
func withCheck(t *testing.T, first17 string) string {
	t.Helper()
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, r := range first17 {
		sum += int(r-'0') * w[i]
	}
	return first17 + string("10X98765432"[sum%11])
}

func TestParseIDNumberValid(t *testing.T) {
	tests := []struct {
		in     string
		number string
		sex    Sex
		birth  Date
		region string
	}{
		// The standard's own published example.
		{"11010519491231002X", "11010519491231002X", Female, Date{1949, 12, 31}, "110105"},
		{"11010519491231002x", "11010519491231002X", Female, Date{1949, 12, 31}, "110105"},
		{" 1101 0519 4912 3100 2X ", "11010519491231002X", Female, Date{1949, 12, 31}, "110105"},
		{"４４０５２４１８８００１０１００１４", "440524188001010014", Male, Date{1880, 1, 1}, "440524"},
		// 15-digit: 19 inserted and the check character computed.
		{"610602900101123", withCheck(t, "61060219900101123"), Male, Date{1990, 1, 1}, "610602"},
	}
	for _, tt := range tests {
		info, err := ParseIDNumber(tt.in, today)
		if err != nil {
			t.Errorf("ParseIDNumber(%q): %v", tt.in, err)
			continue
		}
		if info.Number != tt.number || info.Sex != tt.sex || info.Birth != tt.birth || info.Region != tt.region {
			t.Errorf("ParseIDNumber(%q) = %+v, want %s %s %s %s", tt.in, info, tt.number, tt.sex, tt.birth, tt.region)
		}
	}
}

func TestParseIDNumberInvalid(t *testing.T) {
	good := withCheck(t, "61060219900101123")
	wrongCheck := good[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", good[17])+1)%11])
	tests := []struct {
		in     string
		zhPart string
		enPart string
	}{
		{"", "应为 18 位", "must have 18 characters"},
		{"61060219900101", "应为 18 位，实际 14 位", "has 14"},
		{wrongCheck, "校验位不符", "check character does not match"},
		{good[:17] + "A", "最后一位", "last character"},
		{"61060219900A01123X", "前 17 位只能是数字", "first 17"},
		{withCheck(t, "99060219900101123"), "地区码 990602 不存在", "region code 990602"},
		{withCheck(t, "00060219900101123"), "地区码", "region code"},
		{withCheck(t, "61060219900230123"), "出生日期 19900230 不是真实日期", "not a real date"},
		{withCheck(t, "61060220270101123"), "在今天之后", "in the future"},
		{withCheck(t, "61060218000101123"), "出生年份 1800", "1800 is impossible"},
		{"61060290013112A", "15 位旧号码", "15-digit"},
	}
	for _, tt := range tests {
		_, err := ParseIDNumber(tt.in, today)
		if !errors.Is(err, ErrBadIDNumber) {
			t.Errorf("ParseIDNumber(%q) err = %v, want ErrBadIDNumber", tt.in, err)
			continue
		}
		if zh := Message(err, ZH); !strings.Contains(zh, tt.zhPart) || !strings.HasPrefix(zh, "身份证号码无效") {
			t.Errorf("ParseIDNumber(%q) zh = %q, want it to contain %q", tt.in, zh, tt.zhPart)
		}
		if en := Message(err, EN); !strings.Contains(en, tt.enPart) {
			t.Errorf("ParseIDNumber(%q) en = %q, want it to contain %q", tt.in, en, tt.enPart)
		}
	}
}

func TestMasking(t *testing.T) {
	if got := MaskID("11010519491231002X"); got != "110105********002X" {
		t.Errorf("MaskID = %q", got)
	}
	if got := MaskPhone("13912345678"); got != "139****5678" {
		t.Errorf("MaskPhone = %q", got)
	}
	if got := MaskID("AB12"); strings.Contains(got, "AB") {
		t.Errorf("short number leaks: %q", got)
	}
}

func FuzzParseIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "610602900101123", "", "x", "61060219900230123X", "１１０１", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		info, err := ParseIDNumber(s, today)
		if err != nil {
			if Message(err, ZH) == "" || Message(err, EN) == "" {
				t.Fatalf("empty message for %q", s)
			}
			return
		}
		// Anything accepted is a canonical, self-consistent number that
		// parses to itself.
		if len(info.Number) != 18 || info.Number[17] != IDCheckChar(info.Number) {
			t.Fatalf("accepted %q as %q with a wrong check character", s, info.Number)
		}
		again, err := ParseIDNumber(info.Number, today)
		if err != nil || again != info {
			t.Fatalf("canonical %q does not parse to itself: %+v %v", info.Number, again, err)
		}
		if info.Birth.After(today) {
			t.Fatalf("future birth accepted: %q", s)
		}
	})
}
