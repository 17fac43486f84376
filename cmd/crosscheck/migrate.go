package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/crosscheck-news/crosscheck/cmd/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/compare/render"
	"github.com/crosscheck-news/crosscheck/store"
)

// migrateOptions are the flags of "crosscheck migrate".
type migrateOptions struct {
	*globals
	From, To string
}

func newMigrateCmd(g *globals) *cobra.Command {
	o := &migrateOptions{globals: g}
	cmd := &cobra.Command{
		Use:   "migrate --to DB",
		Short: "Copy a desk's database to another (SQLite to PostgreSQL, or back) and verify the copy",
		Long: `Copy every topic, article version, fact, change, run and file stamp of one
crosscheck database into another that holds no topic yet, then verify the
copy: the rows of every table are counted in both, and every topic is
compared from both and must give the same result. The source is --from,
or --db when --from is not given; it is only read.

Exit codes: 0 copied and verified, 1 the copy or the check failed (the
destination is left as it was when the copy fails), 2 usage.`,
		Example: `  crosscheck migrate --from crosscheck.db --to postgres://desk@db.example/crosscheck
  CROSSCHECK_DB=desk.db crosscheck migrate --to postgres://localhost/newsroom
  crosscheck migrate --from postgres://localhost/newsroom --to backup.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runMigrate(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.From, "from", "", "database to copy: a SQLite `path` or postgres:// URL (default: --db)")
	cmd.Flags().StringVar(&o.To, "to", "", "database to fill, created if needed: a SQLite `path` or postgres:// URL")
	return cmd
}

func runMigrate(ctx context.Context, o *migrateOptions) error {
	if o.From == "" {
		o.From = o.DBPath
	}
	if o.To == "" {
		return usagef("--to is required: the database to copy into")
	}
	if o.To == o.From {
		return usagef("--to and --from are the same database (%s)", store.Redact(o.To))
	}
	src, err := (&globals{DBPath: o.From}).openExistingDB(ctx)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := pipeline.OpenDB(ctx, o.To)
	if err != nil {
		return err
	}
	defer dst.Close()
	copied, err := src.CopyTo(ctx, dst)
	if store.ErrorCode(err) == store.EINVALID {
		return &usageError{errors.New(store.ErrorMessage(err))}
	}
	if err != nil {
		return err
	}
	before, err := src.Counts(ctx)
	if err != nil {
		return err
	}
	after, err := dst.Counts(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(o.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tSOURCE\tCOPIED\tDESTINATION")
	var tables []string
	for t := range copied {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	var mismatch []string
	for _, t := range tables {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", t, before[t], copied[t], after[t])
		if before[t] != copied[t] || copied[t] != after[t] {
			mismatch = append(mismatch, t)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(mismatch) > 0 {
		return fmt.Errorf("migrate: row counts differ in %v", mismatch)
	}
	topics, err := src.Topics(ctx)
	if err != nil {
		return err
	}
	for _, t := range topics {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := sameComparison(ctx, src, dst, t.ID); err != nil {
			return err
		}
	}
	fmt.Fprintf(o.Stdout, "migrated %s to %s: %d topics, each compared the same in both\n",
		store.Redact(o.From), store.Redact(o.To), len(topics))
	return nil
}

// sameComparison compares a topic from both stores and wants the same
// result, byte for byte in the JSON contract.
func sameComparison(ctx context.Context, a, b *store.DB, topic string) error {
	var outs [2][]byte
	for i, db := range []*store.DB{a, b} {
		res, _, err := compareStored(ctx, db, topic)
		if err != nil {
			return fmt.Errorf("migrate: compare topic %s: %w", topic, err)
		}
		var buf bytes.Buffer
		if err := render.WriteJSON(&buf, res); err != nil {
			return err
		}
		outs[i] = buf.Bytes()
	}
	if !bytes.Equal(outs[0], outs[1]) {
		return fmt.Errorf("migrate: topic %s compares differently in the copy", topic)
	}
	return nil
}
