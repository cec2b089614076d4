import { describe, expect, it } from "vitest";
import { extractCitations, type Citation } from "../../src/core";
import { timesNote, timesNotes } from "../helpers/times";

/** The first citation of `text` whose source contains `key`. */
function cited(text: string, key: string, options?: { duration?: number }): Citation {
	const c = extractCitations(text, options).find((c) => text.slice(c.from, c.to).includes(key));
	if (!c) throw new Error(`no citation with ${key}`);
	return c;
}

const a = (t: string, label = `[${t}]`) => `<a class="yt-timestamp" data-t="${t}">${label}</a>`;
const note = (...times: string[]) => times.map((t) => `Claim ${t.startsWith("<") ? t : a(t)}.`).join("\n\n");

describe("each time read in the context of its note: the times/ notes", () => {
	// The tricky citations of the 22 notes in test/fixtures/times/ (see its README), with the
	// seconds the note's evidence supports and how they were read. "ambiguous" means the note
	// cannot tell its two readings apart without the video's length, and says so.
	it.each([
		["3blue1brown/implicit_differentiation", 'data-t="01:31:00"', 91, "ambiguous"],
		["3blue1brown/implicit_differentiation", 'data-t="04:34:01"', 274, "minutes-seconds"],
		["3blue1brown/implicit_differentiation", 'data-t="05:36:58"', 336, "minutes-seconds"],
		["3blue1brown/implicit_differentiation", 'data-t="14:32:00"', 872, "minutes-seconds"],
		["alexhormozi/advertising_and_customer_awareness", 'data-t="01:59:43"', 119, "minutes-seconds"],
		["alexhormozi/advertising_and_customer_awareness", 'data-t="57:47:04"', 3467, "minutes-seconds"],
		["alexhormozi/advertising_and_customer_awareness", 'data-t="58:20:06"', 3500, "minutes-seconds"],
		["alexhormozi/advertising_and_customer_awareness", 'data-t="01:12:24"', 4344, "ambiguous"],
		["aragusea/baked_mash_experiment_and_technique", 'data-t="03:00:54"', 180, "minutes-seconds"],
		["aragusea/baked_mash_experiment_and_technique", 'data-t="12:23:01"', 743, "minutes-seconds"],
		["beerbiceps/astrological_houses_and_their_significance", 'data-t="17:44:00"', 1064, "minutes-seconds"],
		["beerbiceps/astrological_houses_and_their_significance", 'data-t="09:16:00"', 556, "minutes-seconds"],
		["beerbiceps/astrological_houses_and_their_significance", 'data-t="01:30:57"', 5457, undefined],
		["beerbiceps/astrological_houses_and_their_significance", 'data-t="02:38:38"', 9518, undefined],
		["colemedin/building_complex_agent_systems", 'data-t="35:31:07"', 2131, "minutes-seconds"],
		["colemedin/building_complex_agent_systems", 'data-t="04:00:54"', 240, "minutes-seconds"],
		["colemedin/building_complex_agent_systems", 'data-t="00:00:53"', 53, undefined],
		["everyinc/ai_applications_in_enhancing_human_wellbeing", 'data-t="06:56:06"', 416, "minutes-seconds"],
		["everyinc/ai_applications_in_enhancing_human_wellbeing", 'data-t="21:49:00"', 1309, "minutes-seconds"],
		["everyinc/ai_applications_in_enhancing_human_wellbeing", 'data-t="37:13"', 2233, undefined],
		["everyinc/using_ai_for_book_recommendations_and_summaries", 'data-t="54:52:00"', 3292, "minutes-seconds"],
		["everyinc/using_ai_for_book_recommendations_and_summaries", 'data-t="01:10:00"', 4200, "ambiguous"],
		["everyinc/using_ai_for_book_recommendations_and_summaries", 'data-t="01:44:40"', 6280, "ambiguous"],
		["everyinc/using_ai_for_book_recommendations_and_summaries", 'data-t="19:03:00"', 1143, "minutes-seconds"],
		["gregisenberg/seo_and_content_strategies_for_local_businesses", 'data-t="12:34:00"', 754, "minutes-seconds"],
		["gregisenberg/seo_and_content_strategies_for_local_businesses", 'data-t="46:04:00"', 2764, "minutes-seconds"],
		["gregisenberg/seo_and_content_strategies_for_local_businesses", 'data-t="00:49:55"', 2995, undefined],
		["hubermanlab/empathy_and_validation_in_relationships", 'data-t="00:44:57"', 2697, undefined],
		["hubermanlab/empathy_and_validation_in_relationships", 'data-t="51:01:00"', 3061, "minutes-seconds"],
		["hubermanlab/empathy_and_validation_in_relationships", 'data-t="46:35:00"', 2795, "minutes-seconds"],
		["josephnoelwalker/speculations_on_space_colonization_and_existential_risks", 'data-49:57', 10197, "label"],
		["josephnoelwalker/speculations_on_space_colonization_and_existential_risks", 'data-t="02:50:01"', 10201, undefined],
		["josephnoelwalker/the_interplay_between_innovation_trial_and_error_and_natural_selection", 'data-10:52:00', 4851, "label"],
		["josephnoelwalker/the_interplay_between_innovation_trial_and_error_and_natural_selection", 'data-t="59:44:00"', 3584, "minutes-seconds"],
		["josephnoelwalker/the_interplay_between_innovation_trial_and_error_and_natural_selection", 'data-t="01:00:12"', 3612, undefined],
		["lennyspodcast/radical_candor_framework_and_its_application", 'data-23:11:00', 9071, "label"],
		["lennyspodcast/radical_candor_framework_and_its_application", 'data-t="00:04:06"', 246, undefined],
		["lexfridman/andrew_callaghans_approach_to_journalism_and_storytelling", 'data-t="14:00:12"', 840, "minutes-seconds"],
		["lexfridman/andrew_callaghans_approach_to_journalism_and_storytelling", 'data-t="01:16:01"', 4561, "ambiguous"],
		["lexfridman/andrew_callaghans_approach_to_journalism_and_storytelling", 'data-t="05:41:07"', 20467, "ambiguous"],
		["myfirstmillionpod/the_role_of_hustle_and_creativity_in_entrepreneurship", 'data-11:13:00', 4380, "label"],
		["myfirstmillionpod/the_role_of_hustle_and_creativity_in_entrepreneurship", 'data-t="04:57:00"', 17820, undefined],
		["nisanyans/political_and_social_dynamics_in_morocco_and_similar_regions", 'data-58:21', 14301, "label"],
		["nisanyans/political_and_social_dynamics_in_morocco_and_similar_regions", 'data-t="04:29:05"', 16145, undefined],
		["nisanyans/political_and_social_dynamics_in_morocco_and_similar_regions", 'data-t="00:24:54"', 1494, undefined],
		["shankarnath/50_day_moving_average_strategy", 'data-t="12:20:00"', 740, "minutes-seconds"],
		["shankarnath/50_day_moving_average_strategy", 'data-t="06:10:04"', 370, "minutes-seconds"],
		["toptradersunplugged/challenges_and_benefits_of_longterm_trading_horizons", 'data-t="48:03:00"', 2883, "minutes-seconds"],
		["toptradersunplugged/challenges_and_benefits_of_longterm_trading_horizons", 'data-t="39:03:52"', 2343, "minutes-seconds"],
		["when-shift-happens/benefits_and_challenges_of_bitcoin_etfs", 'data-t="0:00:00.413Z"', 3641, "label"],
		["when-shift-happens/benefits_and_challenges_of_bitcoin_etfs", 'data-t="59:09"', 3549, undefined],
	])("%s: %s plays %s (%s)", (path, key, seconds, repair) => {
		const c = cited(timesNote(path), key);
		expect(c.seconds).toBe(seconds);
		expect(c.repair).toBe(repair);
		if (repair === "ambiguous") expect(c.repaired).toMatch(/may be .* or .*; the video's length will tell/);
	});

	it("sends no citation of the 172 notes past 6 hours", () => {
		const late = timesNotes().flatMap((n) =>
			extractCitations(n.text)
				.filter((c) => c.seconds !== null && c.seconds > 6 * 3600)
				.map((c) => `${n.path}: ${n.text.slice(c.from, c.to)}`),
		);
		expect(late).toEqual([]);
	});

	it("keeps a note's hours where its times run on from one style into the other", () => {
		// minutes:seconds:00 up to 54:52, then real hours from 1:10:00 (the order of the talk decides).
		const text = timesNote("everyinc/using_ai_for_book_recommendations_and_summaries");
		expect(cited(text, 'data-t="54:52:00"').seconds).toBe(3292);
		expect(cited(text, 'data-t="01:13:19"').seconds).toBe(4399);
	});
});

describe("the video's length", () => {
	const lex = () => timesNote("lexfridman/andrew_callaghans_approach_to_journalism_and_storytelling");

	it("settles what the note leaves ambiguous: a reading past the end takes the one within it", () => {
		const without = cited(lex(), 'data-t="03:00:39"');
		expect(without.seconds).toBe(180);
		const c = cited(lex(), 'data-t="05:41:07"', { duration: 2400 });
		expect(c.seconds).toBe(341);
		expect(c.repair).toBe("minutes-seconds");
		expect(cited(lex(), 'data-t="01:16:01"', { duration: 2400 }).seconds).toBe(76);
		// A long enough video leaves hours that fit as they are.
		expect(extractCitations(note("00:30:00", "01:16:01", "02:32:05"), { duration: 3 * 3600 }).map((c) => c.seconds)).toEqual([1800, 4561, 9125]);
	});

	it("says past the end when no reading fits, and keeps the time as written", () => {
		// 45:10:00 is 45 h 10 min or 45 min 10 s: neither fits a 10-minute video.
		const cs = extractCitations(note("00:01:10", "00:05:20", "45:10:00"), { duration: 600 });
		expect(cs.map((c) => c.seconds)).toEqual([70, 320, 162600]);
		expect(cs[2]?.repair).toBe("past-end");
		expect(cs[2]?.repaired).toMatch(/past the end of the video \(10:00\)/);
	});

	it("reads a duration stated in the frontmatter, in any common form", () => {
		for (const stated of ["2400", "40:00", "0:40:00", "PT40M", '"40:00"']) {
			const text = `---\nvideoId: aXGo1o_baBo\nduration: ${stated}\n---\n${note("00:01:00", "01:16:01", "05:41:07")}`;
			expect(extractCitations(text).map((c) => c.seconds)).toEqual([60, 76, 341]);
		}
	});

	it("lets the player's measured length win over a stated one", () => {
		const text = `---\nduration: 40:00\n---\n${note("00:01:00", "01:16:01")}`;
		expect(extractCitations(text, { duration: 3 * 3600 }).map((c) => c.seconds)).toEqual([60, 4561]);
	});

	it("applies only to the note's own video, not to a citation naming another", () => {
		const other = `<a class="yt-timestamp" data-t="01:16:01" data-v="dQw4w9WgXcQ">[01:16:01]</a>`;
		const cs = extractCitations(note("00:01:00", other, "00:02:00"), { duration: 600 });
		expect(cs[1]?.seconds).toBe(4561);
	});
});

describe("labels and broken attributes", () => {
	it.each([
		["a broken attribute name that disagrees with a clean label", `<a class="yt-timestamp" data-58:21">[03:58:21]</a>`, 14301, "label"],
		["a time-shaped attribute name and value", `<a class="yt-timestamp" data-10:52:00="01:20:51">[01:20:51]</a>`, 4851, "label"],
		["junk after a clean time in data-t", `<a class="yt-timestamp" data-t="0:00:00.413Z">[1:0:41]</a>`, 3641, "label"],
		["a broken attribute whose label agrees", `<a class="yt-timestamp" data-00:04:37>[00:04:37]</a>`, 277, "attribute"],
	])("%s", (_name, element, seconds, repair) => {
		const c = extractCitations(note("00:30:00", element, "04:00:00"))[1] as Citation;
		expect(c.seconds).toBe(seconds);
		expect(c.repair).toBe(repair);
	});

	it("weighs a clean label against a clean data-t, and marks the citation", () => {
		const cs = extractCitations(note("55:10:02", "56:02:44", a("57:47:04", "[00:57:47]"), "58:20:06"));
		expect(cs[2]?.seconds).toBe(3467);
		expect(cs[2]?.repair).toBe("minutes-seconds");
		expect(cs[2]?.repaired).toBeDefined();
	});

	it("keeps the standard form's reading when label and data-t agree", () => {
		const c = extractCitations(note("00:46:51"))[0];
		expect(c?.seconds).toBe(2811);
		expect(c?.repair).toBeUndefined();
	});
});

describe("reading in context", () => {
	it("reads a note of plain hours as written, with no mark", () => {
		const cs = extractCitations(note("00:00:24", "00:12:10", "00:49:30", "01:02:03", "01:31:44"));
		expect(cs.map((c) => c.seconds)).toEqual([24, 730, 2970, 3723, 5504]);
		expect(cs.map((c) => c.repair)).toEqual([undefined, undefined, undefined, undefined, undefined]);
	});

	it("reads minutes:seconds plus a third field that is not 00", () => {
		const cs = extractCitations(note("01:59:43", "03:19:07", "05:36:58", "09:07:07", "15:52:03"));
		expect(cs.map((c) => c.seconds)).toEqual([119, 199, 336, 547, 952]);
	});

	it("keeps minute-rounded hours (every time ending in :00) as written when nothing says otherwise", () => {
		const cs = extractCitations(note("00:05:00", "00:31:00", "01:05:00", "01:40:00", "02:10:00"));
		expect(cs.map((c) => c.seconds)).toEqual([300, 1860, 3900, 6000, 7800]);
	});

	it("reads a slice as written when asked, for the editor to take the whole note's readings", () => {
		const cs = extractCitations(note("01:59:43", "15:52:03"), { inContext: false });
		expect(cs.map((c) => c.seconds)).toEqual([7183, 57123]);
		expect(cs.map((c) => c.repair)).toEqual([undefined, undefined]);
	});
});
