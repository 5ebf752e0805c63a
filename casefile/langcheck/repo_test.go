package langcheck

import (
	"strings"
	"testing"
)

// pending lists the directories and files whose texts are not this
// branch's to change yet: tui/ and cmd/ are converted in phase 2 of the
// move to pairs, casefile/users.go and printouts/spool/ belong to other
// work in progress. Their problems are logged, not failed on; remove an
// entry as soon as its problems are fixed.
var pending = []string{"tui/", "cmd/", "casefile/users.go", "printouts/spool/"}

// TestRepository checks every pair of the module.
func TestRepository(t *testing.T) {
	probs, err := Check("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		isPending := false
		for _, d := range pending {
			if strings.HasPrefix(p.File, d) {
				isPending = true
			}
		}
		if isPending {
			t.Logf("pending: %s", p)
		} else {
			t.Errorf("%s", p)
		}
	}
}
