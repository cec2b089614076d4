/**
 * The transcript figures: reading a 3-hour file of auto-generated captions (generated here, with
 * YouTube's rolling duplicates and word times) against a bare split of the same text into lines
 * (in Node), and the transcript view following playback through its 4,000 cues (in the page).
 */
import { parseTranscript } from "../src/core";
import { figure, timePair, type Figure } from "./measure";

const WORDS = "so today we are going to look at how video notes cite their sources and why it matters for every claim a reader wants to check later".split(" ");

function stamp(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${s.toFixed(3).padStart(6, "0")}`;
}

/**
 * A WebVTT file as YouTube's auto-generated captions come: each spoken line in a cue under the
 * line before it, with a time for every word, then a 10 ms cue showing the finished line again.
 */
export function autoCaptions(hours: number, lineSeconds = 2.7): { text: string; lines: number } {
	const out = ["WEBVTT", "Kind: captions", "Language: en", ""];
	let previous = "";
	let n = 0;
	for (let t = 0; t + lineSeconds <= hours * 3600; t += lineSeconds, n++) {
		const words = Array.from({ length: 7 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length] as string);
		const start = t;
		const end = t + lineSeconds - 0.01;
		const timed = words.map((w, i) => (i === 0 ? w : `<${stamp(start + (i * (lineSeconds - 0.1)) / words.length)}><c> ${w}</c>`)).join("");
		out.push(`${stamp(start)} --> ${stamp(end)} align:start position:0%`, previous === "" ? " " : previous, timed, "");
		previous = words.join(" ");
		out.push(`${stamp(end)} --> ${stamp(end + 0.01)} align:start position:0%`, previous, " ", "");
	}
	return { text: out.join("\n"), lines: n };
}

let sink = 0;

/** Measures the Node-side transcript figures (the reader). */
export function transcriptFigures(): Figure[] {
	const file = autoCaptions(3);
	const parsed = parseTranscript(file.text, "bench.en.vtt");
	if (parsed.cues.length !== file.lines) throw new Error(`the bench transcript read as ${parsed.cues.length} cues, expected ${file.lines}`);
	const pair = timePair(
		() => (sink += file.text.split("\n").length),
		() => (sink += parseTranscript(file.text, "bench.en.vtt").cues.length),
		30,
	);
	const kb = (file.text.length / 1024).toFixed(0);
	const figures = [
		figure("transcript.parse_ms", pair.subject, "ms", null, `3-hour auto-generated WebVTT, ${kb} KB, ${(file.lines * 2).toLocaleString()} cues read as ${parsed.cues.length.toLocaleString()} lines`),
		figure("transcript.parse_ratio_vs_split", pair.subject / pair.baseline, "×", 10, `the same text split into lines: ${pair.baseline.toFixed(2)} ms`),
	];

	if (sink === -1) console.debug(sink);
	return figures;
}

/**
 * In the playground page: the transcript view showing `vtt` (beside a note's video), then one
 * follow-playback update per cue as playback moves on, each timed with the style and layout it
 * causes (the mark moves, the list scrolls to it). Returns the median update in ms and the cues shown.
 */
export async function measureTranscriptFollow(args: { vtt: string; runs: number; step: number }): Promise<{ median: number; max: number; cues: number }> {
	type FollowView = { follow(state: unknown, scroll: boolean): void; video: unknown; containerEl: HTMLElement };
	const pg = (window as unknown as { playground: { app: { vault: { create(p: string, t: string): Promise<unknown> }; commands: { execute(id: string): boolean }; workspace: { getLeavesOfType(t: string): { view: unknown }[] } }; openNote(p: string, m: string): Promise<unknown> } }).playground;
	// Created as a user's files are (the vault says so), not seeded behind the plugin's back: the
	// plugin keeps the vault's list of subtitle files until files come, go or move.
	await pg.app.vault.create("bench/long-talk.vtt", args.vtt);
	await pg.app.vault.create("bench/long-talk.md", '---\nvideo: "bench/long-talk.webm"\n---\nA note about a long talk.\n');
	await pg.openNote("bench/long-talk.md", "source");
	pg.app.commands.execute("video-citations:show-transcript");
	let cues = 0;
	for (let i = 0; i < 200 && cues === 0; i++) {
		await new Promise((resolve) => window.setTimeout(resolve, 20));
		cues = activeDocument.querySelectorAll(".vc-transcript-cue").length;
	}
	const view = pg.app.workspace.getLeavesOfType("video-citations-transcript")[0]?.view as FollowView | undefined;
	if (!view) throw new Error("the transcript view did not open");
	if (cues === 0) throw new Error("the transcript view showed no cues: the figure would measure nothing");
	const times: number[] = [];
	for (let i = 0; i < args.runs; i++) {
		const t0 = performance.now();
		view.follow({ video: view.video, seconds: 1 + i * args.step, playing: true, duration: null, rate: 1 }, true);
		// The style and layout the change needs, which the browser would do before the next frame.
		void view.containerEl.getBoundingClientRect();
		void activeDocument.body.offsetHeight;
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return { median: times[times.length >> 1] as number, max: times[times.length - 1] as number, cues };
}
