package casefile

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestDiskFull fills a small tmpfs while writing cases: the write that
// does not fit fails with ErrDiskFull in both languages, and everything
// acknowledged before is intact and checks clean after reopening.
func TestDiskFull(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("cannot mount a small tmpfs (CI runs as root and must): %v %s", err, out)
		}
		t.Skipf("cannot mount a small tmpfs here (needs root): %v", err)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	path := filepath.Join(dir, "full.db")
	cat := defaultCatalog(t)
	st, err := Open(path, cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	code := urbanDibao(t, cat).Code
	var acked []string
	var full error
	for i := 0; i < 5000 && full == nil; i++ {
		birth := []string{"19800101", "19810101", "19820101", "19830101", "19840101"}[i/1000]
		c, err := st.Intake(draft(idFor(birth, i%1000), "满盘测试", []string{code}), "local:desk")
		if err != nil {
			full = err
			break
		}
		acked = append(acked, c.Number)
	}
	if !errors.Is(full, ErrDiskFull) {
		t.Fatalf("after %d cases: err = %v, want ErrDiskFull", len(acked), full)
	}
	if Message(full, ZH) == Message(full, EN) || len(acked) == 0 {
		t.Errorf("message %q / %q, %d acknowledged", Message(full, ZH), Message(full, EN), len(acked))
	}
	t.Logf("disk full after %d cases: %s", len(acked), Message(full, ZH))
	st.Close()
	st, err = Open(path, cat, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("reopen after disk full: %v", err)
	}
	defer st.Close()
	st.View(func(tx *Tx) error {
		for _, n := range acked {
			if _, err := tx.Case(n); err != nil {
				t.Errorf("acknowledged %s lost: %v", n, err)
			}
		}
		return nil
	})
	if probs, err := st.Check(5); err != nil {
		t.Errorf("check after disk full: %v %v", probs, err)
	}
}

func TestReadOnlyStoreRefusesWrites(t *testing.T) {
	st, _, path := newStore(t)
	st.Close()
	ro, err := Open(path, st.Catalog(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = ro.Intake(draft(idFor("19800101", 1), "甲", []string{urbanDibao(t, ro.Catalog()).Code}), "local:desk")
	if !errors.Is(err, ErrReadOnly) || Message(err, ZH) == Message(err, EN) {
		t.Errorf("write to a read-only store: %v", err)
	}
}
