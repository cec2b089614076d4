import { describe, expect, it, vi } from "vitest";
import { Transcripts } from "../../src/transcripts/transcripts";
import { SavedLanguages } from "../../src/transcripts/languageMemory";
import { vaultTranscriptFiles } from "../../src/transcripts";
import { TranscriptView, VIEW_TYPE_TRANSCRIPT, TRANSCRIPT_MESSAGES } from "../../src/views/transcript";
import { USER_SCROLL_PAUSE_MS } from "../../src/views/transcript/TranscriptList";
import { settle } from "../helpers/plugin";
import { anchor, click, makeApp, note, openNote, press } from "./harness";

const CLIP = { kind: "file", path: "media/clip.webm" } as const;
const VTT = [
	"WEBVTT",
	"",
	"00:00.000 --> 00:02.000",
	"The counter reads 0.",
	"",
	"00:02.000 --> 00:04.000",
	"The counter reads 2. A <b>circle</b> sits behind the bars.",
	"",
	"00:04.000 --> 00:06.000",
	"The counter reads 4. A rainbow strip crosses the picture.",
	"",
	"00:06.000 --> 00:08.000",
	"The counter reads 6. <img src=x onerror=alert(1)>The strip slides.",
	"",
].join("\n");
const NOTE = note(`The strip appears ${anchor("00:00:04")}.\n\nCursor here: `, 'video: "[[clip.webm]]"');

async function setup(files: Record<string, string> = { "media/clip.vtt": VTT }, noteText = NOTE) {
	const made = makeApp({ "Clip.md": noteText, "media/clip.webm": "", ...files });
	const memory = new SavedLanguages({ load: () => Promise.resolve({}), save: () => Promise.resolve() });
	const fetchText = vi.fn(() => Promise.reject(new Error("offline")));
	const transcripts = new Transcripts(vaultTranscriptFiles(made.app as never), { fetchText }, memory);
	made.app.viewRegistry.set(VIEW_TYPE_TRANSCRIPT, (leaf) => new TranscriptView(leaf as never, { services: made.services, transcripts }) as never);
	const leaf = await made.app.workspace.ensureSideLeaf(VIEW_TYPE_TRANSCRIPT, "right", { active: false });
	const noteView = await openNote(made.app, "Clip.md", "live");
	await settle();
	const view = leaf.view as unknown as TranscriptView;
	return { ...made, view, el: view.containerEl, noteView, fetchText };
}

const cues = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>(".vc-transcript-cue")];
const texts = (el: HTMLElement, cls = "") => [...el.querySelectorAll(`.vc-transcript-cue${cls} .vc-transcript-text`)].map((t) => t.textContent);
const message = (el: HTMLElement) => (el.querySelector<HTMLElement>(".vc-transcript-message")?.hidden ? "" : (el.querySelector(".vc-transcript-message > div")?.textContent ?? ""));
async function typeSearch(el: HTMLElement, value: string) {
	const input = el.querySelector<HTMLInputElement>(".vc-transcript-query") as HTMLInputElement;
	input.value = value;
	input.dispatchEvent(new Event("input", { bubbles: true }));
	await settle();
	return input;
}

describe("transcript view", () => {
	it("lists the cues of the subtitle file beside the note's video, with times, as plain text", async () => {
		const { el } = await setup();
		expect(cues(el).map((c) => c.querySelector(".vc-transcript-time")?.textContent)).toEqual(["0:00", "0:02", "0:04", "0:06"]);
		expect(texts(el)[1]).toBe("The counter reads 2. A circle sits behind the bars.");
		expect(texts(el)[3]).toBe("The counter reads 6. The strip slides.");
		expect(el.querySelector(".vc-transcript-list img, .vc-transcript-list b")).toBeNull();
		expect(el.querySelector(".vc-transcript-source")?.textContent).toBe("clip.vtt");
		expect(message(el)).toBe("");
	});

	it("says how to add a transcript when there is none, and fetches nothing", async () => {
		const { el, fetchText } = await setup({});
		expect(cues(el)).toHaveLength(0);
		expect(fetchText).not.toHaveBeenCalled();
		expect(message(el)).toBe(TRANSCRIPT_MESSAGES.noTranscript);
		expect(message(el)).toMatch(/talk\.mp4 → talk\.vtt/);
	});

	it("says why a subtitle file cannot be read", async () => {
		const { el } = await setup({ "media/clip.vtt": "not subtitles at all" });
		expect(message(el)).toMatch(/"clip.vtt" holds no subtitle cues/);
	});

	it("marks the note's cited moments, titled with the claim", async () => {
		const { el } = await setup();
		const cited = el.querySelectorAll<HTMLElement>(".vc-transcript-cue.is-cited");
		expect(cited).toHaveLength(1);
		expect(cited[0]?.querySelector(".vc-transcript-text")?.textContent).toMatch(/rainbow strip/);
		expect(cited[0]?.title).toMatch(/^Cited: The strip appears/);
	});

	it("follows playback of the note's video: marks the cue and scrolls the list to it, but not while the user scrolls", async () => {
		const { el, playback } = await setup();
		const list = el.querySelector(".vc-transcript-list") as HTMLElement;
		// Rows 20 px tall in a list 40 px high: two rows in view.
		const rect = (top: number, height: number) => ({ top, bottom: top + height, height, left: 0, right: 100, width: 100, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
		vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
			if (this === list) return rect(0, 40);
			const i = Number(this.dataset.index);
			return Number.isInteger(i) ? rect(i * 20 - list.scrollTop, 20) : rect(0, 0);
		});
		const scrollIntoView = vi.fn();
		Element.prototype.scrollIntoView = scrollIntoView;
		playback.emit({ video: CLIP, seconds: 2.5, playing: true });
		expect(texts(el, ".is-playing")).toEqual(["The counter reads 2. A circle sits behind the bars."]);
		expect(list.scrollTop).toBe(0);
		playback.emit({ video: CLIP, seconds: 4.5 });
		expect(list.scrollTop).toBe(20);
		list.dispatchEvent(new WheelEvent("wheel", { deltaY: -100 }));
		playback.emit({ video: CLIP, seconds: 6.1 });
		expect(texts(el, ".is-playing")).toEqual(["The counter reads 6. The strip slides."]);
		expect(list.scrollTop).toBe(20);
		expect(USER_SCROLL_PAUSE_MS).toBeGreaterThan(1000);
		// Only the list scrolls: nothing asks the sidebar or the workspace to.
		expect(scrollIntoView).not.toHaveBeenCalled();
		playback.emit({ video: { kind: "youtube", id: "aXGo1o_baBo" }, seconds: 2 });
		expect(texts(el, ".is-playing")).toEqual([]);
	});

	it("plays from a cue on click and on Enter", async () => {
		const { el, playback } = await setup();
		click(cues(el)[2] as HTMLElement);
		expect(playback.seeks).toEqual([{ video: CLIP, seconds: 4, options: { sourcePath: "Clip.md" } }]);
		const list = el.querySelector(".vc-transcript-list") as HTMLElement;
		press(list, "ArrowDown");
		press(list, "Enter");
		expect(playback.seeks[1]?.seconds).toBe(6);
		expect(list.getAttribute("aria-activedescendant")).toBe(cues(el)[3]?.id);
	});

	it("searches: counts the matches, shows one, and steps through them", async () => {
		const { el } = await setup();
		await typeSearch(el, "THE STRIP");
		expect(el.querySelector(".vc-transcript-count")?.textContent).toBe("1 of 1");
		const input = await typeSearch(el, "counter reads");
		expect(el.querySelector(".vc-transcript-count")?.textContent).toBe("1 of 4");
		expect(texts(el, ".is-current-match")).toEqual(["The counter reads 0."]);
		press(input, "Enter");
		expect(el.querySelector(".vc-transcript-count")?.textContent).toBe("2 of 4");
		click(el.querySelector(".vc-transcript-prev") as HTMLElement);
		click(el.querySelector(".vc-transcript-prev") as HTMLElement);
		expect(el.querySelector(".vc-transcript-count")?.textContent).toBe("4 of 4");
		expect(texts(el, ".is-current-match")).toEqual(["The counter reads 6. The strip slides."]);
		await typeSearch(el, "nothing like this");
		expect(el.querySelector(".vc-transcript-count")?.textContent).toBe("No matches");
	});

	it("inserts the selected cues, quoted, with a citation in the note's own form, as one undoable edit", async () => {
		const { el, view, noteView } = await setup();
		const list = el.querySelector(".vc-transcript-list") as HTMLElement;
		click(cues(el)[1] as HTMLElement);
		press(list, " ");
		press(list, "ArrowDown");
		press(list, " ");
		expect(el.querySelector<HTMLButtonElement>(".vc-transcript-cite")?.textContent).toBe("Insert citation (2 lines)");
		const editor = noteView.editor;
		const before = editor.getValue();
		editor.setCursor({ line: editor.lineCount() - 1, ch: editor.getLine(editor.lineCount() - 1).length });
		expect(view.insertCitation()).toBe(true);
		expect(editor.getValue()).toBe(
			before + '"The counter reads 2. A circle sits behind the bars. The counter reads 4. A rainbow strip crosses the picture." <a class="yt-timestamp" data-t="00:00:02">[00:00:02]</a>',
		);
		editor.undo();
		expect(editor.getValue()).toBe(before);
	});

	it("writes a link when the note cites with links", async () => {
		const { el, view, noteView } = await setup(undefined, note("Seen at [[clip.webm#t=4|0:04]].\n", 'video: "[[clip.webm]]"'));
		click(cues(el)[0] as HTMLElement, "click");
		cues(el)[0]?.dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true }));
		noteView.editor.setCursor({ line: 3, ch: 0 });
		expect(view.insertCitation()).toBe(true);
		expect(noteView.editor.getValue()).toContain('"The counter reads 0." [[media/clip.webm#t=0|0:00]]');
	});

	it("offers to load a transcript the note names by web address, and fetches it only on the button", async () => {
		const { el, fetchText } = await setup({}, note("Text.\n", 'video: "[[clip.webm]]"\ntranscript: https://example.org/clip.vtt'));
		expect(message(el)).toBe(TRANSCRIPT_MESSAGES.remote);
		expect(fetchText).not.toHaveBeenCalled();
		click(el.querySelector(".vc-transcript-load") as HTMLElement);
		await settle();
		expect(fetchText).toHaveBeenCalledWith("https://example.org/clip.vtt");
		expect(message(el)).toBe("Could not fetch the transcript from https://example.org/clip.vtt: offline");
	});

	it("offers the languages beside the video and remembers the choice", async () => {
		const { el } = await setup({ "media/clip.vtt": VTT, "media/clip.de.vtt": VTT.replace("The counter reads 0.", "Der Zähler zeigt 0.") });
		const select = el.querySelector<HTMLSelectElement>(".vc-transcript-language") as HTMLSelectElement;
		expect([...select.options].map((o) => o.textContent)).toEqual(["default", "de"]);
		select.value = "de";
		select.dispatchEvent(new Event("change"));
		await settle();
		expect(texts(el)[0]).toBe("Der Zähler zeigt 0.");
	});
});
