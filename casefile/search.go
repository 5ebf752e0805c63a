package casefile

// FullIDQuery reports whether a search query is a whole resident ID
// number (valid, 15 or 18 characters), and the number as stored.
func FullIDQuery(q string) (string, bool) {
	info, err := ParseIDNumber(q, Date{})
	if err != nil {
		return "", false
	}
	return info.Number, true
}

// SearchCases is Cases for a user who typed f.Query. A query that is a
// whole ID number finds its holder's cases only for a role that may see
// full numbers (PermReveal), and each case found records the reveal in its
// history (one write transaction); for anyone else the query is narrowed
// to what a masked number shows (its last four characters), so the search
// cannot confirm whose number it is. Any other query is a plain read.
func (s *Store) SearchCases(f CaseFilter, who string) ([]*Case, uint64, error) {
	var out []*Case
	var next uint64
	number, full := FullIDQuery(f.Query)
	if !full {
		err := s.View(func(t *Tx) (err error) {
			out, next, err = t.Cases(f)
			return err
		})
		return out, next, err
	}
	may := false
	err := s.View(func(t *Tx) error {
		may = t.Require(who, PermReveal) == nil
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	if !may {
		f.Query = number[len(number)-4:]
		err := s.View(func(t *Tx) (err error) {
			out, next, err = t.Cases(f)
			return err
		})
		return out, next, err
	}
	f.Query = number
	err = s.Update(func(t *Tx) (err error) {
		out, next, err = t.Cases(f)
		if err != nil {
			return err
		}
		for _, c := range out {
			if err := t.RecordReveal(c, who, "search by full ID number"); err != nil {
				return err
			}
		}
		return nil
	})
	return out, next, err
}

// phoneInError is a phone number as an error message may quote it: one
// long enough to be someone's number is masked (MaskPhone); a short
// slip is shown as typed so the user sees what is wrong.
func phoneInError(p string) string {
	if len([]rune(p)) >= 7 {
		return MaskPhone(p)
	}
	return p
}
