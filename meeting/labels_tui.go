package meeting

import "github.com/rongjiuzhu/hall/casefile"

// MarkWhy is the reason of the application's mark in both languages: its
// MarkText, or for an item stored before marks were bilingual its
// Chinese MarkReason on both sides.
func (a *ItemApp) MarkWhy() casefile.Text {
	if a.MarkText != (casefile.Text{}) {
		return a.MarkText
	}
	return casefile.Text{ZH: a.MarkReason, EN: a.MarkReason}
}

// MissingLabel names one entry of Tally.Missing (or of a deferral's
// Verify list, which starts from it) in both languages: an evidence kind
// or a document of the catalogue, or anything else typed as it is on
// both sides. Missing is stored in Chinese.
func MissingLabel(cat *casefile.Catalog, s string) casefile.Text {
	for _, k := range casefile.EvidenceKinds {
		if k.Label(casefile.ZH) == s {
			return casefile.Text{ZH: s, EN: k.Label(casefile.EN)}
		}
	}
	if cat != nil {
		return cat.DocumentLabel(s)
	}
	return casefile.Text{ZH: s, EN: s}
}

// MissingList names the entries of Tally.Missing (or a Verify list) as
// one list in both languages.
func MissingList(cat *casefile.Catalog, items []string) casefile.List {
	l := make(casefile.List, len(items))
	for i, s := range items {
		l[i] = MissingLabel(cat, s)
	}
	return l
}

// Roles lists the parts a committee member plays in a meeting.
var Roles = []Role{RoleChair, RoleMember, RoleSecretary}

// SessionStatuses lists the statuses of a session.
var SessionStatuses = []SessionStatus{SessionOpen, SessionClosed}

// Choices lists the votes a member can cast.
var Choices = []Choice{Agree, Disagree, Abstain}

// Marks lists the marks of the "same policy only once" rule (MarkNone,
// the empty mark, left out).
var Marks = []Mark{MarkKept, MarkDecline, MarkStale}
