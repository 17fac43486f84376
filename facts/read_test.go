package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseArticleBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string // the error message
	}{
		{"NUL bytes", []byte("Ferry strike\nWorkers\x00walked out.\n"),
			"a.txt: binary file (contains NUL bytes); want UTF-8 text"},
		{"invalid UTF-8 names the offset", []byte("Ferry strike\nWorkers \xff walked out.\n"),
			"a.txt: invalid UTF-8 at byte 21; want UTF-8 text; it looks like Windows-1252 or Latin-1 text: convert it to UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)"},
		{"Latin-1 text", []byte("Caf\xe9 owners strike\n"),
			"a.txt: invalid UTF-8 at byte 3; want UTF-8 text; it looks like Windows-1252 or Latin-1 text: convert it to UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)"},
		{"a UTF-8 file with one stray Latin-1 byte gets no hint", []byte("Caf\xc3\xa9 owners strike at caf\xe9s\n"),
			"a.txt: invalid UTF-8 at byte 26; want UTF-8 text"},
		{"PDF named .txt", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"),
			"a.txt: a PDF document, not article text; export its text first"},
		{"RTF named .txt", []byte("{\\rtf1\\ansi Ferry workers walk out}"),
			"a.txt: an RTF document, not article text; save it as plain text first"},
		{"docx named .txt", []byte("PK\x03\x04\x14\x00\x06\x00word/document.xml"),
			"a.txt: a ZIP archive (a .docx or .odt document?), not article text; save it as plain text first"},
		{"JPEG named .txt", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"),
			"a.txt: a JPEG image, not article text"},
		{"UTF-16 with a byte-order mark", append([]byte{0xFF, 0xFE}, []byte("F\x00e\x00r\x00r\x00y\x00 \x00s\x00t\x00r\x00i\x00k\x00e\x00")...),
			"a.txt: UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"},
		{"UTF-16 without a mark", []byte("\x00F\x00e\x00r\x00r\x00y\x00 \x00s\x00t\x00r\x00i\x00k\x00e"),
			"a.txt: UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"},
		{"truncated multi-byte rune at the end", []byte("Ferry strike\nWorkers walked out \xc3"),
			"a.txt: invalid UTF-8 at byte 32; want UTF-8 text"},
		{"empty", []byte{},
			"a.txt: empty file: no article text"},
		{"whitespace only", []byte(" \n\t\r\n  \n"),
			"a.txt: empty file: no article text"},
		{"byte order mark only", []byte("\ufeff\r\n"),
			"a.txt: empty file: no article text"},
		{"empty HTML page", []byte("<!DOCTYPE html><html><head><title>x</title></head><body><script>var a = 1;</script></body></html>"),
			"a.txt: empty file: no article text"},
		{"chrome only", []byte("Advert.\nShare\nSubscribe\n"),
			"a.txt: no article text left once page chrome is removed"},
		{"headline only", []byte("Ferry workers walk out at dawn\n"),
			"a.txt: no article text left once page chrome is removed"},
		{"larger than MaxArticleBytes", []byte("Ferry strike\n" + strings.Repeat("Workers walked out. ", MaxArticleBytes/20+1)),
			"a.txt: file is larger than 2 MiB; not an article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseArticle("a.txt", tt.data)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrBadInput) {
				t.Errorf("errors.Is(%v, ErrBadInput) is false", err)
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.File != "a.txt" {
				t.Errorf("error %#v is not an *InputError for a.txt", err)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseArticleSizeLimit(t *testing.T) {
	head := "Ferry strike enters third day\nWorkers walked out on Friday.\n"
	exact := head + strings.Repeat(" ", MaxArticleBytes-len(head))
	if _, err := ParseArticle("a.txt", []byte(exact)); err != nil {
		t.Errorf("article of exactly MaxArticleBytes: %v", err)
	}
	if _, err := ParseArticle("a.txt", []byte(exact+" ")); !errors.Is(err, ErrBadInput) {
		t.Errorf("article of MaxArticleBytes+1: got %v, want bad input", err)
	}
}

func TestParseArticleIdentity(t *testing.T) {
	data := []byte("Ferry strike enters third day\nWorkers walked out on Friday.\n")
	a, err := ParseArticle("strike.day3.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	got := []string{a.ID, a.File, a.Hash}
	want := []string{"strike.day3", "strike.day3.txt", hex.EncodeToString(sum[:])}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParseArticleBOMAndCRLF checks that the text keeps the file's bytes,
// so body, title and fact spans still point at the right places.
func TestParseArticleBOMAndCRLF(t *testing.T) {
	text := "\ufeffFerry strike enters third day\r\nBy Jane Doe\r\n\r\n" +
		"Ferries left Brava on Tuesday.\r\nThe union met on Friday, officials said.\r\n"
	a := parseText(t, text)
	if a.Text != text {
		t.Errorf("Text changed: %q", a.Text)
	}
	want := []string{"title: Ferry strike enters third day", "byline: Jane Doe",
		"| Ferries left Brava on Tuesday.", "| The union met on Friday, officials said."}
	if diff := cmp.Diff(want, renderMeta(t, a)); diff != "" {
		t.Errorf("meta (-want +got):\n%s", diff)
	}
	if got, want := a.TitleSpan, (Span{3, 3 + len("Ferry strike enters third day")}); got != want {
		t.Errorf("title span %v, want %v (after the 3-byte BOM)", got, want)
	}

	tp := &Topic{ID: "t", Date: "2025-06-04",
		Entities: []Entity{{ID: "brava", Name: "Brava"}},
		Slots: []Slot{
			{ID: "ports", Kind: KindEntitySet, Members: []string{"brava"}},
			{ID: "meeting.date", Kind: KindDate, Cues: []string{"meet"}},
		}}
	got := []string{}
	for _, f := range extractText(t, tp, text) { // checks spans against surfaces
		got = append(got, renderFact(f)+" | "+f.Sentence)
	}
	wantFacts := []string{
		`"Brava"=brava asserted | Ferries left Brava on Tuesday.`,
		`"Friday"=2025-05-30 reported(officials) | The union met on Friday, officials said.`,
	}
	if diff := cmp.Diff(wantFacts, got); diff != "" {
		t.Errorf("facts (-want +got):\n%s", diff)
	}
}

func TestParseArticleHTML(t *testing.T) {
	page := `<!DOCTYPE html>
<html><head><title>Rail strike called off | Valley Times</title>
<style>p { color: red }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News about trains</a></nav>
<h1>Rail strike called off</h1>
<script>var story = "The union said nothing";</script>
<p>The union &amp; the company agreed on Friday.</p>
<p>Trains run again &mdash; officials said &quot;all lines&quot; would open.</p>
<footer>© 2025 Valley Times</footer>
</body></html>`
	a := parseText(t, page)
	for _, gone := range []string{"color", "Home", "News about trains", "var story", "said nothing", "&amp;", "<p>"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("text keeps %q:\n%s", gone, a.Text)
		}
	}
	want := []string{"title: Rail strike called off",
		"| The union & the company agreed on Friday.",
		`| Trains run again — officials said "all lines" would open.`}
	if diff := cmp.Diff(want, renderMeta(t, a)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseArticleTextWithATag(t *testing.T) {
	text := "Markup in court filings\nThe filing used a <b> tag where plain text was due.\n"
	a := parseText(t, text)
	if a.Text != text {
		t.Errorf("plain text quoting a tag was changed: %q", a.Text)
	}
}

func TestReadArticleFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "floods.txt")
	if err := os.WriteFile(path, []byte("Floods cut off river towns\nWater rose overnight in the valley.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := ReadArticleFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"floods", "floods.txt"}, []string{a.ID, a.File}); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("Floods\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadArticleFile(bad); !errors.Is(err, ErrBadInput) {
		t.Errorf("ReadArticleFile(bad.txt): got %v, want bad input", err)
	}
	if _, err := ReadArticleFile(filepath.Join(dir, "missing.txt")); err == nil || errors.Is(err, ErrBadInput) {
		t.Errorf("ReadArticleFile(missing.txt): got %v, want a non-input error", err)
	}
}

// An article flattened to one line is read as its body, not refused as a
// headline with nothing under it.
func TestParseArticleOneLine(t *testing.T) {
	text := "PORT ALDER — The Harbour Trust voted on Tuesday to cap ferry fees for the summer, chair Ann Roe said. " +
		"The vote followed weeks of protests by island residents, who said the fees had doubled in two years. " +
		"About 150 boats use the port each day, the trust said, and the cap will be reviewed in October."
	a, err := ParseArticle("a.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Body) != 1 || a.Text[a.Body[0].Start:a.Body[0].End] != text {
		t.Errorf("body %v, want the whole line", a.Body)
	}
}

// ReadOptions raise the size limit, and a file over it is refused after
// reading one byte past the limit, never the whole file.
func TestReadOptionsLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	text := "Ferry strike enters third day\n" + strings.Repeat("Workers walked out on Friday at Port Alder. ", 3<<20/44) + "\n"
	if err := os.WriteFile(big, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadArticleFile(big); err == nil || err.Error() != "big.txt: file is larger than 2 MiB; not an article" {
		t.Errorf("default limit: got %v", err)
	}
	raised := ReadOptions{MaxBytes: 4 << 20, LimitHint: "raise the limit"}
	a, err := raised.ReadArticleFile(big)
	if err != nil || len(a.Text) != len(text) {
		t.Errorf("4 MiB limit: read %d of %d bytes, err %v", len(a.Text), len(text), err)
	}
	if _, err := (ReadOptions{MaxBytes: 1e6, LimitHint: "raise the limit"}).ReadArticleFile(big); err == nil ||
		err.Error() != "big.txt: file is larger than 1 MB; raise the limit" {
		t.Errorf("1 MB limit: got %v", err)
	}
	// A sparse 50 MB file costs no disk; ReadFile must stop one byte past
	// the limit.
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50e6); err != nil {
		t.Fatal(err)
	}
	f.Close()
	b, err := ReadOptions{}.ReadFile(huge)
	if err != nil || len(b) != MaxArticleBytes+1 {
		t.Errorf("ReadFile of a 50 MB file returned %d bytes (err %v), want %d", len(b), err, MaxArticleBytes+1)
	}
}

func TestSizeText(t *testing.T) {
	got := []string{SizeText(2 << 20), SizeText(50e6), SizeText(512 << 10), SizeText(3000), SizeText(1234567)}
	want := []string{"2 MiB", "50 MB", "512 KiB", "3 kB", "1234567 bytes"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLoneCR: classic Mac line ends read as lines, byte for byte; CRLF
// stays.
func TestLoneCR(t *testing.T) {
	for in, want := range map[string]string{
		"Title\r\rBody.\r":   "Title\n\nBody.\n",
		"a\r\nb\rc\n":        "a\r\nb\nc\n",
		"no carriage return": "no carriage return",
	} {
		if got := loneCRs(in); got != want {
			t.Errorf("loneCRs(%q) = %q, want %q", in, got, want)
		}
	}
	a, err := ParseArticle("mac.txt", []byte("Port Alder ferry fire kills two\r\rGovernor June Ellis said on Tuesday that 12 boats left Port Alder after the fire broke out.\rShe said the port would reopen.\r"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Port Alder ferry fire kills two" || len(a.Body) != 2 {
		t.Errorf("title %q, %d body lines; want the headline and 2", a.Title, len(a.Body))
	}
}
