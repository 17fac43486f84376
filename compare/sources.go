package compare

import "github.com/crosscheck-news/crosscheck/facts"

// SourceGroup is a set of articles that carry one source's story: copies
// of the same wire report, or one article on its own.
type SourceGroup struct {
	// Source names the group: the wire service or outlet.
	Source string `json:"source"`
	// Articles are the article ids in the group, sorted.
	Articles []string `json:"articles"`
	// Evidence says why the articles were grouped ("credit line: Reuters",
	// "shared sentences 0.62"); empty for an article on its own.
	Evidence string `json:"evidence,omitempty"`
}

// Sources groups articles by the source they carry; being written.
func Sources(articles []facts.Article) []SourceGroup {
	var out []SourceGroup
	for _, a := range articles {
		name := a.Outlet
		if name == "" {
			name = a.ID
		}
		out = append(out, SourceGroup{Source: name, Articles: []string{a.ID}})
	}
	return out
}

// Independence describes how many independent sources a list of articles
// amounts to; being written.
func Independence(groups []SourceGroup, articles []string) string { return "" }
