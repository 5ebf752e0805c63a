package frontdesk

import (
	"errors"
	"strings"
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/casefiletest"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/tui/common"
)

// What hall serve needs of the front desk: roles shaping the screens,
// full numbers revealed and recorded, other terminals' changes shown, and
// a save on a case changed meanwhile refused without losing the typing.

// addUser registers name with role (the domain checks writes against it).
func addUser(t *testing.T, st *casefile.Store, name string, role casefile.Role) {
	t.Helper()
	u := casefile.User{Name: name, Role: role, Fingerprints: []string{"SHA256:" + name}}
	if err := st.AddUser(u, "local:admin"); err != nil {
		t.Fatal(err)
	}
}

// newDriverAs is newDriver for a registered user with a role.
func newDriverAs(t *testing.T, store Store, user string, role casefile.Role) *driver {
	t.Helper()
	return startDriver(t, store, casefile.ZH, user, 100, 30, WithRole(role))
}

func TestHomeMenuFollowsTheRole(t *testing.T) {
	st := openStore(t, false)
	addUser(t, st, "desk1", casefile.RoleFrontDesk)
	addUser(t, st, "member1", casefile.RoleMember)
	store := NewStore(st)

	desk := newDriverAs(t, store, "desk1", casefile.RoleFrontDesk)
	desk.must("前台受理", "案件", "打印", "desk1 (前台受理)")
	desk.mustNot("研判会")
	desk.press("3")
	desk.must("无此操作权限（角色：前台受理）")
	if desk.m.active != common.PageHome {
		t.Fatal("a front-desk user opened the meeting")
	}
	desk.press("?")
	desk.mustNot("研判会")

	member := newDriverAs(t, store, "member1", casefile.RoleMember)
	member.must("研判会", "案件")
	member.mustNot("前台受理", "打印")
	member.press("1")
	member.must("无此操作权限")
	if member.m.active != common.PageHome {
		t.Fatal("a member opened the intake")
	}

	// a local run is the administrator: everything shown
	admin := newDriver(t, store, casefile.ZH, 100, 30)
	admin.must("前台受理", "研判会", "打印")
}

func TestDossierKeysFollowTheRole(t *testing.T) {
	st := openStore(t, true)
	addUser(t, st, "desk1", casefile.RoleFrontDesk)
	number := casefiletest.CaseIn(t, st, casefile.StatusReceived)
	d := newDriverAs(t, NewStore(st), "desk1", casefile.RoleFrontDesk)
	d.send(common.NavigateMsg{To: common.PageDossier, Number: number})
	d.must(number)
	// the front desk adds no evidence
	d.keyOff(d.m.dossier.keys().Evidence, "e 补充核查", "无此操作权限")
	if d.m.dossier.mode == dossierEvidence {
		t.Fatal("the evidence form opened for the front desk")
	}
	// the domain refuses it too, whatever the screen does
	var c *casefile.Case
	st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case(number); return })
	ev := casefile.Evidence{Kind: casefile.EvIncomeCheck, Department: st.Catalog().Departments[0].Key, Verifier: "x", Date: casefile.DateOf(fixedNow)}
	if _, err := NewStore(st).AddEvidence(number, c.Version, ev, "desk1"); !errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("evidence by the front desk: %v, want ErrForbidden", err)
	}
}

func TestRevealShowsFullNumbersAndRecordsIt(t *testing.T) {
	st := openStore(t, true)
	addUser(t, st, "printer1", casefile.RolePrinter)
	number := casefiletest.CaseIn(t, st, casefile.StatusReceived)
	var c *casefile.Case
	st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case(number); return })
	full, masked := c.Applicant.DocNumber, casefile.MaskID(c.Applicant.DocNumber)

	d := newDriver(t, NewStore(st), casefile.ZH, 120, 40)
	d.send(common.NavigateMsg{To: common.PageDossier, Number: number})
	d.must(masked)
	d.mustNot(full)
	d.press("v")
	d.must(full, "已显示完整证件号和电话（已记入办理记录）")
	d.press("6")
	d.must("查看完整证件号")
	d.press("v")
	d.mustNot(full)
	var h []casefile.HistoryEntry
	st.View(func(tx *casefile.Tx) (err error) { h, err = tx.History(c.Seq); return })
	if last := h[len(h)-1]; last.Action != "reveal" || last.Who != testUser {
		t.Fatalf("last history entry %+v, want the reveal by %s", last, testUser)
	}

	// a role without PermReveal: no key, a message, nothing recorded
	p := newDriverAs(t, NewStore(st), "printer1", casefile.RolePrinter)
	p.send(common.NavigateMsg{To: common.PageDossier, Number: number})
	p.press("v")
	p.must("无此操作权限")
	p.mustNot(full)
	var h2 []casefile.HistoryEntry
	st.View(func(tx *casefile.Tx) (err error) { h2, err = tx.History(c.Seq); return })
	if len(h2) != len(h) {
		t.Fatal("a refused reveal was recorded")
	}
	if err := NewStore(st).Reveal(number, "printer1"); !errors.Is(err, casefile.ErrForbidden) {
		t.Fatalf("reveal by a printer: %v, want ErrForbidden", err)
	}
}

// Two desks on one case: the second save is refused naming who changed
// the case, what was typed stays, and saving again works.
func TestStaleSaveRefusedNamingWhoAndTypingKept(t *testing.T) {
	st := openStore(t, true)
	addUser(t, st, "wang", casefile.RoleVerifier)
	addUser(t, st, "li", casefile.RoleVerifier)
	number := casefiletest.CaseIn(t, st, casefile.StatusReceived)
	var changes []Change
	store := NewNotifyingStore(st, func(c Change) { changes = append(changes, c) })

	a := newDriverAs(t, store, "wang", casefile.RoleVerifier)
	b := newDriverAs(t, store, "li", casefile.RoleVerifier)
	for _, d := range []*driver{a, b} {
		d.send(common.NavigateMsg{To: common.PageDossier, Number: number})
		d.press("e", "down", "down")
	}
	typeText(a, "王核查")
	typeText(b, "李核查")
	// a reveal adds to the history only: nothing to warn about
	a.send(ChangedMsg{Changes: []Change{{Who: "li", What: ChangeReveal, Number: number}}})
	a.mustNot("刚修改了此案件")
	b.press("ctrl+s")
	b.must("已添加核查材料")
	if len(changes) != 1 || changes[0] != (Change{Who: "li", What: ChangeEvidence, Number: number}) {
		t.Fatalf("changes reported %+v", changes)
	}
	// the bus would tell a: the form is open, so the case is not reloaded
	a.send(ChangedMsg{Changes: changes})
	a.must("li 刚修改了此案件")
	a.press("ctrl+s")
	a.must(number + " 已由 li 修改")
	if a.m.dossier.mode != dossierEvidence || a.m.dossier.ev.state.Verifier != "王核查" {
		t.Fatal("the refused form lost what was typed")
	}
	a.press("ctrl+s")
	a.must("已添加核查材料")
	var c *casefile.Case
	st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case(number); return })
	var who []string
	for _, ev := range c.Evidence {
		who = append(who, ev.Verifier)
	}
	if got := strings.Join(who, ","); !strings.HasSuffix(got, "李核查,王核查") {
		t.Fatalf("evidence verifiers %s", got)
	}
}

// A change elsewhere reloads the page in view: home counters, the queue,
// an open dossier.
func TestChangesElsewhereReloadThePageInView(t *testing.T) {
	st := openStore(t, true)
	store := NewStore(st)
	d := newDriver(t, store, casefile.ZH, 100, 30)
	before := d.m.home.counts.Total
	number := casefiletest.CaseIn(t, st, casefile.StatusReceived)
	var c *casefile.Case
	st.View(func(tx *casefile.Tx) (err error) { c, err = tx.Case(number); return })
	if _, err := st.Move(number, c.Version, casefile.StatusWithdrawn, "local:other", "test"); err != nil {
		t.Fatal(err)
	}
	d.send(ChangedMsg{Changes: []Change{{Who: "local:other", What: ChangeMove, Number: number}}})
	if after := d.m.home.counts; after.Total != before || after.ByStatus[casefile.StatusWithdrawn] == 0 {
		t.Fatalf("home counters not reloaded: %+v", after)
	}
	d.send(common.NavigateMsg{To: common.PageDossier, Number: number})
	d.must("[已撤回]")
	d.press("esc", "2")
	typeText(d, number)
	d.must(number, "已撤回")

	// a new case arrives while the cursor is on a row: it stays on its case
	d.press("ctrl+l", "down", "down")
	q := d.m.queue
	at := q.rows[q.tbl.Cursor].number
	if _, err := st.Intake(gen.New(st.Catalog(), 9, casefile.DateOf(fixedNow)).Draft(0), "local:other"); err != nil {
		t.Fatal(err)
	}
	d.send(ChangedMsg{Changes: []Change{{Who: "local:other", What: ChangeIntake}}})
	if got := q.rows[q.tbl.Cursor].number; got != at || q.tbl.Cursor != 3 {
		t.Fatalf("cursor on %s (row %d), want still on %s", got, q.tbl.Cursor, at)
	}
}
