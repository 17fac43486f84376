package facts

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Reference dates used below, with their weekdays.
var (
	refWed260128 = Day(2026, time.January, 28)  // Wednesday
	refFri260102 = Day(2026, time.January, 2)   // Friday
	refMon240304 = Day(2024, time.March, 4)     // Monday, leap year
	refTue250715 = Day(2025, time.July, 15)     // Tuesday
	refSun231231 = Day(2023, time.December, 31) // Sunday, last day of a year
	refThu240229 = Day(2024, time.February, 29) // Thursday, leap day
	refMon251110 = Day(2025, time.November, 10) // Monday
	refWed190605 = Day(2019, time.June, 5)      // Wednesday
)

// renderDates renders mentions compactly: "Jan. 28=2026-01-28 day rel".
func renderDates(ms []DateMention) []string {
	out := []string{}
	for _, m := range ms {
		s := fmt.Sprintf("%s=%s %s", m.Surface, m.Date, m.Date.Precision)
		if m.Relative {
			s += " rel"
		}
		out = append(out, s)
	}
	return out
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		name string
		text string
		ref  Date
		want []string
	}{
		// Full dates need no reference.
		{"month day comma year", "The accord was signed on January 28, 2026, in Geneva.", Date{},
			[]string{"January 28, 2026=2026-01-28 day"}},
		{"abbrev dot day year", "Talks opened Jan. 28, 2026 in Moscow.", Date{},
			[]string{"Jan. 28, 2026=2026-01-28 day"}},
		{"abbrev no punctuation", "The filing is dated Jan 28 2026 by the clerk.", Date{},
			[]string{"Jan 28 2026=2026-01-28 day"}},
		{"day month year", "The vote took place on 28 January 2026.", Date{},
			[]string{"28 January 2026=2026-01-28 day"}},
		{"weekday day month year", "Published Wednesday 28 January 2026.", Date{},
			[]string{"Wednesday 28 January 2026=2026-01-28 day"}},
		{"weekday comma full date is one mention", "The summit opened on Wednesday, January 28, 2026, officials said.", refFri260102,
			[]string{"Wednesday, January 28, 2026=2026-01-28 day"}},
		{"iso", "Posted 2026-01-28 at noon.", Date{},
			[]string{"2026-01-28=2026-01-28 day"}},
		{"ordinal of month year", "The law takes effect on the 3rd of March 2027.", Date{},
			[]string{"the 3rd of March 2027=2027-03-03 day"}},
		{"leap day", "Trading halted on February 29, 2024 after the outage.", Date{},
			[]string{"February 29, 2024=2024-02-29 day"}},
		{"invalid day is not a date", "He cited February 29, 2025 as the deadline.", Date{},
			[]string{}},
		{"last century", "The ruling came on Dec. 31, 1999.", Date{},
			[]string{"Dec. 31, 1999=1999-12-31 day"}},
		{"historic year with month", "The treaty of July 4, 1776 is older.", Date{},
			[]string{"July 4, 1776=1776-07-04 day"}},

		// Day and month without a year: the occurrence nearest to ref.
		{"sept abbrev", "The hearing was moved to Sept. 3 at the request of the defence.", refTue250715,
			[]string{"Sept. 3=2025-09-03 day rel"}},
		{"sep abbrev", "Filing closes Sep 3.", refTue250715,
			[]string{"Sep 3=2025-09-03 day rel"}},
		{"ordinal of month", "Ballots are counted on the 3rd of March.", refWed260128,
			[]string{"the 3rd of March=2026-03-03 day rel"}},
		{"previous december across new year", "Protests began on Dec. 30 in the capital.", refFri260102,
			[]string{"Dec. 30=2025-12-30 day rel"}},
		{"next january across new year", "Results are expected Jan. 3.", refSun231231,
			[]string{"Jan. 3=2024-01-03 day rel"}},
		{"march later in year", "The deadline is March 25.", refWed260128,
			[]string{"March 25=2026-03-25 day rel"}},
		{"day month", "Voting ended on 28 January.", refWed260128,
			[]string{"28 January=2026-01-28 day rel"}},
		{"feb 29 in leap year", "Markets closed early on Feb. 29.", refThu240229,
			[]string{"Feb. 29=2024-02-29 day rel"}},
		{"feb 29 with no leap year near", "Markets closed early on Feb. 29.", refWed260128,
			[]string{}},
		{"dateline", "KYIV, Nov 9 (Reuters) - Ukraine said drones struck a refinery.", refMon251110,
			[]string{"Nov 9=2025-11-09 day rel"}},
		{"dateline upi", "WASHINGTON, April 29 (UPI) -- The Senate voted on the bill.", refWed190605,
			[]string{"April 29=2019-04-29 day rel"}},
		{"day range", "The forum runs Jan. 28-30 in Davos.", refWed260128,
			[]string{"Jan. 28-30=2026-01-28/2026-01-30 week rel"}},
		{"may with day", "The ceasefire began on May 5.", refWed260128,
			[]string{"May 5=2026-05-05 day rel"}},

		// Weekdays.
		{"weekday same day", "The president spoke on Wednesday.", refWed260128,
			[]string{"Wednesday=2026-01-28 day rel"}},
		{"friday from monday", "The rebels attacked on Friday.", refMon251110,
			[]string{"Friday=2025-11-07 day rel"}},
		{"weekday night", "Shelling continued Tuesday night.", refWed260128,
			[]string{"Tuesday night=2026-01-27 day rel"}},
		{"weekday afternoon", "The quake struck Sunday afternoon.", refWed260128,
			[]string{"Sunday afternoon=2026-01-25 day rel"}},
		{"last weekday excludes today", "The bridge collapsed last Friday.", refFri260102,
			[]string{"last Friday=2025-12-26 day rel"}},
		{"next weekday", "The bank reviews rates next Monday.", refWed260128,
			[]string{"next Monday=2026-02-02 day rel"}},
		{"this weekday", "The committee meets this Tuesday.", refMon251110,
			[]string{"this Tuesday=2025-11-11 day rel"}},
		{"future weekday", "Negotiators will meet again on Friday.", refWed260128,
			[]string{"Friday=2026-01-30 day rel"}},
		{"said on weekday it will", "The ministry said on Tuesday it will hold talks.", refWed260128,
			[]string{"Tuesday=2026-01-27 day rel"}},
		{"weekday first then said", "On Monday, the minister said elections would follow.", refWed260128,
			[]string{"Monday=2026-01-26 day rel"}},
		{"scheduled for", "The vote is scheduled for Sunday.", refWed260128,
			[]string{"Sunday=2026-02-01 day rel"}},
		{"is to", "Leaders are to meet on Thursday in Brussels.", refWed260128,
			[]string{"Thursday=2026-01-29 day rel"}},
		{"future same day counts", "The court will rule on Wednesday.", refWed260128,
			[]string{"Wednesday=2026-01-28 day rel"}},
		{"weekdays across new year", "Fireworks on Thursday followed riots on Saturday.", refFri260102,
			[]string{"Thursday=2026-01-01 day rel", "Saturday=2025-12-27 day rel"}},
		{"weekday with date no year", "Riots broke out on Tuesday, Jan. 27, police said.", refWed260128,
			[]string{"Tuesday, Jan. 27=2026-01-27 day rel"}},
		{"said weekday", "The minister said Wednesday the border will reopen.", refMon251110,
			[]string{"Wednesday=2025-11-05 day rel"}},
		{"due on", "Markets await jobs data due on Thursday.", refMon251110,
			[]string{"Thursday=2025-11-13 day rel"}},
		{"holiday name", "Shoppers crowded stores on Black Friday.", refWed260128,
			[]string{}},
		// No reference date: a weekday or a month-day keeps what the text
		// gives, so two articles can still agree on it.
		{"weekday floats without a reference", "Mayor Ann Vole met the envoy on Wednesday.", Date{},
			[]string{"Wednesday=Wednesday day rel"}},
		{"weekday with last needs a reference", "Mayor Ann Vole met the envoy last Wednesday.", Date{},
			[]string{}},
		{"month day floats without a reference", "The board faces a May 12 deadline in Port Alder.", Date{},
			[]string{"May 12=--05-12 day rel"}},
		{"day month floats without a reference", "The Harbour Trust votes on 4 March.", Date{},
			[]string{"4 March=--03-04 day rel"}},

		// A month-day without a year takes the story's year, however written.
		{"day month without year", "The Harbour Trust votes on 4 March.", refWed260128,
			[]string{"4 March=2026-03-04 day rel"}},
		{"month day without year", "The Harbour Trust votes on March 4.", refWed260128,
			[]string{"March 4=2026-03-04 day rel"}},
		{"ordinal of month without year", "The Harbour Trust votes on the 4th of March.", refWed260128,
			[]string{"the 4th of March=2026-03-04 day rel"}},
		{"month ordinal without year", "The Harbour Trust votes on March 4th.", refWed260128,
			[]string{"March 4th=2026-03-04 day rel"}},

		// A year naming its event.
		{"attributive year before a name", "They asked about a 2016 Alder Tower meeting with lawyers.", Date{},
			[]string{"2016=2016 year"}},
		{"attributive year before an event noun", "The 2015 deal curbed the program, and Kell's 2019 visit followed.", Date{},
			[]string{"2015=2015 year", "2019=2019 year"}},
		{"attributive number before a count noun", "The 2000 delegates and a 1950 crowd cheered.", Date{},
			[]string{}},

		// Days relative to ref.
		{"today", "Officials said today that the border had reopened.", refWed260128,
			[]string{"today=2026-01-28 day rel"}},
		{"tomorrow yesterday year boundary", "The market reopens tomorrow after a holiday yesterday.", refSun231231,
			[]string{"tomorrow=2024-01-01 day rel", "yesterday=2023-12-30 day rel"}},
		{"yesterday morning new year", "Snow fell yesterday morning.", refFri260102,
			[]string{"yesterday morning=2026-01-01 day rel"}},
		{"this morning tonight", "Polls opened this morning and close tonight.", refThu240229,
			[]string{"this morning=2024-02-29 day rel", "tonight=2024-02-29 day rel"}},
		{"the day before", "He had arrived the day before.", refMon240304,
			[]string{"the day before=2024-03-03 day rel"}},
		{"the day before an event", "He arrived the day before the vote.", refMon240304,
			[]string{}},
		{"last night", "Sirens sounded last night across the city.", refMon240304,
			[]string{"last night=2024-03-03 day rel"}},
		{"newspaper name", "USA Today reported the figures.", refWed260128,
			[]string{}},
		{"days ago", "The ship sank three days ago.", refWed260128,
			[]string{"three days ago=2026-01-25 day rel"}},

		// Weeks and spans.
		{"earlier this week", "The agency announced earlier this week that prices would rise.", refWed260128,
			[]string{"earlier this week=2026-01-26/2026-01-28 week rel"}},
		{"this week", "Parliament debates the bill this week.", refWed260128,
			[]string{"this week=2026-01-26/2026-02-01 week rel"}},
		{"last week across new year", "Fuel prices rose last week.", refFri260102,
			[]string{"last week=2025-12-22/2025-12-28 week rel"}},
		{"next week across new year", "Schools reopen next week.", refSun231231,
			[]string{"next week=2024-01-01/2024-01-07 week rel"}},
		{"this weekend", "Storms are forecast this weekend.", refWed260128,
			[]string{"this weekend=2026-01-31/2026-02-01 week rel"}},
		{"over the weekend", "Rebels shelled the town over the weekend.", refMon251110,
			[]string{"the weekend=2025-11-08/2025-11-09 week rel"}},
		{"weekend future", "Talks will continue over the weekend.", refMon251110,
			[]string{"the weekend=2025-11-15/2025-11-16 week rel"}},
		{"later this week", "A verdict is expected later this week.", refTue250715,
			[]string{"later this week=2025-07-15/2025-07-20 week rel"}},
		{"recent weeks", "Attacks have increased in recent weeks.", refWed260128,
			[]string{"recent weeks=2026-01-14/2026-01-28 part rel"}},
		{"past two weeks leap", "Prices doubled in the past two weeks.", refMon240304,
			[]string{"the past two weeks=2024-02-19/2024-03-04 part rel"}},

		// Months.
		{"bare month past", "The plant closed in October.", refWed260128,
			[]string{"October=2025-10 month rel"}},
		{"bare month future", "Elections will be held in October.", refWed260128,
			[]string{"October=2026-10 month rel"}},
		{"this month leap", "Inflation slowed this month.", refThu240229,
			[]string{"this month=2024-02 month rel"}},
		{"last month across new year", "Exports fell last month.", refFri260102,
			[]string{"last month=2025-12 month rel"}},
		{"next month across new year", "The new tariff applies next month.", refSun231231,
			[]string{"next month=2024-01 month rel"}},
		{"month year", "Assad fell in December 2024.", Date{},
			[]string{"December 2024=2024-12 month"}},
		{"abbrev month year", "The figures for Dec. 2024 were revised.", Date{},
			[]string{"Dec. 2024=2024-12 month"}},
		{"last month name", "Turnout was higher last October.", refMon251110,
			[]string{"last October=2025-10 month rel"}},
		{"may month and modal", "It may rain in May.", refWed260128,
			[]string{"May=2025-05 month rel"}},
		{"may as a name", "Theresa May said she would resign.", refWed260128,
			[]string{}},
		{"march as a verb", "Thousands will march to parliament.", refWed260128,
			[]string{}},

		// Parts of years and months.
		{"late year", "The rebels advanced in late 2024.", Date{},
			[]string{"late 2024=2024-09-01/2024-12-31 part"}},
		{"early year", "Output recovered in early 2025.", Date{},
			[]string{"early 2025=2025-01-01/2025-04-30 part"}},
		{"mid hyphen year", "The plant was finished by mid-2024.", Date{},
			[]string{"mid-2024=2024-05-01/2024-08-31 part"}},
		{"mid space year", "The plant was finished by mid 2024.", Date{},
			[]string{"mid 2024=2024-05-01/2024-08-31 part"}},
		{"at the end of", "Troops withdrew at the end of 2024.", Date{},
			[]string{"the end of 2024=2024-09-01/2024-12-31 part"}},
		{"end hyphen year", "Debt will peak at end-2024.", Date{},
			[]string{"end-2024=2024-09-01/2024-12-31 part"}},
		{"beginning and start", "Between the beginning of 2025 and the start of 2026 rates fell.", Date{},
			[]string{"the beginning of 2025=2025-01-01/2025-03-31 part", "the start of 2026=2026-01-01/2026-03-31 part"}},
		{"halves", "Growth slowed in the first half of 2025 after the second half of 2024.", Date{},
			[]string{"the first half of 2025=2025-01-01/2025-06-30 part", "the second half of 2024=2024-07-01/2024-12-31 part"}},
		{"quarters", "Profit rose in the third quarter of 2024 and again in Q1 2025.", Date{},
			[]string{"the third quarter of 2024=2024-07-01/2024-09-30 part", "Q1 2025=2025-01-01/2025-03-31 part"}},
		{"seasons with years", "Work began in spring 2025 after delays in autumn 2024.", Date{},
			[]string{"spring 2025=2025-03-01/2025-05-31 part", "autumn 2024=2024-09-01/2024-11-30 part"}},
		{"fall with year", "Classes resume in fall 2024.", Date{},
			[]string{"fall 2024=2024-09-01/2024-11-30 part"}},
		{"fall as a noun", "The fall of the regime surprised everyone.", refWed260128,
			[]string{}},
		{"winter spans new year", "Fighting eased during the winter.", refWed260128,
			[]string{"the winter=2025-12-01/2026-02-28 part rel"}},
		{"summer past", "Crops failed in summer.", refWed260128,
			[]string{"summer=2025-06-01/2025-08-31 part rel"}},
		{"next summer", "The team hopes to finish next summer.", refWed260128,
			[]string{"next summer=2026-06-01/2026-08-31 part rel"}},
		{"winter leap february", "The dam froze in the winter of 2023.", Date{},
			[]string{"the winter of 2023=2023-12-01/2024-02-29 part"}},
		{"late month", "The talks stalled in late October.", refWed260128,
			[]string{"late October=2025-10-21/2025-10-31 part rel"}},
		{"early month year", "Shipments restart in early January 2026.", Date{},
			[]string{"early January 2026=2026-01-01/2026-01-10 part"}},
		{"mid month future", "Talks will resume in mid-March.", refWed260128,
			[]string{"mid-March=2026-03-11/2026-03-20 part rel"}},
		{"end of february leap", "Stocks ran out by the end of February 2024.", Date{},
			[]string{"the end of February 2024=2024-02-21/2024-02-29 part"}},
		{"late last year", "The mine closed late last year.", refWed260128,
			[]string{"late last year=2025-09-01/2025-12-31 part rel"}},
		{"end of the year", "The bill should pass by the end of the year.", refTue250715,
			[]string{"the end of the year=2025-09-01/2025-12-31 part rel"}},
		{"earlier this year", "Sales dipped earlier this year.", refTue250715,
			[]string{"earlier this year=2025-01-01/2025-07-15 part rel"}},
		{"decades", "Unrest in the 1990s and the mid-1980s shaped it.", Date{},
			[]string{"1990s=1990-01-01/1999-12-31 part", "mid-1980s=1984-01-01/1986-12-31 part"}},

		// Years.
		{"in year", "The company was founded in 2024.", Date{},
			[]string{"2024=2024 year"}},
		{"since and by", "Prices have doubled since 2011 and will triple by 2030.", Date{},
			[]string{"2011=2011 year", "2030=2030 year"}},
		{"until", "He ruled until 2019.", Date{},
			[]string{"2019=2019 year"}},
		{"of year", "The floods of 2024 were the worst.", Date{},
			[]string{"2024=2024 year"}},
		{"possessive year", "2024's floods were the worst.", Date{},
			[]string{"2024=2024 year"}},
		{"from to", "He served from 2012 to 2014.", Date{},
			[]string{"2012=2012 year", "2014=2014 year"}},
		{"between and", "Output grew between 2012 and 2014.", Date{},
			[]string{"2012=2012 year", "2014=2014 year"}},
		{"the year", "The target is set for the year 2030.", Date{},
			[]string{"2030=2030 year"}},
		{"relative years", "Last year was hot, this year is hotter and next year may be worse.", refWed260128,
			[]string{"Last year=2025 year rel", "this year=2026 year rel", "next year=2027 year rel"}},
		{"years ago", "The dam was built two years ago.", refWed260128,
			[]string{"two years ago=2024 year rel"}},

		// Not dates.
		{"count of people", "Some 2000 people marched.", refWed260128, []string{}},
		{"numbers with commas", "About 1,200 soldiers and 100,000 civilians moved 2,500 miles.", refWed260128, []string{}},
		{"money", "The fund raised $5m, and $2000 went to fees.", refWed260128, []string{}},
		{"clock time", "The blast came at 1846 EAT near the port.", refWed260128, []string{}},
		{"count after in", "The virus was found in 2000 cases.", refWed260128, []string{}},
		{"crowd of", "A crowd of 2000 gathered outside.", refWed260128, []string{}},
		{"rose by", "Turnout rose by 2000 in the district.", refWed260128, []string{}},
		{"durations", "After a 14-year civil war, more than a decade of sanctions and less than four months of calm, two weeks of talks began.", refWed260128, []string{}},
		{"lowercase weekday and month", "a wednesday crowd in october light", refWed260128, []string{}},
		{"bare month no context", "August remains the busiest month.", refWed260128, []string{}},
		{"the next day is narrative", "The next day, troops entered the town.", refWed260128, []string{}},
		{"relative words without ref", "Last week and yesterday, prices rose.", Date{}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(tc.text, 0, len(tc.text))
			got := renderDates(FindDates(tc.text, toks, tc.ref))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("FindDates(%q, ref %s) mismatch (-want +got):\n%s", tc.text, tc.ref, diff)
			}
		})
	}
}

// TestFindDatesSpans checks that spans, surfaces and token ranges agree.
func TestFindDatesSpans(t *testing.T) {
	text := "KYIV, Nov 9 (Reuters) - On Wednesday, January 28, 2026, troops who arrived in late 2024 left, and talks resume next week."
	toks := Tokenize(text, 0, len(text))
	ms := FindDates(text, toks, refMon251110)
	if len(ms) != 4 {
		t.Fatalf("got %d mentions %v, want 4", len(ms), renderDates(ms))
	}
	prev := -1
	for _, m := range ms {
		if m.Surface != text[m.Span.Start:m.Span.End] {
			t.Errorf("surface %q != text at span %v", m.Surface, m.Span)
		}
		if toks[m.First].Span.Start != m.Span.Start || toks[m.Last].Span.End != m.Span.End {
			t.Errorf("%q: tokens %d..%d do not cover span %v", m.Surface, m.First, m.Last, m.Span)
		}
		if m.First <= prev {
			t.Errorf("%q: mentions overlap or are out of order", m.Surface)
		}
		prev = m.Last
	}
}

// benchText is a made-up wire report of about 5 KB, dense with dates.
const benchText = `LAGOS, March 12 (Reuters) - Nigeria's central bank held its benchmark rate at 27.5% on Tuesday, its first meeting since a new governor took office in late 2024, and said it would review the decision at the end of the second quarter. ` +
	`The bank raised rates six times between 2022 and 2024, including a 400-basis-point increase in February 2024 that surprised markets. ` +
	`Inflation slowed to 24.2% last month from a peak of 34.8% in December 2024, the statistics office said on Monday, although food prices rose again in recent weeks after floods in the north. ` +
	`Analysts polled by Reuters earlier this week had expected a hold, and most now see the first cut in the second half of 2025, with some pointing to mid-2025 as the earliest date. ` +
	`"We will keep a close eye on food prices through the summer," governor Adeyemi Bello told reporters in Abuja, adding that the committee is to meet again on May 20-21. ` +
	`The naira, which lost more than 70% of its value after reforms began in June 2023, traded at 1,540 to the dollar yesterday, little changed from last Friday. ` +
	`Some 2000 traders protested outside the bank's Lagos office on 3 March 2025, demanding easier access to foreign exchange, and a smaller group returned the day before the meeting. ` +
	`The International Monetary Fund said in its October report that growth would reach 3.2% this year and 3.5% next year, up from 2.9% in 2023 and 3.3% in 2022. ` +
	`Oil output, the main source of foreign earnings, averaged 1.5 million barrels per day in the first quarter of 2025, below the 2 million target set for the end of 2024. ` +
	`The state oil firm expects output to rise by early 2026, when a pipeline damaged in the spring of 2022 is due to return to service. ` +
	`Officials said the pipeline, shut since Sept. 3, 2022, will reopen next week, and that repairs cost $120m over the past two years. ` +
	`Lawmakers are scheduled to debate a new budget on Thursday, after the finance ministry submitted it on Friday, March 7, 2025, two weeks later than planned. ` +
	`The budget assumes an oil price of $75 a barrel, down from $77.96 in the 2024 plan, and a 1,500 naira exchange rate for the whole of next year. ` +
	`In a speech on Wednesday night, President Bola Tinubu urged patience, saying reforms started in May 2023 would pay off "in the coming months", but opposition leaders said living standards had fallen for a decade. ` +
	`Fuel subsidies, scrapped on May 29, 2023, cost the treasury about 4.4 trillion naira in 2022, more than the combined budgets for health and education that year. ` +
	`Since then, petrol prices have more than quadrupled, and transport unions staged a two-day strike in mid-November that grounded buses across the south. ` +
	`A further strike is planned for April 2, the unions said in a statement on Sunday, unless the government restores a transport allowance cut at the start of 2025. ` +
	`The World Bank, in a report published on 14 January 2025, estimated that 56% of Nigerians lived below the poverty line in 2024, up from 40% in 2018. ` +
	`It projected that the share would fall only slowly until 2027, even if growth picked up in the second half of this decade. ` +
	`Farmers in Kano said the harvest in autumn 2024 was the worst since the 1990s, blaming the floods of August and September and the high price of fertiliser. ` +
	`Food imports rose by 2000 tonnes in the week to Friday, customs data showed, and port officials said clearance times had improved since early January. ` +
	`The central bank's next meeting, on May 20-21, will be its third this year; it met on Jan. 28 and on 18 February, holding rates both times. ` +
	`Markets will also watch U.S. data due on Thursday, after the Federal Reserve held rates last Wednesday and signalled cuts later this year. ` +
	`Nigerian bonds rallied in the past two weeks, with the 10-year yield falling 80 basis points since Feb. 24, traders said. ` +
	`The stock exchange closed at a record high today, its 14th gain in 15 sessions, and has risen 11% since the start of the year. ` +
	`Trading will be suspended on Good Friday and Easter Monday, the exchange said. ` +
	`Separately, the electoral commission said on Saturday that governorship polls in three states would be held on 16 November, after courts annulled the results of votes held in early 2023. ` +
	`The commission registered 1,200 new parties' agents over the weekend and plans to publish the final voter list by the end of September, a month later than in the 2019 cycle. ` +
	`Security forces killed 15 suspected kidnappers in Zamfara three days ago, police said, and rescued 2000 hostages abducted since the beginning of the year. ` +
	`The army said the operation, launched two weeks ago, would continue through the rainy season, which usually ends in late October, and into next month.`

// splitForBench tokenizes text sentence by sentence, splitting at ". "
// before a capital letter or a quote (good enough for benchText).
func splitForBench(text string) [][]Token {
	var out [][]Token
	start := 0
	for i := 0; i+2 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' && (text[i+2] >= 'A' && text[i+2] <= 'Z' || text[i+2] == '"') {
			out = append(out, Tokenize(text, start, i+1))
			start = i + 2
		}
	}
	return append(out, Tokenize(text, start, len(text)))
}

func BenchmarkFindDates(b *testing.B) {
	sents := splitForBench(benchText)
	ref := Day(2025, time.March, 12)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, toks := range sents {
			FindDates(benchText, toks, ref)
		}
	}
}

// TestBenchText keeps the benchmark honest: it does find the dates.
func TestBenchText(t *testing.T) {
	n := 0
	for _, toks := range splitForBench(benchText) {
		n += len(FindDates(benchText, toks, Day(2025, time.March, 12)))
	}
	if n < 60 {
		t.Errorf("found %d dates in the benchmark text, want at least 60", n)
	}
}
