import { describe, expect, it } from "vitest";
import { extractCitations } from "../../src/core";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { anchor, links, note, SEED, SEED_ID, setUpReading } from "./harness";

const OTHER = { kind: "youtube", id: "hEzpiDuYFoE" } as const;

/** The labels of the links carrying `is-playing` under `root`. */
const playing = (root: ParentNode) => links(root).filter((l) => l.hasClass("is-playing")).map((l) => l.textContent);

/** Class changes under `root` since the last call, as "+label" / "-label". */
function classChanges(observer: MutationObserver): string[] {
	return observer.takeRecords().map((r) => {
		const el = r.target as HTMLElement;
		return `${el.hasClass("is-playing") ? "+" : "-"}${el.textContent}`;
	});
}

function watchClasses(root: Node): MutationObserver {
	const observer = new MutationObserver(() => {});
	observer.observe(root, { attributes: true, attributeFilter: ["class"], subtree: true });
	return observer;
}

describe("now playing", () => {
	const body = `A ${anchor("00:00:10")}. B ${anchor("00:01:00")}, ${anchor("00:02:00")}.\n\n- C ${anchor("00:03:00")}\n\nOther video <a class="yt-timestamp" data-t="00:00:30" data-v="${OTHER.id}">[other 30]</a>.`;

	it.each([
		[0, []],
		[9.9, []],
		[10, ["[00:00:10]"]],
		[59, ["[00:00:10]"]],
		[60, ["[00:01:00]"]],
		[150, ["[00:02:00]"]],
		[99999, ["[00:03:00]"]],
	])("at %d s marks the latest citation at or before it: %j", async (seconds, expected) => {
		const reading = setUpReading();
		const root = await reading.render(note(body));
		reading.playback.emit({ video: SEED, seconds, playing: true });
		expect(playing(root)).toEqual(expected);
	});

	it("follows the element's own video, and clears when another video or none is loaded", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(body));
		reading.playback.emit({ video: SEED, seconds: 70 });
		expect(playing(root)).toEqual(["[00:01:00]"]);
		reading.playback.emit({ video: OTHER, seconds: 40 });
		expect(playing(root)).toEqual(["[other 30]"]);
		reading.playback.emit({ video: { kind: "youtube", id: "zzzzzzzzzzz" }, seconds: 40 });
		expect(playing(root)).toEqual([]);
		reading.playback.emit({ video: SEED, seconds: 200 });
		reading.playback.emit({ video: null, seconds: 0 });
		expect(playing(root)).toEqual([]);
	});

	it("touches the DOM only when the playing citation changes", async () => {
		const reading = setUpReading();
		const root = await reading.render(corpusNote(SEED_PATH), SEED_PATH);
		const times = extractCitations(corpusNote(SEED_PATH)).map((c) => c.seconds ?? 0);
		const observer = watchClasses(root);
		const first = times[0] as number;
		const second = times[1] as number;
		reading.playback.emit({ video: SEED, seconds: first });
		expect(classChanges(observer)).toHaveLength(1);
		// A second's worth of updates inside one citation's stretch: nothing changes.
		for (let t = first; t < Math.min(second, first + 1); t += 0.25) reading.playback.emit({ video: SEED, seconds: t, playing: true });
		expect(classChanges(observer)).toEqual([]);
		reading.playback.emit({ video: SEED, seconds: second });
		const changes = classChanges(observer);
		expect(changes).toHaveLength(2);
		expect(changes[0]?.startsWith("-")).toBe(true);
		expect(changes[1]?.startsWith("+")).toBe(true);
		expect(links(root).filter((l) => l.hasClass("is-playing"))).toHaveLength(1);
		observer.disconnect();
	});

	it("highlights a note in two panes independently, from one subscription", async () => {
		const reading = setUpReading();
		const one = await reading.render(note(body), "a.md");
		const two = await reading.render(note(body), "a.md");
		const three = await reading.render(note(`X ${anchor("00:00:05")}`, `videoId: ${SEED_ID}`), "b.md");
		expect(reading.playback.listeners.size).toBe(1);
		reading.playback.emit({ video: SEED, seconds: 130 });
		expect(playing(one)).toEqual(["[00:02:00]"]);
		expect(playing(two)).toEqual(["[00:02:00]"]);
		expect(playing(three)).toEqual(["[00:00:05]"]);
	});

	it("marks a note rendered while its video already plays, and moves to the new DOM on a re-render", async () => {
		const reading = setUpReading();
		reading.playback.emit({ video: SEED, seconds: 65 });
		const view = await reading.open(note(body));
		const before = links(view.previewEl).find((l) => l.hasClass("is-playing"));
		expect(before?.textContent).toBe("[00:01:00]");
		view.renderPreview();
		expect(before?.hasClass("is-playing")).toBe(false);
		expect(playing(view.previewEl)).toEqual(["[00:01:00]"]);
		reading.playback.emit({ video: SEED, seconds: 190 });
		expect(playing(view.previewEl)).toEqual(["[00:03:00]"]);
	});

	it("moves the mark to what is left of a note when the section holding it goes", async () => {
		const reading = setUpReading();
		reading.app.vault.seed("n.md", note("x"));
		const [s1, s2] = [activeDocument.body.createDiv(), activeDocument.body.createDiv()];
		s1.createEl("a", { cls: "yt-timestamp", text: "[10]", attr: { "data-t": "10" } });
		s2.createEl("a", { cls: "yt-timestamp", text: "[20]", attr: { "data-t": "20" } });
		reading.process(s1, "n.md");
		const owner2 = reading.process(s2, "n.md");
		reading.playback.emit({ video: SEED, seconds: 25 });
		expect([...playing(s1), ...playing(s2)]).toEqual(["[20]"]);
		owner2.unload();
		expect([...playing(s1), ...playing(s2)]).toEqual(["[10]"]);
		expect(links(s2)).toEqual([]);
	});
});
