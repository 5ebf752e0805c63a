package casefile

// Action is what a history entry records. HistoryEntry.Action holds it as
// a plain string (the stored JSON and the chained hashes stay as they
// are); Action(e.Action).Label(lang) names it.
type Action string

// Actions of the history.
const (
	ActionIntake     Action = "intake"
	ActionEvidence   Action = "evidence"
	ActionStatus     Action = "status"
	ActionDedup      Action = "dedup"
	ActionDecision   Action = "decision"
	ActionReconsider Action = "reconsider"
	ActionPrint      Action = "print"
	ActionReveal     Action = "reveal"
	ActionPropose    Action = "propose" // proposals recomputed before a meeting
	ActionDocuments  Action = "documents"
)

// Actions lists the actions of the history.
var Actions = []Action{ActionIntake, ActionEvidence, ActionStatus, ActionDedup, ActionDecision,
	ActionReconsider, ActionPrint, ActionReveal, ActionPropose, ActionDocuments}

// Label returns the action's name in lang (the words the front desk's
// history has always shown).
func (a Action) Label(lang Lang) string { return LabelFrom(actionLabels, a, lang) }

var actionLabels = map[Action]Text{
	ActionIntake:     {"受理", "intake"},
	ActionEvidence:   {"补充核查", "evidence"},
	ActionStatus:     {"状态变更", "status"},
	ActionDedup:      {"同类去重", "dedup"},
	ActionDecision:   {"研判决定", "decision"},
	ActionReconsider: {"复议", "reconsideration"},
	ActionPropose:    {"重新核算", "proposal recomputed"},
	ActionDocuments:  {"收到材料", "documents received"},
	ActionPrint:      {"打印", "print"},
	ActionReveal:     {"查看完整证件号", "full ID shown"},
}

// Text is what the entry says, in both languages: its Note, or for an
// entry recorded before notes were bilingual its Why, the same in both.
func (e HistoryEntry) Text() Text {
	if e.Note != (Text{}) {
		return e.Note
	}
	return Text{ZH: e.Why, EN: e.Why}
}

// IntakeNote is the history text of an intake: the channel and the
// projects applied for, by name.
func (cat *Catalog) IntakeNote(c *Case) Text {
	var projects List
	for _, a := range c.Apps {
		projects = append(projects, cat.projectLabeler(a.Project))
	}
	return T("%s；申请 %s", "%s; applies for %s", c.Channel, projects)
}

// EvidenceNote is the history text of an evidence item: its kind, the
// department it came from and its date.
func (cat *Catalog) EvidenceNote(ev Evidence) Text {
	var dept Labeler = Text{ZH: ev.Department, EN: ev.Department}
	if d := cat.Department(ev.Department); d != nil {
		dept = d
	}
	return T("%s，%s，%s", "%s, %s, %s", ev.Kind, dept, ev.Date)
}

// DedupNote is the history text of the duplicate marks written on one
// case's applications: for each project, kept, declined (with the
// reason) or no longer a duplicate.
func (cat *Catalog) DedupNote(changes []DedupChange) Text {
	var out Text
	for i, ch := range changes {
		p := cat.projectLabeler(ch.Project)
		var t Text
		switch {
		case ch.Mark == nil:
			t = T("%s：不再重复", "%s: no longer a duplicate", p)
		case ch.Mark.Keep:
			t = T("%s：保留", "%s: kept", p)
		default:
			t = T("%s：%s", "%s: declined: %s", p, ch.Mark.Why())
		}
		if i > 0 {
			out = T("%s；%s", "%s; %s", out, t)
		} else {
			out = t
		}
	}
	return out
}

// DedupChange is one application's new duplicate mark (nil: none).
type DedupChange struct {
	Project string
	Mark    *DedupMark
}

// projectLabeler names project code by the catalogue, or by its code when
// the catalogue does not know it.
func (cat *Catalog) projectLabeler(code string) Labeler {
	if p := cat.Project(code); p != nil {
		return p
	}
	return Text{ZH: code, EN: code}
}
