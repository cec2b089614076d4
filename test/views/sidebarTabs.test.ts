import { describe, expect, it } from "vitest";
import type { App, WorkspaceLeaf } from "../double/obsidian";
import { loadPlugin, settle } from "../helpers/plugin";
import { openPlayerLeaf } from "../../src/obsidian/workspaceHost";
import { PLAYER_VIEW_TYPE } from "../../src/player/PlayerView";
import { VIEW_TYPE_CITATIONS } from "../../src/views";
import { VIEW_TYPE_TRANSCRIPT } from "../../src/views/transcript";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";

function leafOf(app: App, type: string): WorkspaceLeaf {
	const leaf = app.workspace.getLeavesOfType(type)[0];
	if (!leaf) throw new Error(`no ${type} leaf`);
	return leaf;
}

const rightSidebar = { current: { ...DEFAULT_SETTINGS, playerLocation: "right" as const }, onChange: () => () => {} };

async function run(app: App, id: string): Promise<void> {
	expect(app.commands.execute(`video-citations:${id}`)).toBe(true);
	await settle();
}

describe("where the side views open in the right sidebar", () => {
	it("the player gets a tab group of its own; the panel and the transcript are two tabs of another, the one opened last in front", async () => {
		const { app } = await loadPlugin();
		await openPlayerLeaf(app.workspace as never, rightSidebar);
		await run(app, "open-citations-panel");
		await run(app, "show-transcript");
		const player = leafOf(app, PLAYER_VIEW_TYPE);
		const panel = leafOf(app, VIEW_TYPE_CITATIONS);
		const transcript = leafOf(app, VIEW_TYPE_TRANSCRIPT);
		expect(app.workspace.rightSplit.children.map((tabs) => tabs.children)).toEqual([[player], [panel, transcript]]);
		expect(player.parent?.currentLeaf).toBe(player);
		expect(transcript.parent?.currentLeaf).toBe(transcript);
		await run(app, "open-citations-panel");
		expect(panel.parent?.currentLeaf).toBe(panel);
		expect(player.parent?.currentLeaf).toBe(player);
	});

	it("the player opened after the panel splits the sidebar, and it never takes the panel's place", async () => {
		const { app } = await loadPlugin();
		await run(app, "open-citations-panel");
		await openPlayerLeaf(app.workspace as never, rightSidebar);
		const player = leafOf(app, PLAYER_VIEW_TYPE);
		const panel = leafOf(app, VIEW_TYPE_CITATIONS);
		expect(app.workspace.rightSplit.children.map((tabs) => tabs.children)).toEqual([[panel], [player]]);
		expect(panel.parent?.currentLeaf).toBe(panel);
	});

	it("a panel or transcript opened while the player's group is the sidebar's last starts its own group instead of hiding the player", async () => {
		const { app } = await loadPlugin();
		await openPlayerLeaf(app.workspace as never, rightSidebar);
		await run(app, "show-transcript");
		await run(app, "open-citations-panel");
		const player = leafOf(app, PLAYER_VIEW_TYPE);
		expect(app.workspace.rightSplit.children.map((tabs) => tabs.children)).toEqual([[player], [leafOf(app, VIEW_TYPE_TRANSCRIPT), leafOf(app, VIEW_TYPE_CITATIONS)]]);
		expect(player.parent?.currentLeaf).toBe(player);
		expect(app.workspace.leaves.filter((l) => l.view.getViewType() === "empty")).toEqual([]);
	});
});
