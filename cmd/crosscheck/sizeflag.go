package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/facts"
)

// maxArticleLimit is the most --max-article-size accepts: beyond it a
// file is no article, and one worker per core holding such files would
// exhaust a desk machine's memory.
const maxArticleLimit = 1 << 30

// sizeUnits are the units --max-article-size understands. The one-letter
// forms are binary, as in ulimit and most tools that take "50M".
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1 << 10, "kib": 1 << 10, "kb": 1e3,
	"m": 1 << 20, "mib": 1 << 20, "mb": 1e6,
	"g": 1 << 30, "gib": 1 << 30, "gb": 1e9,
}

// parseSize reads a byte count: "2097152", "2MiB", "50MB", "512 KiB".
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	unit, ok := sizeUnits[strings.TrimSpace(t[i:])]
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if i == 0 || !ok || err != nil {
		return 0, fmt.Errorf("size %q: want bytes or a number with KiB, MiB, GiB, kB, MB or GB", s)
	}
	if n <= 0 || n > maxArticleLimit/unit {
		return 0, fmt.Errorf("size %q: want more than 0 and at most %s", s, facts.SizeText(maxArticleLimit))
	}
	return n * unit, nil
}

// sizeValue is a pflag.Value for a byte count written with a unit.
type sizeValue struct{ n *int64 }

func (v sizeValue) String() string {
	if v.n == nil {
		return ""
	}
	return strings.ReplaceAll(facts.SizeText(*v.n), " ", "")
}
func (v sizeValue) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*v.n = n
	return nil
}
func (v sizeValue) Type() string { return "size" }

// addReadFlags gives a command that reads articles --max-article-size,
// into g.Read.
func addReadFlags(cmd *cobra.Command, g *globals) {
	g.Read = facts.ReadOptions{MaxBytes: facts.MaxArticleBytes, LimitHint: "raise --max-article-size to read it"}
	cmd.Flags().Var(sizeValue{&g.Read.MaxBytes}, "max-article-size",
		"largest article file read, e.g. 2MiB, 50MB or bytes (larger files are named and skipped)")
}
