package facts

import "strings"

// Word tables of the general named-entity, event and date finders
// (ner.go, ner_event.go, ner_date.go). They hold general English: function
// words, titles, nationality adjectives, the generic words that end names
// of places and organisations. All entries are folded (Fold).

// words builds a set from space-separated folded words.
func words(list ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range list {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

// nerStop are function and sentence-opening words that never start a
// name, even capitalised: "The", "However", "Earlier".
var nerStop = words(
	"the a an this that these those his her its their our my your",
	"he she it they we you i me him them us who whom whose what when where why how which",
	"there here however meanwhile but and or so yet if while although though because",
	"since as after before during despite ahead according regarding earlier later also",
	"still even now then today yesterday tomorrow tonight in on at by for from to with",
	"without of into over under about among amid amidst between through throughout until",
	"till against toward towards upon near all some many most much more both each every",
	"no not neither nor either other another such first last next several few",
	"please thanks yes oh well just only again instead indeed overall finally moreover",
	"furthermore nevertheless nonetheless therefore thus hence once whether unless let",
	"do does did is are was were be been has have had can could would should might",
	"must shall never always often sometimes usually perhaps maybe already almost across",
	"along around inside outside within beyond behind below above up down out off via",
	"per like unlike than whereas whoever whatever anyone everyone someone nobody nothing",
	"something everything anything none any own same others one two three four five six",
	"seven eight nine ten advert advertisement read watch listen click subscribe share",
	"related photo video updated posted published copyright",
)

// nerParticles are the connectors that mark a personal name ("Ahmed bin
// Salman", "Ursula von der Leyen").
var nerParticles = nameParticles

// nerConnectors may stand inside a name between capitalised words: the
// particles, and "y", "of", "&" ("Bank of England").
var nerConnectors = words(nameParticleWords, "y of &")

// titleHeads are the nouns of titles and roles that stand before or after
// a person's name: "President", "spokesman", "Chief Patrol Agent".
var titleHeads = words(
	"president vice-president minister premier chancellor secretary spokesman spokeswoman",
	"spokesperson governor senator representative congressman congresswoman assemblyman",
	"assemblywoman councilman councilwoman councillor councilor mayor judge justice magistrate",
	"prosecutor attorney lawyer counsel barrister solicitor director co-director chairman",
	"chairwoman chairperson chair chief commissioner agent officer general colonel lieutenant",
	"sergeant captain commander admiral major marshal brigadier corporal ambassador",
	"envoy consul diplomat king queen prince princess emperor empress pope sheikh sheikha emir",
	"sultan crown monarch leader ceo cfo coo cto president-elect founder co-founder owner",
	"executive economist analyst correspondent reporter editor columnist actor actress singer",
	"rapper musician star champion driver coach manager striker midfielder goalkeeper",
	"defender quarterback pitcher player captain inspector detective sheriff constable",
	"superintendent warden aide adviser advisor deputy candidate nominee speaker professor",
	"lecturer researcher scientist historian author novelist photographer activist campaigner",
	"bishop archbishop cardinal rabbi imam ayatollah cleric mufti patriarch reverend pastor",
	"priest father sir dame lord lady baron baroness duke duchess earl",
	"governor-general surgeon doctor nurse boss fellow investor",
	"billionaire businessman businesswoman entrepreneur tycoon mogul treasurer comptroller",
	"auditor registrar ombudsman administrator coordinator representative delegate",
	"negotiator mediator researcher physician pilot cosmonaut astronaut referee umpire",
	"commentator presenter spokesmen",
)

// titleModifiers stand inside a title before its head: "interim
// President", "Defence Minister", "Chief Patrol Agent".
var titleModifiers = words(
	"interim acting former deputy vice senior chief foreign defence defense interior finance",
	"economy economic health justice education trade energy prime first press state federal",
	"regional local national assistant associate executive managing top military army navy",
	"naval air border patrol police district county city presidential royal crown supreme",
	"grand lead co then incoming outgoing opposition party union team club security",
	"intelligence labour labor agriculture environment transport culture sports field special",
	"permanent attorney general head principal junior second lieutenant staff",
	"communications media information public legal political policy sergeant-at-arms",
	"majority minority parliamentary cabinet shadow retired veteran former-president",
	"immigration customs homeland treasury commerce development digital technology science",
	"research chief-of-staff world olympic defending reigning assistant-coach head-coach",
	"spiritual supreme ruling elected self-proclaimed de-facto",
)

// honorifics are courtesy titles: they mark a person but are not a title
// the outlet gives ("Mr. Hale").
var honorifics = words("mr mrs ms miss mx messrs mme mlle herr")

// titleAbbrev expands abbreviated titles.
var titleAbbrev = map[string]string{
	"rep": "representative", "sen": "senator", "gen": "general", "gov": "governor",
	"col": "colonel", "lt": "lieutenant", "sgt": "sergeant", "capt": "captain",
	"cmdr": "commander", "adm": "admiral", "maj": "major", "prof": "professor",
	"dr": "doctor", "rev": "reverend", "pres": "president", "atty": "attorney",
	"supt": "superintendent", "insp": "inspector", "det": "detective",
	"amb": "ambassador", "hon": "honourable", "gov.-elect": "governor-elect",
	"defense": "defence", "cpl": "corporal", "pvt": "private", "brig": "brigadier",
	"sr": "senior", "jr": "junior", "st": "saint", "fr": "father",
	// Spellings of one title: "adviser" and "advisor".
	"advisor": "adviser", "advisors": "advisers",
}

// nameSuffixWords end a personal name without being its surname.
var nameSuffixWords = words("jr sr ii iii iv v")

// demonyms are nationality and group adjectives, with their plural nouns
// made by nerDemonym: "Russian", "Russians". A run that is only a demonym
// is no entity; one before a title is the nationality, not part of it.
var demonyms = words(
	"afghan albanian algerian american andorran angolan argentine argentinian armenian",
	"australian austrian azerbaijani azeri bahraini bangladeshi belarusian belgian beninese",
	"bolivian bosnian brazilian british briton bulgarian burkinabe burmese burundian",
	"cambodian cameroonian canadian chadian chilean chinese colombian congolese croatian",
	"cuban cypriot czech danish djiboutian dominican dutch ecuadorian egyptian emirati",
	"english eritrean estonian ethiopian european fijian filipino finnish french gabonese",
	"gambian georgian german ghanaian greek guatemalan guinean haitian honduran hungarian",
	"icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican",
	"japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao laotian latvian",
	"lebanese liberian libyan lithuanian luxembourgish macedonian malagasy malawian",
	"malaysian maldivian malian maltese mauritanian mexican moldovan mongolian montenegrin",
	"moroccan mozambican namibian nepali nepalese nicaraguan nigerian nigerien norwegian",
	"omani pakistani palestinian panamanian paraguayan persian peruvian polish portuguese",
	"qatari romanian russian rwandan salvadoran saudi scottish senegalese serbian",
	"singaporean slovak slovenian somali south-african spanish sri-lankan sudanese swedish",
	"swiss syrian taiwanese tajik tanzanian thai togolese tunisian turkish turkmen ugandan",
	"ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean",
	"african asian arab arabian latin latino hispanic caribbean balkan baltic nordic",
	"scandinavian slavic soviet western eastern northern southern middle-eastern",
	"kurdish kurd kurds turkic pashtun tamil sikh hindu muslim christian jewish catholic",
	"protestant orthodox sunni shia shiite shi'ite alawite druze yazidi islamic islamist",
	"jihadist baathist zionist maoist marxist communist socialist democratic republican",
	"conservative liberal federal anglo franco sino indo afro pan",
	"northeastern northwestern southeastern southwestern central",
)

// nerDemonym reports whether a folded word is a demonym or its plural.
func nerDemonym(f string) bool {
	if demonyms[f] {
		return true
	}
	if strings.HasSuffix(f, "s") && demonyms[f[:len(f)-1]] {
		return true
	}
	// "Russian-Syrian", "Anglo-French".
	if i := strings.IndexByte(f, '-'); i > 0 {
		// The parts between hyphens, without a slice of them (Split here
		// was 4 % of Extract's allocations).
		for rest := f; ; {
			p, r, found := strings.Cut(rest, "-")
			if !demonyms[p] {
				return false
			}
			if !found {
				return true
			}
			rest = r
		}
	}
	return false
}

// weekdayMonth are weekday and month names, which are not entities.
var weekdayMonth = words(
	"monday tuesday wednesday thursday friday saturday sunday",
	"january february march april may june july august september october november december",
	"jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun",
)

// orgSuffixes end the names of organisations: "Syrian Democratic Forces",
// "Bank of England" (as a head before "of"), "The Moscow Times".
var orgSuffixes = words(
	"ministry agency agencies forces force commission committee party group council times",
	"news post journal herald tribune telegraph gazette guardian inc ltd llc plc corp corporation",
	"co company companies bank university college institute institution department office",
	"bureau service services army navy police court parliament assembly congress senate",
	"association union league federation foundation fund organization organisation authority",
	"administration holdings airlines airways club fc brigade brigades battalion regiment",
	"movement front alliance coalition network society academy school museum church",
	"corps guard guards command cabinet government presidency secretariat tribunal",
	"patrol protection enforcement security intelligence directorate board trust",
	"motors industries group systems technologies partners capital media press radio",
	"television tv broadcasting channel magazine review daily weekly monitor",
	"hospital clinic center centre laboratory laboratories labs",
)

// placeSuffixes end the names of places: "Mexico City", "Golan Heights".
var placeSuffixes = words(
	"city province airport port park border county state states island islands river",
	"mountains mountain valley bay sea ocean gulf lake street avenue road square bridge",
	"tower towers building palace castle cathedral mosque temple",
	"heights coast beach canyon desert district region republic kingdom station stadium",
	"arena base airbase strait peninsula crossing plaza boulevard highway village town",
	"township oblast governorate prefecture territory territories hills plain plains",
	"falls harbour harbor creek forest reservoir dam canal quarter camp prison",
)

// placeHeads start place names before "of": "Gulf of Mexico".
var placeHeads = words("gulf republic kingdom strait bay isle cape lake mount port sea state")

// argSuffixes are the facility and district words an event argument's
// head name drops: "withdrew from Harwick Airport" is about Harwick.
var argSuffixes = words("airport airbase base port province governorate region oblast prefecture district")

// placeNouns after a name make it a place: "Harwick airport", "Mitiga
// air base", "Latakia province".
var placeNouns = words(
	"airport airbase base port city province region border town village district county",
	"coast capital governorate area crossing camp neighborhood neighbourhood suburb valley",
	"river island facility harbour harbor station enclave countryside outskirts",
)

// placeNounAdjectives may stand between a name and its place noun: "air
// base", "naval facility".
var placeNounAdjectives = words("air naval military international coastal border regional main port")

// placePreps before a name make it a place: "in Moscow", "from Harwick".
var placePreps = words("in at from into near across outside inside via through throughout within toward towards to")

// placeAdjectives may stand between a place preposition and the name:
// "in northeastern Syria".
var placeAdjectives = words(
	"the north northern northeast northeastern northwest northwestern south southern",
	"southeast southeastern southwest southwestern east eastern west western central",
	"coastal rural downtown neighbouring neighboring nearby war-torn occupied",
)

// nerAdjSuffixes end hyphened adjectives that stand before names:
// "Kurdish-led", "London-based".
var nerAdjSuffixes = words(
	"led based held controlled backed born owned run made style era linked allied aligned",
	"funded sponsored affiliated speaking dominated occupied majority bound area",
)

// headingConnectors are the small words a title-case heading leaves in
// lower case.
var headingConnectors = words("of and the a an in on for to with at by from as amid over or vs")

// facilityTails end the names of facilities named after a place: "Port
// Alder Port of Entry", "Harwick International Airport". Longest first.
var facilityTails = [][]string{
	{"port", "of", "entry"}, {"international", "airport"}, {"border", "crossing"},
	{"air", "base"}, {"airport"}, {"airbase"}, {"crossing"}, {"checkpoint"},
}

// romanSuffixes end a personal name as a generation number (Robert Roe
// III); unlike Jr. and Sr. they are dropped when a name is matched against
// a shorter form of it, since outlets add or drop them for one person.
var romanSuffixes = words("ii iii iv")

// genderWords are honorifics and title heads that say a person's gender:
// "Mr. Roe" and "first lady Ann Roe" are two people.
var genderWords = map[string]byte{
	"mr": 'm', "messrs": 'm', "sir": 'm', "lord": 'm', "king": 'm', "prince": 'm',
	"duke": 'm', "baron": 'm', "earl": 'm', "emperor": 'm', "sultan": 'm',
	"sheikh": 'm', "spokesman": 'm', "chairman": 'm', "congressman": 'm',
	"assemblyman": 'm', "councilman": 'm', "businessman": 'm', "father": 'm',
	"mrs": 'f', "ms": 'f', "miss": 'f', "mme": 'f', "mlle": 'f', "lady": 'f',
	"dame": 'f', "queen": 'f', "princess": 'f', "duchess": 'f', "baroness": 'f',
	"empress": 'f', "sheikha": 'f', "spokeswoman": 'f', "chairwoman": 'f',
	"congresswoman": 'f', "assemblywoman": 'f', "councilwoman": 'f',
	"businesswoman": 'f', "actress": 'f',
}

// monthNames are the full month names, some of which are also given names
// or surnames ("June Ellis", "Ann March", "Theresa May").
var monthNames = words("january february march april may june july august september october november december")

// monthLeads before a month name make it the month: "in June", "last
// March", "since May".
var monthLeads = words(
	"in on by since until till from through during of last next this early late mid",
	"before after between around and or to",
)

// givenNameForms are English nicknames and the given names they stand for,
// whose first letters differ: "Bill Hale" and "William Hale" may be one
// person. Names that share a first letter (Jim/James, Rob/Robert) need no
// entry.
var givenNameForms = map[string]string{
	"bill": "william", "billy": "william", "will": "william", "liam": "william",
	"bob": "robert", "bobby": "robert", "dick": "richard", "rick": "richard",
	"ted": "edward", "ned": "edward", "ed": "edward", "chuck": "charles",
	"hank": "henry", "harry": "henry", "jack": "john", "johnny": "john",
	"peggy": "margaret", "meg": "margaret", "maggie": "margaret", "polly": "mary",
	"molly": "mary", "sally": "sarah", "betty": "elizabeth", "beth": "elizabeth",
	"liz": "elizabeth", "lisa": "elizabeth", "libby": "elizabeth", "bess": "elizabeth",
	"sandy": "alexander", "sasha": "alexander", "alex": "alexander", "xander": "alexander",
	"tony": "anthony", "tom": "thomas", "larry": "lawrence", "jerry": "gerald",
	"kate": "katherine", "kathy": "katherine", "kit": "christopher", "chris": "christopher",
	"dan": "daniel", "dave": "david", "greg": "gregory", "jim": "james", "jimmy": "james",
	"joe": "joseph", "mike": "michael", "nick": "nicholas", "pat": "patrick",
	"pete": "peter", "rudy": "rudolph", "sam": "samuel", "steve": "stephen",
	"sue": "susan", "terry": "terence", "vicky": "victoria", "wendy": "gwendolyn",
	"hal": "henry", "jenny": "jennifer", "jen": "jennifer",
}

// wordGivenNames are given names that are also English words: at the
// start of a two- or three-word name they keep its person shape even
// when the article writes the word in lower case ("Mark Lind agreed, and
// we mark the day").
var wordGivenNames = words(
	"will mark grace bill rose hope chase faith joy dawn summer june april may august",
	"ray frank jack pat sue drew dean lily ivy jay rob guy penny amber ruby pearl iris",
	"daisy holly heather violet grant earl april miles rich sterling hunter mason",
)

// instrumentHeads are the nouns of named plans, treaties and documents,
// which go on with "of": "Joint Plan of Action", "Treaty of Alder".
var instrumentHeads = words("plan treaty declaration convention charter statute accord accords protocol covenant")

// countryAbbrevs are countries' abbreviations that stand before a title
// as a nationality does: "U.S. President", "UK Prime Minister".
var countryAbbrevs = words("us usa uk")
