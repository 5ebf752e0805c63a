// Package casefile is the hall's case file: people, households, cases,
// evidence, the policy catalogue, eligibility rules, system findings, the
// "same policy only once" duplicate checks, and the bbolt store that keeps
// them.
//
// It is pure domain and storage. It never imports the terminal UI, the
// meeting console or the printouts; those packages build on it. Every
// write to the store is one bbolt transaction and every change to a case
// appends an entry to that case's history with who, when and why.
//
// Money is integer fen (Money); no float ever holds an amount that is
// stored or printed.
package casefile
