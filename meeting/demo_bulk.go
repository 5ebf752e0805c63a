package meeting

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/gen"
)

// Bulk says how large a hall FillBulk builds.
type Bulk struct {
	Cases int    // how many cases
	Seed  uint64 // the generator's seed: the same seed builds the same hall
	// Chunk is how many cases each write transaction stores (0: 5,000).
	Chunk int
	// Letters is how many cases the closed session of today decides,
	// each with a letter to print (0: 200, fewer when fewer are ready).
	Letters int
	// Workers is how many goroutines make cases while one stores them
	// (0: one per core).
	Workers int
	// Progress (nil: none) hears how many of the cases are stored;
	// Indexing how many of the lookup-index entries are written after.
	Progress func(done, total int)
	Indexing func(done, total int)
}

// BulkSummary says what FillBulk stored.
type BulkSummary struct {
	Cases    int
	ByStatus map[casefile.Status]int
	Closed   string // the closed session of today, with its letters to print
	Open     string // the open session of the next working day
}

// pipelineDays is how far back cases are surely still open: a case is
// decided at the monthly session 20 to 29 days after its receipt.
const pipelineDays = 20

// FillBulk fills an empty store with a city-sized hall of b.Cases cases
// received over up to three years, oldest first (a case number per year
// as intake allocates them). Older cases were decided at the monthly
// session of their time: some withdrawn before; most approved — an
// approval of a noticed project on public notice first (公示, still on it
// when the session was less than the notice ago), the letter delivered
// (已告知), the one-offs paid and the case closed (已办结), monthly aid
// running from the month after with its review (复核) due over the coming
// months, some overdue; some rejected, the notice delivered. The last 20
// to 29 days are the open pipeline (received, verifying, ready), one case in 25
// there someone applying again to another department for the same need.
// Every case has the evidence its stage needs and one history entry per
// step, dated when it happened.
//
// The cases are made by b.Workers goroutines, b.Chunk at a time, and
// stored by one writer through a bulk load (casefile.Loader): one
// transaction per chunk, the lookup indexes written once at the end in
// key order. Then, as FillDemo does, the default committee decides
// b.Letters of the ready cases at a closed session of today and puts more
// on the agenda of the next working day's open session. It is
// deterministic for b.Seed: the same case numbers, people and amounts
// (the history entries of today's sessions carry the time they are
// written).
func FillBulk(st *casefile.Store, who string, b Bulk) (*BulkSummary, error) {
	if err := gen.Empty(st); err != nil {
		return nil, err
	}
	if b.Cases < 1 {
		return nil, casefile.ErrInvalid.Withf("案件数应为正数", "the number of cases must be positive")
	}
	chunk := b.Chunk
	if chunk <= 0 {
		chunk = 5_000
	}
	letters := b.Letters
	if letters <= 0 {
		letters = 200
	}
	workers := b.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	progress := b.Progress
	if progress == nil {
		progress = func(int, int) {}
	}
	load, err := st.NewLoader(who)
	if err != nil {
		return nil, err
	}
	defer load.Close()
	// The load makes garbage fast and keeps little: collect less often.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	mk := &bulkMaker{cat: st.Catalog(), now: st.Now(), who: who, n: b.Cases, seed: b.Seed}
	mk.today = casefile.DateOf(mk.now)
	// About 900 cases a working day at a million: a city's hall over three
	// years; a small hall over 13 months, so that it has reviews due.
	mk.span = min(3*365, max(400, b.Cases/900))

	chunks := (b.Cases + chunk - 1) / chunk
	results := make([]chan bulkChunk, chunks)
	for k := range results {
		results[k] = make(chan bulkChunk, 1)
	}
	stop := make(chan struct{})
	defer close(stop)
	jobs := make(chan int)
	ahead := make(chan struct{}, workers+1) // chunks made and not yet stored
	go func() {
		defer close(jobs)
		for k := range chunks {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case jobs <- k:
			case <-stop:
				return
			}
		}
	}()
	for range workers {
		go func() {
			for k := range jobs {
				start := k * chunk
				results[k] <- mk.chunk(k, start, min(start+chunk, b.Cases))
			}
		}()
	}

	sum := &BulkSummary{ByStatus: map[casefile.Status]int{}}
	issued := gen.NewIssued()
	progress(0, b.Cases)
	for k := range chunks {
		made := <-results[k]
		<-ahead
		if made.err != nil {
			return nil, made.err
		}
		err := load.Chunk(func(bt *casefile.BulkTx) error {
			return storeChunk(bt, made.plans, issued, sum)
		})
		if err != nil {
			return nil, err
		}
		sum.Cases += len(made.plans)
		progress(sum.Cases, b.Cases)
	}
	if err := load.Finish(b.Indexing); err != nil {
		return nil, err
	}
	closed, open, err := bulkSessions(st, who, letters)
	if err != nil {
		return nil, err
	}
	sum.Closed, sum.Open = closed, open
	return sum, nil
}

// bulkMaker makes the cases of a bulk hall.
type bulkMaker struct {
	cat   *casefile.Catalog
	now   time.Time
	today casefile.Date
	who   string
	n     int    // cases in all
	span  int    // days over which they were received
	seed  uint64 // the hall's
}

// bulkChunk is the made cases of one chunk, in order.
type bulkChunk struct {
	plans []*bulkPlan
	err   error
}

// bulkPlan is one case as made: its intake, and what happened to it
// since (nil fin: still received).
type bulkPlan struct {
	c        *casefile.Case
	note     casefile.Text
	repeatOf int // index in the chunk of the case whose applicant applies again here (-1: none)
	reason   string
	fin      *casefile.Case
	steps    []casefile.Step
	hist     *casefile.History // the intake's step and steps (nil for a second application: made when stored)
}

// chunk makes cases [from, to) of the hall with a generator of the
// chunk's own, seeded from the hall's seed and the chunk's index.
func (mk *bulkMaker) chunk(k, from, to int) bulkChunk {
	g := gen.New(mk.cat, mk.seed*0x9e3779b97f4a7c15+uint64(k)*2, mk.today)
	type grouped struct {
		i     int
		p     casefile.Person
		group string
	}
	var recent []grouped
	plans := make([]*bulkPlan, 0, to-from)
	for n := from; n < to; n++ {
		day := mk.today.AddDays(-(mk.span - 1 - mk.span*n/mk.n))
		received := day.Time(time.Local).Add(time.Duration(8*60+g.Intn(9*60)) * time.Minute)
		pipeline := day.DaysUntil(mk.today) <= pipelineDays
		d := g.Draft(0)
		repeatOf := -1
		if pipeline && n%25 == 24 && len(recent) > 0 {
			r := recent[g.Intn(len(recent))]
			ps := g.GroupProjects(r.group)
			d = g.DraftFor(r.p, []string{ps[g.Intn(len(ps))].Code}, 0)
			d.RepeatReason = "向另一部门再次申请"
			repeatOf = r.i
		} else if p := mk.cat.Project(d.Apps[0].Project); pipeline && p != nil && p.Group != "" {
			recent = append(recent[max(0, len(recent)-500):], grouped{len(plans), d.Applicant, p.Group})
		}
		d.Received = received
		c, note, err := mk.cat.PrepareIntake(d, mk.now, mk.who)
		if err != nil {
			return bulkChunk{err: fmt.Errorf("demo case %d: %w", n+1, err)}
		}
		pl := &bulkPlan{c: c, note: note, repeatOf: repeatOf, reason: d.RepeatReason}
		if repeatOf < 0 { // a second application waits for the meeting with the first
			mk.stage(g, pl)
			steps := append([]casefile.Step{mk.cat.IntakeStep(c, note, nil, "")}, pl.steps...)
			if pl.hist, err = casefile.NewHistory(steps...); err == nil {
				err = pl.hist.EncodePeople(c)
			}
			if err != nil {
				return bulkChunk{err: fmt.Errorf("demo case %d: %w", n+1, err)}
			}
		}
		plans = append(plans, pl)
	}
	return bulkChunk{plans: plans}
}

// at is a time of day on day d: h hours and a few minutes.
func at(g *gen.Gen, d casefile.Date, h int) time.Time {
	return d.Time(time.Local).Add(time.Duration(h*60+g.Intn(50)) * time.Minute)
}

// stage plans where the case received that long ago stands today.
func (mk *bulkMaker) stage(g *gen.Gen, pl *bulkPlan) {
	cat, today := mk.cat, mk.today
	c := *pl.c
	c.Apps = append([]casefile.Application(nil), pl.c.Apps...)
	received := c.ReceivedDate()
	age := received.DaysUntil(today)
	roll := g.Intn(100)
	var steps []casefile.Step
	status := casefile.StatusReceived
	step := func(who string, action casefile.Action, to casefile.Status, when time.Time, note casefile.Text) {
		if when.After(mk.now) {
			when = mk.now
		}
		steps = append(steps, casefile.Step{Change: casefile.Change{Who: who, Action: string(action), Note: note}, From: status, To: to, At: when})
		status = to
	}
	verify := func(all bool) {
		kinds := cat.MissingEvidence(&c)
		if !all && len(kinds) > 1 {
			kinds = kinds[:1]
		}
		if len(kinds) == 0 {
			kinds = []casefile.EvidenceKind{casefile.EvHomeVisit}
		}
		last := received
		for _, k := range kinds {
			ev := g.Evidence(&c, k)
			c.Evidence = append(c.Evidence, ev)
			if ev.Date.After(last) {
				last = ev.Date
			}
		}
		if all { // (one entry: the evidence came in together)
			step(mk.who, casefile.ActionStatus, casefile.StatusReady, at(g, last, 16),
				casefile.T("核查完毕，提交综合研判", "verified, sent to the meeting"))
			return
		}
		step("local:verifier", casefile.ActionEvidence, casefile.StatusVerifying, at(g, last, 10),
			casefile.T("核查中", "verifying"))
	}
	done := func() {
		if c.Life != nil && c.Life.Notices == nil && c.Life.Deliveries == nil && c.Life.NextReview.IsZero() {
			c.Life = nil
		}
		c.Status = status
		pl.fin, pl.steps = &c, steps
	}
	// The monthly session after receipt decides it.
	day := received.AddDays(20 + g.Intn(10))
	if !day.Before(today) {
		switch {
		case age < 3 || roll < 25:
			return // still received
		case age < 10 || roll < 60:
			verify(false)
		default:
			verify(true)
		}
		done()
		return
	}
	verify(true)
	if roll < 6 {
		c.Note = "申请人主动撤回申请"
		step(mk.who, casefile.ActionStatus, casefile.StatusWithdrawn, at(g, received.AddDays(15), 10),
			casefile.T("申请人主动撤回申请", "withdrawn by the applicant"))
		done()
		return
	}
	result := casefile.StatusApproved
	if roll < 18 {
		result = casefile.StatusRejected
	}
	session := historicSession(day)
	c.Decision = &casefile.Decision{Session: session, Result: result, At: day.Time(time.Local).Add(15 * time.Hour), By: mk.who}
	noticed, oneOffs := false, false
	for i := range c.Apps {
		a := &c.Apps[i]
		if result == casefile.StatusRejected {
			a.Outcome, a.Reason = casefile.OutcomeDeclined, "家庭人均收入高于当地保障标准"
			continue
		}
		a.Outcome, a.Granted = casefile.OutcomeGranted, a.Proposed
		p := cat.Project(a.Project)
		if p == nil {
			continue
		}
		noticed = noticed || p.NoticeBeforeApproval
		switch p.Kind {
		case casefile.KindMonthly:
			a.StartMonth, a.Months = monthAfter(day), p.Months
		case casefile.KindOneOff, casefile.KindMedicalShare:
			oneOffs = oneOffs || a.Granted > 0
		}
	}
	if result == casefile.StatusRejected {
		c.Decision.Reason = "家庭人均收入高于当地保障标准"
	}
	step(mk.who, casefile.ActionDecision, result, c.Decision.At, casefile.T("%s 研判决定", "decided at %s", session))
	effective := day // the day the decision took effect
	c.Life = &casefile.Life{}
	if noticed {
		n := casefile.Notice{Session: session, From: day, Until: day.AddDays(cat.County.NoticeDays - 1)}
		step(mk.who, casefile.ActionNotice, casefile.StatusPublicity, c.Decision.At.Add(time.Hour),
			casefile.T("公示 %s 至 %s（%d 天），期满无异议后批准生效", "public notice from %s to %s (%d days); the approval takes effect when it ends without objection",
				n.From, n.Until, cat.County.NoticeDays))
		if !n.Until.Before(today) {
			c.Life.Notices = append(c.Life.Notices, n)
			done()
			return // still on notice
		}
		n.Ended = n.Until.AddDays(1)
		c.Life.Notices = append(c.Life.Notices, n)
		effective = n.Ended
		step(mk.who, casefile.ActionNotice, casefile.StatusApproved, at(g, n.Ended, 9),
			casefile.T("公示期满无异议，批准生效", "the notice ended without objection; the approval takes effect"))
	}
	if result == casefile.StatusRejected {
		c.Deadline = cat.Calendar.AddWorkdays(day, cat.County.RejectionNoticeDays)
	}
	// The letter reaches the person a few days later, now and then not yet.
	delivered := effective.AddDays(1 + g.Intn(5))
	if roll%20 == 0 || !delivered.Before(today) {
		done()
		return
	}
	method := []casefile.DeliveryMethod{casefile.DeliverDirect, casefile.DeliverDirect, casefile.DeliverPost, casefile.DeliverLeft}[g.Intn(4)]
	dl := casefile.Delivery{Method: method, Date: delivered, Receiver: c.Applicant.Name, By: mk.who}
	c.Life.Deliveries = append(c.Life.Deliveries, dl)
	final := casefile.StatusClosed // a rejection or a monthly aid: nothing left to do
	paid := oneOffs && delivered.AddDays(10).Before(today)
	if oneOffs && !paid {
		final = casefile.StatusNotified
	}
	notify := len(steps)
	step(mk.who, casefile.ActionNotify, final, at(g, delivered, 11),
		casefile.T("决定书 %s 以%s送达，签收人 %s", "the decision letter delivered on %s by %s, received by %s", dl.Date, dl.Method, dl.Receiver))
	if final == casefile.StatusClosed && oneOffs {
		// the one-offs were paid on the roll of the month after delivery
		steps[notify].To = casefile.StatusNotified
		status = casefile.StatusNotified
		roll := casefile.MonthOf(delivered.AddDays(10))
		when := at(g, delivered.AddDays(10), 14)
		for _, a := range c.Apps {
			if a.Outcome == casefile.OutcomeGranted && a.Granted > 0 && (cat.Project(a.Project).Kind == casefile.KindOneOff || cat.Project(a.Project).Kind == casefile.KindMedicalShare) {
				c.Life.Payments = append(c.Life.Payments, casefile.Payment{Project: a.Project, Amount: a.Granted, Roll: roll, At: when, By: mk.who})
			}
		}
		step(mk.who, casefile.ActionPaid, casefile.StatusClosed, when,
			casefile.T("一次性救助已随 %s 发放表发放，案件办结", "the one-off was paid on the %s roll; the case is closed", roll))
	}
	c.Deadline = casefile.Date{}
	// A running monthly aid is reviewed every few months: the older ones
	// were reviewed before, their next review falls over the coming
	// months (a few overdue).
	every := cat.ReviewMonthsFor(&c, today)
	if every > 0 && received.AddDays(every*30+30).Before(today) {
		c.Life.NextReview = today.AddDays(-20 + g.Intn(every*30+20))
	}
	done()
}

// storeChunk stores the made cases of a chunk in one transaction.
func storeChunk(bt *casefile.BulkTx, plans []*bulkPlan, issued *gen.Issued, sum *BulkSummary) error {
	t := bt.Tx()
	stored := make([]*casefile.Case, len(plans))
	for i, pl := range plans {
		c := pl.c
		var again []casefile.Repeat
		if pl.repeatOf >= 0 {
			first := stored[pl.repeatOf]
			c.Applicant = first.Applicant
			for _, a := range first.Apps {
				if a.Project == c.Apps[0].Project && (first.Status.Open() || first.Status.Holding()) {
					again = append(again, casefile.Repeat{Project: a.Project, CaseNumber: first.Number, Status: first.Status, Held: first.Status.Holding()})
				}
			}
		} else {
			issued.Claim(&c.Applicant)
		}
		for j := range c.Household.Members {
			if m := &c.Household.Members[j]; m.Relation != casefile.RelationSelf {
				issued.Claim(&m.Person)
			}
		}
		fin := pl.fin
		if fin != nil && fin.Decision != nil {
			ref, err := t.NextReference(fin.Decision.Result, fin.Decision.At.Year())
			if err != nil {
				return err
			}
			fin.Decision.Reference = ref
			if fin.Life != nil && len(fin.Life.Deliveries) > 0 {
				fin.Life.Deliveries[0].Letter = ref
			}
		}
		if pl.hist == nil {
			h, err := casefile.NewHistory(t.Catalog().IntakeStep(c, pl.note, again, pl.reason))
			if err != nil {
				return err
			}
			pl.hist = h
		}
		if err := bt.Intake(c, fin, pl.hist); err != nil {
			return fmt.Errorf("demo case %d: %w", i+1, err)
		}
		stored[i] = c
		if fin == nil {
			sum.ByStatus[c.Status]++
			continue
		}
		if fin.Status.Holding() {
			if err := t.SyncAid(fin); err != nil {
				return err
			}
		}
		stored[i] = fin
		sum.ByStatus[fin.Status]++
	}
	return nil
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
