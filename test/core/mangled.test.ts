import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { extractCitations, type Citation } from "../../src/core";

const FIXTURES = join(__dirname, "..", "fixtures");

/** The one citation of `md`, asserting there is exactly one. */
function one(md: string): Citation {
	const cs = extractCitations(md);
	expect(cs).toHaveLength(1);
	return cs[0] as Citation;
}

describe("extractCitations: mangled but obvious tags", () => {
	it.each([
		// [what, markdown, seconds, where the element starts, repaired]
		["a class left as yt=\"yt-timestamp", `Claim <a class="yt="yt-timestamp" data-t="00:04:04">[00:04:04]</a>.`, 244, "<a", 'the class is written "yt="yt-timestamp"'],
		["a class with its prefix doubled", `Claim <a class="yt-yt-timestamp" data-t="00:04:04">[00:04:04]</a>.`, 244, "<a", 'the class is written "yt-yt-timestamp"'],
		["a space after <", `Claim < a class="yt-timestamp" data-t="00:04:04">[00:04:04]</a>.`, 244, "< a", 'the tag is written "< a"'],
		["a tab after <", `Claim <\ta class="yt-timestamp" data-t="00:04:04">[00:04:04]</a>.`, 244, "<\ta", 'the tag is written "< a"'],
		["a Markdown-escaped tag, read from its backslash", `Claim \\<a class="yt-timestamp" data-t="00:16:10">[00:16:10]</a>.`, 970, "\\<a", 'the tag is escaped as "\\<a"'],
		["an escaped tag read the long way", `Claim \\<a data-t="00:16:10" class="yt-timestamp">[00:16:10]</a>.`, 970, "\\<a", 'the tag is escaped as "\\<a"'],
		["all three at once", `Claim \\< a class="yt-yt-timestamp" data-t="00:16:10">[00:16:10]</a>.`, 970, "\\< a", 'the tag is escaped as "\\<a"; the tag is written "< a"; the class is written "yt-yt-timestamp"'],
	])("reads %s", (_name, md, seconds, start, repaired) => {
		const c = one(md);
		expect(c.seconds).toBe(seconds);
		expect([c.from, c.to]).toEqual([md.indexOf(start), md.length - 1]);
		expect(c.repaired).toBe(repaired);
		expect(c.repair).toBe("mangled-tag");
	});

	it("reports a broken time or tag before a mangled one, as the time is what a reader acts on", () => {
		const bracket = one(`Claim <a class="yt-yt-timestamp" data-t="00:12:34]">[00:12:34]</a>.`);
		expect(bracket).toMatchObject({ seconds: 754, repaired: expect.stringMatching(/stray brackets/) });
		expect(bracket.repair).not.toBe("mangled-tag");
		const unclosed = one(`Claim < a class="yt-timestamp" data-t="00:12:34"`);
		expect(unclosed).toMatchObject({ seconds: 754, repaired: "the opening tag is not closed", repair: "unclosed" });
	});

	it("marks a clean tag left unclosed", () => {
		expect(one(`Claim <a class="yt-timestamp" data-t="00:12:34"`)).toMatchObject({ seconds: 754, repaired: "the opening tag is not closed", repair: "unclosed" });
	});

	it.each([
		["another class that holds the name", `Claim <a class="not-yt-timestamp-ish" data-t="00:04:04">[00:04:04]</a>.`],
		["a class named in the plural", `Claim <a class="yt-timestamps" data-t="00:04:04">[00:04:04]</a>.`],
		["a class with another prefix", `Claim <a class="my-yt-timestamp" data-t="00:04:04">[00:04:04]</a>.`],
		["another attribute that holds the name", `Claim <a title="yt-timestamp" data-t="00:04:04">[00:04:04]</a>.`],
		["prose about yt-timestamps", "Notes mark moments with yt-timestamps, one yt-timestamp per claim."],
		["prose with a less-than sign", "When x < a class of yt-timestamp elements, stop."],
		["an escaped tag whose time is broken too", `Claim \\<a class="yt-timestamp" data-t="soon">[later]</a>.`],
		["an escaped tag with no time", `Claim \\<a class="yt-timestamp">[00:12:34]</a>.`],
	])("reads nothing from %s", (_name, md) => {
		expect(extractCitations(md)).toEqual([]);
	});

	it("reads an escaped backslash before a clean tag as the clean tag", () => {
		const md = `Claim \\\\<a class="yt-timestamp" data-t="00:16:10">[00:16:10]</a>.`;
		const c = one(md);
		expect(md.slice(c.from, c.from + 2)).toBe("<a");
		expect(c.repaired).toBeUndefined();
	});

	it("leaves a backslash inside inline code before the element alone", () => {
		const md = `Claim \`x\\\`<a class="yt-timestamp" data-t="00:16:10">[00:16:10]</a>.`;
		const c = one(md);
		expect(md.slice(c.from, c.from + 2)).toBe("<a");
		expect(c.repaired).toBeUndefined();
	});
});

/** Every fixture note (corpus and times), by path. */
function fixtureNotes(): { path: string; text: string }[] {
	const out: { path: string; text: string }[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith(".md") && name !== "README.md") out.push({ path: relative(FIXTURES, full), text: readFileSync(full, "utf8") });
		}
	};
	walk(join(FIXTURES, "corpus"));
	walk(join(FIXTURES, "times"));
	return out;
}

describe("mangled tags in the real notes", () => {
	it("reads each of them, and no other, as mangled", () => {
		const found = fixtureNotes().flatMap(({ path, text }) =>
			extractCitations(text)
				.filter((c) => c.repair === "mangled-tag")
				.map((c) => [path, c.line + 1, c.seconds, text.slice(c.from, c.from + 28)]),
		);
		expect(found).toEqual([
			["times/3blue1brown/graphical_representation_of_motion_distance_and_velocity.md", 38, 244, '<a class="yt="yt-timestamp" '],
			...[
				[11, 970],
				[15, 1212],
				[19, 1294],
				[23, 1260],
				[27, 2441],
				[31, 3656],
			].map(([line, seconds]) => ["times/hubermanlab/impact_of_sun_exposure_on_skin_health.md", line, seconds, '\\<a class="yt-timestamp" dat']),
		]);
	});
});
