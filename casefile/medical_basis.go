package casefile

// MedicalBasis is how the amount of a medical-share project was reached,
// as a decision letter states it: the bills' totals, the tier that
// applies (who, what percentage, what annual cap) and the result.
type MedicalBasis struct {
	Total      Money // medical costs on the bills
	Insurance  Money // paid by basic and catastrophic-illness insurance
	Compliant  Money // compliant personal share (政策范围内个人自付)
	Deductible Money // deducted before the percentage (0: none)
	DeductName string
	Tier       MedicalTier
	Cap        Money  // annual cap
	CapName    string // the cap's standard, named
	Computed   Money  // min(Cap, Percent% of (Compliant − Deductible))
	// Held is the project whose holding put the household in the tier
	// ("" when the tier applies to anyone or was found by the amount).
	Held string
}

// MedicalBasisOf restates the amount of the medical-share application
// app of case c from the bills recorded as evidence and the project's
// medical_tiers, for a household holding the projects in holding. When
// holding is nil (not known to the caller) the tier is the one whose
// result equals the amount granted, else the last (catch-all) tier. ok
// is false for a project without tiers.
func (cat *Catalog) MedicalBasisOf(c *Case, app *Application, holding []string) (b MedicalBasis, ok bool) {
	p := cat.Project(app.Project)
	if p == nil || len(p.MedicalTiers) == 0 {
		return b, false
	}
	for _, e := range c.Evidence {
		if e.Kind == EvMedicalBill {
			b.Total += e.MedicalTotal
			b.Insurance += e.InsurancePaid
			b.Compliant += e.Compliant
		}
	}
	with := func(t MedicalTier) MedicalBasis {
		r := b
		r.Tier = t
		r.Cap = cat.Standard(t.Cap)
		r.CapName = cat.standardName(t.Cap)
		base := r.Compliant
		if t.Deductible != "" {
			r.Deductible = cat.Standard(t.Deductible)
			r.DeductName = cat.standardName(t.Deductible)
			base = max(0, base-r.Deductible)
		}
		r.Computed = Share(base, t.Percent)
		if t.Cap != "" && r.Computed > r.Cap {
			r.Computed = r.Cap
		}
		return r
	}
	applies := func(t MedicalTier) (held string, ok bool) {
		if len(t.HoldsAny) == 0 {
			return "", true
		}
		for _, want := range t.HoldsAny {
			for _, h := range holding {
				if h == want {
					return h, true
				}
			}
		}
		return "", false
	}
	if holding == nil {
		for _, t := range p.MedicalTiers {
			if r := with(t); r.Computed == app.Granted {
				return r, true
			}
		}
		return with(p.MedicalTiers[len(p.MedicalTiers)-1]), true
	}
	for _, t := range p.MedicalTiers {
		if held, ok := applies(t); ok {
			r := with(t)
			r.Held = held
			return r, true
		}
	}
	return with(p.MedicalTiers[len(p.MedicalTiers)-1]), true
}

// standardName is the name of a local standard without its
// parenthesised unit: 城市低保边缘家庭收入标准.
func (cat *Catalog) standardName(key string) string {
	for _, s := range cat.Standards {
		if s.Key == key {
			return StandardShortName(s.Name)
		}
	}
	return key
}

// StandardShortName cuts a standard's name at its first parenthesis:
// "城市最低生活保障标准（元/人·月）" gives "城市最低生活保障标准".
func StandardShortName(name string) string {
	for i, r := range name {
		if r == '（' || r == '(' {
			return name[:i]
		}
	}
	return name
}

// IssuerOf is the department in whose name the letters of project p are
// issued: its issuer when set, else the department that runs it (nil
// when the catalogue lacks it).
func (cat *Catalog) IssuerOf(p *Project) *Department {
	if p.Issuer != "" {
		return cat.Department(p.Issuer)
	}
	return cat.Department(p.Department)
}
