import { Notice, Plugin } from "obsidian";
import { NoteVideos } from "./notes/noteVideo";
import { vaultAttachments } from "./obsidian/attachments";
import { activeWindowClipboard } from "./obsidian/clipboard";
import { vaultNoteText } from "./obsidian/noteText";
import { vaultMetadata } from "./obsidian/vaultMetadata";
import { DURATIONS_KEY, VideoDurations } from "./notes/videoDurations";
import { TITLES_KEY, VideoTitles } from "./notes/videoTitles";
import { registerPlayer } from "./player";
import { grabFrame } from "./player/frameCapture";
import { registerCommands } from "./commands";
import { registerReadingView } from "./reading";
import { registerEditor } from "./editor";
import { registerCitationsPanel } from "./views";
import { registerCitationIndex } from "./vault";
import { registerTools } from "./tools";
import { LANGUAGES_KEY, registerTranscripts } from "./transcripts";
import { registerTranscriptView } from "./views/transcript";
import { CitationCues, registerCitationPopover } from "./popover";
import type { PluginServices } from "./services";
import { PluginData } from "./settings/pluginData";
import { SettingsStore } from "./settings/store";
import { VideoCitationsSettingTab } from "./settings/SettingsTab";
import type { VideoCitationsSettings } from "./settings/settings";

/** Video Citations: wiring only. Each feature lives in its own folder and gets narrow services. */
export default class VideoCitationsPlugin extends Plugin {
	/** The data file: the settings at its top level, the videos' lengths and titles under their own keys. */
	private data = new PluginData({ load: () => this.loadData(), save: (data) => this.saveData(data) });
	private settingsStore = new SettingsStore(this.data.settings);

	/** The current settings, kept in step with the store (Obsidian's settings API reads them here). */
	override settings: Readonly<VideoCitationsSettings> = this.settingsStore.current;

	override async onload(): Promise<void> {
		const rejected = await this.settingsStore.load();
		this.settings = this.settingsStore.current;
		this.register(this.settingsStore.onChange((s) => (this.settings = s)));
		if (rejected.length > 0) {
			new Notice(`Video Citations: some saved settings could not be read and use their defaults (${rejected.join(", ")}).`);
		}

		const metadata = vaultMetadata(this.app);
		const notes = new NoteVideos(metadata);
		const durations = new VideoDurations(this.data.section(DURATIONS_KEY));
		const names = new VideoTitles(this.data.section(TITLES_KEY), metadata, notes);
		await Promise.all([durations.load(), names.load()]);
		this.register(() => durations.flush());
		this.register(() => names.flush());
		const playback = registerPlayer(this, { settings: this.settingsStore, notes, durations, titles: names });
		const clipboard = activeWindowClipboard();
		const noteText = vaultNoteText(this.app.workspace, this.app.vault);
		const capture = { attachments: vaultAttachments(this.app), grab: grabFrame };
		registerCommands(this, { playback, settings: this.settingsStore, notes, durations, clipboard, noteText, capture, captureButtons: playback });
		const services: PluginServices = {
			settings: this.settingsStore,
			playback,
			notes,
			durations,
			names,
			openExternal: (url) => window.open(url, "_blank", "noopener"),
			clipboard,
			noteText,
		};
		registerReadingView(this, services);
		registerEditor(this, services);
		const tools = registerTools(this, services);
		const transcripts = await registerTranscripts(this, this.data.section(LANGUAGES_KEY), this.settingsStore);
		const cues = new CitationCues(transcripts, (path) => notes.videoFor(path));
		registerCitationsPanel(this, services, registerCitationIndex(this, services), tools, cues);
		registerTranscriptView(this, services, transcripts);
		registerCitationPopover(this, services, cues);
		this.addSettingTab(new VideoCitationsSettingTab(this.app, this, this.settingsStore));
	}
}
