// Package discover is "the policy finds the person" (政策找人): it runs
// every project's eligibility rule of the catalogue over every household
// the hall knows, from the household's newest case (its household data
// and its latest evidence), and lists the households that qualify for a
// project they neither hold nor have applied for, with the figures that
// make them qualify and the age of the evidence. A household refused the
// project within the period is listed with that decision. A listed
// household becomes an outreach application (channel outreach) in one
// step (Apply).
//
// It reuses the catalogue's rules (casefile.Catalog.Env, Rule.Bool) and
// never edits them; Run only reads, Apply is one intake.
package discover

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rongjiuzhu/hall/casefile"
)

// Finding is one household that qualifies for one project it does not
// hold and has not applied for.
type Finding struct {
	Case       string        `json:"case"` // the household's newest case, where its data comes from
	PersonID   uint64        `json:"person_id"`
	Name       string        `json:"name"`
	MaskedID   string        `json:"id_number"` // masked
	Township   string        `json:"township,omitempty"`
	Village    string        `json:"village,omitempty"`
	Area       casefile.Area `json:"area"`
	Project    string        `json:"project"`
	Department string        `json:"department"`
	// Figures that make it qualify.
	Members           int                  `json:"members"`
	PerCapita         casefile.Money       `json:"per_capita_income"`
	Threshold         casefile.Money       `json:"threshold,omitempty"` // the project's income line, when it has one
	DepositsPerCapita casefile.Money       `json:"deposits_per_capita"`
	Proposed          casefile.Money       `json:"proposed"` // what the amount rule gives (0: none or by request)
	Kind              casefile.ProjectKind `json:"kind"`
	// Verified is set when the income comes from an income check rather
	// than the declaration.
	Verified bool `json:"verified"`
	// DataDate is the date of the newest evidence of the case, or the day
	// it was received when it has none; AgeDays is its age in days.
	DataDate casefile.Date `json:"data_date"`
	AgeDays  int           `json:"age_days"`
	// Refused is the household's refusal of this project within the
	// period, when there is one.
	Refused *Refusal `json:"refused,omitempty"`
}

// Refusal is an earlier decision that declined the project.
type Refusal struct {
	Case   string        `json:"case"`
	Date   casefile.Date `json:"date"`
	Reason casefile.Text `json:"reason"`
}

// Options tune Run.
type Options struct {
	// Project limits the run to one project code ("" every project).
	Project string
	// Today is the day the run is for (ages of the evidence, ages of the
	// people, the period of the groups).
	Today casefile.Date
	// Since is the first day of the period in which a refusal is shown
	// (zero: one year before Today). An older refusal does not hold the
	// household back.
	Since casefile.Date
	// Progress, when set, is told how many cases of total have been read
	// (each case is read twice: total is twice the cases).
	Progress func(done, total int)
}

// aidOf is one application of a person, compact.
type aidOf struct {
	project string
	status  casefile.Status
	outcome casefile.Outcome
	decided casefile.Date
	year    int // year received
	number  string
	reason  casefile.Text
}

// Discoverable reports whether project p's eligibility rule can find
// anyone from the hall's data: a rule true for a household with no sign of
// hardship (a high income, no flag, no disability, no medical cost, a
// vehicle, a home, any age and sex) cannot (a disaster relief the
// department must check, an age-only service), nor can a rule that needs
// an amount requested (emergency aid: the need is the request).
func Discoverable(cat *casefile.Catalog, p *casefile.Project) bool {
	if p.Eligibility == nil || strings.Contains(p.Eligibility.Source, "requested") {
		return false
	}
	std := map[string]int64{}
	for _, s := range cat.Standards {
		std[s.Key] = int64(s.Amount)
	}
	for _, area := range []string{"urban", "rural"} {
		for _, age := range []int{8, 17, 35, 52, 70} {
			for _, sex := range []string{"M", "F"} {
				env := &casefile.RuleEnv{PerCapitaIncome: 10_000_000, HouseholdIncome: 30_000_000, Members: 3, Covered: 3,
					Area: area, Age: age, Sex: sex, Flag: map[string]bool{}, Standard: std, Deposits: 0, Homes: 1, Vehicles: 1}
				if ok, err := p.Eligibility.Bool(env); err != nil || ok {
					return false
				}
			}
		}
	}
	return true
}

// Run lists the findings, by project in catalogue order, then by case
// number, from the transaction t.
func Run(t *casefile.Tx, opt Options) ([]Finding, error) {
	r, err := prepare(t.Catalog(), opt, 2*t.Counts().Total)
	if err != nil {
		return nil, err
	}
	w := r.newWalk()
	if err := w.cases(t, 0, 0); err != nil {
		return nil, err
	}
	return r.judge(w), nil
}

// RunStore is Run over the store st, reading the cases on every core:
// each reader walks its own range of cases in its own read transaction
// (the ranges are read at nearly the same moment, not in one snapshot).
func RunStore(st *casefile.Store, opt Options) ([]Finding, error) {
	var newest uint64
	var total int
	err := st.View(func(t *casefile.Tx) error {
		cs, _, err := t.Cases(casefile.CaseFilter{Limit: 1})
		if len(cs) == 1 {
			newest = cs[0].Seq
		}
		total = 2 * t.Counts().Total
		return err
	})
	if err != nil {
		return nil, err
	}
	r, err := prepare(st.Catalog(), opt, total)
	if err != nil {
		return nil, err
	}
	n := uint64(max(1, min(runtime.GOMAXPROCS(0), int(newest/rangeCases)+1)))
	walks := make([]*walk, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		// reader i takes the seqs in (lo, hi], reader 0 the newest
		hi, lo := newest-newest*i/n, newest-newest*(i+1)/n
		walks[i] = r.newWalk()
		wg.Go(func() {
			errs[i] = st.View(func(t *casefile.Tx) error { return walks[i].cases(t, lo, hi) })
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	// merged newest range first: a household's snapshot is its newest case
	all := r.newWalk()
	for _, w := range walks {
		for id, as := range w.aid {
			all.aid[id] = append(all.aid[id], as...)
		}
		for _, sn := range w.snaps {
			if !all.seen[sn.applicant.ID] {
				all.seen[sn.applicant.ID] = true
				all.snaps = append(all.snaps, sn)
			}
		}
	}
	return r.judge(all), nil
}

// rangeCases is the fewest cases worth a reader of their own.
var rangeCases uint64 = 5000

// run is one discovery's settings and progress.
type run struct {
	cat      *casefile.Catalog
	opt      Options
	projects []*casefile.Project
	mu       sync.Mutex
	done     int
	total    int
}

func prepare(cat *casefile.Catalog, opt Options, total int) (*run, error) {
	if opt.Since.IsZero() {
		opt.Since = opt.Today.AddDays(-365)
	}
	if opt.Project != "" && cat.Project(opt.Project) == nil {
		return nil, casefile.ErrUnknownProject.Withf("%s", "%s", opt.Project)
	}
	r := &run{cat: cat, opt: opt, total: total} // each case read, then each household judged
	for _, p := range cat.Projects {
		if (opt.Project == "" || p.Code == opt.Project) && Discoverable(cat, p) {
			r.projects = append(r.projects, p)
		}
	}
	return r, nil
}

// tick counts n more steps done.
func (r *run) tick(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done += n
	if r.opt.Progress != nil {
		r.opt.Progress(min(r.done, r.total), r.total)
	}
}

// walk is what reading the cases gathers: every person's applications,
// and a snapshot of each applicant's newest case (what the rules read,
// no more).
type walk struct {
	r     *run
	aid   map[uint64][]aidOf
	snaps []*snapshot
	seen  map[uint64]bool
}

func (r *run) newWalk() *walk {
	return &walk{r: r, aid: map[uint64][]aidOf{}, seen: map[uint64]bool{}}
}

// cases reads the cases with seq in (lo, hi], newest first (hi 0: from
// the newest).
func (w *walk) cases(t *casefile.Tx, lo, hi uint64) error {
	after := uint64(0)
	if hi != 0 {
		after = hi + 1
	}
	n := 0
	defer func() { w.r.tick(n % 1000) }()
	for {
		cs, next, err := t.Cases(casefile.CaseFilter{After: after, Limit: 1000})
		if err != nil {
			return err
		}
		for _, c := range cs {
			if c.Seq <= lo {
				return nil
			}
			if !w.seen[c.ApplicantID] {
				w.seen[c.ApplicantID] = true
				w.snaps = append(w.snaps, snap(w.r.cat, c, w.r.opt.Today))
			}
			noteAid(w.aid, c)
			if n++; n%1000 == 0 {
				w.r.tick(1000)
			}
		}
		if next == 0 {
			return nil
		}
		after = next
	}
}

// judge runs the rules over every household gathered, on every core: the
// rules only read.
func (r *run) judge(w *walk) []Finding {
	cat, opt, snaps := r.cat, r.opt, w.snaps
	per := make([][]Finding, len(snaps))
	var wg sync.WaitGroup
	workers := max(1, min(runtime.GOMAXPROCS(0), len(snaps)/1000+1))
	for k := range workers {
		wg.Go(func() {
			n := 0
			for i := k; i < len(snaps); i += workers {
				per[i] = household(cat, snaps[i], w.aid, r.projects, opt)
				if n++; n%1000 == 0 {
					r.tick(1000)
				}
			}
			r.tick(n % 1000)
		})
	}
	wg.Wait()
	n := 0
	for _, fs := range per {
		n += len(fs)
	}
	out := make([]Finding, 0, n)
	for i, fs := range per {
		out = append(out, fs...)
		per[i] = nil
	}
	// by project in catalogue order, then case number: the indexes are
	// sorted, not the findings (moving them is most of a sort's cost),
	// then each finding is moved once to its place
	order := map[string]int32{}
	for i, p := range cat.Projects {
		order[p.Code] = int32(i)
	}
	rank := make([]int32, len(out))
	idx := make([]int32, len(out))
	for i := range idx {
		idx[i], rank[i] = int32(i), order[out[i].Project]
	}
	slices.SortFunc(idx, func(a, b int32) int {
		if d := cmp.Compare(rank[a], rank[b]); d != 0 {
			return d
		}
		return strings.Compare(out[a].Case, out[b].Case)
	})
	permute(out, idx)
	return out
}

// permute puts out[idx[i]] at out[i] for every i, in place: each cycle of
// the permutation is walked once (idx is spent, marked -1).
func permute(out []Finding, idx []int32) {
	for start := range out {
		if idx[start] < 0 {
			continue
		}
		held := out[start]
		for j := start; ; {
			k := int(idx[j])
			idx[j] = -1
			if k == start {
				out[j] = held
				break
			}
			out[j] = out[k]
			j = k
		}
	}
}

// noteAid adds the applications of case c to aid, under the applicant
// and every member.
func noteAid(aid map[uint64][]aidOf, c *casefile.Case) {
	ids := []uint64{c.ApplicantID}
	for _, m := range c.Household.Members {
		if m.Person.ID != 0 && m.Person.ID != c.ApplicantID {
			ids = append(ids, m.Person.ID)
		}
	}
	for _, a := range c.Apps {
		e := aidOf{project: a.Project, status: c.Status, outcome: a.Outcome, year: c.Received.Year(), number: c.Number, reason: a.Why()}
		if c.Decision != nil {
			e.decided = casefile.DateOf(c.Decision.At)
			if a.Outcome == casefile.OutcomeDeclined && e.reason == (casefile.Text{}) {
				e.reason = casefile.Text{ZH: c.Decision.Reason, EN: c.Decision.Reason}
			}
		}
		for _, id := range ids {
			aid[id] = append(aid[id], e)
		}
	}
}

// householdAid is the applications of every member of c's household, from
// the cases each is in (the index, not a walk of the store).
func householdAid(t *casefile.Tx, c *casefile.Case) (map[uint64][]aidOf, error) {
	aid := map[uint64][]aidOf{}
	seen := map[uint64]bool{}
	ids := []uint64{c.ApplicantID}
	for _, m := range c.Household.Members {
		ids = append(ids, m.Person.ID)
	}
	for _, id := range ids {
		if id == 0 {
			continue
		}
		seqs, _ := t.PersonCaseSeqs(id)
		for _, s := range seqs {
			if seen[s] {
				continue
			}
			seen[s] = true
			o, err := t.CaseBySeq(s)
			if err != nil {
				return nil, err
			}
			noteAid(aid, o)
		}
	}
	return aid, nil
}

// Check is Run for the household of case c alone (its applicant's newest
// case) and project code: the finding, or nil when the household is not
// listed for it.
func Check(t *casefile.Tx, c *casefile.Case, code string, today casefile.Date) (*Finding, error) {
	cat := t.Catalog()
	p := cat.Project(code)
	if p == nil {
		return nil, casefile.ErrUnknownProject.Withf("%s", "%s", code)
	}
	if !Discoverable(cat, p) {
		return nil, nil
	}
	aid, err := householdAid(t, c)
	if err != nil {
		return nil, err
	}
	fs := household(cat, snap(cat, c, today), aid, []*casefile.Project{p}, Options{Today: today, Since: today.AddDays(-365)})
	if len(fs) == 0 {
		return nil, nil
	}
	return &fs[0], nil
}

// snapshot is what the rules and the list need of a household's newest
// case: kept for every household during a run instead of the case.
type snapshot struct {
	number    string
	applicant casefile.Person
	members   []uint64 // person ids of the applicant and the members
	area      casefile.Area
	env       casefile.RuleEnv // the rules' figures, holding not yet set
	verified  bool
	dataDate  casefile.Date
}

// snap takes the snapshot of case c for day today.
func snap(cat *casefile.Catalog, c *casefile.Case, today casefile.Date) *snapshot {
	s := &snapshot{number: c.Number, applicant: c.Applicant, area: c.Household.Area,
		verified: c.HasEvidence(casefile.EvIncomeCheck), dataDate: c.ReceivedDate(), members: []uint64{c.ApplicantID}}
	s.applicant.ID = c.ApplicantID
	for _, m := range c.Household.Members {
		if m.Person.ID != 0 && m.Person.ID != c.ApplicantID {
			s.members = append(s.members, m.Person.ID)
		}
	}
	for _, e := range c.Evidence {
		if e.Date.After(s.dataDate) {
			s.dataDate = e.Date
		}
	}
	// An application for nothing requested: the rules read the same
	// figures for every project (Env depends on the application only
	// through the amount requested).
	s.env = *cat.Env(c, &casefile.Application{}, nil)
	s.env.Age = c.Applicant.AgeOn(today)
	return s
}

// household runs the projects' rules on the household of snapshot sn.
func household(cat *casefile.Catalog, sn *snapshot, aid map[uint64][]aidOf, projects []*casefile.Project, opt Options) []Finding {
	// what the household (any member) holds or applied for
	var mine []aidOf
	for _, id := range sn.members {
		mine = append(mine, aid[id]...)
	}
	var holding []string
	for _, a := range mine {
		if a.status.Holding() && a.outcome == casefile.OutcomeGranted && !slices.Contains(holding, a.project) {
			holding = append(holding, a.project)
		}
	}
	slices.Sort(holding)
	env := sn.env
	env.Holding = holding
	var out []Finding
	for _, p := range projects {
		if p.Area != "" && sn.area != "" && p.Area != sn.area {
			continue
		}
		refused, blocked := standing(cat, p, mine, opt)
		if blocked {
			continue
		}
		if ok, err := p.Eligibility.Bool(&env); err != nil || !ok {
			continue
		}
		f := Finding{Case: sn.number, PersonID: sn.applicant.ID, Name: sn.applicant.Name, MaskedID: sn.applicant.MaskedDoc(),
			Township: sn.applicant.Township, Village: sn.applicant.Village, Area: sn.area, Project: p.Code,
			Department: p.Department, Kind: p.Kind, Members: env.Members, PerCapita: casefile.Money(env.PerCapitaIncome),
			DepositsPerCapita: casefile.Money(env.DepositsPerCapita), Verified: sn.verified,
			DataDate: sn.dataDate, AgeDays: sn.dataDate.DaysUntil(opt.Today), Refused: refused}
		if p.Threshold != nil {
			line, err := p.Threshold.Money(&env)
			if err != nil || f.PerCapita >= line {
				continue
			}
			f.Threshold = line
		}
		if p.Amount != nil {
			// as Catalog.ProposeAmount: the amount rule, never below 0
			if m, err := p.Amount.Money(&env); err == nil {
				f.Proposed = max(m, 0)
			}
		}
		out = append(out, f)
	}
	return out
}

// standing is what the household's applications say about project p: a
// refusal of p within the period to show, or blocked when it holds or has
// applied for p (not refused), or holds or has applied for another
// project of p's group in the group's period (the same policy only once).
func standing(cat *casefile.Catalog, p *casefile.Project, mine []aidOf, opt Options) (*Refusal, bool) {
	var refused *Refusal
	for _, a := range mine {
		declined := a.outcome == casefile.OutcomeDeclined || a.status == casefile.StatusRejected
		live := !declined && a.status != casefile.StatusWithdrawn && a.status != casefile.StatusClosed
		if a.project == p.Code {
			if declined {
				if !a.decided.IsZero() && !a.decided.Before(opt.Since) && (refused == nil || a.decided.After(refused.Date)) {
					refused = &Refusal{Case: a.number, Date: a.decided, Reason: a.reason}
				}
				continue
			}
			if live {
				return nil, true
			}
			continue
		}
		if p.Group == "" || !live {
			continue
		}
		o := cat.Project(a.project)
		if o == nil || o.Group != p.Group {
			continue
		}
		if g := cat.Group(p.Group); g != nil && g.Period == "year" && a.year != opt.Today.Year {
			continue
		}
		return nil, true
	}
	return refused, false
}

// ErrNotListed is an outreach application for a household and project
// that the discovery does not list (it does not qualify, holds it, or
// has applied).
var ErrNotListed = casefile.NewError("not_listed", "该户不在政策找人名单中", "the household is not on the discovery list")

// Apply turns the finding for the household of case number (or of the
// holder of resident number number) and project into an outreach
// application (channel outreach) in one intake: the household as its
// newest case records it, the project applied for, a note naming the
// case the data came from. The new case must be verified as any other.
func Apply(st *casefile.Store, number, project, who string) (*casefile.Case, error) {
	var c *casefile.Case
	err := st.View(func(t *casefile.Tx) error {
		var err error
		if c, err = newestCase(t, number); err != nil {
			return err
		}
		f, err := Check(t, c, project, st.Today())
		if err == nil && f == nil {
			err = ErrNotListed.Withf("%s %s", "%s %s", number, project)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	d := &casefile.Draft{Applicant: c.Applicant, Household: c.Household, Apps: []casefile.Application{{Project: project}},
		Channel: casefile.ChannelOutreach, Note: casefile.T("政策找人：依据案件 %s 的数据主动发现", "outreach: found from the data of case %s", c.Number).ZH}
	return st.Intake(d, who)
}

// newestCase is the applicant's newest case of the household named by a
// case number or the applicant's resident number.
func newestCase(t *casefile.Tx, number string) (*casefile.Case, error) {
	number = strings.TrimSpace(number)
	c, err := t.Case(number)
	if err == nil {
		seqs, roles := t.PersonCaseSeqs(c.ApplicantID)
		for i, s := range seqs {
			if roles[i] == 'A' {
				return t.CaseBySeq(s)
			}
		}
		return c, nil
	}
	p, perr := t.PersonByKey(casefile.Person{DocType: casefile.DocResidentID, DocNumber: strings.ToUpper(number)}.Key())
	if perr != nil {
		return nil, err
	}
	seqs, roles := t.PersonCaseSeqs(p.ID)
	for i, s := range seqs {
		if roles[i] == 'A' {
			return t.CaseBySeq(s)
		}
	}
	return nil, casefile.ErrCaseNotFound.Withf("%s", "%s", number)
}
