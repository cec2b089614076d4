import type { VideoRef } from "../core";
import type { YouTubeSource } from "./youtubeTranscripts";

/** Where a transcript comes from: a subtitle file in the vault, a web address the note names, or YouTube's captions. */
export type TranscriptSource =
	| { kind: "file"; path: string; language: string | null }
	| { kind: "url"; url: string }
	| YouTubeSource;

/** A source the vault names: a file, or an address the note gives. */
export type VaultSource = Exclude<TranscriptSource, { kind: "youtube" }>;

/** The frontmatter keys a note names its transcript with, in order of precedence. */
export const TRANSCRIPT_KEYS = ["transcript", "subtitles"] as const;

/** The subtitle files the reader reads, by extension. */
export const SUBTITLE_EXTENSIONS = ["vtt", "srt"] as const;

/** What {@link findTranscriptSources} looks at. */
export interface SourceQuery {
	/** The note's frontmatter (`transcript:` or `subtitles:`). */
	frontmatter: Record<string, unknown> | null | undefined;
	/** The note's video, as resolved (a vault file's path is its full path). */
	video: VideoRef | null;
	/** The note's path, for resolving a link. */
	notePath: string;
	/** Every subtitle file of the vault (`.vtt`, `.srt`), by path. */
	subtitleFiles: readonly string[];
	/** The vault path a link resolves to from the note, or `null`. */
	resolveLink(link: string, sourcePath: string): string | null;
}

/** What a note's transcript can be: its sources (one per language), or why there is none. */
export interface SourceChoice {
	/** How the sources were found: named by the note, beside the video file, or by the YouTube id. */
	found: "named" | "sibling" | "youtube-id" | "none";
	sources: VaultSource[];
	/** Set when the note names a transcript that cannot be used (the file is missing, the address is not http). */
	problem?: string;
}

/**
 * A note's transcript sources, in the order the issue gives: a subtitle file (or http(s) address)
 * the note names in `transcript:` or `subtitles:`; subtitle files beside a vault video with its
 * base name (`talk.mp4` → `talk.vtt`, `talk.en.srt`); for YouTube, files named after the video
 * id as download tools write them (`ID.vtt`, `ID.en.vtt`, `Title [ID].en.vtt`). The first kind
 * that finds anything wins; several files are several languages.
 */
export function findTranscriptSources(query: SourceQuery): SourceChoice {
	const named = namedSource(query);
	if (named) return named;
	const { video } = query;
	if (video?.kind === "file") {
		const sources = siblingFiles(video.path, query.subtitleFiles);
		if (sources.length > 0) return { found: "sibling", sources };
	}
	if (video?.kind === "youtube") {
		const sources = youtubeIdFiles(video.id, query.subtitleFiles);
		if (sources.length > 0) return { found: "youtube-id", sources };
	}
	return { found: "none", sources: [] };
}

function namedSource(query: SourceQuery): SourceChoice | null {
	for (const key of TRANSCRIPT_KEYS) {
		const raw = query.frontmatter?.[key];
		const value = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
		if (typeof value !== "string" || value.trim() === "") continue;
		const text = value.trim();
		if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^\[\[/.test(text)) {
			let url: URL | null = null;
			try {
				url = new URL(text);
			} catch {
				url = null;
			}
			if (url && (url.protocol === "https:" || url.protocol === "http:")) return { found: "named", sources: [{ kind: "url", url: url.href }] };
			return { found: "named", sources: [], problem: `The note's "${key}" is not a vault file or an http(s) address: ${text}` };
		}
		const link = linkTarget(text);
		const path = query.resolveLink(link, query.notePath) ?? (query.subtitleFiles.includes(link) ? link : null);
		if (!path) return { found: "named", sources: [], problem: `The note's "${key}" names "${link}", which is not in the vault.` };
		return { found: "named", sources: [{ kind: "file", path, language: null }] };
	}
	return null;
}

/** The file a `[[wikilink|alias]]`, `![[embed]]`, `<path>` or plain path names. */
function linkTarget(text: string): string {
	const wiki = /^!?\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]$/.exec(text);
	if (wiki?.[1]) return wiki[1].trim();
	const angle = /^<(.+)>$/.exec(text);
	return (angle?.[1] ?? text).trim();
}

/** `folder/talk.mp4` → `folder/talk.vtt`, `folder/talk.en.srt`, … (same folder, same base name). */
function siblingFiles(videoPath: string, files: readonly string[]): VaultSource[] {
	const slash = videoPath.lastIndexOf("/");
	const folder = videoPath.slice(0, slash + 1);
	const name = videoPath.slice(slash + 1);
	const dot = name.lastIndexOf(".");
	const base = dot > 0 ? name.slice(0, dot) : name;
	return byLanguage(files, (path) => (path.startsWith(folder) && !path.slice(folder.length).includes("/") ? languageAfter(path.slice(folder.length), base) : undefined));
}

/** `ID.vtt`, `ID.en.vtt`, `Some title [ID].en.srt`, anywhere in the vault. */
function youtubeIdFiles(id: string, files: readonly string[]): VaultSource[] {
	return byLanguage(files, (path) => {
		const name = path.slice(path.lastIndexOf("/") + 1);
		const plain = languageAfter(name, id);
		if (plain !== undefined) return plain;
		const at = name.indexOf(`[${id}]`);
		return at >= 0 ? languageAfter(name.slice(at + 1), `${id}]`) : undefined;
	});
}

/**
 * The language in `name` after `base`: `null` for `base.vtt`, `"en"` for `base.en.vtt`,
 * `undefined` when the name is not `base[.lang].vtt|srt`.
 */
function languageAfter(name: string, base: string): string | null | undefined {
	if (!name.startsWith(base + ".")) return undefined;
	const rest = name.slice(base.length + 1);
	const m = /^(?:([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*(?:\.[A-Za-z-]+)?)\.)?(vtt|srt)$/i.exec(rest);
	if (!m) return undefined;
	return m[1] ?? null;
}

/** One source per language (a `.vtt` before an `.srt` of the same language), no language first. */
function byLanguage(files: readonly string[], language: (path: string) => string | null | undefined): VaultSource[] {
	const chosen = new Map<string, string>();
	for (const path of files) {
		const lang = language(path);
		if (lang === undefined) continue;
		const key = lang ?? "";
		const existing = chosen.get(key);
		if (!existing || (existing.toLowerCase().endsWith(".srt") && path.toLowerCase().endsWith(".vtt"))) chosen.set(key, path);
	}
	return [...chosen.entries()]
		.sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)))
		.map(([lang, path]) => ({ kind: "file" as const, path, language: lang === "" ? null : lang }));
}

/** The source to show: the language remembered for the video when it is there, else the first. */
export function pickSource(sources: readonly VaultSource[], remembered: string | null | undefined): VaultSource | null {
	if (remembered !== undefined) {
		const match = sources.find((s) => s.kind === "file" && (s.language ?? "") === (remembered ?? ""));
		if (match) return match;
	}
	return sources[0] ?? null;
}

/** A source in words, for the view's header and messages. */
export function sourceLabel(source: TranscriptSource): string {
	if (source.kind === "url") return source.url;
	if (source.kind === "youtube") return source.fetched ? `YouTube captions, fetched ${source.fetched.slice(0, 10)}` : "YouTube captions";
	return source.path.slice(source.path.lastIndexOf("/") + 1);
}

/** Where a source is, in full (the header's tooltip). */
export function sourceAddress(source: TranscriptSource): string {
	if (source.kind === "url") return source.url;
	if (source.kind === "youtube") return `${source.name}, from https://www.youtube.com/watch?v=${source.id}${source.fetched ? `, fetched ${source.fetched}` : ""}`;
	return source.path;
}

/** What the language picker shows for a source. */
export function languageLabel(source: TranscriptSource): string {
	if (source.kind === "youtube") return source.name;
	return source.kind === "file" && source.language ? source.language : "default";
}

/** The value a language picker keeps for a source (`""`: the file without a language). */
export function languageKey(source: TranscriptSource): string | null {
	if (source.kind === "url") return null;
	return source.language ?? "";
}

/** Whether two sources are the same file, address or caption track. */
export function sameSource(a: TranscriptSource, b: TranscriptSource): boolean {
	if (a.kind === "url") return b.kind === "url" && a.url === b.url;
	if (a.kind === "youtube") return b.kind === "youtube" && a.id === b.id && a.language === b.language;
	return b.kind === "file" && a.path === b.path;
}
