import type { Extension } from "@codemirror/state";
import { Component } from "./component";
import type { App, Command } from "./app";
import type { PostProcessor } from "./markdown";
import type { View, WorkspaceLeaf } from "./workspace";
import { setIcon, setTooltip } from "./ui";

/** The manifest a plugin is constructed with. */
export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	description: string;
	author: string;
	isDesktopOnly?: boolean;
	dir?: string;
}

/**
 * Obsidian's `Plugin`: every `register*`/`add*` call is undone on unload, so tests can check
 * that a plugin leaves nothing behind.
 */
export abstract class Plugin extends Component {
	constructor(public app: App, public manifest: PluginManifest) {
		super();
	}

	async loadData(): Promise<unknown> {
		return structuredClone(this.app.pluginData.get(this.manifest.id) ?? null);
	}

	async saveData(data: unknown): Promise<void> {
		this.app.pluginData.set(this.manifest.id, structuredClone(data));
	}

	addCommand(command: Command): Command {
		const full = { ...command, id: `${this.manifest.id}:${command.id}`, name: `${this.manifest.name}: ${command.name}` };
		this.app.commands.commands.set(full.id, full);
		this.register(() => this.app.commands.commands.delete(full.id));
		return full;
	}

	removeCommand(id: string): void {
		this.app.commands.commands.delete(`${this.manifest.id}:${id}`);
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = this.app.workspace.leftRibbon.containerEl.createDiv({ cls: "side-dock-ribbon-action clickable-icon" });
		setIcon(el, icon);
		setTooltip(el, title);
		el.addEventListener("click", callback);
		this.register(() => el.detach());
		return el;
	}

	addStatusBarItem(): HTMLElement {
		const el = createDiv({ cls: "status-bar-item" });
		this.register(() => el.detach());
		return el;
	}

	addSettingTab(tab: unknown): void {
		this.app.settingTabs.push(tab);
		this.register(() => (this.app.settingTabs = this.app.settingTabs.filter((t) => t !== tab)));
	}

	registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
		this.app.viewRegistry.set(type, creator);
		this.register(() => {
			this.app.viewRegistry.delete(type);
			for (const leaf of this.app.workspace.getLeavesOfType(type)) void leaf._resetToEmpty();
		});
	}

	registerMarkdownPostProcessor(pp: PostProcessor, sortOrder?: number): PostProcessor {
		if (sortOrder !== undefined) pp.sortOrder = sortOrder;
		this.app.markdownPostProcessors.push(pp);
		this.register(() => (this.app.markdownPostProcessors = this.app.markdownPostProcessors.filter((p) => p !== pp)));
		return pp;
	}

	registerEditorExtension(extension: Extension): void {
		this.app.editorExtensions.push(extension);
		this.app.workspace.updateOptions();
		this.register(() => {
			this.app.editorExtensions = this.app.editorExtensions.filter((e) => e !== extension);
			this.app.workspace.updateOptions();
		});
	}

	registerObsidianProtocolHandler(): void {}
	registerHoverLinkSource(): void {}
	registerExtensions(): void {}
	onUserEnable(): void {}
}

/** Obsidian's `PluginSettingTab` with the 1.13 declarative API's value hooks. */
export abstract class PluginSettingTab {
	containerEl: HTMLElement;
	constructor(public app: App, public plugin: Plugin & { settings?: unknown }) {
		this.containerEl = createDiv({ cls: "vertical-tab-content" });
	}
	display(): void {}
	hide(): void {
		this.containerEl.empty();
	}
	update(): void {
		this.display();
	}
	getControlValue(key: string): unknown {
		return (this.plugin.settings as Record<string, unknown> | undefined)?.[key];
	}
	setControlValue(key: string, value: unknown): void | Promise<void> {
		(this.plugin.settings as Record<string, unknown>)[key] = value;
	}
}
