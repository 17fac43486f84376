package facts

// One home for the words about people and speech that several finders
// read: the verbs of saying, the particles inside personal names and the
// titles before them. The quote finder (who said it), the attribution
// reader (whom a claim comes from), the entity finder (a name before
// "said" is a person) and the spelling comparer in compare all take their
// sets from here, so they cannot read one name or one verb two ways.

// claimVerbs hand a claim to a source: "X said the troops had left", "the
// troops had left, X told reporters". Finite forms and "say", which
// stands after plural sources ("officials say").
var claimVerbs = words(
	"said says say told tells stated noted added adds insisted insists asserted",
	"acknowledged wrote writes announced confirmed claimed tweeted explained explains",
	"argued argues stressed emphasized emphasised testified reiterated",
	"affirmed contended conceded replied posits",
)

// reportOnlyVerbs hand a claim to a source without being words the source
// spoke: "Reuters reported", "officials estimated", "cited by". They
// attribute claims but do not introduce a direct quote.
var reportOnlyVerbs = words(
	"reported reports alleged alleges estimated estimates quoted cited claims states",
)

// utteranceVerbs introduce words someone said without handing a claim
// about the world to them: "asked", "vowed", "joked", and verbs that also
// name an action ("declared a ceasefire", "admitted to hospital",
// "responded to the attack", "recalled the cars", "warned of arrests"),
// which a finder reads as speech only beside a quote.
var utteranceVerbs = words(
	"tell asked asks urged pleaded shouted yelled cried whispered joked quipped boasted warned warns",
	"complained concluded predicted promised vowed pledged cautioned retorted exclaimed",
	"lamented remarked commented continued spoke recalled maintained observed posted",
	"answered responded countered admitted declared recounted underscored notes",
)

// speechGerunds open a quote after a comma: "…, saying “…”".
var speechGerunds = words(
	"saying adding telling noting insisting warning arguing declaring explaining",
	"stressing writing tweeting vowing asking urging promising pledging recalling",
	"stating claiming acknowledging emphasizing emphasising admitting conceding",
)

// reportVerbs are the verbs whose subject a claim is attributed to.
var reportVerbs = union(claimVerbs, reportOnlyVerbs)

// quoteSpeechVerbs are the verbs that credit a direct quote to a speaker.
var quoteSpeechVerbs = union(claimVerbs, utteranceVerbs, speechGerunds)

// speechVerbs after a name make it a person ("Hale said"; "the Harbour
// Trust said" is kept apart by the "the" before it): the finite verbs of
// saying.
var speechVerbs = func() map[string]bool {
	m := union(claimVerbs, utteranceVerbs)
	delete(m, "say")
	delete(m, "tell")
	return m
}()

// nameParticleWords are the particles of Arabic, Dutch, German, Romance
// and other personal names, written apart: "Ahmed bin Salman", "Ursula
// von der Leyen", "Maria do Carmo".
const nameParticleWords = "al el bin ibn bint abu von van der den de la le du da di dos das do del della ter ten zu"

// nameParticles are nameParticleWords as a set.
var nameParticles = words(nameParticleWords)

// titleWords are the words of a title before a person's name, as the
// quote finder and the spelling comparer skip them: the heads of titles
// and roles, courtesy titles, their abbreviations, and the few modifiers
// that open a title ("Vice President", "acting Governor").
var titleWords = func() map[string]bool {
	m := union(titleHeads, honorifics, words("vice prime interim acting former deputy chief executive general attorney head"))
	for abbrev := range titleAbbrev {
		m[abbrev] = true
	}
	return m
}()

// IsTitleWord reports whether the folded word f can stand in a title
// before a person's name ("president", "mr", "gen", "former").
func IsTitleWord(f string) bool { return titleWords[f] }

// IsSpeechVerb reports whether the folded word f is a verb of saying that
// credits words to its subject ("said", "told", "warned").
func IsSpeechVerb(f string) bool { return speechVerbs[f] }

func union(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, s := range sets {
		for w := range s {
			m[w] = true
		}
	}
	return m
}
