package facts

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// generalDoc parses text as an article file and analyses it the way the
// general extractor does.
func generalDoc(t testing.TB, a *Article) *doc {
	t.Helper()
	x := &Extractor{topic: &Topic{ID: "t"}, aliases: newAliasIndex(nil)}
	return x.analyse(a)
}

// renderGeneral renders a number, duration or count fact compactly:
// "about 200 migrants=180..220 number:migrant asserted".
func renderGeneral(f Fact) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s=%s %s %s", f.Surface, f.Value, f.Slot, f.Attribution)
	if f.Source != "" {
		b.WriteString("(" + f.Source + ")")
	}
	if f.Negated {
		b.WriteString(" negated")
	}
	if f.Background {
		b.WriteString(" background")
	}
	return b.String()
}

// checkGeneral checks a fact's spans, label and value against its text
// and its kind.
func checkGeneral(t testing.TB, a *Article, f Fact) {
	t.Helper()
	if got := a.Text[f.Span.Start:f.Span.End]; got != f.Surface {
		t.Errorf("fact %s: text at span %v is %q, surface %q", f.Slot, f.Span, got, f.Surface)
	}
	if got := a.Text[f.SentenceSpan.Start:f.SentenceSpan.End]; got != f.Sentence {
		t.Errorf("fact %s: text at sentence span is %q, sentence %q", f.Slot, got, f.Sentence)
	}
	if !f.SentenceSpan.Contains(f.Span) {
		t.Errorf("fact %s: span %v outside its sentence %v", f.Slot, f.Span, f.SentenceSpan)
	}
	prefix, label, _ := strings.Cut(f.Slot, ":")
	if prefix != string(f.Kind) || label != f.Label || label == "" {
		t.Errorf("fact %q: slot %q, kind %q, label %q do not agree", f.Surface, f.Slot, f.Kind, f.Label)
	}
	if f.Kind == KindNumber || f.Kind == KindDuration {
		if _, err := ParseRange(f.Value); err != nil {
			t.Errorf("fact %q: value %q: %v", f.Surface, f.Value, err)
		}
	}
}

// runFinder parses text (after a headline, or after pub when set) and
// renders what find finds.
func runFinder(t *testing.T, find func(*doc) []Fact, pub, text string) []string {
	t.Helper()
	if pub == "" {
		pub = headline
	}
	a := parseText(t, pub+text+"\n")
	got := []string{}
	for _, f := range find(generalDoc(t, &a)) {
		checkGeneral(t, &a, f)
		got = append(got, renderGeneral(f))
	}
	return got
}

// numbersPublished opens an article published on 2026-01-28.
const numbersPublished = "Coach returns to the northern league\nPosted on January 28, 2026\n\n"

func TestFindNumbers(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Qualifiers.
		{"at least, attributed", "At least 30 people died in the blaze, police said.",
			[]string{"At least 30 people=30.. number:people reported(police)"}},
		{"more than", "More than 150 migrants reached the border on Sunday.",
			[]string{"More than 150 migrants=151.. number:migrant asserted"}},
		{"about", "About 200 people gathered in the square.",
			[]string{"About 200 people=180..220 number:people asserted"}},
		{"roughly", "Lawyers met the roughly 400 people in the caravan.",
			[]string{"roughly 400 people=360..440 number:people asserted"}},
		{"some", "Organizers escorted some 50 participants along the walkway.",
			[]string{"some 50 participants=45..55 number:participant asserted"}},
		{"nearly percent", "Nearly 80 percent of asylum-seekers passed the initial screening.",
			[]string{"Nearly 80 percent of asylum-seekers=72..80 number:percent asserted"}},
		{"up to", "Up to 100 workers could lose their jobs at the plant.",
			[]string{"Up to 100 workers=..100 number:worker asserted"}},
		{"fewer than", "Fewer than 20 players remain in the tournament.",
			[]string{"Fewer than 20 players=..19 number:player asserted"}},
		{"over", "Over 300 flights were cancelled at the airport.",
			[]string{"Over 300 flights=301.. number:flight asserted"}},
		{"less than a percentage", "Less than 40 percent of voters turned out.",
			[]string{"Less than 40 percent of voters=..40 number:percent asserted"}},
		{"more than a dozen", "Protesters climbed the fence, with more than a dozen people hoisting themselves atop the barrier.",
			[]string{"more than a dozen people=13.. number:people asserted"}},
		{"more than a 1,000", "We can pick up more than a 1,000 people in a raid.",
			[]string{"more than a 1,000 people=1001.. number:people asserted"}},
		{"at least one", "At least one soldier was killed in the attack.",
			[]string{"At least one soldier=1.. number:soldier asserted"}},

		// Ranges.
		{"between", "Between 150 and 200 Central American migrants plan to present asylum claims.",
			[]string{"Between 150 and 200 Central American migrants=150..200 number:migrant asserted"}},
		{"hyphenated range", "The storm damaged 150-200 homes along the coast.",
			[]string{"150-200 homes=150..200 number:home asserted"}},
		{"or", "Witnesses saw two or three suspects flee.",
			[]string{"two or three suspects=2..3 number:suspect asserted"}},
		{"from..to is a change, not a range", "Prices rose from 20 to 30 dollars.",
			[]string{"30 dollars=30 number:usd asserted"}},
		{"a score is no range", "The home side won 3-1 in front of 40,000 fans.",
			[]string{"40,000 fans=40000 number:fan asserted"}},

		// Vague amounts.
		{"dozens", "Dozens of protesters were arrested outside parliament.",
			[]string{"Dozens of protesters=24..99 number:protester asserted"}},
		{"hundreds", "Hundreds of migrants camped outside the port.",
			[]string{"Hundreds of migrants=200..999 number:migrant asserted"}},
		{"several hundred", "They were greeted by several hundred supporters.",
			[]string{"several hundred supporters=300..900 number:supporter asserted"}},
		{"scores", "Scores of supporters rallied north of the fence.",
			[]string{"Scores of supporters=40..99 number:supporter asserted"}},
		{"a few hundred", "The arrival of a few hundred Central Americans was called a crisis.",
			[]string{"a few hundred Central Americans=200..500 number:american asserted"}},
		{"a dozen", "A dozen people were injured in the crash.",
			[]string{"A dozen people=12 number:people asserted"}},
		{"thousands", "Thousands of residents fled the flooding.",
			[]string{"Thousands of residents=2000..9999 number:resident asserted"}},
		{"tens of thousands", "Tens of thousands of people marched in the capital.",
			[]string{"Tens of thousands of people=20000..99999 number:people asserted"}},
		{"several dozen", "A group of several dozen immigrant rights activists marched to the border.",
			[]string{"several dozen immigrant rights activists=36..108 number:activist asserted"}},

		// Digits, money, units.
		{"thousands comma", "The caravan once numbered 1,200 migrants.",
			[]string{"1,200 migrants=1200 number:migrant asserted"}},
		{"hundred thousand", "Investigators seized 100,000 documents from the firm.",
			[]string{"100,000 documents=100000 number:document asserted"}},
		{"miles", "After traveling 2,500 miles through Mexico, they rested.",
			[]string{"2,500 miles=2500 number:mile asserted"}},
		{"dollars glued scale", "The charity seeks $5m for the appeal.",
			[]string{"$5m=5000000 number:usd asserted"}},
		{"dollars scale word", "The company paid $5 million in fines.",
			[]string{"$5 million=5000000 number:usd asserted"}},
		{"euro bn", "The EU pledged €3bn to the fund.",
			[]string{"€3bn=3000000000 number:eur asserted"}},
		{"US dollars decimal", "The deal is worth US$2.5bn over ten years.",
			[]string{"US$2.5bn=2500000000 number:usd asserted"}},
		{"currency word", "The club was fined 5 million euros.",
			[]string{"5 million euros=5000000 number:eur asserted"}},
		{"pounds symbol", "The painting sold for £300,000 at auction.",
			[]string{"£300,000=300000 number:gbp asserted"}},
		{"percent sign", "Turnout was 62% in the first round.",
			[]string{"62%=62 number:percent asserted"}},
		{"decimal percent", "The economy grew 3.5 percent last quarter.",
			[]string{"3.5 percent=3.5 number:percent asserted"}},
		{"percentage points", "The unemployment rate rose 0.2 percentage points.",
			[]string{"0.2 percentage points=0.2 number:percentage point asserted"}},
		{"compound unit", "The more than 100-mile walk was intended to show support.",
			[]string{"more than 100-mile=100.. number:mile asserted"}},
		{"strong", "A 5,000-strong crowd filled the stadium.",
			[]string{"5,000-strong crowd=5000 number:crowd asserted"}},
		{"sport", "Smith scored 25 points and grabbed 10 rebounds.",
			[]string{"25 points=25 number:point asserted", "10 rebounds=10 number:rebound asserted"}},
		{"only", "Only 12 jurors heard the case.",
			[]string{"Only 12 jurors=12 number:juror asserted"}},
		{"more with no noun takes the one before", "The quake killed at least 2,000 people and injured 5,000 more, officials said.",
			[]string{"at least 2,000 people=2000.. number:people reported(officials)", "5,000=5000 number:people reported(officials)"}},
		{"units", "The wildfire burned more than 10,000 acres as winds of up to 150 mph hit.",
			[]string{"more than 10,000 acres=10000.. number:acre asserted", "up to 150 mph=..150 number:mph asserted"}},
		{"money range", "Officials expect between $2 million and $3 million in damage.",
			[]string{"between $2 million and $3 million=2000000..3000000 number:usd asserted"}},
		{"scale word", "Some 1.5 million people lost power.",
			[]string{"Some 1.5 million people=1350000..1650000 number:people asserted"}},
		{"two facts in a sentence", "The fire destroyed more than 1,000 homes and killed 12 people.",
			[]string{"more than 1,000 homes=1001.. number:home asserted", "12 people=12 number:people asserted"}},
		{"jobs and percent", "The carmaker cut 2,000 jobs, or 10 percent of its workforce.",
			[]string{"2,000 jobs=2000 number:job asserted", "10 percent of its workforce=10 number:percent asserted"}},

		// Word numbers and fractions.
		{"two bases", "Russia keeps two bases in Syria.",
			[]string{"two bases=2 number:base asserted"}},
		{"three quarters", "More than three quarters of applicants pass that initial review.",
			[]string{"More than three quarters of applicants=75.. number:percent asserted"}},
		{"fraction without of", "Officials said more than three quarters pass.",
			[]string{"more than three quarters=75.. number:percent reported(Officials)"}},
		{"quarters of a game are no fraction", "They led for the first three quarters.",
			[]string{}},
		{"two-thirds", "Two-thirds of the members voted for the motion.",
			[]string{"Two-thirds of the members=66.7 number:percent asserted"}},
		{"half of", "Half of the seats went to the opposition.",
			[]string{"Half of the seats=50 number:percent asserted"}},
		{"one in five", "One in five adults smokes, officials said.",
			[]string{"One in five=20 number:percent reported(officials)"}},

		// What a number counts.
		{"adjectives before the noun", "About 200 Central American migrants arrived at the gate.",
			[]string{"About 200 Central American migrants=180..220 number:migrant asserted"}},
		{"of the possessor's noun", "A group of about 150 of the caravan's members had begun crossing.",
			[]string{"about 150 of the caravan's members=135..165 number:member asserted"}},
		{"abbreviation in the noun phrase", "About 80 U.S. families have offered to sponsor migrants.",
			[]string{"About 80 U.S. families=72..88 number:family asserted"}},
		{"irregular plural", "Her three children stayed with relatives.",
			[]string{"three children=3 number:child asserted"}},
		{"plural -ies", "Leaders of the two countries met in Moscow.",
			[]string{"two countries=2 number:country asserted"}},
		{"no noun takes the one before", "Between 150 and 200 migrants will cross, while roughly another 150 will wait.",
			[]string{"Between 150 and 200 migrants=150..200 number:migrant asserted", "roughly another 150=135..165 number:migrant asserted"}},
		{"no noun and none before", "The tally stood at about 200.",
			[]string{}},
		{"of n the m", "The party won 120 of the 450 seats.",
			[]string{"120 of the 450 seats=120 number:seat asserted", "450 seats=450 number:seat asserted"}},
		{"of n m", "Rebels hold three of 12 towns.",
			[]string{"three of 12 towns=3 number:town asserted", "12 towns=12 number:town asserted"}},

		// Attribution and negation.
		{"hedged", "The ministry reportedly sent 300 troops to the border.",
			[]string{"300 troops=300 number:troop reported"}},
		{"according to", "According to the United Nations, more than 5,000 civilians have been killed.",
			[]string{"more than 5,000 civilians=5001.. number:civilian reported(the United Nations)"}},
		{"negated", "The company did not cut 500 jobs.",
			[]string{"500 jobs=500 number:job asserted negated"}},
		{"a denial further back is not the number's", "Lawyers denied any coaching of the roughly 400 people in the caravan.",
			[]string{"roughly 400 people=360..440 number:people asserted"}},

		// Not numbers.
		{"years and dates", "The law was passed in 1998 after 12 senators objected on March 3.",
			[]string{"12 senators=12 number:senator asserted"}},
		{"date with comma", "The vote is on March 3, 2026, and 40 delegates will attend.",
			[]string{"40 delegates=40 number:delegate asserted"}},
		{"clock a.m.", "The migrants gathered in a park about 10 a.m. local time.",
			[]string{}},
		{"clock colon", "The march began about 3:30 p.m. with 20 delegates.",
			[]string{"20 delegates=20 number:delegate asserted"}},
		{"clock time zone", "The page was updated at 1846 EAT on Wednesday.",
			[]string{}},
		{"ages in appositions", "Mario Quintanillo, 30, and Cecilia Sarai Carillo, 23, who are from El Salvador, married.",
			[]string{}},
		{"list of ages", "She could be separated from her three children, ages 10, 9 and 4.",
			[]string{"three children=3 number:child asserted"}},
		{"year-old", "The 18-year-old striker traveled with her 44-year-old mother.",
			[]string{}},
		{"years old", "The suspect is 30 years old.",
			[]string{}},
		{"ordinals", "It was the second round of talks and the 3rd meeting.",
			[]string{}},
		{"phone number", "Readers can reach the desk on WhatsApp +256713137566 at any hour.",
			[]string{}},
		{"numbers inside words", "Levant24 and the G7 reported the talks.",
			[]string{}},
		{"one as a pronoun", "She is one of the organisers and one way to help.",
			[]string{}},
		{"page number", "The figure appears on page 12 of the report.",
			[]string{}},
		{"a label", "Article 5 of the treaty was invoked.",
			[]string{}},
		{"durations are not numbers", "The talks lasted two weeks.",
			[]string{}},
		{"repetitions are not numbers", "She won the title eight times.",
			[]string{}},
		{"only one is a pronoun too", "There was only one way to push.",
			[]string{}},
		{"a vote tally is no range", "The bill passed 218-214 in the House.",
			[]string{}},
		{"years as labels", "Turnout in the 2020 election was high.",
			[]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runFinder(t, findNumbers, "", tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindDurations(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"compound adjective", "Russia backed Assad throughout Syria's 14-year civil war.",
			[]string{"14-year civil war=5110 duration:war asserted"}},
		{"lasting", "His fall, after a civil war lasting more than a decade, shocked the region.",
			[]string{"war lasting more than a decade=3651.. duration:war asserted"}},
		{"less than", "It was his second visit in less than four months.",
			[]string{"less than four months=..119 duration:month asserted"}},
		{"lasted", "The talks lasted two weeks.",
			[]string{"talks lasted two weeks=14 duration:talk asserted"}},
		{"hours", "She was detained for 48 hours, her lawyer said.",
			[]string{"48 hours=2 duration:hour reported(her lawyer)"}},
		{"three-day", "He began a three-day visit to Moscow.",
			[]string{"three-day visit=3 duration:visit asserted"}},
		{"more than a year", "After more than a year in office, he has not built the wall.",
			[]string{"more than a year=366.. duration:year asserted"}},
		{"about", "The strike lasted about three weeks.",
			[]string{"strike lasted about three weeks=18..24 duration:strike asserted"}},
		{"nearly", "The siege went on for nearly two years.",
			[]string{"nearly two years=657..730 duration:year asserted"}},
		{"range", "The project will take two to three years.",
			[]string{"two to three years=730..1095 duration:year asserted"}},
		{"between", "Repairs take between two and four weeks.",
			[]string{"between two and four weeks=14..28 duration:week asserted"}},
		{"and a half", "He served two and a half years in prison.",
			[]string{"two and a half years=912.5 duration:year asserted"}},
		{"half an hour", "The meeting ran half an hour late.",
			[]string{"half an hour=0.0208 duration:hour asserted"}},
		{"decade-long", "The region emerged from a decade-long conflict.",
			[]string{"decade-long conflict=3650 duration:conflict asserted"}},
		{"years of", "The country is rebuilding after 14 years of civil war.",
			[]string{"14 years of civil war=5110 duration:war asserted"}},
		{"expected to last", "The trial is expected to last six weeks.",
			[]string{"six weeks=42 duration:week asserted"}},
		{"up to", "Asylum-seekers are typically held up to three days at the border.",
			[]string{"up to three days=..3 duration:day asserted"}},
		{"a few", "They could be separated for a few days.",
			[]string{"a few days=2..5 duration:day asserted"}},
		{"hour long", "They cheered in an hour long rally.",
			[]string{"an hour long rally=0.0417 duration:rally asserted"}},
		{"past verb after the noun", "A 48-hour ceasefire began at midnight.",
			[]string{"48-hour ceasefire=2 duration:ceasefire asserted"}},
		{"a singular noun after a", "A 30-minute drive separates the towns.",
			[]string{"30-minute drive=0.0208 duration:drive asserted"}},
		{"lasted less than", "The ceasefire lasted less than 48 hours.",
			[]string{"ceasefire lasted less than 48 hours=..1.9583 duration:ceasefire asserted"}},
		{"and a half after the unit", "He lived there for a decade and a half.",
			[]string{"a decade and a half=5475 duration:decade asserted"}},
		{"sentence", "The judge handed down a 10-year sentence.",
			[]string{"10-year sentence=3650 duration:sentence asserted"}},

		// Not durations.
		{"age", "The suspect is 30 years old.", []string{}},
		{"year-old", "Their 2-year-old daughter slept.", []string{}},
		{"years of age", "Applicants must be 18 years of age.", []string{}},
		{"no number", "The nation was devastated by years of conflict.", []string{}},
		{"date", "Profits fell last year and this week.", []string{}},
		{"once a year", "The summit is held once a year.", []string{}},
		{"every", "Elections are held every four years.", []string{}},
		{"rate", "Workers eat three meals a day.", []string{}},
		{"ago", "She crossed from Mexico 15 years ago.", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runFinder(t, findDurations, "", tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindCounts(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"second visit", "Sharaa, on his second visit to Russia, thanked Putin.",
			[]string{"second visit=2 count:visit asserted"}},
		{"modifier", "It was his third official visit to the region.",
			[]string{"third official visit=3 count:visit asserted"}},
		{"first meeting", "Their first meeting was warm, aides said.",
			[]string{"first meeting=1 count:meeting reported(aides)"}},
		{"digit ordinal", "She won a 2nd term in a landslide.",
			[]string{"2nd term=2 count:term asserted"}},
		{"23rd", "Delegates gathered for the 23rd summit of the bloc.",
			[]string{"23rd summit=23 count:summit asserted"}},
		{"court", "It is his second conviction for fraud.",
			[]string{"second conviction=2 count:conviction asserted"}},
		{"election", "She is seeking a third term as mayor.",
			[]string{"third term=3 count:term asserted"}},
		{"streak", "The team won its fourth consecutive title.",
			[]string{"fourth consecutive title=4 count:title asserted"}},
		{"sport", "Madrid won the title for a record 15th time.",
			[]string{"15th time=15 count:time asserted"}},
		{"first time", "It was the first time she had been to the border.",
			[]string{"first time=1 count:time asserted"}},
		{"visited twice", "The envoy visited Moscow twice.",
			[]string{"visited Moscow twice=2 count:visit asserted"}},
		{"met three times", "The rivals have met three times.",
			[]string{"met three times=3 count:meeting asserted"}},
		{"arrested", "He has been arrested four times.",
			[]string{"arrested four times=4 count:arrest asserted"}},
		{"scored twice", "The striker scored twice in the second half.",
			[]string{"scored twice=2 count:score asserted"}},
		{"won eight times", "Messi won the Ballon d'Or eight times.",
			[]string{"won the Ballon d'Or eight times=8 count:win asserted"}},
		{"negated", "The leaders have never met twice in a year.",
			[]string{"met twice=2 count:meeting asserted negated"}},

		// Background.
		{"since", "The leaders have spoken often since their first meeting.",
			[]string{"first meeting=1 count:meeting asserted background"}},
		{"after", "After the second round, they signed a deal.",
			[]string{"second round=2 count:round asserted background"}},

		// Not counts of occurrences.
		{"capitalised modifier", "A second Syrian source said the talks went well.", []string{}},
		{"a source is no occurrence", "A second source confirmed the report.", []string{}},
		{"first half", "Sales rose in the first half of the year.", []string{}},
		{"second quarter", "Profits fell in the second quarter.", []string{}},
		{"world war", "The treaty dates from the Second World War.", []string{}},
		{"first lady", "The first lady visited the hospital.", []string{}},
		{"first-degree", "He was charged with first-degree murder.", []string{}},
		{"first of all", "First of all, we thank the volunteers.", []string{}},
		{"superlative", "It is the second largest city in the country.", []string{}},
		{"century", "It is the worst flood of the 21st century.", []string{}},
		{"two ordinals", "The first two visits went well.", []string{}},
		{"adverb", "He first started running for president in 2015.", []string{}},
		{"said twice", "He said twice that he would resign.", []string{}},
		{"multiplier", "Prices are twice as high as last year.", []string{}},
		{"frequency", "The board meets twice a year.", []string{}},
		{"came first", "She came first in the race.", []string{}},
		{"a first person is no occurrence", "She became the first woman to lead the party.", []string{}},
		{"time positions", "For the second year in a row, profits fell.", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runFinder(t, findCounts, "", tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestFindCountsEarlier checks that a first occurrence dated well before
// the article, published 2026-01-28, is background.
func TestFindCountsEarlier(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"During his first visit to Moscow in October, he met Putin.",
			[]string{"first visit to Moscow in October=1 count:visit asserted background"}},
		{"It was his first visit to the capital in January.",
			[]string{"first visit=1 count:visit asserted"}},
		{"It is his first visit since taking office in October.",
			[]string{"first visit=1 count:visit asserted"}},
	}
	for _, tt := range tests {
		got := runFinder(t, findCounts, numbersPublished, tt.text)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.text, diff)
		}
	}
}

// TestGeneralExtractorNumbers checks that the general extractor carries
// the three finders' facts with topic, article and extractor filled in.
func TestGeneralExtractorNumbers(t *testing.T) {
	a := parseText(t, headline+"Police said at least 30 people died in a 14-year war, his second visit.\n")
	fs, err := NewGeneralExtractor("t").Extract(t.Context(), &a)
	if err != nil {
		t.Fatal(err)
	}
	got := map[Kind][]string{}
	for _, f := range fs {
		switch f.Kind {
		case KindNumber, KindDuration, KindCount:
			if f.Topic != "t" || f.Article != a.ID || f.Extractor != string(f.Kind) {
				t.Errorf("fact %q: topic %q article %q extractor %q", f.Surface, f.Topic, f.Article, f.Extractor)
			}
			got[f.Kind] = append(got[f.Kind], renderGeneral(f))
		}
	}
	want := map[Kind][]string{
		KindNumber:   {"at least 30 people=30.. number:people reported(Police)"},
		KindDuration: {"14-year war=5110 duration:war reported(Police)"},
		KindCount:    {"second visit=2 count:visit reported(Police)"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("general facts (-want +got):\n%s", diff)
	}
}

// caravanArticles reads the caravan articles from the corpus with the
// publication dates our topic file gives them.
func caravanArticles(t testing.TB) map[string]*Article {
	t.Helper()
	tp, _, err := LoadTopic("../testdata/caravan/topic.yaml")
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(caravanDir(t), "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("caravan articles: %v (%d files)", err, len(paths))
	}
	out := map[string]*Article{}
	for _, p := range paths {
		a, err := ReadArticleFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if m, ok := tp.ArticleMeta(a.File); ok && m.Published != "" {
			if d, err := ParseISODate(m.Published); err == nil {
				a.Published = d
			}
		}
		out[strings.TrimSuffix(a.File, ".txt")] = &a
	}
	return out
}

// TestNumbersCaravan runs the finders over the five caravan articles, logs
// what they find and checks the figures the outlets disagree on.
func TestNumbersCaravan(t *testing.T) {
	facts := map[string][]Fact{}
	for name, a := range caravanArticles(t) {
		d := generalDoc(t, a)
		for _, find := range []func(*doc) []Fact{findNumbers, findDurations, findCounts} {
			for _, f := range find(d) {
				checkGeneral(t, a, f)
				facts[name] = append(facts[name], f)
				t.Logf("%s: %s", name, renderGeneral(f))
			}
		}
	}
	has := func(article, surface, slot, value string) Fact {
		t.Helper()
		for _, f := range facts[article] {
			if f.Surface == surface {
				if f.Slot != slot || f.Value != value {
					t.Errorf("%s %q: %s=%s, want %s=%s", article, surface, f.Slot, f.Value, slot, value)
				}
				return f
			}
		}
		t.Errorf("%s: no fact %q", article, surface)
		return Fact{}
	}
	has("01_huffpost", "about 150 of the caravan's members", "number:member", "135..165")
	has("01_huffpost", "150 migrants", "number:migrant", "150")
	has("01_huffpost", "Between 150 and 200 Central American migrants", "number:migrant", "150..200")
	has("01_huffpost", "hundreds of participants", "number:participant", "200..999")
	has("02_nytimes", "More than 150 migrants", "number:migrant", "151..")
	has("02_nytimes", "more than 150 of the participants", "number:participant", "151..")
	has("02_nytimes", "some 50 participants", "number:participant", "45..55")
	nyt := has("02_nytimes", "More than three quarters of applicants", "number:percent", "75..")
	has("03_usatoday", "about 200 migrants", "number:migrant", "180..220")
	has("03_usatoday", "2,500 miles", "number:mile", "2500")
	has("03_usatoday", "several hundred supporters", "number:supporter", "300..900")
	fox := has("04_foxnews", "Nearly 80 percent of asylum-seekers", "number:percent", "72..80")
	has("04_foxnews", "roughly 400 people", "number:people", "360..440")
	has("04_foxnews", "about 20 lawyers", "number:lawyer", "18..22")
	has("05_breitbart-upi", "about 130 immigrants", "number:immigrant", "117..143")
	has("05_breitbart-upi", "hundreds of migrants", "number:migrant", "200..999")

	// NYT's "more than three quarters" and Fox's "nearly 80 percent" are
	// the same figure told two ways: compatible.
	r1, err1 := ParseRange(nyt.Value)
	r2, err2 := ParseRange(fox.Value)
	if err1 != nil || err2 != nil || !r1.Overlaps(r2) {
		t.Errorf("NYT %q and Fox %q should overlap", nyt.Value, fox.Value)
	}

	// Ages, clock times and dates give no numbers.
	for name, fs := range facts {
		for _, f := range fs {
			for _, bad := range []string{"30", "23", "35", "10 a", "3:30", "2018", "1971", "year-old", "31"} {
				if f.Surface == bad || strings.Contains(f.Surface, bad+",") || strings.Contains(f.Surface, "year-old") {
					t.Errorf("%s: unexpected fact %s", name, renderGeneral(f))
				}
			}
		}
	}
}

// BenchmarkGeneralNumbers runs the three finders over the seed articles
// (analysis done once, outside the timer); it reports ns per article.
func BenchmarkGeneralNumbers(b *testing.B) {
	paths, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(paths) == 0 {
		b.Skipf("no seed articles: %v", err)
	}
	var docs []*doc
	for _, p := range paths {
		a, err := ReadArticleFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, generalDoc(b, &a))
	}
	// Dates are found lazily and cached on the sentence: warm them so the
	// benchmark measures the number finders, not FindDates.
	for _, d := range docs {
		for _, s := range d.sents {
			d.datesOf(s)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	n, iters := 0, 0
	for b.Loop() {
		for _, d := range docs {
			n += len(findNumbers(d)) + len(findDurations(d)) + len(findCounts(d))
		}
		iters++
	}
	b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(iters*len(docs)), "ns/article")
	if n == 0 {
		b.Fatal("no facts found in the seeds")
	}
}

// TestFindNumbersThingInWords: figures written with their thing in words
// keep the thing as the noun, and fractions of one unit or one scale are
// amounts of it, not percentages.
func TestFindNumbersThingInWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a dozen", "Dock workers unloaded a dozen crates at Port Alder.",
			[]string{"a dozen crates=12 number:crate asserted"}},
		{"four dozen", "The Harbour Trust has four dozen demands for the mayor.",
			[]string{"four dozen demands=48 number:demand asserted"}},
		{"at least four dozen", "The panel has at least four dozen demands.",
			[]string{"at least four dozen demands=48.. number:demand asserted"}},
		{"almost four dozen is fewer", "The panel sent almost four dozen demands.",
			[]string{"almost four dozen demands=43..47 number:demand asserted"}},
		{"nearly a measure keeps its bound", "Nearly 80 percent of riders paid.",
			[]string{"Nearly 80 percent of riders=72..80 number:percent asserted"}},
		{"million barrels", "The depot pumps 1.2 million barrels of oil a day.",
			[]string{"1.2 million barrels=1200000 number:barrel asserted"}},
		{"tens of thousands", "Tens of thousands of letters reached the council.",
			[]string{"Tens of thousands of letters=20000..99999 number:letter asserted"}},
		{"two-thirds of a group", "Two-thirds of voters backed the levy.",
			[]string{"Two-thirds of voters=66.7 number:percent asserted"}},
		{"three quarters of a mile", "The convoy stopped three quarters of a mile from the gate.",
			[]string{"three quarters of a mile=0.75 number:mile asserted"}},
		{"half a mile", "The road to Port Alder is half a mile long.",
			[]string{"half a mile=0.5 number:mile asserted"}},
		{"half a million", "Half a million people live along the river.",
			[]string{"Half a million people=500000 number:people asserted"}},
		{"a quarter of a million dollars", "A quarter of a million dollars was raised.",
			[]string{"A quarter of a million dollars=250000 number:usd asserted"}},
		{"half a dozen", "Half a dozen boats sank.",
			[]string{"Half a dozen boats=6 number:boat asserted"}},
		{"a quarter of an hour is a duration", "The ferry waited a quarter of an hour.",
			[]string{}},
		{"a couple of dozen", "A couple of dozen crates fell off the ferry.",
			[]string{"A couple of dozen crates=24 number:crate asserted"}},
		{"or so", "A dozen or so crates fell off the ferry.",
			[]string{"A dozen or so crates=10..14 number:crate asserted"}},
		{"a vague amount of money", "Tens of millions of dollars were lost at Port Alder.",
			[]string{"Tens of millions of dollars=20000000..99999999 number:usd asserted"}},
		{"a vague amount of a unit", "The riders covered thousands of miles.",
			[]string{"thousands of miles=2000..9999 number:mile asserted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runFinder(t, findNumbers, "", tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
