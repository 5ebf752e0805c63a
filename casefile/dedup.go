package casefile

import (
	"bytes"
	"fmt"
	"sort"
)

// DedupApp is one application in a duplicate group. It is ranked by
// Amount, what would be granted: the proposal (or what was granted, for
// a held one), never what was requested.
type DedupApp struct {
	CaseSeq    uint64 `json:"-"`
	CaseNumber string `json:"case_number"`
	Department string `json:"department"`
	Project    string `json:"project"`
	Amount     Money  `json:"amount"`    // what ranks: Proposed, or Granted when held
	Requested  Money  `json:"requested"` // what the applicant asked for (0: by rule)
	Proposed   Money  `json:"proposed"`  // what the rules propose
	Received   Date   `json:"received"`
	Keep       bool   `json:"keep"`
	Held       bool   `json:"held,omitempty"` // granted in a decided case: reported, never re-marked
	Reason     Text   `json:"reason"`
}

// DedupGroup is one person's open applications to projects of one group
// in one period.
type DedupGroup struct {
	PersonID uint64     `json:"-"`
	Person   string     `json:"person"`
	IDMasked string     `json:"id_number"`
	Group    string     `json:"group"`
	Period   string     `json:"period"` // "2026" or "ongoing"
	Apps     []DedupApp `json:"applications"`
}

// PeriodLabel names the group's period in lang: 2026年 / 2026, or
// 持续享受期间 / while held for an ongoing group.
func (g *DedupGroup) PeriodLabel(lang Lang) string {
	if g.Period == "ongoing" {
		return T("持续享受期间", "while held").In(lang)
	}
	return T("%s年", "%s", g.Period).In(lang)
}

// DedupTotals sums a resolution.
type DedupTotals struct {
	Groups       int `json:"groups"`
	Applications int `json:"applications"`
	Kept         int `json:"kept"`
	Declined     int `json:"declined"`
	// KeptAmounts and DeclinedAmounts sum the proposals kept and declined,
	// per month and one-off apart (a basic-living group pays monthly, a
	// freshman group once).
	KeptAmounts     Amounts `json:"kept_amounts"`
	DeclinedAmounts Amounts `json:"declined_amounts"`
}

// keep counts a kept application of a project of kind k proposing amount.
func (t *DedupTotals) keep(k ProjectKind, amount Money) {
	t.Kept++
	t.KeptAmounts.Add(k, amount)
}

// decline counts a declined application of a project of kind k proposing
// amount.
func (t *DedupTotals) decline(k ProjectKind, amount Money) {
	t.Declined++
	t.DeclinedAmounts.Add(k, amount)
}

// DedupReport is the batch "same policy only once" resolution.
type DedupReport struct {
	Groups  []DedupGroup `json:"groups"`
	Totals  DedupTotals  `json:"totals"`
	Changed int          `json:"changed"` // cases whose marks were written
	// ChangedSeqs are the internal numbers of those cases.
	ChangedSeqs map[uint64]bool `json:"-"`
}

// Figures names the amount in both languages, the request beside the
// proposal when they differ: 拟定 10,000.00 元，申请 5,000.00 元 /
// proposed 10,000.00 yuan, requested 5,000.00.
func (a DedupApp) Figures() Text {
	if a.Held {
		return T("已核定 %s 元", "granted %s yuan", a.Amount.Grouped())
	}
	if a.Requested != 0 && a.Requested != a.Amount {
		return T("拟定 %s 元，申请 %s 元", "proposed %s yuan, requested %s", a.Amount.Grouped(), a.Requested.Grouped())
	}
	return T("拟定 %s 元", "proposed %s yuan", a.Amount.Grouped())
}

// rankApps orders applications best first: the single highest amount,
// then the earliest received, then the lowest case number.
func rankApps(apps []DedupApp) {
	sort.SliceStable(apps, func(i, j int) bool {
		a, b := apps[i], apps[j]
		if a.Held != b.Held {
			return a.Held // what is already granted stays
		}
		if a.Amount != b.Amount {
			return a.Amount > b.Amount
		}
		if a.Received != b.Received {
			return a.Received.Before(b.Received)
		}
		return a.CaseNumber < b.CaseNumber
	})
}

// ResolveDuplicates runs the batch resolution over all open cases: per
// person, group and period, the application with the single highest
// proposed amount is kept and the others are marked to decline with a
// reason naming the kept project and department. When the person already
// holds a project of the group in that period (an approved case), every
// open application is marked to decline, naming what is held. With apply the marks are
// written (one transaction, one history entry per changed case) and
// stale marks of applications no longer in conflict are cleared;
// otherwise nothing is written.
func (s *Store) ResolveDuplicates(apply bool, who string) (*DedupReport, error) {
	rep := &DedupReport{}
	run := func(t *Tx) error {
		r, marks, err := t.resolve(nil)
		if err != nil {
			return err
		}
		*rep = *r
		if !apply {
			return nil
		}
		if err := t.Require(who, PermMeeting); err != nil {
			return err
		}
		changed, err := t.writeMarks(marks, who)
		rep.Changed, rep.ChangedSeqs = len(changed), changed
		return err
	}
	if err := s.Transact(apply, run); err != nil {
		return nil, err
	}
	return rep, nil
}

// markKey names one application of one case.
type markKey struct {
	seq     uint64
	project string
}

// resolve walks the group index once — all of it, or only the entries of
// the given people when pids is not nil. It returns the report and the
// marks every open grouped application walked should carry (nil: no
// mark).
func (t *Tx) resolve(pids []uint64) (*DedupReport, map[markKey]*DedupMark, error) {
	rep := &DedupReport{}
	marks := map[markKey]*DedupMark{}
	cat := t.s.cat
	var cur []byte // pid | group 0
	var runEntries []groupEntry
	flush := func() error {
		if len(runEntries) == 0 {
			return nil
		}
		gkey := string(cur[8 : len(cur)-1])
		g := cat.Group(gkey)
		byPeriod := map[string][]groupEntry{}
		var periods []string
		for _, e := range runEntries {
			period := "ongoing"
			if g == nil || g.Period != "ongoing" {
				period = fmt.Sprint(DateOfUnix(e.Received).Year)
			}
			if _, ok := byPeriod[period]; !ok {
				periods = append(periods, period)
			}
			byPeriod[period] = append(byPeriod[period], e)
		}
		for _, period := range periods {
			var es, held []groupEntry
			for _, e := range byPeriod[period] {
				if e.Status.Holding() {
					held = append(held, e)
				} else {
					es = append(es, e)
				}
			}
			if len(es) == 0 {
				continue
			}
			if len(es) < 2 && len(held) == 0 {
				if es[0].Mark != 0 {
					marks[markKey{es[0].Seq, es[0].Project}] = nil
				}
				continue
			}
			dg := DedupGroup{PersonID: beUint64(cur[:8]), Group: gkey, Period: period}
			if p, err := t.Person(dg.PersonID); err == nil {
				dg.Person, dg.IDMasked = p.Name, p.MaskedDoc()
			}
			for _, e := range append(held, es...) {
				a := DedupApp{CaseSeq: e.Seq, CaseNumber: e.Number, Project: e.Project, Amount: e.Amount,
					Proposed: e.Amount, Received: DateOfUnix(e.Received), Held: e.Status.Holding()}
				if c, err := t.CaseBySeq(e.Seq); err == nil {
					if ap := c.App(e.Project); ap != nil {
						a.Requested, a.Proposed = ap.Requested, ap.Proposed
					}
				}
				if p := cat.Project(e.Project); p != nil {
					a.Department = p.Department
				}
				dg.Apps = append(dg.Apps, a)
			}
			rankApps(dg.Apps)
			kept := dg.Apps[0]
			kp, kd := cat.Project(kept.Project), cat.Department(kept.Department)
			for i := range dg.Apps {
				a := &dg.Apps[i]
				a.Keep = i == 0
				if a.Held {
					// already granted: reported, never marked
					a.Reason = T("已享受（已批准）", "already held (approved)")
					continue
				}
				switch {
				case kept.Held:
					a.Keep = false
					a.Reason = T("同一救助政策只能享受一次：已享受%s「%s」%s（案件 %s），本项不予重复救助",
						"the same policy is enjoyed only once: %s's %s, %s (case %s), is already held; this one is declined",
						kd, kp, cat.AmountText(kept.Project, kept.Amount), kept.CaseNumber)
					rep.Totals.decline(cat.kindOf(a.Project), a.Amount)
				case a.Keep:
					a.Reason = T("同组申请中拟定金额最高（%s），予以保留", "the single highest proposed amount of the group (%s): kept", a.Figures())
					rep.Totals.keep(cat.kindOf(a.Project), a.Amount)
				default:
					a.Reason = T("同一救助政策只能享受一次：已保留%s「%s」%s（案件 %s），本项不予重复救助",
						"the same policy is enjoyed only once: %s's %s, %s (case %s), is kept; this one is declined",
						kd, kp, cat.AmountText(kept.Project, kept.Amount), kept.CaseNumber)
					rep.Totals.decline(cat.kindOf(a.Project), a.Amount)
				}
				rep.Totals.Applications++
				marks[markKey{a.CaseSeq, a.Project}] = &DedupMark{Keep: a.Keep, Reason: a.Reason.ZH, Text: a.Reason, Group: gkey, At: t.now}
			}
			rep.Groups = append(rep.Groups, dg)
			rep.Totals.Groups++
		}
		runEntries = runEntries[:0]
		return nil
	}
	visit := func(k, v []byte) error {
		i := bytes.IndexByte(k[8:], 0)
		if i < 0 {
			return nil
		}
		prefix := k[:8+i+1]
		if !bytes.Equal(prefix, cur) {
			if err := flush(); err != nil {
				return err
			}
			cur = append(cur[:0], prefix...)
		}
		if e, ok := decodeGroupEntry(k, v); ok && (e.Status.Open() || e.Status.Holding()) {
			runEntries = append(runEntries, e)
		}
		return nil
	}
	c := t.cursor(bIdxGroup)
	if pids == nil {
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if err := visit(k, v); err != nil {
				return nil, nil, err
			}
		}
	} else {
		sorted := append([]uint64(nil), pids...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
		for i, pid := range sorted {
			if i > 0 && pid == sorted[i-1] {
				continue
			}
			prefix := u64(pid)
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				if err := visit(k, v); err != nil {
					return nil, nil, err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return nil, nil, err
	}
	return rep, marks, nil
}

// writeMarks stores the marks whose value differs from what the case
// holds; it returns the cases that changed.
func (t *Tx) writeMarks(marks map[markKey]*DedupMark, who string) (map[uint64]bool, error) {
	bySeq := map[uint64]map[string]*DedupMark{}
	var seqs []uint64
	for k, m := range marks {
		if bySeq[k.seq] == nil {
			bySeq[k.seq] = map[string]*DedupMark{}
			seqs = append(seqs, k.seq)
		}
		bySeq[k.seq][k.project] = m
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	changed := map[uint64]bool{}
	for _, seq := range seqs {
		old, err := t.CaseBySeq(seq)
		if err != nil {
			return changed, err
		}
		c := *old
		c.Apps = append([]Application(nil), old.Apps...)
		diff := false
		var why []DedupChange
		for i := range c.Apps {
			m, ok := bySeq[seq][c.Apps[i].Project]
			if !ok || sameMark(c.Apps[i].Dedup, m) {
				continue
			}
			c.Apps[i].Dedup = m
			diff = true
			why = append(why, DedupChange{Project: c.Apps[i].Project, Mark: m})
		}
		if !diff {
			continue
		}
		if err := t.PutCase(old, &c, Change{Who: who, Action: string(ActionDedup), Note: t.s.cat.DedupNote(why)}); err != nil {
			return changed, err
		}
		changed[seq] = true
	}
	return changed, nil
}

func sameMark(a, b *DedupMark) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Keep == b.Keep && a.Reason == b.Reason && a.Group == b.Group
}
