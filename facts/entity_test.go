package facts

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func entityIndex() *aliasIndex {
	return newAliasIndex([]Entity{
		{ID: "zahra", Name: "Layla al-Zahra", Aliases: []string{"al-Zahra", "Zahra"}},
		{ID: "mansur", Name: "El Mansur"},
		{ID: "vigo", Name: "Vigo", Aliases: []string{"Port of Vigo", "Vigo port"}},
		{ID: "coruna", Name: "A Coruña"},
		{ID: "saopaulo", Name: "São Paulo"},
		{ID: "riverton", Name: "Riverton", Aliases: []string{"Rivertón"}},
		{ID: "kassel", Name: "Kassel"},
		{ID: "obrien", Name: "Dana O'Brien", Aliases: []string{"O'Brien"}},
		{ID: "un", Name: "United Nations", Aliases: []string{"U.N."}},
	})
}

// findMentions renders the mentions in text as "id=surface@start:end",
// failing when a span does not point at its surface.
func findMentions(t *testing.T, idx *aliasIndex, text string) []string {
	t.Helper()
	out := []string{}
	for _, m := range idx.find(text, Tokenize(text, 0, len(text))) {
		if got := text[m.Span.Start:m.Span.End]; got != m.Surface {
			t.Errorf("mention %s: text at %v is %q, surface %q", m.Entity, m.Span, got, m.Surface)
		}
		out = append(out, fmt.Sprintf("%s=%s@%d:%d", m.Entity, m.Surface, m.Span.Start, m.Span.End))
	}
	return out
}

func TestAliasIndex(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Case and diacritics.
		{"upper case", "RIVERTON voted.", []string{"riverton=RIVERTON@0:8"}},
		{"accent in the text, none in the name", "Rivertón voted.", []string{"riverton=Rivertón@0:9"}},
		{"accent in the name, none in the text", "Flights to Sao Paulo resumed.", []string{"saopaulo=Sao Paulo@11:20"}},
		{"accent and upper case", "Flights to SÃO PAULO resumed.", []string{"saopaulo=SÃO PAULO@11:21"}},
		{"tilde folded", "The a coruna derby ended.", []string{"coruna=a coruna@4:12"}},
		{"typographic apostrophe", "O’Brien scored.", []string{"obrien=O’Brien@0:9"}},
		{"possessive split off", "O'Brien's goal stood.", []string{"obrien=O'Brien@0:7"}},
		{"Cyrillic capital Ka and small a", "\u041a\u0430ssel won.", []string{"kassel=\u041a\u0430ssel@0:8"}},
		{"Cyrillic small a", "Fans in K\u0430ssel cheered.", []string{"kassel=K\u0430ssel@8:15"}},

		// Name particles written with a hyphen, a space or not at all.
		{"al- as in the alias", "Zahra met al-Zahra.", []string{"zahra=Zahra@0:5", "zahra=al-Zahra@10:18"}},
		{"Al with a space", "Al Zahra spoke.", []string{"zahra=Al Zahra@0:8"}},
		{"El- for al-", "El-Zahra spoke.", []string{"zahra=El-Zahra@0:8"}},
		{"upper-case particle", "AL-ZAHRA spoke.", []string{"zahra=AL-ZAHRA@0:8"}},
		{"no particle for a name given with one", "Mansur arrived.", []string{"mansur=Mansur@0:6"}},
		{"el- hyphenated for a name given with a space", "Then el-Mansur arrived.", []string{"mansur=el-Mansur@5:14"}},
		{"Al- for a name given with El", "Al-Mansur arrived.", []string{"mansur=Al-Mansur@0:9"}},

		// Longest alias wins; multi-word aliases.
		{"full name wins over the surname", "Layla al-Zahra spoke.", []string{"zahra=Layla al-Zahra@0:14"}},
		{"multi-word alias after the name", "Ships left the Vigo port.", []string{"vigo=Vigo port@15:24"}},
		{"multi-word alias before the name", "The Port of Vigo closed.", []string{"vigo=Port of Vigo@4:16"}},
		{"multi-word alias in lower case", "The port of Vigo closed.", []string{"vigo=port of Vigo@4:16"}},
		{"punctuation breaks a multi-word alias", "Rain hit Vigo, port workers said.", []string{"vigo=Vigo@9:13"}},
		{"several entities in order", "Zahra flew from Vigo to Riverton.",
			[]string{"zahra=Zahra@0:5", "vigo=Vigo@16:20", "riverton=Riverton@24:32"}},
		{"initialism", "The U.N. sent aid.", []string{"un=U.N@4:7"}},
		{"offsets past multi-byte text", "Über Nacht: Vigo.", []string{"vigo=Vigo@13:17"}},

		// Must not match.
		{"prefix of a longer word", "Zahrawi spoke of a vigorous debate.", []string{}},
		{"part of a multi-word name alone", "Paulo scored.", []string{}},
		{"initialism without dots", "The UN sent aid.", []string{}},
	}
	idx := entityIndex()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findMentions(t, idx, tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestEntitySetSlot checks one fact per member at its first mention, with
// the span in the article text.
func TestEntitySetSlot(t *testing.T) {
	tp := &Topic{ID: "ports",
		Entities: []Entity{{ID: "vigo", Name: "Vigo"}, {ID: "brava", Name: "Brava"}, {ID: "nice", Name: "Nice"}},
		Slots:    []Slot{{ID: "ports.named", Kind: KindEntitySet, Members: []string{"vigo", "brava"}}},
	}
	text := headline + "Ferries from VIGO were late. Brava and Vigo reopened, and Nice stayed shut.\n"
	got := renderSlot(extractText(t, tp, text), "ports.named")
	want := []string{`"VIGO"=vigo asserted`, `"Brava"=brava asserted`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rivertón", "riverton"},
		{"SÃO PAULO", "sao paulo"},
		{"O’Brien", "o'brien"},
		{"\u041a\u0430ssel", "kassel"},
		{"Ünal", "unal"},
		{"ﬁnal", "final"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Fold(tt.in)); diff != "" {
			t.Errorf("Fold(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}
