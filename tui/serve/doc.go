// Package serve serves the front desk over SSH (hall serve): every desk,
// the verification desk and the committee room connect to the one
// process that holds the bbolt file, each connection running its own
// Bubble Tea program over the one shared *casefile.Store.
//
// Only registered public keys get in (casefile.Store.UserByFingerprint);
// the user the key belongs to is who every change is recorded for, and
// their role decides what the screens show. The name the client asks to
// log in as is never trusted. Access rules themselves stay in the domain
// (casefile.Tx.Require): this package only says who is at the keyboard.
//
// A change made at one terminal reaches the others through a Bus: the
// front desk's store adapter reports each successful write, and the bus
// hands every other connected program a frontdesk.ChangedMsg from a goroutine
// of its own (never from inside Update). Writes made outside that
// adapter (the meeting console's) are noticed by the bus watching the
// database's transaction id.
//
// The package must never decide anything about cases, never draw a
// screen of its own beyond a line before the connection closes, and never
// open the database file itself: the caller opens the store, and closes
// it after Serve has returned.
package serve
