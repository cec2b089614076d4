import { describe, expect, it, vi } from "vitest";
import { CitationIndex } from "../../src/vault/citationIndex";
import { TimelineLoader } from "../../src/views/timelineLoader";
import { noteSource, VaultTimeline } from "../../src/views/vaultTimeline";
import { anchor } from "./harness";

const SEED = { kind: "youtube", id: "aXGo1o_baBo" } as const;
const OTHER = { kind: "youtube", id: "hEzpiDuYFoE" } as const;

/** An index over `files` (path → text, all on the seed video) and a loader reading the same files. */
function setup(files: Record<string, string>) {
	const index = new CitationIndex();
	for (const [path, text] of Object.entries(files)) index.setNote(path, text, SEED);
	const read = vi.fn(async (path: string) => {
		const text = files[path];
		if (text === undefined) throw new Error("gone");
		return text;
	});
	return { index, read, files, loader: new TimelineLoader(index, read) };
}

describe("TimelineLoader", () => {
	it("pairs each index entry with its note's citation, skipping what the index skips", async () => {
		const { loader } = setup({
			"a.md": `Bad ${anchor("soon")}. Elsewhere ${anchor("00:00:01", ' data-v="hEzpiDuYFoE"')}. Kept ${anchor("00:00:20")}.`,
			"b.md": `Early ${anchor("00:00:05")}.\n\nSame video named ${anchor("00:00:30", ' data-v="aXGo1o_baBo"')}.`,
		});
		const timeline = await loader.load(SEED);
		expect(timeline.entries.map((e) => [e.path, e.citation.seconds, e.citation.text])).toEqual([
			["b.md", 5, "Early"],
			["a.md", 20, "Kept"],
			["b.md", 30, "Same video named"],
		]);
	});

	it("reads a note once, and again only after the index re-indexed it (not after a rename)", async () => {
		const { index, loader, read, files } = setup({ "a.md": `A ${anchor("00:00:10")}.`, "b.md": `B ${anchor("00:00:20")}.` });
		await loader.load(SEED);
		await loader.load(SEED);
		expect(read.mock.calls.map(([p]) => p)).toEqual(["a.md", "b.md"]);
		files["b.md"] = `B changed ${anchor("00:00:21")}.`;
		index.setNote("b.md", files["b.md"], SEED);
		index.renameNote("a.md", "moved/a.md");
		const timeline = await loader.load(SEED);
		expect(read.mock.calls.map(([p]) => p)).toEqual(["a.md", "b.md", "b.md"]);
		expect(timeline.entries.map((e) => [e.path, e.citation.text])).toEqual([
			["moved/a.md", "A"],
			["b.md", "B changed"],
		]);
	});

	it("keeps an entry whose note cannot be read (or no longer holds it) at its time and line, without text", async () => {
		const { index, loader, files } = setup({ "a.md": `\n\nA ${anchor("00:00:10")}.`, "b.md": `B ${anchor("00:00:20")}.` });
		delete files["a.md"];
		files["b.md"] = "Changed before it was read.";
		const timeline = await loader.load(SEED);
		expect(timeline.entries.map((e) => [e.path, e.citation.seconds, e.citation.line, e.citation.text, e.noteText])).toEqual([
			["a.md", 10, 2, "", ""],
			["b.md", 20, 0, "", ""],
		]);
		expect(index.noteCount).toBe(2);
	});
});

describe("VaultTimeline", () => {
	const entry = (path: string, seconds: number, text: string) => ({
		path,
		noteText: "",
		citation: { form: "element" as const, seconds, label: "", from: 0, to: 0, line: 0, text, headings: [], claim: 0 },
	});
	const timeline = new VaultTimeline(SEED, [entry("x/a.md", 10, "one"), entry("b.md", 30, "two"), entry("c.md", 30, "three"), entry("x/a.md", 50, "four")]);

	it.each([
		[9, -1],
		[10, 0],
		[29.9, 0],
		[30, 1],
		[49, 1],
		[50, 3],
		[9999, 3],
	])("at %f s plays row %i (the first of a shared second)", (seconds, row) => {
		expect(timeline.playing({ video: SEED, seconds, playing: true, duration: null, rate: 1 })).toBe(row);
	});

	it("plays nothing for another video or none", () => {
		expect(timeline.playing({ video: OTHER, seconds: 30, playing: true, duration: null, rate: 1 })).toBe(-1);
		expect(timeline.playing({ video: null, seconds: 30, playing: false, duration: null, rate: 1 })).toBe(-1);
	});

	it("names notes by basename and folder, and counts them", () => {
		expect(noteSource("x/y/Talk notes.md")).toEqual({ name: "Talk notes", folder: "x/y" });
		expect(noteSource("root.md")).toEqual({ name: "root", folder: "" });
		expect(timeline.noteCount).toBe(3);
		expect(timeline.exportRows()).toEqual([
			{ seconds: 10, text: "one", note: "a", line: 0, videoId: SEED.id },
			{ seconds: 30, text: "two", note: "b", line: 0, videoId: SEED.id },
			{ seconds: 30, text: "three", note: "c", line: 0, videoId: SEED.id },
			{ seconds: 50, text: "four", note: "a", line: 0, videoId: SEED.id },
		]);
	});

	it("exports without links for a video that is not on YouTube", () => {
		const local = new VaultTimeline({ kind: "file", path: "media/clip.webm" }, [entry("a.md", 5, "clip")]);
		expect(local.exportRows()).toEqual([{ seconds: 5, text: "clip", note: "a", line: 0 }]);
	});
});
