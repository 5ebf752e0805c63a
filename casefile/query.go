package casefile

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// Aid is one project a household member holds or has applied for.
type Aid struct {
	Person     string  `json:"person"`      // member's name
	PersonID   uint64  `json:"person_id"`   // member's id
	CaseNumber string  `json:"case_number"` // case it comes from
	Project    string  `json:"project"`
	Department string  `json:"department"`
	Amount     Money   `json:"amount"` // granted when held, else proposed
	Status     Status  `json:"status"`
	Outcome    Outcome `json:"outcome,omitempty"`
	Received   Date    `json:"received"`
	// Ended is set on a monthly aid that no longer runs (stopped, its
	// period over, or a review case's own grant): it is not held.
	Ended bool `json:"ended,omitempty"`
}

// Holds reports whether the aid is held (granted in a decided case, not
// ended).
func (a Aid) Holds() bool { return a.Status.Holding() && a.Outcome == OutcomeGranted && !a.Ended }

// HouseholdAid lists every project that any member of hh holds or has
// applied for, from every case they appear in (as applicant or member),
// newest first, each once.
func (t *Tx) HouseholdAid(hh *Household) ([]Aid, error) { return t.householdAid(hh, nil) }

// householdAid is HouseholdAid that takes known, a case already loaded,
// from memory instead of decoding it again.
func (t *Tx) householdAid(hh *Household, known *Case) ([]Aid, error) {
	var out []Aid
	seen := map[uint64]bool{}
	for _, m := range hh.Members {
		pid := m.Person.ID
		if pid == 0 {
			if p, err := t.PersonByKey(m.Person.Key()); err == nil {
				pid = p.ID
			}
		}
		if pid == 0 {
			continue
		}
		seqs, _ := t.PersonCaseSeqs(pid)
		for _, seq := range seqs {
			if seen[seq] {
				continue
			}
			seen[seq] = true
			c := known
			if c == nil || c.Seq != seq {
				var err error
				if c, err = t.CaseBySeq(seq); err != nil {
					return nil, err
				}
			}
			for _, a := range c.Apps {
				aid := Aid{Person: c.Applicant.Name, PersonID: c.ApplicantID, CaseNumber: c.Number, Project: a.Project,
					Amount: a.Proposed, Status: c.Status, Outcome: a.Outcome, Received: c.ReceivedDate()}
				if a.Outcome == OutcomeGranted {
					aid.Amount = a.Granted
					aid.Ended = t.s.cat.kindOf(a.Project) == KindMonthly && c.Status.Effective() && !c.Running(a.Project, MonthOf(DateOf(t.now)))
				}
				if p := t.s.cat.Project(a.Project); p != nil {
					aid.Department = p.Department
				}
				out = append(out, aid)
			}
		}
	}
	return out, nil
}

// HouseholdHolding lists the project codes any member of hh holds.
func (t *Tx) HouseholdHolding(hh *Household) []string { return t.householdHolding(hh, nil) }

func (t *Tx) householdHolding(hh *Household, known *Case) []string {
	aids, err := t.householdAid(hh, known)
	if err != nil {
		return nil
	}
	var out []string
	for _, a := range aids {
		if a.Holds() {
			out = append(out, a.Project)
		}
	}
	return out
}

// inPeriod reports whether an entry received at unix time other falls in
// the same period of group g as day d.
func inPeriod(g *Group, d Date, other int64) bool {
	if g.Period == "ongoing" {
		return true
	}
	return DateOfUnix(other).Year == d.Year
}

// DateOfUnix is the local calendar day of a unix time.
func DateOfUnix(sec int64) Date { return DateOf(unixTime(sec)) }

// LiveCheck finds, for a new application by person p for projects codes
// received on day, every open or held application of the same person in
// the same group and period, and every pair of the codes themselves that
// share a group. It is the intake screen's warning; nothing is written.
func (t *Tx) LiveCheck(p *Person, codes []string, day Date) []Conflict {
	var out []Conflict
	cat := t.s.cat
	var pid uint64
	if p.ID != 0 {
		pid = p.ID
	} else if known, err := t.PersonByKey(p.Key()); err == nil {
		pid = known.ID
	}
	for i, code := range codes {
		pr := cat.Project(code)
		if pr == nil || pr.Group == "" {
			continue
		}
		g := cat.Group(pr.Group)
		for j, other := range codes {
			if o := cat.Project(other); j != i && o != nil && o.Group == pr.Group {
				out = append(out, Conflict{Group: g.Key, Project: o.Code, Department: o.Department, For: pr.Code})
			}
		}
		if pid == 0 {
			continue
		}
		prefix := groupPrefix(pid, pr.Group)
		c := t.cursor(bIdxGroup)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			e, ok := decodeGroupEntry(k, v)
			if !ok || !(e.Status.Open() || e.Status.Holding()) || !inPeriod(g, day, e.Received) {
				continue
			}
			if e.Mark == 'D' {
				continue // already declined by the batch resolution
			}
			cf := Conflict{Group: g.Key, Project: e.Project, Amount: e.Amount, CaseNumber: e.Number,
				Status: e.Status, Received: DateOfUnix(e.Received), For: pr.Code}
			if op := cat.Project(e.Project); op != nil {
				cf.Department = op.Department
			}
			out = append(out, cf)
		}
	}
	return out
}

// CaseConflicts runs the live check for a stored case against everything
// else stored (its own applications excluded).
func (t *Tx) CaseConflicts(c *Case) []Conflict {
	codes := make([]string, 0, len(c.Apps))
	for _, a := range c.Apps {
		if a.Outcome != OutcomeDeclined {
			codes = append(codes, a.Project)
		}
	}
	all := t.LiveCheck(&c.Applicant, codes, c.ReceivedDate())
	out := all[:0]
	for _, cf := range all {
		if cf.CaseNumber != c.Number {
			out = append(out, cf)
		}
	}
	return out
}

// Assess returns the findings of a stored case on the store's today.
func (t *Tx) Assess(c *Case) []Finding {
	holding := t.householdHolding(&c.Household, c)
	return t.s.cat.Findings(c, DateOf(t.now), t.CaseConflicts(c), holding)
}

// SearchTerms are the index terms of a person, the one place they are
// made (the store indexes them on every save of a person and drops them
// before a change): the name ("n:"), its pinyin initials ("p:") and its
// full toneless pinyin ("f:"), the last 4 characters of the document
// number ("t:"), the phone number's digits ("m:") and the village and
// township ("v:"). Household members are people too, so their terms find
// the cases they are in. Longer queries narrow by prefix: "ligui" finds
// 李桂兰 under f:liguilan, "138001" every phone starting so, "东村" every
// person of 东村 and of 东村镇.
func SearchTerms(p *Person) []string {
	var terms []string
	if p.Name != "" {
		terms = append(terms, "n:"+strings.ToLower(p.Name))
		if ini, full := Pinyin(p.Name); ini != "" {
			terms = append(terms, "p:"+ini)
			if full != ini {
				terms = append(terms, "f:"+full)
			}
		}
	}
	if n := len(p.DocNumber); n >= 4 {
		terms = append(terms, "t:"+p.DocNumber[n-4:])
	}
	if ph := phoneDigits(p.Phone); len(ph) >= 5 {
		terms = append(terms, "m:"+ph)
	}
	for _, place := range []string{p.Village, p.Township} {
		if place = strings.TrimSpace(place); place != "" && !slices.Contains(terms, "v:"+place) {
			terms = append(terms, "v:"+place)
		}
	}
	return terms
}

// phoneDigits is the digits of a phone number as typed (138-0000 1234 →
// 13800001234).
func phoneDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// searchPrefixes are the index prefixes a desk's query is looked up
// under: letters under the pinyin initials and the full pinyin, four
// characters of digits (or with an X) under the ID tail and the phone,
// more digits under the phone, anything else under the name and, from
// two characters on, the places.
func searchPrefixes(q string) []string {
	lower := strings.ToLower(q)
	upper := strings.ToUpper(q)
	switch {
	case isASCIIAlpha(lower):
		return []string{"p:" + lower, "f:" + lower}
	case len(q) == 4 && allDigits(strings.TrimSuffix(upper, "X")):
		if allDigits(q) {
			return []string{"t:" + upper, "m:" + q}
		}
		return []string{"t:" + upper}
	case len(phoneDigits(q)) >= 5 && allDigits(strings.NewReplacer("-", "", " ", "").Replace(q)):
		return []string{"m:" + phoneDigits(q)}
	case utf8.RuneCountInString(q) < 2:
		// one character is a surname: 王 is not everyone of 王家塬村
		return []string{"n:" + lower}
	}
	return []string{"n:" + lower, "v:" + q}
}

var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.Normal
	a.Fallback = func(r rune, a pinyin.Args) []string {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return []string{strings.ToLower(string(r))}
		}
		return nil
	}
	return a
}()

// Pinyin returns the lower-case initials and the full toneless pinyin of
// a Chinese name ("张三" → "zs", "zhangsan").
func Pinyin(name string) (initials, full string) {
	var ini, all strings.Builder
	for _, r := range name {
		syl := runePinyin(r)
		if syl == "" {
			continue
		}
		ini.WriteByte(syl[0])
		all.WriteString(syl)
	}
	return ini.String(), all.String()
}

// pinyinCache holds the toneless pinyin of each character met so far
// (rune → string, "" for none): go-pinyin converts a name character by
// character, and its tone stripping (a regexp per syllable) was a tenth
// of a save's own CPU. Characters are few (a county's names use a few
// thousand), so the cache stays small.
var pinyinCache sync.Map

// runePinyin is the toneless pinyin of r as pinyin.Pinyin gives it
// (its first reading), or "".
func runePinyin(r rune) string {
	if v, ok := pinyinCache.Load(r); ok {
		return v.(string)
	}
	var syl string
	if py := pinyin.SinglePinyin(r, pinyinArgs); len(py) > 0 {
		syl = py[0]
	}
	pinyinCache.Store(r, syl)
	return syl
}

// SearchPeople finds people by what a desk types: a full resident number,
// a name or its prefix, a prefix of the pinyin initials or of the full
// pinyin, the last 4 characters of a document number, a phone number or
// its first digits, a village or township. At most limit ids, in index
// order.
func (t *Tx) SearchPeople(q string, limit int) []uint64 {
	q = strings.TrimSpace(q)
	if q == "" || limit <= 0 {
		return nil
	}
	var out []uint64
	seen := map[uint64]bool{}
	add := func(id uint64) bool {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
		return len(out) < limit
	}
	if info, err := ParseIDNumber(q, Date{}); err == nil {
		if p, err := t.PersonByKey("R:" + info.Number); err == nil {
			add(p.ID)
		}
		return out
	}
	c := t.cursor(bIdxSearch)
	for _, pre := range searchPrefixes(q) {
		pb := []byte(pre)
		for k, _ := c.Seek(pb); k != nil && bytes.HasPrefix(k, pb); k, _ = c.Next() {
			if len(k) < 9 {
				continue
			}
			if !add(binary.BigEndian.Uint64(k[len(k)-8:])) {
				return out
			}
		}
	}
	return out
}

func isASCIIAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// CaseFilter selects cases for the queue and the CLI.
type CaseFilter struct {
	Status     Status // "" any
	Project    string // project code
	Department string // department key
	Query      string // name, pinyin, ID tail or case number
	DueWithin  int    // >0: open cases whose deadline is within this many working days (or passed)
	// After is the paging cursor: cases with a smaller seq (newest first).
	// 0 starts at the newest.
	After uint64
	Limit int
	// Brief decodes only what a list row shows (see briefCase): a
	// keystroke of search as you type then costs a fraction of the full
	// decode. A brief case must never be written back.
	Brief bool
	// Ctx, when set, stops the walk once it is done (the search a desk
	// typed on from): Cases returns its error and no cases.
	Ctx context.Context
}

// briefCase is the part of a stored case a list row shows and the
// filters test; encoding/json skips the rest (household, evidence,
// decision, life) without building it.
type briefCase struct {
	Seq         uint64 `json:"seq"`
	Number      string `json:"number"`
	ApplicantID uint64 `json:"applicant_id"`
	Applicant   struct {
		ID        uint64  `json:"id,omitempty"`
		DocType   DocType `json:"doc_type"`
		DocNumber string  `json:"doc_number"`
		Name      string  `json:"name"`
	} `json:"applicant"`
	Apps []struct {
		Project  string  `json:"project"`
		Proposed Money   `json:"proposed"`
		Outcome  Outcome `json:"outcome,omitempty"`
		Granted  Money   `json:"granted,omitempty"`
	} `json:"applications"`
	Received time.Time `json:"received_at"`
	Status   Status    `json:"status"`
	Deadline Date      `json:"deadline"`
	Officer  string    `json:"officer"`
	Version  uint64    `json:"version"`
}

// briefCaseBySeq loads the brief of case seq as a *Case with only the
// fields of briefCase set.
func (t *Tx) briefCaseBySeq(seq uint64) (*Case, error) {
	b, err := loadRaw[briefCase](t.get(bCases, u64(seq)), u64(seq), func() error {
		return ErrCaseNotFound.Withf("内部编号 %d", "internal number %d", seq)
	})
	if err != nil {
		return nil, err
	}
	c := &Case{Seq: b.Seq, Number: b.Number, ApplicantID: b.ApplicantID, Received: b.Received,
		Status: b.Status, Deadline: b.Deadline, Officer: b.Officer, Version: b.Version}
	c.Applicant = Person{ID: b.Applicant.ID, DocType: b.Applicant.DocType, DocNumber: b.Applicant.DocNumber, Name: b.Applicant.Name}
	c.Apps = make([]Application, len(b.Apps))
	for i, a := range b.Apps {
		c.Apps[i] = Application{Project: a.Project, Proposed: a.Proposed, Outcome: a.Outcome, Granted: a.Granted}
	}
	return c, nil
}

// Cases lists cases newest first that match f, at most f.Limit (default
// 50), and the cursor for the next page (0 when there is none). The walk
// is newest first through the narrowest index and stops when the page is
// full: a page costs what it shows, whatever the store holds. When the
// index alone decides (a query or one filter), only the cases returned
// are decoded: the next page is known to exist without reading its first
// case. A done f.Ctx stops the walk with its error (a stale search).
func (t *Tx) Cases(f CaseFilter) ([]*Case, uint64, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	cat := t.s.cat
	keep := func(c *Case) bool {
		if f.Status != "" && c.Status != f.Status {
			return false
		}
		if f.Project != "" && c.App(f.Project) == nil {
			return false
		}
		if f.Department != "" {
			found := false
			for _, a := range c.Apps {
				if p := cat.Project(a.Project); p != nil && p.Department == f.Department {
					found = true
				}
			}
			if !found {
				return false
			}
		}
		if f.DueWithin > 0 && (!c.Status.Watched() || cat.WorkdaysLeft(c, DateOf(t.now)) > f.DueWithin) {
			return false
		}
		return true
	}
	seqs, decided, err := t.candidates(f)
	if err != nil {
		return nil, 0, err
	}
	load := t.CaseBySeq
	if f.Brief {
		load = t.briefCaseBySeq
	}
	var out []*Case
	var next uint64
	for seq := range seqs {
		if err = stopped(f.Ctx); err != nil {
			return nil, 0, err
		}
		if decided && len(out) == f.Limit {
			next = out[len(out)-1].Seq
			break
		}
		var c *Case
		if c, err = load(seq); err != nil {
			return out, next, err
		}
		if !keep(c) {
			continue
		}
		if len(out) == f.Limit {
			next = out[len(out)-1].Seq
			break
		}
		out = append(out, c)
	}
	return out, next, nil
}

// candidates is the newest-first walk for a filter, starting below
// f.After, through the narrowest index, and whether every seq it yields
// matches (the index is the whole filter).
func (t *Tx) candidates(f CaseFilter) (iter.Seq[uint64], bool, error) {
	filters := 0
	for _, on := range []bool{f.Status != "", f.Project != "", f.Department != "", f.DueWithin > 0} {
		if on {
			filters++
		}
	}
	switch {
	case f.Status != "" && t.Counter("status/"+string(f.Status)) == 0:
		// no case has the status (the counters are kept by every write)
		return sliceBack(nil, 0), true, nil
	case strings.TrimSpace(f.Query) != "":
		seqs, err := t.querySeqs(f.Ctx, strings.TrimSpace(f.Query))
		return sliceBack(seqs, f.After), filters == 0, err
	case f.Project != "":
		return t.seqsBack(bIdxProject, join([]byte(f.Project), []byte{0}), f.After), filters == 1, nil
	case f.Department != "":
		var streams []iter.Seq[uint64]
		for _, p := range t.s.cat.ProjectsOf(f.Department) {
			streams = append(streams, t.seqsBack(bIdxProject, join([]byte(p.Code), []byte{0}), f.After))
		}
		if len(streams) == 0 {
			return sliceBack(nil, 0), true, nil
		}
		return mergeBack(streams), filters == 1, nil
	case f.Status != "":
		return t.seqsBack(bIdxStatus, join([]byte(f.Status), []byte{0}), f.After), filters == 1, nil
	case f.DueWithin > 0:
		// ordered by deadline: the open cases due soon are collected
		var seqs []uint64
		limit := t.s.cat.Calendar.AddWorkdays(DateOf(t.now), f.DueWithin)
		end := dueKey(limit.AddDays(1), 0)
		c := t.cursor(bIdxDue)
		for k, _ := c.First(); k != nil && bytes.Compare(k, end) < 0; k, _ = c.Next() {
			seqs = append(seqs, beUint64(k[len(k)-8:]))
		}
		return sliceBack(newestFirst(seqs), f.After), false, nil
	}
	return t.casesBack(f.After), true, nil
}

// CountCases counts the cases f matches when the index alone decides it
// (a query, a project or a department and no other filter), decoding
// none: the queue's total, asked after its first page is shown (a done
// f.Ctx stops it). exact is false when n is only a lower bound: a query
// found more people than a search reads (maxQueryPeople). Any other
// filter gives -1.
func (t *Tx) CountCases(f CaseFilter) (n int, exact bool, err error) {
	f.After = 0
	filters := 0
	for _, on := range []bool{f.Status != "", f.Project != "", f.Department != "", f.DueWithin > 0} {
		if on {
			filters++
		}
	}
	q := strings.TrimSpace(f.Query)
	switch {
	case q != "" && filters == 0:
		seqs, people, err := t.queryPeopleSeqs(f.Ctx, q)
		return len(seqs), people < maxQueryPeople, err
	case q == "" && filters == 1 && (f.Project != "" || f.Department != ""):
		seqs, _, err := t.candidates(f)
		if err != nil {
			return 0, false, err
		}
		for range seqs {
			if n%256 == 0 {
				if err := stopped(f.Ctx); err != nil {
					return 0, false, err
				}
			}
			n++
		}
		return n, true, nil
	}
	return -1, false, nil
}

// maxQueryPeople is how many people a desk's query reads (SearchPeople):
// a keystroke costs the same in a hall of any size.
const maxQueryPeople = 200

// querySeqs are the cases a desk's query finds, newest first: the case of
// that number, and every case a person found is in, as the applicant or a
// household member (SearchPeople: at most maxQueryPeople people).
func (t *Tx) querySeqs(ctx context.Context, q string) ([]uint64, error) {
	seqs, _, err := t.queryPeopleSeqs(ctx, q)
	return seqs, err
}

// queryPeopleSeqs is querySeqs and how many people the query found.
func (t *Tx) queryPeopleSeqs(ctx context.Context, q string) ([]uint64, int, error) {
	seqs := []uint64{}
	if v := t.get(bIdxNumber, []byte(q)); v != nil {
		seqs = append(seqs, beUint64(v))
	}
	// one cursor, the people in id order: each seek lands near the last
	pids := t.SearchPeople(q, maxQueryPeople)
	slices.Sort(pids)
	c := t.cursor(bIdxPerson)
	for _, pid := range pids {
		if err := stopped(ctx); err != nil {
			return nil, 0, err
		}
		prefix := u64(pid)
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			seqs = append(seqs, beUint64(k[8:]))
		}
	}
	return newestFirst(seqs), len(pids), nil
}

// newestFirst sorts seqs descending and drops duplicates.
func newestFirst(seqs []uint64) []uint64 {
	slices.SortFunc(seqs, func(a, b uint64) int { return cmp.Compare(b, a) })
	return slices.Compact(seqs)
}

// Counts are the home screen's counters.
type Counts struct {
	ReceivedToday int            `json:"received_today"`
	ByStatus      map[Status]int `json:"by_status"`
	DueSoon       int            `json:"due_soon"` // open cases with deadline within the warning window or passed
	Total         int            `json:"total"`
	// UrgentOverdue counts emergency payments (先行救助) whose papers are
	// overdue (urgent.go).
	UrgentOverdue int `json:"urgent_overdue,omitempty"`
}

// Counts returns the counters for today, from counters kept in step by
// every write (no walk over the cases).
func (t *Tx) Counts() Counts {
	today := DateOf(t.now)
	c := Counts{ByStatus: map[Status]int{}, ReceivedToday: int(t.Counter("received/" + today.String()))}
	for _, st := range Statuses {
		if n := int(t.Counter("status/" + string(st))); n > 0 {
			c.ByStatus[st] = n
			c.Total += n
		}
	}
	limit := t.s.cat.Calendar.AddWorkdays(today, t.s.cat.County.DeadlineWarnDays)
	end := dueKey(limit.AddDays(1), 0)
	dc := t.cursor(bIdxDue)
	for k, _ := dc.First(); k != nil && bytes.Compare(k, end) < 0; k, _ = dc.Next() {
		c.DueSoon++
	}
	c.UrgentOverdue = t.urgentOverdue(today)
	return c
}

// KnownPerson is what the hall already knows about a person, as the front
// desk shows it when their resident number is typed.
type KnownPerson struct {
	Person    Person
	Household Household // from the newest case the person is in; the person alone when none
	Aid       []Aid     // every project the household holds or applied for
	Open      []*Case   // the person's open (undecided) cases among the newest maxKnownCases
	Cases     int       // cases the person is in
	// Recorded is the day the newest case the person is in was received:
	// the date of the record Person and Household come from. Zero when
	// the person is in no case.
	Recorded Date
}

// maxKnownCases bounds how many of a person's cases KnownPerson decodes.
const maxKnownCases = 50

// KnownPerson returns what the hall knows about the holder of resident
// number idNumber, from one read transaction: the person, the household
// of their newest case, that household's aid and their open cases. A
// number the hall does not know gives ErrPersonNotFound.
func (s *Store) KnownPerson(idNumber string) (*KnownPerson, error) {
	var out *KnownPerson
	err := s.View(func(t *Tx) error {
		var err error
		out, err = t.KnownPerson(idNumber)
		return err
	})
	return out, err
}

// KnownPerson is Store.KnownPerson inside a transaction.
func (t *Tx) KnownPerson(idNumber string) (*KnownPerson, error) {
	number := strings.ToUpper(strings.TrimSpace(idNumber))
	if number == "" {
		return nil, ErrPersonNotFound
	}
	p, err := t.PersonByKey(Person{DocType: DocResidentID, DocNumber: number}.Key())
	if err != nil {
		return nil, err
	}
	kp := &KnownPerson{Person: *p}
	seqs, _ := t.PersonCaseSeqs(p.ID)
	kp.Cases = len(seqs)
	for i, seq := range seqs {
		if i >= maxKnownCases {
			break
		}
		c, err := t.CaseBySeq(seq)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			kp.Household = c.Household
			kp.Recorded = DateOf(c.Received)
		}
		if c.Status.Open() {
			kp.Open = append(kp.Open, c)
		}
	}
	if len(kp.Household.Members) == 0 {
		kp.Household.Members = []Member{{Person: *p, Relation: RelationSelf}}
	}
	if kp.Aid, err = t.HouseholdAid(&kp.Household); err != nil {
		return nil, err
	}
	return kp, nil
}
