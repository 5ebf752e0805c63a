package main

import (
	"os"
	"os/exec"
	"testing"
)

// TestIntakeE2E runs scripts/e2e-intake.sh: the real binary in tmux, an
// intake typed key by key, the screen and the stored case checked.
func TestIntakeE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end script skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is missing: apt-get install tmux")
		}
		t.Skip("tmux is missing: apt-get install tmux")
	}
	cmd := exec.Command("bash", "../../scripts/e2e-intake.sh")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("e2e-intake failed: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
