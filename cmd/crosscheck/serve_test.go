package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// qamishliFinding is the id of the seed story's Qamishli omission (the
// JSON golden testdata/golden/seeds.json holds it).
const qamishliFinding = "f-03d27e8b11"

// seedsDB stores the seed story in a fresh database and returns its path.
func seedsDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "desk.db")
	if _, stderr, code := run(t, db, "ingest", filepath.Join(repo, "seeds")); code != exitOK {
		t.Fatalf("ingest seeds: exit %d\n%s", code, stderr)
	}
	return db
}

// testServer is the serve handlers over the seeds, as if listening on
// 127.0.0.1:8080, with a fixed clock.
func testServer(t *testing.T) (*server, http.Handler) {
	t.Helper()
	db, err := store.OpenExisting(context.Background(), seedsDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := newServer(db, "127.0.0.1:8080", "ann")
	if err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return time.Date(2026, 1, 29, 7, 30, 0, 0, time.UTC) }
	return s, s.routes()
}

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8080"+path, nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// post sends a form as a browser on the page would, with the headers in
// hdr on top (an empty value removes a header).
func post(t *testing.T, h http.Handler, path string, form url.Values, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8080"+path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Origin", "http://127.0.0.1:8080")
	for k, v := range hdr {
		if k == "Host" {
			r.Host = v
			continue
		}
		if v == "" {
			r.Header.Del(k)
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func verdictsOf(t *testing.T, s *server) []facts.Verdict {
	t.Helper()
	vs, err := s.db.Verdicts(context.Background(), seedsTopic)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

func TestServePages(t *testing.T) {
	s, h := testServer(t)
	w := get(t, h, "/")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `<a href="/topics/`+seedsTopic+`">Putin hosts Syria&#39;s al-Sharaa in Moscow</a>`) {
		t.Errorf("GET /: %d, no link to the seed topic:\n%s", w.Code, w.Body)
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("GET /: Content-Security-Policy %q", csp)
	}

	w = get(t, h, "/topics/"+seedsTopic)
	page := w.Body.String()
	if w.Code != http.StatusOK {
		t.Fatalf("GET the topic: %d\n%s", w.Code, page)
	}
	if got := w.Header().Get("Content-Security-Policy"); got != "frame-ancestors 'none'" || w.Header().Get("X-Frame-Options") != "DENY" {
		t.Errorf("topic page headers: CSP %q, X-Frame-Options %q", got, w.Header().Get("X-Frame-Options"))
	}
	// The report's policy, with the forms allowed to post here only.
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
	if meta == nil || !strings.Contains(meta[1], "form-action 'self'") || !strings.Contains(meta[1], "default-src 'none'") || !strings.Contains(meta[1], "connect-src 'none'") || !strings.Contains(meta[1], "script-src &#39;sha256-") {
		t.Errorf("the page's CSP meta: %q", meta)
	}
	// One form per finding to judge: every slot other than agreement
	// (bases.named once, though it has two rows) and every variant.
	forms := regexp.MustCompile(`<form class="judge" method="post" action="/topics/`+seedsTopic+`/verdict"><input type="hidden" name="csrf" value="([^"]+)"><input type="hidden" name="finding" value="(f-[0-9a-f]{10})">`).FindAllStringSubmatch(page, -1)
	if len(forms) != 19 {
		t.Errorf("%d verdict forms, want 19 (17 slots other than agreement, 2 spelling groups)", len(forms))
	}
	seen := map[string]bool{}
	for _, f := range forms {
		if f[1] != s.token(seedsTopic) {
			t.Errorf("form of %s carries token %q, want the topic's", f[2], f[1])
		}
		if seen[f[2]] {
			t.Errorf("two forms for %s", f[2])
		}
		seen[f[2]] = true
		if !strings.Contains(page, ` id="`+f[2]+`"`) {
			t.Errorf("no anchor for %s, where the verdict's redirect lands", f[2])
		}
	}
	if !seen[qamishliFinding] {
		t.Errorf("no form for the Qamishli omission %s", qamishliFinding)
	}
	if !strings.Contains(page, `<input name="by" value="ann"`) {
		t.Error(`the "by" field does not start with the server's --by`)
	}

	if w := get(t, h, "/topics/no-such-topic"); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "There is no topic &#34;no-such-topic&#34;.") {
		t.Errorf("an unknown topic: %d\n%s", w.Code, w.Body)
	}
	// Another host name (a rebinding attack's) gets nothing.
	r := httptest.NewRequest(http.MethodGet, "http://evil.example:8080/topics/"+seedsTopic, nil)
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusForbidden || strings.Contains(w.Body.String(), "csrf") {
		t.Errorf("Host evil.example:8080: %d", w.Code)
	}
	if w := get(t, h, "/nothing"); w.Code != http.StatusNotFound {
		t.Errorf("GET /nothing: %d", w.Code)
	}
}

func TestServeVerdict(t *testing.T) {
	s, h := testServer(t)
	path := "/topics/" + seedsTopic + "/verdict"
	form := func(kv ...string) url.Values {
		v := url.Values{"csrf": {s.token(seedsTopic)}, "finding": {qamishliFinding}, "decision": {"dismiss"}, "note": {" 002 covers the talks only "}, "by": {"ann"}}
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] == "" {
				v.Del(kv[i])
			} else {
				v.Set(kv[i], kv[i+1])
			}
		}
		return v
	}
	refused := []struct {
		name string
		form url.Values
		hdr  map[string]string
		code int
	}{
		{"no token", form("csrf", ""), nil, http.StatusForbidden},
		{"a forged token", form("csrf", "AAAA"), nil, http.StatusForbidden},
		{"another topic's token", form("csrf", s.token("other-topic")), nil, http.StatusForbidden},
		{"another origin, with the token", form(), map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{"origin null", form(), map[string]string{"Origin": "null"}, http.StatusForbidden},
		{"another site's referer", form(), map[string]string{"Origin": "", "Referer": "http://evil.example/page"}, http.StatusForbidden},
		{"another host", form(), map[string]string{"Host": "evil.example:8080", "Origin": "http://evil.example:8080"}, http.StatusForbidden},
		{"an unknown decision", form("decision", "maybe"), nil, http.StatusBadRequest},
		{"a note too long", form("note", strings.Repeat("x", maxNoteLen+1)), nil, http.StatusBadRequest},
		{"a finding the topic does not have", form("finding", "f-0000000000"), nil, http.StatusConflict},
	}
	for _, c := range refused {
		w := post(t, h, path, c.form, c.hdr)
		if w.Code != c.code {
			t.Errorf("%s: %d, want %d\n%s", c.name, w.Code, c.code, w.Body)
		}
		if c.code == http.StatusForbidden && c.hdr["Host"] == "" && !strings.Contains(w.Body.String(), "othing was stored") {
			t.Errorf("%s: the page does not say nothing was stored:\n%s", c.name, w.Body)
		}
	}
	if vs := verdictsOf(t, s); len(vs) != 0 {
		t.Fatalf("refused posts stored %d verdicts: %+v", len(vs), vs)
	}
	if w := post(t, h, "/topics/no-such-topic/verdict", form("csrf", s.token("no-such-topic")), nil); w.Code != http.StatusNotFound {
		t.Errorf("a verdict on an unknown topic: %d\n%s", w.Code, w.Body)
	}

	// From the page, with no Origin (an older browser) but its Referer.
	w := post(t, h, path, form(), map[string]string{"Origin": "", "Referer": "http://127.0.0.1:8080/topics/" + seedsTopic})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/topics/"+seedsTopic+"#"+qamishliFinding {
		t.Fatalf("the verdict: %d, Location %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	vs := verdictsOf(t, s)
	want := facts.Verdict{Topic: seedsTopic, Slot: "qamishli.withdrawal", Finding: qamishliFinding, Decision: facts.Dismiss,
		Note: "002 covers the talks only", By: "ann", At: s.now()}
	if len(vs) != 1 || vs[0].Topic != want.Topic || vs[0].Slot != want.Slot || vs[0].Finding != want.Finding || vs[0].Decision != want.Decision ||
		vs[0].Note != want.Note || vs[0].By != want.By || !vs[0].At.Equal(want.At) {
		t.Fatalf("stored %+v, want %+v", vs, want)
	}
	// The page shows it on the finding.
	page := get(t, h, "/topics/"+seedsTopic).Body.String()
	if !strings.Contains(page, "⚖ verdict: dismissed by ann on 2026-01-29T07:30:00Z — 002 covers the talks only") {
		t.Error("the reloaded page does not show the verdict")
	}
}

// TestServeCommand runs serve as the binary would: on a free port, the
// address printed first, pages answered, Ctrl-C (the context) stops it
// with exit 0; a busy port and a bad --addr are refused.
func TestServeCommand(t *testing.T) {
	db := seedsDB(t)
	addr, stop, done := startServe(t, db)
	resp, err := http.Get("http://" + addr + "/topics/" + seedsTopic)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `class="judge"`) {
		t.Errorf("GET the topic: %d", resp.StatusCode)
	}
	// A second server on the same port says what to do.
	_, stderr, code := run(t, db, "serve", "--addr", addr)
	_, port, _ := net.SplitHostPort(addr)
	if code != exitFailure || !strings.Contains(stderr, addr+" is in use; pass --addr 127.0.0.1:") || strings.Contains(stderr, "--addr 127.0.0.1:"+port+"\n") {
		t.Errorf("a busy port: exit %d, %q", code, stderr)
	}
	stop()
	if code := <-done; code != exitOK {
		t.Errorf("serve stopped by its context: exit %d, want 0", code)
	}
	if _, err := http.Get("http://" + addr + "/"); err == nil {
		t.Error("the server still answers after it stopped")
	}
	for _, bad := range []string{"8080", "127.0.0.1:http-alt", "127.0.0.1:99999"} {
		if _, stderr, code := run(t, db, "serve", "--addr", bad); code != exitUsage || !strings.Contains(stderr, "--addr") {
			t.Errorf("--addr %s: exit %d, %q", bad, code, stderr)
		}
	}
	if _, stderr, code := run(t, filepath.Join(t.TempDir(), "none.db"), "serve", "--addr", "127.0.0.1:0"); code != exitUsage {
		t.Errorf("no database: exit %d, %q", code, stderr)
	}
}

// startServe runs "crosscheck serve --addr 127.0.0.1:0" on db and returns
// the address it printed, a function that stops it as Ctrl-C would, and
// its exit code once it has stopped.
func startServe(t *testing.T, db string) (addr string, stop func(), done <-chan int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	codes := make(chan int, 1)
	go func() {
		code := Main(ctx, []string{"--db", db, "serve", "--addr", "127.0.0.1:0", "--by", "ann"}, strings.NewReader(""), pw, io.Discard)
		pw.Close()
		codes <- code
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("serve printed no address: %v (exit %d)", err, <-codes)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	m := regexp.MustCompile(`at http://(127\.0\.0\.1:\d+)/`).FindStringSubmatch(line)
	if m == nil {
		cancel()
		t.Fatalf("serve's first line names no address: %q", line)
	}
	var once bool
	stop = func() {
		if !once {
			once = true
			cancel()
		}
	}
	t.Cleanup(func() {
		if !once {
			stop()
			<-codes
		}
	})
	return m[1], stop, codes
}
