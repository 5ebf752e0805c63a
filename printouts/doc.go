// Package printouts builds PDF documents (letters, minutes, lists) from
// casefile and meeting values, and owns the Chinese fonts they are set in.
//
// The low-level layer finds and loads a CJK TrueType font once per process
// (FindFont, LoadFont), extracts faces from TrueType Collections
// (ExtractFace), checks that text can be printed (Font.CheckText); lines are broken by
// package linebreak, shared with the screens.
//
// Above it, Doc sets a document on the GB/T 9704-2012 grid (A4, 37 mm top
// and 28 mm left margins, a 156 × 225 mm text block, 22 lines of 28
// characters in 16 pt, titles in 22 pt, the signature block with the
// seal's place, "— 1 —" page numbers) and Printer prints the hall's
// documents from casefile values: the intake receipt (Receipt), the
// decision letter and the rejection notice with its delivery slip
// (Letter), each with a QR code of its case number and reference. Personal
// data is printed as the domain allows: ID numbers masked, no phone.
//
// printouts never imports tui: it works on domain values and writes PDF
// bytes; showing errors and progress is the caller's job. Putting the
// PDFs in files and recording each print in the case histories is
// package spool's (printouts/spool), which hall print and the screens
// share.
package printouts
