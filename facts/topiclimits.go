package facts

import (
	"bytes"
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Topic files are written by hand and read by every batch run, so a
// broken or hostile one must fail fast: a 606-byte file of nested YAML
// aliases ("billion laughs") expands to gigabytes when decoded.
const (
	// MaxTopicFileBytes is the largest topic file read (a topic with
	// thousands of aliases is a few hundred kilobytes).
	MaxTopicFileBytes = 1 << 20
	// maxTopicNodes bounds the YAML nodes a topic file stands for once
	// its aliases are expanded.
	maxTopicNodes = 200_000
	// maxTopicDepth bounds how deep a topic file's YAML nests (a topic
	// needs four levels): the YAML parser's memory grows with the square
	// of the depth, 0.6 GB at 16,000 nested "[" and without end beyond,
	// before its own depth check runs.
	maxTopicDepth = 64
	// maxPlainTopicBytes is the longest topic file that cannot stand for
	// more than maxTopicNodes nodes without an alias: YAML gives at most
	// 1.5 nodes per byte ("{a,a,a}": a key, its null value and the pair
	// for every two bytes), so a quarter of maxTopicNodes leaves room.
	maxPlainTopicBytes = maxTopicNodes / 4
)

// checkTopicSize refuses a topic file too large to be one, or whose
// aliases expand it beyond maxTopicNodes, before it is decoded.
func checkTopicSize(name string, b []byte) error {
	if len(b) > MaxTopicFileBytes {
		return &TopicError{File: name, Message: fmt.Sprintf("topic file is %d bytes, over the %d-byte limit", len(b), MaxTopicFileBytes)}
	}
	if line, depth := nestingDepth(b); depth > maxTopicDepth {
		return &TopicError{File: name, Line: line, Message: fmt.Sprintf("YAML nests deeper than %d levels (a topic file needs 4); not read", maxTopicDepth)}
	}
	if len(b) <= maxPlainTopicBytes && bytes.IndexByte(b, '*') < 0 {
		// No alias, so nothing expands, and too short to hold
		// maxTopicNodes nodes: the parse below, half the cost of reading
		// a topic file, would find nothing to refuse.
		return nil
	}
	f, err := parser.ParseBytes(b, 0)
	if err != nil {
		return nil // the decoder reports syntax errors with their place
	}
	e := &expansion{anchors: map[string]ast.Node{}, memo: map[string]int{}}
	total := 0
	for _, doc := range f.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		total += e.size(doc.Body)
		if total > maxTopicNodes {
			return &TopicError{File: name, Message: fmt.Sprintf("topic file expands to more than %d YAML nodes through its aliases (&anchor/*alias); write the values out", maxTopicNodes)}
		}
	}
	return nil
}

// expansion counts the nodes of a YAML tree with every alias replaced by
// what its anchor holds, stopping past maxTopicNodes.
type expansion struct {
	anchors map[string]ast.Node
	memo    map[string]int
}

func (e *expansion) size(n ast.Node) int {
	c := &nodeCounter{e: e}
	ast.Walk(c, n)
	return c.n
}

type nodeCounter struct {
	e *expansion
	n int
}

func (c *nodeCounter) Visit(n ast.Node) ast.Visitor {
	if n == nil || c.n > maxTopicNodes {
		return nil
	}
	c.n++
	switch x := n.(type) {
	case *ast.AnchorNode:
		if x.Name != nil && x.Value != nil {
			c.e.anchors[x.Name.String()] = x.Value
		}
	case *ast.AliasNode:
		if x.Value == nil {
			return nil
		}
		name := x.Value.String()
		s, ok := c.e.memo[name]
		if !ok {
			c.e.memo[name] = 0 // an alias inside its own anchor counts nothing more
			if a := c.e.anchors[name]; a != nil {
				s = c.e.size(a)
			}
			c.e.memo[name] = s
		}
		c.n = min(c.n+s, maxTopicNodes+1)
		return nil
	}
	return c
}

// nestingDepth estimates, without parsing, how deep YAML text nests, and
// the first line where it is deepest: open flow brackets ("[", "{") plus
// the block indicators ("- ", "? ") chained on one line ("- - - x", or
// after "key: "), which the parser nests one inside the other. Quoted
// text and comments are skipped. Nesting by indentation is left out: it
// costs the parser little, and a 1 MiB file can indent only some 1,400
// levels.
func nestingDepth(b []byte) (line, depth int) {
	flow, n := 0, 1
	var quote byte
	chain := 0        // indicators chained on this line
	indicator := true // an indicator here would nest: line start, after ": " or another indicator
	scalar := true    // a scalar may start here, so a quote opens one ("O'Hara" holds none)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\n' {
			n++
			chain, indicator, scalar = 0, true, true
			continue
		}
		if quote != 0 {
			switch {
			case c == '\\' && quote == '"':
				i++
			case c == quote:
				quote = 0
			}
			continue
		}
		next := byte('\n')
		if i+1 < len(b) {
			next = b[i+1]
		}
		switch {
		case c == ' ' || c == '\t':
			continue
		case indicator && (c == '-' || c == '?') && (next == ' ' || next == '\n'):
			chain++
			scalar = true
		case c == ':' && (next == ' ' || next == '\n'):
			indicator, scalar = true, true
			continue
		case c == ',':
			scalar = true
			continue
		case c == '#':
			for i+1 < len(b) && b[i+1] != '\n' {
				i++
			}
			continue
		case scalar && (c == '"' || c == '\''):
			quote = c
			indicator, scalar = false, false
		case c == '[' || c == '{':
			flow++
			indicator, scalar = false, true
		case c == ']' || c == '}':
			if flow > 0 {
				flow--
			}
			indicator, scalar = false, false
		default:
			indicator, scalar = false, false
		}
		if d := flow + chain; d > depth {
			line, depth = n, d
		}
	}
	return line, depth
}
