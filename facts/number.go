package facts

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// This file finds three kinds of general facts by scanning tokens with map
// look-ups (no regular expressions, no allocation per token):
//
//   - numbers: "at least 30 people", "about 200 migrants", "$5m", "80
//     percent", "hundreds of migrants"; slot "number:<noun>", the noun the
//     number counts, lemmatised ("migrant", "person" stays "people", "usd",
//     "percent", "mile");
//   - durations: "14-year civil war", "more than a decade", "for 48 hours";
//     slot "duration:<noun>", the noun the duration modifies ("war") or
//     else its unit ("month"); the value is a Range of days;
//   - counts of occurrences: "his third official visit", "visited twice";
//     slot "count:<noun>".
//
// Values of numbers and durations are Ranges. The conventions:
//
//   - "about", "around", "roughly", "some", "approximately", "an estimated":
//     v ± 10%, widened to whole units for counts (about 25 → 22..28);
//   - "nearly", "almost", "close to": 0.9v..v, and 0.9v..(v-1) for counts
//     of whole things ("almost four dozen crates" 43..47);
//   - "more than", "over", "above": (v+1).. for counts of whole things and
//     whole days, v.. for measures, money and percentages;
//   - "at least": v..; "up to", "at most", "as many as": ..v;
//   - "less than", "fewer than", "under", "below": ..(v-1) for counts,
//     ..v for measures;
//   - "between a and b", "a-b", "a to b", "a or b": a..b;
//   - vague amounts: "a dozen" 12, "dozens" 24..99, "scores of" 40..99,
//     "hundreds" 200..999, "thousands" 2000..9999, "millions"
//     2e6..999999999, "tens of thousands" 20000..99999, "hundreds of
//     thousands" 200000..999999; "several" N is 3N..9N ("several hundred"
//     300..900) and "a few" N is 2N..5N ("a few hundred" 200..500);
//   - money is in units of its currency ("$5m" 5000000), the currency is
//     the noun ("usd", "eur", "gbp");
//   - fractions are percentages: "three quarters of" 75, "two thirds of"
//     66.7, "half of" 50, "one in five" 20;
//   - "only", "just", "exactly" leave the amount as it is;
//   - durations are in days (minute 1/1440, hour 1/24, week 7, month 30,
//     year 365, decade 3650, century 36500; "a few" 2..5 units, "several"
//     3..9); "more than" and "less than" step by a day, or by one unit
//     for hours and minutes ("less than 48 hours" ..1.9583, 47 hours), and
//     "over two weeks" is read as "during", not "more than".
//
// A bare "one" is a count only after a qualifier ("at least one soldier"):
// alone it is mostly a pronoun ("one of the", "one way").

// qtyQual is how a qualifier bends the amount after it.
type qtyQual uint8

const (
	qualNone    qtyQual = iota
	qualAbout           // about, around, roughly: ±10%
	qualNearly          // nearly, almost: 0.9v..v
	qualMore            // more than, over: (v+step)..
	qualAtLeast         // at least: v..
	qualLess            // less than, under: ..(v-step)
	qualUpTo            // up to, at most: ..v
	qualBetween         // between a and b
	qualExact           // only, just, exactly: the amount itself
)

type qtyQualEntry struct {
	rest []string
	q    qtyQual
}

// qtyQualifiers maps the first folded word of a qualifier to the
// qualifiers starting with it, longest first.
var qtyQualifiers = func() map[string][]qtyQualEntry {
	src := map[qtyQual][]string{
		qualAbout: {"about", "around", "roughly", "approximately", "some",
			"circa", "approx", "estimated", "an estimated"},
		qualNearly: {"nearly", "almost", "close to", "just shy of", "just under"},
		qualMore: {"more than", "over", "above", "upwards of", "in excess of",
			"just over", "well over", "longer than", "greater than"},
		qualAtLeast: {"at least", "a minimum of", "no fewer than", "no less than",
			"not less than", "not fewer than"},
		qualLess: {"less than", "fewer than", "under", "below", "shorter than",
			"well under", "well below"},
		qualUpTo: {"up to", "at most", "as many as", "no more than",
			"not more than", "a maximum of", "as much as"},
		qualBetween: {"between"},
		qualExact:   {"only", "just", "exactly", "precisely"},
	}
	m := map[string][]qtyQualEntry{}
	for q, phrases := range src {
		for _, phrase := range phrases {
			words := strings.Fields(phrase)
			m[words[0]] = append(m[words[0]], qtyQualEntry{rest: words[1:], q: q})
		}
	}
	for _, es := range m {
		sort.Slice(es, func(i, j int) bool {
			if len(es[i].rest) != len(es[j].rest) {
				return len(es[i].rest) > len(es[j].rest)
			}
			return strings.Join(es[i].rest, " ") < strings.Join(es[j].rest, " ")
		})
	}
	return m
}()

// qtyQualifierAt matches a qualifier starting at toks[i] and returns it
// with the index of the token after it.
func qtyQualifierAt(toks []Token, i int) (qtyQual, int) {
	es, ok := sieveGet(qtyQualifiersSieve, qtyQualifiers, toks[i].Fold)
	if !ok {
		return qualNone, i
	}
	for _, e := range es {
		if i+len(e.rest) >= len(toks) {
			continue
		}
		match := true
		for k, w := range e.rest {
			if toks[i+1+k].Fold != w {
				match = false
				break
			}
		}
		if match {
			return e.q, i + 1 + len(e.rest)
		}
	}
	return qualNone, i
}

// qtyApply bends r by the qualifier q. step is the smallest unit of a
// count (1 for people, 1 for whole days, 1/24 for hours); 0 for measures.
func qtyApply(q qtyQual, r Range, step float64) Range {
	inf := math.Inf(1)
	switch q {
	case qualAbout:
		lo, hi := r.Lo*0.9, r.Hi*1.1
		if step > 0 {
			lo = math.Floor(lo/step+1e-9) * step
			hi = math.Ceil(hi/step-1e-9) * step
		}
		return Range{qtyTidy(lo), qtyTidy(hi)}
	case qualNearly:
		lo := r.Lo * 0.9
		if step > 0 {
			lo = math.Floor(lo/step+1e-9) * step
		}
		return Range{qtyTidy(lo), r.Hi}
	case qualMore:
		return Range{qtyTidy(r.Lo + step), inf}
	case qualAtLeast:
		return Range{r.Lo, inf}
	case qualLess:
		return Range{-inf, qtyTidy(r.Hi - step)}
	case qualUpTo:
		return Range{-inf, r.Hi}
	}
	return r
}

// qtyTidy rounds away float noise (0.9*150 is not quite 135).
func qtyTidy(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	p := math.Pow(10, 9-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// Number vocabulary.
var (
	qtyTens = map[string]int{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
		"seventy": 70, "eighty": 80, "ninety": 90,
	}
	// qtyScales multiply the number before them: "two hundred", "5 million".
	qtyScales = map[string]float64{
		"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
		"trillion": 1e12, "dozen": 12, "mn": 1e6, "mln": 1e6, "bn": 1e9,
		"bln": 1e9, "tn": 1e12, "trn": 1e12,
	}
	// qtyScaleSuffixes are glued to digits: "$5m", "€3bn", "$50k".
	qtyScaleSuffixes = map[string]float64{
		"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9,
		"bln": 1e9, "tn": 1e12, "trn": 1e12,
	}
	// qtyVague are plural scale words standing alone: "hundreds of
	// migrants". tens needs "of thousands"; scores needs "of".
	qtyVague = map[string]Range{
		"dozens": {24, 99}, "scores": {40, 99}, "hundreds": {200, 999},
		"thousands": {2000, 9999}, "millions": {2e6, 999999999},
		"billions": {2e9, 999999999999}, "tens": {20, 99},
	}
	// qtyVagueOf scale a vague word: "hundreds of thousands".
	qtyVagueOf = map[string]float64{"thousands": 1e3, "millions": 1e6, "billions": 1e9}
	// qtyFractions are denominators: "three quarters", "a third".
	qtyFractions = map[string]float64{
		"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
		"quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
	}
	qtyCurrencySymbols = map[string]string{
		"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₹": "inr", "₽": "rub",
	}
	// qtyDollarPrefixes are glued to "$": "US$5m", "A$3bn".
	qtyDollarPrefixes = map[string]string{
		"us": "usd", "a": "aud", "au": "aud", "c": "cad", "ca": "cad",
		"hk": "hkd", "nz": "nzd", "s": "sgd",
	}
	qtyCurrencyCodes = map[string]string{
		"usd": "usd", "eur": "eur", "gbp": "gbp", "jpy": "jpy", "cny": "cny",
		"inr": "inr", "rub": "rub", "chf": "chf",
	}
	// qtyCurrencyWords follow the amount: "5 million euros".
	qtyCurrencyWords = map[string]string{
		"dollar": "usd", "dollars": "usd", "euro": "eur", "euros": "eur",
		"yen": "jpy", "yuan": "cny", "renminbi": "cny", "rupee": "inr",
		"rupees": "inr", "rouble": "rub", "roubles": "rub", "ruble": "rub",
		"rubles": "rub", "sterling": "gbp", "usd": "usd", "eur": "eur",
		"gbp": "gbp",
	}
	// qtyUnits are measures: the unit is the noun, singular or plural.
	qtyUnits = map[string]string{
		"percent": "percent", "%": "percent", "pct": "percent",
		"mile": "mile", "miles": "mile", "mi": "mile",
		"km": "km", "kms": "km", "kilometre": "km", "kilometres": "km",
		"kilometer": "km", "kilometers": "km",
		"metre": "metre", "metres": "metre", "meter": "metre", "meters": "metre",
		"foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch", "inches": "inch",
		"yard": "yard", "yards": "yard", "acre": "acre", "acres": "acre",
		"hectare": "hectare", "hectares": "hectare",
		"ton": "tonne", "tons": "tonne", "tonne": "tonne", "tonnes": "tonne",
		"kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
		"gram": "gram", "grams": "gram", "pound": "pound", "pounds": "pound",
		"lb": "pound", "lbs": "pound", "litre": "litre", "litres": "litre",
		"liter": "litre", "liters": "litre", "gallon": "gallon", "gallons": "gallon",
		"barrel": "barrel", "barrels": "barrel", "degree": "degree", "degrees": "degree",
		"mph": "mph", "kph": "kph", "megawatt": "megawatt", "megawatts": "megawatt",
		"mw": "megawatt", "gigawatt": "gigawatt", "gigawatts": "gigawatt",
		"gw": "gigawatt", "kwh": "kwh", "cm": "cm", "mm": "mm",
	}
	// qtyLabelWords before a number make it a name or a position: "page 3",
	// "Route 66", "Category 5".
	qtyLabelWords = map[string]bool{
		"page": true, "pages": true, "section": true, "article": true,
		"chapter": true, "no": true, "nos": true, "number": true, "room": true,
		"route": true, "highway": true, "interstate": true, "flight": true,
		"paragraph": true, "clause": true, "item": true, "exhibit": true,
		"bill": true, "proposition": true, "resolution": true, "amendment": true,
		"gate": true, "platform": true, "terminal": true, "line": true,
		"level": true, "category": true, "grade": true, "stage": true,
		"phase": true, "game": true, "act": true, "vol": true, "volume": true,
		"episode": true, "part": true, "district": true, "precinct": true,
		"ward": true, "floor": true, "unit": true, "apartment": true,
		"suite": true, "pier": true, "seat": true, "channel": true,
		"code": true, "version": true, "model": true, "top": true,
		"week": true, "day": true, "round": true, "lane": true, "box": true,
		"p": true, "pp": true, "sec": true, "art": true, "tel": true,
		"phone": true, "fax": true, "ext": true, "id": true,
	}
	// qtyClockWords after a number make it a clock time.
	qtyClockWords = map[string]bool{
		"a.m": true, "p.m": true, "am": true, "pm": true, "gmt": true,
		"utc": true, "eat": true, "cat": true, "wat": true, "est": true,
		"edt": true, "cst": true, "cdt": true, "pst": true, "pdt": true,
		"mst": true, "mdt": true, "bst": true, "cet": true, "cest": true,
		"ist": true, "jst": true, "msk": true, "aest": true, "hkt": true,
		"o'clock": true, "hrs": true, "hours": false,
	}
)

// qtyWordValue reads a cardinal word: "two", "forty", "twenty-five".
func qtyWordValue(f string) (float64, bool) {
	if !numberWordStarts.may(f) {
		return 0, false
	}
	if n, ok := cardinals[f]; ok {
		return float64(n), true
	}
	if n, ok := qtyTens[f]; ok {
		return float64(n), true
	}
	if a, b, ok := strings.Cut(f, "-"); ok {
		if t, ok := qtyTens[a]; ok {
			if u, ok := cardinals[b]; ok && u < 10 {
				return float64(t + u), true
			}
		}
	}
	return 0, false
}

// currencySymbolAt is qtyCurrencySymbols[toks[j].Fold] for a mark.
func currencySymbolAt(toks []Token, j int) (string, bool) {
	if toks[j].Kind != Punct {
		return "", false
	}
	c, ok := qtyCurrencySymbols[toks[j].Fold]
	return c, ok
}

// dollarPrefixAt is qtyDollarPrefixes[toks[j].Fold] for a word glued to
// the "$" after it ("US$5m").
func dollarPrefixAt(toks []Token, j int) (string, bool) {
	if j+1 >= len(toks) || toks[j+1].Fold != "$" || toks[j].Span.End != toks[j+1].Span.Start {
		return "", false
	}
	c, ok := qtyDollarPrefixes[toks[j].Fold]
	return c, ok
}

// numberWordStarts holds the first three letters of every key of
// cardinals and qtyTens: a word (or the first part of a compound) that
// starts otherwise is none of them. Most words asked of qtyWordValue are
// not number words, and it missed in two maps for each.
var numberWordStarts = func() (p prefix3Set) {
	for _, tab := range []map[string]int{cardinals, qtyTens} {
		for w := range tab {
			p.add(w)
		}
	}
	return p
}()

// qtyDigits parses the number at the start of a folded token ("1,200",
// "3.5", "150") and returns it with the rest of the token and the count
// of digits.
func qtyDigits(f string) (v float64, rest string, digits int, ok bool) {
	i, commas, dots, group := 0, 0, 0, 0
	for i < len(f) {
		c := f[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			group++
		case c == ',' && dots == 0 && i+1 < len(f) && f[i+1] >= '0' && f[i+1] <= '9':
			if (commas == 0 && group > 3) || (commas > 0 && group != 3) {
				return 0, "", 0, false
			}
			commas++
			group = 0
		case c == '.' && dots == 0 && i+1 < len(f) && f[i+1] >= '0' && f[i+1] <= '9':
			if commas > 0 && group != 3 {
				return 0, "", 0, false
			}
			dots++
			group = -100 // digits after the dot are not a comma group
		default:
			goto done
		}
		i++
	}
done:
	if digits == 0 || (commas > 0 && dots == 0 && group != 3) {
		return 0, "", 0, false
	}
	num := f[:i]
	if commas > 0 {
		num = strings.ReplaceAll(num, ",", "")
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, "", 0, false
	}
	return v, f[i:], digits, true
}

func qtyFold(toks []Token, k int) string {
	if k < 0 || k >= len(toks) {
		return ""
	}
	return toks[k].Fold
}

func qtyIsLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z') && c != '-' {
			return false
		}
	}
	return s[0] != '-' && s[len(s)-1] != '-'
}

// qtyAmount is a parsed amount: the number, its scale, currency or unit.
type qtyAmount struct {
	r      Range
	first  int     // first token (a currency symbol included)
	num    int     // the first number token
	last   int     // last token (scale, unit, currency word included)
	noun   string  // noun the amount fixes: a currency, "percent", a unit
	suffix string  // the word after a hyphen: "mile" in "100-mile"
	scale  float64 // the scale applied ("million"), 0 if none
	bare   bool    // a bare "one": needs a qualifier to be a number
	token4 bool    // a plain four-digit token, like a year
	digits int     // digits in the number token
}

// qtyParseAmount reads an amount starting at toks[j].
func qtyParseAmount(toks []Token, j int) (qtyAmount, bool) {
	n := len(toks)
	a := qtyAmount{first: j}
	if j >= n {
		return a, false
	}
	cur := ""
	// A number (most amounts) is no currency: no key of the three tables
	// starts with a digit (TestCurrencyKeysAreNoNumbers), and three
	// look-ups missed for every number of the text.
	// The cheap tests first: a symbol is punctuation, a dollar prefix
	// is glued to a "$", and a code passes its sieve ("a", which starts
	// many amounts, is a dollar prefix too).
	if toks[j].Kind != Number {
		if c, ok := currencySymbolAt(toks, j); ok {
			cur = c
			j++
		} else if c, ok := dollarPrefixAt(toks, j); ok {
			cur = c
			j += 2
		} else if c, ok := sieveGet(qtyCurrencyCodesSieve, qtyCurrencyCodes, toks[j].Fold); ok {
			cur = c
			j++
		}
	}
	if cur != "" && (j >= n || toks[j].Kind != Number) {
		return a, false
	}
	if j >= n {
		return a, false
	}
	a.num, a.last = j, j
	t := toks[j]
	f := t.Fold
	switch {
	case t.Kind == Number:
		v, rest, digits, ok := qtyDigits(f)
		if !ok {
			return a, false
		}
		a.r, a.digits = Exact(v), digits
		a.token4 = len(f) == 4 && rest == "" && digits == 4
		if rest != "" && rest[0] == '-' {
			rest = rest[1:]
			if w, r2, _, ok := qtyDigits(rest); ok {
				if r2 != "" || w <= v {
					return a, false // "3-1", a score; "737-800s"
				}
				a.r = Range{v, w}
			} else if qtyIsLetters(rest) {
				a.suffix = rest
			} else {
				return a, false
			}
		} else if rest != "" {
			if s, ok := qtyScaleSuffixes[rest]; ok {
				a.r, a.scale = Exact(qtyTidy(v*s)), s
			} else if u, ok := qtyUnits[rest]; ok && cur == "" {
				a.noun = u
			} else {
				return a, false // "2nd", "1990s", "10am"
			}
		}
		if frac, last, ok := qtyFractionAt(toks, j, v); ok {
			a.r, a.last, a.noun = frac, last, "percent"
			return a, true
		}
	case cur != "":
		return a, false
	default:
		if r, noun, last, scale, ok := qtyFractionOfMeasure(toks, j); ok {
			// "half a million people", "three quarters of a mile"
			a.r, a.noun, a.last, a.scale = r, noun, last, scale
			break
		}
		if r, last, ok := qtyFractionAt(toks, j, 0); ok {
			a.r, a.last, a.noun = r, last, "percent"
			return a, true
		}
		if r, ok := sieveGet(qtyVagueSieve, qtyVague, f); ok {
			if m := qtyVagueOf[qtyFold(toks, j+2)]; m > 0 && qtyFold(toks, j+1) == "of" && f != "scores" {
				r = Range{r.Lo * m, (r.Hi+1)*m - 1}
				a.last = j + 2
			} else if f == "tens" || (f == "scores" && qtyFold(toks, j+1) != "of") {
				return a, false
			}
			a.r = r
			return a, true
		}
		scaleNeeded := false
		switch {
		case f == "a" || f == "an":
			switch {
			case qtyScales[qtyFold(toks, j+1)] > 0:
				a.r = Exact(1)
			case qtyFold(toks, j+1) == "few" && qtyScales[qtyFold(toks, j+2)] > 0:
				a.r = Range{2, 5}
				a.last = j + 1
			case qtyFold(toks, j+1) == "couple" && qtyFold(toks, j+2) == "of" && qtyScales[qtyFold(toks, j+3)] > 0:
				a.r = Exact(2) // "a couple of dozen", "a couple of hundred"
				a.last = j + 2
			default:
				return a, false
			}
			scaleNeeded = true
		case f == "several":
			a.r = Range{3, 9}
			scaleNeeded = true
		case f == "half" && qtyFold(toks, j+1) == "a" && qtyFold(toks, j+2) == "dozen":
			a.r, a.last, a.scale = Exact(6), j+2, 12
			return a, true
		default:
			v, ok := qtyWordValue(f)
			if !ok {
				return a, false
			}
			a.r = Exact(v)
			a.bare = v == 1
		}
		k := a.last + 1
		if s := qtyScales[qtyFold(toks, k)]; s > 0 {
			a.bare = false
		} else if scaleNeeded {
			return a, false
		}
	}
	// Scale words: "two hundred", "5 million", "1.2 billion".
	for k := a.last + 1; k < n; k++ {
		s := qtyScales[toks[k].Fold]
		if s == 0 || (s == 12 && a.scale != 0) || a.suffix != "" || a.scale > s {
			break
		}
		a.r = Range{qtyTidy(a.r.Lo * s), qtyTidy(a.r.Hi * s)}
		if a.scale == 0 {
			a.scale = s
		} else {
			a.scale *= s
		}
		a.last = k
		a.token4 = false
	}
	// Percent, currency or unit after the number.
	if a.noun == "" && a.suffix == "" {
		k := a.last + 1
		switch f := qtyFold(toks, k); {
		case f == "%" || f == "percent" || f == "pct":
			a.noun, a.last = "percent", k
		case f == "per" && qtyFold(toks, k+1) == "cent":
			a.noun, a.last = "percent", k+1
		case f == "percentage" && (qtyFold(toks, k+1) == "point" || qtyFold(toks, k+1) == "points"):
			a.noun, a.last = "percentage point", k+1
		case cur == "" && (f == "pound" || f == "pounds") && qtyFold(toks, k+1) == "sterling":
			cur, a.last = "gbp", k+1
		case cur == "" && qtyCurrencyWords[f] != "":
			cur, a.last = qtyCurrencyWords[f], k
		case cur == "" && (f == "square" || f == "sq") && qtyUnits[qtyFold(toks, k+1)] != "":
			a.noun, a.last = "square "+qtyUnits[qtyFold(toks, k+1)], k+1
		case cur == "" && qtyUnits[f] != "" && toks[k].Kind == Word:
			a.noun, a.last = qtyUnits[f], k
		}
	}
	if cur != "" {
		a.noun = cur
		a.token4 = false
	}
	return a, true
}

// qtyFractionAt reads a fraction of a group as a percentage: "three
// quarters of", "two-thirds of", "a third of", "half of", "one in five".
// v is the value of a digit token at j, 0 for a word.
func qtyFractionAt(toks []Token, j int, v float64) (Range, int, bool) {
	f := toks[j].Fold
	num, den, last, ok := qtyFractionParts(toks, j, v)
	if !ok {
		return Range{}, 0, false
	}
	// A fraction of a group: "of the migrants", "half the people"; not
	// "a quarter of an hour", "half a century".
	k := last + 1
	next := qtyFold(toks, k)
	switch {
	case next == "of":
		k++
	case f == "half" && (next == "the" || next == "their" || next == "its"):
	case qtyFold(toks, j+1) == "in":
	case num > 1 && last > j && strings.HasSuffix(toks[last].Fold, "s") && !qtyFractionStops[qtyFold(toks, j-1)] && ordinals[qtyFold(toks, j-1)] == 0:
		// "more than three quarters pass", not "the first three quarters"
	default:
		return Range{}, 0, false
	}
	for k < len(toks) && (toks[k].Fold == "a" || toks[k].Fold == "an" || toks[k].Fold == "the") {
		k++
	}
	if _, ok := sieveGet(durUnitsSieve, durUnits, qtyFold(toks, k)); ok {
		return Range{}, 0, false
	}
	return Exact(math.Round(num/den*1000) / 10), last, true
}

// qtyFractionOfMeasure reads a fraction of one unit or of one scale:
// "three quarters of a mile" (0.75 mile), "half a mile", "half a million"
// (500000), "a quarter of a billion". It returns the amount, the unit
// (empty for a scale, whose noun comes after it), the last token and the
// scale.
func qtyFractionOfMeasure(toks []Token, j int) (r Range, noun string, last int, scale float64, ok bool) {
	num, den, last, ok := qtyFractionParts(toks, j, 0)
	if !ok || qtyFold(toks, j+1) == "in" {
		return Range{}, "", 0, 0, false
	}
	k := last + 1
	switch qtyFold(toks, k) {
	case "of":
		k++
	case "a", "an":
		if toks[j].Fold != "half" {
			return Range{}, "", 0, 0, false // "three quarters a mile"
		}
	default:
		return Range{}, "", 0, 0, false
	}
	if f := qtyFold(toks, k); f != "a" && f != "an" {
		return Range{}, "", 0, 0, false
	}
	k++
	f := qtyFold(toks, k)
	if s := qtyScales[f]; s > 0 && s != 12 {
		return Exact(qtyTidy(num / den * s)), "", k, s, true
	}
	if u := qtyUnits[f]; u != "" && u != "percent" && toks[k].Kind == Word {
		return Exact(math.Round(num/den*1000) / 1000), u, k, 0, true
	}
	return Range{}, "", 0, 0, false
}

// qtyFractionParts reads the numerator and denominator of a fraction at
// toks[j]: "three quarters", "two-thirds", "a third", "half", "one in
// five". v is the value of a digit token at j, 0 for a word.
func qtyFractionParts(toks []Token, j int, v float64) (num, den float64, last int, ok bool) {
	f := toks[j].Fold
	last = j
	if toks[j].Kind == Number {
		num = v
	} else if a, b, ok := strings.Cut(f, "-"); ok && sieveVal(qtyFractionsSieve, qtyFractions, b) > 0 {
		// "two-thirds", "three-quarters"
		if x, ok := qtyWordValue(a); ok {
			num, den = x, sieveVal(qtyFractionsSieve, qtyFractions, b)
		} else if a == "one" {
			num, den = 1, sieveVal(qtyFractionsSieve, qtyFractions, b)
		}
	} else if f == "half" {
		p := qtyFold(toks, j-1)
		if ordinals[p] > 0 || p == "and" || p == "a" || p == "one" || p == "the" {
			return 0, 0, 0, false
		}
		num, den = 1, 2
	} else if f == "a" || f == "an" {
		num = 1
	} else if x, ok := qtyWordValue(f); ok {
		num = x
	}
	if num == 0 || num != math.Trunc(num) {
		return 0, 0, 0, false
	}
	if den == 0 {
		next := qtyFold(toks, j+1)
		switch {
		case sieveVal(qtyFractionsSieve, qtyFractions, next) > 0 && next != "half" && next != "halves":
			// "a third" but not "a thirds"; "two thirds" but not "two third"
			plural := strings.HasSuffix(next, "s")
			if (num == 1) == plural {
				return 0, 0, 0, false
			}
			den, last = sieveVal(qtyFractionsSieve, qtyFractions, next), j+1
		case next == "in":
			m := qtyFold(toks, j+2)
			if x, ok := qtyWordValue(m); ok {
				den = x
			} else if x, rest, _, ok := qtyDigits(m); ok && rest == "" && toks[j+2].Kind == Number {
				den = x
			}
			if den <= num || den > 100 {
				return 0, 0, 0, false
			}
			last = j + 2
		default:
			return 0, 0, 0, false
		}
	}
	if num >= den {
		return 0, 0, 0, false
	}
	return num, den, last, true
}

// qtyFractionStops before "three quarters" make it parts of a period or
// a game: "the first three quarters", "the last two thirds".
var qtyFractionStops = map[string]bool{
	"the": true, "first": true, "last": true, "past": true, "next": true,
	"previous": true, "final": true, "its": true, "their": true, "his": true, "her": true,
}

// qtyStop are function words: they end the phrase that holds a number's
// noun.
var qtyStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an this that these those their his her its our
		your my them they he she it we you i us who whom whose which what where when why how
		of in on at from to for with by into onto across through over under after before
		during since near between among amid per than as like via without within including
		toward towards against about around along beside behind beyond upon until till
		and or but nor so yet if whether while because although though unless once
		is are was were be been being has have had do does did will would can could may
		might must shall should 'll 're 've 'd not n't no never also still now already then
		there here ago later earlier each apiece more less fewer too very just only even
		all both either neither any some many much most several few other another such own
		same old aged else instead`) {
		m[w] = true
	}
	return m
}()

// qtyIrregular maps irregular and invariant plurals to their lemma.
var qtyIrregular = map[string]string{
	"people": "people", "persons": "person", "children": "child", "men": "man",
	"women": "woman", "feet": "foot", "teeth": "tooth", "mice": "mouse",
	"geese": "goose", "lives": "life", "wives": "wife", "knives": "knife",
	"halves": "half", "thieves": "thief", "leaves": "leaf", "wolves": "wolf",
	"shelves": "shelf", "crises": "crisis", "analyses": "analysis",
	"theses": "thesis", "diagnoses": "diagnosis", "criteria": "criterion",
	"phenomena": "phenomenon", "data": "data", "media": "media",
	"police": "police", "staff": "staff", "personnel": "personnel",
	"cattle": "cattle", "livestock": "livestock", "aircraft": "aircraft",
	"spacecraft": "spacecraft", "sheep": "sheep", "fish": "fish", "deer": "deer",
	"series": "series", "species": "species", "news": "news",
	"headquarters": "headquarters", "heroes": "hero", "potatoes": "potato",
	"tomatoes": "tomato", "vetoes": "veto", "echoes": "echo",
	"torpedoes": "torpedo", "buses": "bus", "troops": "troop",
	"militia": "militia", "clergy": "clergy", "youths": "youth",
}

// qtyNotPlural end in -s without being plural nouns.
var qtyNotPlural = map[string]bool{
	"always": true, "perhaps": true, "sometimes": true, "besides": true,
	"afterwards": true, "nowadays": true, "whereas": true, "thus": true,
	"includes": true, "says": true, "seems": true, "appears": true,
	"stands": true, "goes": true, "makes": true, "gets": true, "takes": true,
	"gives": true, "becomes": true, "continues": true, "believes": true,
	"wants": true, "expects": true, "tells": true, "suggests": true,
	"indicates": true, "represents": true, "remains": true, "rises": true,
	"falls": true, "comes": true, "hers": true, "ours": true, "yours": true,
	"theirs": true, "various": true, "numerous": true, "previous": true,
	"serious": true, "famous": true, "dangerous": true, "overseas": true,
	"begins": true, "ends": true, "starts": true, "expires": true, "runs": true,
	"follows": true, "opens": true, "closes": true, "resumes": true, "lasts": true,
	"alas": true, "gas": true, "bus": true, "plus": true, "minus": true,
	"chaos": true, "lens": true, "ethos": true, "yes": true, "whilst": true,
}

// qtyManSingulars end in -men without being plural.
var qtyManSingulars = map[string]bool{
	"specimen": true, "regimen": true, "abdomen": true, "omen": true, "stamen": true,
}

// qtyPlural reports whether a folded word looks like a plural noun.
func qtyPlural(f string) bool {
	if _, ok := qtyIrregular[f]; ok {
		return true
	}
	n := len(f)
	if n > 4 && strings.HasSuffix(f, "men") && !qtyManSingulars[f] {
		return true // gunmen, policemen, servicemen
	}
	if n < 3 || f[n-1] != 's' || qtyNotPlural[f] || strings.IndexByte(f, '.') >= 0 {
		return false
	}
	switch c := f[n-2]; {
	case c < 'a' || c > 'z':
		return false // "u.s"
	case c == 's' || c == 'u' || c == 'i':
		return false // "glass", "campus", "crisis"
	}
	return !strings.HasSuffix(f, "ous")
}

// qtyHyphenPrefixes stay on a hyphenated noun: "non-profits", "ex-soldiers"
// keep their first part; "asylum-seekers" lemmatises as its head, "seeker",
// like "asylum seekers".
var qtyHyphenPrefixes = map[string]bool{
	"non": true, "co": true, "ex": true, "re": true, "anti": true, "pre": true,
	"post": true, "self": true, "sub": true, "multi": true, "pro": true,
	"semi": true, "by": true, "mid": true, "vice": true, "step": true,
	"great": true, "half": true,
}

// qtyLemma returns the singular, folded form of a noun: "migrants" →
// "migrant", "children" → "child", "countries" → "country"; "people" stays.
func qtyLemma(f string) string {
	if i := strings.LastIndexByte(f, '-'); i > 0 && i < len(f)-1 {
		if !qtyHyphenPrefixes[f[:strings.IndexByte(f, '-')]] {
			f = f[i+1:]
		}
	}
	if l, ok := qtyIrregular[f]; ok {
		return l
	}
	n := len(f)
	if n > 4 && strings.HasSuffix(f, "men") && !qtyManSingulars[f] {
		return f[:n-3] + "man"
	}
	if !qtyPlural(f) {
		return f
	}
	switch {
	case strings.HasSuffix(f, "ies") && n > 4:
		return f[:n-3] + "y"
	case strings.HasSuffix(f, "sses"), strings.HasSuffix(f, "shes"),
		strings.HasSuffix(f, "ches"), strings.HasSuffix(f, "xes"),
		strings.HasSuffix(f, "zzes"):
		return f[:n-2]
	case strings.HasSuffix(f, "uses") && n > 5 && !isVowel(f[n-5]) && !qtyUseVerbs[f]:
		return f[:n-2] // viruses, bonuses, campuses
	}
	return f[:n-1]
}

var qtyUseVerbs = map[string]bool{"abuses": true, "excuses": true, "refuses": true, "accuses": true, "fuses": true, "muses": true}

// qtyHead finds the head noun a number counts in the words from toks[k]:
// "Central American migrants", "of the convoy's members", "immigrant
// rights activists". With singular, a number one's singular noun counts
// too ("at least one soldier").
func qtyHead(toks []Token, k int, singular bool) (int, bool) {
	n := len(toks)
	if qtyFold(toks, k) == "of" {
		k++
		for k < n && (sieveHas(determinersSieve, determiners, toks[k].Fold) || toks[k].Fold == "these" || toks[k].Fold == "those") {
			k++
		}
	}
	lastWord := -1
	for j := k; j < n && j < k+5; j++ {
		t := toks[j]
		f := t.Fold
		if f == "'s" || (f == "'" && t.Kind == Punct && j > k && j+1 < n && toks[j+1].Kind == Word) {
			lastWord = -1 // a possessor: "the convoy's members"
			continue
		}
		if t.Kind == Punct {
			if f == "." && j > k && strings.Contains(toks[j-1].Text, ".") && toks[j-1].Kind == Word {
				continue // "U.S. families"
			}
			break
		}
		if t.Kind != Word || qtyStop[f] || qtyStartWord(f) {
			break
		}
		if qtyPlural(f) {
			// The last of a run of plurals: "rights activists".
			for j+1 < n && toks[j+1].Kind == Word && !qtyStop[toks[j+1].Fold] && qtyPlural(toks[j+1].Fold) {
				j++
			}
			return j, true
		}
		if singular && !capitalText(t.Text) && !strings.HasSuffix(f, "ed") && !qtyAdverb(f) {
			lastWord = j
		}
	}
	if singular && lastWord >= 0 {
		return lastWord, true
	}
	return 0, false
}

// Token classes, found with one map look-up per token: the three finders
// skip every other token.
const (
	clsStart   uint8 = 1 << iota // an amount or a qualifier can start here
	clsQual                      // a qualifier starts here
	clsOrdinal                   // an ordinal: "second"
	clsRepeat                    // a repetition: "twice", "times"
	clsUnit                      // a unit of time
)

var qtyClasses = func() map[string]uint8 {
	m := map[string]uint8{"a": clsStart, "an": clsStart, "several": clsStart, "half": clsStart}
	for w := range qtyQualifiers {
		m[w] |= clsStart | clsQual
	}
	for _, tab := range []map[string]int{cardinals, qtyTens} {
		for w := range tab {
			m[w] |= clsStart
		}
	}
	for w := range qtyVague {
		m[w] |= clsStart
	}
	for _, tab := range []map[string]string{qtyCurrencySymbols, qtyCurrencyCodes, qtyDollarPrefixes} {
		for w := range tab {
			m[w] |= clsStart
		}
	}
	for w := range ordinals {
		m[w] |= clsOrdinal
	}
	for _, w := range []string{"once", "twice", "thrice", "times"} {
		m[w] |= clsRepeat
	}
	for w := range durUnits {
		m[w] |= clsUnit
	}
	return m
}()

// qtyFilter is a cheap sieve before the class map: for a word of length
// n starting with letter a, bit z of qtyFilter[n][a] is set when some
// class word of that length and first letter ends with letter z. Most
// words of a text fail it without hashing.
var qtyFilter = func() (f [16][26]uint32) {
	for w := range qtyClasses {
		n := len(w)
		if n == 0 || n >= 16 || w[0] < 'a' || w[0] > 'z' || w[n-1] < 'a' || w[n-1] > 'z' {
			continue
		}
		f[n][w[0]-'a'] |= 1 << (w[n-1] - 'a')
	}
	return f
}()

// qtyMayBeClass reports whether f may be a key of qtyClasses.
func qtyMayBeClass(f string) bool {
	n := len(f)
	if n == 0 || n >= 16 {
		return false
	}
	a, z := f[0]-'a', f[n-1]-'a'
	if a >= 26 || z >= 26 {
		return true // not a plain word: look it up
	}
	return qtyFilter[n][a]&(1<<z) != 0
}

// qtyClassOf returns the classes of a word or currency sign; a hyphenated
// word has those of its first part ("twenty-five", "three-day",
// "first-ever", "decade-long"), qualifiers aside. Number tokens have no
// class: the finders read them directly.
func qtyClassOf(t *Token) uint8 {
	if t.cls&lcKnown != 0 {
		return t.qv & qvQtyMask // computed by classify
	}
	f := t.Fold
	switch t.Kind {
	case Number:
		return 0
	case Punct:
		if len(f) == 1 && f != "$" || !t.may(lcQtyClass) {
			return 0
		}
		return qtyClasses[f]
	}
	if t.may(lcQtyClass) && qtyMayBeClass(f) {
		if c, ok := qtyClasses[f]; ok {
			return c
		}
	}
	// A compound: the first part is at most ten bytes long.
	for i := 1; i < len(f) && i <= 10; i++ {
		if f[i] == '-' {
			if p := f[:i]; qtyMayBeClass(p) {
				return qtyClasses[p] &^ clsQual
			}
			return 0
		}
	}
	return 0
}

// qtyStartWord reports whether f can start an amount: a listed word or a
// hyphenated number word ("twenty-five", "two-thirds").
func qtyStartWord(f string) bool {
	if qtyClasses[f]&clsStart != 0 {
		return true
	}
	if i := strings.IndexByte(f, '-'); i > 0 {
		return cardinals[f[:i]] > 0 || qtyTens[f[:i]] > 0
	}
	return false
}

// qtyInDates reports whether token k lies inside one of the mentions.
func qtyInDates(dates []DateMention, k int) bool {
	for _, dm := range dates {
		if k >= dm.First && k <= dm.Last {
			return true
		}
	}
	return false
}

// qtyClock reports whether the number at toks[k] is a clock time:
// "10 a.m.", "1846 EAT", "3:30".
func qtyClock(toks []Token, k, last int) bool {
	next := qtyFold(toks, last+1)
	if qtyClockWords[next] {
		return true
	}
	if next == "local" && qtyFold(toks, last+2) == "time" {
		return true
	}
	if next == ":" && last+2 < len(toks) && toks[last+2].Kind == Number && toks[last+1].Span.End == toks[last+2].Span.Start {
		return true
	}
	if k > 0 && toks[k-1].Fold == ":" && k > 1 && toks[k-2].Kind == Number {
		return true
	}
	return false
}

// qtyAge reports whether the number at toks[k] (an amount ending at last)
// is someone's age: "Mario Quintanillo, 30, and", "ages 10, 9 and 4",
// "aged 30", "30 years old".
func qtyAge(toks []Token, k, last int) bool {
	p := qtyFold(toks, k-1)
	if p == "aged" || p == "ages" || p == "age" {
		return true
	}
	next := qtyFold(toks, last+1)
	if (next == "years" || next == "year" || next == "months") && (qtyFold(toks, last+2) == "old" || strings.HasPrefix(qtyFold(toks, last+2), "old")) {
		return true
	}
	if (p == "," || p == "(") && k >= 2 {
		pp := toks[k-2]
		apposition := (pp.Kind == Word && capitalText(pp.Text)) || pp.Fold == ")"
		closing := next == "," || next == ")" || next == "." || next == ";" || next == "and" || next == "who" || next == ""
		if apposition && closing && toks[k].Kind == Number && last == k {
			return true
		}
	}
	// A list of ages: "ages 10, 9 and 4".
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		f := toks[j].Fold
		if f == "ages" || f == "aged" {
			return true
		}
		if f != "," && f != "and" && toks[j].Kind != Number {
			break
		}
	}
	return false
}

// qtyPhone reports whether the number token at k looks like a phone
// number or an identifier: seven or more digits with no thousands commas,
// or a "+" before it.
func qtyPhone(toks []Token, k int, a qtyAmount) bool {
	if a.digits >= 7 && !strings.ContainsAny(toks[k].Fold, ",.") {
		return true
	}
	if p := qtyFold(toks, k-1); p == "+" || (p == "(" && qtyFold(toks, k+1) == ")" && qtyFold(toks, k+2) != "" && k+2 < len(toks) && toks[k+2].Kind == Number) {
		return true
	}
	return strings.Count(toks[k].Fold, "-") >= 2 && a.suffix == ""
}

// qtyMeasures are the nouns of measures, money and percentages: amounts
// of them are not whole units.
var qtyMeasures = func() map[string]bool {
	m := map[string]bool{"percent": true, "percentage point": true}
	for _, tab := range []map[string]string{qtyUnits, qtyCurrencySymbols, qtyDollarPrefixes, qtyCurrencyCodes, qtyCurrencyWords} {
		for _, v := range tab {
			m[v] = true
		}
	}
	return m
}()

// qtyContinuous reports whether the noun is a measure (no whole units).
func qtyContinuous(noun string) bool {
	return qtyMeasures[noun] || strings.HasPrefix(noun, "square ")
}

// appendNumbers finds quantities with the noun they count: "at least 30
// people" (number:people 30..), "about 200 migrants" (number:migrant
// 180..220), "$5m" (number:usd 5000000), "nearly 80 percent"
// (number:percent 72..80). A number with no noun of its own ("while
// roughly another 150 have yet to decide") takes the noun of the nearest
// number before it in the sentence, and is skipped when there is none.
// Dates, clock times, ages, ordinals, phone numbers, labels ("page 3")
// and lengths of time (see findDurations) are not numbers.
func appendNumbers(d *doc, out []Fact) []Fact {
	for _, s := range d.sents {
		toks := s.toks
		var dates []DateMention
		dated := false
		lastNoun := ""
		for i := 0; i < len(toks); i++ {
			t := &toks[i]
			c := qtyClassOf(t)
			if t.Kind != Number && c&clsStart == 0 {
				continue
			}
			q, j := qualNone, i
			if c&clsQual != 0 {
				q, j = qtyQualifierAt(toks, i)
			}
			if q != qualNone && j < len(toks) {
				switch f := toks[j].Fold; {
				case f == "another":
					j++
				case (f == "a" || f == "an") && j+1 < len(toks) && toks[j+1].Kind == Number:
					j++ // "more than a 1,000 people"
				}
			}
			a, ok := qtyParseAmount(toks, j)
			if !ok {
				continue
			}
			first := i
			if q == qualNone {
				first = a.first
			}
			// Ranges: "between 150 and 200", "150 to 200", "two or three",
			// "150–200".
			sep := qtyFold(toks, a.last+1)
			rangeSep := (q == qualBetween && sep == "and") ||
				(q != qualBetween && (sep == "to" || sep == "or" || (sep == "-" && toks[a.last+1].Kind == Punct)) && qtyFold(toks, first-1) != "from")
			// "20 percent to 30 percent" is a change: a range's first amount
			// has no noun of its own, unless after "between".
			if rangeSep && a.suffix == "" && (a.noun == "" || q == qualBetween) {
				if b, ok := qtyParseAmount(toks, a.last+2); ok && b.suffix == "" && (b.noun == "" || a.noun == "" || a.noun == b.noun) && !b.bare {
					lo := a.r.Lo
					if a.scale == 0 && b.scale > 0 {
						lo = qtyTidy(lo * b.scale)
					}
					if b.r.Hi > lo {
						a.r = Range{lo, b.r.Hi}
						if a.noun == "" {
							a.noun = b.noun
						}
						a.last = b.last
						a.token4, a.bare = false, false
					}
				}
			}
			if q == qualBetween && a.r.Lo == a.r.Hi {
				q, first = qualNone, a.first
			}
			// "a dozen or so crates": about a dozen.
			if qtyFold(toks, a.last+1) == "or" && qtyFold(toks, a.last+2) == "so" && (q == qualNone || q == qualAbout) && a.suffix == "" {
				q = qualAbout
				a.last += 2
				a.bare = false
			}
			if a.bare && (q == qualNone || q == qualExact) {
				continue // "one of the", "only one way": a pronoun, not a count
			}
			if !dated {
				dates, dated = d.datesOf(s), true
			}
			if qtyInDates(dates, a.num) || qtyInDates(dates, a.last) {
				i = a.last
				continue
			}
			if q == qualNone && a.token4 && a.r.Lo >= 1900 && a.r.Lo <= 2100 {
				continue // a year the date finder left alone
			}
			if t := toks[a.num]; t.Kind == Number && (qtyClock(toks, a.num, a.last) || qtyAge(toks, a.num, a.last) || qtyPhone(toks, a.num, a)) {
				i = a.last
				continue
			}
			if q == qualNone && a.first == a.num {
				p := qtyFold(toks, a.num-1)
				if qtyLabelWords[p] || (p == "." && qtyLabelWords[qtyFold(toks, a.num-2)]) || p == "#" {
					continue
				}
			}
			noun, end := a.noun, a.last
			partOf := false
			switch {
			case noun != "":
			case a.suffix != "":
				// "100-mile walk", "a 15-member council", "5,000-strong crowd";
				// not "2-year-old", "48-hour" (a duration).
				suf := a.suffix
				if strings.Contains(suf, "-") || durUnitOf(suf) || cardinals[suf] > 0 || qtyTens[suf] > 0 {
					i = a.last
					continue
				}
				if suf == "strong" {
					h, ok := qtyHeadAfterAdjective(toks, a.last+1)
					if !ok {
						continue
					}
					noun, end = qtyLemma(toks[h].Fold), h
				} else if u, ok := qtyUnits[suf]; ok {
					noun = u
				} else {
					noun = qtyLemma(suf)
				}
			default:
				next := qtyFold(toks, a.last+1)
				if durUnitOf(next) || next == "-year-old" {
					i = a.last
					continue // "two weeks": a duration
				}
				h, ok := qtyHead(toks, a.last+1, a.r.Lo == 1 && a.r.Hi == 1)
				if ok {
					noun, end = qtyLemma(toks[h].Fold), h
					if c := qtyCurrencyWords[toks[h].Fold]; c != "" {
						noun = c // "tens of millions of dollars"
					} else if u := qtyUnits[toks[h].Fold]; u != "" {
						noun = u // "thousands of miles"
					}
					if durUnitOf(toks[h].Fold) || strings.HasSuffix(toks[h].Fold, "-olds") || toks[h].Fold == "times" || sieveVal(qtyFractionsSieve, qtyFractions, toks[h].Fold) > 0 {
						i = h
						continue
					}
					break
				}
				// A part of a whole: "120 of the 450 seats", "three of its 12
				// ships" count seats and ships; the whole is a fact of its own.
				if next == "of" {
					k := a.last + 2
					for k < len(toks) && sieveHas(determinersSieve, determiners, toks[k].Fold) {
						k++
					}
					if b, ok := qtyParseAmount(toks, k); ok && b.noun == "" && b.suffix == "" && !b.bare && b.r.Lo > a.r.Hi {
						if h, ok := qtyHead(toks, b.last+1, false); ok && !durUnitOf(toks[h].Fold) {
							noun, end, partOf = qtyLemma(toks[h].Fold), h, true
							break
						}
					}
				}
				// No noun: "while roughly another 150 have yet to decide".
				p := toks[max(a.first-1, 0)]
				named := q == qualNone && a.first > 0 && (p.Kind == Word && capitalText(p.Text) || p.Fold == "at")
				if lastNoun == "" || named || !(next == "" || toks[a.last+1].Kind == Punct || qtyStop[next]) {
					continue
				}
				noun = lastNoun
			}
			// A share says what it is a share of: "two-thirds of voters",
			// "80 percent of riders".
			if noun == "percent" && qtyFold(toks, end+1) == "of" {
				if h, ok := qtyHead(toks, end+1, true); ok {
					end = h
				}
			}
			step := 0.0
			if !qtyContinuous(noun) && a.r.Lo == math.Trunc(a.r.Lo) && (math.IsInf(a.r.Hi, 0) || a.r.Hi == math.Trunc(a.r.Hi)) {
				step = 1
			}
			r := qtyApply(q, a.r, step)
			if q == qualNearly && step == 1 && r.Hi-1 >= r.Lo {
				// "almost four dozen" is fewer than 48: it cannot stand
				// with "at least four dozen".
				r.Hi--
			}
			sp := Span{toks[first].Span.Start, toks[end].Span.End}
			f := d.fact(s, Slot{ID: "number:" + noun, Kind: KindNumber}, "number", sp, a.num)
			f.Label = noun
			f.Value = r.String()
			f.Negated = qtyNegated(toks, first)
			out = append(out, f)
			lastNoun = noun
			i = end
			if partOf {
				i = a.last // the whole comes next
			}
		}
	}
	return out
}

// qtyNegated reports whether the amount starting at toks[i] is denied:
// "did not kill 30 people", "never more than 20". The reach is shorter
// than an event's: in "denied any coaching of the roughly 400 people" the
// number is not what is denied.
func qtyNegated(toks []Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		f := toks[k].Fold
		switch f {
		case "not", "n't", "never", "no", "nor", "neither":
			return true
		}
		if toks[k].Kind == Punct || clauseBreaks[f] || f == "of" || f == "in" || f == "for" || f == "with" || f == "from" || f == "by" || f == "at" {
			return false
		}
	}
	return false
}

// qtyLyNouns end in -ly without being adverbs.
var qtyLyNouns = map[string]bool{
	"rally": true, "family": true, "ally": true, "assembly": true, "supply": true,
	"reply": true, "monopoly": true, "anomaly": true, "tally": true, "bully": true,
	"italy": true, "july": true, "belly": true, "jelly": true, "folly": true,
}

// qtyAdverb reports whether a folded word looks like an adverb in -ly.
func qtyAdverb(f string) bool {
	return strings.HasSuffix(f, "ly") && !qtyLyNouns[f]
}

// qtyHeadAfterAdjective returns the last word of the noun phrase after a
// compound adjective: "civil war" in "14-year civil war", "crowd" in
// "5,000-strong crowd". Capitalised words and function words end it.
func qtyHeadAfterAdjective(toks []Token, k int) (int, bool) {
	// After "a" or "an" the noun is singular: in "a 30-minute drive
	// separates", "separates" is a verb.
	single := false
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if f := toks[j].Fold; f == "a" || f == "an" {
			single = true
			break
		}
	}
	h := -1
	for j := k; j < len(toks) && j < k+3; j++ {
		t := toks[j]
		if t.Kind != Word || qtyStop[t.Fold] || capitalText(t.Text) || qtyStartWord(t.Fold) {
			break
		}
		if h >= 0 && (qtyAdverb(t.Fold) || strings.HasSuffix(t.Fold, "ed") || pastForms[t.Fold] || qtyNotPlural[t.Fold]) {
			break // "a 14-year civil war ended", "a 48-hour ceasefire began"
		}
		if single && h >= 0 && qtyPlural(t.Fold) {
			break
		}
		h = j
		if qtyPlural(t.Fold) {
			break
		}
	}
	return h, h >= 0
}

// durUnit is a unit of time and its length in days.
type durUnit struct {
	lemma string
	days  float64
}

// durUnits are the units of durations. A singular "second" is left out:
// it is almost always the ordinal.
var durUnits = map[string]durUnit{
	"seconds": {"second", 1.0 / 86400}, "secs": {"second", 1.0 / 86400},
	"minute": {"minute", 1.0 / 1440}, "minutes": {"minute", 1.0 / 1440},
	"mins": {"minute", 1.0 / 1440},
	"hour": {"hour", 1.0 / 24}, "hours": {"hour", 1.0 / 24}, "hrs": {"hour", 1.0 / 24},
	"hr":  {"hour", 1.0 / 24},
	"day": {"day", 1}, "days": {"day", 1}, "night": {"night", 1}, "nights": {"night", 1},
	"week": {"week", 7}, "weeks": {"week", 7},
	"fortnight": {"fortnight", 14}, "fortnights": {"fortnight", 14},
	"month": {"month", 30}, "months": {"month", 30},
	"year": {"year", 365}, "years": {"year", 365}, "yr": {"year", 365}, "yrs": {"year", 365},
	"decade": {"decade", 3650}, "decades": {"decade", 3650},
	"century": {"century", 36500}, "centuries": {"century", 36500},
}

func durUnitOf(f string) bool {
	_, ok := sieveGet(durUnitsSieve, durUnits, f)
	return ok
}

// durFrequency are words before an amount of time that make it a rate or
// a frequency, not a length: "every two years", "once a year".
var durFrequency = map[string]bool{
	"every": true, "each": true, "per": true, "once": true, "twice": true,
	"thrice": true, "times": true,
}

// durBland nouns say nothing of what lasted: "a period of two weeks".
var durBland = map[string]bool{
	"period": true, "total": true, "span": true, "space": true, "time": true,
	"course": true, "length": true, "duration": true, "matter": true,
	"maximum": true, "minimum": true, "average": true, "age": true,
}

// durAmount is a length of time found at a token.
type durAmount struct {
	r          Range // in units
	unit       durUnit
	num, last  int  // the number token and the last token (the unit)
	adjectival bool // "14-year", "three-day", "decade-long": modifies a noun
}

// durParse reads an amount of time at toks[j]: "two weeks", "48 hours",
// "a year", "14-year", "three-day", "decade-long", "a few days", "two and
// a half years", "half an hour".
func durParse(toks []Token, j int) (durAmount, bool) {
	n := len(toks)
	da := durAmount{num: j, last: j}
	t := toks[j]
	f := t.Fold
	// Compounds: "14-year", "24-hours", "three-day", "decade-long",
	// "six-month-long"; ages ("14-year-old") are not durations.
	if strings.IndexByte(f, '-') > 0 {
		parts := strings.Split(f, "-")
		if p := parts[len(parts)-1]; p == "old" || p == "olds" {
			return da, false
		}
		if len(parts) > 1 && parts[len(parts)-1] == "long" {
			parts = parts[:len(parts)-1]
			da.adjectival = true
		}
		var v float64
		switch len(parts) {
		case 1:
			v = 1 // "decade-long"
		case 2:
			if x, rest, _, ok := qtyDigits(parts[0]); ok && rest == "" {
				v = x
			} else if x, ok := qtyWordValue(parts[0]); ok {
				v = x
			} else {
				return da, false
			}
		default:
			return da, false
		}
		u, ok := sieveGet(durUnitsSieve, durUnits, parts[len(parts)-1])
		if !ok || v <= 0 {
			return da, false
		}
		da.r, da.unit = Exact(v), u
		if !strings.HasSuffix(parts[len(parts)-1], "s") {
			da.adjectival = true
		}
		return da, true
	}
	k := j + 1
	switch {
	case t.Kind == Number:
		v, rest, _, ok := qtyDigits(f)
		if !ok || rest != "" {
			return da, false
		}
		da.r = Exact(v)
	case f == "a" || f == "an" || f == "one":
		da.r = Exact(1)
		if qtyFold(toks, k) == "few" {
			da.r = Range{2, 5}
			k++
		} else if qtyFold(toks, k) == "couple" && qtyFold(toks, k+1) == "of" {
			da.r = Exact(2)
			k += 2
		}
	case f == "several":
		da.r = Range{3, 9}
	case f == "half":
		if a := qtyFold(toks, k); a != "a" && a != "an" {
			return da, false
		}
		da.r = Exact(0.5)
		k++
	default:
		v, ok := qtyWordValue(f)
		if !ok {
			return da, false
		}
		da.r = Exact(v)
	}
	// "two and a half years"
	half := 0.0
	if qtyFold(toks, k) == "and" && qtyFold(toks, k+1) == "a" && qtyFold(toks, k+2) == "half" {
		half = 0.5
		k += 3
	}
	if k >= n {
		return da, false
	}
	u, ok := sieveGet(durUnitsSieve, durUnits, toks[k].Fold)
	if !ok || toks[k].Kind != Word {
		return da, false
	}
	// "a year and a half"
	if half == 0 && qtyFold(toks, k+1) == "and" && qtyFold(toks, k+2) == "a" && qtyFold(toks, k+3) == "half" && da.r.Lo == da.r.Hi {
		half = 0.5
		da.last = k + 3
	} else {
		da.last = k
	}
	// A singular unit after a plural amount is no duration ("two day
	// trip" is rare; "24 hour" news is a label).
	da.r = Range{da.r.Lo + half, da.r.Hi + half}
	da.unit = u
	return da, true
}

// appendDurations finds lengths of time: "14-year civil war"
// (duration:war 5110), "more than a decade" (duration:decade 3651..),
// "less than four months" (duration:month ..119), "for 48 hours"
// (duration:hour 2). Values are Ranges of days (year 365, month 30, week
// 7, decade 3650). The slot names the noun the duration modifies ("civil
// war lasting more than a decade" → duration:war), else the unit. Ages,
// rates ("once a year"), dates ("last year", "three years ago") and
// vague plurals ("years of conflict") are skipped.
func appendDurations(d *doc, out []Fact) []Fact {
	for _, s := range d.sents {
		toks := s.toks
		var dates []DateMention
		dated := false
		for i := 0; i < len(toks); i++ {
			t := &toks[i]
			c := qtyClassOf(t)
			if t.Kind != Number && c&(clsStart|clsUnit) == 0 {
				continue
			}
			q, j := qualNone, i
			if c&clsQual != 0 {
				if q, j = qtyQualifierAt(toks, i); j >= len(toks) {
					continue
				}
				c = qtyClassOf(&toks[j])
			}
			f := toks[j].Fold
			if toks[j].Kind != Number && c&(clsStart|clsUnit) == 0 {
				continue
			}
			da, ok := durParse(toks, j)
			if !ok {
				continue
			}
			if q == qualMore && toks[i].Fold == "over" {
				q = qualNone // "over two weeks" is mostly "during"
			}
			first := i
			if q == qualNone {
				first = j
			}
			// Ranges: "two to three years", "between two and four weeks".
			if q == qualNone {
				if lo, start, ok := durRangeStart(toks, first); ok && lo < da.r.Lo {
					da.r.Lo, first = lo, start
				}
			}
			if q == qualBetween {
				continue // "between" with a single amount: the range is in the next match
			}
			if !dated {
				dates, dated = d.datesOf(s), true
			}
			if qtyInDates(dates, da.num) || qtyInDates(dates, da.last) {
				i = da.last
				continue
			}
			// Dates the date finder could not resolve: "three years ago".
			next := qtyFold(toks, da.last+1)
			if next == "ago" || (next == "from" && qtyFold(toks, da.last+2) == "now") {
				i = da.last
				continue
			}
			// An adjective in two words: "an hour long rally".
			if next == "long" && qtyFold(toks, da.last+2) != "" && toks[da.last+2].Kind == Word && !qtyStop[toks[da.last+2].Fold] {
				da.adjectival = true
				da.last++
				next = qtyFold(toks, da.last+1)
			}
			// Ages: "30 years old", "10 years of age", "aged 30 years".
			if next == "old" || strings.HasPrefix(next, "old") || (next == "of" && qtyFold(toks, da.last+2) == "age") || qtyFold(toks, first-1) == "aged" {
				i = da.last
				continue
			}
			// Rates and frequencies: "once a year", "every two years",
			// "three meals a day", "$5 a day".
			if p := qtyFold(toks, first-1); q == qualNone && (durFrequency[p] || multiplicatives[p] > 0) {
				i = da.last
				continue
			}
			if (f == "a" || f == "an") && q == qualNone && first > 0 {
				p := toks[first-1]
				if p.Kind == Number || qtyPlural(p.Fold) && !qtyStop[p.Fold] || multiplicatives[p.Fold] > 0 {
					i = da.last
					continue
				}
			}
			// Clock-like four-digit hours: "1800 hours".
			if toks[da.num].Kind == Number && len(toks[da.num].Fold) == 4 && da.unit.lemma == "hour" {
				i = da.last
				continue
			}
			days := Range{qtyTidy(da.r.Lo * da.unit.days), qtyTidy(da.r.Hi * da.unit.days)}
			step := math.Min(da.unit.days, 1)
			if days.Lo != math.Trunc(days.Lo) && step == 1 {
				step = 0
			}
			r := qtyApply(q, days, step)
			r = Range{durRound(r.Lo), durRound(r.Hi)}
			noun, from, to := da.unit.lemma, first, da.last
			if da.adjectival {
				if h, ok := qtyHeadAfterAdjective(toks, da.last+1); ok {
					noun, to = qtyLemma(toks[h].Fold), h
				}
			} else if next == "of" {
				// "14 years of civil war", "two weeks of talks"
				if h, ok := durHeadOf(toks, da.last+2); ok {
					noun, to = qtyLemma(toks[h].Fold), h
				}
			}
			if noun == da.unit.lemma {
				// "civil war lasting more than a decade", "the talks lasted two hours"
				if h, ok := durHeadBefore(toks, first); ok {
					noun, from = qtyLemma(toks[h].Fold), h
				}
			}
			sp := Span{toks[from].Span.Start, toks[to].Span.End}
			fc := d.fact(s, Slot{ID: "duration:" + noun, Kind: KindDuration}, "duration", sp, da.num)
			fc.Label = noun
			fc.Value = r.String()
			fc.Negated = qtyNegated(toks, from)
			out = append(out, fc)
			i = to
		}
	}
	return out
}

// durRangeStart reads the lower end of a range of time whose upper end
// starts at toks[first]: "two to three years", "two or three days",
// "between two and four weeks". It returns the lower end in units and the
// index where the range starts.
func durRangeStart(toks []Token, first int) (float64, int, bool) {
	if first < 2 {
		return 0, 0, false
	}
	sep := qtyFold(toks, first-1)
	p := toks[first-2]
	var v float64
	if p.Kind == Number {
		x, rest, _, ok := qtyDigits(p.Fold)
		if !ok || rest != "" {
			return 0, 0, false
		}
		v = x
	} else if x, ok := qtyWordValue(p.Fold); ok {
		v = x
	} else {
		return 0, 0, false
	}
	switch sep {
	case "to", "or", "-":
		if qtyFold(toks, first-3) == "from" {
			return 0, 0, false // "from two to three years": a change
		}
		return v, first - 2, true
	case "and":
		if qtyFold(toks, first-3) == "between" {
			return v, first - 3, true
		}
	}
	return 0, 0, false
}

// durRound keeps four decimals of a day.
func durRound(v float64) float64 {
	if math.IsInf(v, 0) {
		return v
	}
	return math.Round(v*1e4) / 1e4
}

// durHeadOf returns the head of the noun phrase after "of": "civil war" in
// "14 years of civil war".
func durHeadOf(toks []Token, k int) (int, bool) {
	for k < len(toks) && sieveHas(determinersSieve, determiners, toks[k].Fold) {
		k++
	}
	h, ok := qtyHeadAfterAdjective(toks, k)
	if !ok || durUnitOf(toks[h].Fold) || durBland[toks[h].Fold] {
		return 0, false
	}
	return h, true
}

// durHeadBefore returns the noun a following duration describes: "war" in
// "civil war lasting more than a decade", "talks" in "the talks lasted
// two hours".
func durHeadBefore(toks []Token, first int) (int, bool) {
	k := first - 1
	switch qtyFold(toks, k) {
	case "lasting", "spanning", "lasts", "spans":
		k--
	case "lasted", "spanned", "last":
		k--
		if f := qtyFold(toks, k); f == "that" || f == "which" || f == "will" || f == "to" || f == "would" {
			k--
			if f == "to" || f == "will" || f == "would" {
				// "the talks are expected to last two hours": too far
				return 0, false
			}
		}
	default:
		return 0, false
	}
	if k < 0 {
		return 0, false
	}
	t := toks[k]
	if t.Kind != Word || qtyStop[t.Fold] || capitalText(t.Text) || durBland[t.Fold] || durUnitOf(t.Fold) ||
		qtyAdverb(t.Fold) || strings.HasSuffix(t.Fold, "ed") {
		return 0, false
	}
	return k, true
}

// cntNotOccurrence are nouns an ordinal ranks or names rather than counts
// as occurrences: "first lady", "second source", "first half".
var cntNotOccurrence = map[string]bool{
	"lady": true, "gentleman": true, "person": true, "people": true, "place": true,
	"class": true, "grade": true, "degree": true, "floor": true, "hand": true,
	"aid": true, "instance": true, "glance": true, "sight": true, "cousin": true,
	"thing": true, "priority": true, "language": true, "country": true,
	"city": true, "state": true, "source": true, "official": true, "wife": true,
	"husband": true, "son": true, "daughter": true, "child": true, "kind": true,
	"line": true, "row": true, "part": true, "page": true, "paragraph": true,
	"chapter": true, "name": true, "amendment": true, "world": true,
	"division": true, "tier": true, "rate": true, "half": true, "quarter": true,
	"generation": true, "responder": true, "light": true, "principle": true,
	"order": true, "minister": true, "secretary": true,
	"deputy": true, "officer": true, "step": true, "option": true,
	"choice": true, "baby": true, "woman": true, "man": true, "brother": true, "sister": true,
	"largest": true, "biggest": true, "day": true, "week": true, "month": true,
	"year": true, "decade": true, "century": true, "hour": true, "minute": true,
	"night": true, "morning": true, "evening": true, "afternoon": true,
	"team": true, "player": true,
	"look": true, "impression": true, "sign": true,
	"ever": true, "problem": true, "issue": true, "question": true,
	"point": true, "reason": true, "thought": true,
}

// cntOrdinal reads an ordinal token: "second", "2nd", "23rd",
// "first-ever".
func cntOrdinal(t Token) (int, bool) {
	f := t.Fold
	if n, ok := ordinals[f]; ok {
		return n, true
	}
	if strings.HasSuffix(f, "-ever") {
		if n, ok := ordinals[f[:len(f)-5]]; ok {
			return n, true
		}
	}
	if t.Kind != Number || len(f) < 3 {
		return 0, false
	}
	v, rest, _, ok := qtyDigits(f)
	if !ok || v != math.Trunc(v) || v < 1 || v > 1000 {
		return 0, false
	}
	n := int(v)
	want := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	if rest != want {
		return 0, false
	}
	return n, true
}

// cntVerbStops are reporting and linking verbs: "said twice" counts no
// occurrence of anything.
var cntVerbStops = map[string]bool{
	"said": true, "told": true, "asked": true, "added": true, "stated": true,
	"noted": true, "repeated": true, "stressed": true, "claimed": true,
	"reported": true, "called": true, "used": true, "seemed": true,
	"appeared": true, "been": true,
}

// cntVerbNouns name the occurrence a verb counts: "met twice" counts
// meetings.
var cntVerbNouns = map[string]string{"meet": "meeting", "elect": "election", "re-elect": "election"}

// cntVerbLemma returns the base form of a past verb: "visited" → "visit",
// "met" → "meet", "married" → "marry", "stopped" → "stop".
func cntVerbLemma(f string) (string, bool) {
	for base, forms := range irregular {
		if forms[0] == f || forms[1] == f {
			return base, true
		}
	}
	n := len(f)
	if n < 5 || !strings.HasSuffix(f, "ed") {
		return "", false
	}
	stem := f[:n-2]
	m := len(stem)
	switch {
	case strings.HasSuffix(f, "ied"):
		return f[:n-3] + "y", true
	case m >= 3 && stem[m-1] == stem[m-2] && strings.IndexByte("bdgmnprt", stem[m-1]) >= 0:
		return stem[:m-1], true // stopped, planned, committed
	case strings.HasSuffix(stem, "at") && m > 4, strings.HasSuffix(stem, "v"),
		strings.HasSuffix(stem, "z"), strings.HasSuffix(stem, "c"),
		strings.HasSuffix(stem, "us"), strings.HasSuffix(stem, "ur"),
		strings.HasSuffix(stem, "ir"), strings.HasSuffix(stem, "or") && !strings.HasSuffix(stem, "itor") && !strings.HasSuffix(stem, "nor"),
		strings.HasSuffix(stem, "as"), strings.HasSuffix(stem, "is"), strings.HasSuffix(stem, "os"):
		return stem + "e", true // created, arrived, scored, raised
	}
	return stem, true
}

// appendCounts finds counts of occurrences: an ordinal and the noun it
// counts ("his third official visit" → count:visit 3, "2nd term" →
// count:term 2) and repetition after a verb ("visited Moscow twice" →
// count:visit 2, "has met three times" → count:meeting 3). Ordinals that
// rank or name ("the Second World War", "first lady", "a second Syrian
// source", "the first half of", "first of all", "second-largest") are
// skipped. A count after "since", "after" or "before", or a first one
// dated well before the article, is Background.
func appendCounts(d *doc, out []Fact) []Fact {
	var cs countSlot
	for _, s := range d.sents {
		toks := s.toks
		var dates []DateMention
		dated := false
		for i := range toks {
			t := toks[i]
			c := qtyClassOf(&t)
			if t.Kind != Number && c&(clsOrdinal|clsRepeat) == 0 {
				continue
			}
			n, ok := cntOrdinal(t)
			if !ok {
				if m, ok := cntRepetition(toks, i); ok {
					if f, ok := cntRepeated(d, s, i, m); ok {
						out = append(out, f)
					}
				}
				continue
			}
			if i > 0 && capitalText(t.Text) {
				continue // "the Second World War", "First Lady"
			}
			if strings.IndexByte(t.Fold, '-') > 0 && !strings.HasSuffix(t.Fold, "-ever") {
				continue // "first-degree", "second-largest"
			}
			// The noun: up to three lower-case words, the last one the head.
			head := -1
			for k := i + 1; k < len(toks) && k <= i+3; k++ {
				w := toks[k]
				f := w.Fold
				if w.Kind != Word || qtyStop[f] || qtyStartWord(f) || notCounted[f] || capitalText(w.Text) {
					if w.Kind == Word && capitalText(w.Text) {
						head = -1 // "second Syrian source", "Second World War"
					}
					break
				}
				if strings.HasSuffix(f, "est") || qtyAdverb(f) || (k == i+1 && strings.HasSuffix(f, "ed")) {
					head = -1 // "second largest", "first publicly", "first reported"
					break
				}
				if _, isOrd := cntOrdinal(w); isOrd {
					head = -1
					break
				}
				head = k
				if qtyPlural(f) {
					break
				}
				if nx := toks[min(k+1, len(toks)-1)]; k+1 < len(toks) && nx.Kind == Word && (strings.HasSuffix(nx.Fold, "ed") || pastForms[nx.Fold]) && !qtyStop[nx.Fold] {
					break // "first time she had", "second visit ended"
				}
			}
			if head < 0 || qtyFold(toks, i+1) == "of" {
				continue // "first of all", "second of three"
			}
			noun := qtyLemma(toks[head].Fold)
			if cntNotOccurrence[noun] || cntNotOccurrence[toks[head].Fold] {
				continue
			}
			if !dated {
				dates, dated = d.datesOf(s), true
			}
			if qtyInDates(dates, i) || qtyInDates(dates, head) {
				continue
			}
			end, background := head, sinceCue(toks, i)
			if !background && n == 1 {
				end, background = cs.earlier(d, s, head)
			}
			sp := Span{toks[i].Span.Start, toks[end].Span.End}
			f := d.fact(s, Slot{ID: "count:" + noun, Kind: KindCount}, "count", sp, i)
			f.Label = noun
			f.Value = strconv.Itoa(n)
			f.Background = background
			f.Negated = qtyNegated(toks, i)
			out = append(out, f)
		}
	}
	return out
}

// cntRepetition reads a repetition adverb at toks[i] and returns the
// index of its first token with its count: "twice", "three times".
func cntRepetition(toks []Token, i int) (int, bool) {
	f := toks[i].Fold
	if f != "times" && f != "twice" && f != "thrice" && f != "once" {
		return 0, false
	}
	// Multipliers and frequencies: "twice as many", "three times more",
	// "twice a week", "at times".
	next := qtyFold(toks, i+1)
	switch next {
	case "as", "more", "less", "the", "a", "an", "that", "over", "per", "higher",
		"larger", "bigger", "greater", "faster", "again", "before", "daily",
		"weekly", "monthly", "yearly", "annually", "each", "every", "what":
		return 0, false
	}
	if strings.HasSuffix(next, "er") && !qtyStop[next] {
		return 0, false
	}
	if f == "once" {
		// "once" is too often "formerly" or "as soon as": only a count at
		// a clause end ("visited once.").
		if !(next == "" || toks[i+1].Kind == Punct) {
			return 0, false
		}
	}
	if f == "times" {
		if i == 0 {
			return 0, false
		}
		p := toks[i-1]
		if p.Kind == Number {
			v, rest, _, ok := qtyDigits(p.Fold)
			if !ok || rest != "" || v != math.Trunc(v) || v < 2 || v > 1000 {
				return 0, false
			}
			return i - 1, true
		}
		if v, ok := qtyWordValue(p.Fold); ok && v >= 2 {
			return i - 1, true
		}
		return 0, false
	}
	return i, true
}

// cntRepeated makes the count fact of a repetition at toks[m..i] from the
// verb it follows: "visited Moscow twice", "has been arrested three
// times".
func cntRepeated(d *doc, s *sentence, i, m int) (Fact, bool) {
	toks := s.toks
	n := 2
	switch toks[i].Fold {
	case "once":
		n = 1
	case "twice":
		n = 2
	case "thrice":
		n = 3
	default:
		if v, ok := qtyWordValue(toks[m].Fold); ok {
			n = int(v)
		} else {
			v, _, _, _ := qtyDigits(toks[m].Fold)
			n = int(v)
		}
	}
	for k := m - 1; k >= 0 && k >= m-5; k-- {
		t := toks[k]
		if t.Kind == Punct || clauseBreaks[t.Fold] {
			break
		}
		if t.Kind != Word || cntVerbStops[t.Fold] {
			continue
		}
		base, ok := cntVerbLemma(t.Fold)
		if !ok {
			continue
		}
		if _, ok := irregular[base]; !ok && !strings.HasSuffix(t.Fold, "ed") {
			continue
		}
		if cntVerbStops[t.Fold] || base == "be" || base == "have" {
			continue
		}
		noun := base
		if v, ok := cntVerbNouns[base]; ok {
			noun = v
		}
		sp := Span{t.Span.Start, toks[i].Span.End}
		f := d.fact(s, Slot{ID: "count:" + noun, Kind: KindCount}, "count", sp, k)
		f.Label = noun
		f.Value = strconv.Itoa(n)
		f.Negated = qtyNegated(toks, k)
		return f, true
	}
	return Fact{}, false
}
