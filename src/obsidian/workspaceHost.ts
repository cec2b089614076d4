import { MarkdownView, Notice, Platform, type Vault, type Workspace, type WorkspaceLeaf } from "obsidian";
import type { SettingsSource } from "../settings/store";
import type { PlayerHost } from "../player/host";
import { PLAYER_VIEW_TYPE, PlayerView } from "../player/PlayerView";

/** The open player views, found fresh every time (no view is ever kept on the plugin). */
export function playerLeaves(workspace: Workspace): WorkspaceLeaf[] {
	return workspace.getLeavesOfType(PLAYER_VIEW_TYPE);
}

/**
 * Opens the player view where `settings.playerLocation` says (right sidebar, a split beside the
 * note, or a new window; the sidebar on phones, which have no windows or splits to spare), or
 * reveals the one already open. In the sidebar it gets a tab group of its own (a split below the
 * others), so the citations panel and the transcript, tabs of another group, never hide it.
 * Never makes it the active leaf: typing stays in the note.
 */
export async function openPlayerLeaf(workspace: Workspace, settings: SettingsSource): Promise<WorkspaceLeaf> {
	const existing = playerLeaves(workspace)[0];
	if (existing) {
		await existing.loadIfDeferred();
		await workspace.revealLeaf(existing);
		return existing;
	}
	const location = Platform.isMobile ? "right" : settings.current.playerLocation;
	if (location === "right") return workspace.ensureSideLeaf(PLAYER_VIEW_TYPE, "right", { active: false, split: true, reveal: true });
	const leaf = workspace.getLeaf(location === "window" ? "window" : "split");
	await leaf.setViewState({ type: PLAYER_VIEW_TYPE, active: false });
	await workspace.revealLeaf(leaf);
	return leaf;
}

/**
 * Opens a view of `type` as a tab of the right sidebar and shows it, or shows the one already open.
 * A new tab goes into the sidebar's last tab group, as `ensureSideLeaf` would put it, unless that
 * group is the player's: then it starts a group of its own below, so the player stays in sight.
 */
export async function openSideTab(workspace: Workspace, type: string): Promise<WorkspaceLeaf> {
	const existing = workspace.getLeavesOfType(type)[0];
	if (existing) return workspace.ensureSideLeaf(type, "right", { active: true, reveal: true });
	let leaf = workspace.getRightLeaf(false);
	const player = playerLeaves(workspace)[0];
	if (leaf && player && leaf.parent === player.parent) {
		leaf.detach();
		leaf = workspace.getRightLeaf(true);
	}
	if (!leaf) return workspace.ensureSideLeaf(type, "right", { active: true, reveal: true });
	await leaf.setViewState({ type, active: true });
	await workspace.revealLeaf(leaf);
	return leaf;
}

/** The controller's link to the workspace: opening and revealing the player, notices, the browser. */
export function workspacePlayerHost(workspace: Workspace, settings: SettingsSource): PlayerHost {
	return {
		openPlayerView: async () => {
			await openPlayerLeaf(workspace, settings);
		},
		revealPlayerView: async () => {
			const leaf = playerLeaves(workspace).find((l) => l.view instanceof PlayerView);
			if (leaf) await workspace.revealLeaf(leaf);
		},
		notify: (message) => {
			new Notice(message);
		},
		openExternal: (url) => {
			window.open(url, "_blank", "noopener");
		},
	};
}

/** Shows the note a video was played from: its open tab when there is one, else in the current tab. */
export function showNote(workspace: Workspace, vault: Vault, path: string): void {
	const file = vault.getFileByPath(path);
	if (!file) {
		new Notice(`The note "${path}" is no longer in the vault.`);
		return;
	}
	const open = workspace.getLeavesOfType("markdown").find((l) => l.view instanceof MarkdownView && l.view.file?.path === path);
	if (open) workspace.setActiveLeaf(open, { focus: true });
	else void workspace.getLeaf(false).openFile(file);
}
