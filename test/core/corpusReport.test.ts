import { describe, expect, it } from "vitest";
import { corpusReport } from "../../bench/corpusReport";
import { corpusNotes } from "../helpers/corpus";
import { timesNotes } from "../helpers/times";

describe("npm run corpus-report", () => {
	it("finds no citation of the real notes past their plausible length (6 hours)", () => {
		const times = corpusReport(timesNotes().map((n) => n.text));
		// Read as written, 3,476 of these 8,692 citations played past 6 hours and 1,841 past 12.
		expect(times).toMatchObject({ notes: 172, invalid: 0, past6h: 0, past12h: 0, notesPast6h: 0 });
		expect(times.citations).toBeGreaterThan(8600);
		expect(times.kinds["minutes-seconds"]).toBeGreaterThan(5000);
		const corpus = corpusReport(corpusNotes().map((n) => n.text));
		expect(corpus).toMatchObject({ notes: 57, invalid: 0, past6h: 0, past12h: 0 });
	});

	it("counts each kind of reading and the labels that disagree", () => {
		const a = (t: string, label = `[${t}]`) => `<a class="yt-timestamp" data-t="${t}">${label}</a>`;
		const report = corpusReport([`One ${a("15:52:03")}. Two ${a("57:47:04", "[00:57:47]")}.`, `Plain ${a("00:01:00")}.`, `Late ${a("07:00:00")} ${a("13:00:00")} ${a("59:10")}.`]);
		expect(report).toMatchObject({ notes: 3, citations: 6, labelDisagreements: 1, past6h: 0 });
		expect(report.kinds["minutes-seconds"]).toBe(4);
		expect(report.rereadInContext).toBe(4);
	});
});
