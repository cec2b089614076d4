import { undoDepth } from "@codemirror/commands";
import { beforeEach, describe, expect, it } from "vitest";
import { Menu, Modal, Notice, type MarkdownView } from "../double/obsidian";
import { applyEdits, planPortableLinks, planRepairs } from "../../src/core";
import { corpusNote, corpusNotes, SEED_PATH } from "../helpers/corpus";
import { settle } from "../helpers/plugin";
import { fileAt } from "../views/harness";
import { answer, confirmation, readConfirmation, toolsApp } from "./harness";

const ID = "aXGo1o_baBo";
const std = (t: string, extra = "") => `<a class="yt-timestamp" data-t="${t}"${extra}>[${t}]</a>`;
const withVideo = (body: string, frontmatter = `videoId: ${ID}`) => `---\n${frontmatter}\n---\n${body}`;

/** How many undo steps the note's editor holds. */
function undoSteps(view: MarkdownView): number {
	return view.editorView ? undoDepth(view.editorView.state) : -1;
}

beforeEach(() => {
	Modal.open = [];
});

describe("repair timestamps", () => {
	// Each broken form as a corpus note writes it (the note named), and what repair makes of it.
	it.each([
		["a stray bracket (foundmyfitness)", `<a class="yt-timestamp" data-t="00:19:19]">[00:19:19]</a>`, std("00:19:19"), "Stray bracket in the time: 1"],
		["data-00:04:37 (kuanceptionfilms)", `<a class="yt-timestamp" data-00:04:37>[00:04:37]</a>`, std("00:04:37"), "Broken time attribute: 1"],
		["data= (shankarnath)", `<a class="yt-timestamp" data="00:07:49">[00:07:49]</a>`, std("00:07:49"), "Broken time attribute: 1"],
		["an empty label (alexhormozi)", `<a class="yt-timestamp" data-t="01:01"></a>`, std("00:01:01"), "Empty label: 1"],
		["the time only in the label", `<a class="yt-timestamp">[00:12:34]</a>`, std("00:12:34"), "Time only in the label, or the label's time fits the note: 1"],
		["a stray bracket with its own video", `<a class="yt-timestamp" data-t="00:12:34]" data-v="hEzpiDuYFoE">[00:12:34]</a>`, std("00:12:34", ' data-v="hEzpiDuYFoE"'), "Stray bracket in the time: 1"],
	])("repairs %s in the editor as one undoable edit", async (_name, broken, repaired, reason) => {
		const before = withVideo(`# Notes\n\nA claim ${broken}.\n\nA fine one ${std("00:20:00")}.\n`);
		const { app, run, available, open } = toolsApp({ "n.md": before });
		const view = await open("n.md");
		expect(available("repair-timestamps")).toBe(true);
		expect(run("repair-timestamps")).toBe(true);
		await settle();
		expect(readConfirmation()).toEqual({
			title: "Repair timestamps",
			text: ["This rewrites 1 timestamp in the standard form, as one edit you can undo:", reason],
			buttons: ["Repair", "Cancel"],
		});
		await answer("Repair");
		expect(view.editor.getValue()).toBe(withVideo(`# Notes\n\nA claim ${repaired}.\n\nA fine one ${std("00:20:00")}.\n`));
		expect(Modal.open).toEqual([]);
		expect(Notice.shown).toEqual(["Repaired 1 timestamp."]);
		// Through the editor: no write by the plugin, and one step that undo takes back whole.
		expect(app.vault.writes).toEqual([]);
		expect(undoSteps(view)).toBe(1);
		view.editor.undo();
		expect(view.editor.getValue()).toBe(before);
		expect(available("repair-timestamps")).toBe(true);
	});

	it("rewrites a note's minutes:seconds:frames times into real times", async () => {
		const before = withVideo(["01:29:00", "20:19:00", "59:47:00", "01:01:13:00"].map((t) => `Claim at ${t} ${std(t)}.`).join("\n\n") + "\n");
		const { run, open } = toolsApp({ "n.md": before });
		const view = await open("n.md");
		run("repair-timestamps");
		await settle();
		expect(readConfirmation().text).toEqual(["This rewrites 3 timestamps in the standard form, as one edit you can undo:", "Time written as minutes:seconds with a third field: 3"]);
		await answer("Repair");
		expect(view.editor.getValue()).toBe(
			withVideo(
				[
					`Claim at 01:29:00 ${std("00:01:29")}.`,
					`Claim at 20:19:00 ${std("00:20:19")}.`,
					`Claim at 59:47:00 ${std("00:59:47")}.`,
					`Claim at 01:01:13:00 ${std("01:01:13:00")}.`,
				].join("\n\n") + "\n",
			),
		);
		expect(Notice.shown).toEqual(["Repaired 3 timestamps."]);
		view.editor.undo();
		expect(view.editor.getValue()).toBe(before);
	});

	it("counts each kind of repair, and leaves what it cannot repair exactly as it is", async () => {
		const lost = `<a class="yt-timestamp" data-t="soon"></a>`;
		const before = withVideo(`Empty <a class="yt-timestamp" data-t="00:00:40"></a>.\n\nStray <a class="yt-timestamp" data-t="00:19:19]">[00:19:19]</a>.\n\nEmpty too <a class="yt-timestamp" data-t="00:01:18"></a>.\n\nLost ${lost}.\n`);
		const { run, open } = toolsApp({ "n.md": before });
		const view = await open("n.md");
		run("repair-timestamps");
		await settle();
		expect(readConfirmation().text).toEqual([
			"This rewrites 3 timestamps in the standard form, as one edit you can undo:",
			"Empty label: 2",
			"Stray bracket in the time: 1",
			"1 timestamp without a readable time stays as it is.",
		]);
		await answer("Repair");
		expect(view.editor.getValue()).toBe(withVideo(`Empty ${std("00:00:40")}.\n\nStray ${std("00:19:19")}.\n\nEmpty too ${std("00:01:18")}.\n\nLost ${lost}.\n`));
		expect(Notice.shown).toEqual(["Repaired 3 timestamps."]);
		view.editor.undo();
		expect(view.editor.getValue()).toBe(before);
	});

	it("repairs every corpus note that needs it exactly as core plans, and one undo restores it", async () => {
		const needing = corpusNotes().filter((n) => planRepairs(n.text).edits.length > 0);
		expect(needing.length).toBeGreaterThanOrEqual(9);
		for (const { path, text } of needing) {
			const { run, open, app } = toolsApp({ [path]: text });
			const view = await open(path);
			run("repair-timestamps");
			await settle();
			await answer("Repair");
			expect(view.editor.getValue()).toBe(applyEdits(text, planRepairs(text).edits));
			expect(undoSteps(view)).toBe(1);
			view.editor.undo();
			expect(view.editor.getValue()).toBe(text);
			expect(app.vault.writes).toEqual([]);
			view.leaf.detach();
		}
	});

	it("Cancel, Escape or the close button change nothing", async () => {
		const before = withVideo(`A claim <a class="yt-timestamp" data-t="00:19:19]">[00:19:19]</a>.\n`);
		const { app, run, open } = toolsApp({ "n.md": before });
		const view = await open("n.md");
		run("repair-timestamps");
		await settle();
		await answer("Cancel");
		run("repair-timestamps");
		await settle();
		// Escape and the close button close the modal without an answer.
		confirmation().close();
		await settle();
		expect(Modal.open).toEqual([]);
		expect(view.editor.getValue()).toBe(before);
		expect(app.vault.readSync("n.md")).toBe(before);
		expect(app.vault.writes).toEqual([]);
		expect(undoSteps(view)).toBe(0);
		expect(Notice.shown).toEqual([]);
	});

	it("plans again from the editor's text when confirmed, so an edit made meanwhile is kept", async () => {
		const before = withVideo(`A claim <a class="yt-timestamp" data-t="00:19:19]">[00:19:19]</a>.\n`);
		const { run, open } = toolsApp({ "n.md": before });
		const view = await open("n.md");
		run("repair-timestamps");
		await settle();
		view.editor.replaceRange("Inserted first.\n\n", { line: 3, ch: 0 });
		await answer("Repair");
		expect(view.editor.getValue()).toBe(withVideo(`Inserted first.\n\nA claim ${std("00:19:19")}.\n`));
	});

	it("is not offered for a note with nothing to repair", async () => {
		const { available, open } = toolsApp({ [SEED_PATH]: corpusNote(SEED_PATH) });
		await open(SEED_PATH);
		expect(available("repair-timestamps")).toBe(false);
	});

	describe("from the file menu", () => {
		function fileMenu(made: ReturnType<typeof toolsApp>, path: string): Menu {
			const menu = new Menu();
			made.app.workspace.trigger("file-menu", menu, fileAt(made.app, path), "file-explorer");
			return menu;
		}

		it("repairs a note that is not open with one write, after the confirmation", async () => {
			const before = withVideo(`A claim <a class="yt-timestamp" data-00:04:37>[00:04:37]</a>.\n`);
			const made = toolsApp({ "n.md": before });
			fileMenu(made, "n.md").click("Repair timestamps");
			await settle();
			expect(readConfirmation().text).toEqual(["This rewrites 1 timestamp in the standard form, as one edit you can undo:", "Broken time attribute: 1"]);
			expect(made.app.vault.writes).toEqual([]);
			await answer("Repair");
			expect(made.app.vault.readSync("n.md")).toBe(withVideo(`A claim ${std("00:04:37")}.\n`));
			expect(made.app.vault.writes).toEqual([{ path: "n.md", kind: "process" }]);
		});

		it("goes through the editor when the note is open, so undo works", async () => {
			const before = withVideo(`A claim <a class="yt-timestamp" data-00:04:37>[00:04:37]</a>.\n`);
			const made = toolsApp({ "n.md": before });
			const view = await made.open("n.md", "reading");
			fileMenu(made, "n.md").click("Repair timestamps");
			await settle();
			await answer("Repair");
			expect(made.app.vault.writes).toEqual([]);
			expect(view.editor.getValue()).toBe(withVideo(`A claim ${std("00:04:37")}.\n`));
			view.editor.undo();
			expect(view.editor.getValue()).toBe(before);
		});

		it("says so when there is nothing to repair, and is only on notes", async () => {
			const made = toolsApp({ [SEED_PATH]: corpusNote(SEED_PATH), "media/clip.webm": "" });
			fileMenu(made, SEED_PATH).click("Repair timestamps");
			await settle();
			expect(Modal.open).toEqual([]);
			expect(Notice.shown).toEqual(["Nothing to repair in this note."]);
			expect(made.app.vault.writes).toEqual([]);
			expect(fileMenu(made, "media/clip.webm").items).toEqual([]);
		});
	});
});

describe("convert for publishing", () => {
	it.each([
		["the standard form", std("00:46:51"), `[46:51](https://youtu.be/${ID}?t=2811)`, std("00:46:51")],
		["minutes and seconds", `<a class="yt-timestamp" data-t="46:51">[46:51]</a>`, `[46:51](https://youtu.be/${ID}?t=2811)`, std("00:46:51")],
		["an empty label", `<a class="yt-timestamp" data-t="01:01"></a>`, `[1:01](https://youtu.be/${ID}?t=61)`, std("00:01:01")],
		["a stray bracket", `<a class="yt-timestamp" data-t="00:19:19]">[00:19:19]</a>`, `[19:19](https://youtu.be/${ID}?t=1159)`, std("00:19:19")],
		["data-00:04:37", `<a class="yt-timestamp" data-00:04:37>[00:04:37]</a>`, `[4:37](https://youtu.be/${ID}?t=277)`, std("00:04:37")],
		["data=", `<a class="yt-timestamp" data="00:07:49">[00:07:49]</a>`, `[7:49](https://youtu.be/${ID}?t=469)`, std("00:07:49")],
		["hours", std("01:02:03"), `[1:02:03](https://youtu.be/${ID}?t=3723)`, std("01:02:03")],
		// The link carries the exact time, so a fraction survives the round trip (youtube.com plays from second 24).
		["a fraction", std("00:00:24.6"), `[0:24.6](https://youtu.be/${ID}?t=24.6)`, std("00:00:24.6")],
		["another video (data-v)", std("00:00:10", ' data-v="hEzpiDuYFoE"'), "[0:10](https://youtu.be/hEzpiDuYFoE?t=10)", std("00:00:10", ' data-v="hEzpiDuYFoE"')],
	])("turns %s into a markdown link and back, each as one undoable edit", async (_name, element, link, back) => {
		const before = withVideo(`Claim ${element}.\n`);
		const { run, open, app } = toolsApp({ "n.md": before });
		const view = await open("n.md");
		run("convert-timestamps-to-links");
		await settle();
		expect(readConfirmation()).toEqual({
			title: "Convert timestamps to markdown links",
			text: ["This turns 1 timestamp into markdown links to YouTube, as one edit you can undo."],
			buttons: ["Convert", "Cancel"],
		});
		await answer("Convert");
		expect(view.editor.getValue()).toBe(withVideo(`Claim ${link}.\n`));
		expect(Notice.shown).toEqual(["Converted 1 timestamp to markdown links."]);
		expect(undoSteps(view)).toBe(1);

		run("convert-links-to-timestamps");
		await settle();
		expect(readConfirmation().text).toEqual(["This turns 1 markdown link to YouTube moments into timestamps, as one edit you can undo."]);
		await answer("Convert");
		expect(view.editor.getValue()).toBe(withVideo(`Claim ${back}.\n`));
		expect(undoSteps(view)).toBe(2);
		view.editor.undo();
		expect(view.editor.getValue()).toBe(withVideo(`Claim ${link}.\n`));
		view.editor.undo();
		expect(view.editor.getValue()).toBe(before);
		expect(app.vault.writes).toEqual([]);
	});

	it("converts the seed note's 32 timestamps and back to the very same text", async () => {
		const seed = corpusNote(SEED_PATH);
		const { run, open } = toolsApp({ [SEED_PATH]: seed });
		const view = await open(SEED_PATH);
		expect(run("convert-links-to-timestamps")).toBe(false);
		run("convert-timestamps-to-links");
		await settle();
		expect(readConfirmation().text).toEqual(["This turns 32 timestamps into markdown links to YouTube, as one edit you can undo."]);
		await answer("Convert");
		const links = view.editor.getValue();
		expect(links).toBe(applyEdits(seed, planPortableLinks(seed, { kind: "youtube", id: ID }).edits));
		expect(links).not.toContain("yt-timestamp");
		expect(links).toContain(`[46:51](https://youtu.be/${ID}?t=2811)`);
		run("convert-links-to-timestamps");
		await settle();
		expect(readConfirmation().text).toEqual(["This turns 32 markdown links to YouTube moments into timestamps, as one edit you can undo."]);
		await answer("Convert");
		expect(view.editor.getValue()).toBe(seed);
	});

	it("says what it leaves alone, and why", async () => {
		const before = withVideo(`Fine ${std("00:01:00")}. Lost <a class="yt-timestamp" data-t="soon"></a>. Lost too <a class="yt-timestamp" data-t="later"></a>.\n`);
		const { run, open } = toolsApp({ "n.md": before });
		const view = await open("n.md");
		run("convert-timestamps-to-links");
		await settle();
		expect(readConfirmation().text).toEqual([
			"This turns 1 timestamp into markdown links to YouTube, as one edit you can undo.",
			"2 timestamps without a readable time stay as they are.",
		]);
		await answer("Convert");
		expect(view.editor.getValue()).toBe(withVideo(`Fine [1:00](https://youtu.be/${ID}?t=60). Lost <a class="yt-timestamp" data-t="soon"></a>. Lost too <a class="yt-timestamp" data-t="later"></a>.\n`));
	});

	it("explains, without a confirmation, when the note's video is not on YouTube", async () => {
		const before = withVideo(`Clip ${std("00:00:05")}.\n`, "video: media/clip.webm");
		const { run, open, app } = toolsApp({ "n.md": before, "media/clip.webm": "" });
		const view = await open("n.md");
		expect(run("convert-timestamps-to-links")).toBe(true);
		await settle();
		expect(Modal.open).toEqual([]);
		expect(Notice.shown).toEqual(["Nothing to convert in this note. 1 timestamp not on YouTube or without a time stays as it is."]);
		expect(view.editor.getValue()).toBe(before);
		expect(app.vault.writes).toEqual([]);
	});

	it.each([
		["a note without timestamps", "convert-timestamps-to-links", withVideo("Plain text.\n")],
		["links with words, images and code", "convert-links-to-timestamps", withVideo(`[see this](https://youtu.be/${ID}?t=120) ![2:00](https://youtu.be/${ID}?t=120) \`[2:00](https://youtu.be/${ID}?t=120)\`\n`)],
	])("is not offered for %s", async (_name, id, text) => {
		const { available, open } = toolsApp({ "n.md": text });
		await open("n.md");
		expect(available(id)).toBe(false);
	});

	it("Cancel leaves the note as it is", async () => {
		const seed = corpusNote(SEED_PATH);
		const { run, open, app } = toolsApp({ [SEED_PATH]: seed });
		const view = await open(SEED_PATH);
		run("convert-timestamps-to-links");
		await settle();
		await answer("Cancel");
		expect(view.editor.getValue()).toBe(seed);
		expect(app.vault.writes).toEqual([]);
		expect(undoSteps(view)).toBe(0);
	});
});
