package casefile

import "unicode"

// promoteResidentNumber records p under the resident number when the
// number typed with another document type (birth certificate, passport,
// other) is a valid 18-character resident identity number: it is the
// same person as the one recorded under it, and the same key keeps the
// duplicate checks honest. Other numbers are left alone.
func promoteResidentNumber(p *Person, today Date) {
	if p.DocType == DocResidentID || p.DocType == "" {
		return
	}
	n := 0
	for _, r := range p.DocNumber {
		if unicode.IsDigit(r) || r == 'x' || r == 'X' || r == 'ｘ' || r == 'Ｘ' {
			n++
		}
	}
	if n != 18 {
		return
	}
	if _, err := ParseIDNumber(p.DocNumber, today); err == nil {
		p.DocType = DocResidentID
	}
}
