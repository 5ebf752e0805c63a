package frontdesk

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// The rows of the intake form, laid out from the page's state.

// rebuild lays out the form rows from the state.
func (p *intakePage) rebuild() {
	c := p.c
	s := &p.state
	var fs []components.Field
	str := func(ptr *string) (func() string, func(string)) {
		return func() string { return *ptr }, func(v string) { *ptr = v }
	}
	text := func(id, label string, sec, indent, width, limit int, ptr *string) components.Field {
		g, set := str(ptr)
		return components.Field{ID: id, Kind: components.FieldText, Label: label, Section: sec, Indent: indent, Width: width, Limit: limit, Get: g, Set: set}
	}
	section := func(sec int) {
		fs = append(fs, components.Field{Kind: components.FieldSection, Label: c.T(intakeSections[sec]), Section: sec})
	}
	info := func(sec int, lv common.Level, t string) {
		fs = append(fs, components.Field{Kind: components.FieldInfo, Label: t, Section: sec, Level: lv, Indent: 2})
	}

	// applicant
	section(secApplicant)
	idf := text("id", c.T(lblIntakeId), secApplicant, 0, 20, 22, &s.ID)
	idf.Hint = func() (string, common.Level) { return idHint(c, s.ID) }
	fs = append(fs, idf)
	for _, l := range p.knownLines() {
		info(secApplicant, l.lv, l.text)
	}
	// the rows a known person's record fills: marked until touched
	onFile := func(f components.Field) components.Field {
		id, set := f.ID, f.Set
		f.Set = func(v string) { delete(p.fromFile, id); delete(p.review, id); set(v) }
		if f.Hint == nil {
			f.Hint = func() (string, common.Level) { return p.fileMark(id) }
		}
		return f
	}
	fs = append(fs,
		onFile(text("name", c.T(lblIntakeName), secApplicant, 0, 16, casefile.MaxNameRunes, &s.Name)),
		onFile(text("phone", c.T(lblIntakePhone), secApplicant, 0, 16, 20, &s.Phone)),
		onFile(text("township", c.T(lblIntakeTownship), secApplicant, 0, 20, 30, &s.Township)),
		onFile(text("village", c.T(lblIntakeVillage), secApplicant, 0, 20, 30, &s.Village)),
		onFile(text("address", c.T(lblIntakeAddress), secApplicant, 0, 36, 80, &s.Address)),
	)
	g, set := str(&s.Disability)
	fs = append(fs, onFile(components.Field{ID: "disability", Kind: components.FieldChoice, Label: c.T(lblIntakeDisability), Section: secApplicant,
		Get: g, Set: set, Options: disabilityOptions(c)}))
	// the flags on two rows that fit beside the findings panel
	rowA, rowB := p.flagRows("flags", c.T(lblIntakeFlags), secApplicant, 0, &s.Flags, applicantFlags)
	fs = append(fs, onFile(rowA))
	setB := rowB.Set
	rowB.Set = func(v string) { delete(p.fromFile, "flags"); delete(p.review, "flags"); setB(v) }
	fs = append(fs, rowB)

	// household and incomes
	section(secHousehold)
	g, set = str(&s.Area)
	fs = append(fs, onFile(components.Field{ID: "area", Kind: components.FieldChoice, Label: c.T(lblIntakeArea), Section: secHousehold,
		Get: g, Set: set, Options: []components.Option{{Value: string(casefile.Urban), Label: casefile.Urban.Label(c.Lang)}, {Value: string(casefile.Rural), Label: casefile.Rural.Label(c.Lang)}}}))
	name := strings.TrimSpace(s.Name)
	if name == "" {
		name = c.T(lblIntakeApplicant)
	}
	info(secHousehold, common.LevelPlain, c.Tf(lblIntakeMemberSelf, name))
	fs = append(fs, p.incomeRows(-1, &s.Incomes)...)
	for mi := range s.Members {
		m := &s.Members[mi]
		mid := memberID(mi)
		who := strings.TrimSpace(m.Name)
		if who == "" {
			who = c.Tf(lblIntakeMemberN, mi+2)
		}
		info(secHousehold, common.LevelPlain, c.Tf(lblIntakeMemberHead, mi+2, who))
		// a member from the records is marked until one of its rows is touched
		touch := func(f components.Field) components.Field {
			set := f.Set
			f.Set = func(v string) { m.OnFile = ""; set(v) }
			return f
		}
		g, set := str(&m.Relation)
		fs = append(fs, touch(components.Field{ID: mid + ".relation", Kind: components.FieldChoice, Label: c.T(lblIntakeRelation), Section: secHousehold,
			Indent: 2, Get: g, Set: set, Options: relationOptions(c), Deletable: true,
			Hint: func() (string, common.Level) {
				if m.OnFile == "" {
					return "", common.LevelPlain
				}
				return c.Tf(lblIntakeFromFile, m.OnFile), common.LevelMuted
			}}))
		nf := touch(text(mid+".name", c.T(lblIntakeName), secHousehold, 2, 16, casefile.MaxNameRunes, &m.Name))
		nf.Deletable = true
		idm := touch(text(mid+".id", c.T(lblIntakeId), secHousehold, 2, 20, 22, &m.ID))
		idm.Deletable = true
		idm.Hint = func() (string, common.Level) {
			if strings.TrimSpace(m.ID) == "" {
				return c.T(lblIntakeMemberNoId), common.LevelMuted
			}
			return idHint(c, m.ID)
		}
		fs = append(fs, nf, idm)
		if strings.TrimSpace(m.ID) == "" {
			bf := touch(text(mid+".birth", c.T(lblIntakeBirth), secHousehold, 2, 12, 10, &m.Birth))
			bf.Deletable = true
			bf.Hint = func() (string, common.Level) { return c.T(common.LblIntakeBirthHint), common.LevelMuted }
			fs = append(fs, bf)
		}
		// the member's own disability grade and flags
		dg := func() string { return cmp.Or(m.Disability, "0") }
		fs = append(fs, touch(components.Field{ID: mid + ".disability", Kind: components.FieldChoice, Label: c.T(lblIntakeDisability),
			Section: secHousehold, Indent: 2, Get: dg, Set: func(v string) { m.Disability = v }, Options: disabilityOptions(c)}))
		mf, _ := p.flagRows(mid+".flags", c.T(lblIntakeFlags), secHousehold, 2, &m.Flags, nil)
		fs = append(fs, touch(mf))
		fs = append(fs, p.incomeRows(mi, &m.Incomes)...)
	}
	fs = append(fs, components.Field{ID: "btn.addmember", Kind: components.FieldButton, Label: c.T(lblIntakeAddMember), Section: secHousehold,
		Do: func() tea.Cmd {
			s.Members = append(s.Members, memberState{Relation: relations[0], Disability: "0"})
			p.rebuild()
			p.form.FocusID(memberID(len(s.Members)-1) + ".relation")
			return nil
		}})

	// projects
	section(secProjects)
	for i := range s.Apps {
		a := &s.Apps[i]
		pr := c.Catalog.Project(a.Code)
		if pr == nil {
			info(secProjects, common.LevelError, a.Code)
			continue
		}
		info(secProjects, common.LevelPlain, fmt.Sprintf("%d. %s %s  %s  %s", i+1, pr.Code, pr.Label(c.Lang),
			c.DeptName(pr.Department), pr.Kind.Label(c.Lang)))
		rf := text("app."+a.Code, c.T(lblIntakeRequested), secProjects, 2, 12, 16, &a.Requested)
		rf.Deletable = true
		byRule, needed := pr.Amount != nil, pr.NeedsRequested()
		rf.Hint = func() (string, common.Level) {
			if _, err := moneyOf(a.Requested); err != nil {
				return c.Msg(err), common.LevelError
			}
			switch {
			case !byRule:
				return c.T(lblIntakeRequestedNeeded), common.LevelMuted
			case needed:
				return c.T(lblIntakeRequestedCapped), common.LevelMuted
			}
			return c.T(lblIntakeRequestedRule), common.LevelMuted
		}
		fs = append(fs, rf)
	}
	fs = append(fs, components.Field{ID: "btn.pick", Kind: components.FieldButton, Label: c.T(lblIntakePick), Section: secProjects,
		Do: func() tea.Cmd { p.openPicker(); return nil }})

	// documents
	section(secDocuments)
	docs := c.Catalog.RequiredDocuments(s.codes())
	if len(docs) == 0 {
		info(secDocuments, common.LevelMuted, c.T(lblIntakeDocsNone))
	}
	for _, d := range docs {
		d := d
		fs = append(fs, components.Field{ID: "doc." + d, Kind: components.FieldCheck, Label: c.T(c.Catalog.DocumentLabel(d)), Section: secDocuments,
			Get: func() string {
				if s.hasDoc(d) {
					return "1"
				}
				return ""
			},
			Set: func(v string) { s.setDoc(d, v != "") }})
	}

	// channel and note
	section(secChannel)
	g, set = str(&s.Channel)
	var chans []components.Option
	for _, ch := range casefile.Channels {
		chans = append(chans, components.Option{Value: string(ch), Label: ch.Label(c.Lang)})
	}
	fs = append(fs, components.Field{ID: "channel", Kind: components.FieldChoice, Label: c.T(lblIntakeChannel), Section: secChannel, Get: g, Set: set, Options: chans})
	fs = append(fs, text("note", c.T(lblIntakeNote), secChannel, 0, 60, casefile.MaxNoteRunes, &s.Note))
	p.form.SetFields(fs)
}

// incomeRows lays out the incomes of the applicant (member -1) or of a
// member, with a button to add one.
func (p *intakePage) incomeRows(member int, incomes *[]incomeState) []components.Field {
	c := p.c
	indent := 2
	var fs []components.Field
	kinds := p.incomeKinds()
	for i := range *incomes {
		in := &(*incomes)[i]
		id := incomeID(member, i)
		fs = append(fs,
			components.Field{ID: id + ".kind", Kind: components.FieldChoice, Label: c.Tf(lblIntakeIncomeN, i+1), Section: secHousehold, Indent: indent,
				Get: func() string { return in.Kind }, Set: func(v string) { in.Kind, in.OnFile = v, "" }, Options: kinds, Deletable: true, Filter: true},
			components.Field{ID: id + ".amount", Kind: components.FieldText, Label: c.T(lblIntakeIncomeAmount), Section: secHousehold, Indent: indent,
				Width: 12, Limit: 16, Get: func() string { return in.Amount }, Set: func(v string) { in.Amount, in.OnFile = v, "" }, Deletable: true,
				Hint: func() (string, common.Level) {
					if _, err := moneyOf(in.Amount); err != nil {
						return c.Msg(err), common.LevelError
					}
					if k := c.Catalog.IncomeKind(in.Kind); k != nil && !k.Counted {
						return c.T(lblIntakeIncomeExcluded), common.LevelWarn
					}
					if in.OnFile != "" {
						return c.T(lblIntakeIncomeUnit) + "  " + c.Tf(lblIntakeFromFile, in.OnFile), common.LevelMuted
					}
					return c.T(lblIntakeIncomeUnit), common.LevelMuted
				}},
		)
	}
	fs = append(fs, components.Field{ID: fmt.Sprintf("btn.addinc.%d", member), Kind: components.FieldButton, Label: c.T(lblIntakeAddIncome),
		Section: secHousehold, Indent: indent, Do: func() tea.Cmd {
			*incomes = append(*incomes, incomeState{Kind: kinds[0].Value})
			p.rebuild()
			p.form.FocusID(incomeID(member, len(*incomes)-1) + ".kind")
			return nil
		}})
	return fs
}

type infoLine struct {
	text string
	lv   common.Level
}

// knownLines describe a known applicant: household, aid held or applied
// for, and open cases. ID numbers of others are masked.
func (p *intakePage) knownLines() []infoLine {
	c := p.c
	if p.knownFor == "" {
		return nil
	}
	if p.lookupErr != nil {
		return []infoLine{{c.Tf(lblIntakeLookupFailed, c.Msg(p.lookupErr)), common.LevelError}}
	}
	kp := p.known
	switch {
	case !p.lookedUp:
		return []infoLine{{c.T(lblIntakeSearching), common.LevelMuted}}
	case kp == nil:
		return []infoLine{{c.T(lblIntakeNewPerson), common.LevelMuted}}
	}
	var out []infoLine
	out = append(out, infoLine{c.Tf(lblIntakeKnown, kp.Person.Name, kp.Cases), common.LevelOK})
	var mem []string
	for _, m := range kp.Household.Members {
		if m.Relation == casefile.RelationSelf {
			continue
		}
		mem = append(mem, c.T(casefile.RelationLabel(m.Relation))+" "+m.Person.Name+" "+casefile.MaskID(m.Person.DocNumber))
	}
	if len(mem) > 0 {
		out = append(out, infoLine{c.T(lblIntakeKnownHousehold) + strings.Join(mem, c.T(common.LblListSep)), common.LevelPlain})
	}
	const maxAid = 5
	for i, a := range kp.Aid {
		if i == maxAid {
			out = append(out, infoLine{c.Tf(lblIntakeKnownMore, len(kp.Aid)-maxAid), common.LevelMuted})
			break
		}
		verb := c.T(common.LblIntakeAidApplied)
		lv := common.LevelPlain
		if a.Holds() {
			verb, lv = c.T(common.LblIntakeAidHolds), common.LevelWarn
		}
		out = append(out, infoLine{fmt.Sprintf("%s %s %s %s %s  %s  %s %s", verb, a.Person, a.Project, c.ProjectName(a.Project),
			c.DeptName(a.Department), c.ProjectAmount(a.Project, a.Amount), a.CaseNumber, a.Status.Label(c.Lang)), lv})
	}
	for i, oc := range kp.Open {
		if i == 3 {
			out = append(out, infoLine{c.Tf(lblIntakeKnownMore, len(kp.Open)-3), common.LevelMuted})
			break
		}
		out = append(out, infoLine{c.Tf(lblIntakeOpenCase, oc.Number, oc.Status.Label(c.Lang), oc.Deadline.String()), common.LevelWarn})
	}
	return out
}

// idHint checks an ID number as it is typed: the count while typing,
// then casefile's verdict with birth date and sex, or its reason.
func idHint(c *common.Common, v string) (string, common.Level) {
	t := strings.TrimSpace(v)
	if t == "" {
		return c.T(lblIntakeIdHint), common.LevelMuted
	}
	info, err := casefile.ParseIDNumber(t, c.Today())
	if err == nil {
		h := c.Tf(lblIntakeIdOk, info.Sex.Label(c.Lang), info.Birth.String(), (casefile.Person{Birth: info.Birth}).AgeOn(c.Today()))
		if len(t) == 15 {
			h += " " + c.Tf(lblIntakeIdConverted, info.Number)
		}
		return h, common.LevelOK
	}
	if n := len([]rune(t)); n < 18 && n != 15 {
		return c.Tf(lblIntakeIdTyping, n), common.LevelMuted
	}
	return c.Msg(err), common.LevelError
}

func disabilityOptions(c *common.Common) []components.Option {
	var out []components.Option
	for g := 0; g <= 4; g++ {
		out = append(out, components.Option{Value: strconv.Itoa(g), Label: c.T(casefile.DisabilityLabel(g))})
	}
	return out
}

// flagRows are the check-box rows of the flags in *ptr: the flags any
// member may have (id), then, when more is given, a second row (id+".2")
// of those. Each row sets only its own flags and keeps the others.
func (p *intakePage) flagRows(id, label string, sec, indent int, ptr *string, more []string) (components.Field, components.Field) {
	row := func(id, label string, flags []string) components.Field {
		return components.Field{ID: id, Kind: components.FieldMulti, Label: label, Section: sec, Indent: indent,
			Get: func() string { return *ptr }, Set: func(v string) { *ptr = setFlags(*ptr, flags, v) }, Options: flagOptions(p.c, flags)}
	}
	a := row(id, label, memberFlags)
	if more == nil {
		return a, components.Field{}
	}
	return a, row(id+".2", "", more)
}

func flagOptions(c *common.Common, flags []string) []components.Option {
	out := make([]components.Option, len(flags))
	for i, f := range flags {
		l := casefile.FlagLabel(f)
		if short, ok := flagShort[f]; ok {
			l = short
		}
		out[i] = components.Option{Value: f, Label: c.T(l)}
	}
	return out
}

func relationOptions(c *common.Common) []components.Option {
	out := make([]components.Option, len(relations))
	for i, r := range relations {
		out[i] = components.Option{Value: r, Label: c.T(casefile.RelationLabel(r))}
	}
	return out
}

// incomeKinds are the income kind options, made once per language: the
// pinyin of every kind's names is worked out once, not on each keystroke.
func (p *intakePage) incomeKinds() []components.Option {
	if p.kindOpts == nil || p.kindLang != p.c.Lang {
		p.kindOpts, p.kindLang = incomeKindOptions(p.c), p.c.Lang
	}
	return p.kindOpts
}

func incomeKindOptions(c *common.Common) []components.Option {
	out := make([]components.Option, len(c.Catalog.IncomeKinds))
	for i, k := range c.Catalog.IncomeKinds {
		l := c.IncomeKindName(k.Key)
		if !k.Counted {
			l += c.T(common.LblIntakeNotCounted)
		}
		// typed or searched: the key, the Chinese name and its pinyin
		// (full and initials), the English name, the other names people use
		words := []string{k.Key, k.NameEN}
		for _, n := range append([]string{k.Name}, k.Aliases...) {
			ini, full := casefile.Pinyin(n)
			words = append(words, n, ini, full)
		}
		search := strings.Join(words, " ")
		out[i] = components.Option{Value: k.Key, Label: l, Search: search}
	}
	return out
}

// documentList names documents of the catalogue, as one list in both
// languages.
func documentList(c *common.Common, names []string) casefile.List {
	l := make(casefile.List, len(names))
	for i, n := range names {
		l[i] = c.Catalog.DocumentLabel(n)
	}
	return l
}
