import { beforeEach, describe, expect, it, vi } from "vitest";
import { Modal } from "../double/obsidian";
import { settle } from "../helpers/plugin";
import { LEX_LENGTH, LEX_UNDECIDED, LEX_VIDEO, optionsFor, type ExtractionCall } from "../helpers/videoLength";
import { answer, toolsApp } from "./harness";

const calls = vi.hoisted(() => ({ list: [] as ExtractionCall[] }));

vi.mock("../../src/core/extract", async (importOriginal) => (await import("../helpers/videoLength")).recordingExtraction(await importOriginal(), calls));

beforeEach(() => {
	Modal.open = [];
});

describe("note tools: the note's times read against its video's length", () => {
	it("copying citations and converting them to links read the note with the length once known", async () => {
		const tools = toolsApp({ "lex.md": LEX_UNDECIDED });
		await tools.open("lex.md");
		tools.durations.record(LEX_VIDEO, LEX_LENGTH);
		calls.list = [];
		tools.run("copy-citations-csv");
		await settle();
		expect(optionsFor(calls.list, LEX_UNDECIDED)).toEqual([{ duration: LEX_LENGTH }]);

		calls.list = [];
		tools.run("convert-timestamps-to-links");
		await settle();
		await answer("Convert");
		// Planned when asked, and again when confirmed (whether the command is offered only counts citations).
		expect(optionsFor(calls.list, LEX_UNDECIDED).filter((o) => o !== undefined)).toEqual([{ duration: LEX_LENGTH }, { duration: LEX_LENGTH }]);
	});

	// Waits on core reading times against the duration (src/core/extract.ts).
	it("the lexfridman note converted to links: 03:00:39 links to 3:00 of its 40-minute video (waits on core using the duration)", async () => {
		const tools = toolsApp({ "lex.md": LEX_UNDECIDED });
		await tools.open("lex.md");
		tools.durations.record(LEX_VIDEO, LEX_LENGTH);
		tools.run("convert-timestamps-to-links");
		await settle();
		await answer("Convert");
		expect(tools.app.workspace.activeEditor?.editor.getValue()).toContain("[3:00](https://youtu.be/yEou104m_P0?t=180)");
	});
});
