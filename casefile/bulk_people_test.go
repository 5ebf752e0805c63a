package casefile

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestBulkPersonWithID: a person encoded ahead without an ID, the ID put
// in by the bulk writer, is what json.Marshal writes of the person with
// the ID, and the terms are the person's.
func TestBulkPersonWithID(t *testing.T) {
	for _, p := range []Person{
		{DocType: DocResidentID, DocNumber: "110101198001010011", Name: "张三", Birth: Date{Year: 1980, Month: 1, Day: 1}},
		{DocType: DocResidentID, DocNumber: "110101198001010011", Name: "李四", Phone: "13800000000", Village: "东村",
			DisabilityGrade: 2, Flags: []string{"a", "b"}, GuardianName: "王五"},
	} {
		c := &Case{Applicant: p}
		h := &History{}
		if err := h.EncodePeople(c); err != nil {
			t.Fatal(err)
		}
		pr := h.person(&c.Applicant)
		if pr == nil {
			t.Fatal("no encoding made ahead")
		}
		c.Applicant.ID = 123456789
		want, _ := json.Marshal(&c.Applicant)
		if got := withID(pr.raw, c.Applicant.ID); !bytes.Equal(got, want) {
			t.Errorf("got %s, want %s", got, want)
		}
		c.Applicant.ID = 0
		c.Applicant.DocNumber = "110101198001010033"
		if h.person(&c.Applicant) != nil {
			t.Error("a person changed since is not encoded again")
		}
	}
}
