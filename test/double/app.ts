import type { Extension } from "@codemirror/state";
import { Vault, MetadataCache, FileManager } from "./vault";
import { Workspace, type AppLike, type View, type WorkspaceLeaf, MarkdownView } from "./workspace";
import type { PostProcessor } from "./markdown";

/** A command as plugins register it. */
export interface Command {
	id: string;
	name: string;
	icon?: string;
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: unknown, ctx: unknown) => unknown;
	editorCheckCallback?: (checking: boolean, editor: unknown, ctx: unknown) => boolean | void;
	hotkeys?: unknown[];
}

/** The command registry, with `execute` for tests. */
export class Commands {
	commands = new Map<string, Command>();
	constructor(private app: App) {}

	/** Runs a command as the palette would; returns false when it is not available now. */
	execute(id: string): boolean {
		const cmd = this.commands.get(id);
		if (!cmd) throw new Error(`No command ${id}; have ${[...this.commands.keys()].join(", ")}`);
		const view = this.app.workspace.getActiveViewOfType(MarkdownView);
		if (cmd.editorCheckCallback) {
			if (!view) return false;
			if (!cmd.editorCheckCallback(true, view.editor, view)) return false;
			cmd.editorCheckCallback(false, view.editor, view);
			return true;
		}
		if (cmd.editorCallback) {
			if (!view) return false;
			void cmd.editorCallback(view.editor, view);
			return true;
		}
		if (cmd.checkCallback) {
			if (!cmd.checkCallback(true)) return false;
			cmd.checkCallback(false);
			return true;
		}
		void cmd.callback?.();
		return true;
	}

	/** Whether a command would run now. */
	isAvailable(id: string): boolean {
		const cmd = this.commands.get(id);
		if (!cmd) return false;
		const view = this.app.workspace.getActiveViewOfType(MarkdownView);
		if (cmd.editorCheckCallback) return !!view && !!cmd.editorCheckCallback(true, view.editor, view);
		if (cmd.editorCallback) return !!view;
		if (cmd.checkCallback) return !!cmd.checkCallback(true);
		return true;
	}
}

/** Obsidian's `App` with an in-memory vault and a DOM workspace. */
export class App implements AppLike {
	vault: Vault;
	metadataCache: MetadataCache;
	workspace: Workspace;
	fileManager: FileManager;
	commands: Commands;
	viewRegistry = new Map<string, (leaf: WorkspaceLeaf) => View>();
	markdownPostProcessors: PostProcessor[] = [];
	editorExtensions: Extension[] = [];
	/**
	 * Obsidian's own editor features, below the plugins' extensions in every note's editor. The
	 * double has none; the playground puts its markdown language and Live Preview rendering here.
	 */
	coreEditorExtensions: Extension[] = [];
	/** Saved plugin data by plugin id (what `loadData` returns). */
	pluginData = new Map<string, unknown>();
	/** Settings tabs added by plugins. */
	settingTabs: unknown[] = [];
	private localStorage = new Map<string, unknown>();

	constructor(doc: Document = activeDocument) {
		this.vault = new Vault();
		this.metadataCache = new MetadataCache(this.vault);
		this.workspace = new Workspace(this, doc);
		this.fileManager = new FileManager(this.vault);
		this.commands = new Commands(this);
	}

	loadLocalStorage(key: string): unknown {
		return this.localStorage.get(key) ?? null;
	}

	saveLocalStorage(key: string, data: unknown): void {
		if (data === null || data === undefined) this.localStorage.delete(key);
		else this.localStorage.set(key, data);
	}
}
