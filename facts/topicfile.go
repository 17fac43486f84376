package facts

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// TopicError is a mistake in a topic file, located by line and column so
// the desk can fix it: "story.yaml:12:5: slot "visit.count": unknown kind".
type TopicError struct {
	File    string
	Line    int
	Column  int
	Message string
	// Excerpt shows the offending lines of the file, when known.
	Excerpt string
}

func (e *TopicError) Error() string {
	loc := e.File
	switch {
	case e.Line > 0 && e.Column > 0:
		loc = fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
	case e.Line > 0:
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	return loc + ": " + e.Message
}

// Unwrap marks topic file mistakes as bad input.
func (e *TopicError) Unwrap() error { return ErrBadInput }

// TopicFileNames are the names a topic file may have inside an article
// folder, in the order they are looked for.
var TopicFileNames = []string{"topic.yaml", "topic.yml"}

// LoadTopic reads and validates a topic file.
func LoadTopic(path string) (*Topic, []byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read topic file: %w", err)
	}
	defer f.Close()
	// Read one byte past the limit: enough to refuse a huge file without
	// holding it.
	b, err := io.ReadAll(io.LimitReader(f, MaxTopicFileBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read topic file: %w", err)
	}
	t, err := ParseTopic(filepath.Base(path), b)
	return t, b, err
}

// ParseTopic decodes a topic file strictly (unknown keys are errors) and
// validates it. name is used in error messages.
func ParseTopic(name string, b []byte) (*Topic, error) {
	if strings.TrimSpace(string(b)) == "" {
		return nil, &TopicError{File: name, Message: "empty topic file"}
	}
	if err := checkTopicSize(name, b); err != nil {
		return nil, err
	}
	var t Topic
	if err := decodeTopic(b, &t); err != nil {
		return nil, yamlError(name, err)
	}
	if err := t.validate(); err != nil {
		var ve *validationError
		if errors.As(err, &ve) {
			return nil, locate(name, b, ve)
		}
		return nil, err
	}
	return &t, nil
}

func yamlError(name string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		te := &TopicError{File: name, Message: ye.GetMessage() + nearestKeyHint(ye.GetMessage()), Excerpt: ye.FormatError(false, true)}
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			te.Line, te.Column = tok.Position.Line, tok.Position.Column
		}
		return te
	}
	return &TopicError{File: name, Message: err.Error()}
}

// validationError carries the YAML path of the offending node, so the
// error can be located in the file.
type validationError struct {
	path string
	msg  string
}

func (e *validationError) Error() string { return e.msg }

func locate(name string, b []byte, ve *validationError) error {
	te := &TopicError{File: name, Message: ve.msg}
	p, err := yaml.PathString(ve.path)
	if err != nil {
		return te
	}
	file, err := parserParse(b)
	if err != nil {
		return te
	}
	node, err := p.FilterFile(file)
	if err != nil || node == nil {
		return te
	}
	tok := node.GetToken()
	if m, ok := node.(*ast.MappingNode); ok && len(m.Values) > 0 && m.Values[0].Key != nil {
		// A whole entry: point at its first key ("- id: …"), not at the
		// colon the parser gives the mapping.
		tok = m.Values[0].Key.GetToken()
	}
	if tok != nil && tok.Position != nil {
		te.Line, te.Column = tok.Position.Line, tok.Position.Column
	}
	if src, err := p.AnnotateSource(b, false); err == nil {
		te.Excerpt = string(src)
	}
	return te
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// ValidID reports whether id may name a topic, entity, slot or article:
// lower-case letters, digits, '.', '-' and '_', starting with a letter or
// digit. Such an id is also a file name that stays in its folder, which
// is why reports may be named after topic ids.
func ValidID(id string) bool { return idPattern.MatchString(id) }

func (t *Topic) validate() error {
	bad := func(path, format string, args ...any) error {
		return &validationError{path: path, msg: fmt.Sprintf(format, args...)}
	}
	if t.ID == "" {
		return bad("$", "topic has no id")
	}
	if !idPattern.MatchString(t.ID) {
		return bad("$.id", "topic id %q: use lower-case letters, digits, '.', '-' and '_'", t.ID)
	}
	if t.Date != "" {
		if _, err := ParseISODate(t.Date); err != nil {
			return bad("$.date", "%v", err)
		}
	}
	entities := map[string]bool{}
	for i, e := range t.Entities {
		p := fmt.Sprintf("$.entities[%d]", i)
		if e.ID == "" {
			return bad(p, "entity %d has no id", i+1)
		}
		if !idPattern.MatchString(e.ID) {
			return bad(p+".id", "entity %d: id %q: use lower-case letters, digits, '.', '-' and '_'", i+1, e.ID)
		}
		if entities[e.ID] {
			return bad(p+".id", "entity %q is defined twice", e.ID)
		}
		entities[e.ID] = true
		if strings.TrimSpace(e.Name) == "" && len(e.Aliases) == 0 {
			return bad(p, "entity %q has neither a name nor aliases to find it by", e.ID)
		}
	}
	slots := map[string]bool{}
	for i, s := range t.Slots {
		p := fmt.Sprintf("$.slots[%d]", i)
		if s.ID == "" {
			return bad(p, "slot %d has no id", i+1)
		}
		if !idPattern.MatchString(s.ID) {
			return bad(p+".id", "slot %d: id %q: use lower-case letters, digits, '.', '-' and '_'", i+1, s.ID)
		}
		if slots[s.ID] {
			return bad(p+".id", "slot %q is defined twice", s.ID)
		}
		slots[s.ID] = true
		if s.Window < 0 {
			return bad(p+".window", "slot %q: window must not be negative", s.ID)
		}
		switch s.Kind {
		case KindDate, KindCount:
			if len(s.Cues) == 0 {
				return bad(p, "slot %q (%s) needs cues: words that mark the fact, such as \"met\" or \"visit\"", s.ID, s.Kind)
			}
		case KindEntitySet:
			if len(s.Members) == 0 {
				return bad(p, "slot %q (entity-set) needs members: entity ids", s.ID)
			}
			for j, m := range s.Members {
				if !entities[m] {
					return bad(fmt.Sprintf("%s.members[%d]", p, j), "slot %q: member %q is not an entity of this topic", s.ID, m)
				}
			}
		case KindEvent:
			if len(s.Triggers) == 0 {
				return bad(p, "slot %q (event) needs triggers: words for the event, such as \"withdraw\"", s.ID)
			}
			if s.Argument == "" {
				return bad(p, "slot %q (event) needs an argument: the entity id the event is about", s.ID)
			}
			if !entities[s.Argument] {
				return bad(p+".argument", "slot %q: argument %q is not an entity of this topic", s.ID, s.Argument)
			}
		case "":
			return bad(p, "slot %q has no kind; want date, entity-set, event or count", s.ID)
		default:
			return bad(p+".kind", "slot %q: unknown kind %q; want date, entity-set, event or count", s.ID, s.Kind)
		}
	}
	files := map[string]bool{}
	ids := map[string]bool{}
	for i, a := range t.Articles {
		p := fmt.Sprintf("$.articles[%d]", i)
		if a.File == "" {
			return bad(p, "article %d has no file", i+1)
		}
		if a.File != filepath.Base(a.File) || a.File == ".." || a.File == "." {
			return bad(p+".file", "article file %q: give a file name in the topic's folder, not a path", a.File)
		}
		if files[a.File] {
			return bad(p+".file", "article file %q is listed twice", a.File)
		}
		files[a.File] = true
		if a.ID != "" {
			if !idPattern.MatchString(a.ID) {
				return bad(p+".id", "article id %q: use lower-case letters, digits, '.', '-' and '_'", a.ID)
			}
			if ids[a.ID] {
				return bad(p+".id", "article id %q is used twice", a.ID)
			}
			ids[a.ID] = true
		}
		if a.Published != "" {
			if _, err := ParseISODate(a.Published); err != nil {
				return bad(p+".published", "article %q: %v", a.File, err)
			}
		}
	}
	return nil
}

// TopicFor returns a topic with no slots for a folder that has no topic
// file, with its id made from the folder's name, and the YAML that
// describes it (stored like a topic file, so later commands can load it).
// Only general facts are extracted for it.
// meta, when given, is kept as the topic's article list.
func TopicFor(dir string, meta []ArticleMeta) (*Topic, []byte, error) {
	name := filepath.Base(filepath.Clean(dir))
	if abs, err := filepath.Abs(dir); err == nil {
		name = filepath.Base(abs)
	}
	id := slug(name)
	if id == "" {
		id = "untitled"
	}
	t, src, err := TopicNamed(id, name, meta)
	if err != nil {
		return nil, nil, fmt.Errorf("topic for %s: %w", dir, err)
	}
	return t, src, nil
}

// TopicNamed is TopicFor with the id chosen by the caller: the nightly
// batch keeps a renamed folder's old id so that its history goes on.
func TopicNamed(id, title string, meta []ArticleMeta) (*Topic, []byte, error) {
	t := &Topic{ID: id, Title: title, Articles: meta}
	b, err := yaml.Marshal(t)
	if err != nil {
		return nil, nil, fmt.Errorf("topic %s: %w", id, err)
	}
	src := append([]byte("# Generated for a folder with no topic file: general facts only.\n"), b...)
	return t, src, nil
}

// slug turns a folder name into a topic id: lower case, runs of other
// characters replaced by "-".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(Fold(s)) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_'
		if ok {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return strings.TrimLeft(b.String(), "._")
}

// ArticleMeta returns what the topic file says of the article in file, if
// anything.
func (t *Topic) ArticleMeta(file string) (ArticleMeta, bool) {
	for _, a := range t.Articles {
		if a.File == file {
			return a, true
		}
	}
	return ArticleMeta{}, false
}

// Entity returns the entity with the given id.
func (t *Topic) Entity(id string) (Entity, bool) {
	for _, e := range t.Entities {
		if e.ID == id {
			return e, true
		}
	}
	return Entity{}, false
}

func parserParse(b []byte) (*ast.File, error) { return parser.ParseBytes(b, 0) }

// decodeTopic decodes a topic file strictly. The YAML decoder can panic on
// some malformed files (found by FuzzParseTopic: a tagged flow mapping where
// a list belongs); a broken topic file must give its error line, not stop
// the run, so such a panic becomes an error.
func decodeTopic(b []byte, t *Topic) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the YAML could not be decoded (%v); check its structure against docs/topics.md", r)
		}
	}()
	return yaml.UnmarshalWithOptions(b, t, yaml.Strict())
}

// topicKeys are the keys a topic file may use, at any level: the yaml
// names of Topic, Entity, Slot and ArticleMeta.
var topicKeys = func() []string {
	seen := map[string]bool{}
	var keys []string
	for _, v := range []any{Topic{}, Entity{}, Slot{}, ArticleMeta{}} {
		rt := reflect.TypeOf(v)
		for i := 0; i < rt.NumField(); i++ {
			k, _, _ := strings.Cut(rt.Field(i).Tag.Get("yaml"), ",")
			if k != "" && k != "-" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}()

// nearestKeyHint suggests the known key closest to an unknown one
// (`unknown field "lable"` → `; did you mean "label"?`), within two edits.
func nearestKeyHint(msg string) string {
	_, rest, ok := strings.Cut(msg, `unknown field "`)
	if !ok {
		return ""
	}
	unknown, _, _ := strings.Cut(rest, `"`)
	best, bestD := "", 3
	for _, k := range topicKeys {
		if d := editDistance(strings.ToLower(unknown), k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return "; known keys: " + strings.Join(topicKeys, ", ")
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
