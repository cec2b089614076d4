import { describe, expect, it } from "vitest";
import { installDomHelpers } from "../double/dom";
import { Notice, Platform } from "../double/obsidian";
import { anchor, click, links, note, press, SEED, SEED_ID, setUpReading, unhoveredLinks } from "./harness";

const OTHER_ID = "hEzpiDuYFoE";

describe("seek links: click, keys and Mod-click", () => {
	const body = `# Talk\n\nFirst claim ${anchor("00:46:51")}. Second ${anchor("01:02:03", "")}.\n\n- An item ${anchor("00:00:14")}`;

	it("gives every link its accessible name as it is rendered, before any hover or focus", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(body));
		const [first, second] = unhoveredLinks(root);
		expect(first?.getAttribute("aria-label")).toBe("Play from 46:51");
		expect(second?.getAttribute("aria-label")).toBe("Play from 1:02:03");
	});

	it("renders each yt-timestamp in place as a focusable link named for its time", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(body));
		const [first, second, third] = links(root);
		expect(links(root)).toHaveLength(3);
		expect(first?.outerHTML).toBe(
			'<a class="yt-timestamp" data-t="00:46:51" role="link" tabindex="0" aria-label="Play from 46:51">[00:46:51]</a>',
		);
		expect(first?.parentElement?.textContent).toBe("First claim [00:46:51]. Second 01:02:03.");
		// An empty element shows its time.
		expect(second?.textContent).toBe("01:02:03");
		expect(second?.getAttribute("aria-label")).toBe("Play from 1:02:03");
		expect(third?.closest("li")?.textContent).toBe("An item [00:00:14]");
	});

	it.each([
		["a click", (el: HTMLElement) => click(el)],
		["Enter", (el: HTMLElement) => press(el, "Enter")],
		["Space", (el: HTMLElement) => press(el, " ")],
	])("%s seeks the note's video to the link's time and cancels the default", async (_name, act) => {
		const reading = setUpReading();
		const root = await reading.render(note(body), "talks/seed.md");
		for (const link of links(root)) expect(act(link)).toBe(true);
		expect(reading.playback.seeks).toEqual([
			{ video: SEED, seconds: 2811, options: { sourcePath: "talks/seed.md" } },
			{ video: SEED, seconds: 3723, options: { sourcePath: "talks/seed.md" } },
			{ video: SEED, seconds: 14, options: { sourcePath: "talks/seed.md" } },
		]);
		expect(reading.openExternal).not.toHaveBeenCalled();
	});

	it("seeks when the click lands on markup inside the link's label", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(`Claim ${anchor("00:00:14", "<b>[00:00:14]</b>")}.`));
		click(root.querySelector("b") as HTMLElement);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([14]);
	});

	it("ignores other keys, repeated keys, and clicks beside the links", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(body));
		const link = links(root)[0] as HTMLElement;
		expect(press(link, "a")).toBe(false);
		expect(press(link, "Enter", { repeat: true })).toBe(true);
		expect(click(link.parentElement as HTMLElement)).toBe(false);
		expect(click(link, { button: 1 })).toBe(false);
		expect(reading.playback.seeks).toEqual([]);
	});

	it.each([
		["Ctrl-click", (el: HTMLElement) => click(el, { ctrlKey: true }), false],
		["Cmd-click on macOS", (el: HTMLElement) => click(el, { metaKey: true }), true],
		["Ctrl-Enter", (el: HTMLElement) => press(el, "Enter", { ctrlKey: true }), false],
	])("%s opens the moment on youtube.com and does not seek", async (_name, act, mac) => {
		Platform.isMacOS = mac;
		try {
			const reading = setUpReading();
			const root = await reading.render(note(body));
			expect(act(links(root)[0] as HTMLElement)).toBe(true);
			expect(reading.openExternal.mock.calls).toEqual([[`https://www.youtube.com/watch?v=${SEED_ID}&t=2811s`]]);
			expect(reading.playback.seeks).toEqual([]);
		} finally {
			Platform.isMacOS = false;
		}
	});

	it("swaps the two with the click-opens-browser setting", async () => {
		const reading = setUpReading({ clickOpensBrowser: true });
		const root = await reading.render(note(body));
		const link = links(root)[2] as HTMLElement;
		click(link);
		expect(reading.openExternal.mock.calls).toEqual([[`https://www.youtube.com/watch?v=${SEED_ID}&t=14s`]]);
		expect(reading.playback.seeks).toEqual([]);
		click(link, { ctrlKey: true });
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([14]);
	});

	it("reads the setting at click time", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(body));
		reading.settings.current = { ...reading.settings.current, clickOpensBrowser: true };
		click(links(root)[0] as HTMLElement);
		expect(reading.openExternal).toHaveBeenCalledTimes(1);
	});

	it("seeks (never opens a browser) for a vault file, even on Mod-click", async () => {
		const reading = setUpReading();
		reading.app.vault.seed("media/clip.webm", "");
		const root = await reading.render(note(`Claim ${anchor("00:00:03")}.`, "video: \"[[clip.webm]]\""));
		click(links(root)[0] as HTMLElement, { ctrlKey: true });
		expect(reading.playback.seeks).toEqual([{ video: { kind: "file", path: "media/clip.webm" }, seconds: 3, options: { sourcePath: "note.md" } }]);
		expect(reading.openExternal).not.toHaveBeenCalled();
	});
});

describe("seek links: which video", () => {
	it("plays an element's own data-v instead of the note's video", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(`Mine ${anchor("00:00:05")} and theirs <a class="yt-timestamp" data-t="00:00:14" data-v="${OTHER_ID}">[00:00:14]</a>.`));
		for (const link of links(root)) click(link);
		click(links(root)[1] as HTMLElement, { ctrlKey: true });
		expect(reading.playback.seeks.map((s) => [s.video, s.seconds])).toEqual([
			[SEED, 5],
			[{ kind: "youtube", id: OTHER_ID }, 14],
		]);
		expect(reading.openExternal.mock.calls).toEqual([[`https://www.youtube.com/watch?v=${OTHER_ID}&t=14s`]]);
	});

	it("shows an element whose data-v names no video as invalid, and does not seek", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(`Claim <a class="yt-timestamp" data-t="00:00:14" data-v="not a video">[00:00:14]</a>.`));
		const link = links(root)[0] as HTMLElement;
		expect(link.hasClass("is-invalid")).toBe(true);
		expect(link.getAttribute("aria-label")).toMatch(/^Cannot play this timestamp: .*data-v/);
		click(link);
		expect(reading.playback.seeks).toEqual([]);
		expect(Notice.shown).toEqual([expect.stringMatching(/^Cannot play this timestamp: .*data-v/)]);
	});

	it.each([
		["no frontmatter", "Claim " + anchor("00:00:14") + "."],
		["videoId: empty", note("Claim " + anchor("00:00:14") + ".", "videoId: empty")],
		["a malformed id", note("Claim " + anchor("00:00:14") + ".", "videoId: abc")],
		["a javascript: video", note("Claim " + anchor("00:00:14") + ".", 'video: "javascript:alert(1)"')],
	])("with %s, mutes the links and explains on click how to add a video", async (_name, text) => {
		const reading = setUpReading();
		const root = await reading.render(text);
		const link = links(root)[0] as HTMLElement;
		expect(link.hasClass("is-novideo")).toBe(true);
		expect(link.getAttribute("aria-label")).toBe("Play from 0:14 (this note names no video)");
		expect(click(link)).toBe(true);
		expect(click(link, { ctrlKey: true })).toBe(true);
		expect(reading.playback.seeks).toEqual([]);
		expect(reading.openExternal).not.toHaveBeenCalled();
		expect(Notice.shown).toEqual([
			"This note names no video. Add videoId: <id> or video: <url or file> to this note's properties.",
			"This note names no video. Add videoId: <id> or video: <url or file> to this note's properties.",
		]);
	});
});

describe("YouTube links in the note", () => {
	const body = [
		`Same video with a time: [at 2:00](https://youtu.be/${SEED_ID}?t=120) and [at 2m](https://www.youtube.com/watch?v=${SEED_ID}&t=2m).`,
		``,
		`Another video's moment: [other video](https://youtu.be/${OTHER_ID}?t=30). Left alone: [no time](https://youtu.be/${SEED_ID}), [a page](https://example.com/?t=30).`,
	].join("\n");

	it("seek the player when they point at a YouTube moment (the note's video or another); others are left alone", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(body));
		const anchors = Array.from(root.querySelectorAll("a"));
		const cancelled = anchors.map((a) => click(a));
		expect(cancelled).toEqual([true, true, true, false, false]);
		expect(reading.playback.seeks.map((s) => [s.video, s.seconds])).toEqual([
			[SEED, 120],
			[SEED, 120],
			[{ kind: "youtube", id: OTHER_ID }, 30],
		]);
		// They stay links: no role added, their address kept; the moment links are marked for styling.
		expect(anchors.filter((a) => a.hasAttribute("role"))).toEqual([]);
		expect(anchors.map((a) => a.hasClass("vc-moment-link"))).toEqual([true, true, true, false, false]);
		expect(anchors.map((a) => a.getAttribute("href"))).toEqual([
			`https://youtu.be/${SEED_ID}?t=120`,
			`https://www.youtube.com/watch?v=${SEED_ID}&t=2m`,
			`https://youtu.be/${OTHER_ID}?t=30`,
			`https://youtu.be/${SEED_ID}`,
			"https://example.com/?t=30",
		]);
	});

	it("keep opening the browser on Mod-click", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(body));
		expect(click(root.querySelector("a") as HTMLElement, { ctrlKey: true })).toBe(false);
		expect(reading.playback.seeks).toEqual([]);
	});

	it("are left alone when the setting is off", async () => {
		const reading = setUpReading({ seekYouTubeLinks: false });
		const root = await reading.render(note(body));
		expect(click(root.querySelector("a") as HTMLElement)).toBe(false);
		expect(reading.playback.seeks).toEqual([]);
	});

	it.each([
		["another video", `videoId: ${OTHER_ID}`],
		["no video", "title: no video"],
	])("play the video they name: in a note with %s", async (_name, fm) => {
		const reading = setUpReading();
		const root = await reading.render(note(body, fm));
		expect(Array.from(root.querySelectorAll("a")).map((a) => click(a))).toEqual([true, true, true, false, false]);
		expect(reading.playback.seeks.map((s) => [s.video, s.seconds])).toEqual([
			[SEED, 120],
			[SEED, 120],
			[{ kind: "youtube", id: OTHER_ID }, 30],
		]);
	});
});

describe("without section info (embeds, hover previews, MarkdownRenderer.render)", () => {
	it("reads times from the DOM and the video from the note's metadata", async () => {
		const reading = setUpReading();
		reading.app.vault.seed("embedded.md", note("x"));
		const el = reading.renderWithoutSections(`One ${anchor("00:46:51")}, two ${anchor("12:34", "")}, three ${anchor("soon", "[01:00:00]")}, four ${anchor("", "")}.`, "embedded.md");
		const found = links(el);
		expect(found.map((l) => [l.textContent, l.getAttribute("aria-label"), l.className])).toEqual([
			["[00:46:51]", "Play from 46:51", "yt-timestamp"],
			["00:12:34", "Play from 12:34", "yt-timestamp"],
			["[01:00:00]", 'Play from 1:00:00 (repaired: data-t "soon" is not a time; time read from the label)', "yt-timestamp is-repaired"],
			["[?]", "Cannot play this timestamp: data-t is empty and the label holds no time", "yt-timestamp is-invalid"],
		]);
		for (const link of found) click(link);
		expect(reading.playback.seeks.map((s) => [s.video, s.seconds, s.options?.sourcePath])).toEqual([
			[SEED, 2811, "embedded.md"],
			[SEED, 754, "embedded.md"],
			[SEED, 3600, "embedded.md"],
		]);
	});

	it("leaves links inside a nested embed to the embed's own pass, and one click seeks once", async () => {
		const reading = setUpReading();
		reading.app.vault.seed("host.md", note("x"));
		reading.app.vault.seed("other.md", note("y", `videoId: ${OTHER_ID}`));
		const section = activeDocument.body.createDiv();
		section.createEl("p", { text: "Outer " }).createEl("a", { cls: "yt-timestamp", text: "[00:00:05]", attr: { "data-t": "00:00:05" } });
		const embedContent = section.createDiv({ cls: "internal-embed markdown-embed" }).createDiv({ cls: "markdown-embed-content" });
		const inner = embedContent.createEl("a", { cls: "yt-timestamp", text: "[00:00:07]", attr: { "data-t": "00:00:07" } });
		reading.process(section, "host.md");
		expect(inner.getAttribute("role")).toBeNull();
		reading.process(embedContent, "other.md");
		expect(inner.getAttribute("role")).toBe("link");
		click(inner);
		click(links(section)[0] as HTMLElement);
		expect(reading.playback.seeks.map((s) => [s.video, s.seconds, s.options?.sourcePath])).toEqual([
			[{ kind: "youtube", id: OTHER_ID }, 7, "other.md"],
			[SEED, 5, "host.md"],
		]);
	});

	it("does not take a section twice when it is post-processed again", async () => {
		const reading = setUpReading();
		reading.app.vault.seed("host.md", note("x"));
		const section = activeDocument.body.createDiv();
		section.createEl("a", { cls: "yt-timestamp", text: "[00:00:05]", attr: { "data-t": "00:00:05" } });
		section.createEl("a", { text: "2:00", href: `https://youtu.be/${SEED_ID}?t=120` });
		reading.process(section, "host.md");
		reading.process(section, "host.md");
		for (const a of Array.from(section.querySelectorAll("a"))) click(a);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([5, 120]);
	});
});

describe("pop-out windows", () => {
	it("seek links work in another window's document, with that window's events", () => {
		// An iframe's window is another realm, as a pop-out window is: its own Node, MouseEvent, … classes.
		const frame = activeDocument.body.createEl("iframe");
		const popout = frame.contentWindow as Window & typeof globalThis;
		installDomHelpers(popout);
		expect(popout.MouseEvent).not.toBe(MouseEvent);
		const reading = setUpReading();
		reading.app.vault.seed("host.md", note("x"));
		const section = popout.document.body.appendChild(popout.document.createElement("div"));
		section.createEl("a", { cls: "yt-timestamp", text: "[00:00:05]", attr: { "data-t": "00:00:05" } });
		reading.process(section, "host.md");
		const link = links(section)[0] as HTMLElement;
		expect(link.getAttribute("aria-label")).toBe("Play from 0:05");
		link.dispatchEvent(new popout.MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
		link.dispatchEvent(new popout.KeyboardEvent("keydown", { bubbles: true, cancelable: true, key: "Enter" }));
		link.dispatchEvent(new popout.MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ctrlKey: true }));
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([5, 5]);
		expect(reading.openExternal.mock.calls).toEqual([[`https://www.youtube.com/watch?v=${SEED_ID}&t=5s`]]);
		frame.remove();
	});
});
