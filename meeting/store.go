package meeting

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// The meeting's records, kept beside the case file's in the same database
// as casefile.Records namespaces. A namespace is created by the first
// write that needs it; reads treat a missing one as empty. Numbers are
// casefile.NumKey keys, so scans walk them in order.
const (
	nsMembers  = "mtg_members"       // member id → Member JSON
	nsSessions = "mtg_sessions"      // session seq → Session JSON (header, no agenda)
	nsNumbers  = "mtg_numbers"       // session number → session seq (uint)
	nsItems    = "mtg_items"         // session seq | case seq → Item JSON
	nsCaseIdx  = "mtg_case_sessions" // case seq | session seq → "" (a case's agendas)
	nsCounters = "mtg_counters"      // "YH2026" → last session sequence of the year (uint)
	nsOpen     = "mtg_open"          // session seq → "" while the session is open
)

// NumberPrefix starts every session number: 研判 (YanPan).
const NumberPrefix = "YH"

// Store keeps the committee and the sessions in the case file's database.
type Store struct {
	cases *casefile.Store
}

// New returns the meeting store on the case file st.
func New(st *casefile.Store) *Store { return &Store{cases: st} }

// Cases returns the case file the meeting works on.
func (s *Store) Cases() *casefile.Store { return s.cases }

func needWho(who string) error {
	if strings.TrimSpace(who) == "" {
		return casefile.ErrInvalid.Withf("未记录操作人", "no user recorded for the change")
	}
	return nil
}

// ---- sessions ----

// loadSession reads a session header by number.
func loadSession(t *casefile.Tx, number string) (*Session, error) {
	number = strings.TrimSpace(number)
	seq, ok, err := t.Records(nsNumbers).Uint(casefile.NameKey(number))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrSessionNotFound.Withf("%s", "%s", number)
	}
	var s Session
	ok, err = t.Records(nsSessions).Get(casefile.NumKey(seq), &s)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrSessionNotFound.Withf("%s", "%s", number)
	}
	return &s, nil
}

// saveSession writes a session header (without its agenda).
func saveSession(t *casefile.Tx, s *Session) error {
	h := *s
	h.Agenda = nil
	if err := t.Records(nsSessions).Put(casefile.NumKey(s.Seq), &h); err != nil {
		return err
	}
	if err := t.Records(nsNumbers).PutUint(casefile.NameKey(s.Number), s.Seq); err != nil {
		return err
	}
	if s.Status == SessionOpen {
		return t.Records(nsOpen).Put(casefile.NumKey(s.Seq), nil)
	}
	return t.Records(nsOpen).Delete(casefile.NumKey(s.Seq))
}

// loadItems reads a session's agenda, ordered by deadline, then case
// number.
func loadItems(t *casefile.Tx, s *Session) ([]*Item, error) {
	var out []*Item
	for rec := range t.Records(nsItems).Scan(casefile.NumKey(s.Seq)) {
		var it Item
		if err := rec.Decode(&it); err != nil {
			return nil, err
		}
		out = append(out, &it)
	}
	sortItems(out)
	return out, nil
}

func sortItems(items []*Item) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if c := a.Deadline.Compare(b.Deadline); c != 0 {
			return c < 0
		}
		return a.Case < b.Case
	})
}

// loadItem reads the agenda item of case seq; nil when it is not on the
// agenda.
func loadItem(t *casefile.Tx, s *Session, caseSeq uint64) (*Item, error) {
	var it Item
	ok, err := t.Records(nsItems).Get(casefile.NumKey(s.Seq, caseSeq), &it)
	if err != nil || !ok {
		return nil, err
	}
	return &it, nil
}

// saveItem writes an agenda item and the case's agenda index entry.
func saveItem(t *casefile.Tx, s *Session, it *Item) error {
	if err := t.Records(nsItems).Put(casefile.NumKey(s.Seq, it.CaseSeq), it); err != nil {
		return err
	}
	return t.Records(nsCaseIdx).Put(casefile.NumKey(it.CaseSeq, s.Seq), nil)
}

// deleteItem takes an undecided item off the agenda.
func deleteItem(t *casefile.Tx, s *Session, it *Item) error {
	if err := t.Records(nsItems).Delete(casefile.NumKey(s.Seq, it.CaseSeq)); err != nil {
		return err
	}
	return t.Records(nsCaseIdx).Delete(casefile.NumKey(it.CaseSeq, s.Seq))
}

// openSessions returns the seqs of the open sessions.
func openSessions(t *casefile.Tx) map[uint64]bool {
	out := map[uint64]bool{}
	for rec := range t.Records(nsOpen).Scan(casefile.Key{}) {
		out[rec.Key.Num(0)] = true
	}
	return out
}

// busyElsewhere returns the number of another open session (of open)
// whose agenda holds case seq undecided, or "".
func busyElsewhere(t *casefile.Tx, open map[uint64]bool, caseSeq, except uint64) (string, error) {
	for rec := range t.Records(nsCaseIdx).Scan(casefile.NumKey(caseSeq)) {
		seq := rec.Key.Num(1)
		if seq == except || !open[seq] {
			continue
		}
		var s Session
		ok, err := t.Records(nsSessions).Get(casefile.NumKey(seq), &s)
		if err != nil {
			return "", err
		}
		if !ok {
			continue
		}
		it, err := loadItem(t, &s, caseSeq)
		if err != nil {
			return "", err
		}
		if it != nil && it.Decision == nil {
			return s.Number, nil
		}
	}
	return "", nil
}

// nextNumber allocates the next session number of year.
func nextNumber(t *casefile.Tx, year int) (uint64, string, error) {
	counters := t.Records(nsCounters)
	key := casefile.NameKey(fmt.Sprintf("%s%04d", NumberPrefix, year))
	n, _, err := counters.Uint(key)
	if err != nil {
		return 0, "", err
	}
	n++
	if err := counters.PutUint(key, n); err != nil {
		return 0, "", err
	}
	seq, err := t.Records(nsSessions).NextSequence()
	if err != nil {
		return 0, "", err
	}
	return seq, fmt.Sprintf("%s%04d-%03d", NumberPrefix, year, n), nil
}

// update runs fn in one read-write transaction on behalf of who, who
// must be allowed to run meetings.
func (s *Store) update(who string, fn func(t *casefile.Tx) error) error {
	return s.cases.Update(func(t *casefile.Tx) error {
		if err := t.Require(who, casefile.PermMeeting); err != nil {
			return err
		}
		return fn(t)
	})
}

// write runs fn on the open session number in one read-write
// transaction and stores the session header after it. A closed session
// refuses every write with ErrSessionClosed.
func (s *Store) write(number, who string, fn func(t *casefile.Tx, sess *Session) error) (*Session, error) {
	if err := needWho(who); err != nil {
		return nil, err
	}
	var out *Session
	err := s.update(who, func(t *casefile.Tx) error {
		sess, err := loadSession(t, number)
		if err != nil {
			return err
		}
		if sess.Status != SessionOpen {
			return ErrSessionClosed.Withf("%s（%s 闭会）", "%s (closed %s)", sess.Number, sess.ClosedAt.Format("2006-01-02 15:04"))
		}
		if err := fn(t, sess); err != nil {
			return err
		}
		if err := saveSession(t, sess); err != nil {
			return err
		}
		out = sess
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// NewSession opens a session (综合研判会) on plan's date and place with
// the current committee: its chair, its secretary and its members as
// invited. The number is the next of the date's year, e.g. "YH2026-003".
// Attendance is taken next (Attend).
func (s *Store) NewSession(p Plan, who string) (*Session, error) {
	if err := needWho(who); err != nil {
		return nil, err
	}
	p.Place = casefile.Clean(p.Place, false)
	if p.Place == "" {
		return nil, casefile.ErrInvalid.Withf("请填写会议地点", "the place is required")
	}
	if p.Date.IsZero() {
		p.Date = s.cases.Today()
	}
	var out *Session
	err := s.update(who, func(t *casefile.Tx) error {
		members, err := committee(t)
		if err != nil {
			return err
		}
		sess := &Session{Date: p.Date, Place: p.Place, Members: members, Status: SessionOpen,
			OpenedAt: t.Now(), OpenedBy: who, Present: []uint64{}}
		var chairs, secs int
		for _, m := range members {
			switch m.Role {
			case RoleChair:
				sess.Chair = m
				chairs++
			case RoleSecretary:
				sess.Secretary = m
				secs++
			}
		}
		if chairs != 1 || secs != 1 {
			return ErrCommittee.Withf("需要一名主持人和一名记录人（现有主持人 %d 名、记录人 %d 名）",
				"one chair and one secretary are needed (there are %d chairs and %d secretaries)", chairs, secs)
		}
		if sess.Seq, sess.Number, err = nextNumber(t, p.Date.Year); err != nil {
			return err
		}
		if err := saveSession(t, sess); err != nil {
			return err
		}
		out = sess
		return nil
	})
	return out, err
}

// Session returns a session with its agenda.
func (s *Store) Session(number string) (*Session, error) {
	var out *Session
	err := s.cases.View(func(t *casefile.Tx) error {
		sess, err := loadSession(t, number)
		if err != nil {
			return err
		}
		if sess.Agenda, err = loadItems(t, sess); err != nil {
			return err
		}
		out = sess
		return nil
	})
	return out, err
}

// Sessions lists every session, newest first, without agendas.
func (s *Store) Sessions() ([]*Session, error) {
	out := []*Session{}
	err := s.cases.View(func(t *casefile.Tx) error {
		for rec := range t.Records(nsSessions).ScanBackward(casefile.Key{}) {
			var sess Session
			if err := rec.Decode(&sess); err != nil {
				return err
			}
			out = append(out, &sess)
		}
		return nil
	})
	return out, err
}

// Attend records members as present. Only invited members can attend;
// attendance decides the quorum of every vote that follows.
func (s *Store) Attend(number string, members []uint64, who string) (*Session, error) {
	return s.write(number, who, func(t *casefile.Tx, sess *Session) error {
		for _, id := range members {
			m := sess.Member(id)
			if m == nil {
				return ErrNotMember.Withf("编号 %d", "id %d", id)
			}
			if sess.IsPresent(id) {
				continue
			}
			sess.Present = append(sess.Present, id)
			sess.Attendance = append(sess.Attendance, AttendanceEvent{Member: id, Name: m.Name, Present: true, At: t.Now(), By: who})
		}
		sort.Slice(sess.Present, func(i, j int) bool { return sess.Present[i] < sess.Present[j] })
		return nil
	})
}

// Leave records that a member left the session. Votes the member cast
// stay recorded but no longer count, and the quorum may be lost.
func (s *Store) Leave(number string, member uint64, who string) (*Session, error) {
	return s.write(number, who, func(t *casefile.Tx, sess *Session) error {
		m := sess.Member(member)
		if m == nil {
			return ErrNotMember.Withf("编号 %d", "id %d", member)
		}
		if !sess.IsPresent(member) {
			return ErrNotPresent.Withf("%s", "%s", m.Name)
		}
		out := sess.Present[:0]
		for _, id := range sess.Present {
			if id != member {
				out = append(out, id)
			}
		}
		sess.Present = out
		sess.Attendance = append(sess.Attendance, AttendanceEvent{Member: member, Name: m.Name, Present: false, At: t.Now(), By: who})
		return nil
	})
}

// Close closes the session and freezes its record. Every agenda case must
// be decided; with leaveUndecided the undecided ones are listed in
// Session.Undecided (they stay ready for a later session), otherwise
// ErrUndecided names them.
func (s *Store) Close(number string, leaveUndecided bool, who string) (*Session, error) {
	return s.write(number, who, func(t *casefile.Tx, sess *Session) error {
		items, err := loadItems(t, sess)
		if err != nil {
			return err
		}
		var open []string
		for _, it := range items {
			if it.Decision == nil {
				open = append(open, it.Case)
			}
		}
		if len(open) > 0 && !leaveUndecided {
			return ErrUndecided.Withf("%s", "%s", strings.Join(open, ", "))
		}
		sess.Undecided = open
		sess.Status = SessionClosed
		sess.ClosedAt, sess.ClosedBy = t.Now(), who
		// the head before this transaction's own journal record: exact
		// (the close's record chains to it) and known inside the
		// transaction, so the session is written once
		head, err := t.JournalHead()
		if err != nil {
			return err
		}
		sess.ClosedHead = &head
		// after the decision: notices, rejection deadlines, reviews (casefile/lifecycle.go)
		var decided []uint64
		for _, it := range items {
			if it.Decision != nil {
				decided = append(decided, it.CaseSeq)
			}
		}
		return t.SessionClosedInTx(sess.Number, sess.Date, decided, who)
	})
}
