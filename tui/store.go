package tui

import (
	"errors"

	"hall/casefile"
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
}

// KnownPerson is what the hall already knows about an applicant.
type KnownPerson struct {
	Person    casefile.Person
	Household casefile.Household // from the newest case the person is in
	Aid       []casefile.Aid     // every project the household holds or applied for
	Open      []*casefile.Case   // the person's open cases (undecided)
	Cases     int                // cases the person is in
}

// Check is the result of the live duplicate check.
type Check struct {
	Conflicts []casefile.Conflict
	Holding   []string
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

// caseFile adapts *casefile.Store to Store: each method is one read or
// write transaction of the case file; values returned are fresh copies.
type caseFile struct {
	st *casefile.Store
}

// NewStore returns the front desk's view of a case file.
func NewStore(st *casefile.Store) Store { return &caseFile{st: st} }

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
	var out *KnownPerson
	err := s.st.View(func(t *casefile.Tx) error {
		p, err := t.PersonByKey("R:" + idNumber)
		if err != nil {
			if casefileIsNotFound(err) {
				return nil
			}
			return err
		}
		kp := &KnownPerson{Person: *p}
		seqs, _ := t.PersonCaseSeqs(p.ID)
		kp.Cases = len(seqs)
		for i, seq := range seqs {
			if i >= maxOpenCases {
				break
			}
			c, err := t.CaseBySeq(seq)
			if err != nil {
				return err
			}
			if i == 0 {
				kp.Household = c.Household
			}
			if c.Status.Open() {
				kp.Open = append(kp.Open, c)
			}
		}
		if len(kp.Household.Members) == 0 {
			kp.Household.Members = []casefile.Member{{Person: *p, Relation: casefile.RelationSelf}}
		}
		aid, err := t.HouseholdAid(&kp.Household)
		if err != nil {
			return err
		}
		kp.Aid = aid
		out = kp
		return nil
	})
	return out, err
}

func (s *caseFile) Check(applicant casefile.Person, hh casefile.Household, codes []string, day casefile.Date) (out Check, err error) {
	err = s.st.View(func(t *casefile.Tx) error {
		out.Conflicts = t.LiveCheck(&applicant, codes, day)
		out.Holding = t.HouseholdHolding(&hh)
		return nil
	})
	return out, err
}

func (s *caseFile) Intake(d *casefile.Draft, who string) (*casefile.Case, error) {
	return s.st.Intake(d, who)
}

func (s *caseFile) SaveDraft(owner string, data []byte) error { return s.st.SaveDraft(owner, data) }

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
	return s.st.AddEvidence(number, version, ev, who)
}

func (s *caseFile) Move(number string, version uint64, to casefile.Status, who, why string) (*casefile.Case, error) {
	return s.st.Move(number, version, to, who, why)
}

func casefileIsNotFound(err error) bool {
	return errors.Is(err, casefile.ErrPersonNotFound)
}
