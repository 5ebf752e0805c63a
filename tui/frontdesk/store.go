package frontdesk

import (
	"errors"

	"github.com/rongjiuzhu/hall/casefile"
)

// Store is everything the front desk asks of the case file. Each page
// holds only the narrow part it needs. NewStore satisfies it over a
// *casefile.Store; tests may use the same adapter over a temp database.
type Store interface {
	HomeStore
	IntakeStore
	QueueStore
	DossierStore
	Catalog() *casefile.Catalog
}

// HomeStore gives the home screen its counters.
type HomeStore interface {
	Counts() (casefile.Counts, error)
}

// IntakeStore serves the intake window.
type IntakeStore interface {
	// Lookup finds a person by resident ID number with their latest
	// household, the aid that household holds or applied for and their
	// open cases. A person the hall does not know gives (nil, nil).
	Lookup(idNumber string) (*KnownPerson, error)
	// Check runs the live "same policy only once" check for an
	// application being typed and lists the projects the household holds.
	Check(applicant casefile.Person, hh casefile.Household, codes []string, day casefile.Date) (Check, error)
	// Intake stores a draft as a new case (one transaction).
	Intake(d *casefile.Draft, who string) (*casefile.Case, error)
	// SaveDraft stores the owner's form in progress (nil deletes it).
	SaveDraft(owner string, data []byte) error
	// Draft returns the owner's saved form, or nil.
	Draft(owner string) ([]byte, error)
}

// QueueStore pages through the cases.
type QueueStore interface {
	// Cases lists one page of cases matching f, newest first, and the
	// cursor of the next page (0: none).
	Cases(f casefile.CaseFilter) ([]*casefile.Case, uint64, error)
}

// DossierStore reads and changes one case.
type DossierStore interface {
	Dossier(number string) (*Dossier, error)
	AddEvidence(number string, version uint64, ev casefile.Evidence, who string) (*casefile.Case, error)
	Move(number string, version uint64, to casefile.Status, who, why string) (*casefile.Case, error)
	// Reveal records in the case's history that who sees its full ID
	// numbers and phones; roles without casefile.PermReveal are refused.
	Reveal(number, who string) error
}

// KnownPerson is what the hall already knows about an applicant.
type KnownPerson struct {
	Person    casefile.Person
	Household casefile.Household // from the newest case the person is in
	Aid       []casefile.Aid     // every project the household holds or applied for
	Open      []*casefile.Case   // the person's open cases (undecided)
	Cases     int                // cases the person is in
	Recorded  casefile.Date      // the day of the record Person comes from (zero when none)
}

// Check is the result of the live duplicate check.
type Check struct {
	Conflicts []casefile.Conflict
	Holding   []string
	Repeats   []casefile.Repeat // projects the applicant already has open or holds
}

// Dossier is one case with what the dossier shows beside it.
type Dossier struct {
	Case     *casefile.Case
	Findings []casefile.Finding
	History  []casefile.HistoryEntry
	Aid      []casefile.Aid
}

// maxOpenCases bounds how many of a person's cases Lookup decodes.
const maxOpenCases = 50

// Change is one successful write to the case file, as the store adapter
// reports it (hall serve tells the other terminals).
type Change struct {
	Who    string // the user who wrote
	What   string // ChangeIntake, ChangeEvidence …; "" when not known
	Number string // the case written; "" when not one case or not known
}

// What a Change is.
const (
	ChangeIntake   = "intake"
	ChangeEvidence = "evidence"
	ChangeMove     = "move"
	ChangeReveal   = "reveal"
	ChangeDraft    = "draft" // an autosaved form: nothing another terminal shows
)

// ChangedMsg tells the front desk that the case file was changed
// elsewhere (another terminal of hall serve): the page in view reloads
// what it shows. Pages that are not in view reload when they are entered.
type ChangedMsg struct {
	Changes []Change
}

// touches reports whether case number may have changed: ok when it may
// have, edited when the case itself may have (not only its history, as
// by a reveal), with who edited it last when known.
func (m ChangedMsg) touches(number string) (who string, edited, ok bool) {
	for _, c := range m.Changes {
		if c.Number != number && c.Number != "" {
			continue
		}
		ok = true
		if c.What != ChangeReveal {
			who, edited = c.Who, true
		}
	}
	return who, edited, ok
}

// caseFile adapts *casefile.Store to Store: each method is one read or
// write transaction of the case file; values returned are fresh copies.
// notify, when set, hears of every successful write.
type caseFile struct {
	st     *casefile.Store
	notify func(Change)
}

// NewStore returns the front desk's view of a case file.
func NewStore(st *casefile.Store) Store { return &caseFile{st: st} }

// NewNotifyingStore is NewStore that calls notify after every successful
// write with what changed; hall serve passes its change bus. notify runs
// in the command that wrote, never in Update.
func NewNotifyingStore(st *casefile.Store, notify func(Change)) Store {
	return &caseFile{st: st, notify: notify}
}

// wrote reports a successful write to notify.
func (s *caseFile) wrote(who, what, number string) {
	if s.notify != nil {
		s.notify(Change{Who: who, What: what, Number: number})
	}
}

var _ Store = (*caseFile)(nil)

func (s *caseFile) Catalog() *casefile.Catalog { return s.st.Catalog() }

func (s *caseFile) Counts() (out casefile.Counts, err error) {
	err = s.st.View(func(t *casefile.Tx) error {
		out = t.Counts()
		return nil
	})
	return out, err
}

func (s *caseFile) Lookup(idNumber string) (*KnownPerson, error) {
	kp, err := s.st.KnownPerson(idNumber)
	if err != nil {
		if casefileIsNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	return &KnownPerson{Person: kp.Person, Household: kp.Household, Aid: kp.Aid, Open: kp.Open, Cases: kp.Cases, Recorded: kp.Recorded}, nil
}

func (s *caseFile) Check(applicant casefile.Person, hh casefile.Household, codes []string, day casefile.Date) (out Check, err error) {
	err = s.st.View(func(t *casefile.Tx) error {
		out.Conflicts = t.LiveCheck(&applicant, codes, day)
		out.Holding = t.HouseholdHolding(&hh)
		if p, err := t.PersonByKey(applicant.Key()); err == nil {
			out.Repeats, _ = t.Repeats(p.ID, codes)
		}
		return nil
	})
	return out, err
}

func (s *caseFile) Intake(d *casefile.Draft, who string) (*casefile.Case, error) {
	c, err := s.st.Intake(d, who)
	if err == nil {
		s.wrote(who, ChangeIntake, c.Number)
	}
	return c, err
}

func (s *caseFile) SaveDraft(owner string, data []byte) error {
	err := s.st.SaveDraft(owner, data)
	if err == nil {
		s.wrote(owner, ChangeDraft, "")
	}
	return err
}

func (s *caseFile) Draft(owner string) ([]byte, error) { return s.st.Draft(owner) }

func (s *caseFile) Cases(f casefile.CaseFilter) (out []*casefile.Case, next uint64, err error) {
	err = s.st.View(func(t *casefile.Tx) error {
		out, next, err = t.Cases(f)
		return err
	})
	return out, next, err
}

func (s *caseFile) Dossier(number string) (*Dossier, error) {
	var out *Dossier
	err := s.st.View(func(t *casefile.Tx) error {
		c, err := t.Case(number)
		if err != nil {
			return err
		}
		d := &Dossier{Case: c, Findings: t.Assess(c)}
		if d.History, err = t.History(c.Seq); err != nil {
			return err
		}
		if d.Aid, err = t.HouseholdAid(&c.Household); err != nil {
			return err
		}
		out = d
		return nil
	})
	return out, err
}

func (s *caseFile) AddEvidence(number string, version uint64, ev casefile.Evidence, who string) (*casefile.Case, error) {
	c, err := s.st.AddEvidence(number, version, ev, who)
	if err == nil {
		s.wrote(who, ChangeEvidence, number)
	}
	return c, err
}

func (s *caseFile) Move(number string, version uint64, to casefile.Status, who, why string) (*casefile.Case, error) {
	c, err := s.st.Move(number, version, to, who, why)
	if err == nil {
		s.wrote(who, ChangeMove, number)
	}
	return c, err
}

func (s *caseFile) Reveal(number, who string) error {
	err := s.st.Update(func(t *casefile.Tx) error {
		c, err := t.Case(number)
		if err != nil {
			return err
		}
		return t.RecordReveal(c, who, "dossier")
	})
	if err == nil {
		s.wrote(who, ChangeReveal, number)
	}
	return err
}

func casefileIsNotFound(err error) bool {
	return errors.Is(err, casefile.ErrPersonNotFound)
}
