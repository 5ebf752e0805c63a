// Package console is the meeting console of the hall's terminal UI: the
// list of sessions, then for one session its attendance and agenda, the
// walkthrough of its cases (votes, recusals, the decision) and its
// closing, one model per screen routed by one page (Page). The page runs
// on its own as the root model of `hall meeting` (New, Run), or inside
// the front desk, whose home opens it (frontdesk.WithMeeting(Page(…))).
// Store (built by NewStore over a *meeting.Store) is the narrow view of
// the meeting and the case file it reads and writes through.
//
// It is built from tui/common (context, styles, labels, page contract)
// and tui/components (the frame both roots share, dialogs, tables,
// household lines, CJK wrapping), and shows the front desk's dossier and
// printing through tui/frontdesk; the front desk never imports it.
//
// It never decides anything (package meeting does: quorum, tallies,
// rulings, roles) and never opens a database transaction: it reaches the
// store only inside tea.Cmds that work on copied values.
package console
