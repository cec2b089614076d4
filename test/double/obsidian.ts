/**
 * The test double for the `obsidian` module: vitest aliases `obsidian` here, and the playground
 * bundles it as the `obsidian` its `require` hands to the built plugin. Small real classes, typed
 * against `obsidian.d.ts` where the plugin relies on them.
 */
export { Component } from "./component";
export { Events } from "./events";
export type { EventRef } from "./events";
export { TAbstractFile, TFile, TFolder, Vault, MetadataCache, FileManager } from "./vault";
export { View, ItemView, MarkdownView, MarkdownPreviewView, WorkspaceLeaf, WorkspaceTabs, Workspace, WorkspaceWindow, EmptyView } from "./workspace";
export type { NoteMode } from "./workspace";
export { App } from "./app";
export { Plugin, PluginSettingTab } from "./plugin";
export { Notice, Menu, MenuItem, Setting, Modal, getIcon, getIconIds, setIcon, setTooltip } from "./ui";
export { MarkdownRenderChild } from "./markdown";
export { editorInfoField, editorLivePreviewField, editorEditorField, editorEditorField as editorViewField, Editor } from "./editor";
export { debounce, normalizePath, Platform, Keymap, requestUrl, network, sanitizeHTMLToDom, apiVersion, requireApiVersion, Scope } from "./util";
export { parseYaml } from "./yaml";
import { Component } from "./component";
import { renderFragmentWithProcessors } from "./markdown";
import type { App } from "./app";

/** Obsidian's `MarkdownRenderer.render`, running the app's post-processors without section info. */
export const MarkdownRenderer = {
	async render(app: App, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		renderFragmentWithProcessors(markdown, el, sourcePath, app.markdownPostProcessors, component);
	},
};
