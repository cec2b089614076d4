/**
 * The transcript figures: reading a 3-hour file of auto-generated captions (generated here, with
 * YouTube's rolling duplicates and word times) against a bare split of the same text into lines,
 * and finding the cue at a moment as playback moves.
 */
import { parseTranscript, playingIndex } from "../src/core";
import { figure, median, timePair, type Figure } from "./measure";

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

/** Measures the transcript figures. */
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

	// Following playback: the poller reports the time every 250 ms; each report finds the cue at
	// that moment (a binary search over the cues' starts) and moves the mark when it changed.
	const starts = parsed.cues.map((c) => c.start);
	const duration = 3 * 3600;
	let current = -1;
	const follow = (t: number) => {
		const i = playingIndex(starts, t);
		if (i !== current) current = i;
		sink += current;
	};
	const samples: number[] = [];
	for (let run = 0; run < 40; run++) {
		const t0 = performance.now();
		for (let k = 0; k < 1000; k++) follow(((run * 1000 + k) * 7.919) % duration);
		samples.push((performance.now() - t0) / 1000);
	}
	figures.push(figure("transcript.follow_ms", median(samples), "ms", 2, `finding the cue at a moment among ${starts.length.toLocaleString()} cues (median of 1,000 updates)`));
	if (sink === -1) console.debug(sink);
	return figures;
}
