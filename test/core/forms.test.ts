import { describe, expect, it } from "vitest";
import { applyEdits, extractCitations, mayHoldCitations, planAnchors, planPortableLinks, planRepairs, videoKey, type Citation, type VideoRef } from "../../src/core";
import { corpusNotes } from "../helpers/corpus";

const ID = "aXGo1o_baBo";
const OTHER = "hEzpiDuYFoE";
const YT = (id: string): VideoRef => ({ kind: "youtube", id });
const one = (md: string, options = {}) => {
	const all = extractCitations(md, options);
	expect(all).toHaveLength(1);
	return all[0] as Citation;
};

describe("moment links are citations", () => {
	it.each([
		["a youtu.be link", `Claim [0:26](https://youtu.be/${ID}?t=26).`, 26, YT(ID)],
		["a watch link with 1m30s", `Claim [1:30](https://www.youtube.com/watch?v=${ID}&t=1m30s).`, 90, YT(ID)],
		["a watch link with #t=", `Claim [here](https://www.youtube.com/watch?v=${ID}#t=90).`, 90, YT(ID)],
		["another video's link", `Claim [0:26](https://youtu.be/${OTHER}?t=26).`, 26, YT(OTHER)],
		["a link in angle brackets with a title", `Claim [0:26](<https://youtu.be/${ID}?t=26> "the talk").`, 26, YT(ID)],
		["a wiki link to a vault file", "Claim [[talk.mp4#t=90]].", 90, { kind: "file", path: "talk.mp4" }],
		["a wiki link with m:ss and an alias", "Claim [[talk.mp4#t=1:30|the demo]].", 90, { kind: "file", path: "talk.mp4" }],
		["a markdown link to a vault file", "Claim [clip](media/talk.webm#t=1:30).", 90, { kind: "file", path: "media/talk.webm" }],
		["an encoded path", "Claim [clip](media/talk%20one.webm#t=npt:75).", 75, { kind: "file", path: "media/talk one.webm" }],
		["a web media file", "Claim [clip](https://example.org/a/talk.mp4#t=12).", 12, { kind: "url", url: "https://example.org/a/talk.mp4" }],
	])("reads %s", (_name, md, seconds, video) => {
		const c = one(md);
		expect(c.form).toBe("link");
		expect(c.seconds).toBe(seconds);
		expect(c.video).toEqual(video);
		expect(md.slice(c.from, c.to).startsWith("[")).toBe(true);
		expect(c.text).toBe("Claim");
	});

	it("reads a media-fragment range", () => {
		const c = one("Claim [[talk.mp4#t=30,45]].");
		expect([c.seconds, c.end]).toEqual([30, 45]);
	});

	it("reads an empty-target time link as the note's video", () => {
		const c = one("Claim [02:01]().");
		expect(c).toMatchObject({ form: "bare", seconds: 121, label: "02:01" });
		expect(c.video).toBeUndefined();
		expect(one("Claim [[02:01]]().").seconds).toBe(121);
	});

	it.each([
		["an ordinary link", "See [docs](https://example.com/a?t=5)."],
		["a YouTube link without a time", `See [talk](https://youtu.be/${ID}).`],
		["a link to a heading", "See [[Note#Heading]]."],
		["a media link without a time", "See [[talk.mp4]] and [clip](media/talk.webm)."],
		["an embed", "![[talk.mp4#t=90]]"],
		["an image", `![0:26](https://youtu.be/${ID}?t=26)`],
		["an empty link whose text is not a time", "See [this]()."],
		["inline code", "Code `[0:26](https://youtu.be/" + ID + "?t=26)` here."],
		["a comment", `<!-- [0:26](https://youtu.be/${ID}?t=26) -->`],
		["inline math", "Math $[0:30]()$ here."],
		["a fence", "```\n[0:26](https://youtu.be/" + ID + "?t=26)\n```"],
		["an escaped link", `\\[0:26](https://youtu.be/${ID}?t=26)`],
		["a hostile target", "[0:26](javascript:alert(1)#t=5) [[../../etc/passwd.mp4#t=1]] [a](file:///x.mp4#t=3)"],
	])("leaves %s ordinary", (_name, md) => {
		expect(extractCitations(md)).toEqual([]);
	});

	it("keeps elements and links in document order, each claim its own", () => {
		const md = `First <a class="yt-timestamp" data-t="00:00:10">[00:00:10]</a>. Second [0:20](https://youtu.be/${ID}?t=20). Third [00:30]().`;
		const cs = extractCitations(md);
		expect(cs.map((c) => [c.form, c.seconds, c.text])).toEqual([
			["element", 10, "First"],
			["link", 20, "Second"],
			["bare", 30, "Third"],
		]);
		expect(cs.map((c) => c.claim)).toEqual([0, 1, 2]);
	});

	it("reads other plugins' forms only when asked", () => {
		const md = `A [0:20](https://youtu.be/${ID}?t=20). B [[talk.mp4#t=9]]. C [00:30](). D [c](v.webm#t=3).`;
		expect(extractCitations(md).map((c) => c.form)).toEqual(["link", "link", "bare", "link"]);
		expect(extractCitations(md, { otherForms: false }).map((c) => c.seconds)).toEqual([20]);
	});

	it("reads a bare time in the context of its note, as elements are", () => {
		const md = Array.from({ length: 12 }, (_, i) => `Point ${i} [${String(10 + i).padStart(2, "0")}:${String(i * 4).padStart(2, "0")}:12]().`).join("\n");
		const cs = extractCitations(md);
		expect(cs.every((c) => c.form === "bare")).toBe(true);
		// `10:00:12` … in a note of frame-like thirds reads as minutes:seconds.
		expect(cs[0]?.seconds).toBe(600);
	});

	it("never repairs another plugin's form", () => {
		const md = "Claim [[talk.mp4#t=90]] and [02:01]().";
		expect(planRepairs(md).edits).toEqual([]);
	});
});

/** What a reader gets from a citation: its moment, the video it plays, its claim, in order. */
function meaning(md: string, noteVideo: VideoRef | null): string[] {
	return extractCitations(md).map((c) => {
		const video = c.video ?? noteVideo;
		return `${c.seconds ?? "x"}|${c.end ?? ""}|${video ? videoKey(video) : "none"}|${c.text}`;
	});
}

function noteVideoOf(text: string): VideoRef | null {
	const m = /^videoId:\s*["']?([A-Za-z0-9_-]{11})/m.exec(text.slice(0, 2000));
	return m ? YT(m[1] as string) : null;
}

describe("convert round trip on every corpus note", () => {
	const notes = corpusNotes();

	it("element → markdown link → element keeps every citation's time, video, claim and order", () => {
		let converted = 0;
		let expected = 0;
		for (const note of notes) {
			const video = noteVideoOf(note.text);
			// Times are what the note reads them as: a repaired or weighed time becomes a clean one.
			const once = applyEdits(note.text, planRepairs(note.text).edits);
			const before = meaning(once, video);
			const links = applyEdits(once, planPortableLinks(once, video).edits);
			expect(meaning(links, video), note.path).toEqual(before);
			const back = applyEdits(links, planAnchors(links, video).edits);
			expect(meaning(back, video), note.path).toEqual(before);
			converted += extractCitations(links).filter((c) => c.form === "link").length;
			if (video) expected += extractCitations(once).filter((c) => c.seconds !== null).length;
		}
		// Every timed citation of a YouTube note became a link, and read back as one.
		expect(converted).toBe(expected);
		expect(converted).toBeGreaterThan(2000);
	});
});

describe("a line is read for links only when one there can point at a moment", () => {
	it.each([
		["an empty target in angle brackets", "Claim [02:01](<>)."],
		["an empty target with a title", 'Claim [02:01]( "the talk").'],
		["a wiki link beside ordinary ones", "See [[Note]] and [[talk.mp4#t=90]]."],
		["a time link after ordinary links", `[a](x.md) [b](y.md) [0:26](https://youtu.be/${ID}?t=26)`],
	])("reads %s", (_name, md) => {
		expect(extractCitations(md)).toHaveLength(1);
		expect(mayHoldCitations(md)).toBe(true);
	});

	it("skips notes whose links cannot be moments", () => {
		const md = "See [[Note]], [[Other#Heading]] and [docs](https://example.com/a).\n".repeat(50);
		expect(mayHoldCitations(md)).toBe(false);
		expect(extractCitations(md)).toEqual([]);
	});
});
