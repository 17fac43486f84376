package facts

// Topic is one story, as its topic file describes it: the entities the
// story names, the fact slots the desk wants compared, and optionally the
// articles with metadata their texts lack.
type Topic struct {
	// ID is the topic's stable id, such as "selkie-ferry-fire".
	ID string `yaml:"id" json:"id"`
	// Title is a human title for reports.
	Title string `yaml:"title" json:"title"`
	// Date is the story's reference date, used for articles whose own
	// publication date is unknown.
	Date string `yaml:"date,omitempty" json:"date,omitempty"`
	// Entities are the named things of the story, each with its aliases.
	Entities []Entity `yaml:"entities" json:"entities"`
	// Slots are the facts to extract and compare.
	Slots []Slot `yaml:"slots" json:"slots"`
	// Articles optionally lists the topic's articles with metadata that
	// overrides what is found in their texts.
	Articles []ArticleMeta `yaml:"articles,omitempty" json:"articles,omitempty"`
}

// Entity is a named thing (person, place, organisation) with a canonical
// id and the spellings it is known by.
type Entity struct {
	// ID is the canonical id, such as "tobruk".
	ID string `yaml:"id" json:"id"`
	// Name is the display name; it is also matched as an alias.
	Name string `yaml:"name" json:"name"`
	// Kind is person, place, organisation or other; informative.
	Kind string `yaml:"kind,omitempty" json:"kind,omitempty"`
	// Aliases are other spellings and forms ("Tubruq", "Tobruk port").
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
}

// Slot is one fact the desk wants compared across articles.
type Slot struct {
	// ID is the slot id, such as "meeting.date".
	ID string `yaml:"id" json:"id"`
	// Kind is date, entity-set, event or count.
	Kind Kind `yaml:"kind" json:"kind"`
	// Label is a human label for reports.
	Label string `yaml:"label,omitempty" json:"label,omitempty"`
	// Cues are words that must occur near a date or count for it to fill
	// the slot ("met", "talks", "visit"). Inflected forms match too.
	Cues []string `yaml:"cues,omitempty" json:"cues,omitempty"`
	// Window is how many words may stand between a cue and the value;
	// 0 means the default for the kind.
	Window int `yaml:"window,omitempty" json:"window,omitempty"`
	// Members are the entity ids of an entity-set slot.
	Members []string `yaml:"members,omitempty" json:"members,omitempty"`
	// Triggers are the words of an event slot ("withdraw", "pull out").
	Triggers []string `yaml:"triggers,omitempty" json:"triggers,omitempty"`
	// Argument is the entity id an event slot's trigger must share a
	// sentence with.
	Argument string `yaml:"argument,omitempty" json:"argument,omitempty"`
}

// ArticleMeta is what a topic file says of one article; its fields
// override what is found in the text, and flags override both.
type ArticleMeta struct {
	// File is the article's file name, relative to the topic file.
	File string `yaml:"file" json:"file"`
	// ID is the article id to use instead of the file's base name.
	ID        string `yaml:"id,omitempty" json:"id,omitempty"`
	Outlet    string `yaml:"outlet,omitempty" json:"outlet,omitempty"`
	Wire      string `yaml:"wire,omitempty" json:"wire,omitempty"`
	Byline    string `yaml:"byline,omitempty" json:"byline,omitempty"`
	Published string `yaml:"published,omitempty" json:"published,omitempty"`
	Title     string `yaml:"title,omitempty" json:"title,omitempty"`
	URL       string `yaml:"url,omitempty" json:"url,omitempty"`
}
