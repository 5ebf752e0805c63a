package meeting

import (
	"fmt"

	"github.com/rongjiuzhu/hall/casefile"
)

// committee reads the members, in id order.
func committee(t *casefile.Tx) ([]Member, error) {
	out := []Member{}
	for rec := range t.Records(nsMembers).Scan(casefile.Key{}) {
		var m Member
		if err := rec.Decode(&m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// checkCommittee checks members against the catalogue: a name, a known
// department and role each, at most one chair and one secretary.
func checkCommittee(cat *casefile.Catalog, members []Member) error {
	var chairs, secs int
	for _, m := range members {
		if m.Name == "" {
			return ErrCommittee.Withf("委员姓名不能为空", "a member has no name")
		}
		if cat.Department(m.Department) == nil {
			return ErrCommittee.Withf("%s：部门 %q 不在目录中", "%s: department %q is not in the catalogue", m.Name, m.Department)
		}
		switch m.Role {
		case RoleChair:
			chairs++
		case RoleSecretary:
			secs++
		case RoleMember:
		default:
			return ErrCommittee.Withf("%s：角色 %q 无效（chair、member、secretary）", "%s: role %q is invalid (chair, member, secretary)", m.Name, m.Role)
		}
	}
	if chairs > 1 || secs > 1 {
		return ErrCommittee.Withf("最多一名主持人和一名记录人", "at most one chair and one secretary")
	}
	return nil
}

func cleanMember(cat *casefile.Catalog, m *Member) {
	m.Name = casefile.Clean(m.Name, false)
	if d := cat.Department(casefile.Clean(m.Department, false)); d != nil {
		m.Department = d.Key
	}
	if m.Role == "" {
		m.Role = RoleMember
	}
}

// Committee returns the committee's members in id order (empty when none
// is set up).
func (s *Store) Committee() ([]Member, error) {
	var out []Member
	err := s.cases.View(func(t *casefile.Tx) error {
		var err error
		out, err = committee(t)
		return err
	})
	return out, err
}

// SetCommittee replaces the committee with members (ids are assigned
// afresh, never reusing an earlier member's) and returns it as stored. Sessions already opened keep the
// committee they were opened with.
func (s *Store) SetCommittee(members []Member, who string) ([]Member, error) {
	if err := needWho(who); err != nil {
		return nil, err
	}
	cat := s.cases.Catalog()
	ms := append([]Member(nil), members...)
	for i := range ms {
		cleanMember(cat, &ms[i])
	}
	if err := checkCommittee(cat, ms); err != nil {
		return nil, err
	}
	err := s.update(who, func(t *casefile.Tx) error {
		recs := t.Records(nsMembers)
		// Delete the members one by one: the namespace keeps its
		// sequence, so an id is never given to someone else.
		var old []casefile.Key
		for rec := range recs.Scan(casefile.Key{}) {
			old = append(old, rec.Key)
		}
		for _, k := range old {
			if err := recs.Delete(k); err != nil {
				return err
			}
		}
		for i := range ms {
			var err error
			if ms[i].ID, err = recs.NextSequence(); err != nil {
				return err
			}
			if err := recs.Put(casefile.NumKey(ms[i].ID), &ms[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ms, nil
}

// SaveMember adds a member (ID 0) or changes one, and returns it as
// stored.
func (s *Store) SaveMember(m Member, who string) (Member, error) {
	if err := needWho(who); err != nil {
		return m, err
	}
	cat := s.cases.Catalog()
	cleanMember(cat, &m)
	err := s.update(who, func(t *casefile.Tx) error {
		all, err := committee(t)
		if err != nil {
			return err
		}
		found := m.ID == 0
		next := all[:0:0]
		for _, o := range all {
			if o.ID == m.ID {
				found = true
				continue
			}
			next = append(next, o)
		}
		if !found {
			return ErrNotMember.Withf("编号 %d", "id %d", m.ID)
		}
		if err := checkCommittee(cat, append(next, m)); err != nil {
			return err
		}
		recs := t.Records(nsMembers)
		if m.ID == 0 {
			if m.ID, err = recs.NextSequence(); err != nil {
				return err
			}
		}
		return recs.Put(casefile.NumKey(m.ID), &m)
	})
	return m, err
}

// RemoveMember takes a member off the committee.
func (s *Store) RemoveMember(id uint64, who string) error {
	if err := needWho(who); err != nil {
		return err
	}
	return s.update(who, func(t *casefile.Tx) error {
		recs := t.Records(nsMembers)
		if !recs.Has(casefile.NumKey(id)) {
			return ErrNotMember.Withf("编号 %d", "id %d", id)
		}
		return recs.Delete(casefile.NumKey(id))
	})
}

// committeeNames are plausible names for the default committee, one per
// seat in order: the chair, then one member per department, then the
// secretary.
var committeeNames = []string{"王建国", "李秀兰", "张志强", "刘海燕", "陈卫东", "杨丽华", "赵文博", "黄振华",
	"周春花", "吴宏志", "徐晓军", "孙桂英", "胡明辉", "朱玉萍", "高建军", "林秋菊", "何俊杰", "郭冬梅", "马晓梅"}

// DefaultCommittee builds a committee from the catalogue's departments:
// the civil-affairs representative chairs, every other department sends
// one member, and a civil-affairs officer of the hall is the secretary.
// Ids are assigned when it is stored (SetCommittee).
func DefaultCommittee(cat *casefile.Catalog) []Member {
	var out []Member
	name := func(i int) string {
		if i < len(committeeNames) {
			return committeeNames[i]
		}
		return fmt.Sprintf("委员%d", i+1)
	}
	chairDept := "civil_affairs"
	if cat.Department(chairDept) == nil && len(cat.Departments) > 0 {
		chairDept = cat.Departments[0].Key
	}
	out = append(out, Member{Name: name(0), Department: chairDept, Role: RoleChair})
	for _, d := range cat.Departments {
		if d.Key == chairDept {
			continue
		}
		out = append(out, Member{Name: name(len(out)), Department: d.Key, Role: RoleMember})
	}
	return append(out, Member{Name: name(len(out)), Department: chairDept, Role: RoleSecretary})
}
