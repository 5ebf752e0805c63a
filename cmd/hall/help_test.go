package main

import (
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/rongjiuzhu/hall/casefile"
)

// commandPaths lists every command of the tree as the arguments naming it.
func commandPaths(c *cobra.Command, path []string, out *[][]string) {
	*out = append(*out, path)
	for _, sub := range c.Commands() {
		if sub.Hidden {
			continue
		}
		commandPaths(sub, append(append([]string(nil), path...), sub.Name()), out)
	}
}

// The words of cobra's own English template and flags, none of which may
// show in the Chinese help.
var templateWords = []string{"Usage:", "Flags:", "Global Flags:", "Available Commands:", "Additional Commands:",
	"Aliases:", "Examples:", "[flags]", "[command]", "for more information about a command", "help for ", "version for "}

func TestHelpFollowsTheLanguage(t *testing.T) {
	t.Setenv("HALL_LANG", "")
	var paths [][]string
	commandPaths((&app{lang: casefile.ZH}).newRootCommand(), nil, &paths)
	if len(paths) < 30 {
		t.Fatalf("only %d commands", len(paths))
	}
	for _, p := range paths {
		zh := mustHall(t, append(append([]string(nil), p...), "--help")...)
		for _, w := range templateWords {
			if strings.Contains(zh, w) {
				t.Errorf("hall %s --help in Chinese says %q:\n%s", strings.Join(p, " "), w, zh)
			}
		}
		if !strings.Contains(zh, "用法：") || !strings.ContainsFunc(zh, isHan) {
			t.Errorf("hall %s --help is not in Chinese:\n%s", strings.Join(p, " "), zh)
		}
		for _, args := range [][]string{append([]string{"--lang", "en"}, p...), append(append([]string(nil), p...), "--lang=en")} {
			en := mustHall(t, append(args, "--help")...)
			if i := strings.IndexFunc(en, isHan); i >= 0 {
				t.Errorf("hall %s --help has Chinese at %q:\n%s", strings.Join(args, " "), en[i:min(len(en), i+30)], en)
			}
			if !strings.Contains(en, "Usage:") {
				t.Errorf("hall %s --help has no usage:\n%s", strings.Join(args, " "), en)
			}
		}
	}
	t.Setenv("HALL_LANG", "en")
	if en := mustHall(t, "cases", "--help"); !strings.Contains(en, "List cases, newest first") || strings.ContainsFunc(en, isHan) {
		t.Errorf("HALL_LANG=en: %s", en)
	}
	if zh := mustHall(t, "--lang", "zh", "cases", "--help"); !strings.Contains(zh, "列出案件") {
		t.Errorf("--lang zh over HALL_LANG=en: %s", zh)
	}
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
