import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExtractOptions, VideoRef } from "../../src/core";

/**
 * A generated note (test/fixtures/times/, MIT) whose three-field times are minutes:seconds plus a
 * third field: `03:00:39` is 3:00 into a 40-minute video, not 3 hours.
 */
export const LEX_TEXT = readFileSync(join(__dirname, "..", "fixtures", "times", "lexfridman", "andrew_callaghans_approach_to_journalism_and_storytelling.md"), "utf8");

/** The video {@link LEX_TEXT} cites (its frontmatter's `videoId`). */
export const LEX_VIDEO: VideoRef = { kind: "youtube", id: "yEou104m_P0" };

/** A length for that video: 40 minutes. */
export const LEX_LENGTH = 2400;

/**
 * {@link LEX_TEXT} without its `14:00:12`, the one time that cannot be hours: what is left reads
 * either way, so only the video's length can tell.
 */
export const LEX_UNDECIDED = LEX_TEXT.replace('<a class="yt-timestamp" data-t="14:00:12">[14:00:12]</a>', "");

/** `03:00:39` read as minutes:seconds, as it must be in a 40-minute video. */
export const THREE_MINUTES = 180;

/** What `extractCitations` was asked: each text and the options it was given. */
export interface ExtractionCall {
	text: string;
	options: ExtractOptions | undefined;
}

/** The options of every extraction of `text` among `calls`. */
export function optionsFor(calls: readonly ExtractionCall[], text: string): (ExtractOptions | undefined)[] {
	return calls.filter((c) => c.text === text).map((c) => c.options);
}

/**
 * Core's extraction module with `extractCitations` recording each call in `calls.list` (which a
 * test may replace to start afresh): what a test's `vi.mock("../../src/core/extract", …)` returns,
 * to see which texts were read with which options.
 */
export function recordingExtraction(real: typeof import("../../src/core/extract"), calls: { list: ExtractionCall[] }): typeof import("../../src/core/extract") {
	return {
		...real,
		extractCitations: (text: string, options?: ExtractOptions) => {
			calls.list.push({ text, options });
			return real.extractCitations(text, options);
		},
	};
}
