import { MarkdownView, type Plugin } from "obsidian";
import type { PluginServices } from "../services";
import { LiveSections } from "./liveSections";
import { rerenderNotesOfVideo } from "./rerenderVideo";
import { seekLinkProcessor } from "./seekLinks";
import { SourceCitations } from "./sourceCitations";

/**
 * Registers the reading-view post-processor that turns citations (`yt-timestamp` elements and
 * moment links) into seek links,
 * and the one playback subscription that marks the link being played in every rendered note.
 * When a video's length becomes known or changes, the open notes of that video are rendered again.
 * Unloading the plugin releases every rendered section's listeners and decorations.
 */
export function registerReadingView(plugin: Plugin, services: PluginServices): void {
	const citations = new SourceCitations(() => services.settings.current.otherForms);
	const registry = new LiveSections(services.playback);
	plugin.register(registry.start());
	plugin.register(() => citations.clear());
	plugin.registerMarkdownPostProcessor(seekLinkProcessor({ services, citations, registry }));
	// Reading other plugins' forms or not: every open note is rendered again with the setting.
	let otherForms = services.settings.current.otherForms;
	plugin.register(
		services.settings.onChange((current) => {
			if (current.otherForms === otherForms) return;
			otherForms = current.otherForms;
			plugin.app.workspace.iterateAllLeaves((leaf) => {
				if (leaf.view instanceof MarkdownView) leaf.view.previewMode.rerender(true);
			});
		}),
	);
	plugin.register(services.durations.onChange((key, previous) => rerenderNotesOfVideo(plugin.app.workspace, services.notes, services.durations, (text, duration) => citations.of(text, duration), key, previous)));
}
