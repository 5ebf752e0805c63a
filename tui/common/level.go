package common

// Level grades a status message, a hint or an information line: the
// style it is drawn in.
type Level int

// Levels, from plain text to an error.
const (
	LevelPlain Level = iota // ordinary text
	LevelMuted
	LevelOK
	LevelWarn
	LevelError
)
