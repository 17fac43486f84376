// Package pipeline is the reading pipeline every crosscheck command that
// reads articles shares: the steps articles → facts → store → compare.
//
// A topic file is found and loaded (FindTopicFile, LoadTopicFile →
// LoadedTopic); a folder becomes its article files (ArticleFiles); the
// Ingester reads each file, extracts the topic's facts and saves them, one
// transaction per article, naming and skipping a file it cannot read
// (IsFileError, ErrorLine); FinishRun records how the run ended; and
// LoadCompared with CompareWithVerdicts compare what the store holds,
// showing the desk's verdicts. OpenDB opens either engine and
// WriteFileAtomic writes a report whole or not at all.
//
// The commands (check, ingest, eval, suggest, compare, report, migrate,
// claimreview…) call it directly; the nightly batch (package nightly) is
// built on it, reading and extracting in parallel with the Ingester's own
// pieces (ApplyMeta, StoryDate, Reextract, LoadedTopic.Record, InputReason)
// so a batch and a desk's check read an article alike.
//
// The flow stays one way: pipeline imports facts, store and compare;
// nightly and the command import pipeline, and pipeline imports neither.
package pipeline
