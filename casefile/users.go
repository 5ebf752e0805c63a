package casefile

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"time"
)

// Role is what a hall user does; it decides which actions exist for them.
type Role string

// Roles.
const (
	RoleFrontDesk Role = "frontdesk" // intake and the queue
	RoleVerifier  Role = "verifier"  // evidence, readiness for the meeting
	RoleSecretary Role = "secretary" // the meeting: sessions, votes, decisions
	RoleMember    Role = "member"    // sees the meeting, writes nothing
	RolePrinter   Role = "printer"   // prints letters and lists
	RoleAdmin     Role = "admin"     // everything: users, catalogue
)

// Roles lists every role.
var Roles = []Role{RoleFrontDesk, RoleVerifier, RoleSecretary, RoleMember, RolePrinter, RoleAdmin}

// Label returns the role's name in lang.
func (r Role) Label(lang Lang) string { return LabelFrom(roleLabels, r, lang) }

var roleLabels = map[Role]Text{RoleFrontDesk: {"前台受理", "front desk"}, RoleVerifier: {"核查", "verifier"},
	RoleSecretary: {"研判会秘书", "secretary"}, RoleMember: {"研判会成员", "member"},
	RolePrinter: {"打印", "printer"}, RoleAdmin: {"管理员", "admin"}}

// ParseRole reads a role key.
func ParseRole(s string) (Role, bool) {
	for _, r := range Roles {
		if string(r) == s {
			return r, true
		}
	}
	return "", false
}

// Perm is one kind of action the domain checks before it writes or
// reveals.
type Perm string

// Permissions.
const (
	PermIntake   Perm = "intake"   // take applications
	PermEvidence Perm = "evidence" // add verification evidence
	PermMove     Perm = "move"     // send to the meeting, withdraw
	PermMeeting  Perm = "meeting"  // sessions, attendance, votes, decisions, duplicate marks
	PermPrint    Perm = "print"    // print letters, receipts, minutes, notices
	PermReveal   Perm = "reveal"   // see full ID numbers and phones
	PermAdmin    Perm = "admin"    // users, catalogue
)

var rolePerms = map[Role][]Perm{
	RoleFrontDesk: {PermIntake, PermMove, PermPrint, PermReveal},
	RoleVerifier:  {PermEvidence, PermMove, PermReveal},
	RoleSecretary: {PermMeeting, PermPrint},
	RoleMember:    {},
	RolePrinter:   {PermPrint},
	RoleAdmin:     {PermIntake, PermEvidence, PermMove, PermMeeting, PermPrint, PermReveal, PermAdmin},
}

// Can reports whether role r may do p.
func (r Role) Can(p Perm) bool {
	return slices.Contains(rolePerms[r], p)
}

// User is a registered hall user, identified by the fingerprints of their
// SSH public keys.
type User struct {
	Name         string   `json:"name"`
	Role         Role     `json:"role"`
	Keys         []string `json:"keys"`         // authorized_keys lines
	Fingerprints []string `json:"fingerprints"` // SHA256:… of each key
	// Display is the user's real name as documents print it (受理人 张丽);
	// "" when none was given.
	Display string `json:"display,omitempty"`
	// LocalUser is the operating-system login mapped to this user: a
	// `hall` command run by that login acts as this user (hall user add
	// --local-user). "" when none.
	LocalUser string    `json:"local_user,omitempty"`
	Added     time.Time `json:"added"`
	By        string    `json:"by"`
}

// LocalPrefix marks the user of a local `hall` run, who is the local
// administrator: whoever can open the database file owns it.
const LocalPrefix = "local:"

// Errors of users and permissions.
var (
	ErrForbidden   = newError("forbidden", "无此操作权限", "you are not allowed to do this")
	ErrUnknownUser = newError("unknown_user", "未登记的用户", "unknown user")
	ErrUserExists  = newError("user_exists", "用户已存在", "the user exists already")
	ErrKeyInUse    = newError("key_in_use", "该公钥已属于另一用户", "the key belongs to another user")
)

var (
	bUsers    = []byte("users")    // name → User JSON
	bDisplays = []byte("displays") // local user "local:root" → display name (registered users keep theirs in User)
)

// RoleOf returns the role of who: for a local run ("local:LOGIN") the
// administrator while no user is mapped to a local login, and a reader
// only (RoleMember) once any is (LocalActor); the registered role
// otherwise (ErrUnknownUser when not registered).
func (t *Tx) RoleOf(who string) (Role, error) {
	if strings.HasPrefix(who, LocalPrefix) {
		if t.anyLocalMapping() {
			return RoleMember, nil
		}
		return RoleAdmin, nil
	}
	u, err := t.User(who)
	if err != nil {
		return "", err
	}
	return u.Role, nil
}

// Require checks, inside the transaction that will write, that who may do
// p. It is how roles are enforced in the domain, not only in the screens.
func (t *Tx) Require(who string, p Perm) error {
	t.by(who)
	r, err := t.RoleOf(who)
	if err != nil {
		return ErrForbidden.Withf("%s 未登记", "%s is not registered", who)
	}
	if !r.Can(p) {
		return ErrForbidden.Withf("%s（%s）不能执行「%s」", "%s (%s) may not %s", who, r, p)
	}
	return nil
}

// LocalActor is who a local login acts as: the registered user mapped to
// it with --local-user (mapped true), else "local:LOGIN", who is the
// administrator while no login is mapped at all and a reader once any is
// (RoleOf).
func (t *Tx) LocalActor(login string) (who string, mapped bool) {
	if b := t.tx.Bucket(bUsers); b != nil && login != "" {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var u User
			if json.Unmarshal(v, &u) == nil && u.LocalUser == login {
				return u.Name, true
			}
		}
	}
	return LocalPrefix + login, false
}

// anyLocalMapping reports whether some user is mapped to a local login.
func (t *Tx) anyLocalMapping() bool {
	b := t.tx.Bucket(bUsers)
	if b == nil {
		return false
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		var u User
		if json.Unmarshal(v, &u) == nil && u.LocalUser != "" {
			return true
		}
	}
	return false
}

// User loads a user by name.
func (t *Tx) User(name string) (*User, error) {
	unknown := func() error { return ErrUnknownUser.Withf("%s", "%s", name) }
	b := t.tx.Bucket(bUsers)
	if b == nil {
		return nil, unknown()
	}
	return loadJSON[User](b, []byte(name), unknown)
}

// Users lists the registered users by name.
func (s *Store) Users() ([]User, error) {
	var out []User
	err := s.View(func(t *Tx) error {
		b := t.tx.Bucket(bUsers)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var u User
			if err := json.Unmarshal(v, &u); err != nil {
				return ErrDatabaseCorrupt.Withf("用户 %s 无法读取", "user %s cannot be read", k)
			}
			out = append(out, u)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// UserByFingerprint finds the user holding a key fingerprint.
func (s *Store) UserByFingerprint(fp string) (*User, error) {
	users, err := s.Users()
	if err != nil {
		return nil, err
	}
	for i := range users {
		for _, f := range users[i].Fingerprints {
			if f == fp {
				return &users[i], nil
			}
		}
	}
	return nil, ErrUnknownUser.Withf("公钥 %s", "key %s", fp)
}

// AddUser registers a user; only an administrator may. A name or key
// already registered is refused.
func (s *Store) AddUser(u User, who string) error {
	u.Name = Clean(u.Name, false)
	if u.Name == "" || strings.HasPrefix(u.Name, LocalPrefix) || strings.ContainsAny(u.Name, " :") {
		return ErrInvalid.Withf("用户名 %q 无效（不能为空，不能含空格或冒号）", "user name %q is invalid (no blanks or colons)", u.Name)
	}
	if _, ok := ParseRole(string(u.Role)); !ok {
		return ErrInvalid.Withf("角色 %q 无效", "role %q is invalid", u.Role)
	}
	display, err := cleanDisplay(u.Display)
	if err != nil {
		return err
	}
	u.Display = display
	u.LocalUser = strings.TrimSpace(u.LocalUser)
	if strings.ContainsAny(u.LocalUser, " :/\t\n") {
		return ErrInvalid.Withf("本机登录名 %q 无效", "local login %q is invalid", u.LocalUser)
	}
	if len(u.Fingerprints) == 0 && u.LocalUser == "" {
		return ErrInvalid.Withf("至少需要一个公钥或本机登录名", "at least one public key or a local login is required")
	}
	return s.Update(func(t *Tx) error {
		if err := t.Require(who, PermAdmin); err != nil {
			return err
		}
		b, err := t.tx.CreateBucketIfNotExists(bUsers)
		if err != nil {
			return err
		}
		if b.Get([]byte(u.Name)) != nil {
			return ErrUserExists.Withf("%s", "%s", u.Name)
		}
		err = b.ForEach(func(k, v []byte) error {
			var o User
			if json.Unmarshal(v, &o) == nil {
				if u.LocalUser != "" && o.LocalUser == u.LocalUser {
					return ErrUserExists.Withf("本机登录名 %s 已对应用户 %s", "local login %s is mapped to %s already", u.LocalUser, o.Name)
				}
				for _, f := range o.Fingerprints {
					for _, g := range u.Fingerprints {
						if f == g {
							return ErrKeyInUse.Withf("%s", "%s", o.Name)
						}
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		u.Added, u.By = t.now, who
		return t.putJSON(bUsers, []byte(u.Name), u)
	})
}

// RemoveUser deletes a user; only an administrator may.
func (s *Store) RemoveUser(name, who string) error {
	return s.Update(func(t *Tx) error {
		if err := t.Require(who, PermAdmin); err != nil {
			return err
		}
		if _, err := t.User(name); err != nil {
			return err
		}
		return t.del(bUsers, []byte(name))
	})
}

// maxDisplay is the longest display name, in characters.
const maxDisplay = 20

// DisplayName returns the real name documents print for who: a
// registered user's Display, or the name given to a local user with
// SetDisplayName; "" when none is known (documents then leave a line to
// sign rather than print a login name).
func (t *Tx) DisplayName(who string) string {
	if strings.HasPrefix(who, LocalPrefix) {
		if b := t.tx.Bucket(bDisplays); b != nil {
			return string(b.Get([]byte(who)))
		}
		return ""
	}
	if u, err := t.User(who); err == nil {
		return u.Display
	}
	return ""
}

// SetDisplayName gives user name (a registered user, or a local user
// "local:root") the real name display that documents print; only an
// administrator may. An empty display removes it.
func (s *Store) SetDisplayName(name, display, who string) error {
	display, err := cleanDisplay(display)
	if err != nil {
		return err
	}
	return s.Update(func(t *Tx) error {
		if err := t.Require(who, PermAdmin); err != nil {
			return err
		}
		if strings.HasPrefix(name, LocalPrefix) {
			if strings.TrimPrefix(name, LocalPrefix) == "" {
				return ErrInvalid.Withf("本机用户名为空", "the local user name is empty")
			}
			if display == "" {
				return t.del(bDisplays, []byte(name))
			}
			return t.put(bDisplays, []byte(name), []byte(display))
		}
		u, err := t.User(name)
		if err != nil {
			return err
		}
		u.Display = display
		return t.putJSON(bUsers, []byte(u.Name), u)
	})
}

// cleanDisplay checks a display name: one line of at most maxDisplay
// characters, blanks at the ends dropped.
func cleanDisplay(display string) (string, error) {
	display = Clean(display, false)
	if n := len([]rune(display)); n > maxDisplay || strings.ContainsAny(display, "\r\n\t:") {
		return "", ErrInvalid.Withf("姓名 %q 无效（一行，不超过%d个字，不含冒号）", "display name %q is invalid (one line, at most %d characters, no colon)", display, maxDisplay)
	}
	return display, nil
}
