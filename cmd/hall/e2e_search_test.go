package main

import (
	"os/exec"
	"testing"
	"time"
)

// TestSearchE2E runs scripts/e2e-search.sh on a small demo hall: the real
// binary in tmux, a name typed into the queue key by key, each key's rows
// checked against `hall cases --search`. The time limit is loose here (a
// test is no benchmark); the script's own limit is for a measured run.
func TestSearchE2E(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		needTool(t, "jq is missing (the script reads `hall cases --json`): apt-get install jq")
	}
	t.Setenv("N", "2000")
	t.Setenv("LIMIT_MS", "20000")
	t.Setenv("PINYIN", "wang")
	e2eScript(t, "e2e-search.sh", 5*time.Minute)
}
