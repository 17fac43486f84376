package store

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
)

// Error codes. They let callers react to the kind of failure (tell the user
// their input is wrong, say a topic is missing) without matching on
// messages or importing the database driver.
const (
	// EINVALID means the caller's input was rejected, by validation or by a
	// schema constraint.
	EINVALID = "invalid"
	// ENOTFOUND means the topic, article or run asked for does not exist.
	ENOTFOUND = "not_found"
	// ECONFLICT means the request clashes with the stored state, such as
	// finishing a run twice.
	ECONFLICT = "conflict"
	// EINTERNAL means something failed that the caller could not have
	// prevented: I/O, a corrupt database, a bug.
	EINTERNAL = "internal"
)

// Error is the error type of the store. Code is one of the E* constants;
// Message is a human-readable account of what failed, safe to show to a
// user; Err is the underlying cause, if any, kept for errors.Is/As and logs.
type Error struct {
	Code    string
	Message string
	Err     error
}

// Error returns the message followed by the cause, so logs get both.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause, so errors.Is(err, context.Canceled) and the
// like keep working through a store error.
func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the code of the first *Error in err's chain, "" for a
// nil error and EINTERNAL for an error that carries no code.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, ""
// for a nil error and a generic text for anything else, so that internals
// of foreign errors are not shown to users by accident.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// errorf returns a new coded error without a cause.
func errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// wrap adds context to err. An error that already carries a code keeps it;
// anything else becomes an *Error whose code is derived from the cause, so
// schema constraint failures reach callers as EINVALID or ECONFLICT rather
// than as opaque driver errors.
func wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	msg := fmt.Sprintf(format, args...)
	var e *Error
	if errors.As(err, &e) {
		return fmt.Errorf("%s: %w", msg, err)
	}
	return &Error{Code: driverCode(err), Message: msg, Err: withHint(err)}
}

// withHint adds to a driver error what the user can do about it, for the
// failures that come from outside the program: a lock held by another
// program, a file that cannot be written, a full disk. The driver's own
// words ("disk I/O error: file too large") do not say that a rerun
// finishes the work.
func withHint(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	var hint string
	switch {
	case se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked:
		hint = "another program holds the database's lock; rerun when it is done"
	case se.Code == sqlite3.ErrReadonly:
		hint = "the database file or its folder cannot be written"
	case se.Code == sqlite3.ErrFull || errors.Is(se.SystemErrno, syscall.EFBIG) || errors.Is(se.SystemErrno, syscall.ENOSPC):
		hint = "the disk is full or a file size limit was reached; nothing was half-written, free space and rerun"
	default:
		return err
	}
	return fmt.Errorf("%w (%s)", err, hint)
}

// driverCode maps a driver error to an error code.
func driverCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return postgresCode(pe.Code)
	}
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrConstraint {
		return EINTERNAL
	}
	switch se.ExtendedCode {
	case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
		return ECONFLICT
	default:
		// CHECK, NOT NULL and FOREIGN KEY failures all mean the input
		// described something the schema does not allow.
		return EINVALID
	}
}

// postgresCode maps a PostgreSQL SQLSTATE to an error code, as driverCode
// does SQLite's: a unique violation is a conflict, any other integrity
// constraint (class 23) or bad data (class 22, such as text that is not
// UTF-8) is invalid input.
func postgresCode(state string) string {
	switch {
	case state == "23505":
		return ECONFLICT
	case strings.HasPrefix(state, "23"), strings.HasPrefix(state, "22"):
		return EINVALID
	default:
		return EINTERNAL
	}
}
