package casefile

// The running aids at a glance: the payment roll and the review worklist
// read a small projection of every case that holds a grant (aidNS: case
// seq → aidEntry) instead of decoding every decided case in full (a
// county's 14,000 recipients: seconds against tens of milliseconds; see
// BenchmarkRoll). Every write of this file set keeps it in step through
// putCaseLife; the meeting's session close (SessionClosedInTx) syncs
// every case it decided. SyncAid is for a writer that stores a decided
// case by other means (an import of a county's existing recipients).

const aidNS = "life_aid"

// aidEntry is what the roll and the worklist need of a holding case.
type aidEntry struct {
	Seq      uint64        `json:"seq"`
	Number   string        `json:"number"`
	Name     string        `json:"name"`
	MaskedID string        `json:"masked_id"`
	Township string        `json:"township,omitempty"`
	Status   Status        `json:"status"`
	Apps     []Application `json:"apps"` // the granted ones, without their dedup marks
	Life     *Life         `json:"life,omitempty"`
	Count    int           `json:"count"` // household members
	// Payee is whom the money goes to while the applicant is a child
	// (the guardian), AdultOn the day from which it is the applicant.
	ChildPayee string `json:"child_payee,omitempty"`
	AdultOn    Date   `json:"adult_on,omitzero"`
	// Every is the review period in months, as of the last write.
	Every int `json:"every"`
}

// entryOf projects c; ok is false when c holds nothing (the entry is to
// be removed).
func (cat *Catalog) entryOf(c *Case, day Date) (aidEntry, bool) {
	if !c.Status.Holding() || c.ReviewOf() != "" {
		return aidEntry{}, false
	}
	e := aidEntry{Seq: c.Seq, Number: c.Number, Name: c.Applicant.Name, MaskedID: c.Applicant.MaskedDoc(),
		Township: c.Applicant.Township, Status: c.Status, Count: c.Household.Count(), Every: cat.ReviewMonthsFor(c, day)}
	for _, a := range c.Apps {
		if a.Outcome == OutcomeGranted {
			a.Dedup, a.Reason, a.ReasonText = nil, "", Text{}
			e.Apps = append(e.Apps, a)
		}
	}
	if len(e.Apps) == 0 {
		return aidEntry{}, false
	}
	if c.Life != nil {
		l := *c.Life
		l.Notices, l.Objections, l.Deliveries, l.Urgent = nil, nil, nil, nil
		e.Life = &l
	}
	if b := c.Applicant.Birth; !b.IsZero() {
		e.AdultOn = Date{Year: b.Year + 18, Month: b.Month, Day: b.Day}
		e.ChildPayee = Payee(c, b) // on the day of birth: the guardian
	}
	return e, true
}

// asCase is the entry as a case, enough for AmountIn, Running, Paid and
// NextReview.
func (e *aidEntry) asCase() *Case {
	return &Case{Seq: e.Seq, Number: e.Number, Applicant: Person{Name: e.Name, Township: e.Township}, Status: e.Status,
		Apps: e.Apps, Life: e.Life}
}

// payee is whom the entry's money goes to on day.
func (e *aidEntry) payee(day Date) string {
	if e.Life != nil && e.Life.Account != nil && e.Life.Account.Holder != "" {
		return e.Life.Account.Holder
	}
	if !e.AdultOn.IsZero() && day.Before(e.AdultOn) && e.ChildPayee != "" {
		return e.ChildPayee
	}
	return e.Name
}

// SyncAid brings the running-aid projection of c up to date: c as
// stored (or about to be, in the same transaction).
func (t *Tx) SyncAid(c *Case) error {
	r := t.Records(aidNS)
	e, ok := t.s.cat.entryOf(c, DateOf(t.now))
	if !ok {
		return r.Delete(NumKey(c.Seq))
	}
	return r.Put(NumKey(c.Seq), e)
}

// putCaseLife stores c (PutCase) and syncs its projection.
func (t *Tx) putCaseLife(old, c *Case, ch Change) error {
	if err := t.PutCase(old, c, ch); err != nil {
		return err
	}
	return t.SyncAid(c)
}

// aidEntries calls fn with every entry of the projection, in case
// order.
func (t *Tx) aidEntries(fn func(e *aidEntry) error) error {
	for rec := range t.Records(aidNS).Scan(Key{}) {
		var e aidEntry
		if err := rec.Decode(&e); err != nil {
			return err
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}

// The check compares the projection with the cases as it walks them
// (aidWalk, check.go).

func lifeChanges(l *Life) int {
	if l == nil {
		return 0
	}
	return len(l.Changes) + len(l.Payments)
}
