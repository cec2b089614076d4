import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { network, type RecordedResponse } from "../double/util";
import { recordingFor } from "../double/recordedYouTube";

const FOLDER = join(__dirname, "..", "fixtures", "youtube");

/** A recorded YouTube answer's text. */
export function recorded(name: string): string {
	return readFileSync(join(FOLDER, name), "utf8");
}

/**
 * Serves the recorded YouTube answers through the double's `requestUrl`; `override` answers
 * first (a refusal, a changed page). Requests with no recording fail as without network.
 */
export function serveRecordedYouTube(override?: (url: string) => RecordedResponse | undefined): void {
	network.serve = ({ url }) => {
		const answer = override?.(url);
		if (answer) return answer;
		const name = recordingFor(url);
		return name && existsSync(join(FOLDER, name)) ? { status: 200, text: recorded(name) } : undefined;
	};
}
