package meeting

import (
	"sort"

	"github.com/rongjiuzhu/hall/casefile"
)

// Summary sums a session's decisions: approved, rejected and deferred
// counts, the undecided cases, and the granted amounts by department and
// by project, exact to the fen.
func (s *Store) Summary(number string) (*Summary, error) {
	sess, err := s.Session(number)
	if err != nil {
		return nil, err
	}
	return Summarize(s.cases.Catalog(), sess), nil
}

// Summarize sums the decisions of a session loaded with its agenda.
func Summarize(cat *casefile.Catalog, sess *Session) *Summary {
	sum := &Summary{Number: sess.Number, Status: sess.Status, Cases: len(sess.Agenda), Undecided: []string{},
		ByDepartment: []Amount{}, ByProject: []Amount{}}
	depts, projs := map[string]*Amount{}, map[string]*Amount{}
	add := func(m map[string]*Amount, key string, kind casefile.ProjectKind, granted, period casefile.Money) {
		a := m[key]
		if a == nil {
			a = &Amount{Key: key}
			m[key] = a
		}
		a.Count++
		a.Amounts.Add(kind, granted)
		a.Period += period
	}
	for _, it := range sess.Agenda {
		if it.Decision == nil {
			sum.Undecided = append(sum.Undecided, it.Case)
			continue
		}
		switch it.Decision.Result {
		case casefile.StatusApproved:
			sum.Approved++
		case casefile.StatusRejected:
			sum.Rejected++
		case casefile.StatusDeferred:
			sum.Deferred++
		}
		countProjects(&sum.Projects, it)
		for _, a := range it.Apps {
			if a.Outcome != casefile.OutcomeGranted {
				continue
			}
			if pd := it.Decision.Project(a.Project); pd != nil && pd.Stands != "" {
				continue // granted by the earlier session, summed there
			}
			dept := a.Department
			if dept == "" {
				if p := cat.Project(a.Project); p != nil {
					dept = p.Department
				}
			}
			kind := a.Kind
			if kind == "" {
				if p := cat.Project(a.Project); p != nil {
					kind = p.Kind
				}
			}
			var period casefile.Money // monthly amounts over their months only
			if kind == casefile.KindMonthly {
				period = a.Granted * casefile.Money(max(a.Months, 1))
			}
			add(depts, dept, kind, a.Granted, period)
			add(projs, a.Project, kind, a.Granted, period)
			sum.Amounts.Add(kind, a.Granted)
			sum.Period += period
		}
	}
	sum.ByDepartment = sorted(depts, departmentOrder(cat))
	sum.ByProject = sorted(projs, projectOrder(cat))
	return sum
}

// countProjects adds the outcomes of it's projects decided now to n; a
// decision stored before per-project outcomes counts its applications.
func countProjects(n *ProjectCounts, it *Item) {
	add := func(r casefile.Status) {
		switch r {
		case casefile.StatusApproved:
			n.Approved++
		case casefile.StatusRejected:
			n.Rejected++
		case casefile.StatusDeferred:
			n.Deferred++
		}
	}
	if len(it.Decision.Projects) > 0 {
		for _, pd := range it.Decision.Projects {
			if pd.Stands == "" {
				add(pd.Result)
			}
		}
		return
	}
	for _, a := range it.Apps {
		switch {
		case it.Decision.Result == casefile.StatusDeferred:
			add(casefile.StatusDeferred)
		case a.Outcome == casefile.OutcomeGranted:
			add(casefile.StatusApproved)
		case a.Outcome == casefile.OutcomeDeclined:
			add(casefile.StatusRejected)
		}
	}
}

// sorted lists the amounts in catalogue order (unknown keys last, by key).
func sorted(m map[string]*Amount, order map[string]int) []Amount {
	out := make([]Amount, 0, len(m))
	for _, a := range m {
		out = append(out, *a)
	}
	rank := func(k string) int {
		if r, ok := order[k]; ok {
			return r
		}
		return len(order)
	}
	sort.Slice(out, func(i, j int) bool {
		if ri, rj := rank(out[i].Key), rank(out[j].Key); ri != rj {
			return ri < rj
		}
		return out[i].Key < out[j].Key
	})
	return out
}

func departmentOrder(cat *casefile.Catalog) map[string]int {
	m := map[string]int{}
	for i, d := range cat.Departments {
		m[d.Key] = i
	}
	return m
}

func projectOrder(cat *casefile.Catalog) map[string]int {
	m := map[string]int{}
	for i, p := range cat.Projects {
		m[p.Code] = i
	}
	return m
}
