package casefile

import (
	"bytes"
	"errors"
	"testing"
)

// TestDisplayNames: registered and local users get the real name that
// documents print; only an administrator gives it; a bad name is refused.
func TestDisplayNames(t *testing.T) {
	st, _, _ := newStore(t)
	const admin = "local:root"
	if err := st.AddUser(User{Name: "wang", Display: " 王芳 ", Role: RoleFrontDesk, Fingerprints: []string{"SHA256:w"}}, admin); err != nil {
		t.Fatal(err)
	}
	name := func(who string) (s string) {
		st.View(func(t *Tx) error { s = t.DisplayName(who); return nil })
		return s
	}
	if got := name("wang"); got != "王芳" {
		t.Errorf("wang prints as %q, want 王芳", got)
	}
	if got := name(admin); got != "" {
		t.Errorf("a local user without a real name prints as %q, want nothing", got)
	}
	if err := st.SetDisplayName(admin, "张丽", admin); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDisplayName("wang", "王丽芳", admin); err != nil {
		t.Fatal(err)
	}
	if got, got2 := name(admin), name("wang"); got != "张丽" || got2 != "王丽芳" {
		t.Errorf("real names %q, %q; want 张丽, 王丽芳", got, got2)
	}
	if err := st.SetDisplayName(admin, "", admin); err != nil || name(admin) != "" {
		t.Errorf("removing a real name: %v, %q", err, name(admin))
	}
	if err := st.SetDisplayName(admin, "李四", "wang"); !errors.Is(err, ErrForbidden) {
		t.Errorf("front desk renamed a user: %v", err)
	}
	if err := st.SetDisplayName("nobody", "某某", admin); !errors.Is(err, ErrUnknownUser) {
		t.Errorf("an unknown user got a name: %v", err)
	}
	for _, bad := range []string{"王:芳", "一二三四五六七八九十一二三四五六七八九十一"} {
		if err := st.SetDisplayName("wang", bad, admin); !errors.Is(err, ErrInvalid) {
			t.Errorf("real name %q: %v, want ErrInvalid", bad, err)
		}
	}
	if name("nobody") != "" {
		t.Error("an unknown user has a real name")
	}
}

// TestSealKey: the key is made once and kept; a read-only store without
// one says so rather than make one.
func TestSealKey(t *testing.T) {
	st, _, path := newStore(t)
	k1, err := st.SealKey()
	if err != nil || len(k1) != 32 {
		t.Fatalf("SealKey = %x, %v", k1, err)
	}
	k2, err := st.SealKey()
	if err != nil || !bytes.Equal(k1, k2) {
		t.Errorf("the key changed: %x, %x, %v", k1, k2, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(path, defaultCatalog(t), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if k3, err := ro.SealKey(); err != nil || !bytes.Equal(k1, k3) {
		t.Errorf("reopened read-only: %x, %v", k3, err)
	}

	fresh, _, path2 := newStore(t)
	fresh.Close()
	ro2, err := Open(path2, defaultCatalog(t), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro2.Close()
	if _, err := ro2.SealKey(); !errors.Is(err, ErrNoSealKey) {
		t.Errorf("read-only store without a key: %v, want ErrNoSealKey", err)
	}
}
