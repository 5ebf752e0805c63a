package casefile

import (
	"testing"

	"github.com/mozillazg/go-pinyin"
)

// TestPinyinCacheSameAsLibrary checks that the per-character cache gives
// what go-pinyin gives for the whole name, twice (cold, then cached).
func TestPinyinCacheSameAsLibrary(t *testing.T) {
	names := []string{"张三", "欧阳娜娜", "李 小明", "王2号", "Zhao Lei", "单于", "长孙无忌", "曾", "·", "阿卜杜·热合曼", ""}
	for r := rune(0x4e00); r < 0x4e00+3000; r += 7 {
		names = append(names, string(r)+string(r+1))
	}
	for round := 0; round < 2; round++ {
		for _, n := range names {
			var ini, full []byte
			for _, syl := range pinyin.Pinyin(n, pinyinArgs) {
				if len(syl) == 0 || syl[0] == "" {
					continue
				}
				ini = append(ini, syl[0][0])
				full = append(full, syl[0]...)
			}
			gi, gf := Pinyin(n)
			if gi != string(ini) || gf != string(full) {
				t.Fatalf("round %d: Pinyin(%q) = %q, %q; go-pinyin gives %q, %q", round, n, gi, gf, ini, full)
			}
		}
	}
}
