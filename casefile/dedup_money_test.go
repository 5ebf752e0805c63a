package casefile

import (
	"encoding/json"
	"strings"
	"testing"
)

// "The same policy only once" keeps the single highest amount that would
// be granted, the proposal, not the request: FL-02 proposes yuan(10000) =
// 1000000 fen (5,000.00 requested); CS-02 requested 30,000.00 but proposes
// min(yuan(20000), share(4000000, 20)) = min(2000000, 800000) = 800000 fen
// on 40,000.00 compliant out of pocket. FL-02 is kept. The report shows
// both figures of each application; the code before this test showed
// only "amount".
func TestDedupRanksByProposalAndShowsRequest(t *testing.T) {
	st, _, _ := newStore(t)
	d := draft(idFor("19800312", 24), "钱女士", nil)
	d.Apps = []Application{{Project: "FL-02", Requested: 500000}, {Project: "CS-02", Requested: 3000000}}
	c := mustIntake(t, st, d, "local:desk")
	ev := Evidence{Kind: EvMedicalBill, Department: "medical_insurance", Verifier: "核查员甲", Date: DateOf(testNow),
		MedicalTotal: 9000000, InsurancePaid: 5000000, Compliant: 4000000}
	c, err := st.AddEvidence(c.Number, c.Version, ev, "local:verifier")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.App("CS-02").Proposed; got != 800000 {
		t.Fatalf("CS-02 proposes %s, want 8000.00", got)
	}
	rep := mustResolve(t, st, false, "local:desk")
	if len(rep.Groups) != 1 || len(rep.Groups[0].Apps) != 2 {
		t.Fatalf("report %+v", rep.Groups)
	}
	kept, declined := rep.Groups[0].Apps[0], rep.Groups[0].Apps[1]
	if kept.Project != "FL-02" || !kept.Keep || declined.Project != "CS-02" || declined.Keep {
		t.Fatalf("kept %s (%v), declined %s (%v); want FL-02 kept on its proposal", kept.Project, kept.Keep, declined.Project, declined.Keep)
	}
	if declined.Requested != 3000000 || declined.Proposed != 800000 || declined.Amount != 800000 {
		t.Errorf("CS-02 figures %+v", declined)
	}
	if got := kept.Reason; got.ZH != "同组申请中拟定金额最高（拟定 10,000.00 元，申请 5,000.00 元），予以保留" ||
		got.EN != "the single highest proposed amount of the group (proposed 10,000.00 yuan, requested 5,000.00): kept" {
		t.Errorf("kept reason %q", got)
	}
	// Both are one-off grants: the totals say so, apart from monthly aid.
	if tot := rep.Totals; tot.KeptAmounts != (Amounts{OneOff: 1000000}) || tot.DeclinedAmounts != (Amounts{OneOff: 800000}) {
		t.Errorf("totals kept %+v declined %+v", tot.KeptAmounts, tot.DeclinedAmounts)
	}
	b, err := json.Marshal(rep.Groups[0].Apps[1])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"requested":"30000.00"`, `"proposed":"8000.00"`, `"amount":"8000.00"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("dedup JSON %s lacks %s", b, want)
		}
	}
}
