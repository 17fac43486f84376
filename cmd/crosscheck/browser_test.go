package main

// Browser tests: the HTML report is opened from a file in headless Chromium
// and driven with chromedp, as an editor would open it. They need
// /usr/bin/chromium (Debian's package "chromium"); without it they skip,
// except under CI=true, where a missing browser fails the gate.

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/crosscheck-news/crosscheck/compare"
)

// screenshot writes docs/report.png (the seed report) and docs/report-20.png
// (twenty articles) from the browser tests:
// go test ./cmd/crosscheck -run Report -screenshot. Look at them by eye.
var screenshot = flag.Bool("screenshot", false, "write docs/report.png and docs/report-20.png")

const (
	chromiumPath   = "/usr/bin/chromium"
	browserTimeout = 60 * time.Second
	viewportW      = 1280
	viewportH      = 800 // a laptop screen: what the editor sees without scrolling
	shotH          = 2000
)

// needChromium skips the test when the browser is missing, or fails it in CI
// so the gate cannot pass without running the browser tests.
func needChromium(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s is missing (%v): .ci/run installs the chromium package", chromiumPath, err)
		}
		t.Skipf("%s is missing (%v): apt-get install chromium to run the browser tests", chromiumPath, err)
	}
}

// startBrowser starts a headless Chromium with a fresh profile that stays off
// the network, and returns a context whose children are tabs in it. It ends
// with the test, or after browserTimeout.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	needChromium(t)
	profile := t.TempDir() // made before the cancel below, so removed after the browser exits
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
	)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	return bctx
}

// tab is a browser tab that records everything a report must never do:
// requests that leave the file, dialogs, exceptions and console errors.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string
}

// newTab opens a tab in the browser of bctx with a 1280×800 viewport. With
// noScript, the page's scripts are off before anything loads.
func newTab(t *testing.T, bctx context.Context, noScript bool) *tab {
	t.Helper()
	return newTabAt(t, bctx, noScript, "")
}

// newTabAt is newTab for pages served from origin ("http://127.0.0.1:PORT"):
// requests to it are the page's own, requests elsewhere still problems.
func newTabAt(t *testing.T, bctx context.Context, noScript bool, origin string) *tab {
	t.Helper()
	tb := &tab{t: t}
	dialogs := make(chan struct{}, 16)
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithListener(func(ev any) {
		// Runs in the tab's read loop: record and return, no commands.
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") && (origin == "" || !strings.HasPrefix(u, origin+"/")) {
				tb.add("request left the file: %s %s", ev.Request.Method, u)
			}
		case *page.EventJavascriptDialogOpening:
			tb.add("dialog opened: %s %q", ev.Type, ev.Message)
			select {
			case dialogs <- struct{}{}:
			default:
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			tb.add("uncaught exception: %s", msg)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				tb.add("console.error: %s", strings.Join(args, " "))
			}
		case *cdplog.EventEntryAdded:
			// The browser's own errors: CSP violations, failed loads.
			if ev.Entry.Level == cdplog.EntryLevelError {
				tb.add("browser log error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		}
	}))
	t.Cleanup(cancel)
	tb.ctx = ctx
	// A dialog blocks the page and every action after it: dismiss it (it
	// is already recorded as a failure).
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-dialogs:
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}
		}
	}()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewportW, viewportH)); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("enable network events: %v", err)
	}
	if noScript {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatalf("disable scripts: %v", err)
		}
	}
	return tb
}

func (tb *tab) add(format string, args ...any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.problems = append(tb.problems, fmt.Sprintf(format, args...))
}

// clean fails the test for every request, dialog, exception and console
// error seen so far. Events arrive before the replies that follow them, so
// after any action the record is complete up to it.
func (tb *tab) clean() {
	tb.t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		tb.t.Error(p)
	}
}

// open loads a report file and waits for its body.
func (tb *tab) open(path string) {
	tb.t.Helper()
	u := (&url.URL{Scheme: "file", Path: path}).String()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		tb.t.Fatalf("open %s: %v", u, err)
	}
}

// eval runs a JavaScript expression and decodes its JSON result into T.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.t.Fatalf("evaluate %.80q: %v", js, err)
	}
	return v
}

func (tb *tab) click(css string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(css))); err != nil {
		tb.t.Fatalf("click %s: %v", css, err)
	}
}

// shoot writes a viewportW×shotH screenshot of the top of the page to
// docs/name when the tests run with -screenshot.
func (tb *tab) shoot(name string) {
	tb.t.Helper()
	if !*screenshot {
		return
	}
	if err := chromedp.Do(tb.ctx,
		chromedp.EmulateViewport(viewportW, shotH),
		chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)`),
	); err != nil {
		tb.t.Fatalf("resize for screenshot: %v", err)
	}
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(repo, "docs", name)
	write(tb.t, path, png)
	tb.t.Logf("wrote %s (%d bytes)", path, len(png))
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(viewportW, viewportH)); err != nil {
		tb.t.Fatalf("restore viewport: %v", err)
	}
}

// htmlReport runs check on dir with --format html into a file and returns
// its absolute path.
func htmlReport(t *testing.T, dir string) string {
	t.Helper()
	out, errOut, code := run(t, "", "check", dir, "--format", "html")
	if code != exitOK {
		t.Fatalf("check --format html: exit %d, stderr:\n%s", code, errOut)
	}
	path, err := filepath.Abs(filepath.Join(t.TempDir(), "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, path, []byte(out))
	return path
}

// resultOf runs check on dir with --format json.
func resultOf(t *testing.T, dir string) compare.Result {
	t.Helper()
	out, errOut, code := run(t, "", "check", dir, "--format", "json")
	if code != exitOK {
		t.Fatalf("check --format json: exit %d, stderr:\n%s", code, errOut)
	}
	var res compare.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// matrixShape is what the page shows of the fact matrix.
type matrixShape struct {
	Head    int        `json:"head"`    // header cells
	Topic   []string   `json:"topic"`   // data-slot of each topic row
	Labels  []string   `json:"labels"`  // first cell of each topic row
	General int        `json:"general"` // general-fact rows (not the section heading)
	Widths  []int      `json:"widths"`  // cells per body row, section heading left out
	Visible bool       `json:"visible"` // the table has a box
	Summary summaryBox `json:"summary"`
}

type summaryBox struct {
	Top     float64 `json:"top"`
	Visible bool    `json:"visible"`
	Text    string  `json:"text"`
}

const matrixJS = `(() => {
	const t = document.getElementById('matrix-table');
	if (!t) return {head: 0, topic: [], labels: [], general: 0, widths: [], visible: false, summary: {}};
	const topic = [...t.querySelectorAll('tbody tr[data-slot]:not(.general)')];
	const body = [...t.querySelectorAll('tbody tr:not(.section)')];
	const box = t.getBoundingClientRect();
	const s = document.querySelector('section[aria-labelledby=summary]');
	const sb = s ? s.getBoundingClientRect() : {top: 1e9, width: 0, height: 0};
	return {
		head: t.querySelectorAll('thead th').length,
		topic: topic.map(r => r.dataset.slot),
		labels: topic.map(r => r.querySelector('th .label').textContent.trim()),
		general: t.querySelectorAll('tbody tr.general:not(.section)').length,
		widths: body.map(r => r.cells.length),
		visible: box.width > 0 && box.height > 0 && getComputedStyle(t).visibility === 'visible',
		summary: {top: sb.top, visible: sb.width > 0 && sb.height > 0, text: s ? s.innerText : ''},
	};
})()`

// matrixRowCounts is what the JSON result says the matrix must hold: one
// row per fact, one per element for set-valued ones.
func matrixRowCounts(res compare.Result) (topic, general int) {
	for _, f := range res.Facts {
		n := max(1, len(f.Elements))
		if f.Generated {
			general += n
		} else {
			topic += n
		}
	}
	return topic, general
}

func TestReportInBrowser(t *testing.T) {
	needChromium(t)
	start := time.Now()
	seeds := filepath.Join(repo, "seeds")
	report := htmlReport(t, seeds)
	res := resultOf(t, seeds)
	bctx := startBrowser(t)
	tb := newTab(t, bctx, false)
	tb.open(report)

	// The matrix: one row per topic slot row and per general fact, one
	// column per article.
	m := eval[matrixShape](tb, matrixJS)
	wantTopic, wantGeneral := matrixRowCounts(res)
	// A set-valued slot has one row per element, data-slot "slot/element".
	wantSlots := []string{"meeting.date", "bases.named/hmeimim", "bases.named/tartus", "qamishli.withdrawal", "visit.count"}
	// People read the topic file's labels and the articles' spellings.
	wantLabels := []string{"Date of the Putin–Sharaa meeting", "Russian bases named: Hmeimim", "Russian bases named: Tartus", "Russian withdrawal from Qamishli", "Which visit to Russia this is"}
	if !m.Visible {
		t.Error("table#matrix-table is not visible")
	}
	if strings.Join(m.Topic, ",") != strings.Join(wantSlots, ",") || len(m.Topic) != wantTopic {
		t.Errorf("topic rows data-slot = %q, want %q (%d rows from the JSON)", m.Topic, wantSlots, wantTopic)
	}
	if strings.Join(m.Labels, ",") != strings.Join(wantLabels, ",") {
		t.Errorf("topic row labels = %q, want %q", m.Labels, wantLabels)
	}
	if m.General != wantGeneral || wantGeneral == 0 {
		t.Errorf("%d general rows, want %d (the generated facts of the JSON result)", m.General, wantGeneral)
	}
	if want := 2 + len(res.Articles); m.Head != want || m.Head != 7 {
		t.Errorf("%d header cells, want %d (fact, status, 5 articles)", m.Head, want)
	}
	for i, w := range m.Widths {
		if w != m.Head {
			t.Errorf("body row %d has %d cells, want %d", i, w, m.Head)
		}
	}
	if !m.Summary.Visible || m.Summary.Top > viewportH {
		t.Errorf("summary: visible %v, top %.0fpx, want visible within the first %dpx", m.Summary.Visible, m.Summary.Top, viewportH)
	}

	// An omission cell opens on its evidence, which links into the article.
	const cell = `tr.st-omission summary`
	type evidence struct {
		Open    bool   `json:"open"`
		Visible bool   `json:"visible"`
		Mark    string `json:"mark"`
		Link    string `json:"link"`
		Target  bool   `json:"target"`
		InText  bool   `json:"inText"`
	}
	const evidenceJS = `(() => {
		const d = document.querySelector('tr.st-omission summary').closest('details');
		const ev = d.querySelector('.ev');
		const r = ev ? ev.getBoundingClientRect() : {width: 0, height: 0};
		const cs = ev ? getComputedStyle(ev) : {};
		const m = ev && ev.querySelector('mark');
		const a = ev && [...ev.querySelectorAll('a[href^="#"]')].find(a => a.textContent.includes('in the article'));
		const id = a ? decodeURIComponent(a.getAttribute('href').slice(1)) : '';
		const target = id ? document.getElementById(id) : null;
		return {
			open: d.open,
			visible: r.width > 0 && r.height > 0 && cs.display !== 'none' && cs.visibility === 'visible',
			mark: m ? m.textContent.trim() : '',
			link: a ? a.getAttribute('href') : '',
			target: !!target,
			inText: !!(target && target.closest('article.article')),
		};
	})()`
	if eval[bool](tb, `document.querySelector('tr.st-omission summary').closest('details').open`) {
		t.Error("the omission cell is open before the click")
	}
	tb.click(cell)
	ev := eval[evidence](tb, evidenceJS)
	if !ev.Open || !ev.Visible {
		t.Errorf("after a click on %s: details open %v, .ev visible %v", cell, ev.Open, ev.Visible)
	}
	if ev.Mark == "" {
		t.Error("the evidence has no <mark> with text")
	}
	if !ev.Target || !ev.InText {
		t.Errorf("link %q: target exists %v, inside an article %v", ev.Link, ev.Target, ev.InText)
	}
	// Following the link lands on the marked text.
	tb.click(`tr.st-omission details[open] .ev a[href^="#"]`)
	type landing struct {
		Hash string  `json:"hash"`
		Top  float64 `json:"top"`
	}
	l := eval[landing](tb, fmt.Sprintf(`(() => {
		const e = document.getElementById(%q);
		return {hash: decodeURIComponent(location.hash), top: e.getBoundingClientRect().top};
	})()`, strings.TrimPrefix(ev.Link, "#")))
	if l.Hash != ev.Link || l.Top < -2 || l.Top > viewportH {
		t.Errorf("after following %q: location.hash %q, target at %.0fpx, want it in the viewport", ev.Link, l.Hash, l.Top)
	}

	// The filter: unchecking #f-agree hides the rows where all agree.
	type rows struct {
		Agree  int `json:"agree"`
		Hidden int `json:"hidden"`
		Others int `json:"others"` // other rows hidden
	}
	const rowsJS = `(() => {
		const t = document.getElementById('matrix-table');
		const agree = [...t.querySelectorAll('tbody tr.st-agree')];
		const others = [...t.querySelectorAll('tbody tr:not(.st-agree)')];
		const hidden = r => getComputedStyle(r).display === 'none';
		return {agree: agree.length, hidden: agree.filter(hidden).length, others: others.filter(hidden).length};
	})()`
	if eval[bool](tb, `document.getElementById('controls').hidden`) {
		t.Fatal("#controls still hidden with JavaScript on: the report's script did not run")
	}
	if r := eval[rows](tb, rowsJS); r.Agree == 0 || r.Hidden != 0 || r.Others != 0 {
		t.Errorf("before filtering: %d agree rows, %d hidden, %d other rows hidden", r.Agree, r.Hidden, r.Others)
	}
	tb.click(`#f-agree`)
	if r := eval[rows](tb, rowsJS); r.Hidden != r.Agree || r.Others != 0 {
		t.Errorf("#f-agree unchecked: %d of %d agree rows hidden (want all), %d other rows hidden (want 0)", r.Hidden, r.Agree, r.Others)
	}
	tb.click(`#f-agree`)
	if r := eval[rows](tb, rowsJS); r.Hidden != 0 || r.Others != 0 {
		t.Errorf("#f-agree checked again: %d agree rows and %d other rows still hidden", r.Hidden, r.Others)
	}
	tb.shoot("report.png")
	tb.clean()

	// With JavaScript off the report is complete, only unfiltered.
	t.Run("no JavaScript", func(t *testing.T) {
		tb := newTab(t, bctx, true)
		tb.open(report)
		m := eval[matrixShape](tb, matrixJS)
		if !m.Visible || len(m.Topic) != wantTopic || m.General != wantGeneral || m.Head != 7 {
			t.Errorf("matrix without JavaScript: visible %v, %d topic rows, %d general rows, %d columns; want %d, %d, 7",
				m.Visible, len(m.Topic), m.General, m.Head, wantTopic, wantGeneral)
		}
		if !m.Summary.Visible || !strings.Contains(m.Summary.Text, "omission") {
			t.Errorf("summary without JavaScript: visible %v, text %q", m.Summary.Visible, m.Summary.Text)
		}
		if d := eval[string](tb, `getComputedStyle(document.getElementById('controls')).display`); d != "none" {
			t.Errorf("#controls display %q without JavaScript, want none (the filters need the script)", d)
		}
		tb.clean()
	})
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

// hostileArticle is a news article that quotes a hacker forum. Its markup is
// text: the report must show it, never run or load it.
const hostileArticle = `Hackers boast of Kremlin leak as Putin meets Sharaa
Published by The Hostile Gazette

Vladimir Putin held talks with Ahmed al-Sharaa in Moscow on Wednesday, January 28, 2026, and a forum post claimed <script>window.__pwned=1;alert(1)</script> was hidden in the official readout.

Putin said: "We discussed Tartus and Hmeimim <img src=x onerror="window.__pwned=2"> and the future of the bases."

A user on the hacker forum wrote that the Russian naval base at Tartus was mentioned in a file named </textarea><script>window.__pwned=4</script> that circulated after the meeting.

Another post linked <a href="javascript:window.__pwned=3">click</a> next to a picture of the Hmeimim airbase, and a third signed off with "><svg onload=window.__pwned=5> before the thread was deleted.

In televised remarks, Putin told Sharaa: "I want to congratulate you on the fact that <script>window.__pwned=1;alert(1)</script> the process of restoring the territorial integrity of Syria is gaining momentum."

It was Sharaa's second visit to Russia since taking power; Russia withdrew its forces from Qamishli earlier this week.
`

func TestReportHostileArticleInert(t *testing.T) {
	needChromium(t)
	start := time.Now()
	dir := copyDir(t, filepath.Join(repo, "seeds"))
	write(t, filepath.Join(dir, "005_hostile.txt"), []byte(hostileArticle))
	hostile := []string{
		`<script>window.__pwned=1;alert(1)</script>`,
		`<img src=x onerror="window.__pwned=2">`,
		`<a href="javascript:window.__pwned=3">click</a>`,
		`</textarea><script>window.__pwned=4</script>`,
		`"><svg onload=window.__pwned=5>`,
	}
	// The hostile text must reach the matrix, not only the article text:
	// some facts must carry it.
	res := resultOf(t, dir)
	carried := map[string]bool{}
	for _, f := range res.Facts {
		for _, v := range f.Values {
			if v.Article != "005_hostile" {
				continue
			}
			for _, h := range hostile {
				if strings.Contains(v.Sentence, h) || strings.Contains(v.Surface, h) {
					carried[h] = true
				}
			}
		}
	}
	if !carried[hostile[0]] || !carried[hostile[1]] {
		t.Fatalf("no fact carries the hostile script and img (carried: %v): the test would not reach the matrix", carried)
	}
	report := htmlReport(t, dir)

	bctx := startBrowser(t)
	tb := newTab(t, bctx, false)
	tb.open(report)
	n := eval[int](tb, `document.querySelectorAll('summary').length`)
	if n == 0 {
		t.Fatal("no <summary> in the report")
	}
	nodes, err := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.CSSAll("summary")))
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range nodes {
		if err := chromedp.Do(tb.ctx, chromedp.MouseClickNode(nd)); err != nil {
			t.Fatalf("click a summary: %v", err)
		}
	}
	if open := eval[int](tb, `document.querySelectorAll('details[open]').length`); open != n {
		t.Errorf("%d of %d details open after clicking every summary", open, n)
	}
	if p := eval[string](tb, `typeof window.__pwned === 'undefined' ? '' : String(window.__pwned)`); p != "" {
		t.Errorf("window.__pwned = %s: article text ran as script", p)
	}
	// Everything hostile is on the page as text, and the matrix shows it.
	type shown struct {
		Body   string `json:"body"`
		Matrix string `json:"matrix"`
		Bad    int    `json:"bad"` // elements the article could have smuggled in
	}
	s := eval[shown](tb, `(() => ({
		body: document.body.innerText,
		matrix: document.getElementById('matrix-table').innerText,
		bad: document.querySelectorAll('body img, body svg, body iframe, body textarea, a[href^="javascript:"], [onerror], [onload]').length
			+ document.querySelectorAll('script').length - 1,
	}))()`)
	for _, h := range hostile {
		if !strings.Contains(s.Body, h) {
			t.Errorf("the page does not show %q as text", h)
		}
	}
	if !strings.Contains(s.Body, "<script>window.__pwned=1") {
		t.Error(`document.body.innerText lacks "<script>window.__pwned=1"`)
	}
	if !strings.Contains(s.Matrix, `<img src=x onerror="window.__pwned=2">`) || !strings.Contains(s.Matrix, "<script>window.__pwned=1") {
		t.Error("the opened matrix cells do not show the hostile sentences as text")
	}
	if s.Bad != 0 {
		t.Errorf("%d elements or scripts from the article text made it into the DOM", s.Bad)
	}
	tb.clean()
	t.Logf("clicked %d summaries; took %v", len(nodes), time.Since(start).Round(time.Millisecond))
}

// twentyArticles makes a topic folder of 20 articles from the 5 seeds: four
// copies of each, every copy with its own outlet, some with the day changed
// (a contradiction) or Tartus spelled Tartous (a variant).
func twentyArticles(t *testing.T) string {
	t.Helper()
	src := filepath.Join(repo, "seeds")
	dst := t.TempDir()
	b, err := os.ReadFile(filepath.Join(src, "topic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dst, "topic.yaml"), b)
	names, err := filepath.Glob(filepath.Join(src, "*.txt"))
	if err != nil || len(names) != 5 {
		t.Fatalf("seeds: %d articles (%v), want 5", len(names), err)
	}
	sort.Strings(names)
	for k := range 4 {
		for i, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			n := k*len(names) + i + 1
			text := withOutlet(string(b), fmt.Sprintf("Outlet %d", n))
			if k == 1 || (k == 3 && i%2 == 0) {
				text = strings.ReplaceAll(text, "Wednesday", "Tuesday")
			}
			if k >= 2 {
				text = strings.ReplaceAll(text, "Tartus", "Tartous")
			}
			write(t, filepath.Join(dst, fmt.Sprintf("%02d_%s", n, filepath.Base(name))), []byte(text))
		}
	}
	return dst
}

// withOutlet drops the article's "Published by" lines and names outlet
// after its first line.
func withOutlet(text, outlet string) string {
	var out []string
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "Published by") {
			continue
		}
		out = append(out, l)
		if i == 0 {
			out = append(out, "Published by "+outlet)
		}
	}
	return strings.Join(out, "\n")
}

func TestReportTwentyArticles(t *testing.T) {
	needChromium(t)
	start := time.Now()
	dir := twentyArticles(t)
	report := htmlReport(t, dir)
	bctx := startBrowser(t)
	tb := newTab(t, bctx, false)
	tb.open(report)

	type layout struct {
		Head       int     `json:"head"`
		DocWidth   float64 `json:"docWidth"`
		ViewWidth  float64 `json:"viewWidth"`
		WrapScroll bool    `json:"wrapScroll"` // the matrix scrolls inside .matrix-wrap
		Sticky     string  `json:"sticky"`
		SummaryTop float64 `json:"summaryTop"`
		ViewHeight float64 `json:"viewHeight"`
	}
	l := eval[layout](tb, `(() => {
		const w = document.querySelector('.matrix-wrap');
		const th = document.querySelector('#matrix-table th[scope=row]');
		const s = document.querySelector('section[aria-labelledby=summary]');
		return {
			head: document.querySelectorAll('#matrix-table thead th').length,
			docWidth: document.documentElement.scrollWidth,
			viewWidth: window.innerWidth,
			wrapScroll: !!w && w.scrollWidth > w.clientWidth && ['auto', 'scroll'].includes(getComputedStyle(w).overflowX),
			sticky: th ? getComputedStyle(th).position : '',
			summaryTop: s.getBoundingClientRect().top + window.scrollY,
			viewHeight: window.innerHeight,
		};
	})()`)
	if l.Head != 2+20 {
		t.Errorf("%d matrix header cells, want 22 (fact, status, 20 articles)", l.Head)
	}
	if l.ViewWidth != viewportW || l.DocWidth > 1.2*viewportW {
		t.Errorf("document is %.0fpx wide in a %.0fpx viewport, want at most %.0fpx: the page scrolls sideways, not the matrix", l.DocWidth, l.ViewWidth, 1.2*viewportW)
	}
	if !l.WrapScroll {
		t.Error(".matrix-wrap does not scroll the 20-column matrix sideways")
	}
	if l.Sticky != "sticky" {
		t.Errorf("first column th[scope=row] has position %q, want sticky", l.Sticky)
	}
	if l.SummaryTop > l.ViewHeight {
		t.Errorf("summary starts at %.0fpx, below the first %.0fpx: the editor must scroll to see it", l.SummaryTop, l.ViewHeight)
	}
	t.Logf("document %.0fpx wide in a %.0fpx viewport; summary at %.0fpx of %.0fpx", l.DocWidth, l.ViewWidth, l.SummaryTop, l.ViewHeight)
	// Scrolled to the far right, the fact names are still on screen.
	type stuck struct {
		Scrolled float64 `json:"scrolled"`
		ThLeft   float64 `json:"thLeft"`
		WrapLeft float64 `json:"wrapLeft"`
		OnTop    bool    `json:"onTop"`
	}
	st := eval[stuck](tb, `(() => {
		const w = document.querySelector('.matrix-wrap');
		w.scrollIntoView();
		w.scrollLeft = w.scrollWidth;
		const th = document.querySelector('#matrix-table tbody tr:not(.section) th[scope=row]');
		const r = th.getBoundingClientRect();
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return {scrolled: w.scrollLeft, thLeft: r.left, wrapLeft: w.getBoundingClientRect().left, onTop: !!hit && th.contains(hit)};
	})()`)
	if st.Scrolled == 0 || st.ThLeft < st.WrapLeft-1 || st.ThLeft > st.WrapLeft+2 || !st.OnTop {
		t.Errorf("matrix scrolled %.0fpx right: first column at %.0fpx (wrap at %.0fpx), on top %v; want it stuck to the left edge and visible",
			st.Scrolled, st.ThLeft, st.WrapLeft, st.OnTop)
	}
	_ = eval[chromedp.Void](tb, `document.querySelector('.matrix-wrap').scrollLeft = 0`)
	tb.shoot("report-20.png")
	tb.clean()
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}
