package main

// The serve page in a real browser: an editor opens the seed topic, dismisses
// the Qamishli omission with a note, reloads and sees the verdict kept; a
// page of another site cannot do the same. Like the report's browser tests
// these need /usr/bin/chromium, and fail rather than skip under CI=true.

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestServeInBrowser(t *testing.T) {
	needChromium(t)
	start := time.Now()
	db := seedsDB(t)
	addr, stop, done := startServe(t, db)
	origin := "http://" + addr
	bctx := startBrowser(t)
	// Scripts off: the forms must work without them.
	tb := newTabAt(t, bctx, true, origin)

	// The topics page links to the topic's page.
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(origin+"/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("open %s: %v", origin, err)
	}
	tb.click(`a[href="/topics/` + seedsTopic + `"]`)
	row := `tr[id="` + qamishliFinding + `"]`
	if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(row+` button[value="dismiss"]`))); err != nil {
		t.Fatalf("the Qamishli omission has no visible dismiss button: %v", err)
	}
	if got := eval[string](tb, `document.querySelector('`+row+`').dataset.slot`); got != "qamishli.withdrawal" {
		t.Fatalf("row %s is slot %q, want qamishli.withdrawal", qamishliFinding, got)
	}
	if n := eval[int](tb, `document.querySelectorAll('`+row+` .verdict').length`); n != 0 {
		t.Fatalf("the finding shows a verdict before any was given")
	}

	// Dismiss it with a note, as an editor would: type, click.
	const note = `002 covers the talks only <b>not</b> a withdrawal`
	if err := chromedp.Do(tb.ctx,
		chromedp.SendKeys(chromedp.CSS(row+` input[name="note"]`), note),
		chromedp.Click(chromedp.CSS(row+` button[value="dismiss"]`)),
		chromedp.WaitVisible(chromedp.CSS(row+` .verdict`)),
	); err != nil {
		t.Fatalf("dismiss: %v", err)
	}
	type shown struct {
		Path, Hash, Verdict string
		Top                 float64
	}
	shownJS := `(() => {
		const r = document.querySelector('` + row + `');
		const v = r.querySelector('.verdict');
		return {Path: location.pathname, Hash: location.hash, Verdict: v ? v.textContent : '', Top: r.getBoundingClientRect().top};
	})()`
	wantVerdict := "⚖ verdict: dismissed by ann on "
	s := eval[shown](tb, shownJS)
	if s.Path != "/topics/"+seedsTopic || s.Hash != "#"+qamishliFinding {
		t.Errorf("after the verdict the page is %s%s, want the topic's page at #%s", s.Path, s.Hash, qamishliFinding)
	}
	if !strings.HasPrefix(s.Verdict, wantVerdict) || !strings.HasSuffix(s.Verdict, " — "+note) {
		t.Errorf("the finding shows %q, want %q… — %s", s.Verdict, wantVerdict, note)
	}
	if s.Top < -2 || s.Top > viewportH {
		t.Errorf("the finding is at %.0fpx after the redirect, want it in the viewport", s.Top)
	}

	// A reload shows it still, and posts nothing again (the 303).
	if err := chromedp.Do(tb.ctx, chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("reload: %v", err)
	}
	if s := eval[shown](tb, shownJS); !strings.HasPrefix(s.Verdict, wantVerdict) || !strings.HasSuffix(s.Verdict, note) {
		t.Errorf("after a reload the finding shows %q", s.Verdict)
	}
	if n := eval[int](tb, `document.querySelectorAll('b').length`); n != 0 {
		t.Errorf("the note's <b> became %d elements: it must stay text", n)
	}
	stored := storedVerdicts(t, db)
	if len(stored) != 1 || stored[0].Finding != qamishliFinding || stored[0].Decision != "dismiss" || stored[0].Note != note || stored[0].By != "ann" || stored[0].State != "current" {
		t.Fatalf("crosscheck verdicts after the click and the reload: %+v, want one current dismissal", stored)
	}
	token := eval[string](tb, `document.querySelector('`+row+` input[name="csrf"]').value`)
	tb.shoot("serve.png")
	tb.clean()

	// Requests from elsewhere: plain posts with another site's Origin (with
	// the page's token, as if it had leaked) and without the token.
	verdictURL := origin + "/topics/" + seedsTopic + "/verdict"
	form := url.Values{"csrf": {token}, "finding": {qamishliFinding}, "decision": {"confirm"}, "note": {"forged"}}
	req, _ := http.NewRequest(http.MethodPost, verdictURL, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	if code := status(t, req); code != http.StatusForbidden {
		t.Errorf("a post with another site's Origin: %d, want 403", code)
	}
	form.Del("csrf")
	resp, err := http.PostForm(verdictURL, form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a post without the token: %d, want 403", resp.StatusCode)
	}

	// And a real page of another origin (another port is another origin)
	// whose form posts here, token and all: the browser says where it
	// comes from, and the server refuses it.
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><title>win a prize</title><form method="post" action="%s">
<input type="hidden" name="csrf" value="%s"><input type="hidden" name="finding" value="%s">
<button name="decision" value="confirm">claim your prize</button></form>`, html.EscapeString(verdictURL), html.EscapeString(token), qamishliFinding)
	}))
	defer evil.Close()
	et := newTabAt(t, bctx, true, evil.URL)
	if err := chromedp.Do(et.ctx, chromedp.Navigate(evil.URL), chromedp.WaitReady(chromedp.CSS("button"))); err != nil {
		t.Fatalf("open the other site's page: %v", err)
	}
	if err := chromedp.Do(et.ctx, chromedp.Click(chromedp.CSS("button")), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
		t.Fatalf("submit the other site's form: %v", err)
	}
	if h1 := eval[string](et, `document.querySelector('h1').textContent`); h1 != "403 Forbidden" {
		t.Errorf("the other site's form got %q, want 403 Forbidden", h1)
	}

	if after := storedVerdicts(t, db); len(after) != 1 || after[0].Decision != "dismiss" {
		t.Errorf("after the refused posts: %+v, want the one dismissal only", after)
	}
	stop()
	if code := <-done; code != exitOK {
		t.Errorf("serve: exit %d", code)
	}
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

// storedVerdicts is what "crosscheck verdicts" lists for the seed topic.
func storedVerdicts(t *testing.T, db string) []verdictLine {
	t.Helper()
	out, stderr, code := run(t, db, "verdicts", "--topic", seedsTopic, "--format", "json")
	if code != exitOK {
		t.Fatalf("verdicts: exit %d\n%s", code, stderr)
	}
	var vs []verdictLine
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

func status(t *testing.T, req *http.Request) int {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
