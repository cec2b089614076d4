import { Events } from "./events";
import { parseYaml, splitFrontmatter } from "./yaml";

/** A file or folder in the in-memory vault. */
export abstract class TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
}

/** An in-memory file; `basename` and `extension` follow `path`. */
export class TFile extends TAbstractFile {
	stat = { ctime: 0, mtime: 0, size: 0 };
	get basename(): string {
		const dot = this.name.lastIndexOf(".");
		return dot > 0 ? this.name.slice(0, dot) : this.name;
	}
	get extension(): string {
		const dot = this.name.lastIndexOf(".");
		return dot > 0 ? this.name.slice(dot + 1) : "";
	}
}

/** A folder; the double keeps a flat file map, so children are computed on demand. */
export class TFolder extends TAbstractFile {
	get children(): TAbstractFile[] {
		const prefix = this.path === "/" || this.path === "" ? "" : this.path + "/";
		return this.vault.getFiles().filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes("/"));
	}
	isRoot(): boolean {
		return this.path === "/" || this.path === "";
	}
}

function baseName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * An in-memory `Vault` holding text (and, for media, a resource URL). Fires `create`, `modify`,
 * `delete` and `rename` like Obsidian, and counts writes so tests can prove nothing was written.
 */
/**
 * Obsidian's `DataAdapter`, for the files outside the vault's notes (the config folder, where a
 * plugin keeps its own files): kept in memory, folders made by `mkdir` as on disk.
 */
export class DataAdapter {
	/** Every file written, by path (tests read them). */
	readonly files = new Map<string, string>();
	readonly folders = new Set<string>();

	async exists(path: string): Promise<boolean> {
		return this.files.has(path) || this.folders.has(path);
	}

	async read(path: string): Promise<string> {
		const text = this.files.get(path);
		if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
		return text;
	}

	async write(path: string, data: string): Promise<void> {
		const folder = path.slice(0, path.lastIndexOf("/"));
		// As on disk: writing into a folder that was never made fails.
		if (folder && !this.folders.has(folder)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
		this.files.set(path, data);
	}

	async mkdir(path: string): Promise<void> {
		const parts = path.split("/");
		for (let i = 1; i <= parts.length; i++) this.folders.add(parts.slice(0, i).join("/"));
	}
}

export class Vault extends Events {
	configDir = ".obsidian";
	/** The files outside the notes: the config folder and plugins' own files. */
	adapter = new DataAdapter();
	/** Every write made through the vault, for "the plugin never writes" checks. */
	writes: { path: string; kind: "modify" | "process" | "create" }[] = [];
	private files = new Map<string, { file: TFile; text: string }>();
	/** Maps a vault path to the URL the page can load it from (the playground's server). */
	resourceBase = "app://local/";

	getName(): string {
		return "Test vault";
	}

	/** Test helper: adds or replaces a file without counting it as a write by the plugin. */
	seed(path: string, text = ""): TFile {
		const existing = this.files.get(path);
		if (existing) {
			existing.text = text;
			return existing.file;
		}
		const file = new TFile();
		file.vault = this;
		file.path = path;
		file.name = baseName(path);
		file.stat = { ctime: Date.now(), mtime: Date.now(), size: text.length };
		this.files.set(path, { file, text });
		return file;
	}

	getFiles(): TFile[] {
		return [...this.files.values()].map((e) => e.file);
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(path)?.file ?? null;
	}

	getFileByPath(path: string): TFile | null {
		return this.files.get(path)?.file ?? null;
	}

	async read(file: TFile): Promise<string> {
		return this.readSync(file);
	}

	async cachedRead(file: TFile): Promise<string> {
		return this.readSync(file);
	}

	/** Test helper: the current text of a file. */
	readSync(file: TFile | string): string {
		const path = typeof file === "string" ? file : file.path;
		const entry = this.files.get(path);
		if (!entry) throw new Error(`File not found: ${path}`);
		return entry.text;
	}

	async create(path: string, data: string): Promise<TFile> {
		if (this.files.has(path)) throw new Error("File already exists.");
		const file = this.seed(path, data);
		this.writes.push({ path, kind: "create" });
		this.trigger("create", file);
		return file;
	}

	/** Binary files written with {@link createBinary}, by path (their text is empty). */
	binaries = new Map<string, ArrayBuffer>();

	async createBinary(path: string, data: ArrayBuffer): Promise<TFile> {
		if (this.files.has(path)) throw new Error("File already exists.");
		const file = this.seed(path, "");
		this.binaries.set(path, data);
		this.writes.push({ path, kind: "create" });
		this.trigger("create", file);
		return file;
	}

	async modify(file: TFile, data: string): Promise<void> {
		this.setText(file, data);
		this.writes.push({ path: file.path, kind: "modify" });
		this.trigger("modify", file);
	}

	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const next = fn(this.readSync(file));
		this.setText(file, next);
		this.writes.push({ path: file.path, kind: "process" });
		this.trigger("modify", file);
		return next;
	}

	/** Test helper: changes a file as an outside edit (another device, another plugin) would. */
	externalModify(file: TFile, data: string): void {
		this.setText(file, data);
		this.trigger("modify", file);
	}

	/** The editor saving what the user typed: a change, but not a write by the plugin. */
	saveFromEditor(file: TFile, data: string): void {
		this.setText(file, data);
		this.trigger("modify", file);
	}

	/** Test helper: renames a file and fires `rename` with the old path. */
	rename(file: TFile, newPath: string): void {
		const entry = this.files.get(file.path);
		if (!entry) return;
		const oldPath = file.path;
		this.files.delete(oldPath);
		file.path = newPath;
		file.name = baseName(newPath);
		this.files.set(newPath, entry);
		this.trigger("rename", file, oldPath);
	}

	/** Test helper: deletes a file and fires `delete`. */
	remove(file: TFile): void {
		if (!this.files.delete(file.path)) return;
		this.trigger("delete", file);
	}

	getResourcePath(file: TFile): string {
		return this.resourceBase + file.path.split("/").map(encodeURIComponent).join("/");
	}

	private setText(file: TFile, data: string): void {
		const entry = this.files.get(file.path);
		if (!entry) throw new Error(`File not found: ${file.path}`);
		entry.text = data;
		file.stat = { ...file.stat, mtime: Date.now(), size: data.length };
	}
}

/** `CachedMetadata` as far as the plugin reads it: the frontmatter and its position. */
export interface CachedMetadata {
	frontmatter?: Record<string, unknown>;
	frontmatterPosition?: { start: { line: number; col: number; offset: number }; end: { line: number; col: number; offset: number } };
}

/**
 * `MetadataCache` computed from the double's vault text on demand, firing `changed` after a
 * modify as Obsidian does once it has re-parsed a file.
 */
export class MetadataCache extends Events {
	constructor(private vault: Vault) {
		super();
		vault.on("modify", (file: TFile) => {
			this.trigger("changed", file, vault.readSync(file), this.getFileCache(file));
		});
		vault.on("rename", (file: TFile, oldPath: string) => this.trigger("rename", file, oldPath));
		vault.on("delete", (file: TFile) => this.trigger("deleted", file, null));
	}

	getFileCache(file: TFile): CachedMetadata | null {
		if (!this.vault.getFileByPath(file.path)) return null;
		if (file.extension !== "md") return {};
		const text = this.vault.readSync(file);
		const fm = splitFrontmatter(text);
		if (fm.yaml === null) return {};
		try {
			return {
				frontmatter: parseYaml(fm.yaml),
				frontmatterPosition: {
					start: { line: 0, col: 0, offset: 0 },
					end: { line: fm.endLine, col: 3, offset: fm.bodyStart },
				},
			};
		} catch {
			return {};
		}
	}

	getCache(path: string): CachedMetadata | null {
		const file = this.vault.getFileByPath(path);
		return file ? this.getFileCache(file) : null;
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const direct = this.vault.getFileByPath(linkpath);
		if (direct) return direct;
		const name = linkpath.includes(".") ? linkpath : `${linkpath}.md`;
		return this.vault.getFiles().find((f) => f.path === name || f.name === name || f.path.endsWith("/" + name)) ?? null;
	}

	fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
		return omitMdExtension && file.extension === "md" ? file.basename : file.name;
	}
}

/** `FileManager` for the few calls plugins make. */
export class FileManager {
	/** Test helper: the attachment folder the user set ("" is the vault's root). */
	attachmentFolder = "";

	constructor(private vault: Vault) {}

	/** A free path for `filename` in the attachment folder, deduped as Obsidian does ("name 1.png"). */
	async getAvailablePathForAttachment(filename: string, _sourcePath?: string): Promise<string> {
		const dot = filename.lastIndexOf(".");
		const base = dot > 0 ? filename.slice(0, dot) : filename;
		const ext = dot > 0 ? filename.slice(dot) : "";
		const folder = this.attachmentFolder ? `${this.attachmentFolder}/` : "";
		for (let i = 0; ; i++) {
			const path = `${folder}${base}${i === 0 ? "" : ` ${i}`}${ext}`;
			if (!this.vault.getAbstractFileByPath(path)) return path;
		}
	}

	async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
		const text = this.vault.readSync(file);
		const fm = splitFrontmatter(text);
		const data = fm.yaml === null ? {} : parseYaml(fm.yaml);
		fn(data);
		const yaml = Object.entries(data)
			.map(([k, v]) => `${k}: ${String(v)}`)
			.join("\n");
		await this.vault.modify(file, `---\n${yaml}\n---\n${text.slice(fm.bodyStart)}`);
	}
}

