import { describe, expect, it } from "vitest";
import { extractCitations } from "../../src/core";
import { endsSentence } from "../../src/core/sentenceEnds";
import { corpusNote, corpusNotes } from "../helpers/corpus";

const a = (t: string): string => `<a class="yt-timestamp" data-t="${t}">[${t}]</a>`;
const texts = (md: string): string[] => extractCitations(md).map((c) => c.text);

describe("claims: the clause each citation closes", () => {
	it("gives each citation of a long sentence its own clause", () => {
		const md = `An example discussed is the Synchron Extreme, a brain implant ${a("00:01:00")}, which lets a patient send text messages ${a("00:02:00")}, and it was approved for trials last year ${a("00:03:00")}.`;
		expect(texts(md)).toEqual([
			"An example discussed is the Synchron Extreme, a brain implant",
			"…which lets a patient send text messages",
			"…it was approved for trials last year",
		]);
	});

	it("starts a clause after a semicolon that follows a citation, but not after an entity's", () => {
		expect(texts(`Rents rose sharply in the city ${a("00:04:00")}, as landlords said; wages fell behind them ${a("00:05:00")}.`)).toEqual(["Rents rose sharply in the city", "…wages fell behind them"]);
		// With no citation before it, a semicolon's first half is part of the claim.
		expect(texts(`Rents rose sharply in the city; wages fell behind them ${a("00:05:00")}.`)).toEqual(["Rents rose sharply in the city; wages fell behind them"]);
		expect(texts(`Tom &amp; Jerry argued about the rent all year ${a("00:05:00")}.`)).toEqual(["Tom & Jerry argued about the rent all year"]);
	});

	it("falls back to the sentence when the clause is too short to stand alone", () => {
		expect(texts(`The team grew ${a("00:07:00")} and shipped ${a("00:08:00")}.`)).toEqual(["The team grew", "The team grew and shipped"]);
	});

	it("keeps citations in a cluster on one claim", () => {
		const cs = extractCitations(`Revenue doubled in two years ${a("00:01:00")}, ${a("00:09:00")}.`);
		expect(cs.map((c) => c.claim)).toEqual([0, 0]);
		expect(cs[1]?.text).toBe("Revenue doubled in two years");
	});

	it("reads the text after a timestamp-first line", () => {
		expect(texts(`${a("00:12:34")} The speaker explains the plan.`)).toEqual(["The speaker explains the plan."]);
	});

	it("gives consecutive rows of the corpus different texts (the first two lines a panel row shows)", () => {
		let rows = 0;
		const same: string[] = [];
		for (const note of corpusNotes()) {
			let previous: string | null = null;
			let claim = -1;
			for (const c of extractCitations(note.text)) {
				if (c.claim === claim) continue;
				claim = c.claim;
				rows++;
				const shown = c.text.slice(0, 90);
				if (shown && shown === previous) same.push(`${note.path}:${c.line}`);
				previous = shown;
			}
		}
		expect(rows).toBeGreaterThan(1000);
		// Was 162 with sentence-long claims; what is left is one formula written twice.
		expect(same.length).toBeLessThanOrEqual(2);
	});
});

describe("sentence ends: abbreviations and initials", () => {
	const ends = (text: string): boolean => {
		const mark = text.indexOf("|") - 1;
		const clean = text.replace("|", "");
		let next = mark + 1;
		while (clean[next] === " ") next++;
		return endsSentence(clean, mark, next);
	};

	it.each([
		"Dr.| Sakshi Arora Hans",
		"Prof.| Smith",
		"Mrs.| Dalloway",
		"e.g.| Python",
		"the U.S.| Government",
		"i.e.| Sales",
		"No.| 5 on the list",
		"J.| R. R. Tolkien",
		"George W.| Bush",
		"etc.| and so on",
		"la Dra.| García",
		"z. B.| Python",
		"Doç.| Dr. Ahmet",
	])("does not end a sentence at %s", (text) => {
		expect(ends(text)).toBe(false);
	});

	it.each(["It works.| Then", "in No.| Way", "vitamin C.| The", "Really?| Yes", "यह है।| फिर", "Done…| Next"])("ends a sentence at %s", (text) => {
		expect(ends(text)).toBe(true);
	});

	it("keeps a doctor's title with the name on the corpus's notes", () => {
		const cs = extractCitations(corpusNote("foundmyfitness/caloric_restriction_and_healthspan.md"));
		const fontana = cs.find((c) => c.text.includes("Fontana's lab"));
		expect(fontana?.text.startsWith("Studies by Dr. Fontana's lab")).toBe(true);
		const ads = extractCitations(corpusNote("allin/social_media_platform_x_and_its_evolution.md")).find((c) => c.text.includes("U.S. advertising"));
		expect(ads?.text.startsWith("Despite this, the platform experienced")).toBe(true);
	});
});
