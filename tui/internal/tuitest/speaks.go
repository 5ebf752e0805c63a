package tuitest

import (
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
)

// Data is what the fixtures hold as data: people's names, user names,
// addresses, townships and villages, reasons and notes as typed. Its
// Chinese is the only Chinese an English screen may show, and a raw key
// inside it (local:verifier) is no leak on a Chinese screen. It is built
// from the stores, never from a rendered screen.
type Data map[string]bool

// add keeps the strings that are not empty.
func (d Data) add(ss ...string) {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			d[s] = true
		}
	}
}

// StoreData collects the data of every case of st, and of every session
// of ms when ms is not nil.
func StoreData(t testing.TB, st *casefile.Store, ms *meeting.Store) Data {
	t.Helper()
	d := Data{}
	cat := st.Catalog()
	err := st.View(func(tx *casefile.Tx) error {
		f := casefile.CaseFilter{Limit: 500}
		for {
			cases, next, err := tx.Cases(f)
			if err != nil {
				return err
			}
			for _, c := range cases {
				d.addCase(cat, c)
				h, err := tx.History(c.Seq)
				if err != nil {
					return err
				}
				for _, e := range h {
					// Why is free text typed by a user (a withdrawal's
					// reason); the system's words are in Note
					d.add(e.Who, e.Why)
				}
			}
			if next == 0 {
				return nil
			}
			f.After = next
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if ms == nil {
		return d
	}
	sessions, err := ms.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sessions {
		full, err := ms.Session(s.Number)
		if err != nil {
			t.Fatal(err)
		}
		d.addSession(cat, full)
	}
	return d
}

func (d Data) addPerson(p casefile.Person) {
	d.add(p.Name, p.Township, p.Village, p.Address, p.GuardianName)
}

func (d Data) addCase(cat *casefile.Catalog, c *casefile.Case) {
	d.addPerson(c.Applicant)
	for _, m := range c.Household.Members {
		d.addPerson(m.Person)
		if hasHan(casefile.RelationLabel(m.Relation).EN) {
			d.add(m.Relation) // a relation the hall does not know, as typed
		}
		for _, in := range m.Incomes {
			d.add(in.Source)
		}
	}
	for _, a := range c.Apps {
		if a.ReasonText == (casefile.Text{}) {
			d.add(a.Reason) // typed by the meeting
		}
	}
	for _, ev := range c.Evidence {
		d.add(ev.Note, ev.Verifier)
	}
	d.add(c.Note, c.Officer)
	d.addTyped(cat, c.Missing)
	if l := c.Life; l != nil { // typed after the decision
		for _, o := range l.Objections {
			d.add(o.By, o.Reason)
		}
		for _, dl := range l.Deliveries {
			d.add(dl.Receiver, dl.Note)
		}
		if acc := l.Account; acc != nil {
			d.add(acc.Bank, acc.Holder)
		}
		for _, ch := range l.Changes {
			d.add(ch.Reason)
		}
	}
}

func (d Data) addSession(cat *casefile.Catalog, s *meeting.Session) {
	d.add(s.Place, s.Chair.Name, s.Secretary.Name, s.OpenedBy, s.ClosedBy)
	for _, m := range s.Members {
		d.add(m.Name)
	}
	for _, it := range s.Agenda {
		d.add(it.Applicant, it.ReconsiderWhy)
		for _, a := range it.Apps {
			if a.ReasonText == (casefile.Text{}) {
				d.add(a.Reason)
			}
		}
		for _, ev := range it.Evidence {
			d.add(ev.Note, ev.Verifier)
		}
		for _, v := range it.Votes {
			d.add(v.Name, v.Reason)
		}
		for _, r := range it.Recusals {
			d.add(r.Name, r.Reason)
		}
		if dec := it.Decision; dec != nil {
			d.add(dec.Reason)
			d.addTyped(cat, dec.Verify)
		}
	}
}

// addTyped adds the entries of a list of things to verify that the hall
// cannot name in English: they were typed.
func (d Data) addTyped(cat *casefile.Catalog, items []string) {
	for _, s := range items {
		if hasHan(meeting.MissingLabel(cat, s).EN) {
			d.add(s)
		}
	}
}

// RawKeys are the keys of the domain's enums, as stored: statuses,
// areas, channels, severities, roles, outcomes, kinds, actions,
// permissions, flags, marks, choices, and the words of the meeting's
// count rules (present, members …: a rule's formula). A Chinese screen
// shows none of them (Sex's M and F, single letters, are left out).
func RawKeys() []string {
	var out []string
	add := func(vs ...string) { out = append(out, vs...) }
	env := reflect.TypeFor[casefile.CountEnv]()
	for i := range env.NumField() {
		add(env.Field(i).Tag.Get("expr"))
	}
	add(words(casefile.Statuses)...)
	add(words(casefile.Areas)...)
	add(words(casefile.Channels)...)
	add(words(casefile.Severities)...)
	add(words(casefile.Roles)...)
	add(words(casefile.Outcomes)...)
	add(words(casefile.ProjectKinds())...)
	add(words(casefile.EvidenceKinds)...)
	add(words(casefile.FindingKinds)...)
	add(words(casefile.DocTypes)...)
	add(words(casefile.Actions)...)
	add(words(casefile.Perms)...)
	add(casefile.Flags...)
	add(words(meeting.Roles)...)
	add(words(meeting.SessionStatuses)...)
	add(words(meeting.Choices)...)
	add(words(meeting.Marks)...)
	return out
}

// words are the raw keys vs as strings.
func words[S ~string](vs []S) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// rawKeyRE finds a raw key as a word (group 2).
var rawKeyRE = sync.OnceValue(func() *regexp.Regexp {
	var alt []string
	for _, k := range RawKeys() {
		if k != "" {
			alt = append(alt, regexp.QuoteMeta(k))
		}
	}
	return regexp.MustCompile(`(^|[^A-Za-z0-9_])(` + strings.Join(alt, "|") + `)($|[^A-Za-z0-9_])`)
})

// tagRE finds a raw tag such as [warning] or [error].
var tagRE = regexp.MustCompile(`\[[a-z_]{2,}\]`)

// CheckSpeaks asserts the screen v speaks lang only. An English screen
// has no Chinese (Han or CJK punctuation) but data: every run of Chinese
// on it must be part of a string of data (a run may be a piece of a
// wrapped or shortened name or reason). A Chinese screen shows no raw key
// of an enum as a word and no [tag].
func CheckSpeaks(t testing.TB, v string, lang casefile.Lang, data Data) {
	t.Helper()
	if lang == casefile.EN {
		for _, run := range chineseRuns(v) {
			if !data.holds(run) {
				t.Errorf("English screen shows Chinese that is not data: %q\n%s", run, v)
			}
		}
		return
	}
	for s := range data {
		if !hasHan(s) {
			v = strings.ReplaceAll(v, s, strings.Repeat(" ", len(s)))
		}
	}
	for _, m := range rawKeyRE().FindAllStringSubmatchIndex(v, -1) {
		t.Errorf("Chinese screen shows the raw key %q: %q\n%s", v[m[4]:m[5]], lineAt(v, m[4]), v)
	}
	if loc := tagRE.FindStringIndex(v); loc != nil {
		t.Errorf("Chinese screen shows a raw tag: %q\n%s", lineAt(v, loc[0]), v)
	}
}

func (d Data) holds(run string) bool {
	for s := range d {
		if hasHan(s) && strings.Contains(s, run) {
			return true
		}
	}
	return false
}

// chineseRuns are the maximal runs of Chinese characters in v.
func chineseRuns(v string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range v {
		if isChinese(r) {
			b.WriteRune(r)
		} else {
			flush()
		}
	}
	flush()
	return out
}

func lineAt(v string, i int) string {
	start := strings.LastIndexByte(v[:i], '\n') + 1
	end := strings.IndexByte(v[i:], '\n')
	if end < 0 {
		return v[start:]
	}
	return v[start : i+end]
}

// isChinese reports a Han character or CJK punctuation (、，。「」（）：；…).
func isChinese(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK symbols and punctuation
		(r >= 0xFF00 && r <= 0xFFEF) // full-width forms
}

func hasHan(s string) bool {
	for _, r := range s {
		if isChinese(r) {
			return true
		}
	}
	return false
}
