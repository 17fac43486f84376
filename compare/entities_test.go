package compare

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
)

func TestSpellingVariant(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		// A fuller form is no variant.
		{"Ann Roe", "Ann B. Roe", false},
		{"Ann Roe", "Ann B. Roe Jr.", false},
		{"Tova Lind", "Tova K. Lind III", false},
		{"Tova Lind", "Governor Tova Lind", false},
		// Another given name is another person or a nickname, never a spelling.
		{"John Hale", "Maria Hale", false},
		{"Rob Hale", "Robert Hale", false},
		// An abbreviation against its long form is no spelling.
		{"H.T.A.", "Harbour Trust Authority", false},
		// Dots, hyphens, plural -s and romanisations are.
		{"H.T.A.", "HTA", true},
		{"U.N.", "UN", true},
		{"U.N.", "U.K.", false},
		{"Lee Min-ho", "Lee Min Ho", true},
		{"Nurses Without Borders", "Nurse Without Borders", true},
		{"Ahmed al-Hakim", "Ahmad al-Hakim", true},
		// Morphology is no spelling.
		{"Iran", "Iranian", false},
		{"France", "French", false},
		{"Alder", "Alders", false},
	}
	for _, tt := range tests {
		fa, fb := newNameForm(tt.a), newNameForm(tt.b)
		if fa.key() == fb.key() {
			if tt.want {
				t.Errorf("%q and %q have one spelling form %q, want a variant", tt.a, tt.b, fa.key())
			}
			continue
		}
		if got := spellingVariant(fa, fb); got != tt.want {
			t.Errorf("spellingVariant(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := spellingVariant(fb, fa); got != tt.want {
			t.Errorf("spellingVariant(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestEntitySpellings(t *testing.T) {
	fact := func(art, value string) facts.Fact {
		return facts.Fact{Article: art, Slot: "entity:x", Kind: facts.KindEntity, Value: value, Surface: value}
	}
	tests := []struct {
		name  string
		facts []facts.Fact
		want  []string // "value=articles"; nil when no spelling difference
	}{
		{"middle initial and suffix are one name", []facts.Fact{
			fact("a", "Ann Roe"), fact("b", "Ann B. Roe Jr."), fact("c", "Ann Roe"),
		}, nil},
		{"dotted against undotted", []facts.Fact{
			fact("a", "H.T.A."), fact("b", "HTA"), fact("c", "HTA"),
		}, []string{"HTA=b,c", "H.T.A.=a"}},
		{"long form left out of a dot difference", []facts.Fact{
			fact("a", "H.T.A."), fact("b", "HTA"), fact("c", "Harbour Trust Authority"),
		}, []string{"H.T.A.=a", "HTA=b"}},
		{"a fuller form joins its shorter spelling", []facts.Fact{
			fact("a", "Lee Min-ho"), fact("b", "Lee Min Ho"), fact("c", "Lee M. Min-ho"),
		}, []string{"Lee Min-ho=a,c", "Lee Min Ho=b"}},
		{"an article's later abbreviation counts", []facts.Fact{
			fact("a", "Harbour Trust Authority"), fact("a", "H.T.A."), fact("b", "HTA"),
		}, []string{"H.T.A.=a", "HTA=b"}},
		{"two given names are no variant", []facts.Fact{
			fact("a", "John Hale"), fact("b", "Maria Hale"),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := comparer{}.entitySpellings(tt.facts)
			var got []string
			if ok {
				for _, g := range d.Groups {
					got = append(got, g.Value+"="+strings.Join(g.Articles, ","))
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("spellings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAlignAbbreviations(t *testing.T) {
	ent := func(art, slot, label, value string) facts.Fact {
		return facts.Fact{Article: art, Slot: slot, Kind: facts.KindEntity, Label: label + ": " + value, Value: value}
	}
	tests := []struct {
		name string
		in   []facts.Fact
		want []string // "article=slot"
	}{
		{"abbreviation joins its long form", []facts.Fact{
			ent("a", "entity:hta", "organisation", "H.T.A."),
			ent("b", "entity:harbour", "organisation", "Harbour Trust Authority"),
			ent("c", "entity:hta", "organisation", "HTA"),
		}, []string{"a=entity:harbour", "b=entity:harbour", "c=entity:harbour"}},
		{"small words may count", []facts.Fact{
			ent("a", "entity:jpoa", "other", "JPOA"),
			ent("b", "entity:joint", "other", "Joint Plan of Action"),
		}, []string{"a=entity:joint", "b=entity:joint"}},
		{"a leading abbreviation may be dropped", []facts.Fact{
			ent("a", "entity:abp", "organisation", "ABP"),
			ent("b", "entity:usabp", "organisation", "U.S. Alder and Bay Patrol"),
		}, []string{"a=entity:usabp", "b=entity:usabp"}},
		{"two long forms leave it alone", []facts.Fact{
			ent("a", "entity:hc", "organisation", "HC"),
			ent("b", "entity:hcouncil", "organisation", "Harbour Council"),
			ent("c", "entity:hcourt", "organisation", "High Court"),
		}, []string{"a=entity:hc", "b=entity:hcouncil", "c=entity:hcourt"}},
		{"persons are no long forms", []facts.Fact{
			ent("a", "entity:ar", "organisation", "AR"),
			ent("b", "entity:roe", "person", "Ann Roe"),
		}, []string{"a=entity:ar", "b=entity:roe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.in[0].Slot
			var got []string
			for _, f := range alignAbbreviations(tt.in) {
				got = append(got, f.Article+"="+f.Slot)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("slots (-want +got):\n%s", diff)
			}
			if tt.in[0].Slot != before {
				t.Errorf("input modified")
			}
		})
	}
}

func TestSplitNamesakes(t *testing.T) {
	person := func(art, slot, value string) facts.Fact {
		return facts.Fact{Article: art, Slot: slot, Kind: facts.KindEntity, Label: "person: " + value, Value: value}
	}
	title := func(art, slot, value string) facts.Fact {
		return facts.Fact{Article: art, Slot: slot, Kind: facts.KindTitle, Value: value}
	}
	keyAnn := "entity:" + facts.NameKey("Ann Hale")
	tests := []struct {
		name string
		in   []facts.Fact
		want []string // "article=slot"
	}{
		{"two people sharing a surname", []facts.Fact{
			person("a", "entity:hale", "John Hale"),
			person("b", "entity:hale", "Hale"),
			person("c", "entity:hale", "John Hale"),
			person("d", "entity:hale", "Ann Hale"),
			title("d", "title:hale", "first lady"),
			title("a", "title:hale", "mayor"),
		}, []string{"a=entity:hale", "a=title:hale", "b=entity:hale", "c=entity:hale", "d=" + keyAnn, "d=title:" + strings.TrimPrefix(keyAnn, "entity:")}},
		{"nicknames and initials stay one person", []facts.Fact{
			person("a", "entity:hale", "Bill Hale"),
			person("b", "entity:hale", "William J. Hale"),
			person("c", "entity:hale", "Will Hale"),
			person("d", "entity:hale", "W. Hale"),
		}, []string{"a=entity:hale", "b=entity:hale", "c=entity:hale", "d=entity:hale"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range splitNamesakes(tt.in, nil) {
				got = append(got, f.Article+"="+f.Slot)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("slots (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAlignPlurals(t *testing.T) {
	ent := func(art, slot, label, value string) facts.Fact {
		return facts.Fact{Article: art, Slot: slot, Kind: facts.KindEntity, Label: label + ": " + value, Value: value}
	}
	in := []facts.Fact{
		ent("a", "entity:nurses", "organisation", "Nurses Without Borders"),
		ent("b", "entity:nurse", "organisation", "Nurse Without Borders"),
		ent("c", "entity:nurse", "organisation", "Nurse Without Borders"),
		ent("d", "entity:alder", "place", "Port Alder"),
		ent("e", "entity:alders", "place", "Alders"),
		ent("f", "entity:roes", "person", "Ann Roes"),
		ent("g", "entity:roe", "person", "Ann Roe"),
		ent("h", "entity:minho", "person", "Lee Min-ho"),
		ent("i", "entity:minho", "person", "Lee Min-ho"),
		ent("j", "entity:ho", "person", "Lee Min Ho"),
		{Article: "j", Slot: "title:ho", Kind: facts.KindTitle, Value: "actor"},
	}
	// Lee Min Ho joins Lee Min-ho with its title.
	want := []string{"a=entity:nurse", "b=entity:nurse", "c=entity:nurse", "d=entity:alder", "e=entity:alders", "f=entity:roes", "g=entity:roe",
		"h=entity:minho", "i=entity:minho", "j=entity:minho", "j=title:minho"}
	if diff := cmp.Diff(want, slotIDsOf(alignPlurals(in, nil))); diff != "" {
		t.Errorf("slots (-want +got):\n%s", diff)
	}
	// Not when one article names both: two persons there.
	both := append(append([]facts.Fact(nil), in...), ent("k", "entity:minho", "person", "Lee Min-ho"), ent("k", "entity:ho", "person", "Lee Min Ho"))
	if got := slotIDsOf(alignPlurals(both, nil)); got[9] != "j=entity:ho" {
		t.Errorf("Lee Min Ho moved though one article names both: %v", got)
	}
	// And the merged slot shows the two spellings.
	var merged []facts.Fact
	for _, f := range alignPlurals(in, nil) {
		if f.Slot == "entity:nurse" {
			merged = append(merged, f)
		}
	}
	d, ok := comparer{}.entitySpellings(merged)
	if !ok || len(d.Groups) != 2 {
		t.Errorf("entitySpellings = %+v, %v; want two spellings", d, ok)
	}
}

// slotsOf renders facts as "article=slot" in order.
func slotIDsOf(fs []facts.Fact) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Article+"="+f.Slot)
	}
	return out
}

func TestPreferSpellings(t *testing.T) {
	fact := func(art, value string) facts.Fact {
		return facts.Fact{Article: art, Slot: "entity:x", Kind: facts.KindEntity, Value: value}
	}
	in := []facts.Fact{fact("a", "Harbour Trust Authority"), fact("a", "H.T.A."), fact("b", "HTA"), fact("c", "Harbour Trust Authority")}
	var got []string
	for _, f := range preferSpellings(in, nil) {
		got = append(got, f.Article+"="+f.Value)
	}
	want := []string{"a=H.T.A.", "a=Harbour Trust Authority", "b=HTA", "c=Harbour Trust Authority"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if in[0].Value != "Harbour Trust Authority" {
		t.Errorf("input modified")
	}
}
