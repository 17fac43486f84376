package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/facts"
	"github.com/crosscheck-news/crosscheck/store"
)

// server answers the pages of "crosscheck serve".
type server struct {
	db *store.DB
	// key signs the forms' tokens; it is new with every process, so a
	// page from an earlier run must be reloaded before it can post.
	key []byte
	// by fills the forms' "by" field.
	by string
	// loopback and port restrict the Host header when the server listens
	// on a loopback address: a page of another site that rebinds its name
	// to 127.0.0.1 is not this server's origin.
	loopback bool
	port     string
	now      func() time.Time
	log      io.Writer
}

// newServer makes the handlers for a server listening on addr.
func newServer(db *store.DB, addr, by string) (*server, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("make the form key: %w", err)
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("listen address %q: %w", addr, err)
	}
	ip := net.ParseIP(host)
	return &server{db: db, key: key, by: by, loopback: host == "localhost" || (ip != nil && ip.IsLoopback()),
		port: port, now: time.Now, log: io.Discard}, nil
}

// maxFormBytes caps a verdict form's body: a note of maxNoteLen and the
// fields around it, with room for percent-encoding.
const maxFormBytes = 64 << 10

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.topics)
	mux.HandleFunc("GET /topics/{id}", s.topic)
	mux.HandleFunc("POST /topics/{id}/verdict", s.verdict)
	// Browsers ask for it on every page; an empty answer keeps their
	// logs free of 404s.
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	return s.guard(mux)
}

// pageCSP is the policy of the pages other than the report (which carries
// its own, with form-action 'self'): no script, nothing from elsewhere.
const pageCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// guard sets the headers every answer carries and refuses a request for
// another host name.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// The report's own policy is in its <meta>; frame-ancestors only
		// works as a header: no other site may frame the verdict buttons.
		h.Set("Content-Security-Policy", "frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		if !s.hostAllowed(r.Host) {
			s.fail(w, http.StatusForbidden, "This server answers to 127.0.0.1:"+s.port+" and localhost:"+s.port+" only, not to "+r.Host+".")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *server) hostAllowed(hostport string) bool {
	if !s.loopback {
		return true
	}
	host, port, err := net.SplitHostPort(hostport)
	if err != nil || port != s.port {
		return false
	}
	ip := net.ParseIP(host)
	return host == "localhost" || (ip != nil && ip.IsLoopback())
}

// token is the anti-forgery token of the forms of a topic's page: an HMAC
// of the topic under the process's key, which no other site can compute.
func (s *server) token(topic string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("verdict\x00" + topic))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (s *server) tokenOK(topic, got string) bool {
	return got != "" && hmac.Equal([]byte(got), []byte(s.token(topic)))
}

// sameOrigin refuses a POST that a browser says comes from a page of
// another origin: by its Origin header or, without one, its Referer. A
// request with neither (curl, a script) still needs the token.
func sameOrigin(r *http.Request) bool {
	self := "http://" + r.Host
	if o := r.Header.Get("Origin"); o != "" {
		return o == self
	}
	if ref := r.Referer(); ref != "" {
		u, err := url.Parse(ref)
		return err == nil && u.Scheme+"://"+u.Host == self
	}
	return true
}

func topicPath(id string) string { return "/topics/" + url.PathEscape(id) }

var topicsPage = template.Must(template.New("topics").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crosscheck: topics</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:0 auto;padding:1.2rem 1.5rem 3rem;max-width:1100px}
table{border-collapse:collapse}th,td{border:1px solid #d4d4d4;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f6f6f4}.muted{color:#5c5c5c}a{color:#0b57d0}a:focus{outline:3px solid #ffbf47}
</style>
</head>
<body>
<p class="muted">crosscheck · {{.DB}}</p>
<h1>Topics</h1>
{{if .Topics}}<table>
<thead><tr><th scope="col">Topic</th><th scope="col">Id</th><th scope="col">Articles</th><th scope="col">Facts</th><th scope="col">Updated</th></tr></thead>
<tbody>{{range .Topics}}<tr><td><a href="{{.Path}}">{{if .Title}}{{.Title}}{{else}}{{.ID}}{{end}}</a></td><td><code>{{.ID}}</code></td><td>{{.Articles}}</td><td>{{.Facts}}</td><td>{{.Updated}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>No topics yet: <code>crosscheck ingest FOLDER</code> or <code>crosscheck batch</code> stores some.</p>{{end}}
<p class="muted">Open a topic to see its report; every finding has buttons to confirm it, dismiss it or mark it follow-up.</p>
</body>
</html>
`))

var failPage = template.Must(template.New("fail").Parse(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>crosscheck: {{.Status}}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem}a{color:#0b57d0}</style></head>
<body><h1>{{.Status}}</h1><p>{{.Message}}</p><p><a href="{{.Back}}">Back</a></p></body>
</html>
`))

// fail answers with a short page saying what went wrong.
func (s *server) fail(w http.ResponseWriter, code int, msg string) {
	s.failBack(w, code, msg, "/")
}

func (s *server) failBack(w http.ResponseWriter, code int, msg, back string) {
	var buf bytes.Buffer
	_ = failPage.Execute(&buf, map[string]string{"Status": fmt.Sprintf("%d %s", code, http.StatusText(code)), "Message": msg, "Back": back})
	w.Header().Set("Content-Security-Policy", pageCSP)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write(buf.Bytes())
}

// internal answers 500 for a failure of the store, and logs it: the
// page says only that the server failed.
func (s *server) internal(w http.ResponseWriter, r *http.Request, err error) {
	fmt.Fprintf(s.log, "crosscheck: %s %s: %v\n", r.Method, r.URL.Path, err)
	s.fail(w, http.StatusInternalServerError, "The server could not answer; its log says why.")
}

func (s *server) topics(w http.ResponseWriter, r *http.Request) {
	ts, err := s.db.Topics(r.Context())
	if err != nil {
		s.internal(w, r, err)
		return
	}
	type line struct {
		ID, Title, Path, Updated string
		Articles, Facts          int
	}
	view := struct {
		DB     string
		Topics []line
	}{DB: store.Redact(s.db.Path())}
	for _, t := range ts {
		view.Topics = append(view.Topics, line{ID: t.ID, Title: t.Title, Path: topicPath(t.ID),
			Updated: t.UpdatedAt.UTC().Format("2006-01-02 15:04 UTC"), Articles: t.Articles, Facts: t.Facts})
	}
	var buf bytes.Buffer
	if err := topicsPage.Execute(&buf, view); err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Security-Policy", pageCSP)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

// topic shows a topic's report with a verdict form on each finding.
func (s *server) topic(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	res, arts, err := compareStored(r.Context(), s.db, id)
	var ue *usageError
	switch {
	case errors.As(err, &ue):
		s.fail(w, http.StatusNotFound, fmt.Sprintf("There is no topic %q.", id))
		return
	case err != nil:
		s.internal(w, r, err)
		return
	}
	var buf bytes.Buffer
	forms := &render.VerdictForms{Action: topicPath(id) + "/verdict", Token: s.token(id), By: s.by}
	if err := render.Render(&buf, render.HTML, res, render.Options{Articles: arts, Forms: forms}); err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

// verdict records a verdict posted by a finding's form, then sends the
// browser back to the finding (303, so a reload does not post again).
func (s *server) verdict(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	back := topicPath(id)
	if !sameOrigin(r) {
		s.failBack(w, http.StatusForbidden, "This form was sent from a page of another site; nothing was stored.", back)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.failBack(w, http.StatusRequestEntityTooLarge, "The form is too large; keep the note short.", back)
			return
		}
		s.failBack(w, http.StatusBadRequest, "The form could not be read.", back)
		return
	}
	if !s.tokenOK(id, r.PostForm.Get("csrf")) {
		s.failBack(w, http.StatusForbidden, "The form's token is missing or out of date (the server was restarted?): reload the page and give the verdict again. Nothing was stored.", back)
		return
	}
	finding := r.PostForm.Get("finding")
	v := facts.Verdict{Topic: id, Finding: finding, Decision: facts.Decision(r.PostForm.Get("decision")),
		Note: strings.TrimSpace(r.PostForm.Get("note")), By: strings.TrimSpace(r.PostForm.Get("by")), At: s.now()}
	headline, err := recordVerdict(r.Context(), s.db, v)
	var ue *usageError
	var nf *noFindingError
	switch {
	case errors.As(err, &nf):
		s.failBack(w, http.StatusConflict, "This finding has changed since the page was loaded (its evidence was edited, or an article added or removed), so it has a new id: reload the page and judge it again. Nothing was stored.", back)
		return
	case errors.As(err, &ue):
		code := http.StatusBadRequest
		if strings.HasPrefix(ue.Error(), "no topic") {
			code = http.StatusNotFound
		}
		s.failBack(w, code, ue.Error()+". Nothing was stored.", back)
		return
	case err != nil:
		s.internal(w, r, err)
		return
	}
	fmt.Fprintf(s.log, "crosscheck: %s: %s %s by %q: %s\n", id, pastTense(v.Decision), finding, v.By, headline)
	http.Redirect(w, r, back+"#"+finding, http.StatusSeeOther)
}
