package render

import (
	"fmt"
	"io"

	"github.com/crosscheck-news/crosscheck/compare"
)

// WriteJSON writes res as the crosscheck.compare/v1 document described in
// docs/json.md, indented, with no HTML escaping (it is data, not markup).
func WriteJSON(w io.Writer, res compare.Result) error {
	if err := writeResultJSON(w, &res); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
