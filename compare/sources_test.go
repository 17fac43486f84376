package compare

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/facts"
)

// readArticles reads the article files matching a glob, in name order.
func readArticles(t testing.TB, pattern string) []facts.Article {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles match %s (%v)", pattern, err)
	}
	var out []facts.Article
	for _, p := range paths {
		a, err := facts.ReadArticleFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// sourceArticle builds an article with a headline and the given body
// paragraphs.
func sourceArticle(id, wire, headline string, paras ...string) facts.Article {
	var b strings.Builder
	b.WriteString(headline + "\n\n")
	var body []facts.Span
	for _, p := range paras {
		start := b.Len()
		b.WriteString(p)
		body = append(body, facts.Span{Start: start, End: b.Len()})
		b.WriteString("\n\n")
	}
	return facts.Article{ID: id, File: id + ".txt", Wire: wire, Title: headline, Text: b.String(), Body: body}
}

func ids(arts []facts.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

// containmentMatrix renders the pairwise containment of the articles'
// shingle sets for the log, and returns it as numbers for the margins.
func containmentMatrix(arts []facts.Article) (string, [][]float64) {
	sets := make([][]uint64, len(arts))
	for i := range arts {
		sets[i] = shingleSet(&arts[i], nil)
	}
	m := make([][]float64, len(arts))
	var b strings.Builder
	fmt.Fprintf(&b, "%-26s %6s", "containment", "|S|")
	for i := range arts {
		fmt.Fprintf(&b, " %5d", i)
	}
	b.WriteString("\n")
	for i, a := range arts {
		m[i] = make([]float64, len(arts))
		label := fmt.Sprintf("%d %s", i, a.ID)
		if len(label) > 26 {
			label = label[:26]
		}
		fmt.Fprintf(&b, "%-26s %6d", label, len(sets[i]))
		in := map[uint64]bool{}
		for _, s := range sets[i] {
			in[s] = true
		}
		for j := range arts {
			if i == j {
				fmt.Fprintf(&b, " %5s", "-")
				continue
			}
			shared := 0
			for _, s := range sets[j] {
				if in[s] {
					shared++
				}
			}
			m[i][j] = float64(shared) / float64(max(1, min(len(sets[i]), len(sets[j]))))
			fmt.Fprintf(&b, " %5.2f", m[i][j])
		}
		b.WriteString("\n")
	}
	return b.String(), m
}

// TestContainmentMatrix holds the margins the thresholds in sources.go
// were set on: independently written articles share far less than
// sharedTextMin, two cuts of one wire report clearly more.
func TestContainmentMatrix(t *testing.T) {
	for _, name := range []string{"seeds", "wire", "caravan"} {
		t.Run(name, func(t *testing.T) {
			pattern := filepath.Join("..", "testdata", name, "*.txt")
			switch name {
			case "seeds":
				pattern = "../seeds/*.txt"
			case "caravan":
				pattern = filepath.Join(caravanDir(t), "*.txt")
			}
			arts := readArticles(t, pattern)
			text, m := containmentMatrix(arts)
			t.Logf("%s\n%s", pattern, text)
			copies := func(i, j int) bool {
				return name == "wire" && strings.HasPrefix(arts[i].ID, "site-") && strings.HasPrefix(arts[j].ID, "site-")
			}
			for i := range arts {
				for j := range arts {
					switch {
					case i == j:
					case copies(i, j) && m[i][j] < sharedTextMin+0.05:
						t.Errorf("%s and %s, two cuts of one report, share %.2f: under %.2f + a 0.05 margin", arts[i].ID, arts[j].ID, m[i][j], sharedTextMin)
					case !copies(i, j) && m[i][j] > sharedTextMin/4:
						t.Errorf("%s and %s, written independently, share %.2f: over a quarter of %.2f", arts[i].ID, arts[j].ID, m[i][j], sharedTextMin)
					}
				}
			}
		})
	}
}

func TestSourcesWirePair(t *testing.T) {
	arts := readArticles(t, "../testdata/wire/*.txt")
	got := Sources(arts)
	want := []SourceGroup{
		{Source: "AFP", Articles: []string{"other"}},
		{Source: "Reuters", Articles: []string{"site-a", "site-b"}, Evidence: "credit line: Reuters; shared text 0.51"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
	if got, want := Independence(got, ids(arts)), "3 articles, 2 independent sources: Reuters ×2, AFP"; got != want {
		t.Errorf("Independence = %q, want %q", got, want)
	}
	if got, want := Independence(got, []string{"site-b", "site-a"}), "2 articles, 1 independent source: Reuters ×2"; got != want {
		t.Errorf("Independence = %q, want %q", got, want)
	}
}

// TestSourcesWirePairTextOnly checks that the two copies group by their
// text alone, with no credit line to help.
func TestSourcesWirePairTextOnly(t *testing.T) {
	arts := readArticles(t, "../testdata/wire/*.txt")
	for i := range arts {
		arts[i].Wire = ""
	}
	want := []SourceGroup{
		{Source: "The Moscow Times", Articles: []string{"other"}},
		// Site A published first (January 28, Site B on the 29th).
		{Source: "Site A", Articles: []string{"site-a", "site-b"}, Evidence: "shared text 0.51"},
	}
	if diff := cmp.Diff(want, Sources(arts)); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
}

// TestSourcesWireCopiesOfSeed adds the seed the wire pair was made from:
// each copy is contained in it, so all three are one group.
func TestSourcesWireCopiesOfSeed(t *testing.T) {
	arts := append(readArticles(t, "../seeds/000_*.txt"), readArticles(t, "../testdata/wire/site-*.txt")...)
	want := []SourceGroup{{
		Source:   "Reuters",
		Articles: []string{"000_2172f3fbfec525e1", "site-a", "site-b"},
		Evidence: "credit line: Reuters; shared text 0.51–1.00",
	}}
	if diff := cmp.Diff(want, Sources(arts)); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
}

func TestSourcesSeeds(t *testing.T) {
	arts := readArticles(t, "../seeds/*.txt")
	got := Sources(arts)
	// Five outlets' own stories: the Reuters copy (000) and the copy
	// credited to Al Jazeera (001) are different wires' reports and share
	// 0.02 of their text; nothing groups.
	want := []SourceGroup{
		{Source: "Reuters", Articles: []string{"000_2172f3fbfec525e1"}},
		{Source: "Al Jazeera", Articles: []string{"001_2f57753ce39bdcf5"}},
		{Source: "002_fd27662df4f2f4bd", Articles: []string{"002_fd27662df4f2f4bd"}},
		{Source: "AFP", Articles: []string{"003_f7089254e4d92e19"}},
		{Source: "Levant24", Articles: []string{"004_7e2173657d6ded3b"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
	wantInd := "5 articles, 5 independent sources: 002_fd27662df4f2f4bd, AFP, Al Jazeera, Levant24, Reuters"
	if got := Independence(got, ids(arts)); got != wantInd {
		t.Errorf("Independence = %q, want %q", got, wantInd)
	}
}

func TestSourcesCaravan(t *testing.T) {
	arts := readArticles(t, filepath.Join(caravanDir(t), "*.txt"))
	got := Sources(arts)
	// Fox News is AP-sourced and Breitbart carries UPI: different wires,
	// sharing only a quoted statement (0.08), so no group.
	want := []SourceGroup{
		{Source: "01_huffpost", Articles: []string{"01_huffpost"}},
		{Source: "02_nytimes", Articles: []string{"02_nytimes"}},
		{Source: "03_usatoday", Articles: []string{"03_usatoday"}},
		{Source: "04_foxnews", Articles: []string{"04_foxnews"}},
		{Source: "UPI", Articles: []string{"05_breitbart-upi"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
	wantInd := "5 articles, 5 independent sources: 01_huffpost, 02_nytimes, 03_usatoday, 04_foxnews, UPI"
	if got := Independence(got, ids(arts)); got != wantInd {
		t.Errorf("Independence = %q, want %q", got, wantInd)
	}
}

// Paragraphs of a made-up harbour story, as one wire wrote it ...
var harbourWire = []string{
	"Dredging of the main channel into Port Alder will start next month after the harbour board approved a contract worth 42 million euros on Tuesday, the board's chairwoman said.",
	"The work is meant to let container ships of up to 14,000 boxes call at the port, which has lost two shipping lines to deeper harbours along the coast since 2022.",
	"Fishermen's groups have opposed the plan for more than a year, saying the spoil dumped offshore would smother the mussel beds that half the town's boats depend on.",
	"The board said the spoil would be taken to a licensed site twelve nautical miles out, and that a monitoring programme would report on water quality every quarter.",
	"A spokesman for the environment ministry said the permit had been granted in March after a public consultation that drew more than 3,000 responses.",
	"Shares in the contractor, a Rotterdam-based marine engineering group, rose 3 percent in early trading after the contract was announced.",
	"Port Alder handled 1.2 million tonnes of cargo last year, down from 1.9 million five years earlier, according to figures published by the board in January.",
	"The mayor welcomed the decision but said the town would hold the board to its promise that no dredging would take place during the spawning season.",
	"Work is expected to take eighteen months, with the channel closed to traffic for two periods of three weeks each, the board said in a statement.",
	"The board did not say how the dredging would be paid for beyond the first year, and a decision on a loan from the regional development bank is due in the autumn.",
}

// ... and as another outlet reported it in its own words.
var harbourOwn = []string{
	"The harbour board voted on Tuesday to deepen the channel into Port Alder, a project the port's managers say is its last chance to win back the big container lines.",
	"Local fishing crews packed the public gallery and booed as the result was read out; many of them fear the dredged mud will ruin the mussel grounds they work.",
	"Board members insisted that the mud would go far offshore and that water samples would be published regularly, but several crews said they had heard such promises before.",
	"The contract, reported to be worth about 42 million euros, went to a Dutch firm that has dredged ports on the North Sea for decades.",
	"Traffic through the port has fallen by more than a third in five years as shipping lines moved to deeper harbours nearby.",
	"The town's mayor, who attended the meeting, told reporters the vote was a relief but that the fishermen's worries had to be taken seriously.",
}

func TestSourcesHandMade(t *testing.T) {
	day := func(d int) facts.Date { return facts.Day(2025, time.March, d) }
	withMeta := func(a facts.Article, outlet string, published facts.Date) facts.Article {
		a.Outlet, a.Published = outlet, published
		return a
	}
	tests := []struct {
		name  string
		arts  []facts.Article
		want  []SourceGroup
		indep string
	}{{
		name: "same wire credit, different stories: not grouped",
		arts: []facts.Article{
			sourceArticle("afp-1", "AFP", "Port Alder to dredge channel", harbourWire...),
			sourceArticle("afp-2", "AFP", "Fishermen fear for mussel beds", harbourOwn...),
		},
		want: []SourceGroup{
			{Source: "AFP", Articles: []string{"afp-1"}},
			{Source: "AFP", Articles: []string{"afp-2"}},
		},
		indep: "2 articles, 2 independent sources: AFP (afp-1), AFP (afp-2)",
	}, {
		name: "copy with another headline and the ending trimmed: grouped",
		arts: []facts.Article{
			withMeta(sourceArticle("copy", "", "Channel deepening gets green light", harbourWire[:5]...), "Coast Daily", day(13)),
			withMeta(sourceArticle("full", "", "Port Alder to dredge channel", harbourWire...), "Harbour Wire", day(12)),
		},
		want: []SourceGroup{
			{Source: "Harbour Wire", Articles: []string{"copy", "full"}, Evidence: "shared text 1.00"},
		},
		indep: "2 articles, 1 independent source: Harbour Wire ×2",
	}, {
		name: "copy with a word changed in each paragraph and an added paragraph: grouped",
		arts: []facts.Article{
			sourceArticle("edited", "", "Dredging approved", append(edited(harbourWire[:6]), harbourOwn[0])...),
			sourceArticle("full", "Reuters", "Port Alder to dredge channel", harbourWire...),
		},
		want: []SourceGroup{
			{Source: "Reuters", Articles: []string{"edited", "full"}, Evidence: "shared text 0.66"},
		},
		indep: "2 articles, 1 independent source: Reuters ×2",
	}, {
		name: "two paragraphs shared, no credit: below the threshold, not grouped",
		arts: []facts.Article{
			sourceArticle("a", "", "Port Alder to dredge channel", harbourWire[:8]...),
			sourceArticle("b", "", "Fishermen fear for mussel beds", append(append([]string{}, harbourOwn...), harbourWire[4:6]...)...),
		},
		want: []SourceGroup{
			{Source: "a", Articles: []string{"a"}},
			{Source: "b", Articles: []string{"b"}},
		},
		indep: "2 articles, 2 independent sources: a, b",
	}, {
		name: "two paragraphs shared and the same credit: grouped",
		arts: []facts.Article{
			sourceArticle("a", "AFP", "Port Alder to dredge channel", harbourWire[:8]...),
			sourceArticle("b", "afp", "Fishermen fear for mussel beds", append(append([]string{}, harbourOwn...), harbourWire[4:6]...)...),
		},
		want: []SourceGroup{
			// Credits are compared folded; the name is the spelling
			// most articles use, ties to the first in sort order.
			{Source: "AFP", Articles: []string{"a", "b"}, Evidence: "credit line: AFP; shared text 0.21"},
		},
		indep: "2 articles, 1 independent source: AFP ×2",
	}, {
		name: "grouped transitively: two halves of one report through the full copy",
		arts: []facts.Article{
			sourceArticle("first-half", "", "Dredging approved", harbourWire[:5]...),
			sourceArticle("second-half", "", "Dredging to start next month", harbourWire[5:]...),
			sourceArticle("full", "", "Port Alder to dredge channel", harbourWire...),
			sourceArticle("own", "", "Fishermen boo harbour vote", harbourOwn...),
		},
		want: []SourceGroup{
			{Source: "first-half", Articles: []string{"first-half", "full", "second-half"}, Evidence: "shared text 1.00"},
			{Source: "own", Articles: []string{"own"}},
		},
		indep: "4 articles, 2 independent sources: first-half ×3, own",
	}, {
		name: "a one-line brief that repeats a phrase: too little shared text",
		arts: []facts.Article{
			// Six of the brief's nine shingles are the wire's (0.67),
			// but six is too few to call it a copy.
			sourceArticle("brief", "", "In brief", "Officials said the board approved a contract worth 42 million euros on Tuesday."),
			sourceArticle("full", "", "Port Alder to dredge channel", harbourWire...),
		},
		want: []SourceGroup{
			{Source: "brief", Articles: []string{"brief"}},
			{Source: "full", Articles: []string{"full"}},
		},
		indep: "2 articles, 2 independent sources: brief, full",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sources(tt.arts)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sources (-want +got):\n%s", diff)
			}
			if ind := Independence(got, ids(tt.arts)); ind != tt.indep {
				t.Errorf("Independence = %q, want %q", ind, tt.indep)
			}
		})
	}
}

// edited changes one word in the middle of each paragraph, as a copy
// editor would.
func edited(paras []string) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		w := strings.Fields(p)
		w[len(w)/2] = "reportedly"
		out[i] = strings.Join(w, " ")
	}
	return out
}

func TestSourcesEmpty(t *testing.T) {
	if got := Sources(nil); len(got) != 0 {
		t.Errorf("Sources(nil) = %v, want none", got)
	}
}

func TestSourcesDeterministic(t *testing.T) {
	var arts []facts.Article
	for _, p := range []string{"../seeds/*.txt", "../testdata/wire/*.txt"} {
		arts = append(arts, readArticles(t, p)...)
	}
	checkSourcesDeterministic(t, arts)
	t.Run("with caravan", func(t *testing.T) {
		checkSourcesDeterministic(t, append(arts, readArticles(t, filepath.Join(caravanDir(t), "*.txt"))...))
	})
}

// checkSourcesDeterministic checks that Sources and Independence give the
// same answer whatever the order of arts.
func checkSourcesDeterministic(t *testing.T, arts []facts.Article) {
	t.Helper()
	want := Sources(arts)
	wantInd := Independence(want, ids(arts))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		shuffled := append([]facts.Article(nil), arts...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := Sources(shuffled)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("run %d: Sources differs with shuffled input (-first +this):\n%s", i, diff)
		}
		order := ids(shuffled)
		if ind := Independence(got, order); ind != wantInd {
			t.Fatalf("run %d: Independence = %q, want %q", i, ind, wantInd)
		}
	}
}

func TestIndependence(t *testing.T) {
	groups := []SourceGroup{
		{Source: "Reuters", Articles: []string{"a", "b"}},
		{Source: "AFP", Articles: []string{"c"}},
		{Source: "Levant24", Articles: []string{"d"}},
		{Source: "AFP", Articles: []string{"e", "f", "g"}},
	}
	tests := []struct {
		ids  []string
		want string
	}{
		{nil, ""},
		{[]string{}, ""},
		{[]string{"c"}, "1 article, 1 independent source: AFP"},
		{[]string{"a", "b"}, "2 articles, 1 independent source: Reuters ×2"},
		{[]string{"d", "a", "c", "b"}, "4 articles, 3 independent sources: Reuters ×2, AFP, Levant24"},
		{[]string{"a", "a", "d"}, "2 articles, 2 independent sources: Levant24, Reuters"},
		// Two stories by one wire are two sources, told apart by id.
		{[]string{"c", "e", "f"}, "3 articles, 2 independent sources: AFP (e) ×2, AFP (c)"},
		// An id in no group is a source of its own.
		{[]string{"x", "a"}, "2 articles, 2 independent sources: Reuters, x"},
	}
	for _, tt := range tests {
		if got := Independence(groups, tt.ids); got != tt.want {
			t.Errorf("Independence(%q) = %q, want %q", tt.ids, got, tt.want)
		}
	}
}

// BenchmarkSources groups 200 synthetic articles, each 24 sentences drawn
// at random from the seeds, in paragraphs of two.
func BenchmarkSources(b *testing.B) {
	arts := syntheticArticles(b, 200)
	b.ResetTimer()
	for b.Loop() {
		Sources(arts)
	}
}

var sentenceRE = regexp.MustCompile(`[^.!?]+[.!?]["”]?`)

func syntheticArticles(tb testing.TB, n int) []facts.Article {
	var sentences []string
	for _, a := range readArticles(tb, "../seeds/*.txt") {
		for _, sp := range a.Body {
			for _, s := range sentenceRE.FindAllString(a.Text[sp.Start:sp.End], -1) {
				if s = strings.TrimSpace(s); len(strings.Fields(s)) >= 6 {
					sentences = append(sentences, s)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(7, 11))
	arts := make([]facts.Article, n)
	for i := range arts {
		var paras []string
		for p := 0; p < 12; p++ {
			paras = append(paras, sentences[rng.IntN(len(sentences))]+" "+sentences[rng.IntN(len(sentences))])
		}
		arts[i] = sourceArticle(fmt.Sprintf("s%04d", i), "", "Synthetic article", paras...)
	}
	return arts
}

// fnv64a must hash as hash/fnv does: shingle sets, and so source groups,
// must not change with the implementation.
func TestFNV64a(t *testing.T) {
	for _, s := range []string{"", "a", "harbour", "port alder", "Ellis’", "ﬁ\x00\xff"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := fnv64a(s), h.Sum64(); got != want {
			t.Errorf("fnv64a(%q) = %x, want %x", s, got, want)
		}
	}
}

// TestShingleOverlaps holds the inverted index to counting every pair's
// shared shingles by hand, on sets whose hashes collide in the index's
// low bits and share runs of values.
func TestShingleOverlaps(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var sets [][]uint64
	for i := 0; i < 40; i++ {
		m := map[uint64]bool{}
		for k := r.IntN(200); k > 0; k-- {
			switch r.IntN(3) {
			case 0:
				m[uint64(r.IntN(300))] = true // small values: shared, clustered
			case 1:
				m[uint64(r.IntN(300))<<40] = true // zero low bits: collide
			default:
				m[r.Uint64()] = true
			}
		}
		var set []uint64
		for v := range m {
			set = append(set, v)
		}
		slices.Sort(set)
		sets = append(sets, set)
	}
	want := map[[2]int]int{}
	for a := range sets {
		for b := a + 1; b < len(sets); b++ {
			n := 0
			for _, x := range sets[a] {
				if slices.Contains(sets[b], x) {
					n++
				}
			}
			if n > 0 {
				want[[2]int{a, b}] = n
			}
		}
	}
	// The same sets with every shingle twice and out of order, as
	// shingleList gives them: shingleOverlaps makes each distinct.
	var repeated [][]uint64
	for _, set := range sets {
		rep := append(slices.Clone(set), set...)
		r.Shuffle(len(rep), func(i, j int) { rep[i], rep[j] = rep[j], rep[i] })
		repeated = append(repeated, rep)
	}
	for name, overlaps := range map[string]func([][]uint64, func(a, b, shared int)){
		"matrix": shingleOverlaps, "large": shingleOverlapsLarge, "repeated": func(_ [][]uint64, pair func(a, b, shared int)) {
			shingleOverlaps(repeated, pair)
			for i := range repeated {
				if got := slices.Sorted(slices.Values(repeated[i])); !slices.Equal(got, sets[i]) {
					t.Errorf("repeated: set %d left as %d shingles, want its %d distinct ones", i, len(got), len(sets[i]))
				}
			}
		}} {
		got := map[[2]int]int{}
		lastB := 0
		overlaps(sets, func(a, b, shared int) {
			if a >= b {
				t.Errorf("%s: pair %d, %d: want a < b", name, a, b)
			}
			if b < lastB {
				t.Errorf("%s: pair %d, %d after b = %d: want b in order", name, a, b, lastB)
			}
			lastB = b
			if _, dup := got[[2]int{a, b}]; dup {
				t.Errorf("%s: pair %d, %d twice", name, a, b)
			}
			got[[2]int{a, b}] = shared
		})
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: shared shingles (-by hand +index):\n%s", name, diff)
		}
	}
}
