package frontdesk

import (
	"strings"
	"testing"
)

// The save confirmation lists the missing documents once and in full.
func TestConfirmListsMissingDocumentsOnce(t *testing.T) {
	st := openStore(t, false)
	d, _ := startIntake(t, st)
	typeText(d, "王秀英")
	chooseDibaoAndSave(d)
	d.must("确认受理")
	v := d.view()
	if n := strings.Count(v, "缺少材料"); n != 1 {
		t.Fatalf("the confirmation names the missing documents %d times:\n%s", n, v)
	}
	// The dialog wraps inside a border: read it as one run of text.
	flat := strings.NewReplacer("│", "", " ", "", "\n", "").Replace(v)
	for _, doc := range st.Catalog().RequiredDocuments([]string{"MZ-01"}) {
		if !strings.Contains(flat, doc) {
			t.Errorf("missing document %s not listed:\n%s", doc, v)
		}
	}
}
