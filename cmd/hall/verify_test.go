package main

import (
	"crypto/ed25519"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/rongjiuzhu/hall/casefile"
)

// receivedCase is what the test reads of `hall case show --json`.
type receivedCase struct {
	Number   string        `json:"number"`
	Received time.Time     `json:"received_at"`
	Deadline casefile.Date `json:"deadline"`
	Officer  string        `json:"officer"`
}

// TestReceiptVerifies prints an intake receipt of the demo, reads its QR
// code back with zbarimg and has `hall verify` check it: the code matches
// the records; a code with one character changed is refused. The receipt
// names the officer by the real name given with `hall user display`, and
// gives the acceptance date and the promised decision date of the case.
func TestReceiptVerifies(t *testing.T) {
	pdftotext := printTools(t)
	pdftoppm, err1 := exec.LookPath("pdftoppm")
	zbarimg, err2 := exec.LookPath("zbarimg")
	if err1 != nil || err2 != nil {
		needTool(t, "no pdftoppm or zbarimg: apt-get install poppler-utils zbar-tools")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	mustHall(t, "--db", db, "demo")
	mustHall(t, "--db", db, "user", "display", "张丽")

	const number = "2026-000001"
	c := caseJSON[receivedCase](t, db, number)
	if c.Officer != osWho() {
		t.Fatalf("the demo's case was taken in by %q, want the local user %q", c.Officer, osWho())
	}
	pdf := filepath.Join(dir, "receipt.pdf")
	mustHall(t, "--db", db, "print", "receipt", number, "--out", pdf)
	text := pdfFileText(t, pdftotext, pdf)
	for _, want := range []string{
		"受理人张丽",
		"受理日期" + casefile.DateOf(c.Received).Chinese(),
		"承诺办结时限" + c.Deadline.Chinese() + "前作出决定",
		"核验码hall:" + number + ":R:",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("receipt lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "local:") {
		t.Errorf("receipt prints a login name:\n%s", text)
	}

	// Read the QR code as a scanner would.
	png := filepath.Join(dir, "page")
	if out, err := exec.Command(pdftoppm, "-png", "-r", "150", "-f", "1", "-l", "1", pdf, png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(png + "*.png")
	if len(pages) != 1 {
		t.Fatalf("pdftoppm wrote %v", pages)
	}
	out, err := exec.Command(zbarimg, "-q", "--raw", pages[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	code := strings.TrimSpace(string(out))
	if !strings.HasPrefix(code, "hall:"+number+":R:") || !strings.Contains(text, code) {
		t.Fatalf("the QR code holds %q; the receipt prints\n%s", code, text)
	}

	got := mustHall(t, "--db", db, "verify", code)
	for _, want := range []string{"核验码相符", "受理回执", number, casefile.DateOf(c.Received).Chinese(), c.Deadline.Chinese()} {
		if !strings.Contains(got, want) {
			t.Errorf("verify %s lacks %q:\n%s", code, want, got)
		}
	}
	// What zbarimg prints without --raw, and the code typed in lower
	// case with blanks, read the same.
	mustHall(t, "--db", db, "verify", "QR-Code:"+code)
	mustHall(t, "--db", db, "verify", strings.ToLower(strings.ReplaceAll(code, "-", " - ")))

	// One character changed, in the check or in the case number: refused.
	last := code[len(code)-1]
	other := byte('A')
	if last == 'A' {
		other = 'B'
	}
	for _, bad := range []string{code[:len(code)-1] + string(other), strings.Replace(code, number, "2026-000002", 1)} {
		_, errs, rc := hall(t, "--db", db, "verify", bad)
		if rc != 1 || !strings.Contains(errs, "核验码不符") {
			t.Errorf("verify %s: exit %d, %q; want exit 1 and a refusal", bad, rc, errs)
		}
	}
	if _, _, rc := hall(t, "--db", db, "verify", "hall:"+number); rc != exitUsage {
		t.Errorf("verify of a code without a check: exit %d, want %d", rc, exitUsage)
	}

	// Another database does not know this one's key.
	other2 := filepath.Join(dir, "other.db")
	mustHall(t, "--db", other2, "demo")
	mustHall(t, "--db", other2, "print", "receipt", number, "--out", filepath.Join(dir, "other.pdf"))
	if _, _, rc := hall(t, "--db", other2, "verify", code); rc != 1 {
		t.Errorf("a code of another database: exit %d, want 1", rc)
	}
}

// TestUserDisplayName: a registered user gets a real name with --display
// and `user display`; `user list` shows it.
func TestUserDisplayName(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	sk, _ := ssh.NewPublicKey(pub)
	keyFile := filepath.Join(dir, "wang.pub")
	os.WriteFile(keyFile, ssh.MarshalAuthorizedKey(sk), 0o644)
	mustHall(t, "--db", db, "user", "add", "wang", "--role", "frontdesk", "--key", keyFile, "--display", "王芳")
	if out := mustHall(t, "--db", db, "user", "list"); !strings.Contains(out, "王芳") {
		t.Errorf("user list lacks the real name:\n%s", out)
	}
	mustHall(t, "--db", db, "user", "display", "wang", "王丽芳")
	if out := mustHall(t, "--db", db, "user", "list"); !strings.Contains(out, "王丽芳") {
		t.Errorf("user list lacks the new real name:\n%s", out)
	}
	if _, errs, rc := hall(t, "--db", db, "user", "display", "wang", "王:芳"); rc == 0 {
		t.Errorf("a name with a colon was taken: %q", errs)
	}
	if _, _, rc := hall(t, "--db", db, "user", "display", "nobody", "某某"); rc == 0 {
		t.Error("a real name was given to an unknown user")
	}
}
