package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// claimReviewOptions are the flags of "crosscheck claimreview".
type claimReviewOptions struct {
	*globals
	Topic, Output, Publisher, URL, Rating string
}

// defaultRating is what a confirmed contradiction says of each side: the
// desk checked that the outlets disagree, not (yet) which one is right.
const defaultRating = "Contradictory reports"

func newClaimReviewCmd(g *globals) *cobra.Command {
	o := &claimReviewOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "claimreview --topic ID --publisher NAME --url URL [-o FILE]",
		Short: "Draft schema.org ClaimReview JSON-LD for the contradictions the desk confirmed",
		Long: `claimreview writes a draft of the structured data of the desk's published
fact-check: a JSON array of schema.org ClaimReview objects, one for each
contradiction the desk confirmed ("crosscheck verdict ... confirm"). Each
names the claim (each differing value with the sentence that states it),
who stated it and where (the outlets, the articles' addresses or titles),
the desk's rating (--rating) and note, the date of the verdict, and the
desk as author (--publisher).
Findings of other kinds, and verdicts made stale by an edit of the
evidence, are left out. Put the output in the fact-check page inside
<script type="application/ld+json">, after an editor has read it.

--url is the address of the desk's fact-check page; each review's url is it
with the finding's id as fragment. Review the draft before publishing:
the rating says the outlets disagree, and only the desk knows which is
right.

Exit codes: 0 written (an empty array when nothing is confirmed), 1 the
file could not be written or the database failed, 2 usage.`,
		Example: `  crosscheck claimreview --topic selkie-ferry-fire --publisher "Harbour Trust Fact Desk" \
      --url https://example.org/fact-checks/selkie -o selkie.jsonld`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runClaimReview(cmd.Context(), o) },
	}
	cmd.Flags().StringVarP(&o.Topic, "topic", "t", "", "the topic `id` (required)")
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "`file` to write (default: standard output)")
	cmd.Flags().StringVar(&o.Publisher, "publisher", os.Getenv("CROSSCHECK_DESK"), "the desk or newsroom that publishes the fact-check (required; env CROSSCHECK_DESK)")
	cmd.Flags().StringVar(&o.URL, "url", "", "`address` of the published fact-check page (required)")
	cmd.Flags().StringVar(&o.Rating, "rating", defaultRating, "the rating's words (reviewRating.alternateName)")
	return cmd
}

// The JSON-LD types, in the order their properties are written.
type (
	claimReview struct {
		Context       string `json:"@context"`
		Type          string `json:"@type"`
		URL           string `json:"url"`
		ClaimReviewed string `json:"claimReviewed"`
		ItemReviewed  claim  `json:"itemReviewed"`
		Author        org    `json:"author"`
		DatePublished string `json:"datePublished"`
		ReviewRating  rating `json:"reviewRating"`
		ReviewBody    string `json:"reviewBody,omitempty"`
		Identifier    string `json:"identifier"`
	}
	claim struct {
		Type            string         `json:"@type"`
		Author          []org          `json:"author"`
		Appearance      []creativeWork `json:"appearance"`
		FirstAppearance *creativeWork  `json:"firstAppearance"`
	}
	creativeWork struct {
		Type          string `json:"@type"`
		URL           string `json:"url,omitempty"`
		Name          string `json:"name,omitempty"`
		Publisher     *org   `json:"publisher,omitempty"`
		DatePublished string `json:"datePublished,omitempty"`
	}
	org struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	rating struct {
		Type              string `json:"@type"`
		AlternateName     string `json:"alternateName"`
		RatingExplanation string `json:"ratingExplanation,omitempty"`
	}
)

func runClaimReview(ctx context.Context, o *claimReviewOptions) error {
	switch {
	case o.Topic == "":
		return usagef("--topic is required")
	case strings.TrimSpace(o.Publisher) == "":
		return usagef("--publisher is required: the desk's name, the author of the fact-check (or set CROSSCHECK_DESK)")
	case !strings.HasPrefix(o.URL, "https://") && !strings.HasPrefix(o.URL, "http://"):
		return usagef("--url %q: want the http(s) address of the published fact-check page", o.URL)
	case strings.TrimSpace(o.Rating) == "":
		return usagef("--rating must not be empty")
	}
	db, err := o.openExistingDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	res, _, err := compareStored(ctx, db, o.Topic)
	if err != nil {
		return err
	}
	reviews, skipped := claimReviews(res, o.Publisher, o.URL, o.Rating)
	if skipped > 0 {
		fmt.Fprintf(o.Stderr, "crosscheck: %d confirmed findings are not contradictions (or are stale); a ClaimReview is for a contradicted claim, so they are left out\n", skipped)
	}
	write := func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(reviews)
	}
	if o.Output == "" {
		return write(o.Stdout)
	}
	return pipeline.WriteFileAtomic(o.Output, func(f *os.File) error { return write(f) })
}

// claimReviews drafts a ClaimReview for each contradiction the desk
// confirmed (a current verdict, not a stale one), in the order of the
// comparison. The claim is what the outlets state, each differing value
// with the sentence that states it: the desk confirmed that they
// disagree, and its note says what it found. skipped counts the confirmed
// findings left out.
func claimReviews(res compare.Result, publisher, pageURL, ratingName string) (out []claimReview, skipped int) {
	out = []claimReview{}
	arts := map[string]compare.Article{}
	for _, a := range res.Articles {
		arts[a.ID] = a
	}
	for _, g := range res.Variants {
		if g.Verdict != nil && g.Verdict.Decision == facts.Confirm {
			skipped++
		}
	}
	for _, sr := range res.Facts {
		v := sr.Verdict
		if v == nil || v.Decision != facts.Confirm {
			continue
		}
		if sr.Status != compare.Contradiction || v.Stale {
			skipped++
			continue
		}
		cr := claimReview{
			Context:       "https://schema.org",
			Type:          "ClaimReview",
			URL:           pageURL + "#" + sr.ID,
			ItemReviewed:  claim{Type: "Claim"},
			Author:        org{Type: "Organization", Name: publisher},
			DatePublished: v.At,
			ReviewRating:  rating{Type: "Rating", AlternateName: ratingName, RatingExplanation: v.Note},
			ReviewBody:    strings.TrimSpace(sr.Headline + " " + v.Note),
			Identifier:    sr.ID,
		}
		var claims []string
		said := map[string]int{} // value → index in claims
		authors := map[string]bool{}
		for _, val := range sr.Values {
			if val.Background {
				continue // an earlier occurrence, not what the article claims
			}
			a := arts[val.Article]
			who := org{Type: "Organization", Name: firstNonEmpty(a.Outlet, a.Wire, a.Label, a.ID)}
			if !authors[who.Name] {
				authors[who.Name] = true
				cr.ItemReviewed.Author = append(cr.ItemReviewed.Author, who)
			}
			where := creativeWork{Type: "CreativeWork", URL: a.URL, Name: firstNonEmpty(a.Title, a.File), Publisher: &who, DatePublished: a.Published}
			cr.ItemReviewed.Appearance = append(cr.ItemReviewed.Appearance, where)
			if first := cr.ItemReviewed.FirstAppearance; first == nil || (a.Published != "" && (first.DatePublished == "" || a.Published < first.DatePublished)) {
				cr.ItemReviewed.FirstAppearance = &where
			}
			if _, ok := said[val.Value]; !ok {
				said[val.Value] = len(claims)
				claims = append(claims, who.Name+": “"+strings.Join(strings.Fields(val.Sentence), " ")+"”")
			}
		}
		if len(claims) == 0 {
			continue
		}
		cr.ClaimReviewed = strings.Join(claims, " / ")
		out = append(out, cr)
	}
	return out, skipped
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
