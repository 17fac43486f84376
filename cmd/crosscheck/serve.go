package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/store"
)

// serveOptions are the flags of "crosscheck serve".
type serveOptions struct {
	*globals
	Addr, By string
}

// defaultServeAddr is loopback only: the pages let anyone who reaches them
// record verdicts, so reaching them from the network is a choice to make
// with --addr.
const defaultServeAddr = "127.0.0.1:8080"

func newServeCmd(g *globals) *cobra.Command {
	o := &serveOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT]",
		Short: "Serve the topics and their reports as pages where the desk gives verdicts",
		Long: `serve shows the database's topics in a browser: the list of topics, and each
topic's report (the same page "crosscheck report" writes) with, on every
finding, a form to confirm it, dismiss it or mark it follow-up, with a note.
The forms are plain HTML and work with JavaScript off; a verdict given there
is stored exactly as "crosscheck verdict" stores it.

It listens on 127.0.0.1:8080 unless --addr says otherwise; --addr
127.0.0.1:0 picks a free port. The first line it prints is the address to
open. Ctrl-C stops it, after the requests in flight are answered.

Every form carries a token the server made; a POST without the right token,
or sent from a page of another site, is refused (403) and stores nothing.
The pages run no script but the report's own and load nothing from
elsewhere.

Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 could not listen (the port is
in use, no permission) or the database failed, 2 usage (a bad --addr, no
database at --db).`,
		Example: `  crosscheck --db desk.db serve
  crosscheck --db desk.db serve --addr 127.0.0.1:8081 --by ann`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runServe(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.Addr, "addr", defaultServeAddr, "`host:port` to listen on (port 0: any free port)")
	cmd.Flags().StringVar(&o.By, "by", defaultJudge(), "the name the forms' \"by\" field starts with (default: $CROSSCHECK_USER or $USER)")
	return cmd
}

// Server timeouts: a slow or stalled client cannot hold a connection.
// WriteTimeout bounds a report page, compared afresh on every request.
const (
	serveReadHeaderTimeout = 5 * time.Second
	serveReadTimeout       = 15 * time.Second
	serveWriteTimeout      = 60 * time.Second
	serveIdleTimeout       = 120 * time.Second
	serveShutdownTimeout   = 10 * time.Second
)

func runServe(ctx context.Context, o *serveOptions) error {
	host, port, err := net.SplitHostPort(o.Addr)
	if err != nil {
		return usagef("--addr %q: want host:port, e.g. 127.0.0.1:8080 (%v)", o.Addr, err)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return usagef("--addr %q: port %q is not a number from 0 to 65535", o.Addr, port)
	}
	db, err := o.openExistingDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", o.Addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("%s is in use; pass --addr %s", o.Addr, nextAddr(host, port))
		}
		return fmt.Errorf("listen on %s: %w", o.Addr, err)
	}
	s, err := newServer(db, ln.Addr().String(), o.By)
	if err != nil {
		ln.Close()
		return err
	}
	s.log = o.Stderr
	srv := &http.Server{
		Handler:           s.routes(),
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    64 << 10,
		// The server's own complaints (a client's broken TLS attempt, a
		// handler's panic) go where the command's errors go.
		ErrorLog: log.New(o.Stderr, "crosscheck: serve: ", 0),
	}
	fmt.Fprintf(o.Stdout, "serving %s at http://%s/ (Ctrl-C stops)\n", store.Redact(o.DBPath), ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	// A fresh context: the command's is already cancelled, and the
	// requests in flight deserve their answers.
	sctx, cancel := context.WithTimeout(context.Background(), serveShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("stop serving on %s: %w", ln.Addr(), err)
	}
	fmt.Fprintln(o.Stderr, "crosscheck: stopped serving")
	return nil
}

// nextAddr suggests the port after a busy one.
func nextAddr(host, port string) string {
	p, err := strconv.Atoi(port)
	if err != nil || p == 0 || p >= 65535 {
		return net.JoinHostPort(host, "0")
	}
	return net.JoinHostPort(host, strconv.Itoa(p+1))
}
