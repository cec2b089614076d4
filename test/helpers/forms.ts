/** One note that cites its video in every form the plugin reads, for the views' tests. */

/** The note's own video and another one. */
export const FORMS_ID = "aXGo1o_baBo";
export const FORMS_OTHER_ID = "hEzpiDuYFoE";

/** Each form, in document order, with what it plays. */
export const FORMS: readonly { name: string; md: string; seconds: number; video: "note" | "other" | "clip" }[] = [
	{ name: "element", md: '<a class="yt-timestamp" data-t="00:00:10">[00:00:10]</a>', seconds: 10, video: "note" },
	{ name: "YouTube link", md: `[0:20](https://youtu.be/${FORMS_ID}?t=20)`, seconds: 20, video: "note" },
	{ name: "watch link to another video", md: `[1:30](https://www.youtube.com/watch?v=${FORMS_OTHER_ID}&t=1m30s)`, seconds: 90, video: "other" },
	{ name: "wiki link to a clip", md: "[[clip.webm#t=40]]", seconds: 40, video: "clip" },
	{ name: "markdown link to a clip", md: "[the demo](clip.webm#t=0:50)", seconds: 50, video: "clip" },
	{ name: "empty-target time link", md: "[01:00]()", seconds: 60, video: "note" },
];

/** The note: one claim per form, then ordinary links that are not citations. */
export function formsNote(): string {
	const lines = FORMS.map((f, i) => `- Claim ${i + 1} about the ${f.name} ${f.md}.`);
	return [
		"---",
		`videoId: ${FORMS_ID}`,
		"---",
		"# Forms",
		"",
		...lines,
		"",
		`Ordinary: [a page](https://example.com/?t=5), [no time](https://youtu.be/${FORMS_ID}), [[Other note]], \`[0:26](https://youtu.be/${FORMS_ID}?t=26)\`.`,
		"",
	].join("\n");
}
