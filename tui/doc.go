// Package tui is the hall's terminal UI. It holds no code: the UI lives
// in its sub-packages, and arrows point one way (cmd/hall → console →
// frontdesk → components → common):
//
//	tui/common            what every screen shares: Common (size, styles,
//	                      keymap, language, user, role, clock, catalogue),
//	                      theme and styles, KeyMap, the shared labels
//	                      (casefile.Text; Common.T, Tf), Level and StatusLine, the
//	                      Page contract, the navigation messages
//	tui/components        the pieces screens are built from: Form, Table,
//	                      Picker, Dialog, the findings panel, household
//	                      lines, the frame of a root model (Shell, Header,
//	                      Frame, TooSmallView, help bar, Recover), layout
//	                      helpers
//	tui/frontdesk         the front desk (hall): root model FrontDesk and
//	                      its pages, the store interfaces, printing
//	tui/console           the meeting console (hall meeting, and the front
//	                      desk's meeting tile)
//	tui/serve             the front desk over SSH (hall serve)
//	tui/internal/tuitest  test drivers shared by both roots
//
// No package of tui decides anything the domain (casefile, meeting)
// decides, and none opens a database transaction: pages reach the store
// only inside tea.Cmds that work on copied values.
package tui
