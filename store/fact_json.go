package store

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/facts"
)

// In PostgreSQL an article's facts go as one bound value, a JSON array
// with one array per fact, which the server expands into rows
// (jsonb_array_elements): one parameter to encode and send instead of 17
// per fact.
//
// Not in SQLite: measured on BenchmarkSaveArticles, json_each with ->> per
// column took twice the CPU of binding the ~850 values one by one (the
// JSON text is parsed again for every column), and a flat array pivoted
// with GROUP BY was no better; binding is under a fifth of the store's
// CPU there.
//
// Each fact's array holds, in order: slot, kind, value, surface, start,
// end, sentence, sentence_start, sentence_end, attribution, source,
// aspect, negated, background, extractor, label, sentence_from_text (the
// sentence as storedSentence gives them). Numbers are JSON integers
// and booleans 0/1; the rows are ordered by position in the array so ids
// follow the facts' order.

// factJSONInsertPostgres expands the array in PostgreSQL; ->> yields text,
// cast back to the columns' integer type.
const factJSONInsertPostgres = `INSERT INTO facts (
	article_rowid, slot, kind, value, surface, start, "end", sentence,
	sentence_start, sentence_end, attribution, source, aspect, negated,
	background, extractor, label, sentence_from_text
) SELECT CAST(? AS BIGINT), v->>0, v->>1, v->>2, v->>3, (v->>4)::integer,
	(v->>5)::integer, v->>6, (v->>7)::integer, (v->>8)::integer, v->>9,
	v->>10, v->>11, (v->>12)::integer, (v->>13)::integer, v->>14, v->>15,
	(v->>16)::integer
FROM jsonb_array_elements(CAST(? AS JSONB)) WITH ORDINALITY AS j(v, n) ORDER BY n`

// insertFactsJSON stores fs as the facts of the article version rowid in
// one PostgreSQL statement. It reports false, having written nothing, when
// a text would not survive the trip through JSON unchanged (invalid UTF-8,
// which JSON cannot carry, or a NUL, which jsonb refuses as text): the
// caller then binds the values one by one, and gets the error it always
// got for such text.
func insertFactsJSON(ctx context.Context, tx *txn, rowid int64, text string, fs []facts.Fact) (bool, error) {
	buf, ok := appendFactsJSON(make([]byte, 0, factsJSONSize(fs)), text, fs)
	if !ok {
		return false, nil
	}
	// buf as it is: pgx sends bytes for a jsonb parameter as the JSON
	// text, and a string(buf) would copy the article's facts once more.
	if _, err := tx.ExecContext(ctx, factJSONInsertPostgres, rowid, buf); err != nil {
		return true, wrap(err, "insert %d facts (%s…)", len(fs), fs[0].Slot)
	}
	return true, nil
}

// factsJSONSize estimates the encoded size of fs, so the buffer is
// allocated once.
func factsJSONSize(fs []facts.Fact) int {
	n := 2
	for i := range fs {
		f := &fs[i]
		n += 96 + len(f.Slot) + len(f.Kind) + len(f.Value) + len(f.Surface) + len(f.Sentence) +
			len(f.Attribution) + len(f.Source) + len(f.Aspect) + len(f.Extractor) + len(f.Label)
	}
	return n
}

// appendFactsJSON appends the JSON array of fs, facts of an article whose
// text is text, to buf; false when a text cannot be carried (see
// insertFactsJSON).
func appendFactsJSON(buf []byte, text string, fs []facts.Fact) ([]byte, bool) {
	ok := true
	str := func(s string) {
		if !ok {
			return
		}
		buf, ok = appendJSONString(buf, s)
		buf = append(buf, ',')
	}
	num := func(v int) {
		buf = strconv.AppendInt(buf, int64(v), 10)
		buf = append(buf, ',')
	}
	buf = append(buf, '[')
	for i := range fs {
		f := &fs[i]
		if i > 0 {
			buf = append(buf, ',')
		}
		sentence, fromText := storedSentence(text, f)
		buf = append(buf, '[')
		str(f.Slot)
		str(string(f.Kind))
		str(f.Value)
		str(f.Surface)
		num(f.Span.Start)
		num(f.Span.End)
		str(sentence)
		num(f.SentenceSpan.Start)
		num(f.SentenceSpan.End)
		str(string(f.Attribution))
		str(f.Source)
		str(string(f.Aspect))
		num(boolInt(f.Negated))
		num(boolInt(f.Background))
		str(f.Extractor)
		str(f.Label)
		num(int(fromText))
		if !ok {
			return buf, false
		}
		buf[len(buf)-1] = ']' // over the last value's comma
	}
	return append(buf, ']'), true
}

// appendJSONString appends s as a JSON string. Valid UTF-8 is copied as
// is, escaping only what JSON requires; false when s holds invalid UTF-8
// or a NUL.
func appendJSONString(buf []byte, s string) ([]byte, bool) {
	if strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s) {
		return buf, false
	}
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		buf = append(buf, s[start:i]...)
		switch c {
		case '"', '\\':
			buf = append(buf, '\\', c)
		case '\n':
			buf = append(buf, '\\', 'n')
		case '\r':
			buf = append(buf, '\\', 'r')
		case '\t':
			buf = append(buf, '\\', 't')
		default:
			buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"'), true
}
