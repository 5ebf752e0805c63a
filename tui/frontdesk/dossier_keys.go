package frontdesk

// The dossier's keys, clicks and dialogs, and the live keys help shows.

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/tui/common"
	"github.com/rongjiuzhu/hall/tui/components"
)

// refused answers a key the user's role may not use.
func (p *dossierPage) refused(msg tea.KeyPressMsg) bool {
	k := p.keys()
	for _, r := range []struct {
		b    key.Binding
		perm casefile.Perm
	}{{k.Evidence, casefile.PermEvidence}, {k.Ready, casefile.PermMove}, {k.Withdraw, casefile.PermMove}, {k.Reveal, casefile.PermReveal},
		{k.Print, casefile.PermPrint}} {
		if !p.c.Can(r.perm) && common.Pressed(msg, r.b) {
			p.st.Set(p.c.Forbidden(), common.LevelError)
			return true
		}
	}
	return false
}

func (p *dossierPage) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if p.mode == dossierDialog {
		return p.handleDialog(msg)
	}
	if p.mode == dossierEvidence {
		return p.handleEvidenceKey(msg)
	}
	if p.refused(msg) || p.reportKey(msg) {
		return nil
	}
	k := p.keys()
	switch {
	case key.Matches(msg, p.c.Keys.Global.Back):
		return common.GoBack
	case key.Matches(msg, k.NextTab):
		p.setTab((p.tab + 1) % len(dossierTabs))
	case key.Matches(msg, k.PrevTab):
		p.setTab((p.tab + len(dossierTabs) - 1) % len(dossierTabs))
	case key.Matches(msg, k.Up):
		p.scroll--
	case key.Matches(msg, k.Down):
		p.scroll++
	case key.Matches(msg, k.PageUp):
		p.scroll -= p.height - 3
	case key.Matches(msg, k.PageDown):
		p.scroll += p.height - 3
	case key.Matches(msg, k.Reload):
		return p.reload()
	case key.Matches(msg, k.Evidence):
		if p.ev == nil {
			p.ev = newEvidenceForm(p.c)
			p.ev.SetSize(p.width, p.height-1)
			p.ev.FocusID("kind")
		}
		p.mode = dossierEvidence
		p.st.Clear()
	case key.Matches(msg, k.Ready):
		p.openDialog(components.NewConfirm(p.c, p.c.T(lblDossierReadyTitle), p.c.Tf(lblDossierReadyText, p.number)), dlgReady)
	case key.Matches(msg, k.Withdraw):
		p.openDialog(p.withdrawPrompt(), dlgWithdraw)
	case key.Matches(msg, k.Reveal):
		if p.revealed {
			p.revealed = false
			p.st.Clear()
			return nil
		}
		if p.busy {
			return nil
		}
		p.busy = true
		return reveal(p.store, p.number, p.c.User)
	case key.Matches(msg, k.Print):
		return p.print()
	case common.Pressed(msg, k.Print) && p.d != nil && p.d.Case.Status == casefile.StatusDeferred:
		p.st.Set(p.c.T(lblPrintDeferredCase), common.LevelWarn)
	default:
		if key.Matches(msg, k.GoTab) {
			if t := int(msg.String()[0] - '1'); t < len(dossierTabs) {
				p.setTab(t)
			}
		}
	}
	p.clampScroll()
	return nil
}

func (p *dossierPage) setTab(t int) {
	p.tab, p.scroll = t, 0
}

func (p *dossierPage) handleEvidenceKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.c.Keys.Global.Back):
		p.mode = dossierTabsMode // kept: 'e' brings back what was typed
		return nil
	case key.Matches(msg, p.c.Keys.Evidence.Save):
		if p.busy || p.d == nil {
			return nil
		}
		ev, probs := p.ev.evidence()
		if len(probs) > 0 {
			p.st.Set(strings.Join(probs, "; "), common.LevelError)
			return nil
		}
		p.busy = true
		p.st.Set(p.c.T(lblDossierSaving), common.LevelPlain)
		return addEvidence(p.store, p.number, p.d.Case.Version, ev, p.c.User)
	}
	return p.ev.HandleKey(msg)
}

func (p *dossierPage) handleDialog(msg tea.KeyPressMsg) tea.Cmd {
	res, cmd := p.dialog.Update(msg)
	if res == components.DialogOpen {
		return cmd
	}
	if res == components.DialogNo || p.d == nil {
		p.closeDialog()
		return nil
	}
	switch p.dlg {
	case dlgReady:
		p.closeDialog()
		p.busy = true
		return moveCase(p.store, p.number, p.d.Case.Version, casefile.StatusReady, p.c.User, p.c.T(lblDossierReadyWhy))
	case dlgReportDeath, dlgReportHousehold:
		return p.reportAnswer()
	case dlgWithdraw:
		why := p.dialog.Value()
		if why == "" {
			p.dialog.Err = p.c.Msg(casefile.ErrReasonRequired)
			return nil
		}
		p.closeDialog()
		p.busy = true
		return moveCase(p.store, p.number, p.d.Case.Version, casefile.StatusWithdrawn, p.c.User, why)
	}
	p.closeDialog()
	return nil
}

func (p *dossierPage) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || p.mode == dossierDialog {
		return nil
	}
	if p.mode == dossierEvidence {
		return p.ev.Click(msg.X, msg.Y-1)
	}
	if msg.Y == 1 {
		if i := components.SpanAt(p.spans, msg.X); i >= 0 {
			p.setTab(i)
		}
	}
	return nil
}

// keys are the dossier's keys as they work on the case in view: what the
// case's status and the user's role do not allow is off, and the print and
// reveal keys say what they do now. Worked out on each use; the shared
// keymap is never changed.
func (p *dossierPage) keys() common.DossierKeys {
	k := p.c.Keys.Dossier // a copy
	var st casefile.Status
	if p.d != nil {
		st = p.d.Case.Status
	}
	c := p.c
	k.Evidence.SetEnabled(p.d != nil && st.Open() && c.Can(casefile.PermEvidence))
	k.Ready.SetEnabled(p.d != nil && casefile.CanMove(st, casefile.StatusReady) && c.Can(casefile.PermMove))
	k.Withdraw.SetEnabled(p.d != nil && casefile.CanMove(st, casefile.StatusWithdrawn) && c.Can(casefile.PermMove))
	k.Reveal.SetEnabled(p.d != nil && c.Can(casefile.PermReveal))
	// a deferred case gets no letter, and its receipt was handed over
	k.Print.SetEnabled(p.d != nil && c.Can(casefile.PermPrint) && st != casefile.StatusDeferred)
	switch {
	case st == casefile.StatusRejected:
		k.Print.SetHelp("p", c.T(lblKeyPrintRejection))
	case p.letter():
		k.Print.SetHelp("p", c.T(lblKeyPrintDecision))
	default:
		k.Print.SetHelp("p", c.T(common.LblKeyReceipt))
	}
	if p.revealed {
		k.Reveal.SetHelp("v", c.T(lblKeyConceal))
	} else {
		k.Reveal.SetHelp("v", c.T(common.LblKeyReveal))
	}
	return k
}

func (p *dossierPage) ShortHelp() []key.Binding {
	switch {
	case p.mode == dossierDialog:
		return p.dialog.ShortHelp()
	case p.mode == dossierEvidence:
		return p.ev.ShortHelp()
	}
	k := p.keys()
	death, household := p.reportKeys()
	return []key.Binding{k.NextTab, k.Up, k.Evidence, k.Ready, k.Withdraw, k.Print, death, household, p.c.Keys.Global.Back}
}

func (p *dossierPage) FullHelp() [][]key.Binding {
	if p.mode == dossierDialog || p.mode == dossierEvidence {
		return [][]key.Binding{p.ShortHelp()}
	}
	k := p.keys()
	g := p.c.Keys.Global
	death, household := p.reportKeys()
	return [][]key.Binding{{k.NextTab, k.PrevTab, k.Up, k.Down, k.PageUp, k.PageDown}, {k.Evidence, k.Ready, k.Withdraw, k.Reveal, k.Print, k.Reload},
		{death, household}, {g.Back, g.Help, g.Quit}}
}

// withdrawPrompt asks why the case is withdrawn; an empty reason is
// refused in the prompt, with the domain's message.
func (p *dossierPage) withdrawPrompt() *components.Dialog {
	d := components.NewPrompt(p.c, p.c.T(lblDossierWithdrawTitle), p.c.Tf(lblDossierWithdrawText, p.number))
	return d.Validate(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(p.c.Msg(casefile.ErrReasonRequired))
		}
		return nil
	})
}
