import { describe, expect, it, vi } from "vitest";
import type { VideoRef } from "../../src/core";
import { citationJumpCommands } from "../../src/commands/citationJumps";
import type { CommandContext, PlaybackControls } from "../../src/commands/context";
import type { PlayerControls } from "../../src/player/types";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { memoryDurations } from "../helpers/durations";
import { settle } from "../helpers/plugin";
import { LEX_LENGTH, LEX_UNDECIDED, LEX_VIDEO, optionsFor, type ExtractionCall } from "../helpers/videoLength";

const calls = vi.hoisted(() => ({ list: [] as ExtractionCall[] }));

vi.mock("../../src/core/extract", async (importOriginal) => (await import("../helpers/videoLength")).recordingExtraction(await importOriginal(), calls));

/** The jump commands over a player at 1:40 of the lexfridman video, its note active. */
function jumps() {
	const { durations } = memoryDurations();
	const seeks: number[] = [];
	const player = {
		state: { video: LEX_VIDEO, seconds: 100, playing: true, duration: null, rate: 1 },
		isReady: true,
		isDeferred: false,
		info: { sourcePath: "lex.md" },
		seek: (_video: VideoRef, seconds: number) => seeks.push(seconds),
	} as unknown as PlayerControls;
	const ctx: CommandContext = {
		playback: { controlsFor: () => player } as unknown as PlaybackControls,
		settings: { current: { ...DEFAULT_SETTINGS }, onChange: () => () => {} },
		notes: { videoFor: () => LEX_VIDEO, videoFromFrontmatter: () => LEX_VIDEO, linkedVideo: (ref) => ref },
		durations,
		activeNote: { path: () => "lex.md", text: async () => LEX_UNDECIDED },
		clipboard: { writeText: async () => {} },
		notify: () => {},
	};
	const next = citationJumpCommands(ctx).find((c) => c.id === "next-citation");
	const run = async () => {
		next?.checkCallback?.(false);
		await settle();
	};
	return { durations, seeks, run };
}

describe("citation jumps: the note read against its video's length", () => {
	it("read the note with the length of its video once known", async () => {
		const { durations, run } = jumps();
		calls.list = [];
		await run();
		expect(optionsFor(calls.list, LEX_UNDECIDED)).toEqual([{}]);
		durations.record(LEX_VIDEO, LEX_LENGTH);
		calls.list = [];
		await run();
		expect(optionsFor(calls.list, LEX_UNDECIDED)).toEqual([{ duration: LEX_LENGTH }]);
	});

	// Waits on core reading times against the duration (src/core/extract.ts).
	it("the lexfridman note: from 1:40, the next citation is 2:32 of the 40-minute video, not an hour later (waits on core using the duration)", async () => {
		const { durations, seeks, run } = jumps();
		durations.record(LEX_VIDEO, LEX_LENGTH);
		await run();
		expect(seeks).toEqual([152]);
	});
});
