import { afterEach, describe, expect, it } from "vitest";
import type { EditorView } from "@codemirror/view";
import { applyEdits, extractCitations, planAnchors, planPortableLinks, type VideoRef } from "../../src/core";
import { corpusNotes } from "../helpers/corpus";
import { FORMS, FORMS_ID, FORMS_OTHER_ID, formsNote } from "../helpers/forms";
import { chipsIn, decorationsOf, fakeServices, makeEditor, press } from "../editor/harness";
import { click, makeApp, openNote, openPanel, rowsOf, settleIndex } from "../views/harness";

const NOTE: VideoRef = { kind: "youtube", id: FORMS_ID };
const OTHER: VideoRef = { kind: "youtube", id: FORMS_OTHER_ID };
/** The clip as a link names it, and as the vault finds it. */
const CLIP: VideoRef = { kind: "file", path: "clip.webm" };
const VAULT_CLIP: VideoRef = { kind: "file", path: "media/clip.webm" };
const expectedVideo = (v: "note" | "other" | "clip", clip = CLIP) => (v === "note" ? NOTE : v === "other" ? OTHER : clip);
const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

let views: EditorView[] = [];
afterEach(() => {
	for (const v of views) v.destroy();
	views = [];
});

describe("every form in the editor", () => {
	it("Live Preview shows each form as a chip that plays its own video and moment", () => {
		const made = makeEditor(formsNote(), { services: fakeServices({}, { "note.md": { videoId: FORMS_ID } }) });
		views.push(made.view);
		const chips = chipsIn(made.view);
		// A link in the writer's own words keeps them; every other chip shows its time.
		expect(chips.map((c) => c.text)).toEqual(FORMS.map((f) => (f.name === "markdown link to a clip" ? "the demo" : mmss(f.seconds))));
		// A chip that plays another video than the note's says which.
		const where = (v: "note" | "other" | "clip") => (v === "note" ? "" : v === "other" ? ` in YouTube video ${FORMS_OTHER_ID}` : " in clip.webm");
		expect(chips.map((c) => c.label)).toEqual(FORMS.map((f) => `Play from ${mmss(f.seconds)}${where(f.video)}`));
		for (const chip of chips) press(chip.el);
		expect(made.playback.seeks.map((s) => [s.video, s.seconds])).toEqual(FORMS.map((f) => [expectedVideo(f.video), f.seconds]));
	});

	it("source mode marks each form, and Mod-click plays it", () => {
		const made = makeEditor(formsNote(), { live: false, services: fakeServices({}, { "note.md": { videoId: FORMS_ID } }) });
		views.push(made.view);
		const marks = decorationsOf(made.view).filter((d) => d.cls.includes("vc-source-timestamp"));
		expect(marks.map((m) => made.view.state.sliceDoc(m.from, m.to))).toEqual(FORMS.map((f) => f.md));
	});

	it("reads only this plugin's forms when other plugins' forms are turned off", () => {
		const made = makeEditor(formsNote(), { services: fakeServices({ otherForms: false }, { "note.md": { videoId: FORMS_ID } }) });
		views.push(made.view);
		expect(chipsIn(made.view).map((c) => c.text)).toEqual(["0:10", "0:20", "1:30"]);
	});
});

describe("every form in the panel and the index", () => {
	it("the panel lists each form as a row, and its chip plays the form's video", async () => {
		const made = makeApp({ "forms.md": formsNote(), "media/clip.webm": "" });
		const panel = await openPanel(made);
		await openNote(made.app, "forms.md");
		const rows = rowsOf(panel.el);
		expect(rows.map((r) => r.chips)).toEqual(FORMS.map((f) => [mmss(f.seconds)]));
		expect(rows.map((r) => r.text)).toEqual(FORMS.map((f, i) => `Claim ${i + 1} about the ${f.name}`));
		for (const chip of Array.from(panel.el.querySelectorAll<HTMLElement>(".vc-panel-chip"))) click(chip);
		expect(made.playback.seeks.map((s) => [s.video, s.seconds])).toEqual(FORMS.map((f) => [expectedVideo(f.video, VAULT_CLIP), f.seconds]));
	});

	it("the whole-vault index files each citation under the video it plays", async () => {
		const made = makeApp({ "forms.md": formsNote(), "media/clip.webm": "" }, { vault: true });
		await settleIndex(made.app);
		const index = made.index!;
		expect(index.timeline(NOTE).map((e) => e.seconds)).toEqual([10, 20, 60]);
		expect(index.timeline(OTHER).map((e) => e.seconds)).toEqual([90]);
		expect(index.timeline(VAULT_CLIP).map((e) => e.seconds)).toEqual([40, 50]);
	});
});

describe("convert round trip in the panel", () => {
	const youtubeNotes = corpusNotes().filter((n) => /^videoId:/m.test(n.text.slice(0, 2000)));

	it("shows the same rows for the note, its markdown-link version and back, on every corpus note with a YouTube video", async () => {
		let rowsSeen = 0;
		for (const note of youtubeNotes) {
			const id = /^videoId:\s*["']?([A-Za-z0-9_-]{11})/m.exec(note.text)?.[1] as string;
			const video: VideoRef = { kind: "youtube", id };
			const links = applyEdits(note.text, planPortableLinks(note.text, video).edits);
			const back = applyEdits(links, planAnchors(links, video).edits);
			const made = makeApp({ "a.md": note.text, "b.md": links, "c.md": back });
			const panel = await openPanel(made);
			const seen: string[][] = [];
			for (const path of ["a.md", "b.md", "c.md"]) {
				await openNote(made.app, path);
				seen.push(rowsOf(panel.el).map((r) => `${r.chips.join(" ")}|${r.text}`));
			}
			expect(seen[1], note.path).toEqual(seen[0]);
			expect(seen[2], note.path).toEqual(seen[0]);
			expect(extractCitations(links).filter((c) => c.form === "link").length).toBe(extractCitations(note.text).filter((c) => c.seconds !== null).length);
			rowsSeen += seen[0]?.length ?? 0;
		}
		expect(rowsSeen).toBeGreaterThan(1000);
	}, 120_000);
});
