/**
 * The pure core: timestamps, video sources and citation extraction. Text in, data out; no
 * `obsidian` import, so it runs in plain Node, in tests, and in the benchmarks.
 */
export type { Citation, CitationForm, TimedCitation, InvalidCitation, CitationBase, RepairKind, VideoRef } from "./types";
export { readMomentLink, mayHoldCitations } from "./momentLink";
export type { LinkMoment } from "./momentLink";
export { parseTimestamp, formatTimestamp, youtubeSeconds, MAX_SECONDS } from "./timestamp";
export type { FormatOptions } from "./timestamp";
export {
	parseYouTubeUrl,
	resolveVideo,
	readVideoValue,
	isYouTubeId,
	isMediaPath,
	videoKey,
	youtubeWatchUrl,
	youtubeThumbnailUrl,
	youtubeShortUrl,
	VIDEO_KEYS,
} from "./video";
export type { YouTubeUrlInfo } from "./video";
export { extractCitations } from "./extract";
export type { ExtractOptions } from "./extract";
export type { BlockState } from "./blockScan";
export { cleanDataTime, labelTime, writtenDataTime } from "./elementTime";
export { CONTEXT_REPAIRS } from "./noteTimes";
export { readingShown } from "./readingShown";
export type { ReadingShown } from "./readingShown";
export { toPlainText } from "./plainText";
export { playingIndex } from "./playing";
export { applyEdits } from "./edits";
export type { TextEdit } from "./edits";
export { planRepairs, standardAnchor } from "./repair";
export type { RepairPlan } from "./repair";
export { planPortableLinks, planAnchors } from "./convert";
export type { ConversionPlan } from "./convert";
export { toMarkdownList, toChapters, toCsv, planChapters, CHAPTER_RULES, type ChapterPlan } from "./exportFormats";
export type { ExportRow } from "./exportFormats";
export { proseExclusions } from "./regions";
