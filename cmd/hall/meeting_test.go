package main

import (
	"strings"
	"testing"
	"time"
)

// `hall meeting` opens the meeting console on the database; keys come
// from stdin here, and ctrl+c with nothing being typed quits at once.
func TestMeetingOpensAndQuits(t *testing.T) {
	db := tempDB(t)
	// the console's frame: alternate screen, mouse clicks, the window
	// titled in the chosen language
	errs := opensAndQuits(t, "Example County Integrated Social Assistance Hall - Meeting", "--db", db, "--lang", "en", "meeting")
	// a fresh database gets the default committee, and says so
	if !strings.Contains(errs, "the default one was set up") {
		t.Errorf("stderr %q does not mention the default committee", errs)
	}
	if list, _, code := hall(t, "--db", db, "session", "committee"); code != 0 || !strings.Contains(list, "王建国") {
		t.Fatalf("committee not stored: exit %d, %q", code, list)
	}
}

// TestMeetingE2E runs scripts/e2e-meeting.sh: the real binary in tmux,
// attendance, votes and a decision typed as the secretary types them,
// the screen and then the store checked.
func TestMeetingE2E(t *testing.T) {
	e2eScript(t, "e2e-meeting.sh", 60*time.Second)
}
