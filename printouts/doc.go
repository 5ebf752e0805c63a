// Package printouts builds PDF documents (letters, minutes, lists) from
// casefile and meeting values, and owns the Chinese fonts they are set in.
//
// The low-level layer finds and loads a CJK TrueType font once per process
// (FindFont, LoadFont), extracts faces from TrueType Collections
// (ExtractFace), checks that text can be printed (Font.CheckText) and breaks
// mixed Chinese and Latin text into lines (Wrap).
//
// printouts never imports tui: it works on domain values and writes PDF
// bytes; showing errors and progress is the caller's job.
package printouts
