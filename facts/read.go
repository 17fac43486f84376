package facts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxArticleBytes is the largest article file crosscheck reads. News
// articles are a few kilobytes; a file of megabytes is a dump or a mistake,
// and reading it whole would cost memory the batch run cannot spare.
const MaxArticleBytes = 2 << 20

// ErrBadInput marks errors caused by a file's content rather than by the
// machine: the CLI names the file, skips it and goes on with the rest.
var ErrBadInput = errors.New("bad input")

// InputError says what is wrong with one input file.
type InputError struct {
	File   string
	Reason string
}

func (e *InputError) Error() string { return e.File + ": " + e.Reason }

// Unwrap lets errors.Is(err, ErrBadInput) recognise input errors.
func (e *InputError) Unwrap() error { return ErrBadInput }

// ReadOptions are the limits articles are read under. The zero value
// reads with the defaults.
type ReadOptions struct {
	// MaxBytes is the largest article file read; 0 means MaxArticleBytes.
	// A larger file is refused after reading MaxBytes+1 bytes of it, so
	// memory stays bounded whatever the inbox holds.
	MaxBytes int64
	// LimitHint ends the error for a file over the limit: how the caller
	// raises it (the CLI names its flag). Empty says "not an article".
	LimitHint string
}

func (o ReadOptions) max() int64 {
	if o.MaxBytes <= 0 {
		return MaxArticleBytes
	}
	return o.MaxBytes
}

// ReadArticleFile reads one article file with the default limits and
// analyses it with ParseArticle.
func ReadArticleFile(path string) (Article, error) {
	return ReadOptions{}.ReadArticleFile(path)
}

// ReadArticleFile reads one article file under o's limits and analyses it.
func (o ReadOptions) ReadArticleFile(path string) (Article, error) {
	b, err := o.ReadFile(path)
	if err != nil {
		return Article{}, err
	}
	return o.ParseArticle(filepath.Base(path), b)
}

// ReadFile returns at most o's limit plus one byte of the file at path:
// enough for ParseArticle to tell a file over the limit, never the whole
// of a 50 MB one.
func (o ReadOptions) ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read article: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, o.max()+1))
	if err != nil {
		return nil, fmt.Errorf("read article %s: %w", path, err)
	}
	return b, nil
}

// ParseArticle checks that b is an article's text and analyses it: the
// content hash, the text, the parts that are content rather than chrome,
// and the metadata the text states. name is the file's base name; the
// article's ID defaults to it without extension.
//
// Binary data, invalid UTF-8, empty or oversized files are InputErrors. An
// HTML document is reduced to its text first.
func ParseArticle(name string, b []byte) (Article, error) {
	return ReadOptions{}.ParseArticle(name, b)
}

// ParseArticle is ParseArticle under o's limits.
func (o ReadOptions) ParseArticle(name string, b []byte) (Article, error) {
	if limit := o.max(); int64(len(b)) > limit {
		hint := o.LimitHint
		if hint == "" {
			hint = "not an article"
		}
		return Article{}, &InputError{name, fmt.Sprintf("file is larger than %s; %s", SizeText(limit), hint)}
	}
	if what := sniff(b); what != "" {
		return Article{}, &InputError{name, what}
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return Article{}, &InputError{name, "binary file (contains NUL bytes); want UTF-8 text"}
	}
	if !utf8.Valid(b) {
		return Article{}, &InputError{name, fmt.Sprintf("invalid UTF-8 at byte %d; want UTF-8 text%s", invalidAt(b), legacyHint(b))}
	}
	sum := sha256.Sum256(b)
	text := string(b)
	if looksLikeHTML(text) {
		text = htmlToText(text)
	}
	text = loneCRs(text)
	if strings.TrimSpace(strings.TrimPrefix(text, "\uFEFF")) == "" {
		return Article{}, &InputError{name, "empty file: no article text"}
	}
	a := Article{
		ID:   strings.TrimSuffix(name, filepath.Ext(name)),
		File: name,
		Text: text,
		Hash: hex.EncodeToString(sum[:]),
	}
	analyse(&a)
	if len(a.Body) == 0 {
		return Article{}, &InputError{name, "no article text left once page chrome is removed"}
	}
	return a, nil
}

// SizeText writes a byte count the way a person would give it: whole
// MiB or KiB when it is one ("2 MiB"), whole MB or kB ("50 MB"), else
// bytes.
func SizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1e6 && n%1e6 == 0:
		return fmt.Sprintf("%d MB", n/1e6)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1e3 && n%1e3 == 0:
		return fmt.Sprintf("%d kB", n/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// ApplyMeta overrides what the text says with what the topic file or
// flags say; empty fields of m leave a unchanged.
func (a *Article) ApplyMeta(m ArticleMeta) error {
	if m.ID != "" {
		a.ID = m.ID
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&a.Outlet, m.Outlet)
	set(&a.Wire, m.Wire)
	set(&a.Byline, m.Byline)
	set(&a.Title, m.Title)
	set(&a.URL, m.URL)
	if m.Published != "" {
		d, err := ParseISODate(m.Published)
		if err != nil {
			return fmt.Errorf("published: %w", err)
		}
		a.Published = d
	}
	return nil
}

// loneCRs turns a carriage return that no line feed follows (classic Mac
// line ends, or a stray one in a mixed file) into a line feed, so that
// such a file is read as lines rather than one. Byte for byte, so spans
// into the text keep their meaning; CRLF is left as it is.
func loneCRs(text string) string {
	i := strings.IndexByte(text, '\r')
	if i < 0 {
		return text
	}
	b := []byte(text)
	for ; i < len(b); i++ {
		if b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			b[i] = '\n'
		}
	}
	return string(b)
}
