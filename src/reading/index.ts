import type { Plugin } from "obsidian";
import type { PluginServices } from "../services";
import { LiveSections } from "./liveSections";
import { rerenderNotesOfVideo } from "./rerenderVideo";
import { seekLinkProcessor } from "./seekLinks";
import { SourceCitations } from "./sourceCitations";

/**
 * Registers the reading-view post-processor that turns `yt-timestamp` elements into seek links,
 * and the one playback subscription that marks the link being played in every rendered note.
 * When a video's length becomes known or changes, the open notes of that video are rendered again.
 * Unloading the plugin releases every rendered section's listeners and decorations.
 */
export function registerReadingView(plugin: Plugin, services: PluginServices): void {
	const citations = new SourceCitations();
	const registry = new LiveSections(services.playback);
	plugin.register(registry.start());
	plugin.register(() => citations.clear());
	plugin.registerMarkdownPostProcessor(seekLinkProcessor({ services, citations, registry }));
	plugin.register(services.durations.onChange((key, previous) => rerenderNotesOfVideo(plugin.app.workspace, services.notes, services.durations, (text, duration) => citations.of(text, duration), key, previous)));
}
