// Package warning is the hall's early warning (监测预警): rules, configured
// in a TOML file beside the catalogue (default_rules.toml is the
// illustrative default), watch household events — a medical bill whose
// out-of-pocket share is heavy, a disability grade, a member losing work,
// a child starting school or university, a death, a running aid ending —
// and raise warnings routed to a department with a deadline in working
// days. Handling a warning records what was done.
//
// Events come from the records (Scan derives them from the cases) or are
// recorded by staff (Record). A warning is raised once per rule and
// event. Everything is kept through the typed records API
// (casefile.Tx.Records); every write is one transaction with a history
// entry on the case concerned.
package warning

import (
	_ "embed"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/rongjiuzhu/hall/casefile"
)

// Namespaces of the records this package keeps.
//
//	wn_warnings  NumKey(seq)            → Warning JSON
//	wn_raised    NameKey(rule|source)   → seq (a warning is raised once per rule and event)
const (
	nsWarnings = "wn_warnings"
	nsRaised   = "wn_raised"
)

// ActionWarning is the history action of a warning raised or handled.
const ActionWarning = "warning"

// EventKind is a kind of household event.
type EventKind string

// Event kinds.
const (
	EventMedicalBill EventKind = "medical_bill"
	EventDisability  EventKind = "disability"
	EventJobLoss     EventKind = "job_loss"
	EventSchool      EventKind = "school"
	EventUniversity  EventKind = "university"
	EventDeath       EventKind = "death"
	EventAidEnding   EventKind = "aid_ending"
)

// EventKinds lists the kinds.
var EventKinds = []EventKind{EventMedicalBill, EventDisability, EventJobLoss, EventSchool, EventUniversity, EventDeath, EventAidEnding}

// Recorded are the kinds staff record (the others are found in the
// records by Scan, and may be recorded too).
var Recorded = []EventKind{EventJobLoss, EventDeath, EventDisability, EventSchool, EventUniversity}

// Label names the kind in lang.
func (k EventKind) Label(lang casefile.Lang) string { return casefile.LabelFrom(eventLabels, k, lang) }

var eventLabels = map[EventKind]casefile.Text{
	EventMedicalBill: {ZH: "医疗费用", EN: "medical bill"},
	EventDisability:  {ZH: "残疾等级", EN: "disability grade"},
	EventJobLoss:     {ZH: "失业", EN: "job loss"},
	EventSchool:      {ZH: "入学", EN: "starting school"},
	EventUniversity:  {ZH: "考入大学", EN: "entering university"},
	EventDeath:       {ZH: "死亡", EN: "death"},
	EventAidEnding:   {ZH: "救助到期", EN: "aid ending"},
}

// ParseEventKind reads a kind key or its label.
func ParseEventKind(s string) (EventKind, bool) { return casefile.ParseLabel(EventKinds, s) }

// Rule is one warning rule.
type Rule struct {
	Key    string    `toml:"key" json:"key"`
	Name   string    `toml:"name" json:"name"`
	NameEN string    `toml:"name_en" json:"name_en"`
	Event  EventKind `toml:"event" json:"event"`
	// MinShare (percent of the total) and MinAmount (yuan) are the
	// out-of-pocket share and amount of a medical bill that raise it.
	MinShare  int64          `toml:"min_share" json:"min_share,omitempty"`
	MinAmount casefile.Money `toml:"min_amount" json:"min_amount,omitempty"`
	// WithinDays is how close the end of a running aid raises it.
	WithinDays int `toml:"within_days" json:"within_days,omitempty"`
	// Department handles the warning within Days working days.
	Department string `toml:"department" json:"department"`
	Days       int    `toml:"days" json:"days"`
}

// Label names the rule in lang.
func (r *Rule) Label(lang casefile.Lang) string {
	if lang == casefile.EN && r.NameEN != "" {
		return r.NameEN
	}
	return r.Name
}

// Rules are the warning rules in force.
type Rules struct {
	Source string
	Rules  []Rule `toml:"rules"`
}

//go:embed default_rules.toml
var defaultRules []byte

// ErrRules is a rules file that cannot be used.
var ErrRules = casefile.NewError("bad_warning_rules", "监测预警规则有误", "the warning rules are invalid")

// DefaultRules are the embedded illustrative rules, checked against cat.
func DefaultRules(cat *casefile.Catalog) (*Rules, error) {
	return ParseRules(defaultRules, "default_rules.toml", cat)
}

// LoadRules reads rules from path ("" the embedded default).
func LoadRules(path string, cat *casefile.Catalog) (*Rules, error) {
	if path == "" {
		return DefaultRules(cat)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, ErrRules.Withf("%v", "%v", err)
	}
	return ParseRules(data, path, cat)
}

// ParseRules reads and checks rules: every problem at once.
func ParseRules(data []byte, name string, cat *casefile.Catalog) (*Rules, error) {
	r := &Rules{Source: name}
	md, err := toml.Decode(string(data), r)
	if err != nil {
		return nil, ErrRules.Withf("%s：%v", "%s: %v", name, err)
	}
	var probs []string
	for _, k := range md.Undecoded() {
		probs = append(probs, fmt.Sprintf("unknown key %s", k))
	}
	seen := map[string]bool{}
	for i, rule := range r.Rules {
		where := fmt.Sprintf("rules[%d] %s", i, rule.Key)
		switch {
		case rule.Key == "" || seen[rule.Key]:
			probs = append(probs, where+": missing or repeated key")
		case !slices.Contains(EventKinds, rule.Event):
			probs = append(probs, fmt.Sprintf("%s: unknown event %q", where, rule.Event))
		case cat.Department(rule.Department) == nil:
			probs = append(probs, fmt.Sprintf("%s: unknown department %q", where, rule.Department))
		case rule.Days <= 0:
			probs = append(probs, where+": days must be above 0")
		case rule.Name == "" || rule.NameEN == "":
			probs = append(probs, where+": name and name_en are required")
		}
		seen[rule.Key] = true
	}
	if len(probs) > 0 {
		return nil, ErrRules.Withf("%s：%s", "%s: %s", name, strings.Join(probs, "; "))
	}
	return r, nil
}

// Event is one household event.
type Event struct {
	Kind     EventKind     `json:"kind"`
	Case     string        `json:"case"` // the case of the household it concerns
	PersonID uint64        `json:"person_id,omitempty"`
	Person   string        `json:"person,omitempty"` // the member's name
	Minor    bool          `json:"minor,omitempty"`  // the member is under 18: masked on lists
	Date     casefile.Date `json:"date"`
	// Figures of a medical bill (total, out-of-pocket, share in percent)
	// or an ending aid (the monthly amount).
	Figures map[string]casefile.Money `json:"figures,omitempty"`
	Project string                    `json:"project,omitempty"` // an ending aid's project
	Note    string                    `json:"note,omitempty"`
	// Source identifies the event: the same event found again raises
	// nothing new.
	Source string `json:"source"`
}

// Action is what was done about a warning.
type Action string

// Actions.
const (
	ActionApplied  Action = "applied"   // a policy applied (an application taken)
	ActionReferred Action = "referred"  // referred to another department
	ActionNone     Action = "no_action" // nothing to do, with the reason
)

// Actions lists the actions.
var Actions = []Action{ActionApplied, ActionReferred, ActionNone}

// Label names the action in lang.
func (a Action) Label(lang casefile.Lang) string { return casefile.LabelFrom(actionLabels, a, lang) }

var actionLabels = map[Action]casefile.Text{
	ActionApplied:  {ZH: "已落实政策", EN: "policy applied"},
	ActionReferred: {ZH: "已转介", EN: "referred"},
	ActionNone:     {ZH: "无需处理", EN: "no action"},
}

// ParseAction reads an action key or label.
func ParseAction(s string) (Action, bool) {
	if s == "none" {
		return ActionNone, true
	}
	return casefile.ParseLabel(Actions, s)
}

// Warning is a raised warning.
type Warning struct {
	Seq        uint64        `json:"seq"`
	Rule       string        `json:"rule"`
	Event      Event         `json:"event"`
	Department string        `json:"department"`
	Raised     casefile.Date `json:"raised"`
	Due        casefile.Date `json:"due"`
	Handled    *Handling     `json:"handled,omitempty"`
}

// Handling is what was done about a warning.
type Handling struct {
	Action Action    `json:"action"`
	Note   string    `json:"note"`
	Who    string    `json:"who"`
	At     time.Time `json:"at"`
}

// Errors of warnings.
var (
	ErrNoWarning = casefile.NewError("no_warning", "没有此预警", "no such warning")
	ErrHandled   = casefile.NewError("warning_handled", "预警已处理", "the warning was handled already")
)

// matches reports whether rule r is raised by event e on day today.
func (r *Rule) matches(e Event) bool {
	if r.Event != e.Kind {
		return false
	}
	if e.Kind == EventMedicalBill {
		return e.Figures["share"] >= casefile.Money(r.MinShare) && e.Figures["out_of_pocket"] >= r.MinAmount
	}
	return true
}

// raise raises every rule that e matches and was not raised for it yet,
// with a history entry on the case; it returns the warnings raised.
func raise(t *casefile.Tx, rules *Rules, e Event, who string) ([]Warning, error) {
	cat := t.Catalog()
	today := casefile.DateOf(t.Now())
	ws, done := t.Records(nsWarnings), t.Records(nsRaised)
	var out []Warning
	for i := range rules.Rules {
		r := &rules.Rules[i]
		if !r.matches(e) || (r.Event == EventAidEnding && e.Date.After(today.AddDays(r.WithinDays))) {
			continue
		}
		key := casefile.NameKey(r.Key + "|" + e.Source)
		if done.Has(key) {
			continue
		}
		seq, err := ws.NextSequence()
		if err != nil {
			return nil, err
		}
		w := Warning{Seq: seq, Rule: r.Key, Event: e, Department: r.Department, Raised: today,
			Due: cat.Calendar.AddWorkdays(today, r.Days)}
		if err := ws.Put(casefile.NumKey(seq), w); err != nil {
			return nil, err
		}
		if err := done.PutUint(key, seq); err != nil {
			return nil, err
		}
		c, err := t.Case(e.Case)
		if err != nil {
			return nil, err
		}
		var dept casefile.Labeler = casefile.Text{ZH: r.Department, EN: r.Department}
		if d := cat.Department(r.Department); d != nil {
			dept = d
		}
		note := casefile.T("监测预警 %d「%s」（%s）：转%s，%s前处理", "warning %d, %s (%s): to %s by %s",
			seq, r, e.Kind, dept, w.Due)
		if err := t.AddHistory(c, casefile.Change{Who: who, Action: ActionWarning, Note: note}); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, nil
}

// Record records an event staff report (a member losing work, a death …)
// on the household of case number and raises the warnings it matches, in
// one transaction. person names the member ("" the applicant).
func Record(st *casefile.Store, rules *Rules, number string, kind EventKind, person string, day casefile.Date, note, who string) ([]Warning, error) {
	if !slices.Contains(EventKinds, kind) {
		return nil, casefile.ErrInvalid.Withf("事件类别 %q 无效", "event kind %q is invalid", kind)
	}
	note = casefile.Clean(note, true)
	var out []Warning
	err := st.Update(func(t *casefile.Tx) error {
		if err := t.Require(who, casefile.PermEvidence); err != nil {
			return err
		}
		c, err := t.Case(number)
		if err != nil {
			return err
		}
		e := Event{Kind: kind, Case: c.Number, Date: day, Note: note}
		m, ok := member(c, person)
		if !ok {
			return casefile.ErrInvalid.Withf("案件 %s 的家庭中没有「%s」", "the household of case %s has no member \"%s\"", c.Number, person)
		}
		e.PersonID, e.Person, e.Minor = m.Person.ID, m.Person.Name, m.Person.AgeOn(day) < 18
		e.Source = fmt.Sprintf("recorded|%s|%d|%s|%s", kind, e.PersonID, day, c.Number)
		out, err = raise(t, rules, e, who)
		return err
	})
	return out, err
}

// member finds the member named name in c's household ("" the applicant).
func member(c *casefile.Case, name string) (casefile.Member, bool) {
	name = strings.TrimSpace(name)
	for _, m := range c.Household.Members {
		if (name == "" && (m.Relation == casefile.RelationSelf || m.Person.ID == c.ApplicantID)) || (name != "" && m.Person.Name == name) {
			return m, true
		}
	}
	if name == "" {
		return casefile.Member{Person: c.Applicant, Relation: casefile.RelationSelf}, true
	}
	return casefile.Member{}, false
}

// Scan finds the events in the records on the store's day — medical bills
// of every case, disability grades, children reaching school age (6),
// students aged 17 to 19, monthly aid ending — and raises the warnings
// they match that were not raised yet, in one transaction.
func Scan(st *casefile.Store, rules *Rules, who string) ([]Warning, error) {
	var out []Warning
	err := st.Update(func(t *casefile.Tx) error {
		if err := t.Require(who, casefile.PermEvidence); err != nil {
			return err
		}
		today := casefile.DateOf(t.Now())
		var events []Event
		var after uint64
		for {
			cs, next, err := t.Cases(casefile.CaseFilter{After: after, Limit: 1000})
			if err != nil {
				return err
			}
			for _, c := range cs {
				events = append(events, Events(t.Catalog(), c, today)...)
			}
			if next == 0 {
				break
			}
			after = next
		}
		for _, e := range events {
			ws, err := raise(t, rules, e, who)
			if err != nil {
				return err
			}
			out = append(out, ws...)
		}
		return nil
	})
	return out, err
}

// Events are the events case c shows on day today.
func Events(cat *casefile.Catalog, c *casefile.Case, today casefile.Date) []Event {
	var out []Event
	for i, ev := range c.Evidence {
		if ev.Kind != casefile.EvMedicalBill || ev.MedicalTotal <= 0 {
			continue
		}
		oop := ev.MedicalTotal - ev.InsurancePaid
		share := oop * 100 / ev.MedicalTotal
		out = append(out, Event{Kind: EventMedicalBill, Case: c.Number, PersonID: c.ApplicantID, Person: c.Applicant.Name,
			Minor: c.Applicant.AgeOn(today) < 18, Date: ev.Date,
			Figures: map[string]casefile.Money{"total": ev.MedicalTotal, "out_of_pocket": oop, "share": share},
			Source:  fmt.Sprintf("bill|%s|%d", c.Number, i)})
	}
	for _, m := range c.Household.Members {
		p := m.Person
		age := p.AgeOn(today)
		base := Event{Case: c.Number, PersonID: p.ID, Person: p.Name, Minor: age < 18, Date: today}
		if p.DisabilityGrade > 0 {
			e := base
			e.Kind, e.Source = EventDisability, fmt.Sprintf("disability|%d|%d", p.ID, p.DisabilityGrade)
			e.Figures = map[string]casefile.Money{"grade": casefile.Money(p.DisabilityGrade)}
			out = append(out, e)
		}
		if age == 6 && !p.Birth.IsZero() {
			e := base
			e.Kind, e.Source = EventSchool, fmt.Sprintf("school|%d", p.ID)
			out = append(out, e)
		}
		if p.HasFlag(casefile.FlagStudent) && age >= 17 && age <= 19 {
			e := base
			e.Kind, e.Source = EventUniversity, fmt.Sprintf("university|%d|%d", p.ID, today.Year)
			out = append(out, e)
		}
	}
	if c.Status.Holding() {
		for _, a := range c.Apps {
			p := cat.Project(a.Project)
			if a.Outcome != casefile.OutcomeGranted || p == nil || p.Kind != casefile.KindMonthly || a.StartMonth == "" || a.Months <= 0 {
				continue
			}
			start, err := time.Parse("2006-01", a.StartMonth)
			if err != nil {
				continue
			}
			end := casefile.DateOf(start.AddDate(0, a.Months, -1)) // the last day of the last month
			if end.Before(today) {
				continue
			}
			out = append(out, Event{Kind: EventAidEnding, Case: c.Number, PersonID: c.ApplicantID, Person: c.Applicant.Name,
				Date: end, Project: a.Project, Figures: map[string]casefile.Money{"monthly": a.Granted},
				Source: fmt.Sprintf("ending|%s|%s|%s", c.Number, a.Project, end)})
		}
	}
	return out
}

// List lists the warnings, oldest first: the open ones (all of them when
// all is set), of department dept ("" every department).
func List(t *casefile.Tx, dept string, all bool) ([]Warning, error) {
	var out []Warning
	for rec := range t.Records(nsWarnings).Scan(casefile.Key{}) {
		var w Warning
		if err := rec.Decode(&w); err != nil {
			return nil, err
		}
		if (all || w.Handled == nil) && (dept == "" || w.Department == dept) {
			out = append(out, w)
		}
	}
	return out, nil
}

// Handle records what was done about warning seq, with a history entry on
// its case; a note is required.
func Handle(st *casefile.Store, seq uint64, action Action, note, who string) (*Warning, error) {
	note = casefile.Clean(note, true)
	if !slices.Contains(Actions, action) {
		return nil, casefile.ErrInvalid.Withf("处理方式 %q 无效", "action %q is invalid", action)
	}
	if note == "" {
		return nil, casefile.ErrReasonRequired
	}
	var out *Warning
	err := st.Update(func(t *casefile.Tx) error {
		if err := t.Require(who, casefile.PermEvidence); err != nil {
			return err
		}
		ws := t.Records(nsWarnings)
		var w Warning
		ok, err := ws.Get(casefile.NumKey(seq), &w)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNoWarning.Withf("%d", "%d", seq)
		}
		if w.Handled != nil {
			return ErrHandled.Withf("%d", "%d", seq)
		}
		w.Handled = &Handling{Action: action, Note: note, Who: who, At: t.Now()}
		if err := ws.Put(casefile.NumKey(seq), w); err != nil {
			return err
		}
		c, err := t.Case(w.Event.Case)
		if err != nil {
			return err
		}
		out = &w
		return t.AddHistory(c, casefile.Change{Who: who, Action: ActionWarning, Why: note,
			Note: casefile.T("监测预警 %d 已处理：%s", "warning %d handled: %s", seq, action)})
	})
	return out, err
}

// MaskName shows a minor's name as its first character and asterisks
// (王**): children's data is the most sensitive the hall keeps.
func MaskName(name string, minor bool) string {
	if !minor {
		return name
	}
	return casefile.MaskName(name)
}
