package facts

import (
	"bytes"
	"unicode/utf8"
)

// Inboxes hold whatever was saved with a .txt name: documents, archives
// and text in other encodings. Some of them are pure ASCII (a PDF's
// header, an RTF file) and would pass as text; each gets one line saying
// what it is and what to do.

// binarySignatures are the opening bytes of formats that are not article
// text, with what to call them.
var binarySignatures = []struct {
	magic, what string
}{
	{"%PDF-", "a PDF document, not article text; export its text first"},
	{"{\\rtf", "an RTF document, not article text; save it as plain text first"},
	{"PK\x03\x04", "a ZIP archive (a .docx or .odt document?), not article text; save it as plain text first"},
	{"\x89PNG", "a PNG image, not article text"},
	{"\xFF\xD8\xFF", "a JPEG image, not article text"},
	{"GIF8", "a GIF image, not article text"},
	{"%!PS", "a PostScript document, not article text; export its text first"},
	{"\x1F\x8B", "a gzip archive, not article text; unpack it first"},
	{"\xD0\xCF\x11\xE0", "an old Microsoft Office document, not article text; save it as plain text first"},
}

// sniff names the kind of a file that is not UTF-8 article text, or
// returns "" when b may be one.
func sniff(b []byte) string {
	for _, s := range binarySignatures {
		if bytes.HasPrefix(b, []byte(s.magic)) {
			return s.what
		}
	}
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || utf16Like(b) {
		return "UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"
	}
	return ""
}

// utf16Like reports whether b reads as UTF-16 without a byte-order mark:
// Latin text in UTF-16 has a NUL in every other byte.
func utf16Like(b []byte) bool {
	n := min(len(b), 512) &^ 1
	if n < 8 {
		return false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return even > half*3/4 || odd > half*3/4
}

// legacyHint says what an invalid UTF-8 file probably is: text in a
// single-byte encoding such as Windows-1252 has lone bytes of 0x80 and
// above between ASCII, never a valid multi-byte sequence.
func legacyHint(b []byte) string {
	high, valid := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1 && i+1 < len(b) && b[i+1] < utf8.RuneSelf:
			// A lone high byte before ASCII: "Caf\xe9 owners". One at
			// the very end is more likely a download cut short.
			high++
		case size > 1:
			valid++
		}
		i += size
	}
	if high > 0 && valid == 0 {
		return "; it looks like Windows-1252 or Latin-1 text: convert it to UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)"
	}
	return ""
}
