package casefile

import "testing"

func TestCleanStripsControlsAndEscapes(t *testing.T) {
	tests := map[string]string{
		"\x1b[31m王\x1b[0m秀英":                        "王秀英",
		"𠮷\x07野\x1b]0;owned\x07家😀":                  "𠮷野家😀",
		"a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\": "alink",
		"  tab\there\r\n ":                          "tab here",
		"zero\u200bwidth\ufeff":                     "zerowidth",
		"\x1bc重置":                                   "重置",
		"👨\u200d👩":                                  "👨\u200d👩",
		"\xff\xfe坏":                                 "坏",
	}
	for in, want := range tests {
		if got := Clean(in, false); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Clean("第一行\n第二行", true); got != "第一行\n第二行" {
		t.Errorf("multiline note lost its newline: %q", got)
	}
}

// FuzzClean: whatever is typed or pasted, what is kept has no control
// character and no escape, and cleaning again changes nothing.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"\x1b[31m王", "a\x1b]0;t\x07b", "\x1bP+q\x1b\\", "x\x1b", "\x9b31m", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s, false)
		for _, r := range out {
			if r < 0x20 || (r >= 0x7f && r < 0xa0) {
				t.Fatalf("Clean(%q) kept %U", s, r)
			}
		}
		if again := Clean(out, false); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, again)
		}
	})
}
