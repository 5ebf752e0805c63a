package meeting_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
	"github.com/rongjiuzhu/hall/meeting"
)

// hall is a temporary hall: a fresh database with the embedded default
// catalogue, a fixed clock and a generator of people.
type hall struct {
	t   *testing.T
	st  *casefile.Store
	m   *meeting.Store
	cat *casefile.Catalog
	gen *gen.Gen
	now time.Time
}

// desk and secretaryUser are the users recorded in histories.
const (
	desk          = "local:desk-li"
	secretaryUser = "local:secretary"
)

func newHall(t *testing.T) *hall {
	t.Helper()
	cat, err := casefile.DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	h := &hall{t: t, cat: cat, now: time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)}
	st, err := casefile.Open(filepath.Join(t.TempDir(), "hall.db"), cat, casefile.Options{Now: func() time.Time { return h.now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h.st, h.m = st, meeting.New(st)
	h.gen = gen.New(cat, 11, casefile.DateOf(h.now))
	return h
}

// newMeeting is a fresh hall with a committee of n voting members.
func newMeeting(t *testing.T, n int) (*hall, *committee) {
	t.Helper()
	h := newHall(t)
	return h, h.committee(n)
}

// applicant is a generated adult.
func (h *hall) applicant() casefile.Person { return h.gen.Person(25, 60) }

// oneOffCase is a new applicant's ready case for a one-off project.
func (h *hall) oneOffCase() *casefile.Case {
	h.t.Helper()
	return h.readyCase(h.applicant(), h.oneOff())
}

// student is a generated 18-year-old flagged as a student.
func (h *hall) student() casefile.Person {
	p := h.gen.Person(18, 18)
	p.Flags = []string{casefile.FlagStudent}
	return p
}

// freshmanCases are p's three ready cases, one for each of freshmen().
func (h *hall) freshmanCases(p casefile.Person) (civil, edu, youth *casefile.Case) {
	h.t.Helper()
	codes := h.freshmen()
	return h.readyCase(p, codes[0]), h.readyCase(p, codes[1]), h.readyCase(p, codes[2])
}

// freshmen are the college-freshman projects of civil affairs (3000),
// education (3500) and the youth league (4000), the same policy thrice.
func (h *hall) freshmen() []string {
	h.t.Helper()
	return []string{h.project("civil_affairs", "college_freshman"), h.project("education", "college_freshman"),
		h.project("youth_league", "college_freshman")}
}

// readyCase takes in p's application for codes with every required
// document, adds the evidence the projects require and moves it to ready.
func (h *hall) readyCase(p casefile.Person, codes ...string) *casefile.Case {
	h.t.Helper()
	return h.readyCaseWith(p, h.cat.RequiredDocuments(codes), codes...)
}

// readyCaseWith is readyCase with only the documents docs received.
func (h *hall) readyCaseWith(p casefile.Person, docs []string, codes ...string) *casefile.Case {
	h.t.Helper()
	d := h.gen.DraftFor(p, codes, 10)
	d.Documents = docs
	return h.ready(d, func(casefile.EvidenceKind, *casefile.Evidence) {})
}

// ready takes in the draft d, adds the evidence its projects require as
// generated and then changed by adjust, and moves the case to ready.
func (h *hall) ready(d *casefile.Draft, adjust func(casefile.EvidenceKind, *casefile.Evidence)) *casefile.Case {
	h.t.Helper()
	c, err := h.st.Intake(d, desk)
	if err != nil {
		h.t.Fatalf("intake: %v", err)
	}
	for _, k := range h.cat.MissingEvidence(c) {
		ev := h.gen.Evidence(c, k)
		adjust(k, &ev)
		if c, err = h.st.AddEvidence(c.Number, c.Version, ev, "local:verifier-wang"); err != nil {
			h.t.Fatalf("evidence: %v", err)
		}
	}
	if c, err = h.st.Move(c.Number, c.Version, casefile.StatusReady, desk, "核查完毕"); err != nil {
		h.t.Fatalf("ready: %v", err)
	}
	return c
}

// note is the text of c's last history entry of action a.
func (h *hall) note(c *casefile.Case, a casefile.Action) casefile.Text {
	h.t.Helper()
	var note casefile.Text
	for _, e := range h.history(c) {
		if e.Action == string(a) {
			note = e.Text()
		}
	}
	return note
}

// project returns a project code of dept in group ("" any group).
func (h *hall) project(dept, group string) string {
	h.t.Helper()
	for _, p := range h.cat.Projects {
		if p.Department == dept && p.Group == group && p.Kind != casefile.KindLoan {
			return p.Code
		}
	}
	h.t.Fatalf("no project of %s in group %q", dept, group)
	return ""
}

// monthly returns a monthly project's code.
func (h *hall) monthly() *casefile.Project {
	for _, p := range h.cat.Projects {
		if p.Kind == casefile.KindMonthly && p.Area == "" {
			return p
		}
	}
	h.t.Fatal("no monthly project")
	return nil
}

// oneOff returns an ungrouped one-off project with an amount rule.
func (h *hall) oneOff() string {
	for _, p := range h.cat.Projects {
		if p.Kind == casefile.KindOneOff && p.Group == "" && p.Amount != nil && len(p.Evidence) > 0 && p.Area == "" {
			return p.Code
		}
	}
	h.t.Fatal("no one-off project")
	return ""
}

// caseNow reloads a case.
func (h *hall) caseNow(number string) *casefile.Case {
	h.t.Helper()
	var c *casefile.Case
	if err := h.st.View(func(t *casefile.Tx) error {
		var err error
		c, err = t.Case(number)
		return err
	}); err != nil {
		h.t.Fatal(err)
	}
	return c
}

// history returns a case's history.
func (h *hall) history(c *casefile.Case) []casefile.HistoryEntry {
	h.t.Helper()
	var out []casefile.HistoryEntry
	if err := h.st.View(func(t *casefile.Tx) error {
		var err error
		out, err = t.History(c.Seq)
		return err
	}); err != nil {
		h.t.Fatal(err)
	}
	return out
}

// committee is the stored committee as people who act.
type committee struct {
	chair     *member
	members   []*member // voting members other than the chair
	secretary *member
}

// voters are the chair and the members.
func (c *committee) voters() []*member { return append([]*member{c.chair}, c.members...) }

// member is a committee member who acts in the scenario.
type member struct {
	h *hall
	meeting.Member
}

// committee stores a committee of n voting members (a chair from civil
// affairs and n-1 members of other departments) and a secretary.
func (h *hall) committee(n int) *committee {
	h.t.Helper()
	ms := []meeting.Member{{Name: "王建国", Department: "civil_affairs", Role: meeting.RoleChair}}
	for _, d := range h.cat.Departments {
		if len(ms) == n {
			break
		}
		if d.Key != "civil_affairs" {
			ms = append(ms, meeting.Member{Name: "委员" + d.Short + d.Key, Department: d.Key, Role: meeting.RoleMember})
		}
	}
	ms = append(ms, meeting.Member{Name: "郭冬梅", Department: "civil_affairs", Role: meeting.RoleSecretary})
	stored, err := h.m.SetCommittee(ms, "local:admin")
	if err != nil {
		h.t.Fatal(err)
	}
	c := &committee{}
	for _, m := range stored {
		p := &member{h: h, Member: m}
		switch m.Role {
		case meeting.RoleChair:
			c.chair = p
		case meeting.RoleSecretary:
			c.secretary = p
		default:
			c.members = append(c.members, p)
		}
	}
	return c
}

// session is an open session as the scenario drives it.
type session struct {
	h      *hall
	number string
}

// Open opens a session chaired by m.
func (m *member) Open() *session {
	m.h.t.Helper()
	s, err := m.h.m.NewSession(meeting.Plan{Place: "融救助中心三楼会议室"}, secretaryUser)
	if err != nil {
		m.h.t.Fatal(err)
	}
	if s.Chair.ID != m.ID {
		m.h.t.Fatalf("session chaired by %s, want %s", s.Chair.Name, m.Name)
	}
	return &session{h: m.h, number: s.Number}
}

// Sit is the usual start of a scenario: the chair opens a session, the
// agenda is built from every ready case and every voter is present.
func (c *committee) Sit() *session { return c.SitOn(meeting.AgendaFilter{}) }

// SitOn is Sit with the agenda built by f.
func (c *committee) SitOn(f meeting.AgendaFilter) *session {
	c.chair.h.t.Helper()
	s := c.chair.Open()
	s.Agenda(f)
	s.Attend(c.voters()...)
	return s
}

// Convene is Sit with nobody present yet.
func (c *committee) Convene() *session {
	c.chair.h.t.Helper()
	s := c.chair.Open()
	s.Agenda(meeting.AgendaFilter{})
	return s
}

// Tie splits four present voters two against two on cs: the chair and
// the first member agree, the second and third disagree for why2, why3.
func (c *committee) Tie(s *session, cs *casefile.Case, why2, why3 string) {
	c.chair.h.t.Helper()
	a, b, d := c.members[0], c.members[1], c.members[2]
	s.Attend(c.chair, a, b, d)
	allAgree(s, cs, c.chair, a)
	b.Disagree(s, cs, why2)
	d.Disagree(s, cs, why3)
}

// Approve has every voter agree on c and the secretary record the
// approval; both must succeed.
func (c *committee) Approve(s *session, cs *casefile.Case) *meeting.Item {
	c.chair.h.t.Helper()
	allAgree(s, cs, c.voters()...)
	return must(c.secretary.Decide(s, cs, meeting.Ruling{Result: casefile.StatusApproved}))
}

// Reject has every voter disagree on c for reason and the secretary record
// the rejection in the tally's default wording; both must succeed.
func (c *committee) Reject(s *session, cs *casefile.Case, reason string) *meeting.Item {
	c.chair.h.t.Helper()
	for _, m := range c.voters() {
		m.Disagree(s, cs, reason)
	}
	tl := s.Tally(cs)
	return must(c.secretary.Decide(s, cs, meeting.Ruling{Result: casefile.StatusRejected, Reason: tl.RejectWording.ZH}))
}

// Attend records ms as present.
func (s *session) Attend(ms ...*member) {
	s.h.t.Helper()
	var ids []uint64
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	if _, err := s.h.m.Attend(s.number, ids, secretaryUser); err != nil {
		s.h.t.Fatal(err)
	}
}

// Leave records that m left.
func (s *session) Leave(m *member) {
	s.h.t.Helper()
	if _, err := s.h.m.Leave(s.number, m.ID, secretaryUser); err != nil {
		s.h.t.Fatal(err)
	}
}

// Agenda builds the agenda.
func (s *session) Agenda(f meeting.AgendaFilter) *meeting.AgendaReport {
	s.h.t.Helper()
	rep, err := s.h.m.BuildAgenda(s.number, f, secretaryUser)
	if err != nil {
		s.h.t.Fatal(err)
	}
	return rep
}

// Tally counts c's votes.
func (s *session) Tally(c *casefile.Case) *meeting.Tally {
	s.h.t.Helper()
	tl, err := s.h.m.Tally(s.number, c.Number)
	if err != nil {
		s.h.t.Fatal(err)
	}
	return tl
}

// Item returns c's agenda item.
func (s *session) Item(c *casefile.Case) *meeting.Item {
	s.h.t.Helper()
	sess, err := s.h.m.Session(s.number)
	if err != nil {
		s.h.t.Fatal(err)
	}
	it := sess.Item(c.Number)
	if it == nil {
		s.h.t.Fatalf("%s is not on the agenda of %s", c.Number, s.number)
	}
	return it
}

// Close closes the session.
func (s *session) Close(leaveUndecided bool) (*meeting.Session, error) {
	return s.h.m.Close(s.number, leaveUndecided, secretaryUser)
}

// Vote casts m's vote on c.
func (m *member) Vote(s *session, c *casefile.Case, ch meeting.Choice, reason string) error {
	_, err := m.h.m.Vote(s.number, meeting.Ballot{Case: c.Number, Member: m.ID, Choice: ch, Reason: reason}, secretaryUser)
	return err
}

// Agree votes agree and must succeed.
func (m *member) Agree(s *session, c *casefile.Case) {
	m.h.t.Helper()
	m.mustVote(s, c, meeting.Agree, "")
}

// Disagree votes disagree with a reason and must succeed.
func (m *member) Disagree(s *session, c *casefile.Case, reason string) {
	m.h.t.Helper()
	m.mustVote(s, c, meeting.Disagree, reason)
}

// mustVote casts m's vote on c and fails the test where it is refused.
func (m *member) mustVote(s *session, c *casefile.Case, ch meeting.Choice, reason string) {
	m.h.t.Helper()
	if err := m.Vote(s, c, ch, reason); err != nil {
		m.h.t.Fatalf("%s votes %v on %s: %v", m.Name, ch, c.Number, err)
	}
}

// Recuse declares m's conflict on c.
func (m *member) Recuse(s *session, c *casefile.Case, reason string) error {
	_, err := m.h.m.Recuse(s.number, meeting.Declaration{Case: c.Number, Member: m.ID, Reason: reason}, secretaryUser)
	return err
}

// Decide records the secretary's ruling on c.
func (m *member) Decide(s *session, c *casefile.Case, r meeting.Ruling) (*meeting.Item, error) {
	r.Case = c.Number
	return m.h.m.Decide(s.number, r, secretaryUser)
}

// allAgree makes every member of ms agree on c.
func allAgree(s *session, c *casefile.Case, ms ...*member) {
	for _, m := range ms {
		m.Agree(s, c)
	}
}

// wantErr fails unless err is target.
func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("%s: got %v, want %v", what, err, target)
	}
}

// must returns v, panicking on err (the test fails with the stack).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
