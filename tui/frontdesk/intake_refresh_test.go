package frontdesk

import (
	"testing"

	"github.com/rongjiuzhu/hall/casefile"
)

// Another desk saves an application of the same person for the same need
// while this desk is typing: the findings panel shows the conflict as
// soon as the change arrives, and nothing typed changes.
func TestIntakeRechecksWhenAnotherDeskSaves(t *testing.T) {
	st := openStore(t, false)
	cat := st.Catalog()
	var fresh []*casefile.Project
	for _, p := range cat.Projects {
		if p.Group == "college_freshman" {
			fresh = append(fresh, p)
		}
	}
	d, id := startIntake(t, st)
	typeText(d, "周同学")
	d.press("f2")
	typeText(d, fresh[0].Code)
	d.press("space", "esc")
	d.mustNot("同一救助政策只能享受一次")

	other := &casefile.Draft{Applicant: casefile.Person{DocNumber: id, Name: "周同学"},
		Apps: []casefile.Application{{Project: fresh[1].Code}}}
	saved, err := st.Intake(other, "local:desk2")
	if err != nil {
		t.Fatal(err)
	}
	d.send(ChangedMsg{Changes: []Change{{Who: "local:desk2", What: ChangeIntake, Number: saved.Number}}})
	d.must("同一救助政策只能享受一次")
	if d.m.intake.state.Name != "周同学" || d.m.intake.state.ID != id {
		t.Fatalf("typed fields changed: %q %q", d.m.intake.state.Name, d.m.intake.state.ID)
	}
}
