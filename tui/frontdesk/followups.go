package frontdesk

// The home screen's list of follow-ups: a low evaluation of the service
// (feedback.LowScore or less) opens one, listed until it is closed
// (hall followups close); and the open early warnings (hall warnings),
// with those past their deadline.

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/casefile/feedback"
	"github.com/rongjiuzhu/hall/casefile/warning"
)

// followUpStore is the part of a store that lists open follow-ups and
// warnings; the home screen shows them when its store has it (NewStore's
// does).
type followUpStore interface {
	OpenFollowUps() ([]feedback.FollowUp, error)
	OpenWarnings() ([]warning.Warning, error)
}

// OpenWarnings lists the early warnings not yet handled.
func (s *caseFile) OpenWarnings() (out []warning.Warning, err error) {
	err = s.st.View(func(t *casefile.Tx) error {
		out, err = warning.List(t, "", false)
		return err
	})
	return out, err
}

// OpenFollowUps lists the follow-ups of low evaluations not yet closed.
func (s *caseFile) OpenFollowUps() (out []feedback.FollowUp, err error) {
	err = s.st.View(func(t *casefile.Tx) error {
		out, err = feedback.OpenFollowUps(t)
		return err
	})
	return out, err
}

// followUpsLoadedMsg carries the open follow-ups and warnings.
type followUpsLoadedMsg struct {
	items    []feedback.FollowUp
	warnings []warning.Warning
	err      error
}

// loadFollowUps reads the open follow-ups, when store lists them.
func loadFollowUps(store HomeStore) tea.Cmd {
	fs, ok := store.(followUpStore)
	if !ok {
		return nil
	}
	return func() tea.Msg {
		items, err := fs.OpenFollowUps()
		if err != nil {
			return followUpsLoadedMsg{err: err}
		}
		ws, err := fs.OpenWarnings()
		return followUpsLoadedMsg{items: items, warnings: ws, err: err}
	}
}

// maxFollowUpsShown is how many follow-ups the home screen names.
const maxFollowUpsShown = 3

// followUpLine names the open follow-ups, the oldest first ("" for none).
func followUpLine(lang casefile.Lang, items []feedback.FollowUp) string {
	if len(items) == 0 {
		return ""
	}
	var names []string
	for i, f := range items {
		if i == maxFollowUpsShown {
			names = append(names, "…")
			break
		}
		names = append(names, fmt.Sprintf("%s (%d)", f.Case, f.Score))
	}
	return casefile.T("差评回访待办 %d 件：%s", "%d follow-ups of low ratings: %s", len(items), strings.Join(names, ", ")).In(lang)
}

// warningLine counts the open warnings and those past their deadline on
// day today ("" for none).
func warningLine(lang casefile.Lang, ws []warning.Warning, today casefile.Date) string {
	if len(ws) == 0 {
		return ""
	}
	late := 0
	for _, w := range ws {
		if w.Due.Before(today) {
			late++
		}
	}
	return casefile.T("监测预警待处理 %d 条（超期 %d 条）：hall warnings", "%d open warnings (%d overdue): hall warnings", len(ws), late).In(lang)
}
