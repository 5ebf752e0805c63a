package frontdesk

// Reporting a death or a household change at the desk (issue #15 item
// 4): on the dossier of a case paying a running monthly aid, d (a death)
// or h (a household change) asks in a short prompt what was reported,
// then starts the aid's review at once (casefile.Store.StartReview), as
// hall review start --event does.

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// reviewStarter starts the review of a running aid; NewStore's store
// does (LifeStore).
type reviewStarter interface {
	StartReview(number, why, who string) (*casefile.Case, error)
}

// The report dialogs (beside dlgReady, dlgWithdraw, dlgPrinted).
const (
	dlgReportDeath = iota + 100
	dlgReportHousehold
)

// reportEvents are what each report dialog reports.
var reportEvents = map[int]casefile.Text{dlgReportDeath: lblReportDeath, dlgReportHousehold: lblReportHousehold}

// reportReviewMsg reports a review started (or refused).
type reportReviewMsg struct {
	number string
	review *casefile.Case
	why    string
	kind   int
	err    error
}

func startReview(rs reviewStarter, number, why, who string, kind int) tea.Cmd {
	return func() tea.Msg {
		rc, err := rs.StartReview(number, why, who)
		return reportReviewMsg{number: number, review: rc, why: why, kind: kind, err: err}
	}
}

// reportKeys are the keys that report a death and a household change: on
// for a case paying a running monthly aid, for a role that may take
// cases in, where the store starts reviews.
func (p *dossierPage) reportKeys() (death, household key.Binding) {
	c := p.c
	death = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", c.T(lblKeyReportDeath)))
	household = key.NewBinding(key.WithKeys("h"), key.WithHelp("h", c.T(lblKeyReportHousehold)))
	_, ok := p.store.(reviewStarter)
	on := ok && p.runningAid() && c.Can(casefile.PermIntake)
	death.SetEnabled(on)
	household.SetEnabled(on)
	return death, household
}

// runningAid reports whether the case in view pays a monthly aid this
// month (a review case never does: its aid is the reviewed case's).
func (p *dossierPage) runningAid() bool {
	if p.d == nil || p.d.Case.ReviewOf() != "" || !p.d.Case.Status.Effective() {
		return false
	}
	month := casefile.MonthOf(p.c.Today())
	for _, ap := range p.d.Case.Apps {
		if ap.Outcome == casefile.OutcomeGranted && p.d.Case.Running(ap.Project, month) {
			return true
		}
	}
	return false
}

// reportKey opens the report dialog for d or h; it reports whether the
// key was one of them.
func (p *dossierPage) reportKey(msg tea.KeyPressMsg) bool {
	death, household := p.reportKeys()
	kind := 0
	switch {
	case key.Matches(msg, death):
		kind = dlgReportDeath
	case key.Matches(msg, household):
		kind = dlgReportHousehold
	case p.d != nil && p.runningAid() && !p.c.Can(casefile.PermIntake) && (common.Pressed(msg, death) || common.Pressed(msg, household)):
		p.st.Set(p.c.Forbidden(), common.LevelError)
		return true
	default:
		return false
	}
	p.openDialog(p.reportPrompt(kind), kind)
	return true
}

// reportPrompt asks what was reported; an empty answer is refused.
func (p *dossierPage) reportPrompt(kind int) *components.Dialog {
	c := p.c
	title := c.T(lblReportDeathTitle)
	text := c.Tf(lblReportDeathText, p.number)
	if kind == dlgReportHousehold {
		title, text = c.T(lblReportHouseholdTitle), c.Tf(lblReportHouseholdText, p.number)
	}
	d := components.NewPrompt(c, title, text, c.T(lblReportStarts))
	return d.Validate(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(c.Msg(casefile.ErrReasonRequired))
		}
		return nil
	})
}

// reportAnswer starts the review with the reason typed, worded with what
// was reported.
func (p *dossierPage) reportAnswer() tea.Cmd {
	kind, what := p.dlg, p.dialog.Value()
	if what == "" {
		p.dialog.Err = p.c.Msg(casefile.ErrReasonRequired)
		return nil
	}
	rs, ok := p.store.(reviewStarter)
	p.closeDialog()
	if !ok || p.busy {
		return nil
	}
	p.busy = true
	p.st.Set(p.c.T(lblReportStarting), common.LevelPlain)
	why := p.c.T(reportEvents[kind]) + p.c.T(lblLifeColon) + what
	return startReview(rs, p.number, why, p.c.User, kind)
}

func (p *dossierPage) onReviewStarted(msg reportReviewMsg) tea.Cmd {
	if !p.settled(msg.number, msg.err) {
		return nil
	}
	if msg.err != nil {
		if errors.Is(msg.err, casefile.ErrStaleCase) && msg.kind != 0 {
			p.openDialog(p.reportPrompt(msg.kind), msg.kind)
			p.dialog.SetValue(strings.TrimPrefix(msg.why, p.c.T(reportEvents[msg.kind])+p.c.T(lblLifeColon)))
			p.dialog.Err = p.c.Msg(msg.err)
		}
		return p.reload()
	}
	p.st.Set(p.c.Tf(lblReportStarted, msg.review.Number), common.LevelOK)
	return p.reload() // the section after the decision lists the review case
}

// The labels of the report.
var (
	lblKeyReportDeath       = casefile.Text{ZH: "报告死亡", EN: "report death"}
	lblKeyReportHousehold   = casefile.Text{ZH: "家庭变化", EN: "household change"}
	lblReportDeath          = casefile.Text{ZH: "报告死亡", EN: "reported death"}
	lblReportHousehold      = casefile.Text{ZH: "报告家庭变化", EN: "reported household change"}
	lblReportDeathTitle     = casefile.Text{ZH: "报告死亡", EN: "Report a death"}
	lblReportDeathText      = casefile.Text{ZH: "%s：谁去世、何时，由谁报告？", EN: "%s: who died, when, and who reported it?"}
	lblReportHouseholdTitle = casefile.Text{ZH: "报告家庭变化", EN: "Report a household change"}
	lblReportHouseholdText  = casefile.Text{ZH: "%s：家庭发生了什么变化（成员增减、收入、就业等）？", EN: "%s: what changed in the household (members, income, work)?"}
	lblReportStarts         = casefile.Text{ZH: "确认后立即开始复核：以当前家庭情况新建复核案件。", EN: "On enter the review starts at once: a review case with the current household."}
	lblReportStarting       = casefile.Text{ZH: "正在开始复核……", EN: "starting the review…"}
	lblReportStarted        = casefile.Text{ZH: "已开始复核：复核案件 %s 已受理，补充核查材料后提交研判", EN: "review started: review case %s received; add the evidence, then send it to the meeting"}
)
