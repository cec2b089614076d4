import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { Menu, Notice } from "../double/obsidian";
import { extractCitations, formatTimestamp } from "../../src/core";
import { citationsOfVideo } from "../../src/notes/citationVideo";
import type { CitationsView } from "../../src/views/CitationsView";
import { SEED_PATH } from "../helpers/corpus";
import { settle } from "../helpers/plugin";
import { anchor, click, fileAt, makeApp, messageOf, note, openNote, openPanel, rowEls, settleIndex, spyScroll, typeFilter } from "./harness";

const SEED_ID = "aXGo1o_baBo";
const SEED_VIDEO = { kind: "youtube", id: SEED_ID } as const;
const OTHER_VIDEO = { kind: "youtube", id: "hEzpiDuYFoE" } as const;

/** A vault-scope row as a user reads it: chip, note name, its folder tooltip, text. */
function readRow(row: Element) {
	return {
		chip: row.querySelector(".vc-panel-chip")?.textContent ?? "",
		note: row.querySelector(".vc-panel-source")?.textContent ?? "",
		folder: row.querySelector(".vc-panel-source")?.getAttribute("aria-label") ?? "",
		text: row.querySelector(".vc-panel-text")?.textContent ?? "",
	};
}

function vaultRows(el: HTMLElement) {
	return rowEls(el).map(readRow);
}

function playingRows(el: HTMLElement) {
	return [...el.querySelectorAll(".vc-panel-row.is-playing")].map(readRow);
}

function count(el: HTMLElement): string {
	return el.querySelector(".vc-panel-count")?.textContent ?? "";
}

function scopeButton(el: HTMLElement, scope: "note" | "vault"): HTMLElement {
	return el.querySelector(`.vc-panel-scope[data-scope="${scope}"]`) as HTMLElement;
}

/** A panel over `notes` with the index built, the first note open and the "Whole vault" scope chosen. */
async function vaultPanel(notes: Record<string, string>, open = Object.keys(notes)[0] as string) {
	const made = makeApp(notes, { vault: true });
	await settleIndex(made.app);
	const panel = await openPanel(made);
	const noteView = await openNote(made.app, open);
	click(scopeButton(panel.el, "vault"));
	await settleIndex(made.app);
	return { ...panel, noteView };
}

const A = note(`# Talk A\n\nFirst in A ${anchor("00:00:10")}.\n\nSecond in A ${anchor("00:00:50")}.\n`);
const B = note(`# Talk B\n\nFirst in B ${anchor("00:00:30")}.\n\nSecond in B ${anchor("00:01:10")}.\n`);

describe("citations panel: the whole-vault timeline", () => {
	it("lists every note's citations of the video by time, then note, then line, each naming its note", async () => {
		const C = note(`Tie in C ${anchor("00:00:30")}.\n\nAnother tie in C ${anchor("00:00:30")}.\n`);
		const { el } = await vaultPanel({ "talks/a.md": A, "b.md": B, "talks/deep/c.md": C, "elsewhere.md": note(`Other video ${anchor("00:00:01")}.`, "videoId: hEzpiDuYFoE") });
		expect(vaultRows(el)).toEqual([
			{ chip: "0:10", note: "a", folder: "talks", text: "First in A" },
			{ chip: "0:30", note: "b", folder: "", text: "First in B" },
			{ chip: "0:30", note: "c", folder: "talks/deep", text: "Tie in C" },
			{ chip: "0:30", note: "c", folder: "talks/deep", text: "Another tie in C" },
			{ chip: "0:50", note: "a", folder: "talks", text: "Second in A" },
			{ chip: "1:10", note: "b", folder: "", text: "Second in B" },
		]);
		expect(count(el)).toBe("6 citations in 3 notes");
		expect(el.querySelector(".vc-panel-video-name")?.textContent).toBe(`YouTube video ${SEED_ID}`);
		expect(scopeButton(el, "vault").getAttribute("aria-pressed")).toBe("true");
		expect(scopeButton(el, "note").getAttribute("aria-pressed")).toBe("false");
		expect((el.querySelector(".vc-panel-layout") as HTMLElement).hidden).toBe(true);
	});

	it("shows the demo vault's six notes on the seed video in one timeline, in time order (five name it, one links to a moment of it)", async () => {
		const root = join(__dirname, "..", "..", "demo-vault");
		const notes: Record<string, string> = {};
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const full = join(dir, name);
				if (statSync(full).isDirectory()) walk(full);
				else if (name.endsWith(".md")) notes[relative(root, full)] = readFileSync(full, "utf8");
			}
		};
		walk(root);
		const seedPath = `corpus/${SEED_PATH}`;
		const { el, playback } = await vaultPanel(notes, seedPath);
		// What the index keeps of each note on the seed video, straight from core.
		const expected = Object.entries(notes)
			.flatMap(([path, text]) => citationsOfVideo(extractCitations(text), SEED_VIDEO, text.includes(`videoId: ${SEED_ID}`) ? SEED_VIDEO : null).map((c) => ({ path, seconds: c.seconds, line: c.line, text: c.text })))
			.sort((a, b) => a.seconds - b.seconds || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line);
		const rows = vaultRows(el);
		expect(new Set(expected.map((e) => e.path)).size).toBe(6);
		expect(rows).toHaveLength(156);
		expect(count(el)).toBe("156 citations in 6 notes");
		expect(rows.map((r) => [r.chip, r.note, r.text])).toEqual(
			expected.map((e) => [formatTimestamp(e.seconds, { style: "m:ss" }), e.path.slice(e.path.lastIndexOf("/") + 1, -3), e.text]),
		);
		expect(new Set(rows.map((r) => r.note))).toEqual(
			new Set([
				"the_rise_of_the_chief_product_and_technology_officer_role",
				"balancing_startup_agility_and_big_company_operations",
				"challenges_and_opportunities_for_women_in_tech_leadership",
				"empowering_women_in_tech_leadership",
				"the_role_of_ai_in_transforming_product_management",
				"Other plugins' timestamps",
			]),
		);
		// Playing the video walks through all six notes.
		const seen = new Set<string>();
		for (const e of expected) {
			playback.emit({ video: SEED_VIDEO, seconds: e.seconds + 0.5, playing: true });
			seen.add(playingRows(el)[0]?.note ?? "");
		}
		expect(seen.size).toBe(6);
	});

	it("follows playback from one note's citation to another's, scrolling without taking the focus", async () => {
		const calls = spyScroll();
		const { el, playback, noteView, app } = await vaultPanel({ "a.md": A, "b.md": B });
		noteView.editor.focus();
		const focused = document.activeElement;
		const walk: string[] = [];
		for (const seconds of [5, 12, 35, 55, 80]) {
			playback.emit({ video: SEED_VIDEO, seconds, playing: true });
			walk.push(playingRows(el).map((r) => `${r.note} ${r.chip}`).join() || "none");
		}
		expect(walk).toEqual(["none", "a 0:10", "b 0:30", "a 0:50", "b 1:10"]);
		expect(calls.map((c) => (c.el as HTMLElement).querySelector(".vc-panel-source")?.textContent)).toEqual(["a", "b", "a", "b"]);
		expect(calls.every((c) => JSON.stringify(c.arg) === '{"block":"nearest"}')).toBe(true);
		expect(document.activeElement).toBe(focused);
		playback.emit({ video: OTHER_VIDEO, seconds: 35 });
		await settleIndex(app);
		expect(el.querySelector(".is-playing")).toBeNull();
	});

	it("highlights the first of several citations at the same second, and does not scroll when following is off", async () => {
		const calls = spyScroll();
		const { el, playback, settings } = await vaultPanel({ "a.md": A, "b.md": B, "c.md": note(`Same moment ${anchor("00:00:30")}.`) });
		settings.current = { ...settings.current, panelFollowsPlayback: false };
		playback.emit({ video: SEED_VIDEO, seconds: 40 });
		expect(playingRows(el)).toEqual([{ chip: "0:30", note: "b", folder: "", text: "First in B" }]);
		expect(calls).toEqual([]);
	});

	it("shows the playing video's timeline, else the active note's video's, and switches with the player", async () => {
		const other = note(`Other talk ${anchor("00:02:00")}.`, "videoId: hEzpiDuYFoE");
		const { el, playback, app } = await vaultPanel({ "a.md": A, "b.md": B, "other.md": other });
		expect(count(el)).toBe("4 citations in 2 notes");
		playback.emit({ video: OTHER_VIDEO, seconds: 0 });
		await settleIndex(app);
		expect(vaultRows(el)).toEqual([{ chip: "2:00", note: "other", folder: "", text: "Other talk" }]);
		expect(el.querySelector(".vc-panel-video-name")?.textContent).toBe("YouTube video hEzpiDuYFoE");
		playback.emit({ video: null, seconds: 0 });
		await settleIndex(app);
		expect(count(el)).toBe("4 citations in 2 notes");
		await openNote(app, "other.md");
		await settleIndex(app);
		expect(count(el)).toBe("1 citation in 1 note");
	});

	it("says when no note cites the video, and when there is no video", async () => {
		const { el, app, playback } = await vaultPanel({ "empty.md": note("No timestamps yet.") });
		expect(messageOf(el)).toBe("No note in this vault cites this video yet.");
		expect(vaultRows(el)).toEqual([]);
		expect((el.querySelector(".vc-panel-toolbar") as HTMLElement).hidden).toBe(true);
		const fresh = makeApp({ "plain.md": "No video." }, { vault: true });
		await settleIndex(fresh.app);
		const panel = await openPanel(fresh);
		await openNote(fresh.app, "plain.md");
		click(scopeButton(panel.el, "vault"));
		await settleIndex(fresh.app);
		expect(messageOf(panel.el)).toBe("Play a video, or open a note that names one, to see every citation of it in this vault.");
		expect((panel.el.querySelector(".vc-panel-header") as HTMLElement).hidden).toBe(true);
		fresh.playback.emit({ video: SEED_VIDEO, seconds: 0 });
		await settleIndex(fresh.app);
		expect(messageOf(panel.el)).toBe("No note in this vault cites this video yet.");
		expect(playback.seeks).toEqual([]);
		expect(app.vault.writes).toEqual([]);
	});

	it("lists a citation naming another video with data-v in that video's timeline, where it plays, opens and exports from its note", async () => {
		const guest = `<a class="yt-timestamp" data-t="00:00:40" data-v="hEzpiDuYFoE">[00:00:40]</a>`;
		const a = note(`# Talk A\n\nFirst in A ${anchor("00:00:10")}.\n\nA clip of the other talk ${guest}.\n`);
		const other = note(`Other talk ${anchor("00:02:00")}.`, "videoId: hEzpiDuYFoE");
		const { el, app, playback, clipboard } = await vaultPanel({ "a.md": a, "other.md": other });
		expect(vaultRows(el).map((r) => r.text)).toEqual(["First in A"]);
		playback.emit({ video: OTHER_VIDEO, seconds: 0 });
		await settleIndex(app);
		expect(vaultRows(el)).toEqual([
			{ chip: "0:40", note: "a", folder: "", text: "A clip of the other talk" },
			{ chip: "2:00", note: "other", folder: "", text: "Other talk" },
		]);
		expect(count(el)).toBe("2 citations in 2 notes");
		click(rowEls(el)[0]?.querySelector(".vc-panel-chip") as Element);
		expect(playback.seeks).toEqual([{ video: OTHER_VIDEO, seconds: 40, options: { sourcePath: "a.md" } }]);
		click(rowEls(el)[0]?.querySelector(".vc-panel-source") as Element);
		await settle();
		expect(app.workspace.activeEditor?.editor.getSelection()).toBe(guest);
		click(el.querySelector(".vc-panel-copy") as Element);
		Menu.lastShown?.click("Copy as CSV");
		await settle();
		expect(clipboard.written).toEqual([
			["time,seconds,note,line,text,link", "00:00:40,40,a,8,A clip of the other talk,https://youtu.be/hEzpiDuYFoE?t=40", "00:02:00,120,other,4,Other talk,https://youtu.be/hEzpiDuYFoE?t=120", ""].join("\r\n"),
		]);
	});

	it("says it is indexing, with its progress, until the first build has finished; then shows the timeline", async () => {
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const notes: Record<string, string> = { "a.md": A, "b.md": B };
		for (let i = 0; i < 98; i++) notes[`filler/${i}.md`] = "No citations here.";
		const made = makeApp(notes, {
			vault: true,
			beforeIndex: (app) => {
				// The last note (in the third chunk of 40) takes its time to read.
				const read = app.vault.cachedRead.bind(app.vault);
				vi.spyOn(app.vault, "cachedRead").mockImplementation(async (file) => {
					if (file.path === "filler/97.md") await gate;
					return read(file);
				});
			},
		});
		const panel = await openPanel(made);
		await openNote(made.app, "a.md");
		click(scopeButton(panel.el, "vault"));
		await settleIndex(made.app);
		expect(messageOf(panel.el)).toBe("Indexing citations… 80 of 100 notes");
		expect(vaultRows(panel.el)).toEqual([]);
		expect(panel.el.querySelector(".vc-panel-video-name")?.textContent).toBe(`YouTube video ${SEED_ID}`);
		release();
		await settleIndex(made.app);
		expect(messageOf(panel.el)).toBe("");
		expect(count(panel.el)).toBe("4 citations in 2 notes");
	});

	it("says it is indexing before the layout is ready, when the vault has not been listed yet", async () => {
		const made = makeApp({ "a.md": A, "b.md": B }, { vault: true, layoutLater: true });
		const panel = await openPanel(made);
		await openNote(made.app, "a.md");
		click(scopeButton(panel.el, "vault"));
		await settleIndex(made.app);
		expect(messageOf(panel.el)).toBe("Indexing citations…");
		made.app.workspace.triggerLayoutReady();
		await settleIndex(made.app);
		expect(count(panel.el)).toBe("4 citations in 2 notes");
	});

	it("a chip plays that moment from its own note", async () => {
		const { el, playback } = await vaultPanel({ "a.md": A, "talks/b.md": B });
		click(rowEls(el)[1]?.querySelector(".vc-panel-chip") as Element);
		click(rowEls(el)[2]?.querySelector(".vc-panel-chip") as Element);
		expect(playback.seeks).toEqual([
			{ video: SEED_VIDEO, seconds: 30, options: { sourcePath: "talks/b.md" } },
			{ video: SEED_VIDEO, seconds: 50, options: { sourcePath: "a.md" } },
		]);
	});

	it("a click on the note's name opens that note with the citation selected", async () => {
		const { el, app, playback } = await vaultPanel({ "a.md": A, "talks/b.md": B });
		expect(app.workspace.getLeavesOfType("markdown").map((l) => (l.view as { file?: { path: string } }).file?.path)).toEqual(["a.md"]);
		click(rowEls(el)[3]?.querySelector(".vc-panel-source") as Element);
		await settle();
		const view = app.workspace.activeEditor;
		expect(view?.file?.path).toBe("talks/b.md");
		const c = extractCitations(B)[1];
		expect(view?.editor.getCursor("from")).toEqual({ line: c?.line, ch: B.split("\n")[c?.line ?? 0]?.indexOf("<a") });
		expect(view?.editor.getSelection()).toBe(anchor("00:01:10"));
		expect(playback.seeks).toEqual([]);
		// The panel stays on the whole vault, now beside the opened note.
		await settleIndex(app);
		expect(count(el)).toBe("4 citations in 2 notes");
		click(rowEls(el)[0]?.querySelector(".vc-panel-source") as Element);
		await settle();
		expect(app.workspace.activeEditor?.file?.path).toBe("a.md");
		expect(app.workspace.activeEditor?.editor.getSelection()).toBe(anchor("00:00:10"));
	});

	it("filters by text, note name or time", async () => {
		const { el } = await vaultPanel({ "a.md": A, "talks/b.md": B });
		typeFilter(el, "second");
		expect(vaultRows(el).map((r) => r.text)).toEqual(["Second in A", "Second in B"]);
		typeFilter(el, "b");
		expect(vaultRows(el).map((r) => r.note)).toEqual(["b", "b"]);
		typeFilter(el, "0:50");
		expect(vaultRows(el).map((r) => r.text)).toEqual(["Second in A"]);
		typeFilter(el, "nothing like it");
		expect(messageOf(el)).toBe('No citations match "nothing like it".');
	});

	it("goes back to the note's own citations, and keeps its scope in the view state", async () => {
		const { el, view } = await vaultPanel({ "a.md": A, "b.md": B });
		expect(view.getState()).toMatchObject({ scope: "vault" });
		click(scopeButton(el, "note"));
		await settle();
		expect(rowEls(el).map((r) => r.querySelector(".vc-panel-source"))).toEqual([null, null]);
		expect(count(el)).toBe("2 citations");
		expect(el.querySelector(".vc-panel-note")?.textContent).toBe("a");
		expect((el.querySelector(".vc-panel-layout") as HTMLElement).hidden).toBe(false);
		expect(view.getState()).toMatchObject({ scope: "note" });
	});

	it("opens in the whole-vault scope when the saved layout says so", async () => {
		const made = makeApp({ "a.md": A, "b.md": B }, { vault: true });
		await settleIndex(made.app);
		await openNote(made.app, "a.md");
		const leaf = made.app.workspace.getRightLeaf(false);
		await leaf.setViewState({ type: "video-citations-panel", state: { scope: "vault" } });
		await settleIndex(made.app);
		const view = leaf.view as unknown as CitationsView;
		expect(view.getState()).toMatchObject({ scope: "vault" });
		expect(count(view.containerEl)).toBe("4 citations in 2 notes");
	});
});

describe("citations panel: the whole-vault timeline stays current", () => {
	it("follows a modified, a renamed and a deleted note, re-reading only the changed note", async () => {
		const { el, app } = await vaultPanel({ "a.md": A, "b.md": B });
		const read = vi.spyOn(app.vault, "cachedRead");
		const b = fileAt(app, "b.md");
		app.vault.externalModify(b, B.replace("Second in B", `New in B ${anchor("00:00:20")}.\n\nSecond in B`));
		await settleIndex(app);
		expect(vaultRows(el).map((r) => `${r.chip} ${r.note} ${r.text}`)).toEqual(["0:10 a First in A", "0:20 b New in B", "0:30 b First in B", "0:50 a Second in A", "1:10 b Second in B"]);
		expect(read.mock.calls.map(([file]) => file.path)).toEqual(["b.md"]);
		expect(count(el)).toBe("5 citations in 2 notes");

		app.vault.rename(b, "archive/renamed.md");
		await settleIndex(app);
		expect(vaultRows(el).filter((r) => r.note === "renamed").map((r) => [r.chip, r.folder])).toEqual([
			["0:20", "archive"],
			["0:30", "archive"],
			["1:10", "archive"],
		]);
		// A rename moves the note's entries; its text was read already.
		expect(read.mock.calls).toHaveLength(1);

		app.vault.remove(b);
		await settleIndex(app);
		expect(vaultRows(el).map((r) => r.note)).toEqual(["a", "a"]);
		expect(count(el)).toBe("2 citations in 1 note");
	});

	it("follows typing in an open note once it is saved, keeping the playing row", async () => {
		const { el, app, playback, noteView } = await vaultPanel({ "a.md": A, "b.md": B });
		playback.emit({ video: SEED_VIDEO, seconds: 31 });
		noteView.editor.replaceRange(`Typed claim ${anchor("00:00:40")}.\n\n`, { line: 4, ch: 0 });
		// Obsidian saves what was typed once typing pauses; the index follows the save.
		noteView.save();
		await settleIndex(app);
		expect(vaultRows(el).map((r) => r.text)).toEqual(["First in A", "First in B", "Typed claim", "Second in A", "Second in B"]);
		expect(playingRows(el).map((r) => r.text)).toEqual(["First in B"]);
	});

	it("a note that gains the video joins the timeline; one that loses it leaves", async () => {
		const { el, app } = await vaultPanel({ "a.md": A, "b.md": B, "c.md": note(`C ${anchor("00:00:05")}.`, "videoId: hEzpiDuYFoE") });
		const c = fileAt(app, "c.md");
		app.vault.externalModify(c, note(`C ${anchor("00:00:05")}.`));
		await settleIndex(app);
		expect(vaultRows(el)[0]).toEqual({ chip: "0:05", note: "c", folder: "", text: "C" });
		app.vault.externalModify(fileAt(app, "b.md"), note("No more citations."));
		await settleIndex(app);
		expect(vaultRows(el).map((r) => r.note)).toEqual(["c", "a", "a"]);
	});
});

describe("citations panel: copying", () => {
	const ID = SEED_ID;

	it.each([
		["Copy as markdown list", `- [0:10](https://youtu.be/${ID}?t=10) First in A ([[a]])\n- [0:30](https://youtu.be/${ID}?t=30) First in B ([[b]])\n- [0:50](https://youtu.be/${ID}?t=50) Second in A ([[a]])\n- [1:10](https://youtu.be/${ID}?t=70) Second in B ([[b]])`, "a markdown list"],
		["Copy as YouTube chapters", "00:00:00 Start\n00:00:10 First in A\n00:00:30 First in B\n00:00:50 Second in A\n00:01:10 Second in B", "YouTube chapters"],
		[
			"Copy as CSV",
			[
				"time,seconds,note,line,text,link",
				`00:00:10,10,a,6,First in A,https://youtu.be/${ID}?t=10`,
				`00:00:30,30,b,6,First in B,https://youtu.be/${ID}?t=30`,
				`00:00:50,50,a,8,Second in A,https://youtu.be/${ID}?t=50`,
				`00:01:10,70,b,8,Second in B,https://youtu.be/${ID}?t=70`,
				"",
			].join("\r\n"),
			"CSV",
		],
	])("%s copies the video's whole-vault citations", async (item, text, as) => {
		const { el, clipboard } = await vaultPanel({ "a.md": A, "b.md": B });
		click(el.querySelector(".vc-panel-copy") as Element);
		expect(Menu.lastShown?.items.map((i) => i.title)).toEqual(["Copy as markdown list", "Copy as YouTube chapters", "Copy as CSV"]);
		Menu.lastShown?.click(item);
		await settle();
		expect(clipboard.written).toEqual([text]);
		expect(Notice.shown).toEqual([`Copied 4 citations as ${as}`]);
	});

	it("copies the note's own citations in the note scope", async () => {
		const made = makeApp({ "a.md": A, "b.md": B }, { vault: true });
		const { el, clipboard } = await openPanel(made);
		await openNote(made.app, "a.md");
		click(el.querySelector(".vc-panel-copy") as Element);
		Menu.lastShown?.click("Copy as YouTube chapters");
		await settle();
		expect(clipboard.written).toEqual(["00:00:00 Start\n00:00:10 First in A\n00:00:50 Second in A"]);
		expect(Notice.shown).toEqual(["Copied 2 citations as YouTube chapters"]);
	});
});
