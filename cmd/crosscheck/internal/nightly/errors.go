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

func (e *usageError) Error() string        { return e.err.Error() }
func (e *usageError) Unwrap() error        { return e.err }
func (e *usageError) Is(target error) bool { return target == ErrUsage }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}
