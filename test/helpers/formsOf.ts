import { applyEdits, extractCitations, formatTimestamp, planPortableLinks, planRepairs, type VideoRef } from "../../src/core";

/** The written forms a corpus note is copied into, as other plugins and publishing write them. */
export type CopiedForm = "youtube" | "wiki" | "markdown-file" | "bare";

/** The note with its broken elements repaired: every time as the note reads it, written clean. */
export function repaired(text: string): string {
	return applyEdits(text, planRepairs(text).edits);
}

/** The note's YouTube video from its frontmatter, or `null`. */
export function youtubeOf(text: string): VideoRef | null {
	const m = /^videoId:\s*["']?([A-Za-z0-9_-]{11})/m.exec(text.slice(0, 2000));
	return m ? { kind: "youtube", id: m[1] as string } : null;
}

/**
 * The note with each timed element rewritten in `form` (its time as the note reads it): a
 * `youtu.be` link (the plugin's own convert), a wiki link to a media fragment of `clip`, a markdown
 * link to it, or an empty-target time link. Repairs first, so every time is a clean one.
 */
export function copyInForm(text: string, form: CopiedForm, clip = "talk.mp4"): string {
	const clean = applyEdits(text, planRepairs(text).edits);
	if (form === "youtube") return applyEdits(clean, planPortableLinks(clean, youtubeOf(clean), { inContext: true }).edits);
	const edits = extractCitations(clean)
		.filter((c) => c.form === "element" && c.seconds !== null && c.video === undefined)
		.map((c) => {
			const s = c.seconds as number;
			const time = formatTimestamp(s, { style: "m:ss" });
			const insert = form === "wiki" ? `[[${clip}#t=${s}]]` : form === "markdown-file" ? `[${time}](${clip}#t=${s})` : `[${time}]()`;
			// An element written inside a link's parentheses (`[00:00:14](<a …>…</a>)`, a real shape) goes with its link.
			const wrapper = /\[[^\]\n]{0,40}\]\($/.exec(clean.slice(Math.max(0, c.from - 60), c.from));
			if (wrapper && clean.charAt(c.to) === ")") return { from: c.from - wrapper[0].length, to: c.to + 1, insert };
			return { from: c.from, to: c.to, insert };
		});
	return applyEdits(clean, edits);
}
