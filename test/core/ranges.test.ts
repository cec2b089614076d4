import { describe, expect, it } from "vitest";
import { extractCitations } from "../../src/core";

/** Issue 20: every written range gives its start and its end, so a seek can stop there. */
describe("ranges", () => {
	it.each([
		["data-t range, as written: no repair", `Claim <a class="yt-timestamp" data-t="00:01:02-00:01:30">[00:01:02]-[00:01:30]</a>.`, 62, 90, undefined],
		["data-t range with an en dash", `Claim <a class="yt-timestamp" data-t="1:02–1:30">[1:02–1:30]</a>.`, 62, 90, undefined],
		["data-t range in stray brackets", `Claim <a class="yt-timestamp" data-t="00:01:02]-[00:01:30">[00:01:02]-[00:01:30]</a>.`, 62, 90, "range"],
		["data-t range whose end comes first", `Claim <a class="yt-timestamp" data-t="00:01:30-00:01:02">[00:01:30]</a>.`, 90, undefined, "range"],
		["wiki fragment", `Claim [[clip.webm#t=30,45]].`, 30, 45, undefined],
		["markdown fragment", `Claim [0:30](media/clip.webm#t=30,45).`, 30, 45, undefined],
		["web fragment", `Claim [0:30](https://example.com/a.mp4#t=30,45).`, 30, 45, undefined],
		["npt fragment", `Claim [0:30](media/clip.webm#t=npt:0:30,0:45).`, 30, 45, undefined],
	])("%s", (_name, text, seconds, end, repair) => {
		const [c] = extractCitations(text);
		expect(c?.seconds).toBe(seconds);
		expect(c?.end).toBe(end);
		expect(c?.repair).toBe(repair);
	});

	it("two elements joined by a dash stay two citations (each plays its own moment)", () => {
		const cs = extractCitations(`Claim <a class="yt-timestamp" data-t="00:01:02">[00:01:02]</a>-<a class="yt-timestamp" data-t="00:01:30">[00:01:30]</a>.`);
		expect(cs.map((c) => [c.seconds, c.end])).toEqual([[62, undefined], [90, undefined]]);
	});
});
