package compare

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
)

// variantArticle builds an article whose body is the given paragraphs.
func variantArticle(id string, paras ...string) facts.Article {
	var b strings.Builder
	var body []facts.Span
	b.WriteString("Headline that is not body\n\n")
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		body = append(body, facts.Span{Start: start, End: b.Len()})
	}
	return facts.Article{ID: id, File: id + ".txt", Text: b.String(), Body: body}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		name     string
		topic    *facts.Topic
		articles []facts.Article
		want     []VariantGroup
	}{
		{
			name: "Ahmed and Ahmad across two articles",
			articles: []facts.Article{
				variantArticle("a", "President Ahmed al-Sharaa met his counterpart on Wednesday, officials said."),
				variantArticle("b", "Syria's interim president, Ahmad al-Sharaa, arrived on Tuesday.", "Sharaa has visited twice."),
			},
			want: []VariantGroup{{
				Canonical: "ahmad",
				Forms: []VariantForm{
					{Form: "Ahmad", Articles: []string{"b"}},
					{Form: "Ahmed", Articles: []string{"a"}},
				},
			}},
		},
		{
			name: "one article using both spellings is no variant across outlets",
			articles: []facts.Article{
				variantArticle("a", "Ahmed al-Sharaa spoke. Later Ahmad al-Sharaa left."),
				variantArticle("b", "The talks ended on Wednesday."),
			},
		},
		{
			name: "Israel and Israeli are different words",
			articles: []facts.Article{
				variantArticle("a", "Officials in Israel said the strikes would go on."),
				variantArticle("b", "An Israeli official said the strikes would go on."),
			},
		},
		{
			name: "Iran and Iraq are different countries",
			articles: []facts.Article{
				variantArticle("a", "Envoys from Iran arrived on Monday."),
				variantArticle("b", "Envoys from Iraq arrived on Monday."),
			},
		},
		{
			name: "case and diacritics only: one form",
			articles: []facts.Article{
				variantArticle("a", "The port of Tartus was mentioned, as was MacDonald."),
				variantArticle("b", "The port of Tartús was mentioned, as was Macdonald.", "TARTUS"),
			},
		},
		{
			name: "a common word is never a candidate",
			articles: []facts.Article{
				variantArticle("a", "Mohammed Said addressed the meeting, aides said."),
				variantArticle("b", "Mohamed Saeed addressed the meeting."),
			},
			want: []VariantGroup{{
				Canonical: "mohamed",
				Forms: []VariantForm{
					{Form: "Mohamed", Articles: []string{"b"}},
					{Form: "Mohammed", Articles: []string{"a"}},
				},
			}},
		},
		{
			name: "topic aliases: a group whatever the key, token-level forms, no duplicate",
			topic: &facts.Topic{Entities: []facts.Entity{
				{ID: "kyiv", Name: "Kyiv", Aliases: []string{"Kiev"}},
				{ID: "tartus", Name: "Tartus", Aliases: []string{"Tartous", "Tartous naval facility"}},
				{ID: "putin", Name: "Vladimir Putin", Aliases: []string{"Putin", "President Putin"}},
			}},
			articles: []facts.Article{
				variantArticle("a", "Vladimir Putin spoke in Kyiv of the Tartous naval facility."),
				variantArticle("b", "President Putin spoke of Kiev and of Tartus.", "Tartus is on the coast."),
				variantArticle("c", "Putin said little about Tartus."),
			},
			want: []VariantGroup{
				{Canonical: "kyiv", Forms: []VariantForm{
					{Form: "Kiev", Articles: []string{"b"}},
					{Form: "Kyiv", Articles: []string{"a"}},
				}},
				{Canonical: "tartus", Forms: []VariantForm{
					{Form: "Tartus", Articles: []string{"b", "c"}},
					{Form: "Tartous", Articles: []string{"a"}},
				}},
			},
		},
		{
			name: "a similarity group takes the id of an entity with one of its forms",
			topic: &facts.Topic{Entities: []facts.Entity{
				{ID: "latakia", Name: "Latakia"},
			}},
			articles: []facts.Article{
				variantArticle("a", "Ships left Latakia on Monday."),
				variantArticle("b", "Ships left Lattakia on Monday."),
			},
			want: []VariantGroup{{
				Canonical: "latakia",
				Forms: []VariantForm{
					{Form: "Latakia", Articles: []string{"a"}},
					{Form: "Lattakia", Articles: []string{"b"}},
				},
			}},
		},
		{
			name: "al- prefix and its absence are one form",
			articles: []facts.Article{
				variantArticle("a", "Ahmed al-Sharaa left."),
				variantArticle("b", "Ahmed Sharaa left.", "Officials said Al-Sharaa would return."),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Variants(tt.topic, tt.articles)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Variants() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVariantCandidates(t *testing.T) {
	v := newVariantScan([]facts.Article{
		variantArticle("a", "The talks began. However, the delegates left. Officials said Cairo agreed.", "“The plan is good,” he said."),
		variantArticle("b", "The meeting ended; the mood was calm. Turkey sent no envoy. We ate turkey.", "NATO and the UN were silent."),
	}, nil)
	for _, id := range []string{"the", "said", "turkey", "nato", "un"} {
		if v.forms[id] != nil {
			t.Errorf("%q is a candidate form, want it excluded", id)
		}
	}
	for _, id := range []string{"cairo", "however", "officials"} {
		if v.forms[id] == nil {
			t.Errorf("%q is not a candidate form", id)
		}
	}
}

func TestVariantsDeterministic(t *testing.T) {
	topic := &facts.Topic{Entities: []facts.Entity{
		{ID: "hmeimim", Name: "Hmeimim", Aliases: []string{"Khmeimim", "Hmeymim"}},
		{ID: "tartus", Name: "Tartus", Aliases: []string{"Tartous"}},
		{ID: "qamishli", Name: "Qamishli", Aliases: []string{"Kamishli", "Qamishly"}},
	}}
	articles := []facts.Article{
		variantArticle("r", "Mohammed Hussein and Ahmed Nasrallah flew from Hmeimim to Tartous.", "Gorbachev and Zelensky were cited; Latakia too."),
		variantArticle("a", "Muhammad Husayn and Ahmad Nasrullah flew from Khmeimim to Tartus.", "Gorbachov and Zelenskyy were cited; Lattakia too."),
		variantArticle("t", "Mohamed Hussain and Ahmed Nasrallah flew from Hmeymim to Tartus via Kamishli.", "Zelenskiy and Qamishli."),
		variantArticle("x", "Dmitry, Dmitri and Dmitriy met Yuri, Yury and Iouri in Qamishly."),
	}
	first := Variants(topic, articles)
	if len(first) < 8 {
		t.Fatalf("got %d groups, want at least 8: %+v", len(first), first)
	}
	for i := 0; i < 50; i++ {
		if diff := cmp.Diff(first, Variants(topic, articles)); diff != "" {
			t.Fatalf("run %d differs (-first +run):\n%s", i, diff)
		}
	}
}

// TestVariantsDifferentPeople: a similar given name alone does not make a
// variant when the surnames differ — two people, not two spellings.
func TestVariantsDifferentPeople(t *testing.T) {
	arts := []facts.Article{
		variantArticle("a", "Mayor Ahmed Hassan opened the bridge on Monday."),
		variantArticle("b", "The contractor, Ahmad Youssef, said the work was done."),
	}
	if got := Variants(nil, arts); len(got) != 0 {
		t.Errorf("Variants joined two people: %+v", got)
	}
	arts = append(arts, variantArticle("c", "Mayor Ahmad Hassan cut the ribbon."))
	got := Variants(nil, arts)
	var forms []string
	for _, g := range got {
		for _, f := range g.Forms {
			forms = append(forms, f.Form+":"+strings.Join(f.Articles, ","))
		}
	}
	if diff := cmp.Diff([]string{"Ahmad:b,c", "Ahmed:a"}, forms); diff != "" {
		t.Errorf("forms (-want +got):\n%s", diff)
	}
}
