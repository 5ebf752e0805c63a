package tui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
)

// The rows of the intake form, laid out from the page's state.

// rebuild lays out the form rows from the state.
func (p *intakePage) rebuild() {
	c := p.c
	s := &p.state
	var fs []field
	str := func(ptr *string) (func() string, func(string)) {
		return func() string { return *ptr }, func(v string) { *ptr = v }
	}
	text := func(id, label string, sec, indent, width, limit int, ptr *string) field {
		g, set := str(ptr)
		return field{ID: id, Kind: fieldText, Label: label, Section: sec, Indent: indent, Width: width, Limit: limit, Get: g, Set: set}
	}
	section := func(sec int) {
		fs = append(fs, field{Kind: fieldSection, Label: c.T(intakeSections[sec]), Section: sec})
	}
	info := func(sec int, lv Level, t string) {
		fs = append(fs, field{Kind: fieldInfo, Label: t, Section: sec, Level: lv, Indent: 2})
	}

	// applicant
	section(secApplicant)
	idf := text("id", c.T("intake.id"), secApplicant, 0, 20, 22, &s.ID)
	idf.Hint = func() (string, Level) { return idHint(c, s.ID) }
	fs = append(fs, idf)
	for _, l := range p.knownLines() {
		info(secApplicant, l.lv, l.text)
	}
	fs = append(fs,
		text("name", c.T("intake.name"), secApplicant, 0, 16, casefile.MaxNameRunes, &s.Name),
		text("phone", c.T("intake.phone"), secApplicant, 0, 16, 20, &s.Phone),
		text("township", c.T("intake.township"), secApplicant, 0, 20, 30, &s.Township),
		text("village", c.T("intake.village"), secApplicant, 0, 20, 30, &s.Village),
		text("address", c.T("intake.address"), secApplicant, 0, 36, 80, &s.Address),
	)
	g, set := str(&s.Disability)
	fs = append(fs, field{ID: "disability", Kind: fieldChoice, Label: c.T("intake.disability"), Section: secApplicant,
		Get: g, Set: set, Options: disabilityOptions(c)})
	g, set = str(&s.Flags)
	fs = append(fs, field{ID: "flags", Kind: fieldMulti, Label: c.T("intake.flags"), Section: secApplicant,
		Get: g, Set: set, Options: flagOptions(c)})

	// household and incomes
	section(secHousehold)
	g, set = str(&s.Area)
	fs = append(fs, field{ID: "area", Kind: fieldChoice, Label: c.T("intake.area"), Section: secHousehold,
		Get: g, Set: set, Options: []option{{string(casefile.Urban), c.T("area.urban")}, {string(casefile.Rural), c.T("area.rural")}}})
	name := strings.TrimSpace(s.Name)
	if name == "" {
		name = c.T("intake.applicant")
	}
	info(secHousehold, LevelPlain, c.Tf("intake.member_self", name))
	fs = append(fs, p.incomeRows(-1, &s.Incomes)...)
	for mi := range s.Members {
		m := &s.Members[mi]
		mid := memberID(mi)
		who := strings.TrimSpace(m.Name)
		if who == "" {
			who = c.Tf("intake.member_n", mi+2)
		}
		info(secHousehold, LevelPlain, c.Tf("intake.member_head", mi+2, who))
		g, set := str(&m.Relation)
		fs = append(fs, field{ID: mid + ".relation", Kind: fieldChoice, Label: c.T("intake.relation"), Section: secHousehold,
			Indent: 2, Get: g, Set: set, Options: relationOptions(c), Deletable: true})
		nf := text(mid+".name", c.T("intake.name"), secHousehold, 2, 16, casefile.MaxNameRunes, &m.Name)
		nf.Deletable = true
		idm := text(mid+".id", c.T("intake.id"), secHousehold, 2, 20, 22, &m.ID)
		idm.Deletable = true
		idm.Hint = func() (string, Level) {
			if strings.TrimSpace(m.ID) == "" {
				return c.T("intake.member_no_id"), LevelMuted
			}
			return idHint(c, m.ID)
		}
		fs = append(fs, nf, idm)
		if strings.TrimSpace(m.ID) == "" {
			bf := text(mid+".birth", c.T("intake.birth"), secHousehold, 2, 12, 10, &m.Birth)
			bf.Deletable = true
			bf.Hint = func() (string, Level) { return c.T("intake.birth_hint"), LevelMuted }
			fs = append(fs, bf)
		}
		fs = append(fs, p.incomeRows(mi, &m.Incomes)...)
	}
	fs = append(fs, field{ID: "btn.addmember", Kind: fieldButton, Label: c.T("intake.add_member"), Section: secHousehold,
		Do: func() tea.Cmd {
			s.Members = append(s.Members, memberState{Relation: relations[0]})
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
			info(secProjects, LevelError, a.Code)
			continue
		}
		info(secProjects, LevelPlain, fmt.Sprintf("%d. %s %s  %s  %s", i+1, pr.Code, pr.Label(c.Lang),
			c.deptName(pr.Department), pr.Kind.Label(c.Lang)))
		rf := text("app."+a.Code, c.T("intake.requested"), secProjects, 2, 12, 16, &a.Requested)
		rf.Deletable = true
		byRule := pr.Amount != nil
		rf.Hint = func() (string, Level) {
			if _, err := moneyOf(a.Requested); err != nil {
				return c.Msg(err), LevelError
			}
			if byRule {
				return c.T("intake.requested_rule"), LevelMuted
			}
			return c.T("intake.requested_needed"), LevelMuted
		}
		fs = append(fs, rf)
	}
	fs = append(fs, field{ID: "btn.pick", Kind: fieldButton, Label: c.T("intake.pick"), Section: secProjects,
		Do: func() tea.Cmd { p.openPicker(); return nil }})

	// documents
	section(secDocuments)
	docs := c.Catalog.RequiredDocuments(s.codes())
	if len(docs) == 0 {
		info(secDocuments, LevelMuted, c.T("intake.docs_none"))
	}
	for _, d := range docs {
		d := d
		fs = append(fs, field{ID: "doc." + d, Kind: fieldCheck, Label: d, Section: secDocuments,
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
	var chans []option
	for _, ch := range casefile.Channels {
		chans = append(chans, option{string(ch), ch.Label(c.Lang)})
	}
	fs = append(fs, field{ID: "channel", Kind: fieldChoice, Label: c.T("intake.channel"), Section: secChannel, Get: g, Set: set, Options: chans})
	fs = append(fs, text("note", c.T("intake.note"), secChannel, 0, 60, casefile.MaxNoteRunes, &s.Note))
	p.form.SetFields(fs)
}

// incomeRows lays out the incomes of the applicant (member -1) or of a
// member, with a button to add one.
func (p *intakePage) incomeRows(member int, incomes *[]incomeState) []field {
	c := p.c
	indent := 2
	var fs []field
	kinds := incomeKindOptions(c)
	for i := range *incomes {
		in := &(*incomes)[i]
		id := incomeID(member, i)
		fs = append(fs,
			field{ID: id + ".kind", Kind: fieldChoice, Label: c.Tf("intake.income_n", i+1), Section: secHousehold, Indent: indent,
				Get: func() string { return in.Kind }, Set: func(v string) { in.Kind = v }, Options: kinds, Deletable: true},
			field{ID: id + ".amount", Kind: fieldText, Label: c.T("intake.income_amount"), Section: secHousehold, Indent: indent,
				Width: 12, Limit: 16, Get: func() string { return in.Amount }, Set: func(v string) { in.Amount = v }, Deletable: true,
				Hint: func() (string, Level) {
					if _, err := moneyOf(in.Amount); err != nil {
						return c.Msg(err), LevelError
					}
					if k := c.Catalog.IncomeKind(in.Kind); k != nil && !k.Counted {
						return c.T("intake.income_excluded"), LevelWarn
					}
					return c.T("intake.income_unit"), LevelMuted
				}},
		)
	}
	fs = append(fs, field{ID: fmt.Sprintf("btn.addinc.%d", member), Kind: fieldButton, Label: c.T("intake.add_income"),
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
	lv   Level
}

// knownLines describe a known applicant: household, aid held or applied
// for, and open cases. ID numbers of others are masked.
func (p *intakePage) knownLines() []infoLine {
	c := p.c
	if p.knownFor == "" {
		return nil
	}
	if p.lookupErr != nil {
		return []infoLine{{c.Tf("intake.lookup_failed", c.Msg(p.lookupErr)), LevelError}}
	}
	kp := p.known
	switch {
	case !p.lookedUp:
		return []infoLine{{c.T("intake.searching"), LevelMuted}}
	case kp == nil:
		return []infoLine{{c.T("intake.new_person"), LevelMuted}}
	}
	var out []infoLine
	out = append(out, infoLine{c.Tf("intake.known", kp.Person.Name, kp.Cases), LevelOK})
	var mem []string
	for _, m := range kp.Household.Members {
		if m.Relation == casefile.RelationSelf {
			continue
		}
		mem = append(mem, relationLabel(c, m.Relation)+" "+m.Person.Name+" "+casefile.MaskID(m.Person.DocNumber))
	}
	if len(mem) > 0 {
		out = append(out, infoLine{c.T("intake.known_household") + strings.Join(mem, c.T("list.sep")), LevelPlain})
	}
	const maxAid = 5
	for i, a := range kp.Aid {
		if i == maxAid {
			out = append(out, infoLine{c.Tf("intake.known_more", len(kp.Aid)-maxAid), LevelMuted})
			break
		}
		verb := c.T("intake.aid_applied")
		lv := LevelPlain
		if a.Holds() {
			verb, lv = c.T("intake.aid_holds"), LevelWarn
		}
		out = append(out, infoLine{fmt.Sprintf("%s %s %s %s %s  %s  %s %s", verb, a.Person, a.Project, c.projectName(a.Project),
			c.deptName(a.Department), c.money(a.Amount), a.CaseNumber, a.Status.Label(c.Lang)), lv})
	}
	for i, oc := range kp.Open {
		if i == 3 {
			out = append(out, infoLine{c.Tf("intake.known_more", len(kp.Open)-3), LevelMuted})
			break
		}
		out = append(out, infoLine{c.Tf("intake.open_case", oc.Number, oc.Status.Label(c.Lang), oc.Deadline.String()), LevelWarn})
	}
	return out
}

// idHint checks an ID number as it is typed: the count while typing,
// then casefile's verdict with birth date and sex, or its reason.
func idHint(c *Common, v string) (string, Level) {
	t := strings.TrimSpace(v)
	if t == "" {
		return c.T("intake.id_hint"), LevelMuted
	}
	info, err := casefile.ParseIDNumber(t, c.Today())
	if err == nil {
		h := c.Tf("intake.id_ok", info.Sex.Label(c.Lang), info.Birth.String(), (casefile.Person{Birth: info.Birth}).AgeOn(c.Today()))
		if len(t) == 15 {
			h += " " + c.Tf("intake.id_converted", info.Number)
		}
		return h, LevelOK
	}
	if n := len([]rune(t)); n < 18 && n != 15 {
		return c.Tf("intake.id_typing", n), LevelMuted
	}
	return c.Msg(err), LevelError
}

func disabilityOptions(c *Common) []option {
	out := []option{{"0", c.T("disability.0")}}
	for g := 1; g <= 4; g++ {
		out = append(out, option{strconv.Itoa(g), c.T("disability." + strconv.Itoa(g))})
	}
	return out
}

func flagOptions(c *Common) []option {
	out := make([]option, len(personFlags))
	for i, f := range personFlags {
		out[i] = option{f, c.T("flag." + f)}
	}
	return out
}

func relationOptions(c *Common) []option {
	out := make([]option, len(relations))
	for i, r := range relations {
		out[i] = option{r, relationLabel(c, r)}
	}
	return out
}

func incomeKindOptions(c *Common) []option {
	out := make([]option, len(c.Catalog.IncomeKinds))
	for i, k := range c.Catalog.IncomeKinds {
		l := c.incomeKindName(k.Key)
		if !k.Counted {
			l += c.T("intake.not_counted")
		}
		out[i] = option{k.Key, l}
	}
	return out
}
