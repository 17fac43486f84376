package render

import (
	"bytes"
	"fmt"
	"io"
)

// Article text is untrusted, and a bidirectional override or isolate
// control in it (U+202A–U+202E, U+2066–U+2069) reorders what follows it on
// screen: "‮02 said‬" reads as "dias 20", and an unclosed one spills into
// the report's own words. A fact-check report must show what the text
// holds, so the human-readable formats print these controls as visible
// marks ("[U+202E]"). Marks that only hint a direction (U+200E, U+200F),
// common in Arabic and Hebrew text, are left alone; JSON keeps the text as
// it is, for programs.

// bidiWriter writes through to w with the reordering controls made
// visible. Each is three bytes in UTF-8 (E2 80 AA–AE, E2 81 A6–A9); a
// sequence split across writes is held back until the next write or
// Close.
type bidiWriter struct {
	w    io.Writer
	held []byte
	err  error
}

func newBidiWriter(w io.Writer) *bidiWriter { return &bidiWriter{w: w} }

// bidiControl reports whether the three bytes at b start a reordering
// control, returning its code point.
func bidiControl(b []byte) (rune, bool) {
	if len(b) < 3 || b[0] != 0xE2 {
		return 0, false
	}
	switch {
	case b[1] == 0x80 && b[2] >= 0xAA && b[2] <= 0xAE:
		return 0x2000 + rune(b[2]-0x80), true
	case b[1] == 0x81 && b[2] >= 0xA6 && b[2] <= 0xA9:
		return 0x2040 + rune(b[2]-0x80), true
	}
	return 0, false
}

func (bw *bidiWriter) Write(p []byte) (int, error) {
	if bw.err != nil {
		return 0, bw.err
	}
	n := len(p)
	if len(bw.held) > 0 {
		p = append(bw.held, p...)
		bw.held = nil
	}
	start := 0
	for i := 0; i < len(p); {
		k := bytes.IndexByte(p[i:], 0xE2)
		if k < 0 {
			break
		}
		i += k
		if len(p)-i < 3 {
			bw.held = append([]byte(nil), p[i:]...)
			p = p[:i]
			break
		}
		if r, ok := bidiControl(p[i:]); ok {
			if _, bw.err = bw.w.Write(p[start:i]); bw.err != nil {
				return 0, bw.err
			}
			if _, bw.err = fmt.Fprintf(bw.w, "[U+%04X]", r); bw.err != nil {
				return 0, bw.err
			}
			i += 3
			start = i
			continue
		}
		i++
	}
	if _, bw.err = bw.w.Write(p[start:]); bw.err != nil {
		return 0, bw.err
	}
	return n, nil
}

// Close writes what a last, incomplete sequence held back.
func (bw *bidiWriter) Close() error {
	if bw.err != nil || len(bw.held) == 0 {
		return bw.err
	}
	_, bw.err = bw.w.Write(bw.held)
	bw.held = nil
	return bw.err
}
