import { App, Component, Notice } from "../double/obsidian";
import VideoCitationsPlugin from "../../src/main";
import manifest from "../../manifest.json";

/** A fresh app (the double) and the plugin constructed on it, not yet loaded. */
export function makePlugin(app = new App()): { app: App; plugin: VideoCitationsPlugin } {
	const plugin = new VideoCitationsPlugin(app as never, manifest);
	return { app, plugin };
}

/** Loads the plugin the way Obsidian does and waits for its async `onload` and layout-ready work. */
export async function loadPlugin(app = new App()): Promise<{ app: App; plugin: VideoCitationsPlugin }> {
	const made = makePlugin(app);
	made.plugin.load();
	await settle();
	app.workspace.triggerLayoutReady();
	await settle();
	return made;
}

/** Lets pending promises and zero-delay timers run. */
export async function settle(rounds = 3): Promise<void> {
	for (let i = 0; i < rounds; i++) await new Promise((resolve) => window.setTimeout(resolve, 0));
}

/** What the app holds that a plugin could have left behind, for before/after comparisons. */
export function footprint(app: App) {
	return {
		commands: app.commands.commands.size,
		views: app.viewRegistry.size,
		postProcessors: app.markdownPostProcessors.length,
		editorExtensions: app.editorExtensions.length,
		settingTabs: app.settingTabs.length,
		ribbon: app.workspace.leftRibbon.containerEl.childElementCount,
		domListeners: Component.liveDomListeners,
		intervals: Component.liveIntervals,
		vaultHandlers: app.vault.listenerCount(),
		metadataHandlers: app.metadataCache.listenerCount(),
		workspaceHandlers: app.workspace.listenerCount(),
		bodyNodes: activeDocument.body.getElementsByTagName("*").length,
		notices: Notice.shown.length,
	};
}
