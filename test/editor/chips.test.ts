import { afterEach, describe, expect, it } from "vitest";
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { Notice } from "../double/obsidian";
import { extractCitations, formatTimestamp, youtubeWatchUrl } from "../../src/core";
import { NO_VIDEO_MESSAGE } from "../../src/notes/citationMeaning";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { anchor, chipsIn, fakeServices, makeEditor, note, press } from "./harness";

let views: EditorView[] = [];
afterEach(() => {
	for (const v of views) v.destroy();
	views = [];
});
function editor(...args: Parameters<typeof makeEditor>) {
	const made = makeEditor(...args);
	views.push(made.view);
	return made;
}
/** The text a line shows a person (chips read as "▶46:51"). */
const lineText = (view: EditorView, n: number) => (view.contentDOM.querySelectorAll(".cm-line")[n - 1] as HTMLElement).textContent;
const SEED_ID = "aXGo1o_baBo";

describe("Live Preview chips", () => {
	it("shows the seed note's visible citations as chips with their m:ss time and tooltip", () => {
		const text = corpusNote(SEED_PATH);
		const { view } = editor(text);
		const visible = extractCitations(text).filter((c) => view.visibleRanges.some((r) => c.from < r.to && c.to > r.from));
		expect(visible.length).toBeGreaterThan(3);
		const chips = chipsIn(view);
		const times = visible.map((c) => formatTimestamp(c.seconds as number, { style: "m:ss" }));
		expect(chips.map((c) => c.text)).toEqual(times);
		expect(chips.map((c) => c.label)).toEqual(times.map((t) => `Play from ${t}`));
		for (const chip of chips) {
			expect(chip.el.getAttribute("role")).toBe("button");
			expect(chip.el.textContent).toMatch(/^▶\d/);
			expect(chip.classes).toEqual([]);
		}
	});

	it("replaces the element's markup: the line reads as its text and a chip", () => {
		const { view } = editor(note(`Claim ${anchor("00:46:51")}, and ${anchor("01:02:03")}.`));
		expect(lineText(view, 4)).toBe("Claim ▶46:51, and ▶1:02:03.");
	});

	it.each([
		["a stray bracket in data-t", `<a class="yt-timestamp" data-t="00:12:34]">[00:12:34]</a>`, "12:34"],
		["data-NN:NN:NN as the attribute name", `<a class="yt-timestamp" data-00:04:37>[00:04:37]</a>`, "4:37"],
		["data-NN:NN:NN\" with a stray quote", `<a class="yt-timestamp" data-00:12:34">[00:12:34]</a>`, "12:34"],
		["data= instead of data-t=", `<a class="yt-timestamp" data="00:07:49">[00:07:49]</a>`, "7:49"],
		["data=t=", `<a class="yt-timestamp" data=t="00:12:34">[00:12:34]</a>`, "12:34"],
		["an href with a time", `<a class="yt-timestamp" href="https://youtu.be/aXGo1o_baBo?t=754">[12:34]</a>`, "12:34"],
		["no attribute, time in the label", `<a class="yt-timestamp">[00:12:34]</a>`, "12:34"],
		["a garbage data-t with a good label", `<a class="yt-timestamp" data-t="soon">[00:12:34]</a>`, "12:34"],
		["a range", `<a class="yt-timestamp" data-t="00:01:02]-[00:01:30]">[00:01:02]-[00:01:30]</a>`, "1:02"],
		["an opening tag that never closes", `<a class="yt-timestamp" data-t="00:00:14" `, "0:14"],
	])("shows %s as a repaired chip that still plays", (_name, element, time) => {
		const { view, playback } = editor(note(`Claim ${element}.`));
		const [chip] = chipsIn(view);
		expect(chip).toMatchObject({ text: time, classes: ["is-repaired"] });
		expect(chip?.label).toMatch(new RegExp(`^Play from ${time} \\(repaired: .+\\)$`));
		press((chip as { el: HTMLElement }).el);
		expect(playback.seeks).toHaveLength(1);
	});

	it.each([
		["an empty data-t and label", `<a class="yt-timestamp" data-t=""></a>`, "no time", /empty/],
		["a data-t that is no time", `<a class="yt-timestamp" data-t="soon">later</a>`, "later", /"soon" is not a time/],
		["no data-t at all", `<a class="yt-timestamp">see</a>`, "see", /no data-t/],
		["a hostile data-v", `<a class="yt-timestamp" data-t="00:00:14" data-v="javascript:alert(1)">[00:00:14]</a>`, "00:00:14", /data-v/],
		["a very long label", `<a class="yt-timestamp" data-t="x">${"word ".repeat(40)}</a>`, `${"word ".repeat(5).slice(0, 23)}…`, /not a time/],
	])("shows %s as an invalid chip with the reason as its tooltip, which never seeks", (_name, element, text, reason) => {
		const { view, playback } = editor(note(`Claim ${element}.`));
		const [chip] = chipsIn(view);
		expect(chip?.text).toBe(text);
		expect(chip?.classes).toEqual(["is-invalid"]);
		expect(chip?.label).toMatch(/^Cannot play this timestamp: /);
		expect(chip?.label).toMatch(reason);
		expect(chip?.el.querySelector(".vc-chip-icon")).toBeNull();
		press((chip as { el: HTMLElement }).el);
		expect(playback.seeks).toEqual([]);
		expect(Notice.shown).toEqual([]);
	});

	it.each([
		["a fenced code block", "```\n" + anchor("00:00:01") + "\n```\n"],
		["a tilde fence", "~~~md\n" + anchor("00:00:01") + "\n~~~\n"],
		["an unclosed fence", "```\n" + anchor("00:00:01") + "\n"],
		["inline code", "Use `" + anchor("00:00:01") + "` like this."],
		["double-backtick inline code", "Use ``x ` " + anchor("00:00:01") + "`` here."],
		["an HTML comment", "Text <!-- " + anchor("00:00:01") + " --> more."],
		["a multi-line HTML comment", "<!--\n" + anchor("00:00:01") + "\n-->\n"],
		["frontmatter", "---\nnote: " + anchor("00:00:01") + "\n---\nBody."],
		["indented code", "Para.\n\n    " + anchor("00:00:01") + "\n"],
		["a mention of the class in text", "The yt-timestamp class marks anchors."],
	])("shows no chip for %s", (_name, md) => {
		const { view } = editor(md);
		expect(chipsIn(view)).toEqual([]);
		expect(view.contentDOM.textContent).toContain(md.includes("yt-timestamp class") ? "yt-timestamp class" : "yt-timestamp");
	});

	it("shows no chip inside a code block that opened far above the screen, and chips again after it", () => {
		const code = `${anchor("00:00:01")} inside the fence\n`.repeat(3000);
		const md = note("Intro.\n\n```\n" + code + "```\n\n" + `After ${anchor("00:10:00")}.\n`);
		const { view } = editor(md);
		view.dispatch({ effects: EditorView.scrollIntoView(md.indexOf("inside the fence", md.length / 2), { y: "start" }) });
		expect(view.visibleRanges[0]?.from).toBeGreaterThan(30_000);
		expect(view.contentDOM.textContent).toContain("inside the fence");
		expect(chipsIn(view)).toEqual([]);
		view.dispatch({ effects: EditorView.scrollIntoView(md.length, { y: "end" }) });
		expect(chipsIn(view).map((c) => c.text)).toEqual(["10:00"]);
	});

	it("shows no chip inside a comment that opened far above the screen", () => {
		const md = note("<!-- hidden notes\n" + `${anchor("00:00:01")} commented out\n`.repeat(2000) + `--> ${anchor("00:10:00")}\n`);
		const { view } = editor(md);
		view.dispatch({ effects: EditorView.scrollIntoView(md.indexOf("commented out", md.length / 2), { y: "start" }) });
		expect(view.contentDOM.textContent).toContain("commented out");
		expect(chipsIn(view)).toEqual([]);
		view.dispatch({ effects: EditorView.scrollIntoView(md.length, { y: "end" }) });
		expect(chipsIn(view).map((c) => c.text)).toEqual(["10:00"]);
	});

	it("keeps chips for list continuations indented four spaces when one is the first line on screen", () => {
		const item = `*   **Point**\n    Claim ${anchor("00:01:00")} and ${anchor("00:02:00")}.\n\n`;
		const md = note(item.repeat(400));
		const { view } = editor(md);
		const citations = extractCitations(md);
		let continuationOnTop = 0;
		for (let n = 600; n < 630; n++) {
			view.dispatch({ effects: EditorView.scrollIntoView(view.state.doc.line(n).from, { y: "start" }) });
			const top = view.state.doc.lineAt(view.visibleRanges[0]?.from ?? 0);
			if (top.text.startsWith("    Claim")) continuationOnTop++;
			const visible = citations.filter((c) => view.visibleRanges.some((r) => c.from < r.to && c.to > r.from));
			expect(chipsIn(view).map((c) => c.text)).toEqual(visible.map((c) => formatTimestamp(c.seconds as number, { style: "m:ss" })));
		}
		expect(continuationOnTop).toBeGreaterThan(0);
	});
});

describe("editing: the markup shows where the selection is", () => {
	const md = note(`First ${anchor("00:00:10")} and second ${anchor("00:00:20")}.`);
	const first = md.indexOf("<a");
	const firstEnd = md.indexOf("</a>") + 4;

	it.each([
		["inside the element", first + 5, first + 5],
		["at its start", first, first],
		["at its end", firstEnd, firstEnd],
		["a selection over part of it", first - 3, first + 2],
		["a selection around it", first - 2, firstEnd + 2],
	])("reveals the element with the cursor %s and keeps the other chip", (_name, anchorPos, head) => {
		const { view } = editor(md);
		view.dispatch({ selection: { anchor: anchorPos, head } });
		expect(chipsIn(view).map((c) => c.text)).toEqual(["0:20"]);
		expect(lineText(view, 4)).toContain(anchor("00:00:10"));
		view.dispatch({ selection: { anchor: firstEnd + 1 } });
		expect(chipsIn(view).map((c) => c.text)).toEqual(["0:10", "0:20"]);
	});

	it("reveals every element any of several selection ranges touches", () => {
		const { view } = editor(md, { extensions: [EditorState.allowMultipleSelections.of(true)] });
		const second = md.lastIndexOf("<a");
		view.dispatch({ selection: EditorSelection.create([EditorSelection.cursor(first + 1), EditorSelection.cursor(second + 1)]) });
		expect(chipsIn(view)).toEqual([]);
	});

	it("turns an inserted timestamp into a chip as soon as the cursor leaves it", () => {
		const { view } = editor(note("Claim ."));
		const at = view.state.doc.length - 1;
		const inserted = anchor("00:46:51");
		view.dispatch({ changes: { from: at, insert: inserted }, selection: { anchor: at + inserted.length } });
		expect(chipsIn(view)).toEqual([]);
		view.dispatch({ changes: { from: at + inserted.length, insert: " " }, selection: { anchor: at + inserted.length + 1 } });
		expect(chipsIn(view).map((c) => c.text)).toEqual(["46:51"]);
		expect(lineText(view, 4)).toBe("Claim ▶46:51 .");
	});

	it("keeps the very same chip elements across an unrelated edit elsewhere in the note", () => {
		const { view } = editor(note(`Intro line.\n\nClaim ${anchor("00:00:10")}, ${anchor("00:00:20")}.\nMore ${anchor("00:00:30")}.`));
		const before = chipsIn(view).map((c) => c.el);
		expect(before).toHaveLength(3);
		view.dispatch({ changes: { from: view.state.doc.line(4).from, insert: "Typed " }, selection: { anchor: view.state.doc.line(4).from + 6 } });
		const after = chipsIn(view).map((c) => c.el);
		expect(lineText(view, 4)).toBe("Typed Intro line.");
		expect(after).toHaveLength(3);
		after.forEach((el, i) => expect(el).toBe(before[i]));
	});

	it("reads a frontmatter edit at once: chips follow the note's new video", () => {
		const { view, playback } = editor(note(`Claim ${anchor("00:00:10")}.`));
		const idAt = view.state.doc.toString().indexOf(SEED_ID);
		view.dispatch({ changes: { from: idAt, to: idAt + SEED_ID.length, insert: "hEzpiDuYFoE" } });
		press((chipsIn(view)[0] as { el: HTMLElement }).el);
		expect(playback.seeks[0]?.video).toEqual({ kind: "youtube", id: "hEzpiDuYFoE" });
		view.dispatch({ changes: { from: 0, to: view.state.doc.line(3).to + 1 } });
		expect(chipsIn(view)[0]?.classes).toEqual(["is-novideo"]);
	});
});


describe("pressing a chip", () => {
	const md = note(`Claim ${anchor("00:46:51")}.`);

	it("seeks the note's video from the chip's moment, cancels the press and leaves the cursor", () => {
		const { view, playback, opened } = editor(md, { path: "notes/seed.md" });
		view.dispatch({ selection: { anchor: 0 } });
		const event = press((chipsIn(view)[0] as { el: HTMLElement }).el);
		expect(playback.seeks).toEqual([{ video: { kind: "youtube", id: SEED_ID }, seconds: 2811, options: { sourcePath: "notes/seed.md" } }]);
		expect(event.defaultPrevented).toBe(true);
		expect(view.state.selection.main.head).toBe(0);
		expect(opened).toEqual([]);
	});

	it("opens the moment on youtube.com with Mod, and does not seek", () => {
		const { view, playback, opened } = editor(md);
		const event = press((chipsIn(view)[0] as { el: HTMLElement }).el, { ctrlKey: true });
		expect(opened).toEqual([youtubeWatchUrl(SEED_ID, 2811)]);
		expect(opened[0]).toBe("https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811s");
		expect(playback.seeks).toEqual([]);
		expect(event.defaultPrevented).toBe(true);
	});

	it("swaps the two when clicks open the browser", () => {
		const { view, playback, opened } = editor(md, { services: fakeServices({ clickOpensBrowser: true }) });
		const chip = (chipsIn(view)[0] as { el: HTMLElement }).el;
		press(chip);
		expect(opened).toEqual([youtubeWatchUrl(SEED_ID, 2811)]);
		press(chip, { ctrlKey: true });
		expect(playback.seeks.map((s) => s.seconds)).toEqual([2811]);
	});

	it("seeks a vault video even with Mod (only YouTube opens in the browser)", () => {
		const { view, playback, opened } = editor(`---\nvideo: media/clip.webm\n---\nClaim ${anchor("00:00:05")}.`);
		press((chipsIn(view)[0] as { el: HTMLElement }).el, { ctrlKey: true });
		expect(opened).toEqual([]);
		expect(playback.seeks[0]).toMatchObject({ video: { kind: "file", path: "media/clip.webm" }, seconds: 5 });
	});

	it("plays the element's own data-v video over the note's", () => {
		const { view, playback } = editor(note(`Other <a class="yt-timestamp" data-t="00:00:14" data-v="hEzpiDuYFoE">[00:00:14]</a>.`));
		press((chipsIn(view)[0] as { el: HTMLElement }).el);
		expect(playback.seeks[0]?.video).toEqual({ kind: "youtube", id: "hEzpiDuYFoE" });
	});

	it("explains how to name a video when the note has none, and does nothing else", () => {
		const { view, playback, opened } = editor(`# Notes\n\nClaim ${anchor("00:46:51")}.`);
		const [chip] = chipsIn(view);
		expect(chip?.classes).toEqual(["is-novideo"]);
		const event = press((chip as { el: HTMLElement }).el);
		expect(Notice.shown).toEqual([NO_VIDEO_MESSAGE]);
		expect(NO_VIDEO_MESSAGE).toMatch(/videoId: /);
		expect(NO_VIDEO_MESSAGE).toMatch(/video: /);
		expect(chip?.label).toBe("Play from 46:51 (this note names no video)");
		expect(playback.seeks).toEqual([]);
		expect(opened).toEqual([]);
		expect(event.defaultPrevented).toBe(true);
	});

	it.each([
		["an editor showing no file", { path: null }],
		["an editor without Obsidian's file field", { noInfo: true, live: true }],
	])("works in %s: chips without a video, data-v chips that play", (_name, options) => {
		const { view, playback } = editor(`Claim ${anchor("00:00:10")} and <a class="yt-timestamp" data-t="00:00:14" data-v="hEzpiDuYFoE">[00:00:14]</a>.`, options);
		const chips = chipsIn(view);
		expect(chips.map((c) => c.classes)).toEqual([["is-novideo"], []]);
		press((chips[1] as { el: HTMLElement }).el);
		expect(playback.seeks).toEqual([{ video: { kind: "youtube", id: "hEzpiDuYFoE" }, seconds: 14, options: {} }]);
	});

	it("ignores other buttons", () => {
		const { view, playback } = editor(md);
		const event = press((chipsIn(view)[0] as { el: HTMLElement }).el, { button: 2 });
		expect(playback.seeks).toEqual([]);
		expect(event.defaultPrevented).toBe(false);
	});
});

describe("hostile values", () => {
	const hostile = `"><img src=x onerror=alert(1)>`;
	it.each([
		["data-t", `<a class="yt-timestamp" data-t="${hostile}">[00:00:01]</a>`],
		["the label", `<a class="yt-timestamp" data-t="00:00:01">${hostile}</a>`],
		["data-v", `<a class="yt-timestamp" data-t="00:00:01" data-v="${hostile}">[00:00:01]</a>`],
		["an attribute value", `<a class="yt-timestamp" data-t="00:00:01" title='${hostile}' onclick="alert(1)">[00:00:01]</a>`],
		["a broken tag", `<a class="yt-timestamp" data-t="<img src=x onerror=alert(1)>`],
	])("in %s inject nothing: no elements beyond chips, no on* attributes", (_name, element) => {
		const { view } = editor(note(`Claim ${element} and ${anchor("00:00:02")}.`));
		expect(chipsIn(view).length).toBeGreaterThan(0);
		const all = Array.from(view.dom.querySelectorAll("*"));
		// CodeMirror's own widget buffers are the only images.
		expect(view.dom.querySelectorAll("img:not(.cm-widgetBuffer), script, iframe, object, embed")).toHaveLength(0);
		for (const el of all) for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on/i);
	});
});

describe("Live Preview chips of a note written as minutes:seconds", () => {
	it("play the minute the note means, say so in the tooltip, and are not marked (nothing to act on)", () => {
		const text = note([`A ${anchor("01:59:43")}.`, `B ${anchor("05:03:02")}.`, `C ${anchor("57:47:04")}.`].join("\n\n"));
		const { view } = makeEditor(text);
		const chips = chipsIn(view);
		expect(chips.map((c) => c.text)).toEqual(["1:59", "5:03", "57:47"]);
		expect(chips.map((c) => c.classes.includes("is-repaired"))).toEqual([false, false, false]);
		expect(chips[1]?.label).toBe('Play from 5:03 ("05:03:02" read as minutes:seconds (5:03), as the rest of this note is written)');
	});
});
