package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
)

// benchOptions are the flags of "crosscheck bench".
type benchOptions struct {
	*globals
	Topics, Articles int
	Seed             uint64
	Dir              string
	KeepDB           bool
	CPUProfile       string
	MemProfile       string
	Reruns           int
	Workers          int
}

func newBenchCmd(g *globals) *cobra.Command {
	o := &benchOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "bench [--topics N] [--articles M]",
		Short: "Measure the nightly batch on a generated inbox: articles/s, rerun time, peak memory",
		Long: `bench generates an inbox of N topic folders of M articles each, written in
the language of the seed story (a leader's visit, bases, a withdrawal, which
visit it is, quotes, numbers) with names, places, dates, counts and quotes
varied from article to article, and a topic.yaml with four slots per topic.
Generation is deterministic for a --seed.

It then runs the real batch (read, extract, store, compare, write reports)
into a fresh database and out folder, once from scratch and --reruns times
again with nothing changed, and prints the figures: articles/s of the first
run end to end, seconds of each rerun, peak resident memory (VmHWM) of the
batch runs, the peak Go heap sampled during them, and the database size.

The --db flag is not used: the database lives in a temporary folder, removed
afterwards unless --keep-db. Nothing touches the network.`,
		Example: `  crosscheck bench
  crosscheck bench --topics 400 --articles 50 --cpuprofile cpu.pprof
  go tool pprof -top crosscheck cpu.pprof`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runBench(cmd.Context(), o) },
	}
	f := cmd.Flags()
	f.IntVar(&o.Topics, "topics", 20, "`N` topic folders to generate")
	f.IntVar(&o.Articles, "articles", 50, "`M` articles per topic")
	f.Uint64Var(&o.Seed, "seed", 1, "generation `seed`; the same seed gives the same inbox")
	f.StringVar(&o.Dir, "dir", "", "generate the inbox into this `folder` and keep it (default: a temporary folder, removed)")
	f.BoolVar(&o.KeepDB, "keep-db", false, "keep the database and the reports; their folder is printed")
	f.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile of the batch runs to `file`")
	f.StringVar(&o.MemProfile, "memprofile", "", "write a heap profile (allocations and live heap) after the first run to `file`")
	f.IntVar(&o.Reruns, "reruns", 1, "no-change reruns to time after the first run")
	f.IntVar(&o.Workers, "workers", runtime.NumCPU(), "batch --workers")
	return cmd
}

// benchFigures are what one bench measured.
type benchFigures struct {
	Articles    int
	InboxBytes  int64
	Generate    time.Duration
	First       time.Duration
	FirstLine   string
	Reruns      []time.Duration
	RerunLine   string
	PeakRSS     int64 // bytes; 0 when /proc is not there
	RSSReset    bool  // the peak was reset before the batch runs
	PeakHeap    uint64
	TotalAlloc  uint64
	NumGC       uint32
	DBBytes     int64
	ReportBytes int64
}

func runBench(ctx context.Context, o *benchOptions) error {
	switch {
	case o.Topics < 1 || o.Articles < 1:
		return usagef("--topics and --articles must be at least 1")
	case o.Reruns < 0:
		return usagef("--reruns must not be negative")
	}
	if o.Workers < 1 {
		o.Workers = 1
	}
	work, err := os.MkdirTemp("", "crosscheck-bench-")
	if err != nil {
		return err
	}
	keepWork := o.KeepDB
	defer func() {
		if !keepWork {
			os.RemoveAll(work)
		}
	}()
	inbox := filepath.Join(work, "inbox")
	if o.Dir != "" {
		inbox = o.Dir
		if err := checkBenchDir(inbox); err != nil {
			return err
		}
	}
	var fig benchFigures
	start := time.Now()
	fig.Articles, fig.InboxBytes, err = generateInbox(inbox, o.Topics, o.Articles, o.Seed)
	if err != nil {
		return fmt.Errorf("generate inbox: %w", err)
	}
	fig.Generate = time.Since(start)

	bo := &batchOptions{
		globals: &globals{Stdin: o.Stdin, Stdout: io.Discard, Stderr: io.Discard, DBPath: filepath.Join(work, "bench.db")},
		Inbox:   inbox, Out: filepath.Join(work, "out"), LogFormat: "text", Workers: o.Workers,
	}
	batch := func() (time.Duration, string, error) {
		var out bytes.Buffer
		bo.Stdout = &out
		t0 := time.Now()
		err := runBatch(ctx, bo)
		return time.Since(t0), strings.TrimSpace(out.String()), err
	}

	// What generation allocated is not the batch's: free it and reset the
	// kernel's peak-RSS mark (Linux: writing 5 to clear_refs).
	runtime.GC()
	debug.FreeOSMemory()
	fig.RSSReset = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	sampler := startHeapSampler()
	defer sampler.stop()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	if o.CPUProfile != "" {
		f, err := os.Create(o.CPUProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if fig.First, fig.FirstLine, err = batch(); err != nil {
		return fmt.Errorf("first run: %w", err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fig.TotalAlloc = after.TotalAlloc - before.TotalAlloc
	fig.NumGC = after.NumGC - before.NumGC
	if o.MemProfile != "" {
		if err := writeHeapProfile(o.MemProfile); err != nil {
			return err
		}
	}
	for i := 0; i < o.Reruns; i++ {
		d, line, err := batch()
		if err != nil {
			return fmt.Errorf("rerun %d: %w", i+1, err)
		}
		if !strings.HasPrefix(line, "nothing to do") {
			return fmt.Errorf("rerun %d did work on an unchanged inbox: %s", i+1, line)
		}
		fig.Reruns = append(fig.Reruns, d)
		fig.RerunLine = line
	}
	if o.CPUProfile != "" {
		pprof.StopCPUProfile()
	}
	fig.PeakHeap = sampler.stop()
	fig.PeakRSS = peakRSS()
	fig.DBBytes = fileSizes(bo.DBPath, bo.DBPath+"-wal", bo.DBPath+"-shm")
	fig.ReportBytes = dirSize(bo.Out)

	printBench(o.Stdout, o, fig)
	if o.KeepDB {
		fmt.Fprintf(o.Stdout, "kept: database %s, reports %s\n", bo.DBPath, bo.Out)
	}
	return nil
}

// benchMarker marks a folder bench generated, so --dir never writes into
// (or mixes its topics with) a real inbox.
const benchMarker = ".crosscheck-bench"

func checkBenchDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, benchMarker)); err == nil {
		return os.RemoveAll(dir) // ours, from an earlier bench: start afresh
	}
	return usagef("--dir %s is not empty and was not made by crosscheck bench", dir)
}

func printBench(w io.Writer, o *benchOptions, f benchFigures) {
	mb := func(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
	fmt.Fprintf(w, "crosscheck bench: %d topics × %d articles = %d articles, seed %d, %d workers, %d CPUs, %s\n",
		o.Topics, o.Articles, f.Articles, o.Seed, o.Workers, runtime.NumCPU(), runtime.Version())
	fmt.Fprintf(w, "  %-14s %s in %s\n", "inbox", mb(f.InboxBytes), f.Generate.Round(time.Millisecond))
	fmt.Fprintf(w, "  %-14s %s, %.0f articles/s  [%s]\n", "first run", f.First.Round(time.Millisecond),
		float64(f.Articles)/f.First.Seconds(), f.FirstLine)
	for i, d := range f.Reruns {
		fmt.Fprintf(w, "  %-14s %.3f s\n", fmt.Sprintf("rerun %d", i+1), d.Seconds())
	}
	if f.RerunLine != "" {
		fmt.Fprintf(w, "  %-14s [%s]\n", "", f.RerunLine)
	}
	rss := "unknown (no /proc/self/status)"
	if f.PeakRSS > 0 {
		rss = mb(f.PeakRSS) + " (VmHWM"
		if f.RSSReset {
			rss += ", batch runs only)"
		} else {
			rss += ", whole process)"
		}
	}
	fmt.Fprintf(w, "  %-14s %s\n", "peak RSS", rss)
	fmt.Fprintf(w, "  %-14s %s (Go heap in objects, garbage not yet collected included; sampled every 10ms)\n", "peak heap", mb(int64(f.PeakHeap)))
	fmt.Fprintf(w, "  %-14s %s allocated in the first run, %d GCs\n", "allocations", mb(int64(f.TotalAlloc)), f.NumGC)
	fmt.Fprintf(w, "  %-14s %s (with WAL)\n", "database", mb(f.DBBytes))
	fmt.Fprintf(w, "  %-14s %s\n", "reports", mb(f.ReportBytes))
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// peakRSS reads the process's peak resident set size from /proc.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// heapSampler records the largest live heap seen while it runs.
type heapSampler struct {
	peak atomic.Uint64
	done chan struct{}
	once sync.Once
	wg   sync.WaitGroup
}

func startHeapSampler() *heapSampler {
	h := &heapSampler{done: make(chan struct{})}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			if v := sample[0].Value.Uint64(); v > h.peak.Load() {
				h.peak.Store(v)
			}
		}
	}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			read()
			select {
			case <-h.done:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapSampler) stop() uint64 {
	h.once.Do(func() { close(h.done) })
	h.wg.Wait()
	return h.peak.Load()
}

func fileSizes(paths ...string) int64 {
	var n int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

func dirSize(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// The generated inbox. Each topic is a leader's visit abroad, told the way
// the seed articles tell theirs: the meeting and its date, the host's
// military bases, a withdrawal from a third site, which visit it is, what
// each leader said, and the numbers around it. Names and places come from
// the lists below, so topics differ; dates, counts and wording vary between
// the articles of one topic, so comparing them finds agreement, nuance and
// the odd contradiction.

type benchCountry struct{ name, adj, capital string }

var (
	benchFirst = []string{"Elena", "Marcus", "Amara", "Tomas", "Leila", "Viktor", "Ines", "Rafael",
		"Nadia", "Oskar", "Priya", "Jonas", "Sofia", "Idris", "Hana", "Mateo", "Yara", "Anton",
		"Lucia", "Kofi", "Mira", "Stefan", "Zainab", "Emil", "Clara", "Farid", "Greta", "Hugo"}
	benchLast = []string{"Marsh", "Okafor", "Delacroix", "Haddad", "Lindqvist", "Moreau", "Novak",
		"Petrov", "Quintero", "Rahimi", "Santos", "Takeda", "Varga", "Weber", "Yilmaz", "Zeller",
		"Abbas", "Brandt", "Castillo", "Duarte", "Eriksen", "Fontaine", "Gallo", "Hartmann",
		"Ivanova", "Jansen", "Kowalski", "Lachance"}
	benchCountries = []benchCountry{{"Aldania", "Aldanian", "Varesk"}, {"Borovia", "Borovian", "Kastel"},
		{"Castrea", "Castrean", "Miravel"}, {"Delmora", "Delmoran", "Ostrava"}, {"Estoria", "Estorian", "Lunet"},
		{"Farland", "Farlandic", "Brennock"}, {"Galvia", "Galvian", "Tarrow"}, {"Halvaria", "Halvarian", "Sennet"},
		{"Iskara", "Iskaran", "Polder"}, {"Jorvia", "Jorvian", "Ardent"}, {"Kalmar", "Kalmari", "Vesna"},
		{"Lorentia", "Lorentian", "Caldera"}}
	benchPlaces = []string{"Hallstad", "Korvin", "Marisol", "Tessaly", "Brisk", "Olmet", "Ravensk",
		"Sundby", "Talmor", "Ustrel", "Vellin", "Windor", "Ashkar", "Belmont", "Carrow", "Dunmere",
		"Eskel", "Fennick", "Gorran", "Harlow", "Ilford", "Jestra", "Kelso", "Lindor", "Morvan",
		"Norrow", "Orsk", "Pellam", "Quarry", "Rostel"}
	benchOutlets = []string{"Global Banking & Finance Review", "The Morning Ledger", "Daily Courier",
		"Harbour Times", "The Continental", "Evening Standard-Post", "Regional Observer",
		"World Desk Weekly", "The Capital Gazette", "News Agency Online"}
	benchWires    = []string{"Reuters", "AFP", "AP"}
	benchWeekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	benchOrdinals = []string{"first", "second", "third", "fourth"}
	benchMonths   = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	benchMonAbbr = []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
)

// benchTopic is one generated story.
type benchTopic struct {
	id, title        string
	date             time.Time
	host, guest      [2]string // first, last
	hc, gc           benchCountry
	base1, base2     string
	site             string
	visit            int // the true ordinal: 2 = second visit
	crowd, delegates int
	// Figures every article of the topic quotes alike.
	trade, growth, ties, war, killed, months int
	hearing                                  string
}

func newBenchTopic(i int, r *rand.Rand) benchTopic {
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	t := benchTopic{id: fmt.Sprintf("bench-%04d", i+1)}
	t.date = time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(330))
	t.host = [2]string{pick(benchFirst), pick(benchLast)}
	t.guest = [2]string{pick(benchFirst), pick(benchLast)}
	for t.guest[1] == t.host[1] {
		t.guest[1] = pick(benchLast)
	}
	hi := r.IntN(len(benchCountries))
	gi := (hi + 1 + r.IntN(len(benchCountries)-1)) % len(benchCountries)
	t.hc, t.gc = benchCountries[hi], benchCountries[gi]
	p := r.Perm(len(benchPlaces))
	t.base1, t.base2, t.site = benchPlaces[p[0]], benchPlaces[p[1]], benchPlaces[p[2]]
	t.visit = 2 + r.IntN(2)
	t.crowd = 50 + 10*r.IntN(40)
	t.delegates = 10 + r.IntN(60)
	t.trade, t.growth, t.ties = 100+r.IntN(900), 2+r.IntN(30), 20+r.IntN(40)
	t.war, t.killed, t.months = 10+r.IntN(6), 100+r.IntN(400), 3+r.IntN(6)
	t.hearing = benchPlaces[p[3]]
	t.title = fmt.Sprintf("%s %s hosts %s's %s in %s", t.host[0], t.host[1], t.gc.name, t.guest[1], t.hc.capital)
	return t
}

func (t benchTopic) yaml() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Generated by crosscheck bench.\nid: %s\ntitle: %q\ndate: %s\n\nentities:\n", t.id, t.title, t.date.Format("2006-01-02"))
	fmt.Fprintf(&b, "  - id: host\n    name: %s %s\n    kind: person\n    aliases: [%s]\n", t.host[0], t.host[1], t.host[1])
	fmt.Fprintf(&b, "  - id: guest\n    name: %s %s\n    kind: person\n    aliases: [%s]\n", t.guest[0], t.guest[1], t.guest[1])
	fmt.Fprintf(&b, "  - id: base1\n    name: %s\n    kind: place\n    aliases: [%s]\n", t.base1, variantSpelling(t.base1))
	fmt.Fprintf(&b, "  - id: base2\n    name: %s\n    kind: place\n", t.base2)
	fmt.Fprintf(&b, "  - id: site\n    name: %s\n    kind: place\n    aliases: [%s]\n", t.site, variantSpelling(t.site))
	b.WriteString(`
slots:
  - id: meeting.date
    kind: date
    label: Date of the meeting
    cues: [meet, meeting, talks, host, visit, travel, hold talks]

  - id: bases.named
    kind: entity-set
    label: Bases named
    members: [base1, base2]

  - id: site.withdrawal
    kind: event
    label: Withdrawal from the site
    triggers: [withdraw, withdrawal, pull out, pullout, evacuate, leave]
    argument: site

  - id: visit.count
    kind: count
    label: Which visit this is
    cues: [visit, meeting, trip]
`)
	return b.String()
}

// variantSpelling is a second spelling of a place, as outlets transliterate.
func variantSpelling(s string) string {
	switch {
	case strings.HasSuffix(s, "k"):
		return s[:len(s)-1] + "q"
	case strings.Contains(s, "o"):
		return strings.Replace(s, "o", "ou", 1)
	default:
		return s + "e"
	}
}

// article writes article j of the topic.
func (t benchTopic) article(w *bufio.Writer, j int, r *rand.Rand) {
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	chance := func(p float64) bool { return r.Float64() < p }
	host, guest := t.host[0]+" "+t.host[1], t.guest[0]+" "+t.guest[1]
	H, G := t.host[1], t.guest[1]
	hc, gc := t.hc, t.gc
	base1 := t.base1
	if chance(0.3) {
		base1 = variantSpelling(t.base1)
	}
	site := t.site
	if chance(0.2) {
		site = variantSpelling(t.site)
	}
	d := t.date
	// Most outlets have the right day; a few are a day off.
	if chance(0.06) {
		d = d.AddDate(0, 0, -1)
	}
	wd := benchWeekdays[d.Weekday()]
	var when string
	switch r.IntN(5) {
	case 0:
		when = "on " + wd
	case 1:
		when = fmt.Sprintf("on %s %d", benchMonAbbr[d.Month()-1], d.Day())
	case 2:
		when = fmt.Sprintf("on %s, %s %d, %d", wd, benchMonths[d.Month()-1], d.Day(), d.Year())
	case 3:
		when = fmt.Sprintf("today, %s %d,", benchMonAbbr[d.Month()-1], d.Day())
	default:
		when = "on " + wd
	}
	visit := t.visit
	if chance(0.08) {
		visit++
	}
	ord := benchOrdinals[min(visit, len(benchOrdinals))-1]
	prevMonth := benchMonths[(int(t.date.Month())+8)%12]
	crowd := t.crowd + 10*(r.IntN(5)-2)
	wire := pick(benchWires)
	reporter := pick(benchFirst) + " " + pick(benchLast)

	// Header: headline, outlet lines and byline, as pages carry them.
	heads := []string{
		fmt.Sprintf("%s hosts %s's %s with %s's military presence high on the agenda", H, gc.name, G, hc.name),
		fmt.Sprintf("%s Seeks to Safeguard Bases as %s Holds Talks With %s", hc.name, H, G),
		fmt.Sprintf("%s, %s Discuss Future of %s Military Bases", G, H, hc.adj),
		fmt.Sprintf("%s Meets With %s President at Palace Amid Uncertainty Over Bases", H, gc.adj),
		fmt.Sprintf("%s Visit to %s Highlights Cooperation, Economy and Military Presence", gc.adj, hc.capital),
	}
	fmt.Fprintln(w, pick(heads))
	if chance(0.5) {
		fmt.Fprintf(w, "Published by %s\nPosted on %s %d, %d\n", pick(benchOutlets), benchMonths[t.date.Month()-1], t.date.Day(), t.date.Year())
	} else {
		fmt.Fprintf(w, "\nUpdated by %s at 1846 on %s %d %s %d\n", reporter, benchWeekdays[t.date.Weekday()], t.date.Day(), benchMonths[t.date.Month()-1], t.date.Year())
	}
	fmt.Fprintf(w, "By %s and %s\n\n", reporter, pick(benchFirst)+" "+pick(benchLast))

	paras := []string{
		fmt.Sprintf("%s, %s %d (%s) - %s President %s met his %s counterpart %s in %s %s for talks that were set to include the sensitive issue of %s's future military presence in %s, sources on both sides said.",
			strings.ToUpper(hc.capital), benchMonAbbr[t.date.Month()-1], t.date.Day(), wire, hc.adj, host, gc.adj, guest, hc.capital, when, hc.name, gc.name),
		fmt.Sprintf("%s President %s traveled to %s %s for talks with %s President %s, marking his %s official visit to %s since taking office.",
			gc.adj, guest, hc.capital, when, hc.adj, host, ord, hc.name),
		fmt.Sprintf("%s, on his %s visit to %s since taking power in %d, thanked %s for help in stabilising the situation in %s and the wider region.",
			G, ord, hc.name, t.date.Year()-1, H, gc.name),
		fmt.Sprintf("%s reported this week that %s was withdrawing forces from %s airport in the north of %s, although it was expected to maintain its larger %s air base and %s naval facility on the coast.",
			wire, hc.name, site, gc.name, base1, t.base2),
		fmt.Sprintf("Earlier this week, %s withdrew its forces from %s airport, leaving it with only the two coastal bases, now its sole military outposts abroad.", hc.name, site),
		fmt.Sprintf("A %s foreign ministry source said a key item on the agenda was redefining the status of %s's military presence at %s and %s, which %s is seeking to extend under a new framework.",
			gc.adj, hc.name, t.base2, base1, hc.capital),
		fmt.Sprintf("In televised opening remarks, %s told %s: \"I want to congratulate you on the fact that the process of restoring the territorial integrity of %s is gaining momentum.\"", H, G, gc.name),
		fmt.Sprintf("\"We have many common interests,\" %s said during the meeting. He added that %s supports the unity and stability of %s territory.", G, hc.name, gc.adj),
		fmt.Sprintf("Spokesman %s told reporters earlier that the two leaders would discuss \"all issues related to the presence of our troops in %s\", as well as economic cooperation.", pick(benchFirst)+" "+pick(benchLast), gc.name),
		fmt.Sprintf("About %d people gathered outside the palace as the motorcade arrived, and a delegation of %d officials accompanied %s.", crowd, t.delegates, G),
		fmt.Sprintf("During his first visit to %s in %s, %s struck a conciliatory tone, despite %s having granted refuge to his predecessor.", hc.capital, prevMonth, G, hc.name),
		fmt.Sprintf("%s has historically been one of %s's closest regional allies, with ties dating back %d years, when %s provided extensive military and political support.", gc.name, hc.name, t.ties, hc.name),
		fmt.Sprintf("The meeting marks %s's %s visit to %s in less than %d months as the new government seeks to solidify international ties.", G, ord, hc.capital, t.months),
		fmt.Sprintf("%s denied that %s would pull out of %s, saying the facility remained \"essential for regional security\".", H, hc.name, t.base2),
		fmt.Sprintf("Trade between the two countries reached $%d million last year, up %d%% on the year before, according to official figures.", t.trade, t.growth),
		fmt.Sprintf("Analyst %s, an associate fellow at a London-based institute, said: \"They feared he would squeeze them out, but they have been pleasantly surprised.\"", pick(benchFirst)+" "+pick(benchLast)),
		fmt.Sprintf("The civil war in %s lasted %d years and killed more than %d,000 people.", gc.name, t.war, t.killed),
		fmt.Sprintf("%s said the two sides had made progress in economic cooperation and trade since their first meeting and would continue developing relations across multiple fields.", H),
		fmt.Sprintf("A second %s source said %s was also seeking assurances that %s would not allow former army officers who fled to %s to organise attacks against the state.", gc.adj, G, hc.name, hc.capital),
		fmt.Sprintf("The talks come ahead of a hearing in %s next week that will examine %s's military and political footprint in %s.", t.hearing, hc.name, gc.name),
		fmt.Sprintf("%s's new leadership has begun reorienting the country's foreign policy, signalling a desire to build a strategic relationship with other powers, a move that has been cautiously reciprocated.", gc.name),
		fmt.Sprintf("Since %s's coalition toppled the old government in December %d, %s has been working to build relations with him and ensure a continued military foothold in the country in order to bolster its influence in the region.", G, t.date.Year()-1, hc.capital),
		fmt.Sprintf("%s's presence at %s had long irked %s authorities, who viewed it as a lever %s could use against them, a relationship that dates back to the years of the war.", hc.name, site, gc.adj, hc.capital),
		fmt.Sprintf("%s also intended to discuss the risk of a strike on a neighbouring country, keen to contain any spillover from a potential attack, particularly given past use of %s airspace.", G, gc.adj),
		fmt.Sprintf("Neither leader publicly addressed %s's military presence in %s, though a spokesman said earlier that he had \"no doubt\" the issue would be discussed.", hc.name, gc.name),
		fmt.Sprintf("%s has two remaining military bases in %s: the %s airbase and %s naval base on the coast. They are its only military bases abroad.", hc.name, gc.name, base1, t.base2),
		fmt.Sprintf("The Office of the Presidency said the talks reflected a shared interest in strengthening cooperation between %s and %s, particularly as %s seeks to consolidate territorial control and move toward stability after years of conflict.", hc.capital, gc.name, gc.name),
		fmt.Sprintf("%s forces have also begun withdrawing from %s, according to sources cited by %s, transferring personnel and equipment to bases in the west, with some forces expected to move to the %s air base.", hc.adj, site, wire, base1),
		fmt.Sprintf("\"It is clear that %s will not extradite him for image reasons, and I think %s understands this perfectly well,\" %s said.", hc.capital, gc.name, pick(benchLast)),
	}
	// Every article has the lead; the rest is a shuffled selection.
	lead := paras[r.IntN(2)]
	rest := paras[2:]
	r.Shuffle(len(rest), func(a, b int) { rest[a], rest[b] = rest[b], rest[a] })
	n := 14 + r.IntN(len(rest)-13)
	fmt.Fprintln(w, lead)
	for k, p := range rest[:n] {
		fmt.Fprintln(w, p)
		if k%4 == 3 && chance(0.4) {
			fmt.Fprint(w, "\nAdvert.\n\n")
		}
	}
	if chance(0.3) {
		fmt.Fprintf(w, "(Reporting by %s; Editing by %s)\n", reporter, pick(benchFirst)+" "+pick(benchLast))
	}
	if chance(0.4) {
		fmt.Fprintln(w, "\nLeave a comment\n\nYour email address will not be published. Required fields are marked *")
	}
}

// generateInbox writes topics × articles articles under dir, one folder per
// topic with its topic.yaml, and returns how many articles and bytes it
// wrote. The same seed writes the same files.
func generateInbox(dir string, topics, articles int, seed uint64) (int, int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, benchMarker), []byte("generated by crosscheck bench\n"), 0o644); err != nil {
		return 0, 0, err
	}
	var n int
	var size int64
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	for i := 0; i < topics; i++ {
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		t := newBenchTopic(i, r)
		td := filepath.Join(dir, t.id)
		if err := os.MkdirAll(td, 0o755); err != nil {
			return n, size, err
		}
		if err := os.WriteFile(filepath.Join(td, "topic.yaml"), []byte(t.yaml()), 0o644); err != nil {
			return n, size, err
		}
		for j := 0; j < articles; j++ {
			buf.Reset()
			t.article(w, j, r)
			if err := w.Flush(); err != nil {
				return n, size, err
			}
			if err := os.WriteFile(filepath.Join(td, fmt.Sprintf("%04d.txt", j+1)), buf.Bytes(), 0o644); err != nil {
				return n, size, err
			}
			n++
			size += int64(buf.Len())
		}
	}
	return n, size, nil
}
