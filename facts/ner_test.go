package facts

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// nerRef is the publication date of the test articles: a Tuesday.
var nerRef = Day(2026, time.March, 10)

// generalFacts parses text (after a headline) as an article published on
// nerRef and returns its general facts, checking every fact's spans.
func generalFacts(t *testing.T, text string) (Article, []Fact) {
	t.Helper()
	a := parseText(t, headline+text)
	a.Published = nerRef
	fs, err := NewGeneralExtractor("t").Extract(context.Background(), &a)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	checkSpans(t, a, fs)
	return a, fs
}

// checkSpans checks that each fact's spans point at its surface and
// sentence.
func checkSpans(t *testing.T, a Article, fs []Fact) {
	t.Helper()
	for _, f := range fs {
		if got := a.Text[f.Span.Start:f.Span.End]; got != f.Surface {
			t.Errorf("%s %s: text at span %v is %q, surface %q", a.ID, f.Slot, f.Span, got, f.Surface)
		}
		if got := a.Text[f.SentenceSpan.Start:f.SentenceSpan.End]; got != f.Sentence {
			t.Errorf("%s %s: text at sentence span %v is %q, sentence %q", a.ID, f.Slot, f.SentenceSpan, got, f.Sentence)
		}
		if !f.SentenceSpan.Contains(f.Span) {
			t.Errorf("%s %s: span %v outside sentence %v", a.ID, f.Slot, f.Span, f.SentenceSpan)
		}
	}
}

// lastNameWord returns the last word of a name that is no suffix (Jr.).
func lastNameWord(name string) string {
	ws := strings.Fields(name)
	for i := len(ws) - 1; i > 0; i-- {
		if !nameSuffixWords[strings.Trim(Fold(ws[i]), ".,")] {
			return ws[i]
		}
	}
	return ws[0]
}

// renderEntity renders an entity fact as `kind: name @surface`, followed
// by " key=name" or " key=surname" after checking which key the slot id
// was built on.
func renderEntity(t *testing.T, f Fact) string {
	t.Helper()
	key := strings.TrimPrefix(f.Slot, "entity:")
	s := fmt.Sprintf("%s @%s", f.Label, f.Surface)
	switch {
	case strings.HasPrefix(f.Label, "person: ") && strings.Contains(f.Value, " ") && key == NameKey(lastNameWord(f.Value)):
		return s + " key=surname"
	case key == NameKey(f.Value):
		return s + " key=name"
	}
	return s + " key=" + key
}

// renderKinds renders the facts of the given kinds, checking slot ids.
func renderKinds(t *testing.T, fs []Fact, kinds ...Kind) []string {
	t.Helper()
	want := map[Kind]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	entityKeys := map[string]string{}
	for _, f := range fs {
		if f.Kind == KindEntity {
			entityKeys[strings.TrimPrefix(f.Slot, "entity:")] = f.Value
		}
	}
	out := []string{}
	for _, f := range fs {
		if !want[f.Kind] || f.Kind == KindDate && f.Extractor != "date" {
			continue
		}
		switch f.Kind {
		case KindEntity:
			out = append(out, renderEntity(t, f))
		case KindTitle:
			key := strings.TrimPrefix(f.Slot, "title:")
			name, ok := entityKeys[key]
			if !ok {
				t.Errorf("title slot %s has no entity slot", f.Slot)
			}
			out = append(out, fmt.Sprintf("title: %s = %s @%s", name, f.Value, f.Surface))
		case KindEvent:
			lem, head, _ := strings.Cut(strings.TrimPrefix(f.Label, "event: "), " — ")
			if f.Slot != "event:"+lem+":"+NameKey(head) || f.Value != NameKey(head) {
				t.Errorf("event slot %s value %s do not match label %q", f.Slot, f.Value, f.Label)
			}
			f.Value = "key" // checked above
			out = append(out, lem+" — "+head+" "+renderFact(f))
		case KindDate:
			out = append(out, strings.TrimPrefix(f.Slot, "date:")+" "+renderFact(f))
		}
	}
	return out
}

func TestNEREntities(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Titles and honorifics split off.
		{"nationality and title", "Russian President Vladimir Putin met the delegation.",
			[]string{"person: Vladimir Putin @Vladimir Putin key=surname"}},
		{"lower-case modifier", "Syrian interim President Ahmed al-Sharaa arrived late.",
			[]string{"person: Ahmed al-Sharaa @Ahmed al-Sharaa key=surname"}},
		{"organisation before title", "Kremlin spokesman Dmitry Peskov declined to comment.",
			[]string{"organisation: Kremlin @Kremlin key=name", "person: Dmitry Peskov @Dmitry Peskov key=surname"}},
		{"courtesy honorific", "Mr. Trump spoke for an hour. Later Mr. Trump left.",
			[]string{"person: Trump @Trump key=name"}},
		{"chief patrol agent", "Chief Patrol Agent Rodney Scott said the fence was breached.",
			[]string{"person: Rodney Scott @Rodney Scott key=surname"}},
		{"acronym organisation before title", "CBP Commissioner Kevin McAleenan visited the port.",
			[]string{"organisation: CBP @CBP key=name", "person: Kevin McAleenan @Kevin McAleenan key=surname"}},
		{"abbreviated title", "The bill was backed by Rep. Zoe Lofgren and others.",
			[]string{"person: Zoe Lofgren @Zoe Lofgren key=surname"}},
		{"defence minister", "On Tuesday, Russian Defence Minister Andrey Belousov said talks went well.",
			[]string{"person: Andrey Belousov @Andrey Belousov key=surname"}},
		{"doctor", "The patient was treated by Dr. Amara Okafor at the clinic.",
			[]string{"person: Amara Okafor @Amara Okafor key=surname"}},
		{"general", "The offensive was led by Gen. Mark Milley, officials said.",
			[]string{"person: Mark Milley @Mark Milley key=surname"}},
		{"senator", "Sen. Elizabeth Warren questioned the bank chief.",
			[]string{"person: Elizabeth Warren @Elizabeth Warren key=surname"}},
		{"sheikh", "The emir received Sheikh Tamim bin Hamad in Doha.",
			[]string{"person: Tamim bin Hamad @Tamim bin Hamad key=surname", "place: Doha @Doha key=name"}},
		// Particles.
		{"al- particle", "Forces loyal to Bashar al-Assad retreated.",
			[]string{"person: Bashar al-Assad @Bashar al-Assad key=surname"}},
		{"bin", "Police questioned Khalid bin Salman about the deal.",
			[]string{"person: Khalid bin Salman @Khalid bin Salman key=surname"}},
		{"von der", "The plan was unveiled by Ursula von der Leyen in Brussels.",
			[]string{"person: Ursula von der Leyen @Ursula von der Leyen key=surname", "place: Brussels @Brussels key=name"}},
		{"de", "Paris honoured Charles de Gaulle again.",
			[]string{"person: Charles de Gaulle @Charles de Gaulle key=surname"}},
		{"van", "The Dutch coach Louis van Gaal said the team was tired.",
			[]string{"person: Louis van Gaal @Louis van Gaal key=surname"}},
		// Sentence-initial words.
		{"initial common word skipped", "Police said the road was closed. Officers arrived in Leeds.",
			[]string{"place: Leeds @Leeds key=name"}},
		{"initial function words skipped", "However, the mayor left. Meanwhile the rain stopped in York.",
			[]string{"place: York @York key=name"}},
		{"initial name seen mid-sentence", "Nairobi was quiet. Flights to Nairobi resumed.",
			[]string{"place: Nairobi @Nairobi key=name"}},
		{"initial followed by a name word", "Heather Cronk spoke first.",
			[]string{"person: Heather Cronk @Heather Cronk key=surname"}},
		{"initial gerund skipped", "Securing Kenya's border is costly, Ruto said.",
			[]string{"other: Kenya @Kenya key=name", "person: Ruto @Ruto key=name"}},
		{"pronoun I", "\"I am pleased,\" said Grace Mugabe.",
			[]string{"person: Grace Mugabe @Grace Mugabe key=surname"}},
		{"weekday and month", "The vote in Lagos is on Saturday, not in March.",
			[]string{"place: Lagos @Lagos key=name"}},
		// Headings.
		{"all-caps heading skipped", "SOURCE SAYS BASES ARE KEY\n\nThe talks in Geneva ended.",
			[]string{"place: Geneva @Geneva key=name"}},
		{"title-case heading skipped", "Balancing Washington and Moscow\n\nThe envoy flew to Ankara.",
			[]string{"place: Ankara @Ankara key=name"}},
		{"dateline skipped", "LAGOS, March 9 (Reuters) - Floods hit Lagos State on Monday.",
			[]string{"place: Lagos State @Lagos State key=name"}},
		// Adjectives.
		{"demonym alone", "Syrian forces and Russian troops met in Homs.",
			[]string{"place: Homs @Homs key=name"}},
		{"hyphened adjective", "The Kurdish-led Syrian Democratic Forces held the town.",
			[]string{"organisation: Syrian Democratic Forces @Syrian Democratic Forces key=name"}},
		{"adjective phrase", "The Middle Eastern country voted. Talks in the Middle East stalled.",
			[]string{"place: Middle East @Middle East key=name"}},
		// Kinds.
		{"place suffix", "Crowds gathered in Mexico City and at Heathrow Airport.",
			[]string{"place: Mexico City @Mexico City key=name", "place: Heathrow @Heathrow key=name", "place: Heathrow Airport @Heathrow Airport key=name"}},
		{"organisation suffix", "The Finance Ministry and the National Grid Company disagreed.",
			[]string{"organisation: Finance Ministry @Finance Ministry key=name", "organisation: National Grid Company @National Grid Company key=name"}},
		{"of organisation", "The Bank of England raised rates.",
			[]string{"organisation: Bank of England @Bank of England key=name"}},
		{"ampersand", "Shares of Procter & Gamble Inc rose.",
			[]string{"organisation: Procter & Gamble Inc @Procter & Gamble Inc key=name"}},
		{"and organisation", "Agents of U.S. Customs and Border Protection waited.",
			[]string{"organisation: U.S. Customs and Border Protection @U.S. Customs and Border Protection key=name"}},
		{"acronym in brackets", "The Syrian Democratic Forces (SDF) withdrew. The SDF denied it.",
			[]string{"organisation: Syrian Democratic Forces @Syrian Democratic Forces key=name"}},
		{"the org said", "The Kremlin said nothing, and the Pentagon said the same.",
			[]string{"organisation: Kremlin @Kremlin key=name", "organisation: Pentagon @Pentagon key=name"}},
		{"place noun after", "Troops left Qamishli airport and the Hmeimim air base.",
			[]string{"place: Qamishli @Qamishli key=name", "place: Hmeimim @Hmeimim key=name"}},
		{"speech verb person", "In court, Okonkwo said the judge erred.",
			[]string{"person: Okonkwo @Okonkwo key=name"}},
		{"said then name", "\"We will appeal,\" said Maria Santos.",
			[]string{"person: Maria Santos @Maria Santos key=surname"}},
		// Surname mapping within an article.
		{"surname after full name", "Kremlin spokesman Dmitry Peskov spoke. Peskov declined to say more.",
			[]string{"organisation: Kremlin @Kremlin key=name", "person: Dmitry Peskov @Dmitry Peskov key=surname"}},
		{"surname before full name", "Mensah won. Coach Kwame Mensah praised the squad.",
			[]string{"person: Kwame Mensah @Mensah key=surname"}},
		{"shape and surname reuse", "The judge questioned Samuel Ramani. Ramani said he was innocent.",
			[]string{"person: Samuel Ramani @Samuel Ramani key=surname"}},
		{"apposition", "\"We wait,\" said Nicole Ramos, an attorney with the group Al Otro Lado.",
			[]string{"person: Nicole Ramos @Nicole Ramos key=surname", "other: Al Otro Lado @Al Otro Lado key=name"}},
		{"age apposition", "Mario Quintanillo, 30, married on the beach.",
			[]string{"person: Mario Quintanillo @Mario Quintanillo key=surname"}},
		{"two persons share a surname", "Donald Trump met Melania Trump. Trump spoke.",
			[]string{"person: Donald Trump @Donald Trump key=surname", "person: Melania Trump @Melania Trump key=name"}},
		// A bare surname joins a fuller name only when nothing sets them
		// apart.
		{"gender keeps a surname apart", "Ann Roe, the first lady, waved. Mr. Roe spoke at length. Mr. Roe left. Then Mr. Roe returned.",
			[]string{"person: Ann Roe @Ann Roe key=name", "person: Roe @Roe key=name"}},
		{"an earlier title keeps a surname apart", "Governor Roe and first lady Ann Roe arrived. Roe spoke. Roe left.",
			[]string{"person: Roe @Roe key=name", "person: Ann Roe @Ann Roe key=name"}},
		{"a later second title does not", "Ann Roe, the former adviser, spoke. Ms. Roe, a retired general, left.",
			[]string{"person: Ann Roe @Ann Roe key=surname"}},
		{"a middle initial and III join", "Ann B. Roe III spoke. Ann Roe left. Ms. Roe returned.",
			[]string{"person: Ann B. Roe III @Ann B. Roe III key=surname"}},
		{"a middle initial that is a word", "They met the ambassador, Sergey I. Volkov, in Port Alder.",
			[]string{"person: Sergey I. Volkov @Sergey I. Volkov key=surname", "place: Port Alder @Port Alder key=name"}},
		{"a short given name joins the full one", "Donald F. Hale II spoke. Later Don Hale left.",
			[]string{"person: Donald F. Hale II @Donald F. Hale II key=surname"}},
		{"a given name with the same first letter is another person", "John B. Hale spoke. Later Joan Hale left.",
			[]string{"person: John B. Hale @John B. Hale key=surname", "person: Joan Hale @Joan Hale key=name"}},
		{"two claimants leave a bare surname out", "Ann Hale met Bob Hale. Hale spoke.",
			[]string{"person: Ann Hale @Ann Hale key=surname", "person: Bob Hale @Bob Hale key=name"}},
		{"a junior is another person", "Governor Roe spoke. Ann Roe, Jr. left. Roe Jr. waved. Roe returned.",
			[]string{"person: Roe @Roe key=name", "person: Ann Roe, Jr. @Ann Roe, Jr. key=name"}},
		{"a plan goes on with of", "The Joint Plan of Action was signed in Port Alder.",
			[]string{"organisation: Joint Plan of Action @Joint Plan of Action key=name", "place: Port Alder @Port Alder key=name"}},
		{"a junior's later bare surname is the junior", "Ann B. Roe Jr. spoke. Roe left. Ann Roe returned.",
			[]string{"person: Ann B. Roe Jr. @Ann B. Roe Jr. key=surname"}},
		{"a tower is a place", "Crowds met at Alder Tower.",
			[]string{"place: Alder Tower @Alder Tower key=name"}},
		// Names that are also words stay names.
		{"month as a given name", "Governor June Ellis said the port would open.",
			[]string{"person: June Ellis @June Ellis key=surname"}},
		{"month as a surname", "Senator Ann March said the port would open.",
			[]string{"person: Ann March @Ann March key=surname"}},
		{"april and august as given names", "April Hale met August Lind in Port Alder.",
			[]string{"person: April Hale @April Hale key=surname", "person: August Lind @August Lind key=surname", "place: Port Alder @Port Alder key=name"}},
		{"word given names written in lower case elsewhere", "Mark Lind agreed, and we mark the day. Rose Alder rose to speak.",
			[]string{"person: Mark Lind @Mark Lind key=surname", "person: Rose Alder @Rose Alder key=surname"}},
		{"month after a preposition is a month", "In June Ellis said the port would open.",
			[]string{"person: Ellis @Ellis key=name"}},
		{"month before a day is a month", "Tova Lind arrives on March 4 in Port Alder.",
			[]string{"person: Tova Lind @Tova Lind key=surname", "place: Port Alder @Port Alder key=name"}},
		{"month after an organisation is a month", "The Harbour Council March vote failed.",
			[]string{"organisation: Harbour Council @Harbour Council key=name"}},
		{"word given names", "Mayor Will Hale and Bill Rose, a farmer, said Grace Chase agreed.",
			[]string{"person: Will Hale @Will Hale key=surname", "person: Bill Rose @Bill Rose key=surname", "person: Grace Chase @Grace Chase key=surname"}},
		// Abbreviations keep their dots; facilities name their place.
		{"dotted abbreviation keeps its dot", "The H.T.A. said the port would open.",
			[]string{"organisation: H.T.A. @H.T.A. key=name"}},
		{"dotted acronym in brackets", "The Harbour Trust Authority (H.T.A.) said so. The H.T.A. met.",
			[]string{"organisation: Harbour Trust Authority @Harbour Trust Authority key=name"}},
		{"port of entry names its place", "Crowds waited at the Port Alder Port of Entry on Sunday.",
			[]string{"place: Port Alder @Port Alder key=name", "place: Port Alder Port of Entry @Port Alder Port of Entry key=name"}},
		{"place not merged into a name", "Fighting reached Aleppo. The Aleppo Governorate office shut.",
			[]string{"other: Aleppo @Aleppo key=name", "place: Aleppo Governorate @Aleppo Governorate key=name"}},
		// Courts, business, sport.
		{"court", "Judge Amy Berman Jackson sentenced him in Washington.",
			[]string{"person: Amy Berman Jackson @Amy Berman Jackson key=surname", "place: Washington @Washington key=name"}},
		{"business", "Shares of Tesla fell after chief executive Elon Musk spoke in Austin.",
			[]string{"other: Tesla @Tesla key=name", "person: Elon Musk @Elon Musk key=surname", "place: Austin @Austin key=name"}},
		{"sport", "Striker Harry Kane scored twice at Wembley Stadium.",
			[]string{"person: Harry Kane @Harry Kane key=surname", "place: Wembley Stadium @Wembley Stadium key=name"}},
		{"disaster", "The earthquake struck near Kahramanmaras Province, the agency said.",
			[]string{"place: Kahramanmaras Province @Kahramanmaras Province key=name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := generalFacts(t, tt.text)
			if diff := cmp.Diff(tt.want, renderKinds(t, fs, KindEntity)); diff != "" {
				t.Errorf("%q: entities (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestNERTitles(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"nationality not in title", "Russian President Vladimir Putin met him.",
			[]string{"title: Vladimir Putin = president @President"}},
		{"country abbreviation not in title", "U.S. President Tova Lind met him.",
			[]string{"title: Tova Lind = president @President"}},
		{"interim president", "Syrian interim President Ahmed al-Sharaa arrived.",
			[]string{"title: Ahmed al-Sharaa = interim president @interim President"}},
		{"comma after title", "Syrian interim President, Ahmed al-Sharaa met him in Moscow.",
			[]string{"title: Ahmed al-Sharaa = interim president @interim President"}},
		{"organisation kept", "Kremlin spokesman Dmitry Peskov declined to comment.",
			[]string{"title: Dmitry Peskov = kremlin spokesman @Kremlin spokesman"}},
		{"acronym organisation kept", "CBP Commissioner Kevin McAleenan visited.",
			[]string{"title: Kevin McAleenan = cbp commissioner @CBP Commissioner"}},
		{"abbreviation expanded", "The bill was backed by Rep. Zoe Lofgren.",
			[]string{"title: Zoe Lofgren = representative @Rep."}},
		{"defence minister", "Russian Defence Minister Andrey Belousov spoke.",
			[]string{"title: Andrey Belousov = defence minister @Defence Minister"}},
		{"defense spelled defence", "Defense Secretary Lloyd Austin flew in.",
			[]string{"title: Lloyd Austin = defence secretary @Defense Secretary"}},
		{"chief patrol agent", "Chief Patrol Agent Rodney Scott said so.",
			[]string{"title: Rodney Scott = chief patrol agent @Chief Patrol Agent"}},
		{"courtesy is no title", "Mr. Trump spoke.", []string{}},
		{"former president", "Aid went to former president Bashar al-Assad.",
			[]string{"title: Bashar al-Assad = former president @former president"}},
		{"apposition with of", "\"Wait,\" said Pete Flores, director of field operations for CBP in San Diego.",
			[]string{"title: Pete Flores = director of field operations @director of field operations"}},
		{"apposition with article", "\"We wait,\" said Nicole Ramos, an attorney with the group.",
			[]string{"title: Nicole Ramos = attorney @attorney"}},
		{"apposition with modifiers", "\"Soon,\" said Nicole Ramos, a volunteer immigration lawyer.",
			[]string{"title: Nicole Ramos = volunteer immigration lawyer @volunteer immigration lawyer"}},
		{"apposition before a participle", "\"Soon,\" said Jon Ek, a volunteer lawyer helping the families.",
			[]string{"title: Jon Ek = volunteer lawyer @volunteer lawyer"}},
		{"apposition before a verb is no title", "\"Soon,\" said Jon Ek, a lawyer sings.",
			[]string{}},
		{"secretary of state", "Secretary of State Marco Rubio landed.",
			[]string{"title: Marco Rubio = secretary of state @Secretary of State"}},
		{"first titled mention", "Keir Starmer spoke. Prime Minister Keir Starmer then left.",
			[]string{"title: Keir Starmer = prime minister @Prime Minister"}},
		{"sport title", "Head coach Gareth Southgate named the squad.",
			[]string{"title: Gareth Southgate = head coach @Head coach"}},
		// Appositions and titles before a comma.
		{"apposition after a possessive name", "Tova Lind, Harbour Trust's former chief negotiator, resigned.",
			[]string{"title: Tova Lind = former chief negotiator @former chief negotiator"}},
		{"apposition after the body's possessive", "Tova Lind, the ministry's short-lived chief negotiator, resigned.",
			[]string{"title: Tova Lind = short-lived chief negotiator @short-lived chief negotiator"}},
		{"apposition with a dotted acronym", "The board dismissed Tova Lind, the H.T.A. director, on Friday.",
			[]string{"title: Tova Lind = hta director @H.T.A. director"}},
		{"apposition with first", "Ann Roe, the first lady, waved.",
			[]string{"title: Ann Roe = first lady @first lady"}},
		{"lower-case title before a comma", "They asked about his former security advisor, Tova Lind, who resigned.",
			[]string{"title: Tova Lind = former security adviser @former security advisor"}},
		{"title before a comma needs a determiner", "After meeting the president, Tova Lind said no.",
			[]string{}},
		{"one head in a lower-case title", "Did the president fire director Tova Lind?",
			[]string{"title: Tova Lind = director @director"}},
		{"courtesy takes no words before it", "He wanted to fire Ms. Lind quickly.",
			[]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := generalFacts(t, tt.text)
			if diff := cmp.Diff(tt.want, renderKinds(t, fs, KindTitle)); diff != "" {
				t.Errorf("%q: titles (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestNEREvents(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"past with object and preposition", "Russia withdrew its forces from Qamishli airport on Monday.",
			[]string{`withdraw — Qamishli "withdrew its forces from Qamishli"=key completed asserted`}},
		{"have begun withdrawing", "Russian forces have also begun withdrawing from Qamishli Airport.",
			[]string{`withdraw — Qamishli "withdrawing from Qamishli Airport"=key ongoing asserted`}},
		{"past progressive reported", "Reuters reported that Russia was withdrawing forces from Qamishli airport.",
			[]string{`withdraw — Qamishli "withdrawing forces from Qamishli"=key ongoing reported(Reuters)`}},
		{"negated", "The army did not withdraw from Harwick, officials said.",
			[]string{`withdraw — Harwick "withdraw from Harwick"=key completed reported(officials) negated`}},
		{"planned", "The fleet will sail to Tartus next month.",
			[]string{`sail — Tartus "sail to Tartus"=key planned asserted`}},
		{"noun event", "The withdrawal of Russian forces from Qamishli was orderly.",
			[]string{`withdraw — Qamishli "withdrawal of Russian forces from Qamishli"=key asserted`}},
		{"direct object", "The president visited Kyiv on Friday.",
			[]string{`visit — Kyiv "visited Kyiv"=key completed asserted`}},
		{"travel is a visit", "The minister traveled to Ankara for talks.",
			[]string{`visit — Ankara "traveled to Ankara"=key completed asserted`}},
		{"trip is a visit", "His trip to Ankara was short.",
			[]string{`visit — Ankara "trip to Ankara"=key asserted`}},
		{"talks are a meeting", "Talks in Geneva ended without a deal.",
			[]string{`meet — Geneva "Talks in Geneva"=key asserted`}},
		{"irregular past", "The leaders met in Doha.",
			[]string{`meet — Doha "met in Doha"=key completed asserted`}},
		{"person is no argument", "Putin met President Ahmed al-Sharaa.", []string{}},
		{"reporting verb is no event", "He said in Cairo that talks were over.", []string{}},
		{"clause break", "The troops rested, and Damascus was calm.", []string{}},
		{"pulled out of", "The company pulled out of Russia last year.",
			[]string{`withdraw — Russia "pulled out of Russia"=key completed asserted`}},
		{"court", "The defendant was extradited to Spain.",
			[]string{`extradite — Spain "extradited to Spain"=key completed asserted`}},
		{"sport", "Arsenal are playing at Wembley Stadium.",
			[]string{`play — Wembley Stadium "playing at Wembley Stadium"=key ongoing asserted`}},
		{"disaster", "Floodwaters reached Lagos State overnight.",
			[]string{`reach — Lagos State "reached Lagos State"=key completed asserted`}},
		{"possessive is no argument", "The army praised Russia's role.", []string{}},
		{"name before its noun is no object", "She addressed US concerns.", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := generalFacts(t, tt.text)
			if diff := cmp.Diff(tt.want, renderKinds(t, fs, KindEvent)); diff != "" {
				t.Errorf("%q: events (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestNERDates(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"lede and verb", "The leaders met in Moscow on Monday. It rained.",
			[]string{`lede "Monday"=2026-03-09 asserted`, `meet "Monday"=2026-03-09 asserted`}},
		{"noun nearer than verb", "The president met his counterpart for talks at the Kremlin on Monday.",
			[]string{`lede "Monday"=2026-03-09 asserted`, `meet "Monday"=2026-03-09 asserted`}},
		{"travel and visit", "The minister traveled to Ankara today, March 10, for talks.",
			[]string{`lede "today"=2026-03-10 asserted`, `visit "today"=2026-03-10 asserted`}},
		{"dateline skipped", "LAGOS, March 9 (Reuters) - Floods hit the city on Sunday.",
			[]string{`hit "Sunday"=2026-03-08 asserted`, `lede "Sunday"=2026-03-08 asserted`}},
		{"background earlier occurrence", "Rain fell. Roads shut. Shops closed. During his first visit to Rome in 2019, he met the pope.",
			[]string{`visit "2019"=2019 asserted background`}},
		{"old date is not the lede", "He took power at the end of 2024. The talks on Monday went well.",
			[]string{`other "the end of 2024"=2024-09-01/2024-12-31 asserted`, `lede "Monday"=2026-03-09 asserted`, `meet "Monday"=2026-03-09 asserted`}},
		{"reporting verb claims the date", "On Tuesday, the minister said the plan was ready.",
			[]string{`lede "Tuesday"=2026-03-10 asserted`, `say "Tuesday"=2026-03-10 asserted`}},
		{"sentence-opening date reaches over its comma", "On Monday, the court sentenced him to ten years.",
			[]string{`lede "Monday"=2026-03-09 asserted`, `sentence "Monday"=2026-03-09 asserted`}},
		{"court hearing noun", "One. Two. Three. The hearing on Friday was adjourned.",
			[]string{`hearing "Friday"=2026-03-06 asserted`}},
		{"election", "Voters went to the polls. The election on Sunday was calm.",
			[]string{`elect "Sunday"=2026-03-08 asserted`, `lede "Sunday"=2026-03-08 asserted`}},
		{"no lede after three sentences", "One. Two. Three. The storm hit on Monday.",
			[]string{`hit "Monday"=2026-03-09 asserted`}},
		{"match", "Fans celebrated after the final on Saturday.",
			[]string{`lede "Saturday"=2026-03-07 asserted`, `match "Saturday"=2026-03-07 asserted`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := generalFacts(t, tt.text)
			if diff := cmp.Diff(tt.want, renderKinds(t, fs, KindDate)); diff != "" {
				t.Errorf("%q: dates (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestLemma(t *testing.T) {
	tests := map[string]string{
		"withdrew": "withdraw", "withdrawn": "withdraw", "withdrawing": "withdraw", "met": "meet",
		"moved": "move", "moving": "move", "located": "locate", "evacuated": "evacuate",
		"planned": "plan", "stopped": "stop", "travelled": "travel", "traveled": "travel",
		"traveling": "travel", "carried": "carry", "carrying": "carry", "agreed": "agree",
		"visited": "visit", "opened": "open", "entered": "enter", "killed": "kill", "filled": "fill",
		"hoped": "hope", "voted": "vote", "decided": "decide", "praised": "praise",
		"changed": "change", "argued": "argue", "handled": "handle", "ruled": "rule",
		"stationed": "station", "added": "add", "withdraws": "withdraw", "reaches": "reach",
		"developed": "develop", "targeted": "target", "completed": "complete", "cited": "cite",
		"sentenced": "sentence", "arrested": "arrest", "controlled": "control", "shelled": "shell",
	}
	var got []string
	for in, want := range tests {
		if l := lemma(in); l != want {
			got = append(got, fmt.Sprintf("lemma(%q) = %q, want %q", in, l, want))
		}
	}
	sort.Strings(got)
	if len(got) > 0 {
		t.Error(strings.Join(got, "\n"))
	}
}

// TestNERAlignsAcrossArticles: the same person, written differently, gets
// one slot in two articles.
func TestNERAlignsAcrossArticles(t *testing.T) {
	slotOf := func(text, value string) string {
		_, fs := generalFacts(t, text)
		for _, f := range fs {
			if f.Kind == KindEntity && f.Value == value {
				return f.Slot
			}
		}
		t.Fatalf("%q: no entity %q", text, value)
		return ""
	}
	pairs := [][4]string{
		{"Kremlin spokesman Dmitry Peskov spoke.", "Dmitry Peskov", "Officials said Peskov declined to comment.", "Peskov"},
		{"President Ahmed al-Sharaa arrived.", "Ahmed al-Sharaa", "President Ahmad al-Sharaa arrived.", "Ahmad al-Sharaa"},
		{"President Ahmed al-Sharaa arrived.", "Ahmed al-Sharaa", "He said Sharaa was pleased.", "Sharaa"},
		{"Ships docked at Tartous port.", "Tartous", "Ships docked at Tartus port.", "Tartus"},
		{"Troops left Qamishli.", "Qamishli", "Troops left Kamishli.", "Kamishli"},
	}
	for _, p := range pairs {
		a, b := slotOf(p[0], p[1]), slotOf(p[2], p[3])
		if a != b {
			t.Errorf("%q → %s, %q → %s; want one slot", p[1], a, p[3], b)
		}
	}
}

// TestNERSeeds runs the general finders on the five seed articles, with no
// topic file.
func TestNERSeeds(t *testing.T) {
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v, %d files", err, len(files))
	}
	type slotFacts map[string][]Fact // slot → facts, by article prefix
	byArticle := map[string]slotFacts{}
	var ids []string
	for _, path := range files {
		a, err := ReadArticleFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if a.Published.IsZero() {
			a.Published = Day(2026, time.January, 28)
		}
		fs, err := NewGeneralExtractor("seeds").Extract(context.Background(), &a)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, a, fs)
		id := a.ID[:3]
		ids = append(ids, id)
		sf := slotFacts{}
		for _, f := range fs {
			switch f.Kind {
			case KindEntity, KindTitle, KindEvent, KindDate:
				sf[f.Slot] = append(sf[f.Slot], f)
			}
		}
		byArticle[id] = sf
	}
	stating := func(slot string) []string {
		var out []string
		for _, id := range ids {
			if len(byArticle[id][slot]) > 0 {
				out = append(out, id)
			}
		}
		return out
	}
	all := []string{"000", "001", "002", "003", "004"}

	// (a) Hmeimim and Tartus/Tartous: one slot each, in all five.
	hmeimim, tartus := "entity:"+NameKey("Hmeimim"), "entity:"+NameKey("Tartus")
	if got := stating(hmeimim); !cmp.Equal(got, all) {
		t.Errorf("%s stated by %v, want all", hmeimim, got)
	}
	if got := stating(tartus); !cmp.Equal(got, all) {
		t.Errorf("%s stated by %v, want all", tartus, got)
	}
	var tv []string
	for _, id := range ids {
		for _, f := range byArticle[id][tartus] {
			tv = append(tv, id+":"+f.Value)
		}
	}
	if want := []string{"000:Tartous", "001:Tartus", "002:Tartus", "003:Tartus", "004:Tartus"}; !cmp.Equal(tv, want) {
		t.Errorf("Tartus values %v, want %v", tv, want)
	}

	// (b) The withdrawal from Qamishli, with its aspect per outlet.
	withdraw := "event:withdraw:" + NameKey("Qamishli")
	var wa []string
	for _, id := range ids {
		for _, f := range byArticle[id][withdraw] {
			wa = append(wa, id+":"+string(f.Aspect))
		}
	}
	if want := []string{"000:ongoing", "001:completed", "003:completed", "004:ongoing"}; !cmp.Equal(wa, want) {
		t.Errorf("%s aspects %v, want %v", withdraw, wa, want)
	}

	// (c) The date of the main event.
	for _, id := range ids {
		fs := byArticle[id]["date:lede"]
		if len(fs) != 1 || fs[0].Value != "2026-01-28" {
			var got []string
			for _, f := range fs {
				got = append(got, f.Value+" "+f.Surface)
			}
			t.Errorf("%s: date:lede %v, want 2026-01-28", id, got)
		}
	}

	// (d) The Kremlin spokesman's title, where he is named.
	peskov := "title:" + NameKey("Peskov")
	if got, want := stating(peskov), []string{"000", "001", "003", "004"}; !cmp.Equal(got, want) {
		t.Errorf("%s stated by %v, want %v", peskov, got, want)
	}
	for _, id := range stating(peskov) {
		if v := byArticle[id][peskov][0].Value; v != "kremlin spokesman" {
			t.Errorf("%s: %s = %q, want kremlin spokesman", id, peskov, v)
		}
	}

	// (e) The Syrian leader aligns across spellings by surname.
	sharaa := "entity:" + NameKey("Sharaa")
	var sv []string
	for _, id := range ids {
		for _, f := range byArticle[id][sharaa] {
			sv = append(sv, id+":"+f.Value+":"+f.Label)
		}
	}
	want := []string{
		"000:Ahmed al-Sharaa:person: Ahmed al-Sharaa", "001:Ahmed al-Sharaa:person: Ahmed al-Sharaa",
		"002:Ahmed al-Sharaa:person: Ahmed al-Sharaa", "003:Ahmed al-Sharaa:person: Ahmed al-Sharaa",
		"004:Ahmad al-Sharaa:person: Ahmad al-Sharaa",
	}
	if !cmp.Equal(sv, want) {
		t.Errorf("%s: %v, want %v", sharaa, sv, want)
	}
}

// BenchmarkGeneralEntities runs the entity, event and date finders over
// the five seed articles; ns/op is per article.
func BenchmarkGeneralEntities(b *testing.B) {
	files, _ := filepath.Glob("../seeds/*.txt")
	x := &Extractor{topic: &Topic{ID: "seeds"}, aliases: newAliasIndex(nil)}
	var docs []*doc
	for _, path := range files {
		a, err := ReadArticleFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if a.Published.IsZero() {
			a.Published = Day(2026, time.January, 28)
		}
		docs = append(docs, x.analyse(&a))
	}
	if len(docs) == 0 {
		b.Fatal("no seeds")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		// Each article analysed afresh, as in a batch of new articles.
		d.ner = nil
		for k := range d.sents {
			d.sents[k].dated = false
		}
		findEntities(d)
		findEvents(d)
		findGeneralDates(d)
	}
}
