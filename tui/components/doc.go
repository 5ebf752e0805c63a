// Package components holds the pieces the hall's screens are built from:
// the intake-style form (Form, Field), the virtualised table, the project
// picker, confirmation and prompt dialogs (huh v2 fields in our frame,
// themed by HuhTheme from the palette), the findings panel, a
// household's lines, the frame of a root model (Shell: header, status
// line, help bar, quit dialog, the window-too-small notice, Recover for a
// page's panic) and the layout helpers (Truncate, FitWidth, Wrap,
// Box, Tabs…).
//
// A component draws and answers keys; it never opens a page, never routes
// between screens, never touches a store and never decides anything the
// domain decides. It depends on tui/common only, never on a root model
// (tui/frontdesk, the meeting console).
package components
