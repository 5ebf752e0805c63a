package gen

import (
	"strconv"

	"github.com/rongjiuzhu/hall/casefile"
)

// Issued remembers every resident number given out across generators: a
// hall generated in chunks, each by a generator of its own (made in
// parallel, the same for a seed), would otherwise give two people one
// number now and then — one person applying again for the same aid,
// which the intake refuses without a reason.
type Issued struct{ seen map[uint64]struct{} }

// NewIssued returns an empty register.
func NewIssued() *Issued { return &Issued{seen: map[uint64]struct{}{}} }

// Claim makes p's resident number one not given out before, changing
// the three-digit sequence (same region, birthday and sex: the check
// character follows), and registers it. It reports false when every
// sequence of that region and birthday is taken or p has no valid
// resident number (p is left as it was).
func (u *Issued) Claim(p *casefile.Person) bool {
	if p.DocType != casefile.DocResidentID || len(p.DocNumber) != 18 {
		return false
	}
	body := p.DocNumber[:17]
	n, err := strconv.ParseUint(body, 10, 64)
	if err != nil {
		return false
	}
	if _, taken := u.seen[n]; !taken {
		u.seen[n] = struct{}{}
		return true
	}
	base := n - n%1000
	seq := n % 1000
	for range 500 {
		seq = (seq + 2) % 1000 // the parity (sex) stays
		m := base + seq
		if _, taken := u.seen[m]; taken {
			continue
		}
		u.seen[m] = struct{}{}
		nb := strconv.FormatUint(m, 10)
		for len(nb) < 17 {
			nb = "0" + nb
		}
		p.DocNumber = nb + string(casefile.IDCheckChar(nb))
		return true
	}
	return false
}
