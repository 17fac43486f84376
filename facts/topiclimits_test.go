package facts

import (
	"strconv"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// TestPlainTopicNodesPerByte holds maxPlainTopicBytes to its reason: YAML
// without aliases stands for at most 1.5 nodes per byte, so a file of
// maxPlainTopicBytes cannot reach maxTopicNodes and checkTopicSize may
// skip counting. The inputs are the densest shapes found: one-character
// scalars, empty values, flow and block collections.
func TestPlainTopicNodesPerByte(t *testing.T) {
	numbered := func(pre, post string) string {
		var b strings.Builder
		for i := range 1000 {
			b.WriteString(pre + strconv.Itoa(i) + post)
		}
		return b.String()
	}
	for _, src := range []string{
		strings.Repeat("-\n", 1000),
		strings.Repeat("- -\n", 1000),
		"[" + strings.Repeat("1,", 1000) + "]",
		"[" + strings.Repeat("[],", 1000) + "]",
		"[" + strings.Repeat("{},", 1000) + "]",
		"{" + strings.Repeat("a,", 1000) + "}",
		"[" + strings.Repeat("a: b,", 1000) + "]",
		strings.Repeat("a:\n-\n", 1000),
		"{" + numbered("", ",") + "}",
		numbered("", ":\n"),
		numbered("- ", ":\n"),
	} {
		f, err := parser.ParseBytes([]byte(src), 0)
		if err != nil {
			t.Fatalf("%.12q: %v", src, err)
		}
		e := &expansion{anchors: map[string]ast.Node{}, memo: map[string]int{}}
		nodes := 0
		for _, doc := range f.Docs {
			if doc != nil && doc.Body != nil {
				nodes += e.size(doc.Body)
			}
		}
		if nodes == 0 || 2*nodes > 3*len(src) {
			t.Errorf("%.12q: %d nodes in %d bytes, want between 1 and 1.5 per byte", src, nodes, len(src))
		}
	}
	if 3*maxPlainTopicBytes/2 >= maxTopicNodes {
		t.Errorf("maxPlainTopicBytes = %d can hold %d nodes, over maxTopicNodes = %d", maxPlainTopicBytes, 3*maxPlainTopicBytes/2, maxTopicNodes)
	}
}
