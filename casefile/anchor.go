package casefile

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// The anchor is a witness of the journal kept outside the database file:
// after every commit the new head (sequence, hash) is appended as a line
// to <db>.anchor (0600, not fsynced — it witnesses, the journal is the
// record). A database found behind its anchor lost commits (a meta page
// flipped back to the previous transaction, a copy rolled back); a
// journal that does not hold an anchored head was rewritten. `hall
// restore` appends a "restore" line: the anchor restarts at the restored
// file's head.
//
//	<seq> <hash hex>
//	restore <seq> <hash hex>

// AnchorPath is the anchor file of the database at path.
func AnchorPath(path string) string { return path + ".anchor" }

// anchor appends h to the anchor file; a failure to write it costs only
// the witness, never the commit.
func (s *Store) anchor(h Head) {
	if s.anchorF == nil {
		f, err := os.OpenFile(AnchorPath(s.path), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			return
		}
		s.anchorF = f
	}
	fmt.Fprintf(s.anchorF, "%d %x\n", h.Seq, h.Hash)
}

// writeAnchorRestart appends a restore line for h to the anchor of the
// database at path.
func writeAnchorRestart(path string, h Head) error {
	f, err := os.OpenFile(AnchorPath(path), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "restore %d %x\n", h.Seq, h.Hash)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// readAnchors reads the heads anchored for the database at path since
// its last restore; none when there is no anchor file. A line cut short
// (the process killed while writing it) is skipped.
func readAnchors(path string) ([]Head, error) {
	f, err := os.Open(AnchorPath(path))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Head
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		restart := len(fields) == 3 && fields[0] == "restore"
		if restart {
			fields = fields[1:]
		}
		if len(fields) != 2 {
			continue
		}
		seq, err := strconv.ParseUint(fields[0], 10, 64)
		raw, herr := hex.DecodeString(fields[1])
		if err != nil || herr != nil || len(raw) != 32 {
			continue
		}
		h := Head{Seq: seq}
		copy(h.Hash[:], raw)
		if restart {
			out = out[:0]
		}
		out = append(out, h)
	}
	return out, sc.Err()
}

// AnchoredHead is the last head written to the anchor of the store
// (zero when none was).
func (s *Store) AnchoredHead() (Head, error) {
	hs, err := readAnchors(s.path)
	if err != nil || len(hs) == 0 {
		return Head{}, err
	}
	return hs[len(hs)-1], nil
}
