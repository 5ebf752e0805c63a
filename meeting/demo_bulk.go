package meeting

import (
	"fmt"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

// Bulk says how large a hall FillBulk builds.
type Bulk struct {
	Cases int    // how many cases
	Seed  uint64 // the generator's seed: the same seed builds the same hall
	// Chunk is how many cases each write transaction stores (0: 10,000).
	Chunk int
	// Letters is how many cases the closed session of today decides,
	// each with a letter to print (0: 200, fewer when fewer are ready).
	Letters int
	// Progress (nil: none) hears how many of the cases are stored.
	Progress func(done, total int)
}

// BulkSummary says what FillBulk stored.
type BulkSummary struct {
	Cases    int
	ByStatus map[casefile.Status]int
	Closed   string // the closed session of today, with its letters to print
	Open     string // the open session of the next working day
}

// pipelineDays is how far back cases are still open: older ones were
// decided (or withdrawn) at a monthly session of their time.
const pipelineDays = 45

// FillBulk fills an empty store with a city-sized hall of b.Cases cases
// received over up to three years, oldest first (a case number per year
// as intake allocates them): older cases were decided at the monthly
// session of their time, most approved with aid running (monthly aid from
// the month after), some rejected or withdrawn; the last 45 days are the
// open pipeline (received, verifying, ready), every case with the evidence
// its stage has. Cases are stored b.Chunk at a time, each chunk in two
// write transactions (intake, then evidence and decisions), so a million
// cases take minutes, not hours. Then, as FillDemo does, the default
// committee decides b.Letters of the ready cases at a closed session of
// today and puts more on the agenda of the next working day's open
// session. It is deterministic for b.Seed: the same case numbers, people
// and amounts (history entries carry the time they are written).
func FillBulk(st *casefile.Store, who string, b Bulk) (*BulkSummary, error) {
	if err := gen.Empty(st); err != nil {
		return nil, err
	}
	if b.Cases < 1 {
		return nil, casefile.ErrInvalid.Withf("案件数应为正数", "the number of cases must be positive")
	}
	chunk := b.Chunk
	if chunk <= 0 {
		chunk = 10_000
	}
	letters := b.Letters
	if letters <= 0 {
		letters = 200
	}
	progress := b.Progress
	if progress == nil {
		progress = func(int, int) {}
	}
	cat := st.Catalog()
	today := st.Today()
	// About 900 cases a working day at a million: a city's hall over three
	// years; a small hall is spread over at least a quarter.
	span := min(3*365, max(90, b.Cases/900))
	// Each chunk has generators of its own, seeded from b.Seed and the
	// chunk's index, so that the next chunk's applications are made while
	// this one is stored, and the hall stays the same for a seed.
	gens := func(k int, salt uint64) *gen.Gen {
		return gen.New(cat, b.Seed*0x9e3779b97f4a7c15+uint64(k)*2+salt, today)
	}
	type made struct {
		drafts []*casefile.Draft
	}
	chunks := (b.Cases + chunk - 1) / chunk
	ahead := make(chan made, 1)
	go func() {
		defer close(ahead)
		for k := range chunks {
			g := gens(k, 0)
			start := k * chunk
			drafts := make([]*casefile.Draft, min(chunk, b.Cases-start))
			for i := range drafts {
				n := start + i
				d := g.Draft(0)
				// Among a million generated people some are the same
				// person again (the same ID number) applying for what
				// they hold: a renewal, which the desk accepts with a
				// reason.
				d.RepeatReason = "上一期到期，续期申请"
				day := today.AddDays(-(span - 1 - span*n/b.Cases))
				d.Received = day.Time(time.Local).Add(time.Duration(8*60+g.Intn(9*60)) * time.Minute)
				drafts[i] = d
			}
			ahead <- made{drafts}
		}
	}()
	sum := &BulkSummary{ByStatus: map[casefile.Status]int{}}
	progress(0, b.Cases)
	k := 0
	for m := range ahead {
		g := gens(k, 1)
		k++
		cases, err := st.IntakeBatch(m.drafts, who)
		if err != nil {
			for range ahead { // let the maker finish
			}
			return nil, fmt.Errorf("demo intake: %w", err)
		}
		err = st.Update(func(t *casefile.Tx) error {
			for _, c := range cases { // as stored by the intake
				nc, ch, err := bulkStage(t, g, c, today, who)
				if err != nil {
					return fmt.Errorf("demo case %s: %w", c.Number, err)
				}
				if nc != nil {
					if err := t.PutCase(c, nc, ch); err != nil {
						return fmt.Errorf("demo case %s: %w", c.Number, err)
					}
					c = nc
				}
				sum.ByStatus[c.Status]++
			}
			return nil
		})
		if err != nil {
			for range ahead {
			}
			return nil, err
		}
		sum.Cases += len(cases)
		progress(sum.Cases, b.Cases)
	}
	closed, open, err := bulkSessions(st, who, letters)
	if err != nil {
		return nil, err
	}
	sum.Closed, sum.Open = closed, open
	return sum, nil
}

// bulkStage moves the freshly received case c to where a case received
// that long ago stands today, with the evidence verified on the way and
// the decision of its time; nil leaves it received.
func bulkStage(t *casefile.Tx, g *gen.Gen, old *casefile.Case, today casefile.Date, who string) (*casefile.Case, casefile.Change, error) {
	cat := t.Catalog()
	c := *old
	c.Apps = append([]casefile.Application(nil), old.Apps...)
	c.Evidence = append([]casefile.Evidence(nil), old.Evidence...)
	received := old.ReceivedDate()
	age := received.DaysUntil(today)
	roll := g.Intn(100)
	verify := func(all bool) {
		kinds := cat.MissingEvidence(&c)
		if !all && len(kinds) > 1 {
			kinds = kinds[:1]
		}
		if len(kinds) == 0 {
			kinds = []casefile.EvidenceKind{casefile.EvHomeVisit}
		}
		for _, k := range kinds {
			c.Evidence = append(c.Evidence, g.Evidence(&c, k))
		}
	}
	move := func(to ...casefile.Status) error {
		for _, s := range to {
			if err := t.MoveInTx(&c, s); err != nil {
				return err
			}
		}
		return nil
	}
	note := func(zh, en string) casefile.Change {
		return casefile.Change{Who: who, Action: string(casefile.ActionStatus), Note: casefile.T(zh, en)}
	}
	if age <= pipelineDays {
		switch {
		case age < 3 || roll < 25:
			return nil, casefile.Change{}, nil // still received
		case age < 10 || roll < 60:
			verify(false)
			return &c, casefile.Change{Who: "local:verifier", Action: string(casefile.ActionEvidence), Note: casefile.T("核查中", "verifying")}, move(casefile.StatusVerifying)
		default:
			verify(true)
			return &c, note("核查完毕，提交综合研判", "verified, sent to the meeting"), move(casefile.StatusVerifying, casefile.StatusReady)
		}
	}
	verify(true)
	if roll < 6 {
		c.Note = "申请人主动撤回申请"
		return &c, note("申请人主动撤回申请", "withdrawn by the applicant"), move(casefile.StatusVerifying, casefile.StatusWithdrawn)
	}
	result := casefile.StatusApproved
	if roll < 18 {
		result = casefile.StatusRejected
	}
	if err := move(casefile.StatusVerifying, casefile.StatusReady, result); err != nil {
		return nil, casefile.Change{}, err
	}
	// The monthly session of the month after receipt decided it.
	day := received.AddDays(20 + g.Intn(10))
	ref, err := t.NextReference(result, day.Year)
	if err != nil {
		return nil, casefile.Change{}, err
	}
	c.Decision = &casefile.Decision{Session: historicSession(day), Result: result, Reference: ref,
		At: day.Time(time.Local).Add(15 * time.Hour), By: who}
	for i := range c.Apps {
		a := &c.Apps[i]
		if result == casefile.StatusRejected {
			a.Outcome, a.Reason = casefile.OutcomeDeclined, "家庭人均收入高于当地保障标准"
			continue
		}
		a.Outcome, a.Granted = casefile.OutcomeGranted, a.Proposed
		if p := cat.Project(a.Project); p != nil && p.Kind == casefile.KindMonthly {
			a.StartMonth, a.Months = monthAfter(day), p.Months
		}
	}
	if result == casefile.StatusRejected {
		c.Decision.Reason = "家庭人均收入高于当地保障标准"
	}
	ch := casefile.Change{Who: who, Action: string(casefile.ActionDecision), Note: casefile.T("%s 研判决定", "decided at %s", c.Decision.Session)}
	return &c, ch, nil
}

// historicSession names the monthly session of day's month that decided
// a generated historic case: "YH2025-M07". Its records predate the hall's
// (the M keeps it apart from the sessions NewSession numbers).
func historicSession(day casefile.Date) string {
	return fmt.Sprintf("%s%04d-M%02d", NumberPrefix, day.Year, int(day.Month))
}

// bulkSessions holds today's closed session deciding up to letters ready
// cases and the next working day's open session, as FillDemo does.
func bulkSessions(st *casefile.Store, who string, letters int) (closed, open string, err error) {
	m := New(st)
	cat := st.Catalog()
	members, err := m.Committee()
	if err != nil {
		return "", "", err
	}
	if len(members) == 0 {
		if members, err = m.SetCommittee(DefaultCommittee(cat), who); err != nil {
			return "", "", fmt.Errorf("demo committee: %w", err)
		}
	}
	place := cat.County.Hall + "三楼会议室"
	s, err := m.NewSession(Plan{Date: st.Today(), Place: place}, who)
	if err != nil {
		return "", "", err
	}
	if _, err := m.Attend(s.Number, attendees(members, 3), who); err != nil {
		return "", "", err
	}
	if _, err := m.BuildAgenda(s.Number, AgendaFilter{Limit: letters}, who); err != nil {
		return "", "", fmt.Errorf("demo agenda: %w", err)
	}
	if err := runDemoSession(m, s.Number, who); err != nil {
		return "", "", fmt.Errorf("demo session %s: %w", s.Number, err)
	}
	if _, err := m.Close(s.Number, false, who); err != nil {
		return "", "", err
	}
	next, err := m.NewSession(Plan{Date: cat.Calendar.AddWorkdays(st.Today(), 1), Place: place}, who)
	if err != nil {
		return "", "", err
	}
	if _, err := m.Attend(next.Number, attendees(members, 2), who); err != nil {
		return "", "", err
	}
	if _, err := m.BuildAgenda(next.Number, AgendaFilter{Limit: 50}, who); err != nil {
		return "", "", fmt.Errorf("demo agenda: %w", err)
	}
	return s.Number, next.Number, nil
}
