import { beforeEach, describe, expect, it } from "vitest";
import { App, Modal, Notice } from "../double/obsidian";
import { toChapters } from "../../src/core";
import { noteTextExportRows } from "../../src/tools/exportCitations";
import { registerTools } from "../../src/tools";
import { registerCitationsPanel, VIEW_TYPE_CITATIONS, type CitationsView } from "../../src/views";
import { registerCitationIndex } from "../../src/vault";
import { NoteVideos } from "../../src/notes/noteVideo";
import { memoryNames } from "../helpers/names";
import { vaultNoteText } from "../../src/obsidian/noteText";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import type { PluginServices } from "../../src/services";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { memoryDurations } from "../helpers/durations";
import { footprint, settle } from "../helpers/plugin";
import { click, FakePlayback, fileAt, hostPlugin, settlePanels } from "../views/harness";
import { answer, PLUGIN_ID, toolsApp } from "./harness";

const ID = "aXGo1o_baBo";
const std = (t: string) => `<a class="yt-timestamp" data-t="${t}">[${t}]</a>`;
const NOTE = `---\nvideoId: ${ID}\n---\n# Talk\n\nThe CPTO role is rising ${std("00:46:51")}.\n\nRuns product, "engineering" and design ${std("00:00:24")}.\n\nLost <a class="yt-timestamp" data-t="soon"></a>.\n`;

beforeEach(() => {
	Modal.open = [];
});

describe("copy citations", () => {
	it.each([
		[
			"copy-citations-markdown",
			`- [46:51](https://youtu.be/${ID}?t=2811) The CPTO role is rising\n- [0:24](https://youtu.be/${ID}?t=24) Runs product, "engineering" and design`,
			"Copied 2 citations as a markdown list",
		],
		["copy-citations-chapters", `00:00:00 Start\n00:00:24 Runs product, "engineering" and design\n00:46:51 The CPTO role is rising`, "Copied 2 citations as YouTube chapters"],
		[
			"copy-citations-csv",
			[
				"time,seconds,note,line,text,link",
				`00:46:51,2811,,6,The CPTO role is rising,https://youtu.be/${ID}?t=2811`,
				`00:00:24,24,,8,"Runs product, ""engineering"" and design",https://youtu.be/${ID}?t=24`,
				"",
			].join("\r\n"),
			"Copied 2 citations as CSV",
		],
	])("%s writes the active note's citations to the clipboard", async (id, text, notice) => {
		const { run, open, clipboard, app } = toolsApp({ "n.md": NOTE });
		await open("n.md", "reading");
		expect(run(id)).toBe(true);
		await settle();
		expect(clipboard.written).toEqual([text]);
		expect(Notice.shown).toEqual([notice]);
		expect(app.vault.writes).toEqual([]);
	});

	it("copies the seed note's 32 citations as YouTube chapters", async () => {
		const seed = corpusNote(SEED_PATH);
		const { run, open, clipboard } = toolsApp({ [SEED_PATH]: seed });
		await open(SEED_PATH);
		run("copy-citations-chapters");
		await settle();
		// YouTube rejects chapters under 10 s: the notice says what was left out for it.
		expect(Notice.shown).toEqual(["Copied 32 citations as YouTube chapters. 8 moments less than 10 s after the chapter before were left out: YouTube needs chapters at least 10 s long."]);
		expect(clipboard.written).toEqual([toChapters(noteTextExportRows(seed, { kind: "youtube", id: ID }))]);
		expect(clipboard.written[0]?.split("\n").slice(0, 3)).toEqual([
			"00:00:00 Start",
			"00:00:24 A CPTO functionally runs product, engineering, and design as a cohesive unit",
			// 0:32 is 8 s after 0:24: its chapter would be too short for YouTube.
			expect.stringMatching(/^00:13:00 /),
		]);
	});

	it("copies what the editor holds, typing included", async () => {
		const { run, open, clipboard } = toolsApp({ "n.md": NOTE });
		const view = await open("n.md");
		view.editor.replaceRange(`Just typed ${std("00:00:05")}.\n\n`, { line: 5, ch: 0 });
		run("copy-citations-chapters");
		await settle();
		expect(clipboard.written[0]?.split("\n")).toEqual(["00:00:00 Just typed", '00:00:24 Runs product, "engineering" and design', "00:46:51 The CPTO role is rising"]);
	});

	it("says when there is nothing to copy, or the clipboard refuses", async () => {
		const made = toolsApp({ "plain.md": "No timestamps.", "n.md": NOTE });
		await made.open("plain.md");
		made.run("copy-citations-csv");
		await settle();
		expect(made.clipboard.written).toEqual([]);
		await made.open("n.md");
		made.clipboard.writeText = () => Promise.reject(new Error("denied"));
		made.run("copy-citations-csv");
		await settle();
		expect(Notice.shown).toEqual(["No timestamps to copy.", "Could not copy to the clipboard."]);
	});

	it("is offered only when a note is active", async () => {
		const { available } = toolsApp({ "n.md": NOTE });
		expect(available("copy-citations-markdown")).toBe(false);
	});
});

describe("tool commands", () => {
	it("have sentence-case names, ids without the plugin id and no hotkeys", () => {
		const { app } = toolsApp({});
		const ours = [...app.commands.commands.values()].map((c) => ({ id: c.id, name: c.name, hotkeys: c.hotkeys }));
		expect(ours).toEqual(
			[
				["repair-timestamps", "Repair timestamps in this note"],
				["convert-timestamps-to-links", "Convert timestamps to markdown links"],
				["convert-links-to-timestamps", "Convert markdown links to timestamps"],
				["copy-citations-markdown", "Copy citations as markdown list"],
				["copy-citations-chapters", "Copy citations as YouTube chapters"],
				["copy-citations-csv", "Copy citations as CSV"],
			].map(([id, name]) => ({ id: `${PLUGIN_ID}:${id}`, name: `Video Citations: ${name}`, hotkeys: undefined })),
		);
	});

	it("leave nothing behind: index, panel and tools registered, used and unloaded", async () => {
		const app = new App();
		document.body.appendChild(app.workspace.containerEl);
		app.vault.seed("a.md", NOTE.replace("The CPTO", "Broken <a class=\"yt-timestamp\" data-t=\"00:00:01]\">[00:00:01]</a> The CPTO"));
		app.vault.seed("b.md", NOTE);
		const before = footprint(app);
		const plugin = hostPlugin(app);
		const notes = new NoteVideos({ frontmatter: (path) => app.metadataCache.getCache(path)?.frontmatter, resolveLink: () => null });
		const { durations } = memoryDurations();
		const services: PluginServices = { settings: { current: { ...DEFAULT_SETTINGS }, onChange: () => () => {} }, playback: new FakePlayback(), notes, durations, names: memoryNames({ frontmatter: (path) => app.metadataCache.getCache(path)?.frontmatter }, notes), openExternal: () => {}, clipboard: { writeText: async () => {} }, noteText: vaultNoteText(app.workspace as never, app.vault as never) };
		const index = registerCitationIndex(plugin as never, services);
		registerCitationsPanel(plugin as never, services, index);
		registerTools(plugin as never, services);
		app.workspace.triggerLayoutReady();
		await settle(10);
		const leaf = await app.workspace.ensureSideLeaf(VIEW_TYPE_CITATIONS, "right", { active: false });
		const noteView = await app.workspace.openNote(fileAt(app, "a.md"));
		await settlePanels(app);
		const panel = leaf.view as unknown as CitationsView;
		click(panel.containerEl.querySelector('.vc-panel-scope[data-scope="vault"]') as Element);
		await settle(10);
		expect(panel.containerEl.querySelector(".vc-panel-count")?.textContent).toBe("5 citations in 2 notes");
		app.commands.execute(`${PLUGIN_ID}:repair-timestamps`);
		await settle();
		await answer("Repair");
		await settle(10);
		expect(panel.containerEl.querySelector(".vc-panel-count")?.textContent).toBe("5 citations in 2 notes");
		noteView.leaf.detach();
		plugin.unload();
		await settle();
		Notice.reset();
		expect({ ...footprint(app), bodyNodes: 0 }).toEqual({ ...before, bodyNodes: 0 });
		expect(Modal.open).toEqual([]);
	});
});
