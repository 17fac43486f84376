package render

import (
	"reflect"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-news/crosscheck/compare"
	"github.com/crosscheck-news/crosscheck/facts"
)

// buildViewRef is buildView as it was before its cells, values, links and
// marks were carved from blocks made at their size: the reference the
// view must equal, since the template oracle reads buildView itself.
func buildViewRef(res compare.Result, arts []facts.Article) htmlView {
	v := htmlView{Res: res}
	texts := map[string]facts.Article{}
	for _, a := range arts {
		texts[a.ID] = a
	}
	anchor := map[string]string{}
	letters := map[string]string{}
	source := map[string]string{}
	for _, g := range res.Sources {
		for _, id := range g.Articles {
			source[id] = g.Source
		}
	}
	for i, a := range res.Articles {
		anchor[a.ID] = "a" + strconv.Itoa(i+1)
		letters[a.ID] = letter(i)
	}
	// Marks in the article texts: every value's surface, by status. The
	// cells link to the same marks: each value's link ("#" and the mark's
	// id) is made once, the id being the rest of it. The matrix rows
	// share the values of res.Facts, so a value's address finds its link.
	marks := map[string][]markSpan{}
	links := map[*compare.Value]string{}
	for si := range res.Facts {
		sr := &res.Facts[si]
		title := slotLabel(*sr)
		for vi := range sr.Values {
			val := &sr.Values[vi]
			link := "#" + anchor[val.Article] + "-" + strconv.Itoa(val.Span[0]) + "-" + strconv.Itoa(val.Span[1])
			links[val] = link
			marks[val.Article] = append(marks[val.Article], markSpan{
				From: val.Span[0], To: val.Span[1],
				ID: link[1:], Status: sr.Status, Title: title,
			})
		}
	}
	v.Articles = make([]htmlArticle, 0, len(res.Articles))
	for i, a := range res.Articles {
		ha := htmlArticle{Article: a, Letter: letter(i), Anchor: anchor[a.ID], Source: source[a.ID]}
		if t, ok := texts[a.ID]; ok {
			ha.HasText = true
			ms := sortMarksRef(marks[a.ID])
			ha.Paras = make([][]segment, 0, len(t.Body))
			for _, p := range t.Body {
				ha.Paras = append(ha.Paras, segmentsOfRef(t.Text, p, ms))
			}
		}
		v.Articles = append(v.Articles, ha)
	}
	rows := matrixRows(res)
	// A set slot's finding is judged on its first row whose element has
	// the slot's status (the row of the element spelled two ways, not the agreed
	// element above it); other slots have one row.
	carrier := map[string]int{}
	for i, r := range rows {
		if j, ok := carrier[r.slot.ID]; !ok || (rows[j].status != r.slot.Status && r.status == r.slot.Status) {
			carrier[r.slot.ID] = i
		}
	}
	v.Rows = make([]htmlRow, 0, len(rows))
	for i, r := range rows {
		first := carrier[r.slot.ID] == i
		row := htmlRow{First: first, Form: first && (r.slot.Status != compare.Agree || r.slot.Verdict != nil), Label: r.label, Slot: r.slot.Slot, Status: r.status, Generated: r.slot.Generated, Headline: r.slot.Headline,
			ID: r.slot.ID, Verdict: verdictText(r.slot.Verdict), Stale: r.slot.Verdict != nil && r.slot.Verdict.Stale}
		if r.value != "" {
			row.Slot += "/" + r.value // one row per element of a set
		}
		if r.slot.Generated {
			v.General = true
		}
		byArt := make(map[string][]int, len(res.Articles))
		for i, val := range r.slot.Values {
			byArt[val.Article] = append(byArt[val.Article], i)
		}
		row.Cells = make([]htmlCell, 0, len(res.Articles))
		for _, a := range res.Articles {
			cell := htmlCell{} // Article, Letter and Status were never shown
			if k := len(byArt[a.ID]); k > 0 {
				cell.Values = make([]htmlValue, 0, k)
			}
			for _, i := range byArt[a.ID] {
				val := r.slot.Values[i]
				if r.value != "" && val.Value != r.value {
					continue
				}
				link, ok := links[&r.slot.Values[i]]
				if !ok {
					link = "#" + markID(anchor[a.ID], val.Span)
				}
				ev := evidence(&val, link)
				ev.Short = short(r.slot.Kind, val)
				if r.value != "" {
					ev.Short = val.Surface
				}
				if val.Background {
					ev.Short = "(" + ev.Short + ", earlier)"
				}
				cell.Values = append(cell.Values, ev)
			}
			cell.Empty = len(cell.Values) == 0
			row.Cells = append(row.Cells, cell)
		}
		v.Rows = append(v.Rows, row)
	}
	v.Lists = summaryLists(res)
	v.Diffs = diffBlocks(res)
	return v
}
func sortMarksRef(marks []markSpan) []markSpan {
	idx := make([]int32, len(marks))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(i, j int32) int {
		a, b := &marks[i], &marks[j]
		switch {
		case a.From != b.From:
			return a.From - b.From
		case a.To != b.To:
			return b.To - a.To
		}
		return int(i - j)
	})
	out := make([]markSpan, len(marks))
	for k, i := range idx {
		out[k] = marks[i]
	}
	return out
}
func segmentsOfRef(text string, p facts.Span, marks []markSpan) []segment {
	// The paragraph's marks are a run of marks; those that fit it are
	// read in place.
	marks = marks[sort.Search(len(marks), func(i int) bool { return marks[i].From >= p.Start }):]
	n := 0
	for n < len(marks) && marks[n].From <= p.End {
		n++
	}
	marks = marks[:n]
	var out []segment
	if n > 0 {
		out = make([]segment, 0, 2*n+1) // a mark and the text before it, each
	}
	at := p.Start
	seen := map[string]bool{}
	last := -1
	for i := range marks {
		m := &marks[i]
		if m.To > p.End || m.From >= m.To {
			continue
		}
		if seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		if m.From < at {
			if last >= 0 {
				out[last].Anchors = append(out[last].Anchors, m.ID)
			}
			continue
		}
		if m.From > at {
			out = append(out, segment{Text: text[at:m.From]})
		}
		out = append(out, segment{Text: text[m.From:m.To], Mark: true, ID: m.ID, Status: m.Status, Title: m.Title})
		last = len(out) - 1
		at = m.To
	}
	if at < p.End {
		out = append(out, segment{Text: text[at:p.End]})
	}
	return out
}

// TestBuildViewMatchesReference holds buildView to the reference on the
// seed and ferry stories, on the 50-article bench topic, with background
// values, an article id twice, an article without text and a value of an
// article not listed.
func TestBuildViewMatchesReference(t *testing.T) {
	type input struct {
		name string
		res  compare.Result
		arts []facts.Article
	}
	var ins []input
	for _, dir := range []string{"../../seeds", "../../testdata/ferry"} {
		res, arts := compareDir(t, dir)
		ins = append(ins, input{dir, res, arts})
	}
	res, arts := compareDir(t, "../../seeds")
	for i := range res.Facts {
		for j := range res.Facts[i].Values {
			res.Facts[i].Values[j].Background = j%3 == 1
		}
	}
	ins = append(ins, input{"background", res, arts})
	dup, dupArts := compareDir(t, "../../seeds")
	dup.Articles = append(dup.Articles, dup.Articles[1], compare.Article{ID: "no-text"})
	if len(dup.Facts) > 0 {
		dup.Facts[0].Values = append(dup.Facts[0].Values, compare.Value{Article: "not-listed", Span: [2]int{1, 2}})
	}
	ins = append(ins, input{"odd", dup, dupArts[1:]})
	big, bigArts := bigResult(t)
	ins = append(ins, input{"50 articles", big, bigArts})
	opt := cmp.Exporter(func(reflect.Type) bool { return true })
	for _, in := range ins {
		want := buildViewRef(in.res, in.arts)
		got := buildView(in.res, in.arts)
		if diff := cmp.Diff(want, got, opt); diff != "" {
			t.Errorf("%s: view differs (-reference +buildView):\n%s", in.name, diff)
		}
	}
}

// summaryListsRef and diffBlocksRef are summaryLists and diffBlocks as
// they were before they read the slots in place (sorting indexes, rows
// made at their size): the references they must equal.
func summaryListsRef(res compare.Result) []statusList {
	by := map[compare.Status]*statusList{}
	for _, st := range compare.Statuses {
		by[st] = &statusList{Status: st, Title: listTitles[st]}
	}
	ranked := append([]compare.SlotResult(nil), res.Facts...)
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].Rank < ranked[j].Rank })
	for _, sr := range ranked {
		l, ok := by[sr.Status]
		switch {
		case !ok:
			continue
		case sr.Soft:
			l.Folded++
		case sr.Generated:
			l.More = append(l.More, sr.Headline)
		default:
			l.Items = append(l.Items, sr.Headline)
		}
	}
	var out []statusList
	for _, st := range compare.Statuses {
		if l := by[st]; len(l.Items)+len(l.More)+l.Folded > 0 {
			out = append(out, *l)
		}
	}
	return out
}
func diffBlocksRef(res compare.Result) []diffBlock {
	labels := map[string]string{}
	for _, a := range res.Articles {
		labels[a.ID] = a.Label
	}
	var out []diffBlock
	for _, sr := range res.Facts {
		var rows []diffRow
		for _, val := range sr.Values {
			if len(val.Diff) > 0 {
				rows = append(rows, diffRow{Label: labels[val.Article], Ops: val.Diff})
			}
		}
		if len(rows) == 0 {
			continue
		}
		for _, val := range sr.Values {
			if len(val.Diff) == 0 && !val.Background {
				rows = append([]diffRow{{Label: labels[val.Article] + " (reference)", Plain: val.Surface}}, rows...)
				break
			}
		}
		label := sr.Label
		if label == "" {
			label = sr.Slot
		}
		out = append(out, diffBlock{Label: label, Rows: rows})
	}
	return out
}

// TestListsAndDiffsMatchReference holds summaryLists and diffBlocks to the
// references on the inputs of TestBuildViewMatchesReference, and on
// results with ranks tied and out of order, values with diffs but no
// reference wording, and background values.
func TestListsAndDiffsMatchReference(t *testing.T) {
	var results []compare.Result
	for _, dir := range []string{"../../seeds", "../../testdata/ferry"} {
		res, _ := compareDir(t, dir)
		results = append(results, res)
	}
	big, _ := bigResult(t)
	results = append(results, big)
	odd, _ := compareDir(t, "../../seeds")
	for i := range odd.Facts {
		odd.Facts[i].Rank = (i * 7) % 5 // ties and disorder
		for j := range odd.Facts[i].Values {
			v := &odd.Facts[i].Values[j]
			v.Background = j%4 == 2
			if i%2 == 0 && len(v.Diff) == 0 {
				v.Diff = []compare.DiffOp{{Op: "=", Text: "same"}}
			}
		}
	}
	// The first wording without a diff is background: the reference is
	// the next one; a slot of diffs only has none.
	ops := []compare.DiffOp{{Op: "-", Text: "x"}}
	synth := compare.Result{Articles: []compare.Article{{ID: "a", Label: "A"}, {ID: "b", Label: "B"}, {ID: "c", Label: "C"}},
		Facts: []compare.SlotResult{
			{Slot: "s1", Values: []compare.Value{{Article: "a", Diff: ops}, {Article: "b", Background: true, Surface: "bg"}, {Article: "c", Surface: "ref"}}},
			{Slot: "s2", Label: "two", Values: []compare.Value{{Article: "a", Diff: ops}, {Article: "b", Diff: ops}}},
			{Slot: "s3", Values: []compare.Value{{Article: "c", Surface: "plain"}}},
		}}
	results = append(results, odd, synth, compare.Result{})
	blocks := 0
	for k, res := range results {
		if diff := cmp.Diff(summaryListsRef(res), summaryLists(res)); diff != "" {
			t.Errorf("result %d: summary lists differ (-reference +new):\n%s", k, diff)
		}
		want := diffBlocksRef(res)
		if diff := cmp.Diff(want, diffBlocks(res)); diff != "" {
			t.Errorf("result %d: diff blocks differ (-reference +new):\n%s", k, diff)
		}
		blocks += len(want)
	}
	if blocks < 5 {
		t.Fatalf("only %d diff blocks compared", blocks)
	}
}
