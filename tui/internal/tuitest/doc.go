// Package tuitest drives Bubble Tea models in tests the way a program
// does, but synchronously: a message pump that runs every command to the
// end, key presses by name, typing one key per character, views without
// colours, and temp case files on a fixed clock.
//
// It is shared by the front desk's tests and the meeting console's. It
// must never be imported by non-test code, and it knows no page or root
// model: it works on any tea.Model.
package tuitest
