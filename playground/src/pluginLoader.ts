import * as obsidian from "../../test/double/obsidian";
import * as cmState from "@codemirror/state";
import * as cmView from "@codemirror/view";
import * as cmCommands from "@codemirror/commands";
import * as cmLanguage from "@codemirror/language";
import type { App, Plugin } from "../../test/double/obsidian";
import type { PluginManifest } from "../../test/double/plugin";

/**
 * The modules Obsidian hands a plugin's `require`: the app's own instances, so the plugin's
 * `StateField`s and the editor's are one and the same, as in Obsidian.
 */
const PROVIDED: Record<string, unknown> = {
	obsidian,
	"@codemirror/state": cmState,
	"@codemirror/view": cmView,
	"@codemirror/commands": cmCommands,
	"@codemirror/language": cmLanguage,
};

/** A plugin class as `main.js` exports it. */
export type PluginClass = new (app: App, manifest: PluginManifest) => Plugin;

type CommonJsWindow = Window & { require?: (id: string) => unknown; module?: { exports: Record<string, unknown> }; exports?: unknown };

/**
 * Evaluates the built `main.js` the way Obsidian loads a plugin: as CommonJS, with a `require`
 * that returns the stand-in for `obsidian` and the shared CodeMirror modules, then returns its
 * default export. Rejects with the reason when the script is missing, throws, or exports no class.
 */
export async function loadBuiltPlugin(win: Window, src = "/main.js"): Promise<PluginClass> {
	const w = win as CommonJsWindow;
	const module = { exports: {} as Record<string, unknown> };
	w.module = module;
	w.exports = module.exports;
	w.require = (id: string) => {
		if (id in PROVIDED) return PROVIDED[id];
		throw new Error(`The playground provides no module "${id}" to plugins (it has: ${Object.keys(PROVIDED).join(", ")}).`);
	};
	const failure: { error: Error | null } = { error: null };
	const onError = (evt: ErrorEvent) => {
		if (!evt.filename.endsWith(src)) return;
		failure.error = evt.error instanceof Error ? evt.error : new Error(`main.js failed to run: ${evt.message}`);
	};
	win.addEventListener("error", onError);
	try {
		await new Promise<void>((done, reject) => {
			const script = win.document.createElement("script");
			script.src = src;
			script.addEventListener("load", () => done());
			script.addEventListener("error", () => reject(new Error(`Could not load ${src}: build the plugin first (npm run build).`)));
			win.document.head.appendChild(script);
		});
	} finally {
		win.removeEventListener("error", onError);
	}
	if (failure.error) throw failure.error;
	const exported = module.exports.default ?? module.exports;
	if (typeof exported !== "function") throw new Error("main.js does not export a plugin class as its default export.");
	return exported as PluginClass;
}
