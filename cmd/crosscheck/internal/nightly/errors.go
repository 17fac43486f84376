package nightly

import (
	"errors"
	"fmt"
)

// ErrPartial marks a run that finished but skipped input files it could
// not read, each already named in the log or on stderr: the commands'
// exit code 3.
var ErrPartial = errors.New("some input files were skipped")

// ErrUsage marks an error in what the caller asked for, found only once
// the run looks at its folders (an inbox that is a topic folder, a bench
// folder that is not bench's): the commands report it as a usage error,
// exit code 2. The error's text is the whole message.
var ErrUsage = errors.New("usage error")

// usageError is an ErrUsage with its message.
type usageError struct{ err error }

// Error is the message alone, as the command prints it.
func (e *usageError) Error() string { return e.err.Error() }

// Unwrap gives the error the message was made from.
func (e *usageError) Unwrap() error { return e.err }

// Is makes errors.Is(err, ErrUsage) true, however err is wrapped.
func (e *usageError) Is(target error) bool { return target == ErrUsage }

// usagef is an ErrUsage with a formatted message.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}
