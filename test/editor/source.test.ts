import { afterEach, describe, expect, it } from "vitest";
import type { EditorView } from "@codemirror/view";
import { Notice } from "../double/obsidian";
import { NO_VIDEO_MESSAGE } from "../../src/notes/citationMeaning";
import { anchor, chipsIn, fakeServices, makeEditor, note, press, setLive } from "./harness";

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
const marks = (view: EditorView) => Array.from(view.contentDOM.querySelectorAll<HTMLElement>(".vc-source-timestamp"));
const md = note(`Claim ${anchor("00:46:51")}, bad <a class="yt-timestamp" data-t="soon">[later]</a>, fixed <a class="yt-timestamp" data=t="00:12:34">[00:12:34]</a>.`);

describe("source mode", () => {
	it("keeps the raw text and marks each element with the shared classes", () => {
		const { view } = editor(md, { live: false });
		expect(chipsIn(view)).toEqual([]);
		expect(view.contentDOM.textContent).toContain(md.split("\n")[3]);
		expect(marks(view).map((m) => [m.textContent, m.className])).toEqual([
			[anchor("00:46:51"), "vc-timestamp vc-source-timestamp"],
			['<a class="yt-timestamp" data-t="soon">[later]</a>', "vc-timestamp vc-source-timestamp is-invalid"],
			['<a class="yt-timestamp" data=t="00:12:34">[00:12:34]</a>', "vc-timestamp vc-source-timestamp is-repaired"],
		]);
	});

	it("leaves a plain press to the editor and seeks on Mod-press", () => {
		const { view, playback } = editor(md, { live: false, path: "n.md" });
		const [first] = marks(view);
		press(first as HTMLElement);
		expect(playback.seeks).toEqual([]);
		const event = press(first as HTMLElement, { ctrlKey: true });
		expect(playback.seeks).toEqual([{ video: { kind: "youtube", id: "aXGo1o_baBo" }, seconds: 2811, options: { sourcePath: "n.md" } }]);
		expect(event.defaultPrevented).toBe(true);
	});

	it("seeks on Mod-press even when plain clicks open the browser", () => {
		const { view, playback, opened } = editor(md, { live: false, services: fakeServices({ clickOpensBrowser: true }) });
		press(marks(view)[2] as HTMLElement, { ctrlKey: true });
		expect(playback.seeks.map((s) => s.seconds)).toEqual([754]);
		expect(opened).toEqual([]);
	});

	it("never seeks an element with no usable time", () => {
		const { view, playback } = editor(md, { live: false });
		press(marks(view)[1] as HTMLElement, { ctrlKey: true });
		expect(playback.seeks).toEqual([]);
	});

	it("explains how to name a video on Mod-press in a note without one", () => {
		const { view, playback } = editor(`Claim ${anchor("00:00:05")}.`, { live: false });
		expect(marks(view)[0]?.className).toBe("vc-timestamp vc-source-timestamp is-novideo");
		press(marks(view)[0] as HTMLElement, { ctrlKey: true });
		expect(Notice.shown).toEqual([NO_VIDEO_MESSAGE]);
		expect(playback.seeks).toEqual([]);
	});

	it("switches between marks and chips with the Live Preview toggle", () => {
		const { view } = editor(md, { live: false });
		setLive(view, true);
		expect(marks(view)).toEqual([]);
		expect(chipsIn(view).map((c) => c.text)).toEqual(["46:51", "later", "12:34"]);
		setLive(view, false);
		expect(chipsIn(view)).toEqual([]);
		expect(marks(view)).toHaveLength(3);
	});

	it("shares one mark decoration per look across editors", async () => {
		const a = editor(md, { live: false }).view;
		const b = editor(md, { live: false }).view;
		const { decorationsOf } = await import("./harness");
		const decosA = decorationsOf(a).map((d) => d.deco);
		const decosB = decorationsOf(b).map((d) => d.deco);
		expect(decosA).toHaveLength(3);
		decosA.forEach((d, i) => expect(d).toBe(decosB[i]));
	});
});
