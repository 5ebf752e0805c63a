// Package pairing is helper pairing (联户帮扶): helpers — leaders,
// committee members, party members, entrepreneurs — are registered and
// paired with children in difficulty (children in fact without a carer,
// children of prisoners, left-behind children) or with households; their
// visits and the support given (money or goods) are recorded, and the
// pairings without a visit for some days are listed.
//
// Children's data is the most sensitive the hall keeps: a child's name is
// masked on every list (王**) unless the reader's role may reveal personal
// data, and writes need the verifier's permission. Records are kept
// through the typed records API (casefile.Tx.Records); every write is one
// transaction with a history entry on the household's case.
package pairing

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rongjiuzhu/hall/casefile"
)

// Namespaces of the records this package keeps.
//
//	hp_helpers   NumKey(seq)              → Helper JSON
//	hp_pairings  NumKey(seq)              → Pairing JSON
//	hp_visits    NumKey(pairing, seq)     → Visit JSON
const (
	nsHelpers  = "hp_helpers"
	nsPairings = "hp_pairings"
	nsVisits   = "hp_visits"
)

// ActionPairing is the history action of a pairing or a visit.
const ActionPairing = "pairing"

// HelperKind is who a helper is.
type HelperKind string

// Helper kinds.
const (
	KindLeader       HelperKind = "leader"
	KindCommittee    HelperKind = "committee"
	KindParty        HelperKind = "party"
	KindEntrepreneur HelperKind = "entrepreneur"
	KindOther        HelperKind = "other"
)

// HelperKinds lists the kinds.
var HelperKinds = []HelperKind{KindLeader, KindCommittee, KindParty, KindEntrepreneur, KindOther}

// Label names the kind in lang.
func (k HelperKind) Label(lang casefile.Lang) string { return casefile.LabelFrom(kindLabels, k, lang) }

var kindLabels = map[HelperKind]casefile.Text{
	KindLeader:       {ZH: "领导干部", EN: "leader"},
	KindCommittee:    {ZH: "村（社区）两委成员", EN: "committee member"},
	KindParty:        {ZH: "党员", EN: "party member"},
	KindEntrepreneur: {ZH: "企业家", EN: "entrepreneur"},
	KindOther:        {ZH: "其他", EN: "other"},
}

// Category is whom a pairing helps.
type Category string

// Categories.
const (
	CatUnattended Category = "unattended"  // 事实无人抚养儿童
	CatPrisoner   Category = "prisoner"    // 服刑人员子女
	CatLeftBehind Category = "left_behind" // 留守儿童
	CatHousehold  Category = "household"   // a household in difficulty
)

// Categories lists the categories.
var Categories = []Category{CatUnattended, CatPrisoner, CatLeftBehind, CatHousehold}

// Label names the category in lang.
func (c Category) Label(lang casefile.Lang) string {
	return casefile.LabelFrom(categoryLabels, c, lang)
}

var categoryLabels = map[Category]casefile.Text{
	CatUnattended: {ZH: "事实无人抚养儿童", EN: "child without a carer"},
	CatPrisoner:   {ZH: "服刑人员子女", EN: "child of a prisoner"},
	CatLeftBehind: {ZH: "留守儿童", EN: "left-behind child"},
	CatHousehold:  {ZH: "困难家庭", EN: "household in difficulty"},
}

// ParseKind and ParseCategory read a key or a label.
func ParseKind(s string) (HelperKind, bool) { return casefile.ParseLabel(HelperKinds, s) }

// ParseCategory reads a category key or label.
func ParseCategory(s string) (Category, bool) { return casefile.ParseLabel(Categories, s) }

// Helper is a registered helper.
type Helper struct {
	Seq   uint64     `json:"seq"`
	Name  string     `json:"name"`
	Kind  HelperKind `json:"kind"`
	Unit  string     `json:"unit,omitempty"` // workplace or post
	Phone string     `json:"phone,omitempty"`
	Added time.Time  `json:"added"`
	By    string     `json:"by"`
}

// Pairing is a helper paired with a child (or a household).
type Pairing struct {
	Seq      uint64        `json:"seq"`
	Helper   uint64        `json:"helper"`
	Case     string        `json:"case"` // the household's case
	Category Category      `json:"category"`
	ChildID  uint64        `json:"child_id,omitempty"`
	Child    string        `json:"child,omitempty"` // the child's name (masked on lists)
	Birth    casefile.Date `json:"birth,omitzero"`
	Since    casefile.Date `json:"since"`
}

// Visit is one visit of a pairing, with the support given.
type Visit struct {
	Seq     uint64         `json:"seq"`
	Pairing uint64         `json:"pairing"`
	Date    casefile.Date  `json:"date"`
	Money   casefile.Money `json:"money,omitempty"`
	Goods   string         `json:"goods,omitempty"`
	Note    string         `json:"note"`
	Who     string         `json:"who"`
}

// Errors of pairing.
var (
	ErrNoHelper  = casefile.NewError("no_helper", "没有此帮扶人", "no such helper")
	ErrNoPairing = casefile.NewError("no_pairing", "没有此结对", "no such pairing")
)

// AddHelper registers a helper.
func AddHelper(st *casefile.Store, name string, kind HelperKind, unit, phone, who string) (*Helper, error) {
	name = casefile.Clean(name, false)
	if name == "" {
		return nil, casefile.ErrInvalid.Withf("请填写帮扶人姓名", "the helper's name is required")
	}
	if !slices.Contains(HelperKinds, kind) {
		return nil, casefile.ErrInvalid.Withf("帮扶人类别 %q 无效", "helper kind %q is invalid", kind)
	}
	var out *Helper
	err := st.Update(func(t *casefile.Tx) error {
		if err := t.Require(who, casefile.PermEvidence); err != nil {
			return err
		}
		rs := t.Records(nsHelpers)
		seq, err := rs.NextSequence()
		if err != nil {
			return err
		}
		out = &Helper{Seq: seq, Name: name, Kind: kind, Unit: casefile.Clean(unit, false), Phone: casefile.Clean(phone, false), Added: t.Now(), By: who}
		return rs.Put(casefile.NumKey(seq), out)
	})
	return out, err
}

// Pair pairs helper with the child named child in the household of case
// number (child "" pairs with the household), from day since.
func Pair(st *casefile.Store, helper uint64, number, child string, cat Category, since casefile.Date, who string) (*Pairing, error) {
	if !slices.Contains(Categories, cat) {
		return nil, casefile.ErrInvalid.Withf("结对类别 %q 无效", "pairing category %q is invalid", cat)
	}
	child = strings.TrimSpace(child)
	if (child == "") != (cat == CatHousehold) {
		return nil, casefile.ErrInvalid.Withf("儿童结对须写明儿童姓名，家庭结对不写", "a child's pairing names the child; a household's does not")
	}
	var out *Pairing
	err := st.Update(func(t *casefile.Tx) error {
		if err := t.Require(who, casefile.PermEvidence); err != nil {
			return err
		}
		if !t.Records(nsHelpers).Has(casefile.NumKey(helper)) {
			return ErrNoHelper.Withf("%d", "%d", helper)
		}
		c, err := t.Case(number)
		if err != nil {
			return err
		}
		p := Pairing{Helper: helper, Case: c.Number, Category: cat, Since: since}
		if child != "" {
			i := slices.IndexFunc(c.Household.Members, func(m casefile.Member) bool { return m.Person.Name == child })
			if i < 0 {
				return casefile.ErrInvalid.Withf("案件 %s 的家庭中没有「%s」", "the household of case %s has no member \"%s\"", c.Number, child)
			}
			m := c.Household.Members[i].Person
			if m.AgeOn(since) >= 18 {
				return casefile.ErrInvalid.Withf("「%s」已成年，请按家庭结对", "\"%s\" is an adult; pair with the household instead", child)
			}
			p.ChildID, p.Child, p.Birth = m.ID, m.Name, m.Birth
		}
		rs := t.Records(nsPairings)
		if p.Seq, err = rs.NextSequence(); err != nil {
			return err
		}
		if err := rs.Put(casefile.NumKey(p.Seq), p); err != nil {
			return err
		}
		out = &p
		return t.AddHistory(c, casefile.Change{Who: who, Action: ActionPairing,
			Note: casefile.T("结对帮扶 %d：%s", "helper pairing %d: %s", p.Seq, cat)})
	})
	return out, err
}

// RecordVisit records a visit of pairing on day with the support given.
func RecordVisit(st *casefile.Store, pairing uint64, day casefile.Date, money casefile.Money, goods, note, who string) (*Visit, error) {
	note, goods = casefile.Clean(note, true), casefile.Clean(goods, false)
	if note == "" {
		return nil, casefile.ErrReasonRequired.Withf("请写明走访情况", "say what the visit found")
	}
	if money < 0 || money > casefile.MaxMoney {
		return nil, casefile.ErrBadAmount.Withf("%s", "%s", money)
	}
	var out *Visit
	err := st.Update(func(t *casefile.Tx) error {
		if err := t.Require(who, casefile.PermEvidence); err != nil {
			return err
		}
		var p Pairing
		ok, err := t.Records(nsPairings).Get(casefile.NumKey(pairing), &p)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNoPairing.Withf("%d", "%d", pairing)
		}
		if day.Before(p.Since) || day.After(casefile.DateOf(t.Now())) {
			return casefile.ErrInvalid.Withf("走访日期 %s 不在结对以来至今天之间", "visit date %s is not between the pairing's start and today", day)
		}
		vs := t.Records(nsVisits)
		seq, err := vs.NextSequence()
		if err != nil {
			return err
		}
		v := Visit{Seq: seq, Pairing: pairing, Date: day, Money: money, Goods: goods, Note: note, Who: who}
		if err := vs.Put(casefile.NumKey(pairing, seq), v); err != nil {
			return err
		}
		c, err := t.Case(p.Case)
		if err != nil {
			return err
		}
		out = &v
		return t.AddHistory(c, casefile.Change{Who: who, Action: ActionPairing, Why: note,
			Note: casefile.T("结对帮扶 %d 走访（%s）", "helper pairing %d visited (%s)", pairing, day)})
	})
	return out, err
}

// Row is one pairing as the lists show it.
type Row struct {
	Pairing   Pairing        `json:"pairing"`
	Helper    Helper         `json:"helper"`
	Visits    int            `json:"visits"`
	LastVisit casefile.Date  `json:"last_visit,omitzero"`
	Support   casefile.Money `json:"support"` // money given over every visit
	// DaysSince is the days since the last visit, or since the pairing
	// began when there was none.
	DaysSince int `json:"days_since"`
}

// Rows lists every pairing with its helper and visits, on day today. The
// children's names are masked unless reveal is set, which who's role must
// allow (casefile.PermReveal).
func Rows(t *casefile.Tx, today casefile.Date, reveal bool, who string) ([]Row, error) {
	if reveal {
		if err := t.Require(who, casefile.PermReveal); err != nil {
			return nil, err
		}
	}
	helpers := map[uint64]Helper{}
	for rec := range t.Records(nsHelpers).Scan(casefile.Key{}) {
		var h Helper
		if err := rec.Decode(&h); err != nil {
			return nil, err
		}
		helpers[h.Seq] = h
	}
	var out []Row
	for rec := range t.Records(nsPairings).Scan(casefile.Key{}) {
		var p Pairing
		if err := rec.Decode(&p); err != nil {
			return nil, err
		}
		if !reveal {
			p.Child = MaskName(p.Child)
			p.Birth = casefile.Date{}
		}
		r := Row{Pairing: p, Helper: helpers[p.Helper], LastVisit: casefile.Date{}}
		for vr := range t.Records(nsVisits).Scan(casefile.NumKey(p.Seq)) {
			var v Visit
			if err := vr.Decode(&v); err != nil {
				return nil, err
			}
			r.Visits++
			r.Support += v.Money
			if v.Date.After(r.LastVisit) {
				r.LastVisit = v.Date
			}
		}
		from := p.Since
		if !r.LastVisit.IsZero() {
			from = r.LastVisit
		}
		r.DaysSince = from.DaysUntil(today)
		out = append(out, r)
	}
	return out, nil
}

// Overdue keeps the rows without a visit for more than days days, longest
// waiting first.
func Overdue(rows []Row, days int) []Row {
	var out []Row
	for _, r := range rows {
		if r.DaysSince > days {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Row) int { return b.DaysSince - a.DaysSince })
	return out
}

// Helpers lists the registered helpers.
func Helpers(t *casefile.Tx) ([]Helper, error) {
	var out []Helper
	for rec := range t.Records(nsHelpers).Scan(casefile.Key{}) {
		var h Helper
		if err := rec.Decode(&h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

// MaskName shows a child's name as its first character and asterisks.
func MaskName(name string) string { return casefile.MaskName(name) }

// String names a pairing for messages.
func (p Pairing) String() string { return fmt.Sprintf("%d", p.Seq) }
