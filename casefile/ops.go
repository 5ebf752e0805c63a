package casefile

import (
	"slices"
	"strings"
)

// ChangeCase loads case number, lets fn change it and stores it with one
// history entry, all in one transaction. version is the case's version
// the caller saw (0: do not check); a newer stored version is refused with
// ErrStaleCase naming who changed it last.
func (s *Store) ChangeCase(number string, version uint64, ch Change, fn func(t *Tx, c *Case) error) (*Case, error) {
	var out *Case
	err := s.Update(func(t *Tx) error {
		old, err := t.Case(number)
		if err != nil {
			return err
		}
		if version != 0 && old.Version != version {
			who := ""
			if h, _ := t.History(old.Seq); len(h) > 0 {
				who = h[len(h)-1].Who
			}
			return ErrStaleCase.Withf("%s 已由 %s 修改", "%s was changed by %s", number, who)
		}
		c := *old
		c.Apps = append([]Application(nil), old.Apps...)
		c.Evidence = append([]Evidence(nil), old.Evidence...)
		c.Documents = append([]string(nil), old.Documents...)
		if err := fn(t, &c); err != nil {
			return err
		}
		if err := t.PutCase(old, &c, ch); err != nil {
			return err
		}
		out = &c
		return nil
	})
	return out, err
}

// AddEvidence adds a verification item to an open case; a received case
// moves to verifying. Amounts proposed by the rules are recomputed with
// the new figures.
func (s *Store) AddEvidence(number string, version uint64, ev Evidence, who string) (*Case, error) {
	ev.Note = Clean(ev.Note, true)
	ev.Verifier = Clean(ev.Verifier, false)
	if err := s.cat.ValidateEvidence(&ev); err != nil {
		return nil, err
	}
	ch := Change{Who: who, Action: string(ActionEvidence), Note: s.cat.EvidenceNote(ev)}
	return s.ChangeCase(number, version, ch, func(t *Tx, c *Case) error {
		if err := t.Require(who, PermEvidence); err != nil {
			return err
		}
		if !c.Status.Open() {
			return ErrBadTransition.Withf("%s 为「%s」，不能补充核查材料", "%s is %s; evidence can no longer be added", c.Number, c.Status)
		}
		c.Evidence = append(c.Evidence, ev)
		if c.Status == StatusReceived || c.Status == StatusDeferred {
			c.Status = StatusVerifying
		}
		return t.repropose(c)
	})
}

// repropose recomputes the rule amounts of undecided applications.
func (t *Tx) repropose(c *Case) error {
	holding := t.HouseholdHolding(&c.Household)
	for i := range c.Apps {
		if c.Apps[i].Outcome != OutcomePending {
			continue
		}
		m, err := t.s.cat.ProposeAmount(c, &c.Apps[i], holding)
		if err != nil {
			return err
		}
		c.Apps[i].Proposed = m
	}
	return nil
}

// ValidateEvidence checks an evidence item: a known kind and department, a
// date that is not in the future, amounts within bounds and, for a
// medical bill, figures that add up.
func (cat *Catalog) ValidateEvidence(ev *Evidence) error {
	var probs []FieldError
	add := func(f string, t Text) { probs = append(probs, FieldError{Field: f, Text: t}) }
	if _, ok := ParseEvidenceKind(string(ev.Kind)); !ok {
		add("kind", T("核查类别 %q 无效", "evidence kind %q is invalid", ev.Kind))
	}
	if d := cat.Department(ev.Department); d == nil {
		add("department", T("来源部门 %q 不在目录中", "source department %q is not in the catalogue", ev.Department))
	} else {
		ev.Department = d.Key
	}
	if ev.Verifier == "" {
		add("verifier", T("请填写核查人", "the verifier is required"))
	}
	if ev.Date.IsZero() {
		add("date", T("请填写核查日期", "the date is required"))
	}
	for name, m := range map[string]Money{"monthly_income": ev.MonthlyIncome, "deposits": ev.Deposits,
		"medical_total": ev.MedicalTotal, "insurance_paid": ev.InsurancePaid, "compliant_oop": ev.Compliant} {
		if m < 0 || m > MaxMoney {
			add(name, T("金额 %s 元不合理", "amount %s yuan is absurd", m))
		}
	}
	if ev.Homes < 0 || ev.Homes > 100 || ev.Vehicles < 0 || ev.Vehicles > 100 {
		add("count", T("房产或车辆数量不合理", "number of homes or vehicles is absurd"))
	}
	if ev.Kind == EvMedicalBill {
		if ev.InsurancePaid > ev.MedicalTotal {
			add("insurance_paid", T("医保支付 %s 元超过总费用 %s 元", "insurance paid %s yuan exceeds the total %s yuan", ev.InsurancePaid, ev.MedicalTotal))
		}
		if ev.Compliant > ev.MedicalTotal-ev.InsurancePaid {
			add("compliant_oop", T("合规自付 %s 元超过自付总额 %s 元", "compliant out-of-pocket %s yuan exceeds the out-of-pocket total %s yuan", ev.Compliant, ev.MedicalTotal-ev.InsurancePaid))
		}
	}
	if len(probs) > 0 {
		return &ValidationError{Problems: probs}
	}
	return nil
}

// Move changes a case's status along the life cycle with a reason. Moving
// to ready is refused while required evidence is missing; withdrawing
// needs a reason. Decisions are recorded by the meeting, not here.
func (s *Store) Move(number string, version uint64, to Status, who, why string) (*Case, error) {
	why = Clean(why, true)
	if to == StatusApproved || to == StatusRejected || to == StatusDeferred {
		return nil, ErrBadTransition.Withf("决定只能在研判会上作出", "decisions are made in the adjudication meeting")
	}
	if (to == StatusWithdrawn) && why == "" {
		return nil, ErrReasonRequired
	}
	ch := Change{Who: who, Action: string(ActionStatus), Why: why}
	if why == "" {
		ch.Note = T("转为「%s」", "moved to %s", to)
	}
	return s.ChangeCase(number, version, ch, func(t *Tx, c *Case) error {
		if err := t.Require(who, PermMove); err != nil {
			return err
		}
		return t.moveCase(c, to)
	})
}

// moveCase checks and applies a life-cycle move on c.
func (t *Tx) moveCase(c *Case, to Status) error {
	if to == StatusReady && CanMove(c.Status, to) {
		var missing List
		for _, k := range t.s.cat.MissingEvidence(c) {
			missing = append(missing, k)
		}
		// a document a deferral asked for must have been received
		for _, m := range c.Missing {
			if d, ok := t.s.cat.Document(m); ok && !c.HasDocument(d) {
				missing = append(missing, t.s.cat.DocumentLabel(d))
			}
		}
		if len(missing) > 0 {
			return ErrMissingEvidence.Withf("缺少%s", "missing %s", missing)
		}
		c.Missing = nil // what a deferral asked for has been verified
	}
	return t.MoveInTx(c, to)
}

// MoveInTx checks a life-cycle move and applies it to c without storing
// it; packages recording a decision in their own transaction use it.
func (t *Tx) MoveInTx(c *Case, to Status) error {
	if !CanMove(c.Status, to) {
		return ErrBadTransition.Withf("不能从「%s」转为「%s」", "cannot move from %s to %s", c.Status, to)
	}
	c.Status = to
	return nil
}

// Documents lists every document the catalogue's projects ask for, once
// each, in catalogue order, by its Chinese name.
func (c *Catalog) Documents() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range c.Projects {
		for _, d := range p.Documents {
			if !seen[d] {
				out = append(out, d)
				seen[d] = true
			}
		}
	}
	return out
}

// Document returns the catalogue's (Chinese) name of the document named
// name in Chinese or English, and whether the catalogue knows it.
func (c *Catalog) Document(name string) (string, bool) {
	name = Clean(name, false)
	for _, d := range c.Documents() {
		if d == name || (c.docNames[d] != "" && strings.EqualFold(c.docNames[d], name)) {
			return d, true
		}
	}
	return "", false
}

// ReceiveDocuments records documents received after intake on an open
// case (names in Chinese or English, as the catalogue gives them); a
// document already received is not added twice. A received or deferred
// case moves to verifying, as with new evidence: what a deferral found
// missing can be supplied and the case sent to the meeting again.
func (s *Store) ReceiveDocuments(number string, version uint64, names []string, who string) (*Case, error) {
	var docs []string
	var probs []FieldError
	for _, n := range names {
		d, ok := s.cat.Document(n)
		if !ok {
			probs = append(probs, FieldError{Field: "document", Text: T("材料「%s」不在目录中", "document \"%s\" is not in the catalogue", n)})
			continue
		}
		if !slices.Contains(docs, d) {
			docs = append(docs, d)
		}
	}
	if len(probs) > 0 {
		return nil, &ValidationError{Problems: probs}
	}
	if len(docs) == 0 {
		return nil, &ValidationError{Problems: []FieldError{{Field: "document", Text: T("请至少写一份材料", "name at least one document")}}}
	}
	var labels List
	for _, d := range docs {
		labels = append(labels, s.cat.DocumentLabel(d))
	}
	ch := Change{Who: who, Action: string(ActionDocuments), Note: T("收到 %s", "received %s", labels)}
	return s.ChangeCase(number, version, ch, func(t *Tx, c *Case) error {
		if err := t.Require(who, PermEvidence); err != nil {
			return err
		}
		if !c.Status.Open() {
			return ErrBadTransition.Withf("%s 为「%s」，不能补充材料", "%s is %s; documents can no longer be added", c.Number, c.Status)
		}
		for _, d := range docs {
			if !c.HasDocument(d) {
				c.Documents = append(c.Documents, d)
			}
		}
		if c.Status == StatusReceived || c.Status == StatusDeferred {
			c.Status = StatusVerifying
		}
		return nil
	})
}
