package render

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/compare"
)

// encoderJSON is the document as encoding/json wrote it before WriteJSON
// was written by hand: the reference.
func encoderJSON(t testing.TB, res compare.Result) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// matchEncoder fails when WriteJSON and encoding/json differ.
func matchEncoder(t testing.TB, res compare.Result) {
	t.Helper()
	var got bytes.Buffer
	if err := WriteJSON(&got, res); err != nil {
		t.Fatal(err)
	}
	if want := encoderJSON(t, res); got.String() != want {
		t.Fatalf("WriteJSON differs from encoding/json (-encoder +writer):\n%s",
			cmp.Diff(strings.Split(want, "\n"), strings.Split(got.String(), "\n")))
	}
}

// jsonStrings are strings with everything encoding/json escapes.
var jsonStrings = []string{"", "plain", "\"quoted\" \\ back", "<a href='x'>&amp;</a>",
	"\x00\x01\b\f\n\r\t\x1f\x7f", "é ü \u2028 \u2029 \u202e", "bad \xff\xfe utf8 \xe2\x80", "😀"}

// jsonFloats cover both notations encoding/json picks and its exponent
// clean-up.
var jsonFloats = []float64{0, 0.7, 1, -2.5, 1e-7, 1.5e-9, 1e21, 123456789.125, 0.000001, 1e20}

// fill sets every field of v, recursively, from seed: strings from
// jsonStrings, numbers, both booleans, and slices nil, empty or of two
// elements, so a field the writer forgot, or an omitempty it got wrong,
// shows.
func fill(v reflect.Value, seed *int) {
	*seed++
	n := *seed
	switch v.Kind() {
	case reflect.String:
		v.SetString(jsonStrings[n%len(jsonStrings)])
	case reflect.Int:
		v.SetInt(int64(n%5) * int64(n-7))
	case reflect.Float64:
		v.SetFloat(jsonFloats[n%len(jsonFloats)])
	case reflect.Bool:
		v.SetBool(n%2 == 0)
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), seed)
		}
	case reflect.Slice:
		switch n % 4 {
		case 0:
			v.SetZero()
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			s := reflect.MakeSlice(v.Type(), 2, 2)
			for i := range 2 {
				fill(s.Index(i), seed)
			}
			v.Set(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), seed)
		}
	case reflect.Pointer:
		if n%3 == 0 {
			v.SetZero()
			return
		}
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), seed)
		v.Set(p)
	default:
		panic("fill: unexpected kind " + v.Kind().String())
	}
}

// TestJSONWriterMatchesEncoder holds the hand-written document to
// encoding/json byte for byte: on the seed and ferry stories, and on
// results with every field of every type filled by turns with hostile
// strings, both float notations, nil, empty and full slices.
func TestJSONWriterMatchesEncoder(t *testing.T) {
	for _, dir := range []string{"../../seeds", "../../testdata/ferry"} {
		res, _ := compareDir(t, dir)
		matchEncoder(t, res)
	}
	matchEncoder(t, compare.Result{})
	for seed := range 200 {
		var res compare.Result
		s := seed
		fill(reflect.ValueOf(&res).Elem(), &s)
		matchEncoder(t, res)
	}
}

// TestJSONWriterRefusesNaN: like encoding/json, a confidence JSON cannot
// hold fails the document before a byte of it is written.
func TestJSONWriterRefusesNaN(t *testing.T) {
	res, _ := compareDir(t, "../../seeds")
	res.Facts[len(res.Facts)-1].Confidence = math.NaN()
	var buf bytes.Buffer
	err := WriteJSON(&buf, res)
	if err == nil || !strings.Contains(err.Error(), "unsupported value: NaN") {
		t.Fatalf("WriteJSON = %v, want an unsupported value error", err)
	}
	if _, jerr := json.Marshal(res); jerr == nil {
		t.Fatal("encoding/json accepts NaN; the writer should too")
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written before the error, want none", buf.Len())
	}
}
