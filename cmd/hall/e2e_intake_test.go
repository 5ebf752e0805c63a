package main

import (
	"testing"
	"time"
)

// TestIntakeE2E runs scripts/e2e-intake.sh: the real binary in tmux, an
// intake typed key by key, the screen and the stored case checked.
func TestIntakeE2E(t *testing.T) {
	e2eScript(t, "e2e-intake.sh", 5*time.Minute)
}
