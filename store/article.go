package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/crosscheck-news/crosscheck/facts"
)

// SaveStatus says what SaveArticle did with an article.
type SaveStatus string

// The outcomes of SaveArticle.
const (
	// Unchanged means the current version has the same hash; nothing was
	// written.
	Unchanged SaveStatus = "unchanged"
	// New means the article had no current version; it was stored.
	New SaveStatus = "new"
	// Changed means the article's hash differs from its current version's;
	// a new version was stored and became current.
	Changed SaveStatus = "changed"
)

// SaveResult is the outcome of SaveArticle.
type SaveResult struct {
	Status SaveStatus
	// Version is the version number of the article's current version.
	Version int
}

// SaveArticle stores article a of the topic with its facts. When the
// current version of the article has the same hash, nothing is written and
// the result is Unchanged. Otherwise a new version is stored with its facts
// and becomes the current one; older versions are kept as history.
//
// The topic must exist. Facts whose Topic or Article is set must name this
// topic and article. Everything is one transaction: on error nothing is
// written.
func (db *DB) SaveArticle(ctx context.Context, topicID string, a facts.Article, fs []facts.Fact) (SaveResult, error) {
	res, err := db.SaveArticles(ctx, topicID, []ArticleFacts{{Article: a, Facts: fs}})
	if err != nil {
		return SaveResult{}, err
	}
	return res[0], nil
}

// ArticleFacts is an article with the facts extracted from it, as
// SaveArticles takes them.
type ArticleFacts struct {
	Article facts.Article
	Facts   []facts.Fact
}

// SaveArticles stores several articles of one topic as SaveArticle does
// each, in one transaction: a reader sees all of them or none, and the
// commit is paid once (a topic's 50 articles committed one by one spent a
// fifth of the store's CPU in COMMIT). On error nothing is written; the
// error names the article.
func (db *DB) SaveArticles(ctx context.Context, topicID string, items []ArticleFacts) ([]SaveResult, error) {
	for _, it := range items {
		if err := validateArticle(topicID, it.Article, it.Facts); err != nil {
			return nil, wrap(err, "save article %q/%q", topicID, it.Article.ID)
		}
	}
	if len(items) == 0 {
		return nil, nil
	}
	what := fmt.Sprintf("articles of %q", topicID)
	if len(items) == 1 {
		what = fmt.Sprintf("article %q/%q", topicID, items[0].Article.ID)
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return nil, wrap(err, "save %s", what)
	}
	defer tx.Rollback()
	// The topic is looked up once: the transaction holds the write lock
	// (SQLite) or the topic row's key (PostgreSQL's foreign key check), so
	// it cannot go away between the articles.
	if err := topicExists(ctx, tx, topicID); err != nil {
		return nil, wrap(err, "save article %q/%q", topicID, items[0].Article.ID)
	}
	out := make([]SaveResult, len(items))
	for i, it := range items {
		if out[i], err = db.saveArticle(ctx, tx, topicID, it.Article, it.Facts); err != nil {
			return nil, wrap(err, "save article %q/%q", topicID, it.Article.ID)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, wrap(err, "save %s: commit", what)
	}
	return out, nil
}

// validateArticle checks what the schema cannot express, and what is
// better reported with a clear message than as a constraint failure.
func validateArticle(topicID string, a facts.Article, fs []facts.Fact) error {
	switch {
	case topicID == "":
		return errorf(EINVALID, "empty topic id")
	case a.ID == "":
		return errorf(EINVALID, "empty article id")
	case a.Hash == "":
		return errorf(EINVALID, "empty article hash")
	}
	return validateFacts(topicID, a.ID, fs)
}

// validateFacts rejects facts that claim another topic or article, which
// would be silently re-attributed otherwise.
func validateFacts(topicID, articleID string, fs []facts.Fact) error {
	for i, f := range fs {
		if f.Topic != "" && f.Topic != topicID {
			return errorf(EINVALID, "fact %d (%s) belongs to topic %q", i, f.Slot, f.Topic)
		}
		if f.Article != "" && f.Article != articleID {
			return errorf(EINVALID, "fact %d (%s) belongs to article %q", i, f.Slot, f.Article)
		}
	}
	return nil
}

// saveArticle is SaveArticle inside tx; the caller has checked that the
// topic exists.
func (db *DB) saveArticle(ctx context.Context, tx *txn, topicID string, a facts.Article, fs []facts.Fact) (SaveResult, error) {
	// One query finds both the current version and the highest ever
	// stored: the next version follows the highest, not the current one,
	// since a removed article has no current version but keeps its
	// history.
	var (
		maxVersion int
		rowid      sql.NullInt64
		version    sql.NullInt64
		hash       sql.NullString
	)
	if err := tx.QueryRowContext(ctx, `
		SELECT COALESCE(MAX(version), 0),
			MAX(CASE WHEN current = 1 THEN rowid END),
			MAX(CASE WHEN current = 1 THEN version END),
			MAX(CASE WHEN current = 1 THEN hash END)
		FROM articles
		WHERE topic_id = ? AND article_id = ?`,
		topicID, a.ID).Scan(&maxVersion, &rowid, &version, &hash); err != nil {
		return SaveResult{}, wrap(err, "look up versions")
	}
	hasCurrent := rowid.Valid
	if hasCurrent && hash.String == a.Hash {
		return SaveResult{Status: Unchanged, Version: int(version.Int64)}, nil
	}
	if hasCurrent {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET current = 0 WHERE rowid = ?`, rowid.Int64); err != nil {
			return SaveResult{}, wrap(err, "retire version %d", version.Int64)
		}
	}
	newVersion := maxVersion + 1

	body, err := json.Marshal(a.Body)
	if err != nil {
		return SaveResult{}, wrap(err, "encode body")
	}
	var newRowid int64
	// RETURNING rather than LastInsertId: PostgreSQL's driver has no
	// LastInsertId, and both engines accept RETURNING.
	err = tx.QueryRowContext(ctx, `
		INSERT INTO articles (
			topic_id, article_id, version, current, file, hash, title, outlet,
			wire, byline, published, url, text, body, title_start, title_end,
			ingested_at
		) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		RETURNING rowid`,
		topicID, a.ID, int64(newVersion), a.File, a.Hash, a.Title, a.Outlet,
		a.Wire, a.Byline, a.Published.String(), a.URL, a.Text, string(body),
		int64(a.TitleSpan.Start), int64(a.TitleSpan.End), formatTime(db.now())).Scan(&newRowid)
	if err != nil {
		return SaveResult{}, wrap(err, "insert version %d", newVersion)
	}
	if err := insertFacts(ctx, tx, newRowid, a.Text, fs); err != nil {
		return SaveResult{}, err
	}

	status := Changed
	if !hasCurrent {
		status = New
	}
	if err := logChange(ctx, tx, topicID, a.ID, string(status), newVersion, db.now()); err != nil {
		return SaveResult{}, err
	}
	return SaveResult{Status: status, Version: newVersion}, nil
}

// insertFacts stores fs as the facts of the article version rowid, whose
// text is text, as one JSON value when their texts allow (see
// insertFactsJSON), else row by row. A sentence that is the text between
// its span's ends is not stored again (see storedSentence).
func insertFacts(ctx context.Context, tx *txn, rowid int64, text string, fs []facts.Fact) error {
	if len(fs) == 0 {
		return nil
	}
	if tx.d.numbered {
		done, err := insertFactsJSON(ctx, tx, rowid, text, fs)
		if done || err != nil {
			return err
		}
	}
	return insertFactsRows(ctx, tx, rowid, text, fs)
}

// storedSentence is what the sentence column holds for f, a fact of an
// article whose text is text, and the sentence_from_text flag: nothing
// and 1 when the sentence is the text between its span's ends, as every
// extracted fact's is (the text is stored with the article, and the
// sentences were half of the facts table); the sentence and 0 otherwise,
// so that any fact reads back as it was saved.
func storedSentence(text string, f *facts.Fact) (string, int64) {
	s, e := f.SentenceSpan.Start, f.SentenceSpan.End
	if f.Sentence != "" && 0 <= s && s <= e && e <= len(text) && text[s:e] == f.Sentence {
		return "", 1
	}
	return f.Sentence, 0
}

// insertFactsRows stores fs binding each value on its own: the way for
// SQLite, and for texts JSON cannot carry unchanged.
func insertFactsRows(ctx context.Context, tx *txn, rowid int64, text string, fs []facts.Fact) error {
	// Facts go in several to a statement: with PostgreSQL each statement
	// is a round trip, and an article has some 50 facts. factsPerInsert
	// rows of 18 values stay under SQLite's oldest limit of 999 values.
	// One argument slice serves every statement, and the next article's.
	ap := factArgsPool.Get().(*[]driver.NamedValue)
	args := *ap
	defer func() {
		clear(args[:cap(args)]) // keep no article's text alive in the pool
		*ap = args[:0]
		factArgsPool.Put(ap)
	}()
	// Boxing a string or a large int64 as a driver.Value allocates. The
	// article's rowid is the same in every row, and its facts share a
	// few slots, kinds, extractors and labels, often in runs: each is
	// boxed once per run rather than once per row.
	boxedRowid := driver.Value(rowid)
	var slot, kind, extractor, label boxed
	for lo := 0; lo < len(fs); lo += factsPerInsert {
		hi := min(lo+factsPerInsert, len(fs))
		args = args[:0]
		add := func(v driver.Value) {
			args = append(args, driver.NamedValue{Ordinal: len(args) + 1, Value: v})
		}
		for i := range fs[lo:hi] {
			f := &fs[lo+i]
			sentence, fromText := storedSentence(text, f)
			// int64, not int: the driver's own type, which neither path
			// converts again.
			add(boxedRowid)
			add(slot.of(f.Slot))
			add(kind.of(string(f.Kind)))
			add(f.Value)
			add(f.Surface)
			add(int64(f.Span.Start))
			add(int64(f.Span.End))
			add(sentence)
			add(int64(f.SentenceSpan.Start))
			add(int64(f.SentenceSpan.End))
			add(string(f.Attribution))
			add(f.Source)
			add(string(f.Aspect))
			add(int64(boolInt(f.Negated)))
			add(int64(boolInt(f.Background)))
			add(extractor.of(f.Extractor))
			add(label.of(f.Label))
			add(fromText)
		}
		done, err := tx.rawExec(ctx, factInsert(hi-lo), args)
		if !done && err == nil {
			vals := make([]any, len(args))
			for i, a := range args {
				vals[i] = a.Value
			}
			_, err = tx.ExecContext(ctx, factInsert(hi-lo), vals...)
		}
		if err != nil {
			return wrap(err, "insert facts %d–%d (%s…)", lo, hi-1, fs[lo].Slot)
		}
	}
	return nil
}

// boxed keeps a string column's last value boxed as a driver.Value, for
// rows that repeat it.
type boxed struct {
	s string
	v driver.Value
}

// of returns s as a driver.Value, the one boxed before when s is the same.
func (b *boxed) of(s string) driver.Value {
	if b.v == nil || b.s != s {
		b.s, b.v = s, s
	}
	return b.v
}

// factArgsPool holds the argument slices of insertFactsRows: 900
// NamedValues, 36 KB, were the largest allocation per article.
var factArgsPool = sync.Pool{New: func() any {
	args := make([]driver.NamedValue, 0, factsPerInsert*factColumnsN)
	return &args
}}

// factsPerInsert is how many facts one INSERT statement writes.
const factsPerInsert = 50

// factColumnsN is how many values each fact row of an INSERT binds.
const factColumnsN = 18

// factInserts holds the INSERT statement for each number of rows, built
// once: the store writes facts of every article through them.
var factInserts = func() []string {
	out := make([]string, factsPerInsert+1)
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", factColumnsN), ", ") + ")"
	for n := 1; n <= factsPerInsert; n++ {
		out[n] = `INSERT INTO facts (
			article_rowid, slot, kind, value, surface, start, "end", sentence,
			sentence_start, sentence_end, attribution, source, aspect, negated,
			background, extractor, label, sentence_from_text
		) VALUES ` + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
	}
	return out
}()

func factInsert(n int) string { return factInserts[n] }

// currentRowid returns the rowid of the current version of an article, or
// an ENOTFOUND error.
func currentRowid(ctx context.Context, tx *txn, topicID, articleID string) (int64, error) {
	var rowid int64
	err := tx.QueryRowContext(ctx, `
		SELECT rowid FROM articles
		WHERE topic_id = ? AND article_id = ? AND current = 1`,
		topicID, articleID).Scan(&rowid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errorf(ENOTFOUND, "article %q/%q not found", topicID, articleID)
	}
	if err != nil {
		return 0, wrap(err, "look up article")
	}
	return rowid, nil
}

// ReplaceFacts replaces the facts of the article's current version, as when
// the topic file changed and the stored text was extracted again. The
// article version itself is unchanged.
func (db *DB) ReplaceFacts(ctx context.Context, topicID, articleID string, fs []facts.Fact) error {
	if err := validateFacts(topicID, articleID, fs); err != nil {
		return wrap(err, "replace facts of %q/%q", topicID, articleID)
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return wrap(err, "replace facts of %q/%q", topicID, articleID)
	}
	defer tx.Rollback()
	if err := replaceFacts(ctx, tx, topicID, articleID, fs); err != nil {
		return wrap(err, "replace facts of %q/%q", topicID, articleID)
	}
	if err := tx.Commit(); err != nil {
		return wrap(err, "replace facts of %q/%q: commit", topicID, articleID)
	}
	return nil
}

func replaceFacts(ctx context.Context, tx *txn, topicID, articleID string, fs []facts.Fact) error {
	rowid, err := currentRowid(ctx, tx, topicID, articleID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM facts WHERE article_rowid = ?`, rowid); err != nil {
		return wrap(err, "delete facts")
	}
	// The text, against which the sentences are stored (storedSentence).
	var text string
	if err := tx.QueryRowContext(ctx, `SELECT text FROM articles WHERE rowid = ?`, rowid).Scan(&text); err != nil {
		return wrap(err, "read text")
	}
	return insertFacts(ctx, tx, rowid, text, fs)
}

// RemoveArticle makes the article's current version no longer current, as
// when its file was deleted. Its versions and their facts are kept as
// history; saving the article again makes a new version.
func (db *DB) RemoveArticle(ctx context.Context, topicID, articleID string) error {
	tx, err := db.begin(ctx)
	if err != nil {
		return wrap(err, "remove article %q/%q", topicID, articleID)
	}
	defer tx.Rollback()
	rowid, err := currentRowid(ctx, tx, topicID, articleID)
	if err != nil {
		return wrap(err, "remove article %q/%q", topicID, articleID)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET current = 0 WHERE rowid = ?`, rowid); err != nil {
		return wrap(err, "remove article %q/%q", topicID, articleID)
	}
	if err := logChange(ctx, tx, topicID, articleID, "removed", 0, db.now()); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return wrap(err, "remove article %q/%q: commit", topicID, articleID)
	}
	return nil
}

// Articles returns the current versions of the topic's articles ordered by
// article id, with their text, body and title spans and publication date
// restored. A missing topic is an ENOTFOUND error.
func (db *DB) Articles(ctx context.Context, topicID string) ([]facts.Article, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "articles of %q", topicID)
	}
	defer tx.Rollback()
	as, err := listArticles(ctx, tx, topicID)
	if err != nil {
		return nil, wrap(err, "articles of %q", topicID)
	}
	return as, nil
}

func listArticles(ctx context.Context, tx *txn, topicID string) ([]facts.Article, error) {
	if err := topicExists(ctx, tx, topicID); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT article_id, file, hash, title, outlet, wire, byline, published,
			url, text, body, title_start, title_end
		FROM articles
		WHERE topic_id = ? AND current = 1
		ORDER BY article_id`, topicID)
	if err != nil {
		return nil, wrap(err, "query")
	}
	defer rows.Close()
	var out []facts.Article
	for rows.Next() {
		var (
			a               facts.Article
			published, body string
		)
		if err := rows.Scan(&a.ID, &a.File, &a.Hash, &a.Title, &a.Outlet, &a.Wire, &a.Byline,
			&published, &a.URL, &a.Text, &body, &a.TitleSpan.Start, &a.TitleSpan.End); err != nil {
			return nil, wrap(err, "scan")
		}
		if a.Published, err = facts.ParseISODate(published); err != nil {
			return nil, wrap(err, "article %q: published", a.ID)
		}
		if err := json.Unmarshal([]byte(body), &a.Body); err != nil {
			return nil, wrap(err, "article %q: body", a.ID)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "query")
	}
	return out, nil
}

// Facts returns the facts of the topic's current article versions, ordered
// by article id, then by position in the text, then by slot, with their
// Topic and Article fields filled. A missing topic is an ENOTFOUND error.
func (db *DB) Facts(ctx context.Context, topicID string) ([]facts.Fact, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "facts of %q", topicID)
	}
	defer tx.Rollback()
	fs, err := listFacts(ctx, tx, topicID)
	if err != nil {
		return nil, wrap(err, "facts of %q", topicID)
	}
	return fs, nil
}

func listFacts(ctx context.Context, tx *txn, topicID string) ([]facts.Fact, error) {
	if err := topicExists(ctx, tx, topicID); err != nil {
		return nil, err
	}
	// f.id last keeps the order of facts that tie on everything else the
	// order in which they were saved.
	rows, err := tx.QueryContext(ctx, `
		SELECT a.topic_id, a.article_id, f.slot, f.kind, f.value, f.surface,
			f.start, f."end", f.sentence, f.sentence_start, f.sentence_end,
			f.attribution, f.source, f.aspect, f.negated, f.background, f.extractor, f.label,
			f.sentence_from_text
		FROM facts f
		JOIN articles a ON a.rowid = f.article_rowid
		WHERE a.topic_id = ? AND a.current = 1
		ORDER BY a.article_id, f.start, f."end", f.slot, f.id`, topicID)
	if err != nil {
		return nil, wrap(err, "query")
	}
	defer rows.Close()
	var (
		out      []facts.Fact
		fromText []int // indexes in out of the facts whose sentence is in the text
	)
	for rows.Next() {
		var (
			f                         facts.Fact
			kind, attribution, aspect string
			inText                    bool
		)
		if err := rows.Scan(&f.Topic, &f.Article, &f.Slot, &kind, &f.Value, &f.Surface,
			&f.Span.Start, &f.Span.End, &f.Sentence, &f.SentenceSpan.Start, &f.SentenceSpan.End,
			&attribution, &f.Source, &aspect, &f.Negated, &f.Background, &f.Extractor, &f.Label,
			&inText); err != nil {
			return nil, wrap(err, "scan")
		}
		f.Kind, f.Attribution, f.Aspect = facts.Kind(kind), facts.Attribution(attribution), facts.Aspect(aspect)
		if inText {
			fromText = append(fromText, len(out))
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "query")
	}
	if len(fromText) > 0 {
		if err := sentencesFromText(ctx, tx, topicID, out, fromText); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sentencesFromText fills in the sentences that were stored as a span of
// their article's text (storedSentence): fs[i] for each i of which. The
// sentences share the texts' memory.
func sentencesFromText(ctx context.Context, tx *txn, topicID string, fs []facts.Fact, which []int) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT article_id, text FROM articles
		WHERE topic_id = ? AND current = 1`, topicID)
	if err != nil {
		return wrap(err, "query texts")
	}
	defer rows.Close()
	texts := map[string]string{}
	for rows.Next() {
		var id, text string
		if err := rows.Scan(&id, &text); err != nil {
			return wrap(err, "scan texts")
		}
		texts[id] = text
	}
	if err := rows.Err(); err != nil {
		return wrap(err, "query texts")
	}
	for _, i := range which {
		f := &fs[i]
		text := texts[f.Article]
		s, e := f.SentenceSpan.Start, f.SentenceSpan.End
		if s < 0 || s > e || e > len(text) {
			// Saved only when the span was within this very text, which
			// no statement of the store changes afterwards.
			return errorf(EINTERNAL, "fact %s of %q: sentence span %d–%d outside the text (%d bytes)", f.Slot, f.Article, s, e, len(text))
		}
		f.Sentence = text[s:e]
	}
	return nil
}
