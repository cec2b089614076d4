/**
 * A small YAML subset (flat `key: value` maps, quoted strings, numbers, booleans, `- item` lists)
 * standing in for Obsidian's `parseYaml` in tests and the playground. Frontmatter in the corpus
 * never needs more.
 */
export function parseYaml(source: string): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	let listKey: string | null = null;
	for (const raw of source.split(/\r?\n/)) {
		if (!raw.trim() || raw.trimStart().startsWith("#")) continue;
		const item = /^\s+-\s*(.*)$/.exec(raw) ?? /^-\s*(.*)$/.exec(raw);
		if (item && listKey) {
			(out[listKey] as unknown[]).push(scalar(item[1] ?? ""));
			continue;
		}
		const m = /^([^:\s][^:]*?)\s*:(?:\s+(.*)|\s*)$/.exec(raw);
		if (!m) throw new Error(`YAML: cannot read line ${JSON.stringify(raw)}`);
		const key = m[1] ?? "";
		const value = m[2];
		if (value === undefined || value === "") {
			out[key] = [];
			listKey = key;
			continue;
		}
		listKey = null;
		if (value.startsWith("[") && value.endsWith("]")) {
			out[key] = value
				.slice(1, -1)
				.split(",")
				.map((s) => s.trim())
				.filter(Boolean)
				.map(scalar);
		} else out[key] = scalar(value);
	}
	for (const [k, v] of Object.entries(out)) if (Array.isArray(v) && v.length === 0) out[k] = null;
	return out;
}

function scalar(text: string): unknown {
	const t = text.trim();
	if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) {
		return t.length >= 2 ? t.slice(1, -1) : t;
	}
	if (t === "true") return true;
	if (t === "false") return false;
	if (t === "null" || t === "~") return null;
	if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
	return t.replace(/\s+#.*$/, "");
}

/**
 * Splits a note into its frontmatter source (without the fences) and where the body starts. A
 * byte-order mark before the opening fence (Notepad writes one) is skipped, as Obsidian does.
 */
export function splitFrontmatter(text: string): { yaml: string | null; bodyStart: number; endLine: number } {
	const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(bom ? text.slice(1) : text);
	if (!m) return { yaml: null, bodyStart: 0, endLine: -1 };
	const endLine = m[0].replace(/\r?\n$/, "").split("\n").length - 1;
	return { yaml: m[1] ?? "", bodyStart: bom + m[0].length, endLine };
}
