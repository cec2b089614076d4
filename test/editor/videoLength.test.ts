import { afterEach, describe, expect, it, vi } from "vitest";
import type { EditorView } from "@codemirror/view";
import { LEX_LENGTH, LEX_TEXT, LEX_UNDECIDED, LEX_VIDEO, optionsFor, type ExtractionCall } from "../helpers/videoLength";
import { anchor, chipsIn, fakeServices, makeEditor, note, tick } from "./harness";

const calls = vi.hoisted(() => ({ list: [] as ExtractionCall[] }));

vi.mock("../../src/core/extract", async (importOriginal) => (await import("../helpers/videoLength")).recordingExtraction(await importOriginal(), calls));

const views: EditorView[] = [];
afterEach(() => {
	for (const view of views.splice(0)) view.destroy();
});

/** Two editors on one set of services: a note of the lexfridman video, and one of the seed video. */
function twoEditors(text = LEX_UNDECIDED) {
	const fake = fakeServices();
	const lex = makeEditor(text, { path: "lex.md", services: fake }).view;
	const seed = makeEditor(note(`Seed ${anchor("03:00:39")}.`), { path: "seed.md", services: fake }).view;
	views.push(lex, seed);
	return { ...fake, lex, seed };
}

describe("editor: the whole note read against its video's length", () => {
	it("reads the whole note again with the length once it is known, in the editors of that video only", async () => {
		const { durations, lex, seed } = twoEditors();
		await tick();
		calls.list = [];
		durations.record(LEX_VIDEO, LEX_LENGTH);
		expect(calls.list, "not while the player reports it: once the update is over").toEqual([]);
		await tick();
		expect(optionsFor(calls.list, lex.state.doc.toString())).toEqual([{ duration: LEX_LENGTH }]);
		expect(optionsFor(calls.list, seed.state.doc.toString())).toEqual([]);
	});

	it("an editor opened after the length is known reads the note with it from the start", async () => {
		const fake = fakeServices();
		fake.durations.record(LEX_VIDEO, LEX_LENGTH);
		calls.list = [];
		const { view } = makeEditor(LEX_TEXT, { path: "lex.md", services: fake });
		views.push(view);
		expect(optionsFor(calls.list, LEX_TEXT)).toEqual([{ duration: LEX_LENGTH }]);
	});

	it("a frontmatter edit naming another video reads the note against that video's length", async () => {
		const { durations, seed } = twoEditors();
		durations.record(LEX_VIDEO, LEX_LENGTH);
		await tick();
		calls.list = [];
		const line = seed.state.doc.line(2);
		seed.dispatch({ changes: { from: line.from, to: line.to, insert: "videoId: yEou104m_P0" } });
		await tick();
		expect(optionsFor(calls.list, seed.state.doc.toString())).toContainEqual({ duration: LEX_LENGTH });
	});

	it("stops following lengths once the editor is gone", async () => {
		const { durations, lex } = twoEditors();
		lex.destroy();
		calls.list = [];
		durations.record(LEX_VIDEO, LEX_LENGTH);
		await tick();
		expect(calls.list).toEqual([]);
	});

	// Waits on core reading times against the duration (src/core/extract.ts): the plumbing above does not.
	it("the lexfridman note: its chips read 03:00:39 as 3:00 once the video is known to be 40 minutes long (waits on core using the duration)", async () => {
		const { durations, lex, playback } = twoEditors();
		await tick();
		durations.record(LEX_VIDEO, LEX_LENGTH);
		await tick();
		const chips = chipsIn(lex);
		expect(chips[1]?.text).toBe("3:00");
		chips[1]?.el.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 }));
		expect(playback.seeks.map((s) => s.seconds)).toEqual([180]);
	});
});
