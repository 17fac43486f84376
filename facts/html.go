package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// looksLikeHTML reports whether a file is an HTML page rather than plain
// text: it starts with a doctype or <html>, or holds several paragraph or
// body tags. An article quoting one "<b>" stays text.
func looksLikeHTML(s string) bool {
	head := strings.TrimLeft(strings.TrimPrefix(s, "\uFEFF"), " \t\r\n")
	// Every sign looked for starts with "<": a text with none anywhere
	// (nearly every article) needs no lowering and no prefix measured
	// (measuring it rune by rune was 7 % of ParseArticle).
	if strings.IndexByte(head, '<') < 0 {
		return false
	}
	// Only the first 4,096 bytes of the lowered text are read, and
	// lowering goes rune by rune: lowering the shortest prefix whose
	// lowered form is that long gives the same bytes. (Lowering four
	// times that, enough for any text, was a sixth of ParseArticle.)
	head = head[:lowerPrefix(head, 4096)]
	// Every sign looked for starts with "<", which lowering neither makes
	// (no other rune lowers to it) nor removes: plain text, with none,
	// is not lowered at all.
	if strings.IndexByte(head, '<') < 0 {
		return false
	}
	head = strings.ToLower(head)
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return true
	}
	if len(head) > 4096 {
		head = head[:4096]
	}
	n := strings.Count(head, "<p>") + strings.Count(head, "<p ") + strings.Count(head, "<body") + strings.Count(head, "<div")
	return n >= 3
}

// lowerPrefix returns the length of the shortest prefix of s, cut where
// a rune starts, whose strings.ToLower is at least n bytes long, or len(s)
// when there is none. ToLower maps each rune on its own (an invalid byte
// to the three bytes of U+FFFD), and a lowered rune may be shorter or
// longer than the rune ("\u212a" lowers to "k", "Ⱥ" to "ⱥ").
func lowerPrefix(s string, n int) int {
	ll := 0
	for i := 0; i < len(s); {
		if ll >= n {
			return i
		}
		if s[i] < utf8.RuneSelf {
			ll++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		ll += utf8.RuneLen(unicode.ToLower(r))
		i += size
	}
	return len(s)
}

// skipHTML lists elements whose content is never article text.
var skipHTML = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"nav": true, "footer": true, "aside": true, "form": true, "iframe": true,
	"svg": true, "button": true, "select": true, "head": true,
}

// blockHTML lists elements that end a paragraph.
var blockHTML = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "section": true,
	"article": true, "blockquote": true, "tr": true, "figcaption": true,
	"header": true, "title": true, "main": true, "ul": true, "ol": true,
}

// htmlToText reduces an HTML page to its visible text, one paragraph a
// line. golang.org/x/net/html does the tokenising so entities, comments
// and malformed markup are handled as browsers handle them.
func htmlToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	newline := func() {
		out := b.String()
		if len(out) > 0 && !strings.HasSuffix(out, "\n") {
			b.WriteByte('\n')
		}
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return collapseBlankLines(b.String())
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skipHTML[tag] {
				if tag != "br" {
					skip++
				}
				continue
			}
			if blockHTML[tag] {
				newline()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if skipHTML[string(name)] {
				if skip > 0 {
					skip--
				}
				continue
			}
			if blockHTML[string(name)] {
				newline()
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := strings.Join(strings.Fields(string(z.Text())), " ")
			if t == "" {
				continue
			}
			out := b.String()
			if len(out) > 0 && !strings.HasSuffix(out, "\n") && !strings.HasSuffix(out, " ") {
				b.WriteByte(' ')
			}
			b.WriteString(t)
		}
	}
}

func collapseBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n") + "\n"
}
