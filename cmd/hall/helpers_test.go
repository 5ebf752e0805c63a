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

// hallWith runs the CLI in-process with stdin as its input and returns
// stdout, stderr and the exit code.
func hallWith(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// hall runs the CLI in-process with nothing on stdin and returns stdout,
// stderr and the exit code.
func hall(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return hallWith(t, "", args...)
}

// mustHall runs the CLI and fails unless it exits 0; it returns stdout.
func mustHall(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := hall(t, args...)
	if code != 0 {
		t.Fatalf("hall %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// tempDB is the path of a database not yet created, in a directory
// removed when the test ends.
func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "hall.db")
}

// needTool skips the test for lack of something the machine can install,
// or fails it under CI (CI=true), which must have it.
func needTool(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// e2eScript runs scripts/<name> with bash (the real binary in tmux) and
// fails with its output unless it succeeds within timeout; it is skipped
// in -short mode and where tmux is missing.
func e2eScript(t *testing.T, name string, timeout time.Duration) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end script skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		needTool(t, "tmux is missing: apt-get install tmux")
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, "bash", filepath.Join("..", "..", "scripts", name)).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	t.Logf("%s", bytes.TrimSpace(out))
}

// opensAndQuits runs a full-screen command with ctrl+c typed on stdin,
// which quits a screen with nothing unsaved at once: the command must exit
// 0 having drawn its frame (alternate screen, mouse clicks, the window
// titled title). It returns stderr.
func opensAndQuits(t *testing.T, title string, args ...string) string {
	t.Helper()
	out, errs, code := hallWith(t, "\x03", args...)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"\x1b[?1049h", "\x1b[?1002h", title} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q: %q", want, out)
		}
	}
	return errs
}
