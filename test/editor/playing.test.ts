import { afterEach, describe, expect, it } from "vitest";
import { EditorView } from "@codemirror/view";
import { SUMMARY_DELAY } from "../../src/editor/citationChips";
import { setPlaying } from "../../src/editor/playing";
import { anchor, chipsIn, decorationsOf, makeEditor, note, setLive, tick } from "./harness";

let views: EditorView[] = [];
afterEach(() => {
	for (const v of views) v.destroy();
	views = [];
});

const SEED = { kind: "youtube", id: "aXGo1o_baBo" } as const;
const OTHER = { kind: "youtube", id: "hEzpiDuYFoE" } as const;
const md = note(`One ${anchor("00:00:10")}. Two ${anchor("00:00:20")}, ${anchor("00:00:20", "[again]")}. Three ${anchor("00:00:30")}.\n\nOther <a class="yt-timestamp" data-t="00:00:15" data-v="hEzpiDuYFoE">[00:00:15]</a>.`);

/** An editor on `text` that counts the transactions carrying a playing effect. */
function playingEditor(text = md, live = true) {
	const counter = { effects: 0 };
	const made = makeEditor(text, {
		live,
		extensions: [EditorView.updateListener.of((u) => (counter.effects += u.transactions.filter((tr) => tr.effects.some((e) => e.is(setPlaying))).length))],
	});
	views.push(made.view);
	return { ...made, counter };
}
const playingChips = (view: EditorView) => chipsIn(view).filter((c) => c.classes.includes("is-playing")).map((c) => c.text);

describe("the citation being played", () => {
	it("carries is-playing: the latest citation at or before the playing time, moving as playback moves", () => {
		const { view, playback } = playingEditor();
		playback.play(SEED, 9);
		expect(playingChips(view)).toEqual([]);
		playback.play(SEED, 10);
		expect(playingChips(view)).toEqual(["0:10"]);
		playback.play(SEED, 24.5);
		// 0:20 is cited twice: only its first copy is marked, the one the panel marks too.
		expect(playingChips(view)).toEqual(["0:20"]);
		const chips = Array.from(view.contentDOM.querySelectorAll(".vc-chip")).filter((el) => el.textContent?.includes("0:20"));
		expect(chips.map((el) => el.classList.contains("is-playing"))).toEqual([true, false]);
		playback.play(SEED, 3600);
		expect(playingChips(view)).toEqual(["0:30"]);
	});

	it("dispatches only when the playing citation changes, not on every time update", () => {
		const { playback, counter } = playingEditor();
		for (let t = 10; t < 20; t += 0.25) playback.play(SEED, t);
		expect(counter.effects).toBe(1);
		playback.play(SEED, 20);
		playback.play(SEED, 20.25);
		expect(counter.effects).toBe(2);
	});

	it("follows the element's own video: data-v citations play when their video does", () => {
		const { view, playback } = playingEditor();
		playback.play(OTHER, 16);
		expect(playingChips(view)).toEqual(["0:15"]);
		playback.play({ kind: "youtube", id: "zzzzzzzzzzz" }, 16);
		expect(playingChips(view)).toEqual([]);
		playback.play(null, 0);
		expect(playingChips(view)).toEqual([]);
	});

	it("marks nothing while the player has not loaded the video, or after it failed", () => {
		const { view, playback } = playingEditor();
		playback.play(SEED, 10);
		expect(playingChips(view)).toEqual(["0:10"]);
		playback.setState({ loaded: false });
		expect(playingChips(view)).toEqual([]);
		playback.setState({ loaded: true });
		expect(playingChips(view)).toEqual(["0:10"]);
	});

	it("redraws only the chips whose playing state changed", () => {
		const { view, playback } = playingEditor();
		const before = chipsIn(view).map((c) => c.el);
		playback.play(SEED, 31);
		const after = chipsIn(view).map((c) => c.el);
		expect(after).toHaveLength(5);
		after.forEach((el, i) => {
			if (i === 3) expect(el).not.toBe(before[i]);
			else expect(el).toBe(before[i]);
		});
		expect(after[3]?.classList.contains("is-playing")).toBe(true);
	});

	it("counts citations off screen: a later one being played leaves the visible chips plain", () => {
		const text = note(`Top ${anchor("00:00:10")}.\n` + "Filler line.\n".repeat(3000) + `Bottom ${anchor("00:00:25")}.`);
		const { view, playback } = playingEditor(text);
		playback.play(SEED, 20);
		expect(playingChips(view)).toEqual(["0:10"]);
		playback.play(SEED, 27);
		expect(playingChips(view)).toEqual([]);
		view.dispatch({ effects: EditorView.scrollIntoView(view.state.doc.length, { y: "end" }) });
		expect(playingChips(view)).toEqual(["0:25"]);
	});

	it("shows what is already playing when an editor opens", async () => {
		const { services, playback, durations } = (await import("./harness")).fakeServices();
		playback.play(SEED, 21);
		const { view } = makeEditor(md, { services: { services, playback, opened: [], settings: services.settings.current, durations } });
		views.push(view);
		await tick();
		expect(playingChips(view)).toEqual(["0:20"]);
	});

	it("marks the playing citation in source mode too", () => {
		const { view, playback } = playingEditor(md, false);
		playback.play(SEED, 30);
		const playing = decorationsOf(view).filter((d) => d.cls.includes("is-playing"));
		expect(playing.map((d) => view.state.sliceDoc(d.from, d.to))).toEqual([anchor("00:00:30")]);
		expect(view.contentDOM.querySelectorAll(".vc-source-timestamp.is-playing")).toHaveLength(1);
		setLive(view, true);
		expect(playingChips(view)).toEqual(["0:30"]);
	});

	it("picks up a citation added while playing once typing pauses", async () => {
		const { view, playback } = playingEditor();
		playback.play(SEED, 27);
		expect(playingChips(view)).toEqual(["0:20"]);
		const line = view.state.doc.line(4);
		view.dispatch({ changes: { from: line.to, insert: ` Four ${anchor("00:00:25")}.` } });
		await tick(SUMMARY_DELAY + 50);
		expect(playingChips(view)).toEqual(["0:25"]);
	});
});

describe("notes written as minutes:seconds:frames", () => {
	it("read like the whole note, and read again once an edit changes the note's layout", async () => {
		// Read as hours until a time no talk reaches as hours (14:30:00) shows the note is minutes:seconds.
		const frames = note(`A ${anchor("01:19:00")}. B ${anchor("02:05:00")}. C ${anchor("02:10:00")}.`);
		const { view } = playingEditor(frames);
		expect(chipsIn(view).map((c) => c.text)).toEqual(["1:19:00", "2:05:00", "2:10:00"]);
		const end = view.state.doc.length;
		view.dispatch({ changes: { from: end, insert: `\n\nD ${anchor("14:30:00")}.` }, selection: { anchor: 0 } });
		await tick(SUMMARY_DELAY + 50);
		expect(chipsIn(view).map((c) => c.text)).toEqual(["1:19", "2:05", "2:10", "14:30"]);
	});
});

describe("a long note", () => {
	it("is read as a whole just after it opens: its frame layout and its playing citation follow", async () => {
		const times = `A ${anchor("20:19:00")}. B ${anchor("21:05:00")}. C ${anchor("22:10:00")}. D ${anchor("01:00:05:00")}.`;
		const text = note(`${times}\n\n${"A long line of prose that pads the note past the size read at once.\n".repeat(6000)}`);
		expect(text.length).toBeGreaterThan(300_000);
		const { view, playback } = playingEditor(text);
		await tick(10);
		expect(chipsIn(view).map((c) => c.text)).toEqual(["20:19", "21:05", "22:10", "1:00:05"]);
		playback.play(SEED, 21 * 60 + 10);
		expect(playingChips(view)).toEqual(["21:05"]);
	});
});
