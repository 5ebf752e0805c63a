package serve

import (
	"crypto/rsa"
	"net"
	"path"
	"strings"

	gossh "golang.org/x/crypto/ssh"

	"github.com/rongjiuzhu/hall/casefile"
)

// MinRSABits is the smallest RSA key hall accepts.
const MinRSABits = 2048

// ErrKeyRefused is a public key hall will not register or let in.
var ErrKeyRefused = casefile.ErrInvalid

// keptOptions are authorized_keys options hall keeps: from= it checks at
// login; the others forbid what hall never allows anyway.
var keptOptions = map[string]bool{"no-agent-forwarding": true, "no-port-forwarding": true, "no-x11-forwarding": true,
	"no-user-rc": true, "restrict": true}

// ParseAuthorizedKeys reads authorized_keys lines for `hall user add`,
// each as the line to store (with the options hall honours) and its
// SHA-256 fingerprint. A key is refused, with the reason, when it is
// weak (RSA under 2048 bits, DSA) or carries an option hall cannot honour
// (command=, environment=, permitopen=, a from= naming hosts …): an
// option silently dropped would let the key do more than its line says.
func ParseAuthorizedKeys(data []byte) (lines, fps []string, err error) {
	rest := data
	for len(strings.TrimSpace(string(rest))) > 0 {
		pk, comment, opts, r, err := gossh.ParseAuthorizedKey(rest)
		if err != nil {
			return nil, nil, ErrKeyRefused.Withf("无法读取公钥：%v", "cannot read the public key: %v", err)
		}
		rest = r
		fp := gossh.FingerprintSHA256(pk)
		if err := keyStrong(pk); err != nil {
			return nil, nil, err
		}
		var kept []string
		for _, o := range opts {
			name, value, hasValue := strings.Cut(o, "=")
			switch lname := strings.ToLower(name); {
			case lname == "from" && hasValue:
				pats := strings.Trim(value, `"`)
				if err := checkFrom(pats); err != nil {
					return nil, nil, err
				}
				kept = append(kept, `from="`+pats+`"`)
			case keptOptions[lname] && !hasValue:
				kept = append(kept, lname)
			default:
				return nil, nil, ErrKeyRefused.Withf("公钥 %s 带有 hall 不能执行的选项 %s：请去掉该选项再登记（hall 只执行 from=，端口、代理转发本来就不允许）",
					"key %s carries the option %s, which hall cannot enforce: remove it and add the key again (hall honours from=; forwarding is never allowed)", fp, name)
			}
		}
		line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pk)))
		if len(kept) > 0 {
			line = strings.Join(kept, ",") + " " + line
		}
		if comment != "" {
			line += " " + comment
		}
		lines = append(lines, line)
		fps = append(fps, fp)
	}
	if len(lines) == 0 {
		return nil, nil, ErrKeyRefused.Withf("文件中没有公钥", "no key found in the file")
	}
	return lines, fps, nil
}

// keyStrong refuses DSA and RSA keys under MinRSABits.
func keyStrong(pk gossh.PublicKey) error {
	fp := gossh.FingerprintSHA256(pk)
	switch pk.Type() {
	case gossh.KeyAlgoDSA:
		return ErrKeyRefused.Withf("公钥 %s 是 DSA 密钥，已不安全：请改用 ed25519（ssh-keygen -t ed25519）", "key %s is a DSA key, no longer safe: use ed25519 (ssh-keygen -t ed25519)", fp)
	case gossh.KeyAlgoRSA:
		ck, ok := pk.(gossh.CryptoPublicKey)
		if !ok {
			return ErrKeyRefused.Withf("公钥 %s 无法读取", "key %s cannot be read", fp)
		}
		if rk, ok := ck.CryptoPublicKey().(*rsa.PublicKey); !ok || rk.N.BitLen() < MinRSABits {
			bits := 0
			if ok {
				bits = rk.N.BitLen()
			}
			return ErrKeyRefused.Withf("公钥 %s 是 %d 位 RSA 密钥，至少需要 %d 位：请改用 ed25519（ssh-keygen -t ed25519）",
				"key %s is a %d-bit RSA key; at least %d bits are needed: use ed25519 (ssh-keygen -t ed25519)", fp, bits, MinRSABits)
		}
	}
	return nil
}

// checkFrom accepts from= patterns hall can match: addresses, CIDR
// blocks and address wildcards (* ?), each possibly negated with !.
func checkFrom(pats string) error {
	for _, p := range strings.Split(pats, ",") {
		p = strings.TrimPrefix(strings.TrimSpace(p), "!")
		if _, _, err := net.ParseCIDR(p); err == nil {
			continue
		}
		if p != "" && strings.Trim(p, "0123456789abcdefABCDEF.:*?") == "" {
			continue
		}
		return ErrKeyRefused.Withf("%q 不是地址（from=\"%s\"）：hall 只按地址（如 10.1.2.3、10.1.2.0/24、10.1.2.*）限制来源，请改写",
			"%q in from=\"%s\" is not an address: hall limits sources by address only (10.1.2.3, 10.1.2.0/24, 10.1.2.*); rewrite it", p, pats)
	}
	return nil
}

// fromAllows reports whether an address matches from= patterns as sshd
// matches them: some pattern matches and no negated one does.
func fromAllows(pats string, ip net.IP) bool {
	addr := ip.String()
	ok := false
	for _, p := range strings.Split(pats, ",") {
		p = strings.TrimSpace(p)
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		match := false
		if _, n, err := net.ParseCIDR(p); err == nil {
			match = n.Contains(ip)
		} else if m, err := path.Match(strings.ToLower(p), addr); err == nil {
			match = m
		}
		if match && neg {
			return false
		}
		ok = ok || match
	}
	return ok
}

// keyAdmits checks a registered key line at login: the key is still
// strong enough and the client's address is one its from= allows.
func keyAdmits(line string, key gossh.PublicKey, remote net.Addr) error {
	if err := keyStrong(key); err != nil {
		return err
	}
	_, _, opts, _, err := gossh.ParseAuthorizedKey([]byte(line))
	if err != nil {
		return nil // a line stored before options were kept: nothing to check
	}
	for _, o := range opts {
		if v, ok := strings.CutPrefix(strings.ToLower(o), "from="); ok {
			host, _, err := net.SplitHostPort(remote.String())
			if err != nil {
				host = remote.String()
			}
			ip := net.ParseIP(host)
			if ip == nil || !fromAllows(strings.Trim(v, `"`), ip) {
				return ErrKeyRefused.Withf("来源 %s 不在该公钥的 from= 之内", "source %s is outside the key's from=", host)
			}
		}
	}
	return nil
}

// lineOf finds the stored line of the key with fingerprint fp.
func lineOf(u *casefile.User, fp string) string {
	for i, f := range u.Fingerprints {
		if f == fp && i < len(u.Keys) {
			return u.Keys[i]
		}
	}
	return ""
}
