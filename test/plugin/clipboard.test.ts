import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App, Notice } from "../double/obsidian";
import { loadPlugin, settle } from "../helpers/plugin";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { installFakeYouTube, lastYTPlayer, removeFakeYouTube } from "../player/fakeYouTube";

/** A clipboard that keeps what was written. */
function recordingClipboard(): { written: string[]; writeText(text: string): Promise<void> } {
	const written: string[] = [];
	return { written, writeText: (text) => Promise.resolve(void written.push(text)) };
}

type Globals = { activeWindow: Window };

/**
 * Copies go to the clipboard of the window the command ran in: a pop-out window has its own
 * `navigator`, and a browser refuses clipboard writes from a document that does not have focus.
 * The main window's clipboard and a pop-out's (`activeWindow` while the command runs) are told
 * apart here.
 */
describe("clipboard writes in a pop-out window", () => {
	const globals = globalThis as unknown as Globals;
	const mainWindow = globals.activeWindow;
	const main = recordingClipboard();
	const popout = recordingClipboard();

	beforeEach(() => {
		installFakeYouTube();
		main.written.length = 0;
		popout.written.length = 0;
		Object.defineProperty(window.navigator, "clipboard", { value: main, configurable: true });
	});

	afterEach(() => {
		globals.activeWindow = mainWindow;
		Reflect.deleteProperty(window.navigator, "clipboard");
		removeFakeYouTube();
	});

	/** Runs the command `id` with the pop-out window active, until its copy has settled. */
	async function runInPopout(app: App, id: string): Promise<boolean> {
		globals.activeWindow = { navigator: { clipboard: popout } } as unknown as Window;
		try {
			const ran = app.commands.execute(`video-citations:${id}`);
			await settle();
			return ran;
		} finally {
			globals.activeWindow = mainWindow;
		}
	}

	it("copy link to the current moment writes to the pop-out's clipboard", async () => {
		const { app } = await loadPlugin();
		await app.workspace.openNote(app.vault.seed(SEED_PATH, corpusNote(SEED_PATH)), "live");
		expect(app.commands.execute("video-citations:open-player")).toBe(true);
		await settle();
		lastYTPlayer().ready();
		expect(await runInPopout(app, "copy-moment-link")).toBe(true);
		expect(popout.written).toEqual(["https://www.youtube.com/watch?v=aXGo1o_baBo"]);
		expect(main.written).toEqual([]);
		expect(Notice.shown).toEqual(["Copied a link to 0:00."]);
	});

	it("copy citations writes to the pop-out's clipboard", async () => {
		const { app } = await loadPlugin();
		await app.workspace.openNote(app.vault.seed("n.md", 'A claim <a class="yt-timestamp" data-t="00:00:24">[00:00:24]</a>.\n'), "live");
		expect(await runInPopout(app, "copy-citations-chapters")).toBe(true);
		expect(popout.written).toEqual(["00:00:00 Start\n00:00:24 A claim"]);
		expect(main.written).toEqual([]);
	});
});
