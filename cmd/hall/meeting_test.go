package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// `hall meeting` opens the meeting console on the database; keys come
// from stdin here, and ctrl+c with nothing being typed quits at once.
func TestMeetingOpensAndQuits(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	var out, errb bytes.Buffer
	code := run([]string{"--db", db, "--lang", "en", "meeting"}, strings.NewReader("\x03"), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	// the console's frame: alternate screen, mouse clicks, the window
	// titled in the chosen language
	for _, want := range []string{"\x1b[?1049h", "\x1b[?1002h", "Example County Integrated Social Assistance Hall - Meeting"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q: %q", want, out.String())
		}
	}
	// a fresh database gets the default committee, and says so
	if !strings.Contains(errb.String(), "the default one was set up") {
		t.Errorf("stderr %q does not mention the default committee", errb.String())
	}
	var list bytes.Buffer
	if code := run([]string{"--db", db, "session", "committee"}, strings.NewReader(""), &list, &errb); code != 0 || !strings.Contains(list.String(), "王建国") {
		t.Fatalf("committee not stored: exit %d, %q", code, list.String())
	}
}

// TestMeetingE2E runs scripts/e2e-meeting.sh: the real binary in tmux,
// attendance, votes and a decision typed as the secretary types them,
// the screen and then the store checked.
func TestMeetingE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is required in CI (apt-get install tmux)")
		}
		t.Skip("tmux not installed (apt-get install tmux)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join("..", "..", "scripts", "e2e-meeting.sh"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("e2e-meeting.sh: %v\n%s", err, out)
	}
	t.Logf("%s", bytes.TrimSpace(out))
}
