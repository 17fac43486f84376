package render

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"

	"github.com/crosscheck-news/crosscheck/compare"
)

// Index is the batch's morning page: every topic by severity, with what
// changed since the last run.
type Index struct {
	Generated string
	Summary   string
	Topics    []IndexTopic
	Errors    []string
}

// IndexTopic is one topic's line on the index.
type IndexTopic struct {
	ID, Title string
	Summary   compare.Summary
	// Reports maps a format (html, md, json) to the report's file name.
	Reports map[string]string
	// Verdicts counts the topic's findings by the desk's verdicts: what is
	// still open, what was dismissed.
	Verdicts compare.Verdicts
	// Changed is true when this run rewrote the topic's reports.
	Changed        bool
	TopicChanged   bool
	Contradictions []string
	// Problem says what is wrong with the topic's folder ("topic file
	// unusable, so these are the last reports: …"), or "".
	Problem string
	// NewContradictions and Resolved compare with the last run's reports.
	NewContradictions, Resolved []string
	NewArticles, Removed        []string
	ChangedArticles             []ArticleChange
}

// ArticleChange is an article an outlet edited, with the facts the edit
// added and dropped.
type ArticleChange struct {
	Article        string
	Added, Dropped []string
}

//go:embed index.html.tmpl
var indexTemplate string

var indexTmpl = template.Must(template.New("index").Parse(indexTemplate))

// WriteIndex writes the index page, topics sorted by severity:
// contradictions first, then omissions, nuances, variants, then by id.
func WriteIndex(w io.Writer, idx Index) error {
	sort.SliceStable(idx.Topics, func(i, j int) bool {
		// What changed tonight, then what is still open, comes first: a
		// topic whose findings the desk has all judged sinks.
		ti, tj := idx.Topics[i], idx.Topics[j]
		if ti.Changed != tj.Changed {
			return ti.Changed
		}
		if (ti.Verdicts.Open > 0) != (tj.Verdicts.Open > 0) {
			return ti.Verdicts.Open > 0
		}
		a, b := ti.Summary, tj.Summary
		ka := [4]int{a.Contradiction, a.Omission, a.Nuance, a.Variant}
		kb := [4]int{b.Contradiction, b.Omission, b.Nuance, b.Variant}
		for k := range ka {
			if ka[k] != kb[k] {
				return ka[k] > kb[k]
			}
		}
		return idx.Topics[i].ID < idx.Topics[j].ID
	})
	bw := bufio.NewWriter(w)
	if err := indexTmpl.Execute(bw, idx); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}
