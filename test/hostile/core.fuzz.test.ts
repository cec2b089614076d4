/**
 * Fuzzing the pure core (issue 10) where test/core stops: inputs built from the grammars the
 * parsers accept and the ways real notes break (so the generators reach the code paths that
 * matter, not just random strings that fail the first check), and every corpus note mutated the
 * ways generators, imports and strangers' vaults break them. The properties are the contract the
 * rest of the plugin relies on: nothing throws, offsets stay in range, times are finite,
 * non-negative and at most a week, ids have the shape of an id, and no unsafe scheme passes.
 */
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { extractCitations, formatTimestamp, MAX_SECONDS, parseTimestamp, parseYouTubeUrl, readVideoValue, resolveVideo, VIDEO_KEYS, type Citation } from "../../src/core";
import { corpusNotes } from "../helpers/corpus";
import { MUTATIONS, mutate, mutationStep } from "./mutations";

const runs: Record<string, number> = {};
/** Runs a property `numRuns` times and counts the cases for the report. */
function check<T>(name: string, arb: fc.Arbitrary<T>, body: (value: T) => void, numRuns: number): void {
	runs[name] = (runs[name] ?? 0) + numRuns;
	fc.assert(fc.property(arb, body), { numRuns });
}
afterAll(() => {
	process.stdout.write(`[hostile] core fuzz cases: ${Object.entries(runs).map(([k, v]) => `${k} ${v}`).join(", ")}\n`);
});

/** Digits a person or a generator might type, Unicode lookalikes included. */
const digit = fc.constantFrom("0", "1", "2", "5", "9", "٣", "３", "𝟓");
const number = fc.array(digit, { minLength: 0, maxLength: 8 }).map((d) => d.join(""));
const separator = fc.constantFrom(":", ":", ":", ".", ",", "h", "m", "s", "H", " ", "-", "+", "e", "：", "\u200b", "\u0000");
/** Strings shaped like times: numbers and separators, with junk around. */
const timeLike = fc
	.tuple(fc.constantFrom("", " ", "-", "+", "\ufeff", "\u202e", "["), fc.array(fc.tuple(number, separator), { maxLength: 5 }), number, fc.constantFrom("", " ", "]", "s", "\u0000", "e3"))
	.map(([pre, parts, last, post]) => pre + parts.map(([n, s]) => n + s).join("") + last + post);

describe("parseTimestamp on time-shaped input", () => {
	it("returns null or a time from 0 to a week, never throws, and reads the same time back from its own output", () => {
		check(
			"parseTimestamp",
			timeLike,
			(text) => {
				const seconds = parseTimestamp(text);
				if (seconds === null) return;
				expect(Number.isFinite(seconds)).toBe(true);
				expect(seconds).toBeGreaterThanOrEqual(0);
				expect(seconds).toBeLessThanOrEqual(MAX_SECONDS);
				// Whatever it read, the way the plugin writes that time reads back as the same time.
				expect(parseTimestamp(formatTimestamp(seconds))).toBe(seconds);
				expect(parseTimestamp(formatTimestamp(seconds, { style: "m:ss" }))).toBe(seconds);
			},
			20_000,
		);
	});

	it("reads only ASCII digits: Unicode digits, invisible characters and NUL never count", () => {
		check(
			"parseTimestamp-unicode",
			timeLike.filter((t) => /[^\x20-\x7e]/.test(t.trim())),
			(text) => {
				expect(parseTimestamp(text)).toBeNull();
			},
			5_000,
		);
	});
});

const YOUTUBE_HOSTS = ["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be", "www.youtu.be"];
const host = fc.constantFrom(
	...YOUTUBE_HOSTS,
	"www.youtube.com.evil.example",
	"youtube.com@evil.example",
	"evil.example#@www.youtube.com",
	"wwwyoutube.com",
	"www.youtube.co",
	"www.yоutube.com",
	"xn--yutube-wqf.com",
	"youtu.be.evil.example",
	"127.0.0.1",
	"",
);
const idLike = fc.oneof(
	fc.constantFrom("aXGo1o_baBo", "hEzpiDuYFoE", "аXGo1o_baBo", "aXGo1o\u200b_baBo", "\u202eoBab_o1oGXa", "aXGo1o_baBoo", "aXGo1o_baB", "aXGo1o%5FbaBo", "<script>", '"><img src=x>', "javascript:alert(1)", "..%2F..%2F"),
	fc.stringMatching(/^[A-Za-z0-9_-]{9,13}$/),
);
const tValue = fc.oneof(fc.constantFrom("90", "1h2m3s", "2811s", "-5", "NaN", "1e400", "99999999", "javascript:alert(1)", "00:46:51", "１２"), timeLike);
/** URLs built from YouTube's shapes, lookalike hosts, hostile ids and hostile `t=` values. */
const youtubeish = fc
	.tuple(
		fc.constantFrom("https://", "http://", "HTTPS://", "", "//", "javascript:", "data:", " https://", "https:\\\\", "ftp://"),
		host,
		fc.constantFrom("/watch?v=", "/", "/shorts/", "/embed/", "/live/", "/v/", "/e/", "/watch?x=1&v=", "/watch/?v="),
		idLike,
		fc.constantFrom("", "?t=", "&t=", "#t=", "?start=", "&start=", "&v=hEzpiDuYFoE&t="),
		tValue,
		fc.constantFrom("", "#", "&", "\u0000", "\"><script>alert(1)</script>", " "),
	)
	.map((parts) => parts.join(""));

describe("parseYouTubeUrl on YouTube-shaped and lookalike addresses", () => {
	it("gives an id only for YouTube's own hosts, always of the 11-character shape, with a start from 0 to a week", () => {
		check(
			"parseYouTubeUrl",
			youtubeish,
			(url) => {
				const info = parseYouTubeUrl(url);
				if (!info) return;
				expect(info.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
				// Independent of the parser: the address a browser would open is on one of YouTube's hosts.
				const text = url.trim();
				const parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
				expect(YOUTUBE_HOSTS).toContain(parsed.hostname.toLowerCase());
				expect(["http:", "https:"]).toContain(parsed.protocol);
				if (info.start !== undefined) {
					expect(Number.isFinite(info.start)).toBe(true);
					expect(info.start).toBeGreaterThanOrEqual(0);
					expect(info.start).toBeLessThanOrEqual(MAX_SECONDS);
				}
			},
			20_000,
		);
	});
});

/** Frontmatter values a note may carry for its video: addresses of every scheme, paths, links, junk. */
const videoValue = fc.oneof(
	youtubeish,
	idLike,
	fc
		.tuple(
			fc.constantFrom("", "./", "../", "media/", "/", "\\", "C:\\", "file:///", "javascript:", "data:video/mp4;base64,", "vbscript:", "app://local/", "http://", "https://", "[[", "![[", "<", " ", "\u0000"),
			fc.constantFrom("clip", "../../etc/passwd", "a b", "evil.example/x", "%2e%2e/secret", "alert(1)//", "x\u202e4pm", "клип"),
			fc.constantFrom(".webm", ".mp4", ".MP3", ".txt", ".md", "", ".webm?x=1", ".webm#t=5", ".mp4\u0000"),
			fc.constantFrom("", "]]", "|alias]]", ">", " ", "\n"),
		)
		.map((parts) => parts.join("")),
	fc.anything(),
);

/** C0 and C1 controls, DEL and space: what a browser strips or ignores around a URL's scheme. */
function isControlOrSpace(ch: string): boolean {
	const c = ch.charCodeAt(0);
	return c <= 0x20 || (c >= 0x7f && c <= 0x9f);
}

/** The scheme a browser would see in `text` (controls and spaces dropped), or "". */
function schemeOf(text: string): string {
	const compact = [...text].filter((ch) => !isControlOrSpace(ch)).join("").toLowerCase();
	return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1] ?? "";
}

describe("resolveVideo on hostile frontmatter", () => {
	it("names a video only as a checked id, an http(s) URL or a vault media path without '..' or a scheme", () => {
		check(
			"resolveVideo",
			fc.dictionary(fc.constantFrom(...VIDEO_KEYS, "title"), videoValue, { maxKeys: 4 }),
			(frontmatter) => {
				const ref = resolveVideo(frontmatter);
				if (!ref) return;
				// The key that produced it holds a string (or a one-element list, or a number for videoId).
				const raw = VIDEO_KEYS.map((k) => frontmatter[k]).find((v) => readVideoValue("video", v) !== null || readVideoValue("videoId", v) !== null);
				const text = String(Array.isArray(raw) ? raw[0] : raw);
				expect(["javascript", "data", "vbscript", "file"]).not.toContain(schemeOf(text));
				switch (ref.kind) {
					case "youtube":
						expect(ref.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
						break;
					case "url": {
						const url = new URL(ref.url);
						expect(["http:", "https:"]).toContain(url.protocol);
						expect(ref.url).toBe(url.href);
						break;
					}
					case "file":
						expect(ref.path.split("/")).not.toContain("..");
						expect(ref.path).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
						expect([...ref.path].some((ch) => isControlOrSpace(ch) && ch !== " ")).toBe(false);
						// A media file by its extension (a `#t=` or `?` after it is a link's subpath, not part of the name).
						expect(ref.path.split(/[?#]/)[0]).toMatch(/\.(mp4|m4v|webm|ogv|mov|mkv|3gp|mp3|m4a|wav|ogg|oga|opus|flac|aac)$/i);
						break;
				}
			},
			20_000,
		);
	});
});

/** The contract every citation keeps, whatever the note. */
function citationProblems(md: string, cs: readonly Citation[]): string[] {
	const out: string[] = [];
	let last = -1;
	let lines = 0;
	let counted = 0;
	for (const c of cs) {
		if (!(Number.isInteger(c.from) && Number.isInteger(c.to) && c.from >= 0 && c.from < c.to && c.to <= md.length)) out.push(`range ${c.from}..${c.to} of ${md.length}`);
		if (c.from <= last) out.push(`not in order at ${c.from}`);
		last = c.from;
		for (; counted < c.from; counted++) if (md.charCodeAt(counted) === 10) lines++;
		if (c.line !== lines) out.push(`line ${c.line} at ${c.from}, expected ${lines}`);
		if (md.charAt(c.from) !== "<") out.push(`starts with ${JSON.stringify(md.charAt(c.from))}`);
		if (c.seconds !== null && !(Number.isFinite(c.seconds) && c.seconds >= 0 && c.seconds <= MAX_SECONDS)) out.push(`seconds ${c.seconds}`);
		if (c.seconds === null && !(typeof c.invalid === "string" && c.invalid.length > 0)) out.push("invalid without a reason");
		if (c.end !== undefined && !(Number.isFinite(c.end) && c.end >= 0)) out.push(`end ${c.end}`);
		if (c.video?.kind === "youtube" && !/^[A-Za-z0-9_-]{11}$/.test(c.video.id)) out.push(`video ${JSON.stringify(c.video)}`);
		if (typeof c.label !== "string" || typeof c.text !== "string" || !c.headings.every((h) => typeof h === "string")) out.push("non-string text");
	}
	return out;
}

describe("extractCitations on mutated corpus notes", () => {
	const notes = corpusNotes();

	it("keeps its contract through any stack of the ways notes break, on every corpus note", () => {
		check(
			"extractCitations-mutated",
			fc.tuple(fc.nat(notes.length - 1), fc.array(mutationStep, { minLength: 1, maxLength: 6 })),
			([index, steps]) => {
				const md = mutate((notes[index] as { text: string }).text, steps);
				const cs = extractCitations(md);
				expect(citationProblems(md, cs)).toEqual([]);
				// Reading the same text twice gives the same citations (no state kept between calls).
				expect(extractCitations(md).map((c) => [c.from, c.to, c.seconds, c.video])).toEqual(cs.map((c) => [c.from, c.to, c.seconds, c.video]));
			},
			1_500,
		);
		// 3,000 whole-note reads: 4–5 s alone on a two-core machine, more beside other suites.
	}, 60_000);

	it.each(Object.keys(MUTATIONS))("applied everywhere at once (%s) to every corpus note", (name) => {
		const apply = MUTATIONS[name] as (t: string, a: number, p: number) => string;
		for (const note of notes) {
			let md = note.text;
			// Ten places spread over the note.
			for (let k = 0; k < 10; k++) md = apply(md, Math.floor((md.length * k) / 10), k);
			expect(citationProblems(md, extractCitations(md)), note.path).toEqual([]);
		}
		runs["extractCitations-everywhere"] = (runs["extractCitations-everywhere"] ?? 0) + notes.length;
	});
});
