package casefile

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Income is summed from the household's declared incomes unless the case
// has an income check, whose verified figure then counts instead.

// IncomeSummary is the household's monthly income split into what counts
// and what the rules exclude.
type IncomeSummary struct {
	Counted   Money  `json:"counted"`
	Excluded  Money  `json:"excluded"`
	Members   int    `json:"members"`
	PerCapita Money  `json:"per_capita"`
	Verified  bool   `json:"verified"`         // from an income check rather than the declaration
	Source    string `json:"source,omitempty"` // the check's department and date when verified
}

// Income computes the household's monthly income of c: counted kinds only,
// divided by the co-resident members and rounded to the fen.
func (cat *Catalog) Income(c *Case) IncomeSummary {
	var s IncomeSummary
	s.Members = c.Household.Count()
	for _, m := range c.Household.Members {
		for _, in := range m.Incomes {
			if k := cat.IncomeKind(in.Kind); k != nil && !k.Counted {
				s.Excluded += in.Monthly
			} else {
				s.Counted += in.Monthly
			}
		}
	}
	if ev := latestEvidence(c, EvIncomeCheck); ev != nil {
		s.Counted, s.Verified = ev.MonthlyIncome, true
		s.Source = ev.Department + " " + ev.Date.String()
	}
	if s.Members > 0 {
		s.PerCapita = DivRound(s.Counted, int64(s.Members))
	}
	return s
}

func latestEvidence(c *Case, k EvidenceKind) *Evidence {
	var best *Evidence
	for i := range c.Evidence {
		e := &c.Evidence[i]
		if e.Kind == k && (best == nil || !e.Date.Before(best.Date)) {
			best = e
		}
	}
	return best
}

// Env builds what the rules read for an application of case c. holding
// lists the project codes the household already holds.
func (cat *Catalog) Env(c *Case, app *Application, holding []string) *RuleEnv {
	inc := cat.Income(c)
	env := &RuleEnv{
		PerCapitaIncome: int64(inc.PerCapita), HouseholdIncome: int64(inc.Counted),
		Members: inc.Members, Covered: inc.Members, Area: string(c.Household.Area),
		Age: c.Applicant.AgeOn(c.ReceivedDate()), Sex: string(c.Applicant.Sex),
		DisabilityGrade: c.Applicant.DisabilityGrade, Flag: map[string]bool{},
		Standard: cat.stdMap, Holding: holding,
	}
	for _, f := range c.Applicant.Flags {
		env.Flag[f] = true
	}
	env.MemberFlag = map[string]bool{}
	for _, f := range c.Applicant.Flags {
		env.MemberFlag[f] = true
	}
	for _, m := range c.Household.Members {
		for _, f := range m.Person.Flags {
			env.MemberFlag[f] = true
		}
	}
	if app != nil {
		env.Requested = int64(app.Requested)
	}
	if ev := latestEvidence(c, EvAssetCheck); ev != nil {
		env.Deposits, env.Homes = int64(ev.Deposits), ev.Homes
	}
	if ev := latestEvidence(c, EvHousing); ev != nil && ev.Homes > env.Homes {
		env.Homes = ev.Homes
	}
	if ev := latestEvidence(c, EvVehicle); ev != nil {
		env.Vehicles = ev.Vehicles
	}
	if inc.Members > 0 {
		env.DepositsPerCapita = int64(DivRound(Money(env.Deposits), int64(inc.Members)))
	}
	for _, e := range c.Evidence {
		if e.Kind == EvMedicalBill {
			env.MedicalTotal += int64(e.MedicalTotal)
			env.InsurancePaid += int64(e.InsurancePaid)
			env.MedicalOOP += int64(e.Compliant)
		}
	}
	return env
}

// ProposeAmount computes the amount the project's rule gives for app; a
// project without an amount rule proposes what was requested.
func (cat *Catalog) ProposeAmount(c *Case, app *Application, holding []string) (Money, error) {
	p := cat.Project(app.Project)
	if p == nil {
		return 0, ErrUnknownProject.Withf("%s", "%s", app.Project)
	}
	if p.Amount == nil {
		return app.Requested, nil
	}
	m, err := p.Amount.Money(cat.Env(c, app, holding))
	if err != nil {
		return 0, err
	}
	if m < 0 {
		m = 0
	}
	return m, nil
}

// Conflict is another application or holding of the same group by the
// same person in the same period.
type Conflict struct {
	Group      string `json:"group"`
	Project    string `json:"project"`
	Department string `json:"department"`
	Amount     Money  `json:"amount"`
	CaseNumber string `json:"case_number"` // "" for another project of the same new application
	Status     Status `json:"status"`
	Received   Date   `json:"received"`
	// For is the project of the application under check that conflicts.
	For string `json:"for"`
}

// Findings lists what the system finds about case c on day today: income
// against each project's line, eligibility, duplicates (conflicts found
// by the store), missing evidence and documents, and the deadline. Every
// message carries its figures.
func (cat *Catalog) Findings(c *Case, today Date, conflicts []Conflict, holding []string) []Finding {
	var out []Finding
	inc := cat.Income(c)
	for i := range c.Apps {
		app := &c.Apps[i]
		p := cat.Project(app.Project)
		if p == nil {
			out = append(out, Finding{Kind: FindEligibility, Severity: SevError, Project: app.Project,
				Text: T("项目 %s 不在政策目录中", "project %s is not in the catalogue", app.Project)})
			continue
		}
		env := cat.Env(c, app, holding)
		if p.Threshold != nil {
			line, err := p.Threshold.Money(env)
			if err == nil {
				f := Finding{Kind: FindIncome, Project: p.Code, Figures: map[string]Money{"per_capita_income": inc.PerCapita, "threshold": line}}
				src := T("申报", "declared")
				if inc.Verified {
					src = T("核对", "verified")
				}
				switch {
				case inc.PerCapita > line:
					f.Severity = SevError
					f.Text = T("「%s」：%s人均月收入 %s 元，高于标准 %s 元（高出 %s 元）",
						"%s: %s per-capita monthly income %s yuan is above the line of %s yuan (by %s yuan)", p, src, inc.PerCapita, line, inc.PerCapita-line)
				case inc.PerCapita == line:
					f.Severity = SevError
					f.Text = T("「%s」：%s人均月收入 %s 元，等于标准 %s 元，未低于标准",
						"%s: %s per-capita monthly income %s yuan equals the line of %s yuan; it is not below it", p, src, inc.PerCapita, line)
				default:
					f.Severity = SevInfo
					f.Text = T("「%s」：%s人均月收入 %s 元，低于标准 %s 元（差额 %s 元）",
						"%s: %s per-capita monthly income %s yuan is below the line of %s yuan (gap %s yuan)", p, src, inc.PerCapita, line, line-inc.PerCapita)
				}
				out = append(out, f)
			}
		}
		if p.Area != "" && c.Household.Area != "" && p.Area != c.Household.Area {
			out = append(out, Finding{Kind: FindEligibility, Severity: SevError, Project: p.Code,
				Text: T("「%s」只适用于%s户籍，本户为%s户籍", "%s applies to %s households only; this one is %s",
					p, p.Area, c.Household.Area)})
		}
		if ok, err := p.Eligibility.Bool(env); err == nil && !ok {
			out = append(out, cat.eligibilityFindings(p, env, inc)...)
		}
		var missing List
		for _, k := range p.Evidence {
			if !c.HasEvidence(k) {
				missing = append(missing, k)
			}
		}
		if len(missing) > 0 {
			out = append(out, Finding{Kind: FindMissingEv, Severity: SevWarning, Project: p.Code,
				Text: T("「%s」尚缺核查：%s", "%s still needs: %s", p, missing)})
		}
	}
	out = append(out, cat.duplicateFindings(c, conflicts, holding)...)
	if docs := cat.MissingDocuments(c); len(docs) > 0 {
		var names List
		for _, d := range docs {
			names = append(names, cat.DocumentLabel(d))
		}
		out = append(out, Finding{Kind: FindMissingDoc, Severity: SevWarning,
			Text: T("缺少材料：%s", "missing documents: %s", names)})
	}
	if f, ok := cat.deadlineFinding(c, today); ok {
		out = append(out, f)
	}
	if f, ok := cat.calendarFinding(c); ok {
		out = append(out, f)
	}
	if f, ok := cat.urgentFinding(c, today); ok {
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool { return sevRank(out[i].Severity) > sevRank(out[j].Severity) })
	return out
}

// eligibilityFindings are the findings of a project whose eligibility
// rule fails: one for each condition that does not hold, naming it with
// its figures (申请金额未填写; 人均存款 30,000.00 元，高于…). A condition
// on the per-capita income against the project's own income line is
// left out: the income finding already says it.
func (cat *Catalog) eligibilityFindings(p *Project, env *RuleEnv, inc IncomeSummary) []Finding {
	var line Money = -1
	if p.Threshold != nil {
		if m, err := p.Threshold.Money(env); err == nil {
			line = m
		}
	}
	var out []Finding
	for _, u := range cat.Unmet(p.Eligibility, env) {
		if u.Var == "per_capita_income" && u.Limit == line && line >= 0 {
			continue
		}
		f := Finding{Kind: FindEligibility, Severity: SevError, Project: p.Code,
			Text: T("「%s」：%s", "%s: %s", p, u.Text)}
		if u.Money {
			f.Figures = map[string]Money{u.Var: u.Value, "limit": u.Limit}
		}
		out = append(out, f)
	}
	if len(out) == 0 && !(inc.PerCapita >= line && line >= 0) {
		out = append(out, Finding{Kind: FindEligibility, Severity: SevError, Project: p.Code,
			Text: T("「%s」条件不符", "%s: conditions not met", p)})
	}
	return out
}

func sevRank(s Severity) int {
	switch s {
	case SevError:
		return 2
	case SevWarning:
		return 1
	}
	return 0
}

// duplicateFindings are the "same policy only once" findings of case c:
// one for each application or holding of another case that conflicts,
// and one for each group of which c itself applies to several projects,
// naming each with the amount its rule proposes (monthly and one-off
// apart) and the one that would be kept: the single highest amount of
// the group, what is already held first (DOMAIN.md), as the batch
// resolution before a meeting keeps it.
func (cat *Catalog) duplicateFindings(c *Case, conflicts []Conflict, holding []string) []Finding {
	var out []Finding
	var groups []string
	others := map[string][]Conflict{}
	seen := map[string]bool{}
	for _, cf := range conflicts {
		if cf.CaseNumber != "" {
			out = append(out, cat.conflictFinding(cf))
			if k := cf.CaseNumber + "/" + cf.Project; !seen[k] {
				seen[k] = true
				others[cf.Group] = append(others[cf.Group], cf)
			}
			continue
		}
		if !slices.Contains(groups, cf.Group) {
			groups = append(groups, cf.Group)
		}
	}
	for _, g := range groups {
		out = append(out, cat.sameIntakeFinding(c, g, others[g], holding))
	}
	return out
}

// sameIntakeFinding is the finding of case c applying to several
// projects of group g at once: 同一救助政策只能享受一次（基本生活保障）：
// 本次同时申请「城市最低生活保障」每月 590.00 元、「城市特困人员救助供养」
// 每月 1,030.00 元；按单项最高金额保留「城市特困人员救助供养」，其余不予
// 重复享受. others are the group's applications in other cases.
func (cat *Catalog) sameIntakeFinding(c *Case, g string, others []Conflict, holding []string) Finding {
	var apps []DedupApp
	var zh, en []string
	figures := map[string]Money{}
	for i := range c.Apps {
		a := &c.Apps[i]
		p := cat.Project(a.Project)
		if p == nil || p.Group != g || a.Outcome == OutcomeDeclined {
			continue
		}
		amount := a.Proposed
		if amount == 0 {
			amount, _ = cat.ProposeAmount(c, a, holding)
		}
		figures["proposed:"+p.Code] = amount
		apps = append(apps, DedupApp{CaseNumber: c.Number, Project: p.Code, Department: p.Department,
			Amount: amount, Requested: a.Requested, Proposed: amount, Received: c.ReceivedDate()})
		t := cat.amountText(p.Kind, amount)
		zh = append(zh, fmt.Sprintf("「%s」%s", p.Name, t.ZH))
		en = append(en, fmt.Sprintf("%s %s", p.Label(EN), t.EN))
	}
	for _, cf := range others {
		apps = append(apps, DedupApp{CaseNumber: cf.CaseNumber, Project: cf.Project, Department: cf.Department,
			Amount: cf.Amount, Proposed: cf.Amount, Received: cf.Received, Held: cf.Status.Holding()})
	}
	rankApps(apps)
	gName := Text{ZH: g, EN: g}
	if grp := cat.Group(g); grp != nil {
		gName = Text{ZH: grp.Name, EN: grp.Label(EN)}
	}
	f := Finding{Kind: FindDuplicate, Severity: SevWarning, Figures: figures}
	list := Text{ZH: strings.Join(zh, "、"), EN: strings.Join(en, ", ")}
	if len(apps) == 0 {
		f.Text = T("同一救助政策只能享受一次（%s）", "same policy only once (%s)", gName)
		return f
	}
	keep := apps[0]
	kept := Text{ZH: keep.Project, EN: keep.Project}
	if p := cat.Project(keep.Project); p != nil {
		kept = Text{ZH: p.Name, EN: p.Label(EN)}
	}
	f.Project = keep.Project
	if keep.CaseNumber != c.Number {
		f.Project = apps[len(apps)-1].Project
		verb := Text{"已申请", "applied for"}
		if keep.Held {
			verb = Text{"已享受", "held"}
		}
		f.Text = Text{
			ZH: fmt.Sprintf("同一救助政策只能享受一次（%s）：本次同时申请%s；按单项最高金额，将保留案件 %s %s的「%s」，本次申请不予重复享受",
				gName.ZH, list.ZH, keep.CaseNumber, verb.ZH, kept.ZH),
			EN: fmt.Sprintf("same policy only once (%s): this application asks for %s; the single highest amount kept is %s, %s in case %s, and this application's are not granted again",
				gName.EN, list.EN, kept.EN, verb.EN, keep.CaseNumber),
		}
		return f
	}
	f.Text = T("同一救助政策只能享受一次（%s）：本次同时申请%s；按单项最高金额将保留「%s」，其余不予重复享受",
		"same policy only once (%s): this application asks for %s; the single highest amount, %s, would be kept and the others not granted",
		gName, list, kept)
	return f
}

// amountText is an amount as a project of kind k pays it: 每月 590.00 元,
// 一次性 3,000.00 元; 金额待核定 when the rule has nothing to go on yet.
func (cat *Catalog) amountText(k ProjectKind, m Money) Text {
	if m == 0 {
		return T("金额待核定", "amount not yet known")
	}
	var a Amounts
	a.Add(k, m)
	return a.Text()
}

// AmountText is amount m of project code as that project pays it:
// 每月 1,250.00 元, 一次性 500.00 元, 贷款 8,000.00 元; a status-only project
// (a recognition with no money of its own) says so instead of 0.00.
func (cat *Catalog) AmountText(code string, m Money) Text {
	p := cat.Project(code)
	if p == nil {
		return T("%s 元", "%s yuan", m.Grouped())
	}
	if p.Kind == KindStatus && m == 0 {
		return T("认定，无金额", "a status, no money")
	}
	return cat.amountText(p.Kind, m)
}

func (cat *Catalog) conflictFinding(cf Conflict) Finding {
	p, held := cat.Project(cf.Project), cat.Project(cf.For)
	g := cat.Group(cf.Group)
	var pName, pEN, dName, dEN, gName, gEN, forName, forEN string = cf.Project, cf.Project, cf.Department, cf.Department, cf.Group, cf.Group, cf.For, cf.For
	if p != nil {
		pName, pEN = p.Name, p.Label(EN)
	}
	if held != nil {
		forName, forEN = held.Name, held.Label(EN)
	}
	if d := cat.Department(cf.Department); d != nil {
		dName, dEN = d.Name, d.Label(EN)
	}
	if g != nil {
		gName, gEN = g.Name, g.Label(EN)
	}
	where, whereEN := "本次同时申请", "in this same application"
	if cf.CaseNumber != "" {
		where = fmt.Sprintf("案件 %s，%s", cf.CaseNumber, cf.Status.Label(ZH))
		whereEN = fmt.Sprintf("case %s, %s", cf.CaseNumber, cf.Status.Label(EN))
	}
	verb, verbEN := "已申请", "has applied for"
	if cf.Status.Holding() {
		verb, verbEN = "已享受", "already holds"
	}
	return Finding{Kind: FindDuplicate, Severity: SevWarning, Project: cf.For,
		Figures: map[string]Money{"other_amount": cf.Amount},
		Text: Text{
			ZH: fmt.Sprintf("同一救助政策只能享受一次（%s）：「%s」与%s%s「%s」%s 元（%s）", gName, forName, dName, verb, pName, cf.Amount, where),
			EN: fmt.Sprintf("same policy only once (%s): %s conflicts — the person %s %s of %s, %s yuan (%s)", gEN, forEN, verbEN, pEN, dEN, cf.Amount, whereEN),
		}}
}

// MissingDocuments lists, once each and in catalogue order, the documents
// the case's projects require that were not received.
func (cat *Catalog) MissingDocuments(c *Case) []string {
	var out []string
	seen := map[string]bool{}
	for _, app := range c.Apps {
		p := cat.Project(app.Project)
		if p == nil {
			continue
		}
		for _, d := range p.Documents {
			if !seen[d] && !c.HasDocument(d) {
				out = append(out, d)
			}
			seen[d] = true
		}
	}
	return out
}

// RequiredDocuments lists, once each, the documents the projects require.
func (cat *Catalog) RequiredDocuments(codes []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, code := range codes {
		if p := cat.Project(code); p != nil {
			for _, d := range p.Documents {
				if !seen[d] {
					out = append(out, d)
					seen[d] = true
				}
			}
		}
	}
	return out
}

// MissingEvidence lists the evidence kinds the case's projects require
// that it lacks, once each.
func (cat *Catalog) MissingEvidence(c *Case) []EvidenceKind {
	var out []EvidenceKind
	seen := map[EvidenceKind]bool{}
	for _, app := range c.Apps {
		if p := cat.Project(app.Project); p != nil {
			for _, k := range p.Evidence {
				if !seen[k] && !c.HasEvidence(k) {
					out = append(out, k)
				}
				seen[k] = true
			}
		}
	}
	return out
}

// Deadline computes the decision deadline of an application received on
// day with the given projects: the shortest time limit among them, in
// working days (30 when none sets one).
func (cat *Catalog) Deadline(received Date, codes []string) Date {
	limit := 0
	for _, code := range codes {
		if p := cat.Project(code); p != nil && p.TimeLimit > 0 && (limit == 0 || p.TimeLimit < limit) {
			limit = p.TimeLimit
		}
	}
	if limit == 0 {
		limit = 30
	}
	return cat.Calendar.AddWorkdays(received, limit)
}

// WorkdaysLeft returns the working days from today to the case's deadline
// (negative when passed).
func (cat *Catalog) WorkdaysLeft(c *Case, today Date) int {
	return cat.Calendar.WorkdaysBetween(today, c.Deadline)
}

func (cat *Catalog) deadlineFinding(c *Case, today Date) (Finding, bool) {
	if !c.Status.Watched() || c.Deadline.IsZero() {
		return Finding{}, false
	}
	left := cat.WorkdaysLeft(c, today)
	switch {
	case left < 0:
		return Finding{Kind: FindDeadline, Severity: SevError,
			Text: T("已超过办理时限 %d 个工作日（期限 %s）", "deadline passed %d working days ago (%s)", -left, c.Deadline)}, true
	case left <= cat.County.DeadlineWarnDays:
		return Finding{Kind: FindDeadline, Severity: SevWarning,
			Text: T("距办理时限还有 %d 个工作日（期限 %s）", "%d working days left to the deadline (%s)", left, c.Deadline)}, true
	}
	return Finding{}, false
}

// DeadlineNear reports whether an open case's deadline is within the
// warning window or passed.
func (cat *Catalog) DeadlineNear(c *Case, today Date) bool {
	_, ok := cat.deadlineFinding(c, today)
	return ok
}

// Granted sums the granted amounts of apps by how their projects pay
// (monthly, one-off, loan), never across: the amounts of a decision.
func (cat *Catalog) Granted(apps []Application) Amounts {
	var a Amounts
	for _, ap := range apps {
		if ap.Outcome == OutcomeGranted {
			a.Add(cat.kindOf(ap.Project), ap.Granted)
		}
	}
	return a
}

// Proposed sums the proposed amounts of apps that are not declined, by how
// their projects pay: what a case asks the meeting for.
func (cat *Catalog) Proposed(apps []Application) Amounts {
	var a Amounts
	for _, ap := range apps {
		if ap.Outcome != OutcomeDeclined && (ap.Dedup == nil || ap.Dedup.Keep) {
			a.Add(cat.kindOf(ap.Project), ap.Proposed)
		}
	}
	return a
}

// kindOf is project code's kind; an unknown project pays once.
func (cat *Catalog) kindOf(code string) ProjectKind {
	if p := cat.Project(code); p != nil {
		return p.Kind
	}
	return KindOneOff
}
