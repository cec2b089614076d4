import { describe, expect, it } from "vitest";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { settle } from "../helpers/plugin";
import { afterDebounce, anchor, click, fileAt, makeApp, messageOf, note, openNote, openPanel, rowsOf, settlePanels, spyScroll } from "./harness";

const SEED_VIDEO = { kind: "youtube", id: "aXGo1o_baBo" } as const;
const OTHER = "lennyspodcast/balancing_startup_agility_and_big_company_operations.md";

async function seedPanel(extra: Record<string, string> = {}) {
	const made = makeApp({ [SEED_PATH]: corpusNote(SEED_PATH), ...extra });
	const panel = await openPanel(made);
	const noteView = await openNote(made.app, SEED_PATH);
	return { ...panel, noteView };
}

function playingTexts(el: HTMLElement): string[] {
	return [...el.querySelectorAll(".vc-panel-row.is-playing .vc-panel-text")].map((t) => t.textContent ?? "");
}

describe("citations panel: follow playback", () => {
	it.each([
		[2815, "46:51"],
		[2828, "47:08"],
		[30, "0:24"],
		[33, "0:32"],
		[5000, "53:15"],
	])("at %i s highlights the latest citation at or before it (%s)", async (seconds, chip) => {
		const { el, playback } = await seedPanel();
		playback.emit({ video: SEED_VIDEO, seconds, playing: true });
		expect(el.querySelectorAll(".vc-panel-row.is-playing")).toHaveLength(1);
		expect([...el.querySelectorAll(".vc-panel-chip.is-playing")].map((c) => c.textContent)).toEqual([chip]);
	});

	it("highlights nothing before the first citation or for another video", async () => {
		const { el, playback } = await seedPanel();
		playback.emit({ video: SEED_VIDEO, seconds: 10 });
		expect(el.querySelector(".is-playing")).toBeNull();
		playback.emit({ video: SEED_VIDEO, seconds: 2815 });
		expect(el.querySelector(".is-playing")).not.toBeNull();
		playback.emit({ video: { kind: "youtube", id: "dQw4w9WgXcQ" }, seconds: 2815 });
		expect(el.querySelector(".is-playing")).toBeNull();
	});

	it("scrolls the playing row into view without taking the focus from the editor", async () => {
		const calls = spyScroll();
		const { el, playback, noteView } = await seedPanel();
		noteView.editor.focus();
		const focused = document.activeElement;
		expect(focused?.closest(".cm-editor")).not.toBeNull();
		playback.emit({ video: SEED_VIDEO, seconds: 2900, playing: true });
		expect(calls).toEqual([{ el: el.querySelector(".vc-panel-row.is-playing"), arg: { block: "nearest" } }]);
		expect(document.activeElement).toBe(focused);
		expect(playingTexts(el)).toEqual(["Since engineering teams are typically much larger than product organizations, a CPTO must understand operational challenges, recruiting, culture, and especially organizational design"]);
	});

	it("touches the DOM only when the playing row changes", async () => {
		const calls = spyScroll();
		const { el, playback } = await seedPanel();
		playback.emit({ video: SEED_VIDEO, seconds: 2811 });
		const mutations: MutationRecord[] = [];
		const observer = new MutationObserver((m) => mutations.push(...m));
		observer.observe(el, { subtree: true, attributes: true, childList: true, characterData: true });
		for (let s = 2811; s < 2828; s += 0.25) playback.emit({ video: SEED_VIDEO, seconds: s, playing: true });
		await settle(1);
		expect(mutations.concat(observer.takeRecords())).toEqual([]);
		expect(calls).toHaveLength(1);
		playback.emit({ video: SEED_VIDEO, seconds: 2828 });
		expect(observer.takeRecords().length).toBeGreaterThan(0);
		expect(calls).toHaveLength(2);
		observer.disconnect();
	});

	it("says following is unavailable while the player cannot report its time (Obsidian's own YouTube embed, iOS)", async () => {
		const calls = spyScroll();
		const { el, playback } = await seedPanel();
		const status = () => {
			const found = el.querySelector<HTMLElement>(".vc-panel-follow-status");
			return found && !found.hidden ? found.textContent : null;
		};
		expect(status()).toBeNull();
		// The embed was sent to 46:51: that citation is where it is marked, and nothing scrolls after a time.
		playback.emit({ video: SEED_VIDEO, seconds: 2811, timeUnknown: true });
		expect(status()).toBe("Follow playback is unavailable: on this device the player cannot report its time.");
		expect(calls).toEqual([]);
		playback.emit({ video: SEED_VIDEO, seconds: 2811, timeUnknown: false });
		expect(status()).toBeNull();
	});

	it("highlights but does not scroll when following is off", async () => {
		const calls = spyScroll();
		const { el, playback, settings } = await seedPanel();
		settings.current = { ...settings.current, panelFollowsPlayback: false };
		playback.emit({ video: SEED_VIDEO, seconds: 3000 });
		expect(playingTexts(el)).toEqual(["Leverage for the CEO"]);
		expect(calls).toEqual([]);
	});

	it("marks the playing row as soon as a note opens while the video plays", async () => {
		const made = makeApp({ [SEED_PATH]: corpusNote(SEED_PATH) });
		made.playback.state = { ...made.playback.state, video: SEED_VIDEO, seconds: 2811 };
		const { el } = await openPanel(made);
		await openNote(made.app, SEED_PATH);
		expect(el.querySelectorAll(".vc-panel-row.is-playing")).toHaveLength(1);
	});
});

describe("citations panel: staying current", () => {
	it("re-reads the note after an edit pauses (debounced), keeping the playing row", async () => {
		spyScroll();
		const { el, noteView, playback, app } = await seedPanel();
		playback.emit({ video: SEED_VIDEO, seconds: 2811 });
		noteView.editor.replaceRange(`New claim ${anchor("00:00:05")}.\n\n`, { line: 5, ch: 0 });
		expect(rowsOf(el)).toHaveLength(32);
		await afterDebounce(app);
		const rows = rowsOf(el);
		expect(rows).toHaveLength(33);
		expect(rows[0]).toEqual({ chips: ["0:05"], text: "New claim" });
		expect(playingTexts(el)).toHaveLength(1);
		expect(el.querySelector(".vc-panel-count")?.textContent).toBe("33 citations");
	});

	it("waits for typing to pause: a burst of edits re-renders once", async () => {
		const { el, noteView, app } = await seedPanel();
		const listEl = el.querySelector(".vc-panel-list") as HTMLElement;
		let renders = 0;
		const observer = new MutationObserver((records) => {
			if (records.some((r) => r.target === listEl && r.type === "childList" && r.removedNodes.length > 0)) renders++;
		});
		observer.observe(listEl, { childList: true });
		for (let i = 0; i < 5; i++) {
			noteView.editor.replaceRange(`Claim ${i} ${anchor(`00:00:0${i}`)}.\n\n`, { line: 5, ch: 0 });
			await new Promise((resolve) => window.setTimeout(resolve, 50));
		}
		expect(rowsOf(el)).toHaveLength(32);
		await afterDebounce(app);
		observer.disconnect();
		expect(rowsOf(el)).toHaveLength(37);
		expect(renders).toBe(1);
	});

	it("follows a change made outside the editor and a new video in the frontmatter", async () => {
		const path = "n.md";
		const made = makeApp({ [path]: note(`A ${anchor("00:01:00")}.\n`) });
		const { el, playback, app } = await openPanel(made);
		await openNote(app, path);
		app.vault.externalModify(fileAt(app, path), note(`A ${anchor("00:01:00")}.\n`, "videoId: dQw4w9WgXcQ"));
		await afterDebounce(app);
		expect(el.querySelector(".vc-panel-video-name")?.textContent).toBe("YouTube video dQw4w9WgXcQ");
		click(el.querySelector(".vc-panel-chip") as Element);
		expect(playback.seeks[0]?.video).toEqual({ kind: "youtube", id: "dQw4w9WgXcQ" });
	});

	it("ignores edits to other notes", async () => {
		const { el, app } = await seedPanel({ [OTHER]: corpusNote(OTHER) });
		const mutations: MutationRecord[] = [];
		const observer = new MutationObserver((m) => mutations.push(...m));
		observer.observe(el, { subtree: true, childList: true, attributes: true });
		app.vault.externalModify(fileAt(app, OTHER), "changed");
		await afterDebounce(app);
		observer.disconnect();
		expect(mutations).toEqual([]);
	});

	it("switches with the active note, and keeps the last note while the panel or another sidebar view is active", async () => {
		const { el, app, leaf } = await seedPanel({ [OTHER]: corpusNote(OTHER) });
		// A note is headed by its `title`, not its file name.
		expect(el.querySelector(".vc-panel-note")?.textContent).toBe("The rise of the Chief Product and Technology Officer role");
		const other = await openNote(app, OTHER);
		expect(rowsOf(el)).toHaveLength(28);
		expect(el.querySelector(".vc-panel-note")?.textContent).toBe("Balancing startup agility and big company operations");
		app.workspace.setActiveLeaf(leaf);
		await settlePanels(app);
		expect(rowsOf(el)).toHaveLength(28);
		const sidebar = app.workspace.getRightLeaf(false);
		app.workspace.setActiveLeaf(sidebar);
		await settlePanels(app);
		expect(rowsOf(el)).toHaveLength(28);
		other.leaf.detach();
		await settlePanels(app);
		// The other note is gone; the seed note is still open, and becomes active again.
		app.workspace.setActiveLeaf(app.workspace.getLeavesOfType("markdown")[0] as never);
		await settlePanels(app);
		expect(rowsOf(el)).toHaveLength(32);
		for (const l of app.workspace.getLeavesOfType("markdown")) l.detach();
		await settlePanels(app);
		expect(messageOf(el)).toBe("Open a note to see its citations.");
		expect(rowsOf(el)).toEqual([]);
	});

	it("follows a rename of the shown note and empties when it is deleted", async () => {
		const { el, app } = await seedPanel();
		const file = fileAt(app, SEED_PATH);
		app.vault.rename(file, "renamed/cpto.md");
		await afterDebounce(app);
		expect(el.querySelector(".vc-panel-note")?.textContent).toBe("The rise of the Chief Product and Technology Officer role");
		expect(rowsOf(el)).toHaveLength(32);
		app.vault.remove(file);
		await settlePanels(app);
		expect(messageOf(el)).toBe("Open a note to see its citations.");
	});
});

describe("citations panel: header and empty states", () => {
	it("says to open a note when none is open", async () => {
		const { el } = await openPanel(makeApp());
		expect(messageOf(el)).toBe("Open a note to see its citations.");
		expect((el.querySelector(".vc-panel-header") as HTMLElement).hidden).toBe(true);
		expect((el.querySelector(".vc-panel-toolbar") as HTMLElement).hidden).toBe(true);
	});

	it.each([
		["lennyspodcast/lennyspodcast.md", "This note names no video. Add videoId: <id> or video: <url or file> to this note's properties.", 0],
		["lexfridman/cybercrime_and_the_role_of_anonymity_tools_like_tor.md", "No timestamps in this note yet. Use the insert timestamp command while the video plays.", 0],
		[SEED_PATH, "", 32],
	])("%s: says %j", async (path, message, rows) => {
		const made = makeApp({ [path]: corpusNote(path) });
		const { el } = await openPanel(made);
		await openNote(made.app, path);
		expect(messageOf(el)).toBe(message);
		expect(rowsOf(el)).toHaveLength(rows);
		expect((el.querySelector(".vc-panel-toolbar") as HTMLElement).hidden).toBe(rows === 0);
	});

	it("still lists the citations of a note without a video, as not playable", async () => {
		const path = "no-video.md";
		const made = makeApp({ [path]: corpusNote(SEED_PATH).replace("videoId: aXGo1o_baBo\n", "") });
		const { el } = await openPanel(made);
		await openNote(made.app, path);
		expect(messageOf(el)).toBe("This note names no video. Add videoId: <id> or video: <url or file> to this note's properties.");
		expect(rowsOf(el)).toHaveLength(32);
		expect(el.querySelectorAll(".vc-panel-chip.is-novideo")).toHaveLength(32);
		expect((el.querySelector(".vc-panel-video") as HTMLElement).hidden).toBe(true);
	});

	it("names the note, its video and the count", async () => {
		const { el } = await seedPanel();
		// The note's title heads the panel; the video, named by that same title, is not named twice (and never by a bare id).
		expect(el.querySelector(".vc-panel-note")?.textContent).toBe("The rise of the Chief Product and Technology Officer role");
		expect(el.querySelector(".vc-panel-video-name")?.textContent).toBe("YouTube video");
		expect(el.querySelector(".vc-panel-count")?.textContent).toBe("32 citations");
		expect((el.querySelector(".vc-panel-invalid") as HTMLElement).hidden).toBe(true);
	});

	it.each([
		["video: media/talk.mp4", "talk.mp4"],
		["video: https://example.com/a/b.mp3", "b.mp3"],
		["videoId: dQw4w9WgXcQ\nvideoTitle: Never gonna give you up", "Never gonna give you up"],
	])("names a %s video by %s", async (frontmatter, label) => {
		const made = makeApp({ "n.md": note(`A ${anchor("00:01:00")}.\n`, frontmatter), "media/talk.mp4": "" });
		const { el } = await openPanel(made);
		await openNote(made.app, "n.md");
		expect(el.querySelector(".vc-panel-video-name")?.textContent).toBe(label);
	});

	it("opens the note's player on its video where it was left, whatever the feed plays", async () => {
		const { el, playback } = await seedPanel();
		const button = el.querySelector(".vc-panel-open-player") as HTMLElement;
		expect(button.textContent).toBe("Open player");
		click(button);
		// The feed follows the player used last: another video there must not make this one start over.
		playback.state = { ...playback.state, video: { kind: "youtube", id: "dQw4w9WgXcQ" }, seconds: 99 };
		click(button);
		const open = { video: SEED_VIDEO, seconds: 0, options: { resume: true, sourcePath: SEED_PATH } };
		expect(playback.seeks).toEqual([open, open]);
	});

	it("lists invalid citations with their line and reason, and a click shows the line", async () => {
		const path = "n.md";
		const made = makeApp({
			[path]: note(`# T\n\nFine ${anchor("00:01:00")}.\n\nBad ${anchor("soon")}.\n\nOther ${anchor("00:02:00", ' data-v="bad"')}.\n`),
		});
		const { el, app, playback } = await openPanel(made);
		const noteView = await openNote(app, path);
		const items = [...el.querySelectorAll(".vc-panel-invalid-item")];
		expect(el.querySelector(".vc-panel-invalid-title")?.textContent).toBe("2 citations cannot be played:");
		expect(items.map((i) => i.textContent)).toEqual(['Line 8: data-t "soon" is not a time', 'Line 10: data-v "bad" names no YouTube video']);
		click(items[1] as Element);
		await settle();
		expect(noteView.editor.getCursor().line).toBe(9);
		const invalidChip = el.querySelector(".vc-panel-chip.is-invalid") as HTMLElement;
		expect(invalidChip.getAttribute("aria-label")).toBe('data-t "soon" is not a time');
		click(invalidChip);
		await settle();
		expect(playback.seeks).toEqual([]);
		expect(noteView.editor.getCursor().line).toBe(7);
	});
});
