package casefile

import "testing"

// TestAmountTextAsTheProjectPays: an amount on a screen or a session
// listing says how the project pays it, grouped, never a bare 5000.00
// (before: 已享受 … 5000.00 元 for a one-off grant, 拟 0.00 for a
// recognition that pays nothing).
func TestAmountTextAsTheProjectPays(t *testing.T) {
	cat, err := DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		code   string
		m      Money
		zh, en string
	}{
		{"MZ-01", Yuan(620), "每月 620.00 元", "620.00 yuan a month"},
		{"GSL-01", Yuan(5000), "一次性 5,000.00 元", "5,000.00 yuan one-off"},
		{"XC-02", 0, "认定，无金额", "a status, no money"},
		{"NO-SUCH", Yuan(1250), "1,250.00 元", "1,250.00 yuan"},
	} {
		got := cat.AmountText(tc.code, tc.m)
		if got.ZH != tc.zh || got.EN != tc.en {
			t.Errorf("%s %s: %q / %q, want %q / %q", tc.code, tc.m, got.ZH, got.EN, tc.zh, tc.en)
		}
	}
}
