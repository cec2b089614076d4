import { describe, expect, it, vi } from "vitest";
import { App, Notice } from "../double/obsidian";
import { Plugin } from "../double/obsidian";
import { CitationIndex } from "../../src/vault/citationIndex";
import { CitationIndexer } from "../../src/vault/indexer";
import { registerCitationIndex } from "../../src/vault";
import { NoteVideos } from "../../src/notes/noteVideo";
import { vaultNoteText } from "../../src/obsidian/noteText";
import { extractCitations } from "../../src/core";
import { corpusNotes } from "../helpers/corpus";
import { settle } from "../helpers/plugin";

const YT = (id: string) => ({ kind: "youtube" as const, id });
const a = (t: string) => `<a class="yt-timestamp" data-t="${t}">[${t}]</a>`;

describe("CitationIndex", () => {
	it("keys citations by video and merges a time-sorted timeline across notes", () => {
		const index = new CitationIndex();
		index.setNote("b.md", `One ${a("00:00:30")}. Two ${a("00:00:10")}.`, YT("aXGo1o_baBo"));
		index.setNote("a.md", `Three ${a("00:00:20")}.\n\nFour ${a("00:00:10")}.`, YT("aXGo1o_baBo"));
		index.setNote("c.md", `Other ${a("00:00:05")}.`, YT("hEzpiDuYFoE"));
		expect(index.timeline(YT("aXGo1o_baBo")).map((e) => [e.seconds, e.path, e.line])).toEqual([
			[10, "a.md", 2],
			[10, "b.md", 0],
			[20, "a.md", 0],
			[30, "b.md", 0],
		]);
		expect(index.notesFor(YT("hEzpiDuYFoE")).map((n) => n.path)).toEqual(["c.md"]);
	});

	it("updates, renames and removes one note at a time, telling listeners which video changed", () => {
		const index = new CitationIndex();
		const changes: string[][] = [];
		index.onChange((keys) => changes.push([...keys]));
		index.setNote("a.md", `X ${a("00:00:20")}.`, YT("aXGo1o_baBo"));
		index.setNote("a.md", `X ${a("00:00:21")}. Y ${a("00:00:22")}.`, YT("aXGo1o_baBo"));
		expect(index.timeline(YT("aXGo1o_baBo")).map((e) => e.seconds)).toEqual([21, 22]);
		index.renameNote("a.md", "dir/a.md");
		expect(index.timeline(YT("aXGo1o_baBo")).map((e) => e.path)).toEqual(["dir/a.md", "dir/a.md"]);
		index.setNote("dir/a.md", `X ${a("00:00:21")}.`, YT("hEzpiDuYFoE"));
		expect(index.timeline(YT("aXGo1o_baBo"))).toEqual([]);
		index.removeNote("dir/a.md");
		expect(index.noteCount).toBe(0);
		expect(changes).toEqual([
			["youtube:aXGo1o_baBo"],
			["youtube:aXGo1o_baBo"],
			["youtube:aXGo1o_baBo"],
			["youtube:aXGo1o_baBo", "youtube:hEzpiDuYFoE"],
			["youtube:hEzpiDuYFoE"],
		]);
	});

	it("skips invalid citations, and indexes those naming another video with data-v under that video", () => {
		const index = new CitationIndex();
		const changes: string[][] = [];
		index.onChange((keys) => changes.push([...keys]));
		const guest = (t: string, id = "hEzpiDuYFoE") => `<a class="yt-timestamp" data-t="${t}" data-v="${id}">[x]</a>`;
		index.setNote("a.md", `X ${a("00:00:20")}. <a class="yt-timestamp" data-t="soon"></a> ${guest("00:00:09")}\n\nSame ${guest("00:00:30", "aXGo1o_baBo")}.`, YT("aXGo1o_baBo"));
		// A note naming no video of its own still cites the one its elements name.
		index.setNote("b.md", `No video, one guest ${guest("00:00:03")}. No time ${a("00:00:04")}.`, null);
		expect(index.timeline(YT("aXGo1o_baBo")).map((e) => [e.path, e.seconds, e.line, e.index])).toEqual([
			["a.md", 20, 0, 0],
			["a.md", 30, 2, 1],
		]);
		expect(index.timeline(YT("hEzpiDuYFoE")).map((e) => [e.path, e.seconds, e.line, e.index])).toEqual([
			["b.md", 3, 0, 0],
			["a.md", 9, 0, 0],
		]);
		expect(changes).toEqual([["youtube:aXGo1o_baBo", "youtube:hEzpiDuYFoE"], ["youtube:hEzpiDuYFoE"]]);
		index.renameNote("a.md", "moved.md");
		expect(index.timeline(YT("hEzpiDuYFoE")).map((e) => e.path)).toEqual(["b.md", "moved.md"]);
		expect(changes.at(-1)).toEqual(["youtube:aXGo1o_baBo", "youtube:hEzpiDuYFoE"]);
		index.removeNote("moved.md");
		expect(index.timeline(YT("aXGo1o_baBo"))).toEqual([]);
		expect(index.notesFor(YT("hEzpiDuYFoE")).map((n) => n.path)).toEqual(["b.md"]);
		expect(index.noteCount).toBe(1);
	});
});

describe("CitationIndexer", () => {
	/** A vault of `count` notes built from the corpus (each corpus note repeated under new paths). */
	function generatedVault(count: number) {
		const corpus = corpusNotes();
		const files = new Map<string, string>();
		for (let i = 0; i < count; i++) {
			const note = corpus[i % corpus.length] as { path: string; text: string };
			files.set(`gen/${i}-${note.path.replace(/\//g, "_")}`, note.text);
		}
		return files;
	}

	it("builds over thousands of notes in chunks that yield to the UI, and matches a direct extraction", async () => {
		const files = generatedVault(3000);
		const app = new App();
		for (const [path, text] of files) app.vault.seed(path, text);
		const notes = new NoteVideos({
			frontmatter: (path) => app.metadataCache.getCache(path)?.frontmatter,
			resolveLink: () => null,
		});
		const index = new CitationIndex();
		const yields = vi.fn(() => Promise.resolve());
		const progress = { update: vi.fn(), finish: vi.fn() };
		const indexer = new CitationIndexer(index, { markdownPaths: () => [...files.keys()], read: async (p) => files.get(p) ?? "" }, notes, yields, progress);
		await indexer.build();
		expect(yields.mock.calls.length).toBe(Math.ceil(3000 / 40));
		expect(progress.finish).toHaveBeenCalledWith(3000);
		const seed = YT("aXGo1o_baBo");
		const expected = [...files].filter(([p]) => notes.videoFor(p)?.kind === "youtube" && (notes.videoFor(p) as { id: string }).id === "aXGo1o_baBo");
		const expectedCount = expected.reduce((n, [, text]) => n + extractCitations(text).filter((c) => c.seconds !== null && !c.video).length, 0);
		expect(index.timeline(seed)).toHaveLength(expectedCount);
		expect(index.notesFor(seed).length).toBe(expected.length);
	});

	it("lets a newer build cancel an older one", async () => {
		const index = new CitationIndex();
		const notes = new NoteVideos({ frontmatter: () => ({ videoId: "aXGo1o_baBo" }), resolveLink: () => null });
		const paths = Array.from({ length: 200 }, (_, i) => `n${i}.md`);
		const read = vi.fn(async () => `X ${a("00:00:01")}.`);
		const indexer = new CitationIndexer(index, { markdownPaths: () => paths, read }, notes, () => Promise.resolve());
		const first = indexer.build();
		const second = indexer.build();
		await Promise.all([first, second]);
		expect(index.noteCount).toBe(200);
		expect(read.mock.calls.length).toBeLessThan(400);
	});
});

describe("registerCitationIndex on the app", () => {
	it("builds after layout-ready and follows modify, rename and delete", async () => {
		const app = new App();
		app.vault.seed("talk.md", `---\nvideoId: aXGo1o_baBo\n---\nX ${a("00:00:20")}.`);
		app.vault.seed("other.md", `No citations here.`);
		const vaultHandlersBefore = app.vault.listenerCount();
		const plugin = new (class extends Plugin {})(app, { id: "t", name: "t", version: "1", minAppVersion: "1", description: "", author: "" });
		plugin.load();
		const notes = new NoteVideos({ frontmatter: (p) => app.metadataCache.getCache(p)?.frontmatter, resolveLink: () => null });
		const index = registerCitationIndex(plugin as never, { notes, noteText: vaultNoteText(app.workspace as never, app.vault as never) });
		expect(index.noteCount).toBe(0);
		app.workspace.triggerLayoutReady();
		await settle(5);
		expect(index.timeline(YT("aXGo1o_baBo")).map((e) => e.seconds)).toEqual([20]);

		const file = app.vault.getFileByPath("other.md");
		if (!file) throw new Error("missing");
		app.vault.externalModify(file, `---\nvideoId: aXGo1o_baBo\n---\nY ${a("00:00:05")}.`);
		expect(index.timeline(YT("aXGo1o_baBo")).map((e) => [e.seconds, e.path])).toEqual([
			[5, "other.md"],
			[20, "talk.md"],
		]);
		app.vault.rename(file, "moved/other.md");
		expect(index.timeline(YT("aXGo1o_baBo"))[0]?.path).toBe("moved/other.md");
		app.vault.remove(file);
		expect(index.timeline(YT("aXGo1o_baBo")).map((e) => e.path)).toEqual(["talk.md"]);

		plugin.unload();
		expect(app.vault.listenerCount()).toBe(vaultHandlersBefore);
		expect(app.metadataCache.listenerCount()).toBe(0);
		expect(Notice.shown).toEqual([]);
	});

	it("shows its progress in one notice for a vault of more than 500 notes, and hides it when done", async () => {
		const app = new App();
		for (let i = 0; i < 600; i++) app.vault.seed(`n${i}.md`, `---\nvideoId: aXGo1o_baBo\n---\nClaim ${a("00:00:20")}.`);
		const plugin = new (class extends Plugin {})(app, { id: "t", name: "t", version: "1", minAppVersion: "1", description: "", author: "" });
		plugin.load();
		const notes = new NoteVideos({ frontmatter: (p) => app.metadataCache.getCache(p)?.frontmatter, resolveLink: () => null });
		const hide = vi.spyOn(Notice.prototype, "hide");
		const setMessage = vi.spyOn(Notice.prototype, "setMessage");
		const index = registerCitationIndex(plugin as never, { notes, noteText: vaultNoteText(app.workspace as never, app.vault as never) });
		app.workspace.triggerLayoutReady();
		await settle(40);
		expect(index.noteCount).toBe(600);
		expect(Notice.shown).toEqual(["Indexing video citations: 40 of 600 notes"]);
		expect(setMessage.mock.calls.at(-1)?.[0]).toBe("Indexing video citations: 600 of 600 notes");
		expect(hide).toHaveBeenCalledTimes(1);
		plugin.unload();
	});

	it("does not build when the plugin was unloaded before the layout was ready", async () => {
		const app = new App();
		app.vault.seed("talk.md", `---\nvideoId: aXGo1o_baBo\n---\nX ${a("00:00:20")}.`);
		const plugin = new (class extends Plugin {})(app, { id: "t", name: "t", version: "1", minAppVersion: "1", description: "", author: "" });
		plugin.load();
		const notes = new NoteVideos({ frontmatter: (p) => app.metadataCache.getCache(p)?.frontmatter, resolveLink: () => null });
		const index = registerCitationIndex(plugin as never, { notes, noteText: vaultNoteText(app.workspace as never, app.vault as never) });
		plugin.unload();
		const read = vi.spyOn(app.vault, "cachedRead");
		app.workspace.triggerLayoutReady();
		await settle(5);
		expect(read).not.toHaveBeenCalled();
		expect(index.noteCount).toBe(0);
	});
});
