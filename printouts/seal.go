package printouts

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"strings"

	"github.com/rongjiuzhu/hall/casefile"
)

// A check code (核验码) is printed on a document, in words and in its QR
// code, so that anyone holding the paper can have the hall confirm it:
//
//	hall:2026-000123:R:7GQK-M2PA-X9TB-4HEW
//
// that is the case number, the kind of document (R: the intake receipt)
// and a keyed hash (HMAC-SHA-256, first 80 bits, Crockford base32) over
// the facts the document certifies (Facts), with the database's own key
// (casefile.Store.SealKey). `hall verify CODE` recomputes the facts from
// the records: a code matches only if the paper was printed from this
// database and the facts still hold; a changed character fails. The code
// carries no personal data.

// Kinds of sealed document.
const (
	SealReceipt = "R" // 受理回执
)

// sealKinds name the kinds of sealed document.
var sealKinds = map[string]string{SealReceipt: "受理回执"}

// Fact is one fact a document certifies: Key and Value enter the hash
// (codes and ISO dates, stable when the catalogue renames a project),
// Label and Show are how a person reads it.
type Fact struct {
	Key, Value string
	Label      casefile.Text // what the fact is, in both languages
	Show       string        // the fact as the document prints it
}

// Facts are what a sealed document certifies about one case.
type Facts struct {
	Case  string // the case number
	Kind  string // SealReceipt
	Items []Fact
}

// Title names the kind of document: 受理回执.
func (f Facts) Title() string { return sealKinds[f.Kind] }

// ReceiptFacts are the facts an intake receipt certifies: the case
// number, the applicant with the masked ID number, the projects applied
// for, the acceptance date and the promised decision date.
func (p *Printer) ReceiptFacts(c *casefile.Case) Facts {
	applicant := applicantName(c)
	if id := maskedID(c); id != "" {
		applicant += "（" + id + "）"
	}
	var codes, names []string
	for _, a := range c.Apps {
		codes = append(codes, a.Project)
		names = append(names, p.projectWithDept(a.Project))
	}
	received := c.ReceivedDate()
	return Facts{Case: c.Number, Kind: SealReceipt, Items: []Fact{
		{"case", c.Number, casefile.Text{ZH: "案件编号", EN: "case"}, c.Number},
		{"applicant", applicantName(c) + "|" + c.Applicant.MaskedDoc(), casefile.Text{ZH: "申请人", EN: "applicant"}, applicant},
		{"projects", strings.Join(codes, ","), casefile.Text{ZH: "申请项目", EN: "projects"}, strings.Join(names, "；")},
		{"received", received.String(), casefile.Text{ZH: "受理日期", EN: "received"}, received.Chinese()},
		{"deadline", c.Deadline.String(), casefile.Text{ZH: "承诺办结", EN: "decision due"}, deadlineText(c)},
	}}
}

// crockford is base32 without I, L, O, U: nothing to misread.
var crockford = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// macLen is the hash kept, in bytes: 80 bits, 16 characters.
const macLen = 10

// mac is the grouped keyed hash of f: "7GQK-M2PA-X9TB-4HEW".
func mac(key []byte, f Facts) string {
	h := hmac.New(sha256.New, key)
	h.Write([]byte("hall-seal-1\n" + f.Kind + "\n" + f.Case + "\n"))
	for _, it := range f.Items {
		h.Write([]byte(it.Key + "=" + it.Value + "\n"))
	}
	s := crockford.EncodeToString(h.Sum(nil)[:macLen])
	return s[0:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:16]
}

// SealCode is the check code of f under key:
// "hall:2026-000123:R:7GQK-M2PA-X9TB-4HEW".
func SealCode(key []byte, f Facts) string {
	return "hall:" + f.Case + ":" + f.Kind + ":" + mac(key, f)
}

// Code is a check code read back from paper or a scanner.
type Code struct {
	Case, Kind, MAC string
}

// ErrBadCode: what was given is not a check code.
var ErrBadCode = casefile.NewError("bad_code",
	"不是本系统的核验码（应为 hall:案件编号:类别:校验码）",
	"not a hall check code (hall:CASE:KIND:CHECK)")

// ParseCode reads a check code as printed or as a scanner gives it
// ("QR-Code:hall:…" from zbarimg, "核验码 hall:…" as printed): blanks
// anywhere and what comes before "hall:" are dropped, the check
// is read in either case, with O for 0 and I or L for 1.
func ParseCode(s string) (Code, error) {
	s = strings.Join(strings.Fields(s), "")
	// What comes before the code: zbarimg's "QR-Code:", the printed
	// label "核验码".
	if i := strings.Index(strings.ToLower(s), "hall:"); i > 0 {
		s = s[i:]
	}
	parts := strings.Split(s, ":")
	if len(parts) != 4 || !strings.EqualFold(parts[0], "hall") || parts[1] == "" {
		return Code{}, ErrBadCode.Withf("%s", "%s", s)
	}
	kind := strings.ToUpper(parts[2])
	if sealKinds[kind] == "" {
		return Code{}, ErrBadCode.Withf("未知的文书类别 %s", "unknown document kind %s", parts[2])
	}
	check := strings.NewReplacer("-", "", "O", "0", "I", "1", "L", "1").Replace(strings.ToUpper(parts[3]))
	if len(check) != 16 {
		return Code{}, ErrBadCode.Withf("校验码应为16位", "the check should have 16 characters")
	}
	if _, err := crockford.DecodeString(check); err != nil {
		return Code{}, ErrBadCode.Withf("校验码含有无效字符", "the check has characters it cannot hold")
	}
	return Code{Case: parts[1], Kind: kind, MAC: check[0:4] + "-" + check[4:8] + "-" + check[8:12] + "-" + check[12:16]}, nil
}

// Matches reports whether code is the check code of f under key, in
// constant time.
func (code Code) Matches(key []byte, f Facts) bool {
	return code.Case == f.Case && code.Kind == f.Kind && len(key) > 0 &&
		hmac.Equal([]byte(code.MAC), []byte(mac(key, f)))
}

// WithSealKey sets the database's key (casefile.Store.SealKey) with
// which receipts carry a check code. Without it a receipt's QR code
// carries only the case number.
func WithSealKey(key []byte) Option {
	return func(p *Printer) { p.sealKey = append([]byte(nil), key...) }
}

// deadlineText is the promised decision date in words.
func deadlineText(c *casefile.Case) string {
	if c.Deadline.IsZero() {
		return "按规定时限作出决定"
	}
	return c.Deadline.Chinese() + "前作出决定"
}

// Verdict is a check code checked against the records.
type Verdict struct {
	Code Code
	// Matches: the paper was printed from this database and what it
	// states still holds.
	Matches bool
	// Facts are what the document certifies, as the records give them
	// now, and Status the case's status now; both empty when the case is
	// unknown.
	Facts  Facts
	Status casefile.Status
}

// CheckCode reads a check code as printed or scanned (ParseCode) and
// checks it against the records of st: `hall verify` and the dossier use
// it. A code that cannot be read gives ErrBadCode; a code for an unknown
// case, or from a database that never printed one, does not match.
func CheckCode(st *casefile.Store, s string) (*Verdict, error) {
	code, err := ParseCode(s)
	if err != nil {
		return nil, err
	}
	v := &Verdict{Code: code}
	key, err := st.SealKey()
	if errors.Is(err, casefile.ErrNoSealKey) {
		return v, nil
	} else if err != nil {
		return nil, err
	}
	var c *casefile.Case
	err = st.View(func(t *casefile.Tx) (err error) { c, err = t.Case(code.Case); return err })
	if errors.Is(err, casefile.ErrCaseNotFound) {
		return v, nil
	} else if err != nil {
		return nil, err
	}
	v.Facts = New(nil, st.Catalog()).ReceiptFacts(c)
	v.Status = c.Status
	v.Matches = code.Matches(key, v.Facts)
	return v, nil
}
