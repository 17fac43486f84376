package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Zero-width and bidi controls inside a word stay in its text (spans are
// true) and leave its fold, so a name with a joiner pasted inside still
// matches its plain spelling; between words they are skipped like space.
func TestTokenizeInvisible(t *testing.T) {
	text := "Governor June El\u200dlis met An\u200cn Roe at Port Al\u200bder \u202e212\u202c passengers.\u200b"
	var texts, folds []string
	for _, tok := range Tokenize(text, 0, len(text)) {
		if text[tok.Span.Start:tok.Span.End] != tok.Text {
			t.Errorf("token %q: span %v holds %q", tok.Text, tok.Span, text[tok.Span.Start:tok.Span.End])
		}
		texts = append(texts, tok.Text)
		folds = append(folds, tok.Fold)
	}
	wantTexts := []string{"Governor", "June", "El\u200dlis", "met", "An\u200cn", "Roe", "at", "Port", "Al\u200bder", "212", "passengers", "."}
	wantFolds := []string{"governor", "june", "ellis", "met", "ann", "roe", "at", "port", "alder", "212", "passengers", "."}
	if diff := cmp.Diff(wantTexts, texts); diff != "" {
		t.Errorf("texts (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantFolds, folds); diff != "" {
		t.Errorf("folds (-want +got):\n%s", diff)
	}
	if NameKey("June El\u200dlis") != NameKey("June Ellis") || SameName("June El\u200dlis", "June Ellis") {
		t.Errorf("a joiner inside a name made it another name (keys %q, %q) or a spelling variant",
			NameKey("June El\u200dlis"), NameKey("June Ellis"))
	}
}
