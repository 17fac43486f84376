package facts

import "strings"

// wireNames maps the folded ways texts credit a wire service or an
// original publisher to the name reports show. It is general newsroom
// knowledge, not any one story's: "By AFP" is a credit, "By Jane Doe" a byline.
var wireNames = map[string]string{
	"reuters":                    "Reuters",
	"thomson reuters":            "Reuters",
	"afp":                        "AFP",
	"agence france-presse":       "AFP",
	"agence france presse":       "AFP",
	"ap":                         "AP",
	"associated press":           "AP",
	"the associated press":       "AP",
	"upi":                        "UPI",
	"united press international": "UPI",
	"bloomberg":                  "Bloomberg",
	"dpa":                        "dpa",
	"xinhua":                     "Xinhua",
	"tass":                       "TASS",
	"ria novosti":                "RIA Novosti",
	"interfax":                   "Interfax",
	"anadolu":                    "Anadolu",
	"anadolu agency":             "Anadolu",
	"efe":                        "EFE",
	"ansa":                       "ANSA",
	"kyodo":                      "Kyodo",
	"yonhap":                     "Yonhap",
	"pti":                        "PTI",
	"ani":                        "ANI",
	"ians":                       "IANS",
	"sana":                       "SANA",
	"wafa":                       "WAFA",
	"al jazeera":                 "Al Jazeera",
	"aljazeera":                  "Al Jazeera",
	"bbc":                        "BBC",
	"cnn":                        "CNN",
}

// wireName returns the display name of a credited wire or publisher, and
// whether it is a known one.
func wireName(s string) (string, bool) {
	k := strings.Join(strings.Fields(Fold(strings.Trim(s, " .,;:!()[]"))), " ")
	n, ok := wireNames[k]
	return n, ok
}
