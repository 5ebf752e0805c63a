package casefile

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The life of a case after the meeting's decision (DOMAIN.md "After the
// decision"): the public notice before an approval takes effect and the
// objections to it, the delivery of the letters, the payments, the
// changes of a running aid and its periodic review. Everything is kept on
// the case (Case.Life) and written with PutCase: one transaction, one
// history entry per change.

// Life is what happened to a case after its decision.
type Life struct {
	Notices    []Notice    `json:"notices,omitempty"`
	Objections []Objection `json:"objections,omitempty"`
	Deliveries []Delivery  `json:"deliveries,omitempty"`
	Payments   []Payment   `json:"payments,omitempty"`
	Changes    []AidChange `json:"changes,omitempty"`
	Account    *Account    `json:"account,omitempty"`
	// NextReview is when the running aid is next reviewed (zero: computed
	// from the start month, see Catalog.NextReview).
	NextReview Date `json:"next_review,omitzero"`
	// ReviewOf is, on a review case, the number of the case whose aid it
	// reviews; Reviews lists on the reviewed case the review cases opened.
	ReviewOf string   `json:"review_of,omitempty"`
	Reviews  []string `json:"reviews,omitempty"`
	// Urgent is an emergency pay-first record (先行救助).
	Urgent *Urgent `json:"urgent,omitempty"`
}

// Notice is one public-notice period (公示) of a meeting's approval.
type Notice struct {
	Session string `json:"session"`
	From    Date   `json:"from"`
	Until   Date   `json:"until"` // last day of the notice
	// Ended is the day the notice was closed: the approval took effect,
	// or an objection sent the case back to re-check (Objected).
	Ended    Date `json:"ended,omitzero"`
	Objected bool `json:"objected,omitempty"`
}

// DaysLeft is the number of calendar days of the notice still to run on
// day today, today included (0 when it has run out).
func (n Notice) DaysLeft(today Date) int {
	if today.After(n.Until) {
		return 0
	}
	return today.DaysUntil(n.Until) + 1
}

// ObjectionWay is how an objection reached the hall.
type ObjectionWay string

// Ways of objecting.
const (
	ObjectPhone  ObjectionWay = "phone"
	ObjectLetter ObjectionWay = "letter"
	ObjectVisit  ObjectionWay = "visit"
	ObjectOnline ObjectionWay = "online"
)

// ObjectionWays lists the ways in display order.
var ObjectionWays = []ObjectionWay{ObjectPhone, ObjectLetter, ObjectVisit, ObjectOnline}

// Label returns the way's name in lang.
func (w ObjectionWay) Label(lang Lang) string { return LabelFrom(objectionWayLabels, w, lang) }

var objectionWayLabels = map[ObjectionWay]Text{
	ObjectPhone:  {"电话", "phone"},
	ObjectLetter: {"来信", "letter"},
	ObjectVisit:  {"来访", "visit"},
	ObjectOnline: {"网上", "online"},
}

// ParseObjectionWay reads a way key or its label in either language.
func ParseObjectionWay(s string) (ObjectionWay, bool) {
	return parseEnum(ObjectionWays, s)
}

// Objection is one objection raised during a notice.
type Objection struct {
	Date      Date         `json:"date"`
	By        string       `json:"by,omitempty"` // empty when anonymous
	Anonymous bool         `json:"anonymous,omitempty"`
	Way       ObjectionWay `json:"way"`
	Reason    string       `json:"reason"`
	Session   string       `json:"session"` // the notice's session
	Recorded  string       `json:"recorded_by"`
}

// DeliveryMethod is how a letter reached the person.
type DeliveryMethod string

// Delivery methods.
const (
	DeliverDirect     DeliveryMethod = "direct"
	DeliverPost       DeliveryMethod = "post"
	DeliverLeft       DeliveryMethod = "left"
	DeliverElectronic DeliveryMethod = "electronic"
)

// DeliveryMethods lists the methods in display order.
var DeliveryMethods = []DeliveryMethod{DeliverDirect, DeliverPost, DeliverLeft, DeliverElectronic}

// Label returns the method's name in lang.
func (m DeliveryMethod) Label(lang Lang) string { return LabelFrom(deliveryLabels, m, lang) }

var deliveryLabels = map[DeliveryMethod]Text{
	DeliverDirect:     {"直接送达", "direct delivery"},
	DeliverPost:       {"邮寄", "post"},
	DeliverLeft:       {"留置", "left at the residence"},
	DeliverElectronic: {"电子", "electronic"},
}

// ParseDeliveryMethod reads a method key or its label in either language.
func ParseDeliveryMethod(s string) (DeliveryMethod, bool) {
	return parseEnum(DeliveryMethods, s)
}

func parseEnum[K interface {
	~string
	Label(Lang) string
}](all []K, s string) (K, bool) {
	s = strings.TrimSpace(s)
	for _, k := range all {
		if s == string(k) || s == k.Label(ZH) || strings.EqualFold(s, k.Label(EN)) {
			return k, true
		}
	}
	var zero K
	return zero, false
}

// Delivery records how one letter reached the person (送达回证).
type Delivery struct {
	Letter   string         `json:"letter"` // the letter's reference, or "decision"
	Method   DeliveryMethod `json:"method"`
	Date     Date           `json:"date"`
	Receiver string         `json:"receiver"`
	Note     string         `json:"note,omitempty"` // the signed slip scanned (file) or noted
	By       string         `json:"by"`
}

// Payment records a one-off paid on a roll.
type Payment struct {
	Project string    `json:"project"`
	Amount  Money     `json:"amount"`
	Roll    string    `json:"roll"` // "2026-12"
	At      time.Time `json:"at"`
	By      string    `json:"by"`
}

// Account is where a case's money is paid: the holder (the guardian for
// a child), the bank and the account number.
type Account struct {
	Holder string `json:"holder"`
	Bank   string `json:"bank"`
	Number string `json:"number"`
}

// MaskAccount shows the last four digits of an account number.
func MaskAccount(n string) string {
	r := []rune(strings.ReplaceAll(n, " ", ""))
	if len(r) <= 4 {
		return strings.Repeat("*", len(r))
	}
	return strings.Repeat("*", len(r)-4) + string(r[len(r)-4:])
}

// Urgent is an emergency pay-first (先行救助) record.
type Urgent struct {
	Amount Money     `json:"amount"`
	Paid   Date      `json:"paid"`
	DocsBy Date      `json:"docs_by"` // documentation due (5 working days)
	DocsIn Date      `json:"docs_in,omitzero"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// life returns c's Life, creating it.
func (c *Case) life() *Life {
	if c.Life == nil {
		c.Life = &Life{}
	}
	return c.Life
}

// cloneLife copies l deeply enough to append to its lists.
func cloneLife(l *Life) *Life {
	if l == nil {
		return nil
	}
	n := *l
	n.Notices = slices.Clone(l.Notices)
	n.Objections = slices.Clone(l.Objections)
	n.Deliveries = slices.Clone(l.Deliveries)
	n.Payments = slices.Clone(l.Payments)
	n.Changes = slices.Clone(l.Changes)
	n.Reviews = slices.Clone(l.Reviews)
	if l.Account != nil {
		a := *l.Account
		n.Account = &a
	}
	if l.Urgent != nil {
		u := *l.Urgent
		n.Urgent = &u
	}
	return &n
}

// ReviewOf is the number of the case a review case reviews ("" for an
// application).
func (c *Case) ReviewOf() string {
	if c.Life == nil {
		return ""
	}
	return c.Life.ReviewOf
}

// OpenNotice is the notice still running on c, or nil.
func (c *Case) OpenNotice() *Notice {
	if c.Life == nil || c.Status != StatusPublicity {
		return nil
	}
	for i := len(c.Life.Notices) - 1; i >= 0; i-- {
		if c.Life.Notices[i].Ended.IsZero() {
			return &c.Life.Notices[i]
		}
	}
	return nil
}

// Effective reports whether a decision in status s has taken effect and
// pays: holding and not waiting for its public notice.
func (s Status) Effective() bool { return s.Holding() && s != StatusPublicity }

// Watched reports whether a case in status s has a deadline the hall
// watches: an open case's time limit, a rejection's notice (3 working
// days to tell the applicant).
func (s Status) Watched() bool { return s.Open() || s == StatusRejected }

// Lifecycle actions of the history.
const (
	ActionNotice    Action = "notice"
	ActionObjection Action = "objection"
	ActionNotify    Action = "notify"
	ActionPaid      Action = "paid"
	ActionAidChange Action = "aid_change"
	ActionReview    Action = "review"
	ActionAccount   Action = "account"
	ActionUrgent    Action = "urgent"
)

func init() {
	Actions = append(Actions, ActionNotice, ActionObjection, ActionNotify, ActionPaid, ActionAidChange,
		ActionReview, ActionAccount, ActionUrgent)
	actionLabels[ActionNotice] = Text{"公示", "public notice"}
	actionLabels[ActionObjection] = Text{"公示异议", "objection"}
	actionLabels[ActionNotify] = Text{"送达", "delivery"}
	actionLabels[ActionPaid] = Text{"发放", "paid"}
	actionLabels[ActionAidChange] = Text{"救助变更", "aid changed"}
	actionLabels[ActionReview] = Text{"复核", "review"}
	actionLabels[ActionAccount] = Text{"发放账户", "payment account"}
	actionLabels[ActionUrgent] = Text{"先行救助", "emergency pay-first"}
}

// noticed reports whether an approval of c must wait for a public
// notice: a granted project the catalogue notices, on a case that is not
// a review.
func (cat *Catalog) noticed(c *Case) bool {
	if c.ReviewOf() != "" {
		return false
	}
	for _, a := range c.Apps {
		if p := cat.Project(a.Project); p != nil && a.Outcome == OutcomeGranted && p.NoticeBeforeApproval {
			return true
		}
	}
	return false
}

// SessionClosedInTx is the meeting's hook when session closes on day
// (the session's date), in the closing transaction: every case it
// decided (seqs) moves on. An approval of a noticed project waits in
// publicity for County.NoticeDays days; a rejection gets its notice
// deadline (County.RejectionNoticeDays working days from the decision);
// a decided review changes the aid it reviews.
func (t *Tx) SessionClosedInTx(session string, day Date, seqs []uint64, who string) error {
	cat := t.s.cat
	for _, seq := range seqs {
		old, err := t.CaseBySeq(seq)
		if err != nil {
			return err
		}
		if old.Decision == nil || old.Decision.Session != session {
			continue
		}
		c := cloneCaseLife(old)
		var note Text
		switch {
		case c.ReviewOf() != "" && (c.Status == StatusApproved || c.Status == StatusRejected):
			if err := t.applyReview(c, day, who); err != nil {
				return err
			}
			if c.Status != StatusRejected {
				continue
			}
			c.Deadline = cat.Calendar.AddWorkdays(DateOf(c.Decision.At), cat.County.RejectionNoticeDays)
			note = T("停发决定须在 %s 前送达", "the stop decision must reach the person by %s", c.Deadline)
		case c.Status == StatusApproved && cat.noticed(c):
			n := Notice{Session: session, From: day, Until: day.AddDays(cat.County.NoticeDays - 1)}
			c.life().Notices = append(c.life().Notices, n)
			if err := t.MoveInTx(c, StatusPublicity); err != nil {
				return err
			}
			note = T("公示 %s 至 %s（%d 天），期满无异议后批准生效", "public notice from %s to %s (%d days); the approval takes effect when it ends without objection",
				n.From, n.Until, cat.County.NoticeDays)
		case c.Status == StatusRejected:
			c.Deadline = cat.Calendar.AddWorkdays(DateOf(c.Decision.At), cat.County.RejectionNoticeDays)
			note = T("不予救助通知须在 %s 前送达", "the rejection notice must reach the person by %s", c.Deadline)
		default:
			// approved without a notice (or deferred): in effect as decided
			if err := t.SyncAid(old); err != nil {
				return err
			}
			continue
		}
		if err := t.putCaseLife(old, c, Change{Who: who, Action: string(ActionNotice), Note: note}); err != nil {
			return err
		}
	}
	return nil
}

// cloneCaseLife copies c deeply enough to change its applications and
// its life.
func cloneCaseLife(c *Case) *Case {
	n := *c
	n.Apps = slices.Clone(c.Apps)
	n.Evidence = slices.Clone(c.Evidence)
	n.Documents = slices.Clone(c.Documents)
	n.Missing = slices.Clone(c.Missing)
	n.Life = cloneLife(c.Life)
	return &n
}

// changeLife loads case number, lets fn change it and stores it with one
// history entry; fn may set the entry's note.
func (s *Store) changeLife(number, who string, perm Perm, action Action, fn func(t *Tx, c *Case) (Text, error)) (*Case, error) {
	var out *Case
	err := s.Update(func(t *Tx) error {
		if err := t.Require(who, perm); err != nil {
			return err
		}
		old, err := t.Case(number)
		if err != nil {
			return err
		}
		c := cloneCaseLife(old)
		note, err := fn(t, c)
		if err != nil {
			return err
		}
		if err := t.putCaseLife(old, c, Change{Who: who, Action: string(action), Note: note}); err != nil {
			return err
		}
		out = c
		return nil
	})
	return out, err
}

// Notify records that the decision letter of case number reached the
// person: how, when, who received it. An approved or rejected case moves
// to notified, and on to closed when nothing is left to do (a rejection;
// an approval whose one-offs are paid). A later letter (a change of the
// aid) is recorded on a notified or closed case without moving it.
func (s *Store) Notify(number string, d Delivery, who string) (*Case, error) {
	d.Receiver, d.Note = Clean(d.Receiver, false), Clean(d.Note, true)
	if _, ok := deliveryLabels[d.Method]; !ok {
		return nil, ErrInvalid.Withf("送达方式 %q 无效", "delivery method %q is invalid", d.Method)
	}
	if d.Receiver == "" {
		return nil, ErrInvalid.Withf("请写明签收人", "the receiver is required")
	}
	if d.Date.IsZero() {
		return nil, ErrInvalid.Withf("请写明送达日期", "the date of delivery is required")
	}
	d.By = who
	return s.changeLife(number, who, PermMove, ActionNotify, func(t *Tx, c *Case) (Text, error) {
		if d.Date.After(DateOf(t.now)) {
			return Text{}, ErrInvalid.Withf("送达日期 %s 晚于今天", "the date of delivery %s is after today", d.Date)
		}
		if c.Decision != nil && d.Date.Before(DateOf(c.Decision.At)) {
			return Text{}, ErrInvalid.Withf("送达日期 %s 早于决定日期 %s", "the date of delivery %s is before the decision (%s)", d.Date, DateOf(c.Decision.At))
		}
		if d.Letter == "" && c.Decision != nil {
			d.Letter = c.Decision.Reference
		}
		switch c.Status {
		case StatusApproved, StatusRejected:
			if err := t.MoveInTx(c, StatusNotified); err != nil {
				return Text{}, err
			}
		case StatusNotified, StatusClosed:
		case StatusPublicity:
			return Text{}, ErrBadTransition.Withf("%s 公示期未满，决定尚未生效", "%s is on public notice; the decision has not taken effect", c.Number)
		default:
			return Text{}, ErrBadTransition.Withf("%s 为「%s」，没有可送达的决定", "%s is %s; it has no decision to deliver", c.Number, c.Status)
		}
		c.life().Deliveries = append(c.life().Deliveries, d)
		t.settle(c)
		return T("%s %s 以%s送达，签收人 %s", "%s delivered on %s by %s, received by %s", d.Letter, d.Date, d.Method, d.Receiver), nil
	})
}

// settle closes a notified case with nothing left to do: every granted
// one-off paid (a running monthly aid stays under review on the closed
// case).
func (t *Tx) settle(c *Case) {
	if c.Status != StatusNotified {
		return
	}
	for _, a := range c.Apps {
		if a.Outcome == OutcomeGranted && t.s.cat.paysOnce(a.Project) && a.Granted > 0 && !c.Paid(a.Project) {
			return
		}
	}
	c.Status = StatusClosed
}

// paysOnce reports whether a project pays a one-off sum (one-off, a share
// of medical cost).
func (cat *Catalog) paysOnce(code string) bool {
	k := cat.kindOf(code)
	return k == KindOneOff || k == KindMedicalShare
}

// Paid reports whether the one-off of project code was paid in full (an
// emergency payment first may have paid part of it).
func (c *Case) Paid(code string) bool {
	a := c.App(code)
	if a == nil || c.Life == nil {
		return false
	}
	paid := c.paidSoFar(code)
	return paid > 0 && paid >= a.Granted
}

// SetAccount records where case number's money is paid. An empty holder
// is the payee the roll would name (the guardian for a child).
func (s *Store) SetAccount(number string, acc Account, who string) (*Case, error) {
	acc.Holder, acc.Bank = Clean(acc.Holder, false), Clean(acc.Bank, false)
	acc.Number = strings.ReplaceAll(Clean(acc.Number, false), " ", "")
	if acc.Number == "" || strings.Trim(acc.Number, "0123456789") != "" || len(acc.Number) < 8 || len(acc.Number) > 32 {
		return nil, ErrInvalid.Withf("账号 %q 应为 8 到 32 位数字", "account number %q must be 8 to 32 digits", MaskAccount(acc.Number))
	}
	return s.changeLife(number, who, PermMove, ActionAccount, func(t *Tx, c *Case) (Text, error) {
		if acc.Holder == "" {
			acc.Holder = Payee(c, DateOf(t.now))
		}
		c.life().Account = &acc
		return T("发放账户：%s %s（%s）", "payment account: %s %s (%s)", acc.Bank, MaskAccount(acc.Number), acc.Holder), nil
	})
}

// Payee is who receives c's money on day: the applicant, or for a child
// the guardian (Person.GuardianName, else the first adult parent or
// grandparent of the household).
func Payee(c *Case, day Date) string {
	if c.Life != nil && c.Life.Account != nil && c.Life.Account.Holder != "" {
		return c.Life.Account.Holder
	}
	app := c.Applicant
	if app.Birth.IsZero() || app.AgeOn(day) >= 18 {
		return app.Name
	}
	if g := strings.TrimSpace(app.GuardianName); g != "" {
		return g
	}
	for _, rel := range []string{"父亲", "父", "母亲", "母", "父母", "祖父", "祖母", "祖父母", "外祖父", "外祖母", "外祖父母"} {
		for _, m := range c.Household.Members {
			if m.Relation == rel && m.Person.Name != "" && (m.Person.Birth.IsZero() || m.Person.AgeOn(day) >= 18) {
				return m.Person.Name
			}
		}
	}
	return app.Name
}

// String is "2026-12" of a month.
func monthKey(y int, m time.Month) string { return fmt.Sprintf("%04d-%02d", y, int(m)) }
