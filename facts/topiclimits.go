package facts

import (
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
)

// checkTopicSize refuses a topic file too large to be one, or whose
// aliases expand it beyond maxTopicNodes, before it is decoded.
func checkTopicSize(name string, b []byte) error {
	if len(b) > MaxTopicFileBytes {
		return &TopicError{File: name, Message: fmt.Sprintf("topic file is %d bytes, over the %d-byte limit", len(b), MaxTopicFileBytes)}
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
