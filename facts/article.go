package facts

// Article is one news article as read from a file, with the metadata found
// in its text (or supplied by the topic file or flags) and the parts of the
// text that are the article itself rather than page chrome.
type Article struct {
	// ID identifies the article within its topic: the id the topic file
	// gives it, or else the file's base name without extension.
	ID string `json:"id"`
	// File is the file's base name.
	File string `json:"file"`
	// Text is the text the facts' spans point into: the file as read (BOM
	// and CR bytes kept, so offsets match the original) or, for an HTML
	// file, the text it was reduced to.
	Text string `json:"-"`
	// Hash is the hex SHA-256 of the file's bytes.
	Hash string `json:"hash"`
	// Title is the headline.
	Title string `json:"title,omitempty"`
	// Outlet is the publication that carried the article.
	Outlet string `json:"outlet,omitempty"`
	// Wire is the wire service or original publisher the text credits.
	Wire string `json:"wire,omitempty"`
	// Byline is the reporters credited, as written.
	Byline string `json:"byline,omitempty"`
	// Published is the publication date; zero when unknown.
	Published Date `json:"published"`
	// URL is the original address, when the topic file gives it.
	URL string `json:"url,omitempty"`
	// Body holds the paragraphs that are article content, in order: the
	// text minus page chrome ("Advert.", comment forms, "You may also like"
	// lists) and metadata lines (bylines, "Posted on" lines).
	Body []Span `json:"-"`
	// TitleSpan locates the headline; empty when there is none.
	TitleSpan Span `json:"-"`
}
