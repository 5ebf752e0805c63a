package casefile

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestRolesEnforcedInTheDomain(t *testing.T) {
	st, _, _ := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	admin := "local:root"
	for _, u := range []User{
		{Name: "wang", Role: RoleFrontDesk, Fingerprints: []string{"SHA256:desk"}},
		{Name: "li", Role: RoleVerifier, Fingerprints: []string{"SHA256:verif"}},
		{Name: "zhao", Role: RoleMember, Fingerprints: []string{"SHA256:member"}},
	} {
		if err := st.AddUser(u, admin); err != nil {
			t.Fatal(err)
		}
	}
	// Only an administrator manages users; names and keys are unique.
	if err := st.AddUser(User{Name: "x", Role: RoleAdmin, Fingerprints: []string{"SHA256:x"}}, "wang"); !errors.Is(err, ErrForbidden) {
		t.Errorf("front desk added a user: %v", err)
	}
	if err := st.AddUser(User{Name: "wang", Role: RoleAdmin, Fingerprints: []string{"SHA256:y"}}, admin); !errors.Is(err, ErrUserExists) {
		t.Errorf("duplicate name: %v", err)
	}
	if err := st.AddUser(User{Name: "qian", Role: RoleAdmin, Fingerprints: []string{"SHA256:desk"}}, admin); !errors.Is(err, ErrKeyInUse) {
		t.Errorf("duplicate key: %v", err)
	}
	if u, err := st.UserByFingerprint("SHA256:verif"); err != nil || u.Name != "li" {
		t.Errorf("by fingerprint: %v %v", u, err)
	}

	c, err := st.Intake(draft(idFor("19800101", 1), "甲", []string{code}), "wang")
	if err != nil {
		t.Fatalf("front desk intake: %v", err)
	}
	if _, err := st.Intake(draft(idFor("19800101", 2), "乙", []string{code}), "zhao"); !errors.Is(err, ErrForbidden) {
		t.Errorf("member took an intake: %v", err)
	}
	if _, err := st.Intake(draft(idFor("19800101", 3), "丙", []string{code}), "stranger"); !errors.Is(err, ErrForbidden) {
		t.Errorf("unregistered user took an intake: %v", err)
	}
	ev := Evidence{Kind: EvHomeVisit, Department: "civil_affairs", Verifier: "李", Date: DateOf(testNow)}
	if _, err := st.AddEvidence(c.Number, 0, ev, "wang"); !errors.Is(err, ErrForbidden) {
		t.Errorf("front desk added evidence: %v", err)
	} else if msg := Message(err, ZH); !strings.Contains(msg, "wang") || !strings.Contains(msg, "前台受理") {
		t.Errorf("refusal does not say who and why: %s", msg)
	}
	if _, err := st.AddEvidence(c.Number, 0, ev, "li"); err != nil {
		t.Errorf("verifier added evidence: %v", err)
	}
	if _, err := st.ResolveDuplicates(true, "wang"); !errors.Is(err, ErrForbidden) {
		t.Errorf("front desk wrote duplicate marks: %v", err)
	}
	err = st.Update(func(tx *Tx) error {
		cc, _ := tx.Case(c.Number)
		return tx.RecordReveal(cc, "zhao", "look")
	})
	if !errors.Is(err, ErrForbidden) {
		t.Errorf("member saw full ID numbers: %v", err)
	}
	if err := st.RemoveUser("zhao", admin); err != nil {
		t.Fatal(err)
	}
	if users, _ := st.Users(); len(users) != 2 {
		t.Errorf("users after removal: %v", users)
	}
}

func TestAuditFindsTheFirstBrokenEntry(t *testing.T) {
	st, _, _ := newStore(t)
	code := urbanDibao(t, st.Catalog()).Code
	for i := 0; i < 3; i++ {
		mustIntake(t, st, draft(idFor("19800101", i), "甲", []string{code}), "local:desk")
	}
	if bad, err := st.Audit(); err != nil || bad != nil {
		t.Fatalf("clean store: %+v %v", bad, err)
	}
	for i := 2; i <= 3; i++ {
		st.Update(func(tx *Tx) error {
			c, _ := tx.Case(fmt.Sprintf("2026-%06d", i))
			tx.AddHistory(c, Change{Who: "local:desk", Action: "print"})
			return tx.AddHistory(c, Change{Who: "local:desk", Action: "print"})
		})
	}
	edit := func(number string, entry uint32, rehash bool) {
		if err := st.CatchUp(); err != nil { // the entries in the file, where an edit can reach them
			t.Fatal(err)
		}
		st.Update(func(tx *Tx) error {
			c, _ := tx.Case(number)
			h, _ := tx.History(c.Seq)
			e := h[entry]
			e.Why = "altered"
			if rehash {
				e.Hash = HashEntry(e)
			}
			raw, _ := json.Marshal(e) // behind the journal's back
			return tx.tx.Bucket(bHistory).Put(binary.BigEndian.AppendUint32(u64(c.Seq), entry), raw)
		})
	}
	// An edit that recomputes the entry's own hash breaks the next link.
	edit("2026-000003", 1, true)
	bad, err := st.Audit()
	if err != nil || bad == nil || bad.Case != "2026-000003" || bad.Entry != 2 {
		t.Fatalf("audit = %+v %v; want case 2026-000003 entry 2", bad, err)
	}
	// A plain edit of an earlier case is found first, at the edited entry.
	edit("2026-000002", 1, false)
	bad, _ = st.Audit()
	if bad == nil || bad.Case != "2026-000002" || bad.Entry != 1 || bad.Who != "local:desk" {
		t.Fatalf("audit = %+v; want case 2026-000002 entry 1", bad)
	}
}
