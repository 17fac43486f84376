// Package nightly is the nightly batch of crosscheck: the code behind the
// batch, worker and bench commands, kept apart from their cobra wiring.
//
// Run brings every topic folder of an inbox up to date (read, extract,
// store, compare, write the reports and the index), in one process on a
// SQLite database or as River jobs on a PostgreSQL one; Work takes those
// jobs; Bench times Run on a generated inbox. The commands print what
// these return and choose the exit code.
//
// The batch is built on the reading pipeline every command that reads
// articles shares (package pipeline: topic files, article files, the
// Ingester, the run record, the comparison with the desk's verdicts,
// atomic report writes); what is here is what only the batch does.
//
// The flow stays one way: nightly imports pipeline, facts, store, compare
// and compare/render, and none of them imports nightly.
package nightly
